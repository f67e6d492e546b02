import GeoCore
import Testing

/// `WrittenPrecision.validPolygons`: polygons that rounding to 7 decimals would fold.
@Suite struct WrittenPrecisionTests {
    private func square(notchAt y: Double) -> Geometry {
        // A 1° square whose top edge dips in a V to (0.5, y): valid for any y > 0.
        .polygon([
            [
                Coordinate(lon: 0, lat: 0), Coordinate(lon: 1, lat: 0), Coordinate(lon: 1, lat: 1),
                Coordinate(lon: 0.5, lat: y), Coordinate(lon: 0, lat: 1), Coordinate(lon: 0, lat: 0),
            ]
        ])
    }

    private func isValid(_ geometry: Geometry?) throws -> Bool {
        let context = try GEOSContext()
        guard case .multiPolygon(let polygons)? = geometry else { return false }
        let planar = PlanarMultiPolygon(
            polygons: polygons.map { rings in
                let points = rings.map { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } }
                return PlanarPolygon(exterior: points[0], holes: Array(points.dropFirst()))
            })
        return try GEOSGeometry(multiPolygon: planar, in: context).validity().isValid
    }

    /// The V's tip 4·10⁻⁸° above the bottom edge is valid, but rounds onto it (a ring
    /// touching itself): the feature becomes the snap-rounded MultiPolygon, valid, every
    /// vertex on the 10⁻⁷ grid, with the square's area less the V (0.5 − 0.5·(1 − y)… ≈ 0.5).
    @Test func aPolygonThatRoundingWouldFoldIsSnapRounded() throws {
        let collection = FeatureCollection(features: [Feature(geometry: square(notchAt: 4e-8), properties: ["id": .string("a")])])
        let result = try WrittenPrecision.validPolygons(collection)
        let geometry = result.features[0].geometry
        #expect(try isValid(geometry))
        guard case .multiPolygon(let polygons)? = geometry else {
            Issue.record("expected a MultiPolygon")
            return
        }
        for coordinate in polygons.flatMap({ $0.flatMap { $0 } }) {
            #expect(abs(coordinate.lon * 1e7 - (coordinate.lon * 1e7).rounded()) < 1e-6)
            #expect(abs(coordinate.lat * 1e7 - (coordinate.lat * 1e7).rounded()) < 1e-6)
        }
        // Square 1 minus the V (base 1, height 1 − 0): area 0.5.
        let area = polygons.map { rings in PlanarPolygon(exterior: rings[0].map { PlanarPoint(x: $0.lon, y: $0.lat) }).area }
            .reduce(0, +)
        #expect(abs(area - 0.5) < 1e-6)
        #expect(result.features[0].properties == ["id": .string("a")])
    }

    /// A polygon that stays valid when rounded is left exactly as it was.
    @Test func aPolygonThatStaysValidIsUnchanged() throws {
        let collection = FeatureCollection(features: [Feature(geometry: square(notchAt: 0.25), properties: nil)])
        #expect(try WrittenPrecision.validPolygons(collection) == collection)
    }
}
