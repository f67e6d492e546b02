import Foundation
import GeoCore
import Testing

@testable import RoadNetwork

/// The binary cache: used when intact and current, rebuilt otherwise.
@Suite struct CacheTests {
    private func expectSameNetwork(
        _ a: LoadedNetwork, _ b: LoadedNetwork, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectSameRoadGraph(a.graph, b.graph, sourceLocation: sourceLocation)
        #expect(a.pois == b.pois, sourceLocation: sourceLocation)
        var (sa, sb) = (a.stats, b.stats)
        if !b.stats.fromCache { (sa.importSeconds, sb.importSeconds) = (0, 0) }  // a rebuild times itself anew
        (sa.loadSeconds, sb.loadSeconds, sa.fromCache, sb.fromCache) = (0, 0, false, false)
        #expect(sa == sb, sourceLocation: sourceLocation)
    }

    @Test func secondLoadComesFromTheCacheBesideTheInputAndEqualsTheFirst() throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input, profile: .ebike)
        #expect(!first.stats.fromCache)
        #expect(FileManager.default.fileExists(atPath: input + ".ebike.nxcache"))
        let second = try NetworkLoader.load(path: input, profile: .ebike)
        #expect(second.stats.fromCache)
        expectSameNetwork(first, second)
        // The other profile has its own file.
        let walk = try NetworkLoader.load(path: input, profile: .walk)
        #expect(!walk.stats.fromCache && walk.graph.profile == .walk)
        #expect(FileManager.default.fileExists(atPath: input + ".walk.nxcache"))
    }

    @Test func realCityRoundTripsThroughTheCache() throws {
        let source = try #require(OSMFixture.realData("chengdu-center.osm.pbf"))
        let cache = try OSMFixture.temporaryFolder()
        let first = try NetworkLoader.load(path: source, profile: .ebike, cacheDirectory: cache)
        let second = try NetworkLoader.load(path: source, profile: .ebike, cacheDirectory: cache)
        #expect(!first.stats.fromCache && second.stats.fromCache)
        #expect(FileManager.default.fileExists(atPath: cache + "/chengdu-center.osm.pbf.ebike.nxcache"))
        expectSameNetwork(first, second)
        print("chengdu-center ebike: import \(first.stats.loadSeconds) s, cached load \(second.stats.loadSeconds) s")
    }

    /// Byte offsets to damage: the magic, the format version, the input
    /// size, the checksum area, the middle of the payload and the last byte.
    @Test(arguments: [0, 8, 16, 45, -2, -1])
    func flippedByteIsRebuilt(offsetSpec: Int) throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input)
        let cachePath = input + ".ebike.nxcache"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        let offset = offsetSpec >= 0 ? offsetSpec : (offsetSpec == -1 ? bytes.count - 1 : bytes.count / 2)
        bytes[offset] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        let rebuilt = try NetworkLoader.load(path: input)
        #expect(!rebuilt.stats.fromCache)
        expectSameNetwork(first, rebuilt)
        #expect(try NetworkLoader.load(path: input).stats.fromCache)  // rewritten intact
    }

    /// A cache of format 2 (no snapping indexes, one-lane checksum) reads as no cache: the network
    /// is imported again and the cache rewritten in the current format.
    @Test func cacheOfTheOldFormatVersionIsRebuilt() throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input)
        let cachePath = input + ".ebike.nxcache"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        #expect(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self) } == 3)
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(2), toByteOffset: 8, as: UInt32.self) }
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        let rebuilt = try NetworkLoader.load(path: input)
        #expect(!rebuilt.stats.fromCache)
        expectSameNetwork(first, rebuilt)
        let rewritten = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        #expect(rewritten.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self) } == 3)
        #expect(try NetworkLoader.load(path: input).stats.fromCache)
    }

    /// The snapping indexes come back from the cache attached to the graph and snap every point of
    /// a grid over the network exactly like indexes built afresh; changing the graph's polylines
    /// detaches them.
    @Test func cachedSnappingIndexesSnapLikeFreshOnes() throws {
        let input = try OSMFixture.copy("river.osm")
        _ = try NetworkLoader.load(path: input)
        let cached = try NetworkLoader.load(path: input)
        #expect(cached.stats.fromCache)
        let attachment = try #require(cached.graph.snappingAttachment)
        #expect(attachment.describes(cached.graph))
        let stored = try #require(attachment.indexes(of: cached.graph))
        let fresh = SnappingIndexes(graph: cached.graph)
        let xs = cached.graph.pointX
        let ys = cached.graph.pointY
        let (minX, maxX, minY, maxY) = (xs.min()! - 50, xs.max()! + 50, ys.min()! - 50, ys.max()! + 50)
        for i in 0...20 {
            for j in 0...20 {
                let p = PlanarPoint(x: minX + (maxX - minX) * Double(i) / 20, y: minY + (maxY - minY) * Double(j) / 20)
                #expect(stored.all.nearest(to: p) == fresh.all.nearest(to: p))
                #expect(stored.surface?.nearest(to: p) == fresh.surface?.nearest(to: p))
                #expect(stored.dropped?.nearest(to: p) == fresh.dropped?.nearest(to: p))
            }
        }
        var moved = cached.graph
        moved.pointX[0] += 1
        #expect(!attachment.describes(moved))
        #expect(attachment.describes(cached.graph))
    }

    @Test(arguments: [0, 7, 60, 500])
    func truncatedCacheIsRebuilt(keptBytes: Int) throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input)
        let cachePath = input + ".ebike.nxcache"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        #expect(bytes.count > keptBytes)
        try bytes.prefix(keptBytes).write(to: URL(fileURLWithPath: cachePath))
        let rebuilt = try NetworkLoader.load(path: input)
        #expect(!rebuilt.stats.fromCache)
        expectSameNetwork(first, rebuilt)
    }

    @Test func changedInputInvalidatesTheCache() throws {
        let input = try OSMFixture.copy("river.osm")
        _ = try NetworkLoader.load(path: input)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date)
        try FileManager.default.setAttributes([.modificationDate: modified.addingTimeInterval(60)], ofItemAtPath: input)
        #expect(try !NetworkLoader.load(path: input).stats.fromCache)
        #expect(try NetworkLoader.load(path: input).stats.fromCache)

        // New content of another size: the bridge is gone, so is the cache.
        try FileManager.default.removeItem(atPath: input)
        try FileManager.default.copyItem(atPath: OSMFixture.path("river-no-bridge.osm"), toPath: input)
        let changed = try NetworkLoader.load(path: input)
        #expect(!changed.stats.fromCache)
        #expect(changed.stats.components == 2)
    }

    @Test func cacheFolderIsCreatedAndUsed() throws {
        let input = try OSMFixture.copy("oneway.osm")
        let folder = try OSMFixture.temporaryFolder() + "/nested/cache"
        _ = try NetworkLoader.load(path: input, profile: .walk, cacheDirectory: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/oneway.osm.walk.nxcache"))
        #expect(!FileManager.default.fileExists(atPath: input + ".walk.nxcache"))
        #expect(try NetworkLoader.load(path: input, profile: .walk, cacheDirectory: folder).stats.fromCache)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// The POI list is checked at load although it is decoded only on first use: a POI of an
    /// unknown kind under a checksum that matches (a file this version did not write) reads as no
    /// cache and is rebuilt, instead of failing later when the POIs are read.
    @Test func unknownPOIKindUnderAMatchingChecksumIsRebuilt() throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input)
        #expect(first.pois.contains { $0.kind == .pharmacy })
        let cachePath = input + ".ebike.nxcache"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        // Header: magic, format, byte-order mark, input size, input time, "ebike" (8 + 5 bytes),
        // then payload length at 45, payload checksum at 53, the snapping section's at 61 and 69.
        let payloadLength = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 45, as: UInt64.self)) }
        var kind = Data()
        withUnsafeBytes(of: UInt64(8)) { kind.append(contentsOf: $0) }
        kind.append(contentsOf: Array("pharmacy".utf8))
        let at = try #require(bytes.range(of: kind)).upperBound - 1  // the kind comes before the tags
        bytes[at] = UInt8(ascii: "z")
        let checksum = bytes.withUnsafeBytes { graphCacheChecksum(UnsafeRawBufferPointer(rebasing: $0[77..<(77 + payloadLength)])) }
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: checksum, toByteOffset: 53, as: UInt64.self) }
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        let rebuilt = try NetworkLoader.load(path: input)
        #expect(!rebuilt.stats.fromCache)
        expectSameNetwork(first, rebuilt)
    }

    /// POIs read lazily from the cache keep value semantics: replacing them in one copy of the
    /// network leaves the other copy's list alone.
    @Test func lazilyReadPOIsAreValues() throws {
        let input = try OSMFixture.copy("river.osm")
        let first = try NetworkLoader.load(path: input)
        let cached = try NetworkLoader.load(path: input)
        #expect(cached.stats.fromCache)
        var copy = cached
        copy.pois = []
        #expect(copy.pois.isEmpty)
        #expect(cached.pois == first.pois && !cached.pois.isEmpty)
    }

    /// The snapping indexes read in place from the mapped cache stay usable after the network they
    /// came with is gone (they keep the mapping alive) and snap like indexes built afresh.
    @Test func mappedSnappingIndexesOutliveTheirNetwork() throws {
        let input = try OSMFixture.copy("river.osm")
        let graph = try NetworkLoader.load(path: input).graph
        let indexes = try { () throws -> SnappingIndexes in
            let cached = try NetworkLoader.load(path: input)
            #expect(cached.stats.fromCache)
            return cached.graph.snappingIndexes
        }()
        let fresh = SnappingIndexes(graph: graph)
        for k in stride(from: 0, to: graph.pointX.count, by: 3) {
            let p = PlanarPoint(x: graph.pointX[k] + 7, y: graph.pointY[k] - 4)
            #expect(indexes.all.nearest(to: p) == fresh.all.nearest(to: p))
        }
    }

    /// A `FlatArray` reads values at any byte offset of a mapped file (unaligned), like the array
    /// they were written from, and writes the same cache bytes as that array.
    @Test func flatArrayReadsUnalignedValuesInPlace() throws {
        let values: [Double] = [1.5, -2.25, 1e300]
        var file = Data([0xAB])  // one byte first: the doubles sit at offset 1
        values.withUnsafeBytes { file.append(contentsOf: $0) }
        let path = try OSMFixture.temporaryFolder() + "/flat.bin"
        try file.write(to: URL(fileURLWithPath: path))
        let mapped = try #require(MappedFile(path: path))
        let flat = FlatArray<Double>(file: mapped, offset: 1, count: 3)
        #expect(Array(flat) == values)
        #expect(flat.allSatisfy { $0 != 0 } && !flat.allSatisfy { $0 > 0 })
        #expect(Array(FlatArray(values)) == values)
        var fromFlat = GraphCacheEncoder()
        fromFlat.append(flat: flat)
        var fromArray = GraphCacheEncoder()
        fromArray.append(array: values)
        #expect(fromFlat.data == fromArray.data)
    }
}
