import Foundation
import Testing

/// Runs ogr2ogr with `arguments`; true on success.
private func ogr2ogr(_ arguments: [String]) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["ogr2ogr"] + arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}

@Suite struct HotspotsCommandTests {
    @Test func explainPrintsTheTable() throws {
        guard let result = try runNuanxin(["hotspots", "--explain"]) else { return }
        #expect(result.status == 0)
        for tag in [
            "amenity=restaurant", "amenity=fast_food", "amenity=cafe", "amenity=food_court", "amenity=marketplace",
            "shop=mall", "shop=supermarket", "shop=convenience", "shop=department_store", "amenity=parcel_locker",
            "office=courier",
        ] {
            #expect(result.stdout.contains(tag))
        }
    }

    /// `--position mean --count-by kind`, the options `scripts/derive-geodata` uses: a hotspot at its
    /// points' mean with pickup/dropoff counts; bad values are usage errors.
    @Test func meanPositionAndCountsByKind() throws {
        guard let network = realDataFile("chengdu-center.osm.pbf") else { return }
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("members.csv")
        // Two places in one 200 m cell of EPSG:4544 (a few metres apart), one far away in another.
        try Data("id,lon,lat,weight,kind\nn1,104.0700,30.6600,1,pickup\nw2,104.0701,30.6601,1,dropoff\nn3,104.0900,30.6700,1,pickup\n".utf8)
            .write(to: csv)
        let out = folder.appendingPathComponent("h.csv").path
        let base = ["hotspots", "--from", "points", csv.path, "--network", network, "--cache", folder.appendingPathComponent("cache").path]
        guard let result = try runNuanxin(base + ["--position", "mean", "--count-by", "kind", "--out", out]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "id,lon,lat,weight,count,dropoff,kind,pickup")
        // North first: the single pickup at 30.67, then the mixed cell at the two places' mean.
        #expect(lines.count == 3 && lines[1].hasSuffix(",1,1,0,pickup,1") && lines[2].hasSuffix(",2,2,1,mixed,1"))
        #expect(lines[1].contains(",104.0900000,30.6700000,"))
        #expect(lines[2].contains(",104.0700500,30.6600500,"))

        guard let bad = try runNuanxin(base + ["--position", "middle", "--out", out]) else { return }
        #expect(bad.status == 64 && bad.stderr.contains("--position must be centre or mean"))
        guard let osm = try runNuanxin(["hotspots", "--from", "osm", "--network", network, "--count-by", "kind", "--out", out]) else {
            return
        }
        #expect(osm.status == 64 && osm.stderr.contains("--count-by needs points"))
    }

    @Test func osmHotspotsAreByteIdenticalOnRerun() throws {
        guard let network = realDataFile("chengdu-center.osm.pbf") else { return }
        let folder = try makeTemporaryFolder()
        var outputs: [Data] = []
        for name in ["a.geojson", "b.geojson"] {
            guard
                let result = try runNuanxin([
                    "hotspots", "--from", "osm", "--network", network, "--cache", folder.appendingPathComponent("cache").path,
                    "--out", folder.appendingPathComponent(name).path,
                ])
            else { return }
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("with no road within 300 m"))
            outputs.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        #expect(outputs[0] == outputs[1])
        let text = String(decoding: outputs[0], as: UTF8.self)
        #expect(text.contains("\"id\":\"H001\"") && text.contains("\"count\":") && text.contains("\"weight\":"))
    }

    @Test func timedPointsFromAnExcelSheetFilteredByHour() throws {
        guard let network = realDataFile("chengdu-center.osm.pbf") else { return }
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("orders.csv")
        try Data(
            """
            订单号,经度,纬度,下单时间,订单量
            A1,104.0700,30.6600,2024-05-01 11:20,2
            A2,104.0702,30.6601,2024-05-01 12:05,1
            A3,104.0800,30.6500,2024-05-01 18:30,5
            A4,104.0900,30.6700,2024-05-01 13:10,1

            """.utf8
        ).write(to: csv)
        let xlsx = folder.appendingPathComponent("orders.xlsx").path
        guard try ogr2ogr(["-f", "XLSX", xlsx, csv.path, "-nln", "订单"]) else {
            Issue.record("ogr2ogr failed")
            return
        }
        let out = folder.appendingPathComponent("lunch.csv")
        guard
            let result = try runNuanxin([
                "hotspots", "--from", "points", xlsx, "--hours", "11-14", "--network", network,
                "--cache", folder.appendingPathComponent("cache").path, "--out", out.path,
            ])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("kept 3 of 4 points"))
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        // A1 and A2 share a 200 m cell (weight 2 + 1); A4 alone further north; A3 (18:30) left out.
        #expect(lines.first == "id,lon,lat,weight,count")
        #expect(lines.dropFirst().map { $0.split(separator: ",").suffix(2).joined(separator: ",") } == ["1,1", "3,2"])
    }

    @Test func hoursWithoutATimeColumnFailWithOneLineAndWriteNothing() throws {
        guard let network = realDataFile("chengdu-center.osm.pbf") else { return }
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("points.csv")
        try Data("id,lon,lat\n1,104.07,30.66\n".utf8).write(to: csv)
        let out = folder.appendingPathComponent("h.geojson")
        guard
            let result = try runNuanxin([
                "hotspots", "--from", "points", csv.path, "--hours", "11-14", "--network", network,
                "--cache", folder.appendingPathComponent("cache").path, "--out", out.path, "--quiet",
            ])
        else { return }
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("points.csv"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
