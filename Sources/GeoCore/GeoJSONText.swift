/// Builds JSON text by hand so that output is byte-identical for the same
/// input: object keys sorted by their UTF-8 bytes, degrees with exactly 7
/// decimals, other numbers in Swift's shortest round-trip form.
///
/// The text goes into one growing byte buffer: degrees, whole numbers and
/// escaped strings are appended as UTF-8 bytes without a String per value
/// (a city's gap polygons are tens of megabytes of coordinates).
struct JSONTextBuilder {
    /// The UTF-8 text so far.
    private(set) var bytes: [UInt8] = []

    /// The text so far as a String (tests and small outputs).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw, already valid JSON text.
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends raw, already valid JSON text given as UTF-8 bytes.
    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    private mutating func byte(_ ascii: Unicode.Scalar) { bytes.append(UInt8(ascii: ascii)) }

    /// Appends `s` as a JSON string literal. Non-ASCII characters stay UTF-8;
    /// quotes, backslashes and control characters are escaped.
    mutating func string(_ s: String) {
        byte("\"")
        let done = s.utf8.withContiguousStorageIfAvailable { appendEscaped($0) } != nil
        if !done {
            for b in s.utf8 { appendEscaped(b) }
        }
        byte("\"")
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for (k, b) in buffer.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<k]))
            appendEscaped(b)
            start = k + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }

    private mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case ..<0x20:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            raw("\\u00")
            bytes.append(hex[Int(b >> 4)])
            bytes.append(hex[Int(b & 0xF)])
        default: bytes.append(b)
        }
    }

    /// Appends a number: whole numbers without a decimal point, others in the
    /// shortest form that reads back to the same double; non-finite as `null`.
    mutating func number(_ value: Double) {
        if let integer = value.exactInteger {
            appendDigits(integer)
        } else if value.isFinite {
            raw(value.description)
        } else {
            raw("null")
        }
    }

    /// Appends the decimal digits of `value` (as `String(value)`).
    private mutating func appendDigits(_ value: Int64) {
        if value < 0 { byte("-") }
        appendDigits(value.magnitude, minimumCount: 1)
    }

    /// Appends the decimal digits of `magnitude`, zero-padded on the left to `minimumCount`.
    private mutating func appendDigits(_ magnitude: UInt64, minimumCount: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 24 digits, 8 bits each
        var count = 0
        var rest = magnitude
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < minimumCount
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[k]) }
        }
    }

    /// Appends a degree value with exactly 7 decimals (same digits as
    /// `fixedSevenDecimals` and `formatDegrees`).
    mutating func degrees(_ value: Double) {
        let scaled = (value * 10_000_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e18 else {
            raw(formatDegrees(value))
            return
        }
        let units = Int64(scaled)
        if units < 0 { byte("-") }
        let magnitude = units.magnitude
        appendDigits(magnitude / 10_000_000, minimumCount: 1)
        byte(".")
        appendDigits(magnitude % 10_000_000, minimumCount: 7)
    }

    /// Appends a position `[lon,lat]`.
    mutating func position(_ c: Coordinate) {
        byte("[")
        degrees(c.lon)
        byte(",")
        degrees(c.lat)
        byte("]")
    }

    /// Appends any JSON value with sorted object keys.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let elements):
            byte("[")
            for (i, element) in elements.enumerated() {
                if i > 0 { byte(",") }
                value(element)
            }
            byte("]")
        case .object(let members):
            byte("{")
            for (i, key) in members.keys.sorted(by: jsonKeyPrecedes).enumerated() {
                if i > 0 { byte(",") }
                string(key)
                byte(":")
                // The key comes from `members`.
                value(members[key]!)
            }
            byte("}")
        }
    }

    /// Appends an object whose members are written by closures, in sorted key order.
    mutating func object(_ members: [(key: String, write: (inout JSONTextBuilder) -> Void)]) {
        byte("{")
        for (i, member) in members.sorted(by: { jsonKeyPrecedes($0.key, $1.key) }).enumerated() {
            if i > 0 { byte(",") }
            string(member.key)
            byte(":")
            member.write(&self)
        }
        byte("}")
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
