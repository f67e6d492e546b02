import Foundation
import Testing

/// The issue's check on the real city: for sources placed exactly on
/// nodes, networkx's `multi_source_dijkstra_path_length` on the graph that
/// `network export` writes gives the same times as `network times`, to
/// ±1 s, for every node.
@Suite struct NetworkTimesNetworkxTests {
    /// True when `python3 -c "import networkx"` succeeds.
    static let networkxAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import networkx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Reads the exported edges into a DiGraph (the cheaper of parallel
    /// edges), runs the bounded multi-source Dijkstra and prints `node,seconds`.
    private static let script = """
        import csv, sys
        import networkx as nx
        edges, cutoff, sources = sys.argv[1], float(sys.argv[2]), [int(s) for s in sys.argv[3:]]
        G = nx.DiGraph()
        with open(edges) as f:
            for r in csv.DictReader(f):
                u, v, w = int(r["from"]), int(r["to"]), float(r["seconds"])
                if not G.has_edge(u, v) or G[u][v]["weight"] > w:
                    G.add_edge(u, v, weight=w)
        for node, seconds in sorted(nx.multi_source_dijkstra_path_length(G, sources, cutoff=cutoff).items()):
            print(f"{node},{seconds:.3f}")
        """

    private func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: networkxAvailable, "python3 with networkx is missing: the networkx cross-check is skipped"))
    func sameTimesAsNetworkxOnChengdu() throws {
        let city = try #require(chengduExtract(), "chengdu-center.osm.pbf not found in geodata/ or ../shared/geodata")
        let folder = try makeTemporaryFolder()
        let cache = folder.appendingPathComponent("cache").path
        let edges = folder.appendingPathComponent("edges.csv")
        guard
            let exported = try runNuanxin(
                ["network", "export", "-q", "--network", city, "--cache", cache, "--out", edges.path])
        else { return }
        #expect(exported.status == 0, "\(exported.stderr)")

        // Twelve sources exactly at nodes spread over the index range, at the
        // positions the export gives them (7 decimals, as a user would copy them).
        var position: [Int: String] = [:]
        for row in csvRecords(try String(contentsOf: edges, encoding: .utf8)) {
            position[Int(row["from"]!)!] = "\(row["from_lon"]!),\(row["from_lat"]!)"
        }
        let nodes = position.keys.sorted()
        let sourceNodes = (0..<12).map { nodes[$0 * nodes.count / 12] }
        let sources = folder.appendingPathComponent("sources.csv")
        let sourceRows = sourceNodes.map { "n\($0),\(position[$0]!)\n" }.joined()
        try Data(("id,lon,lat\n" + sourceRows).utf8).write(to: sources)

        let limit = 600.0
        let times = folder.appendingPathComponent("times.csv")
        guard
            let searched = try runNuanxin(
                [
                    "network", "times", "-q", "--network", city, "--cache", cache, "--sources", sources.path,
                    "--minutes", "10", "--out", times.path,
                ])
        else { return }
        #expect(searched.status == 0, "\(searched.stderr)")
        var ours: [Int: Double] = [:]
        for row in csvRecords(try String(contentsOf: times, encoding: .utf8)) {
            ours[Int(row["node"]!)!] = Double(row["seconds"]!)!
            if sourceNodes.contains(Int(row["node"]!)!) {
                #expect(row["seconds"] == "0.0" && row["source_id"] == "n\(row["node"]!)")
            }
        }

        let scriptFile = folder.appendingPathComponent("networkx_times.py")
        try Data(Self.script.utf8).write(to: scriptFile)
        var theirs: [Int: Double] = [:]
        let output = try python([scriptFile.path, edges.path, String(limit)] + sourceNodes.map(String.init))
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: ",")
            theirs[Int(fields[0])!] = Double(fields[1])!
        }

        var worst = 0.0
        for (node, seconds) in ours {
            guard let reference = theirs[node] else {
                Issue.record("node \(node) reached in \(seconds) s by nuanxin, not within \(limit) s by networkx")
                continue
            }
            worst = max(worst, abs(seconds - reference))
        }
        for (node, reference) in theirs where reference <= limit - 1 && ours[node] == nil {
            Issue.record("node \(node) reached in \(reference) s by networkx, not by nuanxin")
        }
        #expect(worst <= 1)
        #expect(ours.count > 300 && ours.count < nodes.count)  // the limit matters
        print(
            "chengdu-center: \(ours.count) of \(nodes.count) nodes within \(limit) s of 12 sources; "
                + "largest difference to networkx \(worst) s")
    }
}
