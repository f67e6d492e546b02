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

    /// True when `c` lies where the GCJ-02 offset applies: mainland China and
    /// Hainan, drawn as the rectangles most GCJ-02 libraries share (after
    /// Aimeast, cnblogs 2012, as in geosmart/coordtransform) minus the
    /// neighbours' land they overlap (Vietnam, Russia, Ladakh), and minus Taiwan,
    /// Hong Kong and Macau, which publish WGS84. Hong Kong and Macau are small
    /// polygons that follow their borders with Shenzhen and Zhuhai, so those
    /// cities keep their offset.
    public static func appliesOffset(at c: Coordinate) -> Bool {
        guard ChinaRegion.mainland.contains(where: { $0.contains(c) }) else { return false }
        guard !ChinaRegion.excluded.contains(where: { $0.contains(c) }) else { return false }
        return !ChinaRegion.publishesWGS84.contains { containsPoint($0, c) }
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

/// The areas `GCJ02.appliesOffset(at:)` tests against.
private enum ChinaRegion {
    static let mainland = [
        box(79.446200, 42.889900, 96.330000, 49.220400),
        box(109.687200, 39.374200, 135.000200, 54.141500),
        box(73.124600, 29.529700, 124.143255, 42.889900),
        box(82.968400, 26.718600, 97.035200, 29.529700),
        box(97.025300, 20.414096, 124.367395, 29.529700),
        box(107.975793, 17.871542, 111.744104, 20.414096),
    ]
    static let excluded = [
        box(119.921265, 21.785006, 122.497559, 25.398623),  // Taiwan
        box(101.865200, 20.098800, 106.665000, 22.284000),  // northern Vietnam
        box(106.452500, 20.487800, 108.051000, 21.542200),  // northern Vietnam, coast
        box(109.032300, 50.325700, 119.127000, 55.817500),  // Russia, Transbaikal
        box(127.456800, 49.557400, 137.022700, 55.817500),  // Russia, Amur
        box(131.266200, 42.569200, 137.022700, 44.892200),  // Russia, Primorye
        box(73.124600, 29.529700, 77.948114, 35.398637),  // Ladakh and Kashmir
    ]
    /// Hong Kong (land border along the Shenzhen River) and Macau (border with
    /// Zhuhai's Gongbei and Hengqin), as (lon, lat) rings.
    static let publishesWGS84: [[Coordinate]] = [
        ring([
            (113.82, 22.15), (114.44, 22.15), (114.44, 22.50), (114.23, 22.555), (114.12, 22.528),
            (114.09, 22.515), (114.03, 22.505), (113.96, 22.47), (113.88, 22.40), (113.82, 22.38),
        ]),
        ring([(113.527, 22.217), (113.527, 22.185), (113.550, 22.160), (113.553, 22.109), (113.600, 22.109), (113.600, 22.217)]),
    ]

    private static func box(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> BoundingBox {
        BoundingBox(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat)
    }

    private static func ring(_ pairs: [(Double, Double)]) -> [Coordinate] {
        pairs.map { Coordinate(lon: $0.0, lat: $0.1) }
    }
}

/// Even-odd point-in-polygon test on an open or closed (lon, lat) ring.
private func containsPoint(_ ring: [Coordinate], _ p: Coordinate) -> Bool {
    var inside = false
    var j = ring.count - 1
    for i in ring.indices {
        let a = ring[i], b = ring[j]
        if (a.lat > p.lat) != (b.lat > p.lat),
            p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
        {
            inside.toggle()
        }
        j = i
    }
    return inside
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
