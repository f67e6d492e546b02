import ArgumentParser
import Foundation
import Planner

/// `nuanxin plan`: choose new station sites (MCLP, LSCP, p-median).
///
/// Modes: **benchmark** (`--instance FILE --instance-format …`) solves a location benchmark without a
/// road network — every point is a demand and a candidate, distances come from the file. `validate()`
/// checks each mode's options; a network mode (stations, hotspots, candidates on a road network) adds
/// its own options and its own branch there.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose new station sites: max coverage, cover all with fewest, or least mean time.",
        discussion: """
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

    @Option(help: "Benchmark instance file (benchmark mode).")
    var instance: String?

    @Option(help: "Format of --instance: orlib-pmed or points-csv.")
    var instanceFormat: InstanceFormat?

    @Option(help: "coverage (MCLP), cover-all (LSCP) or mean-time (p-median).")
    var objective: ObjectiveName = .coverage

    @Option(name: .customLong("p"), help: "Number of new sites (coverage, mean-time); overrides the file's p.")
    var siteCount: Int?

    @Option(help: "Coverage distance/time: a site covers a point within it (coverage, cover-all).")
    var serviceDistance: Double?

    @Option(help: "cover-all: share of the coverable weight to reach, in (0, 1].")
    var targetShare: Double?

    @Flag(help: "Solve exactly with CBC (warm-started from the heuristic) and report the proven gap.")
    var exact = false

    @Option(help: "Time limit in seconds for --exact (per frontier point with --frontier).")
    var timeLimit: Double = 60

    @Option(help: "coverage: also report the best covered share for each number of sites in A..B.")
    var frontier: String?

    @Option(help: "Result JSON file (written atomically).")
    var out: String

    func validate() throws {
        guard let instance, !instance.isEmpty else {
            throw ValidationError("plan needs a mode: --instance FILE --instance-format orlib-pmed|points-csv (benchmark)")
        }
        try validateBenchmarkOptions()
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

    /// `--frontier A..B` as a range.
    private func frontierRange() throws -> ClosedRange<Int>? {
        guard let frontier else { return nil }
        let parts = frontier.components(separatedBy: "..")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 0, low <= high else {
            throw ValidationError("--frontier \(frontier) must look like 1..20 (0 ≤ A ≤ B)")
        }
        return low...high
    }

    func run() throws {
        guard let path = instance, let format = instanceFormat else { return }
        try runBenchmark(path: path, format: format)
    }

    private func runBenchmark(path: String, format: InstanceFormat) throws {
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
        print(
            "\(planning.name): \(result.sites.count) site(s), objective \(result.objectiveValue) "
                + "(\(result.methodName)\(gap), \(String(format: "%.3f", result.seconds)) s) → \(out)")
    }
}
