import Foundation
import GeoCore
import Testing

@testable import Facilities

@Suite("station services, tiers, attributes and filters")
struct StationAttributesTests {
    @Test("filter and hours errors name the value, not a command-line option")
    func filterErrorsNameTheValue() {
        func error(_ body: () throws -> Void) -> StationFilterError? {
            do { try body() } catch { return error as? StationFilterError }
            return nil
        }
        let service = error { _ = try StationFilter(service: "massage", at: nil) }
        #expect(service?.value == .service)
        #expect(service?.description.hasPrefix("service: unknown service \"massage\"; known services: ") == true)
        let moment = error { _ = try StationFilter(service: nil, at: "Xy 10:00") }
        #expect(moment?.value == .moment && moment?.description.hasPrefix("moment: ") == true)
        let hours = error { _ = try PlanningHours(hours: "5-3", at: []) }
        #expect(hours?.value == .hours)
        #expect(hours?.description.hasPrefix("hours: \"5-3\" is not a range of weekday hours A-B") == true)
        for found in [service, moment, hours] { #expect(found?.description.contains("--") == false) }
    }

    @Test("service lists from JSON arrays and separated strings")
    func serviceLists() throws {
        #expect(try StationService.parseList(.string("water; rest|Charging,first-aid")) == [.rest, .water, .charging, .firstAid])
        #expect(try StationService.parseList(.array([.string("toilet"), .string("toilet"), .string("exchange")])) == [.toilet, .exchange])
        #expect(try StationService.parseList(.string("")) == [])
        #expect(throws: ServiceListError.unknownWord("wifi")) { try StationService.parseList(.string("rest;wifi")) }
        #expect(throws: ServiceListError.notAString("number")) { try StationService.parseList(.array([.number(1)])) }
        #expect(throws: ServiceListError.notAList("boolean")) { try StationService.parseList(.bool(true)) }
        #expect(StationService.allCases.count == 10)
    }

    @Test("defaults by kind and tier, and which were used")
    func defaults() throws {
        let bank = try StationAttributes.read(id: "S1", kind: "bank", properties: [:])
        #expect(bank.tier == .post)
        #expect(bank.services == [.rest, .water, .toilet])
        #expect(bank.openingHours.text == "Mo-Fr 09:00-17:00")
        #expect(bank.defaulted == [.tier, .services, .openingHours])
        #expect(bank.capacity == nil)

        let centre = try StationAttributes.read(id: "S2", kind: "party_mass_centre", properties: [:])
        #expect(centre.tier == .centre)
        #expect(centre.services == StationService.allCases)
        #expect(centre.openingHours.isAlwaysOpenInTypicalWeek)

        let pharmacy = try StationAttributes.read(id: "S3", kind: "pharmacy", properties: ["tier": .string("post")])
        #expect(pharmacy.defaulted == [.services, .openingHours])
        #expect(pharmacy.offers(.firstAid))
        #expect(pharmacy.openingHours.text == "08:00-22:00")

        // An explicit centre tier on a hotel takes the centre defaults.
        let hotelCentre = try StationAttributes.read(id: "S4", kind: "hotel", properties: ["tier": .string("Center")])
        #expect(hotelCentre.tier == .centre && hotelCentre.services.count == 10)

        let unknown = try StationAttributes.read(id: "S5", kind: nil, properties: [:])
        #expect(unknown.openingHours.isAlwaysOpenInTypicalWeek && unknown.tier == .post)
    }

    @Test("CSV strings and GeoJSON values are read; empty cells count as missing")
    func given() throws {
        let csv = try StationAttributes.read(
            id: "row 3", kind: "bank",
            properties: [
                "tier": .string("post"), "services": .string("rest;charging"), "opening_hours": .string("Mo-Su 08:00-20:00"),
                "capacity": .string(" 6 "),
            ])
        #expect(csv.services == [.rest, .charging])
        #expect(csv.capacity == 6)
        #expect(csv.defaulted.isEmpty)
        #expect(csv.openingHours.isOpen(at: try WeekTime.parse("Su 19:00")))

        let blank = try StationAttributes.read(
            id: "row 4", kind: "hotel", properties: ["services": .string(""), "opening_hours": .null, "capacity": .string("")])
        #expect(blank.defaulted == [.tier, .services, .openingHours])

        let geojson = try StationAttributes.read(
            id: "S9", kind: "mall",
            properties: [
                "services": .array([.string("rest"), .string("water")]), "capacity": .number(12),
                "opening_hours": .string("Mo-Su 10:00-22:00; PH off"),
            ])
        #expect(geojson.capacity == 12)
        #expect(geojson.warnings.count == 1)
    }

    @Test("bad attributes name the feature, the attribute and the problem")
    func errors() {
        func reason(_ properties: [String: JSONValue]) -> StationAttributeError? {
            do {
                _ = try StationAttributes.read(id: "S7", kind: "bank", properties: properties)
                return nil
            } catch { return error }
        }
        #expect(reason(["tier": .string("hub")])?.description == "feature S7: tier must be \"centre\" or \"post\", found \"hub\"")
        #expect(reason(["services": .string("rest;wifi")])?.attribute == "services")
        #expect(reason(["services": .string("rest;wifi")])?.reason.contains("\"wifi\"") == true)
        #expect(
            reason(["opening_hours": .string("Mo-Fr 9-17")])?.description
                == "feature S7: opening_hours \"Mo-Fr 9-17\" at character 8: expected `:` and two-digit minutes, found \"-\"")
        #expect(reason(["opening_hours": .number(9)])?.attribute == "opening_hours")
        #expect(reason(["capacity": .number(0)])?.attribute == "capacity")
        #expect(reason(["capacity": .number(-3)])?.attribute == "capacity")
        #expect(reason(["capacity": .string("many")])?.attribute == "capacity")
        #expect(reason(["capacity": .string("inf")])?.attribute == "capacity")
        #expect(reason(["capacity": .string("2.5")]) == nil)
    }

