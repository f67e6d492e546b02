import Foundation
import TestSupport
import Testing

@testable import GeoCore

private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }

/// A counter-clockwise square with a clockwise hole (RFC 7946 winding already).
private let squareWithHole: [[Coordinate]] = [
    [c(104, 30), c(104.1, 30), c(104.1, 30.1), c(104, 30.1), c(104, 30)],
    [c(104.02, 30.02), c(104.02, 30.05), c(104.05, 30.05), c(104.05, 30.02), c(104.02, 30.02)],
]

private let everyGeometryType: [Geometry] = [
    .point(c(104.0657, 30.6595)),
    .multiPoint([c(104.06, 30.66), c(-73.9857, 40.7484)]),
    .lineString([c(104.06, 30.66), c(104.07, 30.67), c(104.08, 30.655)]),
    .multiLineString([[c(104.06, 30.66), c(104.07, 30.67)], [c(104.1, 30.7), c(104.2, 30.8)]]),
    .polygon(squareWithHole),
    .multiPolygon([squareWithHole, [[c(105, 31), c(105.5, 31), c(105.5, 31.5), c(105, 31)]]]),
    .geometryCollection([.point(c(1, 2)), .lineString([c(0, 0), c(1, 1)]), .geometryCollection([.polygon(squareWithHole)])]),
]

@Suite struct GeoJSONWriterTests {
    @Test(arguments: everyGeometryType)
    func writerRoundTripsEveryGeometryType(_ geometry: Geometry) throws {
        let fc = FeatureCollection(features: [Feature(id: .number(3), geometry: geometry, properties: ["k": .string("v")])])
        let back = try GeoJSONReader.read(data: GeoJSONWriter.encode(fc), fileName: nil)
        #expect(back == fc)
    }

    @Test(arguments: everyGeometryType)
    func codableRoundTripsEveryGeometryType(_ geometry: Geometry) throws {
        let data = try JSONEncoder().encode(geometry)
        #expect(try JSONDecoder().decode(Geometry.self, from: data) == geometry)
    }

    @Test func idsAndForeignMembersSurviveDecodeAndEncode() throws {
        let text = """
            {"type":"FeatureCollection","name":"stations","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "bbox":[104.0,30.0,104.2,30.2],
            "features":[
            {"type":"Feature","id":7,"properties":{"name":"春熙路","weight":2.5},"style":{"color":"#f00"},"geometry":{"type":"Point","coordinates":[104.08,30.65]}},
            {"type":"Feature","id":"s-2","bbox":[104.1,30.1,104.1,30.1],"properties":null,"geometry":{"type":"Point","coordinates":[104.1,30.1]}}
            ]}
            """
        let fc = try GeoJSONReader.read(data: Data(text.utf8), fileName: nil)
        #expect(fc.foreignMembers["name"] == .string("stations"))
        #expect(fc.foreignMembers["crs"]?.objectValue?["type"] == .string("name"))
        #expect(fc.bbox == BoundingBox(minLon: 104, minLat: 30, maxLon: 104.2, maxLat: 30.2))
        #expect(fc.features[0].id == .number(7))
        #expect(fc.features[0].foreignMembers == ["style": .object(["color": .string("#f00")])])
        #expect(fc.features[1].id == .string("s-2"))
        #expect(fc.features[1].properties == nil)

        let written = GeoJSONWriter.encode(fc)
        let writtenText = String(decoding: written, as: UTF8.self)
        #expect(writtenText.contains(#""id":7,"#))
        #expect(writtenText.contains(#""id":"s-2","#))
        #expect(writtenText.contains(##""style":{"color":"#f00"}"##))
        #expect(try GeoJSONReader.read(data: written, fileName: nil) == fc)

        let viaCodable = try JSONDecoder().decode(FeatureCollection.self, from: JSONEncoder().encode(fc))
        #expect(viaCodable == fc)
    }

