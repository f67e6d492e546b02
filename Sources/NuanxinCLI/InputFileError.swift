import Coverage
import RoadNetwork

/// A point or area file a command cannot use, with the file and what to do: one stderr line.
struct InputFileError: Error, CustomStringConvertible {
    /// The file concerned (last path component), or the option.
    var file: String
    /// What is wrong and what to do.
    var message: String

    var description: String { "\(file): \(message)" }

    /// The command line's wording of the library's `error` (naming `--max-snap` and `--crs`);
    /// `user` is who needs the points: `the audit`, `the report`, `plan`.
    init(_ error: NetworkInputError, user: String) {
        switch error {
        case .noPoints(let file, let kind):
            self.init(file: file, message: "holds no points; \(user) needs at least one of the \(kind)s")
        case .noRoutablePoint(let file, let kind, _, let maxSnap):
            self.init(
                file: file,
                message:
                    "no \(kind) is within --max-snap \(AuditNumbers.plain(maxSnap)) m of a usable road; check --crs (AMap/Baidu points are 300–600 m off) or raise --max-snap"
            )
        }
    }

    init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// Runs `body`, turning a `NetworkInputError` into the command line's wording for `user`.
    static func mapping<T>(user: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NetworkInputError {
            throw InputFileError(error, user: user)
        }
    }
}
