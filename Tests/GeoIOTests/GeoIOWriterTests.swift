import Foundation
import GeoCore
import Testing

@testable import GeoIO

@Suite struct GeoIOWriterTests {
    /// Two nested isochrone levels as polygons.
    func serviceAreas() -> FeatureCollection {
        func square(_ d: Double) -> [[Coordinate]] {
            [
                [
                    Coordinate(lon: 104 - d, lat: 30 - d), Coordinate(lon: 104 + d, lat: 30 - d), Coordinate(lon: 104 + d, lat: 30 + d),
                    Coordinate(lon: 104 - d, lat: 30 + d), Coordinate(lon: 104 - d, lat: 30 - d),
                ]
            ]
        }
        return FeatureCollection(features: [
            Feature(geometry: .polygon(square(0.01)), properties: ["minutes": .number(5), "station_name": .string("春熙路站")]),
            Feature(geometry: .multiPolygon([square(0.02)]), properties: ["minutes": .number(10), "station_name": .string("春熙路站")]),
            Feature(geometry: .polygon(square(0.03)), properties: ["minutes": .number(15), "station_name": .string("春熙路站")]),
        ])
    }

    @Test(arguments: [("gpkg", "Multi Polygon"), ("shp", "Polygon"), ("kml", ""), ("kmz", ""), ("csv", "")])
    func ogrinfoReadsEachOutput(ext: String, geometry: String) throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("reach.\(ext)").path
        try FeatureWriter.write(serviceAreas(), to: path)
        let summary = try ogrSummary(path)
        #expect(summary.count == 3)
        if !geometry.isEmpty { #expect(summary.geometry == geometry) }
        // Nothing temporary is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func pointOutputsHavePointGeometry() throws {
        let folder = try makeTemporaryFolder()
        for ext in ["gpkg", "shp"] {
            let path = folder.appendingPathComponent("stations.\(ext)").path
            try FeatureWriter.write(stationCollection(), to: path)
            let summary = try ogrSummary(path)
            #expect(summary.count == 3 && summary.geometry == "Point")
        }
        let csv = folder.appendingPathComponent("stations.csv").path
        try FeatureWriter.write(stationCollection(), to: csv)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("X,Y,id,name,weight\n"))
        #expect(text.contains("春熙路暖新驿站"))
    }

    @Test func shapefileKeepsChineseAttributesAndCPG() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("areas.shp").path
        let mapping = try FeatureWriter.write(serviceAreas(), to: path)
        #expect(mapping == ["minutes": "minutes", "station_name": "station_na"])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["areas.cpg", "areas.dbf", "areas.prj", "areas.shp", "areas.shx"])
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("areas.cpg").path, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
        let info = try run("ogrinfo", ["-al", "-q", path])
        #expect(info.contains("station_na (String) = 春熙路站"))
    }

    @Test func shapefileFieldNamesAreShortAndUnique() {
        #expect(
            ShapefileFieldNames.map(["hotspots_covered", "hotspots_count", "id", "站点名称", "ID"])
                == ["hotspots_c", "hotspots_2", "id", "站点名", "ID_2"])
    }

    @Test func kmlHasAColourPerLevel() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("reach.kml").path
        try FeatureWriter.write(serviceAreas(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8).lowercased()
        // KML colours are aabbggrr: green 1A9850 → 5098 1a, yellow FEE08B? level 2 of 3 is ramp[3] = FEE08B → 8be0fe, red D73027 → 2730d7.
        #expect(text.contains("50981a"))
        #expect(text.contains("8be0fe"))
        #expect(text.contains("2730d7"))
        #expect(KMLStyle.colour(minutes: 10, levels: [5, 10, 15]) == "FEE08B")
    }

    @Test func kmzIsZippedKMLWithAColourPerLevel() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("reach.kmz").path
        try FeatureWriter.write(serviceAreas(), to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])  // a zip archive ("PK\3\4")
        // LIBKML's KMZ: doc.kml linking layers/<layer>.kml, where the placemarks and styles are.
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(sorted(z.namelist()))
            print("".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".kml")))
            """
        let text = try run("python3", ["-c", script, path]).lowercased()
        #expect(text.hasPrefix("['doc.kml', 'layers/', 'layers/reach.kml']"))
        #expect(text.contains("50981a") && text.contains("8be0fe") && text.contains("2730d7"))
        #expect(text.contains("春熙路站"))
    }

    /// The audit's four layers in one .kmz: each keeps its features (LIBKML loses layers synced
    /// before the last one, so a .kmz is written at close).
    @Test func kmzKeepsEveryLayerOfASplitDocument() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("audit.kmz").path
        var features = stationCollection().features  // no kind: hotspots
        var areas = serviceAreas().features
        areas[0].properties?["kind"] = .string("district")
        areas[1].properties?["kind"] = .string("gap")
        areas[2].properties?["kind"] = .string("gap")
        features += areas
        var station = stationCollection().features[0]
        station.properties?["kind"] = .string("station")
        features.append(station)
        let set = OutputSet()
        try set.add(FeatureCollection(features: features), to: path, split: .audit)
        try set.commit()
        #expect(try ogrSummary(path, layer: "hotspots").count == 3)
        #expect(try ogrSummary(path, layer: "districts").count == 1)
        #expect(try ogrSummary(path, layer: "gaps").count == 2)
        #expect(try ogrSummary(path, layer: "stations").count == 1)
    }

    /// A .kmz is staged and renamed with the rest of the set: when another output of the set fails,
    /// the existing .kmz keeps its bytes and no temporary is left.
    @Test func kmzIsAllOrNothingWithTheSet() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("reach.kmz").path
        try FeatureWriter.write(stationCollection(), to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var mixed = serviceAreas()
        mixed.features.append(stationCollection().features[0])
        let set = OutputSet()
        try set.add(serviceAreas(), to: path)
        #expect { try set.add(mixed, to: folder.appendingPathComponent("mixed.shp").path) } throws: {
            ($0 as? GeoIOError)?.kind == .unsupported
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["reach.kmz"])
        #expect(try ogrSummary(path).count == 3)
    }

    @Test func mixedGeometriesInAShapefileFailAndWriteNothing() throws {
        let folder = try makeTemporaryFolder()
        var collection = serviceAreas()
        collection.features.append(stationCollection().features[0])
        let path = folder.appendingPathComponent("mixed.shp").path
        #expect { try FeatureWriter.write(collection, to: path) } throws: { ($0 as? GeoIOError)?.kind == .unsupported }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func rewritingReplacesTheWholeFile() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("s.gpkg").path
        try FeatureWriter.write(serviceAreas(), to: path)
        try FeatureWriter.write(stationCollection(), to: path)
        let summary = try ogrSummary(path)
        #expect(summary.count == 3 && summary.geometry == "Point")
    }
}
