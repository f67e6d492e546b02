import GeoCore

extension RoadGraph {
    /// The point `offset` metres along segment `segment`'s polyline from its
    /// start, clamped to the segment's ends.
    /// - Complexity: O(points of the segment).
    public func pointAt(segment: Int, offset: Double) -> PlanarPoint {
        let first = Int(segmentPointStart[segment])
        let last = Int(segmentPointStart[segment + 1]) - 1
        var walked = 0.0
        if offset > 0 {
            for k in first..<last {
                let dx = pointX[k + 1] - pointX[k]
                let dy = pointY[k + 1] - pointY[k]
                let piece = (dx * dx + dy * dy).squareRoot()
                if walked + piece >= offset, piece > 0 {
                    let t = (offset - walked) / piece
                    return PlanarPoint(x: pointX[k] + t * dx, y: pointY[k] + t * dy)
                }
                walked += piece
            }
            return PlanarPoint(x: pointX[last], y: pointY[last])
        }
        return PlanarPoint(x: pointX[first], y: pointY[first])
    }

    /// Offsets this close (in metres) to a vertex's distance along a segment
    /// take that vertex exactly in `points(segment:from:to:)`, so an offset
    /// computed with rounding neither misses the vertex nor leaves a
    /// sub-millimetre stub.
    public static let vertexSnap = 0.001

    /// The polyline of segment `segment` between offsets `from` and `to`
    /// (metres from the segment start, clamped to its ends), in travel order:
    /// reversed when `to < from`. Ends are interpolated on the straight piece
    /// holding them, or are the vertex itself within `vertexSnap`; interior
    /// vertices are kept. Both end points are included, so the result has at
    /// least two points (equal ones when `from == to`).
    /// - Complexity: O(points of the segment).
    public func points(segment: Int, from: Double, to: Double) -> [PlanarPoint] {
        var result: [PlanarPoint] = []
        forEachPoint(segment: segment, from: from, to: to) { result.append($0) }
        return result
    }

    /// Calls `body` with each point of `points(segment:from:to:)`, in order,
    /// without building the array (the distances along the segment live in a
    /// temporary buffer).
    /// - Complexity: O(points of the segment).
    public func forEachPoint(segment: Int, from: Double, to: Double, _ body: (PlanarPoint) -> Void) {
        let first = Int(segmentPointStart[segment])
        let last = Int(segmentPointStart[segment + 1]) - 1
        withUnsafeTemporaryAllocation(of: Double.self, capacity: last - first + 1) { cumulative in
            cumulative[0] = 0
            for k in first..<last {
                let dx = pointX[k + 1] - pointX[k]
                let dy = pointY[k + 1] - pointY[k]
                cumulative[k - first + 1] = cumulative[k - first] + (dx * dx + dy * dy).squareRoot()
            }
            let count = last - first + 1
            let length = cumulative[count - 1]
            let low = Swift.min(Swift.max(Swift.min(from, to), 0), length)
            let high = Swift.min(Swift.max(Swift.max(from, to), 0), length)
            /// The point `offset` metres along, and the index of the vertex at or before it.
            func locate(_ offset: Double) -> (Int, PlanarPoint) {
                if let v = (0..<count).first(where: { abs(cumulative[$0] - offset) <= Self.vertexSnap }) {
                    return (v, PlanarPoint(x: pointX[first + v], y: pointY[first + v]))
                }
                let after = (0..<count).first(where: { cumulative[$0] > offset }) ?? (count - 1)
                let before = after - 1
                let t = (offset - cumulative[before]) / (cumulative[after] - cumulative[before])
                let a = first + before
                let b = first + after
                return (before, PlanarPoint(x: pointX[a] + (pointX[b] - pointX[a]) * t, y: pointY[a] + (pointY[b] - pointY[a]) * t))
            }
            let (startIndex, startPoint) = locate(low)
            let (endIndex, endPoint) = locate(high)
            @inline(__always) func interior(_ v: Int) -> Bool {
                cumulative[v] > low + Self.vertexSnap && cumulative[v] < high - Self.vertexSnap
            }
            if to < from {
                body(endPoint)
                if startIndex < endIndex {
                    for v in ((startIndex + 1)...endIndex).reversed() where interior(v) {
                        body(PlanarPoint(x: pointX[first + v], y: pointY[first + v]))
                    }
                }
                body(startPoint)
            } else {
                body(startPoint)
                if startIndex < endIndex {
                    for v in (startIndex + 1)...endIndex where interior(v) { body(PlanarPoint(x: pointX[first + v], y: pointY[first + v])) }
                }
                body(endPoint)
            }
        }
    }
}
