/// The OSM pick-up places `nuanxin hotspots --from osm` counts, with the
/// demand weight of one place of each kind.
///
/// Weights are relative order volumes per place (a rule of thumb for food and
/// parcel delivery, not a measurement): a restaurant or fast-food outlet = 1;
/// places that gather many vendors under one tag count more (food court 4,
/// mall 4, marketplace 3, department store 2); places with fewer deliveries
/// count less (café, convenience store, bakery 0.5). A place matching several
/// rows takes the first in table order. The table is printed by `--explain`.
public struct PickupKind: Hashable, Sendable {
    /// The OSM tag key, e.g. `amenity`.
    public var key: String
    /// The OSM tag value, e.g. `restaurant`.
    public var value: String
    /// Demand weight of one place of this kind.
    public var weight: Double
    /// What the kind is, for `--explain`.
    public var label: String

    /// Creates a row of the table.
    public init(key: String, value: String, weight: Double, label: String) {
        self.key = key
        self.value = value
        self.weight = weight
        self.label = label
    }

    /// The table, in matching order.
    public static let table: [PickupKind] = [
        PickupKind(key: "amenity", value: "food_court", weight: 4, label: "food court (美食城), many vendors"),
        PickupKind(key: "shop", value: "mall", weight: 4, label: "shopping mall (商场), many restaurants inside"),
        PickupKind(key: "amenity", value: "marketplace", weight: 3, label: "market (农贸市场)"),
        PickupKind(key: "shop", value: "department_store", weight: 2, label: "department store (百货)"),
        PickupKind(key: "amenity", value: "restaurant", weight: 1, label: "restaurant (餐厅)"),
        PickupKind(key: "amenity", value: "fast_food", weight: 1, label: "fast food (快餐)"),
        PickupKind(key: "shop", value: "supermarket", weight: 1, label: "supermarket (超市)"),
        PickupKind(key: "office", value: "courier", weight: 1, label: "courier office (快递网点)"),
        PickupKind(key: "amenity", value: "post_office", weight: 1, label: "post / parcel office (邮局)"),
        PickupKind(key: "amenity", value: "parcel_locker", weight: 0.5, label: "parcel locker (快递柜)"),
        PickupKind(key: "amenity", value: "cafe", weight: 0.5, label: "café / tea shop (咖啡, 奶茶)"),
        PickupKind(key: "shop", value: "convenience", weight: 0.5, label: "convenience store (便利店)"),
        PickupKind(key: "shop", value: "bakery", weight: 0.5, label: "bakery (面包店)"),
    ]

    /// Drop-off places (where orders are delivered), counted unless `--pickups-only`: homes and
    /// offices, weight 1 each, the members `scripts/derive_geodata.py` counts as drop-offs (residential
    /// building kinds and `landuse=residential`) plus office, commercial and campus buildings. They make hotspots meaningful
    /// in an extract with few mapped shops and restaurants (Shenzhen Longgang: 5 pick-up places,
    /// 280 residential buildings); ways are placed at the centroid of their nodes.
    public static let dropoffTable: [PickupKind] = [
        PickupKind(key: "building", value: "apartments", weight: 1, label: "apartment block (住宅楼), drop-off"),
        PickupKind(key: "building", value: "residential", weight: 1, label: "residential building (住宅), drop-off"),
        PickupKind(key: "building", value: "dormitory", weight: 1, label: "dormitory (宿舍), drop-off"),
        PickupKind(key: "building", value: "house", weight: 1, label: "house, drop-off"),
        PickupKind(key: "building", value: "detached", weight: 1, label: "detached house, drop-off"),
        PickupKind(key: "building", value: "semidetached_house", weight: 1, label: "semi-detached house, drop-off"),
        PickupKind(key: "building", value: "terrace", weight: 1, label: "terraced houses, drop-off"),
        PickupKind(key: "landuse", value: "residential", weight: 1, label: "residential estate (小区), drop-off"),
        PickupKind(key: "building", value: "office", weight: 1, label: "office building (写字楼), drop-off"),
        PickupKind(key: "building", value: "university", weight: 1, label: "university building (高校), drop-off"),
        PickupKind(key: "building", value: "college", weight: 1, label: "college building (学院), drop-off"),
        PickupKind(key: "building", value: "commercial", weight: 1, label: "commercial building (商业楼), drop-off"),
    ]

    /// The rows in matching order: `table`, then `dropoffTable` when `includeDropoffs`.
    public static func rows(includeDropoffs: Bool) -> [PickupKind] {
        includeDropoffs ? table + dropoffTable : table
    }

    /// The first row of `rows(includeDropoffs:)` whose tag `tags` carries, or nil (a restaurant in an
    /// apartment block counts as the restaurant).
    public static func kind(of tags: [String: String], includeDropoffs: Bool = false) -> PickupKind? {
        rows(includeDropoffs: includeDropoffs).first { tags[$0.key] == $0.value }
    }

    /// The table as text: one row per kind, `key=value  weight  label`, then the rules; `pickupsOnly`
    /// names how the caller counts pick-up places only (the CLI passes its `--pickups-only`).
    public static func explanation(pickupsOnly: String = "only pick-up places are asked for") -> String {
        var lines = ["OSM tag                 weight  kind"]
        for row in table + dropoffTable {
            let tag = "\(row.key)=\(row.value)"
            let weight = row.weight == row.weight.rounded() ? String(Int(row.weight)) : String(row.weight)
            lines.append(
                tag.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + weight.padding(toLength: 8, withPad: " ", startingAt: 0) + row.label)
        }
        lines.append("Drop-off rows (homes, offices) are counted unless \(pickupsOnly); a place takes its first matching row.")
        lines.append("A cell's weight is the sum of its places' weights; its count is the number of places.")
        return lines.joined(separator: "\n")
    }
}
