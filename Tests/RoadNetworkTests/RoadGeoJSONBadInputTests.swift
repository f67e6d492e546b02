import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// Road GeoJSON a user can get wrong: each is a one-line error naming the
/// file (and the feature), and no cache is written.
@Suite struct RoadGeoJSONBadInputTests {
    private let road = RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 30.660)], #"{"highway":"residential"}"#)

    /// Loads `path` and returns the error, checking it is one line naming the file.
    private func loadError(_ path: String) throws -> any Error {
        let cache = try OSMFixture.temporaryFolder()
        do {
            _ = try NetworkLoader.load(path: path, profile: .ebike, cacheDirectory: cache)
        } catch {
            let text = String(describing: error)
            #expect(text.contains(URL(fileURLWithPath: path).lastPathComponent))
            #expect(!text.contains("\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)
            return error
        }
        Issue.record("\(path) loaded without error")
        throw CancellationError()
    }

    @Test func pointsOnly() throws {
        let path = try RoadGeoJSONFixture.file([
            #"{"type":"Feature","properties":{"name":"站"},"geometry":{"type":"Point","coordinates":[104.06,30.66]}}"#
        ])
        #expect(try loadError(path) as? RoadGeoJSONError == .noLines(path: path))
    }

    @Test func noFeatures() throws {
        let path = try RoadGeoJSONFixture.file([], name: "empty.json")
        #expect(try loadError(path) as? RoadGeoJSONError == .noLines(path: path))
    }

    @Test func polygonAmongTheLines() throws {
        let polygon = #"""
            {"type":"Feature","properties":{"highway":"pedestrian"},"geometry":{"type":"Polygon",
            "coordinates":[[[104.06,30.66],[104.061,30.66],[104.061,30.661],[104.06,30.66]]]}}
            """#
        let path = try RoadGeoJSONFixture.file([road, polygon])
        #expect(try loadError(path) as? RoadGeoJSONError == .notALine(path: path, feature: 1, geometryType: "Polygon"))
    }

    @Test func nullGeometry() throws {
        let path = try RoadGeoJSONFixture.file([road, #"{"type":"Feature","properties":{"highway":"service"},"geometry":null}"#])
        #expect(try loadError(path) as? RoadGeoJSONError == .notALine(path: path, feature: 1, geometryType: "null"))
    }

    @Test(arguments: [#"{"name":"东街"}"#, #"{"highway":null}"#, #"{"highway":""}"#, "null"])
    func lineWithoutHighway(properties: String) throws {
        let path = try RoadGeoJSONFixture.file([
            road, road, RoadGeoJSONFixture.line([(104.062, 30.660), (104.063, 30.660)], properties),
        ])
        #expect(try loadError(path) as? RoadGeoJSONError == .missingHighway(path: path, feature: 2))
    }

    @Test func highwayNotAString() throws {
        let path = try RoadGeoJSONFixture.file([RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 30.660)], #"{"highway":5}"#)])
        #expect(try loadError(path) as? RoadGeoJSONError == .highwayNotText(path: path, feature: 0, found: "number"))
    }

    @Test func notJSON() throws {
        let path = try OSMFixture.temporaryFolder() + "/roads.geojson"
        try Data("highway,geometry\nresidential,LINESTRING(104 30)\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(try loadError(path) as? GeoJSONError)
        #expect(error.kind == .notJSON)
    }

    @Test func latitudeOutOfRange() throws {
        let path = try RoadGeoJSONFixture.file([
            road, RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 130.660)], #"{"highway":"residential"}"#),
        ])
        let error = try #require(try loadError(path) as? GeoJSONError)
        #expect(error.featureIndex == 1 && error.kind == .outOfRange)
    }

    @Test func onlyRoadsTheProfileMayNotUse() throws {
        let path = try RoadGeoJSONFixture.file([
            RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 30.660)], #"{"highway":"motorway"}"#)
        ])
        #expect(try loadError(path) as? NetworkLoadError == .noRoads(path: path, profile: .ebike))
    }

    @Test func emptyFile() throws {
        let path = try OSMFixture.temporaryFolder() + "/roads.geojson"
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(try loadError(path) as? NetworkLoadError == .emptyFile(path: path))
    }
}
