/// The coverage figures of one area (a district, the hotspots outside every
/// district, or all hotspots together).
///
/// Unroutable hotspots and hotspots no station reaches count as uncovered.
public struct AuditFigures: Hashable, Sendable {
    /// Number of hotspots in the area.
    public var hotspots = 0
    /// Number of those that are covered.
    public var hotspotsCovered = 0
    /// Sum of the hotspots' weights.
    public var weightTotal = 0.0
    /// Sum of the covered hotspots' weights.
    public var weightCovered = 0.0

    /// Empty figures (no hotspot).
    public init() {}

    /// Share of the weight that is covered, 0…1; 0 when the area has no weight (never NaN).
    public var shareCovered: Double { weightTotal > 0 ? weightCovered / weightTotal : 0 }

    /// Share of the hotspots that are covered, 0…1; 0 when the area has none.
    public var shareOfHotspotsCovered: Double { hotspots > 0 ? Double(hotspotsCovered) / Double(hotspots) : 0 }

    /// Counts one more hotspot of `weight`.
    public mutating func add(weight: Double, covered: Bool) {
        hotspots += 1
        weightTotal += weight
        if covered {
            hotspotsCovered += 1
            weightCovered += weight
        }
    }
}
