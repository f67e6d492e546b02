import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A graph cache file mapped read-only into memory, unmapped when the last reference goes.
///
/// The snapping indexes and the points of interest of a cache are read straight from the
/// mapping (`FlatArray`, `LoadedNetwork.pois`) instead of being copied at load: a command that
/// does not snap points or read POIs never touches those bytes again after the checksum.
/// The cache is always replaced by an atomic rename, never rewritten in place, so the mapped
/// bytes stay those that were checked.
final class MappedFile: @unchecked Sendable {
    /// The whole file; valid while the object lives.
    let bytes: UnsafeRawBufferPointer

    /// The file at `path` mapped with its pages read in at once (`MAP_POPULATE`: one pass in the
    /// kernel instead of a page fault per 4 KiB), or nil when it cannot be opened, is empty or
    /// cannot be mapped.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}

/// A read-only array of plain values that lives either in memory of its own or inside a mapped
/// graph cache file (`MappedFile`), where it is read in place, without a copy.
///
/// Elements are read with unaligned loads: arrays in the cache file sit at any byte offset.
/// Subscripts are bounds-checked like `Array`'s.
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps the bytes alive: the mapping, or the owned copy.
    private let owner: AnyObject
    private let base: UnsafeRawPointer?
    /// Number of elements.
    let count: Int

    /// A copy of `array` in memory of its own.
    init(_ array: [Element]) {
        let storage = FlatStorage(byteCount: array.count * MemoryLayout<Element>.stride)
        array.withUnsafeBytes { storage.bytes.copyMemory(from: $0) }
        owner = storage
        base = UnsafeRawPointer(storage.bytes.baseAddress)
        count = array.count
    }

    /// The `count` elements at byte `offset` of `file` (the caller checked they lie inside it).
    init(file: MappedFile, offset: Int, count: Int) {
        precondition(offset >= 0 && count >= 0 && offset + count * MemoryLayout<Element>.stride <= file.bytes.count)
        owner = file
        base = file.bytes.baseAddress.map { $0 + offset }
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "FlatArray index out of range")
        return base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: position * MemoryLayout<Element>.stride, as: Element.self)
    }

    /// Whether every element satisfies `predicate` (a plain loop over the bytes: the cache
    /// checks run it over millions of elements).
    func allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
        guard let base else { return true }
        for i in 0..<count where try !predicate(base.loadUnaligned(fromByteOffset: i * MemoryLayout<Element>.stride, as: Element.self)) {
            return false
        }
        return true
    }

    /// The elements' raw bytes, for the cache writer.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride))
    }
}

/// Memory of its own for a `FlatArray`, freed with the last reference.
private final class FlatStorage {
    let bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 16)
    }

    deinit { bytes.deallocate() }
}
