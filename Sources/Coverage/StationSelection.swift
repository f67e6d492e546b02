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
                    "\(file): no \(role) is admitted by \(filter.description) (of \(sites.count)); choose another --service or --at, or add the attribute to the file"
            )
        }
        self.attributes = attributes
        self.admitted = admitted
        self.defaultLines = Self.groupedDefaults(sites: sites, attributes: attributes, role: role)
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
                    "\(file): no candidate from OpenStreetMap is admitted by \(filter.description) (of \(sites.count)); choose another --service"
            )
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
    /// One line naming the file, the feature and what to do.
    public var message: String
    /// The message.
    public var description: String { message }
}
