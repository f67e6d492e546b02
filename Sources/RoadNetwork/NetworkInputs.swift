import Foundation
import GeoCore
import GeoIO

/// The step every command takes before it computes anything: read a point file with its datum
/// (converted to WGS84), snap each point onto the road graph (`SitePlacer`), and split the points
/// into routable and unroutable, with one wording for the points left out.
///
/// A library caller gets the same behaviour as the CLI: `NetworkInputs(graph:datum:maxSnap:)`, then
/// `read(_:kind:)` per file. Errors name the file and what is wrong; which command-line option
/// controls the snap distance is for the caller to say.
public struct NetworkInputs {
    /// Snaps onto the graph (its metric CRS and segment index, built once).
    public let placer: SitePlacer
    /// The datum of the input coordinates (converted to WGS84 on reading).
    public let datum: ChineseDatum
    /// The largest distance in metres from a point to its road; farther points are unroutable.
    public let maxSnap: Double
    /// Layer and column mapping per role (`--layer`, `--fields`) and where reader notes go.
    public let formats: PointFormats

    /// The inputs step for `graph`.
    /// - Throws: `ProjectionError` when the graph's CRS cannot be set up.
    public init(graph: RoadGraph, datum: ChineseDatum, maxSnap: Double, formats: PointFormats = PointFormats()) throws {
        self.placer = try SitePlacer(graph: graph)
        self.datum = datum
        self.maxSnap = maxSnap
        self.formats = formats
    }

    /// The points of the file at `url` (any format `readPoints` reads), in WGS84 and snapped.
    /// - Parameters:
    ///   - kind: the singular noun of the points (`station`, `hotspot`, `candidate`, `source`), used
    ///     in the left-out messages.
    ///   - allowEmpty: whether a file with no points is fine (else `NetworkInputError.noPoints`).
    /// - Throws: `PointSetError` / `GeoJSONError` from the reader, `NetworkInputError.noPoints`.
    public func read(_ url: URL, kind: String, allowEmpty: Bool = false) throws -> PlacedPoints {
        try place(try points(url, kind: kind, allowEmpty: allowEmpty), kind: kind, file: url.relativePath)
    }

    /// The points of the file at `url` in WGS84, not yet snapped (for callers that time the two apart).
    /// - Throws: `PointSetError` / `GeoJSONError` from the reader, `NetworkInputError.noPoints`.
    public func points(_ url: URL, kind: String, allowEmpty: Bool = false) throws -> [SitePoint] {
        try Self.readPoints(path: url.relativePath, datum: datum, kind: kind, allowEmpty: allowEmpty, formats: formats)
    }

    /// The one point reader of every command and of `inspect --as`: the points of `path`, converted
    /// from `datum` to WGS84, and at least one point unless `allowEmpty`.
    ///
    /// The reader follows the format (`PointSource.read`): GeoJSON and UTF-8 CSV with the standard
    /// `id,lon,lat…` header through `PointSetReader` (its rules: coordinates in range and not swapped,
    /// unique ids, finite weights within `InputLimits.weight` and a finite sum); Excel, Shapefile,
    /// GeoPackage, KML/KMZ, GB18030 CSV and `PG:` sources through GDAL with the same rules, the layer
    /// and column mapping of `formats` for the role `kind + "s"`, and notes to `formats.notes`.
    /// - Throws: `PointSetError` / `GeoJSONError` / `GeoIOError` naming `path` as given and the
    ///   feature, line or row; `NetworkInputError.noPoints`.
    public static func readPoints(
        path: String, datum: ChineseDatum, kind: String, allowEmpty: Bool = false, formats: PointFormats = PointFormats()
    ) throws -> [SitePoint] {
        let role = kind + "s"
        let points = try PointSource.read(
            path: path, layer: formats.layer(for: role), fields: formats.fields(for: role),
            datum: formats.datum(for: role, else: datum), notes: formats.notes)
        if points.isEmpty, !allowEmpty { throw NetworkInputError.noPoints(file: GeoIOError.displayName(of: path), kind: kind) }
        return points
    }

    /// `points` (WGS84) snapped; `file` names where they came from in errors (the path as given).
    ///
    /// Unless `allowMostlyUnroutable`, more than half of the points (all of them for one point)
    /// farther than `maxSnap` from every usable road is an error: that is almost always a datum
    /// mix-up (`SnapShare`). Points of interest taken from the network itself pass `true`.
    /// - Throws: `ProjectionError` when a point cannot be projected; `UnroutableShareError`.
    public func place(_ points: [SitePoint], kind: String, file: String, allowMostlyUnroutable: Bool = false) throws -> PlacedPoints {
        let placed = try placer.place(points, maxSnap: maxSnap)
        if !allowMostlyUnroutable {
            try SnapShare.requireMostRoutable(placed, file: file, role: kind + "s", maxSnap: maxSnap)
        }
        return PlacedPoints(file: file, kind: kind, all: placed, maxSnap: maxSnap)
    }
}

/// One point file placed on the network.
public struct PlacedPoints: Sendable {
    /// The file's path as given.
    public let file: String
    /// The singular noun of the points (`station`, `hotspot`, …).
    public let kind: String
    /// Every point, placed, in input order (unroutable ones included).
    public let all: [PlacedSite]
    /// The snap limit in metres the points were placed with.
    public let maxSnap: Double

    /// The points within `maxSnap` of a usable road, in input order.
    public var routable: [PlacedSite] { all.filter { $0.snap != nil } }
    /// The points farther than `maxSnap` from any usable road, in input order.
    public var unroutable: [PlacedSite] { all.filter { $0.snap == nil } }

    /// One line per unroutable point, in input order, the one wording for a point left out:
    /// `<kind> <id> is left out: <reason>`.
    public var leftOutMessages: [String] {
        all.compactMap { site in
            site.unroutableReason(maxSnap: maxSnap).map { "\(kind) \(site.site.id) is left out: \($0)" }
        }
    }

    /// Throws `NetworkInputError.noRoutablePoint` when points were given but none is routable.
    public func requireRoutable() throws {
        guard all.isEmpty || all.contains(where: { $0.snap != nil }) else {
            throw NetworkInputError.noRoutablePoint(file: file, kind: kind, count: all.count, maxSnap: maxSnap)
        }
    }
}

/// A point file the network inputs step cannot use.
public enum NetworkInputError: Error, Equatable, CustomStringConvertible {
    /// The file holds no points (and the caller needs at least one).
    case noPoints(file: String, kind: String)
    /// The file holds `count` points and none is within `maxSnap` metres of a usable road.
    case noRoutablePoint(file: String, kind: String, count: Int, maxSnap: Double)

    /// One line: the file and what is wrong (the CLI adds what to do).
    public var description: String {
        switch self {
        case .noPoints(let file, let kind):
            return "\(file): holds no points; at least one \(kind) is needed"
        case .noRoutablePoint(let file, let kind, let count, let maxSnap):
            return "\(file): none of the \(count) \(kind) points is within \(formatFixed(maxSnap, decimals: 0)) m of a usable road"
        }
    }
}
