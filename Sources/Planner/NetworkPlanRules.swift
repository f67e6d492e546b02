import RoadNetwork

/// The rules a network plan (`nuanxin plan --network`, the report's plan) follows between reading
/// the sites and solving: how far to search, how to build the matrix, which candidates are listed,
/// which variants to solve. Kept here so that every caller plans alike.
extension NetworkPlanningProblem {
    /// The search limit of a plan for `objective`, in minutes (`searchMinutes` of `init`).
    ///
    /// The p-median (mean-time) searches to `given`, else to twice the coverage limit, so that times
    /// beyond the coverage limit still count (a hotspot no open site reaches within the search limit
    /// is charged `unreachedPenaltySeconds`). Coverage and cover-all only ask what lies within the
    /// coverage limit: nil (search to it), whatever `given` says.
    public static func searchMinutes(for objective: PlanningObjective, coverageMinutes: Double, given: Double?) -> Double? {
        objective.minimisesTime ? given ?? 2 * coverageMinutes : nil
    }
}

extension MatrixConstruction {
    /// The construction for a plan whose candidates include `roadPositions` road positions
    /// (`RoadCandidates.sites`): one search per site when there are none, else one reversed search per
    /// hotspot (thousands of road positions against fewer hotspots).
    public static func suited(roadPositions: Int) -> MatrixConstruction {
        roadPositions == 0 ? .perSite : .reverseFromHotspots
    }
}

extension RoadCandidates {
    /// How many of `candidates` are listed ones: those before the first road position. Road positions
    /// are appended after the listed candidates (a file or `osm`), so the listed ones are a prefix;
    /// `NetworkPlanningProblem` keeps that order among the usable candidates.
    /// - Complexity: O(listed candidates).
    public static func listedCount(_ candidates: [PlacedSite]) -> Int {
        candidates.prefix { !isRoadPosition($0) }.count
    }
}

extension PlanVariantOptions {
    /// θ of backup coverage when a plan asks for it without one: 0.5, the weight of Hogan & ReVelle's
    /// (1986) BACOP2 split evenly between the weight covered once and the weight covered twice.
    public static let defaultBackupTheta = 0.5

    /// The variants of a plan on `network`: `capacities` as given (nil: uncapacitated), backup coverage
    /// with `defaultBackupTheta` when `backup`, and, when `roadPositions` says road positions joined the
    /// candidates, the candidate gap against the listed candidates (`RoadCandidates.listedCount` of
    /// `network.candidates`).
    public init(network: NetworkPlanningProblem, capacities: SiteCapacities?, backup: Bool, roadPositions: Bool) {
        self.init(
            capacities: capacities, backupTheta: backup ? Self.defaultBackupTheta : nil,
            listedCandidates: roadPositions ? RoadCandidates.listedCount(network.candidates) : nil)
    }
}
