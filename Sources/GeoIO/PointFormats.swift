import Foundation
import GeoCore

/// How each point input of a command is read when its format needs more than the file name:
/// the layer of a multi-layer source (`--layer`), the column mapping (`--fields`) and the datum of
/// one input when it differs from the others (`--crs-for`), per role.
///
/// Option syntax (one rule for every command, repeatable):
/// - `--layer NAME` applies to every point input of the command; `--layer ROLE=NAME` to one role.
/// - `--fields MAP` applies to every point input; `--fields ROLE:MAP` to one role, where `MAP` is
///   `FieldMapping`'s `id=编号,lon=经度,lat=纬度`.
/// - `--crs-for ROLE=DATUM` (wgs84, gcj02, bd09) overrides the command's `--crs` for one role, e.g.
///   stations copied from AMap (`stations=gcj02`) audited against hotspots nuanxin made (WGS84).
///
/// Roles are the plural nouns of the inputs: `stations`, `hotspots`, `candidates`, `sources`
/// (`network times`), `points` (`hotspots --from points`) and `districts`. A role-specific value
/// wins over the general one. Notes from the readers (e.g. "decoded as GB18030") go to `notes`.
public struct PointFormats {
    /// The source named by errors in a datum-per-input value (`ROLE=DATUM`, the CLI's `--crs-for`).
    public static let datumSettingName = "datum per input"

    /// The roles `--layer ROLE=NAME` and `--fields ROLE:MAP` accept.
    public static let roles = ["stations", "hotspots", "candidates", "sources", "points", "districts"]

    /// Layer per role; the key "" is the layer for every role.
    public var layers: [String: String]
    /// Column mapping per role; the key "" is the mapping for every role.
    public var fields: [String: FieldMapping]
    /// Datum per role, overriding the command's `--crs`.
    public var datums: [String: ChineseDatum] = [:]
    /// Receives one-line notes of the readers (meant for stderr, silenced by `--quiet`).
    public var notes: (String) -> Void

    /// No layer, automatic columns, notes dropped: what every reader does without options.
    public init() {
        self.layers = [:]
        self.fields = [:]
        self.notes = { _ in }
    }

    /// Parses the repeated `--layer` and `--fields` values.
    /// - Throws: `GeoIOError.badFieldMapping` for a malformed column mapping (source
    ///   `FieldMapping.settingName`) or datum value (source `datumSettingName`).
    public init(
        layers layerOptions: [String], fields fieldOptions: [String], datums datumOptions: [String] = [],
        notes: @escaping (String) -> Void = { _ in }
    ) throws {
        self.init()
        self.notes = notes
        for option in datumOptions {
            let (role, value) = Self.split(option, separator: "=")
            guard !role.isEmpty, let datum = ChineseDatum(rawValue: value.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw GeoIOError(
                    source: Self.datumSettingName, kind: .badFieldMapping,
                    message:
                        "\"\(option)\" is not ROLE=DATUM with ROLE one of \(Self.roles.joined(separator: ", ")) and DATUM wgs84, gcj02 or bd09 (e.g. stations=gcj02)"
                )
            }
            datums[role] = datum
        }
        for option in layerOptions {
            let (role, value) = Self.split(option, separator: "=")
            layers[role] = value
        }
        for option in fieldOptions {
            let (role, value) = Self.split(option, separator: ":")
            fields[role] = try FieldMapping(parsing: value)
        }
    }

    /// The datum of `role` (plural noun): its `--crs-for` value, else `fallback` (the command's `--crs`).
    public func datum(for role: String, else fallback: ChineseDatum) -> ChineseDatum { datums[role] ?? fallback }

    /// The layer for `role` (plural noun), if any.
    public func layer(for role: String) -> String? { layers[role] ?? layers[""] }

    /// The column mapping for `role` (plural noun); automatic when none was given.
    public func fields(for role: String) -> FieldMapping { fields[role] ?? fields[""] ?? FieldMapping() }

    /// `ROLE<sep>VALUE` when ROLE is one of `roles`, else ("", whole text).
    static func split(_ text: String, separator: Character) -> (String, String) {
        guard let index = text.firstIndex(of: separator) else { return ("", text) }
        let role = text[..<index].trimmingCharacters(in: .whitespaces).lowercased()
        guard roles.contains(role) else { return ("", text) }
        return (role, String(text[text.index(after: index)...]))
    }
}
