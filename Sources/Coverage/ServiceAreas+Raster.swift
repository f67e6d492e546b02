import GeoCore
import RoadNetwork

extension ServiceAreas {
    /// The reached pieces of `sources` together per entry of `minutes`
    /// (ascending), from one bounded multi-source search: level k holds only
    /// the stretches it adds to level k − 1 (joined into chains, `ReachPieces`)
    /// and, with `origins`, the walks from the stations to their road (see
    /// `nested`); its `roadKilometres` is all road reached within its limit.
    /// - Throws: `IsochroneError.levelsNotAscending` unless `minutes` strictly increase.
    /// - Complexity: one search to the largest limit plus O(n log n) per level
    ///   in the reached stretches.
    public static func levels(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch, origins: [PlanarPoint] = []
    ) throws -> [IsochroneLevel] {
        precondition(origins.isEmpty || origins.count == sources.count, "give one origin per source, or none")
        try NestedIsochrones.requireAscending(minutes)
        guard let largest = minutes.last else { return [] }
        let result = search.run(sources, limitSeconds: largest * 60)
        var levels: [IsochroneLevel] = []
        var previous: [ReachedInterval] = []
        var previousLimit = 0.0
        for m in minutes {
            let reached = ReachedIntervals(result, limitSeconds: m * 60)
            var pieces = ReachPieces.chains(ReachPieces.difference(reached.intervals, minus: previous), graph: search.graph)
            if !origins.isEmpty {
                pieces += walks(from: origins, to: sources, after: previousLimit, until: m * 60)
            }
            levels.append(IsochroneLevel(minutes: m, pieces: pieces, roadKilometres: reached.roadKilometres))
            previous = reached.intervals
            previousLimit = m * 60
        }
        return levels
    }

    /// As `nested`, but drawn with `raster` (`RasterServiceArea.nested`)
    /// instead of GEOS buffers: same search, same pieces, same nesting margin.
    /// - Throws: `IsochroneError.levelsNotAscending` unless `minutes` strictly increase.
    /// - Complexity: one search plus the raster work of `RasterServiceArea.nested`.
    public static func nested(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch,
        raster: RasterServiceArea, origins: [PlanarPoint] = []
    ) throws -> [NestedIsochrone] {
        try raster.nested(levels(sources: sources, minutes: minutes, search: &search, origins: origins))
    }

    /// `nested(sources:minutes:search:raster:origins:)` drawn in `workspace`
    /// (one per thread, reused from one call to the next).
    static func nested(
        sources: [SearchSource], minutes: [Double], search: inout MultiSourceSearch,
        raster: RasterServiceArea, origins: [PlanarPoint], workspace: RasterWorkspace
    ) throws -> [NestedIsochrone] {
        try raster.nested(levels(sources: sources, minutes: minutes, search: &search, origins: origins), in: workspace)
    }
}
