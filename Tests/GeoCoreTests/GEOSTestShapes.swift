import GeoCore

/// Hand-made planar shapes shared by the GEOS tests.
enum GEOSTestShapes {
    /// The axis-aligned square [x, x + side] × [y, y + side], counter-clockwise and closed.
    static func square(x: Double, y: Double, side: Double) -> PlanarPolygon {
        PlanarPolygon(exterior: [
            PlanarPoint(x: x, y: y), PlanarPoint(x: x + side, y: y),
            PlanarPoint(x: x + side, y: y + side), PlanarPoint(x: x, y: y + side),
            PlanarPoint(x: x, y: y),
        ])
    }

    /// A self-intersecting "bow-tie" whose two triangles meet at (5, 5), each of area 25.
    static let bowTie = PlanarPolygon(exterior: [
        PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 10),
        PlanarPoint(x: 10, y: 0), PlanarPoint(x: 0, y: 10), PlanarPoint(x: 0, y: 0),
    ])
}
