import GeoCore
import RoadNetwork

/// Split service areas (`nuanxin reach --split`): one polygon per station and isochrone level, the
/// stations' catchments (network Voronoi cells, Okabe, Satoh, Furuta & Okano 2008, "Generalized
/// network Voronoi diagrams") cut out of the merged service area.
///
/// **Road.** One multi-source search labels every node with its nearest station (door-to-door
/// time, ties to the lower index). Along a segment the time from each way in (from either end node,
/// or from a station on the segment) is linear in the offset, so the segment is cut where two ways
/// in take equal time and each stretch goes to the station arriving first — the exact catchment
/// boundary on the road (`roadIntervals`). A station's road per level is its stretches within the
/// level's limit; together they are exactly the merged service area's road.
///
/// **Polygons.** Off the road every point goes to the station whose reached pieces at the largest
/// level (its stretches and its own walk to the road) are nearest in Euclidean distance, ties to the
/// lower index (`CatchmentCells`: the Voronoi diagram of points sampled along the pieces every
/// raster cell size, so a point goes to a station whose pieces are at most half a cell farther than
/// the nearest one's; on the road the cells meet where the riding times are equal). A station's
/// area at a level is the merged service area of that level intersected with its cell. So the
/// areas of one level are disjoint (up to GEOS's overlay noise, far below 1 m²), their union is the
/// merged area, each is valid, and each station's levels nest because the merged levels nest and
/// the cell is the same for every level.
public enum CatchmentAreas {
    /// Every station's catchment on the road: for each source of `result`, the stretches of road it
    /// reaches first within `limitSeconds`, sorted by segment and offset, merged where contiguous.
    /// - Complexity: O(E_r · a²) for E_r reached segments with a ways in each (a is 2 plus the
    ///   stations on the segment).
    public static func roadIntervals(_ result: SearchResult, limitSeconds: Double) -> [[ReachedInterval]] {
        let graph = result.graph
        var segments: [Int] = []
        for u in result.reachedNodes where Double(result.seconds[Int(u)]) <= limitSeconds {
            for e in graph.outEdges(Int(u)) { segments.append(Int(graph.edgeSegment[e])) }
        }
        for start in result.sources where start.startSeconds <= limitSeconds { segments.append(start.snap.segment) }
        segments.sort()
        var out = [[ReachedInterval]](repeating: [], count: result.sources.count)
        var previous = -1
        for s in segments where s != previous {
            previous = s
            split(segment: s, result, limitSeconds, into: &out)
        }
        return out
    }

    /// One way into a segment: time `alpha + beta · x` at offset x in `low...high`, from source `source`.
    private struct WayIn {
        var source: Int
        var alpha: Double
        var beta: Double
        var low: Double
        var high: Double
        func time(_ x: Double) -> Double { alpha + beta * x }
    }

