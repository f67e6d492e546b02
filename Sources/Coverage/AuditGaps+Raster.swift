import Foundation
import GeoCore
import RoadNetwork

extension AuditGaps {
    /// As `init(graph:stations:limitMinutes:areas:builder:)`, but the
    /// merged service area is drawn with `raster` (`RasterServiceArea`), and
    /// each area's gap is split first (`AuditGapSplit`): the service-area holes
    /// properly inside the area are gap polygons as they are (with the
    /// service-area polygons inside them as holes); only the rest goes through
    /// a GEOS difference, against the part of it inside the area's bounding box
    /// (`GEOSGeometry.clipped`), so the overlay work grows with the rings near
    /// the area's edges, not with the whole city. The polygons come in the order of one
    /// overlay of the whole service area (`AuditGapSplit.assembled`), vertex
    /// for vertex as it gave them.
    ///
    /// The areas are done on up to `workers` threads (`ParallelJobs`, one
    /// GEOS context each); the result does not depend on `workers`. With more
    /// than one area, the total is the area of (union of the areas) − service
    /// area, drawn the same way (the same set as the union of the gaps).
    /// - Throws: `GEOSError` from the overlays.
    /// - Complexity: one bounded search, the raster work of
    ///   `RasterServiceArea.area(of:)`, then per area a split (linear in the
    ///   service-area rings near it), a rectangle clip and one overlay of the
    ///   clipped part.
    public init(
        graph: RoadGraph, stations: [PlacedSite], limitMinutes: Double, areas: [District],
        raster: RasterServiceArea, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        let sources = stations.compactMap { $0.snap.map(SearchSource.init(doorToDoor:)) }
        var search = MultiSourceSearch(graph: graph)
        let levels = try ServiceAreas.levels(sources: sources, minutes: [limitMinutes], search: &search)
        let serviceArea = try raster.nested(levels).first?.area ?? PlanarMultiPolygon()
        let boxes = AuditGapSplit.ringBoxes(of: serviceArea)
        let margin = raster.cellSize
        // Jobs 0..<areas.count: the gaps; job areas.count (two or more areas): the union's gap.
        let jobs = areas.count > 1 ? areas.count + 1 : areas.count
        let results = try ParallelJobs.map(count: jobs, workers: workers, makeState: { try GEOSContext() }) {
            context, job -> PlanarMultiPolygon in
            let district =
                job < areas.count
                ? areas[job].polygon
                : try GEOSGeometry.union(
                    of: try areas.map { try GEOSGeometry(multiPolygon: $0.polygon, in: context) }, in: context
                ).toMultiPolygon()
            let split = AuditGapSplit(serviceArea: serviceArea, district: district, boxes: boxes)
            return split.assembled(overlayGap: try Self.difference(district, split.overlayPart, margin: margin, in: context))
        }
        let gaps = Array(results.prefix(areas.count))
        self.serviceArea = serviceArea
        self.gaps = gaps
        gapSquareKilometres = gaps.map(IsochroneMeasures.areaSquareKilometres)
        // One area (the study area): its gap is the union.
        totalSquareKilometres =
            areas.count > 1
            ? IsochroneMeasures.areaSquareKilometres(results[areas.count])
            : gapSquareKilometres.first ?? 0
        drawn = true
    }

    /// `district` − `served` with GEOS, the service area first clipped to the
    /// district's bounding box grown by `margin`.
    private static func difference(
        _ district: PlanarMultiPolygon, _ served: PlanarMultiPolygon, margin: Double, in context: GEOSContext
    ) throws -> PlanarMultiPolygon {
        let area = try GEOSGeometry(multiPolygon: district, in: context)
        guard let box = try area.bounds() else { return try area.toMultiPolygon() }
        let whole = try GEOSGeometry(multiPolygon: served, in: context)
        // A rectangle clip can leave the clipped part invalid where it only
        // touches the rectangle; then overlay with the whole service area.
        do {
            let local = try whole.clipped(
                minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
            return try area.difference(local).toMultiPolygon()
        } catch {
            return try area.difference(whole).toMultiPolygon()
        }
    }
}
