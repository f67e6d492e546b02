import Foundation
import GeoCore
import RoadNetwork
import Testing

@testable import Coverage

@Suite struct AuditOutputTests {
    /// The fixture city audited at `speeds` with `districts`; the first hotspot
    /// carries two input properties, one of them clashing with an audit field.
    private func report(districts: [District], speeds: [Double] = [15]) throws -> AuditReport {
        var (graph, stations, hotspots) = try AuditCity.placed()
        hotspots[0].site.properties = ["shop": .string("面馆"), "covered": .string("from the input")]
        hotspots[0].site.name = "Noodles"
        let runs = try speeds.map { speed in
            try AuditRun(
                graph: graph.retimed(cruiseSpeedKmh: speed), stations: stations, hotspots: hotspots,
                limitMinutes: 15, areas: .districts(districts))
        }
        return AuditReport(stations: stations, hotspots: hotspots, maxSnap: AuditCity.maxSnap, limitMinutes: 15, runs: runs)
    }

    private func features(_ report: AuditReport) throws -> [Feature] {
        try AuditGeoJSON.featureCollection(report, projection: try AuditCity.projection()).features
    }

    @Test func hotspotFeaturesKeepInputOrderAndPropertiesAndAddTheAudit() throws {
        let features = try features(try report(districts: try AuditCity.districts()))
        #expect(features.count == 8 + 3 * 2 + 1 + 2, "hotspots, district and gap per area, outside, one per station")
        let hotspots = features.prefix(8)
        #expect(hotspots.map { $0.properties?["id"]?.stringValue } == AuditCity.hotspotCases.map(\.id))
        let first = try #require(hotspots.first?.properties)
        #expect(first["shop"] == .string("面馆"))
        #expect(first["name"] == .string("Noodles"))
        #expect(first["weight"] == .number(2))
        #expect(first["covered"] == .bool(true), "audit fields replace input properties of the same name")
        #expect(first["minutes_to_nearest"] == .number(14.8))
        #expect(first["nearest_station"] == .string("A"))
        #expect(first["stations_within"] == .number(1))
        #expect(first["snap_m"] == .number(30))
        #expect(first["speed_kmh"] == .number(15))
        #expect(first["unroutable"] == nil)

        let island = try #require(hotspots[5].properties)
        #expect(island["minutes_to_nearest"] == .null)
        #expect(island["nearest_station"] == .null)
        #expect(island["stations_within"] == .number(0))
        #expect(island["covered"] == .bool(false))
        #expect(island["unroutable"] == nil)

        let field = try #require(hotspots[6].properties)
        #expect(field["unroutable"] == .bool(true))
        #expect(field["reason"]?.stringValue?.contains("900.0 m") == true)
        #expect(field["snap_m"] == .number(900))
        #expect(field["minutes_to_nearest"] == .null)
        #expect(field["covered"] == .bool(false))
        for (feature, placed) in zip(hotspots, try AuditCity.placed().hotspots) {
            #expect(feature.geometry == .point(placed.site.coordinate))
        }
    }

