import GeoCore

/// District − service area split into the part that needs a GEOS overlay and
/// the part that does not.
///
/// A merged service area of a whole city is one large polygon with tens of
/// thousands of holes (the blocks between roads that no rider reaches). A
/// hole that lies properly inside the district (its box crosses no edge of the
/// district and one of its points is inside) is part of the gap as it is:
/// the gap there is the hole itself minus the service-area polygons inside
/// it. Only the rest — the service area with those holes filled and the
/// polygons inside them dropped — goes through the overlay, so the overlay
/// nodes the district's edges against the few rings near them instead of the
/// whole city.
///
/// The service-area rings must be pairwise disjoint, each hole inside its
/// exterior, as `RasterContour` gives them (crossings lie strictly between
/// grid nodes, so no two rings share a point).
struct AuditGapSplit {
    /// The service area with every simple hole filled and every polygon inside
    /// a simple hole left out; polygons whose box misses the district's box are
    /// left out too. District − `overlayPart` plus `simplePieces` is the gap.
    var overlayPart: PlanarMultiPolygon
    /// Gap polygons that need no overlay, in service-area order: each simple
    /// hole as an exterior (counter-clockwise) with the exteriors of the
    /// service-area polygons directly inside it as holes (clockwise).
    var simplePieces: [PlanarPolygon]
    /// Per simple piece, the position of its hole among the service area's
    /// rings (each polygon's exterior, then its holes, in order).
    var piecePositions: [Int]
    /// The holes kept in `overlayPart` by their lowest vertex (`lowestVertex`):
    /// their position among the service area's rings and their point count.
    var overlayHoleRings: [PlanarPoint: (position: Int, count: Int)]

    /// Splits `district` − `serviceArea` (both in the same metric CRS);
    /// `boxes` are `serviceArea`'s ring boxes (`ringBoxes(of:)`), computed
    /// once for all districts when nil is not passed.
    /// - Complexity: O(service-area rings + district vertices) plus the
    ///   vertices of the rings whose boxes meet the district's box and, per
    ///   polygon there, the simple holes whose boxes hold its first vertex.
    init(serviceArea: PlanarMultiPolygon, district: PlanarMultiPolygon, boxes: [RingBoxes]? = nil) {
        let boundary = AuditDistrictBoundary(district)
        let polygons = serviceArea.polygons
        let boxes = boxes ?? Self.ringBoxes(of: serviceArea)
        // Simple holes: (polygon, hole) pairs with their boxes and areas.
        var simple: [(polygon: Int, hole: Int, box: AuditBox, area: Double)] = []
        // Per polygon and hole, the hole's number in `simple`, or -1.
        var simpleNumber: [[Int]] = []
        simpleNumber.reserveCapacity(polygons.count)
        for (p, polygon) in polygons.enumerated() {
            var numbers = [Int](repeating: -1, count: polygon.holes.count)
            // A polygon whose box misses the district's box matters nowhere (nor its holes).
            guard let outer = boxes[p].exterior, outer.overlaps(boundary.box) else {
                simpleNumber.append(numbers)
                continue
            }
            for (h, hole) in polygon.holes.enumerated() {
                guard let box = boxes[p].holes[h], let first = hole.first else { continue }
                if boundary.properlyContains(box: box, point: first) {
                    numbers[h] = simple.count
                    simple.append((p, h, box, abs(PlanarRing.signedArea(hole))))
                }
            }
            simpleNumber.append(numbers)
        }
        // The simple hole directly around each polygon (the smallest that holds
        // its first vertex: rings are disjoint, so holes holding it nest).
        var parent = [Int?](repeating: nil, count: polygons.count)
        if !simple.isEmpty {
            let index = AuditBoxIndex(boxes: simple.map(\.box))
            for (q, polygon) in polygons.enumerated() {
                guard let point = polygon.exterior.first else { continue }
                var best: Int?
                index.forEachCandidate(containing: point) { s in
                    guard simple[s].polygon != q else { return }
                    if let b = best, simple[b].area <= simple[s].area { return }
                    let ring = polygons[simple[s].polygon].holes[simple[s].hole]
                    if AuditDistrictBoundary.ringContains(ring, point) { best = s }
                }
                parent[q] = best
            }
        }
        var inside = [[Int]](repeating: [], count: simple.count)
        for (q, s) in parent.enumerated() { if let s { inside[s].append(q) } }

        var overlay: [PlanarPolygon] = []
        var pieces: [PlanarPolygon] = []
        var positions: [Int] = []
        var holeRings: [PlanarPoint: (position: Int, count: Int)] = [:]
        // Rings numbered in service-area order: each polygon's exterior, then its holes.
        var ringBase = 0
        for (p, polygon) in polygons.enumerated() {
            defer { ringBase += 1 + polygon.holes.count }
            if parent[p] == nil, let box = boxes[p].exterior, box.overlaps(boundary.box) {
                var kept = PlanarPolygon(exterior: polygon.exterior)
                for (h, hole) in polygon.holes.enumerated() where simpleNumber[p][h] < 0 {
                    kept.holes.append(hole)
                    if let lowest = Self.lowestVertex(hole) { holeRings[lowest] = (ringBase + 1 + h, hole.count) }
                }
                overlay.append(kept)
            }
            for (h, hole) in polygon.holes.enumerated() where simpleNumber[p][h] >= 0 {
                let s = simpleNumber[p][h]
                positions.append(ringBase + 1 + h)
                pieces.append(
                    PlanarPolygon(
                        exterior: PlanarRing.oriented(Self.fromSecondVertex(hole), counterClockwise: true),
                        holes: inside[s].map {
                            PlanarRing.oriented(Self.fromSecondVertex(polygons[$0].exterior), counterClockwise: false)
                        }))
            }
        }
        overlayPart = PlanarMultiPolygon(polygons: overlay)
        simplePieces = pieces
        piecePositions = positions
        overlayHoleRings = holeRings
    }

