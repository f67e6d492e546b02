import GeoCore

/// What a 暖新 station offers riders: the "5+*" service vocabulary of the
/// 1+N station pattern (one 暖新服务中心 in a party-mass service centre, N
/// 暖新服务驿站 in bank halls, pharmacies, malls, hotels and spare rooms).
/// Raw values are the words used in input files.
public enum StationService: String, CaseIterable, Sendable, Hashable, Comparable {
    /// A place to sit and rest (休息).
    case rest
    /// Drinking water (饮水).
    case water
    /// A toilet (如厕).
    case toilet
    /// Phone / battery charging (充电).
    case charging
    /// First-aid kit (应急药箱).
    case firstAid = "first_aid"
    /// Microwave to heat a meal (热饭).
    case microwave
    /// Left-luggage / parcel storage (寄存).
    case storage
    /// E-bike repair tools (维修).
    case repair
    /// Feedback / complaints desk (诉求反映).
    case feedback
    /// Points exchange (积分兑换).
    case exchange

    /// Orders as declared.
    public static func < (a: StationService, b: StationService) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The vocabulary as one line, `rest, water, …, exchange`, for help and errors.
    public static var vocabulary: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses a service list: a JSON array of strings, or one string with
    /// words separated by `;`, `,` or `|` (spaces around words ignored, case
    /// ignored, `first-aid` accepted for `first_aid`). Duplicates collapse;
    /// the result is sorted in vocabulary order. An empty list is allowed.
    /// - Throws: `ServiceListError` naming the first unknown word or a
    ///   non-string element.
    public static func parseList(_ value: JSONValue) throws(ServiceListError) -> [StationService] {
        switch value {
        case .string(let text): return try parseList(text)
        case .array(let elements):
            var words: [String] = []
            for element in elements {
                guard case .string(let word) = element else { throw .notAString(element.typeName) }
                words.append(word)
            }
            return try parse(words: words)
        default: throw .notAList(value.typeName)
        }
    }

    /// Parses `rest;water;charging` (separators `;`, `,`, `|`).
    /// - Throws: `ServiceListError.unknownWord` for a word outside the vocabulary.
    public static func parseList(_ text: String) throws(ServiceListError) -> [StationService] {
        try parse(words: text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" }).map(String.init))
    }

    /// One word, as `parseList` reads it; nil when unknown.
    public init?(word: String) {
        let w = word.trimmingWhitespace().lowercased().replacingDashes()
        self.init(rawValue: w)
    }

    private static func parse(words: [String]) throws(ServiceListError) -> [StationService] {
        var set = Set<StationService>()
        for word in words {
            let trimmed = word.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let service = StationService(word: trimmed) else { throw .unknownWord(trimmed) }
            set.insert(service)
        }
        return set.sorted()
    }
}

/// Why a `services` value could not be read.
public enum ServiceListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A word outside the vocabulary.
    case unknownWord(String)
    /// An array element that is not a string (its JSON type name).
    case notAString(String)
    /// A value that is neither a string nor an array (its JSON type name).
    case notAList(String)

    /// One sentence naming the problem and the vocabulary.
    public var description: String {
        switch self {
        case .unknownWord(let w): "unknown service \"\(w)\"; known services: \(StationService.vocabulary)"
        case .notAString(let t): "a services list holds strings, found a \(t)"
        case .notAList(let t): "services must be a list (JSON array or a string like \"rest;water\"), found a \(t)"
        }
    }
}

/// The two tiers of the 1+N pattern.
public enum StationTier: String, CaseIterable, Sendable, Hashable {
    /// 暖新服务中心: the one full-service centre of an area, usually in a party-mass service centre.
    case centre
    /// 暖新服务驿站: a post in a bank hall, pharmacy, mall, hotel or spare room.
    case post

    /// Reads `centre` (or `center`) and `post`, case ignored; nil otherwise.
    public init?(word: String) {
        switch word.trimmingWhitespace().lowercased() {
        case "centre", "center": self = .centre
        case "post": self = .post
        default: return nil
        }
    }
}

/// An attribute that was missing and took its default.
public enum DefaultedAttribute: String, Sendable, Hashable, CaseIterable {
    /// `tier` defaulted from `kind`.
    case tier
    /// `services` defaulted from tier and kind.
    case services
    /// `opening_hours` defaulted from tier and kind.
    case openingHours = "opening_hours"
}

