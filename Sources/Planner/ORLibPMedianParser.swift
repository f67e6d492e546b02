import Foundation

extension BenchmarkInstance {
    /// Reads an OR-Library p-median file (Beasley's `pmed1`…`pmed40`): a header `n m p`, then m lines
    /// `i j cost` of an undirected graph with 1-based vertices. Every vertex is a demand of weight 1 and a
    /// candidate; distances are shortest paths. When a vertex pair appears more than once the **later**
    /// line overwrites the earlier one, as Beasley's Fortran did (the published optima depend on it).
    /// Self-loops are ignored (a vertex is at distance 0 from itself).
    /// - Throws: `InstanceParseError` with the 1-based line number.
    /// - Complexity: O(m) parsing plus `ShortestPaths.allPairs`.
    public static func parseORLibPMedian(_ text: String, file: String) throws -> BenchmarkInstance {
        var lines = numberedNonBlankLines(text).makeIterator()
        guard let (headerLine, header) = lines.next() else {
            throw InstanceParseError(
                file: file, line: 1, kind: .empty, message: "the file is empty", fix: "give an OR-Library file starting with `n m p`")
        }
        let fields = header.split(whereSeparator: \.isWhitespace).map { Int($0) }
        guard fields.count == 3, let n = fields[0], let m = fields[1], let p = fields[2], n >= 1, m >= 0, p >= 1, p <= n else {
            throw InstanceParseError(
                file: file, line: headerLine, kind: .badHeader, message: "header `\(header)` is not `n m p` with n ≥ 1, m ≥ 0, 1 ≤ p ≤ n",
                fix: "the first line must hold the vertex count, the edge count and p")
        }
        var costOfPair: [Int: Double] = [:]
        var lastLine = headerLine
        for index in 0..<m {
            guard let (lineNumber, line) = lines.next() else {
                throw InstanceParseError(
                    file: file, line: lastLine, kind: .missingEdges, message: "the file ends after \(index) of \(m) edges",
                    fix: "add the missing edges or correct m in the header")
            }
            lastLine = lineNumber
            let parts = line.split(whereSeparator: \.isWhitespace)
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let cost = Double(parts[2]), cost.isFinite, cost >= 0
            else {
                throw InstanceParseError(
                    file: file, line: lineNumber, kind: .badEdge, message: "`\(line)` is not `i j cost`",
                    fix: "write two vertex numbers and a non-negative cost")
            }
            for vertex in [a, b] where vertex < 1 || vertex > n {
                throw InstanceParseError(
                    file: file, line: lineNumber, kind: .vertexOutOfRange, message: "vertex \(vertex) is outside 1…\(n)",
                    fix: "vertices are numbered from 1 to the n of the header")
            }
            costOfPair[min(a, b) * (n + 1) + max(a, b)] = cost
        }
        if let (lineNumber, line) = lines.next() {
            throw InstanceParseError(
                file: file, line: lineNumber, kind: .extraContent, message: "`\(line)` follows the \(m) announced edges",
                fix: "remove it or correct m in the header")
        }
        let edges = costOfPair.keys.sorted().map { key in (key / (n + 1) - 1, key % (n + 1) - 1, costOfPair[key]!) }
        return BenchmarkInstance(
            ids: (1...n).map(String.init), idsAreIntegers: true, weights: [Double](repeating: 1, count: n),
            fileSiteCount: p, distances: .matrix(ShortestPaths.allPairs(vertexCount: n, edges: edges)))
    }

    /// The non-blank lines with their 1-based numbers.
    static func numberedNonBlankLines(_ text: String) -> [(Int, String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return line.isEmpty ? nil : (index + 1, line)
        }
    }
}
