import Foundation
import GeoCore

@testable import Coverage
@testable import RoadNetwork

/// Hand-made road graphs for the reach tests, in planar metres (15 km/h ebike).
struct ReachRoads {
    private var builder = RoadGraphBuilder(crs: "EPSG:4544", profile: .ebike, cruiseSpeedKmh: 15)
    private var positions: [PlanarPoint] = []

    /// Adds nodes at the given (x, y) metre positions.
    mutating func nodes(_ points: [(Double, Double)]) {
        for (x, y) in points {
            positions.append(PlanarPoint(x: x, y: y))
            builder.addNode(lon: 104 + x / 1e5, lat: 30 + y / 1e5, x: x, y: y)
        }
    }

    /// Adds a road from node `u` to node `v` through `bends`, two-way unless `backward` is false.
    mutating func road(_ u: Int, _ v: Int, bends: [(Double, Double)] = [], backward: Bool = true) {
        let points = [positions[u]] + bends.map { PlanarPoint(x: $0.0, y: $0.1) } + [positions[v]]
        builder.addSegment(from: UInt32(u), to: UInt32(v), points: points, forward: true, backward: backward, walked: false)
    }

    func build() -> RoadGraph { builder.build() }
}

enum ReachTestGraphs {
    /// A graph of one two-way segment along `points` (metres).
    static func oneSegment(_ points: [(Double, Double)]) -> RoadGraph {
        var roads = ReachRoads()
        roads.nodes([points[0], points[points.count - 1]])
        roads.road(0, 1, bends: Array(points.dropFirst().dropLast()))
        return roads.build()
    }

    /// Stations at planar `points`, snapped onto `graph` within `maxSnap` metres.
    static func stations(_ points: [(id: String, x: Double, y: Double)], on graph: RoadGraph, maxSnap: Double = 300) -> [PlacedSite] {
        let planar = points.map { PlanarPoint(x: $0.x, y: $0.y) }
        let outcomes = SegmentIndex(graph: graph).snap(planar, maxDistance: maxSnap)
        return points.indices.map { i in
            PlacedSite(
                site: SitePoint(id: points[i].id, coordinate: Coordinate(lon: 104, lat: 30), name: "station \(points[i].id)"),
                point: planar[i], outcome: outcomes[i])
        }
    }

    /// The area of a full circle as reach draws it, with 4 segments per quadrant
    /// (`ReachEngine.defaultBufferStyle`): an inscribed 16-gon, 8 r² sin(π/8).
    static func polygonalCircleArea(radius r: Double) -> Double {
        8 * r * r * sin(Double.pi / 8)
    }
}

extension PlanarMultiPolygon {
    /// True when the point lies in the area or on its boundary (GEOS `covers`).
    func covers(_ x: Double, _ y: Double, in context: GEOSContext) throws -> Bool {
        try GEOSGeometry(multiPolygon: self, in: context).covers(PlanarPoint(x: x, y: y))
    }
}