/// Tier, services, opening hours and capacity of a station or candidate,
/// read from its GeoJSON properties or CSV columns (`tier`, `services`,
/// `opening_hours`, `capacity`), with defaults by tier and `kind` for the
/// missing ones (an empty CSV cell or JSON `null` counts as missing).
///
/// Defaults (illustrative, for Chinese cities; documented in the README):
///
/// | kind                                                  | tier   | opening_hours       | services                      |
/// |-------------------------------------------------------|--------|---------------------|-------------------------------|
/// | party_mass_centre, party_mass_service_centre, community_centre, townhall, government, social_facility | centre | `24/7` | all ten |
/// | bank                                                  | post   | `Mo-Fr 09:00-17:00` | rest, water, toilet           |
/// | pharmacy                                              | post   | `08:00-22:00`       | rest, water, toilet, first_aid|
/// | mall, supermarket                                     | post   | `10:00-22:00`       | rest, water, toilet, charging |
/// | hotel                                                 | post   | `24/7`              | rest, water, toilet, charging |
/// | convenience                                           | post   | `24/7`              | rest, water, charging, microwave |
/// | restaurant, fast_food, cafe                           | post   | `10:00-22:00`       | rest, water, toilet, microwave|
/// | office, spare_room                                    | post   | `Mo-Fr 09:00-18:00` | rest, water, toilet           |
/// | anything else (or no kind)                            | post   | `24/7`              | rest, water, toilet           |
///
/// A `centre` given explicitly for another kind takes the centre column
/// (`24/7`, all services) unless hours or services are given. "All ten" is
/// the whole `StationService` vocabulary. `capacity` has no default (nil =
/// unknown). An unknown kind stays always open so that adding this module
/// changes nothing for inputs without hours.
public struct StationAttributes: Sendable, Hashable {
    /// Centre or post.
    public var tier: StationTier
    /// Services offered, sorted in vocabulary order.
    public var services: [StationService]
    /// When it is open.
    public var openingHours: OpeningHours
    /// Seats or charging points, a positive finite number; nil when unknown.
    public var capacity: Double?
    /// Which attributes took defaults (for the CLI to print).
    public var defaulted: [DefaultedAttribute]
    /// Warnings of the `opening_hours` parser (holiday rules ignored, …).
    public var warnings: [String]

    /// Creates attributes directly.
    public init(
        tier: StationTier, services: [StationService], openingHours: OpeningHours, capacity: Double? = nil,
        defaulted: [DefaultedAttribute] = [], warnings: [String] = []
    ) {
        self.tier = tier
        self.services = services
        self.openingHours = openingHours
        self.capacity = capacity
        self.defaulted = defaulted
        self.warnings = warnings
    }

    /// The attributes of a road position (`--candidates roads:N`): a place on a road, not a building
    /// yet, so it is planned as a post open 24/7 with the basic services (rest, water, toilet, as the
    /// table's last row) and no capacity; hours and service filters never rule it out for being one.
    public static let roadPosition = StationAttributes(tier: .post, services: [.rest, .water, .toilet], openingHours: .alwaysOpen)

    /// True when `service` is offered.
    public func offers(_ service: StationService) -> Bool { services.contains(service) }

    /// The default tier for a kind (see the table).
    public static func defaultTier(kind: String?) -> StationTier {
        centreKinds.contains(normalized(kind)) ? .centre : .post
    }

    /// The default `opening_hours` text for a tier and kind (see the table).
    public static func defaultOpeningHours(tier: StationTier, kind: String?) -> String {
        if tier == .centre { return "24/7" }
        switch normalized(kind) {
        case "bank": return "Mo-Fr 09:00-17:00"
        case "pharmacy": return "08:00-22:00"
        case "mall", "supermarket", "restaurant", "fast_food", "cafe": return "10:00-22:00"
        case "office", "spare_room": return "Mo-Fr 09:00-18:00"
        default: return "24/7"
        }
    }

