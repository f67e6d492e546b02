// nuanxin-fuzz: a seeded mutation fuzzer over nuanxin's input readers and its
// command-line option parser. See Tests/Fixtures/fuzz/README.md.
//
//   nuanxin-fuzz [--seed N] [--runs N] [--seconds S] [--corpus DIR] [--findings DIR]
//                [--nuanxin PATH] [--args-every N] [--only TARGET,...]
//
// Targets: geojson (GeoJSONReader, in memory), points-geojson and csv
// (PointSetReader through a file), osm (OSM XML through NetworkLoader.importNetwork),
// pbf (.osm.pbf likewise), roads (road GeoJSON likewise) and args (the real
// `nuanxin` binary run with a mutated argument vector, every Nth input).
// A finding is a crash (a signal: Swift trap, segfault, abort), a hang (5 s) or,
// for args, an exit status other than 0/1/64 or a failure with an empty stderr.
// In-process crashes and hangs are caught by a signal handler that writes the
// input to the findings folder before dying; the exit status is then 70 + the
// signal number is printed. Exit 0: no finding; 1: findings (args); 2: usage.
import Foundation
import GeoCore
import RoadNetwork

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - options

struct Options {
    var seed: UInt64 = 1
    var runs: Int = .max
    var seconds: Double = .infinity
    var corpus = "Tests/Fixtures/fuzz/seeds"
    var findings = "Tests/Fixtures/fuzz/findings"
    var nuanxin: String?
    var argsEvery = 200
    var only: Set<String>?

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { usage("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--seed": seed = UInt64(value()) ?? { usage("--seed: not an unsigned integer") }()
            case "--runs": runs = Int(value()) ?? { usage("--runs: not an integer") }()
            case "--seconds": seconds = Double(value()) ?? { usage("--seconds: not a number") }()
            case "--corpus": corpus = value()
            case "--findings": findings = value()
            case "--nuanxin": nuanxin = value()
            case "--args-every": argsEvery = max(1, Int(value()) ?? { usage("--args-every: not an integer") }())
            case "--only": only = Set(value().split(separator: ",").map(String.init))
            default: usage("unknown argument \(arguments[i])")
            }
            i += 1
        }
    }
}

func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("nuanxin-fuzz: error: \(message)\n".utf8))
    exit(2)
}

// MARK: - random numbers and mutation

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and the same on every machine.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Tokens that often matter to these readers.
let dictionary: [[UInt8]] = [
    "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e308", "-0", "0", "-1", "200", "-200", "180.0000001",
    "null", "true", "\"\"", "[]", "{}", "[[", "]]", "\"coordinates\"", "\"type\"", "\"Point\"", "\"Polygon\"",
    "\"FeatureCollection\"", "\"features\"", "\"geometry\"", "\"properties\"", "\"weight\"", "\"id\"",
    "\u{FEFF}", "\r\n", "\n", ",", ";", "\"", "\t", "\u{0}", "\u{FFFD}", "中文", "\\u0000", "\\ud800",
    "<", ">", "/>", "<node", "<way", "<nd ref=\"", "<tag k=\"highway\" v=\"", "lat=\"", "lon=\"", "id=\"",
    "&amp;", "<![CDATA[", "<!DOCTYPE", "OSMHeader", "OSMData", "DenseNodes", "zlib",
    "--minutes", "--max-snap", "--speed-band", "--crs", "--point", "--out", "--", "-5", "=",
].map { Array($0.utf8) }

