import GeoCore

/// A square grid of nodes holding, per node, the exact Euclidean distance in
/// metres to the nearest reached road written so far (a sampled distance
/// transform of polylines, as in Felzenszwalb & Huttenlocher's "distance
/// transforms of sampled functions", but written segment by segment).
///
/// Only nodes within `reach` metres of a segment are written; all others hold
/// `+∞`. Values only ever decrease, so writing the pieces of a larger travel
/// time on top of a smaller one's gives the distance field of both together.
struct RasterDistanceGrid {
    /// The world coordinates of node (0, 0), in metres; node (i, j) lies at
    /// `origin + (i·cellSize, j·cellSize)`.
    let originX: Double
    let originY: Double
    /// The node spacing in metres.
    let cellSize: Double
    /// Nodes per row and per column.
    let columns: Int
    let rows: Int
    /// Nodes farther than this from every segment are not written (metres).
    let reach: Double
    /// Distance per node, row by row (index `j·columns + i`); `+∞` where not written.
    private(set) var values: [Float]
    /// Every node ever written, in the order first written.
    private(set) var written: [Int32]

    /// A grid covering `bounds` (min x, min y, max x, max y in metres) with
    /// a margin of `reach + 2·cellSize`, its nodes on the multiples of
    /// `cellSize` (so two grids of the same cell size share their nodes).
    init(bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), cellSize: Double, reach: Double) {
        let margin = reach + 2 * cellSize
        let i0 = (bounds.minX - margin) / cellSize
        let j0 = (bounds.minY - margin) / cellSize
        let i1 = (bounds.maxX + margin) / cellSize
        let j1 = (bounds.maxY + margin) / cellSize
        originX = i0.rounded(.down) * cellSize
        originY = j0.rounded(.down) * cellSize
        columns = Int(i1.rounded(.up) - i0.rounded(.down)) + 1
        rows = Int(j1.rounded(.up) - j0.rounded(.down)) + 1
        self.cellSize = cellSize
        self.reach = reach
        values = [Float](repeating: .infinity, count: columns * rows)
        written = []
    }

    /// The bounding box of all points of `pieces`, nil when there are none.
    static func bounds(of pieces: [[[PlanarPoint]]]) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        for level in pieces {
            for piece in level {
                for p in piece {
                    if let b = box {
                        box = (min(b.minX, p.x), min(b.minY, p.y), max(b.maxX, p.x), max(b.maxY, p.y))
                    } else {
                        box = (p.x, p.y, p.x, p.y)
                    }
                }
            }
        }
        return box
    }

    /// Writes every segment of `piece` (a single point writes a disc).
    mutating func write(_ piece: [PlanarPoint]) {
        guard let first = piece.first else { return }
        if piece.count == 1 {
            writeSegment(first, first)
            return
        }
        for k in 1..<piece.count { writeSegment(piece[k - 1], piece[k]) }
    }

    /// Lowers every node within `reach` of segment a–b to its exact distance to
    /// the segment: every node of the segment's bounding box grown by `reach`
    /// is measured, and those inside the capsule of radius `reach` written.
    /// - Complexity: O(nodes of the capsule's bounding box).
    mutating func writeSegment(_ a: PlanarPoint, _ b: PlanarPoint) {
        // Grid-relative coordinates in cell units keep the arithmetic small.
        let h = cellSize
        let ax = (a.x - originX) / h
        let ay = (a.y - originY) / h
        let bx = (b.x - originX) / h
        let by = (b.y - originY) / h
        let r = reach / h
        let r2 = r * r
        let dx = bx - ax
        let dy = by - ay
        let len2 = dx * dx + dy * dy
        let iLow = max(0, Int((min(ax, bx) - r).rounded(.up)))
        let iHigh = min(columns - 1, Int((max(ax, bx) + r).rounded(.down)))
        let jLow = max(0, Int((min(ay, by) - r).rounded(.up)))
        let jHigh = min(rows - 1, Int((max(ay, by) + r).rounded(.down)))
        guard iLow <= iHigh, jLow <= jHigh else { return }
        values.withUnsafeMutableBufferPointer { grid in
            for j in jLow...jHigh {
                let py = Double(j) - ay
                let rowBase = j * columns
                for i in iLow...iHigh {
                    let px = Double(i) - ax
                    var t = len2 > 0 ? (px * dx + py * dy) / len2 : 0
                    t = min(1, max(0, t))
                    let ex = px - t * dx
                    let ey = py - t * dy
                    let d2 = ex * ex + ey * ey
                    guard d2 <= r2 else { continue }
                    let distance = Float(d2.squareRoot() * h)
                    let index = rowBase + i
                    let old = grid[index]
                    if distance < old {
                        if old == .infinity { written.append(Int32(index)) }
                        grid[index] = distance
                    }
                }
            }
        }
    }
}
