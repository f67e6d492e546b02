import ArgumentParser
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// `nuanxin network export`: the directed edges as CSV.
struct NetworkExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every directed edge of a road network as CSV.",
        discussion: """
            Columns: from,to,seconds,meters,from_lon,from_lat,to_lon,to_lat (node indices, \
            seconds with 3 decimals, metres with 2, WGS84 degrees with 7). One row per directed edge, \
            in node order. The file is written to a temporary name and renamed when complete.
            """
    )

    @OptionGroup var input: NetworkInputOptions
    @OptionGroup var output: QuietOption

    @Option(name: .long, help: "Output CSV file.")
    var out: String

    func validate() throws {
        try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("--network", input.network)])
    }

    func run() throws {
        let progress = output.progress
        let graph = try input.load(progress: progress).graph
        let data = try progress.time("format") { Data(NetworkCSV.edges(graph).utf8) }
        try progress.time("write") { try AtomicFile.write(data, to: URL(fileURLWithPath: out)) }
        if !output.quiet { print("wrote \(graph.edgeCount) directed edges to \(out)") }
        try output.finish(progress)
    }
}
