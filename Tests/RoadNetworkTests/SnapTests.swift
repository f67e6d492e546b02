import GeoCore
import TestSupport
import Testing

@testable import RoadNetwork

@Suite struct SnapTests {
    /// Segment 0: A(0,0) → (100,0) → B(100,100), bent; segment 1: B → C(300,100).
    func bentRoad() -> RoadGraph {
        var g = HandGraph()
        g.nodes([(0, 0), (100, 100), (300, 100)])
        g.road(0, 1, bends: [(100, 0)])
        g.road(1, 2)
        return g.build()
    }

    @Test func nearestPointOnABentPolylineIsInsideASegment() throws {
        let index = SegmentIndex(graph: bentRoad())
        let hit = try #require(index.nearest(to: PlanarPoint(x: 120, y: 50)))
        #expect(hit.segment == 0)
        #expect(hit.offset == 150)
        #expect(hit.distance == 20)
        #expect(hit.point == PlanarPoint(x: 100, y: 50))
    }

    @Test func equalDistancesPickLowestSegmentThenSmallestOffset() throws {
        let index = SegmentIndex(graph: bentRoad())
        // Inside the bend, 10 m from both pieces of segment 0.
        let corner = try #require(index.nearest(to: PlanarPoint(x: 90, y: 10)))
        #expect(corner.segment == 0 && corner.offset == 90 && corner.distance == 10)
        // Right of node B, as close to the end of segment 0 as to the start of segment 1.
        let node = try #require(index.nearest(to: PlanarPoint(x: 100, y: 120)))
        #expect(node.segment == 0 && node.offset == 200 && node.distance == 20)
    }

    @Test func farPointIsUnroutableWithItsTrueDistance() throws {
        let graph = bentRoad()
        let index = SegmentIndex(graph: graph)
        let outcomes = index.snap([PlanarPoint(x: 300, y: 5100), PlanarPoint(x: 200, y: 150)], maxDistance: 300)
        #expect(outcomes[0] == .unroutable(distance: 5000))
        let near = try #require(outcomes[1].snapPoint)
        #expect(near.segment == 1 && near.offset == 100 && near.distance == 50)
        #expect(index.snap([PlanarPoint(x: 300, y: 5100)], maxDistance: 6000)[0].snapPoint?.distance == 5000)
        #expect(index.snap([PlanarPoint(x: .nan, y: 0)]) == [.unroutable(distance: nil)])
    }

    @Test func emptyGraphSnapsNothing() {
        var g = HandGraph()
        g.nodes([(0, 0)])
        let index = SegmentIndex(graph: g.build())
        #expect(index.nearest(to: PlanarPoint(x: 0, y: 0)) == nil)
        #expect(index.snap([PlanarPoint(x: 1, y: 1)]) == [.unroutable(distance: nil)])
    }

    @Test func snappedOffsetsAtNodesAreExactlyTheEnds() throws {
        let graph = bentRoad()
        let index = SegmentIndex(graph: graph)
        let end = try #require(index.nearest(to: PlanarPoint(x: 320, y: 130)))
        #expect(end.segment == 1 && end.offset == graph.segmentLength[1])
        let start = try #require(index.nearest(to: PlanarPoint(x: -3, y: -4)))
        #expect(start.segment == 0 && start.offset == 0 && start.distance == 5)
    }

    @Test(arguments: [11, 12] as [UInt64])
    func nearestMatchesBruteForceNearAndFar(seed: UInt64) {
        let graph = randomGraph(seed: seed, nodeCount: 200)
        let index = SegmentIndex(graph: graph)
        var rng = SplitMix64(state: seed)
        for k in 0..<300 {
            // Most inside the 3 km square, some up to 20 km outside it.
            let spread = k % 5 == 0 ? 40_000.0 : 3200
            let q = PlanarPoint(x: rng.unit() * spread - spread / 2 + 1500, y: rng.unit() * spread - spread / 2 + 1500)
            var best = Double.infinity
            for s in 0..<graph.segmentCount {
                let line = graph.polyline(s)
                for i in 1..<line.count {
                    let a = line[i - 1]
                    let b = line[i]
                    let dx = b.x - a.x
                    let dy = b.y - a.y
                    let t = dx == 0 && dy == 0 ? 0 : min(max(((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy), 0), 1)
                    let ex = a.x + t * dx - q.x
                    let ey = a.y + t * dy - q.y
                    best = min(best, (ex * ex + ey * ey).squareRoot())
                }
            }
            guard let hit = index.nearest(to: q) else {
                Issue.record("no hit")
                continue
            }
            #expect(abs(hit.distance - best) < 1e-9)
            let back = graph.pointAt(segment: hit.segment, offset: hit.offset)
            #expect(abs(back.x - hit.point.x) < 1e-6 && abs(back.y - hit.point.y) < 1e-6)
            #expect(
                abs(((hit.point.x - q.x) * (hit.point.x - q.x) + (hit.point.y - q.y) * (hit.point.y - q.y)).squareRoot() - hit.distance)
                    < 1e-9)
        }
    }
}
