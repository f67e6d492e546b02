import HeapModule

/// All-pairs shortest path lengths on a small undirected graph, as a dense row-major matrix
/// (`.infinity` when unreachable, 0 on the diagonal).
enum ShortestPaths {
    /// Graphs up to this many vertices use Floyd–Warshall; larger ones Dijkstra from every vertex.
    static let floydWarshallLimit = 400

    /// Distances between all vertex pairs of an undirected graph given as one cost per vertex pair.
    /// - Parameter edges: `(a, b, cost)` with 0-based vertices; each unordered pair at most once.
    /// - Complexity: O(n³) for n ≤ `floydWarshallLimit`, otherwise O(n · (n + m) log n).
    static func allPairs(vertexCount n: Int, edges: [(Int, Int, Double)]) -> [Double] {
        n <= floydWarshallLimit ? floydWarshall(n, edges) : dijkstraFromEach(n, edges)
    }

    private static func floydWarshall(_ n: Int, _ edges: [(Int, Int, Double)]) -> [Double] {
        var d = [Double](repeating: .infinity, count: n * n)
        for v in 0..<n { d[v * n + v] = 0 }
        for (a, b, cost) in edges where a != b {
            d[a * n + b] = min(d[a * n + b], cost)
            d[b * n + a] = min(d[b * n + a], cost)
        }
        d.withUnsafeMutableBufferPointer { d in
            for k in 0..<n {
                for i in 0..<n {
                    let ik = d[i * n + k]
                    guard ik < .infinity else { continue }
                    for j in 0..<n {
                        let through = ik + d[k * n + j]
                        if through < d[i * n + j] { d[i * n + j] = through }
                    }
                }
            }
        }
        return d
    }

    private struct QueueEntry: Comparable {
        var distance: Double
        var vertex: Int
        static func < (a: QueueEntry, b: QueueEntry) -> Bool { (a.distance, a.vertex) < (b.distance, b.vertex) }
    }

    private static func dijkstraFromEach(_ n: Int, _ edges: [(Int, Int, Double)]) -> [Double] {
        var neighbours = [[(vertex: Int, cost: Double)]](repeating: [], count: n)
        for (a, b, cost) in edges where a != b {
            neighbours[a].append((b, cost))
            neighbours[b].append((a, cost))
        }
        var d = [Double](repeating: .infinity, count: n * n)
        for source in 0..<n {
            let base = source * n
            d[base + source] = 0
            var queue = Heap<QueueEntry>([QueueEntry(distance: 0, vertex: source)])
            while let entry = queue.popMin() {
                guard entry.distance <= d[base + entry.vertex] else { continue }
                for (next, cost) in neighbours[entry.vertex] where entry.distance + cost < d[base + next] {
                    d[base + next] = entry.distance + cost
                    queue.insert(QueueEntry(distance: entry.distance + cost, vertex: next))
                }
            }
        }
        return d
    }
}
