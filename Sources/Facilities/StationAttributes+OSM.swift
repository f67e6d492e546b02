extension StationAttributes {
    /// Attributes of a candidate taken from OpenStreetMap (`--candidates
    /// osm`): the OSM `opening_hours` tag when present and readable, else the
    /// default of the table in `StationAttributes` for `kind` (the POI kind,
    /// e.g. `bank`, `hotel`); tier and services always from the table (OSM
    /// records no 暖新 services). Never throws: OSM data are not the user's
    /// input, so an unreadable tag falls back to the default with a warning
    /// naming the object and the character position.
    /// - Parameters:
    ///   - id: the OSM object, `n123` / `w45`, for warnings.
    ///   - kind: the POI kind word.
    ///   - tags: the object's tags (only `opening_hours` is used).
    public static func fromOSM(id: String, kind: String, tags: [String: String]) -> StationAttributes {
        let tier = defaultTier(kind: kind)
        var defaulted: [DefaultedAttribute] = [.tier, .services]
        var warnings: [String] = []
        var hours: OpeningHours?
        if let tag = tags["opening_hours"], !tag.trimmingWhitespace().isEmpty {
            do {
                let parsed = try OpeningHours(parsing: tag)
                hours = parsed
                warnings += parsed.warnings.map { "OSM \(id) opening_hours: \($0)" }
            } catch {
                warnings.append("OSM \(id) opening_hours \"\(tag)\" \(error.description); using the \(kind) default")
            }
        }
        if hours == nil { defaulted.append(.openingHours) }
        return StationAttributes(
            tier: tier, services: defaultServices(tier: tier, kind: kind),
            openingHours: hours ?? (try! OpeningHours(parsing: defaultOpeningHours(tier: tier, kind: kind))),
            capacity: nil, defaulted: defaulted, warnings: warnings)
    }
}
