import GeoCore

/// Cuts the piece of a polyline between two distances measured along it.
///
/// The router reports a reached interval as (segment, fromOffset, toOffset) in metres
/// along the segment's polyline; reach turns each interval into a piece of road with
/// `PolylineCut.piece` before buffering it.
public enum PolylineCut {
    /// Offsets this close (in metres) to a vertex's distance along the polyline take
    /// that vertex exactly, so lengths stored in lower precision (e.g. `Float`) neither
    /// miss an end point nor leave a sub-millimetre stub.
    public static let vertexSnap = 0.001

    /// The part of `points` between `from` and `to` metres along it, in the polyline's direction.
    ///
    /// Ends are interpolated linearly on the segment containing them; interior vertices are
    /// kept as they are. Offsets are clamped to `0...length`; `from > to` is read as the
    /// interval `to...from`. The result always has at least two points (a zero-length
    /// interval gives the same point twice, which GEOS buffers as a disc).
    /// - Precondition: `points` has at least two points; offsets are finite.
    /// - Complexity: O(n) in the number of points.
    public static func piece(_ points: [PlanarPoint], from: Double, to: Double) -> [PlanarPoint] {
        precondition(points.count >= 2, "a polyline needs at least two points")
        precondition(from.isFinite && to.isFinite, "offsets must be finite")
        let cumulative = cumulativeLengths(points)
        let length = cumulative[cumulative.count - 1]
        let start = min(max(min(from, to), 0), length)
        let end = min(max(max(from, to), 0), length)

        let (startIndex, startPoint) = locate(start, points, cumulative)
        let (endIndex, endPoint) = locate(end, points, cumulative)
        var result = [startPoint]
        // Vertices strictly between the two ends (`locate` gives the segment's first
        // vertex index, or the vertex itself when snapped onto it).
        var index = startIndex + 1
        while index <= endIndex {
            if cumulative[index] > start + vertexSnap && cumulative[index] < end - vertexSnap {
                result.append(points[index])
            }
            index += 1
        }
        result.append(endPoint)
        return result
    }

    /// Distance from the first point to each point along the polyline.
    private static func cumulativeLengths(_ points: [PlanarPoint]) -> [Double] {
        var cumulative = [0.0]
        cumulative.reserveCapacity(points.count)
        for i in 1..<points.count {
            cumulative.append(cumulative[i - 1] + PlanarPolyline.distance(points[i - 1], points[i]))
        }
        return cumulative
    }

    /// The point `offset` metres along the polyline, and the index of the vertex at or
    /// before it (the vertex itself when within `vertexSnap` of one).
    private static func locate(_ offset: Double, _ points: [PlanarPoint], _ cumulative: [Double]) -> (Int, PlanarPoint) {
        if let vertex = cumulative.firstIndex(where: { abs($0 - offset) <= vertexSnap }) {
            return (vertex, points[vertex])
        }
        // First vertex beyond the offset; the offset lies on the segment ending there.
        let after = cumulative.firstIndex(where: { $0 > offset }) ?? (points.count - 1)
        let before = after - 1
        let a = points[before], b = points[after]
        let t = (offset - cumulative[before]) / (cumulative[after] - cumulative[before])
        return (before, PlanarPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
    }
}
