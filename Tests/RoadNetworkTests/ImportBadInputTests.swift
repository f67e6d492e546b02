import Foundation
import Testing

@testable import RoadNetwork

/// Inputs a user can get wrong: each is a one-line error naming the file.
@Suite struct ImportBadInputTests {
    private func loadError(_ path: String) throws -> NetworkLoadError {
        let cache = try OSMFixture.temporaryFolder()
        do {
            _ = try NetworkLoader.load(path: path, profile: .ebike, cacheDirectory: cache)
        } catch let error as NetworkLoadError {
            #expect(error.description.contains(path))
            #expect(!error.description.contains("\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)  // no cache of a failure
            return error
        }
        Issue.record("\(path) loaded without error")
        throw CancellationError()
    }

    @Test func missingFile() throws {
        let path = try OSMFixture.temporaryFolder() + "/nowhere.osm.pbf"
        #expect(try loadError(path) == .fileNotFound(path: path))
        #expect(
            NetworkLoadError.fileNotFound(path: "a.osm").description
                == "a.osm: no such file; give an OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) as the road network")
    }

    @Test func emptyFile() throws {
        let path = try OSMFixture.temporaryFolder() + "/empty.osm.pbf"
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(try loadError(path) == .emptyFile(path: path))
    }

    @Test func truncatedPBF() throws {
        let source = try #require(OSMFixture.realData("chengdu-center.osm.pbf"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let path = try OSMFixture.temporaryFolder() + "/truncated.osm.pbf"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        guard case .unreadable = try loadError(path) else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test(arguments: ["not-osm.osm.pbf", "not-osm.osm"])  // road GeoJSON: RoadGeoJSONBadInputTests
    func notOSM(name: String) throws {
        let path = try OSMFixture.temporaryFolder() + "/" + name
        try Data("{\"type\": \"FeatureCollection\", \"features\": []}\n".utf8).write(to: URL(fileURLWithPath: path))
        guard case .unreadable = try loadError(path) else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test func fileWithoutRoads() throws {
        let path = OSMFixture.path("pois-no-roads.osm")
        #expect(try loadError(path) == .noRoads(path: path, profile: .ebike))
    }

    @Test func unusableCacheFolder() throws {
        let file = try OSMFixture.temporaryFolder() + "/plain-file"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        #expect(throws: NetworkLoadError.self) {
            _ = try NetworkLoader.load(path: OSMFixture.path("river.osm"), cacheDirectory: file + "/sub")
        }
    }
}
