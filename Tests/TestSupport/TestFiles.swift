import Foundation

/// Where the tests find their inputs and put their outputs.
///
/// Inputs come from inside the repository (`geodata/`); when a file is not
/// there yet, from the shared data folder beside the clone, found relative to
/// the repository root only (`../shared`, or `../../shared` from a git
/// worktree one level deeper), never at an absolute path. Outputs go to fresh
/// folders under the system's temporary folder: tests never write into
/// `geodata/` (give `NetworkLoader` a temporary `cacheDirectory`).
public enum TestFiles {
    /// The repository root: this file is `Tests/TestSupport/TestFiles.swift`.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `geodata/<name>` in the repository, else `<shared>/geodata/<name>`; nil when neither exists.
    public static func geodata(_ name: String) -> URL? {
        firstExisting(["geodata/\(name)"] + sharedFolders.map { "\($0)/geodata/\(name)" })
    }

    /// `geodata/<path>` in the repository, else `<shared>/<path>` (e.g. `location-samples/pmed1.txt`,
    /// kept in `geodata/location-samples` in the repository); nil when neither exists.
    public static func sample(_ path: String) -> URL? {
        firstExisting(["geodata/\(path)"] + sharedFolders.map { "\($0)/\(path)" })
    }

    /// A new empty folder under the system's temporary folder, named `<prefix>-<UUID>`.
    /// - Throws: the file manager's error when the folder cannot be created.
    public static func temporaryFolder(prefix: String = "nuanxin-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The shared data folder beside the clone, relative to the repository root.
    private static let sharedFolders = ["../shared", "../../shared"]

    private static func firstExisting(_ relativePaths: [String]) -> URL? {
        relativePaths.map { repositoryRoot.appendingPathComponent($0).standardizedFileURL }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
