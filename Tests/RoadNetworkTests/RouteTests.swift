import GeoCore
import Testing

@testable import RoadNetwork

@Suite struct RouteTests {
    @Test func sameSegmentBothWays() throws {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0)])
        g.road(0, 1, bends: [(500, 0)])
        let graph = g.build()
        let ahead = try #require(ShortestPath.route(graph, from: at(graph, 0, 300), to: at(graph, 0, 700)))
        #expect(ahead.seconds == 96 && ahead.meters == 400)
        #expect(ahead.points == [PlanarPoint(x: 300, y: 0), PlanarPoint(x: 500, y: 0), PlanarPoint(x: 700, y: 0)])
        let back = try #require(ShortestPath.route(graph, from: at(graph, 0, 700), to: at(graph, 0, 300)))
        #expect(back.seconds == 96 && back.meters == 400)
        #expect(back.points == [PlanarPoint(x: 700, y: 0), PlanarPoint(x: 500, y: 0), PlanarPoint(x: 300, y: 0)])
        let still = try #require(ShortestPath.route(graph, from: at(graph, 0, 300), to: at(graph, 0, 300)))
        #expect(still.seconds == 0 && still.meters == 0 && still.points.count == 2)
    }

    @Test func oneWayTargetBehindGoesAroundTheBlock() throws {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (1000, 1000), (0, 1000)])
        g.road(0, 1, forward: true, backward: false)
        g.road(1, 2)
        g.road(2, 3)
        g.road(3, 0)
        let graph = g.build()
        let route = try #require(ShortestPath.route(graph, from: at(graph, 0, 500), to: at(graph, 0, 400)))
        #expect(abs(route.seconds - 936) < 1e-9)
        #expect(route.meters == 3900)
        #expect(
            route.points == [
                PlanarPoint(x: 500, y: 0), PlanarPoint(x: 1000, y: 0), PlanarPoint(x: 1000, y: 1000),
                PlanarPoint(x: 0, y: 1000), PlanarPoint(x: 0, y: 0), PlanarPoint(x: 400, y: 0),
            ])
        // The other way round it is just 100 m of the same one-way.
        let ahead = try #require(ShortestPath.route(graph, from: at(graph, 0, 400), to: at(graph, 0, 500)))
        #expect(ahead.meters == 100)
    }

    @Test func partialFirstAndLastSegmentsAcrossAWalkedLink() throws {
        // A(0,0) — B(1000,0) ridden, B — C(1100,0) walked, C — D(2100,0) ridden.
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (1100, 0), (2100, 0)])
        g.road(0, 1)
        g.road(1, 2, walked: true)
        g.road(3, 2)  // stored D → C
        let graph = g.build()
        let route = try #require(ShortestPath.route(graph, from: at(graph, 0, 750), to: at(graph, 2, 600)))
        // 250 m ridden (60 s) + 100 m walked (80 s) + 400 m ridden (96 s).
        #expect(abs(route.seconds - 236) < 1e-9)
        #expect(route.meters == 750)
        #expect(
            route.points == [
                PlanarPoint(x: 750, y: 0), PlanarPoint(x: 1000, y: 0), PlanarPoint(x: 1100, y: 0), PlanarPoint(x: 1500, y: 0),
            ])
    }

    @Test func routeFromAndToNodes() throws {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (1000, 1000)])
        g.road(0, 1)
        g.road(1, 2)
        let graph = g.build()
        let route = try #require(ShortestPath.route(graph, from: at(graph, 0, 0), to: at(graph, 1, 1000)))
        #expect(route.seconds == 480 && route.meters == 2000)
        #expect(route.points == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1000, y: 0), PlanarPoint(x: 1000, y: 1000)])
        let atNode = try #require(ShortestPath.route(graph, from: at(graph, 0, 1000), to: at(graph, 1, 0)))
        #expect(atNode.seconds == 0 && atNode.meters == 0)
    }

    @Test func unreachableTargetHasNoRoute() {
        var g = HandGraph()
        g.nodes([(0, 0), (1000, 0), (5000, 0), (6000, 0)])
        g.road(0, 1, forward: true, backward: false)
        g.road(2, 3)
        let graph = g.build()
        #expect(ShortestPath.route(graph, from: at(graph, 0, 500), to: at(graph, 1, 500)) == nil)
        #expect(ShortestPath.route(graph, from: at(graph, 0, 500), to: at(graph, 0, 100)) == nil)
    }
}
