import Foundation
import GeoCore
import Testing

/// Issue 18 on a hand-made street: one residential road along 30.660°N from 104.060°E to 104.070°E
/// (e-bike 15 km/h; in EPSG:4544 0.001° of longitude is 95.850 m, 23.004 s; see `TownFixture`).
/// Points lie on the road (snap 0), so every time is the ride along it.
@Suite struct CatchmentPlanVariantTests {
    static let road = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[104.060,30.660],[104.065,30.660],[104.070,30.660]]}}
        ]}
        """

    /// A GeoJSON FeatureCollection of Points `(id, lon, extra properties)` on the road.
    static func points(_ list: [(String, Double, String)]) -> String {
        let features = list.map { id, lon, extra in
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\"\(extra.isEmpty ? "" : "," + extra)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),30.660]}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// No stations; hotspots H1 (104.061, weight 5) and H2 (104.069, weight 4); candidates C1
    /// (104.062, capacity 3) and C2 (104.068, capacity 10): the capacity tests' street.
    static func twoSiteStreet() throws -> Street {
        try Street([
            "none.geojson": "{\"type\":\"FeatureCollection\",\"features\":[]}\n",
            "hotspots.geojson": points([("H1", 104.061, "\"weight\":5"), ("H2", 104.069, "\"weight\":4")]),
            "candidates.geojson": points([("C1", 104.062, "\"capacity\":3"), ("C2", 104.068, "\"capacity\":10")]),
        ])
    }

    /// A folder holding the road and the named point files.
    struct Street {
        let folder: URL
        init(_ files: [String: String]) throws {
            folder = try makeTemporaryFolder()
            try Data(CatchmentPlanVariantTests.road.utf8).write(to: folder.appendingPathComponent("street.geojson"))
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func run(_ command: String, _ extra: [String]) throws -> CLIResult? {
            try runNuanxin([command, "--network", path("street.geojson"), "--cache", path("cache")] + extra)
        }
    }

    /// Station S1 at 104.060 (capacity 2), S2 at 104.070 (capacity "7", a CSV-style string); hotspots
    /// at 104.062 (w1), 104.064 (w2) nearer S1 (0.77 and 1.53 min), 104.066 (w3, 1.53 min) and 104.0685
    /// (w4, 0.575 min) nearer S2. With 15 min: S1 serves 2 (weight 3, mean 1.15, p90 1.53, load 1.5);
    /// S2 serves 2 (weight 7, mean 1.05, p90 1.53, load 1). With 1 min only 104.062 and 104.0685 are covered.
    @Test func auditListsEachStationsCatchmentLoad() throws {
        let street = try Street([
            "stations.geojson": Self.points([("S1", 104.060, "\"capacity\":2"), ("S2", 104.070, "\"capacity\":\"7\"")]),
            "hotspots.geojson": Self.points([
                ("H1", 104.062, "\"weight\":1"), ("H2", 104.064, "\"weight\":2"), ("H3", 104.066, "\"weight\":3"),
                ("H4", 104.0685, "\"weight\":4"),
            ]),
        ])
        for (minutes, expected) in [
            ("15", ["15,15,S1,,2,3,1.15,1.53,2,1.5000", "15,15,S2,,2,7,1.05,1.53,7,1.0000"]),
            ("1", ["15,1,S1,,1,1,0.77,0.77,2,0.5000", "15,1,S2,,1,4,0.58,0.58,7,0.5714"]),
        ] {
            let out = street.path("audit-\(minutes).geojson")
            let csv = street.path("stations-\(minutes).csv")
            guard
                let result = try street.run(
                    "audit",
                    [
                        "--stations", street.path("stations.geojson"), "--hotspots", street.path("hotspots.geojson"),
                        "--minutes", minutes, "--out", out, "--stations-out", csv, "-q",
                    ])
            else { return }
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(
                lines == ["speed_kmh,minutes,station_id,name,hotspots_served,weight_served,minutes_mean,minutes_p90,capacity,load_ratio"]
                    + expected)
            let features = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: out)).features
            let stations = features.filter { $0.properties?["kind"] == .string("station") }
            #expect(stations.map { $0.properties?["id"]?.stringValue } == ["S1", "S2"])
            let served = stations.compactMap { $0.properties?["weight_served"]?.numberValue }.reduce(0, +)
            let covered = features.filter { $0.properties?["covered"] == .bool(true) }.compactMap { $0.properties?["weight"]?.numberValue }
                .reduce(0, +)
            #expect(served == covered)
            #expect(served == (minutes == "15" ? 10 : 5))
        }
    }

    @Test func aBadCapacityNamesTheFileAndTheFeatureAndWritesNothing() throws {
        let street = try Street([
            "stations.geojson": Self.points([("S1", 104.060, "\"capacity\":-3")]),
            "hotspots.geojson": Self.points([("H1", 104.062, "")]),
        ])
        guard
            let result = try street.run(
                "audit",
                [
                    "--stations", street.path("stations.geojson"), "--hotspots", street.path("hotspots.geojson"),
                    "--out", street.path("a.geojson"), "--stations-out", street.path("s.csv"),
                ])
        else { return }
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("stations.geojson") && result.stderr.contains("S1") && result.stderr.contains("capacity"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: street.path("a.geojson")))
        #expect(!FileManager.default.fileExists(atPath: street.path("s.csv")))
    }

    /// No stations; C1 at 104.062 (capacity 3) reaches H1 at 104.061 (w5, 23 s), C2 at 104.068
    /// (capacity 10) reaches H2 at 104.069 (w4); each is 2.5+ min from the other hotspot, limit 1 min.
    /// One new site: uncapacitated C1 covers 5; with capacities C1 takes only 3, so C2 (4) wins.
    @Test func capacityChangesTheBestSiteByAKnownAmount() throws {
        let street = try Self.twoSiteStreet()
        let base = [
            "--stations", street.path("none.geojson"), "--hotspots", street.path("hotspots.geojson"),
            "--candidates", street.path("candidates.geojson"), "--minutes", "1", "--new", "1", "-q",
        ]
        for exact in [false, true] {
            let flags = exact ? ["--exact", "--time-limit", "30"] : []
            guard let plain = try street.run("plan", base + flags + ["--out", street.path("u.geojson")]),
                let capacitated = try street.run(
                    "plan", base + flags + ["--capacity", "--out", street.path("c.geojson"), "--summary", street.path("c.csv")])
            else { return }
            #expect(plain.status == 0, "\(plain.stderr)")
            #expect(capacitated.status == 0, "\(capacitated.stderr)")
            let u = try PlanCommandTests.Plan(path: street.path("u.geojson"))
            let c = try PlanCommandTests.Plan(path: street.path("c.geojson"))
            #expect(u.candidateIDs == ["C1"])
            #expect(u.number("value_after") == 5)
            #expect(c.candidateIDs == ["C2"])
            #expect(c.number("value_after") == 4)
            #expect(c.property(0, "load") == .number(4))
            #expect(c.property(0, "capacity") == .number(10))
            #expect(c.property(0, "load_ratio") == .number(0.4))
            #expect(c.plan["loads"]?.arrayValue?.count == 1)
            let rows = try String(contentsOfFile: street.path("c.csv"), encoding: .utf8).split(separator: "\n")
            #expect(rows.first?.hasSuffix(",load,capacity,load_ratio") == true)
            #expect(rows.last?.hasSuffix(",4,10,0.4000") == true)
        }
    }

    /// The same street for the p-median with two new sites: 0.001° is 23.004 s, so H1 (w5) rides 23.004 s
    /// to C1 and 161.028 s to C2, H2 (w4) the reverse; unreached weight counts P seconds. Uncapacitated,
    /// C1 ranks first (5 of the 9 units at 23.004 s) and C2 then saves 4 × 138.024 s = 9.2 weighted
    /// minutes. Within capacity C1 (3) alone leaves 6 units at P, C2 (10) alone takes all 9, so C2 ranks
    /// first; C1 then takes 3 of H1's units, saving 3 × 138.024 s = 6.9 weighted minutes. The plan ends
    /// at 3 × 23.004 + 2 × 161.028 + 4 × 23.004 = 483.084 s, and the sites' savings sum to its drop.
    @Test func capacitatedMedianSavingsAreCapacitatedAndSumToThePlan() throws {
        let street = try Self.twoSiteStreet()
        let base = [
            "--stations", street.path("none.geojson"), "--hotspots", street.path("hotspots.geojson"),
            "--candidates", street.path("candidates.geojson"), "--objective", "mean-time", "--new", "2", "-q",
        ]
        guard let plain = try street.run("plan", base + ["--out", street.path("u.geojson")]),
            let capacitated = try street.run(
                "plan", base + ["--capacity", "--out", street.path("c.geojson"), "--summary", street.path("c.csv")])
        else { return }
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(capacitated.status == 0, "\(capacitated.stderr)")
        let u = try PlanCommandTests.Plan(path: street.path("u.geojson"))
        let c = try PlanCommandTests.Plan(path: street.path("c.geojson"))
        #expect(u.candidateIDs == ["C1", "C2"])
        #expect(u.property(1, "weighted_minutes_saved") == .number(9.2))
        #expect(c.candidateIDs == ["C2", "C1"])
        #expect(c.property(1, "weighted_minutes_saved") == .number(6.9))
        #expect(c.number("value_after") == 483.1)
        let before = try #require(c.number("value_before"))
        let after = try #require(c.number("value_after"))
        let saved = try (0..<2).map { try #require(c.property($0, "weighted_minutes_saved")?.numberValue) }
        #expect(abs(saved.reduce(0, +) - (before - after) / 60) <= 0.1, "\(saved) vs \(before) → \(after)")
        let rows = try String(contentsOfFile: street.path("c.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.last?.hasPrefix("2,C1,") == true)
        #expect(rows.last?.hasSuffix(",6.9,3,3,1.0000") == true)
    }

    /// Station S at 104.060 covers H1 (104.0605, w3); H2 (104.0695, w2) is uncovered. C1 at 104.061 adds
    /// a second cover of H1 (backup gain 0.5 × 3 = 1.5), C2 at 104.069 covers H2 once (0.5 × 2 = 1):
    /// coverage picks C2, --backup picks C1 with the double-covered share 0 → 0.6.
    @Test func backupPrefersTheSecondCover() throws {
        let street = try Street([
            "stations.geojson": Self.points([("S", 104.060, "")]),
            "hotspots.geojson": Self.points([("H1", 104.0605, "\"weight\":3"), ("H2", 104.0695, "\"weight\":2")]),
            "candidates.geojson": Self.points([("C1", 104.061, ""), ("C2", 104.069, "")]),
        ])
        let base = [
            "--stations", street.path("stations.geojson"), "--hotspots", street.path("hotspots.geojson"),
            "--candidates", street.path("candidates.geojson"), "--minutes", "1", "--new", "1", "-q",
        ]
        guard let plain = try street.run("plan", base + ["--out", street.path("p.geojson")]),
            let backup = try street.run("plan", base + ["--backup", "--out", street.path("b.geojson")])
        else { return }
        #expect(plain.status == 0 && backup.status == 0, "\(plain.stderr) \(backup.stderr)")
        let p = try PlanCommandTests.Plan(path: street.path("p.geojson"))
        let b = try PlanCommandTests.Plan(path: street.path("b.geojson"))
        #expect(p.candidateIDs == ["C2"])
        #expect(p.plan["double_covered_share_after"] == nil)
        #expect(b.candidateIDs == ["C1"])
        #expect(b.number("double_covered_share_before") == 0)
        #expect(b.number("double_covered_share_after") == 0.6)
        #expect(b.number("covered_share_after") == 0.6)
    }

    /// Station S at 104.060, hotspot H at 104.0625 (239.6 m: 57.5 s at 15 km/h, 71.9 s at 12 km/h),
    /// limit 1 min: uncovered at 12, covered at 15. The plan is made at 12 km/h and reports both.
    @Test func speedBandPlansAtTheLowSpeedAndReportsBoth() throws {
        let street = try Street([
            "stations.geojson": Self.points([("S", 104.060, "")]),
            "hotspots.geojson": Self.points([("H", 104.0625, "")]),
            "candidates.geojson": Self.points([("C", 104.063, "")]),
        ])
        guard
            let result = try street.run(
                "plan",
                [
                    "--stations", street.path("stations.geojson"), "--hotspots", street.path("hotspots.geojson"),
                    "--candidates", street.path("candidates.geojson"), "--minutes", "1", "--new", "1", "--speed-band", "12,15",
                    "--frontier", "0..1", "--out", street.path("p.geojson"), "-q",
                ])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try PlanCommandTests.Plan(path: street.path("p.geojson"))
        #expect(plan.number("speed_kmh") == 12)
        #expect(plan.number("covered_share_before") == 0)
        #expect(plan.number("covered_share_before_high") == 1)
        #expect(plan.number("covered_share_after") == 1)
        #expect(plan.candidateIDs == ["C"])
        let frontier = try String(contentsOfFile: street.path("p-frontier.csv"), encoding: .utf8)
        #expect(frontier == "k,share,sites,share_high\n0,0.0000,,1.0000\n1,1.0000,C,1.0000\n")
    }

    /// No stations; listed candidates at both ends (104.060, 104.070) are 479 m from the one hotspot at
    /// 104.065, beyond 1 min; road positions every 100 m include one beside it: the listed best covers
    /// nothing, the best anywhere everything, and the hotspot is the road-only one.
    @Test func roadPositionsFindTheSiteBetweenTwoListedCandidates() throws {
        let street = try Street([
            "none.geojson": "{\"type\":\"FeatureCollection\",\"features\":[]}\n",
            "hotspots.geojson": Self.points([("H", 104.065, "\"weight\":2")]),
            "candidates.geojson": Self.points([("A", 104.060, ""), ("B", 104.070, "")]),
        ])
        guard
            let result = try street.run(
                "plan",
                [
                    "--stations", street.path("none.geojson"), "--hotspots", street.path("hotspots.geojson"),
                    "--candidates", street.path("candidates.geojson") + ",roads:100", "--minutes", "1", "--new", "1",
                    "--out", street.path("p.geojson"),
                ])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try PlanCommandTests.Plan(path: street.path("p.geojson"))
        #expect(plan.number("covered_share_after") == 1)
        #expect(plan.property(0, "kind") == .string("road"))
        let gap = try #require(plan.plan["candidate_gap"]?.objectValue)
        #expect(gap["listed_best_share"] == .number(0))
        #expect(gap["anywhere_best_share"] == .number(1))
        #expect(gap["share_gap"] == .number(1))
        #expect(gap["road_only_hotspots"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } == ["H"])
        #expect(result.stdout.contains("candidate gap"))
    }

    /// `reach --split` on the street with S1 at 104.060 and S2 at 104.070: 2 stations × 2 levels, each with
    /// its station id; at 15 min each rides half the street (479.25 m, road_km 0.479); with --per-station refused.
    @Test func reachSplitWritesOnePolygonPerStationAndLevel() throws {
        let street = try Street(["stations.geojson": Self.points([("S1", 104.060, ""), ("S2", 104.070, "")])])
        guard
            let result = try street.run(
                "reach",
                [
                    "--stations", street.path("stations.geojson"), "--minutes", "1,15", "--split", "--out", street.path("split.geojson"),
                    "-q",
                ]),
            let both = try street.run(
                "reach",
                [
                    "--stations", street.path("stations.geojson"), "--split", "--per-station", "--out", street.path("x.geojson"),
                ])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let features = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: street.path("split.geojson"))).features
        let keys = features.map { "\($0.properties?["station_id"]?.stringValue ?? "-")@\($0.properties?["minutes"]?.numberValue ?? 0)" }
        #expect(keys == ["S1@1.0", "S2@1.0", "S1@15.0", "S2@15.0"])
        #expect(features.suffix(2).map { $0.properties?["road_km"] } == [.number(0.479), .number(0.479)])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--split"))
    }
}
