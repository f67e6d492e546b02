import Foundation
import TestSupport
import Testing

@testable import GeoCore

// The String-based writer as it was before the byte-buffer writer (kept
// verbatim as the reference the new bytes must equal).

private struct LegacyJSONTextBuilder {
    private(set) var text = ""

    /// Appends raw, already valid JSON text.
    mutating func raw(_ s: String) { text += s }

    /// Appends `s` as a JSON string literal. Non-ASCII characters stay UTF-8;
    /// quotes, backslashes and control characters are escaped.
    mutating func string(_ s: String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// Appends a number: whole numbers without a decimal point, others in the
    /// shortest form that reads back to the same double; non-finite as `null`.
    mutating func number(_ value: Double) {
        if let integer = value.exactInteger {
            text += String(integer)
        } else if value.isFinite {
            text += value.description
        } else {
            text += "null"
        }
    }

    /// Appends a degree value with exactly 7 decimals (same digits as `formatDegrees`).
    mutating func degrees(_ value: Double) {
        text += fixedSevenDecimals(value)
    }

    /// Appends a position `[lon,lat]`.
    mutating func position(_ c: Coordinate) {
        text += "["
        degrees(c.lon)
        text += ","
        degrees(c.lat)
        text += "]"
    }

    /// Appends any JSON value with sorted object keys.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let elements):
            text += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { text += "," }
                value(element)
            }
            text += "]"
        case .object(let members):
            object(members.map { member in (member.key, { (b: inout LegacyJSONTextBuilder) in b.value(member.value) }) })
        }
    }

    /// Appends an object whose members are written by closures, in sorted key order.
    mutating func object(_ members: [(key: String, write: (inout LegacyJSONTextBuilder) -> Void)]) {
        text += "{"
        for (i, member) in members.sorted(by: { jsonKeyPrecedes($0.key, $1.key) }).enumerated() {
            if i > 0 { text += "," }
            string(member.key)
            text += ":"
            member.write(&self)
        }
        text += "}"
    }
}

private enum LegacyGeoJSONWriter {
    /// The GeoJSON text of `fc`, ending with a newline.
    /// - Complexity: O(n) for n coordinates plus the sorting of keys.
    static func encode(_ fc: FeatureCollection) -> Data {
        var builder = LegacyJSONTextBuilder()
        var members = writers(for: fc.foreignMembers)
        members["type"] = { $0.string("FeatureCollection") }
        if let bbox = fc.bbox { members["bbox"] = { write(bbox, to: &$0) } }
        members["features"] = { b in
            guard !fc.features.isEmpty else { return b.raw("[]") }
            b.raw("[\n")
            for (i, feature) in fc.features.enumerated() {
                if i > 0 { b.raw(",\n") }
                write(feature, to: &b)
            }
            b.raw("\n]")
        }
        builder.object(members.map { ($0.key, $0.value) })
        builder.raw("\n")
        return Data(builder.text.utf8)
    }

    fileprivate typealias MemberWriter = (inout LegacyJSONTextBuilder) -> Void

    fileprivate static func writers(for foreignMembers: [String: JSONValue]) -> [String: MemberWriter] {
        foreignMembers.mapValues { value in { $0.value(value) } }
    }

    fileprivate static func write(_ feature: Feature, to b: inout LegacyJSONTextBuilder) {
        var members = writers(for: feature.foreignMembers)
        members["type"] = { $0.string("Feature") }
        members["geometry"] = { b in
            if let geometry = feature.geometry { write(geometry.withRFC7946Winding(), to: &b) } else { b.raw("null") }
        }
        members["properties"] = { b in
            if let properties = feature.properties { b.value(.object(properties)) } else { b.raw("null") }
        }
        if let id = feature.id { members["id"] = { $0.value(id.jsonValue) } }
        if let bbox = feature.bbox { members["bbox"] = { write(bbox, to: &$0) } }
        b.object(members.map { ($0.key, $0.value) })
    }

    fileprivate static func write(_ geometry: Geometry, to b: inout LegacyJSONTextBuilder) {
        if case .geometryCollection(let members) = geometry {
            b.object([
                (
                    "geometries",
                    { b in
                        b.raw("[")
                        for (i, member) in members.enumerated() {
                            if i > 0 { b.raw(",") }
                            write(member, to: &b)
                        }
                        b.raw("]")
                    }
                ),
                ("type", { $0.string(geometry.typeName) }),
            ])
            return
        }
        b.object([
            ("coordinates", { b in writeCoordinates(of: geometry, to: &b) }),
            ("type", { $0.string(geometry.typeName) }),
        ])
    }

    fileprivate static func writeCoordinates(of geometry: Geometry, to b: inout LegacyJSONTextBuilder) {
        func positions(_ cs: [Coordinate], _ b: inout LegacyJSONTextBuilder) {
            b.raw("[")
            for (i, c) in cs.enumerated() {
                if i > 0 { b.raw(",") }
                b.position(c)
            }
            b.raw("]")
        }
        func nested<T>(_ items: [T], _ b: inout LegacyJSONTextBuilder, _ inner: (T, inout LegacyJSONTextBuilder) -> Void) {
            b.raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { b.raw(",") }
                inner(item, &b)
            }
            b.raw("]")
        }
        switch geometry {
        case .point(let c): b.position(c)
        case .multiPoint(let cs), .lineString(let cs): positions(cs, &b)
        case .multiLineString(let lines), .polygon(let lines): nested(lines, &b, positions)
        case .multiPolygon(let polygons): nested(polygons, &b) { nested($0, &$1, positions) }
        case .geometryCollection: preconditionFailure("collections are written by write(_:to:)")
        }
    }

    fileprivate static func write(_ bbox: BoundingBox, to b: inout LegacyJSONTextBuilder) {
        b.raw("[")
        for (i, value) in bbox.array.enumerated() {
            if i > 0 { b.raw(",") }
            b.degrees(value)
        }
        b.raw("]")
    }
}

