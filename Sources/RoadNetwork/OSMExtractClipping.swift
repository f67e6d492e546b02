import GeoCore

extension OSMExtract {
    /// The extract with its highway ways cut to `box`: a way node is kept
    /// when it or a neighbour along the way lies inside the box, so roads
    /// crossing the border keep their first piece outside; every run of two
    /// or more kept nodes becomes its own way (same id and tags).
    ///
    /// Extracts made by bounding box hold complete data only inside their
    /// header box; outside it only the ways that cross the border remain, as
    /// long dangling lines (one-way carriageways that lead nowhere). Cutting
    /// them keeps the graph to the area the file describes.
    /// - Complexity: O(way nodes).
    func clipped(to box: BoundingBox) -> OSMExtract {
        let inside = (0..<nodeID.count).map { box.contains(Coordinate(lon: nodeLon[$0], lat: nodeLat[$0])) }
        var result = self
        result.wayID = []
        result.wayNodeStart = [0]
        result.wayNode = []
        result.wayTags = []
        for w in 0..<wayCount {
            let nodes = Array(self.nodes(ofWay: w))
            var run: [UInt32] = []
            func flush() {
                if run.count >= 2 {
                    result.wayID.append(wayID[w])
                    result.wayNode.append(contentsOf: run)
                    result.wayNodeStart.append(result.wayNode.count)
                    result.wayTags.append(wayTags[w])
                }
                run = []
            }
            for i in nodes.indices {
                let keep =
                    inside[Int(nodes[i])]
                    || (i > 0 && inside[Int(nodes[i - 1])])
                    || (i + 1 < nodes.count && inside[Int(nodes[i + 1])])
                if keep { run.append(nodes[i]) } else { flush() }
            }
            flush()
        }
        return result
    }
}
