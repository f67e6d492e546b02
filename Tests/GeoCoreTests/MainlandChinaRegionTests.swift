import Foundation
import Testing

@testable import GeoCore

/// `GCJ02.appliesOffset(at:)` against the Natural Earth boundary
/// (`MainlandChinaRegion`): towns on both sides of China's land borders, Hong
/// Kong, Macau and Taiwan. Each point lies at least ~1 km from the border in
/// Natural Earth 1:10m admin-0 (checked with SpatiaLite `ST_Contains` on the
/// unsimplified file), so the ~0.4 km simplification cannot flip it.
@Suite struct MainlandChinaRegionTests {
    /// (place, lon, lat, GCJ-02 applies).
    static let places: [(String, Double, Double, Bool)] = [
        ("黑河, Aihui (the issue's point)", 127.4990, 50.2449, true),
        ("Blagoveshchensk, Russia, across the Amur", 127.5270, 50.2700, false),
        ("满洲里", 117.3800, 49.5980, true),
        ("Zabaykalsk, Russia", 117.3200, 49.6500, false),
        ("二连浩特", 111.9770, 43.6530, true),
        ("Zamyn-Üüd, Mongolia", 111.9000, 43.7200, false),
        ("霍尔果斯", 80.4150, 44.2100, true),
        ("Korgas, Kazakhstan", 80.1700, 44.2200, false),
        ("Zharkent, Kazakhstan", 80.0000, 44.1600, false),
        ("喀什", 75.9900, 39.4700, true),
        ("Sary-Tash, Kyrgyzstan", 73.2500, 39.7300, false),
        ("塔什库尔干", 75.2300, 37.7700, true),
        ("Murghab, Tajikistan", 73.9700, 38.1700, false),
        ("樟木", 85.9828, 27.9895, true),
        ("Tatopani, Nepal, below Kodari", 85.9400, 27.9400, false),
        ("瑞丽", 97.8550, 24.0130, true),
        ("Muse, Myanmar", 97.9000, 23.9800, false),
        ("河口 (north bank of the Red River)", 103.9550, 22.5150, true),
        ("Lao Cai, Vietnam", 103.9750, 22.4700, false),
        ("东兴", 107.9700, 21.5470, true),
        ("Móng Cái, Vietnam (south wards)", 107.9600, 21.5000, false),
        ("丹东", 124.4000, 40.1200, true),
        ("Sinuiju, DPRK", 124.3980, 40.1000, false),
        ("珲春", 130.3660, 42.8630, true),
        ("Kraskino, Russia", 130.8000, 42.7100, false),
        ("绥芬河", 131.1500, 44.4000, true),
        ("Pogranichny, Russia", 131.3800, 44.4100, false),
        ("抚远", 134.2900, 48.3600, true),
        ("Khabarovsk, Russia", 135.0700, 48.4800, false),
        ("塔城", 82.9800, 46.7500, true),
        ("Bakhty, Kazakhstan", 82.7200, 46.6700, false),
        ("凭祥", 106.7500, 22.1000, true),
        ("Lạng Sơn, Vietnam", 106.7600, 21.8500, false),
        ("勐腊", 101.5600, 21.4600, true),
        ("Luang Namtha, Laos", 101.4000, 20.9500, false),
        ("腾冲", 98.4900, 25.0200, true),
        ("Myitkyina, Myanmar", 97.3964, 25.3834, false),
        ("亚东", 88.9100, 27.4800, true),
        ("Gangtok, India", 88.6120, 27.3314, false),
        ("Thimphu, Bhutan", 89.6386, 27.4728, false),
        ("Kathmandu, Nepal", 85.3240, 27.7172, false),
        ("普兰", 81.1800, 30.2900, true),
        ("狮泉河 (Ngari)", 80.1000, 32.5000, true),
        ("Leh, India", 77.5800, 34.1600, false),
        ("Gilgit, Pakistan", 74.3100, 35.9200, false),
        ("Sost, Pakistan", 74.8000, 36.6900, false),
        ("Choibalsan, Mongolia", 114.5300, 48.0700, false),
        ("阿尔山", 119.9400, 47.1800, true),
        ("Almaty, Kazakhstan", 76.9500, 43.2400, false),
        ("Bishkek, Kyrgyzstan", 74.5900, 42.8700, false),
        ("Ulaanbaatar, Mongolia", 106.9057, 47.8864, false),
        ("珠海 拱北", 113.5460, 22.2230, true),
        ("珠海 横琴", 113.5200, 22.1200, true),
        ("Macau, Senado Square", 113.5387, 22.1935, false),
        ("Macau, Coloane", 113.5600, 22.1200, false),
        ("深圳 福田", 114.0579, 22.5431, true),
        ("深圳 罗湖", 114.1180, 22.5480, true),
        ("深圳 蛇口", 113.9150, 22.4850, true),
        ("Hong Kong, Lok Ma Chau", 114.0700, 22.5100, false),
        ("Hong Kong, Central", 114.1580, 22.2820, false),
        ("Hong Kong, Tuen Mun", 113.9750, 22.3900, false),
        ("Taipei", 121.5654, 25.0330, false),
        ("Kinmen (Taiwan), off 厦门", 118.3200, 24.4400, false),
        ("厦门", 118.0890, 24.4798, true),
        ("三亚", 109.5120, 18.2528, true),
        ("海口", 110.3300, 20.0300, true),
        ("漠河", 122.5400, 52.9700, true),
        ("集安", 126.1900, 41.1200, true),
        ("Manpo, DPRK", 126.2900, 41.1500, false),
        ("Pyongyang", 125.7625, 39.0392, false),
        ("Seoul", 126.9780, 37.5665, false),
        ("Hanoi", 105.8542, 21.0285, false),
        ("成都", 104.0657, 30.6595, true),
        ("拉萨", 91.1300, 29.6500, true),
        ("乌鲁木齐", 87.6200, 43.8300, true),
        ("上海 外滩", 121.4900, 31.2400, true),
        ("青岛", 120.3800, 36.0700, true),
        ("大连", 121.6100, 38.9100, true),
        ("Hong Kong airport (reclaimed, not in the 1:10m coast)", 113.9150, 22.3080, false),
        ("Kinmen (Taiwan), off 厦门", 118.3200, 24.4400, false),
    ]

