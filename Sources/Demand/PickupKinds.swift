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

    /// The first row of `table` whose tag `tags` carries, or nil.
    public static func kind(of tags: [String: String]) -> PickupKind? {
        table.first { tags[$0.key] == $0.value }
    }

    /// The table as text: one row per kind, `key=value  weight  label`.
    public static var explanation: String {
        var lines = ["OSM tag                 weight  kind"]
        for row in table {
            let tag = "\(row.key)=\(row.value)"
            let weight = row.weight == row.weight.rounded() ? String(Int(row.weight)) : String(row.weight)
            lines.append(tag.padding(toLength: 24, withPad: " ", startingAt: 0)
                + weight.padding(toLength: 8, withPad: " ", startingAt: 0) + row.label)
        }
        lines.append("A cell's weight is the sum of its places' weights; its count is the number of places.")
        return lines.joined(separator: "\n")
    }
}
