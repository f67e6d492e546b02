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
    /// Per edge id, where the interpolated levels crossed it (`EdgeCrossing`).
    fileprivate private(set) var crossings = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    /// The interpolated levels drawn: the stamp of the records in `crossings`
    /// (two apart between grids, so no record of an earlier grid counts as
    /// the last level's).
    fileprivate private(set) var levels: UInt32 = 2
    /// The stamp of the first level of the current grid.
    fileprivate private(set) var firstLevel: UInt32 = 2
    /// Cells (by lower-left node) where an earlier level kept the plain chord, as a bitset.
    fileprivate private(set) var chorded = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    /// The cells set in `chorded` since `startLevels`.
    fileprivate var chordedCells: [Int32] = []
    /// Nodes `parent` and `visited` are sized for, and nodes `carried` and
    /// `chorded` are sized for (only the exact contour uses those two).
    private var capacity = 1
    private var exactCapacity = 1
    /// Nodes `crossings` is sized for (only the interpolating contour uses it).
    private var interpolatedCapacity = 1
    /// The ids set in `carried` since `startLevels`.
    fileprivate var carriedIDs: [Int32] = []

    init() {
        parent.initialize(repeating: -1, count: 1)
        visited.initialize(repeating: 0, count: 1)
        carried.initialize(repeating: -1, count: 2)
        crossings.initialize(repeating: 0, count: 2)
        chorded.initialize(repeating: 0, count: 1)
    }

    deinit {
        parent.deallocate()
        visited.deallocate()
        carried.deallocate()
        crossings.deallocate()
        chorded.deallocate()
    }

    /// Prepares for the levels of one grid: forgets the crossings of earlier levels.
    func startLevels() {
        for id in carriedIDs { carried[Int(id)] = -1 }
        carriedIDs.removeAll(keepingCapacity: true)
        for cell in chordedCells { chorded[Int(cell) >> 6] = 0 }
        chordedCells.removeAll(keepingCapacity: true)
        if levels > EdgeCrossing.stamps - 512 {
            // The 12-bit stamps would wrap round: start them afresh.
            crossings.update(repeating: 0, count: 2 * interpolatedCapacity)
            levels = 0
        }
        levels += 2
        firstLevel = levels
    }

    /// After an interpolated level: the next one gets the next stamp.
    fileprivate func endLevel() {
        precondition(levels < EdgeCrossing.stamps - 1, "more than 500 service-area levels on one grid")
        levels += 1
    }

    /// Grows the scratch buffers to the grid's size (all of them are in their
    /// cleared state between uses, so growing starts them afresh), by at
    /// least half their size (grids of one run differ a little in size, and
    /// every growth touches all the new memory). `carried` and `chorded` only
    /// for the `exact` contour, `crossings` only for the interpolating one
    /// (neither reads the other's).
    fileprivate func fit(exact: Bool) {
        let nodes = grid.values.count
        if nodes > capacity {
            let grown = max(nodes, capacity + capacity / 2)
            parent.deallocate()
            visited.deallocate()
            capacity = grown
            parent = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
            parent.initialize(repeating: -1, count: grown)
            let words = (2 * grown + 63) / 64
            visited = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
            visited.initialize(repeating: 0, count: words)
        }
        if exact, nodes > exactCapacity {
            let grown = max(nodes, exactCapacity + exactCapacity / 2)
            carried.deallocate()
            chorded.deallocate()
            exactCapacity = grown
            carried = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * grown)
            carried.initialize(repeating: -1, count: 2 * grown)
            chorded = UnsafeMutablePointer<UInt64>.allocate(capacity: (grown + 63) / 64)
            chorded.initialize(repeating: 0, count: (grown + 63) / 64)
        }
        if !exact, nodes > interpolatedCapacity {
            let grown = max(nodes, interpolatedCapacity + interpolatedCapacity / 2)
            crossings.deallocate()
            interpolatedCapacity = grown
            crossings = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * grown)
            crossings.initialize(repeating: 0, count: 2 * grown)
        }
    }
}

