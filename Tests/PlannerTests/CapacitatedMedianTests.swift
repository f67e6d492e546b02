import Testing

@testable import Planner

/// Nearest-station loads in capacitated plans (min-cost assignment) and the capacitated p-median
/// (Mulvey & Beck 1984) on hand-made fixtures and on OR-Library pmed1 against CBC.
@Suite struct CapacitatedMedianTests {
    /// Stations S0 (unlimited) and S1 (capacity 2); hotspots A (3), B (2), C (4), T = 10 s:
    /// A: S0 2 s, S1 6 s; B: S0 5 s, S1 1 s; C: S0 8 s, S1 3 s.
    ///
    /// Every hotspot fits at S0, so all 9 are assigned. Nearest stations would give S1 B + C = 6 > 2.
    /// A unit moved from S0 to S1 saves 4 s for B and 5 s for C (and costs 4 s for A), so S1 takes 2 of
    /// C and the rest spills to S0: S0 = 3 + 2 + 2 = 7, S1 = 2; weighted seconds
    /// 3·2 + 2·5 + 2·8 + 2·3 = 38. Without S1's capacity: nearest loads S0 = 3, S1 = 2 + 4 = 6.
    static func twoStations(s1Capacity: Double) throws -> (PlanningProblem, SiteCapacities) {
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 2), (1, 5), (2, 8)], [(0, 6), (1, 1), (2, 3)]]
        let problem = try PlanningProblem(
            demandWeights: [3, 2, 4], existingSiteCount: 2, candidateCount: 0,
            times: SparseTimeMatrix(demandCount: 3, rows: rows), coverageLimit: 10, unreachedPenalty: 100)
        return (problem, try SiteCapacities(existing: [.infinity, s1Capacity], candidates: []))
    }

    @Test func capacitatedLoadsAreTheNearestStationLoadsWithSpillOver() throws {
        let (problem, capacities) = try Self.twoStations(s1Capacity: 2)
        let result = try Planner.solveCapacitatedCoverage(problem, capacities: capacities, newSites: 0)
        #expect(result.capacitatedCovered == 9)
        #expect(result.loads == [SiteLoad(row: 0, load: 7, capacity: .infinity), SiteLoad(row: 1, load: 2, capacity: 2)])
        var flow = MinCostAssignment(problem: problem, capacities: capacities, kind: .coverage)
        flow.open([0, 1])
        #expect(flow.assignedWeightedSeconds == 38)
        // C's split: 2 at S1, 2 at S0; A and B wholly at S0.
        #expect(flow.flow == [3, 0, 2, 0, 2, 2])

        let (_, unlimited) = try Self.twoStations(s1Capacity: .infinity)
        let nearest = try Planner.solveCapacitatedCoverage(problem, capacities: unlimited, newSites: 0)
        #expect(nearest.loads.map(\.load) == [3, 6])
    }

    /// Station S (capacity 2) reaches A (2) and B (2) in 1 s; candidate c0 (capacity 10) reaches A and B in
    /// 2 s and C (1) in 50 s; c1 reaches C in 1 s. Penalty 100 s, one new site.
    ///
    /// Uncapacitated: S serves A and B (4 weighted s); c1 brings C from 100 to 1 → 5; c0 → 54: c1, 5.
    /// Capacitated: S takes 2 units (2 s), 2 units are left at 100 s: with c1 2 + 200 + 1 = 203; with c0
    /// the 2 units ride 2 s and C 50 s: 2 + 4 + 50 = 56: c0, 56 (51 more than without capacities).
    static func medianFixture() throws -> (PlanningProblem, SiteCapacities) {
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 1), (1, 1)], [(0, 2), (1, 2), (2, 50)], [(2, 1)]]
        let problem = try PlanningProblem(
            demandWeights: [2, 2, 1], existingSiteCount: 1, candidateCount: 2,
            times: SparseTimeMatrix(demandCount: 3, rows: rows), coverageLimit: 10, unreachedPenalty: 100)
        return (problem, try SiteCapacities(existing: [2], candidates: [10, 10]))
    }

    @Test(arguments: [SolveMethod.heuristic, .exact(timeLimitSeconds: 30)])
    func capacityMovesTheMedianByTheHandComputedAmount(method: SolveMethod) throws {
        let (problem, capacities) = try Self.medianFixture()
        let plain = try Planner.solve(problem, objective: .meanTime(newSites: 1), method: method)
        #expect(plain.chosenCandidates == [1])
        #expect(plain.objectiveValue == 5)
        let capacitated = try Planner.solveCapacitatedMedian(problem, capacities: capacities, newSites: 1, method: method)
        #expect(capacitated.chosenCandidates == [0])
        #expect(capacitated.objectiveValueBefore == 302)
        #expect(capacitated.objectiveValue == 56)
        #expect(capacitated.objectiveValue - plain.objectiveValue == 51)
        #expect(CapacitatedMedian.assignment(problem, capacities, open: [1]).totalCost == 203)
        #expect(capacitated.loads == [SiteLoad(row: 0, load: 2, capacity: 2), SiteLoad(row: 1, load: 3, capacity: 10)])
        // Within T = 10 s: the 4 units of A and B (C rides 50 s).
        #expect(capacitated.capacitatedCovered == 4)
        if case .exact = method { #expect(capacitated.provenOptimal && capacitated.gap == 0) }
    }

    /// The variant entry point reports the capacitated p-median in weighted seconds.
    @Test func variantReportsWeightedSeconds() throws {
        let (problem, capacities) = try Self.medianFixture()
        let solved = try Planner.solveVariant(
            problem, objective: .meanTime(newSites: 1), options: PlanVariantOptions(capacities: capacities), method: .heuristic)
        #expect(solved.plan.chosenCandidates == [0])
        #expect(solved.plan.objectiveValueBefore == 302)
        #expect(solved.plan.objectiveValue == 56)
    }

    /// Station S (capacity 2) reaches A (weight 4) in 1 s; candidate c0 (capacity 2) reaches A in 5 s and
    /// B (weight 2) in 10 s; c1 (capacity 1) reaches B in 2 s. Penalty 100 s, two new sites.
    ///
    /// Capacitated cost: stations alone 2·1 + 2·100 (A's rest) + 2·100 (B) = 402. With c0 its 2 units go
    /// to A (saving 95 each, B would save 90): 402 − 190 = 212; with c1 alone one unit of B: 402 − 98 = 304.
    /// So c0 ranks first saving 190; then c1 takes one unit of B: 212 − 98 = 114, saving 98;
    /// 190 + 98 = 402 − 114. Uncapacitated, c1 ranks first (B 100 → 2 s: 196) and c0 saves 0 (A is 1 s
    /// from S, B 2 s from c1) — the nearest-station saving the capacitated ranking replaces.
    static func rankingFixture() throws -> (PlanningProblem, SiteCapacities) {
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 1)], [(0, 5), (1, 10)], [(1, 2)]]
        let problem = try PlanningProblem(
            demandWeights: [4, 2], existingSiteCount: 1, candidateCount: 2,
            times: SparseTimeMatrix(demandCount: 2, rows: rows), coverageLimit: 10, unreachedPenalty: 100)
        return (problem, try SiteCapacities(existing: [2], candidates: [2, 1]))
    }

    @Test(arguments: [SolveMethod.heuristic, .exact(timeLimitSeconds: 30)])
    func capacitatedSitesRankAndSaveByTheCapacitatedCost(method: SolveMethod) throws {
        let (problem, capacities) = try Self.rankingFixture()
        let solved = try Planner.solveVariant(
            problem, objective: .meanTime(newSites: 2), options: PlanVariantOptions(capacities: capacities), method: method)
        #expect(solved.plan.objectiveValueBefore == 402)
        #expect(solved.plan.objectiveValue == 114)
        #expect(solved.plan.sites.map(\.candidate) == [0, 1])
        #expect(solved.plan.sites.map(\.secondsSaved) == [190, 98])
        #expect(solved.plan.sites.map(\.secondsSaved).reduce(0, +) == solved.plan.objectiveValueBefore - solved.plan.objectiveValue)
        #expect(solved.extended?.loads.map(\.load) == [2, 2, 1])
        // Coverage fields stay uncapacitated, in the new order: c0 newly covers B (10 s ≤ 10 s), c1 nothing more.
        #expect(solved.plan.sites.map(\.addedWeight) == [2, 0])

        let uncapacitated = SiteRanking.rank([0, 1], in: problem, bySecondsSaved: true)
        #expect(uncapacitated.sites.map(\.candidate) == [1, 0])
        #expect(uncapacitated.sites.map(\.secondsSaved) == [196, 0])
    }

    /// pmed1 (p = 5, 100 unit demands) with capacity 22 per site (the uncapacitated optimum 5819 has a
    /// larger median): the heuristic is within 1 % of CBC's proven optimum, which is at least 5819.
    @Test func pmed1WithCapacityWithinOnePercentOfCBC() throws {
        let instance = try loadORLib("pmed1.txt")
        let problem = try instance.planningProblem(searchLimit: .infinity, coverageLimit: .infinity)
        let capacities = try SiteCapacities(existing: [], candidates: [Double](repeating: 22, count: problem.candidateCount))
        let heuristic = try Planner.solveCapacitatedMedian(problem, capacities: capacities, newSites: 5)
        let exact = try Planner.solveCapacitatedMedian(problem, capacities: capacities, newSites: 5, method: .exact(timeLimitSeconds: 300))
        #expect(exact.provenOptimal)
        #expect(exact.objectiveValue >= 5819 - 1e-6)
        #expect(heuristic.objectiveValue <= 1.01 * exact.objectiveValue)
        #expect(exact.loads.allSatisfy { $0.load <= 22 + 1e-9 })
        #expect(abs(exact.loads.map(\.load).reduce(0, +) - 100) < 1e-9)
    }
}
