import Foundation

/// Which column of a table holds which part of a point: the automatic
/// recognition of common English and Chinese headers, overridable per role
/// with a column mapping `id=编号,lon=经度,lat=纬度` (the CLI's `--fields`).
///
/// Automatic headers (matched after trimming, case-insensitively, first match in column order):
///
/// | role       | headers |
/// |------------|---------|
/// | `id`       | id, fid, code, no, 编号, 序号, 站点编号, 订单号, 订单编号, 代码 |
/// | `lon`      | lon, lng, long, longitude, x, 经度, 东经 |
/// | `lat`      | lat, latitude, y, 纬度, 北纬 |
/// | `location` | location, coordinates, coord, lnglat, lonlat, 坐标, 经纬度, 位置 — one cell "lon,lat" |
/// | `name`     | name, title, 名称, 站点名称, 站点, 名字 |
/// | `weight`   | weight, orders, count, 权重, 订单量, 订单数, 单量 |
/// | `kind`     | kind, type, category, 类型, 类别 |
/// | `time`     | time, timestamp, datetime, 时间, 下单时间, 时刻 |
/// | (address)  | address, addr, 地址, 详细地址 — only used to explain that geocoding is needed |
public struct FieldMapping: Hashable, Sendable {
    /// A part of a point a column can hold.
    public enum Role: String, CaseIterable, Hashable, Sendable {
        /// The point's unique id (default: the 1-based row number).
        case id
        /// Longitude in degrees.
        case lon
        /// Latitude in degrees.
        case lat
        /// One cell holding "lon,lat" (used when there are no lon/lat columns).
        case location
        /// Display name.
        case name
        /// Demand weight, ≥ 0 (default 1).
        case weight
        /// Category.
        case kind
        /// Time of an order or GPS ping, kept as property `time` (for `--hours`).
        case time
    }

    /// Explicit column per role (from `--fields`); other roles are found automatically.
    public var explicit: [Role: String]

    /// The source named by errors in a column mapping's text (`init(parsing:)`).
    public static let settingName = "column mapping"

    /// A mapping with the given explicit columns.
    public init(explicit: [Role: String] = [:]) {
        self.explicit = explicit
    }

    /// Parses `id=编号,lon=经度,lat=纬度` (roles as in `Role`, comma-separated;
    /// an empty string gives the automatic mapping).
    /// - Throws: `GeoIOError.badFieldMapping` (source `settingName`) for an unknown role or a part without `=`.
    public init(parsing text: String) throws {
        var explicit: [Role: String] = [:]
        for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let role = Role(rawValue: pieces[0].lowercased()), !pieces[1].isEmpty else {
                let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw GeoIOError(
                    source: Self.settingName, kind: .badFieldMapping,
                    message: "\"\(part)\" is not ROLE=COLUMN with ROLE one of \(roles)")
            }
            explicit[role] = pieces[1]
        }
        self.explicit = explicit
    }

    /// The automatic header names of each role, lower-case.
    public static let automaticHeaders: [Role: [String]] = [
        .id: ["id", "fid", "code", "no", "编号", "序号", "站点编号", "订单号", "订单编号", "代码"],
        .lon: ["lon", "lng", "long", "longitude", "x", "经度", "东经"],
        .lat: ["lat", "latitude", "y", "纬度", "北纬"],
        .location: ["location", "coordinates", "coord", "lnglat", "lonlat", "坐标", "经纬度", "位置"],
        .name: ["name", "title", "名称", "站点名称", "站点", "名字"],
        .weight: ["weight", "orders", "count", "权重", "订单量", "订单数", "单量"],
        .kind: ["kind", "type", "category", "类型", "类别"],
        .time: ["time", "timestamp", "datetime", "时间", "下单时间", "时刻"],
    ]

    /// Header names that mark an address column.
    public static let addressHeaders = ["address", "addr", "地址", "详细地址"]

    /// The column index of each role found in `columns`.
    /// - Throws: `GeoIOError.badFieldMapping` (advice `checkColumnMapping`) when an explicit column is not among `columns`.
    public func resolve(_ columns: [String], source: String) throws -> [Role: Int] {
        let normalized = columns.map(Self.normalize)
        var result: [Role: Int] = [:]
        for role in Role.allCases {
            if let wanted = explicit[role] {
                guard let index = columns.firstIndex(of: wanted) ?? normalized.firstIndex(of: Self.normalize(wanted)) else {
                    throw GeoIOError(
                        source: source, kind: .badFieldMapping,
                        message: "no column \"\(wanted)\" for \(role.rawValue); the columns are \(Self.list(columns))",
                        advice: .checkColumnMapping)
                }
                result[role] = index
            } else if let names = Self.automaticHeaders[role],
                let index = normalized.firstIndex(where: names.contains),
                !explicit.values.contains(columns[index])
            {
                result[role] = index
            }
        }
        return result
    }

    static func normalize(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
    }

    static func list(_ columns: [String]) -> String {
        columns.isEmpty ? "none" : columns.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