/// One to four random edits of `input`, sometimes splicing in part of `other`.
func mutate(_ input: [UInt8], other: [UInt8], rng: inout SplitMix64) -> [UInt8] {
    var bytes = input
    for _ in 0...rng.below(4) {
        let n = bytes.count
        switch rng.below(10) {
        case 0 where n > 0:  // flip a bit
            let i = rng.below(n)
            bytes[i] ^= UInt8(1 << rng.below(8))
        case 1 where n > 0:  // random byte
            bytes[rng.below(n)] = UInt8(truncatingIfNeeded: rng.next())
        case 2 where n > 0:  // interesting byte
            let interesting: [UInt8] = [0, 0x7F, 0x80, 0xFF, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x39, 0x5B, 0x5D, 0x7B, 0x7D, 0x0A, 0x3C]
            bytes[rng.below(n)] = interesting[rng.below(interesting.count)]
        case 3 where n > 0:  // delete a run
            let i = rng.below(n)
            bytes.removeSubrange(i..<min(n, i + 1 + rng.below(16)))
        case 4 where n > 0:  // duplicate a run
            let i = rng.below(n)
            let run = Array(bytes[i..<min(n, i + 1 + rng.below(64))])
            bytes.insert(contentsOf: run, at: rng.below(n + 1))
        case 5:  // insert a dictionary token
            bytes.insert(contentsOf: dictionary[rng.below(dictionary.count)], at: rng.below(n + 1))
        case 6 where n > 0:  // overwrite with a token
            let token = dictionary[rng.below(dictionary.count)]
            let i = rng.below(n)
            bytes.replaceSubrange(i..<min(n, i + token.count), with: token)
        case 7 where n > 0:  // truncate
            bytes.removeSubrange(rng.below(n)..<n)
        case 8 where !other.isEmpty:  // splice from another seed of the target
            let a = rng.below(other.count)
            let piece = other[a..<min(other.count, a + 1 + rng.below(256))]
            let i = rng.below(n + 1)
            bytes.replaceSubrange(i..<min(n, i + piece.count), with: piece)
        default:  // change a digit run into another number
            for _ in 0..<min(n, 64) {
                let i = rng.below(n)
                guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { continue }
                let numbers = ["0", "9999999999999999999999", "-0.0", "4294967296", "2147483648", "1e-400", "NaN"]
                bytes.replaceSubrange(i...i, with: Array(numbers[rng.below(numbers.count)].utf8))
                break
            }
        }
        if bytes.count > 1 << 20 { bytes.removeSubrange((1 << 20)...) }
    }
    return bytes
}

// MARK: - crash capture

/// The input being run, its target and where to write it if the process dies:
/// plain memory a signal handler may read (async-signal-safe `open`/`write` only).
nonisolated(unsafe) var currentInput: UnsafeMutablePointer<UInt8> = .allocate(capacity: 1 << 20 + 16)
nonisolated(unsafe) var currentCount = 0
nonisolated(unsafe) var crashPath: UnsafeMutablePointer<CChar> = .allocate(capacity: 4096)

func installCrashHandlers() {
    for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGALRM] {
        signal(sig) { number in
            let fd = open(crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 {
                _ = write(fd, currentInput, currentCount)
                close(fd)
            }
            let message = "nuanxin-fuzz: FINDING (signal \(number)) input saved\n"
            message.withCString { _ = write(2, $0, strlen($0)) }
            _exit(70 + number)
        }
    }
}

func setCurrent(_ bytes: [UInt8], target: String, findings: String, seed: UInt64, run: Int) {
    let count = min(bytes.count, 1 << 20)
    bytes.withUnsafeBufferPointer { currentInput.update(from: $0.baseAddress!, count: count) }
    currentCount = count
    let path = "\(findings)/crash-\(target)-seed\(seed)-run\(run)"
    _ = path.withCString { strncpy(crashPath, $0, 4095) }
}

// MARK: - targets

struct Target {
    var name: String
    var fileExtension: String
    var seeds: [[UInt8]]
}

func loadSeeds(_ corpus: String, target: String) -> [[UInt8]] {
    let dir = URL(fileURLWithPath: corpus).appendingPathComponent(target)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    return names.compactMap { name in
        (try? Data(contentsOf: dir.appendingPathComponent(name))).map { [UInt8]($0) }
    }
}

/// Runs one input through `target`; errors thrown by the readers are the
/// expected outcome for bad input and not findings.
func run(_ target: String, _ bytes: [UInt8], scratch: String) {
    switch target {
    case "geojson":
        _ = try? GeoJSONReader.read(data: Data(bytes), fileName: "fuzz.geojson")
    case "points-geojson", "csv":
        let path = scratch + (target == "csv" ? "/fuzz.csv" : "/fuzz.geojson")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        _ = try? PointSetReader.read(contentsOf: URL(fileURLWithPath: path), datum: bytes.count % 2 == 0 ? .wgs84 : .gcj02)
    case "osm", "pbf", "roads":
        let path = scratch + ["osm": "/fuzz.osm", "pbf": "/fuzz.osm.pbf", "roads": "/fuzz-roads.geojson"][target]!
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        if let network = try? NetworkLoader.importNetwork(path: path) {
            // Touch what every command touches next: snapping and one search.
            if let placer = try? SitePlacer(graph: network.graph), network.graph.nodeCount > 0 {
                let site = SitePoint(
                    id: "p", coordinate: Coordinate(lon: network.graph.nodeLon[0], lat: network.graph.nodeLat[0]), name: nil)
                _ = try? placer.place([site], maxSnap: 300)
            }
        }
    default:
        preconditionFailure("unknown target \(target)")
    }
}

