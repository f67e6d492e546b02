import Foundation

/// The one JSON object the report page is drawn from (`ReportPage`). Keys are
/// written in snake_case and sorted, numbers rounded, so the same inputs give the
/// same bytes. Positions are WGS84 `[lon, lat]`; lines and rings are flat
/// `[lon, lat, lon, lat, …]` arrays; a polygon is a list of rings, exterior first.
/// An absent optional is left out of the JSON (the page shows "–").
struct ReportData: Encodable {
    /// `zh` or `en`: the language of the page's labels.
    var lang: String
    /// What the report is about and how it was made.
    var meta: Meta
    /// The map's extent `[minLon, minLat, maxLon, maxLat]`.
    var bbox: [Double]
    /// The road network, one flat polyline per segment.
    var roads: [[Double]]
    /// The merged service circles of all stations, one per minute value, ascending.
    var circles: [Circle]
    /// The audited areas (districts, or the study area).
    var districts: [Area]
    /// Per area, the part outside the largest circle (areas with no gap left out).
    var gaps: [Area]
    /// The existing stations, in input order.
    var stations: [Station]
    /// The hotspots, in input order.
    var hotspots: [Hotspot]
    /// The proposed new sites, by rank (empty without candidates).
    var sites: [Site]
    /// Per area figures, then the hotspots outside every district, then the total.
    var districtTable: [AreaRow]
    /// The worst-served hotspots: unreached first, then the longest times.
    var worst: [Hotspot]
    /// Covered share for 0, 1, 2 … new sites (empty without candidates).
    var frontier: [FrontierRow]
    /// Covered share and circle area at each speed of `--speed-band` and the main speed, ascending.
    var speedBand: [SpeedRow]
    /// Headline figures.
    var summary: Summary

    /// Header facts.
    struct Meta: Encodable {
        var title: String
        var dataNote: String
        var attribution: String
        var networkFile: String
        var profile: String
        var speedKmh: Double
        var minutes: [Double]
        var limitMinutes: Double
        var accessM: Double
        var candidatesSource: String?
        var newSites: Int
        var generator: String
    }

    /// One merged service circle.
    struct Circle: Encodable {
        var minutes: Double
        var speedKmh: Double
        var areaKm2: Double
        var roadKm: Double
        var polygons: [[[Double]]]
    }

    /// A named area: a district outline or its gap.
    struct Area: Encodable {
        var name: String
        var areaKm2: Double
        var label: [Double]?
        var polygons: [[[Double]]]
    }

    /// An existing station and the hotspot weight it serves (as the nearest station, within the limit).
    struct Station: Encodable {
        var id: String
        var name: String?
        var kind: String?
        var lon: Double
        var lat: Double
        var unroutable: Bool
        var reason: String?
        var hotspotsServed: Int
        var weightServed: Double
    }

    /// A hotspot and its time to the nearest station.
    struct Hotspot: Encodable {
        var id: String
        var name: String?
        var kind: String?
        var district: String?
        var lon: Double
        var lat: Double
        var weight: Double
        /// Minutes to the nearest station (rounded up to 0.1); absent when none reaches it.
        var minutes: Double?
        var nearestStation: String?
        var covered: Bool
        var unroutable: Bool
    }

    /// A proposed new site.
    struct Site: Encodable {
        var rank: Int
        var id: String
        var name: String?
        var kind: String?
        var lon: Double
        var lat: Double
        var addedWeight: Double
        var hotspotsTaken: Int
        var cumulativeShare: Double
    }

    /// A row of the district table.
    struct AreaRow: Encodable {
        /// `area`, `outside` (hotspots in no district) or `total`.
        var row: String
        var name: String
        var hotspots: Int
        var hotspotsCovered: Int
        var weightTotal: Double
        var weightCovered: Double
        var shareCovered: Double
        var uncoveredAreaKm2: Double?
    }

    /// A point of the plan frontier.
    struct FrontierRow: Encodable {
        var k: Int
        var share: Double
        var coveredWeight: Double
    }

    /// The coverage at one cruising speed.
    struct SpeedRow: Encodable {
        var speedKmh: Double
        var shareCovered: Double
        var areaKm2: Double
        var main: Bool
    }

    /// Headline figures.
    struct Summary: Encodable {
        var shareCovered: Double
        var hotspots: Int
        var hotspotsCovered: Int
        var unroutableHotspots: Int
        var uncoveredAreaKm2: Double
        var shareAfterPlan: Double?
    }

    /// The JSON text: snake_case keys, sorted, no extra whitespace.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
