import Foundation
import TestSupport
import Testing

/// Three WGS 84 stations on the Shenzhen extract's roads, with Chinese names.
let shenzhenStationsGeoJSON = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","id":"S1","properties":{"name":"龙岗大运暖新驿站"},"geometry":{"type":"Point","coordinates":[114.2150892,22.69972]}},
    {"type":"Feature","id":"S2","properties":{"name":"龙城街道党群服务中心"},"geometry":{"type":"Point","coordinates":[114.2072896,22.6907001]}},
    {"type":"Feature","id":"S3","properties":{"name":"回龙埔社区驿站"},"geometry":{"type":"Point","coordinates":[114.1994937,22.6834859]}}]}
    """

/// Outputs by extension, read back with GDAL's `ogrinfo`.
@Suite struct OutputFormatTests {
    /// A folder with stations.geojson and, from `hotspots --from osm`, hotspots.geojson.
    static func shenzhenFolder() throws -> (folder: URL, osm: String, hotspots: Int)? {
        guard let osm = realDataFile("shenzhen-longgang.osm.pbf") else { return nil }
        let folder = try makeTemporaryFolder()
        try shenzhenStationsGeoJSON.write(to: folder.appendingPathComponent("stations.geojson"), atomically: true, encoding: .utf8)
        let made = try #require(
            try runNuanxin(
                ["hotspots", "--from", "osm", "--network", osm, "--cache", folder.path, "--out", "hotspots.geojson", "-q"], in: folder))
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("hotspots.geojson"), encoding: .utf8)
        return (folder, osm, text.components(separatedBy: "\"type\":\"Feature\"").count - 1)
    }

    @Test func convertWritesAShapefileWithChineseAttributes() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shenzhenStationsGeoJSON.write(to: folder.appendingPathComponent("stations.geojson"), atomically: true, encoding: .utf8)
        let result = try #require(
            try runNuanxin(
                ["convert", "--from", "wgs84", "--to", "gcj02", "stations.geojson", "--out", "站点.shp", "-q"], in: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["stations.geojson", "站点.cpg", "站点.dbf", "站点.prj", "站点.shp", "站点.shx"])
        let layers = try ogrLayers(folder.appendingPathComponent("站点.shp").path)
        #expect(layers.count == 1 && layers[0].geometry == "Point" && layers[0].count == 3)
        let dump = try runTool("ogrinfo", ["-ro", "-al", folder.appendingPathComponent("站点.shp").path])
        #expect(dump.contains("name (String) = 龙岗大运暖新驿站") && dump.contains("name (String) = 回龙埔社区驿站"))
        #expect(dump.contains("id (String) = S2"))
        let cpg = try String(contentsOf: folder.appendingPathComponent("站点.cpg"), encoding: .utf8)
        #expect(cpg.uppercased().contains("UTF-8") || cpg.uppercased().contains("UTF8"))
    }

    @Test func reachWritesEveryFormatWithTheSameFeatures() throws {
        guard let (folder, osm, _) = try Self.shenzhenFolder() else { return }
        defer { try? FileManager.default.removeItem(at: folder) }
        var counts: [String: Int] = [:]
        for name in ["reach.geojson", "reach.gpkg", "reach.kml", "reach.csv", "reach.shp"] {
            let result = try #require(
                try runNuanxin(
                    [
                        "reach", "--network", osm, "--cache", folder.path, "--stations", "stations.geojson", "--minutes", "5,10",
                        "--out", name, "-q",
                    ], in: folder))
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let layers = try ogrLayers(folder.appendingPathComponent(name).path)
            #expect(layers.count == 1, "\(name): \(layers)")
            counts[name] = layers.first?.count
            if name == "reach.gpkg" || name == "reach.geojson" { #expect(layers.first?.geometry == "Multi Polygon", "\(name)") }
            if name == "reach.shp" { #expect(layers.first?.geometry == "Polygon") }
        }
        #expect(counts["reach.geojson"] == 2)
        #expect(Set(counts.values) == [2], "\(counts)")
        let kml = try String(contentsOf: folder.appendingPathComponent("reach.kml"), encoding: .utf8)
        #expect(kml.contains("<PolyStyle>") || kml.contains("<Style"))
    }

    @Test func auditShapefilesPerLayerAndAllOrNothing() throws {
        guard let (folder, osm, hotspots) = try Self.shenzhenFolder() else { return }
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [
            "audit", "--network", osm, "--cache", folder.path, "--stations", "stations.geojson",
            "--hotspots", "hotspots.geojson", "--minutes", "5", "--out", "audit.shp", "-q",
        ]
        let result = try #require(try runNuanxin(arguments, in: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let expected: [(String, String, Int)] = [
            ("audit_hotspots", "Point", hotspots), ("audit_districts", "Polygon", 1), ("audit_gaps", "Polygon", 1),
            ("audit_stations", "Point", 3),
        ]
        for (stem, geometry, count) in expected {
            let layers = try ogrLayers(folder.appendingPathComponent(stem + ".shp").path)
            #expect(layers.first?.geometry == geometry && layers.first?.count == count, "\(stem): \(layers)")
        }
        // A failing run (the summary's folder does not exist) leaves every sidecar as it was, no temporary.
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let dbf = try Data(contentsOf: folder.appendingPathComponent("audit_hotspots.dbf"))
        let failed = try #require(
            try runNuanxin(
                arguments.map { $0 == "5" ? "10" : $0 } + ["--summary", "missing/audit.csv"], in: folder))
        #expect(failed.status == 1 && failed.stderrLines.count == 1, "\(failed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(try Data(contentsOf: folder.appendingPathComponent("audit_hotspots.dbf")) == dbf)
    }

    @Test func auditReadsDistrictsFromAShapefileWithAChineseNameColumn() throws {
        guard let (folder, osm, hotspots) = try Self.shenzhenFolder() else { return }
        defer { try? FileManager.default.removeItem(at: folder) }
        // One district over the whole extract, named in a 名称 column (found without --district-name-field).
        let district = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"龙城街道"},"geometry":{"type":"Polygon",
            "coordinates":[[[114.18,22.67],[114.24,22.67],[114.24,22.71],[114.18,22.71],[114.18,22.67]]]}}]}
            """
        try district.write(to: folder.appendingPathComponent("district.geojson"), atomically: true, encoding: .utf8)
        let converted = try #require(
            try runNuanxin(
                ["convert", "--from", "wgs84", "--to", "wgs84", "district.geojson", "--out", "街道.shp", "-q"], in: folder))
        #expect(converted.status == 0, "\(converted.stderr)")
        let result = try #require(
            try runNuanxin(
                [
                    "audit", "--network", osm, "--cache", folder.path, "--stations", "stations.geojson", "--hotspots", "hotspots.geojson",
                    "--districts", "街道.shp", "--minutes", "5", "--out", "audit.geojson", "--summary", "audit.csv", "-q",
                ], in: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOf: folder.appendingPathComponent("audit.csv"), encoding: .utf8).split(separator: "\n")
        let row = try #require(rows.first { $0.contains(",龙城街道,") })
        #expect(row.split(separator: ",")[3] == Substring(String(hotspots)))
    }

    @Test func postGISOutputNeedsATableName() throws {
        let result = try #require(
            try runNuanxin(
                ["audit", "--network", "x.osm.pbf", "--stations", "s.csv", "--hotspots", "h.csv", "--out", "PG:dbname=x"]))
        #expect(result.status == 64 && result.stderr.contains("--out-layer"), "\(result.stderr)")
    }
}

