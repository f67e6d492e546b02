import GeoCore
import RoadNetwork

/// The CSV files of `nuanxin network export` and `nuanxin network times`: UTF-8, `\n` line ends,
/// a header row, fields quoted only when they hold a comma, quote or line break.
public enum NetworkCSV {
    /// Every directed edge of `graph`: `from,to,seconds,meters,from_lon,from_lat,to_lon,to_lat`
    /// (node indices, seconds with 3 decimals, metres with 2, WGS84 degrees with 7), one row per
    /// directed edge in node order (CSR order).
    /// - Complexity: O(edges).
    public static func edges(_ graph: RoadGraph) -> String {
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

    /// The nodes `result` reached, sorted by node: `node,lon,lat,seconds,source_id` (WGS84 degrees
    /// with 7 decimals, seconds with 1); `sourceIDs[i]` names the search's source `i`.
    /// - Complexity: O(R log R) for R reached nodes.
    public static func times(_ result: SearchResult, sourceIDs: [String]) -> String {
        let graph = result.graph
        var text = "node,lon,lat,seconds,source_id\n"
        for node in result.reachedNodes.map(Int.init).sorted() {
            let fields = [
                String(node), formatDegrees(graph.nodeLon[node]), formatDegrees(graph.nodeLat[node]),
                formatFixed(Double(result.seconds[node]), decimals: 1),
                PlanCSV.quoted(sourceIDs[Int(result.source[node])]),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}
