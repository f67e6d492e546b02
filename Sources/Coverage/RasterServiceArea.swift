import GeoCore
import RoadNetwork

/// How service-area polygons are drawn from the reached road.
public enum ServiceAreaGeometry: String, Sendable, CaseIterable {
    /// The exact-distance raster (`RasterServiceArea`): fast, boundary within
    /// `RasterServiceArea.boundaryError(cellSize:)` of the true offset line.
    case raster
    /// GEOS buffers of the reached road, unioned (`IsochronePolygonBuilder`):
    /// vertex-exact, arcs drawn inside their circles.
    case exact
}

/// Service areas drawn on an exact-distance raster: every reached stretch of
/// road writes its exact Euclidean distance onto the nodes of a square grid
/// (only the nodes within reach of it), and the area is the contour of that
/// distance field at the access distance (marching squares with linear
/// interpolation, `RasterContour`), holes kept.
///
/// All levels share one grid: a level's pieces are written on top of the
/// levels below it, so each level's field is the minimum over all its reached
/// road and the levels nest by construction. As in `NestedIsochrones.build`,
/// every level below the last is drawn `nestingMargin` further in per level
/// above it (contour at d − k·margin), so that the nesting survives rounding
/// the coordinates when writing.
///
/// The boundary error: the exact distance is sampled at the nodes and
/// interpolated linearly along cell edges. Distance to a road is a 1-Lipschitz
/// function whose level lines bend with radius ≥ d (no closer than d to the
/// road), so along an edge of length h the linear interpolant differs from
/// the true distance by at most h²/(8d) (the curvature bound of a disc of
/// radius d; straight stretches interpolate exactly); the crossing found on an
/// edge lies at most that far from the true d-line, and the straight chords
/// between crossings across a cell bow from the true arc by at most h²/(4d)
/// (sagitta of a chord ≤ h√2 on radius d). `boundaryError(cellSize:accessDistance:)`
/// states the sum plus the 2 cm of ring simplification (`RasterRingSimplifier`,
/// which drops the collinear crossings along straight road); 10 m cells at
/// 50 m: 0.77 m (measured 0.50 m on straight roads), 20 m cells: 3.02 m
/// (measured 1.73 m). Along single roads the
/// boundary never lies outside the true line (beyond the 4·10⁻⁶ m resolution
/// of the Float32 distances). Where two roads' offset lines meet in an inward
/// corner, the chord across that corner's cell lies outside the true line:
/// by 2.8 m at a right-angled L and at most 4.5 m on a jittered street grid
/// (10 m cells; the tests hold it under half a cell diagonal, 7.1 m).
public struct RasterServiceArea: Hashable, Sendable {
    /// How far from a reached road a rider still counts as served, in metres.
    public var accessDistance: Double
    /// Grid spacing in metres (default 10).
    public var cellSize: Double
    /// How far each level lies inside the next larger one, in metres (default 5 cm).
    public var nestingMargin: Double
    /// Douglas–Peucker tolerance for the contour rings, in metres (default 2 cm,
    /// below half the nesting margin so that simplified levels still nest;
    /// `RasterRingSimplifier`): drops the collinear crossings along straight
    /// road. 0 keeps every crossing.
    public var simplification: Double

    /// The default grid spacing in metres.
    public static let defaultCellSize = 10.0

    /// A raster construction with `accessDistance` and `cellSize` metres.
    /// - Throws: `IsochroneError.accessDistanceNotPositive` for a non-positive
    ///   or non-finite access distance; `IsochroneError.nestingMarginNegative`
    ///   for a bad margin. A non-positive cell size or a negative or non-finite
    ///   simplification stops (programming error).
    public init(
        accessDistance: Double = 50, cellSize: Double = RasterServiceArea.defaultCellSize, nestingMargin: Double = 0.05,
        simplification: Double = RasterServiceArea.defaultSimplification
    ) throws {
        guard accessDistance.isFinite, accessDistance > 0 else { throw IsochroneError.accessDistanceNotPositive(accessDistance) }
        guard nestingMargin.isFinite, nestingMargin >= 0 else { throw IsochroneError.nestingMarginNegative(nestingMargin) }
        precondition(cellSize.isFinite && cellSize > 0, "cell size must be a positive number of metres")
        self.accessDistance = accessDistance
        self.cellSize = cellSize
        self.nestingMargin = nestingMargin
        precondition(simplification.isFinite && simplification >= 0, "simplification must be a non-negative number of metres")
        self.simplification = simplification
    }