    /// The gap: the polygons of `overlayGap` (district − `overlayPart`, as
    /// GEOS gave them) and `simplePieces`, in the order one overlay of the
    /// whole service area gives them (GEOS 3.11 OverlayNG): first the
    /// polygons whose exterior is not a whole service-area ring (those along
    /// the district's edges), in GEOS's order; then, by the position of that
    /// ring in the service area, the polygons that are one of its holes —
    /// overlay polygons and simple pieces merged.
    /// - Complexity: O(vertices of `overlayGap` + pieces · log).
    func assembled(overlayGap: PlanarMultiPolygon) -> PlanarMultiPolygon {
        var polygons: [PlanarPolygon] = []
        var keyed: [(position: Int, polygon: PlanarPolygon)] = []
        for polygon in overlayGap.polygons {
            if let lowest = Self.lowestVertex(polygon.exterior), let ring = overlayHoleRings[lowest],
                ring.count == polygon.exterior.count
            {
                keyed.append((ring.position, polygon))
            } else {
                polygons.append(polygon)
            }
        }
        keyed += zip(piecePositions, simplePieces).map { ($0, $1) }
        keyed.sort { $0.position < $1.position }
        polygons += keyed.map(\.polygon)
        return PlanarMultiPolygon(polygons: polygons)
    }

    /// The vertex with the smallest x (then y) of `ring`, nil when empty.
    static func lowestVertex(_ ring: [PlanarPoint]) -> PlanarPoint? {
        ring.min { ($0.x, $0.y) < ($1.x, $1.y) }
    }
}

extension AuditGapSplit {
    /// A closed ring started at its second vertex: GEOS's overlay (OverlayNG,
    /// GEOS 3.11) gives a ring that no other edge crosses starting there, so
    /// the pieces come out vertex for vertex as the whole overlay gave them
    /// and the written gaps stay byte-identical. Open or short rings come back
    /// as they are.
    static func fromSecondVertex(_ ring: [PlanarPoint]) -> [PlanarPoint] {
        guard ring.count > 3, ring.first == ring.last else { return ring }
        var rotated = Array(ring[1...])
        rotated.append(ring[1])
        return rotated
    }

    /// The boxes of one polygon's rings (nil for an empty ring).
    struct RingBoxes: Sendable {
        var exterior: AuditBox?
        var holes: [AuditBox?]
    }

    /// The ring boxes of every polygon of `serviceArea`, in order.
    /// - Complexity: O(vertices).
    static func ringBoxes(of serviceArea: PlanarMultiPolygon) -> [RingBoxes] {
        serviceArea.polygons.map { RingBoxes(exterior: AuditBox($0.exterior), holes: $0.holes.map { AuditBox($0) }) }
    }
}

/// A closed axis-aligned box in metres.
struct AuditBox: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    /// The box of `points`, nil when there are none.
    init?(_ points: [PlanarPoint]) {
        guard let first = points.first else { return nil }
        var box = (first.x, first.y, first.x, first.y)
        for p in points.dropFirst() {
            box = (min(box.0, p.x), min(box.1, p.y), max(box.2, p.x), max(box.3, p.y))
        }
        (minX, minY, maxX, maxY) = box
    }

    /// A box from its corners.
    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// True when the two closed boxes share a point.
    func overlaps(_ other: AuditBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }
}

/// Boxes in a uniform grid of buckets, about one box per bucket.
struct AuditBoxIndex {
    private let origin: (x: Double, y: Double)
    private let cell: Double
    private let columns: Int
    private let rows: Int
    private let boxes: [AuditBox]
    private var buckets: [[Int32]]

