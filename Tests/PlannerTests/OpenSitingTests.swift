import Foundation
import GeoCore
import RoadNetwork
import Testing

@testable import Planner

/// Open siting: road candidate positions, the reversed-graph matrix and the candidate gap.
@Suite struct OpenSitingTests {
    /// LineCity's road (4 segments of 1000 m): 250 m spacing gives 4 positions per segment at 125, 375,
    /// 625, 875 m, none near a junction.
    @Test func positionsEvery250MetresWithIDsFromTheirPlace() throws {
        let graph = try LineCity.graph()
        let positions = graph.candidatePositions(everyMeters: 250)
        #expect(positions.count == 16)
        let xs = positions.map { $0.snap.point.x - LineCity.origin.x }
        let offsets: [Double] = [125, 375, 625, 875]
        let expected: [Double] = (0..<16).map { (i: Int) -> Double in Double(i / 4) * 1000 + offsets[i % 4] }
        let rounded: [Double] = xs.map { ($0 * 1000).rounded() / 1000 }
        #expect(rounded == expected)
        #expect(positions[0].id == "r410125_3395000")
        #expect(positions.allSatisfy { $0.snap.distance == 0 })
    }

    /// 400 m spacing on 1000 m segments: offsets 166.7, 500, 833.3; with a 170 m junction tolerance the end
    /// ones move onto the nodes, and a node shared by two segments keeps one position: N0, 500, N1, 1500,
    /// N2, 2500, N3, 3500, N4.
    @Test func positionsNearAJunctionMergeOntoTheNode() throws {
        let graph = try LineCity.graph()
        let positions = graph.candidatePositions(everyMeters: 400, junctionToleranceMeters: 170)
        let xs = positions.map { ($0.snap.point.x - LineCity.origin.x).rounded() }
        #expect(xs.sorted() == [0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000])
        #expect(Set(positions.map(\.id)).count == 9)
    }

    /// The reversed-graph matrix gives the per-site matrix's times on LineCity (walks, both directions).
    @Test func reverseMatrixMatchesPerSiteSearchesOnTheLineCity() throws {
        let graph = try LineCity.graph()
        let placer = try SitePlacer(graph: graph)
        let sites =
            try placer.place(LineCity.stations() + LineCity.candidates(), maxSnap: LineCity.maxSnap).compactMap(\.snap)
            + graph.candidatePositions(everyMeters: 250).map(\.snap)
        let hotspots = try placer.place(LineCity.hotspots(), maxSnap: LineCity.maxSnap).map(\.snap)
        let forward = CoverageMatrix.build(graph: graph, sites: sites, hotspots: hotspots, limitSeconds: 900, workers: 2)
        let reverse = ReverseCoverageMatrix.build(graph: graph, sites: sites, hotspots: hotspots, limitSeconds: 900, workers: 2)
        expectSameTimes(forward, reverse)
    }

    /// Listed candidates L1 (x = 0) and L2 (x = 4000) on the road; hotspots H (x = 2000, weight 3) and
    /// H0 (x = 100, weight 1); T = 5 min = 300 s = 1250 m at 15 km/h. No listed candidate reaches H (2000 m);
    /// the road positions at 875 and 1125 m reach both H (≤ 1250 m) and H0 (≤ 1250 m).
    /// One new site: listed best covers H0 (1 of 4); anywhere covers both (4 of 4); H is road-only.
    @Test(arguments: [MatrixConstruction.perSite, .reverseFromHotspots])
    func theOnlyCoveringPositionLiesBetweenTwoListedCandidates(matrix: MatrixConstruction) throws {
        let graph = try LineCity.graph()
        let placer = try SitePlacer(graph: graph)
        let listed = try placer.place([LineCity.site("L1", 0, 0), LineCity.site("L2", 4000, 0)], maxSnap: 300)
        let road = try RoadCandidates.sites(graph: graph, spacingMeters: 250)
        #expect(road.count == 16)
        let hotspots = try placer.place([LineCity.site("H", 2000, 0, weight: 3), LineCity.site("H0", 100, 0, weight: 1)], maxSnap: 300)
        let network = try NetworkPlanningProblem(
            graph: graph, stations: [], candidates: listed + road, hotspots: hotspots, maxSnap: 300, coverageMinutes: 5,
            workers: 2, matrix: matrix)
        #expect(network.candidates.count == 18)
        let gap = try Planner.candidateGap(network.problem, listedCount: 2, objective: .coverage(newSites: 1))
        #expect(gap.listedBest.chosenCandidates == [0])
        #expect(gap.listedBest.after.coveredShare == 0.25)
        #expect(gap.anywhereBest.after.coveredShare == 1)
        let chosen = network.candidates[gap.anywhereBest.chosenCandidates[0]]
        #expect([875.0, 1125.0].contains((chosen.point.x - LineCity.origin.x).rounded()))
        #expect(gap.roadOnlyDemands == [0])
        #expect(gap.roadOnlyWeight == 3)
        #expect(abs(gap.shareGap - 0.75) < 1e-12)
        let exact = try Planner.candidateGap(
            network.problem, listedCount: 2, objective: .coverage(newSites: 1), method: .exact(timeLimitSeconds: 30))
        #expect(exact.anywhereBest.after.coveredShare == 1 && exact.anywhereBest.provenOptimal)
    }

    /// On central Chengdu (one-way streets), the reversed matrix agrees with the per-site searches for the
    /// stations, the listed candidates and 300 road positions.
    @Test func reverseMatrixMatchesPerSiteSearchesOnChengdu() throws {
        let city = try NetworkRealDataTests.city()
        let graph = city.network.graph
        let road = graph.candidatePositions(everyMeters: 250)
        let sites =
            (city.stations + city.candidates).compactMap { $0.outcome.snapPoint }
            + stride(from: 0, to: road.count, by: max(1, road.count / 300)).map { road[$0].snap }
        let hotspots = city.hotspots.map(\.snap)
        let forward = CoverageMatrix.build(graph: graph, sites: sites, hotspots: hotspots, limitSeconds: 900, workers: 2)
        let reverse = ReverseCoverageMatrix.build(graph: graph, sites: sites, hotspots: hotspots, limitSeconds: 900, workers: 2)
        expectSameTimes(forward, reverse, boundary: 900)
    }

    /// Same pairs and times within 5 ms, except pairs within that of the limit, which one side may drop.
    private func expectSameTimes(
        _ a: SparseTimeMatrix, _ b: SparseTimeMatrix, boundary: Float = .infinity, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.rowCount == b.rowCount, sourceLocation: sourceLocation)
        var compared = 0
        var mismatches = 0
        for row in 0..<min(a.rowCount, b.rowCount) {
            let x = Dictionary(uniqueKeysWithValues: a.entries(ofRow: row).map { (a.demandIndices[$0], a.seconds[$0]) })
            let y = Dictionary(uniqueKeysWithValues: b.entries(ofRow: row).map { (b.demandIndices[$0], b.seconds[$0]) })
            for key in Set(x.keys).union(y.keys) {
                compared += 1
                if let s = x[key], let t = y[key] {
                    if abs(s - t) > 0.005 { mismatches += 1 }
                } else if abs((x[key] ?? y[key]!) - boundary) > 0.005 {
                    mismatches += 1
                }
            }
        }
        #expect(compared > 0, sourceLocation: sourceLocation)
        #expect(mismatches == 0, "\(mismatches) of \(compared) pairs differ", sourceLocation: sourceLocation)
    }
}
