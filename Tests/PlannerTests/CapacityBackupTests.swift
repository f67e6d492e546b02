import Testing

@testable import Planner

/// Capacitated coverage (Current & Storbeck 1988) and backup coverage (Hogan & ReVelle 1986) on
/// hand-made fixtures and on OR-Library pmed1/pmed2 against CBC's proven optimum.
@Suite struct CapacityBackupTests {
    /// Station S (row 0, capacity 3) covers A (3) and B (3); candidate c0 covers A, B, C (2);
    /// candidate c1 covers D (4). Total weight 12, T = 10.
    ///
    /// Uncapacitated, one new site: S covers A + B = 6; c0 adds C → 8, c1 adds D → 10: choose c1, 10.
    /// Capacitated (S takes at most 3, candidates 10): S alone 3; with c1: 3 + 4 = 7; with c0: S 3 and
    /// c0 takes the other 3 of A/B plus C = 5 → 8: choose c0, 8. The optima differ by 10 − 8 = 2 and the
    /// capacitated value of the uncapacitated choice (c1) is 7.
    static func capacityFixture() throws -> (PlanningProblem, SiteCapacities) {
        let rows: [[(demand: Int, seconds: Float)]] = [
            [(0, 5), (1, 5)],
            [(0, 8), (1, 8), (2, 8)],
            [(3, 2)],
        ]
        let problem = try PlanningProblem(
            demandWeights: [3, 3, 2, 4], existingSiteCount: 1, candidateCount: 2,
            times: SparseTimeMatrix(demandCount: 4, rows: rows), coverageLimit: 10, unreachedPenalty: 100)
        let capacities = try SiteCapacities(for: problem, existing: [3], candidates: [nil, nil], defaultCandidate: 10)
        return (problem, capacities)
    }

