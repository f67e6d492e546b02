import GeoCore

/// A road segment in grid units (cells, relative to the grid's origin): the
/// owner of a grid node is the segment nearest to it.
struct RasterSegment: Equatable {
    var ax: Double
    var ay: Double
    var bx: Double
    var by: Double

    /// The squared distance from (x, y) to the segment, in cell units².
    @inline(__always) func squaredDistance(_ x: Double, _ y: Double) -> Double {
        let dx = bx - ax
        let dy = by - ay
        let px = x - ax
        let py = y - ay
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? min(1, max(0, (px * dx + py * dy) / len2)) : 0
        let ex = px - t * dx
        let ey = py - t * dy
        return ex * ex + ey * ey
    }

    /// The point of the segment nearest to (x, y).
    @inline(__always) func nearest(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        let dx = bx - ax
        let dy = by - ay
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? min(1, max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0
        return (ax + t * dx, ay + t * dy)
    }

    /// Where the line (x0, y0) + s·(ux, uy) (u a unit vector) runs inside the
    /// capsule of radius `r` around the segment, as the interval of s (nil when
    /// it misses it). The capsule is convex and the union of the discs at both
    /// ends and the band between them, so the interval runs from the least
    /// entry to the greatest exit over the three.
    func interval(x0: Double, y0: Double, ux: Double, uy: Double, r: Double) -> (low: Double, high: Double)? {
        var low = Double.infinity
        var high = -Double.infinity
        // |p0 + s·u − c|² = r² for the discs at both ends.
        @inline(__always) func disc(_ cx: Double, _ cy: Double) {
            let b = ux * (x0 - cx) + uy * (y0 - cy)
            let c = (x0 - cx) * (x0 - cx) + (y0 - cy) * (y0 - cy) - r * r
            let d = b * b - c
            if d >= 0 {
                let root = d.squareRoot()
                low = min(low, -b - root)
                high = max(high, -b + root)
            }
        }
        disc(ax, ay)
        disc(bx, by)
        let dx = bx - ax
        let dy = by - ay
        let length = (dx * dx + dy * dy).squareRoot()
        if length > 0 {
            // Along the segment (τ in [0, length]) and across it (|w| ≤ r).
            let ex = dx / length
            let ey = dy / length
            var sLow = -Double.infinity
            var sHigh = Double.infinity
            @inline(__always) func slab(_ f0: Double, _ f1: Double, _ lo: Double, _ hi: Double) {
                if f1 == 0 {
                    if f0 < lo || f0 > hi { sLow = .infinity }
                } else {
                    let s1 = (lo - f0) / f1
                    let s2 = (hi - f0) / f1
                    sLow = max(sLow, min(s1, s2))
                    sHigh = min(sHigh, max(s1, s2))
                }
            }
            slab((x0 - ax) * ex + (y0 - ay) * ey, ux * ex + uy * ey, 0, length)
            slab((x0 - ax) * -ey + (y0 - ay) * ex, ux * -ey + uy * ex, -r, r)
            if sLow <= sHigh {
                low = min(low, sLow)
                high = max(high, sHigh)
            }
        }
        return low <= high ? (low, high) : nil
    }
}

/// A square grid of nodes holding, per node, the exact Euclidean distance to
/// the nearest reached road written so far and which segment that is (its
/// owner): a sampled distance transform of polylines (as in Felzenszwalb &
/// Huttenlocher's "distance transforms of sampled functions", but written
/// segment by segment), with the nearest-feature labels that feature-sensitive
/// contouring (Kobbelt, Botsch, Schwanecke & Seidel 2001) needs.
///
/// Only nodes within `reach` metres of a segment are written; all others hold
/// `+∞`. Values only ever decrease, so writing the pieces of a larger travel
/// time on top of a smaller one's gives the distance field of both together.
///
/// Values are squared distances in cell units² (roots are taken only where
/// the contour needs them). The buffers can be reused for another grid
/// (`reset`), which clears only the nodes written before.
struct RasterDistanceGrid {
    /// The world coordinates of node (0, 0), in metres; node (i, j) lies at
    /// `origin + (i·cellSize, j·cellSize)`.
    private(set) var originX = 0.0
    private(set) var originY = 0.0
    /// The node spacing in metres.
    private(set) var cellSize = 1.0
    /// Nodes per row and per column.
    private(set) var columns = 0
    private(set) var rows = 0
    /// Nodes farther than this from every segment are not written (metres).
    private(set) var reach = 0.0
    /// Squared distance per node in cell units², row by row (index
    /// `j·columns + i`); `+∞` where not written. May be longer than the grid.
    private(set) var values: [Float] = []
    /// The index in `segments` of each written node's nearest segment.
    private(set) var owners: [Int32] = []
    /// Every segment written, in grid units.
    private(set) var segments: [RasterSegment] = []
    /// Every node ever written, in the order first written.
    private(set) var written: [Int32] = []

    /// An empty grid with no nodes (give it a shape with `reset`).
    init() {}

    /// A grid covering `bounds` (see `reset`).
    init(bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), cellSize: Double, reach: Double) {
        reset(bounds: bounds, cellSize: cellSize, reach: reach)
    }

