import GeoCore

/// The reached pieces of road for one travel-time limit.
public struct IsochroneLevel: Hashable, Sendable {
    /// The travel-time limit in minutes.
    public var minutes: Double
    /// The reached pieces of road, planar polylines in metres.
    public var pieces: [[PlanarPoint]]

    /// Creates a level of `minutes` with its reached `pieces`.
    public init(minutes: Double, pieces: [[PlanarPoint]]) {
        self.minutes = minutes
        self.pieces = pieces
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
    /// Length of this level's reached pieces of road in kilometres.
    public var roadKilometres: Double
}

/// Service areas for increasing travel times that nest by construction.
public enum NestedIsochrones {
    /// Mitred corners: growing a polygon by a few centimetres adds no arc vertices.
    private static let marginStyle = GEOSBufferStyle(join: .mitre)

    /// One service area per level, each covering the one before it.
    ///
    /// Level i + 1 is the union of level i's area, grown by `nestingMargin`, and the
    /// buffers of its own pieces, so the 10-minute area lies inside the 15-minute one
    /// even where the router's reached sets are not perfectly nested. The margin is
    /// what makes this hold for exact predicates: without it the overlay's computed
    /// crossing points (off by ~10⁻⁹ m) leave slivers of level i outside level i + 1
    /// and GEOS `covers` fails. The default 5 cm also survives writing both areas as
    /// WGS84 with 7 decimals (≤ 1.5 cm of relative movement), and is invisible next
    /// to a 50 m access distance (a level's boundary lies at most `nestingMargin` ×
    /// the number of levels below it outside its own pieces' buffers). Pieces equal to one of an earlier level's are not
    /// buffered again (the previous area already holds them).
    /// - Throws: `IsochroneError.levelsNotAscending` unless minutes strictly increase,
    ///   `IsochroneError.nestingMarginNegative` for a negative or non-finite margin;
    ///   other `IsochroneError`s and `GEOSError`s as `IsochronePolygonBuilder`.
    /// - Complexity: about O(n log n) per level in the number of buffer vertices.
    public static func build(
        _ levels: [IsochroneLevel], with builder: IsochronePolygonBuilder = IsochronePolygonBuilder(),
        nestingMargin: Double = 0.05, in context: GEOSContext
    ) throws -> [NestedIsochrone] {
        guard nestingMargin.isFinite, nestingMargin >= 0 else {
            throw IsochroneError.nestingMarginNegative(nestingMargin)
        }
        for index in levels.indices.dropFirst() where !(levels[index].minutes > levels[index - 1].minutes) {
            throw IsochroneError.levelsNotAscending(
                index: index, minutes: levels[index].minutes, previousMinutes: levels[index - 1].minutes)
        }
        var result: [NestedIsochrone] = []
        result.reserveCapacity(levels.count)
        var previousArea: GEOSGeometry?
        var earlierPieces: Set<[PlanarPoint]> = []
        for level in levels {
            let newPieces = level.pieces.filter { !earlierPieces.contains($0) }
            let ownArea = try builder.serviceArea(of: newPieces, in: context)
            let combined = try previousArea.map { previous in
                let grown = nestingMargin > 0 ? try previous.buffer(nestingMargin, style: marginStyle) : previous
                return try grown.union(ownArea)
            } ?? ownArea
            let area = try builder.validPolygonal(combined, minutes: level.minutes)
            let planar = try area.toMultiPolygon()
            result.append(NestedIsochrone(
                minutes: level.minutes, area: planar,
                areaSquareKilometres: IsochroneMeasures.areaSquareKilometres(planar),
                roadKilometres: IsochroneMeasures.roadKilometres(level.pieces)))
            previousArea = area
            earlierPieces.formUnion(level.pieces)
        }
        return result
    }
}
