import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// Hand-made road GeoJSON files near (104.06°E, 30.66°N); lengths by hand
/// in `ImportHandLength` (0.001° of longitude 95.850 m, of latitude 110.874 m).
enum RoadGeoJSONFixture {
    /// A LineString Feature with `properties` (a JSON object's text).
    static func line(_ positions: [(Double, Double)], _ properties: String) -> String {
        let coordinates = positions.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":\#(properties),"geometry":{"type":"LineString","coordinates":[\#(coordinates)]}}"#
    }

    /// Writes `features` as a FeatureCollection named `name` into a new temporary folder.
    static func file(_ features: [String], name: String = "roads.geojson") throws -> String {
        let path = try OSMFixture.temporaryFolder() + "/" + name
        let text = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",\n") + "]}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The graph of every usable line of `features` (before components are filtered).
    static func fullGraph(_ features: [String], _ profile: TravelProfile = .ebike) throws -> RoadGraph {
        try #require(try OSMGraphAssembly.build(RoadGeoJSON.extract(reading: file(features)), profile: profile))
    }
}

extension RoadGraph {
    /// Segment lengths in increasing order.
    var sortedSegmentLengths: [Double] { segmentLength.sorted() }

    /// The index of the node at exactly (`lon`, `lat`).
    func node(atLon lon: Double, lat: Double) -> Int? {
        (0..<nodeCount).first { nodeLon[$0] == lon && nodeLat[$0] == lat }
    }
}

/// Expects `lengths` to match the hand values `expected` (in units of
/// 0.001° steps, so the tolerance scales with them).
private func expectLengths(
    _ lengths: [Double], _ expected: [Double], steps: [Double], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(lengths.count == expected.count, sourceLocation: sourceLocation)
    for (i, (length, hand)) in zip(lengths, expected).enumerated() {
        #expect(abs(length - hand) <= ImportHandLength.tolerance * steps[i], "\(length) vs \(hand)", sourceLocation: sourceLocation)
    }
}

@Suite struct RoadGeoJSONTests {
    private let residential = #"{"highway":"residential"}"#

