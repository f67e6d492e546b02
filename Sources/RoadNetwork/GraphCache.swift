import Foundation
import GeoCore

/// The binary cache of an imported network, so the second load of a city
/// takes milliseconds instead of an OSM import.
///
/// File: `<input file name>.<profile>.nxcache`, next to the input or in the
/// cache folder. Layout (native byte order, all arrays as a UInt64 count then
/// their raw bytes):
///
///     header:  magic "NXCACHE\0", format version, byte-order mark,
///              input size, input modification time, profile,
///              payload length, payload checksum,
///              (format 3:) snapping section length and checksum
///     payload: the RoadGraph arrays (format 2: with the grade-separated flags
///              and the dropped polylines), the component statistics, the POIs
///              (checked at load, decoded on first use of `LoadedNetwork.pois`)
///     snapping section (format 3): the snapping indexes (`SnappingIndexes`),
///              checked with the rest but decoded only when a command snaps
///              points (`RoadGraph.snappingIndexes`)
///
/// The file is mapped (`MappedFile`); the graph's arrays are copied out, the
/// snapping indexes are read in place from the mapping (`FlatArray`).
///
/// A cache is used only when every header field matches the input and the
/// payload's length and checksum match; anything else (stale, truncated,
/// flipped bytes, an older format) reads as "no cache" and is rebuilt.
enum GraphCache {
    /// Bump when the payload layout or the import rules change.
    static let formatVersion: UInt32 = 3
    private static let magic: UInt64 = Array("NXCACHE\0".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    private static let byteOrderMark: UInt32 = 0x0102_0304

    /// What identifies the input a cache was made from.
    struct Key: Equatable {
        /// Input size in bytes.
        var inputSize: UInt64
        /// Input modification time, seconds since 1970.
        var inputModified: Double
        /// The travel profile.
        var profile: TravelProfile

        /// The key of the file at `path` now.
        /// - Throws: `NetworkLoadError.fileNotFound` when it cannot be stat'ed.
        init(inputPath path: String, profile: TravelProfile) throws {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let size = attributes[.size] as? NSNumber,
                let modified = attributes[.modificationDate] as? Date
            else { throw NetworkLoadError.fileNotFound(path: path) }
            inputSize = size.uint64Value
            inputModified = modified.timeIntervalSince1970
            self.profile = profile
        }
    }

    /// `<input file name>.<profile>.nxcache`.
    static func fileName(forInput path: String, profile: TravelProfile) -> String {
        URL(fileURLWithPath: path).lastPathComponent + ".\(profile.rawValue).nxcache"
    }

    /// The network stored at `path` if it was made from the input `key`
    /// describes and is intact, else nil (missing, stale or damaged).
    /// - Complexity: O(file size).
    static func read(from path: String, key: Key) -> LoadedNetwork? {
        guard let file = MappedFile(path: path), let (decoded, snapping) = try? decode(file, key: key) else {
            return nil
        }
        // The section (checked) stays mapped with the graph and is decoded on first use.
        var network = decoded
        network.graph.snappingAttachment = SnappingAttachment(stored: snapping, of: file, graph: network.graph)
        return network
    }

    /// Writes `network` to `path` atomically, keyed by `key`.
    /// - Throws: `AtomicFileError` naming `path`.
    /// - Complexity: O(size of the network).
    static func write(_ network: LoadedNetwork, key: Key, to path: String) throws {
        var payload = GraphCacheEncoder()
        encodePayload(network, into: &payload)
        var snapping = GraphCacheEncoder()
        network.graph.snappingIndexes.encode(into: &snapping)
        var file = GraphCacheEncoder()
        file.append(magic)
        file.append(formatVersion)
        file.append(byteOrderMark)
        file.append(key.inputSize)
        file.append(key.inputModified)
        file.append(key.profile.rawValue)
        file.append(UInt64(payload.data.count))
        file.append(payload.data.withUnsafeBytes(graphCacheChecksum))
        file.append(UInt64(snapping.data.count))
        file.append(snapping.data.withUnsafeBytes(graphCacheChecksum))
        var bytes = file.data
        bytes.append(payload.data)
        bytes.append(snapping.data)
        try AtomicFile.write(bytes, to: URL(fileURLWithPath: path))
    }

    /// The network of the cache `bytes`, and the byte range of its snapping section (its checksum
    /// checked, its content not decoded yet).
    private static func decode(_ file: MappedFile, key: Key) throws -> (LoadedNetwork, Range<Int>) {
        let bytes = file.bytes
        var header = GraphCacheDecoder(bytes)
        guard try header.read(UInt64.self) == magic,
            try header.read(UInt32.self) == formatVersion,
            try header.read(UInt32.self) == byteOrderMark,
            try header.read(UInt64.self) == key.inputSize,
            try header.read(Double.self) == key.inputModified,
            try header.readString() == key.profile.rawValue
        else { throw GraphCacheCorrupt() }
        let payloadLength = try header.read(UInt64.self)
        let checksum = try header.read(UInt64.self)
        let snappingLength = try header.read(UInt64.self)
        let snappingChecksum = try header.read(UInt64.self)
        guard payloadLength <= UInt64(header.remaining), snappingLength == UInt64(header.remaining) - payloadLength else {
            throw GraphCacheCorrupt()
        }
        let payloadBytes = UnsafeRawBufferPointer(rebasing: header.rest[..<Int(payloadLength)])
        let snapping = (header.offset + Int(payloadLength))..<bytes.count
        guard graphCacheChecksum(payloadBytes) == checksum,
            graphCacheChecksum(UnsafeRawBufferPointer(rebasing: bytes[snapping])) == snappingChecksum
        else { throw GraphCacheCorrupt() }
        var payload = GraphCacheDecoder(payloadBytes)
        let network = try decodePayload(&payload, profile: key.profile, file: file, payloadOffset: header.offset)
        guard payload.remaining == 0 else { throw GraphCacheCorrupt() }
        return (network, snapping)
    }

    private static func encodePayload(_ network: LoadedNetwork, into out: inout GraphCacheEncoder) {
        let g = network.graph
        out.append(g.crs)
        out.append(g.cruiseSpeedKmh)
        out.append(array: g.nodeX)
        out.append(array: g.nodeY)
        out.append(array: g.nodeLon)
        out.append(array: g.nodeLat)
        out.append(array: g.nodeOSMID)
        out.append(array: g.firstOut)
        out.append(array: g.head)
        out.append(array: g.seconds)
        out.append(array: g.edgeSegment)
        out.append(array: g.edgeForward)
        out.append(array: g.edgeWalked)
        out.append(array: g.segmentFrom)
        out.append(array: g.segmentTo)
        out.append(array: g.segmentLength)
        out.append(array: g.segmentPointStart)
        out.append(array: g.segmentForwardEdge)
        out.append(array: g.segmentBackwardEdge)
        out.append(array: g.pointX)
        out.append(array: g.pointY)
        out.append(array: g.segmentGradeSeparated)
        out.append(array: g.droppedPointStart)
        out.append(array: g.droppedPointX)
        out.append(array: g.droppedPointY)

        let s = network.stats
        out.append(Int64(s.components))
        out.append(s.largestComponentShare)
        out.append(s.droppedRoadKm)
        out.append(s.importSeconds)
        out.append(array: s.clipBox?.array ?? [])

        out.append(UInt64(network.pois.count))
        for poi in network.pois {
            out.append(poi.id)
            out.append(poi.coordinate.lon)
            out.append(poi.coordinate.lat)
            out.append(poi.kind.rawValue)
            out.append(UInt64(poi.tags.count))
            for (key, value) in poi.tags.sorted(by: { $0.key < $1.key }) {
                out.append(key)
                out.append(value)
            }
        }
    }

    /// The network of the payload `d` reads, which starts at byte `payloadOffset` of the mapped
    /// cache `file`.
    private static func decodePayload(
        _ d: inout GraphCacheDecoder, profile: TravelProfile, file: MappedFile, payloadOffset: Int
    ) throws -> LoadedNetwork {
        let graph = RoadGraph(
            crs: try d.readString(), profile: profile, cruiseSpeedKmh: try d.read(Double.self),
            nodeX: try d.readArray(Double.self), nodeY: try d.readArray(Double.self),
            nodeLon: try d.readArray(Double.self), nodeLat: try d.readArray(Double.self),
            nodeOSMID: try d.readArray(Int64.self),
            firstOut: try d.readArray(UInt32.self), head: try d.readArray(UInt32.self),
            seconds: try d.readArray(Float.self), edgeSegment: try d.readArray(UInt32.self),
            edgeForward: try d.readBools(), edgeWalked: try d.readBools(),
            segmentFrom: try d.readArray(UInt32.self), segmentTo: try d.readArray(UInt32.self),
            segmentLength: try d.readArray(Double.self), segmentPointStart: try d.readArray(UInt32.self),
            segmentForwardEdge: try d.readArray(Int32.self), segmentBackwardEdge: try d.readArray(Int32.self),
            pointX: try d.readArray(Double.self), pointY: try d.readArray(Double.self),
            segmentGradeSeparated: try d.readBools(), droppedPointStart: try d.readArray(UInt32.self),
            droppedPointX: try d.readArray(Double.self), droppedPointY: try d.readArray(Double.self))
        guard graph.hasConsistentLayout, let bbox = graph.nodeBoundingBox else { throw GraphCacheCorrupt() }

        let components = Int(try d.read(Int64.self))
        let share = try d.read(Double.self)
        let dropped = try d.read(Double.self)
        let importSeconds = try d.read(Double.self)
        let clip = try d.readArray(Double.self)
        guard clip.isEmpty || clip.count == 4 else { throw GraphCacheCorrupt() }
        let clipBox =
            clip.isEmpty
            ? nil : BoundingBox(minLon: clip[0], minLat: clip[1], maxLon: clip[2], maxLat: clip[3])

        // The POIs are the rest of the payload: checked now, decoded on first use.
        let poiStart = d.offset
        _ = try decodePOIs(&d, build: false)
        let poiRange = (payloadOffset + poiStart)..<(payloadOffset + d.offset)

        let stats = NetworkStats(
            nodes: graph.nodeCount, edges: graph.edgeCount, roadKm: graph.roadKilometres, components: components,
            largestComponentShare: share, droppedRoadKm: dropped, bbox: bbox, clipBox: clipBox, crs: graph.crs,
            profile: profile,
            importSeconds: importSeconds, loadSeconds: 0, fromCache: true)
        return LoadedNetwork(graph: graph, stats: stats, poiList: POIList(stored: poiRange, of: file))
    }

    /// The POIs `encodePayload` wrote, read by `d`; with `build` false only checked (every length,
    /// count and kind), returning none.
    /// - Throws: `GraphCacheCorrupt` when the bytes are not such a list.
    static func decodePOIs(_ d: inout GraphCacheDecoder, build: Bool) throws -> [OSMPOI] {
        let poiCount = try d.read(UInt64.self)
        guard poiCount <= UInt64(d.remaining) else { throw GraphCacheCorrupt() }
        var pois: [OSMPOI] = []
        if build { pois.reserveCapacity(Int(poiCount)) }
        for _ in 0..<poiCount {
            guard build else {
                try d.skipString()
                _ = try d.read(Double.self)
                _ = try d.read(Double.self)
                let kind = d.peekString()
                guard POIKind.rawValuesUTF8.contains(where: { $0.elementsEqual(kind) }) else { throw GraphCacheCorrupt() }
                try d.skipString()
                let tagCount = try d.read(UInt64.self)
                guard tagCount <= UInt64(d.remaining) else { throw GraphCacheCorrupt() }
                for _ in 0..<(2 * tagCount) { try d.skipString() }
                continue
            }
            let id = try d.readString()
            let coordinate = Coordinate(lon: try d.read(Double.self), lat: try d.read(Double.self))
            guard let kind = POIKind(rawValue: try d.readString()) else { throw GraphCacheCorrupt() }
            let tagCount = try d.read(UInt64.self)
            guard tagCount <= UInt64(d.remaining) else { throw GraphCacheCorrupt() }
            var tags: [String: String] = [:]
            tags.reserveCapacity(Int(tagCount))
            for _ in 0..<tagCount { tags[try d.readString()] = try d.readString() }
            pois.append(
                OSMPOI(
                    id: id, coordinate: coordinate, name: tags["name"] ?? tags["name:zh"], kind: kind, tags: tags))
        }
        return pois
    }
}

/// The points of interest of a `LoadedNetwork`: decoded, or a checked range of a mapped graph
/// cache decoded on first use (then kept; safe to share between threads).
final class POIList: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: [OSMPOI]?
    private let stored: (file: MappedFile, range: Range<Int>)?

