import Coverage
import Foundation
import GeoCore
import Planner
import RoadNetwork

/// Lays a `ReportAnalysis` out as the page's `ReportData`.
public struct ReportDataBuilder {
    /// Positions in WGS84, rounded.
    public let geometry: ReportGeometry
    /// The header facts (everything but the numbers computed here).
    public let meta: ReportData.Meta
    /// `zh` or `en`.
    public let lang: String
    /// The maximum snap distance in metres (for the unroutable reasons).
    public let maxSnap: Double

    /// Every stored property, as given.
    public init(geometry: ReportGeometry, meta: ReportData.Meta, lang: String, maxSnap: Double) {
        self.geometry = geometry
        self.meta = meta
        self.lang = lang
        self.maxSnap = maxSnap
    }

    /// How many hotspots the worst-served table lists.
    public static let worstCount = 10

    /// The report data of `analysis`.
    /// - Throws: `ProjectionError` when a position cannot be transformed.
    /// - Complexity: O(road points + polygon vertices + H log H).
    public func data(_ analysis: ReportAnalysis) throws -> ReportData {
        let audit = analysis.audit.hotspots
        let gaps = analysis.audit.gaps
        let hotspots = hotspotRows(analysis)
        let circles = try analysis.circles.map { level in
            ReportData.Circle(
                minutes: level.minutes, speedKmh: analysis.graph.cruiseSpeedKmh,
                areaKm2: AuditNumbers.rounded(level.areaSquareKilometres, decimals: AuditNumbers.areaDecimals),
                roadKm: AuditNumbers.rounded(level.roadKilometres, decimals: AuditNumbers.areaDecimals),
                polygons: try geometry.polygons(level.area))
        }
        let districts = try audit.areas.map { try area(name: $0.name, $0.polygon) }
        let gapAreas = try audit.areas.indices.filter { !gaps.gaps[$0].isEmpty }.map { try area(name: audit.areas[$0].name, gaps.gaps[$0]) }
        let plan = analysis.plan
        let total = audit.total
        var data = ReportData(
            lang: lang, meta: meta, bbox: try bbox(analysis), roads: try geometry.roads(of: analysis.graph),
            circles: circles, districts: districts, gaps: gapAreas, stations: stationRows(analysis), hotspots: hotspots,
            sites: plan.map(siteRows) ?? [], districtTable: areaRows(analysis.audit),
            worst: Array(worstFirst(hotspots).prefix(Self.worstCount)),
            frontier: plan?.frontier.map {
                ReportData.FrontierRow(k: $0.newSites, share: share($0.coveredShare), coveredWeight: weight($0.coveredWeight))
            } ?? [],
            speedBand: analysis.speedRows.count > 1
                ? analysis.speedRows.map {
                    ReportData.SpeedRow(
                        speedKmh: $0.speedKmh, shareCovered: share($0.share),
                        areaKm2: AuditNumbers.rounded($0.areaKm2, decimals: AuditNumbers.areaDecimals),
                        main: $0.speedKmh == analysis.graph.cruiseSpeedKmh)
                } : [],
            summary: ReportData.Summary(
                shareCovered: share(total.shareCovered), hotspots: total.hotspots,
                hotspotsCovered: total.hotspotsCovered, unroutableHotspots: analysis.hotspots.count { $0.snap == nil },
                uncoveredAreaKm2: AuditNumbers.rounded(gaps.totalSquareKilometres, decimals: AuditNumbers.areaDecimals),
                shareAfterPlan: plan.map { share($0.result.after.coveredShare) }))
        if let byHour = analysis.byHour {
            data.byHour = byHour.shares.indices.map { slot in
                let label = AuditByHour.slotLabel(slot)
                return ReportData.HourRow(day: label.day, hour: label.hour, share: share(byHour.shares[slot].last!))
            }
        }
        data.services = analysis.services.map {
            ReportData.ServiceRow(service: $0.service.rawValue, stations: $0.stations, share: share($0.share))
        }
        data.catchments = try analysis.catchments.compactMap { circles in
            guard let level = circles.levels.last else { return nil }
            return ReportData.Catchment(
                stationId: circles.station.id,
                areaKm2: AuditNumbers.rounded(level.areaSquareKilometres, decimals: AuditNumbers.areaDecimals),
                polygons: try geometry.polygons(level.area))
        }
        data.loads = loadRows(analysis)
        if let plan, let gap = plan.candidateGap {
            let byID = Dictionary(hotspots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            data.candidateGap = ReportData.CandidateGapData(
                roadSpacingM: plan.roadSpacingMeters ?? 0, listedShare: share(gap.listedBest.after.coveredShare),
                anywhereShare: share(gap.anywhereBest.after.coveredShare),
                anywhereSites: gap.anywhereBest.proposedSites.map { ranked in
                    let site = plan.allCandidates[ranked.candidate].site
                    let position = geometry.position(site.coordinate)
                    return ReportData.Site(
                        rank: ranked.rank, id: site.id, name: site.name, kind: site.kind, lon: position[0], lat: position[1],
                        addedWeight: weight(ranked.addedWeight), hotspotsTaken: ranked.hotspotsTaken,
                        cumulativeShare: share(ranked.cumulativeShare))
                }, hotspots: gap.roadOnlyDemands.compactMap { byID[plan.hotspots[$0].site.id] })
        }
        return data
    }

    /// The stations' loads, overloaded first (see `ReportData.loads`).
    private func loadRows(_ analysis: ReportAnalysis) -> [ReportData.LoadRow] {
        let order = analysis.loads.indices.sorted { a, b in
            let la = analysis.loads[a]
            let lb = analysis.loads[b]
            let ra = la.loadRatio ?? -1
            let rb = lb.loadRatio ?? -1
            if ra != rb { return ra > rb }
            if la.weightServed != lb.weightServed { return la.weightServed > lb.weightServed }
            return a < b
        }
        return order.map { i in
            let load = analysis.loads[i]
            let site = analysis.stations[load.station].site
            func rounded(_ value: Double?, _ decimals: Int) -> Double? { value.map { AuditNumbers.rounded($0, decimals: decimals) } }
            return ReportData.LoadRow(
                id: site.id, name: site.name, hotspotsServed: load.hotspotsServed, weightServed: weight(load.weightServed),
                minutesMean: rounded(load.minutesMean, 2), minutesP90: rounded(load.minutesP90, 2),
                capacity: rounded(load.capacity, AuditNumbers.weightDecimals),
                loadRatio: rounded(load.loadRatio, AuditNumbers.shareDecimals))
        }
    }

    /// The map's extent: the roads, every point and every area, with 2 % margin.
    private func bbox(_ analysis: ReportAnalysis) throws -> [Double] {
        let graph = analysis.graph
        var xs = graph.pointX
        var ys = graph.pointY
        for polygon in analysis.audit.hotspots.areas.flatMap(\.polygon.polygons) {
            xs += polygon.exterior.map(\.x)
            ys += polygon.exterior.map(\.y)
        }
        try geometry.projection.transform(x: &xs, y: &ys, inverse: true)
        var coordinates = zip(xs, ys).map { Coordinate(lon: $0, lat: $1) }
        coordinates += (analysis.stations + analysis.hotspots + (analysis.plan?.candidates ?? [])).map(\.site.coordinate)
        guard var box = BoundingBox(covering: coordinates) else { return [0, 0, 1, 1] }
        let marginLon = (box.maxLon - box.minLon) * 0.02
        let marginLat = (box.maxLat - box.minLat) * 0.02
        box = BoundingBox(
            minLon: box.minLon - marginLon, minLat: box.minLat - marginLat,
            maxLon: box.maxLon + marginLon, maxLat: box.maxLat + marginLat)
        return box.array.map(geometry.round)
    }

    private func area(name: String, _ polygon: PlanarMultiPolygon) throws -> ReportData.Area {
        ReportData.Area(
            name: name, areaKm2: AuditNumbers.rounded(IsochroneMeasures.areaSquareKilometres(polygon), decimals: AuditNumbers.areaDecimals),
            label: try ReportLabelPoint.inside(polygon).map { try geometry.position($0) }, polygons: try geometry.polygons(polygon))
    }

    private func hotspotRows(_ analysis: ReportAnalysis) -> [ReportData.Hotspot] {
        let audit = analysis.audit.hotspots
        return analysis.hotspots.enumerated().map { index, placed in
            let result = audit.hotspots[index]
            let position = geometry.position(placed.site.coordinate)
            return ReportData.Hotspot(
                id: placed.site.id, name: placed.site.name, kind: placed.site.kind,
                district: result.area.map { audit.areas[$0].name }, lon: position[0], lat: position[1],
                weight: weight(placed.site.weight),
                minutes: result.seconds.map {
                    AuditNumbers.minutes(seconds: $0, covered: result.covered, limitMinutes: audit.limitMinutes)
                },
                nearestStation: result.nearestStation.map { analysis.stations[$0].site.id },
                covered: result.covered, unroutable: placed.snap == nil)
        }
    }

    /// Unreached hotspots first (heaviest first), then the longest times, then input order.
    private func worstFirst(_ hotspots: [ReportData.Hotspot]) -> [ReportData.Hotspot] {
        hotspots.indices.sorted { a, b in
            let ta = hotspots[a].minutes ?? .infinity
            let tb = hotspots[b].minutes ?? .infinity
            if ta != tb { return ta > tb }
            if hotspots[a].weight != hotspots[b].weight { return hotspots[a].weight > hotspots[b].weight }
            return a < b
        }.map { hotspots[$0] }
    }

    private func stationRows(_ analysis: ReportAnalysis) -> [ReportData.Station] {
        let audit = analysis.audit.hotspots
        var count = [Int](repeating: 0, count: analysis.stations.count)
        var served = [Double](repeating: 0, count: analysis.stations.count)
        for (index, result) in audit.hotspots.enumerated() where result.covered {
            guard let station = result.nearestStation else { continue }
            count[station] += 1
            served[station] += analysis.hotspots[index].site.weight
        }
        return analysis.stations.enumerated().map { index, placed in
            let position = geometry.position(placed.site.coordinate)
            return ReportData.Station(
                id: placed.site.id, name: placed.site.name, kind: placed.site.kind, lon: position[0], lat: position[1],
                unroutable: placed.snap == nil, reason: placed.unroutableReason(maxSnap: maxSnap),
                hotspotsServed: count[index], weightServed: weight(served[index]))
        }
    }

    private func siteRows(_ plan: ReportPlan) -> [ReportData.Site] {
        plan.result.proposedSites.map { ranked in
            let site = plan.candidates[ranked.candidate].site
            let position = geometry.position(site.coordinate)
            return ReportData.Site(
                rank: ranked.rank, id: site.id, name: site.name, kind: site.kind, lon: position[0], lat: position[1],
                addedWeight: weight(ranked.addedWeight), hotspotsTaken: ranked.hotspotsTaken,
                cumulativeShare: share(ranked.cumulativeShare))
        }
    }

    private func areaRows(_ run: AuditRun) -> [ReportData.AreaRow] {
        let audit = run.hotspots
        func row(_ kind: String, _ name: String, _ figures: AuditFigures, _ km2: Double?) -> ReportData.AreaRow {
            ReportData.AreaRow(
                row: kind, name: name, hotspots: figures.hotspots, hotspotsCovered: figures.hotspotsCovered,
                weightTotal: weight(figures.weightTotal), weightCovered: weight(figures.weightCovered),
                shareCovered: share(figures.shareCovered),
                uncoveredAreaKm2: km2.map { AuditNumbers.rounded($0, decimals: AuditNumbers.areaDecimals) })
        }
        var rows = audit.areas.indices.map { row("area", audit.areas[$0].name, audit.areaFigures[$0], run.gaps.gapSquareKilometres[$0]) }
        if let outside = audit.outside { rows.append(row("outside", AuditGeoJSON.outsideName, outside, nil)) }
        if audit.areas.count > 1 || audit.outside != nil {
            rows.append(row("total", "total", audit.total, run.gaps.totalSquareKilometres))
        }
        return rows
    }

    private func share(_ value: Double) -> Double { AuditNumbers.rounded(value, decimals: AuditNumbers.shareDecimals) }
    private func weight(_ value: Double) -> Double { AuditNumbers.rounded(value, decimals: AuditNumbers.weightDecimals) }
}
