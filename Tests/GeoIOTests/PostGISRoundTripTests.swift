import Foundation
import GeoCore
import Testing

@testable import GeoIO

/// The GDAL "PG:" connection of the throwaway server `scripts/with-postgres` starts.
private let connection = ProcessInfo.processInfo.environment["NUANXIN_TEST_PG"]

/// Against a real PostgreSQL + PostGIS: `make test` runs the tests under
/// `scripts/with-postgres`, which sets `NUANXIN_TEST_PG` (and `NUANXIN_REQUIRE_PG=1`
/// makes its absence a failure, so CI cannot skip these silently).
@Suite struct PostGISRoundTripTests {
    @Test func serverIsThereWhenRequired() {
        if ProcessInfo.processInfo.environment["NUANXIN_REQUIRE_PG"] == "1" {
            #expect(connection != nil, "NUANXIN_REQUIRE_PG=1 but NUANXIN_TEST_PG is not set: run the tests under scripts/with-postgres")
        }
    }

    @Test(.enabled(if: connection != nil)) func stationsAndHotspotsFromTablesAndFeaturesBack() throws {
        let pg = try #require(connection)
        // Stations as a planner's DBA would load them: Chinese column names, SRID 4326.
        try run(
            "psql",
            [
                "-v", "ON_ERROR_STOP=1", "-q", "-c",
                """
                DROP TABLE IF EXISTS 站点;
                CREATE TABLE 站点 (编号 text, 名称 text, geom geometry(Point, 4326));
                INSERT INTO 站点 VALUES
                  ('S1', '春熙路暖新驿站', ST_SetSRID(ST_MakePoint(104.0812345, 30.6554321), 4326)),
                  ('S2', '天府广场站点', ST_SetSRID(ST_MakePoint(104.0657001, 30.6574002), 4326)),
                  ('S3', '成华区党群服务中心', ST_SetSRID(ST_MakePoint(104.1012399, 30.6901177), 4326));
                """,
            ])
        let stations = try PointSource.read(path: pg, layer: "站点")
        #expect(stations.count == 3)
        #expect(stations.map(\.id) == ["S1", "S2", "S3"])
        #expect(stations[0].name == "春熙路暖新驿站")
        #expect(abs(stations[2].coordinate.lon - 104.1012399) < 1e-7 && abs(stations[2].coordinate.lat - 30.6901177) < 1e-7)

        // Hotspots in a metric CRS (EPSG:4544) with weights: read back in WGS84.
        try run(
            "psql",
            [
                "-v", "ON_ERROR_STOP=1", "-q", "-c",
                """
                DROP TABLE IF EXISTS hotspots;
                CREATE TABLE hotspots (id text, weight double precision, geom geometry(Point, 4544));
                INSERT INTO hotspots SELECT 'H' || g, g * 1.5, ST_Transform(ST_SetSRID(ST_MakePoint(104.05 + g * 0.001, 30.66), 4326), 4544)
                  FROM generate_series(1, 4) AS g;
                """,
            ])
        let hotspots = try PointSource.read(path: pg, layer: "hotspots")
        #expect(hotspots.count == 4)
        #expect(hotspots.map(\.weight) == [1.5, 3, 4.5, 6])
        #expect(abs(hotspots[3].coordinate.lon - 104.054) < 1e-7 && abs(hotspots[3].coordinate.lat - 30.66) < 1e-7)

        // Several tables and no --layer: the error lists them.
        #expect(throws: GeoIOError.self) { try PointSource.read(path: pg) }

        // Audit-like outputs back to tables, twice (the second replaces the first).
        var gaps = stationCollection()
        gaps.features = gaps.features.map { feature in
            var f = feature
            f.properties?["minutes"] = .number(15)
            return f
        }
        try FeatureWriter.write(gaps, to: pg, layer: "audit_gaps")
        try FeatureWriter.write(gaps, to: pg, layer: "audit_gaps")
        let counted = try run(
            "psql", ["-tA", "-c", "SELECT count(*), sum(weight), max(name) FILTER (WHERE id = 'S3'), max(ST_SRID(geom)) FROM audit_gaps"])
        #expect(counted.trimmingCharacters(in: .whitespacesAndNewlines) == "3|6|成华区党群服务中心|4326")
        let back = try PointSource.read(path: pg, layer: "audit_gaps")
        #expect(back.map(\.name) == chineseStations.map(\.name))

        // A PG: target needs a table name.
        #expect(throws: GeoIOError.self) { try FeatureWriter.write(gaps, to: pg) }
    }

