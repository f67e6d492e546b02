import Foundation
import GeoCore
import RoadNetwork
import Testing

@testable import Planner

/// The rules a network plan follows between reading the sites and solving (`NetworkPlanRules.swift`).
@Suite struct NetworkPlanRulesTests {
    /// Mean-time searches to the given limit, else to twice the coverage limit; coverage and cover-all
    /// search to the coverage limit (nil) whatever is given.
    @Test func searchLimitByObjective() {
        #expect(NetworkPlanningProblem.searchMinutes(for: .meanTime(newSites: 2), coverageMinutes: 15, given: nil) == 30)
        #expect(NetworkPlanningProblem.searchMinutes(for: .meanTime(newSites: 2), coverageMinutes: 15, given: 40) == 40)
        #expect(NetworkPlanningProblem.searchMinutes(for: .coverage(newSites: 2), coverageMinutes: 15, given: nil) == nil)
        #expect(NetworkPlanningProblem.searchMinutes(for: .coverage(newSites: 2), coverageMinutes: 15, given: 40) == nil)
        #expect(NetworkPlanningProblem.searchMinutes(for: .coverAll(targetShare: 1), coverageMinutes: 5, given: nil) == nil)
    }

    @Test func matrixPerSiteUnlessRoadPositionsJoin() {
        #expect(MatrixConstruction.suited(roadPositions: 0) == .perSite)
        #expect(MatrixConstruction.suited(roadPositions: 1) == .reverseFromHotspots)
        #expect(MatrixConstruction.suited(roadPositions: 16) == .reverseFromHotspots)
    }

    /// Only the candidates before the first road position are listed ones: a listed-looking site after a
    /// road position does not count, and a list of road positions only has none.
    @Test func listedCandidatesAreThePrefixBeforeTheRoadPositions() throws {
        let graph = try LineCity.graph()
        let road = try RoadCandidates.sites(graph: graph, spacingMeters: 1000)
        let listed = try SitePlacer(graph: graph).place([LineCity.site("L1", 0, 0), LineCity.site("L2", 2000, 0)], maxSnap: 300)
        #expect(RoadCandidates.listedCount(listed + road) == 2)
        #expect(RoadCandidates.listedCount([listed[0]] + road + [listed[1]]) == 1)
        #expect(RoadCandidates.listedCount(road) == 0)
        #expect(RoadCandidates.listedCount(listed) == 2)
        #expect(RoadCandidates.listedCount([]) == 0)
    }

    /// LineCity with listed candidates L1 (x = 0) and L2 (x = 4000) and a station S2 10 m from L2: L2 is
    /// left out as the same place, so one listed candidate precedes the 16 road positions (every 250 m).
    /// Backup asks θ = 0.5; the candidate gap is asked only when road positions joined.
    @Test func variantOptionsFromTheNetwork() throws {
        let graph = try LineCity.graph()
        let placer = try SitePlacer(graph: graph)
        let listed = try placer.place([LineCity.site("L1", 0, 0), LineCity.site("L2", 4000, 0)], maxSnap: 300)
        let road = try RoadCandidates.sites(graph: graph, spacingMeters: 250)
        let stations = try placer.place([LineCity.site("S2", 4000, 10)], maxSnap: 300)
        let hotspots = try placer.place([LineCity.site("H", 2000, 0)], maxSnap: 300)
        let network = try NetworkPlanningProblem(
            graph: graph, stations: stations, candidates: listed + road, hotspots: hotspots, maxSnap: 300, coverageMinutes: 5,
            workers: 1, matrix: .suited(roadPositions: road.count))
        #expect(network.candidates.count == 17)
        #expect(network.excludedCandidates.map(\.site.site.id) == ["L2"])
        let both = PlanVariantOptions(network: network, capacities: nil, backup: true, roadPositions: true)
        #expect(both == PlanVariantOptions(capacities: nil, backupTheta: 0.5, listedCandidates: 1))
        let plain = PlanVariantOptions(network: network, capacities: nil, backup: false, roadPositions: false)
        #expect(plain == PlanVariantOptions())
    }
}
