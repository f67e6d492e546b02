import Foundation
import GeoCore
import Testing

/// `--crs-out gcj02` on audit and plan: GCJ-02 coordinates, a `crs_note`, and
/// the same places as the WGS84 output once converted back.
@Suite struct CRSOutTests {
    private static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-crs-out-tests-cache").path

    private func geodata() throws -> (network: String, stations: String, hotspots: String, candidates: String) {
        (
            try #require(realDataFile("chengdu-center.osm.pbf")), try #require(realDataFile("stations.geojson")),
            try #require(realDataFile("hotspots.geojson")), try #require(realDataFile("candidates.geojson"))
        )
    }

    /// Runs the job twice (WGS84, GCJ-02) and checks the GCJ-02 file against the WGS84 one.
    private func checkRoundTrip(_ job: [String], outName: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-crs-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wgsPath = folder.appendingPathComponent("wgs-" + outName).path
        let gcjPath = folder.appendingPathComponent("gcj-" + outName).path
        let wgsRun = try #require(try runNuanxin(job + ["--cache", Self.cache, "--quiet", "--out", wgsPath]))
        let gcjRun = try #require(try runNuanxin(job + ["--cache", Self.cache, "--quiet", "--crs-out", "gcj02", "--out", gcjPath]))
        #expect(wgsRun.status == 0, "\(wgsRun.stderr)")
        #expect(gcjRun.status == 0, "\(gcjRun.stderr)")
        let wgs = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: wgsPath))
        let gcj = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: gcjPath))
        #expect(wgs.foreignMembers["crs_note"] == nil)
        #expect(gcj.foreignMembers["crs_note"]?.stringValue?.contains("GCJ-02") == true)
        #expect(wgs.features.count == gcj.features.count)

        var original: [Coordinate] = []
        var shifted: [Coordinate] = []
        for (a, b) in zip(wgs.features, gcj.features) {
            a.geometry?.forEachCoordinate { original.append($0) }
            b.geometry?.forEachCoordinate { shifted.append(ChineseDatum.gcj02.convert($0, to: .wgs84)) }
        }
        #expect(!original.isEmpty && original.count == shifted.count)
        let projection = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        let p = try projection.forward(original)
        let q = try projection.forward(shifted)
        let worst = zip(p, q).map { (($0.x - $1.x) * ($0.x - $1.x) + ($0.y - $1.y) * ($0.y - $1.y)).squareRoot() }.max() ?? 0
        // 7-decimal degrees are ±0.6 cm each way; the inverse iterates to 1e-9°.
        #expect(worst < 0.05, "largest distance after the round trip: \(worst) m")
    }

    @Test func auditInGCJ02RoundTripsToTheWGS84Output() throws {
        let d = try geodata()
        try checkRoundTrip(
            ["audit", "--network", d.network, "--stations", d.stations, "--hotspots", d.hotspots, "--minutes", "15"],
            outName: "audit.geojson")
    }

    @Test func planInGCJ02RoundTripsToTheWGS84Output() throws {
        let d = try geodata()
        try checkRoundTrip(
            [
                "plan", "--network", d.network, "--stations", d.stations, "--hotspots", d.hotspots,
                "--candidates", d.candidates, "--objective", "coverage", "--new", "3",
            ],
            outName: "plan.geojson")
    }
}
