import GeoCore
import RoadNetwork
import Testing

/// `RoadGraph.points(segment:from:to:)`, the one polyline cutter: reach cuts every
/// reached stretch of road with it before buffering.
@Suite struct ReachPieceCutTests {
    /// One segment shaped as an L: 100 m east, then 50 m north (150 m).
    private let ell = ReachTestGraphs.oneSegment([(0, 0), (100, 0), (100, 50)])

    private func p(_ x: Double, _ y: Double) -> PlanarPoint { PlanarPoint(x: x, y: y) }

    @Test func cutAcrossTheCornerKeepsTheCorner() {
        #expect(ell.points(segment: 0, from: 30, to: 120) == [p(30, 0), p(100, 0), p(100, 20)])
    }

    @Test func cutInsideOneStraightPiece() {
        #expect(ell.points(segment: 0, from: 10, to: 40) == [p(10, 0), p(40, 0)])
        #expect(ell.points(segment: 0, from: 110, to: 140) == [p(100, 10), p(100, 40)])
    }

    @Test func wholeLengthAndClampedOffsetsGiveThePolyline() {
        #expect(ell.points(segment: 0, from: 0, to: 150) == [p(0, 0), p(100, 0), p(100, 50)])
        #expect(ell.points(segment: 0, from: -5, to: 500) == [p(0, 0), p(100, 0), p(100, 50)])
    }

    @Test func reversedOffsetsGiveTheSamePointsInTravelOrder() {
        #expect(ell.points(segment: 0, from: 120, to: 30) == ell.points(segment: 0, from: 30, to: 120).reversed())
    }

    @Test func zeroLengthStretchGivesThePointTwice() {
        #expect(ell.points(segment: 0, from: 60, to: 60) == [p(60, 0), p(60, 0)])
    }

    @Test func offsetsWithinAMillimetreOfAVertexTakeTheVertex() {
        // An offset computed with rounding (99.9995…) must end on the corner, without a stub.
        #expect(ell.points(segment: 0, from: 20, to: 99.9995) == [p(20, 0), p(100, 0)])
        #expect(ell.points(segment: 0, from: 100.0004, to: 150) == [p(100, 0), p(100, 50)])
    }

    @Test func diagonalInterpolationAtProjectedCoordinates() {
        // A 3-4-5 segment of 50 m far from the origin: 10 m along is (+6, +8), 35 m is (+21, +28).
        let x0 = 410_000.0
        let y0 = 3_395_000.0
        let graph = ReachTestGraphs.oneSegment([(x0, y0), (x0 + 30, y0 + 40)])
        let piece = graph.points(segment: 0, from: 10, to: 35)
        #expect(piece.count == 2)
        #expect(abs(piece[0].x - (x0 + 6)) < 1e-9 && abs(piece[0].y - (y0 + 8)) < 1e-9)
        #expect(abs(piece[1].x - (x0 + 21)) < 1e-9 && abs(piece[1].y - (y0 + 28)) < 1e-9)
        #expect(abs(PlanarPolyline.length(piece) - 25) < 1e-9)
    }
}
