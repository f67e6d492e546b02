/// SplitMix64 (Steele, Lea & Flood 2014), the one seeded generator of the tests:
/// tiny, fast and the same sequence on every platform, so random tests repeat exactly.
public struct SplitMix64: RandomNumberGenerator {
    /// The generator's whole state; the next value is derived from it.
    public var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator starting from `state` (the same as `init(seed:)`).
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits of `next()`.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// Uniform in `0..<n` (`n` > 0; the tiny modulo bias does not matter for tests).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
