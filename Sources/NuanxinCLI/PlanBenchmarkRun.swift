import Foundation
import Planner
import Reports

/// Benchmark mode of `nuanxin plan`: read the instance, solve, write the result JSON.
extension PlanCommand {
    /// Runs benchmark mode on the instance at `path` (options already validated).
    func runBenchmark(path: String, format: InstanceFormat, out: String) throws {
        let progress = output.progress
        let parsed = try progress.time("read") {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw PlanCommandError.cannotRead(file: path, reason: error.localizedDescription)
            }
            switch format {
            case .orlibPMed: return try BenchmarkInstance.parseORLibPMedian(text, file: path)
            case .pointsCSV: return try BenchmarkInstance.parsePointsCSV(text, file: path)
            }
        }
        progress.timings?.setSize("points", parsed.ids.count)
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
        let result = try progress.time("solve") { try Planner.solve(problem, objective: planning, method: method) }
        let frontierPoints = try frontierRange().map { range in
            try progress.time("frontier") { try Planner.coverageFrontier(problem, newSites: range, method: method) }
        }
        let requested: Int
        switch planning {
        case .coverage(let k), .meanTime(let k): requested = k
        case .coverAll: requested = result.sites.count
        }
        let report = PlanBenchmarkReport(result: result, p: requested, instance: parsed, frontier: frontierPoints)
        try progress.time("write") { try PlanResultFile.write(try report.jsonData(), to: out) }
        try output.finish(progress)
        let gap = result.gap.map { String(format: ", gap %.4g", $0) } ?? ""
        guard !output.quiet else { return }
        print(
            "\(planning.name): \(result.sites.count) site(s), objective \(result.objectiveValue) "
                + "(\(result.methodName)\(gap), \(String(format: "%.3f", result.seconds)) s) → \(out)")
    }
}
