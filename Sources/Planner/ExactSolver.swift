import Foundation

/// Runs a formulation through CBC, warm-started, and reads back the site choice.
enum ExactSolver {
    /// The sites CBC chose and what it proved.
    struct Outcome {
        /// Open candidates (ascending), nil when CBC holds no integer solution.
        var open: [Int]?
        /// Proven lower bound on the MIP objective (offset included).
        var bound: Double
        /// Whether CBC proved optimality.
        var provenOptimal: Bool
    }

    /// CBC's solver driver (`CbcMain1`, behind `Cbc_solve`) keeps global state, so concurrent solves
    /// corrupt each other; every solve in the process takes this lock.
    private static let cbcLock = NSLock()

    /// Solves `program` (columns `0..<candidateCount` are the site variables) starting from `warmStart`.
    /// Serialised process-wide (see `cbcLock`).
    /// - Throws: `PlanningError.solverFailed` from CBC.
    static func solve(_ program: MixedIntegerProgram, candidateCount: Int, warmStart: [Int], timeLimitSeconds: Double?) throws -> Outcome {
        cbcLock.lock()
        defer { cbcLock.unlock() }
        let model = try CbcModel(program, timeLimitSeconds: timeLimitSeconds)
        var startValues = [Double](repeating: 0, count: candidateCount)
        for candidate in warmStart { startValues[candidate] = 1 }
        model.setStart(columns: (0..<Int32(candidateCount)).map { $0 }, values: startValues)
        let outcome = try model.solve()
        let open = outcome.solution.map { values in (0..<candidateCount).filter { values[$0] > 0.5 } }
        return Outcome(open: open, bound: outcome.bestBound, provenOptimal: outcome.provenOptimal)
    }
}
