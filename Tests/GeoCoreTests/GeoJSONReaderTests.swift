import Foundation
import Testing

@testable import GeoCore

/// One malformed input and the error it must give.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    var kind: GeoJSONError.Kind
    var featureIndex: Int?
    var field: String
    var messageContains: String
    var testDescription: String { name }
}

/// Wraps a geometry JSON text as feature 1 of a two-feature collection.
private func secondFeature(geometry: String, properties: String = "{}") -> String {
    """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.06,30.66]}},
    {"type":"Feature","properties":\(properties),"geometry":\(geometry)}]}
    """
}

private let malformedCases: [MalformedCase] = [
    MalformedCase(
        name: "not JSON", json: #"{"type":"FeatureCollection","features":["#,
        kind: .notJSON, featureIndex: nil, field: "", messageContains: "not valid JSON"),
    MalformedCase(
        name: "NaN is not a finite number", json: secondFeature(geometry: #"{"type":"Point","coordinates":[NaN,30.6]}"#),
        kind: .outOfRange, featureIndex: 1, field: "line 3, column 77", messageContains: "coordinate NaN is not a finite number"),
    MalformedCase(
        name: "1e400 is not a finite number", json: secondFeature(geometry: #"{"type":"Point","coordinates":[104,1e400]}"#),
        kind: .outOfRange, featureIndex: 1, field: "line 3, column 81", messageContains: "coordinate 1e400 is not a finite number"),
    MalformedCase(
        name: "syntax error has line and column",
        json: "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\" \"geometry\":null}]}",
        kind: .notJSON, featureIndex: 0, field: "line 2, column 19", messageContains: "not valid JSON"),
    MalformedCase(
        name: "zero bytes", json: "",
        kind: .notJSON, featureIndex: nil, field: "", messageContains: "the file is empty (0 bytes)"),
    MalformedCase(
        name: "document is an array", json: "[1,2]",
        kind: .wrongType, featureIndex: nil, field: "", messageContains: "found array"),
    MalformedCase(
        name: "missing type", json: #"{"features":[]}"#,
        kind: .missingMember, featureIndex: nil, field: "type", messageContains: "missing \"type\""),
    MalformedCase(
        name: "unknown top-level type", json: #"{"type":"Topology","objects":{}}"#,
        kind: .unknownType, featureIndex: nil, field: "type", messageContains: "\"Topology\""),
    MalformedCase(
        name: "features not an array", json: #"{"type":"FeatureCollection","features":{"a":1}}"#,
        kind: .wrongType, featureIndex: nil, field: "features", messageContains: "must be an array, found object"),
    MalformedCase(
        name: "feature of wrong type", json: #"{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[1,2]}]}"#,
        kind: .wrongType, featureIndex: 0, field: "type", messageContains: "expected \"Feature\", found \"Point\""),
    MalformedCase(
        name: "missing coordinates", json: secondFeature(geometry: #"{"type":"Point"}"#),
        kind: .missingMember, featureIndex: 1, field: "geometry.coordinates", messageContains: "needs a \"coordinates\""),
    MalformedCase(
        name: "coordinate is a string", json: secondFeature(geometry: #"{"type":"Point","coordinates":["104.06",30.66]}"#),
        kind: .invalidPosition, featureIndex: 1, field: "geometry.coordinates[0]", messageContains: "found string \"104.06\""),
    MalformedCase(
        name: "position with one number", json: secondFeature(geometry: #"{"type":"LineString","coordinates":[[104.0,30.6],[104.1]]}"#),
        kind: .invalidPosition, featureIndex: 1, field: "geometry.coordinates[1]", messageContains: "found 1 value"),
    MalformedCase(
        name: "latitude out of range", json: secondFeature(geometry: #"{"type":"Point","coordinates":[104.06,200]}"#),
        kind: .outOfRange, featureIndex: 1, field: "geometry.coordinates", messageContains: "latitude 200.0 is outside -90…90"),
    MalformedCase(
        name: "longitude out of range", json: secondFeature(geometry: #"{"type":"Point","coordinates":[200,30.5]}"#),
        kind: .outOfRange, featureIndex: 1, field: "geometry.coordinates", messageContains: "longitude 200.0 is outside -180…180"),
    MalformedCase(
        name: "lat/lon swapped", json: secondFeature(geometry: #"{"type":"Point","coordinates":[30.66,104.06]}"#),
        kind: .swappedLatLon, featureIndex: 1, field: "geometry.coordinates", messageContains: "lat/lon look swapped"),
    MalformedCase(
        name: "unknown geometry type", json: secondFeature(geometry: #"{"type":"Circle","coordinates":[104,30],"radius":5}"#),
        kind: .unknownType, featureIndex: 1, field: "geometry.type", messageContains: "unknown geometry type \"Circle\""),
    MalformedCase(
        name: "ring not closed",
        json: secondFeature(geometry: #"{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104.1,30.1],[104,30.1]]]}"#),
        kind: .ringNotClosed, featureIndex: 1, field: "geometry.coordinates[0]", messageContains: "exterior ring is not closed"),
    MalformedCase(
        name: "ring with three positions",
        json: secondFeature(geometry: #"{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104,30]]]}"#),
        kind: .ringTooShort, featureIndex: 1, field: "geometry.coordinates[0]", messageContains: "has 3 positions"),
    MalformedCase(
        name: "hole of a multipolygon not closed",
        json: secondFeature(
            geometry: """
                {"type":"MultiPolygon","coordinates":[[[[104,30],[105,30],[105,31],[104,30]],\
                [[104.5,30.2],[104.6,30.2],[104.6,30.3],[104.5,30.25]]]]}
                """),
        kind: .ringNotClosed, featureIndex: 1, field: "geometry.coordinates[0][1]", messageContains: "hole 1 is not closed"),
    MalformedCase(
        name: "LineString with one position", json: secondFeature(geometry: #"{"type":"LineString","coordinates":[[104,30]]}"#),
        kind: .lineTooShort, featureIndex: 1, field: "geometry.coordinates", messageContains: "at least 2 positions"),
    MalformedCase(
        name: "error inside a GeometryCollection",
        json: secondFeature(
            geometry: """
                {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[104,30]},\
                {"type":"Point","coordinates":[104,95]}]}
                """),
        kind: .outOfRange, featureIndex: 1, field: "geometry.geometries[1].coordinates", messageContains: "latitude 95.0"),
    MalformedCase(
        name: "properties is an array", json: secondFeature(geometry: "null", properties: "[1]"),
        kind: .wrongType, featureIndex: 1, field: "properties", messageContains: "found array"),
    MalformedCase(
        name: "id is an object",
        json: #"{"type":"FeatureCollection","features":[{"type":"Feature","id":{"a":1},"properties":null,"geometry":null}]}"#,
        kind: .wrongType, featureIndex: 0, field: "id", messageContains: "string or a number"),
    MalformedCase(
        name: "bbox of three numbers", json: #"{"type":"FeatureCollection","bbox":[1,2,3],"features":[]}"#,
        kind: .invalidBBox, featureIndex: nil, field: "bbox", messageContains: "4 (or 6"),
    MalformedCase(
        name: "bare geometry out of range", json: #"{"type":"Point","coordinates":[104,-91]}"#,
        kind: .outOfRange, featureIndex: nil, field: "coordinates", messageContains: "latitude -91.0"),
]

@Suite struct GeoJSONReaderTests {
    @Test(arguments: malformedCases)
    func malformedInputIsRejectedWithItsLocation(_ c: MalformedCase) {
        do {
            _ = try GeoJSONReader.read(data: Data(c.json.utf8), fileName: "bad.geojson")
            Issue.record("\(c.name): accepted")
        } catch let error as GeoJSONError {
            #expect(error.kind == c.kind)
            #expect(error.file == "bad.geojson")
            #expect(error.featureIndex == c.featureIndex)
            #expect(error.field == c.field)
            #expect(error.message.contains(c.messageContains), "\(error)")
            #expect(error.description.hasPrefix("bad.geojson: "))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("\(c.name): unexpected error \(error)")
        }
    }

    @Test func errorMessageNamesFileFeatureAndField() throws {
        var features = (0..<12).map { i in
            #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.0\#(i),30.6]}}"#
        }
        features.append(#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.0,200.0]}}"#)
        let url = try temporaryFile(
            named: "stations.geojson",
            containing: #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#)
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(contentsOf: url) }
        do {
            _ = try GeoJSONReader.read(contentsOf: url)
        } catch let error as GeoJSONError {
            // The path as given, and features counted from 1: the thirteenth feature is feature 13.
            #expect(error.description == url.relativePath + ": feature 13: geometry.coordinates: latitude 200.0 is outside -90…90")
        }
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent-nuanxin/stations.geojson")
        do {
            _ = try GeoJSONReader.read(contentsOf: url)
            Issue.record("missing file accepted")
        } catch let error as GeoJSONError {
            #expect(error.kind == .unreadable)
            #expect(error.description == "/nonexistent-nuanxin/stations.geojson: cannot read the file (no such file)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func acceptsSingleFeatureAndBareGeometry() throws {
        let feature = try GeoJSONReader.read(
            data: Data(
                #"{"type":"Feature","id":"s1","properties":{"name":"驿站"},"geometry":{"type":"Point","coordinates":[104.06,30.66]}}"#.utf8),
            fileName: "one.geojson")
        #expect(feature.features.count == 1)
        #expect(feature.features[0].id == .string("s1"))
        #expect(feature.features[0].properties?["name"] == .string("驿站"))

        let bare = try GeoJSONReader.read(
            data: Data(#"{"type":"LineString","coordinates":[[104.06,30.66,512.0],[104.07,30.67]]}"#.utf8), fileName: nil)
        #expect(
            bare.features == [
                Feature(
                    geometry: .lineString([
                        Coordinate(lon: 104.06, lat: 30.66), Coordinate(lon: 104.07, lat: 30.67),
                    ]), properties: nil)
            ])
    }

    @Test func nullGeometryAndMissingPropertiesAreAccepted() throws {
        let fc = try GeoJSONReader.read(
            data: Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]}"#.utf8), fileName: nil)
        #expect(fc.features == [Feature(geometry: nil, properties: nil)])
    }

    @Test func readReportingIssuesListsEveryProblemWithoutThrowing() throws {
        let url = try temporaryFile(
            named: "districts.geojson",
            containing: """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[104,30],[104,30.1],[104.1,30.1],[104.1,30],[104,30]]]}},
                {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104.1,30.1],[104,30.1]]]}},
                {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[30.6,104.0]}}
                ]}
                """)
        let (collection, issues) = try GeoJSONReader.readReportingIssues(contentsOf: url)
        #expect(collection.features.count == 3)
        #expect(issues.map(\.kind) == [.ringWinding, .ringNotClosed, .swappedLatLon])
        #expect(issues.map(\.featureIndex) == [0, 1, 2])
        #expect(issues.map(\.severity) == [.warning, .error, .error])
        #expect(
            issues[0].description
                == "feature 1: geometry.coordinates[0]: exterior ring is clockwise; RFC 7946 wants counter-clockwise (nuanxin writes it reversed) (warning)"
        )
    }

    @Test func additionalChecksRunOnlyOnGeometriesWithoutErrors() throws {
        let flagEveryPolygon: GeoJSONValidator.GeometryCheck = { geometry in
            guard case .polygon = geometry else { return [] }
            return [GeoJSONIssue(field: "coordinates[0]", kind: .invalidGeometry, severity: .error, message: "self-intersection")]
        }
        let validator = GeoJSONValidator(additionalChecks: [flagEveryPolygon])
        let square: [Coordinate] = [(104, 30), (104.1, 30), (104.1, 30.1), (104, 30.1), (104, 30)].map { Coordinate(lon: $0.0, lat: $0.1) }
        let valid = validator.issues(in: Feature(geometry: .polygon([square])), index: 4)
        #expect(
            valid == [
                GeoJSONIssue(
                    featureIndex: 4, field: "geometry.coordinates[0]", kind: .invalidGeometry, severity: .error,
                    message: "self-intersection")
            ])
        let unclosed = validator.issues(in: Feature(geometry: .polygon([Array(square.dropLast())])), index: 4)
        #expect(unclosed.map(\.kind) == [.ringNotClosed])
    }

    @Test func readsTheChengduDistricts() throws {
        guard let folder = geodataFolder() else {
            Issue.record("geodata/districts.geojson not found beside the package")
            return
        }
        let fc = try GeoJSONReader.read(contentsOf: folder.appendingPathComponent("districts.geojson"))
        #expect(fc.features.count == 5)
        #expect(fc.features.allSatisfy { if case .polygon? = $0.geometry { true } else { false } })
        let names = fc.features.compactMap { $0.properties?["name"]?.stringValue }
        #expect(names.contains("锦江区"))
        let box = try #require(fc.boundingBox)
        #expect(box.minLon > 103.9 && box.maxLon < 104.3 && box.minLat > 30.5 && box.maxLat < 30.9)
        let again = try GeoJSONReader.read(data: GeoJSONWriter.encode(fc), fileName: nil)
        #expect(GeoJSONWriter.encode(again) == GeoJSONWriter.encode(fc))
    }
}
