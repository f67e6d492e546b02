import Coverage
import Foundation
import GeoCore
import Planner
import RoadNetwork

/// Network mode of `nuanxin plan`: read the sites, place them on the network, build the time matrix,
/// solve, write the files all or nothing, print the summary.
extension PlanCommand {
    /// Runs network mode on the network file at `path` (options already validated).
    func runNetwork(path: String) throws {
        let options = networkOptions
        let progress = output.progress
        let loaded = try options.load(path: path, progress: progress)
        let stationPoints = try readPoints(options.stations!, what: "stations", allowEmpty: true)
        let hotspotPoints = try readPoints(options.hotspots!, what: "hotspots", allowEmpty: false)
        let candidatesFile = options.candidates!
        let candidatePoints: [SitePoint]
        if candidatesFile == PlanNetworkOptions.osmCandidates {
            let box = loaded.stats.clipBox ?? loaded.stats.bbox
            candidatePoints = OSMCandidates.sites(from: loaded.pois, inside: box)
            guard !candidatePoints.isEmpty else {
                throw PlanCommandError.noPoints(
                    file: URL(fileURLWithPath: path).lastPathComponent,
                    what: "points of interest of the station kinds (\(OSMCandidates.stationKinds.map(\.rawValue).joined(separator: ", "))) that --candidates osm takes")
            }
            progress.report("\(candidatePoints.count) candidate sites from the points of interest of \(URL(fileURLWithPath: path).lastPathComponent)")
        } else {
            candidatePoints = try readPoints(candidatesFile, what: "candidates", allowEmpty: false)
        }

        let maxSnap = options.maxSnapMeters
        let placer = try SitePlacer(graph: loaded.graph)
        let stations = try placer.place(stationPoints, maxSnap: maxSnap)
        let hotspots = try placer.place(hotspotPoints, maxSnap: maxSnap)
        let candidates = try placer.place(candidatePoints, maxSnap: maxSnap)
        try SnapShare.requireMostRoutable(stations, file: options.stations!, role: "stations", maxSnap: maxSnap)
        try SnapShare.requireMostRoutable(hotspots, file: options.hotspots!, role: "hotspots", maxSnap: maxSnap)
        if candidatesFile != PlanNetworkOptions.osmCandidates {
            try SnapShare.requireMostRoutable(candidates, file: candidatesFile, role: "candidates", maxSnap: maxSnap)
        }
        if !stations.isEmpty, !stations.contains(where: { $0.snap != nil }) {
            throw PlanCommandError.noRoutableStation(file: fileName(options.stations!), maxSnap: maxSnap)
        }
        guard hotspots.contains(where: { $0.snap != nil }) else {
            throw PlanCommandError.noRoutableHotspot(file: fileName(options.hotspots!), maxSnap: maxSnap)
        }

        let clock = ContinuousClock()
        let matrixStart = clock.now
        let searchMinutes: Double? = objective == .meanTime ? options.searchMinutes ?? 2 * options.serviceMinutes : nil
        let network = try NetworkPlanningProblem(
            graph: loaded.graph, stations: stations, candidates: candidates, hotspots: hotspots, maxSnap: maxSnap,
            coverageMinutes: options.serviceMinutes, searchMinutes: searchMinutes)
        let matrixSeconds = seconds(clock.now - matrixStart)
        reportLeftOut(network, progress: progress)
        guard network.problem.candidateCount > 0 else {
            throw PlanCommandError.noCandidateLeft(
                file: candidatesFile == PlanNetworkOptions.osmCandidates ? fileName(path) : fileName(candidatesFile),
                given: candidates.count)
        }
        let unroutableHotspots = hotspots.count { $0.snap == nil }
        if unroutableHotspots > 0 {
            progress.report("\(unroutableHotspots) of \(hotspots.count) hotspots are more than \(AuditNumbers.plain(maxSnap)) m from a usable road: never covered")
        }

        let planning: PlanningObjective
        switch objective {
        case .coverage: planning = .coverage(newSites: options.newSites!)
        case .meanTime: planning = .meanTime(newSites: options.newSites!)
        case .coverAll: planning = .coverAll(targetShare: targetShare ?? 1)
        }
        let method: SolveMethod = exact ? .exact(timeLimitSeconds: timeLimit) : .heuristic
        let result = try Planner.solve(network.problem, objective: planning, method: method)
        let frontierStart = clock.now
        let frontierPoints = try frontierRange().map { try Planner.coverageFrontier(network.problem, newSites: $0, method: method) }
        let frontierSeconds = frontierPoints == nil ? nil : seconds(clock.now - frontierStart)

        let report = PlanNetworkReport(
            network: network, objective: planning, result: result, frontier: frontierPoints,
            profile: options.travelProfile, speedKmh: loaded.graph.cruiseSpeedKmh, minutes: options.serviceMinutes)
        let outPath = networkOutPath
        var files = [(data: GeoJSONWriter.encode(crsOut.apply(to: PlanGeoJSON.featureCollection(report))), url: URL(fileURLWithPath: outPath))]
        if let summary = options.summary {
            files.append((data: Data(PlanCSV.summary(report).utf8), url: URL(fileURLWithPath: summary)))
        }
        if let frontierPoints, let frontierPath = frontierOutPath {
            files.append((data: Data(PlanCSV.frontier(frontierPoints, report: report).utf8), url: URL(fileURLWithPath: frontierPath)))
        }
        try AuditOutputFiles.write(files)
        progress.report("wrote " + files.map(\.url.path).joined(separator: ", "))
        if !output.quiet {
            let timings = PlanSummaryText.Timings(
                matrixSeconds: matrixSeconds, solveSeconds: result.seconds, frontierSeconds: frontierSeconds)
            print(PlanSummaryText.text(report, timings: timings), terminator: "")
        }
    }

    /// `--out` in network mode (default `plan.geojson`).
    var networkOutPath: String { out ?? "plan.geojson" }

    /// Where the frontier CSV goes: `--frontier-out`, else `--out`'s path with `-frontier.csv` in place
    /// of its extension; nil without `--frontier`.
    var frontierOutPath: String? {
        guard frontier != nil else { return nil }
        if let path = networkOptions.frontierOut { return path }
        let url = URL(fileURLWithPath: networkOutPath)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-frontier.csv").path
    }

    /// The points of `path` in WGS84, converted from `--crs`.
    private func readPoints(_ path: String, what: String, allowEmpty: Bool) throws -> [SitePoint] {
        try InputRole(rawValue: what)!.points(path: path, datum: networkOptions.datum ?? .wgs84, allowEmpty: allowEmpty)
    }

    /// Lists the stations and candidates left out on stderr, one line each.
    private func reportLeftOut(_ network: NetworkPlanningProblem, progress: Progress) {
        for excluded in network.excludedStations {
            progress.report("station \(excluded.site.site.id) is left out: \(excluded.exclusion)")
        }
        for excluded in network.excludedCandidates {
            progress.report("candidate \(excluded.site.site.id) is left out: \(excluded.exclusion)")
        }
    }

    private func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
