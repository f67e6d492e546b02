import Foundation
import GeoCore
import RoadNetwork
import Testing

@testable import Demand

@Suite struct HotspotGridTests {
    @Test func squareCellsSumWeightsByHand() {
        let members = [
            DemandMember(point: PlanarPoint(x: 10, y: 10), weight: 1, id: "a"),
            DemandMember(point: PlanarPoint(x: 150, y: 190), weight: 0.5, id: "b"),
            DemandMember(point: PlanarPoint(x: 210, y: 10), weight: 4, id: "c"),
            DemandMember(point: PlanarPoint(x: -5, y: 5), weight: 1, id: "d"),
            DemandMember(point: PlanarPoint(x: 30, y: 250), weight: 3, id: "e"),
        ]
        let cells = HotspotGrid.aggregate(members, cell: 200, shape: .square)
        // North first (cell (0,1) centre y 300), then west to east along y 100.
        #expect(cells.map(\.key) == [[0, 1], [-1, 0], [0, 0], [1, 0]])
        #expect(cells.map(\.weight) == [3, 1, 1.5, 4])
        #expect(cells.map(\.count) == [1, 1, 2, 1])
        #expect(cells[2].centre == PlanarPoint(x: 100, y: 100))
    }

    @Test func weightedMeanAndCategoriesByHand() {
        let members = [
            DemandMember(point: PlanarPoint(x: 10, y: 20), weight: 1, id: "a", category: "pickup"),
            DemandMember(point: PlanarPoint(x: 110, y: 80), weight: 3, id: "b", category: "dropoff"),
            DemandMember(point: PlanarPoint(x: 50, y: 150), weight: 0, id: "c", category: "dropoff"),
            DemandMember(point: PlanarPoint(x: 300, y: 300), weight: 0, id: "d", category: "pickup"),
            DemandMember(point: PlanarPoint(x: 390, y: 210), weight: 0, id: "e", category: "pickup"),
        ]
        let cells = HotspotGrid.aggregate(members, cell: 200, shape: .square)
        #expect(cells.map(\.key) == [[1, 1], [0, 0]])
        // Cell (0,0): (1·(10,20) + 3·(110,80) + 0·(50,150)) / 4 = (85, 65).
        #expect(cells[1].mean == PlanarPoint(x: 85, y: 65))
        #expect(cells[1].categories == ["pickup": 1, "dropoff": 2])
        // Cell (1,1): every weight 0, so the plain mean ((300+390)/2, (300+210)/2).
        #expect(cells[0].mean == PlanarPoint(x: 345, y: 255))
        #expect(cells[0].categories == ["pickup": 2])
    }

    @Test func hexagonCellsByHand() {
        let s3 = 3.0.squareRoot()
        let members = [
            DemandMember(point: PlanarPoint(x: 0, y: 0), weight: 1, id: "a"),
            DemandMember(point: PlanarPoint(x: 20, y: -10), weight: 2, id: "b"),  // still hexagon (0,0)
            DemandMember(point: PlanarPoint(x: 100, y: 0), weight: 1, id: "c"),  // east neighbour (1,0)
            DemandMember(point: PlanarPoint(x: 50, y: 50 * s3), weight: 5, id: "d"),  // north-east neighbour (0,1)
        ]
        let cells = HotspotGrid.aggregate(members, cell: 100, shape: .hexagon)
        #expect(cells.map(\.key) == [[0, 1], [0, 0], [1, 0]])
        #expect(cells.map(\.weight) == [5, 3, 1])
        #expect(abs(cells[0].centre.x - 50) < 1e-9 && abs(cells[0].centre.y - 50 * s3) < 1e-9)
        #expect(abs(cells[2].centre.x - 100) < 1e-9 && abs(cells[2].centre.y) < 1e-9)
    }
}

