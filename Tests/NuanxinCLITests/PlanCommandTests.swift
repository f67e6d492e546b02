import Foundation
import GeoCore
import Testing

/// `nuanxin plan` network mode end to end on the default city (central Chengdu, OSM) with geodata's
/// 11 stations, 316 hotspots and 54 candidates, run as the built binary; and benchmark mode once.
@Suite struct PlanCommandTests {
    /// A folder for one test's outputs and its network cache.
    struct Run {
        let folder: URL
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        init() throws { folder = try makeTemporaryFolder() }

        /// `plan` arguments on the real network and geodata's points, candidates from `candidates`.
        func arguments(candidates: String? = nil, _ extra: [String]) throws -> [String] {
            try ["plan"] + Self.inputs(cache: path("cache"), candidates: candidates) + extra
        }

        static func data(_ name: String) throws -> String {
            try #require(AuditCommandTests.realData(name), "geodata/\(name) not found")
        }

        static func inputs(cache: String, candidates: String? = nil) throws -> [String] {
            [
                "--network", try data("chengdu-center.osm.pbf"), "--cache", cache,
                "--stations", try data("stations.geojson"), "--hotspots", try data("hotspots.geojson"),
                "--candidates", try candidates ?? data("candidates.geojson"),
            ]
        }
    }

    /// The features and the `"plan"` member of a plan GeoJSON.
    struct Plan {
        let features: [Feature]
        let plan: [String: JSONValue]

        init(path: String) throws {
            let collection = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
            features = collection.features
            plan = try #require(collection.foreignMembers["plan"]?.objectValue, "no plan member")
        }

