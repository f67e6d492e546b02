import ArgumentParser

/// The `--help` text of `nuanxin inspect`: what the command reads, computes and writes.
extension InspectCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarise a GeoJSON file or a point CSV and list its validity problems.",
        discussion: """
            Prints the feature count, geometry types, bbox (in WGS84), property keys and
            every problem found (positions out of range or lat/lon swapped, rings not
            closed or too short, ring winding). Files ending in .csv or .txt are read as
            point sets (id,lon,lat[,weight][,name][,kind]); anything else as GeoJSON.
            Excel (.xlsx/.xls), Shapefile, GeoPackage, KML/KMZ and PG: sources are read through GDAL
            as the commands read them (--layer, --fields; districts with --as districts).
            Exits with status 1 when the file has errors that other commands would reject.
            --as stations|hotspots|candidates|districts runs exactly the validation of the
            commands that read the file in that role (the same rules, the same one-line
            message on stderr, exit 1). Without --as, a GeoJSON file without polygons and
            any CSV are checked as a point set (ids, coordinates, weights, at least one point).
            Places: GeoJSON features are counted from 1 (feature 1 is the first), CSV lines
            from 1 (line 1 is the header), as in every nuanxin message.
            """
    )
}
