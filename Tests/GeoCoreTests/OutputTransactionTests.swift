import Foundation
import Testing

@testable import GeoCore

@Suite(.serialized) struct OutputTransactionTests {
    /// Every name in `folder`, sorted.
    private func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The registered temporaries inside `folder` (other suites may write elsewhere meanwhile).
    private func pending(_ folder: URL) -> [String] {
        OutputTransaction.pendingTemporaries.filter { $0.hasPrefix(folder.path + "/") }
    }

    @Test func commitReplacesEveryOutputAsASet() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.geojson")
        let b = folder.appendingPathComponent("b.csv")
        try Data("old a".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data("new a".utf8), for: a.path)
        try transaction.stage(Data("new b".utf8), for: b.path)
        // Staged but not committed: the old file is still there, and two hidden temporaries beside it.
        #expect(try Data(contentsOf: a) == Data("old a".utf8))
        #expect(try names(folder).count == 3)
        #expect(pending(folder).count == 2)
        try transaction.commit()
        #expect(try Data(contentsOf: a) == Data("new a".utf8))
        #expect(try Data(contentsOf: b) == Data("new b".utf8))
        #expect(try names(folder) == ["a.geojson", "b.csv"])
        #expect(pending(folder).isEmpty)
    }

    @Test func aFailedOutputLeavesEveryOldFileByteIdentical() throws {
        let folder = try makeTemporaryFolder()
        let previous = folder.appendingPathComponent("prev.geojson")
        try Data("the good old file".utf8).write(to: previous)
        let unwritable = folder.appendingPathComponent("no-such-folder/summary.csv")
        #expect(throws: AtomicFileError.self) {
            try OutputTransaction.writeAll([(data: Data("new".utf8), path: previous.path), (data: Data("x".utf8), path: unwritable.path)])
        }
        #expect(try Data(contentsOf: previous) == Data("the good old file".utf8))
        #expect(try names(folder) == ["prev.geojson"])
        #expect(pending(folder).isEmpty)
    }

    /// A last step that fails (a database commit, for `OutputSet`) after the renames puts every
    /// target back: the replaced file from its backup, the new file removed; nothing hidden remains.
    @Test func aFailingLastStepPutsEveryTargetBack() throws {
        struct Refused: Error {}
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.geojson")
        let b = folder.appendingPathComponent("b.csv")
        try Data("old a".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data("new a".utf8), for: a.path)
        try transaction.stage(Data("new b".utf8), for: b.path)
        var sawNewFiles = false
        #expect(throws: Refused.self) {
            try transaction.commit(before: {
                sawNewFiles = (try? Data(contentsOf: a)) == Data("new a".utf8) && (try? Data(contentsOf: b)) == Data("new b".utf8)
                throw Refused()
            })
        }
        #expect(sawNewFiles)  // the last step ran after the renames
        #expect(try Data(contentsOf: a) == Data("old a".utf8))
        #expect(try names(folder) == ["a.geojson"])
        #expect(pending(folder).isEmpty)
    }

    /// A target that cannot be replaced (here a folder now stands where the file was to go) fails the
    /// commit before any rename and before the last step; the other targets keep their bytes.
    @Test func anUnreplaceableTargetFailsBeforeTheLastStep() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.geojson")
        let b = folder.appendingPathComponent("b.csv")
        try Data("old a".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data("new a".utf8), for: a.path)
        try transaction.stage(Data("new b".utf8), for: b.path)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: false)
        var ran = false
        #expect(throws: AtomicFileError.self) { try transaction.commit(before: { ran = true }) }
        #expect(!ran)
        #expect(try Data(contentsOf: a) == Data("old a".utf8))
        #expect(try names(folder) == ["a.geojson", "b.csv"])
        #expect(pending(folder).isEmpty)
    }

    @Test func abortRemovesTemporariesAndKeepsTargets() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.txt")
        try Data("old".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data("new".utf8), for: a.path)
        transaction.abort()
        transaction.abort()  // twice is harmless
        #expect(try names(folder) == ["a.txt"])
        #expect(try Data(contentsOf: a) == Data("old".utf8))
    }

    @Test func reservedSidecarsAreRenamedTogether() throws {
        // A Shapefile-like set written by another writer into reserved temporaries.
        let folder = try makeTemporaryFolder()
        let targets = ["shp", "dbf", "cpg"].map { folder.appendingPathComponent("roads." + $0).path }
        try Data("old shp".utf8).write(to: URL(fileURLWithPath: targets[0]))
        let transaction = OutputTransaction()
        let temporaries = try transaction.reserve(targets)
        #expect(temporaries.count == 3)
        #expect(temporaries.map { URL(fileURLWithPath: $0).pathExtension } == ["shp", "dbf", "cpg"])
        #expect(Set(temporaries.map { URL(fileURLWithPath: $0).deletingPathExtension().path }).count == 1)  // one stem
        for (index, path) in temporaries.enumerated() { try Data("new \(index)".utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: targets[0])) == Data("old shp".utf8))
        #expect(pending(folder).count == 4)  // the stem's marker and the three files
        try transaction.commit()
        #expect(try names(folder) == ["roads.cpg", "roads.dbf", "roads.shp"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: targets[2])) == Data("new 2".utf8))
        #expect(pending(folder).isEmpty)
    }

    @Test func aReservedFileTheWriterDidNotMakeFailsTheCommitBeforeAnyRename() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.csv")
        let shp = folder.appendingPathComponent("x.shp")
        try Data("old a".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data("new a".utf8), for: a.path)
        let temporaries = try transaction.reserve([shp.path, folder.appendingPathComponent("x.dbf").path])
        try Data("shp".utf8).write(to: URL(fileURLWithPath: temporaries[0]))  // the .dbf never written
        #expect(throws: AtomicFileError.self) { try transaction.commit() }
        #expect(try Data(contentsOf: a) == Data("old a".utf8))
        #expect(try names(folder) == ["a.csv"])
        #expect(pending(folder).isEmpty)
    }

    /// What the SIGINT/SIGTERM handler does (without its `_exit`): every registered temporary goes.
    @Test func signalCleanupRemovesEveryStagedTemporary() throws {
        let folder = try makeTemporaryFolder()
        let a = folder.appendingPathComponent("a.txt")
        let b = folder.appendingPathComponent("b.txt")
        try Data("old".utf8).write(to: a)
        let transaction = OutputTransaction()
        try transaction.stage(Data(repeating: 7, count: 100_000), for: a.path)
        try transaction.stage(Data("b".utf8), for: b.path)
        let temporaries = pending(folder)
        #expect(temporaries.count == 2)
        #expect(temporaries.allSatisfy { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(".") })
        #expect(temporaries.allSatisfy { $0.contains("nuanxin-\(getpid())-") })
        #expect(OutputTransaction.removePendingTemporaries(under: folder.path) == 2)
        #expect(try names(folder) == ["a.txt"])
        #expect(try Data(contentsOf: a) == Data("old".utf8))
        transaction.abort()
    }

    @Test func sameFileIsFoundWhateverTheSpelling() throws {
        let folder = try makeTemporaryFolder()
        let input = folder.appendingPathComponent("st.geojson")
        try Data("{}".utf8).write(to: input)
        let link = folder.appendingPathComponent("link.geojson")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let hard = folder.appendingPathComponent("hard.geojson")
        try FileManager.default.linkItem(at: input, to: hard)
        let dotted = folder.path + "/./sub/../st.geojson"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for spelling in [input.path, dotted, link.path, hard.path] {
            #expect(throws: SameFileError.self) {
                try OutputTransaction.checkDistinct(outputs: [("--out", spelling)], inputs: [("--stations", input.path)])
            }
        }
        // Two outputs that do not exist yet, spelled differently.
        let new = folder.appendingPathComponent("new.csv").path
        let newDotted = folder.path + "/sub/../new.csv"
        do {
            try OutputTransaction.checkDistinct(outputs: [("--out", new), ("--summary", newDotted)], inputs: [])
            Issue.record("two spellings of one new file passed")
        } catch let error as SameFileError {
            #expect(
                error.description
                    == "--summary: \(newDotted) is the same file as the output --out \(new); each output needs its own file"
            )
        }
        // Different files pass; nil paths are skipped.
        try OutputTransaction.checkDistinct(
            outputs: [("--out", new), ("--summary", nil)], inputs: [("--stations", input.path), ("--districts", nil)])
    }
}
