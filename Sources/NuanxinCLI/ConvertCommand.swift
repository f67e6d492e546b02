import ArgumentParser
import Foundation
import GeoCore
import GeoIO
import Reports

/// `nuanxin convert`: coordinates between WGS84, GCJ-02 and BD-09, for a whole
/// GeoJSON file or a single point.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert coordinates between WGS84, GCJ-02 (AMap, Tencent) and BD-09 (Baidu).",
        discussion: """
            Examples:
              nuanxin convert --from gcj02 --to wgs84 amap-stations.geojson --out stations.geojson
              nuanxin convert --from wgs84 --to gcj02 --point 104.0657,30.6595
              nuanxin convert --from gcj02 --to wgs84 amap-stations.geojson --in-place
            --out must not be the input file (use --in-place to replace it on purpose).
            Every geometry type is converted; properties, ids and foreign members are kept.
            """
    )

    @Option(help: "Datum of the input coordinates: wgs84, gcj02 or bd09.")
    var from: ChineseDatum

    @Option(help: "Datum of the output coordinates: wgs84, gcj02 or bd09.")
    var to: ChineseDatum

    @Argument(help: "GeoJSON file to convert (FeatureCollection, Feature or geometry).")
    var input: String?

    @Option(
        help:
            "Where to write the converted features (required with an input file): .geojson, .gpkg, .shp, .kml, .kmz, .csv or PG: (see --out-layer)."
    )
    var out: String?

    @OptionGroup var outLayer: OutputLayerOption

    @Flag(name: .customLong("in-place"), help: "Replace the input file with the converted GeoJSON (atomically) instead of writing --out.")
    var inPlace = false

    @Option(help: "A single point LON,LAT to convert instead of a file; prints LON,LAT with 7 decimals.")
    var point: String?

    @OptionGroup var output: QuietOption

    func validate() throws {
        switch (input, point) {
        case (nil, nil):
            throw ValidationError("Give an input GeoJSON file or --point LON,LAT.")
        case (.some, .some):
            throw ValidationError("Give either an input file or --point, not both.")
        case (.some(let input), nil):
            if inPlace {
                if out != nil { throw ValidationError("--in-place: replaces the input; give it or --out, not both") }
            } else {
                if out == nil { throw ValidationError("--out is required when converting a file (or --in-place to replace it).") }
                try OutputFileCheck.distinct(outputs: [("--out", out)], inputs: [("", input)])
                try outLayer.validate(out: out)
            }
        case (nil, .some(let text)):
            if inPlace { throw ValidationError("--in-place: applies to an input file, not to --point") }
            if out != nil { throw ValidationError("--out is only for file input; --point prints to stdout.") }
            _ = try Self.parsePoint(text)
        }
    }

    func run() throws {
        if let point {
            print(from.convert(try Self.parsePoint(point), to: to))
            return
        }
        guard let input, let out = inPlace ? input : out else { preconditionFailure("validate() requires an input file and --out") }
        let progress = output.progress
        let inputURL = URL(fileURLWithPath: input)
        let collection = try progress.step("reading \(inputURL.lastPathComponent)", phase: "read") {
            try GeoJSONReader.read(contentsOf: inputURL)
        }
        let converted = progress.time("convert") { collection.mapCoordinates { from.convert($0, to: to) } }
        try progress.time("write") { try FeatureWriter.write(converted, to: out, layer: outLayer.name) }
        progress.timings?.setSize("features", converted.features.count)
        progress.report("wrote \(converted.features.count) features (\(from.rawValue) → \(to.rawValue)) to \(out)")
        try output.finish(progress)
    }

    /// Parses `LON,LAT` into a coordinate in range.
    /// - Throws: `ValidationError` saying what is wrong with the text.
    static func parsePoint(_ text: String) throws -> Coordinate {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1] else {
            throw ValidationError("--point \"\(text)\" is not LON,LAT (two numbers separated by a comma).")
        }
        let coordinate = Coordinate(lon: lon, lat: lat)
        if let problem = coordinate.rangeProblem {
            throw ValidationError("--point \(text): \(problem).")
        }
        return coordinate
    }
}