@Suite struct HotspotBuildTests {
    /// Hand-made OSM pick-up places in two 200 m cells of EPSG:4544 plus one far from roads.
    func pois(projection: Projection) throws -> [OSMTaggedPoint] {
        let places: [(String, Double, Double, [String: String])] = [
            ("n1", 500_010, 3_390_010, ["amenity": "restaurant"]),  // cell A: 1
            ("n2", 500_150, 3_390_150, ["amenity": "cafe"]),  // cell A: 0.5
            ("w3", 500_190, 3_390_020, ["shop": "mall", "amenity": "restaurant"]),  // cell A: mall 4 (first row wins)
            ("n4", 500_250, 3_390_100, ["amenity": "food_court"]),  // cell B: 4
            ("n5", 500_390, 3_390_199, ["shop": "convenience"]),  // cell B: 0.5
            ("n6", 509_000, 3_399_000, ["amenity": "fast_food"]),  // cell C, no road: dropped
            ("n7", 500_100, 3_390_100, ["amenity": "bank"]),  // not a pick-up place
        ]
        let coordinates = try projection.inverse(places.map { PlanarPoint(x: $0.1, y: $0.2) })
        return zip(places, coordinates).map { OSMTaggedPoint(id: $0.0, coordinate: $1, tags: $0.3) }
    }

