import Foundation

/// Backup coverage: Hogan & ReVelle (1986, "Concepts and applications of backup coverage", Management
/// Science 32:1434–1444), model BACOP2.
///
/// A demand is *covered* with at least one open site within T and *backed up* (double-covered) with at
/// least two, so it is still served when its nearest post is full or closed. The objective is
/// `maximise θ · Σ w_d u_d + (1 − θ) · Σ w_d v_d` with `u_d` = covered, `v_d` = double-covered.
/// θ = 0 is pure backup coverage (the first-level coverage only breaks no ties); the default θ = 0.5
/// weights both equally, i.e. maximises `Σ w_d · min(2, open sites covering d)`, which never trades
/// away a first coverage for a backup.
///
/// MIP (BACOP2, with existing stations folded into `n_d`, their count within T):
/// `u_d + v_d − Σ_c a_dc y_c ≤ n_d`, `v_d ≤ u_d`, `Σ y ≤ p`, `u_d ∈ [0, 1]`, `v_d ∈ {0, 1}`, `y_c ∈ {0, 1}`.
/// Heuristic: greedy on the marginal objective then best-improvement swaps.
enum BackupPlanner {
    /// Coverage pairs by candidate and the existing count per demand.
    struct Model {
        let weights: [Double]
        let existingCount: [Int]
        /// Candidate-major demands within T.
        let starts: [Int]
        let demands: [Int32]
        let theta: Double

        init(_ problem: PlanningProblem, theta: Double) {
            weights = problem.demandWeights
            self.theta = theta
            var count = [Int](repeating: 0, count: problem.demandCount)
            let times = problem.times
            for row in 0..<problem.existingSiteCount {
                for k in times.entries(ofRow: row) where times.seconds[k] <= problem.coverageLimit {
                    count[Int(times.demandIndices[k])] += 1
                }
            }
            existingCount = count
            var starts = [0]
            var demands: [Int32] = []
            for candidate in 0..<problem.candidateCount {
                for k in times.entries(ofRow: problem.row(ofCandidate: candidate)) where times.seconds[k] <= problem.coverageLimit {
                    demands.append(times.demandIndices[k])
                }
                starts.append(demands.count)
            }
            self.starts = starts
            self.demands = demands
        }

        /// What one more covering site is worth to a demand covered `n` times.
        @inline(__always) func step(_ d: Int, _ n: Int) -> Double {
            n == 0 ? theta * weights[d] : n == 1 ? (1 - theta) * weights[d] : 0
        }

        func value(_ counts: [Int]) -> Double {
            var sum = 0.0
            for d in 0..<weights.count {
                if counts[d] >= 1 { sum += theta * weights[d] }
                if counts[d] >= 2 { sum += (1 - theta) * weights[d] }
            }
            return sum
        }

        func counts(open: [Int]) -> [Int] {
            var counts = existingCount
            for c in open { for k in starts[c]..<starts[c + 1] { counts[Int(demands[k])] += 1 } }
            return counts
        }
    }

    static func solve(_ problem: PlanningProblem, newSites: Int, theta: Double, method: SolveMethod) throws -> ExtendedPlanResult {
        let started = ContinuousClock.now
        try Planner.checkSiteCount(newSites)
        guard theta >= 0, theta <= 1 else {
            throw PlanningError.invalidParameter(name: "theta", reason: "\(theta) must be in [0, 1]")
        }
        let model = Model(problem, theta: theta)
        let tolerance = 1e-9 * max(1, problem.totalWeight)
        let maxOpen = min(newSites, problem.candidateCount)
        var counts = model.existingCount
        var isOpen = [Bool](repeating: false, count: problem.candidateCount)
        var open: [Int] = []
        func gain(_ c: Int) -> Double {
            var g = 0.0
            for k in model.starts[c]..<model.starts[c + 1] {
                let d = Int(model.demands[k])
                g += model.step(d, counts[d])
            }
            return g
        }
        while open.count < maxOpen {
            var best = -1
            var bestGain = tolerance
            for c in 0..<problem.candidateCount where !isOpen[c] {
                let g = gain(c)
                if g > bestGain { (best, bestGain) = (c, g) }
            }
            guard best >= 0 else { break }
            isOpen[best] = true
            open.append(best)
            for k in model.starts[best]..<model.starts[best + 1] { counts[Int(model.demands[k])] += 1 }
        }
        // Best-improvement swaps: delta(out r, in j) = gain_j(after removing r) − loss_r.
        var marker = [Bool](repeating: false, count: problem.demandCount)
        var rounds = 0
        while !open.isEmpty, rounds < 1000 {
            rounds += 1
            var bestSwap: (out: Int, in: Int, delta: Double)? = nil
            for r in open {
                var loss = 0.0
                for k in model.starts[r]..<model.starts[r + 1] {
                    let d = Int(model.demands[k])
                    marker[d] = true
                    loss += model.step(d, counts[d] - 1)
                }
                for j in 0..<problem.candidateCount where !isOpen[j] {
                    var g = 0.0
                    for k in model.starts[j]..<model.starts[j + 1] {
                        let d = Int(model.demands[k])
                        g += model.step(d, marker[d] ? counts[d] - 1 : counts[d])
                    }
                    let delta = g - loss
                    if delta > (bestSwap?.delta ?? tolerance) { bestSwap = (r, j, delta) }
                }
                for k in model.starts[r]..<model.starts[r + 1] { marker[Int(model.demands[k])] = false }
            }
            guard let swap = bestSwap else { break }
            isOpen[swap.out] = false
            isOpen[swap.in] = true
            open = open.filter { $0 != swap.out } + [swap.in]
            for k in model.starts[swap.out]..<model.starts[swap.out + 1] { counts[Int(model.demands[k])] -= 1 }
            for k in model.starts[swap.in]..<model.starts[swap.in + 1] { counts[Int(model.demands[k])] += 1 }
        }
        var value = model.value(model.counts(open: open))
        var gap: Double? = nil
        var proven = false
        if case .exact(let limit) = method {
            let outcome = try ExactSolver.solve(
                formulation(model, candidateCount: problem.candidateCount, maxOpen: maxOpen),
                candidateCount: problem.candidateCount, warmStart: open, timeLimitSeconds: limit)
            if let exactOpen = outcome.open, exactOpen.count <= maxOpen {
                let exactValue = model.value(model.counts(open: exactOpen))
                if exactValue > value + tolerance { (open, value) = (exactOpen, exactValue) }
            }
            let upper = -outcome.bound
            proven = outcome.provenOptimal || upper - value <= 1e-6 * max(1, problem.totalWeight)
            gap = proven ? 0 : Planner.relativeGap(objective: value, bound: upper)
        }
        let before = Planner.service(problem, open: [])
        return ExtendedPlanResult(
            objectiveName: "backup", methodName: method.name, chosenCandidates: open.sorted(),
            objectiveValueBefore: model.value(model.existingCount), objectiveValue: value,
            capacitatedCoveredBefore: before.coveredWeight, capacitatedCovered: Planner.service(problem, open: open).coveredWeight,
            before: before, after: Planner.service(problem, open: open), loads: [], demandAssigned: [], gap: gap,
            provenOptimal: proven, seconds: (ContinuousClock.now - started).seconds)
    }

