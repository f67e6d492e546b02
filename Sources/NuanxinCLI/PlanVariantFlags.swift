import ArgumentParser
import Foundation
import GeoCore
import Planner
import RoadNetwork

/// `nuanxin plan`'s network-mode variants: capacities, backup coverage, a speed band, and road
/// positions as candidates (`--candidates [FILE|osm,]roads:N`).
struct PlanVariantFlags: ParsableArguments {
    @Flag(
        help:
            "Respect site capacities (the capacity property of stations and candidates; a station without one is unlimited): capacitated coverage, cover-all or p-median (mean-time)."
    )
    var capacity = false

    @Option(
        name: .customLong("default-capacity"),
        help: "With --capacity: the capacity of a candidate without a capacity property (default: unlimited).")
    var defaultCapacity: Double?

    @Flag(help: "coverage: maximise the weight covered twice within --minutes (Hogan & ReVelle BACOP2, θ = 0.5).")
    var backup = false

    @Option(
        name: .customLong("speed-band"), help: "LOW,HIGH km/h: plan at LOW (the worst case) and report the plan's share at both speeds.")
    var speedBand: SpeedBand?

    /// The options given, by flag.
    var given: [String] {
        [
            ("--capacity", capacity), ("--default-capacity", defaultCapacity != nil), ("--backup", backup),
            ("--speed-band", speedBand != nil),
        ]
        .filter(\.1).map(\.0)
    }

    /// Checks the combinations with `objective` (named as on the command line).
    func validate(objective: String, speedGiven: Bool) throws {
        if capacity, backup { throw ValidationError("--capacity and --backup cannot be combined") }
        if backup, objective != "coverage" { throw ValidationError("--backup applies to --objective coverage only") }
        if let defaultCapacity {
            guard capacity else { throw ValidationError("--default-capacity needs --capacity") }
            guard defaultCapacity.isFinite, defaultCapacity > 0 else {
                throw ValidationError(
                    "--default-capacity \(NumericLimit.plain(defaultCapacity)) must be a number > 0 (e.g. --default-capacity 40)")
            }
        }
        if speedBand != nil, speedGiven { throw ValidationError("give either --speed or --speed-band, not both") }
    }
}

/// `--candidates` split into the listed source (a file or `osm`) and road positions every N metres.
struct CandidateSource: Equatable {
    /// The listed candidates: a file or `osm`; nil for road positions only.
    var listed: String?
    /// Spacing of the road positions in metres; nil without them.
    var roadSpacing: Double?

    /// Parses `FILE`, `osm`, `roads:N` or `FILE,roads:N` / `osm,roads:N` (N in metres, 10…10000).
    init(_ value: String) throws {
        var listed: String? = value
        var spacing: String?
        if value.hasPrefix("roads:") {
            listed = nil
            spacing = String(value.dropFirst("roads:".count))
        } else if let range = value.range(of: ",roads:", options: .backwards) {
            listed = String(value[..<range.lowerBound])
            spacing = String(value[range.upperBound...])
        }
        if let spacing {
            guard let metres = Double(spacing), metres.isFinite, metres >= 10, metres <= 10_000 else {
                throw ValidationError(
                    "--candidates \(value): roads:N needs N metres between 10 and 10000 (e.g. --candidates candidates.geojson,roads:250)")
            }
            self.roadSpacing = metres
        }
        self.listed = listed
    }
}

extension PlanCommand {
    /// The capacities of the used stations and candidates from their `capacity` property; a candidate
    /// without one takes `--default-capacity` (else unlimited), a station without one is unlimited.
    func capacities(_ network: NetworkPlanningProblem) throws -> SiteCapacities {
        func read(_ sites: [PlacedSite], file: String) throws -> [Double?] {
            try sites.map { placed in
                do { return try SiteCapacity.of(placed.site) } catch let error as SiteCapacityError {
                    throw InputFileError(file: URL(fileURLWithPath: file).lastPathComponent, message: error.description)
                }
            }
        }
        return try SiteCapacities(
            for: network.problem, existing: try read(network.stations, file: networkOptions.stations!),
            candidates: try read(network.candidates, file: networkOptions.candidates!),
            defaultCandidate: variants.defaultCapacity ?? .infinity)
    }
}
