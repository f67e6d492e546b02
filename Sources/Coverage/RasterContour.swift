import GeoCore

/// Reusable buffers for drawing service areas on a raster: the distance grid
/// and the contour's scratch (union-find parents, visited edges, the owners
/// of the last level's crossings). One per thread; each use clears only what
/// the last one touched, so drawing many small areas costs no allocation
/// and no full-grid clearing.
final class RasterWorkspace {
    /// The distance grid (reshaped per use with `RasterDistanceGrid.reset`).
    var grid = RasterDistanceGrid()
    /// Union-find parents per node (−1 for a root). The scratch lives in
    /// manually allocated buffers: stored arrays in a class would be checked
    /// for exclusive access at run time on every step.
    fileprivate private(set) var parent = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// Visited edge ids as a bitset (2 edges per node).
    fileprivate private(set) var visited = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    /// Per edge id, the owner segment of the last level's crossing on it (−1 none).
    fileprivate private(set) var carried = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
    /// Cells (by lower-left node) where an earlier level kept the plain chord, as a bitset.
    fileprivate private(set) var chorded = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    /// The cells set in `chorded` since `startLevels`.
    fileprivate var chordedCells: [Int32] = []
    /// Nodes the buffers are sized for.
    private var capacity = 1
    /// The ids set in `carried` since `startLevels`.
    fileprivate var carriedIDs: [Int32] = []
    /// The boundary chains (entry crossing, corners, exit crossing; grid
    /// units) of the last level drawn, by cell.
    fileprivate var chains = CellChains()
    /// Levels drawn since `startLevels`.
    fileprivate var levelsDrawn = 0

    init() {
        parent.initialize(repeating: -1, count: 1)
        visited.initialize(repeating: 0, count: 1)
        carried.initialize(repeating: -1, count: 2)
        chorded.initialize(repeating: 0, count: 1)
    }

    deinit {
        parent.deallocate()
        visited.deallocate()
        carried.deallocate()
        chorded.deallocate()
    }

    /// Prepares for the levels of one grid: forgets the crossings of earlier levels.
    func startLevels() {
        chains.removeAll()
        levelsDrawn = 0
        for id in carriedIDs { carried[Int(id)] = -1 }
        carriedIDs.removeAll(keepingCapacity: true)
        for cell in chordedCells { chorded[Int(cell) >> 6] = 0 }
        chordedCells.removeAll(keepingCapacity: true)
    }

    /// Grows the scratch buffers to the grid's size (all of them are in their
    /// cleared state between uses, so growing starts them afresh).
    fileprivate func fit() {
        let nodes = grid.values.count
        guard nodes > capacity else { return }
        parent.deallocate()
        visited.deallocate()
        carried.deallocate()
        chorded.deallocate()
        capacity = nodes
        parent = UnsafeMutablePointer<Int32>.allocate(capacity: nodes)
        parent.initialize(repeating: -1, count: nodes)
        let words = (2 * nodes + 63) / 64
        visited = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        visited.initialize(repeating: 0, count: words)
        carried = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * nodes)
        carried.initialize(repeating: -1, count: 2 * nodes)
        chorded = UnsafeMutablePointer<UInt64>.allocate(capacity: (nodes + 63) / 64)
        chorded.initialize(repeating: 0, count: (nodes + 63) / 64)
    }
}

/// The boundary chains one level put through its cells: per cell, the entry
/// crossing, the corners (if any) and the exit crossing in grid units; a
/// saddle cell (two chains) is recorded with no points.
struct CellChains {
    private var ranges: [Int32: Range<Int>] = [:]
    private var points: [(x: Double, y: Double)] = []

    /// The chain through `cell`, if one was recorded.
    subscript(cell: Int) -> ArraySlice<(x: Double, y: Double)>? {
        guard let range = ranges[Int32(cell)] else { return nil }
        return points[range]
    }

    /// Records a saddle cell (two chains, no corners).
    mutating func recordSaddle(_ cell: Int) { ranges[Int32(cell)] = points.count..<points.count }

