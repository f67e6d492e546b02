import Foundation

extension GraphCache {
    /// Where the cache file for `input` and `profile` lives.
    ///
    /// - `cacheDirectory` given: inside it (created when missing).
    /// - otherwise: beside the input when that folder is writable, else in the
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
            guard FileManager.default.isWritableFile(atPath: cacheDirectory) else {
                throw NetworkLoadError.cacheDirectoryUnusable(path: cacheDirectory, reason: "not writable")
            }
            return URL(fileURLWithPath: cacheDirectory).appendingPathComponent(name).path
        }
        let beside = URL(fileURLWithPath: input).deletingLastPathComponent()
        if FileManager.default.isWritableFile(atPath: beside.path) {
            return beside.appendingPathComponent(name).path
        }
        guard let userCache = userCacheFolder(),
            (try? FileManager.default.createDirectory(atPath: userCache, withIntermediateDirectories: true)) != nil,
            FileManager.default.isWritableFile(atPath: userCache)
        else { return nil }
        return URL(fileURLWithPath: userCache).appendingPathComponent(name).path
    }

    private static func userCacheFolder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/nuanxin" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/nuanxin" }
        return nil
    }
}
