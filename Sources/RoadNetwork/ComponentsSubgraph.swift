import GeoCore

extension RoadGraph {
    /// The part of the graph on the nodes where `keep[u]` is true, re-indexed:
    /// kept nodes and segments keep their relative order, and a segment is
    /// kept when both its ends are (with the directions, walked and
    /// grade-separated flags it had); the polylines of the other segments join
    /// the dropped polylines (`RoadGraph.droppedPointStart`).
    /// - Complexity: O(nodes + segments + points).
    public func subgraph(keeping keep: [Bool]) -> RoadGraph {
        precondition(keep.count == nodeCount, "one flag per node")
        var builder = RoadGraphBuilder(crs: crs, profile: profile, cruiseSpeedKmh: cruiseSpeedKmh)
        var newIndex = [UInt32](repeating: 0, count: nodeCount)
        for u in 0..<nodeCount where keep[u] {
            newIndex[u] = builder.addNode(
                lon: nodeLon[u], lat: nodeLat[u], x: nodeX[u], y: nodeY[u], osmID: nodeOSMID[u])
        }
        for s in 0..<segmentCount where keep[Int(segmentFrom[s])] && keep[Int(segmentTo[s])] {
            let forwardEdge = Int(segmentForwardEdge[s])
            let backwardEdge = Int(segmentBackwardEdge[s])
            let anyEdge = forwardEdge >= 0 ? forwardEdge : backwardEdge
            builder.addSegment(
                from: newIndex[Int(segmentFrom[s])], to: newIndex[Int(segmentTo[s])], points: polyline(s),
                forward: forwardEdge >= 0, backward: backwardEdge >= 0, walked: edgeWalked[anyEdge],
                gradeSeparated: segmentGradeSeparated[s])
        }
        for i in 0..<(droppedPointStart.count - 1) {
            let range = Int(droppedPointStart[i])..<Int(droppedPointStart[i + 1])
            builder.addDroppedPolyline(range.map { PlanarPoint(x: droppedPointX[$0], y: droppedPointY[$0]) })
        }
        for s in 0..<segmentCount where !(keep[Int(segmentFrom[s])] && keep[Int(segmentTo[s])]) {
            builder.addDroppedPolyline(polyline(s))
        }
        return builder.build()
    }

    /// The largest strongly connected component (by road metres) as its own
    /// graph, with the analysis it came from.
    /// - Complexity: O(nodes + edges + points).
    public func largestStronglyConnectedComponent() -> (graph: RoadGraph, components: StronglyConnectedComponents) {
        let components = StronglyConnectedComponents(self)
        guard let largest = components.largest(in: self) else { return (self, components) }
        let keep = components.component.map { Int($0) == largest }
        return (subgraph(keeping: keep), components)
    }
}
