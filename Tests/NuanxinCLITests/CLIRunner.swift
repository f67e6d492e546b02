import Foundation
import TestSupport
import Testing

/// The result of one run of the `nuanxin` binary.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// stderr split into lines, without the empty tail.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// `<packageRoot>/.build/debug/nuanxin`, built by `swift build` (and by `swift test`).
func nuanxinBinary() -> URL? {
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let binary = packageRoot.appendingPathComponent(".build/debug/nuanxin")
    return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
}

/// `geodata/<name>` (`TestFiles.geodata`); nil when it does not exist.
func realDataFile(_ name: String) -> String? { TestFiles.geodata(name)?.path }

/// Runs `nuanxin` with `arguments` (in `folder` when given); records an issue
/// (and returns nil) when the binary is missing.
func runNuanxin(
    _ arguments: [String], in folder: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws -> CLIResult? {
    guard let binary = nuanxinBinary() else {
        Issue.record("the nuanxin binary is missing: run `swift build` first", sourceLocation: sourceLocation)
        return nil
    }
    return try runProcess(binary, arguments, in: folder)
}

/// Runs `executable` with `arguments` (in `folder` when given, no stdin) and collects its exit
/// status, stdout and stderr: the one process runner of the CLI tests (`runNuanxin`, `runTool`).
func runProcess(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Both pipes are drained at once: a child that fills one pipe (64 KiB) while the other is
    // being read would otherwise block forever.
    let stderrBox = PipeData()
    let errHandle = err.fileHandleForReading
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        stderrBox.data = errHandle.readDataToEndOfFile()
        done.signal()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    let stderr = stderrBox.data
    process.waitUntilExit()
    return CLIResult(
        status: process.terminationStatus,
        stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// The bytes read from one pipe on another thread; read only after that thread signals.
private final class PipeData: @unchecked Sendable {
    var data = Data()
}

/// A fresh empty folder under the system temporary directory.
func makeTemporaryFolder() throws -> URL { try TestFiles.temporaryFolder(prefix: "nuanxin-cli-tests") }

/// GDAL's `ogrinfo`, when gdal-bin is installed.
let ogrinfoPath = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// `ogrinfo -ro -so -al FILE`: its exit status and its output (stdout and stderr together).
func ogrinfoSummary(_ file: String) throws -> (status: Int32, text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(ogrinfoPath, "gdal-bin is not installed"))
    process.arguments = ["-ro", "-so", "-al", file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

@Suite struct CLIRunnerTests {
    /// A child that writes 256 KiB to stderr before anything to stdout: with one pipe read after the
    /// other this blocks forever (the child waits on the full stderr pipe, the runner on stdout).
    @Test func drainsStderrWhileReadingStdout() throws {
        let result = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 262144 /dev/zero | tr '\\0' x >&2; echo done"])
        #expect(result.status == 0)
        #expect(result.stdout == "done\n")
        #expect(result.stderr.utf8.count == 262_144)
    }
}
