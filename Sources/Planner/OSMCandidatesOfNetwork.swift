import GeoCore
import RoadNetwork

extension OSMCandidates {
    /// The candidate sites of `--candidates osm`: the network file's points of interest of the station
    /// kinds inside the file's header bounding box, else inside the road network's extent
    /// (`sites(from:inside:)` on `loaded.pois`). Empty when the file has none.
    /// - Complexity: O(POIs).
    public static func sites(of loaded: LoadedNetwork) -> [SitePoint] {
        sites(from: loaded.pois, inside: loaded.stats.clipBox ?? loaded.stats.bbox)
    }
}
