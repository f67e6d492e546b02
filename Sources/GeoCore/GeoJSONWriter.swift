import Foundation

/// Writes RFC 7946 GeoJSON text that is byte-identical for the same input:
/// keys sorted by UTF-8 bytes, coordinates and bboxes with exactly 7 decimals,
/// exterior rings counter-clockwise and holes clockwise, one feature per line.
public enum GeoJSONWriter {
    /// The GeoJSON text of `fc`, ending with a newline.
    /// - Complexity: O(n) for n coordinates plus the sorting of keys.
    public static func encode(_ fc: FeatureCollection) -> Data {
        var builder = JSONTextBuilder()
        var members = writers(for: fc.foreignMembers)
        members["type"] = { $0.string("FeatureCollection") }
        if let bbox = fc.bbox { members["bbox"] = { write(bbox, to: &$0) } }
        members["features"] = { b in
            guard !fc.features.isEmpty else { return b.raw("[]") }
            b.raw("[\n")
            for (i, chunk) in encodedFeatures(fc.features).enumerated() {
                if i > 0 { b.raw(",\n") }
                b.append(bytes: chunk)
            }
            b.raw("\n]")
        }
        builder.object(members.map { ($0.key, $0.value) })
        builder.raw("\n")
        return Data(builder.bytes)
    }

    /// Encodes `fc` and writes it to `url` atomically (temporary file + rename).
    /// - Throws: `AtomicFileError` when the file cannot be written.
    public static func write(_ fc: FeatureCollection, to url: URL) throws {
        try AtomicFile.write(encode(fc), to: url)
    }

    /// Collections with more features than this are encoded in chunks on
    /// all cores (`encodedFeatures`).
    static let parallelFeatureCount = 4096

    /// The text of `features` in consecutive chunks (features joined by
    /// `,\n` inside each chunk), encoded side by side when there are many
    /// (`DispatchQueue.concurrentPerform`); joining the chunks with `,\n`
    /// gives the same bytes as one pass.
    private static func encodedFeatures(_ features: [Feature]) -> [[UInt8]] {
        let chunkCount = features.count > parallelFeatureCount ? 32 : 1
        let chunkSize = (features.count + chunkCount - 1) / chunkCount
        let chunks = ChunkSlots(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var b = JSONTextBuilder()
            let range = min(features.count, chunk * chunkSize)..<min(features.count, (chunk + 1) * chunkSize)
            for i in range {
                if i > range.lowerBound { b.raw(",\n") }
                write(features[i], to: &b)
            }
            chunks.set(chunk, b.bytes)
        }
        return chunks.values.filter { !$0.isEmpty }
    }

    private typealias MemberWriter = (inout JSONTextBuilder) -> Void

    private static func writers(for foreignMembers: [String: JSONValue]) -> [String: MemberWriter] {
        foreignMembers.mapValues { value in { $0.value(value) } }
    }

    private static func write(_ feature: Feature, to b: inout JSONTextBuilder) {
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

    private static func write(_ geometry: Geometry, to b: inout JSONTextBuilder) {
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

    private static func writeCoordinates(of geometry: Geometry, to b: inout JSONTextBuilder) {
        func positions(_ cs: [Coordinate], _ b: inout JSONTextBuilder) {
            b.raw("[")
            for (i, c) in cs.enumerated() {
                if i > 0 { b.raw(",") }
                b.position(c)
            }
            b.raw("]")
        }
        func nested<T>(_ items: [T], _ b: inout JSONTextBuilder, _ inner: (T, inout JSONTextBuilder) -> Void) {
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

    private static func write(_ bbox: BoundingBox, to b: inout JSONTextBuilder) {
        b.raw("[")
        for (i, value) in bbox.array.enumerated() {
            if i > 0 { b.raw(",") }
            b.degrees(value)
        }
        b.raw("]")
    }
}

/// One byte buffer per chunk, each set by exactly one thread: the slots
/// live in one manually allocated buffer so that no array is mutated from
/// two threads.
private final class ChunkSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt8]>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<[UInt8]>.allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Stores `value` in slot `index` (one thread per slot).
    func set(_ index: Int, _ value: [UInt8]) { slots[index] = value }

    /// All slots in order (after every thread is done).
    var values: [[UInt8]] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}
