import GeoCore

/// The numbers an isochrone's properties report: area and road reached.
public enum IsochroneMeasures {
    /// Area of a set of planar polygons (metres) in square kilometres, holes subtracted.
    /// - Complexity: O(n) in the number of vertices.
    public static func areaSquareKilometres(_ area: PlanarMultiPolygon) -> Double {
        area.area / 1_000_000
    }

    /// Total length of reached pieces of road (planar metres) in kilometres.
    /// Pieces are summed as given: pass each reached stretch of road once.
    /// - Complexity: O(n) in the number of points.
    public static func roadKilometres(_ pieces: [[PlanarPoint]]) -> Double {
        pieces.reduce(0) { $0 + PlanarPolyline.length($1) } / 1_000
    }
}
