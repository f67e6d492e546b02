import Foundation
import HeapModule

/// Capacitated coverage planning: the capacitated MCLP of Current & Storbeck (1988, "Capacitated
/// covering models", Environment and Planning B 15:153–163) and its set-cover (LSCP) counterpart.
///
/// **Model.** Every open site `r` (existing stations always, chosen candidates) has a capacity `cap_r` in
/// demand-weight units. Demand `d` (weight `w_d`) may be assigned to any open site within the coverage
/// limit T, and **may be split** across several of them: `x_dr ∈ [0, 1]` is the fraction of `d` that `r`
/// serves, with `Σ_r x_dr ≤ 1` and `Σ_d w_d x_dr ≤ cap_r`. This is Current & Storbeck's LP assignment
/// (fractional `x`); covered weight is `Σ w_d x_dr`. Splitting keeps the assignment for a fixed site set
/// a transportation problem (max flow, `CapacitatedFlow`), so the heuristic and the MIP optimise the
/// same function. The reported assignment (each site's load) is the min-cost maximum flow
/// (`MinCostAssignment`): of all assignments covering the most weight, the one with least weight ×
/// riding seconds, so a site without a capacity takes its nearest-station load and a full site's
/// overflow goes to the next nearest site within T.
///
/// - Heuristic: lazy greedy (Minoux 1978; the covered weight is a submodular function of the open set,
///   the rank of a polymatroid induced by the bipartite cover graph) then best-improvement swaps.
/// - Exact: the MIP through CBC, warm-started with the heuristic:
///   `max Σ w_d x_dr` s.t. `Σ_r x_dr ≤ 1`, `Σ_d w_d x_dr ≤ cap_r y_r`, `x_dr ≤ y_r`, `Σ_c y_c ≤ p`,
///   `y_r = 1` for existing stations, `y_c ∈ {0, 1}`.
enum CapacitatedPlanner {
    /// Capacitated MCLP: at most `newSites` candidates maximising the covered weight within capacity.
    static func maximise(
        _ problem: PlanningProblem, capacities: SiteCapacities, newSites: Int, method: SolveMethod
    ) throws -> ExtendedPlanResult {
        let started = ContinuousClock.now
        try Planner.checkSiteCount(newSites)
        try check(capacities, problem)
        var flow = CapacitatedFlow(problem: problem, capacities: capacities)
        flow.open(Array(0..<problem.existingSiteCount))
        let before = flow.covered
        let maxOpen = min(newSites, problem.candidateCount)
        var open = greedy(&flow, problem: problem, maxOpen: maxOpen, target: .infinity)
        open = swapImprove(flow, problem: problem, open: open)
        var covered = coveredWeight(problem, capacities, open: open)
        // Second start: the uncapacitated MCLP plan (greedy + fast interchange), repaired by the same swaps;
        // the better local optimum is kept (ties: the first).
        let uncapacitated = HeuristicSolver.minimiseCost(CostModel.coverage(problem), maxOpen: maxOpen).openSites.sorted()
        if uncapacitated != open.sorted(), !uncapacitated.isEmpty {
            let other = swapImprove(nil, problem: problem, open: uncapacitated, capacities: capacities)
            let otherCovered = coveredWeight(problem, capacities, open: other)
            if otherCovered > covered + flow.tolerance { (open, covered) = (other, otherCovered) }
        }
        (open, covered) = pairPerturbation(problem, capacities, open: open, covered: covered, tolerance: flow.tolerance)
        var gap: Double? = nil
        var proven = false
        if case .exact(let limit) = method {
            let program = formulation(problem, capacities, maxOpen: maxOpen, requiredWeight: nil)
            let outcome = try ExactSolver.solve(
                program, candidateCount: problem.candidateCount, warmStart: open, timeLimitSeconds: limit)
            if let exactOpen = outcome.open, exactOpen.count <= maxOpen {
                let exactCovered = coveredWeight(problem, capacities, open: exactOpen)
                if exactCovered > covered + flow.tolerance { (open, covered) = (exactOpen, exactCovered) }
            }
            // The MIP minimises uncovered weight: bound on covered = total − bound.
            let upper = problem.totalWeight - outcome.bound
            proven = outcome.provenOptimal || upper - covered <= 1e-6 * max(1, problem.totalWeight)
            gap = proven ? 0 : Planner.relativeGap(objective: covered, bound: upper)
        }
        return result(
            "coverage-capacitated", method, problem, capacities, open: open, before: before, value: covered,
            valueBefore: before, gap: gap, proven: proven, started: started)
    }

