import GeoCore

/// Too many points of one input file are farther than `--max-snap` from every usable road: more than
/// half of them (or all). That is almost always a datum mix-up (GCJ-02/BD-09 points read as WGS84
/// are 300–600 m off; points in another city are kilometres off), so it is an error rather than a
/// silent 0 % coverage.
public struct UnroutableShareError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as given.
    public var file: String
    /// The role in words, plural (`stations`, `hotspots`, `candidates`, `sources`).
    public var role: String
    /// How many points are unroutable.
    public var unroutable: Int
    /// How many points the file holds.
    public var total: Int
    /// The first unroutable point's id.
    public var firstID: String
    /// Why the first unroutable point is unroutable.
    public var firstReason: String

    /// Creates the error.
    public init(file: String, role: String, unroutable: Int, total: Int, firstID: String, firstReason: String) {
        self.file = file
        self.role = role
        self.unroutable = unroutable
        self.total = total
        self.firstID = firstID
        self.firstReason = firstReason
    }

    /// One line: the file, the count, the first point and the hint (in library words; the CLI
    /// names its options instead, see `cliDescription` in NuanxinCLI).
    public var description: String {
        "\(summary); check the datum of the input (AMap/Tencent points are gcj02, Baidu bd09: 300–600 m off) "
            + "or raise the snapping limit"
    }

    /// The file, the count and the first point, without a hint.
    public var summary: String {
        "\(file): \(unroutable) of \(total) \(role) are unroutable (first: id \(firstID), \(firstReason))"
    }
}

/// The rule for how many unroutable points an input may hold.
public enum SnapShare {
    /// Refuses `placed` when more than half of its points are unroutable (all of them for one point).
    /// An empty list passes.
    /// - Throws: `UnroutableShareError` naming `file` and the first unroutable point.
    /// - Complexity: O(n).
    public static func requireMostRoutable(_ placed: [PlacedSite], file: String, role: String, maxSnap: Double) throws {
        let unroutable = placed.filter { $0.snap == nil }
        guard !placed.isEmpty, unroutable.count * 2 > placed.count, let first = unroutable.first else { return }
        throw UnroutableShareError(
            file: file, role: role, unroutable: unroutable.count, total: placed.count, firstID: first.site.id,
            firstReason: first.unroutableReason(maxSnap: maxSnap) ?? "unroutable")
    }
}
