import Foundation
import GeoCore
import RoadNetwork

/// Why hotspots could not be made: one line naming the input and what to do.
public struct HotspotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input file.
    public var file: String
    /// The explanation, with what to do unless `advice` says it.
    public var message: String
    /// What to give so that the input can be read, when it is a setting of the caller; `description`
    /// words it without naming any front end's options, a front end (the CLI) may name its own.
    public var advice: Advice?

    /// A setting of the caller that gets past the error.
    public enum Advice: String, Hashable, Sendable {
        /// Keeping points by hour needs a time column: name one in the column mapping.
        case mapTimeColumn

        /// The advice in neutral words.
        public var text: String {
            switch self {
            case .mapTimeColumn:
                "keeping points by hour needs a time column (time/时间/下单时间, or map one in the column mapping: time=COLUMN)"
            }
        }
    }

    /// Creates an error.
    public init(file: String, message: String, advice: Advice? = nil) {
        self.file = file
        self.message = message
        self.advice = advice
    }

    /// `file: message`, without the advice.
    public var summary: String { "\(file): \(message)" }

    /// `file: message; advice`.
    public var description: String { advice.map { "\(summary); \($0.text)" } ?? summary }
}

/// Where a hotspot is placed within its cell.
public enum HotspotPosition: String, CaseIterable, Sendable {
    /// At the cell's centre (the default): hotspots form a regular grid.
    case centre
    /// At the members' weighted mean (Σ wᵢ·pᵢ / Σ wᵢ in the metric CRS), then rounded in WGS84
    /// to 1e-9° and that to 1e-7° (decimal text, as the earlier Python aggregation of
    /// `scripts/derive-geodata` rounded through `cs2cs -f %.9f` and its 7-decimal output), so the
    /// shipped demo hotspots are reproduced byte for byte; the road check uses this position
    /// instead of the centre.
    case mean
}

/// Options of the aggregation.
public struct HotspotOptions: Hashable, Sendable {
    /// Cell size in metres (square side, or hexagon flat-to-flat width).
    public var cell: Double
    /// Square or hexagonal cells.
    public var shape: CellShape
    /// A cell whose hotspot position is farther than this from every road (metres) is dropped.
    public var maxSnap: Double
    /// Where the hotspot sits in its cell.
    public var position: HotspotPosition

    /// Creates options; defaults: 200 m squares, 300 m snapping limit, hotspots at cell centres.
    public init(cell: Double = 200, shape: CellShape = .square, maxSnap: Double = 300, position: HotspotPosition = .centre) {
        self.cell = cell
        self.shape = shape
        self.maxSnap = maxSnap
        self.position = position
    }
}

/// Hotspots (weighted demand points) and what happened on the way.
public struct HotspotResult: Sendable {
    /// Point features (WGS84) at cell centres or members' means (`HotspotPosition`) with
    /// properties `id` (`H001`…), `weight` (sum, rounded to 6 decimals) and `count`
    /// (members), north to south then west to east by cell. When members carry categories,
    /// also one count per category seen in the input (0 where a cell has none) and `kind`:
    /// the cell's only category, or `mixed`.
    public var collection: FeatureCollection
    /// Demand points aggregated.
    public var members: Int
    /// Cells with demand before the road check.
    public var cells: Int
    /// Cells dropped because no road is within `maxSnap` of their centre.
    public var droppedCells: Int
    /// The weight those cells held.
    public var droppedWeight: Double
}

/// `nuanxin hotspots`: demand from OSM pick-up places or from order/GPS points,
/// aggregated into grid cells in the road graph's metric CRS.
public enum Hotspots {
    /// OSM objects that are pick-up places, each with its `PickupKind`.
    /// With `includeDropoffs`, also the drop-off places of `PickupKind.dropoffTable`.
    public static func pickups(_ points: [OSMTaggedPoint], includeDropoffs: Bool = false) -> [(point: OSMTaggedPoint, kind: PickupKind)] {
        points.compactMap { point in PickupKind.kind(of: point.tags, includeDropoffs: includeDropoffs).map { (point, $0) } }
    }

    /// The tags to ask libosmium for: every `PickupKind` tag.
    public static var osmMatches: [(key: String, value: String)] { osmMatches(includeDropoffs: false) }

