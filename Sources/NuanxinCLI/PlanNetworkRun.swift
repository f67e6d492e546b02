import Coverage
import Facilities
import Foundation
import GeoCore
import GeoIO
import Planner
import Reports
import RoadNetwork

/// Network mode of `nuanxin plan`: read the sites, place them on the network, build the time matrix,
/// solve, write the files all or nothing, print the summary.
extension PlanCommand {
    /// Runs network mode on the network file at `path` (options already validated).
    func runNetwork(path: String) throws {
        let options = networkOptions
        let progress = output.progress
        var loaded = try options.load(path: path, progress: progress)
        let source = try CandidateSource(options.candidates!)
        let band = variants.speedBand
        if let band { loaded.graph = loaded.graph.retimed(cruiseSpeedKmh: band.low) }
        let maxSnap = options.maxSnapMeters
        let inputs = try NetworkInputs(
            graph: loaded.graph, datum: options.datum ?? .wgs84, maxSnap: maxSnap, formats: try formats.formats(progress))
        let (stationPoints, hotspotPoints, candidatePoints) = try InputFileError.mapping(user: "plan") {
            try progress.time("read") {
                (
                    try inputs.points(URL(fileURLWithPath: options.stations!), kind: "station", allowEmpty: true),
                    try inputs.points(URL(fileURLWithPath: options.hotspots!), kind: "hotspot"),
                    try source.listed.map {
                        try osmOrFileCandidates($0, loaded: loaded, networkPath: path, inputs: inputs, progress: progress)
                    } ?? []
                )
            }
        }
        let isOSM = source.listed == PlanNetworkOptions.osmCandidates
        let filter = try hoursOptions.filter()
        let stationSelection = try StationSelection(sites: stationPoints, file: options.stations!, role: "station", filter: filter)
        let candidateSelection =
            isOSM
            ? try StationSelection(osmSites: candidatePoints, pois: loaded.pois, file: fileName(path), filter: filter)
            : try StationSelection(sites: candidatePoints, file: source.listed ?? "roads", role: "candidate", filter: filter)
        let (stations, hotspots, candidates) = try progress.time("snap") {
            (
                try inputs.place(stationSelection.admitted.map { stationPoints[$0] }, kind: "station", file: options.stations!),
                try inputs.place(hotspotPoints, kind: "hotspot", file: options.hotspots!),
                try source.listed.map {
                    try inputs.place(
                        candidateSelection.admitted.map { candidatePoints[$0] }, kind: "candidate", file: $0,
                        allowMostlyUnroutable: $0 == PlanNetworkOptions.osmCandidates
                    ).all
                } ?? []
            )
        }
        let roadSites = try source.roadSpacing.map { try RoadCandidates.sites(graph: loaded.graph, spacingMeters: $0) } ?? []
        if let spacing = source.roadSpacing {
            progress.report("\(roadSites.count) road positions every \(AuditNumbers.plain(spacing)) m as candidates")
        }
        try InputFileError.mapping(user: "plan") {
            try stations.requireRoutable()
            try hotspots.requireRoutable()
        }
        for line in stationSelection.defaultLines + candidateSelection.defaultLines { progress.report(line) }
        for (name, count) in [
            ("stations", stations.all.count), ("hotspots", hotspots.all.count), ("candidates", candidates.count + roadSites.count),
        ] {
            progress.timings?.setSize(name, count)
        }

        let planning = planningObjective
        let direction = hoursOptions.travel.direction
        func problem(_ graph: RoadGraph) throws -> NetworkPlanningProblem {
            try NetworkPlanningProblem(
                graph: direction.searchGraph(for: graph), stations: stations.all, candidates: candidates + roadSites,
                hotspots: hotspots.all, maxSnap: maxSnap, coverageMinutes: options.serviceMinutes,
                searchMinutes: NetworkPlanningProblem.searchMinutes(
                    for: planning, coverageMinutes: options.serviceMinutes, given: options.searchMinutes),
                hotspotWalk: hoursOptions.walk.isOn, matrix: .suited(roadPositions: roadSites.count))
        }
        var (network, matrixSeconds) = try progress.timed("matrix") { try problem(loaded.graph) }
        let high = try band.map { band in
            try progress.timed("matrix") { try problem(loaded.graph.retimed(cruiseSpeedKmh: band.high)) }.value
        }
        let hourly = try hoursOptions.planningHours().map { hours in
            let stationHours = stationSelection.attributesByID(of: stationPoints)
            let candidateHours = candidateSelection.attributesByID(of: candidatePoints)
            let open = hours.open(
                network.stations.map { stationHours[$0.site.id]! } + network.candidates.map { candidateHours[$0.site.id] ?? .roadPosition })
            return try HourlyPlanning(base: network.problem, open: open, slotLabels: hours.labels)
        }
        if let hourly { network = network.replacingProblem(hourly.problem) }
        reportLeftOut(network, progress: progress)
        guard network.problem.candidateCount > 0 else {
            throw PlanCommandError.noCandidateLeft(
                file: source.listed.map { $0 == PlanNetworkOptions.osmCandidates ? fileName(path) : fileName($0) } ?? "roads",
                given: candidates.count + roadSites.count)
        }
        let unroutableHotspots = hotspots.unroutable.count
        if unroutableHotspots > 0 {
            progress.report(
                "\(unroutableHotspots) of \(hotspots.all.count) hotspots are more than \(AuditNumbers.plain(maxSnap)) m from a usable road: never covered"
            )
        }

        let method: SolveMethod = exact ? .exact(timeLimitSeconds: timeLimit) : .heuristic
        let variantOptions = PlanVariantOptions(
            network: network, capacities: variants.capacity ? try capacities(network) : nil, backup: variants.backup,
            roadPositions: source.roadSpacing != nil)
        let solved = try progress.time("solve") {
            try Planner.solveVariant(network.problem, objective: planning, options: variantOptions, method: method)
        }
        let result = solved.plan
        let (frontierPoints, frontierSeconds) =
            try frontierRange().map { range in
                try progress.timed("frontier") { try Planner.coverageFrontier(network.problem, newSites: range, method: method) }
            }.map { ($0.value as [FrontierPoint]?, $0.seconds) } ?? (nil, 0)

        var report = PlanNetworkReport(
            network: network, objective: planning, result: result, frontier: frontierPoints,
            profile: options.travelProfile, speedKmh: loaded.graph.cruiseSpeedKmh, minutes: options.serviceMinutes)
        report.hourly = hourly
        report.extras = PlanExtras(
            solved, capacitated: variants.capacity, backupTheta: variantOptions.backupTheta, roadSpacing: source.roadSpacing,
            speedBand: band.map { ($0.low, $0.high) }, high: high?.problem, frontier: frontierPoints)
        let files = PlanFiles.network(
            report, out: networkOutPath, summary: options.summary, frontier: frontierOutPath, transform: crsOut.apply(to:))
        try progress.time("write") {
            let set = OutputSet()
            try set.add(crsOut.apply(to: PlanGeoJSON.featureCollection(report)), to: networkOutPath, layer: outLayer.name)
            for file in files.dropFirst() { try set.add(file.data, path: file.url.relativePath) }
            try set.commit()
        }
        progress.report("wrote " + files.map(\.url.path).joined(separator: ", "))
        if !output.quiet {
            let timings = PlanSummaryText.Timings(
                matrixSeconds: matrixSeconds, solveSeconds: result.seconds, frontierSeconds: frontierPoints == nil ? nil : frontierSeconds)
            print(PlanSummaryText.text(report, timings: timings), terminator: "")
        }
        try output.finish(progress)
    }

