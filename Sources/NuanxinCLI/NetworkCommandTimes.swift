import ArgumentParser
import Coverage
import Foundation
import GeoCore
import RoadNetwork

/// `nuanxin network times`: the bounded multi-source search from a point
/// set, as one CSV row per reached node.
struct NetworkTimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "times",
        abstract: "Travel time from the nearest of many sources to every node reached within a time limit.",
        discussion: """
            Columns: node,lon,lat,seconds,source_id (node index as in `network export`, WGS84 degrees \
            with 7 decimals, seconds with 1, the id of the source that reaches the node first; the lowest \
            source row wins a tie). One row per node reached within --minutes, sorted by node.
            Sources are snapped to the nearest usable road within --max-snap metres and the walk to the \
            road counts at walking speed (door to door); a source given exactly at a node's coordinates \
            starts there with 0 s. Sources farther from every road are listed on stderr and left out.
            The file is written to a temporary name and renamed when complete.
            """
    )

    @OptionGroup var input: NetworkInputOptions

    @Option(name: .long, help: "Source points: CSV (id,lon,lat,…) or GeoJSON Points.")
    var sources: String

    @OptionGroup var crs: InputCRSOption

    @Option(name: .long, help: "Time limit in minutes.")
    var minutes: Double = 15

    @Option(name: .long, help: "Output CSV file.")
    var out: String

    @OptionGroup var output: QuietOption

    func validate() throws {
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--network", input.network), ("--sources", sources)])
        try checkOption("--minutes", minutes, InputLimits.minutes)
        if input.speedBand != nil {
            throw ValidationError("network times runs one speed; give --speed instead of --speed-band")
        }
    }

    func run() throws {
        let progress = output.progress
        let graph = try input.load(progress: progress).graph
        let sites = try PointSetReader.read(contentsOf: URL(fileURLWithPath: sources), datum: crs.datum)
        let placed = try SitePlacer(graph: graph).place(sites, maxSnap: input.maxSnap)
        try SnapShare.requireMostRoutable(placed, file: sources, role: "sources", maxSnap: input.maxSnap)
        let routable = placed.filter { $0.snap != nil }
        guard !routable.isEmpty else {
            throw NetworkTimesError.noRoutableSource(
                path: sources, count: sites.count, first: placed.first?.unroutableReason(maxSnap: input.maxSnap))
        }
        for site in placed {
            if let reason = site.unroutableReason(maxSnap: input.maxSnap) {
                printWarning("\(sources): source \(site.site.id) left out: \(reason)")
            }
        }
        var search = MultiSourceSearch(graph: graph)
        let clock = ContinuousClock()
        let start = clock.now
        let result = search.run(routable.map { SearchSource(doorToDoor: $0.snap!) }, limitSeconds: minutes * 60)
        let elapsed = (clock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) * 1e-15
        progress.report("search from \(routable.count) sources: \(formatFixed(milliseconds, decimals: 3)) ms")
        let text = Self.csv(result, sourceIDs: routable.map(\.site.id))
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out))
        if !output.quiet {
            print("wrote \(result.reachedNodes.count) nodes reached within \(formatFixed(minutes, decimals: 1)) min "
                + "from \(routable.count) of \(sites.count) sources to \(out)")
        }
    }

    /// The CSV text of the nodes `result` reached, sorted by node;
    /// `sourceIDs[i]` names the search's source `i`.
    /// - Complexity: O(R log R) for R reached nodes.
    static func csv(_ result: SearchResult, sourceIDs: [String]) -> String {
        let graph = result.graph
        var text = "node,lon,lat,seconds,source_id\n"
        for node in result.reachedNodes.map(Int.init).sorted() {
            let fields = [
                String(node), formatDegrees(graph.nodeLon[node]), formatDegrees(graph.nodeLat[node]),
                formatFixed(Double(result.seconds[node]), decimals: 1),
                csvField(sourceIDs[Int(result.source[node])]),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}

/// Why `network times` could not run.
enum NetworkTimesError: Error, CustomStringConvertible {
    /// The file has no source, or every source is farther than `--max-snap`
    /// from a usable road; `first` says why the first source is unroutable.
    case noRoutableSource(path: String, count: Int, first: String?)

    var description: String {
        switch self {
        case .noRoutableSource(let path, let count, let first):
            count == 0
                ? "\(path): no source points; give at least one point (id,lon,lat)"
                : "\(path): none of the \(count) sources can be placed on the network (the first: \(first ?? "unknown")); "
                    + "check the coordinates and their datum (--crs), or raise --max-snap"
        }
    }
}

/// Prints `nuanxin: warning: <message>` on stderr, even with `--quiet`:
/// warnings are about the data, not progress.
private func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("nuanxin: warning: \(message)\n".utf8))
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
private func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
