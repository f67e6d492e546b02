import Foundation
import Testing

@testable import Planner

/// Tiny random instances (≤ 8 candidates) against brute force over every subset: exact always equals
/// brute force; the heuristic is a swap-local optimum and meets its stated bound (greedy MCLP: at least
/// 1 − 1/e of the best new coverage; greedy LSCP: at most H(d) times the fewest sites, d the most demands
/// one candidate can newly cover).
@Suite struct BruteForceTests {
    static let seeds: [UInt64] = Array(1...25)

    @Test(arguments: seeds) func coverageMatchesBruteForce(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, demands: 14, existing: Int(seed % 3), candidates: 8)
        let brute = BruteForce(problem: problem)
        for k in 0...4 {
            let best = brute.bestCoverage(newSites: k)
            let exact = try Planner.solve(problem, objective: .coverage(newSites: k), method: .exact(timeLimitSeconds: 30))
            let heuristic = try Planner.solve(problem, objective: .coverage(newSites: k))
            #expect(abs(exact.objectiveValue - best) < 1e-9, "seed \(seed) k \(k)")
            let before = brute.coveredWeight(open: [])
            #expect(heuristic.objectiveValue - before >= (1 - 1 / M_E) * (best - before) - 1e-9, "seed \(seed) k \(k)")
            #expect(heuristic.objectiveValue <= best + 1e-9)
            #expect(brute.isSwapLocalOptimum(heuristic.chosenCandidates, newSites: k) { -brute.coveredWeight(open: $0) })
            #expect(abs(brute.coveredWeight(open: exact.chosenCandidates) - exact.objectiveValue) < 1e-9)
            #expect(exact.sites.count <= k && exact.provenOptimal && exact.gap! < 1e-9)
        }
    }

    @Test(arguments: seeds) func meanTimeMatchesBruteForce(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, demands: 14, existing: Int(seed % 3), candidates: 8)
        let brute = BruteForce(problem: problem)
        for k in 0...4 {
            let best = brute.bestWeightedTime(newSites: k)
            let exact = try Planner.solve(problem, objective: .meanTime(newSites: k), method: .exact(timeLimitSeconds: 30))
            let heuristic = try Planner.solve(problem, objective: .meanTime(newSites: k))
            #expect(abs(exact.objectiveValue - best) < 1e-9, "seed \(seed) k \(k)")
            #expect(heuristic.objectiveValue >= best - 1e-9)
            #expect(brute.isSwapLocalOptimum(heuristic.chosenCandidates, newSites: k) { brute.weightedTime(open: $0) })
            #expect(abs(brute.weightedTime(open: exact.chosenCandidates) - exact.objectiveValue) < 1e-9)
        }
    }

    @Test(arguments: seeds) func coverAllMatchesBruteForce(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, demands: 14, existing: Int(seed % 3), candidates: 8, density: 0.35)
        let brute = BruteForce(problem: problem)
        for share in [1.0, 0.8, 0.5] {
            let fewest = brute.fewestSites(targetShare: share)
            let exact = try Planner.solve(problem, objective: .coverAll(targetShare: share), method: .exact(timeLimitSeconds: 30))
            let heuristic = try Planner.solve(problem, objective: .coverAll(targetShare: share))
            #expect(Int(exact.objectiveValue) == fewest, "seed \(seed) share \(share)")
            #expect(Int(heuristic.objectiveValue) >= fewest)
            if share == 1 {
                let harmonic = (1...max(1, brute.mostNewlyCovered())).reduce(0.0) { $0 + 1 / Double($1) }
                #expect(heuristic.objectiveValue <= harmonic * Double(fewest) + 1e-9, "seed \(seed)")
            }
            for result in [exact, heuristic] {
                #expect(brute.coveredWeight(open: result.chosenCandidates) >= share * problem.coverableWeight - 1e-9)
            }
        }
    }

    @Test(arguments: seeds) func existingStationsStayAndHeuristicNeverBeatsExact(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, demands: 14, existing: 2, candidates: 8)
        let before = BruteForce(problem: problem).nearest(open: [])
        for objective in [PlanningObjective.coverage(newSites: 3), .meanTime(newSites: 3)] {
            let exact = try Planner.solve(problem, objective: objective, method: .exact(timeLimitSeconds: 30))
            let heuristic = try Planner.solve(problem, objective: objective)
            for result in [exact, heuristic] {
                let after = BruteForce(problem: problem).nearest(open: result.chosenCandidates)
                #expect(zip(before, after).allSatisfy { $1 <= $0 })  // existing stations still serve
                #expect(result.before.coveredWeight == BruteForce(problem: problem).coveredWeight(open: []))
                #expect(result.sites.allSatisfy { $0.candidate < problem.candidateCount })
            }
            if case .coverage = objective {
                #expect(heuristic.objectiveValue <= exact.objectiveValue + 1e-9)
            } else {
                #expect(heuristic.objectiveValue >= exact.objectiveValue - 1e-9)
            }
        }
    }
}
