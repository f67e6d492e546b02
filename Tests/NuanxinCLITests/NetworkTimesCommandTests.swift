import Foundation
import Testing

/// `nuanxin network times` on the town, with seconds worked out by hand
/// (lengths in `TownFixture`: 95.851 m east–west, 110.875 m north–south).
@Suite struct NetworkTimesCommandTests {
    /// Runs `network times` on `network` from the CSV `sources`; returns the run and the output text.
    private func times(
        _ sources: String, network: String? = nil, _ extra: [String] = []
    ) throws -> (result: CLIResult, csv: String)? {
        let folder = try makeTemporaryFolder()
        let sourceFile = folder.appendingPathComponent("sources.csv")
        try Data(sources.utf8).write(to: sourceFile)
        let out = folder.appendingPathComponent("times.csv")
        guard
            let result = try runNuanxin(
                [
                    "network", "times", "-q", "--network", try network ?? TownFixture.osmFile(),
                    "--sources", sourceFile.path, "--out", out.path,
                ] + extra)
        else { return nil }
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return (result, text)
    }

    /// `lon,lat` → `seconds source_id` for every row.
    private func byPosition(_ csv: String) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: csvRecords(csv).map {
                ("\($0["lon"]!),\($0["lat"]!)", "\($0["seconds"]!) \($0["source_id"]!)")
            })
    }

    /// From n1: n2 95.851 m → 23.004 s; n3 46.008 s; n4 via the one-way
    /// 23.004 + 26.610 = 49.614 s; n5 72.618 s either way round; n6 46.008 +
    /// 76.681 pushed = 122.689 s.
    @Test func secondsFromASourceAtANode() throws {
        guard let (result, csv) = try times("id,lon,lat\na,104.060,30.660\n") else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(csv.hasPrefix("node,lon,lat,seconds,source_id\n"))
        #expect(
            byPosition(csv) == [
                positionKey(104.060, 30.660): "0.0 a",
                positionKey(104.061, 30.660): "23.0 a",
                positionKey(104.062, 30.660): "46.0 a",
                positionKey(104.061, 30.661): "49.6 a",
                positionKey(104.062, 30.661): "72.6 a",
                positionKey(104.063, 30.660): "122.7 a",
            ])
        let nodes = csvRecords(csv).map { Int($0["node"]!)! }
        #expect(nodes == nodes.sorted())
    }

    /// One minute reaches n1…n4 (49.6 s) but not n5 (72.6 s) or n6.
    @Test func minutesLimitTheSearch() throws {
        guard let (_, csv) = try times("id,lon,lat\na,104.060,30.660\n", ["--minutes", "1"]) else { return }
        #expect(
            Set(byPosition(csv).keys) == [
                positionKey(104.060, 30.660), positionKey(104.061, 30.660),
                positionKey(104.062, 30.660), positionKey(104.061, 30.661),
            ])
    }

    /// Source b at n6 takes n6 (0 s; a needs 122.7 s); a takes the rest.
    /// Source c, 35 km away, is reported on stderr even with `-q` and left out.
    @Test func nearestSourceWinsAndUnroutableSourcesAreReported() throws {
        let sources = "id,lon,lat\na,104.060,30.660\nb,104.063,30.660\nc,104.4,30.66\n"
        guard let (result, csv) = try times(sources) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("nuanxin: warning: ") == true)
        #expect(result.stderr.contains("source c is left out: nearest usable road is"))
        let rows = byPosition(csv)
        #expect(rows[positionKey(104.063, 30.660)] == "0.0 b")
        #expect(rows[positionKey(104.062, 30.660)] == "46.0 a")
        #expect(rows[positionKey(104.062, 30.661)] == "72.6 a")
    }

    /// Door to door: c stands 11.087 m north of n1–n2, 38.340 m from n1. The
    /// walk takes 11.087 / 1.25 = 8.870 s; then n1 +9.202 s = 18.072 s, n2
    /// +13.803 s = 22.672 s, n3 45.677 s, n4 49.282 s, n5 72.286 s, n6 122.358 s.
    @Test func snappedSourceWalksToTheRoad() throws {
        guard let (result, csv) = try times("id,lon,lat\nc,104.0604,30.6601\n") else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            byPosition(csv) == [
                positionKey(104.060, 30.660): "18.1 c",
                positionKey(104.061, 30.660): "22.7 c",
                positionKey(104.062, 30.660): "45.7 c",
                positionKey(104.061, 30.661): "49.3 c",
                positionKey(104.062, 30.661): "72.3 c",
                positionKey(104.063, 30.660): "122.4 c",
            ])
    }

    /// The same sources on the town as a road GeoJSON give the same file.
    @Test func roadGeoJSONNetworkGivesTheSameTimes() throws {
        let sources = "id,lon,lat\na,104.060,30.660\nc,104.0604,30.6601\n"
        let geojson = try TownFixture.write(TownFixture.geojson, as: "town.geojson")
        guard let (_, fromOSM) = try times(sources), let (_, fromGeoJSON) = try times(sources, network: geojson)
        else { return }
        #expect(!fromOSM.isEmpty && byPosition(fromOSM) == byPosition(fromGeoJSON))
    }

    @Test func noRoutableSourceIsAOneLineError() throws {
        guard let (result, csv) = try times("id,lon,lat\nfar,104.4,30.66\n") else { return }
        expectOneLineError(
            result,
            mentioning: [
                "sources.csv: 1 of 1 sources are unroutable (first: id far", "more than the snapping limit of 300 m", "check --crs",
            ])
        #expect(csv.isEmpty)
    }
}