    @Test("filters by service and time; a bank hall and a 24-hour post at night")
    func filters() throws {
        let bank = try StationAttributes.read(id: "B", kind: "bank", properties: [:])
        let post = try StationAttributes.read(
            id: "P", kind: "hotel", properties: ["services": .string("rest;water;charging"), "opening_hours": .string("24/7")])
        let stations = [bank, post]
        #expect(StationFilter().admitted(stations) == [0, 1])
        #expect(try StationFilter(service: "charging", at: nil).admitted(stations) == [1])
        #expect(try StationFilter(service: nil, at: "22:30").admitted(stations) == [1])
        #expect(try StationFilter(service: nil, at: "10:00").admitted(stations) == [0, 1])
        #expect(try StationFilter(service: nil, at: "Sa 10:00").admitted(stations) == [1])
        #expect(try StationFilter(service: "rest", at: "Mo 09:00").description == "service rest, open Mo 09:00")
        #expect(throws: StationFilterError.self) { try StationFilter(service: "wifi", at: nil) }
        #expect(throws: StationFilterError.self) { try StationFilter(service: nil, at: "Mo 25:00") }

        let minutes = HourOfWeek.openMinutes(stations)
        #expect(minutes.count == 48)
        #expect(HourOfWeek.reportSlots[9].weekday == .wednesday && HourOfWeek.reportSlots[33] == (.sunday, 9))
        #expect(minutes[9] == [60, 60])  // Wednesday 09:00-10:00
        #expect(minutes[17] == [0, 60])  // Wednesday 17:00-18:00: the bank hall has closed
        #expect(minutes[24 + 10] == [0, 60])  // Sunday 10:00
    }
}

@Suite("demo geodata attributes")
struct GeodataAttributesTests {
    /// `geodata/<name>` of the repository (tests run from the package root).
    func points(_ name: String) throws -> [SitePoint] {
        try PointSetReader.read(contentsOf: URL(fileURLWithPath: "geodata/\(name)"))
    }

    @Test("every demo station and candidate has explicit, valid attributes")
    func demoFiles() throws {
        for file in ["stations.geojson", "candidates.geojson"] {
            let sites = try points(file)
            #expect(!sites.isEmpty)
            for site in sites {
                let attributes = try StationAttributes.read(from: site)
                #expect(attributes.defaulted.isEmpty, "\(file) \(site.id) defaulted \(attributes.defaulted)")
                #expect(attributes.capacity != nil)
                #expect(attributes.tier == StationAttributes.defaultTier(kind: site.kind))
            }
        }
        // geodata/SOURCES.md: on a weekday at 22:30 the three hotels, the 24-hour pharmacy
        // and the two government centres are open (6 of 11); at 10:00 all 11.
        let stations = try points("stations.geojson").map { try StationAttributes.read(from: $0) }
        #expect(try StationFilter(service: nil, at: "22:30").admitted(stations) == [1, 3, 4, 5, 8, 10])
        #expect(try StationFilter(service: nil, at: "10:00").admitted(stations).count == 11)
        #expect(try StationFilter(service: "charging", at: nil).admitted(stations) == [1, 3, 4, 7, 8, 9, 10])
    }
}