    @Test func bordersFollowNaturalEarth() {
        for (name, lon, lat, expected) in Self.places {
            #expect(GCJ02.appliesOffset(at: Coordinate(lon: lon, lat: lat)) == expected, "\(name) \(lon),\(lat)")
        }
    }

    /// The forward conversion shifts exactly where the region says so, and
    /// leaves every other point bit-identical.
    @Test func conversionShiftsOnlyInside() {
        for (name, lon, lat, expected) in Self.places {
            let p = Coordinate(lon: lon, lat: lat)
            let gcj = ChineseDatum.wgs84.convert(p, to: .gcj02)
            if expected {
                #expect(abs(gcj.lon - lon) + abs(gcj.lat - lat) > 0.001, "\(name) not shifted")
            } else {
                #expect(gcj == p, "\(name) shifted")
                #expect(ChineseDatum.gcj02.convert(p, to: .wgs84) == p, "\(name) unshifted back")
            }
        }
    }

    /// The rows of ../shared/bad-inputs/gcj02-places.csv (yes = shifted; no,
    /// SAR, TW = unchanged), but 河口 moved from 103.9410,22.5040, which the
    /// 1:10m data puts 0.4 km inside Vietnam, to 103.9550,22.5150 in the town.
    @Test func sharedBadInputPlaces() {
        let rows: [(String, Double, Double, Bool)] = [
            ("Chengdu", 104.0657, 30.6595, true), ("Shenzhen-Futian", 114.0579, 22.5431, true),
            ("Heihe-Aihui", 127.4990, 50.2449, true), ("Xunke", 128.4770, 49.5820, true),
            ("Manzhouli", 117.3800, 49.5980, true), ("Hekou-Yunnan", 103.9550, 22.5150, true),
            ("Seoul", 126.9780, 37.5665, false), ("Pyongyang", 125.7625, 39.0392, false),
            ("Sinuiju-DPRK", 124.3980, 40.1000, false), ("Hanoi", 105.8542, 21.0285, false),
            ("LaoCai-Vietnam", 103.9700, 22.4850, false), ("Ulaanbaatar", 106.9057, 47.8864, false),
            ("Choibalsan-Mongolia", 114.5300, 48.0700, false), ("Blagoveshchensk-Russia", 127.5270, 50.2700, false),
            ("Thimphu-Bhutan", 89.6386, 27.4728, false), ("Kathmandu-Nepal", 85.3240, 27.7172, false),
            ("Gangtok-India", 88.6120, 27.3314, false), ("Myitkyina-Myanmar", 97.3964, 25.3834, false),
            ("Bishkek-Kyrgyzstan", 74.5900, 42.8700, false), ("Gilgit-Pakistan", 74.3100, 35.9200, false),
            ("Tokyo", 139.6917, 35.6895, false), ("HongKong", 114.1694, 22.3193, false),
            ("Macau", 113.5439, 22.1987, false), ("Taipei", 121.5654, 25.0330, false),
        ]
        for (name, lon, lat, expected) in rows {
            #expect(GCJ02.appliesOffset(at: Coordinate(lon: lon, lat: lat)) == expected, "\(name)")
        }
    }