/// Splits an argument seed (one argument a line) and runs the real binary.
/// Returns a description of the finding, or nil.
func runArguments(_ bytes: [UInt8], nuanxin: String, scratch: String) -> String? {
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "")
    let arguments = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        .map { $0.replacingOccurrences(of: "@SCRATCH", with: scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nuanxin)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: scratch)
    let errPipe = Pipe()
    process.standardError = errPipe
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return "cannot run \(nuanxin): \(error)" }
    let deadline = Date().addingTimeInterval(20)
    let stderrData = errPipe.fileHandleForReading.readDataToEndOfFile()
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            return "hang (> 20 s)"
        }
        usleep(1000)
    }
    process.waitUntilExit()
    if process.terminationReason == .uncaughtSignal { return "killed by signal \(process.terminationStatus)" }
    let status = process.terminationStatus
    if ![0, 1, 64].contains(status) { return "exit status \(status)" }
    if status != 0 && stderrData.isEmpty { return "exit status \(status) with nothing on stderr" }
    return nil
}

// MARK: - main

let options = Options(Array(CommandLine.arguments.dropFirst()))
let names = ["geojson", "points-geojson", "csv", "osm", "pbf", "roads", "args"]
    .filter { options.only?.contains($0) ?? true }
var targets: [Target] = names.map { Target(name: $0, fileExtension: "", seeds: loadSeeds(options.corpus, target: $0)) }
for t in targets where t.seeds.isEmpty { usage("no seeds for \(t.name) in \(options.corpus)/\(t.name)") }
if names.contains("args") && options.nuanxin == nil { usage("the args target needs --nuanxin PATH") }
try? FileManager.default.createDirectory(atPath: options.findings, withIntermediateDirectories: true)
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-fuzz-\(getpid())").path
try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
installCrashHandlers()

var rng = SplitMix64(state: options.seed)
var counts = [String: Int]()
var findings = 0
let start = Date()
var runCount = 0
let inProcess = targets.filter { $0.name != "args" }
let argsTarget = targets.first { $0.name == "args" }
while runCount < options.runs && Date().timeIntervalSince(start) < options.seconds {
    runCount += 1
    if let argsTarget, inProcess.isEmpty || runCount % options.argsEvery == 0 {
        let base = argsTarget.seeds[rng.below(argsTarget.seeds.count)]
        let input = rng.below(8) == 0 ? base : mutate(base, other: argsTarget.seeds[rng.below(argsTarget.seeds.count)], rng: &rng)
        counts["args", default: 0] += 1
        if let problem = runArguments(input, nuanxin: options.nuanxin!, scratch: scratch) {
            findings += 1
            let path = "\(options.findings)/args-seed\(options.seed)-run\(runCount)"
            _ = FileManager.default.createFile(atPath: path, contents: Data(input))
            print("nuanxin-fuzz: FINDING args: \(problem); saved \(path)")
        }
        if inProcess.isEmpty { continue }
    }
    let target = inProcess[rng.below(inProcess.count)]
    let base = target.seeds[rng.below(target.seeds.count)]
    // One input in 16 is a seed unchanged, so the seeds themselves stay tested.
    let input = rng.below(16) == 0 ? base : mutate(base, other: target.seeds[rng.below(target.seeds.count)], rng: &rng)
    setCurrent(input, target: target.name, findings: options.findings, seed: options.seed, run: runCount)
    alarm(5)
    run(target.name, input, scratch: scratch)
    alarm(0)
    counts[target.name, default: 0] += 1
}
let elapsed = Date().timeIntervalSince(start)
let perTarget = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
print(
    "nuanxin-fuzz: seed \(options.seed): \(runCount) inputs in \(String(format: "%.1f", elapsed)) s "
        + "(\(Int(Double(runCount) / max(elapsed, 1e-9))) inputs/s; \(perTarget)); \(findings) findings")
exit(findings == 0 ? 0 : 1)