@Suite("coverage by hour")
struct HourlyCoverageTests {
    /// A bank hall (Mo-Fr 09:00-17:00) and a 24-hour post at the same place,
    /// both covering hotspot 0 (weight 3); hotspot 1 (weight 1) is covered by the
    /// bank hall only.
    @Test("a 24-hour post and a bank hall at the same place")
    func bankAndPost() throws {
        let bank = try StationAttributes.read(id: "B", kind: "bank", properties: [:])
        let post = try StationAttributes.read(id: "P", kind: "hotel", properties: ["opening_hours": .string("24/7")])
        let open = HourlyCoverage.openAtHalfPast([bank, post])
        #expect(open.count == 48)
        #expect(open[8] == [false, true] && open[9] == [true, true] && open[16] == [true, true] && open[17] == [false, true])
        #expect(open[24 + 12] == [false, true])  // Sunday noon
        let shares = HourlyCoverage.shares(covering: [[0, 1], [0]], weights: [3, 1], open: open)
        // Weekday 9 … 16: both hotspots (4 of 4); other hours and all Sunday: 3 of 4.
        let weekday = (0..<24).map { (9...16).contains($0) ? 1.0 : 0.75 }
        #expect(shares == weekday + Array(repeating: 0.75, count: 24))
        // Only the post: 3/4 at all hours.
        #expect(HourlyCoverage.shares(covering: [[1], []], weights: [3, 1], open: open) == Array(repeating: 0.75, count: 48))
        #expect(HourlyCoverage.shares(covering: [[0]], weights: [0], open: open) == Array(repeating: 0, count: 48))

        // A 24-hour candidate covering hotspot 1 adds coverage outside bank hours only.
        let added = HourlyCoverage.slotsAdded(
            by: .alwaysOpen, covered: [false, true], covering: [[0, 1], [0]], open: open)
        #expect(added == Array(0..<9) + Array(17..<24) + Array(24..<48))
        let daytime = try OpeningHours(parsing: "Mo-Fr 09:00-17:00")
        #expect(HourlyCoverage.slotsAdded(by: daytime, covered: [false, true], covering: [[0, 1], [0]], open: open).isEmpty)
    }

    @Test("defaults report lists only defaulted sites")
    func defaultsReport() throws {
        let bank = try StationAttributes.read(id: "S3", kind: "bank", properties: ["services": .string("rest")])
        let given = try StationAttributes.read(
            id: "S4", kind: "hotel",
            properties: ["tier": .string("post"), "services": .string("rest"), "opening_hours": .string("24/7")])
        #expect(
            StationAttributes.defaultsReport(ids: ["S3", "S4"], kinds: ["bank", "hotel"], attributes: [bank, given])
                == ["S3 (bank): defaults tier post, opening_hours \"Mo-Fr 09:00-17:00\""])
    }
}

@Suite("attributes of OSM candidates")
struct OSMAttributesTests {
    @Test("the opening_hours tag is used when readable, else the kind's default with a warning")
    func osmTags() {
        let tagged = StationAttributes.fromOSM(id: "n1", kind: "pharmacy", tags: ["opening_hours": "24/7"])
        #expect(tagged.openingHours.isAlwaysOpenInTypicalWeek)
        #expect(tagged.defaulted == [.tier, .services] && tagged.warnings.isEmpty)
        #expect(tagged.services == [.rest, .water, .toilet, .firstAid])

        let bad = StationAttributes.fromOSM(id: "w7", kind: "bank", tags: ["opening_hours": "Mo-Fr 9-17"])
        #expect(bad.openingHours.text == "Mo-Fr 09:00-17:00")
        #expect(bad.defaulted == [.tier, .services, .openingHours])
        #expect(
            bad.warnings == [
                "OSM w7 opening_hours \"Mo-Fr 9-17\" at character 8: expected `:` and two-digit minutes, found \"-\"; using the bank default"
            ])

        let none = StationAttributes.fromOSM(id: "n2", kind: "hotel", tags: [:])
        #expect(none.openingHours.text == "24/7" && none.defaulted.count == 3)

        let holiday = StationAttributes.fromOSM(id: "n3", kind: "mall", tags: ["opening_hours": "10:00-22:00; PH off"])
        #expect(holiday.warnings.count == 1 && holiday.warnings[0].hasPrefix("OSM n3 opening_hours: "))
    }
}

@Suite("attributes of road positions")
struct RoadPositionAttributesTests {
    @Test("a road position is a post open at every planning hour, where a bank hall is not")
    func roadPositionOpenAllHours() throws {
        let road = StationAttributes.roadPosition
        #expect(road.tier == .post && road.services == [.rest, .water, .toilet] && road.capacity == nil)
        let bank = try StationAttributes.read(from: SitePoint(id: "B", coordinate: Coordinate(lon: 104, lat: 30), kind: "bank"))
        let hours = try #require(try PlanningHours(hours: "0-24", at: ["Su 03:00"]))
        let open = hours.open([road, bank])
        #expect(open.count == 25)
        #expect(open.allSatisfy { $0[0] })
        // The bank hall (Mo-Fr 09:00-17:00): open in the weekday slots 9 … 16 only.
        #expect(open.indices.filter { open[$0][1] } == Array(9...16))
    }
}
