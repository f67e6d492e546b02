/// The strongly connected components of a `RoadGraph`: sets of nodes where
/// every node can reach every other along directed edges.
///
/// A rider can only leave and come back within one component, so routing
/// keeps the largest one; the others are islands behind one-way streets or
/// fragments cut off by the extract's border.
public struct StronglyConnectedComponents: Sendable {
    /// The component of each node, `0 ..< count`.
    public let component: [Int32]
    /// Number of components.
    public let count: Int

    /// Finds the components with Tarjan's algorithm, iteratively (an
    /// explicit stack, so city-sized graphs cannot overflow the call stack).
    /// Component numbers follow the order Tarjan completes them.
    /// - Complexity: O(nodes + edges).
    public init(_ graph: RoadGraph) {
        let n = graph.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var callStack: [(node: Int32, nextEdge: Int32)] = []
        var nextIndex: Int32 = 0
        var count: Int32 = 0

        for root in 0..<n where index[root] < 0 {
            callStack.append((Int32(root), Int32(graph.firstOut[root])))
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(Int32(root))
            onStack[root] = true
            while let (u32, e32) = callStack.last {
                let u = Int(u32)
                let e = Int(e32)
                if e < Int(graph.firstOut[u + 1]) {
                    callStack[callStack.count - 1].nextEdge += 1
                    let v = Int(graph.head[e])
                    if index[v] < 0 {
                        index[v] = nextIndex
                        lowLink[v] = nextIndex
                        nextIndex += 1
                        stack.append(Int32(v))
                        onStack[v] = true
                        callStack.append((Int32(v), Int32(graph.firstOut[v])))
                    } else if onStack[v] {
                        lowLink[u] = min(lowLink[u], index[v])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[u])
                }
                if lowLink[u] == index[u] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        component[Int(w)] = count
                        if Int(w) == u { break }
                    }
                    count += 1
                }
            }
        }
        self.component = component
        self.count = Int(count)
    }

    /// Metres of road in each component: segments whose two ends lie in it.
    /// Segments joining two components belong to none.
    /// - Complexity: O(segments).
    public func roadMeters(in graph: RoadGraph) -> [Double] {
        var meters = [Double](repeating: 0, count: count)
        for s in 0..<graph.segmentCount {
            let c = component[Int(graph.segmentFrom[s])]
            if c == component[Int(graph.segmentTo[s])] { meters[Int(c)] += graph.segmentLength[s] }
        }
        return meters
    }

    /// The component with the most metres of road (ties: the one holding the
    /// lowest node index), or nil for an empty graph.
    /// - Complexity: O(nodes + segments).
    public func largest(in graph: RoadGraph) -> Int? {
        guard count > 0 else { return nil }
        let meters = roadMeters(in: graph)
        var firstNode = [Int](repeating: Int.max, count: count)
        for u in stride(from: graph.nodeCount - 1, through: 0, by: -1) { firstNode[Int(component[u])] = u }
        return (0..<count).max { a, b in
            meters[a] != meters[b] ? meters[a] < meters[b] : firstNode[a] > firstNode[b]
        }
    }
}
