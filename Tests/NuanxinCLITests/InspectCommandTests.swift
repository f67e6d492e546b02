import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func summarisesAGeoJSONFile() throws {
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("mixed.geojson")
        try Data(
            """
            {"type":"FeatureCollection","name":"mixed","features":[
            {"type":"Feature","properties":{"name":"a","weight":2},"geometry":{"type":"Point","coordinates":[104.1,30.7]}},
            {"type":"Feature","properties":{"name":"b","区":"锦江"},"geometry":{"type":"Point","coordinates":[104.0,30.6]}},
            {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[104,30.6],[104,30.65],[104.05,30.65],[104,30.6]]]}},
            {"type":"Feature","properties":{},"geometry":null}
            ]}
            """.utf8
        ).write(to: file)
        guard let result = try runNuanxin(["inspect", file.lastPathComponent], in: folder) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                file: mixed.geojson
                format: GeoJSON
                features: 4
                geometry types: Point 2, Polygon 1, null 1
                bbox (WGS84): 104.0000000,30.6000000,104.1000000,30.7000000
                property keys: name, weight, 区
                foreign members: name
                problems: 0 errors, 1 warning
                  feature 3: geometry.coordinates[0]: exterior ring is clockwise; RFC 7946 wants counter-clockwise (nuanxin writes it reversed) (warning)

                """)
    }

    @Test func invalidGeometriesAreListedAndFailTheRun() throws {
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("broken.geojson")
        try Data(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[104,30.6],[104.05,30.6],[104.05,30.65],[104,30.65]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[30.6,104.1]}}
            ]}
            """.utf8
        ).write(to: file)
        guard let result = try runNuanxin(["inspect", file.lastPathComponent], in: folder) else { return }
        #expect(result.status == 1)
        #expect(result.stdout.contains("problems: 2 errors, 0 warnings"))
        #expect(result.stdout.contains("  feature 1: geometry.coordinates[0]: exterior ring is not closed"))
        #expect(result.stdout.contains("  feature 2: geometry.coordinates: latitude 104.1 is outside -90…90"))
        #expect(result.stderrLines == ["nuanxin: error: broken.geojson: 2 validity errors (listed above); fix them before using the file"])
    }

    @Test func summarisesAPointCSVInWGS84() throws {
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("sites.csv")
        try Data("id,lon,lat,weight,kind,floor\na,104.1,30.7,2,mall,3\nb,104.0,30.6,0.5,,1\n".utf8).write(to: file)
        guard let result = try runNuanxin(["inspect", file.lastPathComponent], in: folder) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                file: sites.csv
                format: point CSV
                points: 2
                kinds: (none) 1, mall 1
                total weight: 2.5
                bbox (WGS84): 104.0000000,30.6000000,104.1000000,30.7000000
                other columns: floor
                problems: none

                """)
        guard let gcj = try runNuanxin(["inspect", "--crs", "gcj02", file.path]) else { return }
        #expect(gcj.status == 0)
        #expect(!gcj.stdout.contains("bbox (WGS84): 104.0000000,30.6000000"))
    }

    @Test func badCSVRowFailsWithItsLineNumber() throws {
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("sites.csv")
        try Data("id,lon,lat\na,104.1,30.7\na,104.0,30.6\n".utf8).write(to: file)
        guard let result = try runNuanxin(["inspect", file.lastPathComponent], in: folder) else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines == [#"nuanxin: error: sites.csv: line 3: duplicate id "a" (first used at line 2); ids must be unique"#])
    }

    @Test func notJSONIsOneLine() throws {
        let folder = try makeTemporaryFolder()
        let file = folder.appendingPathComponent("notes.geojson")
        try Data("stations:\n  - a\n".utf8).write(to: file)
        guard let result = try runNuanxin(["inspect", file.lastPathComponent], in: folder) else { return }
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("nuanxin: error: notes.geojson: line 1, column 1: not valid JSON"))
    }
}
