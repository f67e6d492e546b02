import ArgumentParser
import GeoCore
import Reports

/// The datums output coordinates can be written in.
enum OutputDatum: String, CaseIterable, ExpressibleByArgument {
    /// RFC 7946 GeoJSON: WGS84, for QGIS, GDAL, Leaflet, Mapbox, PostGIS.
    case wgs84
    /// GCJ-02, for AMap (高德) and Tencent maps.
    case gcj02
}

/// `--crs-out wgs84|gcj02`: the datum of written coordinates. Use with
/// `@OptionGroup var crsOut: OutputCRSOption` in every job that writes GeoJSON.
struct OutputCRSOption: ParsableArguments {
    @Option(
        name: .customLong("crs-out"),
        help: "Datum of the written coordinates: wgs84 (RFC 7946, the default) or gcj02 (AMap, Tencent maps).")
    var datum: OutputDatum = .wgs84

    /// The note a GCJ-02 file carries as its top-level `crs_note` member.
    static let gcj02Note =
        "Coordinates are GCJ-02 (AMap, Tencent maps), not the WGS84 that RFC 7946 requires. "
        + "Convert back with: nuanxin convert --from gcj02 --to wgs84 FILE --out FILE"

    /// `collection` (WGS84) in the chosen datum: unchanged for wgs84; for
    /// gcj02 every coordinate converted and the top-level foreign member
    /// `crs_note` saying so.
    /// - Complexity: O(coordinates).
    func apply(to collection: FeatureCollection) -> FeatureCollection {
        guard datum == .gcj02 else { return collection }
        var converted = collection.mapCoordinates { ChineseDatum.wgs84.convert($0, to: .gcj02) }
        converted.foreignMembers["crs_note"] = .string(Self.gcj02Note)
        return converted
    }
}