    /// BACOP2 as a minimisation: columns `y_c` first, then `u_d`, `v_d` for demands not already
    /// double-covered that some candidate covers; demands the existing stations settle are constants.
    static func formulation(_ model: Model, candidateCount: Int, maxOpen: Int) -> MixedIntegerProgram {
        var mip = MixedIntegerProgram()
        let demandCount = model.weights.count
        var useful = [Bool](repeating: false, count: demandCount)
        for k in 0..<model.demands.count { useful[Int(model.demands[k])] = true }
        var coverRow = [Int32](repeating: -1, count: demandCount)
        var orderRow = [Int32](repeating: -1, count: demandCount)
        var constant = 0.0
        for d in 0..<demandCount {
            let n = model.existingCount[d]
            if n >= 1 { constant += model.theta * model.weights[d] }
            if n >= 2 { constant += (1 - model.theta) * model.weights[d] }
            guard useful[d], n < 2 else { continue }
            coverRow[d] = mip.addRow(upper: Double(n))
            orderRow[d] = mip.addRow(upper: 0)
        }
        let cardinality = mip.addRow(upper: Double(maxOpen))
        for c in 0..<candidateCount {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 0, isInteger: true)
            var rows: [Int32] = []
            for k in model.starts[c]..<model.starts[c + 1] where coverRow[Int(model.demands[k])] >= 0 {
                rows.append(coverRow[Int(model.demands[k])])
            }
            for row in rows.sorted() { mip.addEntry(row: row, value: -1) }
            mip.addEntry(row: cardinality, value: 1)
        }
        for d in 0..<demandCount where coverRow[d] >= 0 {
            let n = model.existingCount[d]
            // u_d: already 1 when an existing station covers d (then its value is in the constant).
            _ = mip.addColumn(lower: n >= 1 ? 1 : 0, upper: 1, cost: n >= 1 ? 0 : -model.theta * model.weights[d], isInteger: false)
            mip.addEntry(row: coverRow[d], value: 1)
            mip.addEntry(row: orderRow[d], value: -1)
            _ = mip.addColumn(lower: 0, upper: 1, cost: -(1 - model.theta) * model.weights[d], isInteger: true)
            mip.addEntry(row: coverRow[d], value: 1)
            mip.addEntry(row: orderRow[d], value: 1)
        }
        mip.objectiveOffset = -constant
        return mip
    }
}

extension Planner {
    /// Backup coverage (Hogan & ReVelle 1986, BACOP2): opens at most `newSites` candidates maximising
    /// `θ · covered weight + (1 − θ) · double-covered weight` within T (see `BackupPlanner`); θ = 0 is
    /// pure backup coverage, the default 0.5 weights first and second coverage equally. The result's
    /// `after.doubleCoveredShare` is the backed-up share beside `after.coveredShare`.
    /// - Throws: `PlanningError.invalidParameter` for a negative site count or θ outside [0, 1];
    ///   `PlanningError.solverFailed` from CBC.
    public static func solveBackupCoverage(
        _ problem: PlanningProblem, newSites: Int, theta: Double = 0.5, method: SolveMethod = .heuristic
    ) throws -> ExtendedPlanResult {
        try BackupPlanner.solve(problem, newSites: newSites, theta: theta, method: method)
    }
}
