import Coverage
import Foundation
import GeoCore
import RoadNetwork
import TestSupport
import Testing

@testable import Planner

/// The network matrix on the default city (central Chengdu, OSM) with geodata's stations, hotspots and
/// candidates, checked against the audit engine and the derived candidate file.
@Suite struct NetworkRealDataTests {
    /// `geodata/<name>` (`TestFiles.geodata`).
    static func realData(_ name: String) -> URL? { TestFiles.geodata(name) }

    struct City {
        let network: LoadedNetwork
        let stations: [PlacedSite]
        let hotspots: [PlacedSite]
        let candidates: [PlacedSite]
    }

    static func city() throws -> City {
        let pbf = try #require(realData("chengdu-center.osm.pbf"), "geodata/chengdu-center.osm.pbf not found")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-planner-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let network = try NetworkLoader.load(path: pbf.path, profile: .ebike, cacheDirectory: cache.path)
        let placer = try SitePlacer(graph: network.graph)
        func placed(_ name: String) throws -> [PlacedSite] {
            let url = try #require(realData(name), "geodata/\(name) not found")
            return try placer.place(PointSetReader.read(contentsOf: url), maxSnap: 300)
        }
        return City(
            network: network, stations: try placed("stations.geojson"), hotspots: try placed("hotspots.geojson"),
            candidates: try placed("candidates.geojson"))
    }

    @Test func theStationRowsGiveTheAuditTimesOfEveryHotspot() throws {
        let city = try Self.city()
        let graph = city.network.graph
        let audit = try HotspotAudit(
            graph: graph, stations: city.stations, hotspots: city.hotspots, limitMinutes: 15,
            areas: .whole(District.studyArea(of: graph, projection: Projection(from: "EPSG:4326", to: graph.crs))))
        let network = try NetworkPlanningProblem(
            graph: graph, stations: city.stations, candidates: city.candidates, hotspots: city.hotspots, maxSnap: 300,
            coverageMinutes: 15, searchMinutes: 30)
        #expect(network.stations.count == city.stations.count)
        let problem = network.problem
        var nearest = [Float](repeating: .infinity, count: problem.demandCount)
        for row in 0..<problem.existingSiteCount {
            for k in problem.times.entries(ofRow: row) {
                let hotspot = Int(problem.times.demandIndices[k])
                nearest[hotspot] = min(nearest[hotspot], problem.times.seconds[k])
            }
        }
        var compared = 0
        for (hotspot, result) in audit.hotspots.enumerated() {
            if let seconds = result.seconds, seconds <= 1800 {
                #expect(nearest[hotspot] == CoverageMatrix.floatNotBelow(seconds), "hotspot \(city.hotspots[hotspot].site.id)")
                compared += 1
            } else {
                #expect(nearest[hotspot] == .infinity, "hotspot \(city.hotspots[hotspot].site.id)")
            }
            #expect((nearest[hotspot] <= problem.coverageLimit) == result.covered)
        }
        #expect(compared > 250)
        let before = try Planner.solve(problem, objective: .coverage(newSites: 0)).before
        #expect(before.coveredWeight == audit.total.weightCovered)
        #expect(before.coveredShare == audit.total.shareCovered)
    }

    @Test func osmCandidatesHoldEveryDerivedCandidateAndStation() throws {
        let city = try Self.city()
        let box = try #require(city.network.stats.clipBox)
        let sites = OSMCandidates.sites(from: city.network.pois, inside: box)
        let kinds = Set(OSMCandidates.stationKinds.map(\.rawValue))
        #expect(sites.allSatisfy { box.contains($0.coordinate) && kinds.contains($0.kind ?? "") })
        #expect(sites.allSatisfy { ($0.id.hasPrefix("n") || $0.id.hasPrefix("w")) && $0.properties["osm_id"] == .string($0.id) })
        #expect(sites.allSatisfy { !($0.name ?? "").isEmpty })
        #expect(Set(sites.map(\.id)).count == sites.count)
        let ids = Set(sites.map(\.id))
        let derived = (city.candidates + city.stations).compactMap { $0.site.properties["osm_id"]?.stringValue }
        #expect(derived.count == 65)
        #expect(derived.filter { !ids.contains($0) } == [])
        // Every station is one of them, and is left out as a candidate.
        let network = try NetworkPlanningProblem(
            graph: city.network.graph, stations: city.stations,
            candidates: SitePlacer(graph: city.network.graph).place(sites, maxSnap: 300), hotspots: city.hotspots,
            maxSnap: 300, coverageMinutes: 15)
        let sameObject = network.excludedCandidates.filter {
            if case .sameAsStation(_, _, true) = $0.exclusion { return true }
            return false
        }
        #expect(sameObject.count == city.stations.count)
    }
}