    /// Capacitated LSCP: fewest candidates so that the covered weight within capacity reaches
    /// `targetShare` of the capacitated coverable weight (what all stations and all candidates open could
    /// cover within capacity); `1` covers all of it.
    static func coverAll(
        _ problem: PlanningProblem, capacities: SiteCapacities, targetShare: Double, method: SolveMethod
    ) throws -> ExtendedPlanResult {
        let started = ContinuousClock.now
        guard targetShare > 0, targetShare <= 1 else {
            throw PlanningError.invalidParameter(name: "targetShare", reason: "\(targetShare) must be in (0, 1]")
        }
        try check(capacities, problem)
        var all = CapacitatedFlow(problem: problem, capacities: capacities)
        all.open(Array(0..<problem.times.rowCount))
        let required = targetShare * all.covered - all.tolerance
        var flow = CapacitatedFlow(problem: problem, capacities: capacities)
        flow.open(Array(0..<problem.existingSiteCount))
        let before = flow.covered
        var open = greedy(&flow, problem: problem, maxOpen: problem.candidateCount, target: required)
        // Drop sites while a repaired smaller set still reaches the target.
        var reduced = true
        while reduced, !open.isEmpty {
            reduced = false
            for outgoing in open {
                let trial = swapImprove(nil, problem: problem, open: open.filter { $0 != outgoing }, capacities: capacities)
                if coveredWeight(problem, capacities, open: trial) >= required {
                    open = trial
                    reduced = true
                    break
                }
            }
        }
        var gap: Double? = nil
        var proven = false
        if case .exact(let limit) = method, before < required {
            let program = formulation(problem, capacities, maxOpen: nil, requiredWeight: required)
            let outcome = try ExactSolver.solve(
                program, candidateCount: problem.candidateCount, warmStart: open, timeLimitSeconds: limit)
            if let exactOpen = outcome.open, exactOpen.count < open.count,
                coveredWeight(problem, capacities, open: exactOpen) >= required
            {
                open = exactOpen
            }
            let bound = (outcome.bound - 1e-6).rounded(.up)
            proven = outcome.provenOptimal || bound >= Double(open.count)
            gap = proven ? 0 : Planner.relativeGap(objective: Double(open.count), bound: bound)
        } else if case .exact = method {
            (gap, proven) = (0, true)
        }
        let covered = coveredWeight(problem, capacities, open: open)
        return result(
            "cover-all-capacitated", method, problem, capacities, open: open, before: before, value: covered,
            valueBefore: before, gap: gap, proven: proven, started: started)
    }

    /// Throws when the capacities do not match the problem's sites.
    static func check(_ capacities: SiteCapacities, _ problem: PlanningProblem) throws {
        guard capacities.existing.count == problem.existingSiteCount, capacities.candidates.count == problem.candidateCount else {
            throw PlanningError.invalidParameter(
                name: "capacity",
                reason:
                    "\(capacities.existing.count) station and \(capacities.candidates.count) candidate capacities for \(problem.existingSiteCount) stations and \(problem.candidateCount) candidates"
            )
        }
    }

