import ArgumentParser
import Foundation
import GeoCore

/// The same-file rule for a command's outputs, as a usage error: every output must be a different
/// file from every input and every other output (`OutputTransaction.checkDistinct`). Call from a
/// command's `validate()`, so it fails before any work.
enum OutputFileCheck {
    /// Also refuses an output that is an existing folder. `PG:` connections are skipped.
    /// - Throws: `ValidationError` with `SameFileError`'s one-line message.
    static func distinct(outputs: [(String, String?)], inputs: [(String, String?)]) throws {
        for (option, path) in outputs {
            var isFolder: ObjCBool = false
            if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw ValidationError("\(option): \(path) is a folder; give a file name (e.g. \(option) \(path)/result)")
            }
        }
        // A PostGIS connection (`PG:…`) is not a file: reading tables from a database and writing
        // other tables back to it is the point of the round trip.
        func file(_ path: String?) -> String? { path?.hasPrefix("PG:") == true ? nil : path }
        do {
            try OutputTransaction.checkDistinct(
                outputs: outputs.map { (option: $0.0, path: file($0.1)) }, inputs: inputs.map { (option: $0.0, path: file($0.1)) })
        } catch let error as SameFileError {
            throw ValidationError(cliText(error))
        }
    }

    /// `SameFileError`'s message with the command line's example option in its advice.
    static func cliText(_ error: SameFileError) -> String {
        error.otherIsInput
            ? "\(error.clash); writing it would destroy the input (e.g. --out result.geojson)"
            : "\(error.clash); each output needs its own file (e.g. --summary result.csv)"
    }
}
