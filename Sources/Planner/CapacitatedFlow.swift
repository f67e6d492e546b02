/// The best assignment of demand weight to a fixed set of open sites with capacities: a maximum flow
/// (transportation problem) from the demand points to the open sites that cover them within T.
///
/// Network: source → demand `d` (capacity `w_d`) → site `r` (each covering pair, unbounded) → sink
/// (capacity `cap_r`). A demand's weight may be split across several sites (fractional assignment, as in
/// the LP of the capacitated MCLP of Current & Storbeck 1988). Flows are kept between moves, so opening
/// a site only augments, and closing one removes its flow and augments again (warm start).
///
/// Augmenting paths are found by breadth-first search from every demand with unassigned weight at
/// once (Edmonds–Karp); each augmentation saturates a demand, a site or a reverse pair.
struct CapacitatedFlow {
    /// Demand-major covering pairs (all rows: existing stations and candidates, within T).
    let demandStarts: [Int]
    let pairRow: [Int32]
    let pairDemand: [Int32]
    /// Row-major index of the pairs: row `r` owns `rowPairs[rowStarts[r]..<rowStarts[r + 1]]`.
    let rowStarts: [Int]
    let rowPairs: [Int32]
    let weights: [Double]
    let capacity: [Double]
    let tolerance: Double
    /// Rows (matrix rows) that are open.
    private(set) var isOpen: [Bool]
    /// Weight of each pair's demand assigned to its row.
    private(set) var flow: [Double]
    /// Weight of each demand assigned to some site.
    private(set) var assigned: [Double]
    /// Weight assigned to each row.
    private(set) var load: [Double]
    /// Total assigned (covered) weight.
    private(set) var covered = 0.0

    /// The pairs within the coverage limit of `problem`, no site open.
    /// - Complexity: O(entries).
    init(problem: PlanningProblem, capacities: SiteCapacities) {
        let times = problem.times
        let rows = times.rowCount
        var perDemand = [Int](repeating: 0, count: problem.demandCount)
        var rowStarts = [0]
        rowStarts.reserveCapacity(rows + 1)
        for row in 0..<rows {
            var count = 0
            for k in times.entries(ofRow: row)
            where times.seconds[k] <= problem.coverageLimit && problem.demandWeights[Int(times.demandIndices[k])] > 0 {
                perDemand[Int(times.demandIndices[k])] += 1
                count += 1
            }
            rowStarts.append(rowStarts[row] + count)
        }
        var demandStarts = [Int](repeating: 0, count: problem.demandCount + 1)
        for d in 0..<problem.demandCount { demandStarts[d + 1] = demandStarts[d] + perDemand[d] }
        var fill = Array(demandStarts.dropLast())
        let pairCount = demandStarts.last!
        var pairRow = [Int32](repeating: 0, count: pairCount)
        var pairDemand = [Int32](repeating: 0, count: pairCount)
        var rowPairs = [Int32](repeating: 0, count: pairCount)
        var rowFill = 0
        for row in 0..<rows {
            for k in times.entries(ofRow: row)
            where times.seconds[k] <= problem.coverageLimit && problem.demandWeights[Int(times.demandIndices[k])] > 0 {
                let d = Int(times.demandIndices[k])
                let p = fill[d]
                fill[d] += 1
                pairRow[p] = Int32(row)
                pairDemand[p] = Int32(d)
                rowPairs[rowFill] = Int32(p)
                rowFill += 1
            }
        }
        self.demandStarts = demandStarts
        self.pairRow = pairRow
        self.pairDemand = pairDemand
        self.rowStarts = rowStarts
        self.rowPairs = rowPairs
        weights = problem.demandWeights
        capacity = (0..<rows).map { capacities.capacity(ofRow: $0, existingSiteCount: problem.existingSiteCount) }
        tolerance = 1e-9 * max(1, problem.totalWeight)
        isOpen = [Bool](repeating: false, count: rows)
        flow = [Double](repeating: 0, count: pairCount)
        assigned = [Double](repeating: 0, count: problem.demandCount)
        load = [Double](repeating: 0, count: rows)
    }

    /// Opens `row` and re-maximises the flow.
    mutating func open(_ row: Int) {
        guard !isOpen[row] else { return }
        isOpen[row] = true
        maximise()
    }

    /// Opens `rows` and maximises once.
    mutating func open(_ rows: [Int]) {
        for row in rows { isOpen[row] = true }
        maximise()
    }

    /// Closes `row`, returning its assigned weight to its demands, and re-maximises the flow.
    mutating func close(_ row: Int) {
        guard isOpen[row] else { return }
        isOpen[row] = false
        for k in rowStarts[row]..<rowStarts[row + 1] {
            let p = Int(rowPairs[k])
            let f = flow[p]
            guard f != 0 else { continue }
            assigned[Int(pairDemand[p])] -= f
            covered -= f
            flow[p] = 0
        }
        load[row] = 0
        maximise()
    }

