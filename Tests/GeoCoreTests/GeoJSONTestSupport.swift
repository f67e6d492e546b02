import Foundation

/// A fresh empty folder under the system temporary directory.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` as UTF-8 to `name` in a fresh temporary folder and returns its URL.
func temporaryFile(named name: String, containing text: String) throws -> URL {
    let url = try makeTemporaryFolder().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// `<packageRoot>/geodata`, or the shared copy beside the clone (`../shared/geodata`,
/// or `../../shared/geodata` for worktrees one level deeper) until geodata/ is copied in.
func geodataFolder() -> URL? {
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return ["geodata", "../shared/geodata", "../../shared/geodata"]
        .map { packageRoot.appendingPathComponent($0).standardizedFileURL }
        .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("districts.geojson").path) }
}

/// SplitMix64, a tiny seeded generator for reproducible random tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
