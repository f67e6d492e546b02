import GeoCore

/// The region of a `RasterDistanceGrid` closer than a threshold, as polygons:
/// marching squares (Lorensen & Cline 1987, in its 2-D form) with linear
/// interpolation along cell edges, visiting only the cells whose corners
/// straddle the threshold (found from the written nodes), rings traced cell to
/// cell and holes given to their exteriors by the connected inside region
/// they bound (union-find over the inside nodes).
///
/// A node is inside when its value is below the threshold. Every crossing lies
/// strictly between its edge's two nodes (an outside value equal to the
/// threshold is read as a hair above it), the saddle cells are decided by the
/// mean of their four corners, and each ring is walked with the inside on its
/// left: exteriors come out counter-clockwise, holes clockwise (RFC 7946).
/// Lowering values or raising the threshold only moves crossings outward and
/// joins saddles, so the regions of one grid at increasing thresholds, or of
/// a grid whose values were lowered in between, nest.
enum RasterContour {
    /// The polygons of `grid` where its value is below `threshold` metres, in
    /// a deterministic order (by the grid cell where each exterior ring starts).
    /// - Complexity: O(boundary cells + written nodes).
    static func polygons(of grid: RasterDistanceGrid, threshold: Double) -> PlanarMultiPolygon {
        let tracer = Tracer(grid: grid, threshold: threshold)
        let rings = tracer.rings()
        return assemble(rings, components: tracer.components())
    }

    /// Groups rings into polygons. Every ring bounds one connected inside
    /// region on its left; a region has one counter-clockwise ring (its
    /// exterior) and its clockwise rings are its holes. The region of a ring
    /// is found from the inside node of the edge where the ring starts.
    static func assemble(_ rings: [(points: [PlanarPoint], insideNode: Int)], components: Components) -> PlanarMultiPolygon {
        var polygons: [PlanarPolygon] = []
        var polygonOfRegion: [Int: Int] = [:]
        var holes: [(region: Int, points: [PlanarPoint])] = []
        for ring in rings {
            let region = components.find(ring.insideNode)
            if PlanarRing.signedArea(ring.points) > 0 {
                polygonOfRegion[region] = polygons.count
                polygons.append(PlanarPolygon(exterior: ring.points))
            } else {
                holes.append((region, ring.points))
            }
        }
        for hole in holes {
            // Every hole has its region's exterior; a missing one would be a bug.
            guard let index = polygonOfRegion[hole.region] else { preconditionFailure("raster contour: a hole without its exterior") }
            polygons[index].holes.append(hole.points)
        }
        return PlanarMultiPolygon(polygons: polygons)
    }

    /// Connected inside regions of a grid (union-find over node indices with
    /// path halving), joined as the contour joins them: across cell edges
    /// and across the diagonal of saddle cells whose mean is inside.
    ///
    /// The parents live in one manually allocated buffer: a stored array in a
    /// class would be checked for exclusive access at run time on every step
    /// of every `find` (measured at a fifth of `reach`'s drawing time).
    final class Components {
        private let parent: UnsafeMutablePointer<Int32>
        private let count: Int

        init(count: Int) {
            self.count = count
            parent = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
            parent.initialize(repeating: -1, count: count)
        }

        deinit { parent.deallocate() }

        /// The representative node of `node`'s region.
        func find(_ node: Int) -> Int {
            precondition(node >= 0 && node < count, "node outside the grid")
            var x = Int32(node)
            if parent[Int(x)] < 0 { return node }
            while parent[Int(x)] >= 0 {
                let p = parent[Int(x)]
                if parent[Int(p)] >= 0 { parent[Int(x)] = parent[Int(p)] }
                x = p
            }
            return Int(x)
        }

        /// Joins the regions of `a` and `b` (the smaller index becomes the root).
        func union(_ a: Int, _ b: Int) {
            let ra = find(a)
            let rb = find(b)
            guard ra != rb else { return }
            if ra < rb { parent[rb] = Int32(ra) } else { parent[ra] = Int32(rb) }
        }
    }

