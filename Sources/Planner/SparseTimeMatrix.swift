/// Travel times from sites to demand points, in compressed sparse rows.
///
/// Row `r` lists the demand points a bounded shortest-path search from site `r` reached:
/// `demandIndices[rowStarts[r]..<rowStarts[r + 1]]` (strictly increasing) with the matching
/// `seconds`. A pair that is absent was beyond the search limit (or unreachable).
public struct SparseTimeMatrix: Sendable, Equatable {
    /// Number of demand points (columns).
    public let demandCount: Int
    /// Start of each row in `demandIndices`/`seconds`; `rowCount + 1` entries, the last is the entry count.
    public let rowStarts: [Int]
    /// Demand index of each entry, strictly increasing within a row.
    public let demandIndices: [Int32]
    /// Travel time of each entry, finite and not negative.
    public let seconds: [Float]

    /// Number of sites (rows).
    public var rowCount: Int { rowStarts.count - 1 }
    /// Number of stored (site, demand) pairs.
    public var entryCount: Int { demandIndices.count }

    /// Wraps ready-made CSR arrays after checking them.
    /// - Throws: `PlanningError.invalidMatrix` naming the first bad row.
    /// - Complexity: O(rows + entries).
    public init(demandCount: Int, rowStarts: [Int], demandIndices: [Int32], seconds: [Float]) throws {
        guard demandCount >= 0, demandCount <= Int(Int32.max) else {
            throw PlanningError.invalidParameter(name: "demandCount", reason: "\(demandCount) is outside 0...\(Int32.max)")
        }
        guard let first = rowStarts.first, first == 0 else {
            throw PlanningError.invalidMatrix(row: 0, reason: "rowStarts must start with 0")
        }
        guard demandIndices.count == seconds.count, rowStarts.last == demandIndices.count else {
            throw PlanningError.invalidMatrix(
                row: rowStarts.count - 2,
                reason: "rowStarts ends at \(rowStarts.last ?? 0) but there are \(demandIndices.count) indices and \(seconds.count) times")
        }
        for row in 0..<(rowStarts.count - 1) {
            let start = rowStarts[row]
            let end = rowStarts[row + 1]
            guard start <= end else { throw PlanningError.invalidMatrix(row: row, reason: "rowStarts decreases") }
            var previous: Int32 = -1
            for k in start..<end {
                let demand = demandIndices[k]
                guard demand > previous else {
                    throw PlanningError.invalidMatrix(row: row, reason: "demand index \(demand) is not above the previous \(previous)")
                }
                guard Int(demand) < demandCount else {
                    throw PlanningError.invalidMatrix(row: row, reason: "demand index \(demand) ≥ demand count \(demandCount)")
                }
                guard seconds[k].isFinite, seconds[k] >= 0 else {
                    throw PlanningError.invalidMatrix(
                        row: row, reason: "time \(seconds[k]) for demand \(demand) is not a finite non-negative number")
                }
                previous = demand
            }
        }
        self.demandCount = demandCount
        self.rowStarts = rowStarts
        self.demandIndices = demandIndices
        self.seconds = seconds
    }

    /// Builds the matrix from one list of `(demand, seconds)` per site, in any order;
    /// a demand listed twice in a row keeps its shorter time.
    /// - Throws: `PlanningError.invalidMatrix` for an out-of-range index or a bad time.
    /// - Complexity: O(entries · log(row length)).
    public init(demandCount: Int, rows: [[(demand: Int, seconds: Float)]]) throws {
        var starts = [0]
        starts.reserveCapacity(rows.count + 1)
        var indices: [Int32] = []
        var times: [Float] = []
        for (rowIndex, row) in rows.enumerated() {
            for entry in row where entry.demand < 0 || entry.demand >= demandCount {
                throw PlanningError.invalidMatrix(row: rowIndex, reason: "demand index \(entry.demand) is outside 0..<\(demandCount)")
            }
            let sorted = row.sorted { ($0.demand, $0.seconds) < ($1.demand, $1.seconds) }
            for entry in sorted where indices.count == starts[rowIndex] || indices.last != Int32(entry.demand) {
                indices.append(Int32(entry.demand))
                times.append(entry.seconds)
            }
            starts.append(indices.count)
        }
        try self.init(demandCount: demandCount, rowStarts: starts, demandIndices: indices, seconds: times)
    }

    /// The entry positions of row `row`.
    @inlinable public func entries(ofRow row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }
}
