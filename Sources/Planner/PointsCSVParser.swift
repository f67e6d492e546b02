import Foundation

extension BenchmarkInstance {
    /// Reads a planar points file: a header naming the columns `id`, `x`, `y`, `weight` (any order, other
    /// columns ignored), then one unquoted comma-separated row per point. Every point is a demand with its
    /// weight and a candidate; distances are euclidean in the units of x and y.
    /// - Throws: `InstanceParseError` with the 1-based line number (missing column, wrong field count,
    ///   bad or negative number, quoted field, duplicate id, no rows).
    /// - Complexity: O(rows).
    public static func parsePointsCSV(_ text: String, file: String) throws -> BenchmarkInstance {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var lines = numberedNonBlankLines(body).makeIterator()
        guard let (headerLine, header) = lines.next() else {
            throw InstanceParseError(
                file: file, line: 1, kind: .empty, message: "the file is empty", fix: "give a header `id,x,y,weight` and one row per point")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        var column: [String: Int] = [:]
        for name in ["id", "x", "y", "weight"] {
            guard let index = names.firstIndex(of: name) else {
                throw InstanceParseError(
                    file: file, line: headerLine, kind: .badCSVHeader, message: "header `\(header)` has no `\(name)` column",
                    fix: "name the columns id,x,y,weight")
            }
            column[name] = index
        }
        var ids: [String] = []
        var x: [Double] = []
        var y: [Double] = []
        var weights: [Double] = []
        var seen: [String: Int] = [:]
        while let (lineNumber, line) = lines.next() {
            func rowError(_ message: String, _ fix: String) -> InstanceParseError {
                InstanceParseError(file: file, line: lineNumber, kind: .badCSVRow, message: message, fix: fix)
            }
            guard !line.contains("\"") else { throw rowError("quoted fields are not supported", "remove the quotes (ids without commas)") }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == names.count else {
                throw rowError("\(fields.count) fields where the header has \(names.count)", "give one value per header column")
            }
            let id = fields[column["id"]!]
            guard !id.isEmpty else { throw rowError("empty id", "give every point an id") }
            if let first = seen[id] {
                throw InstanceParseError(
                    file: file, line: lineNumber, kind: .duplicateID, message: "id `\(id)` already used on line \(first)",
                    fix: "make ids unique")
            }
            seen[id] = lineNumber
            var numbers: [Double] = []
            for name in ["x", "y", "weight"] {
                let field = fields[column[name]!]
                guard let value = Double(field), value.isFinite else {
                    throw rowError("\(name) `\(field)` is not a finite number", "write a decimal number")
                }
                numbers.append(value)
            }
            guard numbers[2] >= 0 else { throw rowError("weight \(numbers[2]) is negative", "weights must be ≥ 0") }
            ids.append(id)
            x.append(numbers[0])
            y.append(numbers[1])
            weights.append(numbers[2])
        }
        guard !ids.isEmpty else {
            throw InstanceParseError(
                file: file, line: headerLine, kind: .empty, message: "no points after the header", fix: "add one row per point")
        }
        return BenchmarkInstance(
            ids: ids, idsAreIntegers: ids.allSatisfy { Int($0) != nil }, weights: weights, fileSiteCount: nil,
            distances: .plane(x: x, y: y))
    }
}