    /// A hand-made ring: the unit square with a square hole, even-odd rule.
    @Test func evenOddRingsAndBoundingBoxes() {
        let region = MainlandChinaRegion(text: "0 0 4 0 4 4 0 4\n1 1 3 1 3 3 1 3\n10 10 11 10 11 11\n")
        #expect(region.rings.count == 3)
        #expect(region.contains(Coordinate(lon: 0.5, lat: 0.5)))
        #expect(!region.contains(Coordinate(lon: 2, lat: 2)))  // in the hole
        #expect(!region.contains(Coordinate(lon: 5, lat: 2)))
        #expect(region.contains(Coordinate(lon: 10.8, lat: 10.2)))  // the triangle
        #expect(!region.contains(Coordinate(lon: 10.2, lat: 10.8)))  // its bbox, not the triangle
        #expect(!region.contains(Coordinate(lon: -1, lat: 20)))
    }

    /// The latitude bands give the same answer as plain ray casting over every
    /// edge, on a 0.1° grid over the whole region (about 330,000 points).
    @Test func bandsAgreeWithPlainRayCasting() {
        let region = MainlandChinaRegion.shared
        func plain(_ x: Double, _ y: Double) -> Bool {
            var inside = false
            for ring in region.rings {
                let v = ring.lonLat
                let n = v.count / 2
                var j = n - 1
                for i in 0..<n {
                    let xi = v[2 * i]
                    let yi = v[2 * i + 1]
                    let xj = v[2 * j]
                    let yj = v[2 * j + 1]
                    if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                    j = i
                }
            }
            return inside
        }
        var disagreements = 0
        var inside = 0
        for x in stride(from: region.minLon - 0.05, through: region.maxLon, by: 0.1) {
            for y in stride(from: region.minLat - 0.05, through: region.maxLat, by: 0.1) {
                let banded = region.contains(Coordinate(lon: x, lat: y))
                if banded != plain(x, y) { disagreements += 1 }
                if banded { inside += 1 }
            }
        }
        #expect(disagreements == 0)
        #expect(inside > 90_000)  // China is ~9.6 million km², ~100,000 cells of 0.1° near 35° N
    }
}
