import GeoCore

/// Turns the highway ways of an `OSMExtract` into a `RoadGraph` for a profile.
///
/// Only ways the profile may use count. A way is cut into segments at every
/// node that two or more usable ways share (a node a way passes twice, not in
/// a row, counts twice) and at its ends; the nodes in between stay as the segment's
/// polyline. Coordinates are projected once, in one batch, into the metric
/// CRS `MetricCRS` picks for the bounding box of the used nodes.
enum OSMGraphAssembly {
    /// The graph of every usable way (all components), or nil when no way
    /// is usable by `profile`.
    /// - Throws: `ProjectionError` when PROJ fails.
    /// - Complexity: O(way nodes) plus one projection batch.
    static func build(_ extract: OSMExtract, profile: TravelProfile) throws -> RoadGraph? {
        let uses = extract.wayTags.map { ProfileRules.use(of: $0, by: profile) }
        var occurrences = [UInt8](repeating: 0, count: extract.nodeID.count)
        var isEnd = [Bool](repeating: false, count: extract.nodeID.count)
        for w in 0..<extract.wayCount where uses[w] != nil {
            let nodes = extract.nodes(ofWay: w)  // at least two: the reader drops shorter pieces
            var previous: UInt32?
            for n in nodes where n != previous {
                previous = n
                occurrences[Int(n)] = min(2, occurrences[Int(n)] + 1)
            }
            isEnd[Int(nodes.first!)] = true
            isEnd[Int(nodes.last!)] = true
        }
        let used = (0..<extract.nodeID.count).filter { occurrences[$0] > 0 }
        guard !used.isEmpty else { return nil }

        let coordinates = used.map { Coordinate(lon: extract.nodeLon[$0], lat: extract.nodeLat[$0]) }
        let box = BoundingBox(covering: coordinates)!
        let projected = try MetricCRS.projection(for: box).forward(coordinates)
        var planar = [PlanarPoint](repeating: PlanarPoint(x: 0, y: 0), count: extract.nodeID.count)
        for (i, n) in used.enumerated() { planar[n] = projected[i] }

        var builder = RoadGraphBuilder(
            crs: MetricCRS.identifier(for: box), profile: profile, cruiseSpeedKmh: profile.defaultSpeedKmh)
        var graphNode = [Int32](repeating: -1, count: extract.nodeID.count)
        func node(_ n: Int) -> UInt32 {
            if graphNode[n] < 0 {
                graphNode[n] = Int32(
                    builder.addNode(
                        lon: extract.nodeLon[n], lat: extract.nodeLat[n], x: planar[n].x, y: planar[n].y,
                        osmID: extract.nodeID[n]))
            }
            return UInt32(graphNode[n])
        }
        for w in 0..<extract.wayCount {
            guard let use = uses[w] else { continue }
            let separated = ProfileRules.isGradeSeparated(extract.wayTags[w])
            var start = -1
            var points: [PlanarPoint] = []
            var previous = -1
            for n in extract.nodes(ofWay: w).map({ Int($0) }) where n != previous {
                previous = n
                points.append(planar[n])
                let splits = isEnd[n] || occurrences[n] > 1
                guard splits else { continue }
                if start >= 0 {
                    builder.addSegment(
                        from: node(start), to: node(n), points: points,
                        forward: use.forward, backward: use.backward, walked: use.walked,
                        gradeSeparated: separated)
                } else {
                    _ = node(n)
                }
                start = n
                points = [planar[n]]
            }
        }
        return builder.build()
    }
}
