import TestSupport
import Testing

@testable import Planner

/// Beasley's pmed1 and pmed2 with their published optima.
@Suite struct ORLibTests {
    @Test(arguments: [("pmed1.txt", 5, 5819.0), ("pmed2.txt", 10, 4093.0)])
    func reproducesPublishedOptimum(file: String, p: Int, optimum: Double) throws {
        let instance = try loadORLib(file)
        #expect(instance.fileSiteCount == p)
        let problem = try instance.planningProblem(searchLimit: .infinity, coverageLimit: .infinity)
        let exact = try Planner.solve(problem, objective: .meanTime(newSites: p), method: .exact(timeLimitSeconds: 120))
        #expect(exact.objectiveValue == optimum)
        #expect(exact.provenOptimal)
        #expect(exact.gap! < 1e-6)
        #expect(exact.sites.count == p)
        let heuristic = try Planner.solve(problem, objective: .meanTime(newSites: p))
        #expect(heuristic.objectiveValue >= optimum)
        #expect(heuristic.objectiveValue <= optimum * 1.01)
        #expect(BruteForce(problem: problem).weightedTime(open: heuristic.chosenCandidates) == heuristic.objectiveValue)
    }

    @Test func laterDuplicateEdgeOverwritesEarlier() throws {
        let text = "3 3 1\n1 2 10\n2 3 5\n2 1 1\n"
        let instance = try BenchmarkInstance.parseORLibPMedian(text, file: "dup.txt")
        #expect(instance.distance(0, 1) == 1)
        #expect(instance.distance(0, 2) == 6)
        let longer = try BenchmarkInstance.parseORLibPMedian("3 3 1\n1 2 1\n2 3 5\n2 1 10\n", file: "dup.txt")
        #expect(longer.distance(0, 1) == 10)
    }

    @Test func floydWarshallAndDijkstraAgree() {
        var rng = SplitMix64(seed: 7)
        let n = 30
        let edges = (0..<80).map { _ in
            (Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng), Double(Int.random(in: 1...50, using: &rng)))
        }
        var unique: [Int: (Int, Int, Double)] = [:]
        for (a, b, c) in edges { unique[min(a, b) * n + max(a, b)] = (a, b, c) }
        let list = unique.keys.sorted().map { unique[$0]! }
        let small = ShortestPaths.allPairs(vertexCount: n, edges: list)
        // Pad with isolated vertices past the Floyd–Warshall limit so the Dijkstra path runs.
        let big = ShortestPaths.allPairs(vertexCount: ShortestPaths.floydWarshallLimit + 1, edges: list)
        let m = ShortestPaths.floydWarshallLimit + 1
        for i in 0..<n { for j in 0..<n { #expect(small[i * n + j] == big[i * m + j]) } }
        #expect(big[0 * m + (m - 1)] == .infinity)
    }
}
