import GeoCore
import RoadNetwork
import Testing

@testable import Coverage

@Suite struct ReachPiecesTests {
    private func r(_ s: Int, _ from: Double, _ to: Double) -> ReachedInterval { ReachedInterval(segment: s, from: from, to: to) }

    @Test func differenceKeepsOnlyWhatIsNew() {
        let current = [r(0, 0, 100), r(1, 0, 50), r(1, 60, 100), r(2, 10, 90), r(4, 0, 10)]
        let previous = [r(0, 20, 30), r(0, 50, 100), r(1, 0, 50), r(2, 0, 5), r(2, 95, 99), r(3, 0, 7)]
        #expect(
            ReachPieces.difference(current, minus: previous) == [
                r(0, 0, 20), r(0, 30, 50), r(1, 60, 100), r(2, 10, 90), r(4, 0, 10),
            ])
        // One earlier stretch across two current ones cuts both.
        #expect(ReachPieces.difference([r(0, 0, 40), r(0, 60, 100)], minus: [r(0, 30, 70)]) == [r(0, 0, 30), r(0, 70, 100)])
        #expect(ReachPieces.difference([r(0, 0, 40)], minus: [r(0, 0, 40)]).isEmpty)
        #expect(ReachPieces.difference([r(0, 0, 40)], minus: []) == [r(0, 0, 40)])
    }

    @Test func crossingStreetsBecomeTwoChains() {
        // A plus: centre node 0 with arms to the east, north, west and south, 100 m each.
        var roads = ReachRoads()
        roads.nodes([(0, 0), (100, 0), (0, 100), (-100, 0), (0, -100)])
        for arm in 1...4 { roads.road(0, arm) }
        let graph = roads.build()
        let chains = ReachPieces.chains((0..<4).map { r($0, 0, 100) }, graph: graph)
        #expect(chains.count == 2)
        #expect(chains.allSatisfy { $0.count == 3 && $0[1] == PlanarPoint(x: 0, y: 0) })
        #expect(chains.map(PlanarPolyline.length).reduce(0, +) == 400)
    }

    @Test func closedLoopIsOneClosedChainAndPartialEndsStayOpen() {
        var roads = ReachRoads()
        roads.nodes([(0, 0), (100, 0), (100, 100), (0, 100), (200, 0)])
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 0)] { roads.road(u, v) }
        roads.road(1, 4)
        let graph = roads.build()
        let loop = ReachPieces.chains((0..<4).map { r($0, 0, 100) }, graph: graph)
        #expect(loop.count == 1)
        #expect(loop[0].count == 5 && loop[0].first == loop[0].last)
        // A stretch that stops 30 m into segment 4 joins the loop at node 1 but ends open.
        let spur = ReachPieces.chains([r(0, 0, 100), r(4, 0, 30)], graph: graph)
        #expect(spur == [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0), PlanarPoint(x: 130, y: 0)]])
    }

    @Test func chainsOfARandomGridBufferToTheSameArea() throws {
        let geos = try GEOSContext()
        let graph = ReachEngineTests.grid(n: 7, spacing: 150, seed: 3)
        var search = MultiSourceSearch(graph: graph)
        let snap = SegmentIndex(graph: graph).nearest(to: PlanarPoint(x: 460, y: 440))!
        let result = search.run([SearchSource(snap: snap, startSeconds: 0)], limitSeconds: 150)
        let stretches = ReachedIntervals(result, limitSeconds: 150).intervals
        let pieces = stretches.map { graph.points(segment: $0.segment, from: $0.from, to: $0.to) }
        let chains = ReachPieces.chains(stretches, graph: graph)
        #expect(chains.count < pieces.count / 2)
        #expect(abs(chains.map(PlanarPolyline.length).reduce(0, +) - pieces.map(PlanarPolyline.length).reduce(0, +)) < 1e-6)
        let builder = IsochronePolygonBuilder()
        let fromPieces = try GEOSGeometry(multiPolygon: builder.polygons(of: pieces), in: geos)
        let fromChains = try GEOSGeometry(multiPolygon: builder.polygons(of: chains), in: geos)
        // Round joins and round caps draw the same arcs, up to where the arc vertices fall.
        let area = try fromPieces.area
        #expect(try fromPieces.difference(fromChains).area + fromChains.difference(fromPieces).area < 1e-3 * area)
    }
}
