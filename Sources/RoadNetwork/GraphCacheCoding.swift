import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Appends values and whole arrays to a byte buffer as their raw memory
/// (native byte order), for the binary graph cache.
struct GraphCacheEncoder {
    /// The bytes written so far.
    private(set) var data = Data()

    /// Appends one value's bytes.
    mutating func append<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { data.append(contentsOf: $0) }
    }

    /// Appends the element count (UInt64), then the elements' bytes.
    mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// Appends the element count (UInt64), then the elements' bytes, like `append(array:)`.
    mutating func append<T: BitwiseCopyable>(flat array: FlatArray<T>) {
        append(UInt64(array.count))
        array.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// Appends a string as its UTF-8 byte count and bytes.
    mutating func append(_ string: String) {
        append(array: Array(string.utf8))
    }
}

/// The cache file ended early or held a value out of range.
struct GraphCacheCorrupt: Error {}

/// Reads what `GraphCacheEncoder` wrote, checking every length against the
/// bytes left, so a damaged file throws `GraphCacheCorrupt` instead of crashing.
struct GraphCacheDecoder {
    private let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// The unread bytes.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }

    mutating func read<T: BitwiseCopyable>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard size <= remaining else { throw GraphCacheCorrupt() }
        defer { offset += size }
        return bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
    }

    mutating func readArray<T: BitwiseCopyable>(_: T.Type) throws -> [T] {
        let count = try read(UInt64.self)
        let stride = MemoryLayout<T>.stride
        guard count <= UInt64(remaining / stride) else { throw GraphCacheCorrupt() }
        let n = Int(count)
        let array = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            prepareForCopy(UnsafeMutableRawBufferPointer(buffer))
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n * stride)]))
            initialized = n
        }
        offset += n * stride
        return array
    }

    /// Reads an array `append(array:)` wrote without copying it: the result reads the bytes in
    /// place in `file`, which must be the mapping the decoder's bytes lie in.
    mutating func readFlatArray<T: BitwiseCopyable>(_: T.Type, in file: MappedFile) throws -> FlatArray<T> {
        let count = try read(UInt64.self)
        let stride = MemoryLayout<T>.stride
        guard count <= UInt64(remaining / stride), let start = bytes.baseAddress, let fileStart = file.bytes.baseAddress,
            start >= fileStart, start + bytes.count <= fileStart + file.bytes.count
        else { throw GraphCacheCorrupt() }
        let n = Int(count)
        defer { offset += n * stride }
        return FlatArray(file: file, offset: (start - fileStart) + offset, count: n)
    }

    /// Reads a `[Bool]` written as raw bytes, accepting only 0 and 1.
    /// The bytes, once checked, are copied as they are: a `Bool` is stored as one byte, 0 or 1.
    mutating func readBools() throws -> [Bool] {
        let count = try read(UInt64.self)
        guard count <= UInt64(remaining) else { throw GraphCacheCorrupt() }
        let n = Int(count)
        let raw = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
        guard raw.allSatisfy({ $0 <= 1 }) else { throw GraphCacheCorrupt() }
        offset += n
        return [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
            prepareForCopy(UnsafeMutableRawBufferPointer(buffer))
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            initialized = n
        }
    }

    /// Skips a string written as its UTF-8 byte count and bytes.
    mutating func skipString() throws {
        let count = try read(UInt64.self)
        guard count <= UInt64(remaining) else { throw GraphCacheCorrupt() }
        offset += Int(count)
    }

    /// The UTF-8 bytes of the string at the read position, not consumed (empty when the length
    /// does not fit; `skipString` then throws).
    func peekString() -> UnsafeRawBufferPointer {
        guard remaining >= 8 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let count = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        guard count <= UInt64(remaining - 8) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: bytes[(offset + 8)..<(offset + 8 + Int(count))])
    }

    /// Reads a string written as its UTF-8 byte count and bytes, decoded straight from the buffer
    /// (no intermediate array: a cache holds tens of thousands of POI strings).
    mutating func readString() throws -> String {
        let count = try read(UInt64.self)
        guard count <= UInt64(remaining) else { throw GraphCacheCorrupt() }
        let n = Int(count)
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }
}

/// A 64-bit checksum of a byte buffer: FNV-1a over 8-byte words in four
/// interleaved lanes (word i goes to lane i mod 4, so the four multiply chains
/// run in parallel), then the tail bytes and the length, then the lanes
/// combined with a final mix. Each step is a bijection of its lane's state, so
/// changing any single word always changes that lane (cache format 3; format 2
/// used one lane).
/// - Complexity: O(n).
func graphCacheChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01b3
    let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    var lanes = (basis, basis ^ 1, basis ^ 2, basis ^ 3)
    let words = bytes.count / 8
    let blocks = words / 4
    for b in 0..<blocks {
        let at = b * 32
        lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime
        lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
        lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
        lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
    }
    var h = lanes.0
    for i in (blocks * 4)..<words { h = (h ^ bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime }
    for i in (words * 8)..<bytes.count { h = (h ^ UInt64(bytes[i])) &* prime }
    for lane in [lanes.1, lanes.2, lanes.3] { h = (h ^ lane) &* prime }
    h = (h ^ UInt64(bytes.count)) &* prime
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
}

/// Gets a freshly allocated `buffer` ready to be filled by a copy: its 2 MiB-aligned interior is
/// marked for transparent huge pages (`MADV_HUGEPAGE`) and its pages are faulted in by one call
/// (`MADV_POPULATE_WRITE`, Linux 5.14) instead of one page fault per 4 KiB during the copy. The
/// faults were a third of loading the cache of a 1M-inhabitant city. Both are hints: buffers
/// under 64 KiB, other systems and kernels that refuse are left alone.
func prepareForCopy(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
        let page = 4096
        let huge = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 16 * page else { return }
        func advise(alignment: Int, _ advice: Int32) {
            let start = (Int(bitPattern: base) + alignment - 1) & ~(alignment - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(alignment - 1)
            guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, end - start, advice)
        }
        advise(alignment: huge, MADV_HUGEPAGE)
        advise(alignment: page, 23)  // MADV_POPULATE_WRITE, not in every libc's headers
    #endif
}
