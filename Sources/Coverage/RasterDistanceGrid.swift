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
/// the nearest reached road written so far and, when asked, which segment
/// that is (its owner): a sampled distance transform of polylines (as in
/// Felzenszwalb & Huttenlocher's "distance transforms of sampled functions",
/// but written segment by segment), with the nearest-feature labels that
/// feature-sensitive contouring (Kobbelt, Botsch, Schwanecke & Seidel 2001)
/// needs.
///
/// Only nodes within `reach` metres of a segment are written; all others hold
/// `+∞`. Values only ever decrease, so writing the pieces of a larger travel
/// time on top of a smaller one's gives the distance field of both together.
///
/// Values are squared distances in cell units² (roots are taken only where
/// the contour needs them). Which nodes were written is kept per row as the
/// span from the first to the last column written (`spanLow`, `spanHigh`), so a write is a
/// plain minimum over a run of a row (no per-node bookkeeping) and the
/// buffers can be reused for another grid (`reset`), which clears only the
/// spans written before.
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
    /// Whether written nodes record their nearest segment in `owners` (the
    /// exact contour needs it; linear interpolation does not).
    private(set) var keepsOwners = true
    /// Squared distance per node in cell units², row by row (index
    /// `j·columns + i`); `+∞` where not written. May be longer than the grid.
    private(set) var values: [Float] = []
    /// The index in `segments` of each written node's nearest segment (only
    /// with `keepsOwners`; stale elsewhere). Grown only for a grid that keeps
    /// owners, so it may be shorter than `values` (never empty).
    private(set) var owners: [Int32] = [-1]
    /// Every segment written, in grid units.
    private(set) var segments: [RasterSegment] = []
    /// Per row, the first and the last column written (first > last: none);
    /// every node outside its row's span holds `+∞`.
    private(set) var spanLow: [Int32] = []
    private(set) var spanHigh: [Int32] = []
    /// The lowest and highest rows written (lowest > highest: none).
    private(set) var firstRow = Int.max
    private(set) var lastRow = -1

    /// An empty grid with no nodes (give it a shape with `reset`).
    init() {}

    /// Clears the grid and gives it the nodes covering `bounds` (min x, min y,
    /// max x, max y in metres) with a margin of `reach + 2·cellSize`, on the
    /// multiples of `cellSize` (so two grids of the same cell size share their
    /// nodes). `keepsOwners` says whether writes record each node's nearest
    /// segment. The buffers are kept and only grown.
    /// - Complexity: O(nodes in the spans written before) plus O(new nodes) when it grows.
    mutating func reset(
        bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), cellSize: Double, reach: Double, keepsOwners: Bool = true
    ) {
        clear()
        segments.removeAll(keepingCapacity: true)
        discs.removeAll(keepingCapacity: true)
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
        self.keepsOwners = keepsOwners
        let count = columns * rows + Self.padding
        if values.count < count { values.append(contentsOf: repeatElement(.infinity, count: count - values.count)) }
        if keepsOwners, owners.count < count { owners.append(contentsOf: repeatElement(-1, count: count - owners.count)) }
        if spanLow.count < rows {
            spanLow.append(contentsOf: repeatElement(.max, count: rows - spanLow.count))
            spanHigh.append(contentsOf: repeatElement(-1, count: rows - spanHigh.count))
        }
    }

    /// Sets every written node back to `+∞` and forgets the spans.
    private mutating func clear() {
        guard firstRow <= lastRow else { return }
        let width = columns
        values.withUnsafeMutableBufferPointer { grid in
            for j in firstRow...lastRow {
                let low = Int(spanLow[j])
                let high = Int(spanHigh[j])
                if low <= high {
                    let row = grid.baseAddress! + j * width
                    (row + low).update(repeating: .infinity, count: high - low + 1)
                }
                spanLow[j] = .max
                spanHigh[j] = -1
            }
        }
        firstRow = .max
        lastRow = -1
    }

    /// Calls `body` with the index of every node in the written spans that
    /// holds a value, row by row (deterministic for the same writes).
    @inline(__always) func forEachWritten(_ body: (Int) -> Void) {
        guard firstRow <= lastRow else { return }
        values.withUnsafeBufferPointer { grid in
            for j in firstRow...lastRow {
                let low = Int(spanLow[j])
                let high = Int(spanHigh[j])
                guard low <= high else { continue }
                for node in (j * columns + low)...(j * columns + high) where grid[node] < .infinity { body(node) }
            }
        }
    }

    /// Calls `body` with the first and the last node index of each row's
    /// written span, row by row (every node between them that holds a value
    /// is one `forEachWritten` visits; the others hold `+∞`).
    @inline(__always) func forEachWrittenRun(_ body: (Int, Int) -> Void) {
        guard firstRow <= lastRow else { return }
        for j in firstRow...lastRow {
            let low = Int(spanLow[j])
            let high = Int(spanHigh[j])
            guard low <= high else { continue }
            body(j * columns + low, j * columns + high)
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
            writeEnd(points[0], owner: base)
            return
        }
        for k in 1..<points.count {
            segments.append(RasterSegment(ax: points[k - 1].x, ay: points[k - 1].y, bx: points[k].x, by: points[k].y))
        }
        for k in 1..<points.count { writeBand(points[k - 1], points[k], owner: base + Int32(k - 1)) }
        let last = points.count - 1
        writeEnd(points[0], owner: base)
        writeEnd(points[last], owner: base + Int32(last - 1))
        for k in 1..<last {
            let v = points[k]
            writeDisc(
                v, owner: base + Int32(k - 1), after: (v.x - points[k - 1].x, v.y - points[k - 1].y),
                before: (points[k + 1].x - v.x, points[k + 1].y - v.y))
        }
    }

    /// The points (grid units, as bit patterns) whose whole disc has been
    /// written since `reset`: pieces meeting at a junction all end there.
    private var discs: Set<PointKey> = []

    /// A point's coordinates as bit patterns, for `discs`.
    private struct PointKey: Hashable {
        var x: UInt64
        var y: UInt64
    }

    /// Writes the whole disc around the end `v` of a piece, unless an earlier
    /// piece ending at the same point wrote it (the same distances: a node
    /// whose nearest point is `v` is as far from every segment ending there,
    /// so `owner` is as good as the first one's).
    private mutating func writeEnd(_ v: (x: Double, y: Double), owner: Int32) {
        guard discs.insert(PointKey(x: v.x.bitPattern, y: v.y.bitPattern)).inserted else { return }
        writeDisc(v, owner: owner, after: nil, before: nil)
    }

    /// Gives `body` the node values, owners and row spans (low, high) as
    /// buffers, and widens the rows written to `jLow...jHigh` (rows left
    /// without a span are skipped when read).
    @inline(__always) private mutating func withBuffers(
        rows jLow: Int, _ jHigh: Int,
        _ body: (
            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>
        ) -> Void
    ) {
        values.withUnsafeMutableBufferPointer { grid in
            owners.withUnsafeMutableBufferPointer { ownerBuffer in
                spanLow.withUnsafeMutableBufferPointer { low in
                    spanHigh.withUnsafeMutableBufferPointer { high in
                        body(grid.baseAddress!, ownerBuffer.baseAddress!, low.baseAddress!, high.baseAddress!)
                    }
                }
            }
        }
        firstRow = min(firstRow, jLow)
        lastRow = max(lastRow, jHigh)
    }

    /// Widens the span of row `j` (in `low`/`high`) to columns `iLow...iHigh`.
    @inline(__always) private static func mark(
        _ low: UnsafeMutablePointer<Int32>, _ high: UnsafeMutablePointer<Int32>, row j: Int, _ iLow: Int, _ iHigh: Int
    ) {
        low[j] = min(low[j], Int32(iLow))
        high[j] = max(high[j], Int32(iHigh))
    }

    /// Lowers the nodes `low...high` of the row starting at `row` to the squared
    /// distance `w(i)²` of `w(i) = w0 + i·slope` (cell units), or to
    /// `(i − vx)² + dy2` for a disc, where that is within `r2`; records
    /// `owner` where a node is lowered when the grid keeps owners.
    ///
    /// Four nodes at a time (`distance2` gets the columns as a vector and
    /// computes each lane as the scalar formula would); lanes past `high`
    /// count as out of reach, so they keep their values (the buffers hold
    /// `padding` nodes past the grid for the last row's last chunk).
    @inline(__always) private static func lowerRun(
        _ row: UnsafeMutablePointer<Float>, _ ownerRow: UnsafeMutablePointer<Int32>, keepsOwners: Bool,
        _ low: Int, _ high: Int, r2: Double, owner: Int32, distance2: (SIMD4<Double>) -> SIMD4<Double>
    ) {
        let lanes = SIMD4<Double>(0, 1, 2, 3)
        let last = SIMD4<Double>(repeating: Double(high))
        let owners = SIMD4<Int32>(repeating: owner)
        var i = low
        while i <= high {
            let x = SIMD4<Double>(repeating: Double(i)) + lanes
            let exact = distance2(x)
            let d2 = exact.replacing(with: .infinity, where: (x .> last) .| (exact .> r2))
            let value = SIMD4<Float>(d2)
            let pointer = UnsafeMutableRawPointer(row + i)
            let old = pointer.loadUnaligned(as: SIMD4<Float>.self)
            let lower = value .< old
            pointer.storeBytes(of: old.replacing(with: value, where: lower), as: SIMD4<Float>.self)
            if keepsOwners {
                let ownerPointer = UnsafeMutableRawPointer(ownerRow + i)
                let oldOwners = ownerPointer.loadUnaligned(as: SIMD4<Int32>.self)
                ownerPointer.storeBytes(of: oldOwners.replacing(with: owners, where: lower), as: SIMD4<Int32>.self)
            }
            i &+= 4
        }
    }

    /// The larger and the smaller of two numbers that are not NaN, as one
    /// `maxsd`/`minsd` instruction (`Swift.max` and `min` branch to keep their
    /// NaN rule); they differ from those only in the sign of a zero result.
    @inline(__always) static func larger(_ a: Double, _ b: Double) -> Double { a > b ? a : b }

    @inline(__always) static func smaller(_ a: Double, _ b: Double) -> Double { a < b ? a : b }

    /// Nodes past the grid's last node in `values` and `owners`, so that a
    /// run of four may start at the last node.
    static let padding = 3

    /// ⌈x⌉ and ⌊x⌋ for finite `x` of magnitude below 2⁶² (inline, without a
    /// library call).
    @inline(__always) static func ceiling(_ x: Double) -> Int {
        let t = Int(x)
        return Double(t) < x ? t + 1 : t
    }

    @inline(__always) static func floor(_ x: Double) -> Int {
        let t = Int(x)
        return Double(t) > x ? t - 1 : t
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
        let ex = ny
        let ey = -nx
        // The rows the band touches: its corners a ± r·n, b ± r·n.
        let yLow = min(a.y, b.y) - r * abs(ny)
        let yHigh = max(a.y, b.y) + r * abs(ny)
        let jLow = max(0, Self.ceiling(yLow))
        let jHigh = min(rows - 1, Self.floor(yHigh))
        guard jLow <= jHigh, columns > 0 else { return }
        let columnCount = columns
        let columnLimit = Double(columns - 1)
        let keeps = keepsOwners
        // On row y the band is where 0 ≤ s ≤ length and |w| ≤ r, with
        // s = (x − a.x)·ex + (y − a.y)·ey along the segment and
        // w = (x − a.x)·nx + (y − a.y)·ny across it: both linear in x.
        @inline(__always) func range(_ f0: Double, _ slope: Double, _ lo: Double, _ hi: Double) -> (Double, Double) {
            if slope == 0 { return f0 >= lo && f0 <= hi ? (-Double.infinity, Double.infinity) : (Double.infinity, -Double.infinity) }
            let x1 = (lo - f0) / slope
            let x2 = (hi - f0) / slope
            return slope > 0 ? (x1, x2) : (x2, x1)
        }
        withBuffers(rows: jLow, jHigh) { grid, ownerBuffer, spanLow, spanHigh in
            for j in jLow...jHigh {
                let y = Double(j)
                let along = range((y - a.y) * ey - a.x * ex, ex, 0, length)
                let across = range((y - a.y) * ny - a.x * nx, nx, -r, r)
                // Clamped first (⌈⌉ and ⌊⌋ are monotone and the bounds whole), so
                // both are finite and not negative once they hold a node (then
                // ⌊high⌋ is its truncation).
                let low = Self.larger(Self.larger(along.0, across.0), 0)
                let high = Self.smaller(Self.smaller(along.1, across.1), columnLimit)
                guard low <= high else { continue }
                let iLow = Self.ceiling(low)
                let iHigh = Int(high)
                guard iLow <= iHigh else { continue }
                // w(i) = (i − a.x)·nx + (y − a.y)·ny, the signed distance across the segment.
                let w0 = (y - a.y) * ny - a.x * nx
                Self.lowerRun(
                    grid + j * columnCount, ownerBuffer + j * columnCount, keepsOwners: keeps,
                    iLow, iHigh, r2: r2, owner: owner
                ) { x in
                    let w = w0 + x * nx
                    return w * w
                }
                Self.mark(spanLow, spanHigh, row: j, iLow, iHigh)
            }
        }
    }

    /// Writes the disc of radius `reach` around `v` (grid units), or, given
    /// the directions of the segments `after` which and `before` which `v`
    /// lies, only its wedge where (p − v)·after ≥ 0 and (p − v)·before ≤ 0
    /// (the nodes beyond both neighbouring bands), visiting only the rows the
    /// wedge spans (a bend's wedge is usually a thin sliver of the disc).
    private mutating func writeDisc(
        _ v: (x: Double, y: Double), owner: Int32, after: (x: Double, y: Double)?, before: (x: Double, y: Double)?
    ) {
        let r = reach / cellSize
        let r2 = r * r
        // Only the rows a wedge spans: its lowest and highest points lie at v,
        // at the ends of its straight sides, or at the circle's bottom or top.
        var yLow = v.y - r
        var yHigh = v.y + r
        if after != nil || before != nil {
            let tolerance = 1e-9 * r
            @inline(__always) func consider(_ dx: Double, _ dy: Double) {
                if let after, dx * after.x + dy * after.y < -tolerance * (abs(after.x) + abs(after.y)) { return }
                if let before, dx * before.x + dy * before.y > tolerance * (abs(before.x) + abs(before.y)) { return }
                yLow = Self.smaller(yLow, v.y + dy)
                yHigh = Self.larger(yHigh, v.y + dy)
            }
            @inline(__always) func sides(_ u: (x: Double, y: Double)) {
                let length = (u.x * u.x + u.y * u.y).squareRoot()
                guard length > 0 else { return }
                consider(-u.y / length * r, u.x / length * r)
                consider(u.y / length * r, -u.x / length * r)
            }
            yLow = v.y
            yHigh = v.y
            consider(0, -r)
            consider(0, r)
            if let after { sides(after) }
            if let before { sides(before) }
        }
        let jLow = max(0, Self.ceiling(yLow))
        let jHigh = min(rows - 1, Self.floor(yHigh))
        guard jLow <= jHigh, columns > 0 else { return }
        let columnCount = columns
        let columnLimit = columns - 1
        let keeps = keepsOwners
        withBuffers(rows: jLow, jHigh) { grid, ownerBuffer, spanLow, spanHigh in
            for j in jLow...jHigh {
                let y = Double(j)
                let e = r2 - (y - v.y) * (y - v.y)
                guard e >= 0 else { continue }
                let half = e.squareRoot()
                var low = v.x - half
                var high = v.x + half
                // Clip the row to a half-plane (p − v)·u ≥ 0 (sign +1) or ≤ 0 (sign −1),
                // widened by a hair: overlapping the neighbouring bands is harmless.
                @inline(__always) func clip(_ u: (x: Double, y: Double), _ sign: Double) {
                    let ux = u.x * sign
                    let uy = u.y * sign
                    let c = (y - v.y) * uy  // (p − v)·u = (x − vx)·ux + c ≥ 0
                    if ux == 0 {
                        if c < -1e-9 { high = -Double.infinity }
                    } else if ux > 0 {
                        low = Self.larger(low, v.x - (c + 1e-9) / ux)
                    } else {
                        high = Self.smaller(high, v.x - (c + 1e-9) / ux)
                    }
                }
                if let after { clip(after, 1) }
                if let before { clip(before, -1) }
                // A negative high leaves no node (and ⌊high⌋ of the others is their truncation).
                guard low <= high, high >= 0 else { continue }
                let iLow = max(0, Self.ceiling(low))
                let iHigh = min(columnLimit, Int(high))
                guard iLow <= iHigh else { continue }
                let dy2 = (y - v.y) * (y - v.y)
                Self.lowerRun(
                    grid + j * columnCount, ownerBuffer + j * columnCount, keepsOwners: keeps,
                    iLow, iHigh, r2: r2, owner: owner
                ) { x in
                    let px = x - v.x
                    return px * px + dy2
                }
                Self.mark(spanLow, spanHigh, row: j, iLow, iHigh)
            }
        }
    }
}
