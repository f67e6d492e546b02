/// The area where GCJ-02 applies: mainland China without Hong Kong, Macau and
/// Taiwan, as a set of (lon, lat) rings read with the even-odd rule.
///
/// The rings come from Natural Earth 1:10m admin-0 countries 5.1.1 (public
/// domain, naturalearthdata.com), China's polygon plus a ~10 km sea margin that
/// stays ~10 km away from every other country, simplified with a 0.008° (~0.9 km)
/// tolerance; `scripts/derive-gcj02-region` regenerates them and
/// geodata/SOURCES.md cites the source. A point is tested against each ring's
/// bounding box first, then by ray casting (even-odd crossing count, as in
/// W. R. Franklin's PNPOLY) over only the edges of its latitude band (each ring's
/// edges are bucketed into `bandCount` bands), so a test reads a few dozen edges.
struct MainlandChinaRegion: Sendable {
    /// One ring: its bounding box and its vertices as flat (lon, lat) pairs.
    struct Ring: Sendable {
        var minLon: Double, minLat: Double, maxLon: Double, maxLat: Double
        var lonLat: [Double]
        /// Edge `i` runs from vertex `i - 1` (the last for `i == 0`) to vertex `i`;
        /// band `b` holds the edges `bandEdges[bandStart[b] ..< bandStart[b + 1]]`
        /// whose latitude range meets it.
        var bandStart: [Int32] = []
        var bandEdges: [Int32] = []

        /// The band of latitude `lat`, clamped to `0 ..< bandCount`.
        func band(_ lat: Double) -> Int {
            let t = (lat - minLat) / max(maxLat - minLat, 1e-12) * Double(MainlandChinaRegion.bandCount)
            return min(max(Int(t), 0), MainlandChinaRegion.bandCount - 1)
        }

        /// Fills `bandStart`/`bandEdges` from the vertices.
        mutating func buildBands() {
            let n = lonLat.count / 2
            var lists = [[Int32]](repeating: [], count: MainlandChinaRegion.bandCount)
            for i in 0..<n {
                let j = i == 0 ? n - 1 : i - 1
                let y0 = lonLat[2 * i + 1]
                let y1 = lonLat[2 * j + 1]
                for b in band(min(y0, y1))...band(max(y0, y1)) { lists[b].append(Int32(i)) }
            }
            bandStart = [0]
            for list in lists {
                bandEdges += list
                bandStart.append(Int32(bandEdges.count))
            }
        }
    }

    /// Latitude bands per ring.
    static let bandCount = 512

    /// The rings of the region; outer rings and holes alike.
    let rings: [Ring]
    /// The bounding box of all rings.
    let minLon: Double, minLat: Double, maxLon: Double, maxLat: Double

    /// The region parsed once from `ringText`.
    static let shared = MainlandChinaRegion(text: ringText)

    /// Parses rings written one a line as "lon lat lon lat …".
    init(text: String) {
        var rings: [Ring] = []
        for line in text.split(separator: "\n") {
            let values = line.split(separator: " ").compactMap { Double($0) }
            guard values.count >= 6, values.count % 2 == 0 else { continue }
            var ring = Ring(minLon: .infinity, minLat: .infinity, maxLon: -.infinity, maxLat: -.infinity, lonLat: values)
            for i in stride(from: 0, to: values.count, by: 2) {
                ring.minLon = min(ring.minLon, values[i])
                ring.maxLon = max(ring.maxLon, values[i])
                ring.minLat = min(ring.minLat, values[i + 1])
                ring.maxLat = max(ring.maxLat, values[i + 1])
            }
            ring.buildBands()
            rings.append(ring)
        }
        self.rings = rings
        minLon = rings.map(\.minLon).min() ?? 0
        maxLon = rings.map(\.maxLon).max() ?? 0
        minLat = rings.map(\.minLat).min() ?? 0
        maxLat = rings.map(\.maxLat).max() ?? 0
    }

    /// True when `c` is inside an odd number of rings.
    func contains(_ c: Coordinate) -> Bool {
        let x = c.lon
        let y = c.lat
        guard x >= minLon, x <= maxLon, y >= minLat, y <= maxLat else { return false }
        var inside = false
        for ring in rings where x >= ring.minLon && x <= ring.maxLon && y >= ring.minLat && y <= ring.maxLat {
            let b = ring.band(y)
            ring.lonLat.withUnsafeBufferPointer { v in
                let n = v.count / 2
                for k in Int(ring.bandStart[b])..<Int(ring.bandStart[b + 1]) {
                    let i = Int(ring.bandEdges[k])
                    let j = i == 0 ? n - 1 : i - 1
                    let xi = v[2 * i]
                    let yi = v[2 * i + 1]
                    let xj = v[2 * j]
                    let yj = v[2 * j + 1]
                    if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside.toggle()
                    }
                }
            }
        }
        return inside
    }
}
