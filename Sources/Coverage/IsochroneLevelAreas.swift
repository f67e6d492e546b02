import GeoCore
import RoadNetwork

/// The service area of each level's own pieces (the union of their buffers),
/// optionally on two threads.
enum LevelAreas {
    /// One area per entry of `pieces`, in `context`.
    ///
    /// Without `parallel` every level is unioned in `context` on the calling
    /// thread. With `parallel` the levels are spread over two threads, each
    /// with its own GEOS context (largest level first, each to the less loaded
    /// thread), and the areas are copied into `context` as planar polygons.
    /// Each level is unioned on its own either way, so the result does not
    /// depend on the number of cores. (Splitting a large level into halves
    /// was tried: joining the halves again cost more than the second core
    /// saved on this 2-core machine.)
    /// - Throws: `IsochroneError` or `GEOSError` from `builder`.
    /// - Complexity: about O(n log n) in the number of buffer vertices, divided
    ///   over the threads, plus O(n) to copy the areas.
    static func areas(
        of pieces: [[[PlanarPoint]]], builder: IsochronePolygonBuilder, parallel: Bool, context: GEOSContext
    ) throws -> [GEOSGeometry] {
        guard parallel, pieces.count > 1 else { return try pieces.map { try builder.serviceArea(of: $0, in: context) } }
        let bundles = schedule(pieces.map { $0.reduce(0) { $0 + $1.count } }, threads: 2)
        let results = try ParallelJobs.map(count: bundles.count, workers: bundles.count, makeState: { try GEOSContext() }) { geos, thread in
            try bundles[thread].map { (level: $0, area: try builder.serviceArea(of: pieces[$0], in: geos).toMultiPolygon()) }
        }
        return try results.joined().sorted { $0.level < $1.level }.map { try GEOSGeometry(multiPolygon: $0.area, in: context) }
    }

    /// Levels (by index) per thread: largest first, each to the least loaded thread.
    private static func schedule(_ weights: [Int], threads: Int) -> [[Int]] {
        var bundles = [[Int]](repeating: [], count: threads)
        var load = [Int](repeating: 0, count: threads)
        for level in weights.indices.sorted(by: { (weights[$1], $0) < (weights[$0], $1) }) {
            let thread = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            bundles[thread].append(level)
            load[thread] += weights[level]
        }
        return bundles.filter { !$0.isEmpty }
    }
}
