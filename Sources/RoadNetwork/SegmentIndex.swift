import GeoCore

/// Finds the nearest point on any road segment to a planar point.
///
/// A **uniform grid** in metres over the straight pieces of every segment
/// polyline (consecutive vertex pairs), stored as CSR arrays: cell `c` lists
/// the pieces `cellItems[cellStart[c] ..< cellStart[c + 1]]`, each piece
/// named by the index of its first vertex in `RoadGraph.pointX`. A grid
/// rather than an R-tree because road pieces in a city are short and spread
/// fairly evenly, so a grid sized to about two pieces per cell answers a
/// query by looking at a handful of cells, builds in two linear passes
/// without sorting, and grows its search ring by ring, which gives the exact
/// nearest distance for far points too.
///
/// Ties are broken deterministically: smallest distance, then lowest segment
/// index, then smallest offset.
public struct SegmentIndex: Sendable {
    private let pointX: [Double]
    private let pointY: [Double]
    /// Segment of each vertex (the vertex's piece runs to the next vertex).
    private let pointSegment: FlatArray<UInt32>
    /// Metres from the segment start to each vertex, along the polyline.
    private let pointOffset: FlatArray<Double>
    private let originX: Double
    private let originY: Double
    private let cellSize: Double
    private let columns: Int
    private let rows: Int
    /// The grid's CSR arrays; read in place from the mapped graph cache when the index came from
    /// there (`FlatArray`).
    private let cellStart: FlatArray<UInt32>
    private let cellItems: FlatArray<UInt32>

    /// Indexes every segment piece of `graph`.
    /// - Complexity: O(points + cells), about two pieces per cell.
    public init(graph: RoadGraph) {
        self.init(pointX: graph.pointX, pointY: graph.pointY, segmentPointStart: graph.segmentPointStart)
    }

    /// Indexes the pieces of the segments of `graph` for which `including[s]`
    /// is true (one flag per segment); the others are never returned, and
    /// returned segment indexes are `graph`'s.
    /// - Complexity: O(points + cells).
    public init(graph: RoadGraph, including: [Bool]) {
        precondition(including.count == graph.segmentCount, "one flag per segment")
        self.init(
            pointX: graph.pointX, pointY: graph.pointY, segmentPointStart: graph.segmentPointStart,
            including: including)
    }

