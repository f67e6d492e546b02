import GeoCore
import Testing

@testable import Coverage

@Suite struct AuditGapSplitTests {
    /// A closed axis-aligned square ring, counter-clockwise or clockwise.
    private func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, ccw: Bool = true) -> [PlanarPoint] {
        let ring = [
            PlanarPoint(x: x0, y: y0), PlanarPoint(x: x1, y: y0), PlanarPoint(x: x1, y: y1), PlanarPoint(x: x0, y: y1),
            PlanarPoint(x: x0, y: y0),
        ]
        return ccw ? ring : ring.reversed()
    }

    /// District 50…1500 × 50…950. Service area: P0 = 0…1000² (crosses the
    /// district's edges) with hole H1 = 100…400² (inside the district) and
    /// hole H2 = 600…900 × 20…200 (crosses y = 50); P1 = 200…300² inside H1
    /// with hole 240…260²; P2 = 1200…1300 × 400…500 (inside the district, in
    /// no hole); P3 far away.
    private func fixture() -> (district: PlanarMultiPolygon, served: PlanarMultiPolygon) {
        let district = PlanarMultiPolygon(polygons: [PlanarPolygon(exterior: box(50, 50, 1500, 950))])
        let served = PlanarMultiPolygon(polygons: [
            PlanarPolygon(
                exterior: box(0, 0, 1000, 1000), holes: [box(100, 100, 400, 400, ccw: false), box(600, 20, 900, 200, ccw: false)]),
            PlanarPolygon(exterior: box(200, 200, 300, 300), holes: [box(240, 240, 260, 260, ccw: false)]),
            PlanarPolygon(exterior: box(1200, 400, 1300, 500)),
            PlanarPolygon(exterior: box(5000, 5000, 5100, 5100)),
        ])
        return (district, served)
    }

    @Test func holesInsideTheDistrictNeedNoOverlay() {
        let (district, served) = fixture()
        let split = AuditGapSplit(serviceArea: served, district: district)
        // P0 keeps only the crossing hole H2; P1 lies in H1 and leaves; P2 stays; P3 misses the box.
        #expect(
            split.overlayPart.polygons == [
                PlanarPolygon(exterior: box(0, 0, 1000, 1000), holes: [box(600, 20, 900, 200, ccw: false)]),
                PlanarPolygon(exterior: box(1200, 400, 1300, 500)),
            ])
        // H1 turned outward with P1's exterior as its hole, then P1's own hole.
        #expect(
            split.simplePieces == [
                PlanarPolygon(
                    exterior: PlanarRing.oriented(
                        AuditGapSplit.fromSecondVertex(box(100, 100, 400, 400, ccw: false)), counterClockwise: true),
                    holes: [
                        PlanarRing.oriented(AuditGapSplit.fromSecondVertex(box(200, 200, 300, 300)), counterClockwise: false)
                    ]),
                PlanarPolygon(
                    exterior: PlanarRing.oriented(
                        AuditGapSplit.fromSecondVertex(box(240, 240, 260, 260, ccw: false)), counterClockwise: true)),
            ])
    }

    @Test func theSplitGapEqualsTheWholeOverlay() throws {
        let (district, served) = fixture()
        let context = try GEOSContext()
        let split = AuditGapSplit(serviceArea: served, district: district)
        let gap = split.assembled(
            overlayGap: try GEOSGeometry(multiPolygon: district, in: context)
                .difference(try GEOSGeometry(multiPolygon: split.overlayPart, in: context)).toMultiPolygon())
        let result = try GEOSGeometry(multiPolygon: gap, in: context)
        #expect(try result.validity() == .valid)
        // 1450 × 900 minus the served part inside: P0 ∩ district 950 × 900 less
        // H1 (300²) and H2's 300 × 150 inside, P1 100² − 20², P2 100².
        #expect(abs(gap.area - (1_305_000 - (855_000 - 90_000 - 45_000 + 9_600 + 10_000))) < 1e-6)
        let reference = try GEOSGeometry(multiPolygon: district, in: context)
            .difference(try GEOSGeometry(multiPolygon: served, in: context))
        // Vertex for vertex what the whole overlay gives, in the same order.
        #expect(gap == (try reference.toMultiPolygon()))
        #expect(try result.difference(reference).area < 1e-6)
        #expect(try reference.difference(result).area < 1e-6)
    }

    @Test func aDistrictWithAHoleKeepsServiceHolesInItsHoleForTheOverlay() {
        // District 0…1000² with a hole 400…600²; a service hole inside the
        // district's hole, one crossing its edge and one clear of it.
        let district = PlanarMultiPolygon(polygons: [
            PlanarPolygon(exterior: box(0, 0, 1000, 1000), holes: [box(400, 400, 600, 600, ccw: false)])
        ])
        let served = PlanarMultiPolygon(polygons: [
            PlanarPolygon(
                exterior: box(-10, -10, 1010, 1010),
                holes: [
                    box(450, 450, 550, 550, ccw: false), box(350, 450, 450, 550, ccw: false), box(100, 100, 200, 200, ccw: false),
                ])
        ])
        let split = AuditGapSplit(serviceArea: served, district: district)
        #expect(split.simplePieces.map(\.area) == [10_000])
        #expect(split.simplePieces.map(\.holes.count) == [0])
        #expect(split.overlayPart.polygons.map(\.holes.count) == [2])
    }

    @Test func rasterGapsEqualTheDistrictMinusTheWholeServiceArea() throws {
        let (graph, stations, _) = try AuditCity.placed()
        let districts = try AuditCity.districts()
        let gaps = try AuditGaps(
            graph: graph, stations: stations, limitMinutes: 15, areas: districts, raster: try RasterServiceArea())
        let context = try GEOSContext()
        let served = try GEOSGeometry(multiPolygon: gaps.serviceArea, in: context)
        for (index, district) in districts.enumerated() {
            let gap = try GEOSGeometry(multiPolygon: gaps.gaps[index], in: context)
            #expect(try gap.validity() == .valid)
            let reference = try GEOSGeometry(multiPolygon: district.polygon, in: context).difference(served)
            #expect(try gap.difference(reference).area < 1e-3, "\(district.name)")
            #expect(try reference.difference(gap).area < 1e-3, "\(district.name)")
        }
    }

    /// The gap as the audit drew it before the split: the service area
    /// clipped to the district's box grown by one 10 m cell, then one overlay.
    private static func overlayGap(
        _ district: PlanarMultiPolygon, _ served: GEOSGeometry, in context: GEOSContext
    ) throws -> GEOSGeometry {
        let area = try GEOSGeometry(multiPolygon: district, in: context)
        let box = try #require(try area.bounds())
        do {
            return try area.difference(
                try served.clipped(minX: box.minX - 10, minY: box.minY - 10, maxX: box.maxX + 10, maxY: box.maxY + 10))
        } catch {
            return try area.difference(served)
        }
    }

    @Test func rasterGapsOfRealDistrictsEqualTheWholeOverlay() throws {
        let city = try AuditRealDataTests.city()
        let gaps = try AuditGaps(
            graph: city.graph, stations: city.stations, limitMinutes: 15, areas: city.districts,
            raster: try RasterServiceArea())
        let context = try GEOSContext()
        let served = try GEOSGeometry(multiPolygon: gaps.serviceArea, in: context)
        #expect(gaps.serviceArea.polygons.contains { !$0.holes.isEmpty }, "the fixture should have service holes")
        var reference: [GEOSGeometry] = []
        for (index, district) in city.districts.enumerated() {
            let gap = try GEOSGeometry(multiPolygon: gaps.gaps[index], in: context)
            #expect(try gap.validity() == .valid, "\(district.name)")
            let whole = try Self.overlayGap(district.polygon, served, in: context)
            #expect(try gap.difference(whole).area < 1e-2, "\(district.name)")
            #expect(try whole.difference(gap).area < 1e-2, "\(district.name)")
            // The same polygons, vertex for vertex, as the whole overlay gave
            // them (the order can differ where ClipByRect rebuilt a polygon).
            let overlaid = try whole.toMultiPolygon().polygons
            #expect(gaps.gaps[index].polygons.count == overlaid.count, "\(district.name)")
            #expect(Set(gaps.gaps[index].polygons) == Set(overlaid), "\(district.name): not as the whole overlay")
            let wholeArea = try whole.area
            #expect(abs(gaps.gapSquareKilometres[index] - wholeArea / 1e6) < 1e-9, "\(district.name)")
            reference.append(whole)
        }
        let total = try GEOSGeometry.union(of: reference, in: context).area / 1e6
        #expect(abs(gaps.totalSquareKilometres - total) < 1e-9)
    }

    @Test func parallelGapsEqualSerialGaps() throws {
        let city = try AuditRealDataTests.city()
        let raster = try RasterServiceArea()
        let serial = try AuditGaps(
            graph: city.graph, stations: city.stations, limitMinutes: 15, areas: city.districts, raster: raster, workers: 1)
        let parallel = try AuditGaps(
            graph: city.graph, stations: city.stations, limitMinutes: 15, areas: city.districts, raster: raster, workers: 2)
        #expect(serial.gaps == parallel.gaps)
        #expect(serial.gapSquareKilometres == parallel.gapSquareKilometres)
        #expect(serial.totalSquareKilometres == parallel.totalSquareKilometres)
        #expect(serial.gaps.contains { !$0.isEmpty })
    }
}