/// The GDAL "PG:" connection of the throwaway server `scripts/with-postgres` starts.
private let postgis = ProcessInfo.processInfo.environment["NUANXIN_TEST_PG"]

/// The PostGIS round trip through the command line, against the real server of `make test`.
@Suite struct PostGISCommandTests {
    @Test(.enabled(if: postgis != nil)) func auditReadsTablesAndWritesHotspotsAndGapsBack() throws {
        let pg = try #require(postgis)
        guard let (folder, osm, hotspots) = try OutputFormatTests.shenzhenFolder() else { return }
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = "cli_\(UInt32.random(in: 0...UInt32.max))"
        for (file, table) in [("stations.geojson", "\(prefix)_站点"), ("hotspots.geojson", "\(prefix)_hotspots")] {
            try runTool("ogr2ogr", ["-f", "PostgreSQL", pg, file, "-nln", table, "-lco", "GEOMETRY_NAME=geom"], in: folder)
        }
        let common = ["audit", "--network", osm, "--cache", folder.path, "--minutes", "5", "-q"]
        let fromDatabase = try #require(
            try runNuanxin(
                common + [
                    "--stations", pg, "--layer", "stations=\(prefix)_站点", "--hotspots", pg, "--layer", "hotspots=\(prefix)_hotspots",
                    "--out", pg, "--out-layer", "\(prefix)_audit",
                ], in: folder))
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        let fromFiles = try #require(
            try runNuanxin(
                common + [
                    "--stations", "stations.geojson", "--hotspots", "hotspots.geojson", "--out", "audit.geojson",
                ], in: folder))
        #expect(fromFiles.status == 0, "\(fromFiles.stderr)")

        func sql(_ query: String) throws -> String {
            try runTool("psql", ["-At", "-v", "ON_ERROR_STOP=1", "-c", query]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try sql("SELECT count(*) FROM \(prefix)_audit_hotspots") == String(hotspots))
        #expect(try sql("SELECT count(*) FROM \(prefix)_audit_gaps") == "1")
        #expect(try sql("SELECT count(*) FROM \(prefix)_audit_districts") == "1")
        #expect(try sql("SELECT count(*) FROM \(prefix)_audit_stations") == "3")
        #expect(try sql("SELECT GeometryType(geom) FROM \(prefix)_audit_hotspots LIMIT 1") == "POINT")
        // One value: the covered hotspot count in the database equals the file run's.
        let audit =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("audit.geojson"))) as? [String: Any]
        let features = try #require(audit?["features"] as? [[String: Any]])
        let coveredInFile = features.filter { ($0["properties"] as? [String: Any])?["covered"] as? Bool == true }.count
        #expect(try sql("SELECT count(*) FROM \(prefix)_audit_hotspots WHERE covered") == String(coveredInFile))
        let h002 = features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "H002" }
        let minutes = (h002?["properties"] as? [String: Any])?["minutes_to_nearest"] as? Double
        let fromTable = try sql("SELECT minutes_to_nearest FROM \(prefix)_audit_hotspots WHERE id = 'H002'")
        #expect(minutes != nil && Double(fromTable) == minutes, "table \(fromTable), file \(String(describing: minutes))")

        // All or nothing across database and files: a summary that cannot be written rolls the tables back.
        let failed = try #require(
            try runNuanxin(
                common + [
                    "--stations", pg, "--layer", "stations=\(prefix)_站点", "--hotspots", pg, "--layer", "hotspots=\(prefix)_hotspots",
                    "--out", pg, "--out-layer", "\(prefix)_failed", "--summary", "missing/audit.csv",
                ], in: folder))
        #expect(failed.status == 1 && failed.stderrLines.count == 1, "\(failed.stderr)")
        #expect(try sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE '\(prefix)_failed%'") == "0")
    }
}
