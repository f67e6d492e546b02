import GeoCore
import RoadNetwork

/// The audit as GeoJSON features, per run (speed) in order:
///
/// 1. one Point feature per hotspot, in input order, with its input properties
///    (`id`, `weight`, `name`, `kind` and every other one) plus
///    `nearest_station` (station id or null), `minutes_to_nearest` (one
///    decimal, rounded up; null when no station reaches it), `stations_within`,
///    `covered`, `snap_m` (one decimal; null when the network has no road) and
///    `speed_kmh`; unroutable hotspots also get `"unroutable": true` and
///    `reason`. Audit fields replace input properties of the same name.
/// 2. per area, a `"kind": "district"` feature with the area's own geometry
///    and `name`, `hotspots`, `hotspots_covered`, `weight_total`,
///    `weight_covered`, `share_covered` (4 decimals, 0 when there is no
///    weight), `uncovered_area_km2` (3 decimals), `minutes`, `speed_kmh`; then
///    its `"kind": "gap"` feature with the uncovered part as geometry (null
///    geometry when the area is fully covered, never an empty geometry),
///    `name`, `uncovered_area_km2`, `minutes`, `speed_kmh`. When the gaps
///    were not drawn (`AuditGaps.drawn`, `audit --no-gaps`) the district's
///    `uncovered_area_km2` is null and there is no gap feature.
/// 3. when some hotspots lie in no district, a `"kind": "district"` feature
///    named `(outside districts)` with null geometry and null
///    `uncovered_area_km2`.
/// 4. one `"kind": "station"` Point per station, in input order (its catchment,
///    `StationCatchments`): `id`, `name`, `hotspots_served`, `weight_served`,
///    `minutes_mean`, `minutes_p90` (2 decimals; null when it serves none),
///    `capacity` and `load_ratio` (4 decimals; null without a `capacity`
///    property), `minutes`, `speed_kmh`. The `weight_served` of all stations
///    add up to the covered weight.
public enum AuditGeoJSON {
    /// The name of the row and feature for hotspots outside every district.
    public static let outsideName = "(outside districts)"

    /// The FeatureCollection of `report`; gaps go back to WGS84 with the
    /// inverse of `projection` (WGS84 → the graph's CRS).
    /// - Throws: `ProjectionError` when a gap cannot be transformed.
    /// - Complexity: O(hotspots + gap vertices) per run.
    public static func featureCollection(_ report: AuditReport, projection: Projection) throws -> FeatureCollection {
        var features: [Feature] = []
        for run in report.runs {
            let speed = JSONValue.number(run.speedKmh)
            for (index, hotspot) in report.hotspots.enumerated() {
                features.append(hotspotFeature(hotspot, run.hotspots.hotspots[index], report: report, speed: speed))
            }
            let audit = run.hotspots
            for (index, area) in audit.areas.enumerated() {
                let km2 =
                    run.gaps.uncoveredSquareKilometres(area: index).map {
                        JSONValue.number(AuditNumbers.rounded($0, decimals: AuditNumbers.areaDecimals))
                    } ?? .null
                var properties = figures(audit.areaFigures[index])
                properties["kind"] = .string("district")
                properties["name"] = .string(area.name)
                properties["uncovered_area_km2"] = km2
                properties["minutes"] = .number(report.limitMinutes)
                properties["speed_kmh"] = speed
                features.append(Feature(geometry: area.geometry, properties: properties))
                // Gaps not drawn (`audit --no-gaps`): the district keeps its figures, no gap feature.
                guard run.gaps.drawn else { continue }
                features.append(
                    Feature(
                        geometry: try GeoJSONPlanar.geometry(from: run.gaps.gaps[index], projection: projection),
                        properties: [
                            "kind": .string("gap"), "name": .string(area.name), "uncovered_area_km2": km2,
                            "minutes": .number(report.limitMinutes), "speed_kmh": speed,
                        ]))
            }
            if let outside = audit.outside {
                var properties = figures(outside)
                properties["kind"] = .string("district")
                properties["name"] = .string(outsideName)
                properties["uncovered_area_km2"] = .null
                properties["minutes"] = .number(report.limitMinutes)
                properties["speed_kmh"] = speed
                features.append(Feature(geometry: nil, properties: properties))
            }
            let loads = try StationCatchments.loads(stations: report.stations, hotspots: report.hotspots, audit: audit)
            for load in loads {
                features.append(stationFeature(report.stations[load.station].site, load, report: report, speed: speed))
            }
        }
        return FeatureCollection(features: features)
    }

    private static func hotspotFeature(
        _ placed: PlacedSite, _ result: HotspotCoverage, report: AuditReport, speed: JSONValue
    ) -> Feature {
        let site = placed.site
        var properties = site.properties
        properties["id"] = .string(site.id)
        properties["weight"] = .number(site.weight)
        if let name = site.name { properties["name"] = .string(name) }
        if let kind = site.kind { properties["kind"] = .string(kind) }
        properties["nearest_station"] = result.nearestStation.map { .string(report.stations[$0].site.id) } ?? .null
        properties["minutes_to_nearest"] =
            result.seconds.map {
                .number(AuditNumbers.minutes(seconds: $0, covered: result.covered, limitMinutes: report.limitMinutes))
            } ?? .null
        properties["stations_within"] = .number(Double(result.stationsWithin))
        properties["covered"] = .bool(result.covered)
        properties["snap_m"] = placed.snapMeters.map { .number(AuditNumbers.rounded($0, decimals: AuditNumbers.meterDecimals)) } ?? .null
        properties["speed_kmh"] = speed
        if let reason = placed.unroutableReason(maxSnap: report.maxSnap) {
            properties["unroutable"] = .bool(true)
            properties["reason"] = .string(reason)
        }
        return Feature(geometry: .point(site.coordinate), properties: properties)
    }

    private static func stationFeature(_ site: SitePoint, _ load: StationLoad, report: AuditReport, speed: JSONValue) -> Feature {
        func number(_ value: Double?, _ decimals: Int) -> JSONValue {
            value.map { .number(AuditNumbers.rounded($0, decimals: decimals)) } ?? .null
        }
        let properties: [String: JSONValue] = [
            "kind": .string("station"), "id": .string(site.id), "name": site.name.map { .string($0) } ?? .null,
            "hotspots_served": .number(Double(load.hotspotsServed)),
            "weight_served": number(load.weightServed, AuditNumbers.weightDecimals),
            "minutes_mean": number(load.minutesMean, 2), "minutes_p90": number(load.minutesP90, 2),
            "capacity": number(load.capacity, AuditNumbers.weightDecimals),
            "load_ratio": number(load.loadRatio, AuditNumbers.shareDecimals),
            "minutes": .number(report.limitMinutes), "speed_kmh": speed,
        ]
        return Feature(geometry: .point(site.coordinate), properties: properties)
    }

    private static func figures(_ f: AuditFigures) -> [String: JSONValue] {
        [
            "hotspots": .number(Double(f.hotspots)),
            "hotspots_covered": .number(Double(f.hotspotsCovered)),
            "weight_total": .number(AuditNumbers.rounded(f.weightTotal, decimals: AuditNumbers.weightDecimals)),
            "weight_covered": .number(AuditNumbers.rounded(f.weightCovered, decimals: AuditNumbers.weightDecimals)),
            "share_covered": .number(AuditNumbers.rounded(f.shareCovered, decimals: AuditNumbers.shareDecimals)),
        ]
    }
}