    /// Points of interest already decoded.
    init(_ pois: [OSMPOI]) {
        decoded = pois
        stored = nil
    }

    /// The POI list at `range` of the mapped cache `file`, checked by `GraphCache.decodePOIs`.
    init(stored range: Range<Int>, of file: MappedFile) {
        decoded = nil
        stored = (file, range)
    }

    /// The points of interest, decoded now if they were not yet.
    /// - Complexity: O(POI bytes) the first time, O(1) after.
    var pois: [OSMPOI] {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        guard let (file, range) = stored else { return [] }
        var d = GraphCacheDecoder(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
        // The range passed the same walk at load (every length, count and kind checked) under the
        // file's checksum, and the mapping cannot change under it: this cannot throw.
        guard let pois = try? GraphCache.decodePOIs(&d, build: true) else {
            preconditionFailure("graph cache POIs changed after they were checked")
        }
        decoded = pois
        return pois
    }
}

extension RoadGraph {
    /// True when the arrays fit together: matching counts, monotone offsets
    /// and every index in range. Guards the cache reader against a file that
    /// passed its checksum but was not written by this version.
    /// - Complexity: O(nodes + edges + segments).
    var hasConsistentLayout: Bool {
        let n = nodeCount
        let m = edgeCount
        let s = segmentCount
        let nodeArrays = [nodeY.count, nodeLon.count, nodeLat.count, nodeOSMID.count]
        let edgeArrays = [seconds.count, edgeSegment.count, edgeForward.count, edgeWalked.count]
        let segmentArrays = [
            segmentFrom.count, segmentTo.count, segmentForwardEdge.count, segmentBackwardEdge.count,
            segmentGradeSeparated.count,
        ]
        guard nodeArrays.allSatisfy({ $0 == n }), edgeArrays.allSatisfy({ $0 == m }),
            segmentArrays.allSatisfy({ $0 == s }), pointY.count == pointX.count,
            firstOut.count == n + 1, firstOut.first == 0, firstOut.last.map(Int.init) == m,
            segmentPointStart.count == s + 1, segmentPointStart.first == 0,
            segmentPointStart.last.map(Int.init) == pointX.count,
            droppedPointStart.first == 0, droppedPointStart.last.map(Int.init) == droppedPointX.count,
            droppedPointY.count == droppedPointX.count
        else { return false }
        for i in 0..<(droppedPointStart.count - 1) where droppedPointStart[i + 1] < droppedPointStart[i] { return false }
        for u in 0..<n where firstOut[u] > firstOut[u + 1] { return false }
        for i in 0..<s where segmentPointStart[i + 1] < segmentPointStart[i] + 2 { return false }
        guard head.allSatisfy({ Int($0) < n }), edgeSegment.allSatisfy({ Int($0) < s }),
            segmentFrom.allSatisfy({ Int($0) < n }), segmentTo.allSatisfy({ Int($0) < n }),
            segmentForwardEdge.allSatisfy({ $0 >= -1 && Int($0) < m }),
            segmentBackwardEdge.allSatisfy({ $0 >= -1 && Int($0) < m })
        else { return false }
        return true
    }
}
