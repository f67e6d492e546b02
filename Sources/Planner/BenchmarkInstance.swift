/// A location benchmark without a road network: every point is a demand (with its weight) and a
/// candidate site, there are no existing stations, and distances come from a graph or the plane.
public struct BenchmarkInstance: Sendable {
    /// Where the point-to-point distances come from.
    enum Distances: Sendable {
        /// Dense row-major all-pairs matrix (`.infinity` when unreachable).
        case matrix([Double])
        /// Planar coordinates; distance is euclidean.
        case plane(x: [Double], y: [Double])
    }

    /// Point ids as written in the file (OR-Library: vertex numbers `1…n`).
    public let ids: [String]
    /// Whether every id is an integer (then reports sort and print them as numbers).
    public let idsAreIntegers: Bool
    /// Demand weight of each point.
    public let weights: [Double]
    /// The number of facilities the file asks for (OR-Library header `p`), if any.
    public let fileSiteCount: Int?
    let distances: Distances

    /// Number of points.
    public var pointCount: Int { ids.count }

    /// Distance from point `a` to point `b` (`.infinity` when unreachable).
    public func distance(_ a: Int, _ b: Int) -> Double {
        switch distances {
        case .matrix(let d): return d[a * pointCount + b]
        case .plane(let x, let y): return ((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b])).squareRoot()
        }
    }

    /// The planning problem: every point a demand and a candidate, no existing stations; a row keeps the
    /// points within `searchLimit` (pass `.infinity` for p-median so every reachable pair is kept).
    ///
    /// Unreached penalty: the largest distance kept in the matrix plus 1, so a demand that no open site
    /// reaches (another component of the graph, or beyond the search limit) counts as farther than any
    /// reached one. In a connected instance with an unbounded search it never applies.
    /// - Throws: `PlanningError` when a limit is negative or NaN.
    /// - Complexity: O(n²) time; O(kept pairs) memory (n² for an unbounded search).
    public func planningProblem(searchLimit: Double, coverageLimit: Double) throws -> PlanningProblem {
        guard searchLimit >= 0 else {
            throw PlanningError.invalidParameter(name: "searchLimit", reason: "\(searchLimit) must be ≥ 0")
        }
        let n = pointCount
        var starts = [0]
        starts.reserveCapacity(n + 1)
        var demands: [Int32] = []
        var seconds: [Float] = []
        var largest: Float = 0
        for site in 0..<n {
            for demand in 0..<n {
                let d = distance(site, demand)
                guard d.isFinite, d <= searchLimit else { continue }
                demands.append(Int32(demand))
                seconds.append(Float(d))
                largest = max(largest, Float(d))
            }
            starts.append(demands.count)
        }
        let matrix = try SparseTimeMatrix(demandCount: n, rowStarts: starts, demandIndices: demands, seconds: seconds)
        return try PlanningProblem(
            demandWeights: weights, existingSiteCount: 0, candidateCount: n, times: matrix,
            coverageLimit: Float(coverageLimit), unreachedPenalty: largest + 1)
    }
}
