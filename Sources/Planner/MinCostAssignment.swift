import HeapModule

/// The assignment of demand weight to a fixed set of open sites with capacities, at least cost: the
/// transportation subproblem of the capacitated MCLP (Current & Storbeck 1988) and of the capacitated
/// p-median (Mulvey & Beck 1984), solved as a min-cost flow.
///
/// **Network.** Demand `d` supplies its weight `w_d`; it may send any part of it to an open site `r` it
/// reaches (pair `p = (d, r)`, cost `c_p` seconds per unit of weight, no bound), or leave it
/// unassigned at `unassignedCost` seconds per unit. Site `r` takes at most `cap_r`. The solution
/// minimises `Σ w·c` over assigned weight plus `unassignedCost ×` the unassigned weight; demand may be
/// split across sites (the LP assignment of both models, which keeps it a transportation problem).
///
/// - Capacitated coverage: pairs within T, `c_p` = riding seconds and `unassignedCost` larger than any
///   path of alternating pairs can cost (`2 (max c + 1)(min(D, R) + 1)`), so the flow first assigns as
///   much weight as possible (a maximum flow) and then, among those, least weight × seconds: an
///   uncapacitated site takes its nearest-station load and a full one spills over to the next nearest.
/// - Capacitated p-median: every stored pair faster than the unreached penalty P, `unassignedCost = P`,
///   so each unit pays `min(P, seconds)` as in the uncapacitated p-median.
///
/// Ties between sites at equal time go to the lower row: every pair costs `c_p + 10⁻⁶ s × row / rows`,
/// below the resolution of the stored times (`Float` seconds).
///
/// **Algorithm.** Successive shortest paths from one demand at a time (the Hungarian scheme for
/// transportation problems, Ahuja, Magnanti & Orlin 1993 §9.7): Dijkstra on reduced costs with node
/// potentials from the demand to the sink, augmenting along the path (through reverse pairs, which move
/// other demands to their next site), until the demand's weight is placed. Each path is a shortest one,
/// so the flow stays of least cost for the weight placed so far; a path reaching the sink through the
/// "unassigned" arc leaves the rest unassigned. Closing a site returns its flow to its demands and
/// routes them again (the remaining flow stays optimal: closing only removes arcs).
struct MinCostAssignment {
    /// Demand-major pairs: demand `d` owns `demandStarts[d]..<demandStarts[d + 1]`.
    let demandStarts: [Int]
    let pairRow: [Int32]
    let pairDemand: [Int32]
    /// Cost per unit of weight of each pair (seconds plus the row tie-break).
    let pairCost: [Double]
    /// Riding seconds of each pair (without the tie-break), for reporting.
    let pairSeconds: [Float]
    /// Row-major index of the pairs: row `r` owns `rowPairs[rowStarts[r]..<rowStarts[r + 1]]`.
    let rowStarts: [Int]
    let rowPairs: [Int32]
    let weights: [Double]
    let capacity: [Double]
    /// Seconds charged per unit of weight left unassigned.
    let unassignedCost: Double
    let tolerance: Double
    private(set) var isOpen: [Bool]
    /// Weight of each pair's demand assigned to its row.
    private(set) var flow: [Double]
    /// Weight of each demand assigned to some site.
    private(set) var assigned: [Double]
    /// Weight of each demand left unassigned by a shortest path (the rest of `w_d − assigned` is not routed yet).
    private(set) var dropped: [Double]
    /// Weight assigned to each row.
    private(set) var load: [Double]
    /// Node potentials: demands, then rows (the sink's is 0).
    private var potential: [Double]
    // Search scratch, reused between paths.
    private var distance: [Double]
    private var parent: [Int32]
    private var touched: [Int32]
    private var settled: [Bool]

    /// Which pairs of a problem take part.
    enum Pairs {
        /// Pairs within the coverage limit; unassigned weight costs more than any assignment (maximum flow first).
        case coverage
        /// Pairs faster than the unreached penalty; unassigned weight costs the penalty (p-median).
        case meanTime
    }

