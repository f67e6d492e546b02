import ArgumentParser
import GeoIO
import Reports

/// `--layer` and `--fields`: how the point inputs of a command are read when the file name is not
/// enough (a GeoPackage or PostGIS source with several layers, a sheet with unusual headers).
/// The rules are `PointFormats`'s: a plain value applies to every point input, `ROLE=NAME` /
/// `ROLE:MAP` to one (stations, hotspots, candidates, sources, points, districts); `--crs-for ROLE=DATUM`.
struct PointFormatOptions: ParsableArguments {
    @Option(
        name: .customLong("layer"),
        help: ArgumentHelp(
            "Layer or table of a multi-layer input (GeoPackage, PostGIS, KML folder, workbook sheet); ROLE=NAME for one input, e.g. stations=站点. Repeatable.",
            valueName: "[ROLE=]NAME"))
    var layers: [String] = []

    @Option(
        name: .customLong("fields"),
        help: ArgumentHelp(
            "Column mapping, e.g. id=编号,lon=经度,lat=纬度 (roles id, lon, lat, location, name, weight, kind, time); ROLE:MAP for one input, e.g. hotspots:weight=订单量. Repeatable.",
            valueName: "[ROLE:]MAP"))
    var fields: [String] = []

    @Option(
        name: .customLong("crs-for"),
        help: ArgumentHelp(
            "Datum of one input when it differs from --crs, e.g. stations=gcj02 for stations copied from AMap. Repeatable.",
            valueName: "ROLE=DATUM"))
    var datums: [String] = []

    func validate() throws {
        do { _ = try PointFormats(layers: layers, fields: fields, datums: datums) } catch let error as GeoIOError {
            throw ValidationError(error.cliText)
        }
    }

    /// The formats, with reader notes going to `progress` (silent under `--quiet`).
    func formats(_ progress: ProgressLog) throws -> PointFormats {
        try PointFormats(layers: layers, fields: fields, datums: datums, notes: { progress.report("note: " + $0) })
    }
}