    /// Covered weight within capacity with the existing stations and `open` candidates.
    static func coveredWeight(_ problem: PlanningProblem, _ capacities: SiteCapacities, open: [Int]) -> Double {
        var flow = CapacitatedFlow(problem: problem, capacities: capacities)
        flow.open(Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) })
        return flow.covered
    }

    /// Lazy greedy: opens the candidate with the largest gain in covered weight (ties: lowest index) until
    /// `maxOpen` are open, nothing gains, or the covered weight reaches `target`. Gains are kept in a
    /// max-heap as upper bounds (submodularity: a gain never grows as sites open) and recomputed on top.
    /// - Complexity: O(evaluations × augmentations × pairs); usually few evaluations per step.
    static func greedy(_ flow: inout CapacitatedFlow, problem: PlanningProblem, maxOpen: Int, target: Double) -> [Int] {
        struct Entry: Comparable {
            var gain: Double
            var candidate: Int
            static func < (a: Entry, b: Entry) -> Bool { (a.gain, -a.candidate) < (b.gain, -b.candidate) }
        }
        var heap = Heap<Entry>()
        for candidate in 0..<problem.candidateCount {
            let row = problem.row(ofCandidate: candidate)
            var reach = 0.0
            for k in flow.rowStarts[row]..<flow.rowStarts[row + 1] {
                let d = Int(flow.pairDemand[Int(flow.rowPairs[k])])
                reach += flow.weights[d] - flow.assigned[d]
            }
            let bound = min(reach, flow.capacity[row])
            if bound > flow.tolerance { heap.insert(Entry(gain: bound, candidate: candidate)) }
        }
        var open: [Int] = []
        var fresh = Set<Int>()  // candidates whose gain in the heap is exact for the current set
        while open.count < maxOpen, flow.covered < target, let top = heap.popMax() {
            if fresh.contains(top.candidate) {
                guard top.gain > flow.tolerance else { break }
                flow.open(problem.row(ofCandidate: top.candidate))
                open.append(top.candidate)
                fresh.removeAll()
                continue
            }
            var trial = flow
            trial.open(problem.row(ofCandidate: top.candidate))
            let gain = trial.covered - flow.covered
            if gain > flow.tolerance {
                heap.insert(Entry(gain: gain, candidate: top.candidate))
                fresh.insert(top.candidate)
            }
        }
        return open
    }

    /// Best-improvement swaps (one open candidate out, one closed in) while the covered weight within
    /// capacity grows by more than the tolerance. Incoming sites are taken from the `incomingLimit`
    /// candidates that cover the most weight on their own (all when fewer).
    ///
    /// Bounded: adding a site to a flow adds at most its capacity, the weight it reaches and the weight
    /// still unassigned, so `covered(S − out + in) ≤ covered(S − out) + min(cap_in, reach_in, unassigned(S − out))`.
    /// Each round solves the p flows `S − out` once, sorts the swaps by that bound and evaluates them
    /// (one augmentation from `S − out`) only while the bound beats the best swap found.
    static func swapImprove(
        _ start: CapacitatedFlow?, problem: PlanningProblem, open: [Int], capacities: SiteCapacities? = nil,
        incomingLimit: Int = 200
    ) -> [Int] {
        guard !open.isEmpty else { return open }
        var base: CapacitatedFlow
        if let start {
            base = start
        } else {
            base = CapacitatedFlow(problem: problem, capacities: capacities!)
            base.open(Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) })
        }
        let standalone = standaloneValues(base, problem: problem)
        let shortlist = (0..<problem.candidateCount).filter { standalone[$0] > base.tolerance }
            .sorted { (standalone[$0], -$0) > (standalone[$1], -$1) }.prefix(incomingLimit)
        var current = open
        var currentFlow = base
        var rounds = 0
        while rounds < 100 {
            rounds += 1
            let without: [CapacitatedFlow] = current.map { outgoing in
                var flow = currentFlow
                flow.close(problem.row(ofCandidate: outgoing))
                return flow
            }
            var swaps: [(bound: Double, slot: Int, in: Int)] = []
            for incoming in shortlist where !current.contains(incoming) {
                for slot in current.indices {
                    let unassigned = problem.totalWeight - without[slot].covered
                    let bound = without[slot].covered + min(standalone[incoming], unassigned)
                    if bound > currentFlow.covered + base.tolerance { swaps.append((bound, slot, incoming)) }
                }
            }
            swaps.sort { ($0.bound, -$0.in, -$0.slot) > ($1.bound, -$1.in, -$1.slot) }
            var best: (value: Double, flow: CapacitatedFlow, slot: Int, in: Int)? = nil
            for swap in swaps {
                if swap.bound <= (best?.value ?? currentFlow.covered) + base.tolerance { break }
                var trial = without[swap.slot]
                trial.open(problem.row(ofCandidate: swap.in))
                if trial.covered > (best?.value ?? currentFlow.covered) + base.tolerance {
                    best = (trial.covered, trial, swap.slot, swap.in)
                }
            }
            guard let best else { break }
            current[best.slot] = best.in
            currentFlow = best.flow
        }
        return current.sorted()
    }

    /// Each candidate's value on its own: the least of its capacity and the weight it reaches.
    static func standaloneValues(_ flow: CapacitatedFlow, problem: PlanningProblem) -> [Double] {
        (0..<problem.candidateCount).map { candidate in
            let row = problem.row(ofCandidate: candidate)
            var reach = 0.0
            for k in flow.rowStarts[row]..<flow.rowStarts[row + 1] { reach += flow.weights[Int(flow.pairDemand[Int(flow.rowPairs[k])])] }
            return min(reach, flow.capacity[row])
        }
    }

    /// Iterated local search on small instances (≤ `maxCandidates` candidates): for each pair of open
    /// candidates, close both, refill greedily and swap to a local optimum; keep the first improvement and
    /// start over, until no pair improves. Escapes the single-swap local optima that capacities create.
    static func pairPerturbation(
        _ problem: PlanningProblem, _ capacities: SiteCapacities, open: [Int], covered: Double, tolerance: Double,
        maxCandidates: Int = 500
    ) -> ([Int], Double) {
        guard open.count >= 2, problem.candidateCount <= maxCandidates else { return (open, covered) }
        var (open, covered) = (open.sorted(), covered)
        let standalone = standaloneValues(CapacitatedFlow(problem: problem, capacities: capacities), problem: problem)
        let order = (0..<problem.candidateCount).sorted { (standalone[$0], -$0) > (standalone[$1], -$1) }
        var improved = true
        while improved {
            improved = false
            search: for i in 0..<open.count {
                for j in (i + 1)..<open.count {
                    let kept = open.enumerated().filter { $0.offset != i && $0.offset != j }.map(\.element)
                    var flow = CapacitatedFlow(problem: problem, capacities: capacities)
                    flow.open(Array(0..<problem.existingSiteCount) + kept.map { problem.row(ofCandidate: $0) })
                    let excluded = Set([open[i], open[j]])
                    var refill = kept
                    // Greedy refill of two sites, not re-opening the two just closed; a candidate adds at
                    // most its standalone value and the unassigned weight, so candidates are tried in
                    // decreasing standalone value until that bound cannot beat the best found.
                    for _ in 0..<2 {
                        var best = -1
                        var bestCovered = flow.covered + tolerance
                        var bestFlow = flow
                        let unassigned = problem.totalWeight - flow.covered
                        for c in order where !excluded.contains(c) && !refill.contains(c) {
                            guard flow.covered + min(standalone[c], unassigned) > bestCovered else { break }
                            var trial = flow
                            trial.open(problem.row(ofCandidate: c))
                            if trial.covered > bestCovered { (best, bestCovered, bestFlow) = (c, trial.covered, trial) }
                        }
                        guard best >= 0 else { break }
                        refill.append(best)
                        flow = bestFlow
                    }
                    let candidate = swapImprove(flow, problem: problem, open: refill)
                    let value = coveredWeight(problem, capacities, open: candidate)
                    if value > covered + tolerance {
                        (open, covered) = (candidate.sorted(), value)
                        improved = true
                        break search
                    }
                }
            }
        }
        return (open, covered)
    }

    /// The capacitated covering MIP: columns `y_c` (candidates, binary) first, then `x_dr` for every
    /// covering pair. With `maxOpen` it minimises uncovered weight under `Σ y ≤ maxOpen`; with
    /// `requiredWeight` it minimises `Σ y` under `Σ w_d x_dr ≥ requiredWeight`.
    static func formulation(
        _ problem: PlanningProblem, _ capacities: SiteCapacities, maxOpen: Int?, requiredWeight: Double?
    ) -> MixedIntegerProgram {
        let flow = CapacitatedFlow(problem: problem, capacities: capacities)
        let existing = problem.existingSiteCount
        var mip = MixedIntegerProgram()
        let demandCount = problem.demandCount
        var demandRow = [Int32](repeating: -1, count: demandCount)
        for d in 0..<demandCount where flow.demandStarts[d + 1] > flow.demandStarts[d] { demandRow[d] = mip.addRow(upper: 1) }
        let rows = problem.times.rowCount
        var capacityRow = [Int32](repeating: -1, count: rows)
        for r in 0..<rows where flow.capacity[r].isFinite && flow.rowStarts[r + 1] > flow.rowStarts[r] {
            capacityRow[r] = mip.addRow(upper: r < existing ? flow.capacity[r] : 0)
        }
        // x_dr ≤ y_r for candidate pairs.
        var linkRow = [Int32](repeating: -1, count: flow.pairRow.count)
        for p in 0..<flow.pairRow.count where Int(flow.pairRow[p]) >= existing { linkRow[p] = mip.addRow(upper: 0) }
        let cardinality = maxOpen.map { mip.addRow(upper: Double($0)) }
        let weightRow = requiredWeight.map { mip.addRow(lower: $0) }
        for candidate in 0..<problem.candidateCount {
            let r = existing + candidate
            _ = mip.addColumn(lower: 0, upper: 1, cost: maxOpen == nil ? 1 : 0, isInteger: true)
            var entries: [(Int32, Double)] = []
            if capacityRow[r] >= 0 { entries.append((capacityRow[r], -flow.capacity[r])) }
            for k in flow.rowStarts[r]..<flow.rowStarts[r + 1] { entries.append((linkRow[Int(flow.rowPairs[k])], -1)) }
            if let cardinality { entries.append((cardinality, 1)) }
            for (row, value) in entries.sorted(by: { $0.0 < $1.0 }) { mip.addEntry(row: row, value: value) }
        }
        for p in 0..<flow.pairRow.count {
            let d = Int(flow.pairDemand[p])
            let r = Int(flow.pairRow[p])
            let w = flow.weights[d]
            _ = mip.addColumn(lower: 0, upper: 1, cost: maxOpen != nil ? -w : 0, isInteger: false)
            var entries: [(Int32, Double)] = [(demandRow[d], 1)]
            if capacityRow[r] >= 0 { entries.append((capacityRow[r], w)) }
            if linkRow[p] >= 0 { entries.append((linkRow[p], 1)) }
            if let weightRow { entries.append((weightRow, w)) }
            for (row, value) in entries.sorted(by: { $0.0 < $1.0 }) { mip.addEntry(row: row, value: value) }
        }
        if maxOpen != nil { mip.objectiveOffset = problem.totalWeight }
        return mip
    }

    /// Assembles the result for the chosen `open` candidates.
    static func result(
        _ name: String, _ method: SolveMethod, _ problem: PlanningProblem, _ capacities: SiteCapacities, open: [Int],
        before: Double, value: Double, valueBefore: Double, gap: Double?, proven: Bool, started: ContinuousClock.Instant
    ) -> ExtendedPlanResult {
        let open = open.sorted()
        // The loads: the least weight × seconds among the maximum assignments (nearest-station loads,
        // spilling over to the next nearest site where a capacity binds).
        var flow = MinCostAssignment(problem: problem, capacities: capacities, kind: .coverage)
        let rows = Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) }
        flow.open(rows)
        let loads = rows.map { SiteLoad(row: $0, load: flow.load[$0], capacity: flow.capacity[$0]) }
        return ExtendedPlanResult(
            objectiveName: name, methodName: method.name, chosenCandidates: open, objectiveValueBefore: valueBefore,
            objectiveValue: value, capacitatedCoveredBefore: before, capacitatedCovered: flow.assignedWeight,
            before: Planner.service(problem, open: []), after: Planner.service(problem, open: open), loads: loads,
            demandAssigned: flow.assigned, gap: gap, provenOptimal: proven, seconds: (ContinuousClock.now - started).seconds)
    }
}