    /// The pairs of `problem` for `kind`, no site open.
    /// - Complexity: O(entries).
    init(problem: PlanningProblem, capacities: SiteCapacities, kind: Pairs) {
        let times = problem.times
        let rows = times.rowCount
        let limit = kind == .coverage ? problem.coverageLimit : problem.unreachedPenalty
        func useful(_ k: Int) -> Bool {
            let s = times.seconds[k]
            return (kind == .coverage ? s <= limit : s < limit) && problem.demandWeights[Int(times.demandIndices[k])] > 0
        }
        var perDemand = [Int](repeating: 0, count: problem.demandCount)
        var rowStarts = [0]
        rowStarts.reserveCapacity(rows + 1)
        var maxSeconds: Float = 0
        for row in 0..<rows {
            var count = 0
            for k in times.entries(ofRow: row) where useful(k) {
                perDemand[Int(times.demandIndices[k])] += 1
                maxSeconds = max(maxSeconds, times.seconds[k])
                count += 1
            }
            rowStarts.append(rowStarts[row] + count)
        }
        var demandStarts = [Int](repeating: 0, count: problem.demandCount + 1)
        for d in 0..<problem.demandCount { demandStarts[d + 1] = demandStarts[d] + perDemand[d] }
        var fill = Array(demandStarts.dropLast())
        let pairCount = demandStarts.last!
        var pairRow = [Int32](repeating: 0, count: pairCount)
        var pairDemand = [Int32](repeating: 0, count: pairCount)
        var pairCost = [Double](repeating: 0, count: pairCount)
        var pairSeconds = [Float](repeating: 0, count: pairCount)
        var rowPairs = [Int32](repeating: 0, count: pairCount)
        var rowFill = 0
        let tie = 1e-6 / Double(max(1, rows))
        for row in 0..<rows {
            for k in times.entries(ofRow: row) where useful(k) {
                let d = Int(times.demandIndices[k])
                let p = fill[d]
                fill[d] += 1
                pairRow[p] = Int32(row)
                pairDemand[p] = Int32(d)
                pairSeconds[p] = times.seconds[k]
                pairCost[p] = Double(times.seconds[k]) + tie * Double(row)
                rowPairs[rowFill] = Int32(p)
                rowFill += 1
            }
        }
        self.demandStarts = demandStarts
        self.pairRow = pairRow
        self.pairDemand = pairDemand
        self.pairCost = pairCost
        self.pairSeconds = pairSeconds
        self.rowStarts = rowStarts
        self.rowPairs = rowPairs
        weights = problem.demandWeights
        capacity = (0..<rows).map { capacities.capacity(ofRow: $0, existingSiteCount: problem.existingSiteCount) }
        switch kind {
        case .coverage:
            unassignedCost = 2 * (Double(maxSeconds) + 1) * Double(min(problem.demandCount, rows) + 1)
        case .meanTime:
            unassignedCost = Double(problem.unreachedPenalty)
        }
        tolerance = 1e-9 * max(1, problem.totalWeight)
        isOpen = [Bool](repeating: false, count: rows)
        flow = [Double](repeating: 0, count: pairCount)
        assigned = [Double](repeating: 0, count: problem.demandCount)
        dropped = [Double](repeating: 0, count: problem.demandCount)
        load = [Double](repeating: 0, count: rows)
        let nodes = problem.demandCount + rows + 1
        potential = [Double](repeating: 0, count: nodes - 1)
        distance = [Double](repeating: .infinity, count: nodes)
        parent = [Int32](repeating: -1, count: nodes)
        touched = []
        settled = [Bool](repeating: false, count: nodes)
    }

    /// Total assigned weight.
    var assignedWeight: Double { assigned.reduce(0, +) }

    /// Σ weight × seconds over the assigned weight (true seconds, without the tie-break).
    var assignedWeightedSeconds: Double {
        var sum = 0.0
        for p in 0..<flow.count where flow[p] != 0 { sum += flow[p] * Double(pairSeconds[p]) }
        return sum
    }

    /// The p-median objective: weighted seconds of the assigned weight plus the unassigned weight at
    /// `unassignedCost` (meaningful for `.meanTime` pairs).
    var totalCost: Double {
        var unassigned = 0.0
        for d in 0..<weights.count { unassigned += weights[d] - assigned[d] }
        return assignedWeightedSeconds + unassignedCost * unassigned
    }

    /// A feasible dual of the transportation problem from the node potentials (LP duality, so
    /// `dualValue ≤ totalCost`): site prices `v_r = max(0, −π_r)` (0 without a capacity) and demand
    /// prices `u_d = min(unassignedCost, min over open r of seconds_dr + v_r)`.
    func duals() -> (demand: [Double], site: [Double], value: Double) {
        let demandCount = weights.count
        var v = [Double](repeating: 0, count: capacity.count)
        var value = 0.0
        for r in 0..<capacity.count where isOpen[r] && capacity[r].isFinite {
            v[r] = max(0, -potential[demandCount + r])
            value -= capacity[r] * v[r]
        }
        var u = [Double](repeating: unassignedCost, count: demandCount)
        for d in 0..<demandCount {
            for p in demandStarts[d]..<demandStarts[d + 1] where isOpen[Int(pairRow[p])] {
                u[d] = min(u[d], Double(pairSeconds[p]) + v[Int(pairRow[p])])
            }
            value += weights[d] * u[d]
        }
        return (u, v, value)
    }

    /// The most that opening `row` can lower the cost below the dual value of `duals` (demand prices
    /// `u`): `min over θ ≥ 0 of Σ_d w_d (u_d − seconds_d,row − θ)⁺ + cap_row θ` (the dual stays feasible
    /// with `v_row = θ`), so `cost(with row) ≥ dual value − this`.
    func savingBound(opening row: Int, prices u: [Double]) -> Double {
        var gains: [(delta: Double, weight: Double)] = []
        for k in rowStarts[row]..<rowStarts[row + 1] {
            let p = Int(rowPairs[k])
            let d = Int(pairDemand[p])
            let delta = u[d] - Double(pairSeconds[p])
            if delta > 0 { gains.append((delta, weights[d])) }
        }
        gains.sort { $0.delta > $1.delta }
        var theta = 0.0
        var cumulative = 0.0
        for gain in gains {
            if cumulative + gain.weight >= capacity[row] {
                theta = gain.delta
                break
            }
            cumulative += gain.weight
        }
        var bound = capacity[row].isFinite ? capacity[row] * theta : 0
        for gain in gains where gain.delta > theta { bound += gain.weight * (gain.delta - theta) }
        return bound
    }

