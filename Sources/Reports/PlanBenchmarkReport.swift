import Foundation
import Planner

/// The `result.json` of benchmark mode: keys in sorted order, one value per key, ids as in the instance.
/// Each stored property is one JSON key (`objectiveValue` is `objective_value`; `seconds` is the
/// solve's wall-clock time rounded to milliseconds; `gap` is null for the heuristic).
public struct PlanBenchmarkReport: Encodable {
    /// An instance id: a number when every id in the file is an integer, otherwise text.
    public enum InstanceID: Encodable, Comparable {
        case number(Int)
        case text(String)

        /// `id` as a number when `numeric` (every id of the instance is an integer), else as text.
        public init(_ id: String, numeric: Bool) { self = numeric ? .number(Int(id)!) : .text(id) }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            }
        }
    }

    /// One ranked new site.
    public struct Site: Encodable {
        public let id: InstanceID
        public let rank: Int
        public let addedWeight: Double
        public let cumulativeShare: Double
        public let hotspotsTaken: Int
        public let secondsSaved: Double

        public enum CodingKeys: String, CodingKey {
            case id, rank
            case addedWeight = "added_weight"
            case cumulativeShare = "cumulative_share"
            case hotspotsTaken = "hotspots_taken"
            case secondsSaved = "seconds_saved"
        }
    }

    /// One frontier point.
    public struct FrontierEntry: Encodable {
        public let newSites: Int
        public let coveredShare: Double
        public let coveredWeight: Double
        public let facilities: [InstanceID]
        public let gap: Double?

        public enum CodingKeys: String, CodingKey {
            case newSites = "new_sites"
            case coveredShare = "covered_share"
            case coveredWeight = "covered_weight"
            case facilities, gap
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(newSites, forKey: .newSites)
            try container.encode(coveredShare, forKey: .coveredShare)
            try container.encode(coveredWeight, forKey: .coveredWeight)
            try container.encode(facilities, forKey: .facilities)
            try container.encode(gap, forKey: .gap)  // null for the heuristic
        }
    }

    public let objective: String
    public let p: Int
    public let objectiveValue: Double
    public let objectiveValueBefore: Double
    public let facilities: [InstanceID]
    public let method: String
    public let gap: Double?
    public let provenOptimal: Bool
    public let seconds: Double
    public let sites: [Site]
    public let frontier: [FrontierEntry]?

    public enum CodingKeys: String, CodingKey {
        case objective, p, facilities, method, gap, seconds, sites, frontier
        case objectiveValue = "objective_value"
        case objectiveValueBefore = "objective_value_before"
        case provenOptimal = "proven_optimal"
    }

    /// Builds the report of `result` on `instance`; `p` is the requested site count (cover-all: the count found).
    public init(result: PlanResult, p: Int, instance: BenchmarkInstance, frontier: [FrontierPoint]?) {
        let numeric = instance.idsAreIntegers
        func ids(_ candidates: [Int]) -> [InstanceID] { candidates.map { InstanceID(instance.ids[$0], numeric: numeric) }.sorted() }
        objective = result.objective.name
        self.p = p
        objectiveValue = result.objectiveValue
        objectiveValueBefore = result.objectiveValueBefore
        facilities = ids(result.chosenCandidates)
        method = result.methodName
        gap = result.gap
        provenOptimal = result.provenOptimal
        seconds = (result.seconds * 1000).rounded() / 1000
        sites = result.proposedSites.map {
            Site(
                id: InstanceID(instance.ids[$0.candidate], numeric: numeric), rank: $0.rank, addedWeight: $0.addedWeight,
                cumulativeShare: $0.cumulativeShare, hotspotsTaken: $0.hotspotsTaken, secondsSaved: $0.secondsSaved)
        }
        self.frontier = frontier?.map {
            FrontierEntry(
                newSites: $0.newSites, coveredShare: $0.coveredShare, coveredWeight: $0.coveredWeight,
                facilities: ids($0.candidates), gap: $0.gap)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objective, forKey: .objective)
        try container.encode(p, forKey: .p)
        try container.encode(objectiveValue, forKey: .objectiveValue)
        try container.encode(objectiveValueBefore, forKey: .objectiveValueBefore)
        try container.encode(facilities, forKey: .facilities)
        try container.encode(method, forKey: .method)
        try container.encode(gap, forKey: .gap)  // null for the heuristic
        try container.encode(provenOptimal, forKey: .provenOptimal)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(sites, forKey: .sites)
        try container.encodeIfPresent(frontier, forKey: .frontier)
    }

    /// Pretty JSON with sorted keys and a final newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
