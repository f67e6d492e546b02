import GeoCore
import RoadNetwork

/// Service areas (isochrone polygons) of a set of sources on the road graph:
/// the shared core of `reach` (the circles) and `audit` (the gaps).
public enum ServiceAreas {
    /// Nested service areas of `sources` together, one per entry of `minutes`
    /// (ascending), from one bounded multi-source search.
    ///
    /// Each level's road is what the search reaches within its limit, partial
    /// last edges cut where time runs out (`ReachedIntervals`). Only the
    /// stretches a level adds to the one below are buffered, joined into long
    /// chains (`ReachPieces`); `NestedIsochrones` unions them with the level
    /// below, so each level covers the one before it.
    ///
    /// `origins`, when given (one per source), are where the riders set out:
    /// the straight walk from `origins[i]` to `sources[i].snap.point`, taking
    /// the source's first `startSeconds` (as for `SearchSource(doorToDoor:)`),
    /// is reached ground too, as far as each limit allows, so a station lies
    /// inside its own circle even when it is farther than the access distance
    /// from its road. The walk is not counted as road in `roadKilometres`.
    /// `parallel` unions on two threads (see `NestedIsochrones.build`).
    /// - Throws: `IsochroneError.levelsNotAscending` unless `minutes` strictly
    ///   increase; other `IsochroneError`s or `GEOSError` from polygon building.
    /// - Complexity: one search to the largest limit, then O(pieces log pieces)
    ///   polygon work per level.
    public static func nested(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch,
        builder: IsochronePolygonBuilder, origins: [PlanarPoint] = [], parallel: Bool = false
    ) throws -> [NestedIsochrone] {
        try nested(
            sources: sources, minutes: minutes, search: &search, builder: builder, context: GEOSContext(),
            origins: origins, parallel: parallel)
    }

    /// `nested(sources:minutes:search:builder:origins:parallel:)` in `context`,
    /// a GEOS context of the calling thread.
    static func nested(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch,
        builder: IsochronePolygonBuilder, context: GEOSContext, origins: [PlanarPoint] = [], parallel: Bool = false
    ) throws -> [NestedIsochrone] {
        let levels = try levels(sources: sources, minutes: minutes, search: &search, origins: origins)
        return try NestedIsochrones.build(levels, with: builder, parallel: parallel, in: context)
    }

    /// The parts of the walks from `origins` to the sources' snap points that
    /// are walked between `start` and `end` seconds (each walk takes its
    /// source's `startSeconds`); a walk of zero length gives its one point
    /// (a disc around the station) in the first level.
    static func walks(from origins: [PlanarPoint], to sources: [SearchSource], after start: Double, until end: Double) -> [[PlanarPoint]] {
        var pieces: [[PlanarPoint]] = []
        for (origin, source) in zip(origins, sources) {
            let total = source.startSeconds
            func point(at seconds: Double) -> PlanarPoint {
                let f = total > 0 ? min(1, seconds / total) : 1
                return PlanarPoint(x: origin.x + (source.snap.point.x - origin.x) * f, y: origin.y + (source.snap.point.y - origin.y) * f)
            }
            if start == 0 {
                pieces.append([origin, point(at: end)])
            } else if start < total {
                pieces.append([point(at: start), point(at: end)])
            }
        }
        return pieces
    }
}