    /// Records the chain `from` → `corners` → `to` through `cell`.
    mutating func record(_ cell: Int, from: (x: Double, y: Double), _ corners: [(x: Double, y: Double)], to: (x: Double, y: Double)) {
        let start = points.count
        points.append(from)
        points.append(contentsOf: corners)
        points.append(to)
        ranges[Int32(cell)] = start..<points.count
    }

    /// Forgets every chain, keeping the storage.
    mutating func removeAll() {
        ranges.removeAll(keepingCapacity: true)
        points.removeAll(keepingCapacity: true)
    }
}

/// The region of a `RasterDistanceGrid` closer than a threshold, as polygons:
/// marching squares (Lorensen & Cline 1987, in its 2-D form) visiting only the
/// cells whose corners straddle the threshold (found from the written nodes),
/// with the boundary placed from the grid nodes' nearest road segments
/// (owners) instead of by interpolation — the feature-sensitive extraction of
/// Kobbelt, Botsch, Schwanecke & Seidel 2001 ("Feature sensitive surface
/// extraction from volume data", extended marching cubes) in 2-D:
///
/// - on each boundary cell edge the crossing is where the segment of the
///   inside node (or of the outside node, or of the last level's crossing,
///   where their capsules continue it) is exactly at the threshold: the
///   exit of the edge from that segment's capsule, in closed form. The edge
///   from the inside node to the crossing lies inside that capsule, so inside
///   the true region;
/// - where the two crossings of a cell belong to different segments, the
///   corner where both segments are at the threshold (the meeting point of
///   the two offset curves, by Newton's method) is added when it lies in the
///   cell. Each chord then joins two points of one segment's offset curve and
///   lies inside its (convex) capsule, so the boundary never lies outside the
///   true threshold line (beyond rounding); a corner not found in its cell
///   (a cell crossed by three or more offset curves, or a saddle cell) keeps
///   the plain chord.
///
/// Rings are traced cell to cell and holes given to their exteriors by the
/// connected inside region they bound (union-find over the inside nodes).
/// A node is inside when its value is below the threshold; every crossing
/// lies strictly between its edge's two nodes, saddle cells keep their two
/// inside corners apart (joining them could cut across ground outside the
/// threshold), and each ring is walked with
/// the inside on its left: exteriors come out counter-clockwise, holes
/// clockwise (RFC 7946).
enum RasterContour {
    /// The polygons of `workspace.grid` below `threshold` metres; levels drawn
    /// one after another (since `startLevels`, each on the grid with more
    /// road written and at a higher threshold) nest, at least `separation`
    /// metres apart where a corner is involved.
    ///
    /// With `exact` the crossings are placed exactly on the offset curves (see
    /// the type's description); a crossing on an edge that was a boundary edge
    /// of an earlier level reaches at least as far as that level's. Without
    /// it the crossings are interpolated linearly between the nodes' distances
    /// (Lorensen & Cline), which only moves them outward when values drop or
    /// the threshold rises (every node next to an inside node must then hold
    /// its exact value: write reach d + 1.05·cell); each crossing takes the
    /// owner of the edge's two nodes that is nearer to it. Both add the
    /// corners where two offset curves meet, so inward corners do not keep
    /// the chord that cuts across them. A level after the first adds a
    /// corner to a cell only if the chain it draws there keeps the last
    /// level's chain in that cell inside it, `separation` apart (else it keeps
    /// the chord, which does), and never lets a corner poke into a
    /// neighbouring cell; once a level keeps a cell's chord, later levels do too.
    /// - Complexity: O(boundary cells + written nodes).
    static func polygons(
        in workspace: RasterWorkspace, threshold: Double, exact: Bool = true, separation: Double = 0
    ) -> PlanarMultiPolygon {
        workspace.fit()
        return workspace.grid.values.withUnsafeBufferPointer { values in
            polygons(in: workspace, values: values.baseAddress!, threshold: threshold, exact: exact, separation: separation)
        }
    }

