import GeoCore

/// Where the report writes an area's name on the map: a point inside the area.
public enum ReportLabelPoint {
    /// A point inside the largest polygon of `area` (holes excluded): the middle of the
    /// widest inside stretch of the horizontal line through the middle of its bounding box.
    /// Nil for an empty area.
    /// - Complexity: O(vertices of the largest polygon).
    public static func inside(_ area: PlanarMultiPolygon) -> PlanarPoint? {
        guard let polygon = area.polygons.max(by: { $0.area < $1.area }), polygon.exterior.count >= 3 else { return nil }
        let ys = polygon.exterior.map(\.y)
        let y = (ys.min()! + ys.max()!) / 2
        var crossings: [Double] = []
        for ring in [polygon.exterior] + polygon.holes where ring.count >= 2 {
            for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.y > y) != (b.y > y) {
                crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
            }
        }
        crossings.sort()
        var best: (from: Double, to: Double)?
        for start in stride(from: 0, to: crossings.count - 1, by: 2) {
            let stretch = (from: crossings[start], to: crossings[start + 1])
            if stretch.to - stretch.from > (best.map { $0.to - $0.from } ?? -1) { best = stretch }
        }
        return best.map { PlanarPoint(x: ($0.from + $0.to) / 2, y: y) }
    }
}
