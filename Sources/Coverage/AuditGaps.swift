import GeoCore
import RoadNetwork

/// The uncovered part of each area: the area minus the merged service area
/// (15-minute circle) of all stations.
public struct AuditGaps: Sendable {
    /// The merged service area of all routable stations at the limit (planar metres).
    public let serviceArea: PlanarMultiPolygon
    /// Per area (in the order given), the part outside `serviceArea`; empty when all is covered.
    public let gaps: [PlanarMultiPolygon]
    /// Per area, the area of its gap in km².
    public let gapSquareKilometres: [Double]
    /// Area of the union of all gaps in km² (an overlap of two areas counts once).
    public let totalSquareKilometres: Double
    /// False for `notDrawn(areaCount:)` (`audit --no-gaps`): no service area
    /// and no gaps were drawn, and the km² figures above are not measured
    /// (read them through `uncoveredSquareKilometres(area:)` and
    /// `uncoveredTotalSquareKilometres`, which give nil then).
    public let drawn: Bool

    /// Gaps that were not drawn (numbers only: `audit --no-gaps`), for
    /// `areaCount` areas: every gap empty, every km² figure nil through the
    /// accessors.
    public static func notDrawn(areaCount: Int) -> AuditGaps {
        AuditGaps(
            serviceArea: PlanarMultiPolygon(), gaps: Array(repeating: PlanarMultiPolygon(), count: areaCount),
            gapSquareKilometres: Array(repeating: 0, count: areaCount), totalSquareKilometres: 0, drawn: false)
    }

    private init(
        serviceArea: PlanarMultiPolygon, gaps: [PlanarMultiPolygon], gapSquareKilometres: [Double],
        totalSquareKilometres: Double, drawn: Bool
    ) {
        self.serviceArea = serviceArea
        self.gaps = gaps
        self.gapSquareKilometres = gapSquareKilometres
        self.totalSquareKilometres = totalSquareKilometres
        self.drawn = drawn
    }

    /// The uncovered km² of area `index`, nil when the gaps were not drawn.
    public func uncoveredSquareKilometres(area index: Int) -> Double? {
        drawn ? gapSquareKilometres[index] : nil
    }

    /// The area of the union of all gaps in km², nil when the gaps were not drawn.
    public var uncoveredTotalSquareKilometres: Double? { drawn ? totalSquareKilometres : nil }

    /// Builds the merged service area of the routable `stations` at `limitMinutes`
    /// with `ServiceAreas.nested` (one search, one level, door-to-door sources)
    /// and subtracts it from every area with GEOS.
    /// - Throws: `IsochroneError` or `GEOSError` from polygon building and overlay.
    /// - Complexity: one bounded search plus the service-area polygon work
    ///   (about O(n log n) in buffer vertices) and one overlay per area.
    public init(
        graph: RoadGraph, stations: [PlacedSite], limitMinutes: Double, areas: [District],
        builder: IsochronePolygonBuilder = IsochronePolygonBuilder()
    ) throws {
        let context = try GEOSContext()
        let sources = stations.compactMap { $0.snap.map(SearchSource.init(doorToDoor:)) }
        var search = MultiSourceSearch(graph: graph)
        let levels = try ServiceAreas.nested(
            sources: sources, minutes: [limitMinutes], search: &search, builder: builder, context: context)
        let serviceArea = levels.first?.area ?? PlanarMultiPolygon()
        let served = try GEOSGeometry(multiPolygon: serviceArea, in: context)
        var gapGeometries: [GEOSGeometry] = []
        var gaps: [PlanarMultiPolygon] = []
        for area in areas {
            let gap = try GEOSGeometry(multiPolygon: area.polygon, in: context).difference(served)
            gapGeometries.append(gap)
            gaps.append(try gap.toMultiPolygon())
        }
        self.serviceArea = serviceArea
        self.gaps = gaps
        gapSquareKilometres = gaps.map(IsochroneMeasures.areaSquareKilometres)
        totalSquareKilometres = try GEOSGeometry.union(of: gapGeometries, in: context).area / 1_000_000
        drawn = true
    }
}
