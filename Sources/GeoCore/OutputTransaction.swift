import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a command's set of outputs is refused before any work: an output is the same file as an
/// input or as another output (same device and inode, or the same resolved folder and name when
/// it does not exist yet). A usage error (exit 64 in the CLI).
public struct SameFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The option naming the output, e.g. `--out`.
    public var option: String
    /// The output path as given.
    public var path: String
    /// The option naming the other file, e.g. `--stations`, or empty for a positional argument.
    public var otherOption: String
    /// The other path as given.
    public var otherPath: String
    /// Whether the other file is an input (else another output).
    public var otherIsInput: Bool

    /// Creates the error.
    public init(option: String, path: String, otherOption: String, otherPath: String, otherIsInput: Bool) {
        self.option = option
        self.path = path
        self.otherOption = otherOption
        self.otherPath = otherPath
        self.otherIsInput = otherIsInput
    }

    /// `--out: st.geojson is the same file as the input --stations st.geojson; …`, ending with
    /// `advice` (the command line adds an example option).
    public var description: String {
        "\(clash); \(advice)"
    }

    /// `--out: st.geojson is the same file as the input --stations st.geojson`: the clash alone.
    public var clash: String {
        let label = otherOption.isEmpty ? "" : "\(otherOption) "
        let other = otherIsInput ? "the input \(label)\(otherPath)" : "the output \(label)\(otherPath)"
        return "\(option): \(path) is the same file as \(other)"
    }

    /// What to do, in words that name no command-line option.
    public var advice: String {
        otherIsInput ? "writing it would destroy the input; write the output to another file" : "each output needs its own file"
    }
}

/// Writes all the output files of one command run as a set, all or nothing.
///
/// Every output is first written (`stage`) to a hidden temporary file beside its target,
/// `.<name>.nuanxin-<pid>-XXXXXX`, flushed with `fsync`. `commit()` renames them over their targets
/// only when every one is complete (keeping backups until the set is through, so a failing rename or
/// a failing `commit(before:)` last step puts every target back); any failure, `abort()`, or a SIGINT/SIGTERM (after
/// `installSignalHandlers()`) removes every temporary, so every pre-existing output stays
/// byte-identical and no temporary remains. A signal that arrives during the renames of `commit()`
/// is honoured right after them, so the outputs are either all old or all new.
/// The temporary paths are kept in a preallocated C buffer so that the signal handler does only
/// async-signal-safe work (`unlink`, `_exit`). Exit status on a signal: 128 + signal (130, 143).
public final class OutputTransaction {
    /// A staged file: its target and its temporary.
    private struct Staged {
        /// The file the temporary replaces at commit; nil for a name reservation removed at commit.
        var target: String?
        var temporary: String
        var slot: Int
    }

    private var staged: [Staged] = []
    private var finished = false

    /// Creates an empty transaction.
    public init() {}

    deinit { abort() }

    // MARK: same-file check

    /// Refuses outputs that resolve to the same file as an input or as another output.
    ///
    /// Existing files are compared by device and inode (`stat`, following symbolic links); an output
    /// that does not exist yet by its resolved folder (symbolic links followed) and name. Nil paths
    /// are skipped. Inputs that do not exist are ignored here (reading them fails later).
    /// - Throws: `SameFileError` for the first clash, outputs in order.
    /// - Complexity: O((inputs + outputs)²) `stat` calls.
    public static func checkDistinct(outputs: [(option: String, path: String?)], inputs: [(option: String, path: String?)]) throws {
        let inputKeys = inputs.compactMap { entry in entry.path.flatMap { path in fileKey(path).map { (entry.option, path, $0) } } }
        var outputKeys: [(String, String, FileKey)] = []
        for entry in outputs {
            guard let path = entry.path, let key = fileKey(path) else { continue }
            if let clash = inputKeys.first(where: { $0.2 == key }) {
                throw SameFileError(option: entry.option, path: path, otherOption: clash.0, otherPath: clash.1, otherIsInput: true)
            }
            if let clash = outputKeys.first(where: { $0.2 == key }) {
                throw SameFileError(option: entry.option, path: path, otherOption: clash.0, otherPath: clash.1, otherIsInput: false)
            }
            outputKeys.append((entry.option, path, key))
        }
    }

    /// Identity of a file: device and inode when it exists, else resolved folder and name.
    enum FileKey: Hashable {
        case inode(UInt64, UInt64)
        case name(String)
    }

