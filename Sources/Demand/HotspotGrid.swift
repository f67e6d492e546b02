import Foundation
import GeoCore

/// The shape of the cells demand is aggregated into, in the metric CRS.
public enum CellShape: String, CaseIterable, Sendable {
    /// Squares of side `cell` aligned to the CRS axes: cell (i, j) covers
    /// x ∈ [i·cell, (i+1)·cell), y ∈ [j·cell, (j+1)·cell); centre at the middle.
    case square
    /// Pointy-top hexagons whose opposite sides are `cell` apart (neighbours'
    /// centres `cell` apart), in axial coordinates (q, r) with the hexagon
    /// of (0, 0) centred on the CRS origin (Red Blob Games' "hexagonal grids"
    /// conventions; points are assigned by cube rounding).
    case hexagon
}

/// A demand point in metres: where it is, its weight and an id for ordering.
public struct DemandMember: Hashable, Sendable {
    /// Position in the metric CRS.
    public var point: PlanarPoint
    /// Demand weight (≥ 0).
    public var weight: Double
    /// Identifier (OSM id or input id), used only to make sums order-independent.
    public var id: String
    /// The member's category for per-category counts (`--count-by`), e.g. `pickup`; nil when not counted.
    public var category: String?

    /// Creates a member.
    public init(point: PlanarPoint, weight: Double, id: String, category: String? = nil) {
        self.point = point
        self.weight = weight
        self.id = id
        self.category = category
    }
}

/// One grid cell with demand.
public struct HotspotCell: Hashable, Sendable {
    /// Square: (i, j); hexagon: axial (q, r).
    public var key: [Int]
    /// The cell's centre in the metric CRS.
    public var centre: PlanarPoint
    /// Sum of the members' weights (added in member-id order).
    public var weight: Double
    /// Number of members.
    public var count: Int
    /// The members' weighted mean position in the metric CRS, Σ wᵢ·pᵢ / Σ wᵢ summed in
    /// member-id order (the plain mean when every weight is 0).
    public var mean: PlanarPoint
    /// Members per category (members with a nil `category` are not counted).
    public var categories: [String: Int]
}

/// Aggregates demand points into square or hexagonal cells.
public enum HotspotGrid {
    /// The cells holding at least one member, ordered north to south then west
    /// to east by centre (so ids are stable for the same input).
    /// - Precondition: `cell` > 0.
    /// - Complexity: O(n log n).
    public static func aggregate(_ members: [DemandMember], cell: Double, shape: CellShape) -> [HotspotCell] {
        var groups: [[Int]: [DemandMember]] = [:]
        for member in members { groups[key(of: member.point, cell: cell, shape: shape), default: []].append(member) }
        let cells = groups.map { key, group -> HotspotCell in
            let sorted = group.sorted { ($0.id.utf8.lexicographicallyPrecedes($1.id.utf8)) }
            let weight = sorted.reduce(0) { $0 + $1.weight }
            var categories: [String: Int] = [:]
            for member in sorted { if let category = member.category { categories[category, default: 0] += 1 } }
            return HotspotCell(
                key: key, centre: centre(of: key, cell: cell, shape: shape), weight: weight, count: group.count,
                mean: mean(of: sorted, weight: weight), categories: categories)
        }
        return cells.sorted { a, b in
            a.centre.y != b.centre.y ? a.centre.y > b.centre.y : a.centre.x < b.centre.x
        }
    }

    /// Σ wᵢ·pᵢ / Σ wᵢ over `members` in their order, or the plain mean when `weight` (Σ wᵢ) is 0.
    static func mean(of members: [DemandMember], weight: Double) -> PlanarPoint {
        let useWeights = weight > 0
        var (x, y) = (0.0, 0.0)
        for member in members {
            let w = useWeights ? member.weight : 1
            x += w * member.point.x
            y += w * member.point.y
        }
        let total = useWeights ? weight : Double(members.count)
        return PlanarPoint(x: x / total, y: y / total)
    }

    /// The key of the cell holding `p`.
    public static func key(of p: PlanarPoint, cell: Double, shape: CellShape) -> [Int] {
        switch shape {
        case .square:
            return [Int((p.x / cell).rounded(.down)), Int((p.y / cell).rounded(.down))]
        case .hexagon:
            let size = cell / 3.0.squareRoot()  // centre to corner
            let q = (3.0.squareRoot() / 3 * p.x - p.y / 3) / size
            let r = (2.0 / 3 * p.y) / size
            let s = -q - r
            var (rq, rr, rs) = (q.rounded(), r.rounded(), s.rounded())
            let (dq, dr, ds) = (abs(rq - q), abs(rr - r), abs(rs - s))
            if dq > dr && dq > ds { rq = -rr - rs } else if dr > ds { rr = -rq - rs }
            return [Int(rq), Int(rr)]
        }
    }

    /// The centre of cell `key`.
    public static func centre(of key: [Int], cell: Double, shape: CellShape) -> PlanarPoint {
        switch shape {
        case .square:
            return PlanarPoint(x: (Double(key[0]) + 0.5) * cell, y: (Double(key[1]) + 0.5) * cell)
        case .hexagon:
            let size = cell / 3.0.squareRoot()
            let (q, r) = (Double(key[0]), Double(key[1]))
            return PlanarPoint(x: size * (3.0.squareRoot() * q + 3.0.squareRoot() / 2 * r), y: size * 1.5 * r)
        }
    }
}
