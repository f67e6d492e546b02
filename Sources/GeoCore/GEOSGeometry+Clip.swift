import CGEOS

extension GEOSGeometry {
    /// The part of this geometry inside the axis-aligned rectangle
    /// [minX, maxX] × [minY, maxY] (`GEOSClipByRect_r`), much faster than a
    /// general intersection. The result may be invalid where the input touches
    /// the rectangle's edges only in lines or points; use it as a prefilter
    /// for an overlay with a geometry inside the rectangle.
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n) in the number of vertices.
    public func clipped(minX: Double, minY: Double, maxX: Double, maxY: Double) throws -> GEOSGeometry {
        try result("clipByRect") { GEOSClipByRect_r($0, pointer, minX, minY, maxX, maxY) }
    }

    /// The bounding box of this geometry, nil when it is empty.
    /// - Throws: `GEOSError` with GEOS's message.
    public func bounds() throws -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        if try isEmpty { return nil }
        var minX = 0.0
        var minY = 0.0
        var maxX = 0.0
        var maxY = 0.0
        guard GEOSGeom_getXMin_r(context.handle, pointer, &minX) == 1,
            GEOSGeom_getYMin_r(context.handle, pointer, &minY) == 1,
            GEOSGeom_getXMax_r(context.handle, pointer, &maxX) == 1,
            GEOSGeom_getYMax_r(context.handle, pointer, &maxY) == 1
        else { throw context.failure("bounds") }
        return (minX, minY, maxX, maxY)
    }
}