    /// The candidate points: the network file's points of interest of the station kinds for
    /// `--candidates osm`, else the file's points (at least one).
    private func osmOrFileCandidates(
        _ file: String, loaded: LoadedNetwork, networkPath: String, inputs: NetworkInputs, progress: ProgressLog
    ) throws -> [SitePoint] {
        guard file == PlanNetworkOptions.osmCandidates else {
            return try inputs.points(URL(fileURLWithPath: file), kind: "candidate")
        }
        let points = OSMCandidates.sites(of: loaded)
        guard !points.isEmpty else {
            throw PlanCommandError.noPoints(
                file: fileName(networkPath),
                what:
                    "points of interest of the station kinds (\(OSMCandidates.stationKinds.map(\.rawValue).joined(separator: ", "))) that --candidates osm takes"
            )
        }
        progress.report("\(points.count) candidate sites from the points of interest of \(fileName(networkPath))")
        return points
    }

    /// Lists the stations and candidates left out on stderr, one line each.
    private func reportLeftOut(_ network: NetworkPlanningProblem, progress: ProgressLog) {
        for excluded in network.excludedStations {
            progress.report("station \(excluded.site.site.id) is left out: \(excluded.exclusion)")
        }
        for excluded in network.excludedCandidates {
            progress.report("candidate \(excluded.site.site.id) is left out: \(excluded.exclusion)")
        }
    }

    private func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
}
