import Foundation
import GeoCore
import Testing

/// `nuanxin report` end to end on the default city (geodata/: central Chengdu, OSM), run as
/// the built binary; the page is opened in headless chromium where it is installed.
@Suite(.serialized) struct ReportTests {
    /// `<packageRoot>/geodata/<name>` or the shared copy beside the clone.
    static func geodata(_ name: String) throws -> String {
        try #require(realDataFile(name), "\(name) not found in geodata/ or ../shared/geodata/")
    }

    /// One network cache for all report tests.
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-report-tests-cache").path

    /// The report of the default city with every part: districts, candidates, a speed band.
    static func fullReport(out: String) throws -> [String] {
        [
            "report", "--network", try geodata("chengdu-center.osm.pbf"), "--cache", cache,
            "--stations", try geodata("stations.geojson"), "--hotspots", try geodata("hotspots.geojson"),
            "--districts", try geodata("districts.geojson"), "--candidates", try geodata("candidates.geojson") + ",roads:250",
            "--new", "5", "--speed-band", "12,20", "--data-note", "OpenStreetMap, data of about 2018", "--quiet",
            "--out", out,
        ]
    }

    /// The JSON block the page is drawn from, decoded.
    static func reportData(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: #"<script type="application/json" id="report-data">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func reportsTheDefaultCity() throws {
        let folder = try makeTemporaryFolder()
        let out = folder.appendingPathComponent("report.html")
        let result = try #require(try runNuanxin(try Self.fullReport(out: out.path)))
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: out)
        #expect(bytes.count < 2_000_000, "the default city's report is \(bytes.count) bytes; keep it under 2 MB")
        let html = String(decoding: bytes, as: UTF8.self)

