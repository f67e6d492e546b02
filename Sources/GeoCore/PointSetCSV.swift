import Foundation

/// One CSV record with the line it starts on.
struct CSVRecord {
    /// 1-based line number of the record's first character.
    var line: Int
    /// The fields; unquoted fields are trimmed of spaces and tabs, quoted ones kept as written.
    var fields: [String]
}

/// An RFC 4180 CSV splitter: comma separated, `"` quoting with `""` for a
/// quote, line breaks inside quotes, LF or CRLF line ends. Blank lines are skipped.
enum CSVSplitter {
    /// Splits `text` into records.
    /// - Throws: `PointSetError` (`unterminatedQuote`) naming the line where the open quote starts.
    /// - Complexity: O(n) in the length of `text`.
    static func records(in text: String, file: String) throws -> [CSVRecord] {
        let spaceOrTab = CharacterSet(charactersIn: " \t")
        let bytes = Array(text.utf8)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var i = 0

        func finishField() {
            let value = String(decoding: field, as: UTF8.self)
            fields.append(quoted ? value : value.trimmingCharacters(in: spaceOrTab))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func finishRecord() {
            finishField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll()
        }

        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    if field.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                        field.removeAll()
                        inQuotes = true
                        quoted = true
                        quoteLine = line
                    } else {
                        field.append(byte)
                    }
                case UInt8(ascii: ","):
                    finishField()
                case UInt8(ascii: "\n"):
                    finishRecord()
                    line += 1
                    recordLine = line
                case UInt8(ascii: "\r"):
                    if !(i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n")) { field.append(byte) }
                default:
                    if !(quoted && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t"))) { field.append(byte) }
                }
            }
            i += 1
        }
        if inQuotes {
            throw PointSetError(
                file: file, location: .line(quoteLine), kind: .unterminatedQuote,
                message: "a quoted field is never closed; add the closing \" (write \"\" for a quote inside quotes)")
        }
        if !field.isEmpty || !fields.isEmpty || quoted { finishRecord() }
        return records
    }
}
