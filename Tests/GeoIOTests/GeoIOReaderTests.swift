import Foundation
import GeoCore
import Testing

@testable import GeoIO

@Suite struct GeoIOReaderTests {
    /// Mapping errors name the setting in neutral words (the CLI names `--fields`, `--crs-for`).
    @Test func mappingErrorsNameNoOption() throws {
        #expect {
            try FieldMapping(parsing: "bogus")
        } throws: { error in
            (error as? GeoIOError)?.description == "column mapping: \"bogus\" is not ROLE=COLUMN with ROLE one of "
                + FieldMapping.Role.allCases.map(\.rawValue).joined(separator: ", ")
        }
        #expect {
            try PointFormats(layers: [], fields: [], datums: ["stations=xyz"])
        } throws: { error in
            (error as? GeoIOError)?.source == PointFormats.datumSettingName && !"\(error)".contains("--")
        }
        #expect {
            try FieldMapping(explicit: [.lon: "经度"]).resolve(["id", "lon"], source: "x.csv")
        } throws: { error in
            guard let error = error as? GeoIOError else { return false }
            return error.advice == .checkColumnMapping
                && error.description == "x.csv: no column \"经度\" for lon; the columns are \"id\", \"lon\"; check the column mapping"
        }
        let csv = try makeTemporaryFolder().appendingPathComponent("no-coordinates.csv").path
        try Data("id,东,北\nh1,104.06,30.66\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect {
            try PointSource.read(path: csv)
        } throws: { error in
            guard let error = error as? GeoIOError else { return false }
            return error.kind == .missingCoordinates && error.advice == .mapCoordinateColumns
                && error.description.hasSuffix(
                    "the columns are \"id\", \"东\", \"北\"; map them in the column mapping: lon=COLUMN,lat=COLUMN")
        }
    }

    /// Write with FeatureWriter, read back with PointSource: names and coordinates to 1e-7°.
    @Test(arguments: ["gpkg", "shp", "kml", "csv", "geojson"])
    func roundTripKeepsChineseNamesAndCoordinates(ext: String) throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("站点.\(ext)").path
        try FeatureWriter.write(stationCollection(), to: path)
        let points = try PointSource.read(path: path)
        #expect(points.count == 3)
        for (point, expected) in zip(points, chineseStations) {
            #expect(point.id == expected.id)
            #expect(point.name == expected.name)
            #expect(abs(point.coordinate.lon - expected.lon) < 1e-7)
            #expect(abs(point.coordinate.lat - expected.lat) < 1e-7)
        }
    }

    @Test func gb18030CSVWithChineseHeadersIsDecodedWithANote() throws {
        let folder = try makeTemporaryFolder()
        let text = "编号,名称,经度,纬度,订单量\n1,春熙路站,104.0812345,30.6554321,12\n2,天府广场,104.0657001,30.6574002,3\n"
        let gbk = try run("iconv", ["-f", "UTF-8", "-t", "GB18030"], stdin: Data(text.utf8))
        _ = gbk  // stdout as text would mangle bytes; write through the shell instead
        let path = folder.appendingPathComponent("stations.csv").path
        let source = folder.appendingPathComponent("utf8.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: source))
        try run("sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(source)' > '\(path)'"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(data: bytes, encoding: .utf8) == nil)  // really not UTF-8
        var notes: [String] = []
        let points = try PointSource.read(path: path, notes: { notes.append($0) })
        #expect(points.map(\.name) == ["春熙路站", "天府广场"])
        #expect(points.map(\.id) == ["1", "2"])
        #expect(points.map(\.weight) == [12, 3])
        #expect(abs(points[0].coordinate.lon - 104.0812345) < 1e-9)
        #expect(notes.count == 1 && notes[0].contains("GB18030"))
    }

    @Test func utf8CSVWithBOMAndChineseHeaders() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("bom.csv").path
        try Data([0xEF, 0xBB, 0xBF] + Array("序号,站点名称,坐标\n7,龙岗站,\"114.2468,22.7201\"\n".utf8))
            .write(to: URL(fileURLWithPath: path))
        var notes: [String] = []
        let points = try PointSource.read(path: path, notes: { notes.append($0) })
        #expect(points.count == 1)
        #expect(points[0].id == "7" && points[0].name == "龙岗站")
        #expect(points[0].coordinate == Coordinate(lon: 114.2468, lat: 22.7201))
        #expect(notes.isEmpty)
    }

    @Test func shapefileWithoutCPGIsDetectedAsGB18030() throws {
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("d.csv").path
        try Data("id,名称,WKT\n1,锦江区,\"POINT (104.08 30.65)\"\n2,青羊区,\"POINT (104.05 30.67)\"\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let shp = folder.appendingPathComponent("districts.shp").path
        try run("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", "ENCODING=GB18030", "-a_srs", "EPSG:4326", shp, csv])
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("districts.cpg").path)
        // The .dbf holds GB18030 bytes and no code page mark GDAL would follow on its own.
        var notes: [String] = []
        let points = try PointSource.read(path: shp, fields: try FieldMapping(parsing: "name=名称"), notes: { notes.append($0) })
        #expect(points.map(\.name) == ["锦江区", "青羊区"])
        #expect(points[1].coordinate == Coordinate(lon: 104.05, lat: 30.67))
        #expect(notes.count == 1 && notes[0].contains("GB18030"))
    }

    @Test func kmlFoldersAreLayers() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("map.kml").path
        let kml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
            <Folder><name>驿站</name>
              <Placemark><name>春熙路站</name><Point><coordinates>104.0812345,30.6554321</coordinates></Point></Placemark>
              <Placemark><name>天府广场站</name><Point><coordinates>104.0657001,30.6574002</coordinates></Point></Placemark>
            </Folder>
            <Folder><name>候选点</name>
              <Placemark><name>候选一</name><Point><coordinates>104.1,30.7</coordinates></Point></Placemark>
            </Folder>
            </Document></kml>
            """
        try Data(kml.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try PointSource.read(path: path)
        } throws: { error in
            guard let error = error as? GeoIOError else { return false }
            return error.kind == .layerNeeded && error.message.contains("\"驿站\"") && error.message.contains("\"候选点\"")
        }
        let stations = try PointSource.read(path: path, layer: "驿站")
        #expect(stations.map(\.name) == ["春熙路站", "天府广场站"])
        #expect(stations.map(\.id) == ["1", "2"])
        #expect(abs(stations[0].coordinate.lon - 104.0812345) < 1e-7 && abs(stations[0].coordinate.lat - 30.6554321) < 1e-7)
        #expect(try PointSource.read(path: path, layer: "候选点").count == 1)
    }

    @Test func geoPackageWithTwoLayersNeedsLayer() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.geojson").path
        try FeatureWriter.write(stationCollection(), to: a)
        let gpkg = folder.appendingPathComponent("city.gpkg").path
        try run("ogr2ogr", ["-f", "GPKG", gpkg, a, "-nln", "stations"])
        try run("ogr2ogr", ["-update", "-f", "GPKG", gpkg, a, "-nln", "hotspots", "-where", "weight > 1"])
        #expect {
            try PointSource.read(path: gpkg)
        } throws: { error in
            guard let error = error as? GeoIOError else { return false }
            return error.kind == .layerNeeded && error.advice == .chooseLayer
                && error.description.hasSuffix("(\"stations\", \"hotspots\"); choose the layer to read")
        }
        #expect(try PointSource.read(path: gpkg, layer: "hotspots").map(\.id) == ["S2", "S3"])
        #expect(throws: GeoIOError.self) { try PointSource.read(path: gpkg, layer: "nope") }
    }

    @Test func xlsxWithACoordinateCellInGCJ02() throws {
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("sheet.csv").path
        try Data("序号,站点名称,坐标\n1,龙岗中心站,\"114.2468000,22.7201000\"\n2,布吉站,\"114.1234567,22.6012345\"\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let xlsx = folder.appendingPathComponent("stations.xlsx").path
        try run("ogr2ogr", ["-f", "XLSX", xlsx, csv, "-nln", "站点"])
        let points = try PointSource.read(path: xlsx, datum: .gcj02)
        #expect(points.map(\.name) == ["龙岗中心站", "布吉站"])
        let expected = GCJ02.toWGS84(Coordinate(lon: 114.1234567, lat: 22.6012345))
        #expect(abs(points[1].coordinate.lon - expected.lon) < 1e-9 && abs(points[1].coordinate.lat - expected.lat) < 1e-9)
        // Same sheet read as WGS84 keeps the numbers.
        let raw = try PointSource.read(path: xlsx)
        #expect(raw[1].coordinate == Coordinate(lon: 114.1234567, lat: 22.6012345))
    }

    /// GDAL 3.6 writes ODS: a LibreOffice sheet with Chinese headers and GCJ-02 coordinates.
    @Test func odsWithChineseHeadersInGCJ02() throws {
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("sheet.csv").path
        try Data("编号,名称,经度,纬度,订单量\nG1,龙岗中心站,114.2468123,22.7201456,12\nG2,布吉站,114.1234567,22.6012345,3\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let ods = folder.appendingPathComponent("stations.ods").path
        try run("ogr2ogr", ["-f", "ODS", ods, csv, "-nln", "站点"])
        try expectGCJ02Stations(try PointSource.read(path: ods, datum: .gcj02), weights: [12, 3])
        #expect(try PointSource.read(path: ods)[1].coordinate == Coordinate(lon: 114.1234567, lat: 22.6012345))
    }

    /// An Excel 97-2003 .xls, which GDAL reads (freexl) but cannot write: a committed fixture made
    /// with xlwt (Fixtures/make-stations-xls.py), the same two stations as the .ods test.
    @Test func xlsFixtureWithChineseHeadersInGCJ02() throws {
        let xls = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/stations.xls").path
        try expectGCJ02Stations(try PointSource.read(path: xls, datum: .gcj02), weights: [12, 3])
        let raw = try PointSource.read(path: xls)
        #expect(raw.map(\.coordinate) == [Coordinate(lon: 114.2468123, lat: 22.7201456), Coordinate(lon: 114.1234567, lat: 22.6012345)])
    }

    /// The two GCJ-02 stations G1 龙岗中心站 and G2 布吉站, converted to WGS84 (to 1e-7°).
    private func expectGCJ02Stations(_ points: [SitePoint], weights: [Double]) throws {
        #expect(points.map(\.id) == ["G1", "G2"])
        #expect(points.map(\.name) == ["龙岗中心站", "布吉站"])
        #expect(points.map(\.weight) == weights)
        let expected = [Coordinate(lon: 114.2468123, lat: 22.7201456), Coordinate(lon: 114.1234567, lat: 22.6012345)].map(GCJ02.toWGS84)
        try #require(points.count == expected.count)
        for (point, wgs) in zip(points, expected) {
            #expect(abs(point.coordinate.lon - wgs.lon) < 1e-7 && abs(point.coordinate.lat - wgs.lat) < 1e-7)
        }
        // GCJ-02 is offset from WGS84 by hundreds of metres here: the conversion really happened.
        #expect(abs(points[0].coordinate.lon - 114.2468123) > 1e-3)
    }

    @Test func addressOnlySheetSaysGeocodeFirst() throws {
        let folder = try makeTemporaryFolder()
        let csv = folder.appendingPathComponent("sheet.csv").path
        try Data("名称,地址\n龙岗站,深圳市龙岗区龙城街道\n".utf8).write(to: URL(fileURLWithPath: csv))
        let xlsx = folder.appendingPathComponent("addresses.xlsx").path
        try run("ogr2ogr", ["-f", "XLSX", xlsx, csv])
        #expect {
            try PointSource.read(path: xlsx)
        } throws: { error in
            (error as? GeoIOError)?.kind == .addressesOnly && "\(error)".contains("geocoded first")
        }
    }

    @Test func explicitFieldsOverrideAutomaticHeaders() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("odd.csv").path
        try Data("code,东,北,label\nA,104.1,30.6,甲\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: GeoIOError.self) { try PointSource.read(path: path) }
        let points = try PointSource.read(path: path, fields: try FieldMapping(parsing: "lon=东,lat=北,name=label"))
        #expect(points[0].id == "A" && points[0].name == "甲" && points[0].coordinate == Coordinate(lon: 104.1, lat: 30.6))
        #expect(throws: GeoIOError.self) { try FieldMapping(parsing: "colour=x") }
        #expect(throws: GeoIOError.self) { try PointSource.read(path: path, fields: try FieldMapping(parsing: "lon=missing")) }
    }

    @Test func polygonsReadAsFeatures() throws {
        let folder = try makeTemporaryFolder()
        let ring = [
            Coordinate(lon: 104, lat: 30), Coordinate(lon: 104.1, lat: 30), Coordinate(lon: 104.1, lat: 30.1),
            Coordinate(lon: 104, lat: 30.1), Coordinate(lon: 104, lat: 30),
        ]
        let districts = FeatureCollection(features: [Feature(geometry: .polygon([ring]), properties: ["name": .string("锦江区")])])
        let path = folder.appendingPathComponent("districts.shp").path
        try FeatureWriter.write(districts, to: path)
        let read = try PointSource.features(path: path)
        #expect(read.features.count == 1)
        #expect(read.features[0].properties?["name"] == .string("锦江区"))
        guard case .polygon(let rings)? = read.features[0].geometry else {
            Issue.record("not a polygon")
            return
        }
        #expect(Set(rings[0].map { "\($0.lon),\($0.lat)" }) == Set(ring.map { "\($0.lon),\($0.lat)" }))
    }
}

@Suite struct GeoIODistrictAndKMZTests {
    @Test func districtNamesComeFromChineseColumns() throws {
        let folder = try makeTemporaryFolder()
        let ring = [
            Coordinate(lon: 104, lat: 30), Coordinate(lon: 104.1, lat: 30), Coordinate(lon: 104.1, lat: 30.1),
            Coordinate(lon: 104, lat: 30.1), Coordinate(lon: 104, lat: 30),
        ]
        let districts = FeatureCollection(features: [
            Feature(geometry: .polygon([ring]), properties: ["名称": .string("锦江区"), "代码": .number(510104)])
        ])
        let path = folder.appendingPathComponent("区县.gpkg").path
        try FeatureWriter.write(districts, to: path)
        let read = try PointSource.districtFeatures(path: path)
        #expect(read.features[0].properties?["name"] == .string("锦江区"))
        let byCode = try PointSource.districtFeatures(path: path, nameField: "代码")
        #expect(byCode.features[0].properties?["name"] == .number(510104))
        #expect(throws: GeoIOError.self) { try PointSource.districtFeatures(path: path, nameField: "区名") }
    }

    @Test func kmzReads() throws {
        let folder = try makeTemporaryFolder()
        let geojson = folder.appendingPathComponent("s.geojson").path
        try FeatureWriter.write(stationCollection(), to: geojson)
        let kmz = folder.appendingPathComponent("stations.kmz").path
        // An ASCII layer name: GDAL 3.6 cannot read back a KMZ whose inner file name is not ASCII (CP437 zip names).
        try run("ogr2ogr", ["-f", "LIBKML", kmz, geojson, "-nln", "stations"])
        let points = try PointSource.read(path: kmz)
        #expect(points.map(\.name) == chineseStations.map(\.name))
        #expect(abs(points[1].coordinate.lat - chineseStations[1].lat) < 1e-7)
    }
}

@Suite struct TextDecodingTests {
    @Test func encodingsAreRecognised() throws {
        #expect(try TextDecoding.decode(Data("名称".utf8), source: "x").encoding == .utf8)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("名称".utf8)), source: "x") == ("名称", .utf8BOM))
        // 名称 in GB18030/GBK: C3 FB B3 C6.
        #expect(try TextDecoding.decode(Data([0xC3, 0xFB, 0xB3, 0xC6]), source: "x") == ("名称", .gb18030))
        // Twice, because GDAL warns about unconvertible bytes only once per process.
        for _ in 0..<2 {
            #expect(throws: GeoIOError.self) { try TextDecoding.decode(Data([0x41, 0xFF, 0xFF, 0x42]), source: "x") }
        }
    }
}

/// `--layer [ROLE=]NAME`, `--fields [ROLE:]MAP`, `--crs-for ROLE=DATUM`.
@Suite struct PointFormatsTests {
    @Test func roleValuesWinOverGeneralOnes() throws {
        let formats = try PointFormats(
            layers: ["stations=站点", "other=x"], fields: ["lon=经度,lat=纬度", "hotspots:weight=单量"],
            datums: ["stations=gcj02"])
        #expect(formats.layer(for: "stations") == "站点")
        #expect(formats.layer(for: "hotspots") == "other=x")  // "other" is no role: the whole text is a layer name
        #expect(formats.fields(for: "hotspots") == FieldMapping(explicit: [.weight: "单量"]))
        #expect(formats.fields(for: "candidates") == FieldMapping(explicit: [.lon: "经度", .lat: "纬度"]))
        #expect(formats.datum(for: "stations", else: .wgs84) == .gcj02)
        #expect(formats.datum(for: "hotspots", else: .bd09) == .bd09)
        #expect(PointFormats().layer(for: "stations") == nil)
    }

    @Test func badCrsForAndFieldsAreRefused() throws {
        #expect(throws: GeoIOError.self) { try PointFormats(layers: [], fields: [], datums: ["gcj02"]) }
        #expect(throws: GeoIOError.self) { try PointFormats(layers: [], fields: [], datums: ["stations=mars"]) }
        #expect(throws: GeoIOError.self) { try PointFormats(layers: [], fields: ["stations:colour=红"]) }
    }
}
