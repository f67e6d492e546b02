import GeoCore
import RoadNetwork

/// Open siting: candidate sites anywhere on the roads (`--candidates roads:N`), and what they reveal
/// about a candidate list (the "candidate gap").
public enum RoadCandidates {
    /// A candidate site every `spacingMeters` along the usable roads of `graph`
    /// (`RoadGraph.candidatePositions`), placed exactly on the road (snap distance 0).
    ///
    /// Each site's `id` is the position id (`r<x>_<y>`, rounded metric coordinates), `kind` is `road`,
    /// `name` is `road position <id>`, weight 1, and the property `road_candidate` is `true`.
    /// - Throws: `ProjectionError` when the graph's CRS cannot be inverted to WGS84.
    /// - Complexity: O(segments + positions).
    public static func sites(graph: RoadGraph, spacingMeters: Double, junctionToleranceMeters: Double = 10) throws -> [PlacedSite] {
        let positions = graph.candidatePositions(everyMeters: spacingMeters, junctionToleranceMeters: junctionToleranceMeters)
        let coordinates = try Projection(from: "EPSG:4326", to: graph.crs).inverse(positions.map(\.snap.point))
        return positions.indices.map { i in
            let position = positions[i]
            let site = SitePoint(
                id: position.id, coordinate: coordinates[i], weight: 1, name: "road position \(position.id)", kind: "road",
                properties: ["road_candidate": .bool(true)])
            return PlacedSite(site: site, point: position.snap.point, outcome: .snapped(position.snap))
        }
    }

    /// Whether `site` is a road position made by `sites` (its `road_candidate` property is `true`).
    public static func isRoadPosition(_ site: PlacedSite) -> Bool {
        site.site.properties["road_candidate"] == .bool(true)
    }
}

/// What the candidate list limits: the best coverage with the listed candidates against the best with
/// a site anywhere on the roads, and the demand points only road positions reach.
public struct CandidateGap: Sendable, Equatable {
    /// Best plan with the listed candidates only (candidate indices are the listed ones').
    public let listedBest: PlanResult
    /// Best plan with the listed candidates and the road positions (indices of the combined problem).
    public let anywhereBest: PlanResult
    /// Demand points that some road position covers within T but no station and no listed candidate
    /// does, ascending: where a planner should look for a building.
    public let roadOnlyDemands: [Int]
    /// Their total weight.
    public let roadOnlyWeight: Double

    /// Covered share the candidate list gives away: anywhere best − listed best.
    public var shareGap: Double { anywhereBest.after.coveredShare - listedBest.after.coveredShare }
}

extension PlanningProblem {
    /// The same problem keeping only the first `count` candidates (the existing stations stay).
    /// - Precondition: `0 <= count <= candidateCount`.
    /// - Complexity: O(entries kept).
    public func keepingFirstCandidates(_ count: Int) -> PlanningProblem {
        precondition(count >= 0 && count <= candidateCount, "keep 0...\(candidateCount) candidates")
        let rows = existingSiteCount + count
        let end = times.rowStarts[rows]
        // The kept rows are a prefix of a valid matrix: the checks cannot fail.
        let matrix = try! SparseTimeMatrix(
            demandCount: demandCount, rowStarts: Array(times.rowStarts[0...rows]),
            demandIndices: Array(times.demandIndices[0..<end]), seconds: Array(times.seconds[0..<end]))
        return try! PlanningProblem(
            demandWeights: demandWeights, existingSiteCount: existingSiteCount, candidateCount: count, times: matrix,
            coverageLimit: coverageLimit, unreachedPenalty: unreachedPenalty)
    }
}

extension Planner {
    /// The candidate gap of a problem whose candidates are the `listedCount` listed candidates followed by
    /// road positions (`RoadCandidates.sites`): solves `objective` (coverage or mean-time with k new sites,
    /// or cover-all) on the listed candidates and on all of them, and lists the demand points only road
    /// positions cover.
    /// - Throws: `PlanningError.invalidParameter` when `listedCount` is outside `0...candidateCount`; the
    ///   errors of `solve`.
    public static func candidateGap(
        _ problem: PlanningProblem, listedCount: Int, objective: PlanningObjective, method: SolveMethod = .heuristic
    ) throws -> CandidateGap {
        guard listedCount >= 0, listedCount <= problem.candidateCount else {
            throw PlanningError.invalidParameter(name: "listedCount", reason: "\(listedCount) is outside 0...\(problem.candidateCount)")
        }
        let listed = try solve(problem.keepingFirstCandidates(listedCount), objective: objective, method: method)
        let anywhere = try solve(problem, objective: objective, method: method)
        var coveredByListed = [Bool](repeating: false, count: problem.demandCount)
        var coveredByRoad = [Bool](repeating: false, count: problem.demandCount)
        let times = problem.times
        for row in 0..<times.rowCount {
            let isRoad = row >= problem.existingSiteCount + listedCount
            for k in times.entries(ofRow: row) where times.seconds[k] <= problem.coverageLimit {
                let d = Int(times.demandIndices[k])
                if isRoad { coveredByRoad[d] = true } else { coveredByListed[d] = true }
            }
        }
        let roadOnly = (0..<problem.demandCount).filter { coveredByRoad[$0] && !coveredByListed[$0] && problem.demandWeights[$0] > 0 }
        return CandidateGap(
            listedBest: listed, anywhereBest: anywhere, roadOnlyDemands: roadOnly,
            roadOnlyWeight: roadOnly.reduce(0) { $0 + problem.demandWeights[$1] })
    }
}
