import Foundation

extension GraphCache {
    /// Where the cache file for `input` and `profile` lives.
    ///
    /// - `cacheDirectory` given: inside it (created when missing).
    /// - otherwise: beside the input when that folder is writable (see
    ///   `isWritableFolder`), else in the
    ///   user's cache folder (`$XDG_CACHE_HOME/nuanxin`, or `~/.cache/nuanxin`);
    ///   nil when neither can be used.
    /// - Throws: `NetworkLoadError.cacheDirectoryUnusable` when the given
    ///   `cacheDirectory` cannot be created or is not writable.
    static func location(forInput input: String, profile: TravelProfile, cacheDirectory: String?) throws -> String? {
        let name = fileName(forInput: input, profile: profile)
        if let cacheDirectory {
            do {
                try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
            } catch {
                throw NetworkLoadError.cacheDirectoryUnusable(path: cacheDirectory, reason: error.localizedDescription)
            }
            guard isWritableFolder(cacheDirectory) else {
                throw NetworkLoadError.cacheDirectoryUnusable(path: cacheDirectory, reason: "not writable")
            }
            return URL(fileURLWithPath: cacheDirectory).appendingPathComponent(name).path
        }
        let beside = URL(fileURLWithPath: input).deletingLastPathComponent()
        if isWritableFolder(beside.path) {
            return beside.appendingPathComponent(name).path
        }
        guard let userCache = userCacheFolder(),
            (try? FileManager.default.createDirectory(atPath: userCache, withIntermediateDirectories: true)) != nil,
            isWritableFolder(userCache)
        else { return nil }
        return URL(fileURLWithPath: userCache).appendingPathComponent(name).path
    }

    /// True when this process may write in `path` and the folder is not
    /// marked read-only: a folder without any write permission bit (a
    /// shared, read-only data folder) counts as read-only even for root.
    private static func isWritableFolder(_ path: String) -> Bool {
        guard FileManager.default.isWritableFile(atPath: path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return permissions.intValue & 0o222 != 0
    }

    private static func userCacheFolder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/nuanxin" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/nuanxin" }
        return nil
    }
}