    /// The tags to ask libosmium for: every row of `PickupKind.rows(includeDropoffs:)`.
    public static func osmMatches(includeDropoffs: Bool) -> [(key: String, value: String)] {
        PickupKind.rows(includeDropoffs: includeDropoffs).map { ($0.key, $0.value) }
    }

    /// The OSM tag keys to keep on pick-up and drop-off places.
    public static let osmKeys = ["amenity", "shop", "office", "building", "landuse", "name"]

    /// Reads the pick-up places of an OSM file.
    /// - Throws: `NetworkLoadError` for a missing or unreadable file.
    /// With `includeDropoffs`, also the drop-off places (homes, offices).
    public static func osmPickups(path: String, includeDropoffs: Bool = false) throws -> [(point: OSMTaggedPoint, kind: PickupKind)] {
        pickups(
            try OSMTaggedPoints.read(path: path, matching: osmMatches(includeDropoffs: includeDropoffs), keys: osmKeys),
            includeDropoffs: includeDropoffs)
    }

    /// The points whose `time` property falls in `hours` (all points when nil).
    /// - Returns: the kept points and how many were left out.
    /// - Throws: `HotspotError` when `hours` is given and a point has no
    ///   readable `time` (or no time column at all).
    public static func filter(_ points: [SitePoint], hours: HourRange?, file: String) throws -> (kept: [SitePoint], dropped: Int) {
        guard let hours else { return (points, 0) }
        var kept: [SitePoint] = []
        for point in points {
            let text: String? =
                switch point.properties["time"] {
                case .string(let s)?: s
                case .number(let n)?: String(Int(n))
                default: nil
                }
            guard let text else {
                throw HotspotError(file: file, message: "point \(point.id) has no time", advice: .mapTimeColumn)
            }
            guard let hour = HourRange.hour(of: text) else {
                throw HotspotError(file: file, message: "point \(point.id): time \"\(text)\" has no hour (expected e.g. 2024-05-01 11:23)")
            }
            if hours.contains(hour: hour) { kept.append(point) }
        }
        return (kept, points.count - kept.count)
    }

    /// Property names a category cannot take (`--count-by`): the hotspot's own properties.
    public static let reservedProperties: Set<String> = ["id", "weight", "count", "kind"]

    /// Checks that no category of `members` is empty or a reserved property name.
    /// - Throws: `HotspotError` naming `file`, the point and the value.
    public static func checkCategories(_ members: [(id: String, category: String?)], column: String, file: String) throws {
        for member in members {
            guard let category = member.category else { continue }
            if category.isEmpty || reservedProperties.contains(category) {
                throw HotspotError(
                    file: file,
                    message:
                        "point \(member.id): \(column) \"\(category)\" cannot name a count property (empty, or one of "
                        + "\(reservedProperties.sorted().joined(separator: ", "))); rename the value in the file")
            }
        }
    }

    /// Aggregates `members` (WGS84) into cells and drops cells with no road near.
    /// - Parameters:
    ///   - projection: WGS84 → the metric CRS (the road graph's).
    ///   - roadDistance: distance in metres from a metric point to the nearest road, nil when there is none.
    /// - Throws: `ProjectionError`.
    /// - Complexity: O(n log n) plus one road lookup per cell.
    public static func build(
        members: [(id: String, coordinate: Coordinate, weight: Double)], projection: Projection, options: HotspotOptions,
        roadDistance: (PlanarPoint) -> Double?
    ) throws -> HotspotResult {
        try build(
            members: members.map { (id: $0.id, coordinate: $0.coordinate, weight: $0.weight, category: nil) }, projection: projection,
            options: options, roadDistance: roadDistance)
    }

