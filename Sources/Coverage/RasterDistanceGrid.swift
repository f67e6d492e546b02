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
    ///
    /// Each node is measured once per stretch it is nearest to, not once per
    /// segment whose capsule holds it: every segment writes only its band
    /// (the nodes whose foot lies on it, distance measured across it), the
    /// two ends of the piece their discs, and every bend only the wedge on
    /// its outer side that neither neighbouring band covers (distance to the
    /// bend). A node's nearest point of the piece lies inside a segment (its
    /// band), or at an end, or at a bend — in the wedge, or inside a
    /// neighbouring band that measures it at that same distance — so every
    /// node within `reach` gets its exact distance.
    /// - Complexity: O(nodes within `reach` of the piece + its rows).
    mutating func write(_ piece: [PlanarPoint]) {
        guard let first = piece.first else { return }
        let h = cellSize
        // Grid-relative coordinates in cell units, repeated points dropped.
        var points: [(x: Double, y: Double)] = [((first.x - originX) / h, (first.y - originY) / h)]
        points.reserveCapacity(piece.count)
        for p in piece.dropFirst() {
            let q = ((p.x - originX) / h, (p.y - originY) / h)
            if q.0 != points[points.count - 1].x || q.1 != points[points.count - 1].y { points.append(q) }
        }
        let base = Int32(segments.count)
        if points.count == 1 {
            segments.append(RasterSegment(ax: points[0].x, ay: points[0].y, bx: points[0].x, by: points[0].y))
            writeDisc(points[0], owner: base, after: nil, before: nil)
            return
        }
        for k in 1..<points.count {
            segments.append(RasterSegment(ax: points[k - 1].x, ay: points[k - 1].y, bx: points[k].x, by: points[k].y))
        }
        for k in 1..<points.count { writeBand(points[k - 1], points[k], owner: base + Int32(k - 1)) }
        let last = points.count - 1
        writeDisc(points[0], owner: base, after: nil, before: nil)
        writeDisc(points[last], owner: base + Int32(last - 1), after: nil, before: nil)
        for k in 1..<last {
            let v = points[k]
            writeDisc(
                v, owner: base + Int32(k - 1), after: (v.x - points[k - 1].x, v.y - points[k - 1].y),
                before: (points[k + 1].x - v.x, points[k + 1].y - v.y))
        }
    }

    /// Lowers one node to `value` (squared cell units) for `owner`.
    @inline(__always) private static func lower(
        _ grid: UnsafeMutableBufferPointer<Float>, _ owners: UnsafeMutableBufferPointer<Int32>, _ written: inout [Int32],
        _ index: Int, _ value: Float, _ owner: Int32
    ) {
        let old = grid[index]
        if value < old {
            if old == .infinity { written.append(Int32(index)) }
            grid[index] = value
            owners[index] = owner
        }
    }

    /// Writes the band of segment a–b (grid units): the nodes within
    /// `reach` of the segment whose foot lies on it, each at its distance
    /// across the segment. Per row only the span inside the band is visited.
    private mutating func writeBand(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), owner: Int32) {
        let r = reach / cellSize
        let r2 = r * r
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return }
        let nx = -dy / length
        let ny = dx / length
        // Corners a ± r·n, b ± r·n.
        let cx = [a.x + r * nx, b.x + r * nx, b.x - r * nx, a.x - r * nx]
        let cy = [a.y + r * ny, b.y + r * ny, b.y - r * ny, a.y - r * ny]
        let jLow = max(0, Int(cy.min()!.rounded(.up)))
        let jHigh = min(rows - 1, Int(cy.max()!.rounded(.down)))
        guard jLow <= jHigh, columns > 0 else { return }
        let columnCount = columns
        let columnLimit = columns - 1
        var written = self.written
        self.written = []
        values.withUnsafeMutableBufferPointer { grid in
            owners.withUnsafeMutableBufferPointer { ownerBuffer in
                for j in jLow...jHigh {
                    let y = Double(j)
                    var low = Double.infinity
                    var high = -Double.infinity
                    for k in 0..<4 {
                        let px = cx[k]
                        let py = cy[k]
                        let qx = cx[(k + 1) & 3]
                        let qy = cy[(k + 1) & 3]
                        guard (py - y) * (qy - y) <= 0 else { continue }
                        if py == qy {
                            low = min(low, px, qx)
                            high = max(high, px, qx)
                        } else {
                            let x = px + (y - py) / (qy - py) * (qx - px)
                            low = min(low, x)
                            high = max(high, x)
                        }
                    }
                    guard low <= high else { continue }
                    let iLow = max(0, Int(low.rounded(.up)))
                    let iHigh = min(columnLimit, Int(high.rounded(.down)))
                    guard iLow <= iHigh else { continue }
                    let py = y - a.y
                    let rowBase = j * columnCount
                    for i in iLow...iHigh {
                        let w = (Double(i) - a.x) * nx + py * ny
                        let d2 = w * w
                        guard d2 <= r2 else { continue }
                        Self.lower(grid, ownerBuffer, &written, rowBase + i, Float(d2), owner)
                    }
                }
            }
        }
        self.written = written
    }

    /// Writes the disc of radius `reach` around `v` (grid units), or, given
    /// the directions of the segments `after` which and `before` which `v`
    /// lies, only its wedge where (p − v)·after ≥ 0 and (p − v)·before ≤ 0
    /// (the nodes beyond both neighbouring bands).
    private mutating func writeDisc(
        _ v: (x: Double, y: Double), owner: Int32, after: (x: Double, y: Double)?, before: (x: Double, y: Double)?
    ) {
        let r = reach / cellSize
        let r2 = r * r
        let jLow = max(0, Int((v.y - r).rounded(.up)))
        let jHigh = min(rows - 1, Int((v.y + r).rounded(.down)))
        guard jLow <= jHigh, columns > 0 else { return }
        let columnCount = columns
        let columnLimit = columns - 1
        var written = self.written
        self.written = []
        values.withUnsafeMutableBufferPointer { grid in
            owners.withUnsafeMutableBufferPointer { ownerBuffer in
                for j in jLow...jHigh {
                    let y = Double(j)
                    let e = r2 - (y - v.y) * (y - v.y)
                    guard e >= 0 else { continue }
                    let half = e.squareRoot()
                    var low = v.x - half
                    var high = v.x + half
                    // Clip the row to a half-plane (p − v)·u ≥ 0 (sign +1) or ≤ 0 (sign −1),
                    // widened by a hair: overlapping the neighbouring bands is harmless.
                    func clip(_ u: (x: Double, y: Double), _ sign: Double) {
                        let ux = u.x * sign
                        let uy = u.y * sign
                        let c = (y - v.y) * uy  // (p − v)·u = (x − vx)·ux + c ≥ 0
                        if ux == 0 {
                            if c < -1e-9 { high = -Double.infinity }
                        } else if ux > 0 {
                            low = max(low, v.x - (c + 1e-9) / ux)
                        } else {
                            high = min(high, v.x - (c + 1e-9) / ux)
                        }
                    }
                    if let after { clip(after, 1) }
                    if let before { clip(before, -1) }
                    guard low <= high else { continue }
                    let iLow = max(0, Int(low.rounded(.up)))
                    let iHigh = min(columnLimit, Int(high.rounded(.down)))
                    guard iLow <= iHigh else { continue }
                    let py = y - v.y
                    let rowBase = j * columnCount
                    for i in iLow...iHigh {
                        let px = Double(i) - v.x
                        let d2 = px * px + py * py
                        guard d2 <= r2 else { continue }
                        Self.lower(grid, ownerBuffer, &written, rowBase + i, Float(d2), owner)
                    }
                }
            }
        }
        self.written = written
    }
}
