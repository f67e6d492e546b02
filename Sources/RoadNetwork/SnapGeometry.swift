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

    /// The polyline of segment `segment` between offsets `from` and `to`
    /// (metres from the segment start, clamped to its ends), in travel order:
    /// reversed when `to < from`. Both end points are included, so the result
    /// has at least two points (equal ones when `from == to`).
    /// - Complexity: O(points of the segment).
    public func points(segment: Int, from: Double, to: Double) -> [PlanarPoint] {
        let low = Swift.min(from, to)
        let high = Swift.max(from, to)
        let first = Int(segmentPointStart[segment])
        let last = Int(segmentPointStart[segment + 1]) - 1
        var result = [pointAt(segment: segment, offset: low)]
        var walked = 0.0
        for k in first..<last {
            let dx = pointX[k + 1] - pointX[k]
            let dy = pointY[k + 1] - pointY[k]
            walked += (dx * dx + dy * dy).squareRoot()
            if walked > low && walked < high {
                result.append(PlanarPoint(x: pointX[k + 1], y: pointY[k + 1]))
            }
        }
        result.append(pointAt(segment: segment, offset: high))
        return to < from ? result.reversed() : result
    }
}
