import Foundation
import GeoCore
import TestSupport
import Testing

/// Issue 15 through the command line on the hand-made town of `TownFixture`
/// (one-way n2 → n4; e-bike 15 km/h: 0.001° of longitude 23.004 s, of
/// latitude 26.610 s; walking 4.5 km/h = 1.25 m/s).
///
/// Station at n4 (104.061, 30.661), hotspot at n2 (104.061, 30.660):
/// - to the station (`--direction to-station`): n2 → n4 on the one-way,
///   26.610 s = 0.4435 min, reported rounded up to 0.1: **0.5**;
/// - from the station (`from-station`): n4 → n5 → n3 → n2 (the one-way is
///   closed southbound), 23.004 + 26.610 + 23.004 = 72.618 s = 1.2103 min: **1.3**.
/// A hotspot 0.0001° south of n2 (11.087 m) walks 8.870 s to n2:
/// with `--hotspot-walk on` 35.480 s = 0.5913 min: **0.6**; off: 0.5.
@Suite struct StationHoursCLITests {
    /// A point FeatureCollection of `(id, lon, lat, properties JSON without braces)`.
    static func points(_ rows: [(String, Double, Double, String)]) -> String {
        let features = rows.map { id, lon, lat, extra in
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(id)\"\(extra.isEmpty ? "" : ",")\(extra)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    static let post24 =
        "\"kind\":\"community_centre\",\"tier\":\"post\",\"services\":[\"rest\",\"water\",\"charging\"],\"opening_hours\":\"24/7\""
    static let bankHall = "\"kind\":\"bank\",\"tier\":\"post\",\"services\":[\"rest\",\"water\"],\"opening_hours\":\"Mo-Fr 09:00-17:00\""

    struct Town {
        let folder: URL
        let network: String
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    }

    static func town() throws -> Town {
        let folder = try makeTemporaryFolder()
        let network = folder.appendingPathComponent("town.osm").path
        try Data(TownFixture.osm.utf8).write(to: URL(fileURLWithPath: network))
        return Town(folder: folder, network: network)
    }

    /// Runs `audit` on the town and returns the hotspot features' properties by id.
    static func audit(_ town: Town, stations: String, hotspots: String, _ extra: [String]) throws -> (
        CLIResult, [String: [String: JSONValue]]
    )? {
        let out = town.path("audit-\(UUID().uuidString).geojson")
        guard
            let run = try runNuanxin(
                [
                    "audit", "--network", town.network, "--stations", stations, "--hotspots", hotspots, "--minutes", "1",
                    "--out", out,
                ] + extra)
        else { return nil }
        guard run.status == 0 else { return (run, [:]) }
        let collection = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: out))
        var byID: [String: [String: JSONValue]] = [:]
        for feature in collection.features {
            let p = feature.properties ?? [:]
            if case .string(let id)? = p["id"] { byID[id] = p }
        }
        return (run, byID)
    }