    /// The default Douglas–Peucker tolerance of the contour rings, in metres.
    public static let defaultSimplification = 0.02

    /// The stated bound, in metres, on how far the raster boundary lies from
    /// the true offset line at `accessDistance` along single roads and round
    /// ends: the edge interpolation error h²/(8d) plus the chord sagitta h²/(4d),
    /// plus the ring simplification tolerance (`simplification`, default 2 cm).
    public static func boundaryError(
        cellSize: Double, accessDistance: Double, simplification: Double = RasterServiceArea.defaultSimplification
    ) -> Double {
        3 * cellSize * cellSize / (8 * accessDistance) + simplification
    }

    /// With linear interpolation (several levels) the nodes within this many
    /// metres of a road are written: every corner of a cell touching the
    /// access distance holds its exact value. The exact construction (one
    /// level) writes only the nodes within the access distance.
    var interpolationReach: Double { accessDistance + 1.5 * cellSize }

    /// One service area per level, nested, on one grid.
    ///
    /// `levels[k].pieces` need only hold what level k adds to the levels below
    /// (as `ServiceAreas` gives them); each level's area covers all pieces of
    /// the levels up to it.
    /// - Throws: `IsochroneError.levelsNotAscending` unless minutes strictly increase.
    /// - Complexity: O(nodes within reach of the road) to write, and per level
    ///   O(written nodes + boundary cells) to contour.
    public func nested(_ levels: [IsochroneLevel]) throws -> [NestedIsochrone] {
        try nested(levels, in: RasterWorkspace())
    }

    /// `nested(_:)` drawn in `workspace` (reused across calls on one thread).
    func nested(_ levels: [IsochroneLevel], in workspace: RasterWorkspace) throws -> [NestedIsochrone] {
        try NestedIsochrones.requireAscending(levels.map(\.minutes))
        guard let bounds = RasterDistanceGrid.bounds(of: levels.map(\.pieces)) else {
            return levels.map {
                NestedIsochrone(minutes: $0.minutes, area: PlanarMultiPolygon(), areaSquareKilometres: 0, roadKilometres: $0.roadKilometres)
            }
        }
        let exact = levels.count == 1
        workspace.grid.reset(bounds: bounds, cellSize: cellSize, reach: exact ? accessDistance : interpolationReach)
        workspace.startLevels()
        var result: [NestedIsochrone] = []
        for (k, level) in levels.enumerated() {
            for piece in level.pieces { workspace.grid.write(piece) }
            let threshold = accessDistance - Double(levels.count - 1 - k) * nestingMargin
            let area = RasterRingSimplifier.simplified(
                RasterContour.polygons(in: workspace, threshold: threshold, exact: exact), tolerance: simplification)
            result.append(
                NestedIsochrone(
                    minutes: level.minutes, area: area,
                    areaSquareKilometres: IsochroneMeasures.areaSquareKilometres(area),
                    roadKilometres: level.roadKilometres))
        }
        return result
    }

    /// The area within the access distance of all `pieces` together.
    /// - Complexity: as `nested` with one level.
    public func area(of pieces: [[PlanarPoint]]) -> PlanarMultiPolygon {
        guard let bounds = RasterDistanceGrid.bounds(of: [pieces]) else { return PlanarMultiPolygon() }
        let workspace = RasterWorkspace()
        workspace.grid.reset(bounds: bounds, cellSize: cellSize, reach: accessDistance)
        for piece in pieces { workspace.grid.write(piece) }
        return RasterRingSimplifier.simplified(
            RasterContour.polygons(in: workspace, threshold: accessDistance), tolerance: simplification)
    }
}
