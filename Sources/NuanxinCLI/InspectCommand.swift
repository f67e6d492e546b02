import ArgumentParser
import Coverage
import Foundation
import GeoCore
import GeoIO
import Reports

/// `nuanxin inspect`: what a GeoJSON file or point CSV holds and what is wrong with it.
struct InspectCommand: ParsableCommand {
    @Argument(help: "A GeoJSON file or a point CSV.")
    var file: String

    @OptionGroup var crs: InputCRSOption

    @Option(
        name: .customLong("as"), help: "Check the file as the commands read it in this role: stations, hotspots, candidates or districts.")
    var role: InputRole?

    @Option(name: .customLong("district-name-field"), help: "With --as districts: the property holding the name.")
    var districtNameField = "name"

    @OptionGroup var formats: PointFormatOptions

    @OptionGroup var output: QuietOption

    func run() throws {
        let progress = output.progress
        let url = URL(fileURLWithPath: file)
        let readers = try formats.formats(progress)
        if let role { try role.validate(path: file, datum: crs.datum, nameField: districtNameField, formats: readers) }
        let ext = url.pathExtension.lowercased()
        let viaGDAL = file.hasPrefix("PG:") || ["xlsx", "xls", "ods", "shp", "gpkg", "kml", "kmz"].contains(ext)
        if viaGDAL, role == .districts {
            let collection = try progress.time("read") {
                try PointSource.districtFeatures(path: file, layer: readers.layer(for: "districts"), notes: readers.notes)
            }
            print(GeoJSONSummary(collection: collection, issues: [], datum: crs.datum, file: url, format: Self.formatName(file)).text)
            try output.finish(progress)
            return
        }
        if viaGDAL || ["csv", "txt"].contains(ext) {
            let points = try progress.time("read") {
                try (role == nil || role == .districts ? InputRole.hotspots : role!).points(
                    path: file, datum: crs.datum, formats: readers)
            }
            print(PointSetSummary(points: points, file: url, format: viaGDAL ? Self.formatName(file) + " points" : "point CSV").text)
            try output.finish(progress)
            return
        }
        let (collection, issues) = try progress.time("read") {
            try GeoJSONReader.readReportingIssues(
                contentsOf: url, validator: GeoJSONValidator(additionalChecks: [GEOSValidityCheck.check]))
        }
        if role == nil, !collection.features.contains(where: { $0.geometry.map(isPolygonal) ?? false }),
            !issues.contains(where: { $0.severity == .error })
        {
            try InputRole.hotspots.validate(path: file, datum: crs.datum)  // a point set: the point rules
        }
        let summary = GeoJSONSummary(collection: collection, issues: issues, datum: crs.datum, file: url)
        print(summary.text)
        try output.finish(progress)
        let errorCount = issues.count { $0.severity == .error }
        if errorCount > 0 {
            throw InspectionFailure(file: file, errorCount: errorCount)
        }
    }

    /// The format's name for the summary: `PostGIS`, or the extension in capitals (`XLSX`, `SHP`, …).
    static func formatName(_ file: String) -> String {
        file.hasPrefix("PG:") ? "PostGIS" : URL(fileURLWithPath: file).pathExtension.uppercased()
    }

    private func isPolygonal(_ geometry: Geometry) -> Bool {
        switch geometry {
        case .polygon, .multiPolygon: true
        case .geometryCollection(let members): members.contains(where: isPolygonal)
        default: false
        }
    }
}

/// `--as stations|hotspots|candidates|districts`.
extension InputRole: ExpressibleByArgument {}

/// The file has validity errors (listed on stdout by `inspect`).
struct InspectionFailure: Error, CustomStringConvertible {
    var file: String
    var errorCount: Int
    var description: String {
        "\(file): \(errorCount) validity error\(errorCount == 1 ? "" : "s") (listed above); fix them before using the file"
    }
}

/// The lines `inspect` prints for a GeoJSON file.
struct GeoJSONSummary {
    /// At most this many issues are listed one per line.
    static let listedIssueLimit = 50

    let collection: FeatureCollection
    let issues: [GeoJSONIssue]
    let datum: ChineseDatum
    let file: URL
    var format = "GeoJSON"

    var text: String {
        var typeCounts: [String: Int] = [:]
        for feature in collection.features { typeCounts[feature.geometry?.typeName ?? "null", default: 0] += 1 }
        let keys = Set(collection.features.flatMap { $0.properties?.keys.map { $0 } ?? [] })
        let wgs84 = collection.mapCoordinates { datum.convert($0, to: .wgs84) }
        var lines = [
            "file: \(file.relativePath)",
            "format: \(format)",
            "features: \(collection.features.count)",
            "geometry types: " + listing(typeCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }),
            "bbox (WGS84): " + (wgs84.boundingBox.map(formatBox) ?? "none"),
            "property keys: " + listing(keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }),
        ]
        if !collection.foreignMembers.isEmpty {
            lines.append("foreign members: " + collection.foreignMembers.keys.sorted().joined(separator: ", "))
        }
        let errors = issues.count { $0.severity == .error }
        let warnings = issues.count - errors
        if issues.isEmpty {
            lines.append("problems: none")
        } else {
            lines.append("problems: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            lines += issues.prefix(Self.listedIssueLimit).map { "  \($0)" }
            if issues.count > Self.listedIssueLimit {
                lines.append("  … and \(issues.count - Self.listedIssueLimit) more")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The lines `inspect` prints for a point CSV (already validated by `PointSetReader`).
struct PointSetSummary {
    let points: [SitePoint]
    let file: URL
    var format = "point CSV"

    var text: String {
        var kindCounts: [String: Int] = [:]
        for point in points { kindCounts[point.kind ?? "(none)", default: 0] += 1 }
        let keys = Set(points.flatMap { $0.properties.keys })
        let totalWeight = points.reduce(0) { $0 + $1.weight }
        return [
            "file: \(GeoIOError.displayName(of: file.relativePath))",
            "format: \(format)",
            "points: \(points.count)",
            "kinds: " + listing(kindCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }),
            "total weight: \(plainNumber(totalWeight))",
            "bbox (WGS84): " + (BoundingBox(covering: points.map(\.coordinate)).map(formatBox) ?? "none"),
            "other columns: " + listing(keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }),
            "problems: none",
        ].joined(separator: "\n")
    }
}

private func listing(_ items: [String]) -> String {
    items.isEmpty ? "none" : items.joined(separator: ", ")
}

/// `12` for whole numbers, `12.5` otherwise.
private func plainNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

private func formatBox(_ box: BoundingBox) -> String {
    box.array.map(formatDegrees).joined(separator: ",")
}
