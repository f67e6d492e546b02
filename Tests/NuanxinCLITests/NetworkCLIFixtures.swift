import Foundation
import TestSupport
import Testing

/// Inputs of the `network` and `route` command tests.
///
/// **The town**: six junctions near (104.06°E, 30.66°N), 0.001° apart, in
/// CGCS2000 GK zone CM 105°E (EPSG:4544), where 0.001° of longitude is
/// 95.850 m and 0.001° of latitude 110.874 m (worked out in
/// `Tests/RoadNetworkTests/ImportTestSupport.swift`). At the e-bike's
/// 15 km/h (4.1667 m/s) they take 23.004 s and 26.610 s; pushed at 4.5 km/h
/// (1.25 m/s) 0.001° of longitude takes 76.680 s.
///
///     n4 (104.061,30.661) ── n5 (104.062,30.661)
///      ↑ one-way north          │
///     n1 ──────────── n2 ────── n3 ┄┄footway┄┄ n6 (104.063,30.660)
///     (104.060,30.660)
///     │ motorway (not for e-bikes or walkers)
///     n7 (104.060,30.659)
///
/// Residential n1–n2–n3 (one way, split at n2), n2→n4 one-way, n4–n5, n5–n3,
/// footway n3–n6, motorway n1–n7. E-bike graph: nodes n1…n6, 11 directed
/// edges, 605.152 m of road.
enum TownFixture {
    /// The town as OSM XML.
    static let osm = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6" generator="hand-made">
          <node id="1" lat="30.660" lon="104.060"/>
          <node id="2" lat="30.660" lon="104.061"/>
          <node id="3" lat="30.660" lon="104.062"/>
          <node id="4" lat="30.661" lon="104.061"/>
          <node id="5" lat="30.661" lon="104.062"/>
          <node id="6" lat="30.660" lon="104.063"/>
          <node id="7" lat="30.659" lon="104.060"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
          <way id="11"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/></way>
          <way id="12"><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/></way>
          <way id="13"><nd ref="5"/><nd ref="3"/><tag k="highway" v="residential"/></way>
          <way id="14"><nd ref="3"/><nd ref="6"/><tag k="highway" v="footway"/></way>
          <way id="15"><nd ref="1"/><nd ref="7"/><tag k="highway" v="motorway"/></way>
        </osm>
        """

    /// The same town as a road GeoJSON (as QGIS would export it).
    static let geojson = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"highway":"residential","name":"东街"},"geometry":{"type":"LineString","coordinates":[[104.060,30.660],[104.061,30.660],[104.062,30.660]]}},
        {"type":"Feature","properties":{"highway":"residential","oneway":"yes","maxspeed":null},"geometry":{"type":"LineString","coordinates":[[104.061,30.660],[104.061,30.661]]}},
        {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[104.061,30.661],[104.062,30.661]]}},
        {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[104.062,30.661],[104.062,30.660]]}},
        {"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[104.062,30.660],[104.063,30.660]]}},
        {"type":"Feature","properties":{"highway":"motorway","maxspeed":120},"geometry":{"type":"LineString","coordinates":[[104.060,30.660],[104.060,30.659]]}}
        ]}
        """

    /// Writes `text` as `name` into a new temporary folder and returns its path.
    static func write(_ text: String, as name: String) throws -> String {
        let url = try makeTemporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The town written as `town.osm` into a new temporary folder.
    static func osmFile() throws -> String { try write(osm, as: "town.osm") }
}

/// The real default city, `geodata/chengdu-center.osm.pbf` (`TestFiles.geodata`); nil when missing.
func chengduExtract() -> String? { realDataFile("chengdu-center.osm.pbf") }

/// The rows of a simple CSV text (no quoted fields) as header → value maps.
func csvRecords(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// `lon,lat` with 7 decimals, the key the CSV outputs use for a node's position.
func positionKey(_ lon: Double, _ lat: Double) -> String {
    String(format: "%.7f,%.7f", lon, lat)
}

/// Expects a failed run: exit status 1 and exactly one stderr line
/// `nuanxin: error: …` that contains every one of `fragments`.
func expectOneLineError(
    _ result: CLIResult, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == 1, sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    let line = result.stderrLines.first ?? ""
    #expect(line.hasPrefix("nuanxin: error: "), sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(line.contains(fragment), "\(line) should mention \(fragment)", sourceLocation: sourceLocation)
    }
}
