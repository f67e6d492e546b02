import Foundation
import Testing

@testable import GeoCore

/// Reads `text` saved as `name`, expecting a `PointSetError`; returns it.
private func pointSetError(_ name: String, _ text: String) throws -> PointSetError? {
    let url = try temporaryFile(named: name, containing: text)
    do {
        let points = try PointSetReader.read(contentsOf: url)
        Issue.record("accepted: \(points)")
        return nil
    } catch let error as PointSetError {
        return error
    }
}

@Suite struct PointSetReaderTests {
    @Test func readsCSVWithQuotesChineseNamesAndExtraColumns() throws {
        let url = try temporaryFile(
            named: "stations.csv",
            containing: """
                \u{FEFF}id,lon,lat,weight,name,kind,district\r
                s1,104.0657,30.6595,2.5,"春熙路暖新驿站, 北口",mall,锦江区\r
                s2, 104.07 , 30.66 ,,"He said ""hi""
                twice",,\r
                \r
                s3,104.08,30.67,0,青羊宫,pharmacy,青羊区\r

                """)
        let points = try PointSetReader.read(contentsOf: url)
        #expect(
            points == [
                SitePoint(
                    id: "s1", coordinate: Coordinate(lon: 104.0657, lat: 30.6595), weight: 2.5,
                    name: "春熙路暖新驿站, 北口", kind: "mall", properties: ["district": .string("锦江区")]),
                SitePoint(
                    id: "s2", coordinate: Coordinate(lon: 104.07, lat: 30.66), weight: 1,
                    name: "He said \"hi\"\ntwice", kind: nil, properties: ["district": .string("")]),
                SitePoint(
                    id: "s3", coordinate: Coordinate(lon: 104.08, lat: 30.67), weight: 0,
                    name: "青羊宫", kind: "pharmacy", properties: ["district": .string("青羊区")]),
            ])
    }

    @Test func readsGeoJSONPointsWithIdsFromFeatureOrPropertiesOrIndex() throws {
        let url = try temporaryFile(
            named: "hotspots.geojson",
            containing: """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":17,"properties":{"weight":3,"name":"太古里","kind":"mall","floor":2},"geometry":{"type":"Point","coordinates":[104.083,30.654]}},
                {"type":"Feature","properties":{"id":"h-2","weight":"1.5"},"geometry":{"type":"Point","coordinates":[104.07,30.66]}},
                {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[104.06,30.67]}}
                ]}
                """)
        let points = try PointSetReader.read(contentsOf: url)
        #expect(points.map(\.id) == ["17", "h-2", "2"])
        #expect(points.map(\.weight) == [3, 1.5, 1])
        #expect(points[0].name == "太古里" && points[0].kind == "mall")
        #expect(points[0].properties == ["floor": .number(2)])
        #expect(points[2].coordinate == Coordinate(lon: 104.06, lat: 30.67))
    }

    @Test func convertsGCJ02AndBD09InputsToWGS84() throws {
        let wgs = Coordinate(lon: 104.0657, lat: 30.6595)
        let gcj = ChineseDatum.wgs84.convert(wgs, to: .gcj02)
        let bd = ChineseDatum.wgs84.convert(wgs, to: .bd09)
        let csv = try temporaryFile(named: "amap.csv", containing: "id,lon,lat\na,\(gcj.lon),\(gcj.lat)\n")
        let geojson = try temporaryFile(
            named: "baidu.geojson",
            containing: """
                {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Point","coordinates":[\(bd.lon),\(bd.lat)]}}
                """)
        let fromAMap = try PointSetReader.read(contentsOf: csv, datum: .gcj02)[0].coordinate
        let fromBaidu = try PointSetReader.read(contentsOf: geojson, datum: .bd09)[0].coordinate
        for got in [fromAMap, fromBaidu] {
            #expect(abs(got.lon - wgs.lon) < 1e-8 && abs(got.lat - wgs.lat) < 1e-8, "\(got)")
        }
        #expect(try PointSetReader.read(contentsOf: csv)[0].coordinate == gcj)
    }

    @Test func csvRejectionsNameTheLine() throws {
        let header = "id,lon,lat,weight\n"
        let cases: [(String, PointSetError.Kind, Int, String)] = [
            (header + "a,104.0,30.6,1\na,104.1,30.7,1\n", .duplicateID, 3, #"duplicate id "a" (first used at line 2)"#),
            (header + "a,104.0,30.6,1\nb,104.1,300,1\n", .outOfRange, 3, "latitude 300.0 is outside -90…90"),
            (header + "a,30.6,104.0,1\n", .swappedLatLon, 2, "lat/lon look swapped"),
            (header + "a,104.0,30.6,-2\n", .negativeWeight, 2, "weight -2 is negative"),
            (header + "a,104.0,30.6,many\n", .notANumber, 2, #"weight "many" is not a number"#),
            (header + "a,east,30.6,1\n", .notANumber, 2, #"lon "east" is not a number"#),
            (header + "a,,30.6,1\n", .missingValue, 2, "lon is empty"),
            (header + ",104.0,30.6,1\n", .missingValue, 2, "the id is empty"),
            (header + "a,104.0,30.6\n", .wrongFieldCount, 2, "expected 4 fields as in the header, found 3"),
            (header + "a,104.0,30.6,1\nb,\"104.1,30.7,1\n", .unterminatedQuote, 3, "never closed"),
            ("id,lon,weight\na,104.0,1\n", .missingColumn, 1, #"missing column "lat""#),
            ("id,lon,lat,LAT\n", .duplicateColumn, 1, #"column "lat" appears twice"#),
            (header + "a,nan,30.6,1\n", .outOfRange, 2, "must be finite"),
        ]
        for (text, kind, line, message) in cases {
            guard let error = try pointSetError("points.csv", text) else { continue }
            #expect(error.kind == kind, "\(error)")
            #expect(error.location == .line(line), "\(error)")
            #expect(error.description.hasPrefix(error.file + ": line \(line): ") && error.file.hasSuffix("/points.csv"), "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func geoJSONRejectionsNameTheFeature() throws {
        func collection(_ features: String...) -> String {
            #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
        }
        let a = #"{"type":"Feature","id":"a","properties":{},"geometry":{"type":"Point","coordinates":[104,30]}}"#
        let cases: [(String, PointSetError.Kind, Int, String)] = [
            (collection(a, a), .duplicateID, 1, #"duplicate id "a" (first used at feature 1)"#),
            (
                collection(a, #"{"type":"Feature","properties":{"weight":-1},"geometry":{"type":"Point","coordinates":[104,30]}}"#),
                .negativeWeight, 1, "weight -1 is negative"
            ),
            (
                collection(#"{"type":"Feature","properties":{"weight":"lots"},"geometry":{"type":"Point","coordinates":[104,30]}}"#),
                .notANumber, 0, #"properties.weight "lots" is not a number"#
            ),
            (
                collection(a, #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[104,30],[105,31]]}}"#),
                .notAPoint, 1, "geometry is a LineString; a point set needs Point features"
            ),
            (collection(#"{"type":"Feature","properties":{},"geometry":null}"#), .notAPoint, 0, "geometry is null"),
            (
                collection(#"{"type":"Feature","properties":{"name":["x"]},"geometry":{"type":"Point","coordinates":[104,30]}}"#),
                .wrongType, 0, "properties.name must be a string or a number"
            ),
        ]
        for (text, kind, index, message) in cases {
            guard let error = try pointSetError("sites.geojson", text) else { continue }
            #expect(error.kind == kind, "\(error)")
            #expect(error.location == .feature(index), "\(error)")
            // Stored 0-based, shown counted from 1.
            #expect(
                error.description.hasPrefix(error.file + ": feature \(index + 1): ") && error.file.hasSuffix("/sites.geojson"), "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func geoJSONCoordinateProblemsComeFromTheGeoJSONReader() throws {
        let url = try temporaryFile(
            named: "sites.geojson",
            containing: """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[30.6,104.0]}}]}
                """)
        do {
            _ = try PointSetReader.read(contentsOf: url)
            Issue.record("swapped coordinates accepted")
        } catch let error as GeoJSONError {
            #expect(error.kind == .swappedLatLon)
            #expect(error.description.hasPrefix(url.relativePath + ": feature 1: geometry.coordinates: "))
        }
    }

    @Test func fileLevelProblems() throws {
        #expect(try pointSetError("empty.csv", "\n\n")?.kind == .empty)
        // "id,lon,lat\n春,1,2\n" with 春 in GB18030 (B4 BA): read, the id intact.
        let gbk = try makeTemporaryFolder().appendingPathComponent("gbk.csv")
        try Data([0x69, 0x64, 0x2C, 0x6C, 0x6F, 0x6E, 0x2C, 0x6C, 0x61, 0x74, 0x0A, 0xB4, 0xBA, 0x2C, 0x31, 0x2C, 0x32, 0x0A]).write(
            to: gbk)
        #expect(try PointSetReader.read(contentsOf: gbk).map(\.id) == ["春"])
        // 0xFF is neither UTF-8 nor GB18030: the byte (12th) and its line are named, no encoding guessed.
        let bad = try makeTemporaryFolder().appendingPathComponent("bad.csv")
        try Data([0x69, 0x64, 0x2C, 0x6C, 0x6F, 0x6E, 0x2C, 0x6C, 0x61, 0x74, 0x0A, 0xFF, 0x2C, 0x31, 0x2C, 0x32, 0x0A]).write(to: bad)
        do {
            _ = try PointSetReader.read(contentsOf: bad)
            Issue.record("bytes that are neither UTF-8 nor GB18030 accepted")
        } catch let error as PointSetError {
            #expect(error.kind == .notUTF8)
            #expect(
                error.description == bad.path + #": line 2: byte 12 (0xFF) is not UTF-8 text, nor GB18030; save the file as "CSV UTF-8""#)
        }
        do {
            _ = try PointSetReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent-nuanxin/x.csv"))
            Issue.record("missing file accepted")
        } catch let error as PointSetError {
            #expect(error.kind == .unreadable)
        }
    }

    @Test func formatIsSniffedWhenTheExtensionSaysNothing() throws {
        let geojson = try temporaryFile(
            named: "points.dat",
            containing: """
                  {"type":"Point","coordinates":[104.06,30.66]}
                """)
        #expect(try PointSetReader.read(contentsOf: geojson).map(\.id) == ["0"])
        let csv = try temporaryFile(named: "points.dat", containing: "id,lng,latitude\nx,104.06,30.66\n")
        #expect(try PointSetReader.read(contentsOf: csv).map(\.coordinate) == [Coordinate(lon: 104.06, lat: 30.66)])
    }
}

@Suite struct PointSetNumberTests {
    /// 1e308 is finite but beyond the documented weight limit (1e12): refused with the feature (counted
    /// from 1) and the value; 1e12 itself passes, and two of them sum to 2e12.
    @Test func weightsAreBoundedAndSummed() throws {
        func file(_ second: String) -> Data {
            Data(
                ("{\"type\":\"FeatureCollection\",\"features\":["
                    + #"{"type":"Feature","id":"a","properties":{"weight":1e12},"geometry":{"type":"Point","coordinates":[104,30]}},"#
                    + #"{"type":"Feature","id":"b","properties":{"weight":\#(second)},"geometry":{"type":"Point","coordinates":[104,30]}}]}"#)
                    .utf8)
        }
        do {
            _ = try PointSetReader.points(data: file("1e308"), file: "data/hs.geojson", isGeoJSON: true)
            Issue.record("weight 1e308 accepted")
        } catch let error as PointSetError {
            #expect(error.description == "data/hs.geojson: feature 2: weight 1e+308 is out of range: must be at least 0 and at most 1e+12")
        }
        let points = try PointSetReader.points(data: file("1e12"), file: "data/hs.geojson", isGeoJSON: true)
        #expect(InputLimits.checkedSum(points.map(\.weight)) == 2e12)
        #expect(InputLimits.checkedSum([1e308, 1e308]) == nil)
    }

    @Test func limitsExplainThemselves() {
        #expect(InputLimits.minutes.problem(15) == nil)
        #expect(InputLimits.minutes.problem(12.5) == nil)
        #expect(InputLimits.minutes.problem(-5) == "is out of range: must be more than 0 and at most 600 minutes")
        #expect(InputLimits.minutes.problem(0.05) == "is not a multiple of 0.1 minutes")
        #expect(InputLimits.minutes.problem(.nan) == "is not a finite number")
        #expect(InputLimits.weight.problem(0) == nil)
        #expect(InputLimits.maxSnapMeters.problem(10_001) == "is out of range: must be more than 0 and at most 10000 m")
    }
}
