import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// The two snapping rules of `SitePlacer`: no snapping across the gap to a
/// dropped component, and surface roads before tunnels within 30 m. Distances
/// in the fixtures' comments are Δlat × 110,850 m/° (the meridian degree at
/// 30.66° N); the graph's Gauss-Krüger CRS agrees to well under a metre here.
@Suite struct SnapRulesTests {
    private func site(_ lon: Double, _ lat: Double) -> SitePoint {
        SitePoint(id: "p", coordinate: Coordinate(lon: lon, lat: lat))
    }

    @Test func pointBesideADroppedIslandRoadIsUnroutableWithTheReason() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("island.osm"))
        // The main street is kept (one segment: node 2 is shared by no other
        // way); the island road is dropped, a polyline of two vertices.
        #expect(network.graph.segmentCount == 1)
        #expect(network.graph.droppedPointStart == [0, 2])
        let placer = try SitePlacer(graph: network.graph)
        let placed = try placer.place([site(104.0642, 30.6624)], maxSnap: 300)[0]
        #expect(placed.snap == nil)
        let isolated = try #require(placed.isolatedRoadMeters)
        #expect(abs(isolated - 11.1) < 0.5)
        let main = try #require(placed.snapMeters)
        #expect(abs(main - 266.0) < 1.0)
        let reason = try #require(placed.unroutableReason(maxSnap: 300))
        #expect(reason.hasPrefix("nearest usable road (11."))
        #expect(reason.contains("cut off from the rest"))
        #expect(reason.contains("266."))
    }

    @Test func droppedRoadBeyondMaxSnapChangesNothing() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("island.osm"))
        let placer = try SitePlacer(graph: network.graph)
        // 10 m of --max-snap: the island road (11.1 m) is out of reach, so the
        // point is unroutable for the plain reason, with the main street's distance.
        let placed = try placer.place([site(104.0642, 30.6624)], maxSnap: 10)[0]
        #expect(placed.isolatedRoadMeters == nil)
        #expect(abs((placed.snapMeters ?? 0) - 266.0) < 1.0)
        // A point south of the main street snaps to it as before.
        let south = try placer.place([site(104.0642, 30.6599)], maxSnap: 300)[0]
        #expect(abs((south.snap?.distance ?? -1) - 11.1) < 0.5)
    }

    @Test func stationAboveATunnelJoinsTheStreetWithin30Metres() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("tunnel.osm"))
        let g = network.graph
        // Street: 1-2, 2-3, 3-4; tunnel: 2-3 (one segment, grade separated).
        #expect(g.segmentCount == 4)
        #expect(g.segmentGradeSeparated.filter { $0 }.count == 1)
        let placer = try SitePlacer(graph: g)
        let placed = try placer.place([site(104.0650, 30.66025), site(104.0670, 30.66062)], maxSnap: 300)
        let onStreet = try #require(placed[0].snap)
        #expect(!g.segmentGradeSeparated[onStreet.segment])
        #expect(abs(onStreet.distance - 27.7) < 0.5)
        // Nothing on the surface within 30 m: the tunnel is used.
        let inTunnel = try #require(placed[1].snap)
        #expect(g.segmentGradeSeparated[inTunnel.segment])
        #expect(abs(inTunnel.distance - 2.2) < 0.5)
        // The plain nearest-road index would have put the first station in the tunnel.
        let plain = try #require(placer.index.nearest(to: placed[0].point))
        #expect(g.segmentGradeSeparated[plain.segment])
    }

    @Test func gradeSeparationTags() {
        #expect(ProfileRules.isGradeSeparated(["tunnel": "yes"]))
        #expect(ProfileRules.isGradeSeparated(["tunnel": "building_passage"]))
        #expect(!ProfileRules.isGradeSeparated(["tunnel": "no"]))
        #expect(ProfileRules.isGradeSeparated(["covered": "yes"]))
        #expect(!ProfileRules.isGradeSeparated(["covered": "no"]))
        #expect(ProfileRules.isGradeSeparated(["layer": "-1"]))
        #expect(ProfileRules.isGradeSeparated(["layer": "1"]))
        #expect(!ProfileRules.isGradeSeparated(["layer": "0"]))
        #expect(!ProfileRules.isGradeSeparated(["layer": " 0 "]))
        #expect(ProfileRules.isGradeSeparated(["layer": "1;2"]))
        #expect(!ProfileRules.isGradeSeparated(["highway": "residential"]))
    }

    @Test func cacheKeepsTheFlagsAndTheDroppedRoads() throws {
        let folder = try OSMFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["island.osm", "tunnel.osm"] {
            let first = try NetworkLoader.load(path: OSMFixture.path(name), cacheDirectory: folder)
            let second = try NetworkLoader.load(path: OSMFixture.path(name), cacheDirectory: folder)
            #expect(!first.stats.fromCache && second.stats.fromCache)
            expectSameRoadGraph(first.graph, second.graph)
        }
    }
}