extension Planner {
    /// Capacitated MCLP (Current & Storbeck 1988): opens at most `newSites` candidates so that the demand
    /// weight assigned within T and within every site's capacity is largest; demand may be split across
    /// sites (see `CapacitatedPlanner`). The result lists each open site's load.
    /// - Throws: `PlanningError.invalidParameter` for a negative site count or capacities that do not
    ///   match the problem; `PlanningError.solverFailed` from CBC.
    public static func solveCapacitatedCoverage(
        _ problem: PlanningProblem, capacities: SiteCapacities, newSites: Int, method: SolveMethod = .heuristic
    ) throws -> ExtendedPlanResult {
        try CapacitatedPlanner.maximise(problem, capacities: capacities, newSites: newSites, method: method)
    }

    /// Capacitated LSCP: the fewest candidates so that the weight assigned within T and capacity reaches
    /// `targetShare` of what all sites together could take (1 = all of it).
    /// - Throws: `PlanningError.invalidParameter` for a share outside (0, 1] or mismatched capacities;
    ///   `PlanningError.solverFailed` from CBC.
    public static func solveCapacitatedCoverAll(
        _ problem: PlanningProblem, capacities: SiteCapacities, targetShare: Double = 1, method: SolveMethod = .heuristic
    ) throws -> ExtendedPlanResult {
        try CapacitatedPlanner.coverAll(problem, capacities: capacities, targetShare: targetShare, method: method)
    }
}
