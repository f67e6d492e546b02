import Foundation
import GeoCore
import Testing

private let stationsText = """
    {"type":"FeatureCollection","name":"stations","features":[
    {"type":"Feature","id":1,"properties":{"name":"天府广场"},"geometry":{"type":"Point","coordinates":[104.0657,30.6595]}},
    {"type":"Feature","id":"d","properties":{"kind":"district"},"geometry":{"type":"Polygon","coordinates":[[[104.0,30.6],[104.1,30.6],[104.1,30.7],[104.0,30.7],[104.0,30.6]]]}}
    ]}
    """

@Suite struct ConvertCommandTests {
    @Test func convertsAPointAndPrintsSevenDecimals() throws {
        guard let result = try runNuanxin(["convert", "--from", "wgs84", "--to", "gcj02", "--point", "116.404,39.915"]) else { return }
        #expect(result.status == 0)
        // wandergis/coordtransform: wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
        #expect(result.stdout == "116.4102445,39.9164043\n")
        #expect(result.stderr.isEmpty)

        guard let back = try runNuanxin(["convert", "--from", "gcj02", "--to", "wgs84", "--point", "116.4102445,39.9164043"]) else {
            return
        }
        #expect(back.stdout == "116.4040000,39.9150000\n")
    }

    @Test func convertsEveryCoordinateOfAFileAndKeepsProperties() throws {
        let folder = try makeTemporaryFolder()
        let input = folder.appendingPathComponent("stations.geojson")
        let output = folder.appendingPathComponent("stations-gcj02.geojson")
        try Data(stationsText.utf8).write(to: input)
        guard let result = try runNuanxin(["convert", "--from", "wgs84", "--to", "gcj02", input.path, "--out", output.path, "--quiet"])
        else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)

        let original = try GeoJSONReader.read(contentsOf: input)
        let converted = try GeoJSONReader.read(contentsOf: output)
        #expect(converted.foreignMembers == original.foreignMembers)
        #expect(converted.features.map(\.id) == original.features.map(\.id))
        #expect(converted.features.map(\.properties) == original.features.map(\.properties))
        var got: [Coordinate] = []
        converted.features.forEach { $0.geometry?.forEachCoordinate { got.append($0) } }
        var expected: [Coordinate] = []
        original.features.forEach { $0.geometry?.forEachCoordinate { expected.append(GCJ02.fromWGS84($0)) } }
        #expect(got.count == expected.count && got.count == 6)
        for (g, e) in zip(got, expected) {
            #expect(abs(g.lon - e.lon) <= 5e-8 && abs(g.lat - e.lat) <= 5e-8, "\(g) vs \(e)")
        }
    }

    @Test func progressGoesToStderrUnlessQuiet() throws {
        let folder = try makeTemporaryFolder()
        let input = folder.appendingPathComponent("stations.geojson")
        try Data(stationsText.utf8).write(to: input)
        guard
            let result = try runNuanxin(
                ["convert", "--from", "wgs84", "--to", "bd09", input.path, "--out", folder.appendingPathComponent("bd.geojson").path])
        else { return }
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderrLines.isEmpty && result.stderrLines.allSatisfy { $0.hasPrefix("nuanxin: ") })
    }

    @Test func badInputFailsWithOneLineAndLeavesNoOutput() throws {
        let folder = try makeTemporaryFolder()
        let input = folder.appendingPathComponent("bad.geojson")
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[104.0,200.0]}}]}"#
                .utf8
        )
        .write(to: input)
        let output = folder.appendingPathComponent("out.geojson")
        guard let result = try runNuanxin(["convert", "--from", "gcj02", "--to", "wgs84", input.path, "--out", output.path, "--quiet"])
        else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines == ["nuanxin: error: \(input.path): feature 1: geometry.coordinates: latitude 200.0 is outside -90…90"])
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.geojson"])
    }

    @Test func unwritableOutputFailsWithOneLine() throws {
        let folder = try makeTemporaryFolder()
        let input = folder.appendingPathComponent("stations.geojson")
        try Data(stationsText.utf8).write(to: input)
        let output = folder.appendingPathComponent("missing-folder/out.geojson")
        guard let result = try runNuanxin(["convert", "--from", "wgs84", "--to", "gcj02", input.path, "--out", output.path, "-q"])
        else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("nuanxin: error: \(output.path): cannot write: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stations.geojson"])
    }

    @Test func missingInputFileFailsWithOneLine() throws {
        guard
            let result = try runNuanxin([
                "convert", "--from", "wgs84", "--to", "gcj02", "/nonexistent-nuanxin/in.geojson", "--out", "/tmp/nuanxin-never.geojson",
                "-q",
            ])
        else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines == ["nuanxin: error: /nonexistent-nuanxin/in.geojson: cannot read the file (no such file)"])
    }

    @Test(arguments: [
        ["convert", "--from", "wgs84", "--to", "gcj02"],
        ["convert", "--from", "wgs84", "--to", "gcj02", "in.geojson", "--point", "104,30"],
        ["convert", "--from", "wgs84", "--to", "gcj02", "in.geojson"],
        ["convert", "--from", "wgs84", "--to", "gcj02", "--point", "104;30"],
        ["convert", "--from", "wgs84", "--to", "gcj02", "--point", "30.6,104.0"],
        ["convert", "--from", "wgs84", "--to", "mars", "--point", "104,30"],
        ["convert", "--to", "gcj02", "--point", "104,30"],
        ["frobnicate"],
    ])
    func usageErrorsAreOneLineExit64(_ arguments: [String]) throws {
        guard let result = try runNuanxin(arguments) else { return }
        // Issue 14: one line, `nuanxin: error: …`, exit 64 (EX_USAGE), for every usage error.
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("nuanxin: error: "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func swappedPointSaysSo() throws {
        guard let result = try runNuanxin(["convert", "--from", "wgs84", "--to", "gcj02", "--point", "30.6,104.0"]) else { return }
        #expect(result.status == 64)
        #expect(result.stderr.contains("lat/lon look swapped"))
    }
}
