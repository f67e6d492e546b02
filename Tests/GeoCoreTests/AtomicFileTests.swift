import Foundation
import Testing

@testable import GeoCore

@Suite struct AtomicFileTests {
    @Test func writesAndReplacesWholeFiles() throws {
        let folder = try makeTemporaryFolder()
        let url = folder.appendingPathComponent("out.geojson")
        try AtomicFile.write(Data("first".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("first".utf8))
        try AtomicFile.write(Data("second, longer".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("second, longer".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.geojson"])
    }

    @Test func missingFolderIsATypedError() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("no-such-folder/out.geojson")
        #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func failedRenameLeavesNoTemporaryFile() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("child"), withIntermediateDirectories: true)
        do {
            try AtomicFile.write(Data("x".utf8), to: target)
            Issue.record("renaming a file over a non-empty folder succeeded")
        } catch let error as AtomicFileError {
            #expect(error.description == target.path + ": cannot write: it is a folder; give a file name")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    }
}
