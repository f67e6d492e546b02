import Foundation
import GeoCore
import TestSupport
import Testing

/// `nuanxin audit` end to end on the default city (central Chengdu, OSM) with
/// seeded hotspots and six stations, run as the built binary.
@Suite struct AuditCommandTests {
    /// `<packageRoot>/geodata/<name>` or the shared copy beside the clone.
    static func realData(_ name: String) -> String? { realDataFile(name) }

    static let hotspotCount = 150

    /// A folder with `stations.csv` (six stations), `hotspots.csv` (150 seeded
    /// points in the study area, weights 1–5, some names with commas) and a cache folder.
    struct Inputs {
        let folder: URL
        var stations: String { folder.appendingPathComponent("stations.csv").path }
        var hotspots: String { folder.appendingPathComponent("hotspots.csv").path }
        var cache: String { folder.appendingPathComponent("cache").path }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// `audit` arguments for the real network with these inputs.
        func arguments(_ extra: [String]) throws -> [String] {
            let pbf = try #require(AuditCommandTests.realData("chengdu-center.osm.pbf"), "chengdu-center.osm.pbf not found")
            return ["audit", "--network", pbf, "--cache", cache, "--stations", stations, "--hotspots", hotspots] + extra
        }
    }

    static func inputs() throws -> Inputs {
        let folder = try makeTemporaryFolder()
        let inputs = Inputs(folder: folder)
        try Data(
            """
            id,lon,lat,name
            S1,104.0657,30.6595,天府广场
            S2,104.0800,30.6700,
            S3,104.1000,30.6900,
            S4,104.0550,30.7000,
            S5,104.1150,30.7150,
            S6,104.0700,30.7200,

            """.utf8
        ).write(to: URL(fileURLWithPath: inputs.stations))
        var random = SplitMix64(state: 8)
        var csv = "id,lon,lat,weight,name\n"
        for i in 0..<hotspotCount {
            let lon = 104.0421 + random.unit() * 0.0875
            let lat = 30.6528 + random.unit() * 0.0751
            let weight = 1 + Int(random.unit() * 5)
            let name = i % 10 == 0 ? "\"面馆, 第\(i)家\"" : ""
            csv += "H\(i),\(formatDegrees(lon)),\(formatDegrees(lat)),\(weight),\(name)\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: inputs.hotspots))
        return inputs
    }

    private func properties(_ feature: Feature) -> [String: JSONValue] { feature.properties ?? [:] }

    @Test func auditsTheRealCityByDistrict() throws {
        let inputs = try Self.inputs()
        let districts = try #require(Self.realData("districts.geojson"))
        let arguments = try inputs.arguments([
            "--districts", districts, "--out", inputs.path("audit.geojson"), "--summary", inputs.path("audit.csv"),
        ])
        guard let result = try runNuanxin(arguments) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("weight covered: "))
        #expect(result.stdout.contains("largest uncovered hotspots:"))

        let features = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: inputs.path("audit.geojson"))).features
        #expect(features.count == Self.hotspotCount + 5 * 2 + 6, "hotspots, district and gap per district, one per station")
        let hotspots = features.prefix(Self.hotspotCount)
        #expect(hotspots.map { properties($0)["id"] } == (0..<Self.hotspotCount).map { .string("H\($0)") })
        #expect(properties(hotspots[hotspots.startIndex + 10])["name"] == .string("面馆, 第10家"))
        var weightTotal = 0.0
        var weightCovered = 0.0
        var covered = 0
        for feature in hotspots {
            let p = properties(feature)
            let minutes = p["minutes_to_nearest"]?.numberValue
            #expect(p["covered"] == .bool(minutes.map { $0 <= 15 } ?? false), "\(p["id"] ?? .null)")
            #expect((p["stations_within"]?.numberValue ?? -1 > 0) == (p["covered"] == .bool(true)))
            #expect(p["snap_m"]?.numberValue != nil)
            let weight = try #require(p["weight"]?.numberValue)
            weightTotal += weight
            if p["covered"] == .bool(true) {
                covered += 1
                weightCovered += weight
            }
        }
        #expect(covered > 0 && covered < Self.hotspotCount)
        let areas = features.dropFirst(Self.hotspotCount).prefix(10)
        let stations = features.suffix(6)
        #expect(stations.allSatisfy { properties($0)["kind"] == .string("station") })
        let served = stations.compactMap { properties($0)["weight_served"]?.numberValue }.reduce(0, +)
        #expect(abs(served - weightCovered) < 1e-6, "the stations' weight served adds up to the covered weight")
        let kinds: [JSONValue?] = (0..<5).flatMap { _ in [JSONValue.string("district"), .string("gap")] }
        #expect(areas.map { properties($0)["kind"] } == kinds)
        #expect(
            areas.map { properties($0)["name"]?.stringValue ?? "" } == [
                "金牛区", "金牛区", "青羊区", "青羊区", "武侯区", "武侯区", "锦江区", "锦江区", "成华区", "成华区",
            ])

        let rows = try String(contentsOfFile: inputs.path("audit.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 1 + 5 + 1)
        #expect(rows.first?.first == "speed_kmh")
        let total = try #require(rows.last)
        #expect(total[2] == "total")
        #expect(total[3] == String(Self.hotspotCount))
        #expect(total[4] == String(covered))
        #expect(Double(total[5]) == weightTotal)
        #expect(Double(total[6]) == weightCovered)
        let districtRows = rows.dropFirst().dropLast()
        #expect(districtRows.reduce(0) { $0 + Int($1[3])! } == Self.hotspotCount)
        #expect(districtRows.reduce(0.0) { $0 + Double($1[6])! } == weightCovered)
        #expect(districtRows.allSatisfy { (0...1).contains(Double($0[7])!) })
    }

    @Test func noGapsWritesTheSameFiguresWithoutGapPolygons() throws {
        let inputs = try Self.inputs()
        let districts = try #require(Self.realData("districts.geojson"))
        var csv: [[[String]]] = []
        var features: [[Feature]] = []
        for (run, extra) in [[], ["--no-gaps"]].enumerated() {
            let out = inputs.path("audit-\(run).geojson")
            let summary = inputs.path("audit-\(run).csv")
            guard
                let result = try runNuanxin(
                    try inputs.arguments(["--districts", districts, "--out", out, "--summary", summary, "--quiet"] + extra))
            else { return }
            #expect(result.status == 0, "\(result.stderr)")
            csv.append(
                try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\n")
                    .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
            features.append(try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: out)).features)
        }
        // Same rows and figures; only uncovered_area_km2 (the last column) is left empty.
        #expect(csv[1].map { Array($0.dropLast()) } == csv[0].map { Array($0.dropLast()) })
        #expect(csv[1].dropFirst().allSatisfy { $0.last == "" })
        #expect(csv[0].dropFirst().allSatisfy { !($0.last ?? "").isEmpty })
        // Hotspots as before, then the five districts without their gap features.
        #expect(Array(features[1].prefix(Self.hotspotCount)) == Array(features[0].prefix(Self.hotspotCount)))
        // (then one "kind": "station" feature per station, issue 18)
        let areas = features[1].dropFirst(Self.hotspotCount).filter { properties($0)["kind"] != .string("station") }
        #expect(areas.map { properties($0)["kind"] } == Array(repeating: JSONValue.string("district"), count: 5))
        #expect(areas.allSatisfy { properties($0)["uncovered_area_km2"] == .null })
    }

    @Test func outputsAreByteIdenticalAcrossRuns() throws {
        let inputs = try Self.inputs()
        let districts = try #require(Self.realData("districts.geojson"))
        var outputs: [[Data]] = []
        for run in 0..<2 {
            let out = inputs.path("audit-\(run).geojson")
            let csv = inputs.path("audit-\(run).csv")
            guard let result = try runNuanxin(try inputs.arguments(["--districts", districts, "--out", out, "--summary", csv, "--quiet"]))
            else { return }
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty, "--quiet prints nothing")
            outputs.append([try Data(contentsOf: URL(fileURLWithPath: out)), try Data(contentsOf: URL(fileURLWithPath: csv))])
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test(.enabled(if: ogrinfoPath != nil, "gdal-bin is not installed: ogrinfo check skipped"))
    func gdalReadsTheOutput() throws {
        let inputs = try Self.inputs()
        let districts = try #require(Self.realData("districts.geojson"))
        let out = inputs.path("audit.geojson")
        guard let result = try runNuanxin(try inputs.arguments(["--districts", districts, "--out", out, "--quiet"])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let (status, text) = try ogrinfoSummary(out)
        #expect(status == 0, "\(text)")
        #expect(text.contains("Feature Count: \(Self.hotspotCount + 10 + 6)"))
        #expect(text.contains("share_covered: Real"))
        #expect(text.contains("minutes_to_nearest: Real"))
    }

    @Test func aSpeedBandWritesOneSetPerSpeed() throws {
        let inputs = try Self.inputs()
        let out = inputs.path("band.geojson")
        let csv = inputs.path("band.csv")
        guard let result = try runNuanxin(try inputs.arguments(["--speed-band", "12,20", "--out", out, "--summary", csv])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let features = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: out)).features
        let perSpeed = Self.hotspotCount + 2 + 6
        #expect(features.count == 2 * perSpeed)
        #expect(features.prefix(perSpeed).allSatisfy { properties($0)["speed_kmh"] == .number(12) })
        #expect(features.suffix(perSpeed).allSatisfy { properties($0)["speed_kmh"] == .number(20) })
        let slow = features.prefix(Self.hotspotCount).count { properties($0)["covered"] == .bool(true) }
        let fast = features.dropFirst(perSpeed).prefix(Self.hotspotCount).count { properties($0)["covered"] == .bool(true) }
        #expect(fast > slow)
        // Without districts the study area is the one area.
        #expect(properties(features[Self.hotspotCount])["name"] == .string("study area"))
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2)
        #expect(lines[1].hasPrefix("12,15,study area,") && lines[3].hasPrefix("20,15,study area,"))
        #expect(result.stdout.contains("audit: 15 min at 12 km/h") && result.stdout.contains("audit: 15 min at 20 km/h"))
    }

    @Test func aBadHotspotRowFailsWithOneLineAndNoFiles() throws {
        let inputs = try Self.inputs()
        var text = try String(contentsOfFile: inputs.hotspots, encoding: .utf8)
        text += "bad,104.08,abc,1,\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: inputs.hotspots))
        let out = inputs.path("audit.geojson")
        let csv = inputs.path("audit.csv")
        guard let result = try runNuanxin(try inputs.arguments(["--out", out, "--summary", csv])) else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines.last == "nuanxin: error: \(inputs.hotspots): line \(Self.hotspotCount + 2): lat \"abc\" is not a number")
        #expect(result.stderrLines.filter { $0.hasPrefix("nuanxin: error:") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: csv))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnwritableSummaryLeavesNoGeoJSONBehind() throws {
        let inputs = try Self.inputs()
        let out = inputs.path("audit.geojson")
        let csv = inputs.path("missing-folder/audit.csv")
        guard let result = try runNuanxin(try inputs.arguments(["--out", out, "--summary", csv, "--quiet"])) else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.contains("audit.csv: cannot write"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: inputs.folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func inputsThatCannotGiveAnAuditAreRejected() throws {
        let inputs = try Self.inputs()
        let out = inputs.path("audit.geojson")
        // Stations 20 km outside the city: none is routable.
        let far = inputs.path("far.csv")
        try Data("id,lon,lat\nX,104.30,30.90\n".utf8).write(to: URL(fileURLWithPath: far))
        var arguments = try inputs.arguments(["--out", out, "--quiet"])
        arguments[arguments.firstIndex(of: inputs.stations)!] = far
        guard let noStation = try runNuanxin(arguments) else { return }
        #expect(noStation.status == 1)
        #expect(
            noStation.stderrLines == [
                "nuanxin: error: \(far): 1 of 1 stations are unroutable (first: id X, nearest usable road is 25194.2 m away (more than the snapping limit of 300 m)); check --crs (AMap/Tencent points are gcj02, Baidu bd09: 300–600 m off) or raise --max-snap"
            ])

        let districts = try #require(Self.realData("districts.geojson"))
        guard
            let badField = try runNuanxin(try inputs.arguments(["--districts", districts, "--district-name-field", "NAME", "--out", out]))
        else { return }
        #expect(badField.status == 1)
        #expect(badField.stderrLines.last?.hasPrefix("nuanxin: error: \(districts): feature 1: no name in property \"NAME\"") == true)
        #expect(badField.stderr.contains("; choose the name property with --district-name-field"))

        guard let oddMinutes = try runNuanxin(try inputs.arguments(["--minutes", "12.34", "--out", out])) else { return }
        #expect(oddMinutes.status != 0 && oddMinutes.stderr.contains("--minutes: 12.34 is not a multiple of 0.1 minutes"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
