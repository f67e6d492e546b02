import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Reports
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

    @OptionGroup var formats: PointFormatOptions

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
        let inputs = try NetworkInputs(graph: graph, datum: crs.datum, maxSnap: input.maxSnap, formats: try formats.formats(progress))
        let url = URL(fileURLWithPath: sources)
        let sites = try progress.time("read") { try inputs.points(url, kind: "source", allowEmpty: true) }
        let placed = try progress.time("snap") { try inputs.place(sites, kind: "source", file: sources) }
        let routable = placed.routable
        guard !routable.isEmpty else {
            throw NetworkTimesError.noRoutableSource(
                path: sources, count: sites.count, first: placed.all.first?.unroutableReason(maxSnap: input.maxSnap))
        }
        for line in placed.leftOutMessages { printWarning("\(sources): \(line)") }
        progress.timings?.setSize("sources", sites.count)
        var search = MultiSourceSearch(graph: graph)
        let clock = ContinuousClock()
        let start = clock.now
        let result = search.run(routable.map { SearchSource(doorToDoor: $0.snap!) }, limitSeconds: minutes * 60)
        let seconds = PhaseTimings.seconds(clock.now - start)
        progress.timings?.add("search", seconds: seconds)
        progress.timings?.setSize("reached", result.reachedNodes.count)
        progress.report("search from \(routable.count) sources: \(formatFixed(seconds * 1000, decimals: 3)) ms")
        let data = try progress.time("format") { Data(NetworkCSV.times(result, sourceIDs: routable.map(\.site.id)).utf8) }
        try progress.time("write") { try AtomicFile.write(data, to: URL(fileURLWithPath: out)) }
        if !output.quiet {
            print(
                "wrote \(result.reachedNodes.count) nodes reached within \(formatFixed(minutes, decimals: 1)) min "
                    + "from \(routable.count) of \(sites.count) sources to \(out)")
        }
        try output.finish(progress)
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
