import Foundation
import Testing

@testable import GeoCore

/// The direct JSON parser gives what JSONSerialization gives, and leaves to
/// it everything it does not take.
@Suite struct JSONFastParserTests {
    /// The value through JSONSerialization, as `decodeJSON` read it before.
    private func viaFoundation(_ text: String) throws -> JSONValue? {
        JSONValue(jsonObject: try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    }

    @Test func valuesMatchJSONSerialization() throws {
        let texts = [
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[104.0657,30.6595]},"properties":{"id":"S1","weight":3,"name":"天府广场","open":true,"note":null}}]}"#,
            #"[0, -0, 1.5e3, -2.25E-2, 12345678901234567890, 9007199254740993, 0.1, 1e-7]"#,
            #" "a\"b\\c\/d\b\f\n\r\t\u00e9\u4e2d\ud83d\ude00" "#,
            "  [ ]  ", "{}", "true", "false", "null", "42",
        ]
        for text in texts {
            let fast = try #require(JSONFastParser.parse(Data(text.utf8)), "\(text)")
            #expect(fast == (try viaFoundation(text)), "\(text)")
        }
        #expect(JSONFastParser.parse(Data(#"[-0]"#.utf8)) == .array([.number(0)]))
        #expect(JSONFastParser.parse(Data(#""\u00e9""#.utf8)) == .string("é"))
        #expect(JSONFastParser.parse(Data("[1.5e3]".utf8)) == .array([.number(1500)]))
    }

    @Test func whatItDoesNotTakeGoesToTheFallback() {
        let refused = [
            "\u{FEFF}{}",  // byte-order mark
            #"{"a":1,"a":2}"#,  // repeated key
            "[1,]", "{\"a\" 1}", "[01]", "[1.]", "[.5]", "[1e]", "nul", "[1] x", "",
            "\"tab\there\"",  // raw control character in a string
            #"["\ud800"]"#, #"["\udc00x"]"#, #"["\x"]"#, "[1e400]",
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ]
        for text in refused { #expect(JSONFastParser.parse(Data(text.utf8)) == nil, "\(text)") }
        #expect(JSONFastParser.parse(Data([0x22, 0xC3, 0x28, 0x22])) == nil, "invalid UTF-8")
    }

    @Test func syntaxErrorsKeepTheirMessages() throws {
        // The fallback still names the place of the error, and still takes what
        // JSONSerialization took (it reads a trailing comma).
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.decodeJSON(Data("[1 2]".utf8), fileName: "x.geojson") }
        #expect(try GeoJSONReader.decodeJSON(Data("[1,]".utf8), fileName: "x.geojson") == .array([.number(1)]))
    }
}
