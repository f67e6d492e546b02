import Testing

@testable import Planner

/// Robust plans over a speed band.
@Suite struct RobustPlanTests {
    /// Demands A (4) and B (3), T = 10. At HIGH speed candidate c0 reaches A in 8 s and B in 9 s, c1 reaches
    /// A in 6 s. At LOW speed (times × 1.5) c0 reaches A in 12 s and B in 13.5 s (neither), c1 reaches A in 9 s.
    /// Planning at HIGH picks c0 (7 covered, 0 at LOW); the robust plan picks c1: 4 at LOW, 4 at HIGH.
    @Test func plansForTheSlowSpeedAndReportsBoth() throws {
        func problem(_ factor: Float) throws -> PlanningProblem {
            let rows: [[(demand: Int, seconds: Float)]] = [[(0, 8 * factor), (1, 9 * factor)], [(0, 6 * factor)]]
            return try PlanningProblem(
                demandWeights: [4, 3], existingSiteCount: 0, candidateCount: 2,
                times: SparseTimeMatrix(demandCount: 2, rows: rows), coverageLimit: 10, unreachedPenalty: 100)
        }
        let low = try problem(1.5)
        let high = try problem(1)
        #expect(try Planner.solve(high, objective: .coverage(newSites: 1)).chosenCandidates == [0])
        let robust = try Planner.solveRobust(low: low, high: high, objective: .coverage(newSites: 1))
        #expect(robust.plan.chosenCandidates == [1])
        #expect(robust.plan.after.coveredWeight == 4)
        #expect(robust.afterHigh.coveredWeight == 4)
        let frontier = try Planner.robustCoverageFrontier(low: low, high: high, newSites: 0...2)
        #expect(frontier.map(\.low.coveredShare) == [0, 4.0 / 7, 4.0 / 7])
        #expect(frontier.map(\.coveredShareHigh) == [0, 4.0 / 7, 4.0 / 7])
        let mismatched = try PlanningProblem(
            demandWeights: [4, 2], existingSiteCount: 0, candidateCount: 2,
            times: SparseTimeMatrix(demandCount: 2, rows: [[], []]), coverageLimit: 10, unreachedPenalty: 100)
        #expect(throws: PlanningError.self) { try Planner.solveRobust(low: low, high: mismatched, objective: .coverage(newSites: 1)) }
    }
}