    @Test(arguments: [SolveMethod.heuristic, .exact(timeLimitSeconds: 30)])
    func capacityChangesTheBestSiteByTheHandComputedAmount(method: SolveMethod) throws {
        let (problem, capacities) = try Self.capacityFixture()
        let plain = try Planner.solve(problem, objective: .coverage(newSites: 1), method: method)
        #expect(plain.chosenCandidates == [1])
        #expect(plain.objectiveValue == 10)
        let capacitated = try Planner.solveCapacitatedCoverage(problem, capacities: capacities, newSites: 1, method: method)
        #expect(capacitated.chosenCandidates == [0])
        #expect(capacitated.capacitatedCoveredBefore == 3)
        #expect(capacitated.capacitatedCovered == 8)
        #expect(plain.objectiveValue - capacitated.capacitatedCovered == 2)
        #expect(CapacitatedPlanner.coveredWeight(problem, capacities, open: [1]) == 7)
        #expect(capacitated.loads == [SiteLoad(row: 0, load: 3, capacity: 3), SiteLoad(row: 1, load: 5, capacity: 10)])
        #expect(capacitated.loads[0].loadRatio == 1)
        // Uncapacitated service of the capacitated plan: S and c0 cover A, B, C.
        #expect(capacitated.after.coveredWeight == 8)
        if case .exact = method { #expect(capacitated.provenOptimal && capacitated.gap == 0) }
    }

    @Test(arguments: [SolveMethod.heuristic, .exact(timeLimitSeconds: 30)])
    func coverAllWithCapacitiesNeedsBothCandidates(method: SolveMethod) throws {
        let (problem, capacities) = try Self.capacityFixture()
        let all = try Planner.solveCapacitatedCoverAll(problem, capacities: capacities, method: method)
        #expect(all.chosenCandidates == [0, 1])
        #expect(all.capacitatedCovered == 12)
        // 3 + 5 = 8 of 12 (2/3) is reachable with c0 alone; 7 with c1 alone.
        let twoThirds = try Planner.solveCapacitatedCoverAll(problem, capacities: capacities, targetShare: 8.0 / 12, method: method)
        #expect(twoThirds.chosenCandidates == [0])
    }

    /// One demand of weight 4 within reach of two stations of capacity 2 each: splitting covers all 4.
    @Test func demandIsSplitAcrossSites() throws {
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 1)], [(0, 1)]]
        let problem = try PlanningProblem(
            demandWeights: [4], existingSiteCount: 2, candidateCount: 0,
            times: SparseTimeMatrix(demandCount: 1, rows: rows), coverageLimit: 5, unreachedPenalty: 10)
        let result = try Planner.solveCapacitatedCoverage(
            problem, capacities: SiteCapacities(existing: [2, 2], candidates: []), newSites: 0)
        #expect(result.capacitatedCovered == 4)
        #expect(result.loads.map(\.load) == [2, 2])
        #expect(result.demandAssigned == [4])
    }

    /// Capacities that are not ≥ 0 are refused with the site named.
    @Test func negativeCapacityIsRefused() {
        #expect(throws: PlanningError.self) { try SiteCapacities(existing: [-1], candidates: []) }
    }

    /// Station S covers A (5) and B (1). Candidate c0 covers A; c1 covers B and C (2); c2 covers C.
    /// One new site, θ = 0 (pure backup): c0 backs up A (5), c1 backs up B (1) and covers C, c2 covers C
    /// only: choose c0, double-covered 5. With θ = 0.5: c0 → 0.5·5 = 2.5, c1 → 0.5·1 + 0.5·2 = 1.5, c0 again.
    /// Two new sites, θ = 0: {c0, c1} backs up A and B = 6; {c1, c2} backs up B and C = 3: choose {c0, c1}.
    @Test(arguments: [SolveMethod.heuristic, .exact(timeLimitSeconds: 30)])
    func backupFixture(method: SolveMethod) throws {
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 1), (1, 1)], [(0, 2)], [(1, 2), (2, 2)], [(2, 3)]]
        let problem = try PlanningProblem(
            demandWeights: [5, 1, 2], existingSiteCount: 1, candidateCount: 3,
            times: SparseTimeMatrix(demandCount: 3, rows: rows), coverageLimit: 5, unreachedPenalty: 10)
        let one = try Planner.solveBackupCoverage(problem, newSites: 1, theta: 0, method: method)
        #expect(one.chosenCandidates == [0])
        #expect(one.objectiveValue == 5)
        #expect(one.after.doubleCoveredWeight == 5)
        #expect(one.after.coveredShare == 6.0 / 8)
        let half = try Planner.solveBackupCoverage(problem, newSites: 1, method: method)
        #expect(half.chosenCandidates == [0])
        #expect(half.objectiveValue == 0.5 * 6 + 0.5 * 5)
        let two = try Planner.solveBackupCoverage(problem, newSites: 2, theta: 0, method: method)
        #expect(two.chosenCandidates == [0, 1])
        #expect(two.after.doubleCoveredShare == 6.0 / 8)
        #expect(two.after.coveredShare == 1)
        if case .exact = method { #expect(two.provenOptimal) }
    }

    /// pmed1/pmed2 (unit weights, distances as times) with T = 60: the heuristic stays within 1 % of CBC's
    /// proven optimum for coverage, capacitated coverage (capacity 12 per site: it binds, 56 of 59 on pmed1),
    /// backup (θ = 0.5), and capacitated cover-all (site count). pmed1 only: pmed2 (p = 10) passed the same
    /// checks but took most of a minute in a debug build (phase-1 report); CI keeps the quicker instance.
    @Test(arguments: [("pmed1.txt", 5)])
    func heuristicsWithinOnePercentOfProvenOptimum(file: String, p: Int) throws {
        let instance = try loadORLib(file)
        let problem = try instance.planningProblem(searchLimit: 60, coverageLimit: 60)
        let capacities = try SiteCapacities(
            existing: [], candidates: [Double](repeating: 12, count: problem.candidateCount))
        let limit = SolveMethod.exact(timeLimitSeconds: 120)

        let coverage = try Planner.solve(problem, objective: .coverage(newSites: p))
        let coverageExact = try Planner.solve(problem, objective: .coverage(newSites: p), method: limit)
        #expect(coverageExact.provenOptimal)
        #expect(coverage.objectiveValue >= 0.99 * coverageExact.objectiveValue)

        let capacitated = try Planner.solveCapacitatedCoverage(problem, capacities: capacities, newSites: p)
        let capacitatedExact = try Planner.solveCapacitatedCoverage(problem, capacities: capacities, newSites: p, method: limit)
        #expect(capacitatedExact.provenOptimal)
        #expect(capacitated.capacitatedCovered >= 0.99 * capacitatedExact.capacitatedCovered)
        #expect(capacitatedExact.capacitatedCovered <= Double(12 * p))
        #expect(capacitatedExact.loads.allSatisfy { $0.load <= $0.capacity + 1e-9 })

        let backup = try Planner.solveBackupCoverage(problem, newSites: p)
        let backupExact = try Planner.solveBackupCoverage(problem, newSites: p, method: limit)
        #expect(backupExact.provenOptimal)
        #expect(backup.objectiveValue >= 0.99 * backupExact.objectiveValue)
        #expect(backupExact.objectiveValue >= backup.objectiveValue - 1e-9)

        let coverAll = try Planner.solveCapacitatedCoverAll(problem, capacities: capacities)
        let coverAllExact = try Planner.solveCapacitatedCoverAll(problem, capacities: capacities, method: limit)
        #expect(coverAllExact.provenOptimal)
        #expect(Double(coverAll.chosenCandidates.count) <= 1.01 * Double(coverAllExact.chosenCandidates.count))
        print(
            "\(file) T=60 p=\(p): coverage \(coverage.objectiveValue)/\(coverageExact.objectiveValue), capacitated \(capacitated.capacitatedCovered)/\(capacitatedExact.capacitatedCovered), backup \(backup.objectiveValue)/\(backupExact.objectiveValue), cover-all \(coverAll.chosenCandidates.count)/\(coverAllExact.chosenCandidates.count)"
        )
    }
}
