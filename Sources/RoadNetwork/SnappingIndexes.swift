import Foundation

/// The three segment indexes `SitePlacer` snaps with: every segment, the surface segments only
/// (when the graph has grade-separated ones) and the dropped polylines (when the import dropped
/// any). Building them is O(polyline points) and was the largest part of a small command on a
/// big city, so the graph cache stores them with the graph (`RoadGraph.snappingIndexes`).
public struct SnappingIndexes: Sendable {
    /// Every segment of the graph.
    public let all: SegmentIndex
    /// The surface segments only; nil when the graph has no grade-separated segment.
    public let surface: SegmentIndex?
    /// The dropped polylines (`RoadGraph.droppedPointStart`); nil when none was dropped.
    public let dropped: SegmentIndex?

    /// Builds the three indexes of `graph`.
    /// - Complexity: O(polyline points + grid cells).
    public init(graph: RoadGraph) {
        all = SegmentIndex(graph: graph)
        surface =
            graph.segmentGradeSeparated.contains(true)
            ? SegmentIndex(graph: graph, including: graph.segmentGradeSeparated.map { !$0 }) : nil
        dropped =
            graph.droppedPointStart.count > 1
            ? SegmentIndex(
                pointX: graph.droppedPointX, pointY: graph.droppedPointY, segmentPointStart: graph.droppedPointStart)
            : nil
    }

    init(all: SegmentIndex, surface: SegmentIndex?, dropped: SegmentIndex?) {
        self.all = all
        self.surface = surface
        self.dropped = dropped
    }

    /// Appends the indexes to the graph cache (a presence byte before each optional one; the
    /// surface index shares the vertex arrays of the index of all segments).
    func encode(into out: inout GraphCacheEncoder) {
        all.encode(into: &out)
        out.append(UInt8(surface == nil ? 0 : 1))
        surface?.encode(into: &out, pointArrays: false)
        out.append(UInt8(dropped == nil ? 0 : 1))
        dropped?.encode(into: &out)
    }

    /// The indexes `encode` wrote for `graph`, read by `d` from the mapped cache `file` (their
    /// arrays stay there, read in place).
    /// - Throws: `GraphCacheCorrupt` when they do not fit `graph` (e.g. a surface index for a graph
    ///   without grade-separated segments).
    static func decode(_ d: inout GraphCacheDecoder, in file: MappedFile, graph: RoadGraph) throws -> SnappingIndexes {
        let segments = graph.segmentCount
        let all = try SegmentIndex.decode(&d, in: file, pointX: graph.pointX, pointY: graph.pointY, segmentCount: segments)
        let hasSurface = try d.read(UInt8.self)
        guard hasSurface == (graph.segmentGradeSeparated.contains(true) ? 1 : 0) else { throw GraphCacheCorrupt() }
        let surface =
            hasSurface == 1
            ? try SegmentIndex.decode(
                &d, in: file, pointX: graph.pointX, pointY: graph.pointY, segmentCount: segments, sharing: all)
            : nil
        let hasDropped = try d.read(UInt8.self)
        guard hasDropped == (graph.droppedPointStart.count > 1 ? 1 : 0) else { throw GraphCacheCorrupt() }
        let dropped =
            hasDropped == 1
            ? try SegmentIndex.decode(
                &d, in: file, pointX: graph.droppedPointX, pointY: graph.droppedPointY,
                segmentCount: graph.droppedPointStart.count - 1)
            : nil
        guard d.remaining == 0 else { throw GraphCacheCorrupt() }
        return SnappingIndexes(all: all, surface: surface, dropped: dropped)
    }
}

/// Snapping indexes attached to the graph they were built from, with the arrays they describe.
///
/// `RoadGraph`'s arrays are public `var`s, so a caller may change a graph after the cache attached
/// its indexes. The attachment keeps references to the source arrays: changing one of them in the
/// graph then copies it (copy-on-write), its storage address no longer matches, and the indexes are
/// ignored and rebuilt. Equal addresses mean the very same, unchanged storage.
struct SnappingAttachment: Sendable {
    /// Built indexes, or the cache's snapping section (checked) not decoded yet.
    private enum Content: Sendable {
        case built(SnappingIndexes)
        case stored(MappedFile, Range<Int>)
    }
    private let content: Content
    private let pointX: [Double]
    private let pointY: [Double]
    private let segmentPointStart: [UInt32]
    private let segmentGradeSeparated: [Bool]
    private let droppedPointStart: [UInt32]
    private let droppedPointX: [Double]
    private let droppedPointY: [Double]

    /// `indexes`, built from `graph`.
    init(_ indexes: SnappingIndexes, of graph: RoadGraph) {
        self.init(content: .built(indexes), of: graph)
    }

    /// The snapping section at `range` (checksum checked) of the mapped cache `file` that `graph`
    /// was read from.
    init(stored range: Range<Int>, of file: MappedFile, graph: RoadGraph) {
        self.init(content: .stored(file, range), of: graph)
    }

    /// The indexes of `graph`: the built ones, or the stored section decoded; nil when the section
    /// does not describe indexes of `graph`.
    func indexes(of graph: RoadGraph) -> SnappingIndexes? {
        switch content {
        case .built(let indexes): return indexes
        case .stored(let file, let range):
            var decoder = GraphCacheDecoder(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
            return try? SnappingIndexes.decode(&decoder, in: file, graph: graph)
        }
    }

    private init(content: Content, of graph: RoadGraph) {
        self.content = content
        pointX = graph.pointX
        pointY = graph.pointY
        segmentPointStart = graph.segmentPointStart
        segmentGradeSeparated = graph.segmentGradeSeparated
        droppedPointStart = graph.droppedPointStart
        droppedPointX = graph.droppedPointX
        droppedPointY = graph.droppedPointY
    }

    /// Whether `graph` still holds the very arrays the indexes were built from.
    func describes(_ graph: RoadGraph) -> Bool {
        Self.same(pointX, graph.pointX) && Self.same(pointY, graph.pointY)
            && Self.same(segmentPointStart, graph.segmentPointStart)
            && Self.same(segmentGradeSeparated, graph.segmentGradeSeparated)
            && Self.same(droppedPointStart, graph.droppedPointStart) && Self.same(droppedPointX, graph.droppedPointX)
            && Self.same(droppedPointY, graph.droppedPointY)
    }

    private static func same<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}

extension RoadGraph {
    /// The snapping indexes of the graph: the ones the graph cache stored with it while the graph's
    /// polyline arrays are unchanged (decoded on each call: O(section size) checks, the arrays read in
    /// place from the mapped cache), else
    /// built now (O(polyline points)).
    public var snappingIndexes: SnappingIndexes {
        if let snappingAttachment, snappingAttachment.describes(self), let indexes = snappingAttachment.indexes(of: self) {
            return indexes
        }
        return SnappingIndexes(graph: self)
    }

    /// Keeps `indexes` (built from this graph) with the graph, for `snappingIndexes`.
    mutating func attachSnapping(_ indexes: SnappingIndexes) {
        snappingAttachment = SnappingAttachment(indexes, of: self)
    }
}
