import TestSupport
import Testing

@testable import Planner

/// The lazy capacitated ranking (`SiteRanking.rankCapacitated`) against the exhaustive one it replaces:
/// every remaining site's min-cost assignment solved at every step, the same tie-aware scan.
@Suite struct CapacitatedRankingTests {
    /// The exhaustive ranking: k(k+1)/2 + 1 min-cost assignments for k chosen sites.
    static func exhaustive(_ chosen: [Int], in problem: PlanningProblem, capacities: SiteCapacities) -> [RankedSite] {
        let template = MinCostAssignment(problem: problem, capacities: capacities, kind: .meanTime)
        var evaluator = CapacitatedMedian.Evaluator(template: template, problem: problem)
        var state = ServiceState(problem: problem)
        var current = evaluator.cost([])
        var open: [Int] = []
        var remaining = chosen.sorted()
        var sites: [RankedSite] = []
        while !remaining.isEmpty {
            let costs = remaining.map { evaluator.cost(open + [$0]) }
            let marginals = remaining.map { state.marginal(ofCandidate: $0) }
            var pick = 0
            for index in 1..<max(1, remaining.count) {
                let difference = costs[pick] - costs[index]
                if difference > template.tolerance
                    || (abs(difference) <= template.tolerance && marginals[index].addedWeight > marginals[pick].addedWeight)
                {
                    pick = index
                }
            }
            let candidate = remaining.remove(at: pick)
            open.append(candidate)
            state.add(candidate: candidate)
            sites.append(
                RankedSite(
                    rank: sites.count + 1, candidate: candidate, addedWeight: marginals[pick].addedWeight,
                    cumulativeShare: state.metrics.coveredShare, takenDemands: marginals[pick].taken,
                    secondsSaved: current - costs[pick]))
            current = costs[pick]
        }
        return sites
    }

    /// A random problem: 2 stations and 12 candidates against 40 hotspots, whole-minute times (many
    /// ties), weights 1…4, capacities 2…12 (a station or candidate sometimes unlimited).
    static func randomProblem(seed: UInt64) throws -> (PlanningProblem, SiteCapacities) {
        var rng = SplitMix64(seed: seed)
        let demands = 40
        let rows: [[(demand: Int, seconds: Float)]] = (0..<14).map { _ in
            (0..<demands).compactMap { d in
                Int.random(in: 0..<3, using: &rng) == 0 ? (d, Float(60 * Int.random(in: 1...20, using: &rng))) : nil
            }
        }
        let problem = try PlanningProblem(
            demandWeights: (0..<demands).map { _ in Double(Int.random(in: 1...4, using: &rng)) }, existingSiteCount: 2,
            candidateCount: 12, times: SparseTimeMatrix(demandCount: demands, rows: rows), coverageLimit: 600,
            unreachedPenalty: 1800)
        func capacity() -> Double {
            Int.random(in: 0..<6, using: &rng) == 0 ? .infinity : Double(Int.random(in: 2...12, using: &rng))
        }
        return (problem, try SiteCapacities(existing: [capacity(), capacity()], candidates: (0..<12).map { _ in capacity() }))
    }

    /// 60 random problems, all 12 candidates ranked (k = 12: 79 assignments exhaustively): the same
    /// ranks, savings and coverage fields, bit for bit, and fewer assignments solved over all.
    @Test func sameRankingAsTheExhaustiveScan() throws {
        var lazyTotal = 0
        var exhaustiveTotal = 0
        for seed in 1...60 as ClosedRange<UInt64> {
            let (problem, capacities) = try Self.randomProblem(seed: seed)
            let chosen = Array(0..<12)
            let lazy = SiteRanking.rankCapacitatedCounting(chosen, in: problem, capacities: capacities)
            #expect(lazy.sites == Self.exhaustive(chosen, in: problem, capacities: capacities), "seed \(seed)")
            #expect(lazy.evaluations <= 12 * 13 / 2 + 12 + 1)
            lazyTotal += lazy.evaluations
            exhaustiveTotal += 12 * 13 / 2 + 1
        }
        #expect(lazyTotal < exhaustiveTotal)
    }

    /// Equal sites (the same row twice, the same capacity): their costs tie exactly, so the scan's tie
    /// rules decide, and the lazy ranking must reach the same pick through the same ties.
    @Test func exactTiesFollowTheScan() throws {
        let row: [(demand: Int, seconds: Float)] = [(0, 60), (1, 120), (2, 60)]
        let rows: [[(demand: Int, seconds: Float)]] = [[(0, 300), (1, 300), (2, 300)], row, row, [(1, 60)]]
        let problem = try PlanningProblem(
            demandWeights: [2, 3, 1], existingSiteCount: 1, candidateCount: 3,
            times: SparseTimeMatrix(demandCount: 3, rows: rows), coverageLimit: 600, unreachedPenalty: 1800)
        let capacities = try SiteCapacities(existing: [2], candidates: [3, 3, 1])
        let lazy = SiteRanking.rankCapacitated([0, 1, 2], in: problem, capacities: capacities)
        #expect(lazy.sites == Self.exhaustive([0, 1, 2], in: problem, capacities: capacities))
        #expect(lazy.sites.map(\.secondsSaved).reduce(0, +) > 0)
    }
}
