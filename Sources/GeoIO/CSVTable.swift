import GeoCore

/// RFC 4180 CSV (comma, or tab/semicolon when the header has no comma but
/// has them) split into a `FeatureTable` of text values without geometry.
enum CSVTable {
    /// The table of `text` (already decoded), first record the header.
    /// - Throws: `GeoIOError.badValue` for an unterminated quote or a row with
    ///   a different number of fields than the header (naming the 1-based line).
    static func table(_ text: String, source: String, layer: String) throws -> FeatureTable {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character =
            firstLine.contains(",") ? "," : firstLine.contains("\t") ? "\t" : firstLine.contains(";") ? ";" : ","
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending {
                pending = nil
                return p
            }
            return characters.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case separator:
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
                atFieldStart = false
            }
        }
        if inQuotes {
            throw GeoIOError(
                source: source, location: "line \(recordLine)", kind: .badValue,
                message: "a quoted field is not closed; check the quotes")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else {
            return FeatureTable(source: source, layer: layer, columns: [], rows: [])
        }
        var rows: [FeatureTable.Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw GeoIOError(
                    source: source, location: "line \(record.line)", kind: .badValue,
                    message: "expected \(header.fields.count) fields as in the header, found \(record.fields.count)")
            }
            rows.append(FeatureTable.Row(values: record.fields.map { .string($0) }, geometry: nil))
        }
        return FeatureTable(source: source, layer: layer, columns: header.fields, rows: rows)
    }
}