private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }

@Suite struct GeoJSONWriterBytesTests {
    /// A multipolygon with holes, one polygon wound the wrong way, and every other geometry type.
    private var geometries: [Geometry] {
        let outer = [c(104, 30), c(104.1, 30), c(104.1, 30.1), c(104, 30.1), c(104, 30)]
        let hole1 = [c(104.02, 30.02), c(104.02, 30.05), c(104.05, 30.05), c(104.05, 30.02), c(104.02, 30.02)]
        let hole2 = [c(104.06, 30.06), c(104.06, 30.08), c(104.08, 30.08), c(104.06, 30.06)]
        let wrong = [c(-73.98570001, -40.74840005), c(-73.9, -40.7484), c(-73.9, -40.7), c(-73.98570001, -40.74840005)]
        return [
            .multiPolygon([[outer, hole1, hole2], [wrong, wrong.reversed()], [[c(0, 0), c(1e-8, 0), c(0, -1e-8), c(0, 0)]]]),
            .polygon([outer.reversed(), hole1.reversed()]),
            .point(c(179.99999995, -89.99999996)),
            .multiPoint([c(104.06, 30.66), c(-0.00000004, 1e9)]),
            .lineString([c(104.06, 30.66), c(104.07, 30.67)]),
            .multiLineString([[c(1, 2), c(3, 4)], []]),
            .geometryCollection([.point(c(1, 2)), .geometryCollection([.polygon([outer])])]),
        ]
    }

    private var properties: [String: JSONValue] {
        [
            "int": .number(3), "half": .number(2.5), "big": .number(1e21), "neg": .number(-12), "tiny": .number(1e-7),
            "huge": .number(9_007_199_254_740_993), "nan": .number(.nan), "inf": .number(-.infinity), "zero": .number(-0.0),
            "text": .string("a\"b\\c\nd\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}暖新🚲"), "": .null, "中": .bool(true), "b": .bool(false),
            "list": .array([.number(1), .string("x"), .object(["z": .number(1), "y": .array([])]), .null]),
            "empty": .object([:]),
        ]
    }

    @Test func bytesEqualTheStringWriterOnHandMadeFeatures() {
        var features = geometries.enumerated().map { i, g in
            Feature(id: i % 2 == 0 ? .number(Double(i)) : .string("f\(i)"), geometry: g, properties: properties)
        }
        features.append(Feature(geometry: nil, properties: nil))
        features.append(
            Feature(
                geometry: .point(c(1, 1)), properties: [:], bbox: BoundingBox(minLon: 1, minLat: 1, maxLon: 1, maxLat: 1),
                foreignMembers: ["style": .object(["color": .string("#f00")])]))
        let fc = FeatureCollection(
            features: features, bbox: BoundingBox(minLon: -180, minLat: -90, maxLon: 180, maxLat: 90),
            foreignMembers: ["name": .string("gaps"), "crs": .object(["type": .string("name")])])
        #expect(GeoJSONWriter.encode(fc) == LegacyGeoJSONWriter.encode(fc))
        #expect(GeoJSONWriter.encode(FeatureCollection(features: [])) == LegacyGeoJSONWriter.encode(FeatureCollection(features: [])))
    }

    @Test func degreesEqualTheStringWriterOnRandomValues() {
        var rng = SplitMix64(state: 7)
        var values: [Double] = [0, -0.0, 5e-8, -5e-8, 4.9999999e-8, 180, -180, 1e11, -1e11, 1e12, 2e18, .nan, .infinity]
        for _ in 0..<5000 { values.append(Double.random(in: -180...180, using: &rng)) }
        for _ in 0..<500 { values.append(Double.random(in: -1e7...1e7, using: &rng)) }
        let fc = FeatureCollection(features: [
            Feature(
                geometry: .lineString(
                    stride(from: 0, to: values.count - 1, by: 2).map {
                        c(values[$0], values[$0 + 1])
                    }))
        ])
        #expect(GeoJSONWriter.encode(fc) == LegacyGeoJSONWriter.encode(fc))
    }

    @Test(arguments: [GeoJSONWriter.parallelFeatureCount, GeoJSONWriter.parallelFeatureCount + 1, 10_007])
    func manyFeaturesEncodedInChunksEqualTheStringWriter(count: Int) {
        var rng = SplitMix64(state: UInt64(count))
        let features = (0..<count).map { i in
            Feature(
                id: .number(Double(i)),
                geometry: i % 1000 == 7
                    ? geometries[0] : .point(c(Double.random(in: -180...180, using: &rng), Double.random(in: -90...90, using: &rng))),
                properties: ["i": .number(Double(i)), "w": .number(Double.random(in: 0...10, using: &rng)), "n": .string("点\(i)")])
        }
        let fc = FeatureCollection(features: features)
        #expect(GeoJSONWriter.encode(fc) == LegacyGeoJSONWriter.encode(fc))
    }
}