    /// Aggregates `members` (WGS84) with categories into cells and drops cells with no road near;
    /// see `HotspotResult.collection` for the per-category counts. Categories should pass
    /// `checkCategories` (a reserved name would overwrite a hotspot property).
    /// - Parameters:
    ///   - projection: WGS84 → the metric CRS (the road graph's).
    ///   - roadDistance: distance in metres from a metric point to the nearest road, nil when there is none.
    /// - Throws: `ProjectionError`.
    /// - Complexity: O(n log n) plus one road lookup per cell.
    public static func build(
        members: [(id: String, coordinate: Coordinate, weight: Double, category: String?)], projection: Projection,
        options: HotspotOptions, roadDistance: (PlanarPoint) -> Double?
    ) throws -> HotspotResult {
        let planar = try projection.forward(members.map(\.coordinate))
        let demand = zip(members, planar).map { DemandMember(point: $1, weight: $0.weight, id: $0.id, category: $0.category) }
        let categories = Set(members.compactMap(\.category)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let cells = HotspotGrid.aggregate(demand, cell: options.cell, shape: options.shape)
        let place = { (cell: HotspotCell) in options.position == .mean ? cell.mean : cell.centre }
        let kept = cells.filter { cell in roadDistance(place(cell)).map { $0 <= options.maxSnap } ?? false }
        var positions = try projection.inverse(kept.map(place))
        if options.position == .mean {
            positions = positions.map { Coordinate(lon: derivedRounding($0.lon), lat: derivedRounding($0.lat)) }
        }
        let width = max(3, String(kept.count).count)
        let features = zip(kept, positions).enumerated().map { index, pair in
            let id = "H" + String(repeating: "0", count: max(0, width - String(index + 1).count)) + String(index + 1)
            var properties: [String: JSONValue] = [
                "id": .string(id),
                "weight": .number((pair.0.weight * 1e6).rounded() / 1e6),
                "count": .number(Double(pair.0.count)),
            ]
            if !categories.isEmpty {
                for category in categories { properties[category] = .number(Double(pair.0.categories[category] ?? 0)) }
                let present = pair.0.categories.keys
                properties["kind"] = .string(present.count == 1 ? present.first ?? "mixed" : "mixed")
            }
            return Feature(geometry: .point(pair.1), properties: properties)
        }
        let dropped = cells.count - kept.count
        let droppedWeight = cells.reduce(0) { $0 + $1.weight } - kept.reduce(0) { $0 + $1.weight }
        return HotspotResult(
            collection: FeatureCollection(features: features), members: members.count, cells: cells.count,
            droppedCells: dropped, droppedWeight: droppedWeight)
    }

    /// `degrees` rounded as `scripts/derive_geodata.py` rounded its hotspot positions: to 9 decimals
    /// as text (`cs2cs -f %.9f`), read back, then to 7 decimals as text (its GeoJSON output), read
    /// back; C `printf` rounding, i.e. of the exact binary value. Writers that print 7 decimals then
    /// print exactly those digits.
    static func derivedRounding(_ degrees: Double) -> Double {
        let nine = Double(String(format: "%.9f", degrees)) ?? degrees
        return Double(String(format: "%.7f", nine)) ?? nine
    }

    /// Distance lookup on a road graph's segment index, for `build`.
    public static func roadDistance(on index: SegmentIndex) -> (PlanarPoint) -> Double? {
        { index.nearest(to: $0)?.distance }
    }
}

extension Hotspots {
    /// The hotspots as the CSV `PointSetReader` reads: header `id,lon,lat,weight,count`,
    /// then any further properties of the first hotspot (the per-category counts and `kind`
    /// of `--count-by`) in byte order of their names; coordinates with 7 decimals, one line
    /// per hotspot, in order. Text cells holding a comma or quote are quoted (RFC 4180).
    public static func csv(_ collection: FeatureCollection) -> String {
        let fixed: Set<String> = ["id", "weight", "count"]
        let extra = (collection.features.first?.properties ?? [:]).keys.filter { !fixed.contains($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var lines = [(["id", "lon", "lat", "weight", "count"] + extra.map(cell)).joined(separator: ",")]
        for feature in collection.features {
            guard case .point(let c)? = feature.geometry else { continue }
            let properties = feature.properties ?? [:]
            let id = properties["id"]?.stringValue ?? ""
            let weight = properties["weight"]?.numberValue.map { FeatureID.number($0).description } ?? "1"
            let count = properties["count"]?.numberValue.map { FeatureID.number($0).description } ?? "0"
            let others = extra.map { key -> String in
                switch properties[key] {
                case .number(let n)?: FeatureID.number(n).description
                case .string(let s)?: cell(s)
                default: ""
                }
            }
            lines.append(
                ([cell(id), formatFixed(c.lon, decimals: 7), formatFixed(c.lat, decimals: 7), weight, count] + others)
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break.
    private static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
