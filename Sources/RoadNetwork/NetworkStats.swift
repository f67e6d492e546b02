import Foundation
import GeoCore

/// Facts about a loaded network, for `nuanxin network info` and reports.
///
/// Encodes to JSON with snake_case keys (`road_km`, `largest_component_share`, …).
public struct NetworkStats: Sendable, Equatable, Encodable {
    /// Nodes of the kept graph (the largest strongly connected component).
    public var nodes: Int
    /// Directed edges of the kept graph.
    public var edges: Int
    /// Kilometres of road (segments, each counted once) in the kept graph.
    public var roadKm: Double
    /// Strongly connected components of the full graph before filtering.
    public var components: Int
    /// Share of the full graph's road km that lies in the kept component, 0…1.
    public var largestComponentShare: Double
    /// Kilometres of road dropped with the smaller components (and the
    /// segments joining components).
    public var droppedRoadKm: Double
    /// Bounding box of the kept graph's nodes, WGS84.
    public var bbox: BoundingBox
    /// The box the roads were cut to: the file header's bounding box, where
    /// an extract is complete (nil when the file declares none).
    public var clipBox: BoundingBox?
    /// The metric CRS of the graph, e.g. `EPSG:4544`.
    public var crs: String
    /// The travel profile.
    public var profile: TravelProfile
    /// Seconds the OSM import took (for a cached network: the import that
    /// wrote the cache).
    public var importSeconds: Double
    /// Seconds this load took (reading the cache, or the whole import).
    public var loadSeconds: Double
    /// True when this load read the binary cache instead of the OSM file.
    public var fromCache: Bool

    /// Creates statistics from their values.
    public init(
        nodes: Int, edges: Int, roadKm: Double, components: Int, largestComponentShare: Double,
        droppedRoadKm: Double, bbox: BoundingBox, clipBox: BoundingBox?, crs: String, profile: TravelProfile,
        importSeconds: Double, loadSeconds: Double, fromCache: Bool
    ) {
        self.nodes = nodes
        self.edges = edges
        self.roadKm = roadKm
        self.components = components
        self.largestComponentShare = largestComponentShare
        self.droppedRoadKm = droppedRoadKm
        self.bbox = bbox
        self.clipBox = clipBox
        self.crs = crs
        self.profile = profile
        self.importSeconds = importSeconds
        self.loadSeconds = loadSeconds
        self.fromCache = fromCache
    }

    enum CodingKeys: String, CodingKey {
        case nodes, edges, components, bbox, crs, profile
        case clipBox = "clip_bbox"
        case roadKm = "road_km"
        case largestComponentShare = "largest_component_share"
        case droppedRoadKm = "dropped_road_km"
        case importSeconds = "import_seconds"
        case loadSeconds = "load_seconds"
        case fromCache = "from_cache"
    }

    /// Encodes the boxes as GeoJSON's `[minLon, minLat, maxLon, maxLat]`
    /// (`clip_bbox` is null when there is none), rounded to fixed places:
    /// degrees 7, km 3 (metres), shares 6, seconds 6.
    public func encode(to encoder: Encoder) throws {
        func round(_ value: Double, _ decimals: Double) -> Double {
            let scale = pow(10, decimals)
            return (value * scale).rounded() / scale
        }
        func degrees(_ box: BoundingBox) -> [Double] { box.array.map { round($0, 7) } }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(edges, forKey: .edges)
        try c.encode(round(roadKm, 3), forKey: .roadKm)
        try c.encode(components, forKey: .components)
        try c.encode(round(largestComponentShare, 6), forKey: .largestComponentShare)
        try c.encode(round(droppedRoadKm, 3), forKey: .droppedRoadKm)
        try c.encode(degrees(bbox), forKey: .bbox)
        try c.encode(clipBox.map(degrees), forKey: .clipBox)
        try c.encode(crs, forKey: .crs)
        try c.encode(profile, forKey: .profile)
        try c.encode(round(importSeconds, 6), forKey: .importSeconds)
        try c.encode(round(loadSeconds, 6), forKey: .loadSeconds)
        try c.encode(fromCache, forKey: .fromCache)
    }
}

extension NetworkStats {
    /// Statistics of `kept`, the largest component of `full`, at import time
    /// (`loadSeconds` equals `importSeconds`, `fromCache` is false).
    /// - Complexity: O(nodes + segments).
    init(kept: RoadGraph, full: RoadGraph, components: Int, clipBox: BoundingBox?, importSeconds: Double) {
        let keptKm = kept.roadKilometres
        let fullKm = full.roadKilometres
        self.init(
            nodes: kept.nodeCount, edges: kept.edgeCount, roadKm: keptKm, components: components,
            largestComponentShare: fullKm > 0 ? keptKm / fullKm : 0, droppedRoadKm: max(0, fullKm - keptKm),
            bbox: kept.nodeBoundingBox ?? BoundingBox(minLon: 0, minLat: 0, maxLon: 0, maxLat: 0), clipBox: clipBox,
            crs: kept.crs, profile: kept.profile, importSeconds: importSeconds, loadSeconds: importSeconds,
            fromCache: false)
    }
}

extension RoadGraph {
    /// Total length of all segments in kilometres.
    /// - Complexity: O(segments).
    public var roadKilometres: Double { segmentLength.reduce(0, +) / 1000 }

    /// The bounding box of the nodes in WGS84, or nil for an empty graph.
    /// - Complexity: O(nodes).
    /// - Complexity: O(nodes), one plain loop (`BoundingBox(covering:)` over a lazy map is not
    ///   specialised across modules and took 14 % of a warm `network times` on a 1M-node city).
    public var nodeBoundingBox: BoundingBox? {
        guard nodeCount > 0 else { return nil }
        var box = BoundingBox(minLon: nodeLon[0], minLat: nodeLat[0], maxLon: nodeLon[0], maxLat: nodeLat[0])
        nodeLon.withUnsafeBufferPointer { lons in
            nodeLat.withUnsafeBufferPointer { lats in
                for i in 1..<Swift.min(lons.count, lats.count) {
                    box.minLon = Swift.min(box.minLon, lons[i])
                    box.minLat = Swift.min(box.minLat, lats[i])
                    box.maxLon = Swift.max(box.maxLon, lons[i])
                    box.maxLat = Swift.max(box.maxLat, lats[i])
                }
            }
        }
        return box
    }
}
