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
    /// the area's edges, not with the whole city. The gap polygons of the
    /// overlay come first, then the holes in service-area order.
    /// - Throws: `GEOSError` from the overlays.
    /// - Complexity: one bounded search, the raster work of
    ///   `RasterServiceArea.area(of:)`, then per area a linear split, a
    ///   rectangle clip and one overlay of the clipped part.
    public init(
        graph: RoadGraph, stations: [PlacedSite], limitMinutes: Double, areas: [District],
        raster: RasterServiceArea
    ) throws {
        let context = try GEOSContext()
        let sources = stations.compactMap { $0.snap.map(SearchSource.init(doorToDoor:)) }
        var search = MultiSourceSearch(graph: graph)
        let levels = try ServiceAreas.levels(sources: sources, minutes: [limitMinutes], search: &search)
        let serviceArea = try raster.nested(levels).first?.area ?? PlanarMultiPolygon()
        var gaps: [PlanarMultiPolygon] = []
        for area in areas {
            let split = AuditGapSplit(serviceArea: serviceArea, district: area.polygon)
            var gap = try Self.difference(area.polygon, split.overlayPart, margin: raster.cellSize, in: context)
            gap.polygons += split.simplePieces
            gaps.append(gap)
        }
        let gapGeometries = try areas.count == 1 ? [] : gaps.map { try GEOSGeometry(multiPolygon: $0, in: context) }
        self.serviceArea = serviceArea
        self.gaps = gaps
        gapSquareKilometres = gaps.map(IsochroneMeasures.areaSquareKilometres)
        // One area (the study area): its gap is the union; no overlay needed.
        totalSquareKilometres =
            areas.count == 1
            ? gapSquareKilometres[0]
            : try GEOSGeometry.union(of: gapGeometries, in: context).area / 1_000_000
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
