import Foundation
import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

/// Paths of the test inputs.
enum OSMFixture {
    /// A hand-made file in `Tests/RoadNetworkTests/Fixtures`.
    static func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// A real extract from the repository's `geodata/` (`TestFiles.geodata`); nil when none exists.
    static func realData(_ name: String) -> String? { TestFiles.geodata(name)?.path }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> String { try TestFiles.temporaryFolder().path }

    /// Copies fixture `name` into a new temporary folder and returns the copy's path.
    static func copy(_ name: String, from source: String? = nil) throws -> String {
        let folder = try temporaryFolder()
        let target = folder + "/" + URL(fileURLWithPath: source ?? name).lastPathComponent
        try FileManager.default.copyItem(atPath: source ?? path(name), toPath: target)
        return target
    }

    /// The graph of every usable way of fixture `name` (before components are filtered).
    static func fullGraph(_ name: String, _ profile: TravelProfile) throws -> RoadGraph {
        try #require(try OSMGraphAssembly.build(OSMExtract(reading: path(name)), profile: profile))
    }
}

/// Lengths worked out by hand for the fixtures near (104.06°E, 30.66°N) in
/// CGCS2000 GK zone CM 105°E (EPSG:4544): 0.001° of longitude is
/// π/180 · 0.001 · a·cos φ / √(1 − e² sin² φ) = 95.840 m on the ellipsoid, and
/// 0.001° of latitude π/180 · 0.001 · a(1 − e²)/(1 − e² sin² φ)^1.5 = 110.863 m;
/// the Gauss-Krüger scale 0.94° west of the central meridian,
/// 1 + (Δλ cos φ)²/2 = 1.0000996, makes them 95.850 m and 110.874 m.
enum ImportHandLength {
    /// Metres of 0.001° of longitude.
    static let lon = 95.850
    /// Metres of 0.001° of latitude.
    static let lat = 110.874
    /// Allowed error per 0.001° of the hand values, metres.
    static let tolerance = 0.02
}

extension RoadGraph {
    /// Every directed edge as `"fromOSMID>toOSMID"`.
    var osmEdges: Set<String> {
        Set((0..<nodeCount).flatMap { u in outEdges(u).map { "\(nodeOSMID[u])>\(nodeOSMID[Int(head[$0])])" } })
    }

    /// The OSM ids of the nodes.
    var osmNodes: Set<Int64> { Set(nodeOSMID) }

    /// The edge from OSM node `from` to OSM node `to`, if any.
    func osmEdge(_ from: Int64, _ to: Int64) -> Int? {
        guard let u = nodeOSMID.firstIndex(of: from) else { return nil }
        return outEdges(u).first { nodeOSMID[Int(head[$0])] == to }
    }
}

/// Records an issue for every array of `a` and `b` that differs.
func expectSameRoadGraph(_ a: RoadGraph, _ b: RoadGraph, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.crs == b.crs, sourceLocation: sourceLocation)
    #expect(a.profile == b.profile, sourceLocation: sourceLocation)
    #expect(a.cruiseSpeedKmh == b.cruiseSpeedKmh, sourceLocation: sourceLocation)
    #expect(a.nodeX == b.nodeX && a.nodeY == b.nodeY, sourceLocation: sourceLocation)
    #expect(a.nodeLon == b.nodeLon && a.nodeLat == b.nodeLat, sourceLocation: sourceLocation)
    #expect(a.nodeOSMID == b.nodeOSMID, sourceLocation: sourceLocation)
    #expect(a.firstOut == b.firstOut && a.head == b.head, sourceLocation: sourceLocation)
    #expect(a.seconds == b.seconds, sourceLocation: sourceLocation)
    #expect(a.edgeSegment == b.edgeSegment, sourceLocation: sourceLocation)
    #expect(a.edgeForward == b.edgeForward && a.edgeWalked == b.edgeWalked, sourceLocation: sourceLocation)
    #expect(a.segmentFrom == b.segmentFrom && a.segmentTo == b.segmentTo, sourceLocation: sourceLocation)
    #expect(a.segmentLength == b.segmentLength, sourceLocation: sourceLocation)
    #expect(a.segmentPointStart == b.segmentPointStart, sourceLocation: sourceLocation)
    #expect(a.segmentForwardEdge == b.segmentForwardEdge, sourceLocation: sourceLocation)
    #expect(a.segmentBackwardEdge == b.segmentBackwardEdge, sourceLocation: sourceLocation)
    #expect(a.pointX == b.pointX && a.pointY == b.pointY, sourceLocation: sourceLocation)
    #expect(a.segmentGradeSeparated == b.segmentGradeSeparated, sourceLocation: sourceLocation)
    #expect(a.droppedPointStart == b.droppedPointStart, sourceLocation: sourceLocation)
    #expect(a.droppedPointX == b.droppedPointX && a.droppedPointY == b.droppedPointY, sourceLocation: sourceLocation)
}
