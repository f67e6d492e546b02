import GeoCore

/// Drops the redundant vertices of contour rings: Douglas–Peucker line
/// simplification (Douglas & Peucker 1973; Ramer 1972) of each closed ring
/// with a small tolerance, so that the runs of collinear crossings a
/// marching-squares contour puts along every straight stretch of road (one
/// per grid edge) become one segment, while the arcs around road ends and
/// corners keep their vertices (their chords bow by about h²/(8d), far above
/// the tolerance).
///
/// One-sided: a vertex is dropped only when it lies within `tolerance`
/// metres of the segment that replaces it and on that segment's outer side
/// (or within 1 µm of it), so the simplified boundary lies within `tolerance`
/// inside the contour and never outside it: arcs are cut by chords, the
/// corners where two offset lines meet stay. Rings of one contour are at least a few centimetres apart, and
/// nested levels `RasterServiceArea.nestingMargin` apart; a tolerance below
/// half of both keeps the rings apart (valid polygons) and the levels nested.
enum RasterRingSimplifier {
    /// `polygons` with every ring simplified to `tolerance` metres; a ring that
    /// would fall below four points (three distinct corners) is kept as it is.
    /// - Complexity: O(n log n) expected, O(n²) worst case per ring of n points.
    static func simplified(_ area: PlanarMultiPolygon, tolerance: Double) -> PlanarMultiPolygon {
        guard tolerance > 0 else { return area }
        return PlanarMultiPolygon(
            polygons: area.polygons.map { polygon in
                PlanarPolygon(
                    exterior: simplified(ring: polygon.exterior, tolerance: tolerance),
                    holes: polygon.holes.map { simplified(ring: $0, tolerance: tolerance) })
            })
    }

    /// A closed ring (first point equal to last) simplified: the first point
    /// and the point farthest from it are kept as anchors and each of the
    /// two chains between them is simplified by Douglas–Peucker.
    /// - Complexity: as `simplified(_:tolerance:)`.
    static func simplified(ring: [PlanarPoint], tolerance: Double) -> [PlanarPoint] {
        let n = ring.count - 1  // distinct points; ring[n] == ring[0]
        guard n > 3 else { return ring }
        return ring.withUnsafeBufferPointer { points in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: n + 1) { keep in
                keep.initialize(repeating: false)
                var far = 0
                var farDistance = -1.0
                for k in 1..<n {
                    let dx = points[k].x - points[0].x
                    let dy = points[k].y - points[0].y
                    let d = dx * dx + dy * dy
                    if d > farDistance {
                        farDistance = d
                        far = k
                    }
                }
                keep[0] = true
                keep[far] = true
                keep[n] = true
                let squaredTolerance = tolerance * tolerance
                let squaredInsideTolerance = insideTolerance * insideTolerance
                // The ranges still to look at, last in first out: each pass takes one
                // and adds two only when it keeps a point, so at most n are waiting.
                let kept = withUnsafeTemporaryAllocation(of: (Int, Int).self, capacity: n + 1) { stack in
                    stack[0] = (0, far)
                    stack[1] = (far, n)
                    var waiting = 2
                    var kept = 3
                    while waiting > 0 {
                        waiting -= 1
                        let (first, last) = stack[waiting]
                        guard last - first > 1 else { continue }
                        let a = points[first]
                        let b = points[last]
                        var worst = -1.0
                        var worstIndex = first
                        for k in (first + 1)..<last {
                            var d = squaredDistance(points[k], a, b)
                            // A vertex on the inside of the chord (left) beyond rounding must stay:
                            // dropping it would move the boundary outward.
                            if d > squaredInsideTolerance, leftOf(points[k], a, b) { d += squaredTolerance + 1 }
                            if d > worst {
                                worst = d
                                worstIndex = k
                            }
                        }
                        if worst > squaredTolerance {
                            keep[worstIndex] = true
                            kept += 1
                            stack[waiting] = (first, worstIndex)
                            stack[waiting + 1] = (worstIndex, last)
                            waiting += 2
                        }
                    }
                    return kept
                }
                guard kept >= 4 else { return ring }
                var result: [PlanarPoint] = []
                result.reserveCapacity(kept)
                for k in 0...n where keep[k] { result.append(points[k]) }
                return result
            }
        }
    }

    /// How far a dropped vertex may lie on the inside of the segment replacing
    /// it, in metres: rounding only (1 µm).
    static let insideTolerance = 1e-6

    /// Whether `q` lies strictly left of the line from `a` to `b` (the inside
    /// of a ring walked with the inside on its left).
    @inline(__always) static func leftOf(_ q: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Bool {
        (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x) > 0
    }

    /// Squared distance from `q` to the segment from `a` to `b`, in m².
    @inline(__always) static func squaredDistance(_ q: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        // Shifted to `a` so that projected coordinates (10⁶ m) do not cancel.
        let dx = b.x - a.x
        let dy = b.y - a.y
        let qx = q.x - a.x
        let qy = q.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? min(1, max(0, (qx * dx + qy * dy) / length2)) : 0
        let ex = qx - t * dx
        let ey = qy - t * dy
        return ex * ex + ey * ey
    }
}