    /// `polygons(in:threshold:exact:separation:)` with the grid's values given as a pointer.
    private static func polygons(
        in workspace: RasterWorkspace, values: UnsafePointer<Float>, threshold: Double, exact: Bool, separation: Double
    ) -> PlanarMultiPolygon {
        var tracer = Tracer(workspace: workspace, values: values, threshold: threshold)
        tracer.exactCrossings = exact
        tracer.separation = separation / workspace.grid.cellSize
        tracer.firstLevel = workspace.levelsDrawn == 0
        swap(&tracer.previousChains, &workspace.chains)
        swap(&tracer.carriedIDs, &workspace.carriedIDs)
        swap(&tracer.chordedCells, &workspace.chordedCells)
        let rings = tracer.rings()
        let exteriors = rings.reduce(0) { $0 + (PlanarRing.signedArea($1.points) > 0 ? 1 : 0) }
        let result: PlanarMultiPolygon
        if exteriors > 1, exteriors < rings.count {
            // Holes and more than one exterior: which region each ring bounds.
            tracer.joinComponents()
            result = assemble(rings) { tracer.find($0) }
            tracer.clearComponents()
        } else {
            result = assemble(rings) { _ in 0 }
        }
        tracer.clearVisited()
        swap(&tracer.carriedIDs, &workspace.carriedIDs)
        swap(&tracer.chordedCells, &workspace.chordedCells)
        swap(&tracer.currentChains, &workspace.chains)
        workspace.levelsDrawn += 1
        return result
    }

    /// Groups rings into polygons. Every ring bounds one connected inside
    /// region on its left; a region has one counter-clockwise ring (its
    /// exterior) and its clockwise rings are its holes. The region of a ring
    /// is found from the inside node of the edge where the ring starts.
    static func assemble(_ rings: [(points: [PlanarPoint], insideNode: Int)], region: (Int) -> Int) -> PlanarMultiPolygon {
        var polygons: [PlanarPolygon] = []
        var polygonOfRegion: [Int: Int] = [:]
        var holes: [(region: Int, points: [PlanarPoint])] = []
        for ring in rings {
            let node = region(ring.insideNode)
            if PlanarRing.signedArea(ring.points) > 0 {
                polygonOfRegion[node] = polygons.count
                polygons.append(PlanarPolygon(exterior: ring.points))
            } else {
                holes.append((node, ring.points))
            }
        }
        for hole in holes {
            // Every hole has its region's exterior; a missing one would be a bug.
            guard let index = polygonOfRegion[hole.region] else { preconditionFailure("raster contour: a hole without its exterior") }
            polygons[index].holes.append(hole.points)
        }
        return PlanarMultiPolygon(polygons: polygons)
    }

    /// A crossing of the contour with a cell edge: where, in grid units, and
    /// the segment whose offset curve it lies on.
    struct Crossing {
        var x: Double
        var y: Double
        var owner: Int32
    }

    /// Walks the rings of one grid at one threshold.
    private struct Tracer {
        let grid: RasterDistanceGrid
        /// `grid.values`, read without bounds checks (valid while `polygons` runs).
        let values: UnsafePointer<Float>
        let parent: UnsafeMutablePointer<Int32>
        let visited: UnsafeMutablePointer<UInt64>
        let carried: UnsafeMutablePointer<Int32>
        let chorded: UnsafeMutablePointer<UInt64>
        /// The edge ids set in `visited` and (first) in `carried`, the cells set in `chorded`.
        var visitedIDs: [Int32] = []
        var carriedIDs: [Int32] = []
        var chordedCells: [Int32] = []
        /// Whether crossings are placed exactly (else interpolated linearly).
        var exactCrossings = true
        /// How far apart (grid units) this level's chains keep from the last level's.
        var separation = 0.0
        /// Whether this is the first level since `startLevels` (no chains to keep inside).
        var firstLevel = true
        /// The last level's chains with corners, and this level's.
        var previousChains = CellChains()
        var currentChains = CellChains()
        /// The threshold in cell units, and its square as the nodes hold it.
        let limit: Double
        let limit2: Float
        let columns: Int

        init(workspace: RasterWorkspace, values: UnsafePointer<Float>, threshold: Double) {
            grid = workspace.grid
            self.values = values
            parent = workspace.parent
            visited = workspace.visited
            carried = workspace.carried
            chorded = workspace.chorded
            limit = threshold / grid.cellSize
            limit2 = Float(limit * limit)
            columns = grid.columns
        }

