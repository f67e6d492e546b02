import Testing

@testable import Planner

/// OR-Library and points-CSV readers: values and typed errors with line numbers.
@Suite struct InstanceParserTests {
    func orlibError(_ text: String) -> InstanceParseError? {
        do {
            _ = try BenchmarkInstance.parseORLibPMedian(text, file: "t.txt")
            return nil
        } catch {
            return error as? InstanceParseError
        }
    }

    func csvError(_ text: String) -> InstanceParseError? {
        do {
            _ = try BenchmarkInstance.parsePointsCSV(text, file: "p.csv")
            return nil
        } catch {
            return error as? InstanceParseError
        }
    }

    @Test func orlibHeaderErrors() {
        #expect(orlibError("4 3\n1 2 3\n")?.kind == .badHeader)
        #expect(orlibError("\n\n4 x 2\n")?.line == 3)
        #expect(orlibError("4 3 5\n")?.kind == .badHeader)  // p > n
        #expect(orlibError("")?.kind == .empty)
    }

    @Test func orlibEdgeErrorsCarryTheLine() {
        let zero = orlibError("4 2 1\n1 2 3\n0 2 4\n")
        #expect(zero?.kind == .vertexOutOfRange && zero?.line == 3 && zero?.file == "t.txt")
        let tooBig = orlibError("4 2 1\n1 5 3\n2 3 4\n")
        #expect(tooBig?.kind == .vertexOutOfRange && tooBig?.line == 2)
        #expect(tooBig?.description.hasPrefix("t.txt:2: vertex 5 is outside 1…4") == true)
        #expect(orlibError("4 2 1\n1 2 -3\n2 3 4\n")?.kind == .badEdge)
        #expect(orlibError("4 2 1\n1 2\n2 3 4\n")?.line == 2)
        let short = orlibError("4 3 1\n1 2 3\n2 3 4\n")
        #expect(short?.kind == .missingEdges && short?.line == 3)
        let extra = orlibError("4 1 1\n1 2 3\n\n2 3 4\n")
        #expect(extra?.kind == .extraContent && extra?.line == 4)
    }

    @Test func orlibReadsCRLFAndComputesShortestPaths() throws {
        let instance = try BenchmarkInstance.parseORLibPMedian("4 3 2\r\n1 2 3\r\n2 3 4\r\n3 4 5\r\n", file: "t.txt")
        #expect(instance.ids == ["1", "2", "3", "4"] && instance.idsAreIntegers)
        #expect(instance.fileSiteCount == 2)
        #expect(instance.distance(0, 3) == 12)
        #expect(instance.distance(3, 1) == 9)
    }

    @Test func pointsCSVReadsColumnsInAnyOrder() throws {
        let instance = try BenchmarkInstance.parsePointsCSV("\u{FEFF}weight, id ,x,y\n2,a,0,0\n1,b,3,4\n\n", file: "p.csv")
        #expect(instance.ids == ["a", "b"] && !instance.idsAreIntegers)
        #expect(instance.weights == [2, 1])
        #expect(instance.distance(0, 1) == 5)
        let problem = try instance.planningProblem(searchLimit: 4, coverageLimit: 4)
        #expect(problem.times.entryCount == 2)  // only the diagonal is within 4
        #expect(problem.unreachedPenalty == 1)
    }

    @Test func pointsCSVErrors() {
        #expect(csvError("id,x,weight\n1,2,3\n")?.kind == .badCSVHeader)
        let fields = csvError("id,x,y,weight\n1,0,0,1\n2,0,0\n")
        #expect(fields?.kind == .badCSVRow && fields?.line == 3)
        #expect(csvError("id,x,y,weight\n1,0,north,1\n")?.line == 2)
        #expect(csvError("id,x,y,weight\n1,0,0,-1\n")?.kind == .badCSVRow)
        #expect(csvError("id,x,y,weight\n\"1\",0,0,1\n")?.kind == .badCSVRow)
        let duplicate = csvError("id,x,y,weight\n7,0,0,1\n7,1,1,1\n")
        #expect(duplicate?.kind == .duplicateID && duplicate?.line == 3)
        #expect(csvError("id,x,y,weight\n")?.kind == .empty)
    }
}
