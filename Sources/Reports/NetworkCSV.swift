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
    /// - Complexity: O(nodes + R) for R reached nodes, one byte buffer (`appendFixed`).
    public static func times(_ result: SearchResult, sourceIDs: [String]) -> String {
        let graph = result.graph
        let quotedIDs = sourceIDs.map { Array(PlanCSV.quoted($0).utf8) }
        var reached = [Bool](repeating: false, count: graph.nodeCount)
        for node in result.reachedNodes { reached[Int(node)] = true }
        // One byte buffer for the whole file: no String per value.
        var bytes = Array("node,lon,lat,seconds,source_id\n".utf8)
        bytes.reserveCapacity(bytes.count + result.reachedNodes.count * 48)
        for node in 0..<graph.nodeCount where reached[node] {
            appendInteger(node, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendFixed(graph.nodeLon[node], decimals: 7, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendFixed(graph.nodeLat[node], decimals: 7, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendFixed(Double(result.seconds[node]), decimals: 1, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: quotedIDs[Int(result.source[node])])
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