        @inline(__always) func inside(_ node: Int) -> Bool { values[node] < limit2 }

        /// The marching-squares case of the cell whose lower-left node is `cell`:
        /// bit 0 lower left, 1 lower right, 2 upper right, 3 upper left inside.
        @inline(__always) func caseIndex(_ cell: Int) -> Int {
            var c = 0
            if inside(cell) { c |= 1 }
            if inside(cell + 1) { c |= 2 }
            if inside(cell + columns + 1) { c |= 4 }
            if inside(cell + columns) { c |= 8 }
            return c
        }

        /// The edges by which rings enter a cell of marching-squares case
        /// `code` (edges numbered 0 bottom, 1 right, 2 top, 3 left, inside on
        /// the left of each ring); −1 for none. Saddles (5, 10) have two.
        @inline(__always) static func entries(_ code: Int) -> (Int, Int) {
            switch code {
            case 1, 9, 13: return (0, -1)
            case 2, 3, 11: return (1, -1)
            case 4, 6, 7: return (2, -1)
            case 8, 12, 14: return (3, -1)
            case 5: return (0, 2)
            case 10: return (1, 3)
            default: return (-1, -1)
            }
        }

        /// The edge by which a ring entering `cell` (of marching-squares case
        /// `code`) through `entry` leaves it.
        func exitEdge(_ cell: Int, code: Int, entry: Int) -> Int {
            switch code {
            case 1, 9, 13: if entry == 0 { return code == 1 ? 3 : code == 9 ? 2 : 1 }
            case 2, 3, 11: if entry == 1 { return code == 2 ? 0 : code == 3 ? 3 : 2 }
            case 4, 6, 7: if entry == 2 { return code == 4 ? 1 : code == 6 ? 0 : 3 }
            case 8, 12, 14: if entry == 3 { return code == 8 ? 2 : code == 12 ? 1 : 0 }
            case 5:
                if entry == 0 { return 3 }
                if entry == 2 { return 1 }
            case 10:
                if entry == 1 { return 0 }
                if entry == 3 { return 2 }
            default: break
            }
            preconditionFailure("marching squares: a ring entered a cell it cannot leave")
        }

        /// The global id of edge `edge` of `cell`: 2·node for the horizontal
        /// edge to the node's right, 2·node + 1 for the vertical edge above it.
        @inline(__always) func edgeID(_ cell: Int, _ edge: Int) -> Int {
            switch edge {
            case 0: return 2 * cell
            case 1: return 2 * (cell + 1) + 1
            case 2: return 2 * (cell + columns)
            default: return 2 * cell + 1
            }
        }

        /// Where the contour crosses edge `id`: from the inside node towards
        /// the outside one, as far as the capsules of the nearby segments
        /// reach without a gap — the inside node's owner first, then the
        /// owners of the written nodes beside the edge (in the two cells it
        /// bounds) wherever their capsules continue the stretch — and at
        /// least as far as the capsule of the last level's owner on this edge;
        /// kept strictly between the nodes. Records the owner for the next level.
        mutating func crossing(_ id: Int) -> Crossing {
            let node = id >> 1
            let other = id & 1 == 0 ? node + 1 : node + columns
            if !exactCrossings { return interpolated(id, node, other) }
            let (p, q) = inside(node) ? (node, other) : (other, node)
            let px = Double(p % columns)
            let py = Double(p / columns)
            let step = q - p
            let ux: Double = step == 1 ? 1 : step == -1 ? -1 : 0
            let uy: Double = step == columns ? 1 : step == -columns ? -1 : 0
            let across = step == 1 || step == -1 ? columns : 1
            let segments = grid.segments
            let values = grid.values
            let owners = grid.owners
            var reach = 0.0
            var owner = owners[p]
            if let span = segments[Int(owner)].interval(x0: px, y0: py, ux: ux, uy: uy, r: limit) {
                reach = span.high
            }
            // The other candidates: the outside node and the four nodes beside the edge.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5) { candidates in
                var n = 0
                @inline(__always) func add(_ m: Int) {
                    guard values[m] < .infinity else { return }
                    let o = owners[m]
                    if o != owner {
                        candidates[n] = o
                        n += 1
                    }
                }
                add(q)
                add(p + across)
                add(p - across)
                add(q + across)
                add(q - across)
                var grown = n > 0
                while grown {
                    grown = false
                    for k in 0..<n where candidates[k] != owner {
                        let o = candidates[k]
                        if let span = segments[Int(o)].interval(x0: px, y0: py, ux: ux, uy: uy, r: limit),
                            span.low <= reach, span.high > reach
                        {
                            reach = span.high
                            owner = o
                            grown = true
                        }
                    }
                }
            }
            let last = carried[id]
            if last >= 0, last != owner, let span = segments[Int(last)].interval(x0: px, y0: py, ux: ux, uy: uy, r: limit),
                span.high > reach
            {
                reach = span.high
                owner = last
            }
            if last < 0 { carriedIDs.append(Int32(id)) }
            carried[id] = owner
            let s = min(1 - 1e-7, max(1e-7, reach))
            return Crossing(x: px + s * ux, y: py + s * uy, owner: owner)
        }