    /// Opens `rows` (before any weight is routed, or again after closes) and routes every demand's
    /// unplaced weight. Opening a site after weight was placed would need the flow re-optimised; this
    /// type routes from scratch instead (`precondition`).
    mutating func open(_ rows: [Int]) {
        precondition(flow.allSatisfy { $0 == 0 } && dropped.allSatisfy { $0 == 0 }, "open sites before routing")
        for row in rows { isOpen[row] = true }
        for d in 0..<weights.count { route(d) }
    }

    /// Closes `row`: its flow goes back to its demands, which are routed again.
    mutating func close(_ row: Int) {
        guard isOpen[row] else { return }
        isOpen[row] = false
        var returned: [Int] = []
        for k in rowStarts[row]..<rowStarts[row + 1] {
            let p = Int(rowPairs[k])
            guard flow[p] != 0 else { continue }
            let d = Int(pairDemand[p])
            assigned[d] -= flow[p]
            flow[p] = 0
            returned.append(d)
        }
        load[row] = 0
        for d in returned { route(d) }
    }

    private struct Label: Comparable {
        var distance: Double
        var node: Int32
        static func < (a: Label, b: Label) -> Bool { (a.distance, a.node) < (b.distance, b.node) }
    }

    /// Routes the unplaced weight of demand `source` along shortest residual paths.
    private mutating func route(_ source: Int) {
        let demandCount = weights.count
        let sink = demandCount + capacity.count
        while weights[source] - assigned[source] - dropped[source] > tolerance {
            for node in touched {
                distance[Int(node)] = .infinity
                settled[Int(node)] = false
                parent[Int(node)] = -1
            }
            touched.removeAll(keepingCapacity: true)
            var heap = Heap<Label>()
            func relax(_ node: Int, _ value: Double, from: Int32) {
                if distance[node] == .infinity { touched.append(Int32(node)) }
                if value < distance[node] {
                    distance[node] = value
                    parent[node] = from
                    heap.insert(Label(distance: value, node: Int32(node)))
                }
            }
            relax(source, 0, from: -1)
            var reachedSink = false
            while let top = heap.popMin() {
                let u = Int(top.node)
                guard !settled[u], top.distance == distance[u] else { continue }
                settled[u] = true
                if u == sink {
                    reachedSink = true
                    break
                }
                let du = distance[u]
                if u < demandCount {
                    let pu = potential[u]
                    for p in demandStarts[u]..<demandStarts[u + 1] {
                        let r = Int(pairRow[p])
                        guard isOpen[r] else { continue }
                        relax(demandCount + r, du + max(0, pairCost[p] + pu - potential[demandCount + r]), from: Int32(p))
                    }
                    relax(sink, du + max(0, unassignedCost + pu), from: Int32(-2 - u))
                } else {
                    let r = u - demandCount
                    let pr = potential[u]
                    if capacity[r] - load[r] > tolerance { relax(sink, du + max(0, pr), from: Int32(-2 - u)) }
                    for k in rowStarts[r]..<rowStarts[r + 1] {
                        let p = Int(rowPairs[k])
                        guard flow[p] > tolerance else { continue }
                        let d = Int(pairDemand[p])
                        guard !settled[d] else { continue }
                        relax(d, du + max(0, -pairCost[p] + pr - potential[d]), from: Int32(p))
                    }
                }
            }
            precondition(reachedSink, "the unassigned arc always reaches the sink")
            let total = distance[sink]
            for node in touched where Int(node) != sink && settled[Int(node)] {
                potential[Int(node)] += distance[Int(node)] - total
            }
            // Walk back: sink ← last (row or demand) ← … ← source.
            let last = -2 - Int(parent[sink])
            var delta = weights[source] - assigned[source] - dropped[source]
            if last >= demandCount { delta = min(delta, capacity[last - demandCount] - load[last - demandCount]) }
            var node = last
            while node != source {
                let p = Int(parent[node])
                if node >= demandCount {
                    node = Int(pairDemand[p])  // forward pair d → r
                } else {
                    delta = min(delta, flow[p])  // reverse pair r → d
                    node = demandCount + Int(pairRow[p])
                }
            }
            if last >= demandCount {
                load[last - demandCount] += delta
            } else {
                dropped[last] += delta  // its assigned weight (if not the source) drops in the walk below
            }
            node = last
            while node != source {
                let p = Int(parent[node])
                if node >= demandCount {
                    flow[p] += delta
                    node = Int(pairDemand[p])
                    assigned[node] += delta
                } else {
                    flow[p] -= delta
                    assigned[node] -= delta
                    node = demandCount + Int(pairRow[p])
                }
            }
        }
    }
}
