import ArgumentParser
import Foundation

/// `nuanxin plan`'s option checks: each mode's options, and none of the other mode's.
extension PlanCommand {
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
            if let stray = (networkOptions.given + variants.given).first {
                throw ValidationError("\(stray) applies to network mode (--network) only, not to --instance")
            }
            if hoursOptions.service != nil || hoursOptions.hours != nil || !hoursOptions.at.isEmpty {
                throw ValidationError("--service, --hours and --at apply to network mode (--network) only, not to --instance")
            }
            try validateBenchmarkOptions()
        case (nil, .some):
            try validateNetworkOptions()
        }
    }

    /// What network mode needs: the three point sets; K for coverage/mean-time and none for cover-all;
    /// options only where they apply; distinct output files.
    private func validateNetworkOptions() throws {
        try outLayer.validate(out: out)
        let benchmarkOnly = [
            ("--instance-format", instanceFormat != nil), ("--p", siteCount != nil), ("--service-distance", serviceDistance != nil),
        ]
        for (flag, given) in benchmarkOnly where given {
            throw ValidationError("\(flag) applies to benchmark mode (--instance) only; network mode takes --new K and --minutes")
        }
        let options = networkOptions
        for (flag, value) in [("--stations", options.stations), ("--hotspots", options.hotspots), ("--candidates", options.candidates)]
        where value == nil || value!.isEmpty {
            throw ValidationError("network mode needs \(flag) POINTS" + (flag == "--candidates" ? " (or --candidates osm)" : ""))
        }
        try options.validateValues()
        try hoursOptions.validate(isCoverage: objective == .coverage)
        try variants.validate(objective: objective.rawValue, speedGiven: options.speed != nil)
        let candidateSource = try CandidateSource(options.candidates!)
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
            inputs: [
                ("--network", options.network), ("--stations", options.stations), ("--hotspots", options.hotspots),
                ("--candidates", candidateSource.listed),
            ])
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
        guard timeLimit.isFinite, timeLimit > 0 else {
            throw ValidationError("--time-limit \(timeLimit) must be a positive number of seconds")
        }
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
}