    @Test func districtAndGapFeaturesFollowTheHotspots() throws {
        let features = try features(try report(districts: try AuditCity.districts()))
        let areas = Array(features.dropFirst(8).prefix(7))
        // Then one "kind": "station" feature per station: their weight served adds up to the covered weight (20).
        let stations = features.suffix(2)
        #expect(stations.allSatisfy { $0.properties?["kind"] == .string("station") })
        #expect(stations.compactMap { $0.properties?["weight_served"]?.numberValue }.reduce(0, +) == 20)
        #expect(areas.map { $0.properties?["kind"]?.stringValue } == ["district", "gap", "district", "gap", "district", "gap", "district"])
        #expect(
            areas.map { $0.properties?["name"]?.stringValue } == [
                "West", "West", "East", "East", "Empty", "Empty", AuditGeoJSON.outsideName,
            ])
        let west = try #require(areas[0].properties)
        #expect(west["hotspots"] == .number(3))
        #expect(west["hotspots_covered"] == .number(2))
        #expect(west["weight_total"] == .number(37))
        #expect(west["weight_covered"] == .number(18))
        #expect(west["share_covered"] == .number(0.4865))
        #expect(west["minutes"] == .number(15))
        #expect(areas[0].geometry == (try AuditCity.districts())[0].geometry)
        let empty = try #require(areas[4].properties)
        #expect(empty["share_covered"] == .number(0))
        #expect(empty["uncovered_area_km2"] == .number(1))
        #expect(areas[5].properties?["uncovered_area_km2"] == .number(1))
        let outside = areas[6]
        #expect(outside.geometry == nil)
        #expect(outside.properties?["hotspots"] == .number(1))
        #expect(outside.properties?["uncovered_area_km2"] == .null)
        for feature in areas where feature.properties?["kind"] == .string("gap") {
            guard case .polygon(let rings)? = feature.geometry else {
                Issue.record("gap of \(feature.properties?["name"] ?? .null) is not one polygon")
                continue
            }
            #expect(!rings.isEmpty && rings.allSatisfy { $0.count >= 4 })
        }
    }

    @Test func aFullyCoveredDistrictHasANullGapGeometry() throws {
        let small = try AuditCity.district("small", minX: 980, minY: 3500, maxX: 1020, maxY: 3990)
        let features = try features(try report(districts: [small]))
        #expect(features.count == 8 + 2 + 1 + 2, "every hotspot lies outside the small district")
        let gap = features[9]
        #expect(gap.properties?["kind"] == .string("gap"))
        #expect(gap.geometry == nil)
        #expect(gap.properties?["uncovered_area_km2"] == .number(0))
    }

    @Test func csvHasOneRowPerAreaAndATotal() throws {
        let report = try report(districts: try AuditCity.districts())
        let lines = AuditCSV.text(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == AuditCSV.columns.joined(separator: ","))
        #expect(lines.last == "", "ends with a newline")
        let rows = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(
            rows.map { Array($0.prefix(8)) } == [
                ["15", "15", "West", "3", "2", "37", "18", "0.4865"],
                ["15", "15", "East", "4", "1", "27", "2", "0.0741"],
                ["15", "15", "Empty", "0", "0", "0", "0", "0.0000"],
                ["15", "15", AuditGeoJSON.outsideName, "1", "0", "13", "0", "0.0000"],
                ["15", "15", "total", "8", "3", "77", "20", "0.2597"],
            ])
        let gaps = report.runs[0].gaps
        #expect(
            rows.map(\.last) == [
                formatFixed(gaps.gapSquareKilometres[0], decimals: 3), formatFixed(gaps.gapSquareKilometres[1], decimals: 3),
                "1.000", "", formatFixed(gaps.totalSquareKilometres, decimals: 3),
            ])
    }

    @Test func aSpeedBandGivesOneFullSetPerSpeed() throws {
        let report = try report(districts: try AuditCity.districts(), speeds: [12, 20])
        let features = try features(report)
        #expect(features.count == 2 * 17, "15 features and 2 stations per speed")
        #expect(features.prefix(17).allSatisfy { $0.properties?["speed_kmh"] == .number(12) })
        #expect(features.suffix(17).allSatisfy { $0.properties?["speed_kmh"] == .number(20) })
        // road3800 (932 s at 15 km/h): 20 + 3800 × 3.6 / 20 = 704 s at 20 km/h, covered.
        #expect(features[2].properties?["covered"] == .bool(false))
        #expect(features[19].properties?["covered"] == .bool(true))
        #expect(features[19].properties?["minutes_to_nearest"] == .number(11.8))
        let csv = AuditCSV.text(report).split(separator: "\n").map(String.init)
        #expect(csv.count == 1 + 2 * 5)
        #expect(csv[1].hasPrefix("12,15,West,") && csv[6].hasPrefix("20,15,West,"))
    }

    @Test func summaryGivesSharesAndTheLargestUncoveredHotspots() throws {
        let text = AuditSummaryText.text(try report(districts: try AuditCity.districts()))
        #expect(text.contains("weight covered: 26.0% (20 of 77)"))
        #expect(text.contains("hotspots covered: 37.5% (3 of 8)"))
        #expect(text.contains("1 hotspot is more than 300 m from a usable road: counted as uncovered"))
        #expect(text.contains("Empty: 0.0% of weight, 0 of 0 hotspots, 1.000 km² uncovered"))
        let listed = text.split(separator: "\n").drop { !$0.contains("largest uncovered") }.dropFirst()
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(
            listed == [
                "spur (weight 19): no station reaches it",
                "field (weight 17): unroutable, nearest usable road is 900.0 m away (more than the snapping limit of 300 m)",
                "island (weight 13): no station reaches it",
                "road3800 (weight 5): 15.6 min to A",
                "road3700 (weight 3): 15.2 min to A",
            ])
    }

    @Test func writtenMinutesRoundUpAndStayOnTheRightSideOfTheLimit() {
        #expect(AuditNumbers.minutes(seconds: 0, covered: true, limitMinutes: 15) == 0)
        #expect(AuditNumbers.minutes(seconds: 601, covered: true, limitMinutes: 15) == 10.1)
        #expect(AuditNumbers.minutes(seconds: 900, covered: true, limitMinutes: 15) == 15)
        #expect(AuditNumbers.minutes(seconds: 900.0001, covered: false, limitMinutes: 15) == 15.1)
        // Float noise: a time just above the limit that divides to exactly 150 tenths.
        #expect(AuditNumbers.minutes(seconds: 900.0.nextUp, covered: false, limitMinutes: 15) == 15.1)
        #expect(AuditNumbers.minutes(seconds: 750, covered: true, limitMinutes: 12.5) == 12.5)
        #expect(AuditNumbers.rounded(-0.01, decimals: 1) == 0 && AuditNumbers.rounded(-0.01, decimals: 1).sign == .plus)
    }
}

