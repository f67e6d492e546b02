import Coverage
import Foundation
import GeoCore
import RoadNetwork
import TestSupport
import Testing

@testable import Planner

/// A road whose times are known by hand (15 km/h = 25/6 m/s: 1000 m ride 240 s; walking 1.25 m/s).
/// Planar metres are offsets from `origin` in EPSG:4544 (CGCS2000 Gauss-Krüger, central Chengdu).
///
/// ```
///                      C3 (2000,800) 800 m from any road: unroutable
///  S (0,25)                                              C2 (4000,50)
///  N0 ------ N1 ------ N2 ------ N3 ------ N4            road y = 0, two-way
///  (0,0)    (1000,0)  (2000,0)=C1          (4000,0)
///     H0 (500,-30)              H1 (3000,0)  H2 (3900,10)
/// ```
/// Station S walks 25 m (20 s); C2 walks 50 m (40 s); C4 stands 10 m from S (the same site).
/// H3 (2000,-900) is 900 m from the road: unroutable, never covered.
enum LineCity {
    static let crs = "EPSG:4544"
    static let origin = PlanarPoint(x: 410_000, y: 3_395_000)
    static let maxSnap = 300.0

    static func projection() throws -> Projection { try Projection(from: "EPSG:4326", to: crs) }

    static func coordinate(_ x: Double, _ y: Double) throws -> Coordinate {
        try projection().inverse([PlanarPoint(x: origin.x + x, y: origin.y + y)])[0]
    }

    static func graph() throws -> RoadGraph { try StraightRoad.graph(crs: crs, origin: origin) }

    static func site(_ id: String, _ x: Double, _ y: Double, weight: Double = 1, osmID: String? = nil) throws -> SitePoint {
        SitePoint(
            id: id, coordinate: try coordinate(x, y), weight: weight,
            properties: osmID.map { ["osm_id": .string($0)] } ?? [:])
    }

    static func stations() throws -> [SitePoint] { [try site("S", 0, 25, osmID: "n1")] }

    static func candidates() throws -> [SitePoint] {
        [
            try site("C1", 2000, 0), try site("C2", 4000, 50), try site("C3", 2000, 800), try site("C4", 10, 25),
            try site("C5", 3500, 200, osmID: "n1"),
        ]
    }

    static func hotspots() throws -> [SitePoint] {
        [
            try site("H0", 500, -30, weight: 2), try site("H1", 3000, 0, weight: 3), try site("H2", 3900, 10, weight: 5),
            try site("H3", 2000, -900, weight: 7),
        ]
    }

    /// The network problem of the city with service `minutes` and search `searchMinutes`.
    static func problem(minutes: Double, searchMinutes: Double? = nil, workers: Int = 2) throws -> NetworkPlanningProblem {
        let graph = try graph()
        let placer = try SitePlacer(graph: graph)
        return try NetworkPlanningProblem(
            graph: graph, stations: placer.place(stations(), maxSnap: maxSnap),
            candidates: placer.place(candidates(), maxSnap: maxSnap), hotspots: placer.place(hotspots(), maxSnap: maxSnap),
            maxSnap: maxSnap, coverageMinutes: minutes, searchMinutes: searchMinutes, workers: workers)
    }
}

@Suite struct NetworkMatrixTests {
    /// The matrix as (row, hotspot) → seconds.
    private func entries(_ matrix: SparseTimeMatrix) -> [[Int: Float]] {
        (0..<matrix.rowCount).map { row in
            Dictionary(uniqueKeysWithValues: matrix.entries(ofRow: row).map { (Int(matrix.demandIndices[$0]), matrix.seconds[$0]) })
        }
    }

