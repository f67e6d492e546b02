import CCbc

/// What a CBC run produced.
struct CbcOutcome {
    /// Best integer solution CBC holds (including an accepted warm start), nil when it has none.
    var solution: [Double]?
    /// CBC's proven lower bound on the objective (offset included).
    var bestBound: Double
    /// Whether CBC proved the solution optimal.
    var provenOptimal: Bool
}

/// A CBC model (`Cbc_Model*`) owned for its lifetime; deleted in `deinit`.
/// Not thread-safe; one model per solve.
final class CbcModel {
    private let handle: UnsafeMutableRawPointer
    private let program: MixedIntegerProgram

    /// Loads the CBC library (once per process; `CCbc` opens it with `dlopen` on first use).
    /// - Throws: `PlanningError.solverFailed(operation: "load", ...)` naming the library and the package.
    static func loadLibrary() throws {
        var message = [CChar](repeating: 0, count: 1024)
        guard nx_cbc_load(&message, message.count) == 0 else { return }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw PlanningError.solverFailed(operation: "load", message: text)
    }

    /// Creates a model holding `program`, silent, with an optional time limit.
    /// - Throws: `PlanningError.solverFailed` when CBC cannot be loaded (it is loaded with `dlopen`
    ///   on first use; the message names the library and the package to install) or cannot create a model.
    init(_ program: MixedIntegerProgram, timeLimitSeconds: Double?) throws {
        try Self.loadLibrary()
        guard let handle = nx_Cbc_newModel() else {
            throw PlanningError.solverFailed(operation: "Cbc_newModel", message: "could not create a model (out of memory?)")
        }
        self.handle = handle
        self.program = program
        let starts = program.closedColumnStarts
        let rowLower = program.rowLower.map { $0 == -.infinity ? -Double.greatestFiniteMagnitude : $0 }
        let rowUpper = program.rowUpper.map { $0 == .infinity ? Double.greatestFiniteMagnitude : $0 }
        nx_Cbc_loadProblem(
            handle, Int32(program.columnCount), Int32(program.rowCount), starts, program.rowIndices, program.values,
            program.columnLower, program.columnUpper, program.objective, rowLower, rowUpper)
        guard nx_Cbc_getNumCols(handle) == Int32(program.columnCount), nx_Cbc_getNumRows(handle) == Int32(program.rowCount) else {
            throw PlanningError.solverFailed(
                operation: "Cbc_loadProblem",
                message:
                    "model has \(nx_Cbc_getNumCols(handle)) columns and \(nx_Cbc_getNumRows(handle)) rows, expected \(program.columnCount) and \(program.rowCount)"
            )
        }
        for column in program.integerColumns { nx_Cbc_setInteger(handle, column) }
        nx_Cbc_setParameter(handle, "log", "0")
        nx_Cbc_setParameter(handle, "timeMode", "elapsed")
        if let limit = timeLimitSeconds { nx_Cbc_setParameter(handle, "seconds", String(limit)) }
    }

    deinit { nx_Cbc_deleteModel(handle) }

    /// Gives CBC a feasible solution to start from: the integer columns' values (continuous ones are derived).
    func setStart(columns: [Int32], values: [Double]) {
        nx_Cbc_setMIPStartI(handle, Int32(columns.count), columns, values)
    }

    /// Runs branch and cut.
    /// - Throws: `PlanningError.solverFailed` when CBC abandons the search or declares the model infeasible.
    func solve() throws -> CbcOutcome {
        let status = nx_Cbc_solve(handle)
        if nx_Cbc_isAbandoned(handle) != 0 || status == 2 {
            throw PlanningError.solverFailed(
                operation: "Cbc_solve", message: "search abandoned on numerical difficulties (status \(status)); try the heuristic")
        }
        if nx_Cbc_isProvenInfeasible(handle) != 0 {
            throw PlanningError.solverFailed(
                operation: "Cbc_solve", message: "model reported infeasible; this is a planner bug, please report the instance")
        }
        var solution: [Double]? = nil
        if let best = nx_Cbc_bestSolution(handle) {
            solution = Array(UnsafeBufferPointer(start: best, count: program.columnCount))
        }
        return CbcOutcome(
            solution: solution,
            bestBound: nx_Cbc_getBestPossibleObjValue(handle) + program.objectiveOffset,
            provenOptimal: nx_Cbc_isProvenOptimal(handle) != 0)
    }
}
