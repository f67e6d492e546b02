import Testing

@testable import Planner

/// Building and checking the CSR time matrix and the problem around it.
@Suite struct SparseTimeMatrixTests {
    @Test func rowsAreSortedAndDuplicatesKeepTheShorterTime() throws {
        let matrix = try SparseTimeMatrix(demandCount: 3, rows: [[(2, 5), (0, 7), (2, 3)], [], [(1, 1)]])
        #expect(matrix.rowStarts == [0, 2, 2, 3])
        #expect(matrix.demandIndices == [0, 2, 1])
        #expect(matrix.seconds == [7, 3, 1])
    }

    @Test func malformedMatricesAreRejectedWithTheRow() {
        #expect(throws: PlanningError.invalidMatrix(row: 1, reason: "demand index 3 is outside 0..<3")) {
            try SparseTimeMatrix(demandCount: 3, rows: [[(0, 1)], [(3, 1)]])
        }
        #expect(throws: PlanningError.self) {
            try SparseTimeMatrix(demandCount: 3, rowStarts: [0, 2], demandIndices: [1, 1], seconds: [1, 2])
        }
        #expect(throws: PlanningError.self) {
            try SparseTimeMatrix(demandCount: 3, rowStarts: [0, 1], demandIndices: [0], seconds: [-.infinity])
        }
        #expect(throws: PlanningError.self) {
            try SparseTimeMatrix(demandCount: 3, rowStarts: [0, 2], demandIndices: [0], seconds: [1])
        }
    }

    @Test func problemChecksCountsWeightsAndLimits() throws {
        let matrix = try SparseTimeMatrix(demandCount: 2, rows: [[(0, 1)], [(1, 2)]])
        #expect(throws: PlanningError.self) {
            try PlanningProblem(
                demandWeights: [1, 1], existingSiteCount: 1, candidateCount: 2, times: matrix, coverageLimit: 5, unreachedPenalty: 9)
        }
        #expect(throws: PlanningError.invalidWeight(demand: 1, weight: -1)) {
            try PlanningProblem(
                demandWeights: [1, -1], existingSiteCount: 1, candidateCount: 1, times: matrix, coverageLimit: 5, unreachedPenalty: 9)
        }
        #expect(throws: PlanningError.self) {
            try PlanningProblem(
                demandWeights: [1, 1], existingSiteCount: 1, candidateCount: 1, times: matrix, coverageLimit: .nan, unreachedPenalty: 9)
        }
        #expect(throws: PlanningError.self) {
            try PlanningProblem(
                demandWeights: [1, 1], existingSiteCount: 1, candidateCount: 1, times: matrix, coverageLimit: 5, unreachedPenalty: .infinity
            )
        }
        let problem = try PlanningProblem(
            demandWeights: [1, 4], existingSiteCount: 1, candidateCount: 1, times: matrix, coverageLimit: 1.5, unreachedPenalty: 9)
        #expect(problem.coverableWeight == 1)
        #expect(problem.totalWeight == 5)
    }
}