/// `audit --no-gaps`: the figures without any gap polygon.
@Suite struct AuditNoGapsTests {
    private func report() throws -> AuditReport {
        let (graph, stations, hotspots) = try AuditCity.placed()
        let districts = try AuditCity.districts()
        let audit = try HotspotAudit(
            graph: graph, stations: stations, hotspots: hotspots, limitMinutes: 15, areas: .districts(districts))
        let run = AuditRun(speedKmh: 15, hotspots: audit, gaps: AuditGaps.notDrawn(areaCount: audit.areas.count))
        return AuditReport(stations: stations, hotspots: hotspots, maxSnap: AuditCity.maxSnap, limitMinutes: 15, runs: [run])
    }

    @Test func noGapFeaturesAndNullUncoveredArea() throws {
        let features = try AuditGeoJSON.featureCollection(try report(), projection: try AuditCity.projection()).features
        // After the 8 hotspots: the districts (no gap features), then one feature per station.
        let areas = Array(features.dropFirst(8).filter { $0.properties?["kind"]?.stringValue != "station" })
        #expect(features.dropFirst(8).count == areas.count + 2)
        #expect(areas.map { $0.properties?["kind"]?.stringValue } == ["district", "district", "district", "district"])
        #expect(areas.map { $0.properties?["name"]?.stringValue } == ["West", "East", "Empty", AuditGeoJSON.outsideName])
        #expect(areas.allSatisfy { $0.properties?["uncovered_area_km2"] == .null })
        // The hotspot figures are those of the full audit.
        #expect(areas[0].properties?["weight_covered"] == .number(18))
        #expect(areas[0].properties?["share_covered"] == .number(0.4865))
    }

    @Test func csvLeavesEveryUncoveredAreaEmpty() throws {
        let lines = AuditCSV.text(try report()).split(separator: "\n").map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(
            rows.map { $0.prefix(8).joined(separator: ",") } == [
                "15,15,West,3,2,37,18,0.4865", "15,15,East,4,1,27,2,0.0741", "15,15,Empty,0,0,0,0,0.0000",
                "15,15,\(AuditGeoJSON.outsideName),1,0,13,0,0.0000", "15,15,total,8,3,77,20,0.2597",
            ])
        #expect(rows.allSatisfy { $0.count == AuditCSV.columns.count && $0.last == "" })
        #expect(!AuditSummaryText.text(try report()).contains("km² uncovered"))
    }
}