        /// Where the contour crosses edge `id` (from `node` to `other`) by
        /// linear interpolation of the two nodes' distances (an outside value
        /// is read as at least a hair above the threshold, so the crossing
        /// lies strictly between the nodes), owned by whichever of the two
        /// nodes' segments is nearer to it (the inside node's on a tie).
        func interpolated(_ id: Int, _ node: Int, _ other: Int) -> Crossing {
            let floor = limit.nextUp.nextUp
            let a0 = Double(values[node]).squareRoot()
            let b0 = Double(values[other]).squareRoot()
            let a = inside(node) ? a0 : max(a0, floor)
            let b = inside(other) ? b0 : max(b0, floor)
            let s = (limit - a) / (b - a)
            let x0 = Double(node % columns)
            let y0 = Double(node / columns)
            let x = id & 1 == 0 ? x0 + s : x0
            let y = id & 1 == 0 ? y0 : y0 + s
            let (p, q) = inside(node) ? (node, other) : (other, node)
            var owner = grid.owners[p]
            if values[q] < .infinity, grid.owners[q] != owner,
                grid.segments[Int(grid.owners[q])].squaredDistance(x, y) < grid.segments[Int(owner)].squaredDistance(x, y)
            {
                owner = grid.owners[q]
            }
            return Crossing(x: x, y: y, owner: owner)
        }

        /// The point near `start` where segments `a` and `b` are both at the
        /// threshold (Newton's method on the two distances), nil when it does
        /// not converge or the two offset curves meet at too shallow an angle.
        func meeting(_ a: Int32, _ b: Int32, near start: (x: Double, y: Double)) -> (x: Double, y: Double)? {
            let sa = grid.segments[Int(a)]
            let sb = grid.segments[Int(b)]
            var x = start.x
            var y = start.y
            for _ in 0..<12 {
                let na = sa.nearest(x, y)
                let nb = sb.nearest(x, y)
                let ax = x - na.x
                let ay = y - na.y
                let bx = x - nb.x
                let by = y - nb.y
                let da = (ax * ax + ay * ay).squareRoot()
                let db = (bx * bx + by * by).squareRoot()
                guard da > 0, db > 0 else { return nil }
                // Gradients of the two distances (unit vectors away from the segments).
                let gax = ax / da
                let gay = ay / da
                let gbx = bx / db
                let gby = by / db
                let det = gax * gby - gay * gbx
                guard abs(det) > 1e-6 else { return nil }
                let fa = limit - da
                let fb = limit - db
                let dx = (fa * gby - fb * gay) / det
                let dy = (gax * fb - gbx * fa) / det
                x += dx
                y += dy
                if abs(dx) + abs(dy) < 1e-12 { break }
            }
            let tolerance = 1e-9
            guard abs(sa.squaredDistance(x, y).squareRoot() - limit) < tolerance,
                abs(sb.squaredDistance(x, y).squareRoot() - limit) < tolerance
            else { return nil }
            return (x, y)
        }

