import GeoCore
import RoadNetwork

/// Candidate sites taken from the network file's points of interest (`--candidates osm`).
public enum OSMCandidates {
    /// The kinds of place a city can use for a station (docs/ARCHITECTURE.md, docs/GLOSSARY.md): community and social-service
    /// centres, town halls, government offices, bank halls, pharmacies, malls and hotels.
    public static let stationKinds: [POIKind] = [
        .communityCentre, .socialFacility, .townhall, .government, .bank, .pharmacy, .mall, .hotel,
    ]

    /// The points of interest of a station kind inside `box` (border included), in the order given
    /// (`LoadedNetwork.pois` is sorted by id), as candidate sites.
    ///
    /// Each site's `id` and `osm_id` property are the POI id (`n123`, `w45`); `kind` is the kind's name
    /// (`bank`, `community_centre`…); `name` is the OSM `name`, else `name:zh`, else `name:en`, else
    /// `<kind> (OSM n123)`, as in geodata/candidates.geojson. `brand` and `operator`, when tagged, are
    /// kept as properties. Weight is 1 (candidates carry no demand).
    /// - Complexity: O(POIs).
    public static func sites(from pois: [OSMPOI], inside box: BoundingBox) -> [SitePoint] {
        let kinds = Set(stationKinds)
        return pois.filter { kinds.contains($0.kind) && box.contains($0.coordinate) }.map { poi in
            var properties: [String: JSONValue] = ["osm_id": .string(poi.id)]
            for key in ["brand", "operator"] {
                if let value = poi.tags[key] { properties[key] = .string(value) }
            }
            let name = poi.name ?? poi.tags["name:en"] ?? "\(poi.kind.rawValue) (OSM \(poi.id))"
            return SitePoint(
                id: poi.id, coordinate: poi.coordinate, weight: 1, name: name, kind: poi.kind.rawValue,
                properties: properties)
        }
    }
}
