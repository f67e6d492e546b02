import CCbc

/// A minimisation MIP in the column-major layout `Cbc_loadProblem` takes.
/// Rows are declared first; each column is appended with its entries (rows ascending).
struct MixedIntegerProgram {
    private(set) var rowLower: [Double] = []
    private(set) var rowUpper: [Double] = []
    private(set) var columnStarts: [CoinBigIndex] = []
    private(set) var rowIndices: [Int32] = []
    private(set) var values: [Double] = []
    private(set) var columnLower: [Double] = []
    private(set) var columnUpper: [Double] = []
    private(set) var objective: [Double] = []
    private(set) var integerColumns: [Int32] = []
    /// Constant added to the objective (CBC does not see it).
    var objectiveOffset = 0.0

    var rowCount: Int { rowLower.count }
    var columnCount: Int { columnLower.count }

    /// Declares a row `lower ≤ a·x ≤ upper` and returns its index.
    mutating func addRow(lower: Double = -.infinity, upper: Double = .infinity) -> Int32 {
        rowLower.append(lower)
        rowUpper.append(upper)
        return Int32(rowLower.count - 1)
    }

    /// Starts a column; its entries follow through `addEntry`. Returns its index.
    mutating func addColumn(lower: Double, upper: Double, cost: Double, isInteger: Bool) -> Int32 {
        let column = Int32(columnLower.count)
        columnStarts.append(CoinBigIndex(rowIndices.count))
        columnLower.append(lower)
        columnUpper.append(upper)
        objective.append(cost)
        if isInteger { integerColumns.append(column) }
        return column
    }

    /// Adds coefficient `value` in row `row` to the last column.
    mutating func addEntry(row: Int32, value: Double) {
        rowIndices.append(row)
        values.append(value)
    }

    /// Column starts with the closing entry count, as `Cbc_loadProblem` wants.
    var closedColumnStarts: [CoinBigIndex] { columnStarts + [CoinBigIndex(rowIndices.count)] }
}
