import Foundation
import HeapModule

/// Capacitated p-median: open at most p candidates so that the total weighted riding time is least
/// when no site takes more weight than its capacity (Mulvey & Beck 1984, "Solving capacitated
/// clustering problems", EJOR 18:339–348; the uncapacitated model is ReVelle & Swain 1970).
///
/// **Split demand.** A demand's weight may be divided between sites (`x_dr ∈ [0, 1]`), as in the LP
/// assignment of Current & Storbeck's capacitated MCLP used by `--capacity` for coverage. Hotspot weights
/// are counts of riders or orders, not one indivisible customer, so a split is what happens on the street;
/// and it makes the assignment for a fixed site set a transportation problem, solved exactly by
/// `MinCostAssignment` (min-cost flow), so heuristic and MIP optimise the same function. Single-source
/// assignment (`x ∈ {0, 1}`, the generalised assignment problem) would make every evaluation NP-hard.
/// As in the uncapacitated p-median, weight no open site can take pays the unreached penalty P seconds
/// (`min(P, seconds)` per unit).
///
/// - Heuristic: lazy greedy on the min-cost-flow cost, from no candidate and from the uncapacitated
///   p-median's plan, then best-improvement swaps. A swap is evaluated only when its lower bound beats
///   the best swap found so far; swaps are tried in order of that bound. The bound is the larger of the
///   uncapacitated cost of the swapped set (from each demand's nearest and second-nearest open site) and
///   the LP dual of `S − out` made feasible for the incoming site (`MinCostAssignment.savingBound`).
/// - Exact: `min Σ w_d (t_dr − P) x_dr + Σ w_d P` s.t. `Σ_r x_dr ≤ 1`, `Σ_d w_d x_dr ≤ cap_r y_r`,
///   `x_dr ≤ y_r`, `Σ_c y_c ≤ p`, `y_r = 1` for existing stations, through CBC with the proven gap.
enum CapacitatedMedian {
    /// The minimum-cost assignment with the existing stations and `open` candidates.
    static func assignment(_ problem: PlanningProblem, _ capacities: SiteCapacities, open: [Int]) -> MinCostAssignment {
        var flow = MinCostAssignment(problem: problem, capacities: capacities, kind: .meanTime)
        flow.open(Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) })
        return flow
    }

    /// Capacitated p-median with at most `newSites` new candidates.
    static func minimise(
        _ problem: PlanningProblem, capacities: SiteCapacities, newSites: Int, method: SolveMethod
    ) throws -> ExtendedPlanResult {
        let started = ContinuousClock.now
        try Planner.checkSiteCount(newSites)
        try CapacitatedPlanner.check(capacities, problem)
        let maxOpen = min(newSites, problem.candidateCount)
        let empty = MinCostAssignment(problem: problem, capacities: capacities, kind: .meanTime)
        var evaluator = Evaluator(template: empty, problem: problem)
        let costBefore = evaluator.cost([])
        let model = CostModel.meanTime(problem)
        var open = improve(greedy(&evaluator, maxOpen: maxOpen), &evaluator, model: model)
        var cost = evaluator.cost(open)
        let uncapacitated = HeuristicSolver.minimiseCost(model, maxOpen: maxOpen).openSites.sorted()
        if uncapacitated != open {
            let other = improve(uncapacitated, &evaluator, model: model)
            let otherCost = evaluator.cost(other)
            if otherCost < cost - empty.tolerance { (open, cost) = (other, otherCost) }
        }
        var gap: Double? = nil
        var proven = false
        if case .exact(let limit) = method {
            let outcome = try ExactSolver.solve(
                formulation(problem, empty, maxOpen: maxOpen), candidateCount: problem.candidateCount, warmStart: open,
                timeLimitSeconds: limit)
            if let exactOpen = outcome.open, exactOpen.count <= maxOpen {
                let exactCost = evaluator.cost(exactOpen)
                if exactCost < cost - empty.tolerance { (open, cost) = (exactOpen, exactCost) }
            }
            proven = outcome.provenOptimal || cost - outcome.bound <= 1e-6 * max(1, cost)
            gap = proven ? 0 : Planner.relativeGap(objective: cost, bound: outcome.bound)
        }
        open.sort()
        let final = assignment(problem, capacities, open: open)
        let rows = Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) }
        let before = assignment(problem, capacities, open: [])
        return ExtendedPlanResult(
            objectiveName: "mean-time-capacitated", methodName: method.name, chosenCandidates: open,
            objectiveValueBefore: costBefore, objectiveValue: final.totalCost,
            capacitatedCoveredBefore: before.weightWithin(problem.coverageLimit),
            capacitatedCovered: final.weightWithin(problem.coverageLimit),
            before: Planner.service(problem, open: []), after: Planner.service(problem, open: open),
            loads: rows.map { SiteLoad(row: $0, load: final.load[$0], capacity: final.capacity[$0]) },
            demandAssigned: final.assigned, gap: gap, provenOptimal: proven, seconds: (ContinuousClock.now - started).seconds)
    }

    /// Min-cost-flow costs of candidate sets, counted.
    struct Evaluator {
        let template: MinCostAssignment
        let problem: PlanningProblem
        /// Number of min-cost flows solved.
        var evaluations = 0

        /// Total weighted seconds (unassigned weight at the penalty) with the existing stations and `open`.
        mutating func cost(_ open: [Int]) -> Double { solve(open).totalCost }

        /// The min-cost assignment with the existing stations and `open`.
        mutating func solve(_ open: [Int]) -> MinCostAssignment {
            evaluations += 1
            var flow = template
            flow.open(Array(0..<problem.existingSiteCount) + open.map { problem.row(ofCandidate: $0) })
            return flow
        }
    }

    /// Lazy greedy (Minoux 1978): opens the candidate that lowers the cost most (ties: lowest index)
    /// until `maxOpen` are open or nothing helps. Savings kept in a max-heap are re-evaluated when they
    /// reach the top; a stale saving is an upper bound as long as the saving is submodular, which holds
    /// for transportation (assignment) costs (gross substitutes, Kelso & Crawford 1982).
    static func greedy(_ evaluator: inout Evaluator, maxOpen: Int) -> [Int] {
        struct Entry: Comparable {
            var saving: Double
            var candidate: Int
            static func < (a: Entry, b: Entry) -> Bool { (a.saving, -a.candidate) < (b.saving, -b.candidate) }
        }
        let tolerance = evaluator.template.tolerance
        var current = evaluator.cost([])
        var heap = Heap<Entry>()
        // Initial savings: the dual bound of each candidate on the stations alone (an upper bound), made
        // exact when they reach the top.
        let duals = evaluator.solve([]).duals()
        for candidate in 0..<evaluator.problem.candidateCount {
            let row = evaluator.problem.row(ofCandidate: candidate)
            let saving = current - (duals.value - evaluator.template.savingBound(opening: row, prices: duals.demand))
            if saving > tolerance { heap.insert(Entry(saving: saving, candidate: candidate)) }
        }
        var open: [Int] = []
        var fresh = Set<Int>()
        while open.count < maxOpen, let top = heap.popMax() {
            if fresh.contains(top.candidate) {
                open.append(top.candidate)
                current = evaluator.cost(open)
                fresh.removeAll()
                continue
            }
            let saving = current - evaluator.cost(open + [top.candidate])
            if saving > tolerance {
                heap.insert(Entry(saving: saving, candidate: top.candidate))
                fresh.insert(top.candidate)
            }
        }
        return open.sorted()
    }

    /// Best-improvement swaps while one lowers the cost by more than the tolerance. Each round computes
    /// every swap's lower bound (the uncapacitated cost after it, O(pairs of the incoming site)) and
    /// evaluates swaps in increasing bound until the bound reaches the best cost found in the round.
    static func improve(_ start: [Int], _ evaluator: inout Evaluator, model: CostModel) -> [Int] {
        guard !start.isEmpty, start.count < model.candidateCount else { return start.sorted() }
        let tolerance = evaluator.template.tolerance
        var open = start.sorted()
        var cost = evaluator.cost(open)
        for _ in 0..<1000 {
            let state = AssignmentState(model: model, open: open)
            let uncapacitated = state.totalCost
            // Cost without each open site: every demand it serves falls back to its second option.
            var without = [Double](repeating: uncapacitated, count: open.count)
            for d in 0..<model.demandCount where state.bestSite[d] >= 0 {
                without[state.slotOf[Int(state.bestSite[d])]] += state.second[d] - state.best[d]
            }
            // Dual of each S − out: opening `in` lowers its cost by at most savingBound (LP duality).
            let duals = open.map { outgoing in evaluator.solve(open.filter { $0 != outgoing }).duals() }
            var bounds: [(bound: Double, out: Int, in: Int)] = []
            for incoming in 0..<model.candidateCount where !state.isOpen[incoming] {
                let row = evaluator.problem.row(ofCandidate: incoming)
                for (slot, outgoing) in open.enumerated() {
                    let dual = duals[slot].value - evaluator.template.savingBound(opening: row, prices: duals[slot].demand)
                    var bound = without[slot]
                    for k in model.candidateStarts[incoming]..<model.candidateStarts[incoming + 1] {
                        let d = Int(model.candidateDemands[k])
                        let fallback = Int(state.bestSite[d]) == outgoing ? state.second[d] : state.best[d]
                        bound -= max(0, fallback - model.candidateCosts[k])
                    }
                    bound = max(bound, dual)
                    if bound < cost - tolerance { bounds.append((bound, outgoing, incoming)) }
                }
            }
            bounds.sort { ($0.bound, $0.in, $0.out) < ($1.bound, $1.in, $1.out) }
            var best: (cost: Double, open: [Int])? = nil
            for swap in bounds {
                if swap.bound >= (best?.cost ?? cost) - tolerance { break }
                let trial = (open.filter { $0 != swap.out } + [swap.in]).sorted()
                let trialCost = evaluator.cost(trial)
                if trialCost < (best?.cost ?? cost) - tolerance { best = (trialCost, trial) }
            }
            guard let best else { break }
            (open, cost) = (best.open, best.cost)
        }
        return open
    }

    /// The MIP of the type comment: columns `y_c` first, then one `x` per pair of `pairs`.
    static func formulation(_ problem: PlanningProblem, _ pairs: MinCostAssignment, maxOpen: Int) -> MixedIntegerProgram {
        let existing = problem.existingSiteCount
        let penalty = pairs.unassignedCost
        var mip = MixedIntegerProgram()
        var demandRow = [Int32](repeating: -1, count: problem.demandCount)
        for d in 0..<problem.demandCount where pairs.demandStarts[d + 1] > pairs.demandStarts[d] { demandRow[d] = mip.addRow(upper: 1) }
        let rows = problem.times.rowCount
        var capacityRow = [Int32](repeating: -1, count: rows)
        for r in 0..<rows where pairs.capacity[r].isFinite && pairs.rowStarts[r + 1] > pairs.rowStarts[r] {
            capacityRow[r] = mip.addRow(upper: r < existing ? pairs.capacity[r] : 0)
        }
        var linkRow = [Int32](repeating: -1, count: pairs.pairRow.count)
        for p in 0..<pairs.pairRow.count where Int(pairs.pairRow[p]) >= existing { linkRow[p] = mip.addRow(upper: 0) }
        let cardinality = mip.addRow(upper: Double(maxOpen))
        for candidate in 0..<problem.candidateCount {
            let r = existing + candidate
            _ = mip.addColumn(lower: 0, upper: 1, cost: 0, isInteger: true)
            var entries: [(Int32, Double)] = [(cardinality, 1)]
            if capacityRow[r] >= 0 { entries.append((capacityRow[r], -pairs.capacity[r])) }
            for k in pairs.rowStarts[r]..<pairs.rowStarts[r + 1] { entries.append((linkRow[Int(pairs.rowPairs[k])], -1)) }
            for (row, value) in entries.sorted(by: { $0.0 < $1.0 }) { mip.addEntry(row: row, value: value) }
        }
        var offset = 0.0
        for d in 0..<problem.demandCount { offset += pairs.weights[d] * penalty }
        for p in 0..<pairs.pairRow.count {
            let d = Int(pairs.pairDemand[p])
            let r = Int(pairs.pairRow[p])
            let w = pairs.weights[d]
            _ = mip.addColumn(lower: 0, upper: 1, cost: w * (Double(pairs.pairSeconds[p]) - penalty), isInteger: false)
            var entries: [(Int32, Double)] = [(demandRow[d], 1)]
            if capacityRow[r] >= 0 { entries.append((capacityRow[r], w)) }
            if linkRow[p] >= 0 { entries.append((linkRow[p], 1)) }
            for (row, value) in entries.sorted(by: { $0.0 < $1.0 }) { mip.addEntry(row: row, value: value) }
        }
        mip.objectiveOffset = offset
        return mip
    }
}

extension MinCostAssignment {
    /// Weight assigned over pairs of at most `limit` seconds.
    func weightWithin(_ limit: Float) -> Double {
        var sum = 0.0
        for p in 0..<flow.count where flow[p] != 0 && pairSeconds[p] <= limit { sum += flow[p] }
        return sum
    }
}

extension Planner {
    /// Capacitated p-median (Mulvey & Beck 1984, split demand): at most `newSites` candidates so that the
    /// total weighted riding time is least with every site's load within its capacity; weight no open site
    /// can take pays the unreached penalty. The result's values are weighted seconds, its loads the
    /// min-cost assignment (see `CapacitatedMedian`).
    /// - Throws: `PlanningError.invalidParameter` for a negative site count or capacities that do not
    ///   match the problem; `PlanningError.solverFailed` from CBC.
    public static func solveCapacitatedMedian(
        _ problem: PlanningProblem, capacities: SiteCapacities, newSites: Int, method: SolveMethod = .heuristic
    ) throws -> ExtendedPlanResult {
        try CapacitatedMedian.minimise(problem, capacities: capacities, newSites: newSites, method: method)
    }
}