    /// Augments along shortest residual paths until none is left.
    /// - Complexity: O(augmentations × pairs).
    mutating func maximise() {
        let demandCount = weights.count
        let rows = capacity.count
        var demandParent = [Int32](repeating: -2, count: demandCount)  // -2 unvisited, -1 start, else pair
        var rowParent = [Int32](repeating: -2, count: rows)
        var queue: [Int] = []  // demands as d, rows as demandCount + r
        while true {
            for i in 0..<demandCount { demandParent[i] = -2 }
            for i in 0..<rows { rowParent[i] = -2 }
            queue.removeAll(keepingCapacity: true)
            for d in 0..<demandCount where weights[d] - assigned[d] > tolerance && demandStarts[d + 1] > demandStarts[d] {
                demandParent[d] = -1
                queue.append(d)
            }
            var end = -1
            var head = 0
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                if node < demandCount {
                    for p in demandStarts[node]..<demandStarts[node + 1] {
                        let r = Int(pairRow[p])
                        guard isOpen[r], rowParent[r] == -2 else { continue }
                        rowParent[r] = Int32(p)
                        if capacity[r] - load[r] > tolerance {
                            end = r
                            break search
                        }
                        queue.append(demandCount + r)
                    }
                } else {
                    let r = node - demandCount
                    for k in rowStarts[r]..<rowStarts[r + 1] {
                        let p = Int(rowPairs[k])
                        let d = Int(pairDemand[p])
                        guard flow[p] > tolerance, demandParent[d] == -2 else { continue }
                        demandParent[d] = Int32(p)
                        queue.append(d)
                    }
                }
            }
            guard end >= 0 else { return }
            // Bottleneck along the path end ← d ← r ← d ← … ← start demand.
            var delta = capacity[end] - load[end]
            var r = end
            var start = -1
            while true {
                let p = Int(rowParent[r])
                let d = Int(pairDemand[p])
                let back = Int(demandParent[d])
                if back == -1 {
                    start = d
                    break
                }
                delta = min(delta, flow[back])
                r = Int(pairRow[back])
            }
            delta = min(delta, weights[start] - assigned[start])
            r = end
            while true {
                let p = Int(rowParent[r])
                flow[p] += delta
                let d = Int(pairDemand[p])
                let back = Int(demandParent[d])
                if back == -1 { break }
                flow[back] -= delta
                r = Int(pairRow[back])
            }
            load[end] += delta
            assigned[start] += delta
            covered += delta
        }
    }
}

/// Capacities of the sites of a `PlanningProblem`, in demand-weight units (riders, orders…): the most
/// demand weight a site can take. `.infinity` means uncapacitated.
public struct SiteCapacities: Sendable, Equatable {
    /// One capacity per existing station (rows `0..<existingSiteCount`).
    public let existing: [Double]
    /// One capacity per candidate.
    public let candidates: [Double]

    /// Checks and keeps the capacities.
    /// - Throws: `PlanningError.invalidParameter` when a capacity is negative or NaN.
    public init(existing: [Double], candidates: [Double]) throws {
        for (name, list) in [("existing", existing), ("candidates", candidates)] {
            if let bad = list.firstIndex(where: { $0.isNaN || $0 < 0 }) {
                throw PlanningError.invalidParameter(
                    name: "capacity", reason: "\(name) site \(bad) has capacity \(list[bad]); it must be a number ≥ 0 (or infinity)")
            }
        }
        self.existing = existing
        self.candidates = candidates
    }

    /// Capacities for `problem` where a missing (nil) station capacity is `.infinity` (a station keeps
    /// what it has, and one without a known capacity is not limited) and a missing candidate capacity is
    /// `defaultCandidate`.
    /// - Throws: `PlanningError.invalidParameter` for a count that does not match `problem` or a bad capacity.
    public init(for problem: PlanningProblem, existing: [Double?], candidates: [Double?], defaultCandidate: Double) throws {
        guard existing.count == problem.existingSiteCount, candidates.count == problem.candidateCount else {
            throw PlanningError.invalidParameter(
                name: "capacity",
                reason:
                    "\(existing.count) station and \(candidates.count) candidate capacities for \(problem.existingSiteCount) stations and \(problem.candidateCount) candidates"
            )
        }
        try self.init(existing: existing.map { $0 ?? .infinity }, candidates: candidates.map { $0 ?? defaultCandidate })
    }

    /// The capacity of matrix row `row`.
    func capacity(ofRow row: Int, existingSiteCount: Int) -> Double {
        row < existingSiteCount ? existing[row] : candidates[row - existingSiteCount]
    }
}
