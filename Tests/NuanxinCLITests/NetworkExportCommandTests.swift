import Foundation
import Testing

/// `nuanxin network export` on the town: columns, one row per directed
/// edge, one-way and pushed edges timed by hand.
@Suite struct NetworkExportCommandTests {
    private func export(_ extra: [String] = []) throws -> [[String: String]]? {
        let out = try makeTemporaryFolder().appendingPathComponent("edges.csv")
        guard
            let result = try runNuanxin(
                ["network", "export", "-q", "--network", try TownFixture.osmFile(), "--out", out.path] + extra)
        else { return nil }
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("from,to,seconds,meters,from_lon,from_lat,to_lon,to_lat\n"))
        return csvRecords(text)
    }

    /// The edge from the node at `from` to the node at `to` (positions as `lon,lat`).
    private func edges(_ rows: [[String: String]], _ from: String, _ to: String) -> [[String: String]] {
        rows.filter { "\($0["from_lon"]!),\($0["from_lat"]!)" == from && "\($0["to_lon"]!),\($0["to_lat"]!)" == to }
    }

    @Test func columnsAndHandTimedEdges() throws {
        guard let rows = try export() else { return }
        #expect(rows.count == 11)
        #expect(rows.allSatisfy { $0.count == 8 })
        let n1 = positionKey(104.060, 30.660)
        let n2 = positionKey(104.061, 30.660)
        let n3 = positionKey(104.062, 30.660)
        let n4 = positionKey(104.061, 30.661)
        let n6 = positionKey(104.063, 30.660)
        // The one-way n2→n4: 110.875 m at 15 km/h; no edge back.
        let oneWay = try #require(edges(rows, n2, n4).first)
        #expect(abs(Double(oneWay["meters"]!)! - 110.875) <= 0.02)
        #expect(abs(Double(oneWay["seconds"]!)! - 26.610) <= 0.005)
        #expect(edges(rows, n4, n2).isEmpty)
        // The footway n3–n6 is pushed at 4.5 km/h both ways: 95.851 m, 76.681 s.
        for (a, b) in [(n3, n6), (n6, n3)] {
            let pushed = try #require(edges(rows, a, b).first)
            #expect(abs(Double(pushed["seconds"]!)! - 76.681) <= 0.005)
        }
        // Node indices and positions agree across rows.
        var positionOf: [String: String] = [:]
        for row in rows {
            for (index, position) in [
                (row["from"]!, "\(row["from_lon"]!),\(row["from_lat"]!)"),
                (row["to"]!, "\(row["to_lon"]!),\(row["to_lat"]!)"),
            ] {
                #expect(positionOf[index, default: position] == position)
                positionOf[index] = position
            }
        }
        #expect(Set(positionOf.values).count == 6)
        #expect(!positionOf.values.contains(positionKey(104.060, 30.659)))  // the motorway's end
        #expect(edges(rows, n1, n2).count == 1)
    }

    /// `--speed 20` re-times ridden edges (95.851 m: 17.253 s) and keeps the pushed ones.
    @Test func speedOverrideKeepsPushedEdges() throws {
        guard let rows = try export(["--speed", "20"]) else { return }
        let n1 = positionKey(104.060, 30.660)
        let n2 = positionKey(104.061, 30.660)
        let n3 = positionKey(104.062, 30.660)
        let n6 = positionKey(104.063, 30.660)
        let ridden = try #require(edges(rows, n1, n2).first)
        #expect(abs(Double(ridden["seconds"]!)! - 17.253) <= 0.005)
        let pushed = try #require(edges(rows, n3, n6).first)
        #expect(abs(Double(pushed["seconds"]!)! - 76.681) <= 0.005)
    }
}
