import TestSupport
import Testing

@testable import Planner

/// The coverage frontier and a mid-size seeded MCLP.
@Suite struct FrontierTests {
    @Test(arguments: [UInt64(3), 11, 29]) func frontierNeverDecreasesAndMatchesBruteForce(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, demands: 16, existing: 1, candidates: 8, density: 0.3)
        let brute = BruteForce(problem: problem)
        let heuristic = try Planner.coverageFrontier(problem, newSites: 1...6)
        let exact = try Planner.coverageFrontier(problem, newSites: 1...6, method: .exact(timeLimitSeconds: 30))
        for points in [heuristic, exact] {
            #expect(points.map(\.newSites) == Array(1...6))
            #expect(zip(points, points.dropFirst()).allSatisfy { $0.coveredShare <= $1.coveredShare })
            #expect(points.allSatisfy { $0.candidates.count <= $0.newSites })
            #expect(points.allSatisfy { abs(brute.coveredWeight(open: $0.candidates) - $0.coveredWeight) < 1e-9 })
        }
        for (h, e) in zip(heuristic, exact) {
            #expect(h.coveredWeight <= e.coveredWeight + 1e-9)
            #expect(abs(e.coveredWeight - brute.bestCoverage(newSites: e.newSites)) < 1e-9)
        }
    }

    /// Demands and candidates scattered on a 10 km square, 15 km/h, T = 15 min, search limit 25 min.
    static func planarMCLP(seed: UInt64, demands: Int, candidates: Int, existing: Int) throws -> PlanningProblem {
        var rng = SplitMix64(seed: seed)
        func point() -> (Double, Double) { (Double.random(in: 0..<10_000, using: &rng), Double.random(in: 0..<10_000, using: &rng)) }
        let demandPoints = (0..<demands).map { _ in point() }
        let weights = (0..<demands).map { _ in Double(Int.random(in: 1...20, using: &rng)) }
        let rows: [[(demand: Int, seconds: Float)]] = (0..<(existing + candidates)).map { _ in
            let site = point()
            return demandPoints.enumerated().compactMap { index, p in
                let seconds = ((p.0 - site.0) * (p.0 - site.0) + (p.1 - site.1) * (p.1 - site.1)).squareRoot() / (15_000.0 / 3600)
                return seconds <= 1500 ? (index, Float(seconds)) : nil
            }
        }
        return try PlanningProblem(
            demandWeights: weights, existingSiteCount: existing, candidateCount: candidates,
            times: SparseTimeMatrix(demandCount: demands, rows: rows), coverageLimit: 900, unreachedPenalty: 2400)
    }

    @Test func seededMCLPHeuristicNeverBeatsExact() throws {
        let problem = try Self.planarMCLP(seed: 2024, demands: 600, candidates: 80, existing: 3)
        let heuristic = try Planner.solve(problem, objective: .coverage(newSites: 6))
        let exact = try Planner.solve(problem, objective: .coverage(newSites: 6), method: .exact(timeLimitSeconds: 120))
        #expect(heuristic.objectiveValue <= exact.objectiveValue + 1e-9)
        #expect(exact.objectiveValue > exact.objectiveValueBefore)
        #expect(exact.gap! >= 0)
        #expect(abs(BruteForce(problem: problem).coveredWeight(open: exact.chosenCandidates) - exact.objectiveValue) < 1e-6)
        let median = try Planner.solve(problem, objective: .meanTime(newSites: 6))
        let medianExact = try Planner.solve(problem, objective: .meanTime(newSites: 6), method: .exact(timeLimitSeconds: 120))
        #expect(median.objectiveValue >= medianExact.objectiveValue - 1e-6)
    }
}