    @Test func osmPickupCellsHaveKnownWeights() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let pickups = Hotspots.pickups(try pois(projection: projection))
        #expect(pickups.map(\.point.id) == ["n1", "n2", "w3", "n4", "n5", "n6"])
        let members = pickups.map { (id: $0.point.id, coordinate: $0.point.coordinate, weight: $0.kind.weight) }
        // Roads only near the first two cells.
        let result = try Hotspots.build(members: members, projection: projection, options: HotspotOptions(cell: 200)) { p in
            p.x < 501_000 ? 10 : nil
        }
        #expect(result.members == 6 && result.cells == 3 && result.droppedCells == 1 && result.droppedWeight == 1)
        let features = result.collection.features
        #expect(features.map { $0.properties?["id"] } == [.string("H001"), .string("H002")])
        #expect(features.map { $0.properties?["weight"] } == [.number(5.5), .number(4.5)])
        #expect(features.map { $0.properties?["count"] } == [.number(3), .number(2)])
        guard case .point(let centre)? = features[1].geometry else {
            Issue.record("no point")
            return
        }
        let back = try projection.forward([centre])[0]
        #expect(abs(back.x - 500_300) < 1e-3 && abs(back.y - 3_390_100) < 1e-3)
    }

    @Test func rerunsAreByteIdentical() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let members = Hotspots.pickups(try pois(projection: projection))
            .map { (id: $0.point.id, coordinate: $0.point.coordinate, weight: $0.kind.weight) }
        let first = try Hotspots.build(members: members, projection: projection, options: HotspotOptions(shape: .hexagon)) { _ in 0 }
        let second = try Hotspots.build(members: members.reversed(), projection: projection, options: HotspotOptions(shape: .hexagon)) {
            _ in 0
        }
        #expect(GeoJSONWriter.encode(first.collection) == GeoJSONWriter.encode(second.collection))
        #expect(first.collection.features.count >= 3)
    }

    /// `--position mean --count-by`: hotspots at the members' mean with per-category counts and `kind`.
    @Test func meanPositionAndCategoryCounts() throws {
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let places: [(String, Double, Double, String)] = [
            ("n1", 500_010, 3_390_010, "pickup"), ("n2", 500_150, 3_390_150, "dropoff"), ("n3", 500_050, 3_390_020, "dropoff"),
            ("n4", 500_250, 3_390_100, "pickup"),
        ]
        let coordinates = try projection.inverse(places.map { PlanarPoint(x: $0.1, y: $0.2) })
        let members = zip(places, coordinates).map { (id: $0.0, coordinate: $1, weight: 1.0, category: Optional($0.3)) }
        let result = try Hotspots.build(
            members: members, projection: projection, options: HotspotOptions(cell: 200, position: .mean)
        ) { _ in 0 }
        let features = result.collection.features
        #expect(features.count == 2)
        #expect(features.map { $0.properties?["kind"] } == [.string("mixed"), .string("pickup")])
        #expect(features.map { $0.properties?["pickup"] } == [.number(1), .number(1)])
        #expect(features.map { $0.properties?["dropoff"] } == [.number(2), .number(0)])
        #expect(features.map { $0.properties?["count"] } == [.number(3), .number(1)])
        // First cell: mean of n1, n2, n3 = (500 070, 3 390 060); rounded to 1e-7° (about 1 cm).
        guard case .point(let first)? = features[0].geometry else {
            Issue.record("no point")
            return
        }
        let back = try projection.forward([first])[0]
        #expect(abs(back.x - 500_070) < 0.02 && abs(back.y - 3_390_060) < 0.02)
        #expect(first.lon == Hotspots.derivedRounding(first.lon) && first.lat == Hotspots.derivedRounding(first.lat))
        // A category named like a hotspot property is refused.
        #expect(throws: HotspotError.self) {
            try Hotspots.checkCategories([(id: "n9", category: "weight")], column: "kind", file: "orders.csv")
        }
        #expect(Hotspots.csv(result.collection).hasPrefix("id,lon,lat,weight,count,dropoff,kind,pickup\nH001,"))
    }

    /// The two roundings of the old Python aggregation: 9 decimals, then 7, each of the exact
    /// binary value. 104.0995571502893 → 104.09955715 (just below …5715 in binary) → 104.0995571,
    /// where rounding the 9-decimal value's scaled product half-up would give 104.0995572.
    @Test func derivedRoundingRoundsTwiceAsText() {
        #expect(Hotspots.derivedRounding(104.0995571502893) == 104.0995571)
        #expect(Hotspots.derivedRounding(30.686279476017) == 30.6862795)
        #expect(Hotspots.derivedRounding(104.12345674) == 104.1234567)
    }

    @Test func hoursKeepOnlyThoseTimes() throws {
        func point(_ id: String, _ time: JSONValue?) -> SitePoint {
            SitePoint(id: id, coordinate: Coordinate(lon: 104, lat: 30), properties: time.map { ["time": $0] } ?? [:])
        }
        let points = [
            point("a", .string("2024-05-01 11:05:00")), point("b", .string("2024/5/1 13:59")),
            point("c", .string("2024-05-01T14:00:00+08:00")), point("d", .string("10:59")),
            point("e", .number(1_714_536_000)),  // 2024-05-01 04:00 UTC = 12:00 in China
        ]
        let hours = try #require(HourRange("11-14"))
        let (kept, dropped) = try Hotspots.filter(points, hours: hours, file: "orders.csv")
        #expect(kept.map(\.id) == ["a", "b", "e"] && dropped == 2)
        let night = try #require(HourRange("22-2"))
        #expect(night.contains(hour: 23) && night.contains(hour: 1) && !night.contains(hour: 2))
        #expect(HourRange("14-14") == nil && HourRange("3-25") == nil)
        #expect {
            try Hotspots.filter([point("x", nil)], hours: hours, file: "orders.csv")
        } throws: { error in
            guard let error = error as? HotspotError else { return false }
            return error.advice == .mapTimeColumn && error.summary == "orders.csv: point x has no time"
                && error.description.hasSuffix("or map one in the column mapping: time=COLUMN)") && !error.description.contains("--")
        }
        #expect(try Hotspots.filter([point("x", nil)], hours: nil, file: "orders.csv").kept.count == 1)
    }

    @Test func explanationListsEveryKind() {
        let text = PickupKind.explanation()
        for row in PickupKind.table { #expect(text.contains("\(row.key)=\(row.value)")) }
        #expect(text.contains("amenity=food_court      4       food court"))
    }
}
