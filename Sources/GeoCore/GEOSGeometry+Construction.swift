import CGEOS

// Ownership: GEOS's constructors (`createLineString_r`, `createLinearRing_r`,
// `createPolygon_r`, `createCollection_r`) take ownership of the coordinate
// sequence or parts handed to them, on success and on failure alike (GEOS ≥ 3.8,
// trac #1111). So a part is destroyed here only while it has not been handed on.

extension GEOSGeometry {
    /// A point.
    /// - Throws: `GEOSError` (`.invalidInput`) for a non-finite coordinate, or with GEOS's message.
    public convenience init(point: PlanarPoint, in context: GEOSContext) throws {
        try GEOSConstruction.requireFinite([point], operation: "point")
        let pointer = try context.make("point") { GEOSGeom_createPointFromXY_r($0, point.x, point.y) }
        self.init(owning: pointer, in: context)
    }

    /// A linestring through `points` (at least two, or GEOS refuses it).
    /// - Throws: `GEOSError` (`.invalidInput`) for a non-finite coordinate, or with GEOS's message.
    /// - Complexity: O(n).
    public convenience init(lineString points: [PlanarPoint], in context: GEOSContext) throws {
        let pointer = try GEOSConstruction.lineString(points, in: context, operation: "lineString")
        self.init(owning: pointer, in: context)
    }

    /// A MultiLineString with one linestring per element of `lines`.
    /// - Throws: `GEOSError` naming the offending line index.
    /// - Complexity: O(n) in the total number of points.
    public convenience init(multiLineString lines: [[PlanarPoint]], in context: GEOSContext) throws {
        let pointer = try GEOSConstruction.collection(.multiLineString, of: lines, in: context) { index, line in
            try GEOSConstruction.lineString(line, in: context, operation: "multiLineString line \(index)")
        }
        self.init(owning: pointer, in: context)
    }

    /// A polygon. Open rings are closed; holes are not checked for validity (see `validity()`).
    /// - Throws: `GEOSError` naming the offending ring, e.g. a ring with fewer than 3 distinct points.
    /// - Complexity: O(n).
    public convenience init(polygon: PlanarPolygon, in context: GEOSContext) throws {
        let pointer = try GEOSConstruction.polygon(polygon, in: context, operation: "polygon")
        self.init(owning: pointer, in: context)
    }

    /// A MultiPolygon with one polygon per element of `multiPolygon.polygons`.
    /// - Throws: `GEOSError` naming the offending polygon and ring.
    /// - Complexity: O(n) in the total number of points.
    public convenience init(multiPolygon: PlanarMultiPolygon, in context: GEOSContext) throws {
        let pointer = try GEOSConstruction.collection(.multiPolygon, of: multiPolygon.polygons, in: context) { index, polygon in
            try GEOSConstruction.polygon(polygon, in: context, operation: "multiPolygon polygon \(index)")
        }
        self.init(owning: pointer, in: context)
    }

    /// A GeometryCollection holding copies of `parts` (the originals stay usable).
    /// - Throws: `GEOSError` with GEOS's message.
    /// - Complexity: O(n) in the total number of points (one clone per part).
    public convenience init(collecting parts: [GEOSGeometry], in context: GEOSContext) throws {
        var clones: [OpaquePointer] = []
        clones.reserveCapacity(parts.count)
        do {
            for part in parts {
                precondition(part.context === context, "GEOS geometries from different contexts cannot be combined")
                clones.append(try context.make("collect clone") { GEOSGeom_clone_r($0, part.pointer) })
            }
        } catch {
            clones.forEach { GEOSGeom_destroy_r(context.handle, $0) }
            throw error
        }
        let pointer = try GEOSConstruction.collection(.geometryCollection, consuming: clones, in: context)
        self.init(owning: pointer, in: context)
    }
}