    /// A (west–east) and B (south–north) share their middle vertex: both are
    /// cut there, giving 5 nodes and 4 two-way segments (8 edges).
    @Test func sharedVertexCutsBothLines() throws {
        let g = try RoadGeoJSONFixture.fullGraph([
            RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 30.660), (104.062, 30.660)], residential),
            RoadGeoJSONFixture.line([(104.061, 30.659), (104.061, 30.660), (104.061, 30.661)], residential),
        ])
        #expect(g.nodeCount == 5 && g.segmentCount == 4 && g.edgeCount == 8)
        #expect(g.pointX.count == 8)  // every segment is one straight piece
        let lon = ImportHandLength.lon
        let lat = ImportHandLength.lat
        expectLengths(g.sortedSegmentLengths, [lon, lon, lat, lat], steps: [1, 1, 1, 1])
        let centre = try #require(g.node(atLon: 104.061, lat: 30.660))
        #expect(g.outEdges(centre).count == 4)
        #expect(g.crs == "EPSG:4544")
        #expect(Set(g.nodeOSMID) == [0])
    }

    /// Lines that cross between vertices (a bridge) are not joined.
    @Test func crossingWithoutSharedVertexStaysApart() throws {
        let g = try RoadGeoJSONFixture.fullGraph([
            RoadGeoJSONFixture.line([(104.060, 30.660), (104.062, 30.660)], residential),
            RoadGeoJSONFixture.line([(104.061, 30.659), (104.061, 30.661)], residential),
        ])
        #expect(g.nodeCount == 4 && g.segmentCount == 2)
        expectLengths(g.sortedSegmentLengths, [2 * ImportHandLength.lon, 2 * ImportHandLength.lat], steps: [2, 2])
    }

    /// Ends that agree to 1e-7° meet at one node (at the rounded position);
    /// an end 2e-7° away does not.
    @Test func endsJoinWhenTheyRoundToTheSamePosition() throws {
        let g = try RoadGeoJSONFixture.fullGraph([
            RoadGeoJSONFixture.line([(104.060, 30.660), (104.06100004, 30.660)], residential),
            RoadGeoJSONFixture.line([(104.061, 30.66000003), (104.061, 30.661)], residential),
            RoadGeoJSONFixture.line([(104.0610002, 30.660), (104.062, 30.660)], residential),
        ])
        #expect(g.nodeCount == 5 && g.segmentCount == 3)
        let joint = try #require(g.node(atLon: 104.061, lat: 30.66))
        #expect(g.outEdges(joint).count == 2)
        #expect(g.node(atLon: 104.0610002, lat: 30.66) != nil)
    }

    /// Each part of a MultiLineString is a way; a vertex no other line uses
    /// stays a polyline point; a repeated vertex is one point; a line of one
    /// repeated position has no length and is skipped.
    @Test func multiLineStringPartsAndPolylinePoints() throws {
        let multi = #"""
            {"type":"Feature","properties":{"highway":"service"},"geometry":{"type":"MultiLineString","coordinates":[
            [[104.060,30.660],[104.061,30.660],[104.061,30.661]],
            [[104.062,30.661],[104.062,30.661],[104.063,30.661]]]}}
            """#
        let g = try RoadGeoJSONFixture.fullGraph([
            multi,
            RoadGeoJSONFixture.line([(104.070, 30.670), (104.070, 30.670)], residential),
        ])
        #expect(g.nodeCount == 4 && g.segmentCount == 2)
        #expect(g.segmentPointStart == [0, 3, 5])
        let lon = ImportHandLength.lon
        let lat = ImportHandLength.lat
        expectLengths(g.segmentLength, [lon + lat, lon], steps: [2, 1])
    }

    /// One line per rule, 0.002° apart (no shared vertex): how each profile
    /// may use it, read from the same tag table as OSM input.
    @Test(arguments: [TravelProfile.ebike, .walk])
    func propertiesAreTagsForTheProfileRules(profile: TravelProfile) throws {
        let properties = [
            #"{"highway":"residential","oneway":"yes"}"#,
            #"{"highway":"residential","oneway":1,"maxspeed":30}"#,
            #"{"highway":"residential","oneway":null,"name":"西街"}"#,
            #"{"highway":"footway"}"#,
            #"{"highway":"motorway"}"#,
            #"{"highway":"primary","access":"private"}"#,
            #"{"highway":"residential","oneway":true}"#,
            #"{"highway":"residential","oneway":"-1"}"#,
        ]
        let g = try RoadGeoJSONFixture.fullGraph(
            properties.enumerated().map { i, tags in
                RoadGeoJSONFixture.line([(104.060, 30.660 + 0.002 * Double(i)), (104.061, 30.660 + 0.002 * Double(i))], tags)
            },
            profile)
        var uses: [Int: String] = [:]
        for s in 0..<g.segmentCount {
            let line = Int(((g.nodeLat[Int(g.segmentFrom[s])] - 30.660) / 0.002).rounded())
            let forward = Int(g.segmentForwardEdge[s])
            let backward = Int(g.segmentBackwardEdge[s])
            let walked = [forward, backward].contains { $0 >= 0 && g.edgeWalked[$0] }
            uses[line] = (forward >= 0 ? "F" : "") + (backward >= 0 ? "B" : "") + (walked ? " pushed" : "")
        }
        switch profile {
        case .ebike:
            #expect(uses == [0: "F", 1: "F", 2: "FB", 3: "FB pushed", 6: "F", 7: "B"])
        case .walk:
            #expect(uses == [0: "FB", 1: "FB", 2: "FB", 3: "FB", 6: "FB", 7: "FB"])
        }
    }

    /// The OSM fixtures written out as road GeoJSON (ways → LineStrings with
    /// their tags) build exactly the same graphs, node ids aside.
    @Test(arguments: ["oneway.osm", "roundabout.osm", "motorway-private.osm", "shared-node.osm", "river.osm"])
    func sameGraphAsTheOSMFile(name: String) throws {
        let extract = try OSMExtract(reading: OSMFixture.path(name))
        let features = (0..<extract.wayCount).map { w in
            Feature(
                geometry: .lineString(
                    extract.nodes(ofWay: w).map {
                        Coordinate(lon: extract.nodeLon[Int($0)], lat: extract.nodeLat[Int($0)])
                    }),
                properties: extract.wayTags[w].mapValues { JSONValue.string($0) })
        }
        let path = try OSMFixture.temporaryFolder() + "/" + name + ".geojson"
        try GeoJSONWriter.write(FeatureCollection(features: features), to: URL(fileURLWithPath: path))
        for profile in TravelProfile.allCases {
            var fromOSM = try #require(try OSMGraphAssembly.build(extract, profile: profile))
            fromOSM.nodeOSMID = [Int64](repeating: 0, count: fromOSM.nodeCount)
            let fromGeoJSON = try #require(
                try OSMGraphAssembly.build(RoadGeoJSON.extract(reading: path), profile: profile))
            expectSameRoadGraph(fromGeoJSON, fromOSM)
        }
    }

    /// Through `NetworkLoader`: the largest strongly connected component is
    /// kept (the one-way B's two ends drop out) and the second load reads the
    /// cache. Kept 2 × 95.850 m of 2 × 95.850 + 2 × 110.874 m.
    @Test func loaderKeepsTheLargestComponentAndCaches() throws {
        let path = try RoadGeoJSONFixture.file(
            [
                RoadGeoJSONFixture.line([(104.060, 30.660), (104.061, 30.660), (104.062, 30.660)], residential),
                RoadGeoJSONFixture.line(
                    [(104.061, 30.659), (104.061, 30.660), (104.061, 30.661)], #"{"highway":"residential","oneway":"yes"}"#),
            ], name: "roads.json")
        let cache = try OSMFixture.temporaryFolder()
        let first = try NetworkLoader.load(path: path, cacheDirectory: cache)
        #expect(!first.stats.fromCache)
        #expect(first.stats.nodes == 3 && first.stats.edges == 4 && first.stats.components == 3)
        let kept = 2 * ImportHandLength.lon
        let all = kept + 2 * ImportHandLength.lat
        #expect(abs(first.stats.largestComponentShare - kept / all) < 1e-4)
        #expect(first.stats.clipBox == nil && first.pois.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == ["roads.json.ebike.nxcache"])
        let second = try NetworkLoader.load(path: path, cacheDirectory: cache)
        #expect(second.stats.fromCache)
        expectSameRoadGraph(second.graph, first.graph)
    }
}
