/// Planning over hours (`nuanxin plan --objective coverage --hours 0-24`, or
/// several `--at`): the maximal covering location problem (Church & ReVelle
/// 1974) on (hotspot, hour) pairs, so a site open 24 hours is worth more than
/// one open by day only.
///
/// The expanded problem has one demand column per (slot, hotspot), slot-major
/// (column `slot × hotspots + hotspot`), with the hotspot's weight. A site's
/// row keeps its entry for a column only when the site is open in that slot;
/// the times themselves are unchanged. Maximising covered weight on it
/// maximises coverage summed over the chosen hours (weight-hours); the
/// heuristic and the exact solver run on it unchanged.
public struct HourlyPlanning: Sendable {
    /// The expanded problem (rows as the base problem; hotspots × slots columns).
    public let problem: PlanningProblem
    /// Number of hotspots of the base problem.
    public let hotspotCount: Int
    /// The label of each slot (e.g. `22` for 22:00–23:00, or `Su 03:00`), in order.
    public let slotLabels: [String]

    /// Expands `base` over the slots.
    /// - Parameters:
    ///   - open: `open[slot][row]`: whether the site of matrix row `row` (the
    ///     base problem's existing stations, then its candidates) is open in
    ///     the slot; one array per slot, `base.times.rowCount` each.
    ///   - slotLabels: one label per slot.
    /// - Throws: `PlanningError` as `PlanningProblem.init`.
    /// - Complexity: O(slots × entries).
    public init(base: PlanningProblem, open: [[Bool]], slotLabels: [String]) throws {
        precondition(open.count == slotLabels.count && !open.isEmpty, "one label per slot, at least one slot")
        precondition(open.allSatisfy { $0.count == base.times.rowCount }, "one flag per site row in every slot")
        let n = base.demandCount
        var rows: [[(demand: Int, seconds: Float)]] = []
        for row in 0..<base.times.rowCount {
            var entries: [(demand: Int, seconds: Float)] = []
            for (slot, isOpen) in open.enumerated() where isOpen[row] {
                for k in base.times.entries(ofRow: row) {
                    entries.append((slot * n + Int(base.times.demandIndices[k]), base.times.seconds[k]))
                }
            }
            rows.append(entries)
        }
        let weights = Array((0..<open.count).map { _ in base.demandWeights }.joined())
        problem = try PlanningProblem(
            demandWeights: weights, existingSiteCount: base.existingSiteCount, candidateCount: base.candidateCount,
            times: try SparseTimeMatrix(demandCount: n * open.count, rows: rows),
            coverageLimit: base.coverageLimit, unreachedPenalty: base.unreachedPenalty)
        hotspotCount = n
        self.slotLabels = slotLabels
    }

    /// The slots (indices into `slotLabels`, increasing) in which `site`
    /// adds coverage: those of the (hotspot, slot) pairs it takes in the
    /// plan's rank order (`RankedSite.takenDemands` of a result on `problem`).
    public func slotsAdded(by site: RankedSite) -> [Int] {
        Array(Set(site.takenDemands.map { $0 / max(1, hotspotCount) })).sorted()
    }

    /// `slotsAdded(by:)` as labels joined by commas (the `hours_added`
    /// property and CSV column); empty when the site adds nothing.
    public func hoursAdded(by site: RankedSite) -> String {
        slotsAdded(by: site).map { slotLabels[$0] }.joined(separator: ",")
    }
}
