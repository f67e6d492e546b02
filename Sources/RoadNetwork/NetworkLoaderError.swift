import Foundation

/// Why a road network could not be loaded. Each case names the file and
/// says what to do; `description` is one line.
public enum NetworkLoadError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The input file does not exist.
    case fileNotFound(path: String)
    /// The input file has no bytes.
    case emptyFile(path: String)
    /// libosmium could not read the file (truncated, not OSM, unknown suffix…).
    case unreadable(path: String, reason: String)
    /// The file holds no road the profile may use.
    case noRoads(path: String, profile: TravelProfile)
    /// The cache folder given cannot be created or written.
    case cacheDirectoryUnusable(path: String, reason: String)
    /// PROJ failed while projecting the file's coordinates.
    case projectionFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): no such file; give an OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) as the road network"
        case .emptyFile(let path):
            "\(path): the file is empty; download or export the OpenStreetMap extract again"
        case .unreadable(let path, let reason):
            "\(path): not a readable OpenStreetMap file (\(oneLine(reason))); "
                + "check it is a complete .osm.pbf, .osm or .osm.bz2 (try `osmium fileinfo` on it)"
        case .noRoads(let path, let profile):
            "\(path): no road usable by the \(profile.rawValue) profile; "
                + "the extract must contain highway ways (check the area and the filter that made it)"
        case .cacheDirectoryUnusable(let path, let reason):
            "\(path): cannot use this cache folder (\(oneLine(reason))); give a writable cache folder"
        case .projectionFailed(let path, let reason):
            "\(path): cannot project the coordinates to metres (\(oneLine(reason)))"
        }
    }

    public var errorDescription: String? { description }
}

/// Joins a possibly multi-line library message into one line.
private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
}
