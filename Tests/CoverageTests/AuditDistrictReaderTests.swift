import GeoCore
import Testing

@testable import Coverage

@Suite struct AuditDistrictReaderTests {
    /// A lon/lat rectangle in central Chengdu.
    private func box(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Geometry {
        .polygon([
            [
                Coordinate(lon: west, lat: south), Coordinate(lon: east, lat: south), Coordinate(lon: east, lat: north),
                Coordinate(lon: west, lat: north), Coordinate(lon: west, lat: south),
            ]
        ])
    }

    private func read(_ features: [Feature], field: String = "name") throws -> [District] {
        try DistrictReader.districts(
            from: FeatureCollection(features: features), file: "districts.geojson", nameField: field,
            projection: try Projection(from: "EPSG:4326", to: "EPSG:4544"))
    }

    private func expectError(
        _ kind: DistrictError.Kind, at index: Int?, _ features: [Feature], field: String = "name",
        containing text: String
    ) {
        do {
            _ = try read(features, field: field)
            Issue.record("expected \(kind)")
        } catch let error as DistrictError {
            #expect(error.kind == kind)
            #expect(error.featureIndex == index)
            #expect(error.description.hasPrefix("districts.geojson: "))
            #expect(error.description.contains(text), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func readsNamesGeometriesAndMetres() throws {
        let a = box(104.05, 30.66, 104.06, 30.67)
        let districts = try read([
            Feature(geometry: a, properties: ["name": .string("青羊区")]),
            Feature(
                geometry: .multiPolygon([
                    [
                        [
                            Coordinate(lon: 104.07, lat: 30.66), Coordinate(lon: 104.08, lat: 30.66),
                            Coordinate(lon: 104.07, lat: 30.67), Coordinate(lon: 104.07, lat: 30.66),
                        ]
                    ]
                ]), properties: ["name": .number(510106)]),
        ])
        #expect(districts.map(\.name) == ["青羊区", "510106"])
        #expect(districts[0].geometry == a)
        // 0.01° × 0.01° at 30.66° N: about 958 m × 1 108 m.
        #expect(abs(districts[0].polygon.area - 1.062e6) < 0.01e6, "\(districts[0].polygon.area)")
    }

    @Test func theNameFieldCanBeChosen() throws {
        let districts = try read(
            [Feature(geometry: box(104.05, 30.66, 104.06, 30.67), properties: ["name_en": .string("Qingyang")])],
            field: "name_en")
        #expect(districts.map(\.name) == ["Qingyang"])
    }

    @Test func badDistrictFilesAreRejectedWithTheFeature() {
        let good = Feature(geometry: box(104.05, 30.66, 104.06, 30.67), properties: ["name": .string("A")])
        expectError(.empty, at: nil, [], containing: "no features")
        expectError(
            .notPolygonal, at: 1,
            [good, Feature(geometry: .point(Coordinate(lon: 104.05, lat: 30.66)), properties: ["name": .string("B")])],
            containing: "geometry is Point")
        expectError(
            .missingName, at: 0,
            [Feature(geometry: box(104.05, 30.66, 104.06, 30.67), properties: ["NAME": .string("A"), "code": .number(1)])],
            containing: "(its properties are NAME, code); choose the property that holds the district names")
        expectError(
            .missingName, at: 1,
            [good, Feature(geometry: box(104.06, 30.66, 104.07, 30.67), properties: ["name": .string("  ")])],
            containing: "no name in property \"name\"")
        expectError(.duplicateName, at: 1, [good, good], containing: "already used by feature 1")
        let bowTie = Geometry.polygon([
            [
                Coordinate(lon: 104.05, lat: 30.66), Coordinate(lon: 104.06, lat: 30.67), Coordinate(lon: 104.06, lat: 30.66),
                Coordinate(lon: 104.05, lat: 30.67), Coordinate(lon: 104.05, lat: 30.66),
            ]
        ])
        expectError(
            .invalidPolygon, at: 0, [Feature(geometry: bowTie, properties: ["name": .string("X")])],
            containing: "\"X\" is not a valid polygon (GEOS: Self-intersection")
        // The crossing of the bow tie's diagonals, its centre, given in lon/lat rather than projected metres.
        expectError(
            .invalidPolygon, at: 0, [Feature(geometry: bowTie, properties: ["name": .string("X")])],
            containing: "Self-intersection at lon,lat 104.05500")
        expectError(
            .invalidPolygon, at: 0, [Feature(geometry: bowTie, properties: ["name": .string("X")])],
            containing: ",30.66500")
    }
}