        func number(_ key: String) -> Double? { plan[key]?.numberValue }
        func property(_ feature: Int, _ key: String) -> JSONValue? { features[feature].properties?[key] }
        var candidateIDs: [String] { features.indices.compactMap { property($0, "candidate_id")?.stringValue } }
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    @Test(arguments: [
        ["--objective", "coverage", "--new", "3"],
        ["--objective", "mean-time", "--new", "3"],
        ["--objective", "cover-all", "--target-share", "1"],
    ])
    func plansWithEachObjective(_ objective: [String]) throws {
        let run = try Run()
        let out = run.path("plan.geojson")
        let summary = run.path("plan.csv")
        guard let result = try runNuanxin(try run.arguments(objective + ["--out", out, "--summary", summary])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try Plan(path: out)
        #expect(plan.plan["objective"]?.stringValue == objective[1])
        #expect(plan.plan["method"]?.stringValue == "heuristic")
        #expect(plan.plan["gap"] == .null)
        #expect(plan.number("stations") == 11)
        // 54 candidates, of which C018, C027 and C043 stand 2.3, 19.7 and 8.1 m from
        // roads of dropped components (62.9-91.0 m from the connected network):
        // left out rather than snapped across the gap.
        #expect(plan.number("candidates") == 51)
        #expect(plan.number("hotspots") == 316)
        #expect(plan.number("total_weight") == 527)
        #expect(!plan.features.isEmpty)
        var previousShare = try #require(plan.number("covered_share_before"))
        for (index, feature) in plan.features.enumerated() {
            guard case .point = feature.geometry else {
                Issue.record("feature \(index) is not a Point")
                continue
            }
            #expect(plan.property(index, "rank") == .number(Double(index + 1)))
            #expect(plan.property(index, "candidate_id")?.stringValue?.hasPrefix("C") == true)
            #expect(plan.property(index, "kind")?.stringValue != nil)
            #expect(plan.property(index, "hotspots_taken")?.numberValue != nil)
            let share = try #require(plan.property(index, "cumulative_share")?.numberValue)
            #expect(share >= previousShare)
            previousShare = share
        }
        #expect(previousShare == plan.number("covered_share_after"))
        let before = try #require(plan.number("value_before"))
        let after = try #require(plan.number("value_after"))
        switch objective[1] {
        case "coverage":
            #expect(plan.features.count <= 3)
            #expect(after > before)
            #expect(after == plan.number("covered_weight_after"))
        case "mean-time":
            #expect(plan.features.count <= 3)
            #expect(after < before)
            #expect(try #require(plan.number("mean_minutes_after")) < plan.number("mean_minutes_before")!)
            #expect(plan.property(0, "weighted_minutes_saved")?.numberValue ?? 0 > 0)
        default:
            #expect(after == Double(plan.features.count))
            #expect(plan.number("covered_weight_after")! > plan.number("covered_weight_before")!)
        }
        let rows = try lines(summary)
        #expect(rows.count == plan.features.count + 1)
        #expect(rows[0].hasPrefix("rank,candidate_id,name,kind,lon,lat,added_weight,cumulative_share,hotspots_taken"))
        #expect(result.stdout.contains("plan: "))
        #expect(result.stdout.contains("method: heuristic"))
    }

    @Test func exactCoverageIsProvenOptimalAndNoWorseThanTheHeuristic() throws {
        let run = try Run()
        guard let heuristic = try runNuanxin(try run.arguments(["--new", "3", "--out", run.path("h.geojson"), "-q"])),
            let exact = try runNuanxin(
                try run.arguments(["--new", "3", "--exact", "--time-limit", "60", "--out", run.path("e.geojson"), "-q"]))
        else { return }
        #expect(heuristic.status == 0, "\(heuristic.stderr)")
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(exact.stdout.isEmpty)
        let h = try Plan(path: run.path("h.geojson"))
        let e = try Plan(path: run.path("e.geojson"))
        #expect(e.plan["method"]?.stringValue == "exact")
        #expect(e.number("gap") == 0)
        #expect(e.plan["proven_optimal"] == .bool(true))
        #expect(try #require(e.number("value_after")) >= h.number("value_after")!)
    }

    @Test func theFrontierNeverFallsAndStartsAtTheOneSitePlan() throws {
        let run = try Run()
        let out = run.path("one.geojson")
        guard let result = try runNuanxin(try run.arguments(["--new", "1", "--frontier", "1..6", "--out", out])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try lines(run.path("one-frontier.csv"))
        #expect(rows.first == "k,share,sites")
        #expect(rows.count == 7)
        let fields = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(fields.map { $0[0] } == ["1", "2", "3", "4", "5", "6"])
        let shares = fields.map { Double($0[1])! }
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(fields.allSatisfy { $0[2].split(separator: ";").count <= Int($0[0])! })
        let plan = try Plan(path: out)
        #expect(fields[0][1] == formatFixed(plan.number("covered_share_after")!, decimals: 4))
        #expect(fields[0][2] == plan.candidateIDs.joined(separator: ";"))
        #expect(result.stdout.contains("frontier (k, covered share, sites)"))
        #expect(result.stdout.contains("  1 \(fields[0][1]) \(fields[0][2])"))
    }

    @Test func theShareBeforeIsTheAuditShare() throws {
        let run = try Run()
        let inputs = try Run.inputs(cache: run.path("cache"))
        let network = Array(inputs.prefix(8))  // --network, --cache, --stations, --hotspots
        guard
            let audit = try runNuanxin(
                ["audit"] + network + ["--out", run.path("audit.geojson"), "--summary", run.path("audit.csv"), "-q"]),
            let plan = try runNuanxin(try run.arguments(["--new", "2", "--out", run.path("plan.geojson"), "-q"]))
        else { return }
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(plan.status == 0, "\(plan.stderr)")
        let total = try #require(try lines(run.path("audit.csv")).first { $0.contains(",total,") })
        let fields = total.split(separator: ",").map(String.init)
        let result = try Plan(path: run.path("plan.geojson"))
        #expect(fields[5] == AuditNumbersText.plain(result.number("total_weight")!))
        #expect(fields[6] == AuditNumbersText.plain(result.number("covered_weight_before")!))
        #expect(fields[7] == formatFixed(result.number("covered_share_before")!, decimals: 4))
        #expect(Int(fields[4]) == Int(result.number("hotspots_covered_before")!))
    }

    @Test func osmCandidatesComeFromTheNetworkFile() throws {
        let run = try Run()
        let out = run.path("osm.geojson")
        guard let result = try runNuanxin(try run.arguments(candidates: "osm", ["--new", "3", "--out", out])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try Plan(path: out)
        #expect(!plan.features.isEmpty)
        #expect(plan.candidateIDs.allSatisfy { $0.hasPrefix("n") || $0.hasPrefix("w") })
        #expect(plan.features.indices.allSatisfy { plan.property($0, "osm_id") == plan.property($0, "candidate_id") })
        // The 11 stations are OSM sites of the station kinds themselves: never proposed
        // again; C018, C027 and C043 (OSM sites too) stand beside roads of dropped components.
        #expect(plan.number("candidates_left_out") == 14)
        #expect(result.stderr.contains("is existing station S01 (same osm_id"))
        #expect(result.stderr.contains("cut off from the rest"))
        #expect(plan.number("candidates")! >= 51)
    }

    @Test(.enabled(if: ogrinfoPath != nil, "gdal-bin is not installed: ogrinfo check skipped"))
    func gdalReadsThePlan() throws {
        let run = try Run()
        let out = run.path("plan.geojson")
        guard let result = try runNuanxin(try run.arguments(["--new", "3", "--out", out, "-q"])) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let count = try Plan(path: out).features.count
        let (status, text) = try ogrinfoSummary(out)
        #expect(status == 0, "\(text)")
        #expect(text.contains("Geometry: Point"))
        #expect(text.contains("Feature Count: \(count)"))
        #expect(text.contains("cumulative_share: Real"))
        #expect(text.contains("candidate_id: String"))
    }

    @Test func rerunsAreByteIdentical() throws {
        var outputs: [[Data]] = []
        for _ in 0..<2 {
            let run = try Run()
            let arguments = try run.arguments([
                "--objective", "mean-time", "--new", "3", "--out", run.path("plan.geojson"), "--summary", run.path("plan.csv"), "-q",
            ])
            guard let result = try runNuanxin(arguments) else { return }
            #expect(result.status == 0, "\(result.stderr)")
            let frontier = try run.arguments(["--new", "2", "--frontier", "1..4", "--out", run.path("cov.geojson"), "-q"])
            guard let second = try runNuanxin(frontier) else { return }
            #expect(second.status == 0, "\(second.stderr)")
            outputs.append(
                try ["plan.geojson", "plan.csv", "cov.geojson", "cov-frontier.csv"].map {
                    try Data(contentsOf: URL(fileURLWithPath: run.path($0)))
                })
        }
        #expect(outputs.count == 2)
        #expect(outputs[0] == outputs[1])
    }

    @Test func aFailedRunPrintsOneLineAndLeavesNoFile() throws {
        let run = try Run()
        let out = run.path("plan.geojson")
        let summary = run.path("plan.csv")
        // A summary folder that does not exist: the GeoJSON written first is removed again.
        var arguments = try run.arguments(["--new", "2", "--out", out, "--summary", run.path("missing/plan.csv")])
        guard let unwritable = try runNuanxin(arguments) else { return }
        #expect(unwritable.status != 0)
        #expect(unwritable.stderrLines.last?.hasPrefix("nuanxin: error: ") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        // Candidates nowhere near a road.
        let far = run.path("far.csv")
        try Data("id,lon,lat\nF1,104.5,30.2\nF2,104.6,30.3\n".utf8).write(to: URL(fileURLWithPath: far))
        arguments = try run.arguments(candidates: far, ["--new", "2", "--out", out, "--summary", summary])
        guard let unusable = try runNuanxin(arguments) else { return }
        #expect(unusable.status == 1)
        // Most (here all) candidates beyond --max-snap: one line with the --crs hint (issue 14).
        #expect(unusable.stderrLines.count == 1, "\(unusable.stderr)")
        #expect(
            unusable.stderrLines.last?.hasPrefix(
                "nuanxin: error: \(far): 2 of 2 candidates are unroutable (first: id F1, nearest usable road is ") == true)
        #expect(unusable.stderr.contains("check --crs"))
        // A hotspot file that does not exist.
        arguments = try run.arguments(["--new", "2", "--out", out, "--summary", summary])
        arguments[arguments.firstIndex(of: "--hotspots")! + 1] = run.path("nothing.geojson")
        guard let missing = try runNuanxin(arguments) else { return }
        #expect(missing.status == 1)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stderrLines.first?.contains("nothing.geojson") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: summary))
        let left = try FileManager.default.contentsOfDirectory(atPath: run.folder.path).filter { $0 != "cache" && $0 != "far.csv" }
        #expect(left == [])
    }

    @Test(arguments: [
        (["plan", "--out", "x.geojson"], "plan needs a mode"),
        (["plan", "--network", "a.pbf", "--instance", "b.txt"], "not both"),
        (["plan", "--network", "a.pbf", "--stations", "s.csv", "--hotspots", "h.csv"], "network mode needs --candidates"),
        (["plan", "--network", "a.pbf", "--stations", "s.csv", "--hotspots", "h.csv", "--candidates", "osm"], "needs --new K"),
        (
            [
                "plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--objective", "cover-all",
                "--new", "2",
            ], "--new does not apply to cover-all"
        ),
        (
            ["plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--new", "2", "--p", "3"],
            "--p applies to benchmark mode"
        ),
        (
            [
                "plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--objective", "mean-time",
                "--new", "2", "--frontier", "1..3",
            ], "--frontier applies to --objective coverage only"
        ),
        (
            [
                "plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--new", "2", "--search-minutes",
                "30",
            ], "--search-minutes applies to --objective mean-time only"
        ),
        (
            [
                "plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--new", "2", "--minutes",
                "12.34",
            ], "multiple of 0.1"
        ),
        (
            [
                "plan", "--network", "a.pbf", "--stations", "s", "--hotspots", "h", "--candidates", "osm", "--new", "2", "--summary",
                "plan.geojson",
            ], "--summary: plan.geojson is the same file as the output --out plan.geojson"
        ),
        (
            [
                "plan", "--instance", "b.txt", "--instance-format", "orlib-pmed", "--objective", "mean-time", "--out", "r.json",
                "--stations", "s",
            ], "--stations applies to network mode"
        ),
        (["plan", "--instance", "b.txt", "--instance-format", "orlib-pmed", "--objective", "mean-time"], "--instance needs --out"),
    ])
    func validationSaysWhatEachModeNeeds(_ arguments: [String], _ message: String) throws {
        guard let result = try runNuanxin(arguments) else { return }
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func benchmarkModeStillSolvesAnInstance() throws {
        let run = try Run()
        let instance = run.path("line.csv")
        // Four points on a line, 1 apart; the middle two each cover three of them within 1.
        try Data("id,x,y,weight\n1,0,0,1\n2,1,0,1\n3,2,0,1\n4,3,0,1\n".utf8).write(to: URL(fileURLWithPath: instance))
        let out = run.path("result.json")
        guard
            let result = try runNuanxin([
                "plan", "--instance", instance, "--instance-format", "points-csv", "--objective", "coverage", "--p", "1",
                "--service-distance", "1", "--out", out,
            ])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(json["objective_value"] as? Double == 3)
        #expect((json["facilities"] as? [Int]).map { $0 == [2] || $0 == [3] } == true)
    }
}

/// Whole numbers without a decimal point, as the audit CSV writes weights.
enum AuditNumbersText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
