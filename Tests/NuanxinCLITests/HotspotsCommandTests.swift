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
