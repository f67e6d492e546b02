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

    /// Creates a model holding `program`, silent, with an optional time limit.
    /// - Throws: `PlanningError.solverFailed` when CBC cannot create a model.
    init(_ program: MixedIntegerProgram, timeLimitSeconds: Double?) throws {
        guard let handle = Cbc_newModel() else {
            throw PlanningError.solverFailed(operation: "Cbc_newModel", message: "could not create a model (out of memory?)")
        }
        self.handle = handle
        self.program = program
        let starts = program.closedColumnStarts
        let rowLower = program.rowLower.map { $0 == -.infinity ? -Double.greatestFiniteMagnitude : $0 }
        let rowUpper = program.rowUpper.map { $0 == .infinity ? Double.greatestFiniteMagnitude : $0 }
        Cbc_loadProblem(
            handle, Int32(program.columnCount), Int32(program.rowCount), starts, program.rowIndices, program.values,
            program.columnLower, program.columnUpper, program.objective, rowLower, rowUpper)
        guard Cbc_getNumCols(handle) == Int32(program.columnCount), Cbc_getNumRows(handle) == Int32(program.rowCount) else {
            throw PlanningError.solverFailed(
                operation: "Cbc_loadProblem",
                message:
                    "model has \(Cbc_getNumCols(handle)) columns and \(Cbc_getNumRows(handle)) rows, expected \(program.columnCount) and \(program.rowCount)"
            )
        }
        for column in program.integerColumns { Cbc_setInteger(handle, column) }
        Cbc_setParameter(handle, "log", "0")
        Cbc_setParameter(handle, "timeMode", "elapsed")
        if let limit = timeLimitSeconds { Cbc_setParameter(handle, "seconds", String(limit)) }
    }

    deinit { Cbc_deleteModel(handle) }

    /// Gives CBC a feasible solution to start from: the integer columns' values (continuous ones are derived).
    func setStart(columns: [Int32], values: [Double]) {
        Cbc_setMIPStartI(handle, Int32(columns.count), columns, values)
    }

    /// Runs branch and cut.
    /// - Throws: `PlanningError.solverFailed` when CBC abandons the search or declares the model infeasible.
    func solve() throws -> CbcOutcome {
        let status = Cbc_solve(handle)
        if Cbc_isAbandoned(handle) != 0 || status == 2 {
            throw PlanningError.solverFailed(
                operation: "Cbc_solve", message: "search abandoned on numerical difficulties (status \(status)); try the heuristic")
        }
        if Cbc_isProvenInfeasible(handle) != 0 {
            throw PlanningError.solverFailed(
                operation: "Cbc_solve", message: "model reported infeasible; this is a planner bug, please report the instance")
        }
        var solution: [Double]? = nil
        if let best = Cbc_bestSolution(handle) {
            solution = Array(UnsafeBufferPointer(start: best, count: program.columnCount))
        }
        return CbcOutcome(
            solution: solution,
            bestBound: Cbc_getBestPossibleObjValue(handle) + program.objectiveOffset,
            provenOptimal: Cbc_isProvenOptimal(handle) != 0)
    }
}
