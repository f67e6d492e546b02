import Foundation
import GeoCore
import Testing

/// `nuanxin route` on the town (hand-computed, lengths in `TownFixture`)
/// and between two known places in Chengdu.
@Suite struct RouteCommandTests {
    private func route(_ from: String, _ to: String, network: String? = nil, _ extra: [String] = []) throws -> CLIResult? {
        try runNuanxin(
            ["route", "-q", "--network", try network ?? TownFixture.osmFile(), "--from", from, "--to", to] + extra)
    }

    /// The one Feature of a successful run's GeoJSON.
    private func feature(_ result: CLIResult) throws -> (properties: [String: Any], coordinates: [[Double]]) {
        #expect(result.status == 0, "\(result.stderr)")
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 1)
        let geometry = try #require(features.first?["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "LineString")
        return (
            try #require(features.first?["properties"] as? [String: Any]),
            try #require(geometry["coordinates"] as? [[Double]])
        )
    }

    /// n1 → n4 takes the one-way north: 95.851 + 110.875 = 206.726 m, 49.614 s.
    @Test func alongTheOneWay() throws {
        guard let result = try route("104.060,30.660", "104.061,30.661") else { return }
        let (properties, coordinates) = try feature(result)
        #expect(properties["meters"] as? Double == 206.7)
        #expect(properties["seconds"] as? Double == 49.6)
        #expect(properties["snap_from_m"] as? Double == 0)
        #expect(properties["snap_to_m"] as? Double == 0)
        #expect(properties["profile"] as? String == "ebike")
        #expect(properties["speed_kmh"] as? Double == 15)
        #expect(coordinates == [[104.06, 30.66], [104.061, 30.66], [104.061, 30.661]])
    }

    /// n4 → n1 may not take the one-way back: n4–n5–n3–n2–n1, 398.427 m, 95.622 s.
    @Test func aroundTheOneWay() throws {
        guard let result = try route("104.061,30.661", "104.060,30.660") else { return }
        let (properties, coordinates) = try feature(result)
        #expect(properties["meters"] as? Double == 398.4)
        #expect(properties["seconds"] as? Double == 95.6)
        #expect(coordinates.count == 5)
    }

    /// From 11.087 m north of n1–n2 (38.340 m from n1) to n4: walk 8.870 s,
    /// ride 57.511 + 110.875 = 168.385 m in 40.412 s, 49.282 s door to door.
    @Test func doorToDoorFromBesideTheRoad() throws {
        guard let result = try route("104.0604,30.6601", "104.061,30.661") else { return }
        let (properties, coordinates) = try feature(result)
        #expect(properties["snap_from_m"] as? Double == 11.1)
        #expect(properties["meters"] as? Double == 168.4)
        #expect(properties["seconds"] as? Double == 49.3)
        let start = try #require(coordinates.first)
        #expect(abs(start[0] - 104.0604) <= 2e-7 && abs(start[1] - 30.66) <= 2e-7)
    }

    @Test func outFileHoldsWhatStdoutPrints() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("route.geojson")
        guard let printed = try route("104.060,30.660", "104.063,30.660"),
            let written = try route("104.060,30.660", "104.063,30.660", ["--out", out.path])
        else { return }
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == printed.stdout)
    }

    @Test func endFarFromTheRoadsIsAOneLineError() throws {
        guard let result = try route("104.060,30.660", "104.4,30.66") else { return }
        expectOneLineError(result, mentioning: ["--to 104.4,30.66", "more than the snapping limit of 300 m"])
    }

    @Test func malformedPointIsAUsageError() throws {
        guard let result = try route("30.66", "104.061,30.661") else { return }
        #expect(result.status == 64)
        #expect(result.stderr.contains("--from"))
    }

    @Test func helpIsPrintedNotAnError() throws {
        guard let result = try runNuanxin(["route", "--help"]) else { return }
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: nuanxin route --network <network>"))
        #expect(result.stderr.isEmpty)
    }

    /// 宽窄巷子 (Kuanzhai Alleys, OSM node 4064178141) to 春熙路 (Chunxi Road,
    /// node 1933562814), 3.1 km apart as the crow flies: 3.1 km / 15 km/h is
    /// 748 s. Measured: 3,916.7 m of road (1.26 × the straight line) in
    /// 996.9 s (16.6 min) door to door; 940 s of it is riding 3.9 km at
    /// 15 km/h, the rest the walks to the road and short pushed stretches.
    @Test func chengduKnownPlacesTakeAPlausibleTime() throws {
        let city = try #require(chengduExtract(), "chengdu-center.osm.pbf not found in geodata/ or ../shared/geodata")
        let cache = try makeTemporaryFolder().path
        let from = Coordinate(lon: 104.0477489, lat: 30.6677692)
        let to = Coordinate(lon: 104.0774829, lat: 30.6563608)
        guard
            let result = try route(
                "\(from.lon),\(from.lat)", "\(to.lon),\(to.lat)", network: city, ["--cache", cache])
        else { return }
        let (properties, _) = try feature(result)
        let projected = try Projection(from: "EPSG:4326", to: "EPSG:4544").forward([from, to])
        let crow =
            ((projected[0].x - projected[1].x) * (projected[0].x - projected[1].x)
            + (projected[0].y - projected[1].y) * (projected[0].y - projected[1].y)).squareRoot()
        let meters = try #require(properties["meters"] as? Double)
        let seconds = try #require(properties["seconds"] as? Double)
        let walks = ((properties["snap_from_m"] as? Double ?? 0) + (properties["snap_to_m"] as? Double ?? 0)) / 1.25
        #expect(crow > 3000 && crow < 3200)
        #expect(meters >= crow && meters <= 1.6 * crow)
        #expect(seconds >= meters / (15 / 3.6) + walks - 0.2)
        #expect(seconds <= 1.2 * meters / (15 / 3.6) + walks)
        print("route 宽窄巷子 → 春熙路: \(meters) m, \(seconds) s door to door; straight line \(Int(crow)) m")
    }
}
