/// The kinds of points of interest nuanxin imports: places a city could use
/// as a station (service centres, bank halls, pharmacies, malls, hotels) and
/// places riders gather or deliver to (restaurants, cafés, shops, homes).
///
/// Each kind is one OSM `key=value` pair; an object with several takes the
/// first in `all` order (so a mall building tagged `building=residential`
/// stays a mall).
public enum POIKind: String, CaseIterable, Sendable, Codable {
    case communityCentre = "community_centre"
    case socialFacility = "social_facility"
    case townhall
    case government
    case bank
    case pharmacy
    case mall
    case hotel
    case restaurant
    case fastFood = "fast_food"
    case cafe
    case supermarket
    case convenience
    case residentialBuilding = "residential_building"
    case residentialArea = "residential_area"

    /// The OSM tag that marks this kind.
    public var osmTag: (key: String, value: String) {
        switch self {
        case .communityCentre: ("amenity", "community_centre")
        case .socialFacility: ("amenity", "social_facility")
        case .townhall: ("amenity", "townhall")
        case .government: ("office", "government")
        case .bank: ("amenity", "bank")
        case .pharmacy: ("amenity", "pharmacy")
        case .mall: ("shop", "mall")
        case .hotel: ("tourism", "hotel")
        case .restaurant: ("amenity", "restaurant")
        case .fastFood: ("amenity", "fast_food")
        case .cafe: ("amenity", "cafe")
        case .supermarket: ("shop", "supermarket")
        case .convenience: ("shop", "convenience")
        case .residentialBuilding: ("building", "residential")
        case .residentialArea: ("landuse", "residential")
        }
    }

    /// Every `key=value` pair that makes an object a point of interest.
    public static var matchingTags: [(key: String, value: String)] { allCases.map(\.osmTag) }

    /// The tags kept on a point of interest.
    public static let tagKeys: [String] = [
        "amenity", "shop", "tourism", "office", "building", "landuse", "social_facility",
        "name", "name:zh", "name:en", "brand", "operator", "opening_hours",
    ]

    /// The first kind whose tag `tags` carries, or nil.
    public static func kind(of tags: [String: String]) -> POIKind? {
        allCases.first { tags[$0.osmTag.key] == $0.osmTag.value }
    }
}

extension POIKind {
    /// The raw values as UTF-8 bytes, for checking a cached POI list without making strings.
    static let rawValuesUTF8: [[UInt8]] = allCases.map { Array($0.rawValue.utf8) }
}
