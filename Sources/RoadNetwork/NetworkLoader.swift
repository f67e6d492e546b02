import Foundation
import GeoCore

/// A road network ready for routing: the largest strongly connected
/// component of the profile's graph, its statistics and the file's POIs.
public struct LoadedNetwork: Sendable {
    /// The routable graph (largest strongly connected component only).
    public var graph: RoadGraph
    /// Sizes, coverage of the kept component, CRS and timings.
    public var stats: NetworkStats
    /// Points of interest of the file, sorted by id. A network read from the graph cache decodes
    /// them from the cache on first use (checked at load), so commands that never look at POIs do
    /// not pay for tens of thousands of strings and tag dictionaries.
    public var pois: [OSMPOI] {
        get { poiList.pois }
        set { poiList = POIList(newValue) }
    }
    private var poiList: POIList

    /// Creates a loaded network from its parts.
    public init(graph: RoadGraph, stats: NetworkStats, pois: [OSMPOI]) {
        self.init(graph: graph, stats: stats, poiList: POIList(pois))
    }

    /// A loaded network whose POIs may still be undecoded in a graph cache.
    init(graph: RoadGraph, stats: NetworkStats, poiList: POIList) {
        self.graph = graph
        self.stats = stats
        self.poiList = poiList
    }
}

/// Loads OpenStreetMap files and road GeoJSON into routable networks,
/// through the binary cache.
public enum NetworkLoader {
    /// Loads the network of the OSM file at `path` (`.osm.pbf`, `.osm`,
    /// `.osm.bz2`), or of the road GeoJSON (`.geojson`, `.json`, see
    /// `RoadGeoJSON`), for `profile`.
    ///
    /// Reads `<file name>.<profile>.nxcache` from `cacheDirectory` (created if
    /// missing), or when nil from beside the input (or, if that folder is not
    /// writable, from `$XDG_CACHE_HOME/nuanxin` or `~/.cache/nuanxin`). A
    /// missing, stale or damaged cache is rebuilt by importing the file and
    /// written atomically; failing to write it is reported through `progress`
    /// and does not fail the load.
    ///
    /// `progress` receives one-line messages while an import runs longer than
    /// a second, and a note when the cache could not be written.
    /// - Throws: `NetworkLoadError` naming the file (missing, empty, not OSM,
    ///   no usable road, unusable cache folder); for road GeoJSON also
    ///   `GeoJSONError` and `RoadGeoJSONError` naming the file and feature.
    /// - Complexity: O(file size) for an import, O(cache size) from the cache.
    public static func load(
        path: String, profile: TravelProfile = .ebike, cacheDirectory: String? = nil,
        progress: ((String) -> Void)? = nil
    ) throws -> LoadedNetwork {
        let start = ContinuousClock.now
        let key = try inputKey(path: path, profile: profile)
        let cachePath = try GraphCache.location(forInput: path, profile: profile, cacheDirectory: cacheDirectory)
        if let cachePath, var cached = GraphCache.read(from: cachePath, key: key) {
            cached.stats.loadSeconds = seconds(since: start)
            return cached
        }
        var network = try importNetwork(path: path, profile: profile, progress: progress)
        // Built once here and stored in the cache, so later loads snap without building them.
        network.graph.attachSnapping(SnappingIndexes(graph: network.graph))
        if let cachePath {
            do {
                try GraphCache.write(network, key: key, to: cachePath)
            } catch {
                progress?("cache not written: \(error)")
            }
        } else {
            progress?("cache not written: no writable folder beside \(path) or in the user cache folder")
        }
        network.stats.loadSeconds = seconds(since: start)
        return network
    }

    /// Imports the OSM file or road GeoJSON at `path` for `profile` without
    /// any cache: reads it, cuts the roads to the header's bounding box when
    /// the file declares one (see `OSMExtract.clipped(to:)`), builds the graph
    /// and keeps its largest strongly connected component.
    /// - Throws: `NetworkLoadError` naming the file; for road GeoJSON also
    ///   `GeoJSONError` and `RoadGeoJSONError`.
    /// - Complexity: O(file size).
    public static func importNetwork(
        path: String, profile: TravelProfile = .ebike, progress: ((String) -> Void)? = nil
    ) throws -> LoadedNetwork {
        let start = ContinuousClock.now
        func report(_ message: @autoclosure () -> String) {
            let elapsed = seconds(since: start)
            if elapsed >= 1 { progress?("\(message()) (\(formatFixed(elapsed, decimals: 1)) s)") }
        }
        _ = try inputKey(path: path, profile: profile)
        let raw =
            try RoadGeoJSON.isRoadGeoJSON(path: path)
            ? RoadGeoJSON.extract(reading: path) : OSMExtract(reading: path)
        let extract = raw.headerBox.map { raw.clipped(to: $0) } ?? raw
        report("read \(extract.wayCount) highway ways and \(extract.pois.count) points of interest from \(path)")
        let full: RoadGraph
        do {
            guard let graph = try OSMGraphAssembly.build(extract, profile: profile), graph.edgeCount > 0 else {
                throw NetworkLoadError.noRoads(path: path, profile: profile)
            }
            full = graph
        } catch let error as ProjectionError {
            throw NetworkLoadError.projectionFailed(path: path, reason: error.description)
        }
        report("built the \(profile.rawValue) graph: \(full.nodeCount) nodes, \(full.edgeCount) edges")
        let (kept, components) = full.largestStronglyConnectedComponent()
        let pois = OSMPOI.from(extract.pois)
        let stats = NetworkStats(
            kept: kept, full: full, components: components.count, clipBox: raw.headerBox,
            importSeconds: seconds(since: start))
        report("kept the largest of \(components.count) strongly connected components")
        return LoadedNetwork(graph: kept, stats: stats, pois: pois)
    }

    /// The cache key of the input, after checking it exists and is not empty.
    private static func inputKey(path: String, profile: TravelProfile) throws -> GraphCache.Key {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw NetworkLoadError.fileNotFound(path: path)
        }
        let key = try GraphCache.Key(inputPath: path, profile: profile)
        guard key.inputSize > 0 else { throw NetworkLoadError.emptyFile(path: path) }
        return key
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