        // Offline: no external script, style, image or font.
        for external in ["src=", "<link", "@import", "url(http", "fetch("] { #expect(!html.contains(external), "page uses \(external)") }
        #expect(html.contains("© OpenStreetMap contributors"))

        let data = try Self.reportData(html)
        let meta = try #require(data["meta"] as? [String: Any])
        #expect(meta["data_note"] as? String == "OpenStreetMap, data of about 2018")
        #expect(meta["profile"] as? String == "ebike")
        #expect(meta["speed_kmh"] as? Double == 15)
        #expect(meta["minutes"] as? [Double] == [5, 10, 15])

        let circles = try #require(data["circles"] as? [[String: Any]])
        let areas = circles.compactMap { $0["area_km2"] as? Double }
        #expect(circles.map { $0["minutes"] as? Double } == [5, 10, 15])
        #expect(areas.count == 3 && areas[0] < areas[1] && areas[1] < areas[2], "nested circles grow: \(areas)")

        let names = try #require(data["districts"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["成华区", "金牛区", "青羊区", "锦江区", "武侯区"])
        let rows = try #require(data["district_table"] as? [[String: Any]])
        let total = try #require(rows.last)
        #expect(total["row"] as? String == "total")
        #expect(total["hotspots"] as? Int == 316)
        let summary = try #require(data["summary"] as? [String: Any])
        #expect(summary["share_covered"] as? Double == total["share_covered"] as? Double)
        let districtWeight = rows.dropLast().compactMap { $0["weight_covered"] as? Double }.reduce(0, +)
        #expect(abs(districtWeight - (total["weight_covered"] as? Double ?? -1)) < 1e-6, "district rows add up to the total")

        // The plan: ranked sites adding weight, a frontier from today's share that never falls.
        let sites = try #require(data["sites"] as? [[String: Any]])
        #expect((1...5).contains(sites.count))
        #expect(sites.map { $0["rank"] as? Int } == Array(1...sites.count).map { Optional($0) })
        #expect(sites.allSatisfy { ($0["added_weight"] as? Double ?? 0) > 0 })
        let frontier = try #require(data["frontier"] as? [[String: Any]])
        #expect(frontier.map { $0["k"] as? Int } == Array(0...10).map { Optional($0) })
        let shares = frontier.compactMap { $0["share"] as? Double }
        #expect(shares.first == summary["share_covered"] as? Double, "frontier point 0 is the audit's share")
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 })

        // Issue 18: one catchment per station, the load table (weight served adds up to the covered
        // weight, capacity-less stations by weight served), the candidate gap with road positions.
        #expect(try #require(data["catchments"] as? [[String: Any]]).count == 11)
        let loads = try #require(data["loads"] as? [[String: Any]])
        let served = loads.compactMap { $0["weight_served"] as? Double }
        // Overloaded first: by load ratio (stations with a capacity; geodata gives the stations seats),
        // then stations without one by weight served.
        let order = loads.map { (($0["load_ratio"] as? Double) ?? -1, ($0["weight_served"] as? Double) ?? 0) }
        #expect(served.count == 11 && zip(order, order.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 >= $1.1) })
        #expect(abs(served.reduce(0, +) - (total["weight_covered"] as? Double ?? -1)) < 1e-6)
        let gap = try #require(data["candidate_gap"] as? [String: Any])
        let listed = try #require(gap["listed_share"] as? Double)
        let anywhere = try #require(gap["anywhere_share"] as? Double)
        #expect(listed == shares[5])
        #expect(anywhere >= listed)
        #expect(!(try #require(gap["hotspots"] as? [[String: Any]])).isEmpty)
        #expect(shares[sites.count] == summary["share_after_plan"] as? Double)

        // The speed band: 12, 15 (main) and 20 km/h, more covered and more area at higher speed.
        let band = try #require(data["speed_band"] as? [[String: Any]])
        #expect(band.map { $0["speed_kmh"] as? Double } == [12, 15, 20])
        #expect(band.map { $0["main"] as? Bool } == [false, true, false])
        let bandShares = band.compactMap { $0["share_covered"] as? Double }
        let bandAreas = band.compactMap { $0["area_km2"] as? Double }
        #expect(bandShares.count == 3 && bandShares[0] <= bandShares[1] && bandShares[1] <= bandShares[2])
        #expect(bandAreas.count == 3 && bandAreas[0] < bandAreas[1] && bandAreas[1] < bandAreas[2])
        #expect(bandShares[1] == summary["share_covered"] as? Double)
        #expect(bandAreas[1] == areas[2], "the main speed's area is the 15-minute circle's")

        // Coverage by hour (issue 15): 48 rows, weekday 0–23 then Sunday 0–23; the demo's
        // stations are all open at 10:30 on a weekday (geodata/SOURCES.md), so that hour is
        // the audit's share, and fewer are open at 03:30.
        let byHour = try #require(data["by_hour"] as? [[String: Any]])
        #expect(byHour.count == 48)
        #expect(byHour.map { $0["day"] as? String } == Array(repeating: "weekday", count: 24) + Array(repeating: "sunday", count: 24))
        #expect(byHour.map { $0["hour"] as? Int } == (Array(0..<24) + Array(0..<24)).map { Optional($0) })
        let hourShares = byHour.compactMap { $0["share"] as? Double }
        #expect(hourShares.count == 48 && hourShares.allSatisfy { $0 <= (summary["share_covered"] as? Double ?? 0) + 1e-9 })
        #expect(hourShares[10] == summary["share_covered"] as? Double)
        #expect(hourShares[3] < hourShares[10])
        let services = try #require(data["services"] as? [[String: Any]])
        #expect(services.count == 10 && services.first?["service"] as? String == "rest")
        #expect(services.allSatisfy { ($0["share"] as? Double ?? 2) <= (summary["share_covered"] as? Double ?? 0) + 1e-9 })

        // Roads at 5 decimals.
        let roads = try #require(data["roads"] as? [[Double]])
        #expect(roads.count > 1000)
        #expect(roads.joined().allSatisfy { abs($0 * 1e5 - ($0 * 1e5).rounded()) < 1e-6 })

        // Same inputs, same bytes.
        let again = folder.appendingPathComponent("again.html")
        let second = try #require(try runNuanxin(try Self.fullReport(out: again.path)))
        #expect(second.status == 0)
        #expect(try Data(contentsOf: again) == bytes)
    }

    @Test func rendersInHeadlessChromium() throws {
        guard let chromium = ReportBrowser.chromium else {
            print("ReportTests: chromium is not installed (scripts/install-deps --browser); browser checks skipped")
            return
        }
        let python = try #require(ReportBrowser.python, "python3 decodes the screenshot")
        let folder = try makeTemporaryFolder()
        let page = folder.appendingPathComponent("report.html")
        let result = try #require(try runNuanxin(try Self.fullReport(out: page.path)))
        #expect(result.status == 0, "\(result.stderr)")

        let dom = try ReportBrowser.dumpDOM(chromium, page: page, folder: folder)
        #expect(dom.contains(#"id="render-ok""#), "the page's script did not finish")
        #expect(!dom.contains(#"id="render-error""#), "the page shows a script error")
        let districtTable = try #require(dom.range(of: #"<section id="district-table">"#), "no district table")
        let tableEnd = try #require(dom.range(of: "</section>", range: districtTable.upperBound..<dom.endIndex))
        let table = dom[districtTable.upperBound..<tableEnd.lowerBound]
        for name in ["成华区", "金牛区", "青羊区", "锦江区", "合计"] { #expect(table.contains("<td class=\"text\">\(name)</td>"), "\(name) row") }
        for id in [
            "sites-table", "frontier-chart", "speed-band", "by-hour-chart", "service-table", "worst-table", "station-table", "layer-roads",
            "layer-circles",
        ] {
            #expect(dom.contains("id=\"\(id)\""), "\(id) missing")
        }

        // The map area of the screenshot is not blank.
        let rectText = try #require(Self.attribute("data-map-rect", in: dom))
        let rect = rectText.split(separator: ",").compactMap { Int($0) }
        #expect(rect.count == 4 && rect[2] > 400 && rect[3] > 300, "map rectangle \(rectText)")
        let png = folder.appendingPathComponent("report.png")
        try ReportBrowser.screenshot(chromium, page: page, to: png, folder: folder)
        #expect(dom.contains("class=\"by-hour-weekday\"") && dom.contains("class=\"by-hour-sunday\""), "the by-hour chart's two lines")
        let colours = try #require(try ReportBrowser.distinctColours(png: png, rect: rect, python: python))
        #expect(colours > 50, "only \(colours) distinct colours in the map area: it looks blank")
    }

    @Test func namesFromTheDataShowAsText() throws {
        let folder = try makeTemporaryFolder()
        let stations = folder.appendingPathComponent("stations.geojson")
        try Data(
            #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[104.0657,30.6595]},"properties":{"id":"X1","name":"<script>alert(1)</script>","kind":"<b>bank</b>"}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[104.0800,30.6700]},"properties":{"id":"X2","name":"Tom & Jerry's \"<img src=x onerror=alert(2)>\""}}
            ]}
            """#.utf8
        ).write(to: stations)
        let page = folder.appendingPathComponent("report.html")
        let result = try #require(
            try runNuanxin([
                "report", "--network", try Self.geodata("chengdu-center.osm.pbf"), "--cache", Self.cache,
                "--stations", stations.path, "--hotspots", try Self.geodata("hotspots.geojson"), "--minutes", "15",
                "--lang", "en", "--quiet", "--out", page.path,
            ]))
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script>alert"), "a name closed the data block")
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "<script").count - 1 == 3, "the page has exactly its own three scripts")
        let stationsData = try #require(try Self.reportData(html)["stations"] as? [[String: Any]])
        #expect(stationsData.first?["name"] as? String == "<script>alert(1)</script>")

        guard let chromium = ReportBrowser.chromium else {
            print("ReportTests: chromium is not installed (scripts/install-deps --browser); DOM checks skipped")
            return
        }
        let dom = try ReportBrowser.dumpDOM(chromium, page: page, folder: folder)
        #expect(dom.contains(#"id="render-ok""#))
        #expect(!dom.contains(#"id="render-error""#))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shows as text")
        #expect(dom.contains("&lt;b&gt;bank&lt;/b&gt;"))
        #expect(dom.contains("Tom &amp; Jerry's \"&lt;img src=x onerror=alert(2)&gt;\""))
        #expect(!dom.contains("<script>alert"))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<b>bank"))
    }

    @Test func rejectsBadUsageWithoutWritingAFile() throws {
        let folder = try makeTemporaryFolder()
        let out = folder.appendingPathComponent("report.html")
        let base = [
            "report", "--network", try Self.geodata("chengdu-center.osm.pbf"), "--cache", Self.cache,
            "--hotspots", try Self.geodata("hotspots.geojson"), "--out", out.path,
        ]
        let noCandidates = try #require(try runNuanxin(base + ["--stations", try Self.geodata("stations.geojson"), "--new", "3"]))
        #expect(noCandidates.status == 64)
        #expect(noCandidates.stderr.contains("--new needs --candidates"))

        let far = folder.appendingPathComponent("far.csv")
        try Data("id,lon,lat\nF1,110.0,35.0\n".utf8).write(to: far)
        let unroutable = try #require(try runNuanxin(base + ["--stations", far.path]))
        #expect(unroutable.status == 1)
        #expect(unroutable.stderr.contains("far.csv: 1 of 1 stations are unroutable (first: id F1, nearest usable road is "))
        #expect(unroutable.stderr.contains("check --crs"))
        #expect(unroutable.stderr.split(separator: "\n").last?.hasPrefix("nuanxin: error:") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The value of the first `name="…"` attribute in `html`.
    private static func attribute(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "\(name)=\"") else { return nil }
        guard let end = html.range(of: "\"", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
