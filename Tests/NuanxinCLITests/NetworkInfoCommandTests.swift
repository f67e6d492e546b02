import Foundation
import Testing

/// `nuanxin network info` on the town (OSM and road GeoJSON), on the real
/// city, and on inputs a user can get wrong.
@Suite struct NetworkInfoCommandTests {
    private func infoJSON(_ arguments: [String]) throws -> [String: Any]? {
        guard let result = try runNuanxin(["network", "info", "--json", "-q"] + arguments) else { return nil }
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func jsonHasTheIssueKeysWithHandCountedValues() throws {
        guard let info = try infoJSON(["--network", try TownFixture.osmFile()]) else { return }
        let required: Set = ["nodes", "edges", "road_km", "components", "largest_component_share", "bbox", "crs", "profile"]
        #expect(required.isSubset(of: Set(info.keys)))
        #expect(info["nodes"] as? Int == 6)
        #expect(info["edges"] as? Int == 11)
        #expect(info["road_km"] as? Double == 0.605)
        #expect(info["components"] as? Int == 1)
        #expect(info["largest_component_share"] as? Double == 1)
        #expect(info["bbox"] as? [Double] == [104.06, 30.66, 104.063, 30.661])
        #expect(info["crs"] as? String == "EPSG:4544")
        #expect(info["profile"] as? String == "ebike")
    }

    /// Walking ignores the one-way (12 edges); the motorway stays out.
    @Test func walkProfile() throws {
        guard let info = try infoJSON(["--network", try TownFixture.osmFile(), "--profile", "walk"]) else { return }
        #expect(info["nodes"] as? Int == 6)
        #expect(info["edges"] as? Int == 12)
        #expect(info["profile"] as? String == "walk")
    }

    @Test func roadGeoJSONGivesTheSameNetworkAsOSM() throws {
        let geojson = try TownFixture.write(TownFixture.geojson, as: "town.geojson")
        guard let fromGeoJSON = try infoJSON(["--network", geojson]),
            let fromOSM = try infoJSON(["--network", try TownFixture.osmFile()])
        else { return }
        for key in ["nodes", "edges", "road_km", "components", "largest_component_share", "bbox", "crs", "profile"] {
            #expect("\(fromGeoJSON[key] ?? "none")" == "\(fromOSM[key] ?? "none")", "\(key)")
        }
        // The second run reads the cache written beside the input.
        guard let cached = try infoJSON(["--network", geojson]) else { return }
        #expect(cached["from_cache"] as? Bool == true)
    }

    @Test func chengduKeepsMostOfItsRoads() throws {
        let city = try #require(chengduExtract(), "chengdu-center.osm.pbf not found in geodata/ or ../shared/geodata")
        let cache = try makeTemporaryFolder().path
        guard let info = try infoJSON(["--network", city, "--cache", cache]) else { return }
        #expect(info["crs"] as? String == "EPSG:4544")
        #expect((info["largest_component_share"] as? Double ?? 0) > 0.9)
        #expect((info["nodes"] as? Int ?? 0) > 2000)
    }

    @Test func truncatedPBFIsAOneLineError() throws {
        let city = try #require(chengduExtract(), "chengdu-center.osm.pbf not found in geodata/ or ../shared/geodata")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: city))
        let path = try makeTemporaryFolder().appendingPathComponent("cut.osm.pbf")
        try bytes.prefix(bytes.count / 3).write(to: path)
        guard let result = try runNuanxin(["network", "info", "-q", "--network", path.path]) else { return }
        expectOneLineError(result, mentioning: [path.path, "not a readable OpenStreetMap file"])
    }

    @Test func emptyFileIsAOneLineError() throws {
        let path = try TownFixture.write("", as: "empty.osm.pbf")
        guard let result = try runNuanxin(["network", "info", "-q", "--network", path]) else { return }
        expectOneLineError(result, mentioning: [path, "empty"])
    }

    @Test func fileWithoutRoadsIsAOneLineError() throws {
        let path = try TownFixture.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="hand-made">
              <node id="1" lat="30.660" lon="104.060"><tag k="amenity" v="pharmacy"/></node>
              <node id="2" lat="30.661" lon="104.061"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="waterway" v="river"/></way>
            </osm>
            """, as: "no-roads.osm")
        guard let result = try runNuanxin(["network", "info", "-q", "--network", path]) else { return }
        expectOneLineError(result, mentioning: [path, "no road usable by the ebike profile"])
    }

    @Test func roadGeoJSONWithoutLinesIsAOneLineError() throws {
        let path = try TownFixture.write(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"highway":"bus_stop"},"geometry":{"type":"Point","coordinates":[104.06,30.66]}}
            ]}
            """, as: "stops.geojson")
        guard let result = try runNuanxin(["network", "info", "-q", "--network", path]) else { return }
        expectOneLineError(result, mentioning: [path, "no LineString or MultiLineString feature"])
    }
}
