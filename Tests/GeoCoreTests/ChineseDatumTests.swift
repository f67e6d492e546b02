import Foundation
import Testing

@testable import GeoCore

/// Distance in metres between two WGS84 points, measured in the local metric
/// CRS chosen by `MetricCRS` (PROJ), never from degrees by hand.
private func metres(_ a: Coordinate, _ b: Coordinate) throws -> Double {
    try metres(from: a, to: [b])[0]
}

/// Distances in metres from `a` to each of `others`, in `a`'s metric CRS.
private func metres(from a: Coordinate, to others: [Coordinate]) throws -> [Double] {
    let projection = try MetricCRS.projection(for: BoundingBox(covering: [a])!)
    let planar = try projection.forward([a] + others)
    return planar.dropFirst().map { p in
        ((p.x - planar[0].x) * (p.x - planar[0].x) + (p.y - planar[0].y) * (p.y - planar[0].y)).squareRoot()
    }
}

@Suite struct ChineseDatumTests {
    // Reference values: wandergis/coordtransform, test/app.js ("//result" comments)
    // and README, for the input (116.404, 39.915):
    //   wgs84togcj02 → [116.41024449916938, 39.91640428150164]
    //   gcj02tobd09  → [116.41036949371029, 39.92133699351021]
    //   bd09togcj02  → [116.39762729119315, 39.90865673957631]  (closed-form approximate inverse)
    //   gcj02towgs84 → [116.39775550083061, 39.91359571849836]  (one-step approximate inverse)
    private let tiananmen = Coordinate(lon: 116.404, lat: 39.915)

    @Test func wgs84ToGCJ02MatchesCoordtransform() {
        let gcj = ChineseDatum.wgs84.convert(tiananmen, to: .gcj02)
        #expect(abs(gcj.lon - 116.41024449916938) < 1e-11)
        #expect(abs(gcj.lat - 39.91640428150164) < 1e-11)
    }

    @Test func gcj02ToBD09MatchesCoordtransform() {
        let bd = BD09.fromGCJ02(tiananmen)
        #expect(abs(bd.lon - 116.41036949371029) < 1e-11)
        #expect(abs(bd.lat - 39.92133699351021) < 1e-11)
    }

    /// coordtransform's inverses are approximations; ours iterate to 1e-10°.
    /// The two must agree within 10 cm, and ours must map back exactly.
    @Test func inversesAgreeWithCoordtransformApproximations() throws {
        let gcjFromBD = BD09.toGCJ02(tiananmen)
        #expect(try metres(gcjFromBD, Coordinate(lon: 116.39762729119315, lat: 39.90865673957631)) < 0.1)
        let forwardBD = BD09.fromGCJ02(gcjFromBD)
        #expect(abs(forwardBD.lon - tiananmen.lon) < 1e-9 && abs(forwardBD.lat - tiananmen.lat) < 1e-9)

        let wgsFromGCJ = GCJ02.toWGS84(tiananmen)
        #expect(try metres(wgsFromGCJ, Coordinate(lon: 116.39775550083061, lat: 39.91359571849836)) < 0.1)
        let forwardGCJ = GCJ02.fromWGS84(wgsFromGCJ)
        #expect(abs(forwardGCJ.lon - tiananmen.lon) < 1e-9 && abs(forwardGCJ.lat - tiananmen.lat) < 1e-9)
    }

    /// A grid over mainland China (Kashgar to Harbin, Hainan to Heilongjiang).
    private var chinaGrid: [Coordinate] {
        stride(from: 76.0, through: 132.0, by: 4.0).flatMap { lon in
            stride(from: 19.0, through: 51.0, by: 4.0).map { lat in Coordinate(lon: lon, lat: lat) }
        }.filter(GCJ02.appliesOffset(at:))
    }

    @Test func roundTripsStayWithinFiveCentimetres() throws {
        let grid = chinaGrid
        #expect(grid.count > 40)
        for p in grid {
            let viaGCJ = ChineseDatum.gcj02.convert(ChineseDatum.wgs84.convert(p, to: .gcj02), to: .wgs84)
            let viaBD = ChineseDatum.bd09.convert(ChineseDatum.wgs84.convert(p, to: .bd09), to: .wgs84)
            let errors = try metres(from: p, to: [viaGCJ, viaBD])
            #expect(errors[0] < 0.05, "GCJ-02 round trip at \(p)")
            #expect(errors[1] < 0.05, "BD-09 round trip at \(p)")
        }
    }

    @Test func gcjOffsetInBeijingIsHundredsOfMetres() throws {
        let offset = try metres(tiananmen, ChineseDatum.wgs84.convert(tiananmen, to: .gcj02))
        #expect(offset > 100 && offset < 700)
    }

    @Test func offsetAppliesInShenzhenAndZhuhaiNextToHongKongAndMacau() throws {
        let mainland = [
            Coordinate(lon: 114.0579, lat: 22.5431),  // Shenzhen, Futian CBD
            Coordinate(lon: 114.1180, lat: 22.5480),  // Shenzhen, Luohu
            Coordinate(lon: 113.9150, lat: 22.4850),  // Shenzhen, Shekou
            Coordinate(lon: 113.5460, lat: 22.2230),  // Zhuhai, Gongbei
            Coordinate(lon: 113.5200, lat: 22.1200),  // Zhuhai, Hengqin (on Natural Earth's island)
            Coordinate(lon: 104.0657, lat: 30.6595),  // Chengdu
        ]
        for p in mainland {
            #expect(GCJ02.appliesOffset(at: p), "\(p)")
            #expect(try metres(p, GCJ02.fromWGS84(p)) > 100, "\(p)")
        }
    }

    @Test func identityOutsideMainlandChina() {
        let elsewhere = [
            Coordinate(lon: 114.1580, lat: 22.2820),  // Hong Kong, Central
            Coordinate(lon: 113.9750, lat: 22.3900),  // Hong Kong, Tuen Mun
            Coordinate(lon: 113.5387, lat: 22.1935),  // Macau, Senado Square
            Coordinate(lon: 121.5654, lat: 25.0330),  // Taipei
            Coordinate(lon: 126.9780, lat: 37.5665),  // Seoul
            Coordinate(lon: 105.8542, lat: 21.0285),  // Hanoi
            Coordinate(lon: 106.9057, lat: 47.8864),  // Ulaanbaatar
            Coordinate(lon: 139.6917, lat: 35.6895),  // Tokyo
            Coordinate(lon: 13.4050, lat: 52.5200),  // Berlin
        ]
        for p in elsewhere {
            #expect(!GCJ02.appliesOffset(at: p), "\(p)")
            for datum in ChineseDatum.allCases where datum != .bd09 {
                #expect(ChineseDatum.wgs84.convert(p, to: datum) == p, "\(p) → \(datum)")
                #expect(datum.convert(p, to: .wgs84) == p, "\(datum) → WGS84 at \(p)")
            }
        }
    }

    @Test func sameDatumIsIdentity() {
        for datum in ChineseDatum.allCases {
            #expect(datum.convert(tiananmen, to: datum) == tiananmen)
        }
    }
}
