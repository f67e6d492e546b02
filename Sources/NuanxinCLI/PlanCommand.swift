import ArgumentParser
import Foundation
import Planner

/// `nuanxin plan`: choose new station sites (MCLP, LSCP, p-median).
///
/// Two modes. **Network** (`--network FILE --stations --hotspots --candidates`): existing stations,
/// candidate sites and weighted hotspots on a road network (`PlanNetworkRun.swift`). **Benchmark**
/// (`--instance FILE --instance-format …`) solves a location benchmark without a road network — every
/// point is a demand and a candidate, distances come from the file. `validate()` checks each mode's
/// options and rejects the other mode's.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose new station sites: max coverage, cover all with fewest, or least mean time.",
        discussion: """
            Network mode:
              nuanxin plan --network chengdu-center.osm.pbf --stations stations.geojson \\
                --hotspots hotspots.geojson --candidates candidates.geojson|osm \\
                [--objective coverage|cover-all|mean-time] [--new K] [--target-share 0.95] \\
                [--minutes 15] [--exact --time-limit 60] [--frontier 1..20] \\
                [--out plan.geojson] [--summary plan.csv]

            Existing stations stay open and are never moved. coverage (MCLP) opens up to --new K \
            sites covering the most hotspot weight; cover-all (LSCP) the fewest sites covering \
            --target-share (default 1) of the weight some station or candidate can cover; mean-time \
            (p-median) up to K sites minimising the weighted time to the nearest station. A site \
            that would add nothing is not proposed.

            Times are door to door from each site outwards, as in `nuanxin audit` (the site's walk \
            to its road at walking speed, then the ride; the hotspot's own distance to its road is \
            not timed), one bounded search per site, so the covered share before the new sites is \
            audit's share. coverage and cover-all search to --minutes; mean-time to \
            --search-minutes (default 2 × --minutes) and charges a hotspot no station reaches \
            within that search limit + --minutes. Hotspots farther than --max-snap from a usable \
            road are never covered; stations and candidates that far are left out, as is a \
            candidate at an existing station (the same osm_id, or within 25 m); stderr lists them.

            --candidates osm takes the network file's points of interest of the station kinds \
            (community_centre, social_facility, townhall, government, bank, pharmacy, mall, hotel) \
            inside the file's header bounding box (else the road network's extent); ids are the \
            OSM ids (n123, w45), names from name, name:zh, name:en. (A candidates file called \
            osm: pass ./osm.) An empty stations file plans from scratch.

            --out: one Point per chosen site in rank order with rank, candidate_id, name, kind, \
            added_weight, cumulative_share, hotspots_taken, snap_m (mean-time also \
            weighted_minutes_saved), and the plan's figures (objective, value before and after, \
            method, gap, shares) in a top-level "plan" member. --summary: one CSV row per site. \
            --frontier A..B (coverage): the best covered share for each K from A to B, as CSV \
            k,share,sites to --frontier-out (default: --out's name with -frontier.csv) and on \
            stdout. Heuristic by default (greedy, then vertex substitution); --exact solves the \
            MIP with CBC and reports the proven gap. Files are byte-identical for the same inputs \
            (wall-clock times go to stdout only) and written all or nothing; --quiet prints \
            neither progress nor the summary.

            Benchmark mode (no road network; every point is a demand and a candidate):
              nuanxin plan --instance pmed1.txt --instance-format orlib-pmed
                --objective mean-time [--p 5] [--exact --time-limit 60] --out result.json
            orlib-pmed: OR-Library p-median graph, shortest-path distances; a vertex
            pair listed twice takes the later cost, as in Beasley's code.
            points-csv: columns id,x,y,weight; euclidean distances.
            coverage and cover-all need --service-distance (units of the distances).
            """)

    /// Benchmark instance formats.
    enum InstanceFormat: String, ExpressibleByArgument, CaseIterable {
        case orlibPMed = "orlib-pmed"
        case pointsCSV = "points-csv"
    }

    /// Objectives as spelled on the command line.
    enum ObjectiveName: String, ExpressibleByArgument, CaseIterable {
        case coverage
        case coverAll = "cover-all"
        case meanTime = "mean-time"
    }

    @OptionGroup var networkOptions: PlanNetworkOptions

    @Option(help: "Benchmark instance file (benchmark mode).")
    var instance: String?

    @Option(help: "Format of --instance: orlib-pmed or points-csv.")
    var instanceFormat: InstanceFormat?

    @Option(help: "coverage (MCLP), cover-all (LSCP) or mean-time (p-median).")
    var objective: ObjectiveName = .coverage

    @Option(name: .customLong("p"), help: "Benchmark mode: number of new sites (coverage, mean-time); overrides the file's p.")
    var siteCount: Int?

    @Option(help: "Benchmark mode: coverage distance/time, a site covers a point within it (coverage, cover-all).")
    var serviceDistance: Double?

    @Option(help: "cover-all: share of the coverable weight to reach, in (0, 1].")
    var targetShare: Double?

    @Flag(help: "Solve exactly with CBC (warm-started from the heuristic) and report the proven gap.")
    var exact = false

    @Option(help: "Time limit in seconds for --exact (per frontier point with --frontier).")
    var timeLimit: Double = 60

    @Option(help: "coverage: also report the best covered share for each number of sites in A..B.")
    var frontier: String?

    @Option(help: "Output file: the plan GeoJSON (network mode, default plan.geojson) or result JSON (benchmark mode, required).")
    var out: String?

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var output: QuietOption

    func validate() throws {
        switch (instance, networkOptions.network) {
        case (.some, .some):
            throw ValidationError("give --network (network mode) or --instance (benchmark mode), not both")
        case (nil, nil):
            throw ValidationError(
                "plan needs a mode: --network FILE --stations POINTS --hotspots POINTS --candidates POINTS|osm (network), "
                    + "or --instance FILE --instance-format orlib-pmed|points-csv (benchmark)")
        case (.some(let instance), nil):
            guard !instance.isEmpty else { throw ValidationError("--instance needs a file name") }
            if let stray = networkOptions.given.first {
                throw ValidationError("\(stray) applies to network mode (--network) only, not to --instance")
            }
            try validateBenchmarkOptions()
        case (nil, .some):
            try validateNetworkOptions()
        }
    }

    /// What network mode needs: the three point sets; K for coverage/mean-time and none for cover-all;
    /// options only where they apply; distinct output files.
    private func validateNetworkOptions() throws {
        let benchmarkOnly = [("--instance-format", instanceFormat != nil), ("--p", siteCount != nil), ("--service-distance", serviceDistance != nil)]
        for (flag, given) in benchmarkOnly where given {
            throw ValidationError("\(flag) applies to benchmark mode (--instance) only; network mode takes --new K and --minutes")
        }
        let options = networkOptions
        for (flag, value) in [("--stations", options.stations), ("--hotspots", options.hotspots), ("--candidates", options.candidates)]
        where value == nil || value!.isEmpty {
            throw ValidationError("network mode needs \(flag) POINTS" + (flag == "--candidates" ? " (or --candidates osm)" : ""))
        }
        try options.validateValues()
        if objective == .coverAll {
            guard options.newSites == nil else { throw ValidationError("--new does not apply to cover-all (it finds the fewest sites)") }
        } else if options.newSites == nil {
            throw ValidationError("--objective \(objective.rawValue) needs --new K, the number of new sites")
        }
        if options.searchMinutes != nil, objective != .meanTime {
            throw ValidationError("--search-minutes applies to --objective mean-time only")
        }
        try validateSharedOptions()
        if options.frontierOut != nil, frontier == nil { throw ValidationError("--frontier-out needs --frontier A..B") }
        try OutputFileCheck.distinct(
            outputs: [("--out", networkOutPath), ("--summary", options.summary), ("--frontier-out", frontierOutPath)],
            inputs: [("--network", options.network), ("--stations", options.stations), ("--hotspots", options.hotspots),
                     ("--candidates", options.candidates)])
        let outputs = [("--out", networkOutPath), ("--summary", options.summary), ("--frontier-out", frontierOutPath)]
            .compactMap { flag, path in path.map { (flag, URL(fileURLWithPath: $0).standardizedFileURL) } }
        for (i, a) in outputs.enumerated() {
            for b in outputs[(i + 1)...] where a.1 == b.1 {
                throw ValidationError("\(a.0) and \(b.0) must be different files")
            }
        }
    }

    /// Options both modes take: the target share, the time limit, the frontier.
    private func validateSharedOptions() throws {
        if let targetShare {
            guard objective == .coverAll else { throw ValidationError("--target-share applies to cover-all only") }
            guard targetShare > 0, targetShare <= 1 else { throw ValidationError("--target-share \(targetShare) must be in (0, 1]") }
        }
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit \(timeLimit) must be a positive number of seconds") }
        if frontier != nil {
            guard objective == .coverage else { throw ValidationError("--frontier applies to --objective coverage only") }
            _ = try frontierRange()
        }
    }

    /// What benchmark mode needs: a format; a service distance for coverage objectives; a site count for
    /// coverage/mean-time on points-csv (OR-Library files carry p); options only where they apply.
    private func validateBenchmarkOptions() throws {
        guard let instanceFormat else {
            throw ValidationError("--instance needs --instance-format orlib-pmed|points-csv")
        }
        if objective != .meanTime {
            guard let serviceDistance else { throw ValidationError("--objective \(objective.rawValue) needs --service-distance S") }
            guard serviceDistance.isFinite, serviceDistance >= 0 else {
                throw ValidationError("--service-distance \(serviceDistance) must be a finite number ≥ 0")
            }
        }
        if let serviceDistance, !(serviceDistance.isFinite && serviceDistance >= 0) {
            throw ValidationError("--service-distance \(serviceDistance) must be a finite number ≥ 0")
        }
        if objective == .coverAll {
            guard siteCount == nil else { throw ValidationError("--p does not apply to cover-all (it finds the fewest sites)") }
        } else if siteCount == nil, instanceFormat == .pointsCSV {
            throw ValidationError("--objective \(objective.rawValue) on points-csv needs --p P")
        }
        if let siteCount, siteCount < 0 { throw ValidationError("--p \(siteCount) must be ≥ 0") }
        guard out != nil else { throw ValidationError("--instance needs --out result.json") }
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--instance", instance)])
        try validateSharedOptions()
    }

    /// `--frontier A..B` as a range.
    func frontierRange() throws -> ClosedRange<Int>? {
        guard let frontier else { return nil }
        let parts = frontier.components(separatedBy: "..")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 0, low <= high else {
            throw ValidationError("--frontier \(frontier) must look like 1..20 (0 ≤ A ≤ B)")
        }
        return low...high
    }

    func run() throws {
        if let path = networkOptions.network {
            try runNetwork(path: path)
        } else if let path = instance, let format = instanceFormat, let out {
            try runBenchmark(path: path, format: format, out: out)
        }
    }

    private func runBenchmark(path: String, format: InstanceFormat, out: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PlanCommandError.cannotRead(file: path, reason: error.localizedDescription)
        }
        let parsed: BenchmarkInstance
        switch format {
        case .orlibPMed: parsed = try BenchmarkInstance.parseORLibPMedian(text, file: path)
        case .pointsCSV: parsed = try BenchmarkInstance.parsePointsCSV(text, file: path)
        }
        let coverageLimit = serviceDistance ?? .infinity
        let problem = try parsed.planningProblem(
            searchLimit: objective == .meanTime ? .infinity : coverageLimit, coverageLimit: coverageLimit)
        let method: SolveMethod = exact ? .exact(timeLimitSeconds: timeLimit) : .heuristic
        let planning: PlanningObjective
        switch objective {
        case .coverAll:
            planning = .coverAll(targetShare: targetShare ?? 1)
        case .coverage, .meanTime:
            guard let sites = siteCount ?? parsed.fileSiteCount else {
                throw PlanCommandError.missingSiteCount(file: path, objective: objective.rawValue)
            }
            planning = objective == .coverage ? .coverage(newSites: sites) : .meanTime(newSites: sites)
        }
        let result = try Planner.solve(problem, objective: planning, method: method)
        let frontierPoints = try frontierRange().map { try Planner.coverageFrontier(problem, newSites: $0, method: method) }
        let requested: Int
        switch planning {
        case .coverage(let k), .meanTime(let k): requested = k
        case .coverAll: requested = result.sites.count
        }
        let report = PlanBenchmarkReport(result: result, p: requested, instance: parsed, frontier: frontierPoints)
        try PlanResultFile.write(try report.jsonData(), to: out)
        let gap = result.gap.map { String(format: ", gap %.4g", $0) } ?? ""
        guard !output.quiet else { return }
        print(
            "\(planning.name): \(result.sites.count) site(s), objective \(result.objectiveValue) "
                + "(\(result.methodName)\(gap), \(String(format: "%.3f", result.seconds)) s) → \(out)")
    }
}
