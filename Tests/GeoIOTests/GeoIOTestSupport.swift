import Foundation
import GeoCore

@testable import GeoIO

/// A fresh empty folder under the system temporary folder.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("geoio-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a GDAL command-line tool (or iconv) and returns its stdout; throws on a non-zero exit.
@discardableResult
func run(_ tool: String, _ arguments: [String], stdin: Data? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
    }
    // Drain stderr on another thread so a tool that fills it cannot block on a full pipe.
    let errBox = ToolStderr()
    let errHandle = errors.fileHandleForReading
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errBox.data = errHandle.readDataToEndOfFile()
        done.signal()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    let err = errBox.data
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(text: "\(tool) \(arguments.joined(separator: " ")): \(String(decoding: err, as: UTF8.self))")
    }
    return String(decoding: out, as: UTF8.self)
}

struct ToolFailure: Error { var text: String }

/// A tool's stderr, read on another thread; read only after that thread signals.
private final class ToolStderr: @unchecked Sendable {
    var data = Data()
}

/// Three stations with Chinese names, coordinates with 7+ decimals.
let chineseStations: [(id: String, name: String, lon: Double, lat: Double)] = [
    ("S1", "春熙路暖新驿站", 104.0812345, 30.6554321),
    ("S2", "天府广场站点", 104.0657001, 30.6574002),
    ("S3", "成华区党群服务中心", 104.1012399, 30.6901177),
]

/// The stations as a FeatureCollection with properties id, name, weight.
func stationCollection() -> FeatureCollection {
    FeatureCollection(
        features: chineseStations.enumerated().map { index, s in
            Feature(
                geometry: .point(Coordinate(lon: s.lon, lat: s.lat)),
                properties: ["id": .string(s.id), "name": .string(s.name), "weight": .number(Double(index + 1))])
        })
}

/// Feature count and geometry type from `ogrinfo -so` of `path` (layer `layer` or all).
func ogrSummary(_ path: String, layer: String? = nil) throws -> (count: Int, geometry: String) {
    var arguments = ["-so", "-al", path]
    if let layer { arguments = ["-so", path, layer] }
    let text = try run("ogrinfo", arguments)
    let count =
        text.split(separator: "\n").first { $0.hasPrefix("Feature Count: ") }
        .flatMap { Int($0.dropFirst("Feature Count: ".count)) } ?? -1
    let geometry =
        text.split(separator: "\n").first { $0.hasPrefix("Geometry: ") }
        .map { String($0.dropFirst("Geometry: ".count)) } ?? ""
    return (count, geometry)
}
