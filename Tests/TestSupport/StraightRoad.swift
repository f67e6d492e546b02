import GeoCore
import RoadNetwork

/// A hand-made test network: a straight two-way road along +x from `origin` (metres in `crs`),
/// `segments` segments of `spacing` metres each, nodes at their real lon/lat, e-bike at 15 km/h
/// (so 1,000 m take 240 s). Shared by the planner and report tests.
public enum StraightRoad {
    /// The graph; throws `ProjectionError` when PROJ does not know `crs`.
    public static func graph(
        crs: String = "EPSG:4544", origin: PlanarPoint = PlanarPoint(x: 410_000, y: 3_395_000),
        segments: Int = 4, spacing: Double = 1000
    ) throws -> RoadGraph {
        let projection = try Projection(from: "EPSG:4326", to: crs)
        var builder = RoadGraphBuilder(crs: crs, profile: .ebike, cruiseSpeedKmh: 15)
        var nodes: [UInt32] = []
        var points: [PlanarPoint] = []
        for i in 0...segments {
            let point = PlanarPoint(x: origin.x + Double(i) * spacing, y: origin.y)
            let c = try projection.inverse([point])[0]
            points.append(point)
            nodes.append(builder.addNode(lon: c.lon, lat: c.lat, x: point.x, y: point.y))
        }
        for i in 0..<segments {
            builder.addSegment(
                from: nodes[i], to: nodes[i + 1], points: [points[i], points[i + 1]], forward: true, backward: true, walked: false)
        }
        return builder.build()
    }
}
