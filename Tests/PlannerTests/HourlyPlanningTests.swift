import Testing

@testable import Planner

/// `HourlyPlanning` on a hand-made problem: one existing station (row 0),
/// two candidates (rows 1, 2), three hotspots of weights 1, 2, 4 and a
/// 600 s limit. Station: covers H0 (100 s). Candidate A (row 1, a daytime
/// bank hall, open in slot 1 of 0…2): covers H1 (200 s), H2 (300 s).
/// Candidate B (row 2, open in all three slots): covers H1 (250 s), H2 (350 s).
/// The station is open in slots 0 and 1.
@Suite struct HourlyPlanningTests {
    static func base() throws -> PlanningProblem {
        let times = try SparseTimeMatrix(
            demandCount: 3,
            rows: [
                [(0, 100)], [(1, 200), (2, 300)], [(1, 250), (2, 350)],
            ])
        return try PlanningProblem(
            demandWeights: [1, 2, 4], existingSiteCount: 1, candidateCount: 2, times: times,
            coverageLimit: 600, unreachedPenalty: 1200)
    }

    static let open: [[Bool]] = [[true, false, true], [true, true, true], [false, false, true]]

    @Test func expandsToHotspotHourPairsKeepingOnlyOpenSites() throws {
        let hourly = try HourlyPlanning(base: try Self.base(), open: Self.open, slotLabels: ["0", "1", "2"])
        let p = hourly.problem
        #expect(p.demandCount == 9)
        #expect(p.demandWeights == [1, 2, 4, 1, 2, 4, 1, 2, 4])
        // Station: H0 in slots 0 and 1 → columns 0, 3.
        #expect(Array(p.times.demandIndices[p.times.entries(ofRow: 0)]) == [0, 3])
        // Candidate A, open in slot 1 only → columns 4, 5.
        #expect(Array(p.times.demandIndices[p.times.entries(ofRow: 1)]) == [4, 5])
        #expect(Array(p.times.seconds[p.times.entries(ofRow: 1)]) == [200, 300])
        // Candidate B, always open → 1, 2, 4, 5, 7, 8.
        #expect(Array(p.times.demandIndices[p.times.entries(ofRow: 2)]) == [1, 2, 4, 5, 7, 8])
    }

    @Test func prefersTheAlwaysOpenCandidateAndSaysWhichHoursItAdds() throws {
        let hourly = try HourlyPlanning(base: try Self.base(), open: Self.open, slotLabels: ["0", "1", "2"])
        let result = try Planner.solve(hourly.problem, objective: .coverage(newSites: 1))
        // A adds 6 (slot 1 only), B adds 18 (6 in each slot): B.
        #expect(result.proposedSites.map(\.candidate) == [1])
        let site = try #require(result.proposedSites.first)
        #expect(site.addedWeight == 18)
        #expect(hourly.slotsAdded(by: site) == [0, 1, 2])
        #expect(hourly.hoursAdded(by: site) == "0,1,2")
        // Covered weight-hours before: H0 in slots 0, 1 = 2 of 21.
        #expect(result.before.coveredWeight == 2)
        #expect(result.after.coveredWeight == 20)
    }
}
