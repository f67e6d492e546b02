import Foundation

/// A geographic position in (longitude, latitude) order, in degrees.
///
/// nuanxin keeps GeoJSON's axis order everywhere: `lon` first, then `lat`.
/// Which datum the numbers are in (WGS84, GCJ-02, BD-09) is the caller's
/// business; public APIs take WGS84 unless they say otherwise.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Longitude in degrees, east positive.
    public var lon: Double
    /// Latitude in degrees, north positive.
    public var lat: Double

    /// Creates a coordinate from longitude and latitude in degrees.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and inside −180…180 / −90…90.
    public var isInGeographicRange: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }

    /// `lon,lat` with 7 decimals, the CLI's point format.
    public var description: String {
        formatDegrees(lon) + "," + formatDegrees(lat)
    }
}

/// A planar position in a projected CRS, in metres (easting `x`, northing `y`).
public struct PlanarPoint: Hashable, Sendable {
    /// Easting in metres.
    public var x: Double
    /// Northing in metres.
    public var y: Double

    /// Creates a planar point from easting and northing in metres.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Formats a degree value with exactly 7 decimals (about 1 cm), without `-0.0000000`.
public func formatDegrees(_ value: Double) -> String {
    formatFixed(value, decimals: 7)
}

/// Formats a value with a fixed number of decimals, never printing negative zero.
///
/// The value is rounded once (half away from zero) at `decimals` places and the
/// digits are written from that integer, which is exact below 2^53 and much
/// faster than `String(format:)`; larger or non-finite values fall back to it.
/// - Complexity: O(digits).
public func formatFixed(_ value: Double, decimals: Int) -> String {
    let scaled = (value * pow10(decimals)).rounded()
    guard scaled.isFinite, abs(scaled) < 9.0e15 else {
        return String(format: "%.\(decimals)f", value)
    }
    let integer = Int64(scaled)
    if integer == 0 { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
    var digits = String(integer.magnitude)
    if decimals > 0 {
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return integer < 0 ? "-" + digits : digits
}

private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
}

/// Appends `formatFixed(value, decimals:)` as UTF-8 to `bytes`, without
/// building a String per value (the same digits, the same fallback for
/// large or non-finite values).
/// - Complexity: O(digits).
public func appendFixed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    let scaled = (value * pow10(decimals)).rounded()
    guard scaled.isFinite, abs(scaled) < 9.0e15 else {
        bytes.append(contentsOf: formatFixed(value, decimals: decimals).utf8)
        return
    }
    let integer = Int64(scaled)
    if integer < 0 { bytes.append(UInt8(ascii: "-")) }
    // Digits of |integer|, least significant first, at least decimals + 1 of them.
    var magnitude = integer.magnitude
    var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 24 digits, 8 bits each
    var count = 0
    withUnsafeMutableBytes(of: &reversed) { digits in
        repeat {
            digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0 || count <= decimals
        for k in stride(from: count - 1, through: 0, by: -1) {
            bytes.append(digits[k])
            if k == decimals, decimals > 0 { bytes.append(UInt8(ascii: ".")) }
        }
    }
}

/// Appends the decimal digits of `value` as UTF-8 to `bytes` (as `String(value)`).
/// - Complexity: O(digits).
public func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
    appendFixed(Double(value), decimals: 0, to: &bytes)
}
