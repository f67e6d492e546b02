import Foundation
import GeoCore
import RoadNetwork

@testable import Coverage

/// A small city whose coverage is known by hand (15 km/h = 25/6 m/s, so
/// 15 minutes ride 3 750 m; walking is 1.25 m/s). Planar metres are offsets
/// from `origin` in EPSG:4544 (CGCS2000 Gauss-Krüger, central Chengdu).
///
/// ```
///            B (1000,4000) station on the branch's end node
///            |
///            |  branch x = 1000, nodes every 1000 m
///            |
///            |        (2000,500) one-way spur, ridden only towards (2000,0)
///            |        |
/// A (0,25)   |        |
/// N0 ------ N1 ------ N2 ------ N3 ------ N4 ------ N5   road y = 0, x = 0…5000
///
/// disconnected road (10000,0) — (10500,0)
/// ```
/// Station A stands 25 m off the road: it walks 20 s before riding.
enum AuditCity {
    static let crs = "EPSG:4544"
    static let origin = PlanarPoint(x: 410_000, y: 3_395_000)
    static let speedKmh = 15.0

    static func planar(_ x: Double, _ y: Double) -> PlanarPoint {
        PlanarPoint(x: origin.x + x, y: origin.y + y)
    }

    static func projection() throws -> Projection {
        try Projection(from: "EPSG:4326", to: crs)
    }

    /// The WGS84 position of offset (x, y).
    static func coordinate(_ x: Double, _ y: Double) throws -> Coordinate {
        try projection().inverse([planar(x, y)])[0]
    }

    static func graph() throws -> RoadGraph {
        var builder = RoadGraphBuilder(crs: crs, profile: .ebike, cruiseSpeedKmh: speedKmh)
        var position: [PlanarPoint] = []
        func node(_ x: Double, _ y: Double) throws -> UInt32 {
            let c = try coordinate(x, y)
            position.append(planar(x, y))
            return builder.addNode(lon: c.lon, lat: c.lat, x: origin.x + x, y: origin.y + y)
        }
        func road(_ a: UInt32, _ b: UInt32, forward: Bool = true, backward: Bool = true) {
            builder.addSegment(
                from: a, to: b, points: [position[Int(a)], position[Int(b)]],
                forward: forward, backward: backward, walked: false)
        }
        let main = try (0...5).map { try node(Double($0) * 1000, 0) }
        for i in 0..<5 { road(main[i], main[i + 1]) }
        var previous = main[1]
        for k in 1...4 {
            let next = try node(1000, Double(k) * 1000)
            road(previous, next)
            previous = next
        }
        road(main[2], try node(2000, 500), forward: false, backward: true)
        road(try node(10_000, 0), try node(10_500, 0))
        return builder.build()
    }

    /// Stations A (25 m off the road at x = 0) and B (on the branch's end).
    static func stations() throws -> [SitePoint] {
        [
            SitePoint(id: "A", coordinate: try coordinate(0, 25)),
            SitePoint(id: "B", coordinate: try coordinate(1000, 4000)),
        ]
    }

    /// Hotspots with their hand-computed answers.
    static let hotspotCases: [HotspotCase] = [
        // A: 20 s walk + 3600 m / (25/6) = 864 s → 884 s; B needs 960 s to N1 first.
        HotspotCase(id: "road3600", x: 3600, y: -30, weight: 2, nearest: "A", seconds: 884, within: 1),
        // 20 + 888 = 908 s > 900: uncovered only because of the walk.
        HotspotCase(id: "road3700", x: 3700, y: 0, weight: 3, nearest: "A", seconds: 908, within: 0),
        HotspotCase(id: "road3800", x: 3800, y: 0, weight: 5, nearest: "A", seconds: 932, within: 0),
        // B 2000 m = 480 s; A 20 + 240 + 480 = 740 s: both within.
        HotspotCase(id: "branch2000", x: 1000, y: 2000, weight: 7, nearest: "B", seconds: 480, within: 2),
        // B 240 s; A 20 + 240 + 720 = 980 s.
        HotspotCase(id: "branch3000", x: 1000, y: 3000, weight: 11, nearest: "B", seconds: 240, within: 1),
        // On the disconnected road: routable, reached by nobody.
        HotspotCase(id: "island", x: 10_200, y: 5, weight: 13, nearest: nil, seconds: nil, within: 0),
        // 900 m from every road: unroutable.
        HotspotCase(id: "field", x: 3000, y: 900, weight: 17, nearest: nil, seconds: nil, within: 0),
        // On the one-way spur, which runs only away from it towards the road.
        HotspotCase(id: "spur", x: 2000, y: 400, weight: 19, nearest: nil, seconds: nil, within: 0),
    ]

    static func hotspots() throws -> [SitePoint] {
        try hotspotCases.map { SitePoint(id: $0.id, coordinate: try coordinate($0.x, $0.y), weight: $0.weight) }
    }

    /// A district over a planar rectangle (offsets), in both forms.
    static func district(_ name: String, minX: Double, minY: Double, maxX: Double, maxY: Double) throws -> District {
        let ring = [planar(minX, minY), planar(maxX, minY), planar(maxX, maxY), planar(minX, maxY), planar(minX, minY)]
        let polygon = PlanarMultiPolygon(polygons: [PlanarPolygon(exterior: ring)])
        return District(name: name, geometry: .polygon([try projection().inverse(ring)]), polygon: polygon)
    }

    /// West (x ≤ 2500), East (2500 ≤ x ≤ 6000, |y| ≤ 1000) and a far empty district.
    static func districts() throws -> [District] {
        [
            try district("West", minX: -500, minY: -1000, maxX: 2500, maxY: 5000),
            try district("East", minX: 2500, minY: -1000, maxX: 6000, maxY: 1000),
            try district("Empty", minX: 20_000, minY: 0, maxX: 21_000, maxY: 1000),
        ]
    }

    static func studyArea(_ graph: RoadGraph) throws -> District {
        try District.studyArea(of: graph, projection: projection())
    }

    static let maxSnap = 300.0

    /// Everything placed on the graph.
    static func placed() throws -> (graph: RoadGraph, stations: [PlacedSite], hotspots: [PlacedSite]) {
        let graph = try graph()
        let placer = try SitePlacer(graph: graph)
        return (graph, try placer.place(try stations(), maxSnap: maxSnap), try placer.place(try hotspots(), maxSnap: maxSnap))
    }
}

/// One fixture hotspot and its expected audit.
struct HotspotCase {
    var id: String
    var x: Double
    var y: Double
    var weight: Double
    var nearest: String?
    var seconds: Double?
    var within: Int
}
