/// Builds JSON text by hand so that output is byte-identical for the same
/// input: object keys sorted by their UTF-8 bytes, degrees with exactly 7
/// decimals, other numbers in Swift's shortest round-trip form.
struct JSONTextBuilder {
    private(set) var text = ""

    /// Appends raw, already valid JSON text.
    mutating func raw(_ s: String) { text += s }

    /// Appends `s` as a JSON string literal. Non-ASCII characters stay UTF-8;
    /// quotes, backslashes and control characters are escaped.
    mutating func string(_ s: String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// Appends a number: whole numbers without a decimal point, others in the
    /// shortest form that reads back to the same double; non-finite as `null`.
    mutating func number(_ value: Double) {
        if let integer = value.exactInteger {
            text += String(integer)
        } else if value.isFinite {
            text += value.description
        } else {
            text += "null"
        }
    }

    /// Appends a degree value with exactly 7 decimals (same digits as `formatDegrees`).
    mutating func degrees(_ value: Double) {
        text += fixedSevenDecimals(value)
    }

    /// Appends a position `[lon,lat]`.
    mutating func position(_ c: Coordinate) {
        text += "["
        degrees(c.lon)
        text += ","
        degrees(c.lat)
        text += "]"
    }

    /// Appends any JSON value with sorted object keys.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let elements):
            text += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { text += "," }
                value(element)
            }
            text += "]"
        case .object(let members):
            object(members.map { member in (member.key, { (b: inout JSONTextBuilder) in b.value(member.value) }) })
        }
    }

    /// Appends an object whose members are written by closures, in sorted key order.
    mutating func object(_ members: [(key: String, write: (inout JSONTextBuilder) -> Void)]) {
        text += "{"
        for (i, member) in members.sorted(by: { jsonKeyPrecedes($0.key, $1.key) }).enumerated() {
            if i > 0 { text += "," }
            string(member.key)
            text += ":"
            member.write(&self)
        }
        text += "}"
    }
}

/// The key order of nuanxin's JSON output: plain UTF-8 byte order.
func jsonKeyPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// `value` rounded to 7 decimals and printed with exactly 7 decimals, without
/// a negative zero. Integer arithmetic, so it is fast and locale-free; falls
/// back to `formatDegrees` for magnitudes beyond 10^11.
func fixedSevenDecimals(_ value: Double) -> String {
    let scaled = (value * 10_000_000).rounded()
    guard scaled.isFinite, abs(scaled) < 1e18 else { return formatDegrees(value) }
    let units = Int64(scaled)
    if units == 0 { return "0.0000000" }
    let magnitude = units.magnitude
    let whole = magnitude / 10_000_000
    let fraction = String(magnitude % 10_000_000)
    let padded = String(repeating: "0", count: 7 - fraction.count) + fraction
    return (units < 0 ? "-" : "") + String(whole) + "." + padded
}