    /// Clears the grid and gives it the nodes covering `bounds` (min x, min y,
    /// max x, max y in metres) with a margin of `reach + 2·cellSize`, on the
    /// multiples of `cellSize` (so two grids of the same cell size share their
    /// nodes). The buffers are kept and only grown.
    /// - Complexity: O(nodes written before) plus O(new nodes) when it grows.
    mutating func reset(bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), cellSize: Double, reach: Double) {
        for node in written { values[Int(node)] = .infinity }
        written.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
        let margin = reach + 2 * cellSize
        let i0 = ((bounds.minX - margin) / cellSize).rounded(.down)
        let j0 = ((bounds.minY - margin) / cellSize).rounded(.down)
        let i1 = ((bounds.maxX + margin) / cellSize).rounded(.up)
        let j1 = ((bounds.maxY + margin) / cellSize).rounded(.up)
        originX = i0 * cellSize
        originY = j0 * cellSize
        columns = Int(i1 - i0) + 1
        rows = Int(j1 - j0) + 1
        self.cellSize = cellSize
        self.reach = reach
        let count = columns * rows
        if values.count < count {
            values.append(contentsOf: repeatElement(.infinity, count: count - values.count))
            owners.append(contentsOf: repeatElement(-1, count: count - owners.count))
        }
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

    /// Lowers every node within `reach` of segment a–b to its exact squared
    /// distance to the segment and makes the segment its owner where it is
    /// nearer than the owner so far (ties keep the earlier segment). Per row
    /// only the nodes inside the capsule of radius `reach` are visited.
    /// - Complexity: O(nodes of the capsule + its rows).
    mutating func writeSegment(_ a: PlanarPoint, _ b: PlanarPoint) {
        // Grid-relative coordinates in cell units keep the arithmetic small.
        let h = cellSize
        let segment = RasterSegment(ax: (a.x - originX) / h, ay: (a.y - originY) / h, bx: (b.x - originX) / h, by: (b.y - originY) / h)
        let ax = segment.ax
        let ay = segment.ay
        let bx = segment.bx
        let by = segment.by
        let r = reach / h
        let r2 = r * r
        let dx = bx - ax
        let dy = by - ay
        let len2 = dx * dx + dy * dy
        let inverseLength2 = len2 > 0 ? 1 / len2 : 0
        let jLow = max(0, Int((min(ay, by) - r).rounded(.up)))
        let jHigh = min(rows - 1, Int((max(ay, by) + r).rounded(.down)))
        let columnLimit = columns - 1
        guard jLow <= jHigh, columnLimit >= 0 else { return }
        let ownerID = Int32(segments.count)
        segments.append(segment)
        // The band's corners are a ± r·n and b ± r·n (n the unit normal), for the row spans.
        let length = len2.squareRoot()
        let nx = length > 0 ? -dy / length * r : 0
        let ny = length > 0 ? dx / length * r : 0
        let columnCount = columns
        values.withUnsafeMutableBufferPointer { grid in
            owners.withUnsafeMutableBufferPointer { owner in
                for j in jLow...jHigh {
                    let y = Double(j)
                    // The row's span inside the capsule: the discs at both ends and the band.
                    var low = Double.infinity
                    var high = -Double.infinity
                    let ea = r2 - (y - ay) * (y - ay)
                    if ea >= 0 {
                        let w = ea.squareRoot()
                        low = ax - w
                        high = ax + w
                    }
                    let eb = r2 - (y - by) * (y - by)
                    if eb >= 0 {
                        let w = eb.squareRoot()
                        low = min(low, bx - w)
                        high = max(high, bx + w)
                    }
                    if length > 0 {
                        // Each side of the band crossing the row widens the span.
                        @inline(__always) func side(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double) {
                            guard (py - y) * (qy - y) <= 0 else { return }
                            if py == qy {
                                low = min(low, px, qx)
                                high = max(high, px, qx)
                            } else {
                                let x = px + (y - py) / (qy - py) * (qx - px)
                                low = min(low, x)
                                high = max(high, x)
                            }
                        }
                        side(ax + nx, ay + ny, bx + nx, by + ny)
                        side(bx + nx, by + ny, bx - nx, by - ny)
                        side(bx - nx, by - ny, ax - nx, ay - ny)
                        side(ax - nx, ay - ny, ax + nx, ay + ny)
                    }
                    guard low <= high else { continue }
                    let iLow = max(0, Int(low.rounded(.up)))
                    let iHigh = min(columnLimit, Int(high.rounded(.down)))
                    guard iLow <= iHigh else { continue }
                    let py = y - ay
                    let rowBase = j * columnCount
                    for i in iLow...iHigh {
                        let px = Double(i) - ax
                        let t = min(1, max(0, (px * dx + py * dy) * inverseLength2))
                        let ex = px - t * dx
                        let ey = py - t * dy
                        let d2 = ex * ex + ey * ey
                        guard d2 <= r2 else { continue }
                        let value = Float(d2)
                        let index = rowBase + i
                        let old = grid[index]
                        if value < old {
                            if old == .infinity { written.append(Int32(index)) }
                            grid[index] = value
                            owner[index] = ownerID
                        }
                    }
                }
            }
        }
    }
}
