/// MIP formulations over a `CostModel`. Column `c` is always the binary "open candidate c" variable
/// (y_c), so the first `candidateCount` solution values are the site choice.
/// Only demands with at least one useful candidate pair get variables and rows.
enum ExactFormulations {
    /// MCLP on a coverage model: minimise uncovered weight with at most `maxOpen` new sites.
    /// `z_d ≤ Σ_{c covers d} y_c`, `0 ≤ z_d ≤ 1`, `Σ y ≤ maxOpen`; objective `Σ base − Σ base_d z_d`.
    /// - Complexity: O(pairs) entries.
    static func maximalCovering(_ model: CostModel, maxOpen: Int) -> MixedIntegerProgram {
        var mip = MixedIntegerProgram()
        let demandRow = coverRows(model, into: &mip, lower: -.infinity, upper: 0)
        let cardinality = mip.addRow(upper: Double(maxOpen))
        for candidate in 0..<model.candidateCount {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 0, isInteger: true)
            for k in model.candidateStarts[candidate]..<model.candidateStarts[candidate + 1] {
                mip.addEntry(row: demandRow[Int(model.candidateDemands[k])], value: -1)
            }
            mip.addEntry(row: cardinality, value: 1)
        }
        for demand in 0..<model.demandCount where demandRow[demand] >= 0 {
            _ = mip.addColumn(lower: 0, upper: 1, cost: -model.baseCost[demand], isInteger: false)
            mip.addEntry(row: demandRow[demand], value: 1)
        }
        mip.objectiveOffset = model.totalBaseCost
        return mip
    }

    /// p-median on a mean-time model (assignment formulation restricted to the sparse pairs):
    /// `Σ_c x_dc ≤ 1` (the rest is the unassigned slack at base cost), `x_dc ≤ y_c`, `Σ y ≤ maxOpen`;
    /// objective `Σ base + Σ (cost_dc − base_d) x_dc`.
    /// - Complexity: O(pairs) rows and columns.
    static func pMedian(_ model: CostModel, maxOpen: Int) -> MixedIntegerProgram {
        var mip = MixedIntegerProgram()
        let demandRow = coverRows(model, into: &mip, lower: -.infinity, upper: 1)
        let pairCount = model.demandCandidates.count
        let firstPairRow = Int32(mip.rowCount)
        for _ in 0..<pairCount { _ = mip.addRow(upper: 0) }
        let cardinality = mip.addRow(upper: Double(maxOpen))
        for candidate in 0..<model.candidateCount {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 0, isInteger: true)
            for k in model.candidateStarts[candidate]..<model.candidateStarts[candidate + 1] {
                mip.addEntry(row: firstPairRow + Int32(model.candidatePairPosition[k]), value: -1)
            }
            mip.addEntry(row: cardinality, value: 1)
        }
        for demand in 0..<model.demandCount {
            for pair in model.demandStarts[demand]..<model.demandStarts[demand + 1] {
                _ = mip.addColumn(lower: 0, upper: 1, cost: model.demandCosts[pair] - model.baseCost[demand], isInteger: false)
                mip.addEntry(row: demandRow[demand], value: 1)
                mip.addEntry(row: firstPairRow + Int32(pair), value: 1)
            }
        }
        mip.objectiveOffset = model.totalBaseCost
        return mip
    }

    /// LSCP on a coverage model, full cover: minimise `Σ y` with `Σ_{c covers d} y_c ≥ 1` for every
    /// demand a candidate can newly cover.
    /// - Complexity: O(pairs) entries.
    static func setCover(_ model: CostModel) -> MixedIntegerProgram {
        var mip = MixedIntegerProgram()
        let demandRow = coverRows(model, into: &mip, lower: 1, upper: .infinity)
        for candidate in 0..<model.candidateCount {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 1, isInteger: true)
            for k in model.candidateStarts[candidate]..<model.candidateStarts[candidate + 1] {
                mip.addEntry(row: demandRow[Int(model.candidateDemands[k])], value: 1)
            }
        }
        return mip
    }

    /// LSCP on a coverage model, partial cover: minimise `Σ y` with `z_d ≤ Σ_{c covers d} y_c`,
    /// `0 ≤ z_d ≤ 1` and `Σ base_d z_d ≥ requiredWeight` (the weight the new sites must add).
    /// - Complexity: O(pairs) entries.
    static func partialCover(_ model: CostModel, requiredWeight: Double) -> MixedIntegerProgram {
        var mip = MixedIntegerProgram()
        let demandRow = coverRows(model, into: &mip, lower: -.infinity, upper: 0)
        let weightRow = mip.addRow(lower: requiredWeight)
        for candidate in 0..<model.candidateCount {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 1, isInteger: true)
            for k in model.candidateStarts[candidate]..<model.candidateStarts[candidate + 1] {
                mip.addEntry(row: demandRow[Int(model.candidateDemands[k])], value: -1)
            }
        }
        for demand in 0..<model.demandCount where demandRow[demand] >= 0 {
            _ = mip.addColumn(lower: 0, upper: 1, cost: 0, isInteger: false)
            mip.addEntry(row: demandRow[demand], value: 1)
            mip.addEntry(row: weightRow, value: model.baseCost[demand])
        }
        return mip
    }

    /// Declares one row per demand with useful pairs; returns each demand's row (−1 when it has none).
    private static func coverRows(_ model: CostModel, into mip: inout MixedIntegerProgram, lower: Double, upper: Double) -> [Int32] {
        var rowOf = [Int32](repeating: -1, count: model.demandCount)
        for demand in 0..<model.demandCount where model.demandStarts[demand + 1] > model.demandStarts[demand] {
            rowOf[demand] = mip.addRow(lower: lower, upper: upper)
        }
        return rowOf
    }
}