    @Test func outputIsByteIdenticalWhateverTheInputKeyOrder() throws {
        let a =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"b":1,"a":[true,null,"x"],"中":{"z":1,"y":2}},"geometry":{"type":"Point","coordinates":[104.1,30.2]}}]}"#
        let b =
            #"{"features":[{"geometry":{"coordinates":[104.1,30.2],"type":"Point"},"properties":{"中":{"y":2,"z":1},"a":[true,null,"x"],"b":1},"type":"Feature"}],"type":"FeatureCollection"}"#
        let fa = try GeoJSONReader.read(data: Data(a.utf8), fileName: nil)
        let fb = try GeoJSONReader.read(data: Data(b.utf8), fileName: nil)
        let first = GeoJSONWriter.encode(fa)
        #expect(first == GeoJSONWriter.encode(fa))
        #expect(first == GeoJSONWriter.encode(fb))
        #expect(
            String(decoding: first, as: UTF8.self) == """
                {"features":[
                {"geometry":{"coordinates":[104.1000000,30.2000000],"type":"Point"},"properties":{"a":[true,null,"x"],"b":1,"中":{"y":2,"z":1}},"type":"Feature"}
                ],"type":"FeatureCollection"}

                """)
    }

    @Test func coordinatesHaveExactlySevenDecimals() {
        let fc = FeatureCollection(features: [Feature(geometry: .lineString([c(104.123456789, -0.00000001), c(-180, 89.99999996)]))])
        let text = String(decoding: GeoJSONWriter.encode(fc), as: UTF8.self)
        #expect(text.contains("[[104.1234568,0.0000000],[-180.0000000,90.0000000]]"))
    }

    @Test func fixedSevenDecimalsAgreesWithFormatDegrees() {
        var rng = SplitMix64(state: 42)
        var values: [Double] = [0, -0.0, 0.00000005, -0.00000005, 179.99999995, -179.99999995, 1e12, -3.5e15]
        for _ in 0..<2000 { values.append(Double.random(in: -180...180, using: &rng)) }
        for v in values {
            #expect(fixedSevenDecimals(v) == formatDegrees(v), "\(v)")
        }
    }

    @Test func propertyNumbersAndStringsAreWrittenPlainly() {
        let fc = FeatureCollection(features: [
            Feature(
                geometry: nil,
                properties: [
                    "int": .number(3), "half": .number(2.5), "big": .number(1e21), "neg": .number(-12),
                    "text": .string("a\"b\\c\nd\u{01}暖新"),
                ])
        ])
        let text = String(decoding: GeoJSONWriter.encode(fc), as: UTF8.self)
        #expect(text.contains(#""big":1e+21,"half":2.5,"int":3,"neg":-12,"text":"a\"b\\c\nd\u0001暖新""#))
    }

    @Test func windingIsFixedOnOutput() throws {
        let clockwiseExterior = squareWithHole[0].reversed() as [Coordinate]
        let counterClockwiseHole = squareWithHole[1].reversed() as [Coordinate]
        let wrong = Geometry.multiPolygon([[clockwiseExterior, counterClockwiseHole]])
        let fc = FeatureCollection(features: [Feature(geometry: wrong)])
        let back = try GeoJSONReader.read(data: GeoJSONWriter.encode(fc), fileName: nil)
        #expect(back.features[0].geometry == .multiPolygon([squareWithHole]))
        #expect(RingWinding.isCounterClockwise(squareWithHole[0]))
        #expect(!RingWinding.isCounterClockwise(squareWithHole[1]))
        #expect(wrong.withRFC7946Winding() == .multiPolygon([squareWithHole]))
    }

    @Test func mapCoordinatesTouchesEveryPositionAndKeepsProperties() throws {
        let shift: (Coordinate) -> Coordinate = { Coordinate(lon: $0.lon + 1, lat: $0.lat - 1) }
        for geometry in everyGeometryType {
            var before: [Coordinate] = []
            geometry.forEachCoordinate { before.append($0) }
            var after: [Coordinate] = []
            geometry.mapCoordinates(shift).forEachCoordinate { after.append($0) }
            #expect(after == before.map(shift))
            #expect(geometry.mapCoordinates(shift).typeName == geometry.typeName)
        }
        let fc = FeatureCollection(
            features: [
                Feature(
                    id: .string("a"), geometry: .point(c(104, 30)), properties: ["n": .number(1)],
                    bbox: BoundingBox(minLon: 104, minLat: 30, maxLon: 104, maxLat: 30))
            ],
            bbox: BoundingBox(minLon: 104, minLat: 30, maxLon: 104, maxLat: 30), foreignMembers: ["name": .string("x")])
        let moved = fc.mapCoordinates(shift)
        #expect(moved.features[0].geometry == .point(c(105, 29)))
        #expect(moved.features[0].properties == ["n": .number(1)])
        #expect(moved.features[0].bbox == BoundingBox(minLon: 105, minLat: 29, maxLon: 105, maxLat: 29))
        #expect(moved.bbox == BoundingBox(minLon: 105, minLat: 29, maxLon: 105, maxLat: 29))
        #expect(moved.foreignMembers == fc.foreignMembers)
    }

    @Test func boundingBoxCoversNestedGeometries() {
        let collection = everyGeometryType[6]
        #expect(collection.boundingBox == BoundingBox(minLon: 0, minLat: 0, maxLon: 104.1, maxLat: 30.1))
        #expect(Geometry.multiPoint([]).boundingBox == nil)
    }

    @Test func jsonValueEncodesIntegersWithoutDecimalPoint() throws {
        let data = try JSONEncoder().encode(JSONValue.array([.number(3), .number(-0.5), .null, .bool(false)]))
        #expect(String(decoding: data, as: UTF8.self) == "[3,-0.5,null,false]")
        #expect(
            try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":[1,"x",true,null,{"b":2.25}]}"#.utf8))
                == .object(["a": .array([.number(1), .string("x"), .bool(true), .null, .object(["b": .number(2.25)])])]))
    }
}
