import Foundation
import GeoCore
import Testing

/// `nuanxin reach` end to end on the default city, central Chengdu.
@Suite struct ReachCommandTests {
    /// Twelve bank and hotel POIs of the OSM extract, and one point 20 km off the map.
    static let stationsText = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"1","properties":{"name":"Hello Chengdu International Youth Hostel"},"geometry":{"type":"Point","coordinates":[104.0849977,30.6831159]}},
        {"type":"Feature","id":"2","properties":{"name":"正熙国际酒店"},"geometry":{"type":"Point","coordinates":[104.0760818,30.6559428]}},
        {"type":"Feature","id":"3","properties":{"name":"香逸商务酒店"},"geometry":{"type":"Point","coordinates":[104.1215961,30.6759731]}},
        {"type":"Feature","id":"4","properties":{"name":"新悦旅店"},"geometry":{"type":"Point","coordinates":[104.1039469,30.6726877]}},
        {"type":"Feature","id":"5","properties":{"name":"Buddha Zen Hotel"},"geometry":{"type":"Point","coordinates":[104.0704598,30.6756223]}},
        {"type":"Feature","id":"6","properties":{"name":"ICBC"},"geometry":{"type":"Point","coordinates":[104.0623284,30.6721630]}},
        {"type":"Feature","id":"7","properties":{"name":"金河宾馆"},"geometry":{"type":"Point","coordinates":[104.0536327,30.6635158]}},
        {"type":"Feature","id":"8","properties":{"name":"ICBC"},"geometry":{"type":"Point","coordinates":[104.0766865,30.6798976]}},
        {"type":"Feature","id":"9","properties":{"name":"Ibis Chengdu Chunxi Hotel"},"geometry":{"type":"Point","coordinates":[104.0793299,30.6602905]}},
        {"type":"Feature","id":"10","properties":{"name":"Icbc"},"geometry":{"type":"Point","coordinates":[104.0540047,30.6813596]}},
        {"type":"Feature","id":"11","properties":{},"geometry":{"type":"Point","coordinates":[104.0486347,30.7034165]}},
        {"type":"Feature","id":"12","properties":{"name":"Bank of Chengdu"},"geometry":{"type":"Point","coordinates":[104.0482385,30.6555468]}},
        {"type":"Feature","id":"far","properties":{"name":"off the map"},"geometry":{"type":"Point","coordinates":[104.2,30.9]}}
        ]}
        """

    /// A folder holding `stations.geojson`, and the network path; nil (with an issue) without geodata.
    private func setUp(stations: String = Self.stationsText) throws -> (folder: URL, network: String)? {
        guard let network = ReachTestData.chengdu() else {
            Issue.record("chengdu-center.osm.pbf not found in geodata/, ../shared/geodata or ../../shared/geodata")
            return nil
        }
        let folder = try makeTemporaryFolder()
        try Data(stations.utf8).write(to: folder.appendingPathComponent("stations.geojson"))
        return (folder, network)
    }

    private func reach(_ folder: URL, _ network: String, _ extra: [String], out: String) throws -> CLIResult? {
        try runNuanxin(
            [
                "reach", "--network", network, "--cache", ReachTestData.cacheFolder, "--stations",
                folder.appendingPathComponent("stations.geojson").path, "--out", folder.appendingPathComponent(out).path,
            ] + extra)
    }

    @Test func mergedCirclesAreValidNestedDeterministicAndOpenInOGR() throws {
        guard let (folder, network) = try setUp() else { return }
        guard let result = try reach(folder, network, [], out: "reach.geojson") else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderrLines.contains(
                "nuanxin: station far is left out: nearest usable road is 20184.5 m away (more than the snapping limit of 300 m)"))
        let file = folder.appendingPathComponent("reach.geojson")
        let collection = try GeoJSONReader.read(contentsOf: file)
        #expect(collection.features.count == 4)
        let circles = Array(collection.features.prefix(3))
        let metric = try ReachTestData.metric()
        #expect(circles.map { $0.properties?["minutes"] } == [.number(5), .number(10), .number(15)])
        for circle in circles {
            let p = try #require(circle.properties)
            #expect(p["profile"] == .string("ebike") && p["speed_kmh"] == .number(15) && p["stations"] == .number(12))
            #expect(p["access_m"] == .number(50) && p["station_id"] == nil)
            try ReachTestData.expectValidRFC7946(circle)
            // The reported area is the geometry's, in the metric CRS, to 3 decimals.
            let area = try ReachTestData.squareKilometres(circle, metric)
            #expect(abs(area - (p["area_km2"]?.numberValue ?? 0)) < 0.001)
        }
        for index in 1..<3 {
            #expect(try ReachTestData.covers(circles[index], circles[index - 1]), "circle \(index) does not cover circle \(index - 1)")
        }
        let unroutable = try #require(collection.features.last)
        #expect(unroutable.geometry == nil)
        #expect(unroutable.properties?["unroutable"] == .bool(true))
        #expect(unroutable.properties?["station_id"] == .string("far"))
        #expect(unroutable.properties?["snap_m"] == .number(20184.5))

        guard let again = try reach(folder, network, ["--quiet"], out: "again.geojson") else { return }
        #expect(again.status == 0)
        #expect(try Data(contentsOf: file) == Data(contentsOf: folder.appendingPathComponent("again.geojson")))
        try ReachTestData.expectOGR(file, features: 4, geometry: "Multi Polygon")
    }

    @Test func perStationCirclesHoldTheirStationsAndOutgrowTheMergedCircle() throws {
        guard let (folder, network) = try setUp() else { return }
        guard let merged = try reach(folder, network, ["--quiet", "--minutes", "15"], out: "merged.geojson"),
            let perStation = try reach(
                folder, network, ["--quiet", "--per-station", "--minutes", "15,5,10"], out: "stations-circles.geojson")
        else { return }
        #expect(merged.status == 0 && perStation.status == 0, "\(perStation.stderr)")
        let stations = try GeoJSONReader.read(data: Data(Self.stationsText.utf8), fileName: nil).features
        let features = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("stations-circles.geojson")).features
        #expect(features.count == 12 * 3 + 1)
        let metric = try ReachTestData.metric()
        let circles = features.filter { $0.geometry != nil }
        // Sorted by minutes, then station id (numerically).
        #expect(circles.prefix(12).compactMap { $0.properties?["station_id"]?.stringValue } == (1...12).map(String.init))
        for circle in circles {
            let p = try #require(circle.properties)
            let id = try #require(p["station_id"]?.stringValue)
            let station = try #require(stations.first { $0.id?.description == id })
            guard case .point(let at)? = station.geometry else {
                Issue.record("station \(id) is not a point")
                continue
            }
            try ReachTestData.expectValidRFC7946(circle)
            #expect(try ReachTestData.covers(circle, at), "station \(id) outside its \(p["minutes"]!) min circle")
            #expect(p["stations"] == .number(1))
            // 15 min at 15 km/h is 3.75 km of road: never more than a disc of that radius.
            #expect(try ReachTestData.squareKilometres(circle, metric) < Double.pi * 3.75 * 3.75)
        }
        for id in (1...12).map(String.init) {
            let own = circles.filter { $0.properties?["station_id"]?.stringValue == id }
            // Three levels on one grid, nested as written (7 decimals of a degree).
            #expect(own.count == 3)
            for index in 1..<own.count {
                #expect(
                    try ReachTestData.covers(own[index], own[index - 1]),
                    "station \(id): circle \(index) does not cover circle \(index - 1)")
            }
        }
        let mergedFifteen = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("merged.geojson")).features[0]
        let sum = try circles.filter { $0.properties?["minutes"] == .number(15) }.map { try ReachTestData.squareKilometres($0, metric) }
            .reduce(0, +)
        #expect(try ReachTestData.squareKilometres(mergedFifteen, metric) <= sum)
    }

    @Test func gcj02OutputConvertsBackToTheWGS84Output() throws {
        guard let (folder, network) = try setUp() else { return }
        guard let wgs = try reach(folder, network, ["--quiet", "--minutes", "10"], out: "wgs.geojson"),
            let gcj = try reach(folder, network, ["--quiet", "--minutes", "10", "--crs-out", "gcj02"], out: "gcj.geojson")
        else { return }
        #expect(wgs.status == 0 && gcj.status == 0, "\(gcj.stderr)")
        let plain = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("wgs.geojson"))
        let shifted = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("gcj.geojson"))
        #expect(plain.foreignMembers["crs_note"] == nil)
        #expect(shifted.foreignMembers["crs_note"]?.stringValue?.hasPrefix("Coordinates are GCJ-02") == true)
        var expected: [Coordinate] = []
        var back: [Coordinate] = []
        plain.features.forEach { $0.geometry?.forEachCoordinate { expected.append($0) } }
        shifted.features.forEach { $0.geometry?.forEachCoordinate { back.append(ChineseDatum.gcj02.convert($0, to: .wgs84)) } }
        #expect(expected.count == back.count && expected.count > 1000)
        var worst = 0.0
        for (a, b) in zip(expected, back) {
            let east = (a.lon - b.lon) * 111_320 * cos(a.lat * .pi / 180)
            let north = (a.lat - b.lat) * 110_574
            worst = max(worst, (east * east + north * north).squareRoot())
        }
        #expect(worst < 0.05, "a position is \(worst) m off after converting back")
        // The shift itself is hundreds of metres in Chengdu.
        #expect(abs(expected[0].lon - shifted.features[0].geometry.map(ReachTestData.firstCoordinate)!.lon) > 0.001)
    }

    @Test func allStationsUnroutableFailsInOneLineWithoutAFile() throws {
        let far = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","properties":{},"geometry":{"type":"Point","coordinates":[104.2,30.9]}},
            {"type":"Feature","id":"b","properties":{},"geometry":{"type":"Point","coordinates":[103.8,30.4]}}]}
            """
        guard let (folder, network) = try setUp(stations: far) else { return }
        guard let result = try reach(folder, network, ["--quiet"], out: "none.geojson") else { return }
        #expect(result.status == 1)
        let errors = result.stderrLines.filter { $0.hasPrefix("nuanxin: error:") }
        // One line for the whole file (issue 14), not one per station.
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(
            errors.count == 1
                && errors[0].contains("stations.geojson: 2 of 2 stations are unroutable (first: id a, nearest usable road is ")
                && errors[0].hasSuffix("check --crs (AMap/Tencent points are gcj02, Baidu bd09: 300–600 m off) or raise --max-snap"),
            "\(errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stations.geojson"])
    }

    @Test func badMinutesAndAccessAreUsageErrors() throws {
        guard let (folder, network) = try setUp() else { return }
        for (arguments, message) in [
            (["--minutes", "5,10,5"], "--minutes: 5 is listed twice"),
            (["--minutes", "0,5"], "--minutes: 0 is out of range: must be more than 0 and at most 600 minutes (e.g. --minutes 15)"),
            (["--minutes", "five"], "--minutes"),
            (["--access", "0"], "--access: 0 is out of range: must be more than 0 and at most 1000 m (e.g. --access 50)"),
        ] {
            guard let result = try reach(folder, network, arguments, out: "bad.geojson") else { return }
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.geojson").path))
    }

    @Test func helpDescribesTheCircles() throws {
        guard let result = try runNuanxin(["reach", "--help"]) else { return }
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: nuanxin reach [<options>] --network <network> --stations <stations>"))
        #expect(result.stdout.contains("--crs-out <crs-out>"))
    }

    @Test func unsortedMinutesAndSpeedBandAreWrittenInOrder() throws {
        guard let (folder, network) = try setUp() else { return }
        guard let result = try reach(folder, network, ["--quiet", "--minutes", "10,5", "--speed-band", "12,20"], out: "band.geojson")
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let circles = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("band.geojson")).features.filter {
            $0.geometry != nil
        }
        #expect(
            circles.map { [$0.properties!["speed_kmh"]!, $0.properties!["minutes"]!] } == [
                [.number(12), .number(5)], [.number(12), .number(10)], [.number(20), .number(5)], [.number(20), .number(10)],
            ])
        let metric = try ReachTestData.metric()
        #expect(try ReachTestData.squareKilometres(circles[3], metric) > ReachTestData.squareKilometres(circles[1], metric))
    }

    @Test func withoutOutTheFileGoesToTheOutFolder() throws {
        guard let (folder, network) = try setUp() else { return }
        guard
            let result = try ReachTestData.run(
                [
                    "reach", "--network", network, "--cache", ReachTestData.cacheFolder, "--stations", "stations.geojson",
                    "--minutes", "5", "--quiet",
                ], in: folder)
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let written = folder.appendingPathComponent("out/reach.geojson")
        #expect(try GeoJSONReader.read(contentsOf: written).features.count == 2)
    }
}
