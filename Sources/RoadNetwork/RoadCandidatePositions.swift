import Foundation
import GeoCore

/// A candidate site position on the road network (open siting: "a site anywhere on the roads").
public struct RoadPosition: Sendable, Equatable {
    /// Deterministic id from the position: `r<x>_<y>` with the metric coordinates rounded to whole metres
    /// (e.g. `r412345_3394512`).
    public let id: String
    /// Where the position lies on the graph (`distance` 0: the site is on the road).
    public let snap: SnapPoint
}

extension RoadGraph {
    /// Candidate positions every `spacingMeters` along the usable roads.
    ///
    /// Each segment of length L gets `k = round(L / spacing)` positions, evenly spread at offsets
    /// `(i + ½) · L / k` (so a 1 km street gets four at 125, 375, 625, 875 m with a 250 m spacing, and a
    /// segment shorter than half the spacing gets none: its neighbours' positions are within a spacing).
    /// The count is about the network length over the spacing. **Junctions:** a position within
    /// `junctionToleranceMeters` of a segment end is moved onto that node (offset 0 or L), and positions
    /// on the same node merge into one (node-based snapping), so positions never crowd a junction from
    /// several of its segments. Positions whose rounded ids coincide (within a metre) also merge; the
    /// first in segment order stays.
    /// - Precondition: `spacingMeters` is finite and positive; the tolerance is not negative.
    /// - Complexity: O(segments + polyline points + positions).
    public func candidatePositions(everyMeters spacingMeters: Double, junctionToleranceMeters: Double = 10) -> [RoadPosition] {
        precondition(spacingMeters.isFinite && spacingMeters > 0, "the spacing must be a positive number of metres")
        precondition(junctionToleranceMeters >= 0, "the junction tolerance must not be negative")
        var positions: [RoadPosition] = []
        var nodeTaken = Set<Int>()
        var idTaken = Set<String>()
        for s in 0..<segmentCount where segmentForwardEdge[s] >= 0 || segmentBackwardEdge[s] >= 0 {
            let length = segmentLength[s]
            let k = Int((length / spacingMeters).rounded())
            guard k > 0 else { continue }
            for i in 0..<k {
                var offset = (Double(i) + 0.5) * length / Double(k)
                var node = -1
                if offset <= junctionToleranceMeters {
                    offset = 0
                    node = Int(segmentFrom[s])
                } else if length - offset <= junctionToleranceMeters {
                    offset = length
                    node = Int(segmentTo[s])
                }
                if node >= 0 {
                    guard nodeTaken.insert(node).inserted else { continue }
                }
                let point = node >= 0 ? PlanarPoint(x: nodeX[node], y: nodeY[node]) : pointAt(segment: s, offset: offset)
                let id = "r\(Int((point.x).rounded()))_\(Int((point.y).rounded()))"
                guard idTaken.insert(id).inserted else { continue }
                positions.append(RoadPosition(id: id, snap: SnapPoint(segment: s, offset: offset, distance: 0, point: point)))
            }
        }
        return positions
    }
}