    /// Indexes polylines given as flat arrays: polyline `s` is the vertices
    /// `segmentPointStart[s] ..< segmentPointStart[s + 1]` of `pointX`/`pointY`
    /// (metres), as in `RoadGraph`; only those with `including[s]` when given.
    /// - Complexity: O(points + cells).
    init(pointX: [Double], pointY: [Double], segmentPointStart: [UInt32], including: [Bool]? = nil) {
        self.pointX = pointX
        self.pointY = pointY
        let pointCount = pointX.count
        let segmentCount = max(0, segmentPointStart.count - 1)
        var segmentOf = [UInt32](repeating: UInt32.max, count: pointCount)
        var offsetOf = [Double](repeating: 0, count: pointCount)
        var pieceFirsts: [UInt32] = []
        pieceFirsts.reserveCapacity(max(0, pointCount - segmentCount))
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        for s in 0..<segmentCount where including?[s] ?? true {
            let first = Int(segmentPointStart[s])
            let end = Int(segmentPointStart[s + 1])
            var walked = 0.0
            for k in first..<end {
                segmentOf[k] = UInt32(s)
                if k > first {
                    let dx = pointX[k] - pointX[k - 1]
                    let dy = pointY[k] - pointY[k - 1]
                    walked += (dx * dx + dy * dy).squareRoot()
                    pieceFirsts.append(UInt32(k - 1))
                }
                offsetOf[k] = walked
                minX = min(minX, pointX[k])
                maxX = max(maxX, pointX[k])
                minY = min(minY, pointY[k])
                maxY = max(maxY, pointY[k])
            }
        }
        pointSegment = FlatArray(segmentOf)
        pointOffset = FlatArray(offsetOf)
        let pieces = pieceFirsts.count
        if pieces == 0 {
            originX = 0
            originY = 0
            cellSize = 1
            columns = 0
            rows = 0
            cellStart = FlatArray([0])
            cellItems = FlatArray([])
            return
        }
        let width = max(maxX - minX, 1)
        let height = max(maxY - minY, 1)
        // About two pieces per cell, at least 1 m, and never more than ~4 cells per piece.
        var size = max((width * height / Double(pieces) * 2).squareRoot(), 1)
        while (width / size + 1) * (height / size + 1) > Double(4 * pieces + 16) { size *= 1.5 }
        originX = minX
        originY = minY
        cellSize = size
        columns = Int(width / size) + 1
        rows = Int(height / size) + 1

        // Two passes (count, then fill) over the cells each piece may touch.
        var counts = [UInt32](repeating: 0, count: columns * rows + 1)
        Self.forEachCell(of: pieceFirsts, pointX, pointY, originX, originY, size, columns, rows) { cell, _ in
            counts[cell + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var next = counts
        var items = [UInt32](repeating: 0, count: Int(counts[columns * rows]))
        Self.forEachCell(of: pieceFirsts, pointX, pointY, originX, originY, size, columns, rows) { cell, piece in
            items[Int(next[cell])] = piece
            next[cell] += 1
        }
        cellStart = FlatArray(counts)
        cellItems = FlatArray(items)
    }

    /// An index from its stored parts (the graph cache); nil when they do not fit together
    /// (counts, offsets or indexes out of range), so a damaged cache is rebuilt instead of crashing.
    /// - Complexity: O(points + cells + items).
    init?(
        pointX: [Double], pointY: [Double], pointSegment: FlatArray<UInt32>, pointOffset: FlatArray<Double>,
        origin: (x: Double, y: Double), cellSize: Double, columns: Int, rows: Int, cellStart: FlatArray<UInt32>,
        cellItems: FlatArray<UInt32>
    ) {
        let points = pointX.count
        guard pointY.count == points, pointSegment.count == points, pointOffset.count == points,
            columns >= 0, rows >= 0, columns <= Int(Int32.max), rows <= Int(Int32.max),
            cellStart.count == columns * rows + 1, cellStart.first == 0, Int(cellStart[cellStart.count - 1]) == cellItems.count,
            cellSize > 0, cellSize.isFinite, origin.x.isFinite, origin.y.isFinite
        else { return nil }
        for c in 0..<(columns * rows) where cellStart[c] > cellStart[c + 1] { return nil }
        guard cellItems.allSatisfy({ Int($0) + 1 < points }) else { return nil }
        self.pointX = pointX
        self.pointY = pointY
        self.pointSegment = pointSegment
        self.pointOffset = pointOffset
        originX = origin.x
        originY = origin.y
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        self.cellStart = cellStart
        self.cellItems = cellItems
    }

    /// Appends the index's own arrays and grid (not `pointX`/`pointY`, which the graph holds) to
    /// the graph cache; `decode` reads them back. Without `pointArrays`, the segment and offset of
    /// each vertex are left out: an index of some of the segments of the same polylines decodes
    /// with those of the index of all of them (the same values at every vertex it uses).
    func encode(into out: inout GraphCacheEncoder, pointArrays: Bool = true) {
        if pointArrays {
            out.append(flat: pointSegment)
            out.append(flat: pointOffset)
        }
        out.append(originX)
        out.append(originY)
        out.append(cellSize)
        out.append(Int64(columns))
        out.append(Int64(rows))
        out.append(flat: cellStart)
        out.append(flat: cellItems)
    }

    /// The index `encode` wrote, over the vertices `pointX`/`pointY` of `segmentCount` polylines;
    /// `sharing` gives the vertices' segments and offsets when they were left out. The decoder
    /// reads the mapped cache `file`; the index's own arrays stay there, read in place.
    /// - Throws: `GraphCacheCorrupt` when the bytes do not describe an index of those vertices.
    /// - Complexity: O(points + cells + items) checks, no copy.
    static func decode(
        _ d: inout GraphCacheDecoder, in file: MappedFile, pointX: [Double], pointY: [Double], segmentCount: Int,
        sharing: SegmentIndex? = nil
    ) throws -> SegmentIndex {
        let pointSegment = try sharing?.pointSegment ?? d.readFlatArray(UInt32.self, in: file)
        let pointOffset = try sharing?.pointOffset ?? d.readFlatArray(Double.self, in: file)
        guard pointSegment.allSatisfy({ Int($0) < segmentCount || $0 == UInt32.max }) else { throw GraphCacheCorrupt() }
        let origin = (x: try d.read(Double.self), y: try d.read(Double.self))
        let cellSize = try d.read(Double.self)
        let columns = try d.read(Int64.self)
        let rows = try d.read(Int64.self)
        guard (0...Int64(Int32.max)).contains(columns), (0...Int64(Int32.max)).contains(rows),
            let index = SegmentIndex(
                pointX: pointX, pointY: pointY, pointSegment: pointSegment, pointOffset: pointOffset, origin: origin,
                cellSize: cellSize, columns: Int(columns), rows: Int(rows), cellStart: try d.readFlatArray(UInt32.self, in: file),
                cellItems: try d.readFlatArray(UInt32.self, in: file))
        else { throw GraphCacheCorrupt() }
        return index
    }

    /// Calls `body(cell, piece)` for each grid cell that piece `piece` may
    /// cross: the cells of its bounding box whose centre lies within half a
    /// cell diagonal of the piece.
    private static func forEachCell(
        of pieces: [UInt32], _ xs: [Double], _ ys: [Double], _ ox: Double, _ oy: Double,
        _ size: Double, _ columns: Int, _ rows: Int, _ body: (Int, UInt32) -> Void
    ) {
        let reach = size * 0.5 * 2.0.squareRoot() * (1 + 1e-9)
        for piece in pieces {
            let k = Int(piece)
            let ax = xs[k]
            let ay = ys[k]
            let bx = xs[k + 1]
            let by = ys[k + 1]
            let c0 = min(max(Int((min(ax, bx) - ox) / size), 0), columns - 1)
            let c1 = min(max(Int((max(ax, bx) - ox) / size), 0), columns - 1)
            let r0 = min(max(Int((min(ay, by) - oy) / size), 0), rows - 1)
            let r1 = min(max(Int((max(ay, by) - oy) / size), 0), rows - 1)
            for r in r0...r1 {
                for c in c0...c1 {
                    if c0 != c1 && r0 != r1 {
                        let cx = ox + (Double(c) + 0.5) * size
                        let cy = oy + (Double(r) + 0.5) * size
                        if Self.squaredDistance(cx, cy, ax, ay, bx, by).squared > reach * reach { continue }
                    }
                    body(r * columns + c, piece)
                }
            }
        }
    }

    /// Squared distance from (px, py) to the piece a→b, and the fraction t
    /// along it of the closest point.
    @inline(__always)
    private static func squaredDistance(
        _ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double
    ) -> (squared: Double, t: Double) {
        let dx = bx - ax
        let dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        var t = 0.0
        if lengthSquared > 0 {
            t = min(max(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0), 1)
        }
        let ex = ax + t * dx - px
        let ey = ay + t * dy - py
        return (ex * ex + ey * ey, t)
    }

    /// The nearest point to `query` on any segment, or `nil` when the graph
    /// has no segments or the query is not finite. Searches rings of cells
    /// outwards from the query's cell until no unvisited cell can hold a
    /// closer piece.
    /// - Complexity: O(pieces in the visited cells + rings visited).
    public func nearest(to query: PlanarPoint) -> SnapPoint? {
        guard columns > 0, query.x.isFinite, query.y.isFinite else { return nil }
        let limit = Double(1 << 40)
        let cx = Int(min(max(((query.x - originX) / cellSize).rounded(.down), -limit), limit))
        let cy = Int(min(max(((query.y - originY) / cellSize).rounded(.down), -limit), limit))
        var ring = max(0, -cx, cx - (columns - 1), -cy, cy - (rows - 1))
        var bestSquared = Double.infinity
        var bestPiece = -1
        var bestT = 0.0
        var bestSegment = UInt32.max
        var bestOffset = Double.infinity

        func consider(cell: Int) {
            for i in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                let k = Int(cellItems[i])
                let (squared, t) = Self.squaredDistance(
                    query.x, query.y, pointX[k], pointY[k], pointX[k + 1], pointY[k + 1])
                if squared > bestSquared { continue }
                let segment = pointSegment[k]
                let offset = t >= 1 ? pointOffset[k + 1] : pointOffset[k] + t * (pointOffset[k + 1] - pointOffset[k])
                if squared < bestSquared || segment < bestSegment || (segment == bestSegment && offset < bestOffset) {
                    bestSquared = squared
                    bestPiece = k
                    bestT = t
                    bestSegment = segment
                    bestOffset = offset
                }
            }
        }

        while true {
            let c0 = cx - ring
            let c1 = cx + ring
            let r0 = cy - ring
            let r1 = cy + ring
            for r in stride(from: max(r0, 0), through: min(r1, rows - 1), by: 1) {
                if r == r0 || r == r1 {
                    let lo = max(c0, 0)
                    let hi = min(c1, columns - 1)
                    if lo <= hi { for c in lo...hi { consider(cell: r * columns + c) } }
                } else {
                    if c0 >= 0 { consider(cell: r * columns + c0) }
                    if c1 < columns && c1 != c0 { consider(cell: r * columns + c1) }
                }
            }
            if c0 <= 0 && c1 >= columns - 1 && r0 <= 0 && r1 >= rows - 1 { break }
            // Every piece not yet seen lies outside the block of visited cells.
            let outside = min(
                query.x - (originX + Double(c0) * cellSize), originX + Double(c1 + 1) * cellSize - query.x,
                query.y - (originY + Double(r0) * cellSize), originY + Double(r1 + 1) * cellSize - query.y)
            if bestPiece >= 0 && bestSquared < outside * outside && outside > 0 { break }
            ring += 1
        }
        let k = bestPiece
        let point = PlanarPoint(
            x: pointX[k] + bestT * (pointX[k + 1] - pointX[k]),
            y: pointY[k] + bestT * (pointY[k + 1] - pointY[k]))
        return SnapPoint(segment: Int(bestSegment), offset: bestOffset, distance: bestSquared.squareRoot(), point: point)
    }

    /// Snaps each point to its nearest road. Points farther than
    /// `maxDistance` metres from every road come back as `.unroutable` with
    /// their distance (`nil` when there are no roads or the point is not
    /// finite); none is dropped, and the result has one outcome per input,
    /// in order.
    /// - Complexity: O(n × cost of `nearest`).
    public func snap(_ points: [PlanarPoint], maxDistance: Double = 300) -> [SnapOutcome] {
        points.map { p in
            guard let hit = nearest(to: p) else { return .unroutable(distance: nil) }
            return hit.distance <= maxDistance ? .snapped(hit) : .unroutable(distance: hit.distance)
        }
    }
}
