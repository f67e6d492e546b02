import GeoCore

/// A route between two snapped points.
public struct Route: Hashable, Sendable {
    /// Travel time along the roads in seconds (without the walk to and from
    /// the road; add `snap.distance / walking speed` for door to door).
    public var seconds: Double
    /// Length along the roads in metres.
    public var meters: Double
    /// The route's polyline in the graph's metric CRS, from the start point
    /// to the end point, without repeated consecutive points.
    public var points: [PlanarPoint]
}

/// Point-to-point shortest paths on a `RoadGraph`.
public enum ShortestPath {
    /// The fastest route from `from` to `to`, respecting one-way rules, or
    /// `nil` when `to` cannot be reached. Handles the partial first and last
    /// segments and a start and end on the same segment. One source in a
    /// `MultiSourceSearch` that stops as soon as no unsettled node can improve
    /// the best arrival (`MultiSourceSearch.path`), then laid out as a polyline.
    /// - Complexity: O((V + E) log V) in the worst case, O(V) memory.
    public static func route(_ graph: RoadGraph, from: SnapPoint, to: SnapPoint) -> Route? {
        var search = MultiSourceSearch(graph: graph)
        guard let path = search.path(from: [SearchSource(snap: from, startSeconds: 0)], to: to) else { return nil }
        return layout(graph, path, from: from, to: to)
    }

    /// Lays out `path` from `from` to `to`: the rest of the start segment,
    /// the whole edges, the first part of the end segment (or the straight
    /// way along one segment when the path never leaves it).
    private static func layout(_ graph: RoadGraph, _ path: SearchPath, from: SnapPoint, to: SnapPoint) -> Route {
        let startLength = graph.segmentLength[from.segment]
        let startOffset = min(max(from.offset, 0), startLength)
        let length = graph.segmentLength[to.segment]
        let offset = min(max(to.offset, 0), length)
        guard let entry = path.entry else {
            return Route(
                seconds: path.seconds, meters: abs(offset - startOffset),
                points: graph.points(segment: to.segment, from: startOffset, to: offset))
        }
        var points: [PlanarPoint] = []
        var meters = 0.0
        func add(_ piece: [PlanarPoint], _ length: Double) {
            for p in piece where points.last != p { points.append(p) }
            meters += length
        }
        switch path.exit {
        case .forward?:
            add(graph.points(segment: from.segment, from: startOffset, to: startLength), startLength - startOffset)
        case .backward?:
            add(graph.points(segment: from.segment, from: startOffset, to: 0), startOffset)
        default:
            add([graph.pointAt(segment: from.segment, offset: startOffset)], 0)
        }
        for e in path.edges {
            let s = Int(graph.edgeSegment[e])
            var piece = graph.polyline(s)
            if !graph.edgeForward[e] { piece.reverse() }
            add(piece, graph.segmentLength[s])
        }
        switch entry {
        case .forward: add(graph.points(segment: to.segment, from: 0, to: offset), offset)
        case .backward: add(graph.points(segment: to.segment, from: length, to: offset), length - offset)
        case .atNode: break
        }
        if points.count == 1 { points.append(points[0]) }
        return Route(seconds: path.seconds, meters: meters, points: points)
    }
}