    private static func split(segment s: Int, _ result: SearchResult, _ limit: Double, into out: inout [[ReachedInterval]]) {
        let graph = result.graph
        let length = graph.segmentLength[s]
        guard length > 0 else { return }
        let forward = Int(graph.segmentForwardEdge[s])
        let backward = Int(graph.segmentBackwardEdge[s])
        var ways: [WayIn] = []
        let from = Int(graph.segmentFrom[s])
        let to = Int(graph.segmentTo[s])
        let perMetreForward = forward >= 0 ? Double(graph.seconds[forward]) / length : 0
        let perMetreBackward = backward >= 0 ? Double(graph.seconds[backward]) / length : 0
        if forward >= 0, Double(result.seconds[from]) <= limit, result.source[from] >= 0 {
            ways.append(
                WayIn(source: Int(result.source[from]), alpha: Double(result.seconds[from]), beta: perMetreForward, low: 0, high: length))
        }
        if backward >= 0, Double(result.seconds[to]) <= limit, result.source[to] >= 0 {
            let t = Double(result.seconds[to])
            ways.append(
                WayIn(source: Int(result.source[to]), alpha: t + perMetreBackward * length, beta: -perMetreBackward, low: 0, high: length))
        }
        for i in result.sources(onSegment: s) {
            let start = result.sources[Int(i)]
            guard start.startSeconds <= limit else { continue }
            let offset = min(max(start.snap.offset, 0), length)
            if forward >= 0 {
                ways.append(
                    WayIn(
                        source: Int(i), alpha: start.startSeconds - perMetreForward * offset, beta: perMetreForward, low: offset,
                        high: length))
            }
            if backward >= 0 {
                ways.append(
                    WayIn(
                        source: Int(i), alpha: start.startSeconds + perMetreBackward * offset, beta: -perMetreBackward, low: 0, high: offset
                    ))
            }
        }
        guard !ways.isEmpty else { return }
        var cuts: [Double] = [0, length]
        for (a, way) in ways.enumerated() {
            cuts += [way.low, way.high]
            if way.beta != 0 { cuts.append((limit - way.alpha) / way.beta) }
            for other in ways[(a + 1)...] where other.beta != way.beta {
                cuts.append((other.alpha - way.alpha) / (way.beta - other.beta))
            }
        }
        cuts = Array(Set(cuts.filter { $0 >= 0 && $0 <= length })).sorted()
        var open: (source: Int, from: Double, to: Double)?
        func close() {
            if let done = open { out[done.source].append(ReachedInterval(segment: s, from: done.from, to: done.to)) }
            open = nil
        }
        for (x0, x1) in zip(cuts, cuts.dropFirst()) where x1 - x0 > 1e-9 {
            let mid = (x0 + x1) / 2
            var best: (time: Double, source: Int)?
            for way in ways where mid >= way.low && mid <= way.high {
                let t = way.time(mid)
                if best == nil || t < best!.time || (t == best!.time && way.source < best!.source) { best = (t, way.source) }
            }
            guard let best, best.time <= limit else {
                close()
                continue
            }
            if let current = open, current.source == best.source, current.to == x0 {
                open!.to = x1
            } else {
                close()
                open = (best.source, x0, x1)
            }
        }
        close()
    }

    /// The split service areas of the routable `stations` at `engine`'s levels, one `StationServiceAreas`
    /// per routable station in input order; each level's `area` is the station's part of the merged
    /// area, `roadKilometres` its own road.
    /// - Throws: `IsochroneError` or `GEOSError` from polygon building.
    /// - Complexity: the merged build, one search, a Voronoi diagram of the sampled pieces with one
    ///   union per station, and S overlays per level.
    /// The merged areas the cells cut are drawn with GEOS (`engine` with `geometry: .exact`,
    /// whatever `engine.geometry` says), as the split has always done; the sites are sampled every
    /// `engine.raster.cellSize` metres.
    public static func split(graph: RoadGraph, stations: [PlacedSite], engine requested: ReachEngine) throws -> [StationServiceAreas] {
        let routable = stations.filter { $0.snap != nil }
        guard let largest = requested.minutes.last, !routable.isEmpty else { return [] }
        let engine =
            requested.geometry == .exact
            ? requested
            : try ReachEngine(
                minutes: requested.minutes, accessDistance: requested.builder.accessDistance,
                bufferStyle: requested.builder.bufferStyle, workers: requested.workers, geometry: .exact)
        let context = try GEOSContext()
        let merged = try engine.merged(graph: graph, stations: routable, context: context)
        let sources = routable.map { SearchSource(doorToDoor: $0.snap!) }
        var search = MultiSourceSearch(graph: graph)
        let result = search.run(sources, limitSeconds: largest * 60)
        let outer = roadIntervals(result, limitSeconds: largest * 60)
        let pieces = routable.indices.map { i in
            ReachPieces.chains(outer[i], graph: graph)
                + ServiceAreas.walks(from: [routable[i].point], to: [sources[i]], after: 0, until: largest * 60)
        }
        let cells = try CatchmentCells.cells(
            pieces, spacing: requested.raster.cellSize, margin: 2 * (engine.builder.accessDistance + requested.raster.cellSize),
            in: context)
        var levels = [[NestedIsochrone]](repeating: [], count: routable.count)
        for level in merged {
            let roads = roadIntervals(result, limitSeconds: level.minutes * 60)
            let area = try GEOSGeometry(multiPolygon: level.area, in: context)
            for i in routable.indices {
                let part = try engine.builder.validPolygonal(try area.intersection(cells[i]), minutes: level.minutes)
                let polygons = try part.toMultiPolygon()
                levels[i].append(
                    NestedIsochrone(
                        minutes: level.minutes, area: polygons, areaSquareKilometres: try part.area / 1e6,
                        roadKilometres: roads[i].reduce(0) { $0 + $1.meters } / 1000))
            }
        }
        return routable.indices.map { StationServiceAreas(station: routable[$0].site, levels: levels[$0]) }
    }
}
