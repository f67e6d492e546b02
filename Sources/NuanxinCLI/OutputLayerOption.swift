import ArgumentParser

/// `--out-layer NAME`: the layer (GeoPackage, KML) or table (PostGIS, required there) of `--out`;
/// for a document with several layers (audit) the table prefix: NAME_hotspots, NAME_districts, NAME_gaps.
/// `--out` picks the format by its extension: .geojson, .gpkg, .shp, .kml, .kmz, .csv, or a PG: connection.
struct OutputLayerOption: ParsableArguments {
    @Option(
        name: .customLong("out-layer"),
        help: ArgumentHelp(
            "Layer or table of --out (required for a PG: connection; the table prefix for audit). --out's extension picks the format: .geojson, .gpkg, .shp, .kml, .kmz, .csv.",
            valueName: "NAME"))
    var name: String?

    /// Refuses a `PG:` output without a table name (usage error).
    func validate(out: String?) throws {
        if let out, out.hasPrefix("PG:"), name?.isEmpty ?? true {
            throw ValidationError("--out \(out.prefix(3))…: a PostGIS output needs --out-layer TABLE")
        }
    }
}