/// Builds raw GEOS geometries from planar value types; callers own the results.
enum GEOSConstruction {
    /// Rejects NaN and infinite coordinates, which GEOS would accept and then mis-handle.
    static func requireFinite(_ points: [PlanarPoint], operation: @autoclosure () -> String) throws {
        if let bad = points.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite) }) {
            throw GEOSError(
                kind: .invalidInput, operation: operation(),
                message:
                    "point \(bad) is not finite (x: \(points[bad].x), y: \(points[bad].y)); project coordinates before building geometry")
        }
    }

    /// A coordinate sequence of `points`, closed when `close` is set and the ring is open.
    static func coordinateSequence(
        _ points: [PlanarPoint], close: Bool, in context: GEOSContext, operation: @autoclosure () -> String
    ) throws -> OpaquePointer {
        try requireFinite(points, operation: operation())
        var xy: [Double] = []
        xy.reserveCapacity(2 * points.count + 2)
        for point in points {
            xy.append(point.x)
            xy.append(point.y)
        }
        if close, let first = points.first, let last = points.last, first != last {
            xy.append(first.x)
            xy.append(first.y)
        }
        guard let count = UInt32(exactly: xy.count / 2) else {
            throw GEOSError(kind: .invalidInput, operation: operation(), message: "\(xy.count / 2) points exceed GEOS's limit")
        }
        return try xy.withUnsafeBufferPointer { buffer in
            try context.make(operation()) { GEOSCoordSeq_copyFromBuffer_r($0, buffer.baseAddress, count, 0, 0) }
        }
    }

    /// A linestring; GEOS refuses fewer than two points with its own message.
    static func lineString(_ points: [PlanarPoint], in context: GEOSContext, operation: @autoclosure () -> String) throws -> OpaquePointer {
        let sequence = try coordinateSequence(points, close: false, in: context, operation: operation())
        return try context.make(operation()) { GEOSGeom_createLineString_r($0, sequence) }
    }

    /// A linear ring, closed if open; GEOS refuses fewer than four points (three distinct) with its own message.
    static func linearRing(_ points: [PlanarPoint], in context: GEOSContext, operation: @autoclosure () -> String) throws -> OpaquePointer {
        let sequence = try coordinateSequence(points, close: true, in: context, operation: operation())
        return try context.make(operation()) { GEOSGeom_createLinearRing_r($0, sequence) }
    }

    /// A polygon from its exterior ring and holes.
    static func polygon(_ polygon: PlanarPolygon, in context: GEOSContext, operation: String) throws -> OpaquePointer {
        let shell = try linearRing(polygon.exterior, in: context, operation: operation + " exterior ring")
        var holes: [OpaquePointer?] = []
        holes.reserveCapacity(polygon.holes.count)
        do {
            for (index, hole) in polygon.holes.enumerated() {
                holes.append(try linearRing(hole, in: context, operation: operation + " hole \(index)"))
            }
        } catch {
            GEOSGeom_destroy_r(context.handle, shell)
            holes.forEach { GEOSGeom_destroy_r(context.handle, $0) }
            throw error
        }
        return try holes.withUnsafeMutableBufferPointer { buffer in
            try context.make(operation) { GEOSGeom_createPolygon_r($0, shell, buffer.baseAddress, UInt32(buffer.count)) }
        }
    }

    /// A collection of `type` with one part per item, built by `part(index, item)`; the parts
    /// already built are destroyed when a later one fails.
    static func collection<Item>(
        _ type: GEOSGeometryType, of items: [Item], in context: GEOSContext, part: (Int, Item) throws -> OpaquePointer
    ) throws -> OpaquePointer {
        var parts: [OpaquePointer] = []
        parts.reserveCapacity(items.count)
        do {
            for (index, item) in items.enumerated() { parts.append(try part(index, item)) }
        } catch {
            parts.forEach { GEOSGeom_destroy_r(context.handle, $0) }
            throw error
        }
        return try collection(type, consuming: parts, in: context)
    }

    /// A collection of `type` taking ownership of `parts`; an empty collection when there are none.
    static func collection(_ type: GEOSGeometryType, consuming parts: [OpaquePointer], in context: GEOSContext) throws -> OpaquePointer {
        let operation = "collection of \(parts.count) parts"
        guard !parts.isEmpty else {
            return try context.make(operation) { GEOSGeom_createEmptyCollection_r($0, type.rawValue) }
        }
        var slots: [OpaquePointer?] = parts
        return try slots.withUnsafeMutableBufferPointer { buffer in
            try context.make(operation) { GEOSGeom_createCollection_r($0, type.rawValue, buffer.baseAddress, UInt32(buffer.count)) }
        }
    }
}
