import COsmium
import GeoCore

/// The parts of an OSM file nuanxin routes on: highway ways with the nodes
/// they use, and points of interest. Copied out of libosmium's arrays.
struct OSMExtract {
    /// The bounding box the file's header declares (where an extract is
    /// complete), if any.
    var headerBox: BoundingBox?

    /// A node used by a highway way.
    var nodeID: [Int64] = []
    /// Longitude of each node, WGS84.
    var nodeLon: [Double] = []
    /// Latitude of each node, WGS84.
    var nodeLat: [Double] = []

    /// OSM id of each highway way (a way cut at missing nodes appears once per piece).
    var wayID: [Int64] = []
    /// `wayCount + 1` offsets into `wayNode`.
    var wayNodeStart: [Int] = [0]
    /// Node indexes of every way, one after another.
    var wayNode: [UInt32] = []
    /// The tags of each way that `ProfileRules.tagKeys` names.
    var wayTags: [[String: String]] = []

    /// Points of interest with the tags `POIKind.tagKeys` names.
    var pois: [RawPOI] = []

    /// A point of interest before its kind is decided.
    struct RawPOI {
        /// `n123` for a node, `w45` for a way.
        var id: String
        /// The node's position, or the centroid of the way's nodes (WGS84).
        var lon: Double
        var lat: Double
        var tags: [String: String]
    }

    /// Number of highway ways.
    var wayCount: Int { wayID.count }

    /// The node indexes of way `w`.
    func nodes(ofWay w: Int) -> ArraySlice<UInt32> { wayNode[wayNodeStart[w]..<wayNodeStart[w + 1]] }
}

extension OSMExtract {
    /// Reads `path` with libosmium, keeping the tags the profile rules and the
    /// POI kinds read.
    /// - Throws: `NetworkLoadError.unreadable` with libosmium's message.
    /// - Complexity: O(size of the file).
    init(reading path: String) throws {
        let handle = try OSMReadResult(path: path)
        // `handle.data` points into libosmium's buffers, which `handle` frees
        // when it is released: keep it alive until every array is copied.
        self = withExtendedLifetime(handle) { OSMExtract(copying: handle.data) }
    }

    /// Reads `path` keeping, as points of interest, the objects carrying one of
    /// `poiMatches` (`key=value`) with the tags `poiKeys` names.
    /// - Throws: `NetworkLoadError.unreadable` with libosmium's message.
    init(reading path: String, poiMatches: [(key: String, value: String)], poiKeys: [String]) throws {
        let handle = try OSMReadResult(path: path, poiMatches: poiMatches, poiKeys: poiKeys)
        self.init(copying: handle.data)
    }

    private init(copying d: nx_osm_data) {
        let strings = Self.strings(d)
        if d.has_header_box != 0 {
            let b = d.header_box
            headerBox = BoundingBox(minLon: b.0, minLat: b.1, maxLon: b.2, maxLat: b.3)
        }
        nodeID = Self.array(d.node_id, d.node_count)
        nodeLon = Self.array(d.node_lon, d.node_count)
        nodeLat = Self.array(d.node_lat, d.node_count)
        wayID = Self.array(d.way_id, d.way_count)
        wayNodeStart = Self.array(d.way_node_start, d.way_count + 1).map { Int($0) }
        wayNode = Self.array(d.way_node, wayNodeStart.last ?? 0)
        wayTags = Self.tagDictionaries(d.way_tag_start, d.way_tag, d.way_count, strings)
        let poiIDs: [Int64] = Self.array(d.poi_id, d.poi_count)
        let poiTypes: [CChar] = Self.array(d.poi_type, d.poi_count)
        let poiLon: [Double] = Self.array(d.poi_lon, d.poi_count)
        let poiLat: [Double] = Self.array(d.poi_lat, d.poi_count)
        let poiTags = Self.tagDictionaries(d.poi_tag_start, d.poi_tag, d.poi_count, strings)
        pois = (0..<d.poi_count).map { i in
            let prefix = poiTypes[i] == CChar(UInt8(ascii: "w")) ? "w" : "n"
            return RawPOI(id: prefix + String(poiIDs[i]), lon: poiLon[i], lat: poiLat[i], tags: poiTags[i])
        }
    }

    private static func array<T>(_ pointer: UnsafePointer<T>?, _ count: Int) -> [T] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    private static func strings(_ d: nx_osm_data) -> [String] {
        let start: [UInt64] = array(d.string_start, d.string_count + 1)
        guard d.string_count > 0, let bytes = d.string_bytes else { return [] }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(start[d.string_count])) { base in
            (0..<d.string_count).map { i in
                let slice = UnsafeBufferPointer(start: base + Int(start[i]), count: Int(start[i + 1] - start[i]))
                return String(decoding: slice, as: UTF8.self)
            }
        }
    }

    private static func tagDictionaries(
        _ startPointer: UnsafePointer<UInt64>?, _ pairPointer: UnsafePointer<UInt32>?, _ count: Int, _ strings: [String]
    ) -> [[String: String]] {
        let start: [UInt64] = array(startPointer, count + 1)
        let pairs: [UInt32] = array(pairPointer, 2 * Int(start.last ?? 0))
        return (0..<count).map { i in
            var tags: [String: String] = [:]
            for p in Int(start[i])..<Int(start[i + 1]) {
                tags[strings[Int(pairs[2 * p])]] = strings[Int(pairs[2 * p + 1])]
            }
            return tags
        }
    }
}

/// Owns one `nx_osm_read` result and frees it in `deinit`.
private final class OSMReadResult {
    private let pointer: UnsafeMutablePointer<nx_osm_data>

    /// The arrays libosmium produced (valid while `self` lives).
    var data: nx_osm_data { pointer.pointee }

    init(
        path: String, poiMatches: [(key: String, value: String)] = POIKind.matchingTags,
        poiKeys keys: [String] = POIKind.tagKeys
    ) throws {
        let wayKeys = ProfileRules.tagKeys.joined(separator: "\n")
        let matches = poiMatches.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let poiKeys = keys.joined(separator: "\n")
        guard let result = nx_osm_read(path, wayKeys, matches, poiKeys) else {
            throw NetworkLoadError.unreadable(path: path, reason: "out of memory")
        }
        if let error = result.pointee.error {
            let message = String(cString: error)
            nx_osm_free(result)
            throw NetworkLoadError.unreadable(path: path, reason: message)
        }
        pointer = result
    }

    deinit { nx_osm_free(pointer) }
}
