import Testing
import GeoCore
@testable import Coverage

@Suite struct IsochronePolylineCutTests {
    /// An L: 100 m east, then 50 m north (150 m).
    private let ell = [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0), PlanarPoint(x: 100, y: 50)]

    @Test func cutAcrossTheCornerKeepsTheCorner() {
        #expect(PolylineCut.piece(ell, from: 30, to: 120) == [
            PlanarPoint(x: 30, y: 0), PlanarPoint(x: 100, y: 0), PlanarPoint(x: 100, y: 20),
        ])
    }

    @Test func cutInsideOneSegment() {
        #expect(PolylineCut.piece(ell, from: 10, to: 40) == [PlanarPoint(x: 10, y: 0), PlanarPoint(x: 40, y: 0)])
        #expect(PolylineCut.piece(ell, from: 110, to: 140) == [PlanarPoint(x: 100, y: 10), PlanarPoint(x: 100, y: 40)])
    }

    @Test func wholeLengthAndClampedOffsetsGiveThePolyline() {
        #expect(PolylineCut.piece(ell, from: 0, to: 150) == ell)
        #expect(PolylineCut.piece(ell, from: -5, to: 500) == ell)
    }

    @Test func reversedOffsetsGiveTheSamePiece() {
        #expect(PolylineCut.piece(ell, from: 120, to: 30) == PolylineCut.piece(ell, from: 30, to: 120))
    }

    @Test func zeroLengthIntervalGivesThePointTwice() {
        #expect(PolylineCut.piece(ell, from: 60, to: 60) == [PlanarPoint(x: 60, y: 0), PlanarPoint(x: 60, y: 0)])
    }

    @Test func offsetsWithinAMillimetreOfAVertexTakeTheVertex() {
        // A length stored as Float (99.9995…) must end on the corner, without a stub.
        #expect(PolylineCut.piece(ell, from: 20, to: 99.9995) == [PlanarPoint(x: 20, y: 0), PlanarPoint(x: 100, y: 0)])
        #expect(PolylineCut.piece(ell, from: 100.0004, to: 150) == [PlanarPoint(x: 100, y: 0), PlanarPoint(x: 100, y: 50)])
    }

    @Test func diagonalInterpolationAtProjectedCoordinates() {
        // A 3-4-5 segment of 50 m far from the origin: 10 m along is (+6, +8), 35 m is (+21, +28).
        let x0 = 410_000.0, y0 = 3_395_000.0
        let line = [PlanarPoint(x: x0, y: y0), PlanarPoint(x: x0 + 30, y: y0 + 40)]
        let piece = PolylineCut.piece(line, from: 10, to: 35)
        #expect(piece.count == 2)
        #expect(abs(piece[0].x - (x0 + 6)) < 1e-9 && abs(piece[0].y - (y0 + 8)) < 1e-9)
        #expect(abs(piece[1].x - (x0 + 21)) < 1e-9 && abs(piece[1].y - (y0 + 28)) < 1e-9)
        #expect(abs(PlanarPolyline.length(piece) - 25) < 1e-9)
    }
}
