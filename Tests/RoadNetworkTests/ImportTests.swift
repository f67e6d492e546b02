import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// Hand-made OSM files whose graphs are worked out by hand (see the comment
/// at the top of each fixture and `ImportHandLength`).
@Suite struct ImportTests {
    let l = ImportHandLength.lon
    let m = ImportHandLength.lat

    @Test func oneWayStreetsAreRiddenOneWayExceptWhereBicyclesMayContraflow() throws {
        let graph = try OSMFixture.fullGraph("oneway.osm", .ebike)
        #expect(graph.crs == "EPSG:4544")
        #expect(graph.osmNodes == [1, 3, 4, 5, 6])  // node 2 is only a polyline point
        #expect(graph.osmEdges == ["1>3", "3>4", "4>3", "4>1", "4>5", "5>4", "5>6"])
        let e = try #require(graph.osmEdge(1, 3))
        let s = Int(graph.edgeSegment[e])
        #expect(graph.polyline(s).count == 3)
        #expect(abs(graph.meters(e) - 2 * l) < 2 * ImportHandLength.tolerance)
        #expect(abs(Double(graph.seconds[e]) - 2 * l / (15 / 3.6)) < 0.01)
        #expect(!graph.edgeWalked[e])
    }

    @Test func loaderKeepsTheLoopAndDropsTheOneWayDeadEnd() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("oneway.osm"), profile: .ebike)
        let diagonal = ((2 * l) * (2 * l) + m * m).squareRoot()
        let total = 2 * l + m + diagonal + l + l
        #expect(network.stats.components == 2)  // {1, 3, 4, 5} and the sink {6}
        #expect(network.graph.osmNodes == [1, 3, 4, 5])
        #expect(network.stats.nodes == 4 && network.stats.edges == 6)
        #expect(abs(network.stats.droppedRoadKm * 1000 - l) < ImportHandLength.tolerance)
        #expect(abs(network.stats.largestComponentShare - (total - l) / total) < 1e-4)
        #expect(network.stats.clipBox == nil)
    }

    @Test func walkIgnoresOneWay() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("oneway.osm"), profile: .walk)
        #expect(network.stats.components == 1)
        #expect(
            network.graph.osmEdges == [
                "1>3", "3>1", "3>4", "4>3", "4>1", "1>4", "4>5", "5>4", "5>6", "6>5",
            ])
        let e = try #require(network.graph.osmEdge(3, 1))
        #expect(abs(Double(network.graph.seconds[e]) - 2 * l / (4.5 / 3.6)) < 0.05)
        #expect(network.graph.edgeWalked.allSatisfy { !$0 })
    }

    @Test func motorwayTrunkAndPrivateRoadsAreLeftOut() throws {
        let ebike = try OSMFixture.fullGraph("motorway-private.osm", .ebike)
        // The motorway is unusable, so node 2 joins no usable ways and is not a node.
        #expect(ebike.osmNodes == [1, 3, 7, 10])
        #expect(ebike.osmEdges == ["1>3", "3>1", "3>7", "7>3", "1>10", "10>1"])
        let street = try #require(ebike.osmEdge(1, 3))
        #expect(ebike.polyline(Int(ebike.edgeSegment[street])).count == 3)

        let walk = try OSMFixture.fullGraph("motorway-private.osm", .walk)
        #expect(walk.osmNodes == [1, 3, 8])
        #expect(walk.osmEdges == ["1>3", "3>1", "1>8", "8>1"])
    }

    @Test func roundaboutIsRiddenCounterClockwiseOnly() throws {
        let ebike = try OSMFixture.fullGraph("roundabout.osm", .ebike)
        #expect(ebike.edgeCount == 4 + 8)
        #expect(["1>2", "2>3", "3>4", "4>1"].allSatisfy(ebike.osmEdges.contains))
        #expect(["2>1", "3>2", "4>3", "1>4"].allSatisfy { !ebike.osmEdges.contains($0) })
        #expect(StronglyConnectedComponents(ebike).count == 1)

        let walk = try OSMFixture.fullGraph("roundabout.osm", .walk)
        #expect(walk.edgeCount == 16)
        #expect(walk.osmEdges.contains("2>1"))
    }

    @Test func bridgeIsTheOnlyCrossingOfTheRiver() throws {
        let bridged = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm"), profile: .ebike)
        #expect(bridged.stats.components == 1)
        #expect(bridged.stats.nodes == 10 && bridged.stats.edges == 18)
        #expect(bridged.stats.largestComponentShare == 1)
        #expect(abs(bridged.stats.roadKm * 1000 - (9 * l + 6 * m)) < 15 * ImportHandLength.tolerance)

        let cut = try NetworkLoader.importNetwork(path: OSMFixture.path("river-no-bridge.osm"), profile: .ebike)
        let west = 3 * l + 2 * m
        let east = 4 * l + 4 * m
        #expect(cut.stats.components == 2)
        #expect(cut.graph.osmNodes == [6, 7, 8, 9, 10])  // the east side has more road
        #expect(cut.stats.edges == 8)
        #expect(abs(cut.stats.largestComponentShare - east / (west + east)) < 1e-4)
        #expect(abs(cut.stats.droppedRoadKm * 1000 - west) < 5 * ImportHandLength.tolerance)
    }

    @Test func wayIsCutAtSharedNodesAndAtMissingNodes() throws {
        let graph = try OSMFixture.fullGraph("shared-node.osm", .ebike)
        #expect(graph.osmNodes == [1, 3, 5, 6, 7, 8])
        #expect(graph.segmentCount == 5)  // 1-3, 3-5, 3-6, 7-8, 8-5
        #expect(graph.osmEdges == ["1>3", "3>1", "3>5", "5>3", "3>6", "6>3", "7>8", "8>7", "8>5", "5>8"])
        for (from, to) in [(1, 3), (3, 5)] {
            let e = try #require(graph.osmEdge(Int64(from), Int64(to)))
            #expect(graph.polyline(Int(graph.edgeSegment[e])).count == 3)
            #expect(abs(graph.meters(e) - 2 * l) < 2 * ImportHandLength.tolerance)
        }
        let repeated = try #require(graph.osmEdge(8, 5))
        #expect(graph.polyline(Int(graph.edgeSegment[repeated])).count == 2)
        #expect(abs(graph.meters(repeated) - m) < ImportHandLength.tolerance)
    }

    @Test func footwaysArePushedByEbike() throws {
        let graph = try OSMFixture.fullGraph("footway.osm", .ebike)
        let walked: [String: Bool] = [
            "1>2": false, "2>3": true, "3>4": false, "4>5": true, "5>6": true, "6>5": true,
        ]
        for (edge, isWalked) in walked {
            let ids = edge.split(separator: ">").map { Int64($0)! }
            let e = try #require(graph.osmEdge(ids[0], ids[1]), "\(edge)")
            #expect(graph.edgeWalked[e] == isWalked, "\(edge)")
            let speed = isWalked ? 4.5 / 3.6 : 15 / 3.6
            #expect(abs(Double(graph.seconds[e]) - l / speed) < 0.05, "\(edge)")
        }
        #expect(graph.edgeCount == 10)
    }

    @Test func headerBoxCutsRoadsOneNodePastTheBorder() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("clip.osm"), profile: .ebike)
        #expect(network.stats.clipBox == BoundingBox(minLon: 104.0595, minLat: 30.6595, maxLon: 104.0625, maxLat: 30.6605))
        #expect(network.graph.osmNodes == [2, 6])
        #expect(network.graph.segmentCount == 1)
        #expect(network.graph.polyline(0).count == 5)
        #expect(abs(network.graph.segmentLength[0] - 4 * l) < 4 * ImportHandLength.tolerance)
    }

    @Test func bzip2CompressedXMLReadsTheSame() throws {
        let plain = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm"), profile: .ebike)
        let compressed = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm.bz2"), profile: .ebike)
        expectSameRoadGraph(plain.graph, compressed.graph)
        #expect(plain.pois == compressed.pois)
    }

    @Test func importIsDeterministic() throws {
        let a = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm"), profile: .ebike)
        let b = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm"), profile: .ebike)
        expectSameRoadGraph(a.graph, b.graph)
        #expect(a.pois == b.pois)
    }
}
