import Facilities
import GeoCore
import Testing

@testable import Coverage

/// `StationSelection`: attributes read per site, defaults reported once per
/// group, the filter applied, errors naming the file and the feature.
@Suite struct StationSelectionTests {
    static func site(_ id: String, kind: String?, _ properties: [String: JSONValue] = [:]) -> SitePoint {
        SitePoint(id: id, coordinate: Coordinate(lon: 104, lat: 30), kind: kind, properties: properties)
    }

    @Test func groupsDefaultsAndFilters() throws {
        let sites = [
            Self.site("S1", kind: "bank"), Self.site("S2", kind: "bank"),
            Self.site(
                "S3", kind: "hotel", ["tier": .string("post"), "services": .string("rest;charging"), "opening_hours": .string("24/7")]),
        ]
        let all = try StationSelection(sites: sites, file: "s.csv", role: "station", filter: StationFilter())
        #expect(all.admitted == [0, 1, 2])
        #expect(all.defaultLines.count == 1)
        #expect(all.defaultLines.first?.hasPrefix("defaults for 2 stations of kind bank (S1, S2): tier post") == true)
        // Weekday 22:30: the bank halls (Mo-Fr 09:00-17:00 by default) are shut.
        let night = try StationSelection(
            sites: sites, file: "s.csv", role: "station", filter: try StationFilter(service: nil, at: "22:30"))
        #expect(night.admitted == [2])
        let charging = try StationSelection(
            sites: sites, file: "s.csv", role: "station", filter: try StationFilter(service: "charging", at: nil))
        #expect(charging.admitted == [2])
    }

    @Test func errorsNameTheFileAndTheFeature() throws {
        let bad = [Self.site("S9", kind: nil, ["opening_hours": .string("Mo-Fr 25:00-26:00")])]
        #expect {
            try StationSelection(sites: bad, file: "s.geojson", role: "station", filter: StationFilter())
        } throws: { error in
            "\(error)".hasPrefix("s.geojson: feature S9: opening_hours") && "\(error)".contains("at character")
        }
        let closed = [Self.site("S1", kind: "bank")]
        #expect {
            try StationSelection(sites: closed, file: "s.csv", role: "station", filter: try StationFilter(service: nil, at: "Su 03:00"))
        } throws: { error in
            "\(error)".hasPrefix("s.csv: no station is admitted by open Su 03:00")
        }
    }

    /// The library advises in neutral words (the CLI names `--service` and `--at`, see `settingAdvice`).
    @Test func adviceNamesNoOption() throws {
        let closed = [Self.site("S1", kind: "bank")]
        #expect {
            try StationSelection(sites: closed, file: "s.csv", role: "station", filter: try StationFilter(service: "microwave", at: nil))
        } throws: { error in
            guard let error = error as? StationSelectionError else { return false }
            return error.advice == .chooseAnotherFilter && error.message == "s.csv: no station is admitted by service microwave (of 1)"
                && error.description == error.message + "; choose another service or moment, or add the attribute to the file"
        }
        #expect(ReachError.noMinutes.description == "give at least one travel time in minutes, e.g. 5,10,15")
    }
}

/// `StationSelection.attributesByID(of:)`: the attributes of the sites read, by id.
@Suite struct StationSelectionByIDTests {
    /// S1 appears twice (a bank, then a 24-hour hotel): the first one's attributes are kept.
    @Test func firstOfARepeatedIDWins() throws {
        let sites = [
            StationSelectionTests.site("S1", kind: "bank"), StationSelectionTests.site("S2", kind: "hotel"),
            StationSelectionTests.site("S1", kind: "hotel"),
        ]
        let selection = try StationSelection(sites: sites, file: "s.csv", role: "station", filter: StationFilter())
        let byID = selection.attributesByID(of: sites)
        #expect(byID.count == 2)
        #expect(byID["S1"]?.openingHours.text == "Mo-Fr 09:00-17:00")
        #expect(byID["S2"]?.openingHours.text == "24/7")
    }
}
