import GeoCore
import RoadNetwork

extension AuditGaps {
    /// As `init(graph:stations:limitMinutes:areas:builder:)`, but the
    /// merged service area is drawn with `raster` (`RasterServiceArea`), and
    /// each area's gap is its difference with only the part of the service
    /// area inside the area's bounding box (`GEOSGeometry.clipped`), so the
    /// overlay work grows with each district, not with the whole city.
    /// - Throws: `GEOSError` from the overlays.
    /// - Complexity: one bounded search, the raster work of
    ///   `RasterServiceArea.area(of:)`, then per area a rectangle clip (linear
    ///   in the service area's vertices) and one overlay of the clipped part.
    public init(
        graph: RoadGraph, stations: [PlacedSite], limitMinutes: Double, areas: [District],
        raster: RasterServiceArea
    ) throws {
        let context = try GEOSContext()
        let sources = stations.compactMap { $0.snap.map(SearchSource.init(doorToDoor:)) }
        var search = MultiSourceSearch(graph: graph)
        let levels = try ServiceAreas.levels(sources: sources, minutes: [limitMinutes], search: &search)
        let serviceArea = try raster.nested(levels).first?.area ?? PlanarMultiPolygon()
        let served = try GEOSGeometry(multiPolygon: serviceArea, in: context)
        var gapGeometries: [GEOSGeometry] = []
        var gaps: [PlanarMultiPolygon] = []
        for area in areas {
            let district = try GEOSGeometry(multiPolygon: area.polygon, in: context)
            let gap: GEOSGeometry
            if let box = try district.bounds() {
                let margin = raster.cellSize
                // A rectangle clip can leave the clipped part invalid where it
                // only touches the rectangle; then overlay with the whole area.
                do {
                    let local = try served.clipped(
                        minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
                    gap = try district.difference(local)
                } catch {
                    gap = try district.difference(served)
                }
            } else {
                gap = district
            }
            gapGeometries.append(gap)
            gaps.append(try gap.toMultiPolygon())
        }
        self.serviceArea = serviceArea
        self.gaps = gaps
        gapSquareKilometres = gaps.map(IsochroneMeasures.areaSquareKilometres)
        // One area (the study area): its gap is the union; no overlay needed.
        totalSquareKilometres =
            gapGeometries.count == 1
            ? gapSquareKilometres[0]
            : try GEOSGeometry.union(of: gapGeometries, in: context).area / 1_000_000
        drawn = true
    }
}
