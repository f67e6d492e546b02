import GeoCore

/// The reached pieces of road for one travel-time limit.
public struct IsochroneLevel: Hashable, Sendable {
    /// The travel-time limit in minutes.
    public var minutes: Double
    /// The pieces to buffer, planar polylines in metres. Pieces the levels
    /// below already hold may be left out: each level covers the one before it.
    public var pieces: [[PlanarPoint]]
    /// Length of the road reached within `minutes`, in kilometres.
    public var roadKilometres: Double

    /// Creates a level of `minutes` whose `pieces` are all its reached road,
    /// each stretch once (the road length is their total length).
    public init(minutes: Double, pieces: [[PlanarPoint]]) {
        self.init(minutes: minutes, pieces: pieces, roadKilometres: IsochroneMeasures.roadKilometres(pieces))
    }

    /// Creates a level of `minutes` that buffers `pieces` and reports
    /// `roadKilometres` of reached road (when the pieces are only what is new
    /// since the level below, or include paths off the road).
    public init(minutes: Double, pieces: [[PlanarPoint]], roadKilometres: Double) {
        self.minutes = minutes
        self.pieces = pieces
        self.roadKilometres = roadKilometres
    }
}

/// One service area of a nested set, with the numbers its properties report.
public struct NestedIsochrone: Hashable, Sendable {
    /// The travel-time limit in minutes.
    public var minutes: Double
    /// The service area: planar polygons in metres, RFC 7946 winding, GEOS-valid.
    public var area: PlanarMultiPolygon
    /// `area` in square kilometres.
    public var areaSquareKilometres: Double
    /// Length of the road reached within `minutes`, in kilometres.
    public var roadKilometres: Double
}

/// Service areas for increasing travel times that nest by construction.
public enum NestedIsochrones {
    /// One service area per level, each covering the one before it.
    ///
    /// The union grows level by level: union i + 1 is union i joined with the
    /// buffers of level i + 1's pieces, so it holds union i even where the
    /// router's reached sets are not perfectly nested. Unions alone do not nest
    /// for exact predicates: an overlay's computed crossing points (off by
    /// ~10⁻⁹ m) leave slivers of union i outside union i + 1, and GEOS `covers`
    /// fails. So every level below the last is eroded by `nestingMargin` per
    /// level above it (`NestingMargin.eroded`): the outermost area is exactly
    /// the union of its buffers, the one inside it lies at least
    /// `nestingMargin` inside that, and so on. The default 5 cm survives
    /// writing the areas as WGS84 with 7 decimals (≤ 1.5 cm of relative
    /// movement) and is invisible next to a 50 m access distance; eroding
    /// only ever removes area, so no level claims ground its road does not serve.
    /// Pieces equal to one of an earlier level's are not buffered again.
    /// With `parallel`, the levels' own pieces are unioned on two threads
    /// (`LevelAreas`); the result does not depend on the number of cores.
    /// - Throws: `IsochroneError.levelsNotAscending` unless minutes strictly increase,
    ///   `IsochroneError.nestingMarginNegative` for a negative or non-finite margin;
    ///   other `IsochroneError`s and `GEOSError`s as `IsochronePolygonBuilder`.
    /// - Complexity: about O(n log n) per level in the number of buffer vertices.
    public static func build(
        _ levels: [IsochroneLevel], with builder: IsochronePolygonBuilder = IsochronePolygonBuilder(),
        nestingMargin: Double = 0.05, parallel: Bool = false
    ) throws -> [NestedIsochrone] {
        try build(levels, with: builder, nestingMargin: nestingMargin, parallel: parallel, in: GEOSContext())
    }

    /// `build(_:with:nestingMargin:parallel:)` in `context`, a GEOS context of the calling thread.
    static func build(
        _ levels: [IsochroneLevel], with builder: IsochronePolygonBuilder = IsochronePolygonBuilder(),
        nestingMargin: Double = 0.05, parallel: Bool = false, in context: GEOSContext
    ) throws -> [NestedIsochrone] {
        guard nestingMargin.isFinite, nestingMargin >= 0 else {
            throw IsochroneError.nestingMarginNegative(nestingMargin)
        }
        try requireAscending(levels.map(\.minutes))
        var earlierPieces: Set<[PlanarPoint]> = []
        let newPieces = levels.map { level in
            defer { earlierPieces.formUnion(level.pieces) }
            return level.pieces.filter { !earlierPieces.contains($0) }
        }
        var unions: [GEOSGeometry] = []
        unions.reserveCapacity(levels.count)
        for ownArea in try LevelAreas.areas(of: newPieces, builder: builder, parallel: parallel, context: context) {
            unions.append(try unions.last.map { try $0.union(ownArea) } ?? ownArea)
        }
        return try levels.indices.map { index -> NestedIsochrone in
            let erosion = Double(levels.count - 1 - index) * nestingMargin
            let eroded = erosion > 0 ? try NestingMargin.eroded(unions[index], by: erosion) : (area: unions[index], isValid: false)
            let valid = eroded.isValid ? eroded.area : try builder.validPolygonal(eroded.area, minutes: levels[index].minutes)
            let planar = try valid.toMultiPolygon()
            return NestedIsochrone(
                minutes: levels[index].minutes, area: planar,
                areaSquareKilometres: IsochroneMeasures.areaSquareKilometres(planar),
                roadKilometres: levels[index].roadKilometres)
        }
    }

    /// Checks that `minutes` strictly increase.
    /// - Throws: `IsochroneError.levelsNotAscending` naming the first level out of order.
    /// - Complexity: O(n).
    public static func requireAscending(_ minutes: [Double]) throws {
        for index in minutes.indices.dropFirst() where !(minutes[index] > minutes[index - 1]) {
            throw IsochroneError.levelsNotAscending(index: index, minutes: minutes[index], previousMinutes: minutes[index - 1])
        }
    }
}
