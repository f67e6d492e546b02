import Foundation
import TestSupport

/// A fresh empty folder under the system temporary directory.
func makeTemporaryFolder() throws -> URL { try TestFiles.temporaryFolder() }

/// Writes `text` as UTF-8 to `name` in a fresh temporary folder and returns its URL.
func temporaryFile(named name: String, containing text: String) throws -> URL {
    let url = try makeTemporaryFolder().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// The folder holding `districts.geojson`: `geodata/` (`TestFiles.geodata`).
func geodataFolder() -> URL? { TestFiles.geodata("districts.geojson")?.deletingLastPathComponent() }
