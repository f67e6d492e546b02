import Foundation
import TestSupport
import Testing

/// Runs an external tool (ogr2ogr, psql); throws with its stderr on a non-zero exit.
@discardableResult
func runTool(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, in: folder)
    guard result.status == 0 else {
        throw ToolError(text: "\(tool) \(arguments.joined(separator: " ")): \(result.stderr)")
    }
    return result.stdout
}

/// A failed external tool.
struct ToolError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

/// `(layer name, geometry, feature count)` of every layer `ogrinfo -so -al` lists.
func ogrLayers(_ path: String) throws -> [(name: String, geometry: String, count: Int)] {
    let text = try runTool("ogrinfo", ["-ro", "-so", "-al", path])
    var layers: [(name: String, geometry: String, count: Int)] = []
    for line in text.split(separator: "\n").map(String.init) {
        if line.hasPrefix("Layer name: ") { layers.append((String(line.dropFirst(12)), "", -1)) }
        if line.hasPrefix("Geometry: "), !layers.isEmpty { layers[layers.count - 1].geometry = String(line.dropFirst(10)) }
        if line.hasPrefix("Feature Count: "), !layers.isEmpty { layers[layers.count - 1].count = Int(line.dropFirst(15)) ?? -1 }
    }
    return layers
}

/// The station sheet of the README: Chinese headers, coordinates copied from AMap (GCJ-02).
let shenzhenStationsCSV = """
    名称,经度,纬度
    龙岗大运暖新驿站,114.2199678,22.6969026
    龙城街道党群服务中心,114.2121838,22.6878908
    回龙埔社区驿站,114.2044054,22.6806866

    """

/// README "Your own city": the four commands, taken from the README itself, on the Shenzhen extract
/// with an Excel station list made here by ogr2ogr.
@Suite struct YourOwnCityTests {
    /// The `nuanxin` command lines of the README's "Your own city" block (continuations joined),
    /// and the value it gives `N`.
    static func readmeCommands() throws -> (network: String, commands: [[String]]) {
        let readme = try String(contentsOf: TestFiles.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Your own city"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```sh\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let block = rest[start.upperBound..<end.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
        var network = ""
        var commands: [[String]] = []
        for line in block.split(separator: "\n").map({ $0.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "" }) {
            let words = line.split(separator: " ").map(String.init)
            if let first = words.first, first.hasPrefix("N=") { network = String(first.dropFirst(2)) }
            if words.first == "nuanxin" { commands.append(Array(words.dropFirst())) }
        }
        return (network, commands)
    }

    @Test func readmeFlowOnShenzhenWithAnExcelStationList() throws {
        let (network, commands) = try Self.readmeCommands()
        #expect(network == "geodata/shenzhen-longgang.osm.pbf")
        #expect(
            commands.map { $0.prefix(2).joined(separator: " ") }.map { $0.split(separator: " ")[0] }
                == ["network", "hotspots", "audit", "report"])
        let osm = try #require(realDataFile("shenzhen-longgang.osm.pbf"))
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shenzhenStationsCSV.write(to: folder.appendingPathComponent("stations.csv"), atomically: true, encoding: .utf8)
        try runTool("ogr2ogr", ["-f", "XLSX", "stations.xlsx", "stations.csv", "-oo", "HEADERS=YES", "-nln", "站点"], in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("stations.csv"))

        var outputs: [String] = []
        for command in commands {
            let arguments = command.map { $0 == "$N" ? osm : $0 }
            let result = try #require(try runNuanxin(arguments, in: folder))
            #expect(result.status == 0, "nuanxin \(arguments.joined(separator: " ")): \(result.stderr)")
            outputs.append(result.stdout)
        }
        #expect(outputs[0].contains("crs:") && outputs[0].contains("nodes:"))

        // Hotspots: weighted points with id, weight, count.
        let hotspots =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("hotspots.geojson"))) as? [String: Any]
        let features = try #require(hotspots?["features"] as? [[String: Any]])
        #expect(features.count >= 10)
        let totalWeight = features.compactMap { ($0["properties"] as? [String: Any])?["weight"] as? Double }.reduce(0, +)

        // Audit: the three stations of the sheet are read (GCJ-02 converted) and all routable; the
        // GeoPackage holds the three layers; the summary's total row counts every hotspot.
        #expect(outputs[2].contains("from 3 of 3 stations"))
        // The figures the README quotes are the ones the audit prints.
        let readme = try String(contentsOf: TestFiles.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let quoted = try #require(readme.firstMatch(of: /the audit prints: weight covered ([0-9.]+) % \(([0-9.]+) of ([0-9.]+)\)/))
        #expect(outputs[2].contains("weight covered: \(quoted.1)% (\(quoted.2) of \(quoted.3))"), "\(outputs[2])")
        let layers = try ogrLayers(folder.appendingPathComponent("audit.gpkg").path)
        #expect(layers.map(\.name) == ["hotspots", "districts", "gaps", "stations"])
        #expect(layers.first?.geometry == "Point" && layers.first?.count == features.count)
        let summary = try String(contentsOf: folder.appendingPathComponent("audit.csv"), encoding: .utf8)
        let total = try #require(summary.split(separator: "\n").first { $0.hasPrefix("10,10,total,") || $0.contains(",total,") })
        let cells = total.split(separator: ",").map(String.init)
        #expect(Int(cells[3]) == features.count)
        #expect(abs((Double(cells[5]) ?? -1) - totalWeight) < 1e-6)
        #expect((Int(cells[4]) ?? 0) > 0, "no hotspot covered: the GCJ-02 stations were not converted")

        // Report: one page naming the stations from the sheet.
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("龙岗大运暖新驿站"))
    }

    @Test func crsForConvertsOneInputOnly() throws {
        // The sheet as stations and as hotspots. --crs gcj02 converts both, and so does --crs-for for
        // both roles (the same output bytes); --crs-for stations=gcj02 alone leaves the hotspots in
        // WGS 84, the GCJ-02 offset (≈ 500 m) away from the stations: different minutes.
        let osm = try #require(realDataFile("shenzhen-longgang.osm.pbf"))
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shenzhenStationsCSV.write(to: folder.appendingPathComponent("stations.csv"), atomically: true, encoding: .utf8)
        func audit(_ datum: [String], _ out: String) throws -> Data? {
            let result = try #require(
                try runNuanxin(
                    [
                        "audit", "--network", osm, "--cache", folder.path, "--stations", "stations.csv", "--hotspots", "stations.csv",
                        "--minutes", "2", "--out", out, "-q",
                    ] + datum, in: folder))
            guard result.status == 0 else { return nil }
            return try Data(contentsOf: folder.appendingPathComponent(out))
        }
        let both = try #require(try audit(["--crs", "gcj02"], "both.geojson"))
        let perRole = try audit(["--crs-for", "stations=gcj02", "--crs-for", "hotspots=gcj02"], "roles.geojson")
        #expect(perRole == both)
        #expect(String(decoding: both, as: UTF8.self).components(separatedBy: "\"covered\":true").count - 1 == 3)
        let one = try audit(["--crs-for", "stations=gcj02"], "one.geojson")
        #expect(one != both)
    }
}
