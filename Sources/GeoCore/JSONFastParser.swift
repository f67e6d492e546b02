import Foundation

/// A direct RFC 8259 parser from UTF-8 bytes to `JSONValue`, without the
/// `JSONSerialization` objects and their dynamic casts (on a 100,000-point
/// GeoJSON file those casts took 60 % of `audit`'s process time).
///
/// It accepts only plain UTF-8 JSON without a byte-order mark, with unique
/// object keys, nesting at most `maximumDepth` deep, finite numbers and valid
/// escapes; for anything else it gives nil and the caller falls back to
/// `JSONSerialization`, which then gives the same value or the syntax error
/// message it always gave. Numbers become `Double` (correctly rounded, as
/// `NSNumber.doubleValue` of JSONSerialization's value).
enum JSONFastParser {
    /// Deeper nesting goes to the fallback.
    static let maximumDepth = 256

    /// The value of `data`, or nil when the fallback must decide.
    /// - Complexity: O(n) in the bytes.
    static func parse(_ data: Data) -> JSONValue? {
        data.withUnsafeBytes { raw -> JSONValue? in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            var parser = Parser(bytes: base, count: raw.count)
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.position == parser.count ? value : nil
        }
    }

    private struct Parser {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        var position = 0

        init(bytes: UnsafePointer<UInt8>, count: Int) {
            self.bytes = bytes
            self.count = count
        }

        mutating func skipSpace() {
            while position < count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth <= JSONFastParser.maximumDepth else { return nil }
            skipSpace()
            guard position < count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard position + n <= count else { return false }
            for k in 0..<n where bytes[position + k] != word.utf8Start[k] { return false }
            position += n
            return true
        }

        mutating func object(depth: Int) -> JSONValue? {
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if position < count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard position < count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = value(depth: depth + 1) else { return nil }
                // A repeated key: let JSONSerialization's rule decide.
                guard members.updateValue(member, forKey: key) == nil else { return nil }
                skipSpace()
                guard position < count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return nil }
                position += 1
                return .object(members)
            }
        }

        mutating func array(depth: Int) -> JSONValue? {
            position += 1
            var elements: [JSONValue] = []
            skipSpace()
            if position < count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipSpace()
                guard position < count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "]") else { return nil }
                position += 1
                return .array(elements)
            }
        }

        /// A string starting at the opening quote; nil for control characters,
        /// bad escapes, lone surrogates or invalid UTF-8.
        mutating func string() -> String? {
            position += 1
            let start = position
            var plain = true
            while position < count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") { break }
                if b < 0x20 { return nil }
                if b == UInt8(ascii: "\\") {
                    plain = false
                    position += 2
                    continue
                }
                if b >= 0x80 { plain = false }
                position += 1
            }
            guard position < count else { return nil }
            let end = position
            position += 1
            let run = UnsafeBufferPointer(start: bytes + start, count: end - start)
            if plain { return String(decoding: run, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(run.count)
            var k = 0
            while k < run.count {
                let b = run[k]
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    k += 1
                    continue
                }
                guard k + 1 < run.count else { return nil }
                let e = run[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let high = hex4(run, k) else { return nil }
                    k += 4
                    var scalar = high
                    if (0xD800...0xDBFF).contains(high) {
                        guard k + 6 <= run.count, run[k] == UInt8(ascii: "\\"), run[k + 1] == UInt8(ascii: "u"),
                            let low = hex4(run, k + 2), (0xDC00...0xDFFF).contains(low)
                        else { return nil }
                        k += 6
                        scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(high) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: return nil
                }
            }
            return String(validating: out, as: UTF8.self)
        }

        func hex4(_ run: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
            guard at + 4 <= run.count else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = run[k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }

        /// A number by the RFC 8259 grammar, finite; nil otherwise.
        mutating func number() -> JSONValue? {
            let start = position
            if position < count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < count else { return nil }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                guard digits() > 0 else { return nil }
            }
            var integral = true
            if position < count, bytes[position] == UInt8(ascii: ".") {
                integral = false
                position += 1
                guard digits() > 0 else { return nil }
            }
            if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                integral = false
                position += 1
                if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: position - start), as: UTF8.self)
            // Integers as JSONSerialization reads them: an Int64 when it fits (so "-0" is 0), then as Double.
            if integral, let whole = Int64(text) { return .number(Double(whole)) }
            guard let number = Double(text), number.isFinite else { return nil }
            return .number(number)
        }

        mutating func digits() -> Int {
            let start = position
            while position < count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
            return position - start
        }
    }
}
