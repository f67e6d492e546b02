/// Why a planning problem could not be built or solved.
///
/// Every case says what is wrong and what to do; the CLI prints `description` as one line.
public enum PlanningError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The sparse time matrix is malformed (a row, an index or a time is wrong).
    case invalidMatrix(row: Int, reason: String)
    /// A demand weight is negative, NaN or infinite.
    case invalidWeight(demand: Int, weight: Double)
    /// A problem-level parameter (counts, limits, penalty) is out of range.
    case invalidParameter(name: String, reason: String)
    /// CBC failed: it could not be created, abandoned the search or found the model infeasible.
    case solverFailed(operation: String, message: String)

    public var description: String {
        switch self {
        case .invalidMatrix(let row, let reason):
            return
                "time matrix row \(row): \(reason); rebuild the matrix with sorted, unique, in-range demand indices and finite non-negative times"
        case .invalidWeight(let demand, let weight):
            return "demand \(demand) has weight \(weight); weights must be finite and not negative"
        case .invalidParameter(let name, let reason):
            return "\(name): \(reason)"
        case .solverFailed(let operation, let message):
            return "CBC \(operation): \(message)"
        }
    }
}
