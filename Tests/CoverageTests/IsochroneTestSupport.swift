import GeoCore
import TestSupport

enum IsochroneTestRoads {
    /// A projected origin typical of CGCS2000 Gauss-Krüger metres in Chengdu.
    static let x0 = 410_000.0
    static let y0 = 3_395_000.0

    static func point(_ x: Double, _ y: Double) -> PlanarPoint {
        PlanarPoint(x: x0 + x, y: y0 + y)
    }

    /// A street grid of `n × n` jittered junctions, `spacing` metres apart, one bent
    /// piece per block edge, with each piece's distance from the grid centre.
    static func grid(n: Int, spacing: Double, seed: UInt64) -> [(piece: [PlanarPoint], distance: Double)] {
        var random = SplitMix64(seed: seed)
        let junctions = (0..<n).map { i in
            (0..<n).map { j in
                point(Double(i) * spacing + random.unit() * spacing / 4, Double(j) * spacing + random.unit() * spacing / 4)
            }
        }
        let centre = point(Double(n - 1) * spacing / 2, Double(n - 1) * spacing / 2)
        var pieces: [(piece: [PlanarPoint], distance: Double)] = []
        for i in 0..<n {
            for j in 0..<n {
                for (di, dj) in [(1, 0), (0, 1)] where i + di < n && j + dj < n {
                    let a = junctions[i][j]
                    let b = junctions[i + di][j + dj]
                    let bend = PlanarPoint(
                        x: (a.x + b.x) / 2 + (random.unit() - 0.5) * 10,
                        y: (a.y + b.y) / 2 + (random.unit() - 0.5) * 10)
                    pieces.append(([a, bend, b], PlanarPolyline.distance(a, centre)))
                }
            }
        }
        return pieces
    }
}