    private func expectTimes(_ row: [Int: Float], _ expected: [Int: Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(row.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (hotspot, seconds) in expected {
            #expect(abs(Double(row[hotspot] ?? -1) - seconds) < 0.01, "hotspot \(hotspot)", sourceLocation: sourceLocation)
        }
    }

    @Test func timesAreDoorToDoorFromEachSiteWithinTheSearchLimit() throws {
        let network = try LineCity.problem(minutes: 15)
        #expect(network.stations.map(\.site.id) == ["S"])
        #expect(network.candidates.map(\.site.id) == ["C1", "C2"])
        let rows = entries(network.problem.times)
        #expect(rows.count == 3)
        // S: walk 20 s, then 500 m (120 s) to H0, 3000 m (720 s) to H1; H2 needs 20 + 936 = 956 s > 900.
        expectTimes(rows[0], [0: 140, 1: 740])
        // C1 stands on N2: 1500 m, 1000 m, 1900 m.
        expectTimes(rows[1], [0: 360, 1: 240, 2: 456])
        // C2 walks 40 s to N4: H0 3500 m (840 s) → 880 s, H1 1000 m → 280 s, H2 100 m → 64 s.
        expectTimes(rows[2], [0: 880, 1: 280, 2: 64])
        #expect(network.problem.times.demandCount == 4)
        #expect(network.problem.demandWeights == [2, 3, 5, 7])
        #expect(network.problem.coverageLimit == 900)
        #expect(network.unreachedPenaltySeconds == 1800)
    }

    @Test func aShorterSearchStoresOnlyWhatItReaches() throws {
        let network = try LineCity.problem(minutes: 10)
        let rows = entries(network.problem.times)
        expectTimes(rows[0], [0: 140])
        expectTimes(rows[1], [0: 360, 1: 240, 2: 456])
        expectTimes(rows[2], [1: 280, 2: 64])
    }

    @Test func meanTimeSearchesFartherAndChargesSearchPlusCoverage() throws {
        let network = try LineCity.problem(minutes: 10, searchMinutes: 20)
        let rows = entries(network.problem.times)
        expectTimes(rows[0], [0: 140, 1: 740, 2: 956])
        expectTimes(rows[2], [0: 880, 1: 280, 2: 64])
        #expect(network.problem.coverageLimit == 600)
        #expect(network.unreachedPenaltySeconds == 1800)
        #expect(network.problem.unreachedPenalty == 1800)
        #expect(throws: PlanningError.self) { try LineCity.problem(minutes: 10, searchMinutes: 5) }
    }

    @Test func unroutableAndDuplicateCandidatesAreLeftOut() throws {
        let network = try LineCity.problem(minutes: 15)
        let excluded = network.excludedCandidates.map { ($0.site.site.id, $0.exclusion) }
        #expect(excluded.count == 3)
        #expect(excluded[0].0 == "C3")
        guard case .unroutable = excluded[0].1 else {
            Issue.record("C3 should be unroutable")
            return
        }
        #expect(excluded[1].0 == "C4")
        guard case .sameAsStation("S", let meters, false) = excluded[1].1 else {
            Issue.record("C4 should be station S")
            return
        }
        #expect(abs(meters - 10) < 0.01)
        // C5 is 3.5 km away but is the same OSM object as S.
        #expect(excluded[2].0 == "C5")
        guard case .sameAsStation("S", _, true) = excluded[2].1 else {
            Issue.record("C5 should be station S by osm_id")
            return
        }
        #expect(network.excludedStations.isEmpty)
    }

    @Test func theUnroutableHotspotKeepsItsWeightAndIsNeverCovered() throws {
        let network = try LineCity.problem(minutes: 15)
        let result = try Planner.solve(network.problem, objective: .coverage(newSites: 2), method: .exact(timeLimitSeconds: 10))
        // Before: H0 and H1 (2 + 3 of 17). After: C2 adds H2 (5); H3 (7) stays uncovered.
        #expect(result.before.coveredWeight == 5)
        #expect(result.after.coveredWeight == 10)
        #expect(abs(result.after.coveredShare - 10.0 / 17) < 1e-12)
        // Either C1 or C2 takes H2; a second site adds nothing (CBC may still open one).
        #expect(["C1", "C2"].contains(network.candidates[result.sites[0].candidate].site.id))
        #expect(result.sites[0].hotspotsTaken == 1)
        #expect(result.sites.dropFirst().allSatisfy { $0.addedWeight == 0 })
    }

    @Test func theStationsCoverExactlyWhatTheAuditCovers() throws {
        let graph = try LineCity.graph()
        let placer = try SitePlacer(graph: graph)
        let stations = try placer.place(LineCity.stations(), maxSnap: LineCity.maxSnap)
        let hotspots = try placer.place(LineCity.hotspots(), maxSnap: LineCity.maxSnap)
        for minutes in [2.0, 12.3, 15] {
            let audit = try HotspotAudit(
                graph: graph, stations: stations, hotspots: hotspots, limitMinutes: minutes,
                areas: .whole(District.studyArea(of: graph, projection: LineCity.projection())))
            let network = try LineCity.problem(minutes: minutes)
            let before = try Planner.solve(network.problem, objective: .coverage(newSites: 0)).before
            #expect(before.coveredWeight == audit.total.weightCovered, "\(minutes) min")
            #expect(before.coveredDemands == audit.total.hotspotsCovered, "\(minutes) min")
        }
    }

    @Test func storedTimesNeverRoundBelowTheSearchTime() {
        for value in [0.0, 899.99999, 900, 900.00001, 1e-9, 123.456789] {
            let stored = CoverageMatrix.floatNotBelow(value)
            #expect(Double(stored) >= value)
            #expect(Double(stored.nextDown) < value)
        }
        #expect(CoverageMatrix.floatNotBelow(900.00001) > 900)
    }

    @Test func rowsDoNotDependOnTheNumberOfWorkers() throws {
        let one = try LineCity.problem(minutes: 15, workers: 1)
        let two = try LineCity.problem(minutes: 15, workers: 2)
        #expect(one.problem.times == two.problem.times)
    }
}
