import Coverage
import GeoCore
import RoadNetwork

/// Geometry for the report page: WGS84 positions as flat `[lon, lat, lon, lat, …]`
/// arrays, rounded to `decimals` places (5 places ≈ 1 m, plenty for a screen map and
/// small in the file), with repeats left by the rounding dropped.
public struct ReportGeometry {
    /// The graph's metric CRS → WGS84, used inversely.
    public let projection: Projection
    /// Decimal places of the written degrees.
    public let decimals: Int

    /// Every stored property, as given.
    public init(projection: Projection, decimals: Int) {
        self.projection = projection
        self.decimals = decimals
    }

    /// Every road segment of `graph` as one flat polyline, in segment order.
    /// Segments that round to a single position are left out.
    /// - Throws: `ProjectionError` when a point cannot be transformed.
    /// - Complexity: O(road points), one PROJ call.
    public func roads(of graph: RoadGraph) throws -> [[Double]] {
        var lon = graph.pointX
        var lat = graph.pointY
        try projection.transform(x: &lon, y: &lat, inverse: true)
        var lines: [[Double]] = []
        lines.reserveCapacity(graph.segmentCount)
        for s in 0..<graph.segmentCount {
            let range = Int(graph.segmentPointStart[s])..<Int(graph.segmentPointStart[s + 1])
            let line = flat(range.map { (lon[$0], lat[$0]) })
            if line.count >= 4 { lines.append(line) }
        }
        return lines
    }

    /// `area` (metric CRS) as polygons of flat rings, exterior first.
    /// - Throws: `ProjectionError` when a vertex cannot be transformed.
    /// - Complexity: O(vertices).
    public func polygons(_ area: PlanarMultiPolygon) throws -> [[[Double]]] {
        try area.polygons.map { polygon in
            try ([polygon.exterior] + polygon.holes).map { ring in
                flat(try projection.inverse(ring).map { ($0.lon, $0.lat) })
            }
        }
    }

    /// A point of the metric CRS as `[lon, lat]`.
    /// - Throws: `ProjectionError` when it cannot be transformed.
    public func position(_ point: PlanarPoint) throws -> [Double] {
        flat(try projection.inverse([point]).map { ($0.lon, $0.lat) })
    }

    /// A WGS84 coordinate as `[lon, lat]`, rounded.
    public func position(_ coordinate: Coordinate) -> [Double] {
        [round(coordinate.lon), round(coordinate.lat)]
    }

    /// `value` rounded to `decimals` places.
    public func round(_ value: Double) -> Double { AuditNumbers.rounded(value, decimals: decimals) }

    /// The positions rounded and flattened, without consecutive repeats.
    private func flat(_ positions: [(Double, Double)]) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(positions.count * 2)
        for (lon, lat) in positions {
            let x = round(lon)
            let y = round(lat)
            if values.count >= 2, values[values.count - 2] == x, values[values.count - 1] == y { continue }
            values.append(x)
            values.append(y)
        }
        return values
    }
}