    /// `SELECT count(*), string_agg(name, ',' ORDER BY id) FROM table`, as `3|a,b,c`.
    private func rows(_ table: String) throws -> String {
        try run("psql", ["-tA", "-c", "SELECT count(*), string_agg(name, ',' ORDER BY id) FROM \(table)"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The files fail (a folder stands where an output goes): the database is not committed, and
    /// every file keeps its old bytes.
    @Test(.enabled(if: connection != nil)) func aFailingFileLeavesTheTablesAndFilesOld() throws {
        let pg = try #require(connection)
        let folder = try makeTemporaryFolder()
        let old = stationCollection()
        var new = old
        new.features.removeLast()
        try FeatureWriter.write(old, to: pg, layer: "set_files_fail")
        let kept = folder.appendingPathComponent("kept.gpkg").path
        try FeatureWriter.write(old, to: kept)
        let keptBytes = try Data(contentsOf: URL(fileURLWithPath: kept))

        let set = OutputSet()
        try set.add(new, to: pg, layer: "set_files_fail")
        try set.add(new, to: kept)
        let blocked = folder.appendingPathComponent("blocked.geojson")
        try set.add(new, to: blocked.path)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)  // the folder changed meanwhile
        #expect(throws: AtomicFileError.self) { try set.commit() }

        #expect(try rows("set_files_fail") == "3|春熙路暖新驿站,天府广场站点,成华区党群服务中心")
        #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == keptBytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["blocked.geojson", "kept.gpkg"])
    }

    /// The database commit fails (a deferred constraint trigger that refuses at COMMIT, added by an
    /// event trigger to the table GDAL creates): the files, already renamed into place, are put back.
    @Test(.enabled(if: connection != nil)) func aFailingDatabaseCommitPutsTheFilesBack() throws {
        let pg = try #require(connection)
        let folder = try makeTemporaryFolder()
        let old = stationCollection()
        var new = old
        new.features.removeLast()
        try FeatureWriter.write(old, to: pg, layer: "set_commitfail")
        let kept = folder.appendingPathComponent("kept.geojson").path
        try FeatureWriter.write(old, to: kept)
        let keptBytes = try Data(contentsOf: URL(fileURLWithPath: kept))
        try run(
            "psql",
            [
                "-v", "ON_ERROR_STOP=1", "-q", "-c",
                """
                CREATE OR REPLACE FUNCTION nuanxin_test_refuse() RETURNS trigger LANGUAGE plpgsql AS
                  $$ BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$;
                CREATE OR REPLACE FUNCTION nuanxin_test_arm() RETURNS event_trigger LANGUAGE plpgsql AS $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT * FROM pg_event_trigger_ddl_commands()
                           WHERE command_tag = 'CREATE TABLE' AND object_identity LIKE '%set_commitfail%' LOOP
                    EXECUTE format('CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON %s DEFERRABLE INITIALLY DEFERRED '
                                   'FOR EACH ROW EXECUTE FUNCTION nuanxin_test_refuse()', r.object_identity);
                  END LOOP;
                END $$;
                DROP EVENT TRIGGER IF EXISTS nuanxin_test_arm;
                CREATE EVENT TRIGGER nuanxin_test_arm ON ddl_command_end EXECUTE FUNCTION nuanxin_test_arm();
                """,
            ])
        defer { _ = try? run("psql", ["-q", "-c", "DROP EVENT TRIGGER IF EXISTS nuanxin_test_arm"]) }

        let set = OutputSet()
        try set.add(new, to: pg, layer: "set_commitfail")
        try set.add(new, to: kept)
        let added = folder.appendingPathComponent("added.kmz").path
        try set.add(new, to: added)
        #expect {
            try set.commit()
        } throws: { error in
            guard let error = error as? GeoIOError else { return false }
            return error.kind == .writeFailed && error.message.contains("refused at commit")
        }

        #expect(try rows("set_commitfail") == "3|春熙路暖新驿站,天府广场站点,成华区党群服务中心")
        #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == keptBytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kept.geojson"])
    }
}