/// The record of where the latest interpolated level of one grid that
/// crossed an edge crossed it, and the corners its chords cut off in the two
/// cells beside the edge (cell 0 above a horizontal edge or right of a
/// vertical one, cell 1 below or left), packed in 64 bits (8 bytes per edge,
/// so that a level's lookups touch few cache lines):
///
/// - bits 0–23: the position along the edge from its first node, in units
///   of 2⁻²⁴ cell, rounded outward (away from the inside node);
/// - bits 24 + 2k and 25 + 2k: the chord in cell k cut off a corner at an
///   end of this edge, and that corner is the edge's first node;
/// - bits 28–39: the level stamp (`RasterWorkspace.levels`, 0 for none);
/// - bits 40–51 and 52–63: for cells 0 and 1, where that chord crossed the
///   cell's other edge at the corner, as a distance from the corner in
///   units of 2⁻¹² cell, rounded towards it (at least 1).
enum EdgeCrossing {
    /// The number of level stamps (12 bits).
    static let stamps: UInt32 = 4096
    /// The unit of the positions: 2⁻²⁴ cell.
    static let unit = 1.0 / 16_777_216
    /// The unit of the corner legs: 2⁻¹² cell.
    static let legUnit = 1.0 / 4096

    @inline(__always) static func stamp(_ record: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: record >> 28) & 0xFFF }
    @inline(__always) static func position(_ record: UInt64) -> Double { Double(record & 0xFF_FFFF) * unit }
    @inline(__always) static func leg(_ record: UInt64, side: Int) -> Double {
        Double((record >> (40 + 12 * UInt64(side))) & 0xFFF) * legUnit
    }
    /// Whether the chord in cell `side` cut off a corner at an end of the edge.
    @inline(__always) static func cutsCorner(_ record: UInt64, side: Int) -> Bool { record >> (24 + 2 * UInt64(side)) & 1 != 0 }
    /// Whether that corner is the edge's first node.
    @inline(__always) static func cornerIsFirst(_ record: UInt64, side: Int) -> Bool {
        record >> (25 + 2 * UInt64(side)) & 1 != 0
    }

    /// The record of a crossing at `steps` units from the edge's first node
    /// by the level stamped `level`, with no corners.
    @inline(__always) static func record(level: UInt32, steps: Double) -> UInt64 { UInt64(level) << 28 | UInt64(steps) }

    /// `record` with the corner its chord in cell `side` cut off: at the
    /// edge's first node or not, the other edge crossed `leg` cells from it
    /// (rounded towards the corner, at least one unit).
    @inline(__always) static func cuttingCorner(_ record: UInt64, side: Int, atFirst: Bool, leg: Double) -> UInt64 {
        let units = UInt64(min(4095, max(1, (leg / legUnit).rounded(.down))))
        let shift = 40 + 12 * UInt64(side)
        let flags: UInt64 = (1 | (atFirst ? 2 : 0)) << (24 + 2 * UInt64(side))
        return record & ~(0xFFF << shift) | flags | units << shift
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
    /// The polygons of `workspace.grid` below `threshold` metres. Crossings on
    /// edges that were boundary edges of an earlier level (since
    /// `startLevels`) reach at least as far as that level's. Without `exact`
    /// the crossings interpolate each boundary node's own nearest segment's
    /// distance linearly (`Tracer.interpolated`) and cells keep their chords
    /// (Lorensen & Cline); each crossing lies at least `separation` metres
    /// beyond the last level's on its edge and clear of the last level's
    /// corner chords (`Tracer.nestedOutward`), so the levels of one grid at
    /// increasing thresholds nest, with room to spare for rounding. Every
    /// node next to an inside node must hold its exact value (write reach
    /// d + 1.05·cell) and an owner, and the chords across inward corners lie
    /// outside the true line. `exact`
    /// (see the type's description) keeps the boundary inside the true line
    /// apart from thin wedges of far ground; levels drawn so can fail to nest
    /// by slivers where one level finds a corner and another keeps a chord.
    /// `lastLevel`: no later level of this grid follows (the crossings are
    /// not recorded).
    /// - Complexity: O(boundary cells + written nodes).
    static func polygons(
        in workspace: RasterWorkspace, threshold: Double, exact: Bool = true, separation: Double = 0, lastLevel: Bool = false
    ) -> PlanarMultiPolygon {
        workspace.fit(exact: exact)
        let grid = workspace.grid
        precondition(grid.keepsOwners, "the raster contour needs a grid that keeps owners")
        guard !grid.segments.isEmpty else { return PlanarMultiPolygon() }
        let result = grid.values.withUnsafeBufferPointer { values in
            grid.owners.withUnsafeBufferPointer { owners in
                grid.segments.withUnsafeBufferPointer { segments in
                    polygons(
                        in: workspace, buffers: (values.baseAddress!, owners.baseAddress!, segments.baseAddress!), threshold: threshold,
                        exact: exact, separation: separation, lastLevel: lastLevel)
                }
            }
        }
        if !exact { workspace.endLevel() }
        return result
    }

    /// `polygons(in:threshold:exact:)` with the grid's values, owners and
    /// segments given as pointers.
    private static func polygons(
        in workspace: RasterWorkspace, buffers: Tracer.Buffers, threshold: Double, exact: Bool, separation: Double,
        lastLevel: Bool
    ) -> PlanarMultiPolygon {
        var tracer = Tracer(workspace: workspace, buffers: buffers, threshold: threshold)
        tracer.addsCorners = exact
        tracer.separation = separation / workspace.grid.cellSize
        tracer.records = !exact && !lastLevel
        tracer.readsRecords = !exact && workspace.levels > workspace.firstLevel
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
        /// The grid's values, owners and segments, read without bounds checks
        /// (valid while `polygons` runs).
        typealias Buffers = (values: UnsafePointer<Float>, owners: UnsafePointer<Int32>, segments: UnsafePointer<RasterSegment>)
        let values: UnsafePointer<Float>
        let owners: UnsafePointer<Int32>
        let segments: UnsafePointer<RasterSegment>
        let parent: UnsafeMutablePointer<Int32>
        let visited: UnsafeMutablePointer<UInt64>
        let carried: UnsafeMutablePointer<Int32>
        let crossings: UnsafeMutablePointer<UInt64>
        let chorded: UnsafeMutablePointer<UInt64>
        /// The edge ids set in `visited` and (first) in `carried`, the cells set in `chorded`.
        var visitedIDs: [Int32] = []
        var carriedIDs: [Int32] = []
        var chordedCells: [Int32] = []
        /// Whether crossings are placed exactly and corners put where two
        /// offset curves meet (else linear interpolation and chords only).
        var addsCorners = true
        /// How far (cells) an interpolated crossing lies beyond the last
        /// level's crossing on the same edge at least (the nesting margin,
        /// unless the edge's end is nearer).
        var separation = 0.0
        /// Whether this level's crossings and corners are recorded for the
        /// next level, and whether an earlier level of this grid recorded any.
        var records = false
        var readsRecords = false
        /// How far (cells) an interpolated level's chord keeps from the last
        /// level's chord across the same corner of a cell: 3.5 cm, as much as
        /// the ring simplification (2 cm) and writing WGS84 with 7 decimals
        /// (under 0.75 cm per point) may move two boundaries towards each
        /// other, so that the levels still nest when written.
        let clearance: Double
        /// This level's stamp and the first level's of this grid (`EdgeCrossing`).
        let level: UInt32
        let firstLevel: UInt32
        /// The threshold in cell units, and its square as the nodes hold it.
        let limit: Double
        let limit2: Float
        let columns: Int

        init(workspace: RasterWorkspace, buffers: Buffers, threshold: Double) {
            grid = workspace.grid
            values = buffers.values
            owners = buffers.owners
            segments = buffers.segments
            parent = workspace.parent
            visited = workspace.visited
            carried = workspace.carried
            crossings = workspace.crossings
            chorded = workspace.chorded
            level = workspace.levels
            firstLevel = workspace.firstLevel
            clearance = 0.035 / grid.cellSize
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
            if !addsCorners { return interpolated(id, node, other) }
            let (p, q) = inside(node) ? (node, other) : (other, node)
            let px = Double(p % columns)
            let py = Double(p / columns)
            let step = q - p
            let ux: Double = step == 1 ? 1 : step == -1 ? -1 : 0
            let uy: Double = step == columns ? 1 : step == -columns ? -1 : 0
            let across = step == 1 || step == -1 ? columns : 1
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

        /// Where the contour crosses edge `id` (from `node` to `other`),
        /// interpolating each nearest segment's distance on its own: from the
        /// inside node p (owner a) towards the outside node q, the crossing is
        /// where the straight line between a's distances at p and at q meets
        /// the threshold, and, where q's owner b is another segment that also
        /// reaches p, as far as the same line of b's distances reaches, if
        /// farther. Each segment's distance is convex along the edge, so each
        /// line lies above it and the crossing stays inside that segment's
        /// capsule, whereas plain interpolation between the two nodes' values
        /// (the minimum of both segments) runs past the ridge between two
        /// roads, over ground neither reaches. Where both nodes have one owner
        /// this is plain linear interpolation (Lorensen & Cline).
        ///
        /// Then, so that the levels nest when written (`nestedOutward`): the
        /// crossing lies at least `separation` beyond the last level's on this
        /// edge, and where the last level's chord in a cell beside the edge
        /// cut off a corner of it, far enough out that this level's chord
        /// keeps `clearance` from it. It is recorded for the next level and
        /// kept strictly between the nodes.
        func interpolated(_ id: Int, _ node: Int, _ other: Int) -> Crossing {
            // Read first, so that fetching the record overlaps the reads and the arithmetic below.
            let record = readsRecords ? crossings[id] : 0
            let fromNode = inside(node)
            let (p, q) = fromNode ? (node, other) : (other, node)
            // Grid coordinates of the edge's first node and of its other end.
            let x = Double(node % columns)
            let y = Double(node / columns)
            let horizontal = id & 1 == 0
            let otherX = horizontal ? x + 1 : x
            let otherY = horizontal ? y : y + 1
            let a = owners[p]
            let dpp = Double(values[p]).squareRoot()
            var owner = a
            var t: Double
            if values[q] < .infinity, owners[q] == a {
                t = (limit - dpp) / (max(Double(values[q]).squareRoot(), limit) - dpp)
            } else {
                let dpq = max(
                    segments[Int(a)].squaredDistance(fromNode ? otherX : x, fromNode ? otherY : y).squareRoot(), limit)
                t = (limit - dpp) / (dpq - dpp)
                if values[q] < .infinity {
                    let b = owners[q]
                    let dqp = segments[Int(b)].squaredDistance(fromNode ? x : otherX, fromNode ? y : otherY).squareRoot()
                    let dqq = max(Double(values[q]).squareRoot(), limit)
                    if dqp < limit, dqq > dqp {
                        let tq = (limit - dqp) / (dqq - dqp)
                        if tq > t {
                            t = tq
                            owner = b
                        }
                    }
                }
            }
            let s = nestedOutward(id, record: record, t: min(1 - 1e-7, max(1e-7, t)), fromNode: fromNode)
            return horizontal ? Crossing(x: x + s, y: y, owner: owner) : Crossing(x: x, y: y + s, owner: owner)
        }

        /// Crossing `t` (the fraction of edge `id` from its inside node; the
        /// inside node is the edge's first when `fromNode`) moved outward as
        /// far as nesting needs, as a position from the edge's first node,
        /// and recorded (rounded outward) as this level's crossing:
        ///
        /// - at least `separation` beyond the latest earlier level's crossing
        ///   on the edge;
        /// - in each of the two cells beside the edge where the last level's
        ///   chord cut off a corner at one of the edge's nodes, beyond that
        ///   chord scaled about the corner by the factor that moves it
        ///   `clearance` outward (towards the corner when it is outside, away
        ///   from it when it is inside). When both levels' chords in such a
        ///   cell lie within their scaled triangles they are at least
        ///   `clearance` apart, however slanted; the separation along edges
        ///   alone leaves two chords nearly parallel to an edge (at a ridge
        ///   between two roads) within millimetres of each other.
        func nestedOutward(_ id: Int, record head: UInt64, t: Double, fromNode: Bool) -> Double {
            // Distance outward from the inside node, in cells.
            var out = t
            let stamp = EdgeCrossing.stamp(head)
            if stamp >= firstLevel, stamp < level {
                let s1 = EdgeCrossing.position(head)
                let last1 = fromNode ? s1 : 1 - s1
                out = max(out, last1 + separation)
                if stamp == level - 1 {
                    for side in 0..<2 where EdgeCrossing.cutsCorner(head, side: side) {
                        let cornerIsFirst = EdgeCrossing.cornerIsFirst(head, side: side)
                        let leg = EdgeCrossing.leg(head, side: side)
                        let cornerIsInside = cornerIsFirst == fromNode
                        let here = cornerIsInside ? last1 : 1 - last1
                        guard here > 0, leg > 0 else { continue }
                        let scale = clearance * (here * here + leg * leg).squareRoot() / (here * leg)
                        out = max(out, cornerIsInside ? here * (1 + scale) : 1 - here * max(0, 1 - scale))
                    }
                }
            }
            out = min(1 - 1e-7, max(1e-7, out))
            let s = fromNode ? out : 1 - out
            let unit = EdgeCrossing.unit
            let steps = fromNode ? min((s / unit).rounded(.up), 16_777_215) : max((s / unit).rounded(.down), 1)
            if records { crossings[id] = EdgeCrossing.record(level: level, steps: steps) }
            return Double(steps) * unit
        }

        /// Records, for the next level, that this level's chord in `cell`
        /// from crossing `from` on edge `entry` to crossing `to` on edge
        /// `exit` (edges numbered as in `entries`) cuts off a corner when the
        /// two edges meet at one.
        func recordCorner(_ cell: Int, entry: Int, from: Crossing, exit: Int, to: Crossing) {
            guard (entry ^ exit) & 1 == 1 else { return }
            // The corner where the two edges meet, by its number in the cell
            // (0 lower left, 1 lower right, 2 upper right, 3 upper left).
            let corner = min(entry, exit) == 0 && max(entry, exit) == 3 ? 0 : min(entry, exit) + 1
            let fromLeg = leg(of: from, onEdge: entry, from: corner)
            let toLeg = leg(of: to, onEdge: exit, from: corner)
            note(cell, edge: entry, partnerLeg: toLeg, corner: corner)
            note(cell, edge: exit, partnerLeg: fromLeg, corner: corner)
        }

        /// Whether corner `corner` of a cell (numbered as in `recordCorner`)
        /// is the first node of the cell's edge `edge` (the left end of a
        /// horizontal edge, the lower end of a vertical one).
        @inline(__always) static func isFirst(_ corner: Int, of edge: Int) -> Bool {
            switch edge {
            case 0, 3: return corner == 0
            case 1: return corner == 1
            default: return corner == 3
            }
        }

        /// How far crossing `c` on the cell's edge `edge` lies from the
        /// cell's corner `corner` at an end of that edge, in cells.
        @inline(__always) func leg(of c: Crossing, onEdge edge: Int, from corner: Int) -> Double {
            let along = edge & 1 == 0 ? c.x : c.y
            let s = along - along.rounded(.down)
            return Self.isFirst(corner, of: edge) ? s : 1 - s
        }

        /// Sets the corner flags and the partner's leg of edge `edge` of `cell`.
        @inline(__always) func note(_ cell: Int, edge: Int, partnerLeg: Double, corner: Int) {
            let id = edgeID(cell, edge)
            // Cell 0 of a horizontal edge lies above it (the edge is its
            // bottom), of a vertical one right of it (its left edge).
            let side = edge == 0 || edge == 3 ? 0 : 1
            crossings[id] = EdgeCrossing.cuttingCorner(
                crossings[id], side: side, atFirst: Self.isFirst(corner, of: edge), leg: partnerLeg)
        }

        /// The point near `start` where segments `a` and `b` are both at the
        /// threshold, nil when there is none near or the two offset curves
        /// meet at too shallow an angle: where both offset lines (on `start`'s
        /// side of each segment) meet with both feet inside their segments, in
        /// closed form; else by Newton's method on the two distances (round
        /// ends and bends).
        func meeting(_ a: Int32, _ b: Int32, near start: (x: Double, y: Double)) -> (x: Double, y: Double)? {
            let sa = segments[Int(a)]
            let sb = segments[Int(b)]
            if let p = Self.offsetLinesMeet(sa, sb, near: start, at: limit) { return p }
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

        /// Where the lines at distance `d` from segments `a` and `b`, on the
        /// side of each that `start` lies on, cross — if the point's feet lie
        /// inside both segments (so it is at distance `d` from each), the lines
        /// are not near parallel (|sin| > 10⁻⁶, as Newton's step asks) and the
        /// point lies within two cells (Manhattan) of `start`.
        static func offsetLinesMeet(
            _ a: RasterSegment, _ b: RasterSegment, near start: (x: Double, y: Double), at d: Double
        ) -> (x: Double, y: Double)? {
            @inline(__always) func line(_ s: RasterSegment) -> (ex: Double, ey: Double, length: Double, nx: Double, ny: Double, c: Double)?
            {
                let dx = s.bx - s.ax
                let dy = s.by - s.ay
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > 0 else { return nil }
                let ex = dx / length
                let ey = dy / length
                // The unit normal towards `start`'s side; the offset line is n·p = n·a + d.
                let side: Double = (start.x - s.ax) * -ey + (start.y - s.ay) * ex >= 0 ? 1 : -1
                let nx = -ey * side
                let ny = ex * side
                return (ex, ey, length, nx, ny, nx * s.ax + ny * s.ay + d)
            }
            guard let la = line(a), let lb = line(b) else { return nil }
            let det = la.nx * lb.ny - la.ny * lb.nx
            guard abs(det) > 1e-6 else { return nil }
            let x = (la.c * lb.ny - lb.c * la.ny) / det
            let y = (la.nx * lb.c - lb.nx * la.c) / det
            let ta = (x - a.ax) * la.ex + (y - a.ay) * la.ey
            let tb = (x - b.ax) * lb.ex + (y - b.ay) * lb.ey
            guard ta >= 0, ta <= la.length, tb >= 0, tb <= lb.length else { return nil }
            // Only the meeting near `start` (the curves may also meet on round ends there).
            guard abs(x - start.x) + abs(y - start.y) <= 2 else { return nil }
            return (x, y)
        }

        /// Whether the polyline `from` → `corners` → `to` may replace the chord
        /// of cell `cell`: every corner lies in the cell, or the corner is
        /// the tip of a thin wedge of outside ground that pokes past the cell
        /// across edges whose nodes are both inside — then every other cell
        /// the polyline's bounding box touches, among the cells around this
        /// one, must be wholly inside (have no contour of its own).
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
                within = within && c.x >= i && c.x <= i + 1 && c.y >= j && c.y <= j + 1
                minX = min(minX, c.x)
                maxX = max(maxX, c.x)
                minY = min(minY, c.y)
                maxY = max(maxY, c.y)
            }
            if within { return true }
            guard minX >= i - 1, maxX <= i + 2, minY >= j - 1, maxY <= j + 2 else { return false }
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
                    let third = owners[node]
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
            let v = values
            // A copy of the grid value (same buffers) so that the walk may mutate the tracer.
            let written = grid
            // Four nodes of a run at a time, in the order of the scalar search
            // (ascending node index): only a group holding an inside node with an
            // outside neighbour goes node by node. Written nodes lie two cells
            // inside the grid, so the neighbours read exist; the lanes past the
            // run's end (the rest of its row, or the next row's first nodes) hold
            // no value of this run and are left out.
            let threshold = SIMD4<Float>(repeating: t)
            @inline(__always) func outside(_ node: Int) -> SIMDMask<SIMD4<Int32>> {
                .!(UnsafeRawPointer(v + node).loadUnaligned(as: SIMD4<Float>.self) .< threshold)
            }
            written.forEachWrittenRun { first, last in
                var group = first
                while group <= last {
                    let inside = .!outside(group)
                    if any(inside) {
                        let boundary =
                            inside .& (outside(group + 1) .| outside(group - 1) .| outside(group + width) .| outside(group - width))
                        if any(boundary) {
                            for node in group...min(group + 3, last) where boundary[node - group] {
                                let right = !(v[node + 1] < t)
                                let left = !(v[node - 1] < t)
                                let up = !(v[node + width] < t)
                                let down = !(v[node - width] < t)
                                if right || up { traceCell(node, into: &rings) }
                                if right || down { traceCell(node - width, into: &rings) }
                                if left || up { traceCell(node - 1, into: &rings) }
                                if left || down { traceCell(node - 1 - width, into: &rings) }
                            }
                        }
                    }
                    group += 4
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
                        if records { recordCorner(cell, entry: edge, from: current, exit: exit, to: next) }
                        if addsCorners, next.owner != current.owner, code != 5, code != 10,
                            chorded[cell >> 6] & (1 << UInt64(cell & 63)) == 0
                        {
                            // A cell that kept its chord keeps it at the later levels (which then nest).
                            let found = corners(cell, from: current, to: next)
                            for c in found { ring.append(world(c.x, c.y)) }
                            if found.isEmpty {
                                chorded[cell >> 6] |= 1 << UInt64(cell & 63)
                                chordedCells.append(Int32(cell))
                            }
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