        /// Whether the polyline `from` → `corners` → `to` may replace the chord
        /// of cell `cell`: every corner lies on the inside of the chord and in
        /// the cell, or (on the first level only) the corner is the tip of a
        /// thin wedge of outside ground that pokes past the cell across edges
        /// whose nodes are both inside — then every other cell the polyline's
        /// bounding box touches, among the cells around this one, must be
        /// wholly inside (have no contour of its own).
        func fits(_ cell: Int, from: (x: Double, y: Double), _ corners: [(x: Double, y: Double)], to: (x: Double, y: Double)) -> Bool {
            let i = Double(cell % columns)
            let j = Double(cell / columns)
            var minX = min(from.x, to.x)
            var maxX = max(from.x, to.x)
            var minY = min(from.y, to.y)
            var maxY = max(from.y, to.y)
            var within = true
            for c in corners {
                guard abs(c.x - from.x) + abs(c.y - from.y) > 1e-9, abs(c.x - to.x) + abs(c.y - to.y) > 1e-9 else { return false }
                // Two offset curves meet in a corner of the union on its inside
                // (left of the chord); a point on the other side is no such corner.
                guard (to.x - from.x) * (c.y - from.y) - (to.y - from.y) * (c.x - from.x) > 1e-12 else { return false }
                within = within && c.x >= i && c.x <= i + 1 && c.y >= j && c.y <= j + 1
                minX = min(minX, c.x)
                maxX = max(maxX, c.x)
                minY = min(minY, c.y)
                maxY = max(maxY, c.y)
            }
            // Two corners: the chain must not cross itself.
            if corners.count == 2, RasterGeometry.crosses([from, corners[0]], [corners[1], to]) { return false }
            if within { return true }
            guard firstLevel, minX >= i - 1, maxX <= i + 2, minY >= j - 1, maxY <= j + 2 else { return false }
            for cj in Int(minY.rounded(.down))...Int(maxY.rounded(.down)) {
                for ci in Int(minX.rounded(.down))...Int(maxX.rounded(.down)) {
                    let other = cj * columns + ci
                    if other != cell, caseIndex(other) != 15 { return false }
                }
            }
            return true
        }

        /// The corners to put between crossings `from` and `to` of cell `cell`
        /// when they lie on different segments' offset curves: where the two
        /// curves meet, or, through a third segment owning a node of
        /// the cell or one of the nodes around it, where the first meets the
        /// third and the third the second.
        /// Empty when none fits (then the chord stays).
        func corners(_ cell: Int, from: Crossing, to: Crossing) -> [(x: Double, y: Double)] {
            let start = (x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
            let p = (x: from.x, y: from.y)
            let q = (x: to.x, y: to.y)
            if let c = meeting(from.owner, to.owner, near: start), fits(cell, from: p, [c], to: q) { return [c] }
            // Third segments: the owners of the 4 × 4 written nodes around the cell.
            var tried: [Int32] = [from.owner, to.owner]
            for dj in -1...2 {
                for di in -1...2 {
                    let node = cell + dj * columns + di
                    guard values[node] < .infinity else { continue }
                    let third = grid.owners[node]
                    guard !tried.contains(third) else { continue }
                    tried.append(third)
                    if let c1 = meeting(from.owner, third, near: start), let c2 = meeting(third, to.owner, near: start),
                        fits(cell, from: p, [c1, c2], to: q)
                    {
                        return [c1, c2]
                    }
                }
            }
            return []
        }

        /// Whether the chain `from` → `corners` → `to` through `cell` keeps
        /// the last level's area in that cell inside this level's, `separation`
        /// apart. The chord from `from` to `to` always does (crossings only
        /// move outward from one level to the next, and corners lie inside
        /// their chords); the corners cut a notch off the chord's side, and
        /// the notch must lie outside the last level's area there: each corner
        /// outside it (beyond the last chain's chord, or inside the notch that
        /// chain cut), the two chains not crossing, and every vertex of each
        /// at least `separation` from the other chain. A cell the last level
        /// did not cross lies wholly inside or wholly outside both levels.
        func keepsPreviousChain(
            _ cell: Int, from: Crossing, _ corners: [(x: Double, y: Double)], to: Crossing
        ) -> Bool {
            guard !firstLevel, let old = previousChains[cell] else { return true }
            // A saddle last time, or a last chain poking out of its cell: keep the chord.
            guard let a = old.first, let b = old.last else { return false }
            let i = Double(cell % columns)
            let j = Double(cell / columns)
            for p in old where p.x < i || p.x > i + 1 || p.y < j || p.y > j + 1 { return false }
            let oldChain = Array(old)
            let chain = [(x: from.x, y: from.y)] + corners + [(x: to.x, y: to.y)]
            for c in corners {
                let beyondChord = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) < 0
                guard beyondChord || (oldChain.count > 2 && RasterGeometry.contains(oldChain, c)) else { return false }
                guard RasterGeometry.distance(c, toPolyline: oldChain) >= separation else { return false }
            }
            for p in oldChain where RasterGeometry.distance(p, toPolyline: chain) < separation { return false }
            return !RasterGeometry.crosses(chain, oldChain)
        }

