import Coverage
import GeoCore
import Planner

/// The plan summary a person reads on stdout: the objective before and after, the method and gap, each
/// chosen site with the weight it adds, the frontier, and the wall-clock times (which stay out of the files).
public enum PlanSummaryText {
    /// Wall-clock seconds of the steps, for the stdout summary only.
    public struct Timings {
        /// Building the time matrix.
        public var matrixSeconds: Double
        /// Solving the plan.
        public var solveSeconds: Double
        /// Computing the frontier, when asked for.
        public var frontierSeconds: Double?

        /// Every stored property, as given.
        public init(matrixSeconds: Double, solveSeconds: Double, frontierSeconds: Double?) {
            self.matrixSeconds = matrixSeconds
            self.solveSeconds = solveSeconds
            self.frontierSeconds = frontierSeconds
        }
    }

    /// The summary of `report` (lines ending in `\n`).
    public static func text(_ report: PlanNetworkReport, timings: Timings) -> String {
        let result = report.result
        let network = report.network
        let problem = network.problem
        var lines: [String] = []
        var heading = "plan: \(report.objectiveTitle)"
        switch report.objective {
        case .coverage(let k), .meanTime(let k): heading += ", up to \(k) new site\(k == 1 ? "" : "s")"
        case .coverAll(let target): heading += ", target \(percent(target)) of the coverable weight"
        }
        lines.append(heading + ", \(plain(report.minutes)) min by \(report.profile.rawValue) at \(plain(report.speedKmh)) km/h")
        lines.append(
            "  matrix: \(network.stations.count) stations + \(network.candidates.count) candidates × \(network.hotspots.count) hotspots, "
                + "\(problem.times.entryCount) pairs within \(plain(network.searchSeconds / 60)) min, \(seconds(timings.matrixSeconds))")
        let gap =
            report.roundedGap.map { "gap \(formatFixed($0 * 100, decimals: 4)) %" + (result.provenOptimal ? " (proven optimal)" : "") }
            ?? "gap not known (--exact proves one)"
        lines.append("  method: \(result.methodName), \(gap), \(seconds(timings.solveSeconds))")
        if let hourly = report.hourly {
            lines.append(
                "  over \(hourly.slotLabels.count) hour\(hourly.slotLabels.count == 1 ? "" : "s") (\(hourly.slotLabels.joined(separator: ","))): weights are weight-hours, a site covers only when open"
            )
        }
        let total = problem.totalWeight
        lines.append(
            "  covered weight: \(weight(result.before.coveredWeight)) → \(weight(result.after.coveredWeight)) of \(weight(total)) "
                + "(share \(formatFixed(result.before.coveredShare, decimals: 4)) → \(formatFixed(result.after.coveredShare, decimals: 4)))"
        )
        switch report.objective {
        case .coverage:
            break
        case .coverAll:
            lines.append("  new sites needed: \(report.sites.count) (coverable weight \(weight(problem.coverableWeight)))")
        case .meanTime:
            let before = report.meanMinutes(result.before) ?? 0
            let after = report.meanMinutes(result.after) ?? 0
            lines.append(
                "  mean minutes to the nearest station: \(formatFixed(before, decimals: 2)) → \(formatFixed(after, decimals: 2)) "
                    + "(a hotspot no station reaches within \(plain(network.searchSeconds / 60)) min counts \(plain(network.unreachedPenaltySeconds / 60)) min)"
            )
        }
        lines += report.extraSummaryLines()
        for ranked in report.sites {
            let site = report.candidate(ranked.candidate)
            let label = [site.name, site.kind.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            var line =
                "  \(ranked.rank). \(site.id)\(label.isEmpty ? "" : " " + label): +\(weight(ranked.addedWeight)) weight, "
                + "\(ranked.hotspotsTaken) hotspot\(ranked.hotspotsTaken == 1 ? "" : "s"), share \(formatFixed(ranked.cumulativeShare, decimals: 4))"
            if let saved = report.weightedMinutesSaved(ranked) { line += ", saves \(formatFixed(saved, decimals: 1)) weighted min" }
            lines.append(line)
        }
        if let frontier = report.frontier {
            lines.append("frontier (k, covered share, sites)\(timings.frontierSeconds.map { ", " + seconds($0) } ?? ""):")
            for (index, point) in frontier.enumerated() {
                let gap = point.gap.map { ", gap \(formatFixed($0 * 100, decimals: 4)) %" } ?? ""
                let high =
                    report.extras.frontierHighShares.map {
                        ", at \(AuditNumbers.plain(report.extras.speedBand?.high ?? 0)) km/h \(formatFixed($0[index], decimals: 4))"
                    } ?? ""
                lines.append(
                    "  \(point.newSites) \(formatFixed(point.coveredShare, decimals: 4)) \(report.frontierSites(point).joined(separator: ";"))\(gap)\(high)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func plain(_ value: Double) -> String { AuditNumbers.plain(value) }
    private static func weight(_ value: Double) -> String {
        AuditNumbers.plain(AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals))
    }
    private static func percent(_ share: Double) -> String { "\(AuditNumbers.plain(AuditNumbers.rounded(share * 100, decimals: 2))) %" }
    /// Milliseconds with two decimals below a second, else seconds with three.
    private static func seconds(_ value: Double) -> String {
        value < 1 ? "\(formatFixed(value * 1000, decimals: 2)) ms" : "\(formatFixed(value, decimals: 3)) s"
    }
}
