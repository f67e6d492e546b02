import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// The real extracts in `geodata/`: they import, and the kept component
/// holds most of the road.
@Suite struct ImportRealDataTests {
    private func load(_ name: String, _ profile: TravelProfile) throws -> LoadedNetwork {
        let path = try #require(OSMFixture.realData(name), "\(name) not found in geodata/ or ../shared/geodata")
        let network = try NetworkLoader.importNetwork(path: path, profile: profile)
        let s = network.stats
        print(
            """
            \(name) [\(profile.rawValue)]: \(s.nodes) nodes, \(s.edges) edges, \
            \(formatFixed(s.roadKm, decimals: 1)) km kept of \(formatFixed(s.roadKm + s.droppedRoadKm, decimals: 1)) km \
            (largest of \(s.components) SCCs: \(formatFixed(100 * s.largestComponentShare, decimals: 1)) %), \
            \(network.pois.count) POIs, \(s.crs), import \(formatFixed(s.importSeconds, decimals: 3)) s
            """)
        return network
    }

    private func expectRoutable(_ graph: RoadGraph) {
        #expect(graph.hasConsistentLayout)
        #expect(StronglyConnectedComponents(graph).count == 1)
        for e in 0..<graph.edgeCount {
            let speed = graph.edgeWalked[e] ? TravelProfile.walkingSpeedKmh : graph.cruiseSpeedKmh
            if abs(Double(graph.seconds[e]) - graph.meters(e) / (speed / 3.6)) > 1e-3 * graph.meters(e) + 1e-3 {
                Issue.record("edge \(e) has \(graph.seconds[e]) s for \(graph.meters(e)) m")
                return
            }
        }
    }

    @Test func chengduCenterEbike() throws {
        let network = try load("chengdu-center.osm.pbf", .ebike)
        #expect(network.stats.crs == "EPSG:4544")
        #expect(network.stats.largestComponentShare > 0.9)
        #expect(network.stats.nodes > 2000 && network.stats.roadKm > 400)
        #expect(network.graph.edgeWalked.contains(true))  // footways and steps are pushed
        #expect(network.pois.contains { $0.kind == .bank } && network.pois.contains { $0.kind == .mall })
        let box = try #require(network.stats.clipBox)
        #expect(abs(box.minLon - 104.0421) < 1e-7 && abs(box.maxLat - 30.7279) < 1e-7)
        expectRoutable(network.graph)
    }

    @Test func chengduCenterWalk() throws {
        let network = try load("chengdu-center.osm.pbf", .walk)
        #expect(network.stats.largestComponentShare > 0.9)
        #expect(!network.graph.edgeWalked.contains(true))
        expectRoutable(network.graph)
    }

    /// A small, motorway-heavy piece of Longgang: many one-way carriageways
    /// lead out of the box or onto motorways, so the kept share is lower.
    @Test func shenzhenLonggangEbike() throws {
        let network = try load("shenzhen-longgang.osm.pbf", .ebike)
        #expect(network.stats.crs == "EPSG:4547")
        #expect(network.stats.largestComponentShare > 0.7)
        expectRoutable(network.graph)
    }

    @Test func shenzhenLonggangWalk() throws {
        let network = try load("shenzhen-longgang.osm.pbf", .walk)
        #expect(network.stats.largestComponentShare > 0.7)
        expectRoutable(network.graph)
    }
}
