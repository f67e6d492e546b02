import Foundation

/// The one JSON object the report page is drawn from (`ReportPage`). Keys are
/// written in snake_case and sorted, numbers rounded, so the same inputs give the
/// same bytes. Positions are WGS84 `[lon, lat]`; lines and rings are flat
/// `[lon, lat, lon, lat, …]` arrays; a polygon is a list of rings, exterior first.
/// An absent optional is left out of the JSON (the page shows "–").
///
/// The nested row types hold one stored property per JSON key, named as the key in camelCase
/// (`areaKm2` is `area_km2`): the page (`Resources/report.js`) is their documentation of use.
public struct ReportData: Encodable {
    /// `zh` or `en`: the language of the page's labels.
    public var lang: String
    /// What the report is about and how it was made.
    public var meta: Meta
    /// The map's extent `[minLon, minLat, maxLon, maxLat]`.
    public var bbox: [Double]
    /// The road network, one flat polyline per segment.
    public var roads: [[Double]]
    /// The merged service areas of all stations, one per minute value, ascending.
    public var circles: [Circle]
    /// The audited areas (districts, or the study area).
    public var districts: [Area]
    /// Per area, the part outside the largest circle (areas with no gap left out).
    public var gaps: [Area]
    /// The existing stations, in input order.
    public var stations: [Station]
    /// The hotspots, in input order.
    public var hotspots: [Hotspot]
    /// The proposed new sites, by rank (empty without candidates).
    public var sites: [Site]
    /// Per area figures, then the hotspots outside every district, then the total.
    public var districtTable: [AreaRow]
    /// The worst-served hotspots: unreached first, then the longest times.
    public var worst: [Hotspot]
    /// Covered share for 0, 1, 2 … new sites (empty without candidates).
    public var frontier: [FrontierRow]
    /// Covered share and circle area at each speed of `--speed-band` and the main speed, ascending.
    public var speedBand: [SpeedRow]
    /// Headline figures.
    public var summary: Summary
    /// Coverage by hour: 48 rows (weekday = Wednesday 0–23, then Sunday 0–23), total share.
    public var byHour: [HourRow] = []
    /// Covered share per service (stations offering it), vocabulary order.
    public var services: [ServiceRow] = []

    /// One hour of `byHour`.
    public struct HourRow: Encodable {
        /// `weekday` or `sunday`.
        public var day: String
        /// The hour, 0–23.
        public var hour: Int
        /// Covered share of all hotspot weight, 4 decimals.
        public var share: Double
    }

    /// One row of `services`.
    public struct ServiceRow: Encodable {
        /// The service word.
        public var service: String
        /// Stations offering it.
        public var stations: Int
        /// Covered share of all hotspot weight, 4 decimals.
        public var share: Double
    }

    /// Header facts.
    public struct Meta: Encodable {
        public var title: String
        public var dataNote: String
        public var attribution: String
        public var networkFile: String
        public var profile: String
        public var speedKmh: Double
        public var minutes: [Double]
        public var limitMinutes: Double
        public var accessM: Double
        public var candidatesSource: String?
        public var newSites: Int
        public var generator: String

        /// Every stored property, as given.
        public init(
            title: String, dataNote: String, attribution: String, networkFile: String, profile: String, speedKmh: Double, minutes: [Double],
            limitMinutes: Double, accessM: Double, candidatesSource: String?, newSites: Int, generator: String
        ) {
            self.title = title
            self.dataNote = dataNote
            self.attribution = attribution
            self.networkFile = networkFile
            self.profile = profile
            self.speedKmh = speedKmh
            self.minutes = minutes
            self.limitMinutes = limitMinutes
            self.accessM = accessM
            self.candidatesSource = candidatesSource
            self.newSites = newSites
            self.generator = generator
        }
    }

    /// One merged service area.
    public struct Circle: Encodable {
        public var minutes: Double
        public var speedKmh: Double
        public var areaKm2: Double
        public var roadKm: Double
        public var polygons: [[[Double]]]
    }

    /// A named area: a district outline or its gap.
    public struct Area: Encodable {
        public var name: String
        public var areaKm2: Double
        public var label: [Double]?
        public var polygons: [[[Double]]]
    }

    /// An existing station and the hotspot weight it serves (as the nearest station, within the limit).
    public struct Station: Encodable {
        public var id: String
        public var name: String?
        public var kind: String?
        public var lon: Double
        public var lat: Double
        public var unroutable: Bool
        public var reason: String?
        public var hotspotsServed: Int
        public var weightServed: Double
    }

    /// A hotspot and its time to the nearest station.
    public struct Hotspot: Encodable {
        public var id: String
        public var name: String?
        public var kind: String?
        public var district: String?
        public var lon: Double
        public var lat: Double
        public var weight: Double
        /// Minutes to the nearest station (rounded up to 0.1); absent when none reaches it.
        public var minutes: Double?
        public var nearestStation: String?
        public var covered: Bool
        public var unroutable: Bool
    }

    /// A proposed new site.
    public struct Site: Encodable {
        public var rank: Int
        public var id: String
        public var name: String?
        public var kind: String?
        public var lon: Double
        public var lat: Double
        public var addedWeight: Double
        public var hotspotsTaken: Int
        public var cumulativeShare: Double
    }

    /// A row of the district table.
    public struct AreaRow: Encodable {
        /// `area`, `outside` (hotspots in no district) or `total`.
        public var row: String
        public var name: String
        public var hotspots: Int
        public var hotspotsCovered: Int
        public var weightTotal: Double
        public var weightCovered: Double
        public var shareCovered: Double
        public var uncoveredAreaKm2: Double?
    }

    /// One station's catchment polygon at the largest minute value (`reach --split`).
    public struct Catchment: Encodable {
        public var stationId: String
        public var areaKm2: Double
        public var polygons: [[[Double]]]
    }

    /// One station's load: covered hotspots it is nearest to, against its capacity.
    public struct LoadRow: Encodable {
        public var id: String
        public var name: String?
        public var hotspotsServed: Int
        public var weightServed: Double
        public var minutesMean: Double?
        public var minutesP90: Double?
        public var capacity: Double?
        public var loadRatio: Double?
    }

    /// The listed candidates' best against the best site anywhere on the roads.
    public struct CandidateGapData: Encodable {
        public var roadSpacingM: Double
        public var listedShare: Double
        public var anywhereShare: Double
        public var anywhereSites: [Site]
        public var hotspots: [Hotspot]
    }

    /// A point of the plan frontier.
    public struct FrontierRow: Encodable {
        public var k: Int
        public var share: Double
        public var coveredWeight: Double
    }

    /// The coverage at one cruising speed.
    public struct SpeedRow: Encodable {
        public var speedKmh: Double
        public var shareCovered: Double
        public var areaKm2: Double
        public var main: Bool
    }

    /// Headline figures.
    public struct Summary: Encodable {
        public var shareCovered: Double
        public var hotspots: Int
        public var hotspotsCovered: Int
        public var unroutableHotspots: Int
        public var uncoveredAreaKm2: Double
        public var shareAfterPlan: Double?
    }

    /// The stations' catchments, one colour each on the map.
    public var catchments: [Catchment] = []
    /// The load table: overloaded stations first (load ratio descending, stations without a capacity
    /// after, by weight served), then input order.
    public var loads: [LoadRow] = []
    /// The candidate gap, with road positions (`--candidates FILE,roads:N`).
    public var candidateGap: CandidateGapData?

    /// The JSON text: snake_case keys, sorted, no extra whitespace.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