        /// The world point of a grid-unit position.
        @inline(__always) func world(_ x: Double, _ y: Double) -> PlanarPoint {
            PlanarPoint(x: grid.originX + x * grid.cellSize, y: grid.originY + y * grid.cellSize)
        }

        /// Joins the inside regions as the rings separate them: across cell
        /// edges (saddle cells keep their two inside corners apart).
        func joinComponents() {
            grid.forEachWritten { node in
                guard inside(node) else { return }
                if inside(node + 1) { union(node, node + 1) }
                if inside(node + columns) { union(node, node + columns) }
            }
        }

        /// The representative node of `node`'s region (union-find with path halving).
        func find(_ node: Int) -> Int {
            var x = node
            while parent[x] >= 0 {
                let p = Int(parent[x])
                if parent[p] >= 0 { parent[x] = parent[p] }
                x = p
            }
            return x
        }

        /// Joins the regions of `a` and `b` (the smaller index becomes the root).
        func union(_ a: Int, _ b: Int) {
            let ra = find(a)
            let rb = find(b)
            guard ra != rb else { return }
            if ra < rb { parent[rb] = Int32(ra) } else { parent[ra] = Int32(rb) }
        }

        /// Clears the union-find parents for the next use.
        func clearComponents() {
            grid.forEachWritten { parent[$0] = -1 }
        }

        /// Clears the visited edges for the next use.
        mutating func clearVisited() {
            for id in visitedIDs { visited[Int(id) >> 6] = 0 }
            visitedIDs.removeAll()
        }

        @inline(__always) func isVisited(_ id: Int) -> Bool { visited[id >> 6] & (1 << UInt64(id & 63)) != 0 }

        @inline(__always) mutating func visit(_ id: Int) {
            visited[id >> 6] |= 1 << UInt64(id & 63)
            visitedIDs.append(Int32(id))
        }

        /// The inside one of the two nodes of edge `id`.
        func insideNode(_ id: Int) -> Int {
            let node = id >> 1
            return inside(node) ? node : (id & 1 == 0 ? node + 1 : node + columns)
        }

        /// All rings, closed, with the inside node of their first edge, in the
        /// order of the written nodes row by row (deterministic for the same input): each
        /// inside node with an outside neighbour starts the rings of the two
        /// cells beside that edge not traced yet (every boundary cell has
        /// such an edge).
        mutating func rings() -> [(points: [PlanarPoint], insideNode: Int)] {
            var rings: [(points: [PlanarPoint], insideNode: Int)] = []
            let t = limit2
            let width = columns
            guard grid.firstRow <= grid.lastRow else { return rings }
            let v = values
            for j in grid.firstRow...grid.lastRow {
                let low = Int(grid.spanLow[j])
                let high = Int(grid.spanHigh[j])
                guard low <= high else { continue }
                let rowBase = j * width
                for node in (rowBase + low)...(rowBase + high) {
                    guard v[node] < t else { continue }
                    let right = !(v[node + 1] < t)
                    let left = !(v[node - 1] < t)
                    let up = !(v[node + width] < t)
                    let down = !(v[node - width] < t)
                    guard right || left || up || down else { continue }
                    if right || up { traceCell(node, into: &rings) }
                    if right || down { traceCell(node - width, into: &rings) }
                    if left || up { traceCell(node - 1, into: &rings) }
                    if left || down { traceCell(node - 1 - width, into: &rings) }
                }
            }
            return rings
        }

