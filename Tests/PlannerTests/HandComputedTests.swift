import Testing

@testable import Planner

/// A four-demand example worked out by hand.
///
/// Demands A(5) B(3) C(2) D(1), T = 10 s, penalty 30 s. Existing E: A 4 s, D 20 s.
/// Candidates: c0 B 5, C 12 · c1 A 2, C 6, D 8 · c2 B 9, C 9.
@Suite struct HandComputedTests {
    static func problem() throws -> PlanningProblem {
        let rows: [[(demand: Int, seconds: Float)]] = [
            [(0, 4), (3, 20)],
            [(1, 5), (2, 12)],
            [(2, 6), (3, 8), (0, 2)],
            [(1, 9), (2, 9)],
        ]
        return try PlanningProblem(
            demandWeights: [5, 3, 2, 1], existingSiteCount: 1, candidateCount: 3,
            times: SparseTimeMatrix(demandCount: 4, rows: rows), coverageLimit: 10, unreachedPenalty: 30)
    }

    @Test func coverageRanksByMarginalWeight() throws {
        let result = try Planner.solve(Self.problem(), objective: .coverage(newSites: 2))
        #expect(result.objectiveValueBefore == 5)
        #expect(result.objectiveValue == 11)
        #expect(result.sites.map(\.candidate) == [2, 1])
        #expect(result.sites.map(\.rank) == [1, 2])
        #expect(result.sites.map(\.addedWeight) == [5, 1])
        #expect(result.sites.map(\.takenDemands) == [[1, 2], [3]])
        #expect(result.sites.map(\.hotspotsTaken) == [2, 1])
        #expect(result.sites.map(\.cumulativeShare) == [10.0 / 11, 1])
        #expect(result.gap == nil && result.methodName == "heuristic")
        #expect(result.after.coveredDemands == 4)
    }

    @Test func meanTimeRanksBySecondsSaved() throws {
        let one = try Planner.solve(Self.problem(), objective: .meanTime(newSites: 1), method: .exact(timeLimitSeconds: 10))
        #expect(one.objectiveValueBefore == 190)
        #expect(one.objectiveValue == 79)
        #expect(one.chosenCandidates == [0])
        let two = try Planner.solve(Self.problem(), objective: .meanTime(newSites: 2))
        #expect(two.objectiveValue == 45)
        #expect(two.sites.map(\.candidate) == [0, 1])
        #expect(two.sites.map(\.secondsSaved) == [111, 34])
        #expect(two.after.meanSeconds == 45.0 / 11)
    }

    @Test func coverAllNeedsTwoSitesForEverythingAndOneForEightyPercent() throws {
        let all = try Planner.solve(Self.problem(), objective: .coverAll(targetShare: 1), method: .exact(timeLimitSeconds: 10))
        #expect(all.objectiveValue == 2)
        #expect(all.after.coveredWeight == 11)
        #expect(all.provenOptimal && all.gap == 0)
        let most = try Planner.solve(Self.problem(), objective: .coverAll(targetShare: 0.8))
        #expect(most.chosenCandidates == [2])
        #expect(most.after.coveredWeight == 10)
    }

    @Test func frontierIsTheBestShareForEachK() throws {
        let points = try Planner.coverageFrontier(Self.problem(), newSites: 0...3, method: .exact(timeLimitSeconds: 10))
        #expect(points.map(\.newSites) == [0, 1, 2, 3])
        #expect(points.map(\.coveredWeight) == [5, 10, 11, 11])
        #expect(points[3].candidates.count == 2)  // a third site would add nothing
        #expect(points.allSatisfy { $0.gap == 0 })
    }

    @Test func invalidParametersAreTypedErrors() throws {
        let problem = try Self.problem()
        #expect(throws: PlanningError.self) { try Planner.solve(problem, objective: .coverage(newSites: -1)) }
        #expect(throws: PlanningError.self) { try Planner.solve(problem, objective: .coverAll(targetShare: 0)) }
        #expect(throws: PlanningError.self) { try Planner.solve(problem, objective: .coverAll(targetShare: 1.5)) }
    }
}
