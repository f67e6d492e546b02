import Foundation
import GeoCore
import RoadNetwork
import TestSupport
import Testing

@testable import Coverage

/// The audit on the default city (central Chengdu, OSM): seeded stations
/// among its POIs, hotspots at its restaurants, cafés and shops plus seeded
/// random points in the study area, the five district pieces.
@Suite struct AuditRealDataTests {
    /// `geodata/<name>` (`TestFiles.geodata`).
    static func realData(_ name: String) -> String? { TestFiles.geodata(name)?.path }

    struct City {
        var graph: RoadGraph
        var stations: [PlacedSite]
        var hotspots: [PlacedSite]
        var districts: [District]
    }

    static func city() throws -> City {
        let pbf = try #require(realData("chengdu-center.osm.pbf"), "chengdu-center.osm.pbf not found in geodata/")
        let districtsPath = try #require(realData("districts.geojson"))
        // The graph cache goes to a temporary folder: tests never write into geodata/.
        let cache = try TestFiles.temporaryFolder(prefix: "nuanxin-coverage-tests")
        defer { try? FileManager.default.removeItem(at: cache) }
        let network = try NetworkLoader.load(path: pbf, cacheDirectory: cache.path)
        var random = SplitMix64(seed: 8)
        let candidates = network.pois.filter { [.bank, .pharmacy, .hotel, .mall].contains($0.kind) }
        var stationPOIs: [OSMPOI] = []
        var left = candidates
        for _ in 0..<10 { stationPOIs.append(left.remove(at: Int(random.unit() * Double(left.count)))) }
        let stations = stationPOIs.map { SitePoint(id: $0.id, coordinate: $0.coordinate) }
        let busy: Set<POIKind> = [.restaurant, .fastFood, .cafe, .supermarket, .convenience]
        var hotspots = network.pois.filter { busy.contains($0.kind) }.map {
            SitePoint(id: $0.id, coordinate: $0.coordinate, weight: Double(1 + Int(random.unit() * 5)))
        }
        // The study area: the header box 104.0421,30.6528 – 104.1296,30.7279.
        for i in 0..<200 {
            let c = Coordinate(lon: 104.0421 + random.unit() * 0.0875, lat: 30.6528 + random.unit() * 0.0751)
            hotspots.append(SitePoint(id: "r\(i)", coordinate: c, weight: (random.unit() * 40).rounded() / 8))
        }
        let placer = try SitePlacer(graph: network.graph)
        let collection = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: districtsPath))
        let districts = try DistrictReader.districts(
            from: collection, file: "districts.geojson", nameField: "name",
            projection: try Projection(from: "EPSG:4326", to: network.graph.crs))
        return City(
            graph: network.graph, stations: try placer.place(stations, maxSnap: 300),
            hotspots: try placer.place(hotspots, maxSnap: 300), districts: districts)
    }

    @Test func stationsWithinAndNearestTimesAgreeWithOneSearchPerStation() throws {
        let city = try Self.city()
        let audit = try HotspotAudit(
            graph: city.graph, stations: city.stations, hotspots: city.hotspots, limitMinutes: 15,
            areas: .districts([]))
        var search = MultiSourceSearch(graph: city.graph)
        var within = [Int](repeating: 0, count: city.hotspots.count)
        var best = [Double](repeating: .infinity, count: city.hotspots.count)
        var bestStations = [Set<Int>](repeating: [], count: city.hotspots.count)
        for (s, station) in city.stations.enumerated() {
            guard let snap = station.snap else { continue }
            let source = SearchSource(doorToDoor: snap)
            let bounded = search.run([source], limitSeconds: 900)
            for (h, hotspot) in city.hotspots.enumerated() {
                if let target = hotspot.snap, bounded.time(to: target) != nil { within[h] += 1 }
            }
            let unbounded = search.run([source], limitSeconds: .greatestFiniteMagnitude)
            for (h, hotspot) in city.hotspots.enumerated() {
                guard let target = hotspot.snap, let hit = unbounded.time(to: target) else { continue }
                if hit.seconds < best[h] - 1e-6 {
                    best[h] = hit.seconds
                    bestStations[h] = [s]
                } else if abs(hit.seconds - best[h]) <= 1e-6 {
                    bestStations[h].insert(s)
                }
            }
        }
        #expect(audit.hotspots.map(\.stationsWithin) == within)
        for (h, result) in audit.hotspots.enumerated() {
            if best[h].isFinite {
                let seconds = try #require(result.seconds)
                #expect(abs(seconds - best[h]) < 0.01, "hotspot \(h)")
                #expect(bestStations[h].contains(result.nearestStation ?? -1), "hotspot \(h)")
            } else {
                #expect(result.seconds == nil)
            }
        }
        #expect(within.contains { $0 >= 2 } && within.contains(0), "the sample has overlaps and gaps")
    }

    @Test func coveredAgreesWithTheWrittenMinutesAndTheCounts() throws {
        let city = try Self.city()
        for limit in [10.0, 15] {
            let audit = try HotspotAudit(
                graph: city.graph, stations: city.stations, hotspots: city.hotspots, limitMinutes: limit,
                areas: .districts(city.districts))
            for result in audit.hotspots {
                let written = result.seconds.map { AuditNumbers.minutes(seconds: $0, covered: result.covered, limitMinutes: limit) }
                #expect(result.covered == (written.map { $0 <= limit } ?? false))
                #expect(result.covered == (result.stationsWithin > 0))
            }
            #expect(audit.total.hotspotsCovered > 0 && audit.total.hotspotsCovered < city.hotspots.count)
        }
    }

    @Test func weightsAddUpOverDistricts() throws {
        let city = try Self.city()
        let audit = try HotspotAudit(
            graph: city.graph, stations: city.stations, hotspots: city.hotspots, limitMinutes: 15,
            areas: .districts(city.districts))
        #expect(audit.areas.map(\.name) == ["金牛区", "青羊区", "武侯区", "锦江区", "成华区"])
        let parts = audit.areaFigures + (audit.outside.map { [$0] } ?? [])
        #expect(parts.reduce(0) { $0 + $1.hotspots } == city.hotspots.count)
        #expect(abs(parts.reduce(0) { $0 + $1.weightTotal } - audit.total.weightTotal) < 1e-9)
        #expect(abs(parts.reduce(0) { $0 + $1.weightCovered } - audit.total.weightCovered) < 1e-9)
        #expect(abs(audit.total.weightTotal - city.hotspots.reduce(0) { $0 + $1.site.weight }) < 1e-9)
        let covered = city.hotspots.indices.filter { audit.hotspots[$0].covered }
        #expect(abs(audit.total.weightCovered - covered.reduce(0) { $0 + city.hotspots[$1].site.weight }) < 1e-9)
        for figures in parts {
            #expect(figures.shareCovered >= 0 && figures.shareCovered <= 1)
        }
        // The random points all lie in the study area, which the districts tile.
        for (h, hotspot) in city.hotspots.enumerated() where hotspot.site.id.hasPrefix("r") {
            #expect(audit.hotspots[h].area != nil, "\(hotspot.site.id)")
        }
    }

    @Test func gapsLieInsideTheirDistrictAndOutsideTheCircles() throws {
        let city = try Self.city()
        let context = try GEOSContext()
        let gaps = try AuditGaps(
            graph: city.graph, stations: city.stations, limitMinutes: 15, areas: city.districts)
        let served = try GEOSGeometry(multiPolygon: gaps.serviceArea, in: context)
        for (index, district) in city.districts.enumerated() {
            let gap = try GEOSGeometry(multiPolygon: gaps.gaps[index], in: context)
            #expect(try gap.validity() == .valid)
            let outline = try GEOSGeometry(multiPolygon: district.polygon, in: context)
            #expect(try gap.difference(outline).area < 1e-3, "\(district.name): gap outside its district")
            #expect(try gap.intersection(served).area < 1, "\(district.name): gap overlaps the circles")
            let covered = try outline.intersection(served).area
            #expect(abs(gaps.gapSquareKilometres[index] * 1e6 + covered - (try outline.area)) < 1, "\(district.name)")
        }
    }
}