        /// Traces the rings entering `start` by an edge not visited yet.
        mutating func traceCell(_ start: Int, into rings: inout [(points: [PlanarPoint], insideNode: Int)]) {
            let (e1, e2) = Self.entries(caseIndex(start))
            for k in 0..<2 {
                let entry = k == 0 ? e1 : e2
                if entry >= 0, !isVisited(edgeID(start, entry)) {
                    var ring: [PlanarPoint] = []
                    var cell = start
                    var edge = entry
                    let startID = edgeID(start, entry)
                    let first = crossing(startID)
                    var current = first
                    visit(startID)
                    while true {
                        ring.append(world(current.x, current.y))
                        let code = caseIndex(cell)
                        let exit = exitEdge(cell, code: code, entry: edge)
                        let exitID = edgeID(cell, exit)
                        let closing = isVisited(exitID)
                        let next = closing ? first : crossing(exitID)
                        var found: [(x: Double, y: Double)] = []
                        if next.owner != current.owner, code != 5, code != 10,
                            chorded[cell >> 6] & (1 << UInt64(cell & 63)) == 0
                        {
                            // A cell that kept its chord keeps it at the later levels (which then nest).
                            found = corners(cell, from: current, to: next)
                            if !found.isEmpty, !keepsPreviousChain(cell, from: current, found, to: next) { found = [] }
                            for c in found { ring.append(world(c.x, c.y)) }
                            if found.isEmpty {
                                chorded[cell >> 6] |= 1 << UInt64(cell & 63)
                                chordedCells.append(Int32(cell))
                            }
                        }
                        if code == 5 || code == 10 {
                            currentChains.recordSaddle(cell)
                        } else {
                            currentChains.record(cell, from: (current.x, current.y), found, to: (next.x, next.y))
                        }
                        if closing { break }
                        visit(exitID)
                        current = next
                        switch exit {
                        case 0:
                            cell -= columns
                            edge = 2
                        case 1:
                            cell += 1
                            edge = 3
                        case 2:
                            cell += columns
                            edge = 0
                        default:
                            cell -= 1
                            edge = 1
                        }
                    }
                    ring.append(ring[0])
                    rings.append((ring, insideNode(startID)))
                }
            }
        }
    }
}

/// Small planar predicates on grid-unit polylines (a few points each) for
/// the contour's nesting checks.
enum RasterGeometry {
    typealias Point = (x: Double, y: Double)

    /// Whether `p` lies inside the polygon `ring` (closed implicitly from its
    /// last point to its first), by the even–odd rule.
    static func contains(_ ring: [Point], _ p: Point) -> Bool {
        var inside = false
        var k = ring.count - 1
        for m in ring.indices {
            let a = ring[k]
            let b = ring[m]
            if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
            k = m
        }
        return inside
    }

    /// The distance from `p` to the polyline `line` (its segments, not closed).
    static func distance(_ p: Point, toPolyline line: [Point]) -> Double {
        var best = Double.infinity
        for k in 1..<line.count {
            let segment = RasterSegment(ax: line[k - 1].x, ay: line[k - 1].y, bx: line[k].x, by: line[k].y)
            best = min(best, segment.squaredDistance(p.x, p.y))
        }
        return best.squareRoot()
    }

    /// Whether a segment of polyline `a` properly crosses a segment of `b`
    /// (each strictly on both sides of the other's line).
    static func crosses(_ a: [Point], _ b: [Point]) -> Bool {
        @inline(__always) func side(_ p: Point, _ q: Point, _ r: Point) -> Double {
            (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
        }
        for k in 1..<a.count {
            for m in 1..<b.count {
                let p1 = a[k - 1]
                let p2 = a[k]
                let q1 = b[m - 1]
                let q2 = b[m]
                if side(p1, p2, q1) * side(p1, p2, q2) < 0, side(q1, q2, p1) * side(q1, q2, p2) < 0 { return true }
            }
        }
        return false
    }
}
