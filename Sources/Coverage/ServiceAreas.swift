import GeoCore
import RoadNetwork

/// Service areas (isochrone polygons) of a set of sources on the road graph:
/// the shared core of `reach` (the circles) and `audit` (the gaps).
public enum ServiceAreas {
    /// Nested service areas of `sources` together, one per entry of `minutes`
    /// (ascending), from one bounded multi-source search.
    ///
    /// Each level's pieces are the road reached within its limit, partial last
    /// edges cut where time runs out (`ReachedIntervals`); `builder` buffers them
    /// by the access distance and `NestedIsochrones` makes each level cover the
    /// one before it.
    /// - Throws: `IsochroneError` or `GEOSError` from polygon building.
    /// - Complexity: one search to the largest limit, then O(pieces log pieces)
    ///   polygon work per level.
    public static func nested(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch,
        builder: IsochronePolygonBuilder, context: GEOSContext
    ) throws -> [NestedIsochrone] {
        guard let largest = minutes.max() else { return [] }
        let result = search.run(sources, limitSeconds: largest * 60)
        let graph = search.graph
        let levels = minutes.map { m in
            IsochroneLevel(minutes: m, pieces: ReachedIntervals(result, limitSeconds: m * 60).intervals.map {
                graph.points(segment: $0.segment, from: $0.from, to: $0.to)
            })
        }
        return try NestedIsochrones.build(levels, with: builder, in: context)
    }
}