    /// The default services for a tier and kind (see the table).
    public static func defaultServices(tier: StationTier, kind: String?) -> [StationService] {
        if tier == .centre { return StationService.allCases }
        switch normalized(kind) {
        case "pharmacy": return [.rest, .water, .toilet, .firstAid]
        case "mall", "supermarket", "hotel": return [.rest, .water, .toilet, .charging]
        case "convenience": return [.rest, .water, .charging, .microwave]
        case "restaurant", "fast_food", "cafe": return [.rest, .water, .toilet, .microwave]
        default: return [.rest, .water, .toilet]
        }
    }

    static let centreKinds: Set<String> = [
        "party_mass_centre", "party_mass_service_centre", "community_centre", "townhall", "government", "social_facility",
    ]

    static func normalized(_ kind: String?) -> String {
        (kind ?? "").trimmingWhitespace().lowercased().replacingDashes()
    }

    /// Reads the attributes of `point` (its `kind` and its `properties`).
    /// - Throws: `StationAttributeError` naming `point.id`, the attribute and the problem.
    public static func read(from point: SitePoint) throws(StationAttributeError) -> StationAttributes {
        try read(id: point.id, kind: point.kind, properties: point.properties)
    }

    /// Reads `tier`, `services`, `opening_hours` and `capacity` from
    /// `properties` (strings from CSV cells, or JSON values), filling the
    /// missing ones from `kind` by the table above.
    /// - Throws: `StationAttributeError` naming `id`, the attribute and the problem.
    public static func read(
        id: String, kind: String?, properties: [String: JSONValue]
    ) throws(StationAttributeError) -> StationAttributes {
        func present(_ key: String) -> JSONValue? {
            switch properties[key] {
            case nil, .null: return nil
            case .string(let s) where s.trimmingWhitespace().isEmpty: return nil
            case let value?: return value
            }
        }
        var defaulted: [DefaultedAttribute] = []
        let tier: StationTier
        if let value = present("tier") {
            guard case .string(let word) = value, let t = StationTier(word: word) else {
                throw StationAttributeError(id: id, attribute: "tier", reason: "must be \"centre\" or \"post\", found \(value.shortText)")
            }
            tier = t
        } else {
            tier = defaultTier(kind: kind)
            defaulted.append(.tier)
        }
        let services: [StationService]
        if let value = present("services") {
            do { services = try StationService.parseList(value) } catch {
                throw StationAttributeError(id: id, attribute: "services", reason: error.description)
            }
        } else {
            services = defaultServices(tier: tier, kind: kind)
            defaulted.append(.services)
        }
        let hours: OpeningHours
        if let value = present("opening_hours") {
            guard case .string(let text) = value else {
                throw StationAttributeError(id: id, attribute: "opening_hours", reason: "must be a string, found \(value.typeName)")
            }
            do { hours = try OpeningHours(parsing: text) } catch {
                throw StationAttributeError(id: id, attribute: "opening_hours", reason: "\"\(text)\" \(error.description)")
            }
        } else {
            hours = try! OpeningHours(parsing: defaultOpeningHours(tier: tier, kind: kind))
            defaulted.append(.openingHours)
        }
        var capacity: Double?
        if let value = present("capacity") {
            let number: Double?
            switch value {
            case .number(let n): number = n
            case .string(let s): number = Double(s.trimmingWhitespace())
            default: number = nil
            }
            guard let number, number.isFinite, number > 0 else {
                throw StationAttributeError(
                    id: id, attribute: "capacity", reason: "must be a positive number of seats or charging points, found \(value.shortText)"
                )
            }
            capacity = number
        }
        return StationAttributes(
            tier: tier, services: services, openingHours: hours, capacity: capacity, defaulted: defaulted,
            warnings: hours.warnings)
    }
}

/// Why a station's or candidate's attributes could not be read.
public struct StationAttributeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The feature id (GeoJSON) or row id (CSV).
    public var id: String
    /// The attribute: `tier`, `services`, `opening_hours` or `capacity`.
    public var attribute: String
    /// What is wrong, including the character position for `opening_hours`.
    public var reason: String

    /// Creates an error.
    public init(id: String, attribute: String, reason: String) {
        self.id = id
        self.attribute = attribute
        self.reason = reason
    }

    /// `feature S03: opening_hours "Mo-Fr 9-17" at character 7: expected …`.
    public var description: String { "feature \(id): \(attribute) \(reason)" }
}

extension JSONValue {
    /// A short rendering for error messages.
    var shortText: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default: typeName
        }
    }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
