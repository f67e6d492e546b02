import TestSupport
import Testing

@testable import GeoCore

/// `appendFixed` writes the same bytes as `formatFixed`.
@Suite struct AppendFixedTests {
    private func appended(_ value: Double, _ decimals: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func handPickedValues() {
        #expect(appended(0, 1) == "0.0")
        #expect(appended(-0.0, 7) == "0.0000000")
        #expect(appended(-0.04, 1) == "0.0")
        #expect(appended(-0.05, 1) == "-0.1")
        #expect(appended(104.0657, 7) == "104.0657000")
        #expect(appended(0.0000001, 7) == "0.0000001")
        #expect(appended(-30.5, 0) == "-31")
        #expect(appended(899.95, 1) == "900.0")
        #expect(appended(1e300, 2) == formatFixed(1e300, decimals: 2))
        var bytes: [UInt8] = []
        appendInteger(154_322, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "154322")
    }

    @Test func agreesWithFormatFixedOnSeededValues() {
        var random = SplitMix64(state: 17)
        for k in 0..<5_000 {
            let magnitude = [1.0, 200.0, 1e6, 1e-6][k % 4]
            let value = (random.unit() - 0.5) * 2 * magnitude
            for decimals in [0, 1, 3, 7] {
                #expect(appended(value, decimals) == formatFixed(value, decimals: decimals), "\(value) \(decimals)")
            }
        }
    }
}
