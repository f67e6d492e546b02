import ArgumentParser
import Foundation
import GeoCore
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
        let graph = try input.load(progress: output.progress).graph
        try AtomicFile.write(Data(Self.csv(graph).utf8), to: URL(fileURLWithPath: out))
        if !output.quiet { print("wrote \(graph.edgeCount) directed edges to \(out)") }
    }

    /// The CSV text of `graph`'s directed edges.
    /// - Complexity: O(edges).
    static func csv(_ graph: RoadGraph) -> String {
        var text = "from,to,seconds,meters,from_lon,from_lat,to_lon,to_lat\n"
        for u in 0..<graph.nodeCount {
            for e in graph.outEdges(u) {
                let v = Int(graph.head[e])
                let fields = [
                    String(u), String(v),
                    formatFixed(Double(graph.seconds[e]), decimals: 3), formatFixed(graph.meters(e), decimals: 2),
                    formatDegrees(graph.nodeLon[u]), formatDegrees(graph.nodeLat[u]),
                    formatDegrees(graph.nodeLon[v]), formatDegrees(graph.nodeLat[v]),
                ]
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }
}
