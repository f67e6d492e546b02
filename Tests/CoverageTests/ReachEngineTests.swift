import GeoCore
import RoadNetwork
import TestSupport
import Testing

@testable import Coverage

@Suite struct ReachEngineTests {
    /// An `n × n` street grid `spacing` metres apart with jittered junctions and a bend per block edge.
    static func grid(n: Int, spacing: Double, seed: UInt64) -> RoadGraph {
        var random = SplitMix64(seed: seed)
        var roads = ReachRoads()
        roads.nodes(
            (0..<(n * n)).map { k in
                (Double(k / n) * spacing + random.unit() * spacing / 4, Double(k % n) * spacing + random.unit() * spacing / 4)
            })
        for i in 0..<n {
            for j in 0..<n {
                for (di, dj) in [(1, 0), (0, 1)] where i + di < n && j + dj < n {
                    let bend = (
                        Double(2 * i + di) * spacing / 2 + random.unit() * 20, Double(2 * j + dj) * spacing / 2 + random.unit() * 20
                    )
                    roads.road(i * n + j, (i + di) * n + j + dj, bends: [bend])
                }
            }
        }
        return roads.build()
    }

    @Test func badSettingsAreRejected() {
        #expect(throws: ReachError.noMinutes) { try ReachEngine(minutes: []) }
        #expect(throws: ReachError.minutesNotPositive(0)) { try ReachEngine(minutes: [0, 5]) }
        #expect(throws: ReachError.minutesNotPositive(-5)) { try ReachEngine(minutes: [-5]) }
        #expect(throws: ReachError.minutesRepeated(5)) { try ReachEngine(minutes: [5, 5]) }
        #expect(throws: IsochroneError.levelsNotAscending(index: 1, minutes: 5, previousMinutes: 10)) {
            try ReachEngine(minutes: [10, 5])
        }
        #expect(throws: IsochroneError.accessDistanceNotPositive(0)) { try ReachEngine(minutes: [5], accessDistance: 0) }
        let graph = ReachTestGraphs.oneSegment([(0, 0), (100, 0)])
        #expect(throws: ReachError.speedNotPositive(0)) {
            try ReachEngine(minutes: [5]).run(
                graph: graph, stations: ReachTestGraphs.stations([("a", 0, 0)], on: graph), speedsKmh: [0],
                scope: .merged, maxSnap: 300)
        }
    }

    @Test func perStationCirclesAreValidNestedHoldTheirStationAndUnionToTheMergedOnes() throws {
        let geos = try GEOSContext()
        let graph = Self.grid(n: 12, spacing: 150, seed: 5)
        let stations = ReachTestGraphs.stations(
            [("1", 300, 310), ("2", 1200, 400), ("3", 800, 1300), ("4", 1500, 1500), ("5", 820, 1240)], on: graph)
        let engine = try ReachEngine(minutes: [2, 4, 6], workers: 2)
        let perStation = try engine.perStation(graph: graph, stations: stations)
        let oneWorker = try ReachEngine(minutes: [2, 4, 6], workers: 1).perStation(graph: graph, stations: stations)
        #expect(perStation.map(\.levels) == oneWorker.map(\.levels))
        #expect(perStation.map(\.station.id) == ["1", "2", "3", "4", "5"])
        let merged = try engine.merged(graph: graph, stations: stations)

        for (circles, station) in zip(perStation, stations) {
            for (index, level) in circles.levels.enumerated() {
                let area = try GEOSGeometry(multiPolygon: level.area, in: geos)
                #expect(try area.validity() == .valid)
                #expect(try area.covers(station.point), "station \(station.site.id) outside its \(level.minutes) min circle")
                let mergedArea = try GEOSGeometry(multiPolygon: merged[index].area, in: geos)
                // The same road, chained differently: arcs may fall on other vertices, at most
                // r·(1 − cos(π/16)) = 0.96 m apart with 4 segments per quarter circle.
                #expect(try area.difference(mergedArea.buffer(0.97)).area < 1e-6)
                if index > 0 {
                    #expect(try area.covers(GEOSGeometry(multiPolygon: circles.levels[index - 1].area, in: geos)))
                }
            }
        }
        for index in merged.indices {
            #expect(try GEOSGeometry(multiPolygon: merged[index].area, in: geos).validity() == .valid)
            let sum = perStation.map { $0.levels[index].areaSquareKilometres }.reduce(0, +)
            #expect(merged[index].areaSquareKilometres <= sum)
            #expect(merged[index].areaSquareKilometres < sum * 0.99)  // stations 3 and 5 overlap
        }
    }

    @Test func speedBandGivesOneRunPerSpeedAndMoreRoadAtTheHigherSpeed() throws {
        let graph = Self.grid(n: 10, spacing: 150, seed: 8)
        let stations = ReachTestGraphs.stations([("a", 700, 700)], on: graph)
        let engine = try ReachEngine(minutes: [3], workers: 2)
        let report = try engine.run(graph: graph, stations: stations, speedsKmh: [12, 20], scope: .merged, maxSnap: 300)
        #expect(report.runs.map(\.speedKmh) == [12, 20])
        #expect(report.runs[1].merged[0].roadKilometres > report.runs[0].merged[0].roadKilometres * 1.5)
        let direct = try engine.merged(graph: graph.retimed(cruiseSpeedKmh: 12), stations: stations)
        #expect(report.runs[0].merged == direct)
        #expect(report.runs.allSatisfy { $0.perStation.isEmpty })
    }
}
