import Foundation

/// The coordinate conventions of Chinese web maps.
///
/// - `wgs84`: GPS and OpenStreetMap.
/// - `gcj02`: the obfuscated "Mars" datum of AMap (高德), Tencent and Google China;
///   it equals WGS84 outside mainland China.
/// - `bd09`: Baidu's datum, a further offset on top of GCJ-02.
public enum ChineseDatum: String, CaseIterable, Sendable, Codable {
    case wgs84
    case gcj02
    case bd09

    /// Converts `c` from datum `self` to datum `target`.
    ///
    /// Forward steps use the published formulas; inverse steps iterate the
    /// forward formula until the residual is below 1e-9° (about 0.1 mm).
    public func convert(_ c: Coordinate, to target: ChineseDatum) -> Coordinate {
        if self == target { return c }
        let wgs: Coordinate
        switch self {
        case .wgs84: wgs = c
        case .gcj02: wgs = GCJ02.toWGS84(c)
        case .bd09: wgs = GCJ02.toWGS84(BD09.toGCJ02(c))
        }
        switch target {
        case .wgs84: return wgs
        case .gcj02: return GCJ02.fromWGS84(wgs)
        case .bd09: return BD09.fromGCJ02(GCJ02.fromWGS84(wgs))
        }
    }
}

/// GCJ-02 (国测局坐标): the offset every map licensed in mainland China applies.
public enum GCJ02 {
    private static let semiMajorAxis = 6_378_245.0
    private static let eccentricitySquared = 0.006_693_421_622_965_943_23

    /// True when `c` lies where the GCJ-02 offset applies: mainland China
    /// (with Hainan and the coastal islands) but not Hong Kong, Macau or Taiwan,
    /// which publish WGS84.
    ///
    /// Decided by `MainlandChinaRegion`, a polygon derived from Natural Earth
    /// 1:10m admin-0 countries (public domain) and simplified to about 1 km, so a
    /// town on the mainland side of any land border (黑河, 满洲里, 二连浩特, 霍尔果斯,
    /// 瑞丽, 河口, 东兴, 丹东, 珲春, 深圳, 珠海) is shifted and one on the other side
    /// (Blagoveshchensk, Zabaykalsk, Zamyn-Üüd, Muse, Lao Cai, Móng Cái, Sinuiju,
    /// Hong Kong, Macau) is not. The sea within about 10 km of China's coast counts
    /// as China. Points within about 1 km of a land border may fall on either side.
    public static func appliesOffset(at c: Coordinate) -> Bool {
        MainlandChinaRegion.shared.contains(c)
    }

    /// WGS84 → GCJ-02 by the published forward formula.
    public static func fromWGS84(_ c: Coordinate) -> Coordinate {
        guard appliesOffset(at: c) else { return c }
        let x = c.lon - 105.0
        let y = c.lat - 35.0
        var dLat = latitudeOffset(x, y)
        var dLon = longitudeOffset(x, y)
        let radLat = c.lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - eccentricitySquared * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return Coordinate(lon: c.lon + dLon, lat: c.lat + dLat)
    }

    /// GCJ-02 → WGS84 by iterating the forward formula to < 1e-9°.
    public static func toWGS84(_ c: Coordinate) -> Coordinate {
        invert(c, forward: fromWGS84)
    }

    private static func latitudeOffset(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func longitudeOffset(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return r
    }
}

/// BD-09 (百度坐标): Baidu's offset applied on top of GCJ-02.
public enum BD09 {
    private static let xPi = Double.pi * 3000.0 / 180.0

    /// GCJ-02 → BD-09 by Baidu's published formula.
    public static func fromGCJ02(_ c: Coordinate) -> Coordinate {
        let z = (c.lon * c.lon + c.lat * c.lat).squareRoot() + 0.00002 * sin(c.lat * xPi)
        let theta = atan2(c.lat, c.lon) + 0.000003 * cos(c.lon * xPi)
        return Coordinate(lon: z * cos(theta) + 0.0065, lat: z * sin(theta) + 0.006)
    }

    /// BD-09 → GCJ-02 by iterating the forward formula to < 1e-9°.
    public static func toGCJ02(_ c: Coordinate) -> Coordinate {
        invert(c, forward: fromGCJ02)
    }
}

/// Solves `forward(x) == target` for x by fixed-point iteration, starting at
/// `target`. The offsets are small and smooth, so each step shrinks the error
/// by orders of magnitude; 30 steps is a generous cap.
private func invert(_ target: Coordinate, forward: (Coordinate) -> Coordinate) -> Coordinate {
    var guess = target
    for _ in 0..<30 {
        let image = forward(guess)
        let dLon = image.lon - target.lon
        let dLat = image.lat - target.lat
        if abs(dLon) < 1e-10 && abs(dLat) < 1e-10 { break }
        guess.lon -= dLon
        guess.lat -= dLat
    }
    return guess
}