    @Test func toStationAndFromStationGiveTheHandComputedMinutesOnTheOneWay() throws {
        let town = try Self.town()
        let stations = try town.write("stations.geojson", Self.points([("S1", 104.061, 30.661, Self.post24)]))
        let hotspots = try town.write(
            "hotspots.geojson",
            Self.points([
                ("H1", 104.061, 30.660, ""), ("H2", 104.061, 30.6599, ""),
            ]))
        let to = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, ["--direction", "to-station"]))
        #expect(to.0.status == 0, "\(to.0.stderr)")
        #expect(to.1["H1"]?["minutes_to_nearest"] == .number(0.5))
        #expect(to.1["H1"]?["covered"] == .bool(true))
        #expect(to.1["H2"]?["minutes_to_nearest"] == .number(0.6))
        let noWalk = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, ["--hotspot-walk", "off"]))
        #expect(noWalk.1["H2"]?["minutes_to_nearest"] == .number(0.5))
        let from = try #require(
            try Self.audit(
                town, stations: stations, hotspots: hotspots, ["--direction", "from-station", "--hotspot-walk", "off"]))
        #expect(from.0.status == 0, "\(from.0.stderr)")
        #expect(from.1["H1"]?["minutes_to_nearest"] == .number(1.3))
        #expect(from.1["H1"]?["covered"] == .bool(false))
        // The default is to-station with the hotspot's walk.
        let byDefault = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, []))
        #expect(byDefault.1["H2"]?["minutes_to_nearest"] == .number(0.6))
    }

    @Test func byHourShowsTheBankHallAgainstTheTwentyFourHourPostExactly() throws {
        let town = try Self.town()
        // H1 (weight 3) at n2 is 0.4435 min from n4; H2 (weight 1) at n6 needs
        // 76.680 + 26.610 + 23.004 s by the footway and is never covered in 1 min.
        let hotspots = try town.write(
            "hotspots.geojson",
            Self.points([
                ("H1", 104.061, 30.660, "\"weight\":3"), ("H2", 104.063, 30.660, "\"weight\":1"),
            ]))
        var tables: [String: [[String: String]]] = [:]
        for (name, props) in [("post", Self.post24), ("bank", Self.bankHall)] {
            let stations = try town.write("\(name).geojson", Self.points([("S1", 104.061, 30.661, props)]))
            let csv = town.path("\(name)-by-hour.csv")
            let run = try #require(
                try runNuanxin(
                    [
                        "audit", "--network", town.network, "--stations", stations, "--hotspots", hotspots, "--minutes", "1",
                        "--out", town.path("\(name)-audit.geojson"), "--by-hour", "--by-hour-out", csv,
                    ]))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("weekday  22:00"))
            tables[name] = csvRecords(try String(contentsOfFile: csv, encoding: .utf8))
        }
        let post = try #require(tables["post"])
        let bank = try #require(tables["bank"])
        #expect(post.count == 48 && bank.count == 48)
        for (slot, row) in bank.enumerated() {
            let hour = slot % 24
            let weekday = slot < 24
            #expect(row["day"] == (weekday ? "weekday" : "sunday") && row["hour"] == String(hour))
            #expect(post[slot]["total"] == "0.7500")
            // The bank hall counts on a weekday for hours 9 … 16 (open at h:30), never on Sunday.
            #expect(row["total"] == (weekday && (9...16).contains(hour) ? "0.7500" : "0.0000"), "slot \(slot)")
        }
    }

    @Test func serviceChargingLeavesOutTheStationsWithoutIt() throws {
        let town = try Self.town()
        // S1 at n2 (no charging) stands on the hotspot; S2 at n4 offers charging.
        let stations = try town.write(
            "stations.geojson",
            Self.points([
                ("S1", 104.061, 30.660, Self.bankHall.replacingOccurrences(of: "Mo-Fr 09:00-17:00", with: "24/7")),
                ("S2", 104.061, 30.661, Self.post24),
            ]))
        let hotspots = try town.write("hotspots.geojson", Self.points([("H1", 104.061, 30.660, "")]))
        let all = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, []))
        #expect(all.1["H1"]?["nearest_station"] == .string("S1"))
        #expect(all.1["H1"]?["stations_within"] == .number(2))
        let charging = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, ["--service", "charging"]))
        #expect(charging.0.status == 0, "\(charging.0.stderr)")
        #expect(charging.1["H1"]?["nearest_station"] == .string("S2"))
        #expect(charging.1["H1"]?["stations_within"] == .number(1))
        #expect(charging.1["H1"]?["minutes_to_nearest"] == .number(0.5))
        // No station offers a microwave: one line naming the file, exit 1.
        let none = try #require(try Self.audit(town, stations: stations, hotspots: hotspots, ["--service", "microwave"]))
        #expect(none.0.status == 1)
        #expect(none.0.stderr.contains("stations.geojson: no station is admitted by service microwave"))
        // --at: the bank hall at S1 is shut at 22:30, so the charging post serves.
        let bank = try town.write(
            "bank.geojson",
            Self.points([
                ("S1", 104.061, 30.660, Self.bankHall), ("S2", 104.061, 30.661, Self.post24),
            ]))
        let night = try #require(try Self.audit(town, stations: bank, hotspots: hotspots, ["--at", "22:30"]))
        #expect(night.1["H1"]?["nearest_station"] == .string("S2"))
        let day = try #require(try Self.audit(town, stations: bank, hotspots: hotspots, ["--at", "We 10:00"]))
        #expect(day.1["H1"]?["nearest_station"] == .string("S1"))
    }

    @Test func badAttributesAreOneLineNamingFileFeatureAndPosition() throws {
        let town = try Self.town()
        let hotspots = try town.write("hotspots.geojson", Self.points([("H1", 104.061, 30.660, "")]))
        let badHours = try town.write(
            "bad-hours.geojson",
            Self.points([
                ("S1", 104.061, 30.661, "\"opening_hours\":\"Mo-Fr 09:00-17:6\"")
            ]))
        let run = try #require(try Self.audit(town, stations: badHours, hotspots: hotspots, []))
        #expect(run.0.status == 1)
        let lines = run.0.stderr.split(separator: "\n").filter { $0.contains("error") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("bad-hours.geojson: feature S1: opening_hours") == true, "\(run.0.stderr)")
        #expect(lines.first?.contains("at character ") == true, "\(run.0.stderr)")
        let badService = try town.write(
            "bad-service.geojson",
            Self.points([
                ("S1", 104.061, 30.661, "\"services\":[\"rest\",\"massage\"]")
            ]))
        let service = try #require(try Self.audit(town, stations: badService, hotspots: hotspots, []))
        #expect(service.0.status == 1)
        #expect(service.0.stderr.contains("bad-service.geojson: feature S1: services"), "\(service.0.stderr)")
        #expect(service.0.stderr.contains("massage"))
        // Defaults are printed once per group, and not with --quiet.
        let plain = try town.write("plain.csv", "id,lon,lat,name,kind\nS1,104.061,30.661,a,bank\nS2,104.0611,30.661,b,bank\n")
        let defaults = try #require(try Self.audit(town, stations: plain, hotspots: hotspots, []))
        #expect(defaults.0.stderr.contains("defaults for 2 stations of kind bank (S1, S2): tier post"), "\(defaults.0.stderr)")
        let quiet = try #require(try Self.audit(town, stations: plain, hotspots: hotspots, ["--quiet"]))
        #expect(!quiet.0.stderr.contains("defaults"))
    }

    @Test func planOverHoursPrefersTheTwentyFourHourCandidate() throws {
        let town = try Self.town()
        // The one station (n6, footway end) is 99.7 s from H1: it covers nothing in 1 min.
        let stations = try town.write("stations.geojson", Self.points([("S1", 104.063, 30.660, Self.post24)]))
        let hotspots = try town.write("hotspots.geojson", Self.points([("H1", 104.061, 30.660, "\"weight\":2")]))
        // Two equal candidates at n4; the daytime bank hall comes first in the file.
        let candidates = try town.write(
            "candidates.geojson",
            Self.points([
                ("C1", 104.061, 30.661, Self.bankHall),
                ("C2", 104.061, 30.661, Self.post24.replacingOccurrences(of: "community_centre", with: "hotel")),
            ]))
        let summary = town.path("plan.csv")
        let run = try #require(
            try runNuanxin(
                [
                    "plan", "--network", town.network, "--stations", stations, "--hotspots", hotspots, "--candidates", candidates,
                    "--objective", "coverage", "--new", "1", "--minutes", "1", "--hours", "0-24",
                    "--out", town.path("plan.geojson"), "--summary", summary,
                ]))
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",hours_added") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("1,C2,") == true, "\(text)")
        // 24 weekday hours × weight 2 added.
        #expect(lines.last?.contains(",48,") == true, "\(text)")
        #expect(lines.last?.hasSuffix("\"" + (0..<24).map(String.init).joined(separator: ",") + "\"") == true, "\(text)")
        // --at two moments: only the night one is worth anything to the bank hall's rival.
        let at = try #require(
            try runNuanxin(
                [
                    "plan", "--network", town.network, "--stations", stations, "--hotspots", hotspots, "--candidates", candidates,
                    "--objective", "coverage", "--new", "1", "--minutes", "1", "--at", "We 10:00", "--at", "We 22:30",
                    "--out", town.path("plan-at.geojson"), "--summary", town.path("plan-at.csv"),
                ]))
        #expect(at.status == 0, "\(at.stderr)")
        let atText = try String(contentsOfFile: town.path("plan-at.csv"), encoding: .utf8)
        #expect(atText.contains("C2") && atText.contains("\"We 10:00,We 22:30\""), "\(atText)")
        // Usage errors: one line, exit 64, nothing written.
        for (extra, message) in [
            (["--hours", "5-3"], "--hours: \"5-3\" is not a range of weekday hours"),
            (["--hours", "0-24", "--objective", "mean-time"], "use them with --objective coverage"),
            (["--at", "Xy 10:00"], "--at: \"Xy 10:00\""),
        ] {
            let bad = try #require(
                try runNuanxin(
                    [
                        "plan", "--network", town.network, "--stations", stations, "--hotspots", hotspots, "--candidates", candidates,
                        "--new", "1", "--minutes", "1", "--out", town.path("bad.geojson"),
                    ] + extra))
            #expect(bad.status == 64, "\(extra): \(bad.stderr)")
            #expect(bad.stderr.contains(message), "\(extra): \(bad.stderr)")
            #expect(!FileManager.default.fileExists(atPath: town.path("bad.geojson")))
        }
    }
}
