import Foundation
import GeoCore
import Testing

/// Real data, geometry checks and a runner with a working folder for the reach tests.
enum ReachTestData {
    /// The default city, from `<packageRoot>/geodata` or the shared copy beside the clone.
    static func chengdu() -> String? { realDataFile("chengdu-center.osm.pbf") }

    /// One network cache for all reach tests, so the extract is imported once.
    static let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("nuanxin-reach-tests-cache").path

    /// The metric CRS nuanxin picks for central Chengdu (CGCS2000 3° Gauss-Krüger, CM 105°E).
    static let metricCRS = "EPSG:4544"

    /// Runs `nuanxin` in `folder`; records an issue (and returns nil) when the binary is missing.
    static func run(_ arguments: [String], in folder: URL) throws -> CLIResult? {
        try runNuanxin(arguments, in: folder)
    }

    /// The polygons of a MultiPolygon feature with degrees as plane coordinates (x lon, y lat).
    static func degrees(_ feature: Feature) throws -> PlanarMultiPolygon {
        guard case .multiPolygon(let polygons)? = feature.geometry else {
            throw GeoJSONPlanarError.notPolygonal(type: feature.geometry?.typeName ?? "null")
        }
        return PlanarMultiPolygon(
            polygons: polygons.map { rings in
                let planar = rings.map { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } }
                return PlanarPolygon(exterior: planar[0], holes: Array(planar.dropFirst()))
            })
    }

    /// Records an issue unless the feature is a non-empty MultiPolygon that GEOS finds
    /// valid, with exteriors counter-clockwise and holes clockwise (RFC 7946).
    static func expectValidRFC7946(_ feature: Feature, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let area = try degrees(feature)
        #expect(!area.polygons.isEmpty, sourceLocation: sourceLocation)
        let geos = try GEOSContext()
        #expect(try GEOSGeometry(multiPolygon: area, in: geos).validity() == .valid, sourceLocation: sourceLocation)
        for polygon in area.polygons {
            #expect(PlanarRing.signedArea(polygon.exterior) > 0, sourceLocation: sourceLocation)
            #expect(polygon.holes.allSatisfy { PlanarRing.signedArea($0) < 0 }, sourceLocation: sourceLocation)
        }
    }

    /// True when `outer` covers `inner` exactly as written (GEOS `covers` on the degrees).
    static func covers(_ outer: Feature, _ inner: Feature) throws -> Bool {
        let geos = try GEOSContext()
        return try GEOSGeometry(multiPolygon: degrees(outer), in: geos).covers(GEOSGeometry(multiPolygon: degrees(inner), in: geos))
    }

    /// True when `feature` covers the point.
    static func covers(_ feature: Feature, _ point: Coordinate) throws -> Bool {
        let geos = try GEOSContext()
        return try GEOSGeometry(multiPolygon: degrees(feature), in: geos).covers(PlanarPoint(x: point.lon, y: point.lat))
    }

    /// The feature's area in km², measured in the metric CRS (`projection` from WGS84, made once: PROJ is slow to set up).
    static func squareKilometres(_ feature: Feature, _ projection: Projection) throws -> Double {
        try GeoJSONPlanar.multiPolygon(from: feature.geometry!, projection: projection).area / 1e6
    }

    /// WGS84 → `metricCRS`.
    static func metric() throws -> Projection { try Projection(from: "EPSG:4326", to: metricCRS) }

    /// The first position of a geometry.
    static func firstCoordinate(_ geometry: Geometry) -> Coordinate {
        var first: Coordinate?
        geometry.forEachCoordinate { if first == nil { first = $0 } }
        return first!
    }

    /// Records an issue unless `ogrinfo -al -so` reports the feature count and geometry
    /// type; prints a note and passes when gdal-bin is not installed.
    static func expectOGR(_ file: URL, features: Int, geometry: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard ogrinfoPath != nil else {
            print("ogrinfo not installed (Debian: gdal-bin): skipping the GDAL check of \(file.lastPathComponent)")
            return
        }
        let (status, text) = try ogrinfoSummary(file.path)
        #expect(status == 0, "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("Feature Count: \(features)\n"), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("Geometry: \(geometry)\n"), "\(text)", sourceLocation: sourceLocation)
    }
}
