import Foundation
import GeoCore
import Testing

@testable import Coverage

/// The distance grid against a brute-force oracle: every node within reach
/// holds its exact squared distance to the nearest written segment (and, when
/// the grid keeps owners, an owner at that distance), every other node holds
/// +∞, the row spans cover every written node, and `reset` leaves no value behind.
@Suite struct RasterDistanceGridTests {
    /// Squared distance in cell units from node (i, j) to the nearest segment of `pieces`.
    private func bruteForce(_ grid: RasterDistanceGrid, _ pieces: [[PlanarPoint]], i: Int, j: Int) -> Double {
        let x = grid.originX + Double(i) * grid.cellSize
        let y = grid.originY + Double(j) * grid.cellSize
        var best = Double.infinity
        for piece in pieces {
            for k in piece.indices {
                let a = piece[k]
                let b = piece[min(k + 1, piece.count - 1)]
                let segment = RasterSegment(ax: a.x, ay: a.y, bx: b.x, by: b.y)
                best = min(best, segment.squaredDistance(x, y))
            }
        }
        return best / (grid.cellSize * grid.cellSize)
    }

    private func check(_ pieces: [[PlanarPoint]], reach: Double, keepsOwners: Bool) {
        var grid = RasterDistanceGrid()
        guard let bounds = RasterDistanceGrid.bounds(of: [pieces]) else { return }
        grid.reset(bounds: bounds, cellSize: 10, reach: reach, keepsOwners: keepsOwners)
        for piece in pieces { grid.write(piece) }
        let r2 = (reach / 10) * (reach / 10)
        var inSpans = Set<Int>()
        grid.forEachWritten { inSpans.insert($0) }
        var mismatches = 0
        for j in 0..<grid.rows {
            for i in 0..<grid.columns {
                let node = j * grid.columns + i
                let expected = bruteForce(grid, pieces, i: i, j: j)
                let value = Double(grid.values[node])
                if expected <= r2 - 1e-6 {
                    // Float storage: relative error 2⁻²⁴ plus the squared-distance rounding.
                    if abs(value - expected) > 1e-5 * max(1, expected) { mismatches += 1 }
                    if !inSpans.contains(node) { mismatches += 1 }
                    if keepsOwners, grid.owners[node] < 0 || Int(grid.owners[node]) >= grid.segments.count {
                        mismatches += 1
                    } else if keepsOwners {
                        let s = grid.segments[Int(grid.owners[node])]
                        let d2 = s.squaredDistance(Double(i), Double(j))
                        if abs(d2 - expected) > 1e-5 * max(1, expected) { mismatches += 1 }
                    }
                } else if expected > r2 + 1e-6 {
                    if value != .infinity { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) nodes differ from the brute-force distances")
    }

    @Test(arguments: [3, 4] as [UInt64])
    func jitteredStreetsMatchBruteForce(seed: UInt64) {
        let pieces = IsochroneTestRoads.grid(n: 4, spacing: 110, seed: seed).map(\.piece)
        check(pieces, reach: 50, keepsOwners: true)
        check(pieces, reach: 60.5, keepsOwners: false)
    }

    @Test func singlePointsAxisAlignedAndRepeatedPointsMatchBruteForce() {
        let p = IsochroneTestRoads.point
        let pieces = [
            [p(0, 0)],  // a lone point: a disc
            [p(40, 40), p(140, 40), p(140, 40), p(140, 140)],  // axis-aligned, a repeated point, a right angle
            [p(200.3, 10.7), p(230.9, 80.2), p(205.1, 150.6)],  // a sharp bend
            [p(140, 140), p(60, 200)],  // ends where another piece ends: one disc for both
        ]
        check(pieces, reach: 50, keepsOwners: true)
    }

    @Test func junctionsBendsAndWedgesOfEveryOrientationMatchBruteForce() {
        let p = IsochroneTestRoads.point
        var pieces: [[PlanarPoint]] = [
            // A cross, a T, a road split in two and an L, each arm its own piece.
            [p(100, 100), p(190, 100)], [p(100, 100), p(100, 190)], [p(100, 100), p(10, 100)], [p(100, 100), p(100, 10)],
            [p(300, 100), p(220, 100)], [p(300, 100), p(380, 100)], [p(300, 100), p(300, 200)],
            [p(300, 200), p(420, 200)], [p(420, 200), p(420, 290)],
        ]
        // Bends turning by 3° to 170° towards every side: wedges pointing every way.
        for (k, turn) in [3.0, 20, 45, 90, 135, 170].enumerated() {
            for (m, heading) in [0.0, 70, 160, 250, 330].enumerated() {
                let cx = 600 + Double(m) * 260
                let cy = 100 + Double(k) * 260
                let a = heading * Double.pi / 180
                let b = (heading + turn * (m % 2 == 0 ? 1 : -1)) * Double.pi / 180
                pieces.append([p(cx - 90 * cos(a), cy - 90 * sin(a)), p(cx, cy), p(cx + 90 * cos(b), cy + 90 * sin(b))])
            }
        }
        check(pieces, reach: 50, keepsOwners: true)
        check(pieces, reach: 60.5, keepsOwners: false)
    }

    @Test func resetClearsEveryWrittenNode() {
        let p = IsochroneTestRoads.point
        var grid = RasterDistanceGrid()
        let road = [p(0, 0), p(300, 120)]
        grid.reset(bounds: RasterDistanceGrid.bounds(of: [[road]])!, cellSize: 10, reach: 50)
        grid.write(road)
        var written = 0
        grid.forEachWritten { _ in written += 1 }
        #expect(written > 0)
        // A smaller grid elsewhere in the same buffers: nothing of the first survives.
        let other = [p(1000, 1000), p(1010, 1000)]
        grid.reset(bounds: RasterDistanceGrid.bounds(of: [[other]])!, cellSize: 10, reach: 20)
        #expect(grid.values.allSatisfy { $0 == .infinity })
        var none = 0
        grid.forEachWritten { _ in none += 1 }
        #expect(none == 0)
    }
}
