import Foundation
import GeoCore

/// The files of a network-mode plan, as bytes with their destinations, ready for
/// `AuditOutputFiles.write` (all or nothing).
public enum PlanFiles {
    /// The plan GeoJSON at `out`, the summary CSV at `summary` and the frontier CSV at `frontier`
    /// (each when given; the frontier only when `report` has one), in that order.
    /// - Parameter transform: applied to the GeoJSON before encoding (e.g. a datum conversion).
    public static func network(
        _ report: PlanNetworkReport, out: String, summary: String?, frontier: String?,
        transform: (FeatureCollection) -> FeatureCollection = { $0 }
    ) -> [(data: Data, url: URL)] {
        var files = [(data: GeoJSONWriter.encode(transform(PlanGeoJSON.featureCollection(report))), url: URL(fileURLWithPath: out))]
        if let summary {
            files.append((data: Data(PlanCSV.summary(report).utf8), url: URL(fileURLWithPath: summary)))
        }
        if let points = report.frontier, let frontier {
            files.append((data: Data(PlanCSV.frontier(points, report: report).utf8), url: URL(fileURLWithPath: frontier)))
        }
        return files
    }
}
