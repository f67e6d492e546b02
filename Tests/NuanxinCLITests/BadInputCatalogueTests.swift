import Foundation
import Testing

/// The catalogue of bad inputs of issue 14: for each, the exit status, exactly one stderr line that
/// names the file as given and the place (feature or line, or the option), no temporary file left,
/// and every pre-existing output byte-identical (no new output either).
///
/// Every case runs in a fresh folder holding the town network (`TownFixture`, six junctions near
/// 104.06°E 30.66°N), `data/st.geojson` (one station 11 m from the road n1–n2), `data/hs.geojson`
/// (two hotspots on the town's roads), and the outputs `out.geojson` and `sum.csv` with old content.
@Suite struct BadInputCatalogueTests {
    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files to write (relative path → bytes), over the defaults.
        var files: [String: [UInt8]] = [:]
        var arguments: [String]
        var status: Int32
        /// Texts the one stderr line must contain (the path as given, the place, the value).
        var mentions: [String]
        var testDescription: String { name }
    }

    static let station =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"S1","properties":{},"geometry":{"type":"Point","coordinates":[104.0605,30.6601]}}]}"#
    static let hotspots =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"H1","properties":{"weight":2},"geometry":{"type":"Point","coordinates":[104.0615,30.66]}},{"type":"Feature","id":"H2","properties":{"weight":1},"geometry":{"type":"Point","coordinates":[104.062,30.6605]}}]}"#

    /// `hs.geojson` with the second feature's `properties` and `coordinates` replaced.
    static func hotspots(second properties: String = #"{"weight":1}"#, coordinates: String = "[104.062,30.6605]") -> [UInt8] {
        Array(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"H1","properties":{"weight":2},"geometry":{"type":"Point","coordinates":[104.0615,30.66]}},"#
                .utf8)
            + Array(
                "\n{\"type\":\"Feature\",\"id\":\"H2\",\"properties\":\(properties),\"geometry\":{\"type\":\"Point\",\"coordinates\":\(coordinates)}}]}"
                    .utf8)
    }

    static let audit = [
        "audit", "-q", "--network", "town.osm", "--stations", "data/st.geojson", "--hotspots", "data/hs.geojson",
        "--out", "out.geojson", "--summary", "sum.csv",
    ]
    static let auditCSV = audit.map { $0 == "data/hs.geojson" ? "data/hs.csv" : $0 }

    static let cases: [BadCase] = [
        BadCase(
            name: "weight 1e308 (overflowing sum)", files: ["data/hs.geojson": hotspots(second: #"{"weight":1e308}"#)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: weight 1e+308 is out of range"]),
        BadCase(
            name: "negative weight", files: ["data/hs.geojson": hotspots(second: #"{"weight":-2}"#)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: weight -2 is negative"]),
        BadCase(
            name: "weight as text", files: ["data/hs.geojson": hotspots(second: #"{"weight":"很多"}"#)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: properties.weight \"很多\" is not a number"]),
        BadCase(
            name: "malformed JSON",
            files: [
                "data/hs.geojson": Array("{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\" \"geometry\":null}]}".utf8)
            ],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 1: line 2, column 19: not valid JSON"]),
        BadCase(
            name: "NaN coordinate", files: ["data/hs.geojson": hotspots(coordinates: "[NaN,30.66]")],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: line 2, column", "coordinate NaN is not a finite number"]),
        BadCase(
            name: "1e400 coordinate", files: ["data/hs.geojson": hotspots(coordinates: "[1e400,30.66]")],
            arguments: audit, status: 1,
            mentions: ["data/hs.geojson: feature 2: line 2, column", "coordinate 1e400 is not a finite number"]),
        BadCase(
            name: "non-GeoJSON JSON", files: ["data/hs.geojson": Array(#"{"hello": 1}"#.utf8)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: ", "\"type\""]),
        BadCase(
            name: "mixed geometry types",
            files: [
                "data/hs.geojson": Array(
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.06,30.66]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[104.06,30.66],[104.07,30.66]]}}]}"#
                        .utf8)
            ],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: geometry is a LineString"]),
        BadCase(
            name: "strings as coordinates", files: ["data/hs.geojson": hotspots(coordinates: #"["104.06","30.66"]"#)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: geometry.coordinates[0]", "found string"]),
        BadCase(
            name: "latitude 200", files: ["data/hs.geojson": hotspots(coordinates: "[104.06,200]")],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: geometry.coordinates: latitude 200"]),
        BadCase(
            name: "swapped lat/lon", files: ["data/hs.geojson": hotspots(coordinates: "[30.66,104.06]")],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2:", "lat/lon look swapped"]),
        BadCase(
            name: "duplicate ids", files: ["data/hs.geojson": Array(hotspots.replacingOccurrences(of: "\"H2\"", with: "\"H1\"").utf8)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: feature 2: duplicate id \"H1\" (first used at feature 1)"]),
        BadCase(
            name: "empty collection", files: ["data/hs.geojson": Array(#"{"type":"FeatureCollection","features":[]}"#.utf8)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: holds no points"]),
        BadCase(
            name: "zero-byte file", files: ["data/hs.geojson": []],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: the file is empty (0 bytes)"]),
        BadCase(
            name: "CSV with a byte-order mark and a bad row",
            files: ["data/hs.csv": [0xEF, 0xBB, 0xBF] + Array("id,lon,lat\nh1,104.0615,30.66\nh2,abc,30.66\n".utf8)],
            arguments: auditCSV, status: 1, mentions: ["data/hs.csv: line 3: lon \"abc\" is not a number"]),
        BadCase(
            name: "CSV neither UTF-8 nor GB18030",
            files: ["data/hs.csv": Array("id,lon,lat\nh1,104.0615,30.66\nh2".utf8) + [0xFF, 0xFE] + Array(",104.062,30.6605\n".utf8)],
            arguments: auditCSV, status: 1, mentions: ["data/hs.csv: line 3: byte 32 (0xFF) is not UTF-8 text, nor GB18030"]),
        BadCase(
            name: "hotspots far from every road",
            files: ["data/hs.geojson": Array(hotspots.replacingOccurrences(of: "104.06", with: "119.06").utf8)],
            arguments: audit, status: 1, mentions: ["data/hs.geojson: 2 of 2 hotspots are unroutable (first: id H1", "check --crs"]),
        BadCase(
            name: "districts given as points", arguments: audit + ["--districts", "data/st.geojson"], status: 1,
            mentions: ["data/st.geojson: feature 1: geometry is Point; districts must be Polygon or MultiPolygon"]),
        BadCase(
            name: "unwritable output", arguments: audit.map { $0 == "sum.csv" ? "no-such-folder/sum.csv" : $0 }, status: 1,
            mentions: ["no-such-folder/sum.csv: cannot write"]),
        BadCase(
            name: "output is a folder", arguments: audit.map { $0 == "sum.csv" ? "data" : $0 }, status: 64,
            mentions: ["--summary: data is a folder; give a file name"]),
        BadCase(
            name: "output is an input (audit)", arguments: audit.map { $0 == "out.geojson" ? "./data/hs.geojson" : $0 }, status: 64,
            mentions: ["--out: ./data/hs.geojson is the same file as the input --hotspots data/hs.geojson"]),
        BadCase(
            name: "output is an input (reach)",
            arguments: ["reach", "-q", "--network", "town.osm", "--stations", "data/st.geojson", "--out", "data/st.geojson"],
            status: 64,
            mentions: [
                "--out: data/st.geojson is the same file as the input --stations data/st.geojson; "
                    + "writing it would destroy the input (e.g. --out result.geojson)"
            ]),
        BadCase(
            name: "output is an input (network export)",
            arguments: ["network", "export", "-q", "--network", "town.osm", "--out", "town.osm"],
            status: 64, mentions: ["--out: town.osm is the same file as the input --network town.osm"]),
        BadCase(
            name: "output is an input (convert)",
            arguments: ["convert", "--from", "gcj02", "--to", "wgs84", "data/st.geojson", "--out", "data/../data/st.geojson"],
            status: 64, mentions: ["--out: data/../data/st.geojson is the same file as the input data/st.geojson"]),
        BadCase(
            name: "two outputs are one file", arguments: audit.map { $0 == "sum.csv" ? "./out.geojson" : $0 }, status: 64,
            mentions: ["--summary: ./out.geojson is the same file as the output --out out.geojson"]),
        BadCase(
            name: "negative minutes after a space", arguments: audit + ["--minutes", "-5"], status: 64,
            mentions: ["--minutes: -5 is out of range: must be more than 0 and at most 600 minutes (e.g. --minutes 15)"]),
        BadCase(
            name: "reach minutes 1e9 (same bound as audit)",
            arguments: [
                "reach", "-q", "--network", "town.osm", "--stations", "data/st.geojson", "--minutes", "1e9", "--out", "out.geojson",
            ],
            status: 64, mentions: ["--minutes: 1e+09 is out of range"]),
        BadCase(
            name: "reach minutes 0.05",
            arguments: [
                "reach", "-q", "--network", "town.osm", "--stations", "data/st.geojson", "--minutes", "0.05", "--out", "out.geojson",
            ],
            status: 64, mentions: ["--minutes: 0.05 is not a multiple of 0.1 minutes"]),
        BadCase(
            name: "negative max-snap", arguments: audit + ["--max-snap", "-1"], status: 64, mentions: ["--max-snap: -1 is out of range"]),
        BadCase(
            name: "negative access",
            arguments: [
                "reach", "-q", "--network", "town.osm", "--stations", "data/st.geojson", "--access", "-50", "--out", "out.geojson",
            ],
            status: 64, mentions: ["--access: -50 is out of range"]),
        BadCase(
            name: "speed band the wrong way round", arguments: audit + ["--speed-band", "20,12"], status: 64,
            mentions: ["--speed-band: 20,12 must be LOW,HIGH with LOW below HIGH", "(e.g. --speed-band 12,20)"]),
        BadCase(
            name: "route latitude 200",
            arguments: ["route", "--network", "town.osm", "--from", "104.07,200", "--to", "104.06,30.66", "--out", "out.geojson"],
            status: 64, mentions: ["--from: 104.07,200 latitude 200", "(e.g. --from 104.0657,30.6595)"]),
        // Library messages say what to change in neutral words; the CLI names the option.
        BadCase(
            name: "network file missing", arguments: audit.map { $0 == "town.osm" ? "data/nowhere.osm.pbf" : $0 }, status: 1,
            mentions: ["data/nowhere.osm.pbf: no such file; give an OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) with --network"]),
        BadCase(
            name: "cache folder is a file", arguments: audit + ["--cache", "data/st.geojson"], status: 1,
            mentions: ["data/st.geojson: cannot use this cache folder (", "); give a writable folder with --cache"]),
        BadCase(
            name: "CSV without coordinate columns", files: ["data/hs.csv": Array("id,东,北\nh1,104.0615,30.66\n".utf8)],
            arguments: auditCSV, status: 1,
            mentions: ["data/hs.csv: no coordinates", "the columns are", "; map them with --fields lon=COLUMN,lat=COLUMN"]),
        BadCase(
            name: "--fields names a missing column", files: ["data/hs.csv": Array("id,lon,lat\nh1,104.0615,30.66\n".utf8)],
            arguments: auditCSV + ["--fields", "hotspots:lon=经度"], status: 1,
            mentions: ["data/hs.csv: no column \"经度\" for lon; the columns are", "; check --fields"]),
        BadCase(
            name: "--fields malformed", arguments: audit + ["--fields", "bogus"], status: 64,
            mentions: ["--fields: \"bogus\" is not ROLE=COLUMN"]),
        BadCase(
            name: "--crs-for malformed", arguments: audit + ["--crs-for", "stations=xyz"], status: 64,
            mentions: ["--crs-for: \"stations=xyz\" is not ROLE=DATUM"]),
        BadCase(
            name: "--service unknown", arguments: audit + ["--service", "massage"], status: 64,
            mentions: ["--service: unknown service \"massage\""]),
        BadCase(
            name: "no station offers the service", arguments: audit + ["--service", "microwave"], status: 1,
            mentions: [
                "no station is admitted by service microwave (of 1); choose another --service or --at, or add the attribute to the file"
            ]),
        BadCase(
            name: "hotspots --hours without times", files: ["data/orders.csv": Array("id,lon,lat\no1,104.0615,30.66\n".utf8)],
            arguments: [
                "hotspots", "-q", "--from", "points", "data/orders.csv", "--hours", "11-14", "--network", "town.osm", "--out",
                "out.geojson",
            ],
            status: 1,
            mentions: [
                "data/orders.csv: point o1 has no time; --hours needs a time column (time/时间/下单时间, or map one with --fields time=COLUMN)"
            ]),
        BadCase(
            name: "inspect --as hotspots, negative weight", files: ["data/hs.geojson": hotspots(second: #"{"weight":-2}"#)],
            arguments: ["inspect", "--as", "hotspots", "data/hs.geojson"], status: 1,
            mentions: ["data/hs.geojson: feature 2: weight -2 is negative"]),
        BadCase(
            name: "inspect, null geometry",
            files: [
                "data/hs.geojson": Array(
                    hotspots.replacingOccurrences(of: #"{"type":"Point","coordinates":[104.062,30.6605]}"#, with: "null").utf8)
            ],
            arguments: ["inspect", "data/hs.geojson"], status: 1, mentions: ["data/hs.geojson: feature 2: geometry is null"]),
    ]

    @Test(arguments: cases) func badInput(_ badCase: BadCase) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        var files: [String: [UInt8]] = [
            "town.osm": Array(TownFixture.osm.utf8), "data/st.geojson": Array(Self.station.utf8),
            "data/hs.geojson": Array(Self.hotspots.utf8),
            "out.geojson": Array("old output".utf8), "sum.csv": Array("old,summary\n".utf8),
        ]
        files.merge(badCase.files) { $1 }
        for (path, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(path)) }
        let before = try snapshot(folder)

        let result = try #require(try runNuanxin(badCase.arguments, in: folder))
        #expect(result.status == badCase.status, "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        let line = result.stderrLines.first ?? ""
        #expect(line.hasPrefix("nuanxin: error: "), "\(line)")
        for mention in badCase.mentions { #expect(line.contains(mention), "\(line) lacks \(mention)") }
        // Nothing written, nothing left: the folder is exactly as before (the network cache aside).
        let after = try snapshot(folder).filter { !$0.key.hasSuffix(".nxcache") }
        #expect(after == before, "\(after.keys.sorted())")
    }

    @Test func gb18030CSVIsReadWithANote() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TownFixture.osm.utf8).write(to: folder.appendingPathComponent("town.osm"))
        // "id,lon,lat,name\nh1,104.0615,30.66,春熙路\n" with the name in GB18030 (春 B4BA 熙 CEF5 路 C2B7).
        let csv = Array("id,lon,lat,name\nh1,104.0615,30.66,".utf8) + [0xB4, 0xBA, 0xCE, 0xF5, 0xC2, 0xB7, 0x0A]
        try Data(csv).write(to: folder.appendingPathComponent("hs.csv"))
        let result = try #require(try runNuanxin(["inspect", "hs.csv"], in: folder))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines == [#"nuanxin: note: hs.csv: read as GB18030 (not UTF-8); save it as "CSV UTF-8" to silence this"#])
        #expect(result.stdout.contains("points: 1"))
        let station =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"S1","properties":{},"geometry":{"type":"Point","coordinates":[104.0605,30.6601]}}]}"#
        try Data(station.utf8).write(to: folder.appendingPathComponent("st.geojson"))
        let audit = try #require(
            try runNuanxin(
                ["audit", "-q", "--network", "town.osm", "--stations", "st.geojson", "--hotspots", "hs.csv", "--out", "a.geojson"],
                in: folder))
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("a.geojson"), encoding: .utf8).contains("\"name\":\"春熙路\""))
    }

    /// `convert --in-place` replaces its input on purpose, atomically; `--out` naming the input is refused.
    @Test func convertInPlaceReplacesTheInput() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("st.geojson")
        try Data(Self.station.utf8).write(to: file)
        let refused = try #require(
            try runNuanxin(["convert", "--from", "gcj02", "--to", "wgs84", "st.geojson", "--out", "st.geojson"], in: folder))
        #expect(refused.status == 64)
        #expect(try Data(contentsOf: file) == Data(Self.station.utf8))
        let result = try #require(
            try runNuanxin(["convert", "--from", "gcj02", "--to", "wgs84", "st.geojson", "--in-place", "-q"], in: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let converted = try String(contentsOf: file, encoding: .utf8)
        // GCJ-02 → WGS84 near Chengdu moves a point by a few hundred metres: the coordinates changed.
        #expect(!converted.contains("104.0605,30.6601") && converted.contains("\"S1\""), "\(converted)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["st.geojson"])
    }

    /// SIGTERM while the audit of the real city runs: exit 143 (or 0 when it had already finished), no
    /// temporary left, and the old outputs kept as a set (both old, or both new and complete).
    @Test func sigtermLeavesNoDebris() throws {
        guard let network = realDataFile("chengdu-center.osm.pbf"), let stations = realDataFile("stations.geojson"),
            let hotspots = realDataFile("hotspots.geojson"), let binary = nuanxinBinary()
        else { return }
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("old output".utf8).write(to: folder.appendingPathComponent("out.geojson"))
        try Data("old,summary\n".utf8).write(to: folder.appendingPathComponent("sum.csv"))
        for delay in [0.05, 0.4, 1.5] {
            let process = Process()
            process.executableURL = binary
            process.arguments = [
                "audit", "-q", "--network", network, "--stations", stations, "--hotspots", hotspots,
                "--out", "out.geojson", "--summary", "sum.csv",
            ]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.terminate()  // SIGTERM
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect([143, 0].contains(process.terminationStatus))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["out.geojson", "sum.csv"], "\(names)")
            let out = try Data(contentsOf: folder.appendingPathComponent("out.geojson"))
            let sum = try Data(contentsOf: folder.appendingPathComponent("sum.csv"))
            let bothOld = out == Data("old output".utf8) && sum == Data("old,summary\n".utf8)
            let bothNew = out != Data("old output".utf8) && sum != Data("old,summary\n".utf8)
            #expect(bothOld || bothNew)
            if bothNew {  // a finished run: put the old files back for the next delay
                try Data("old output".utf8).write(to: folder.appendingPathComponent("out.geojson"))
                try Data("old,summary\n".utf8).write(to: folder.appendingPathComponent("sum.csv"))
            }
        }
    }

    /// Every file under `folder` (relative path → bytes), hidden ones included.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}
