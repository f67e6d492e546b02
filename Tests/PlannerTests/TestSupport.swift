import Foundation
import TestSupport

@testable import Planner

/// A random small problem: integer times (so ties happen), integer weights.
func randomProblem(
    seed: UInt64, demands: Int, existing: Int, candidates: Int, density: Double = 0.6, coverageLimit: Float = 8
) throws -> PlanningProblem {
    var rng = SplitMix64(seed: seed)
    let weights = (0..<demands).map { _ in Double(Int.random(in: 1...5, using: &rng)) }
    let rows: [[(demand: Int, seconds: Float)]] = (0..<(existing + candidates)).map { _ in
        (0..<demands).compactMap { demand in
            Double.random(in: 0..<1, using: &rng) < density ? (demand, Float(Int.random(in: 0...20, using: &rng))) : nil
        }
    }
    return try PlanningProblem(
        demandWeights: weights, existingSiteCount: existing, candidateCount: candidates,
        times: SparseTimeMatrix(demandCount: demands, rows: rows), coverageLimit: coverageLimit, unreachedPenalty: 30)
}

/// Brute-force evaluation straight from the matrix, independent of the planner's bookkeeping.
struct BruteForce {
    let problem: PlanningProblem

    func nearest(open: [Int]) -> [Float] {
        var nearest = [Float](repeating: problem.unreachedPenalty, count: problem.demandCount)
        let rows = Array(0..<problem.existingSiteCount) + open.map { problem.existingSiteCount + $0 }
        for row in rows {
            for k in problem.times.rowStarts[row]..<problem.times.rowStarts[row + 1] {
                let demand = Int(problem.times.demandIndices[k])
                nearest[demand] = min(nearest[demand], problem.times.seconds[k])
            }
        }
        return nearest
    }

    func coveredWeight(open: [Int]) -> Double {
        let nearest = nearest(open: open)
        return (0..<problem.demandCount).reduce(0.0) { $0 + (nearest[$1] <= problem.coverageLimit ? problem.demandWeights[$1] : 0) }
    }

    func weightedTime(open: [Int]) -> Double {
        let nearest = nearest(open: open)
        return (0..<problem.demandCount).reduce(0.0) { $0 + problem.demandWeights[$1] * Double(nearest[$1]) }
    }

    /// Whether no single swap (and, with fewer than `newSites` open, no addition) lowers `cost`.
    func isSwapLocalOptimum(_ open: [Int], newSites: Int, cost: ([Int]) -> Double) -> Bool {
        let current = cost(open)
        let closed = (0..<problem.candidateCount).filter { !open.contains($0) }
        for incoming in closed {
            if open.count < newSites, cost(open + [incoming]) < current - 1e-9 { return false }
            for outgoing in open where cost(open.filter { $0 != outgoing } + [incoming]) < current - 1e-9 { return false }
        }
        return true
    }

    /// The most demands a single candidate covers that the existing stations do not (weight > 0).
    func mostNewlyCovered() -> Int {
        let base = nearest(open: [])
        return (0..<problem.candidateCount).map { candidate in
            let after = nearest(open: [candidate])
            return (0..<problem.demandCount).filter {
                problem.demandWeights[$0] > 0 && after[$0] <= problem.coverageLimit && base[$0] > problem.coverageLimit
            }.count
        }.max() ?? 0
    }

    /// Every subset of the candidates with at most `size` members.
    func subsets(upTo size: Int) -> [[Int]] {
        var result: [[Int]] = [[]]
        for candidate in 0..<problem.candidateCount {
            result += result.filter { $0.count < size }.map { $0 + [candidate] }
        }
        return result
    }

    func bestCoverage(newSites: Int) -> Double { subsets(upTo: newSites).map { coveredWeight(open: $0) }.max()! }
    func bestWeightedTime(newSites: Int) -> Double { subsets(upTo: newSites).map { weightedTime(open: $0) }.min()! }
    func fewestSites(targetShare: Double) -> Int {
        let required = targetShare * problem.coverableWeight - 1e-9
        return subsets(upTo: problem.candidateCount).filter { coveredWeight(open: $0) >= required }.map(\.count).min()!
    }
}

/// The folder holding pmed1.txt/pmed2.txt: `geodata/location-samples` (`TestFiles.sample`).
func locationSamplesFolder() -> URL? { TestFiles.sample("location-samples/pmed1.txt")?.deletingLastPathComponent() }

func loadORLib(_ name: String) throws -> BenchmarkInstance {
    guard let folder = locationSamplesFolder() else { throw CocoaError(.fileNoSuchFile) }
    let url = folder.appendingPathComponent(name)
    return try BenchmarkInstance.parseORLibPMedian(String(contentsOf: url, encoding: .utf8), file: url.path)
}
