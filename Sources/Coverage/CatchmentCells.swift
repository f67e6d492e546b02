import GeoCore

/// The plane divided among the stations by their reached road: every point goes to the station
/// whose reached pieces (road stretches and its own walk to the road) are nearest in Euclidean
/// distance, ties to the lower station index — the off-road half of a network Voronoi diagram
/// (Okabe, Satoh, Furuta & Okano 2008), computed as the ordinary Voronoi diagram of points sampled
/// along the pieces (the line-segment Voronoi diagram approximated by sampling, Okabe, Boots,
/// Sugihara & Chiu 2000, "Spatial Tessellations", §3.5).
///
/// **Sampling.** Each piece is cut into steps of at most `spacing` metres and every step's ends are
/// sites; each piece's two end points are moved `endInset` (1 mm) inward along it, so where two
/// stations' stretches meet on a road (the point where their riding times are equal) their sites
/// lie 2 mm apart on the road and the cell boundary crosses the road at the meeting point.
///
/// **Bound.** The distance from a point p to the sites of a piece exceeds the distance to the piece
/// by at most √(d² + (spacing/2)²) − d ≤ min(spacing/2, spacing²/(8d)) for d the distance to the
/// piece. So p goes to a station whose pieces are at most that much farther than the nearest
/// station's: between two parallel roads 60 m apart sampled every 10 m, the boundary lies within
/// 10²/(16·30) ≈ 0.21 m of the midline.
///
/// **Cells.** The Voronoi cells (GEOS) are labelled by the station of the site nearest to their
/// vertices' mean (inside the convex cell, so that site is the cell's own) and dissolved per
/// station. The cells tile the envelope, so the stations' cells are disjoint up to GEOS's overlay
/// noise and cover it; each station's cells are dissolved by a coverage union (they match edge
/// for edge).
enum CatchmentCells {
    /// Ends of a piece move this far inward (metres).
    static let endInset = 1e-3

    /// Sites along `pieces[s]` (polylines in metres, per station s), at most `spacing` metres
    /// apart, with their stations; exact duplicates keep the lower station only.
    /// - Complexity: O(total length / spacing + vertices).
    static func sites(_ pieces: [[[PlanarPoint]]], spacing: Double) -> (points: [PlanarPoint], station: [Int]) {
        var points: [PlanarPoint] = []
        var station: [Int] = []
        var seen = Set<SIMD2<Double>>()
        func add(_ p: PlanarPoint, _ s: Int) {
            guard seen.insert(SIMD2(p.x, p.y)).inserted else { return }
            points.append(p)
            station.append(s)
        }
        for (s, lines) in pieces.enumerated() {
            for line in lines where !line.isEmpty {
                var line = line
                if line.count >= 2 {
                    line[0] = Self.towards(line[0], line[1], by: endInset)
                    line[line.count - 1] = Self.towards(line[line.count - 1], line[line.count - 2], by: endInset)
                }
                add(line[0], s)
                for (p, q) in zip(line, line.dropFirst()) {
                    let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
                    let steps = max(1, Int((length / spacing).rounded(.up)))
                    for k in 1...steps {
                        let f = Double(k) / Double(steps)
                        add(k == steps ? q : PlanarPoint(x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f), s)
                    }
                }
            }
        }
        return (points, station)
    }

    /// `p` moved `distance` towards `q`, or to their midpoint when they are closer than 2·distance.
    static func towards(_ p: PlanarPoint, _ q: PlanarPoint, by distance: Double) -> PlanarPoint {
        let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
        guard length > 0 else { return p }
        let f = min(distance / length, 0.5)
        return PlanarPoint(x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f)
    }

    /// One cell per station of `pieces` (an empty collection for a station without pieces),
    /// covering together at least the pieces' bounding box grown by `margin` metres.
    /// - Throws: `GEOSError` from the diagram or the unions.
    /// - Complexity: O(n log n) for n sites, plus the cascaded unions.
    static func cells(_ pieces: [[[PlanarPoint]]], spacing: Double, margin: Double, in context: GEOSContext) throws -> [GEOSGeometry] {
        let (points, station) = sites(pieces, spacing: spacing)
        guard !points.isEmpty else {
            return try pieces.map { _ in try GEOSGeometry(collecting: [], in: context) }
        }
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        for p in points {
            minX = min(minX, p.x)
            minY = min(minY, p.y)
            maxX = max(maxX, p.x)
            maxY = max(maxY, p.y)
        }
        let envelope = (minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
        let diagram = try GEOSGeometry.voronoiCells(of: points, envelope: envelope, in: context)
        let index = NearestSite(points, bucket: max(spacing, 1) * 4)
        var parts = [[GEOSGeometry]](repeating: [], count: pieces.count)
        for cell in try diagram.toMultiPolygon().polygons {
            let ring = cell.exterior.dropLast()
            guard !ring.isEmpty else { continue }
            let mean = PlanarPoint(
                x: ring.reduce(0) { $0 + $1.x } / Double(ring.count), y: ring.reduce(0) { $0 + $1.y } / Double(ring.count))
            guard let site = index.nearest(to: mean, tieBreak: station) else { continue }
            parts[station[site]].append(try GEOSGeometry(polygon: cell, in: context))
        }
        return try parts.map { try GEOSGeometry.coverageUnion(of: $0, in: context) }
    }
}

/// Nearest of a fixed set of points by a uniform bucket grid searched in growing square rings.
struct NearestSite {
    private let points: [PlanarPoint]
    private let bucket: Double
    private var buckets: [SIMD2<Int>: [Int]] = [:]

    /// Indexes `points` in square buckets of `bucket` metres.
    init(_ points: [PlanarPoint], bucket: Double) {
        self.points = points
        self.bucket = bucket
        for (i, p) in points.enumerated() { buckets[key(p), default: []].append(i) }
    }

    private func key(_ p: PlanarPoint) -> SIMD2<Int> {
        SIMD2(Int((p.x / bucket).rounded(.down)), Int((p.y / bucket).rounded(.down)))
    }

    /// The index of the point nearest to `q`; among equally near points the one with the lowest
    /// `tieBreak` value, then the lowest index. Nil when there are no points.
    func nearest(to q: PlanarPoint, tieBreak: [Int]) -> Int? {
        guard !points.isEmpty else { return nil }
        let centre = key(q)
        var best: (d: Double, tie: Int, i: Int)?
        var r = 0
        while true {
            // Points in ring r are at least (r − 1)·bucket away.
            if let found = best, Double(r - 1) * bucket > found.d.squareRoot() { return found.i }
            if r > 0, best == nil, buckets.count < (2 * r + 1) * (2 * r + 1) {
                // Fewer buckets than the ring's square: scan all points instead.
                return points.indices.min { a, b in
                    order(a, q, tieBreak) < order(b, q, tieBreak)
                }
            }
            for dx in -r...r {
                for dy in -r...r where max(abs(dx), abs(dy)) == r {
                    guard let list = buckets[SIMD2(centre.x + dx, centre.y + dy)] else { continue }
                    for i in list {
                        let (d, t, _) = order(i, q, tieBreak)
                        if best == nil || (d, t, i) < (best!.d, best!.tie, best!.i) { best = (d, t, i) }
                    }
                }
            }
            r += 1
        }
    }

    private func order(_ i: Int, _ q: PlanarPoint, _ tieBreak: [Int]) -> (Double, Int, Int) {
        let p = points[i]
        return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y), tieBreak[i], i)
    }
}