    /// An index of `boxes` (at least one).
    init(boxes: [AuditBox]) {
        var extent = boxes[0]
        for b in boxes {
            extent = AuditBox(
                minX: min(extent.minX, b.minX), minY: min(extent.minY, b.minY), maxX: max(extent.maxX, b.maxX),
                maxY: max(extent.maxY, b.maxY))
        }
        let width = max(extent.maxX - extent.minX, 1e-9)
        let height = max(extent.maxY - extent.minY, 1e-9)
        let side = max((width * height / Double(boxes.count)).squareRoot(), max(width, height) / 4096)
        origin = (extent.minX, extent.minY)
        cell = side
        columns = max(1, Int((width / side).rounded(.up)))
        rows = max(1, Int((height / side).rounded(.up)))
        self.boxes = boxes
        buckets = Array(repeating: [], count: columns * rows)
        for (k, b) in boxes.enumerated() {
            let (i0, j0) = bucket(b.minX, b.minY)
            let (i1, j1) = bucket(b.maxX, b.maxY)
            for j in j0...j1 {
                for i in i0...i1 { buckets[j * columns + i].append(Int32(k)) }
            }
        }
    }

    private func bucket(_ x: Double, _ y: Double) -> (Int, Int) {
        let i = Int(((x - origin.x) / cell).rounded(.down))
        let j = Int(((y - origin.y) / cell).rounded(.down))
        return (min(max(i, 0), columns - 1), min(max(j, 0), rows - 1))
    }

    /// Calls `body` with every box holding `point` (each once).
    func forEachCandidate(containing point: PlanarPoint, _ body: (Int) -> Void) {
        let (i, j) = bucket(point.x, point.y)
        for k in buckets[j * columns + i] {
            let b = boxes[Int(k)]
            if point.x >= b.minX && point.x <= b.maxX && point.y >= b.minY && point.y <= b.maxY { body(Int(k)) }
        }
    }

    /// Calls `body` with every box overlapping `box`; a box may come more than once.
    func forEachCandidate(overlapping box: AuditBox, _ body: (Int) -> Bool) -> Bool {
        let (i0, j0) = bucket(box.minX, box.minY)
        let (i1, j1) = bucket(box.maxX, box.maxY)
        for j in j0...j1 {
            for i in i0...i1 {
                for k in buckets[j * columns + i] where boxes[Int(k)].overlaps(box) {
                    if !body(Int(k)) { return false }
                }
            }
        }
        return true
    }
}

/// The edges of a district (all rings of its polygons) for "is this box
/// properly inside?" questions.
struct AuditDistrictBoundary {
    /// The district's box.
    let box: AuditBox
    private let rings: [[PlanarPoint]]
    private let segments: [(a: PlanarPoint, b: PlanarPoint)]
    private let index: AuditBoxIndex?

    /// The boundary of `district`.
    init(_ district: PlanarMultiPolygon) {
        rings = district.polygons.flatMap { [$0.exterior] + $0.holes }
        var segments: [(a: PlanarPoint, b: PlanarPoint)] = []
        for ring in rings where ring.count > 1 {
            for k in 1..<ring.count { segments.append((ring[k - 1], ring[k])) }
            // Rings may come open; the closing edge belongs to the boundary too.
            if ring[0] != ring[ring.count - 1] { segments.append((ring[ring.count - 1], ring[0])) }
        }
        self.segments = segments
        let boxes = segments.map {
            AuditBox(minX: min($0.a.x, $0.b.x), minY: min($0.a.y, $0.b.y), maxX: max($0.a.x, $0.b.x), maxY: max($0.a.y, $0.b.y))
        }
        index = boxes.isEmpty ? nil : AuditBoxIndex(boxes: boxes)
        box = AuditBox(rings.flatMap { $0 }) ?? AuditBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    }

    /// True when the closed `box` lies in the district's interior: no edge's
    /// box touches it and `point` (inside `box`) is inside the district.
    /// False can also mean "not sure" (an edge passes near the box).
    func properlyContains(box: AuditBox, point: PlanarPoint) -> Bool {
        guard let index, box.minX > self.box.minX, box.maxX < self.box.maxX, box.minY > self.box.minY,
            box.maxY < self.box.maxY
        else { return false }
        let clear = index.forEachCandidate(overlapping: box) { _ in false }
        guard clear else { return false }
        var inside = false
        for ring in rings where Self.ringContains(ring, point) { inside.toggle() }
        return inside
    }

    /// Crossing-number test (even–odd, half-open edges) of `point` against one
    /// ring, open or closed; a point on the ring may go either way.
    static func ringContains(_ ring: [PlanarPoint], _ point: PlanarPoint) -> Bool {
        guard ring.count > 2 else { return false }
        var inside = false
        var previous = ring[ring.count - 1]
        for current in ring {
            if (current.y > point.y) != (previous.y > point.y) {
                let x = current.x + (point.y - current.y) * (previous.x - current.x) / (previous.y - current.y)
                if point.x < x { inside.toggle() }
            }
            previous = current
        }
        return inside
    }
}
