// Open siting, capacitated, backup and robust plans on the Chengdu demo city: times and values (see Package.swift).
import Foundation
import GeoCore
import Planner
import RoadNetwork

// Open siting on the Chengdu demo city: road candidates every 250 m, matrix and solve times.
let clock = ContinuousClock()
let processStart = clock.now
@MainActor func lap(_ label: String, _ since: ContinuousClock.Instant) -> ContinuousClock.Instant {
    let now = clock.now
    let d = now - since
    print(String(format: "%@: %.3f s", label, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18))
    return now
}
let geodata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../geodata").standardizedFileURL.path
let cache = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("--") } ?? NSTemporaryDirectory() + "nuanxin-open-siting-cache"
var t = clock.now
let network = try NetworkLoader.load(path: "\(geodata)/chengdu-center.osm.pbf", profile: .ebike, cacheDirectory: cache)
let graph = network.graph
t = lap("load network (\(graph.nodeCount) nodes, \(graph.edgeCount) edges)", t)
let placer = try SitePlacer(graph: graph)
@MainActor func placed(_ name: String) throws -> [PlacedSite] {
    try placer.place(PointSetReader.read(contentsOf: URL(fileURLWithPath: "\(geodata)/\(name)")), maxSnap: 300)
}
let stations = try placed("stations.geojson"), hotspots = try placed("hotspots.geojson"), listed = try placed("candidates.geojson")
t = lap("read + snap sites", t)
let road = try RoadCandidates.sites(graph: graph, spacingMeters: 250)
t = lap("road candidates (\(road.count))", t)
let problem = try NetworkPlanningProblem(
    graph: graph, stations: stations, candidates: listed + road, hotspots: hotspots, maxSnap: 300, coverageMinutes: 15,
    matrix: .reverseFromHotspots)
let listedUsed = problem.candidates.prefix { $0.site.properties["road_candidate"] == nil }.count
t = lap("matrix, reversed from \(hotspots.count) hotspots (\(problem.problem.candidateCount) candidates, \(listedUsed) listed, \(problem.problem.times.entryCount) pairs)", t)
for k in [3, 5] {
    let gap = try Planner.candidateGap(problem.problem, listedCount: listedUsed, objective: .coverage(newSites: k))
    t = lap("candidate gap k=\(k) heuristic: listed \(String(format: "%.4f", gap.listedBest.after.coveredShare)) vs anywhere \(String(format: "%.4f", gap.anywhereBest.after.coveredShare)) (before \(String(format: "%.4f", gap.listedBest.before.coveredShare))), road-only hotspots \(gap.roadOnlyDemands.count) weight \(gap.roadOnlyWeight); anywhere sites \(gap.anywhereBest.chosenCandidates.map { problem.candidates[$0].site.id })", t)
}
_ = lap("whole process", processStart)
if CommandLine.arguments.contains("--exact") {
    let exact = try Planner.candidateGap(problem.problem, listedCount: listedUsed, objective: .coverage(newSites: 3), method: .exact(timeLimitSeconds: 60))
    t = lap("candidate gap k=3 exact: listed \(exact.listedBest.after.coveredShare) (proven \(exact.listedBest.provenOptimal)) vs anywhere \(exact.anywhereBest.after.coveredShare) (proven \(exact.anywhereBest.provenOptimal), gap \(exact.anywhereBest.gap ?? -1))", t)
}
if CommandLine.arguments.contains("--forward") {
    let forward = try NetworkPlanningProblem(
        graph: graph, stations: stations, candidates: listed + road, hotspots: hotspots, maxSnap: 300, coverageMinutes: 15,
        matrix: .perSite)
    t = lap("matrix, per-site searches (\(forward.problem.times.entryCount) pairs)", t)
}
if CommandLine.arguments.contains("--more") {
    let p = problem.problem
    print("total weight \(p.totalWeight), stations \(p.existingSiteCount)")
    let listedOnly = p.keepingFirstCandidates(listedUsed)
    let capacity = (p.totalWeight / Double(p.existingSiteCount)).rounded()
    for (name, q) in [("listed", listedOnly), ("listed+road", p)] {
        let caps = try SiteCapacities(
            existing: [Double](repeating: capacity, count: q.existingSiteCount), candidates: [Double](repeating: capacity, count: q.candidateCount))
        let c = try Planner.solveCapacitatedCoverage(q, capacities: caps, newSites: 3)
        t = lap("\(name): capacitated (cap \(capacity)) k=3 heuristic: \(c.capacitatedCoveredBefore) → \(c.capacitatedCovered) (uncapacitated share \(String(format: "%.4f", c.after.coveredShare)))", t)
        if name == "listed" {
            let e = try Planner.solveCapacitatedCoverage(q, capacities: caps, newSites: 3, method: .exact(timeLimitSeconds: 60))
            t = lap("\(name): capacitated k=3 exact: \(e.capacitatedCovered) proven \(e.provenOptimal) gap \(e.gap ?? -1)", t)
        }
        let b = try Planner.solveBackupCoverage(q, newSites: 3)
        t = lap("\(name): backup k=3 heuristic: value \(b.objectiveValue), covered \(String(format: "%.4f", b.after.coveredShare)), double \(String(format: "%.4f", b.after.doubleCoveredShare)) (before \(String(format: "%.4f", b.before.doubleCoveredShare)))", t)
        if name == "listed" {
            let e = try Planner.solveBackupCoverage(q, newSites: 3, method: .exact(timeLimitSeconds: 60))
            t = lap("\(name): backup k=3 exact: value \(e.objectiveValue) proven \(e.provenOptimal)", t)
        }
    }
    let slow = graph.retimed(cruiseSpeedKmh: graph.cruiseSpeedKmh * 0.8)
    let low = try NetworkPlanningProblem(
        graph: slow, stations: stations, candidates: listed, hotspots: hotspots, maxSnap: 300, coverageMinutes: 15)
    let high = try NetworkPlanningProblem(
        graph: graph, stations: stations, candidates: listed, hotspots: hotspots, maxSnap: 300, coverageMinutes: 15)
    let robust = try Planner.solveRobust(low: low.problem, high: high.problem, objective: .coverage(newSites: 3))
    t = lap("robust (speed \(graph.cruiseSpeedKmh * 0.8)–\(graph.cruiseSpeedKmh) km/h) k=3: low \(String(format: "%.4f", robust.plan.after.coveredShare)) high \(String(format: "%.4f", robust.afterHigh.coveredShare))", t)
}