    /// A set of edge ids as a bitset.
    struct EdgeSet {
        private var words: [UInt64]
        init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }
        func contains(_ id: Int) -> Bool { words[id >> 6] & (1 << UInt64(id & 63)) != 0 }
        mutating func insert(_ id: Int) { words[id >> 6] |= 1 << UInt64(id & 63) }
    }

    /// Walks the rings of one grid at one threshold.
    private struct Tracer {
        let grid: RasterDistanceGrid
        let threshold: Float
        /// Values at or above the threshold are read as at least this.
        let outsideFloor: Float
        let columns: Int

        init(grid: RasterDistanceGrid, threshold: Double) {
            self.grid = grid
            self.threshold = Float(threshold)
            self.outsideFloor = Float(threshold).nextUp.nextUp
            columns = grid.columns
        }

        /// The value of node `index`, outside values kept above `outsideFloor`.
        @inline(__always) func value(_ index: Int) -> Float {
            let v = grid.values[index]
            return v < threshold ? v : max(v, outsideFloor)
        }

        /// The marching-squares case of the cell whose lower-left node is `cell`:
        /// bit 0 lower left, 1 lower right, 2 upper right, 3 upper left inside.
        @inline(__always) func caseIndex(_ cell: Int) -> Int {
            let v = grid.values
            var c = 0
            if v[cell] < threshold { c |= 1 }
            if v[cell + 1] < threshold { c |= 2 }
            if v[cell + columns + 1] < threshold { c |= 4 }
            if v[cell + columns] < threshold { c |= 8 }
            return c
        }

        /// The segments of a cell as (entry edge, exit edge), edges numbered
        /// 0 bottom, 1 right, 2 top, 3 left, inside on the left of each.
        func segments(_ cell: Int) -> [(Int, Int)] {
            switch caseIndex(cell) {
            case 1: return [(0, 3)]
            case 2: return [(1, 0)]
            case 3: return [(1, 3)]
            case 4: return [(2, 1)]
            case 5: return saddleJoined(cell) ? [(0, 1), (2, 3)] : [(0, 3), (2, 1)]
            case 6: return [(2, 0)]
            case 7: return [(2, 3)]
            case 8: return [(3, 2)]
            case 9: return [(0, 2)]
            case 10: return saddleJoined(cell) ? [(1, 2), (3, 0)] : [(1, 0), (3, 2)]
            case 11: return [(1, 2)]
            case 12: return [(3, 1)]
            case 13: return [(0, 1)]
            case 14: return [(3, 0)]
            default: return []
            }
        }

        /// The edge by which a ring entering `cell` through `entry` leaves it.
        func exitEdge(_ cell: Int, entry: Int) -> Int {
            switch caseIndex(cell) {
            case 1, 9, 13: if entry == 0 { return caseIndex(cell) == 1 ? 3 : caseIndex(cell) == 9 ? 2 : 1 }
            case 2, 3, 11: if entry == 1 { return caseIndex(cell) == 2 ? 0 : caseIndex(cell) == 3 ? 3 : 2 }
            case 4, 6, 7: if entry == 2 { return caseIndex(cell) == 4 ? 1 : caseIndex(cell) == 6 ? 0 : 3 }
            case 8, 12, 14: if entry == 3 { return caseIndex(cell) == 8 ? 2 : caseIndex(cell) == 12 ? 1 : 0 }
            case 5:
                let joined = saddleJoined(cell)
                if entry == 0 { return joined ? 1 : 3 }
                if entry == 2 { return joined ? 3 : 1 }
            case 10:
                let joined = saddleJoined(cell)
                if entry == 1 { return joined ? 2 : 0 }
                if entry == 3 { return joined ? 0 : 2 }
            default: break
            }
            preconditionFailure("marching squares: a ring entered a cell it cannot leave")
        }

        /// Whether the two inside corners of a saddle cell are joined: the
        /// mean of the four corners is inside.
        func saddleJoined(_ cell: Int) -> Bool {
            let sum = Double(value(cell)) + Double(value(cell + 1)) + Double(value(cell + columns)) + Double(value(cell + columns + 1))
            return sum / 4 < Double(threshold)
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

        /// Where the contour crosses edge `id`, linearly interpolated.
        func crossing(_ id: Int) -> PlanarPoint {
            let node = id >> 1
            let other = id & 1 == 0 ? node + 1 : node + columns
            let a = Double(value(node))
            let b = Double(value(other))
            let s = (Double(threshold) - a) / (b - a)
            let i = node % columns
            let j = node / columns
            let h = grid.cellSize
            if id & 1 == 0 {
                return PlanarPoint(x: grid.originX + (Double(i) + s) * h, y: grid.originY + Double(j) * h)
            }
            return PlanarPoint(x: grid.originX + Double(i) * h, y: grid.originY + (Double(j) + s) * h)
        }

        /// The cells with corners on both sides of the threshold, ascending:
        /// each found from its first inside corner among the written nodes.
        func boundaryCells() -> [Int] {
            let v = grid.values
            var cells: [Int] = []
            for node32 in grid.written {
                let node = Int(node32)
                guard v[node] < threshold else { continue }
                // The four cells with `node` as a corner, by their lower-left node;
                // `corner` is node's place in that cell (0 ll, 1 lr, 2 ul, 3 ur).
                for corner in 0..<4 {
                    let cell = node - (corner & 1) - (corner >> 1) * columns
                    let a = v[cell] < threshold
                    let b = v[cell + 1] < threshold
                    let c = v[cell + columns] < threshold
                    let d = v[cell + columns + 1] < threshold
                    // Handle the cell only from its first inside corner.
                    let earlierInside = corner == 0 ? false : corner == 1 ? a : corner == 2 ? (a || b) : (a || b || c)
                    if !earlierInside, !(a && b && c && d) { cells.append(cell) }
                }
            }
            cells.sort()
            return cells
        }

        /// The inside regions, joined as the rings separate them.
        func components() -> Components {
            let v = grid.values
            let components = Components(count: v.count)
            for node32 in grid.written {
                let node = Int(node32)
                guard v[node] < threshold else { continue }
                if v[node + 1] < threshold { components.union(node, node + 1) }
                if v[node + columns] < threshold { components.union(node, node + columns) }
                // Diagonals of saddle cells with `node` as lower-left or lower-right corner.
                if v[node + columns + 1] < threshold, !(v[node + 1] < threshold), !(v[node + columns] < threshold),
                    saddleJoined(node)
                {
                    components.union(node, node + columns + 1)
                }
                if v[node + columns - 1] < threshold, !(v[node - 1] < threshold), !(v[node + columns] < threshold),
                    saddleJoined(node - 1)
                {
                    components.union(node, node + columns - 1)
                }
            }
            return components
        }

        /// The inside one of the two nodes of edge `id`.
        func insideNode(_ id: Int) -> Int {
            let node = id >> 1
            return grid.values[node] < threshold ? node : (id & 1 == 0 ? node + 1 : node + columns)
        }

        /// All rings, closed, each starting at the lowest boundary cell it passes
        /// through (in ascending order of that cell), with the inside node of
        /// its first edge.
        func rings() -> [(points: [PlanarPoint], insideNode: Int)] {
            var visited = EdgeSet(count: 2 * grid.values.count)
            var rings: [(points: [PlanarPoint], insideNode: Int)] = []
            for start in boundaryCells() {
                for (entry, _) in segments(start) where !visited.contains(edgeID(start, entry)) {
                    var ring: [PlanarPoint] = []
                    var cell = start
                    var edge = entry
                    while true {
                        let id = edgeID(cell, edge)
                        if visited.contains(id) { break }
                        visited.insert(id)
                        ring.append(crossing(id))
                        let exit = exitEdge(cell, entry: edge)
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
                    rings.append((ring, insideNode(edgeID(start, entry))))
                }
            }
            return rings
        }
    }
}
