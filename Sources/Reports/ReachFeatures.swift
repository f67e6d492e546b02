import Coverage
import Foundation
import GeoCore
import RoadNetwork

/// Lays out a `ReachReport` as GeoJSON features (WGS84): one MultiPolygon
/// feature per circle, then one per unroutable station, in a fixed order.
public struct ReachFeatures {
    /// The graph's metric CRS → WGS84 (used inversely).
    public let projection: Projection
    /// The profile name written in every feature.
    public let profile: TravelProfile
    /// The access distance in metres, written as `access_m`.
    public let accessDistance: Double

    /// Every stored property, as given.
    public init(projection: Projection, profile: TravelProfile, accessDistance: Double) {
        self.projection = projection
        self.profile = profile
        self.accessDistance = accessDistance
    }

    /// The features of `report`: circles sorted by speed, minutes and station id;
    /// unroutable stations (no geometry) after them, by station id.
    ///
    /// The circles are projected back to WGS84 on up to `workers` threads,
    /// each with its own PROJ object (a `Projection` is not shared between
    /// threads), once there are at least `parallelFrom` of them; the features
    /// are the same either way.
    /// - Throws: `ProjectionError` when a position cannot be transformed or a
    ///   thread's projection cannot be made.
    /// - Complexity: O(vertices) plus sorting.
    public func collection(
        _ report: ReachReport, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> FeatureCollection {
        var circles: [(key: CircleKey, level: NestedIsochrone, speed: Double, stations: Int, station: SitePoint?)] = []
        for run in report.runs {
            for level in run.merged {
                circles.append(
                    (
                        CircleKey(speed: run.speedKmh, minutes: level.minutes, station: nil), level, run.speedKmh,
                        report.routableCount, nil
                    ))
            }
            for circle in run.perStation {
                for level in circle.levels {
                    circles.append(
                        (
                            CircleKey(speed: run.speedKmh, minutes: level.minutes, station: circle.station.id), level, run.speedKmh, 1,
                            circle.station
                        ))
                }
            }
        }
        circles.sort { $0.key < $1.key }
        let geometries: [Geometry?]
        if circles.count >= Self.parallelFrom, workers > 1 {
            let (source, target) = (projection.source, projection.target)
            geometries = try ParallelJobs.map(
                count: circles.count, workers: workers, makeState: { try Projection(from: source, to: target) }
            ) { (threadProjection: inout Projection, i: Int) throws -> Geometry? in
                try GeoJSONPlanar.geometry(from: circles[i].level.area, projection: threadProjection)
            }
        } else {
            geometries = try circles.map { try GeoJSONPlanar.geometry(from: $0.level.area, projection: projection) }
        }
        let unroutable = report.unroutable.sorted { StationOrder.precedes($0.station.id, $1.station.id) }
        return FeatureCollection(
            features: zip(circles, geometries).map {
                feature($0.level, geometry: $1, speed: $0.speed, stations: $0.stations, station: $0.station)
            }
                + unroutable.map(feature),
            foreignMembers: ["attribution": .string(Self.attribution)])
    }

    /// From this many circles on, `collection` projects them on several threads.
    public static let parallelFrom = 8

    private func feature(
        _ level: NestedIsochrone, geometry: Geometry?, speed: Double, stations: Int, station: SitePoint?
    ) -> Feature {
        var properties: [String: JSONValue] = [
            "minutes": .number(level.minutes),
            "profile": .string(profile.rawValue),
            "speed_kmh": .number(speed),
            "stations": .number(Double(stations)),
            "area_km2": .number(Self.rounded(level.areaSquareKilometres, decimals: 3)),
            "road_km": .number(Self.rounded(level.roadKilometres, decimals: 3)),
            "access_m": .number(accessDistance),
        ]
        if let station {
            properties["station_id"] = .string(station.id)
            properties["station_name"] = station.name.map(JSONValue.string) ?? .null
        }
        return Feature(geometry: Self.multiPolygon(geometry), properties: properties)
    }

    private func feature(_ station: UnroutableStation) -> Feature {
        Feature(
            geometry: nil,
            properties: [
                "station_id": .string(station.station.id),
                "station_name": station.station.name.map(JSONValue.string) ?? .null,
                "profile": .string(profile.rawValue),
                "unroutable": .bool(true),
                "reason": .string(station.reason),
                "snap_m": station.snapMeters.map { .number(Self.rounded($0, decimals: 1)) } ?? .null,
            ])
    }

    /// Every circle as a MultiPolygon, so the layer has one geometry type
    /// (GDAL and QGIS read a mix of Polygon and MultiPolygon as "unknown").
    private static func multiPolygon(_ geometry: Geometry?) -> Geometry? {
        if case .polygon(let rings)? = geometry { return .multiPolygon([rings]) }
        return geometry
    }

    /// The credit every file made from OSM roads carries, in the top-level `attribution` member.
    public static let attribution = "Road network © OpenStreetMap contributors (ODbL 1.0)"

    /// `value` rounded to `decimals` places, as the number written.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        Double(formatFixed(value, decimals: decimals)) ?? value
    }
}

/// The sort key of a circle: speed, then minutes, then station (merged first).
private struct CircleKey: Comparable {
    var speed: Double
    var minutes: Double
    var station: String?

    static func < (a: CircleKey, b: CircleKey) -> Bool {
        if a.speed != b.speed { return a.speed < b.speed }
        if a.minutes != b.minutes { return a.minutes < b.minutes }
        switch (a.station, b.station) {
        case (nil, nil), (.some, nil): return false
        case (nil, .some): return true
        case (let x?, let y?): return StationOrder.precedes(x, y)
        }
    }
}

/// Station ids in a natural order: numbers by value (`2` before `10`), before
/// other ids, which go by their UTF-8 bytes.
public enum StationOrder {
    /// Whether station id `a` goes before `b`: numbers by value, then other ids by UTF-8 bytes.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        switch (UInt64(a), UInt64(b)) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}