    static func fileKey(_ path: String) -> FileKey? {
        var info = stat()
        if stat(path, &info) == 0 { return .inode(UInt64(info.st_dev), UInt64(info.st_ino)) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var folderInfo = stat()
        if stat(folder, &folderInfo) == 0 {
            return .name("\(folderInfo.st_dev):\(folderInfo.st_ino)/\(url.lastPathComponent)")
        }
        return .name(url.standardizedFileURL.resolvingSymlinksInPath().path)
    }

    // MARK: staging and commit

    /// Writes `data` to a new temporary file beside `path` (same folder), mode 0644, flushed to disk.
    /// - Throws: `AtomicFileError` naming `path` (missing folder, no permission, disk full…);
    ///   on a failure the whole transaction is aborted (every temporary removed).
    /// - Complexity: O(data.count).
    public func stage(_ data: Data, for path: String) throws {
        precondition(!finished, "stage after commit or abort")
        do {
            try stageOne(data, for: path)
        } catch {
            abort()
            throw error
        }
    }

    private func stageOne(_ data: Data, for path: String) throws {
        let target = URL(fileURLWithPath: path)
        let parent = (path as NSString).deletingLastPathComponent  // as given, for messages and the temporary
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw AtomicFileError(path: path, reason: "it is a folder; give a file name")
        }
        var template = Array((folder + "/." + target.lastPathComponent + ".nuanxin-\(getpid())-XXXXXX").utf8CString)
        // Create and register the temporary with the signals blocked on this thread, and the
        // registry marked busy, so that no handler can miss it.
        let (fd, slot, reason): (Int32, Int, String?) = SignalCleanup.critical {
            let fd = mkstemp(&template)
            guard fd >= 0 else { return (fd, -1, String(cString: strerror(errno))) }
            let slot = SignalCleanup.register(template)
            return (fd, slot, nil)
        }
        guard fd >= 0 else {
            throw AtomicFileError(path: path, reason: "cannot create a temporary file in \(folder): \(reason ?? "")")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        staged.append(Staged(target: path, temporary: temporary, slot: slot))
        var closed = false
        defer { if !closed { close(fd) } }
        try Self.writeAll(data, to: fd, path: path)
        guard fchmod(fd, 0o644) == 0, fsync(fd) == 0 else {
            throw AtomicFileError(path: path, reason: String(cString: strerror(errno)))
        }
        closed = true
        guard close(fd) == 0 else { throw AtomicFileError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Reserves temporary paths for a set of files another writer creates (e.g. GDAL writing a
    /// Shapefile's `.shp .shx .dbf .prj .cpg`): one unique stem `.<name>.nuanxin-<pid>-XXXXXX` in the
    /// folder of the first target, and per target that stem plus the target's extension, in order.
    /// The paths do not exist yet; the writer creates them. `commit()` renames them over their
    /// targets together with the other staged files (after checking that every one exists), and a
    /// failure, `abort()` or SIGINT/SIGTERM removes them.
    /// - Precondition: every target is in the same folder and has a distinct extension.
    /// - Throws: `AtomicFileError` when no temporary can be created in the folder (the transaction is
    ///   then aborted).
    public func reserve(_ targets: [String]) throws -> [String] {
        precondition(!finished, "reserve after commit or abort")
        guard let first = targets.first else { return [] }
        let parent = (first as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let stem = (URL(fileURLWithPath: first).lastPathComponent as NSString).deletingPathExtension
        var template = Array((folder + "/." + stem + ".nuanxin-\(getpid())-XXXXXX").utf8CString)
        let (fd, slot, reason): (Int32, Int, String?) = SignalCleanup.critical {
            let fd = mkstemp(&template)
            guard fd >= 0 else { return (fd, -1, String(cString: strerror(errno))) }
            return (fd, SignalCleanup.register(template), nil)
        }
        guard fd >= 0 else {
            abort()
            throw AtomicFileError(path: first, reason: "cannot create a temporary file in \(folder): \(reason ?? "")")
        }
        close(fd)
        let marker = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        staged.append(Staged(target: nil, temporary: marker, slot: slot))
        return targets.map { target in
            let temporary = marker + "." + URL(fileURLWithPath: target).pathExtension
            let slot = SignalCleanup.critical { SignalCleanup.register(Array(temporary.utf8CString)) }
            staged.append(Staged(target: target, temporary: temporary, slot: slot))
            return temporary
        }
    }

    /// Renames every staged temporary over its target, as one set.
    ///
    /// A SIGINT/SIGTERM during the renames is held until they are done. Each existing target is
    /// first kept as a hidden backup (a hard link, or a copy where the file system has none), so
    /// that a rename failing half-way puts back the targets already replaced.
    /// - Throws: `AtomicFileError` when a backup or a rename fails (only possible when the folder
    ///   changed since staging); every target then has its old content and no temporary remains.
    public func commit() throws {
        try commit(before: {})
    }

    /// Renames every staged temporary over its target, then runs `lastStep` (e.g. a database
    /// commit, as `OutputSet` does); when `lastStep` throws, puts every target back as it was
    /// (the replaced file restored from its backup, a new file removed) and rethrows.
    ///
    /// SIGINT/SIGTERM are held from the first rename until the backups are removed or restored,
    /// so a signal cannot leave half a set; `lastStep` must not stage, commit or abort this
    /// transaction. What remains outside this rule: `lastStep` succeeding on its side but throwing
    /// (a database that committed and then lost the connection), a restoring rename failing (the
    /// error names the backup that holds the old content), and a crash (SIGKILL, power loss)
    /// between the renames and the end, which can leave new files and hidden backups.
    /// - Throws: `AtomicFileError` from a backup or rename (then `lastStep` is not run), or the
    ///   error of `lastStep`; in both cases every target has its old content and no temporary remains.
    public func commit(before lastStep: () throws -> Void) throws {
        precondition(!finished, "commit twice")
        if let missing = staged.first(where: { $0.target != nil && access($0.temporary, F_OK) != 0 }) {
            abort()
            throw AtomicFileError(path: missing.target!, reason: "the writer did not produce the file")
        }
        let files = staged
        staged = []
        finished = true
        try SignalCleanup.critical {
            defer { for file in files { SignalCleanup.unregister(file.slot) } }
            for file in files where file.target == nil { unlink(file.temporary) }
            let targets = files.compactMap { file in file.target.map { (target: $0, temporary: file.temporary) } }
            // Backups of the targets that exist, beside them: `<temporary>.old`.
            var backups: [String?] = []
            for file in targets {
                do {
                    backups.append(try Self.backUp(file.target, to: file.temporary + ".old"))
                } catch {
                    for backup in backups.compactMap({ $0 }) { unlink(backup) }
                    for rest in targets { unlink(rest.temporary) }
                    throw error
                }
            }
            var renamed = 0
            var failure: Error?
            for file in targets {
                if rename(file.temporary, file.target) != 0 {
                    failure = AtomicFileError(path: file.target, reason: "cannot replace the file: \(String(cString: strerror(errno)))")
                    break
                }
                renamed += 1
            }
            if failure == nil {
                do { try lastStep() } catch { failure = error }
            }
            guard let failure else {
                for backup in backups.compactMap({ $0 }) { unlink(backup) }
                return
            }
            for rest in targets[renamed...] { unlink(rest.temporary) }
            var unrestored: [String] = []
            for (file, backup) in zip(targets, backups).prefix(renamed) {
                if let backup {
                    if rename(backup, file.target) != 0 { unrestored.append("\(file.target) (old content in \(backup))") }
                } else {
                    unlink(file.target)
                }
            }
            for backup in backups[renamed...].compactMap({ $0 }) { unlink(backup) }
            guard unrestored.isEmpty else {
                throw AtomicFileError(
                    path: targets[0].target,
                    reason: "\(failure); and could not put back \(unrestored.joined(separator: ", "))")
            }
            throw failure
        }
    }

    /// Keeps the current file at `target` as `backup` (a hard link, else a copy), or returns nil
    /// when there is no file at `target`.
    /// - Throws: `AtomicFileError` when the file exists but cannot be kept.
    private static func backUp(_ target: String, to backup: String) throws -> String? {
        var info = stat()
        guard lstat(target, &info) == 0 else { return nil }
        if link(target, backup) == 0 { return backup }
        let reason = String(cString: strerror(errno))
        if (info.st_mode & S_IFMT) == S_IFREG, (try? FileManager.default.copyItem(atPath: target, toPath: backup)) != nil {
            return backup
        }
        throw AtomicFileError(path: target, reason: "cannot keep the old file while replacing it: \(reason)")
    }

    /// Removes every staged temporary; the targets are untouched. Safe to call twice.
    public func abort() {
        SignalCleanup.critical {
            for file in staged {
                unlink(file.temporary)
                SignalCleanup.unregister(file.slot)
            }
        }
        staged = []
        finished = true
    }

    /// Stages every `(data, path)` in order and commits them together.
    /// - Throws: the first `AtomicFileError`; then no target was changed and no temporary remains.
    public static func writeAll(_ files: [(data: Data, path: String)]) throws {
        let transaction = OutputTransaction()
        for file in files { try transaction.stage(file.data, for: file.path) }
        try transaction.commit()
    }

    /// Installs handlers for SIGINT and SIGTERM that remove every staged temporary and exit with
    /// 128 + the signal (130, 143). Call once, early in `main`.
    public static func installSignalHandlers() {
        SignalCleanup.install()
    }

    /// The temporaries currently staged in this process (for tests).
    public static var pendingTemporaries: [String] { SignalCleanup.registered() }

    /// What the signal handler does, without exiting: removes every registered temporary (only those
    /// under `folder` when given, so that tests running in parallel do not disturb each other).
    /// Returns how many were removed. For tests.
    @discardableResult
    public static func removePendingTemporaries(under folder: String? = nil) -> Int {
        guard let folder else { return Int(SignalCleanup.unlinkAll()) }
        return SignalCleanup.critical {
            var removed = 0
            for slot in 0..<SignalCleanup.slotCount where SignalCleanup.buffer[slot * SignalCleanup.slotSize] != 0 {
                let path = String(cString: SignalCleanup.buffer + slot * SignalCleanup.slotSize)
                guard path.hasPrefix(folder + "/") else { continue }
                if unlink(path) == 0 { removed += 1 }
                SignalCleanup.unregister(slot)
            }
            return removed
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFileError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

/// The registry of temporaries for the signal handler: a preallocated buffer of `slotCount` slots of
/// `slotSize` bytes; a slot is in use when its first byte is not 0 (written last).
enum SignalCleanup {
    static let slotCount = 64
    static let slotSize = 4096
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        pointer.initialize(repeating: 0, count: slotCount * slotSize)
        return pointer
    }()
    /// Nonzero while the registry or the renames of a commit are in progress; a signal then only
    /// records itself in `pending`.
    nonisolated(unsafe) static let state: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        pointer.initialize(repeating: 0, count: 2)
        return pointer
    }()
    private static let lock = NSLock()

    static func install() {
        _ = buffer
        _ = state
        signal(SIGINT, signalHandler)
        signal(SIGTERM, signalHandler)
    }

    /// Runs `body` with SIGINT/SIGTERM blocked on this thread and the busy flag set (handlers on other
    /// threads defer); a signal that arrived meanwhile is honoured afterwards.
    static func critical<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGINT)
        sigaddset(&block, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        state[0] = 1
        defer {
            state[0] = 0
            let pending = state[1]
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            lock.unlock()
            if pending != 0 {
                unlinkAll()
                _exit(128 + pending)
            }
        }
        return try body()
    }

    /// Copies `path` (NUL-terminated) into a free slot; returns the slot, or -1 when all are taken
    /// (the temporary is then still removed by `abort`, just not by a signal).
    static func register(_ path: [CChar]) -> Int {
        guard path.count <= slotSize else { return -1 }
        for slot in 0..<slotCount where buffer[slot * slotSize] == 0 {
            let base = buffer + slot * slotSize
            for index in 1..<path.count { base[index] = path[index] }
            base[0] = path[0]
            return slot
        }
        return -1
    }

    static func unregister(_ slot: Int) {
        guard slot >= 0 else { return }
        buffer[slot * slotSize] = 0
    }

    static func registered() -> [String] {
        (0..<slotCount).compactMap { slot in
            buffer[slot * slotSize] == 0 ? nil : String(cString: buffer + slot * slotSize)
        }
    }

    /// Unlinks every registered temporary and frees its slot. Async-signal-safe.
    @discardableResult
    static func unlinkAll() -> Int32 {
        var removed: Int32 = 0
        for slot in 0..<slotCount where buffer[slot * slotSize] != 0 {
            if unlink(buffer + slot * slotSize) == 0 { removed += 1 }
            buffer[slot * slotSize] = 0
        }
        return removed
    }
}

/// SIGINT/SIGTERM: remove the temporaries and exit 128 + signal; during a critical section only
/// record the signal (the section honours it when it ends).
private func signalHandler(_ signal: Int32) {
    if SignalCleanup.state[0] != 0 {
        SignalCleanup.state[1] = signal
        return
    }
    SignalCleanup.unlinkAll()
    _exit(128 + signal)
}
