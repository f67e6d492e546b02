import Facilities
import GeoCore
import RoadNetwork

/// The station attributes of one input file (issue 15: tier, services,
/// opening_hours, capacity) and the stations a `StationFilter` admits
/// (`--service NAME`, `--at "Mo 22:30"`).
///
/// Attributes come from GeoJSON properties or CSV columns of the same names
/// (`StationAttributes.read`); missing ones take the documented defaults by
/// tier and kind, reported once per group in `defaultLines`.
public struct StationSelection: Sendable {
    /// The attributes of every site, in input order.
    public let attributes: [StationAttributes]
    /// The indices (into the sites given) of the admitted sites, in order.
    public let admitted: [Int]
    /// One line per group of sites that took the same defaults (same kind,
    /// same defaulted values): `defaults for 3 stations of kind bank (S03, S04,
    /// S05): tier post, …`. Empty when every attribute was given.
    public let defaultLines: [String]

    /// Reads the attributes of `sites` (read from `file`, one `role` each,
    /// e.g. "station") and applies `filter`.
    /// - Throws: `StationSelectionError` naming the file, the feature and the
    ///   problem (for opening_hours the 1-based character position), or that
    ///   the filter admits no site.
    public init(sites: [SitePoint], file: String, role: String, filter: StationFilter) throws(StationSelectionError) {
        var attributes: [StationAttributes] = []
        for site in sites {
            do { attributes.append(try StationAttributes.read(from: site)) } catch {
                throw StationSelectionError(
                    message:
                        "\(file): \(error.description); services are \(StationService.vocabulary), opening_hours is OpenStreetMap syntax such as \"Mo-Fr 09:00-17:00\""
                )
            }
        }
        let admitted = filter.admitted(attributes)
        if admitted.isEmpty && !sites.isEmpty {
            throw StationSelectionError(
                message:
                    "\(file): no \(role) is admitted by \(filter.description) (of \(sites.count))",
                advice: .chooseAnotherFilter)
        }
        self.attributes = attributes
        self.admitted = admitted
        self.defaultLines = Self.groupedDefaults(sites: sites, attributes: attributes, role: role)
    }

    /// The attributes of `sites` (the sites this selection was read from, in the same order) by id;
    /// a repeated id keeps its first site's attributes.
    /// - Precondition: `sites.count == attributes.count`.
    public func attributesByID(of sites: [SitePoint]) -> [String: StationAttributes] {
        precondition(sites.count == attributes.count, "the sites the selection was read from")
        var byID: [String: StationAttributes] = [:]
        for (i, site) in sites.enumerated() where byID[site.id] == nil { byID[site.id] = attributes[i] }
        return byID
    }

    /// The attributes of `--candidates osm` sites (ids are the POIs' ids):
    /// `StationAttributes.fromOSM` with each POI's tags (its `opening_hours`
    /// when readable, else the kind's default; unreadable tags become
    /// `warnings`), then `filter`.
    /// - Throws: `StationSelectionError` when the filter admits no site.
    public init(osmSites sites: [SitePoint], pois: [OSMPOI], file: String, filter: StationFilter) throws(StationSelectionError) {
        var tags: [String: [String: String]] = [:]
        for poi in pois where tags[poi.id] == nil { tags[poi.id] = poi.tags }
        let attributes = sites.map { StationAttributes.fromOSM(id: $0.id, kind: $0.kind ?? "", tags: tags[$0.id] ?? [:]) }
        let admitted = filter.admitted(attributes)
        if admitted.isEmpty && !sites.isEmpty {
            throw StationSelectionError(
                message:
                    "\(file): no candidate from OpenStreetMap is admitted by \(filter.description) (of \(sites.count))",
                advice: .chooseAnotherService)
        }
        self.attributes = attributes
        self.admitted = admitted
        self.defaultLines =
            Self.groupedDefaults(sites: sites, attributes: attributes, role: "candidate")
            + Array(Set(attributes.flatMap(\.warnings))).sorted()
    }

    /// Groups `StationAttributes.defaultsReport` lines by kind and defaulted values.
    static func groupedDefaults(sites: [SitePoint], attributes: [StationAttributes], role: String) -> [String] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for (i, site) in sites.enumerated() {
            guard
                let line = StationAttributes.defaultsReport(
                    ids: [site.id], kinds: [site.kind], attributes: [attributes[i]]
                ).first,
                let range = line.range(of: ": defaults ")
            else { continue }
            let key = "\(site.kind ?? "no kind")\u{0}\(line[range.upperBound...])"
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(site.id)
        }
        return order.map { key in
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let ids = members[key]!
            let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
            return "defaults for \(ids.count) \(role)\(ids.count == 1 ? "" : "s") of kind \(parts[0]) (\(shown)): \(parts[1])"
        }
    }
}

/// Station attributes could not be read, or no station is admitted.
public struct StationSelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line naming the file, the feature and the problem (with what to do unless `advice` says it).
    public var message: String
    /// What to change when the filter admits no site; `description` words it without naming any front
    /// end's options, a front end (the CLI) may name its own.
    public var advice: Advice?

    /// A change of the filter or the file that lets sites through.
    public enum Advice: String, Hashable, Sendable {
        /// Choose another service or moment, or add the attribute to the file.
        case chooseAnotherFilter
        /// Choose another service (OpenStreetMap candidates take their hours from their tags).
        case chooseAnotherService

        /// The advice in neutral words.
        public var text: String {
            switch self {
            case .chooseAnotherFilter: "choose another service or moment, or add the attribute to the file"
            case .chooseAnotherService: "choose another service"
            }
        }
    }

    /// An error with `message` and, when the filter admits nothing, `advice`.
    public init(message: String, advice: Advice? = nil) {
        self.message = message
        self.advice = advice
    }

    /// `message; advice` on one line.
    public var description: String { advice.map { "\(message); \($0.text)" } ?? message }
}
