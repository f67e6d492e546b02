import GeoCore
import RoadNetwork

/// How service-area polygons are drawn from the reached road.
public enum ServiceAreaGeometry: String, Sendable, CaseIterable {
    /// The exact-distance raster (`RasterServiceArea`): fast, boundary within
    /// `RasterServiceArea.boundaryError(cellSize:accessDistance:)` inside the
    /// true offset line along roads (corners: see `RasterServiceArea`).
    case raster
    /// GEOS buffers of the reached road, unioned (`IsochronePolygonBuilder`):
    /// vertex-exact, arcs drawn inside their circles.
    case exact
}

/// Service areas drawn on an exact-distance raster: every reached stretch of
/// road writes its exact Euclidean distance onto the nodes of a square grid
/// (only the nodes within reach of it, each measured once per stretch it is
/// nearest to, with that stretch's segment as the node's owner), and the area
/// is the contour of that distance field at the access distance
/// (`RasterContour`, boundary cells only), holes kept.
///
/// All levels share one grid: a level's pieces are written on top of the
/// levels below it, so each level's field is the minimum over all its reached
/// road. As in `NestedIsochrones.build`, every level below the last is drawn
/// `nestingMargin` further in per level above it (contour at d − k·margin).
///
/// Two constructions, by the number of levels:
///
/// - **Several levels** (`reach` with 5/10/15 minutes): marching squares with
///   linear interpolation along cell edges of the distance to the inside
///   node's own nearest segment (and to the outside node's, where that one
///   reaches the inside node too: the farther crossing of the two), not of
///   the two nodes' values: where the nodes' nearest roads differ (a ridge
///   between two roads), their minimum peaks between the nodes and plain
///   interpolation would run across ground beyond both roads' lines (filling
///   strips up to a cell wide between parallel roads). Each segment's
///   distance is convex, so its line of interpolation lies above it and the
///   crossing stays within that segment's reach. Distance to a road is
///   1-Lipschitz with level lines bending with radius ≥ d, so a crossing lies
///   at most h²/(8d) from the true d-line and a chord across a cell bows at
///   most h²/(4d) (sagitta of h√2 on radius d): along roads and round ends
///   the boundary lies inside the true line by at most `boundaryError` =
///   3h²/(8d) + 2 cm (the ring simplification), 0.77 m at 10 m cells and
///   50 m, and never outside it except where the nesting clearance below
///   moves a crossing out (by centimetres where the last level's corner
///   chord is long, at most to the cell's corner where it is tiny). Where two roads' offset lines meet in an
///   inward corner, the chord across that corner's cell lies outside the
///   true line: 2.8 m at a right-angled L, up to 4.5 m on jittered street
///   grids (less than half a cell diagonal). The levels nest as written:
///   each level's crossing on an edge lies at least `nestingMargin` beyond
///   the last level's, and where the last level's chord cut off a corner of
///   a cell, this level's lies beyond that chord scaled about the corner by
///   3.5 cm (`RasterContour`), more than the ring simplification and the
///   rounding to 7 decimals of a degree can take back.
/// - **One level** (`area(of:)`, the audit's gaps, `reach` with one time):
///   exact crossings and corners (Kobbelt et al. 2001 in 2-D, see
///   `RasterContour`): every crossing lies on its owner's offset curve and
///   every chord joins two points of one segment's curve, so along roads,
///   round ends and the corners where two offset lines meet (L, T, a ring's
///   hole) the boundary is never outside the true line (beyond 10⁻⁵ m of
///   rounding) and at most h²/(4d) + 2 cm inside (0.52 m). Left over: thin
///   wedges of far ground that poke past a cell between two inside nodes, and
///   cells crossed by more offset curves than the corner search follows
///   (measured on jittered 120 m street grids: up to 4.9 m outside on under
///   0.1 % of the area, up to 2.9 m inside, 0.02 % of the served area
///   missed). Levels drawn this way could fail to nest by slivers where one
///   level finds a corner and another keeps a chord, which is why several
///   levels keep their chords.
///
/// Saddle cells keep their two inside corners apart (joining them could
/// cut across ground farther than d), and ring simplification only drops
/// vertices lying outside the chord that replaces them, so it moves the
/// boundary inward, never outward.
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

    /// The stated bound, in metres, on how far inside the true offset line at
    /// `accessDistance` the raster boundary lies along roads and round ends:
    /// the edge interpolation error h²/(8d) plus the chord sagitta h²/(4d),
    /// plus the ring simplification tolerance (`simplification`, default 2 cm);
    /// 0.77 m for 10 m cells and 50 m. It holds for both constructions (the
    /// exact one keeps within h²/(4d) + 2 cm); neither lies outside the line
    /// there. The corners are described on the type.
    public static func boundaryError(
        cellSize: Double, accessDistance: Double, simplification: Double = RasterServiceArea.defaultSimplification
    ) -> Double {
        3 * cellSize * cellSize / (8 * accessDistance) + simplification
    }

    /// With linear interpolation (several levels) the nodes within this many
    /// metres of a road are written: a node next to an inside node (closer
    /// than the access distance) is less than one cell farther (distance is
    /// 1-Lipschitz), so every crossing is interpolated between two exact
    /// values; 5 % of a cell more absorbs the rounding of the squared
    /// distances to `Float`. The exact construction (one level) writes only
    /// the nodes within the access distance.
    var interpolationReach: Double { accessDistance + 1.05 * cellSize }

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
        workspace.grid.reset(
            bounds: bounds, cellSize: cellSize, reach: exact ? accessDistance : interpolationReach)
        workspace.startLevels()
        var result: [NestedIsochrone] = []
        for (k, level) in levels.enumerated() {
            for piece in level.pieces { workspace.grid.write(piece) }
            let threshold = accessDistance - Double(levels.count - 1 - k) * nestingMargin
            let area = RasterRingSimplifier.simplified(
                RasterContour.polygons(
                    in: workspace, threshold: threshold, exact: exact, separation: nestingMargin, lastLevel: k == levels.count - 1),
                tolerance: simplification)
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
