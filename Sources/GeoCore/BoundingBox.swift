/// An axis-aligned box in (lon, lat) degrees, or in metres when used on planar data.
public struct BoundingBox: Hashable, Sendable {
    /// Smallest longitude (or x).
    public var minLon: Double
    /// Smallest latitude (or y).
    public var minLat: Double
    /// Largest longitude (or x).
    public var maxLon: Double
    /// Largest latitude (or y).
    public var maxLat: Double

    /// Creates a box from its corners.
    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding every coordinate, or nil for an empty sequence.
    /// - Complexity: O(n).
    public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var iterator = coordinates.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let c = iterator.next() { extend(with: c) }
    }

    /// Grows the box to hold `c`.
    public mutating func extend(with c: Coordinate) {
        minLon = Swift.min(minLon, c.lon)
        minLat = Swift.min(minLat, c.lat)
        maxLon = Swift.max(maxLon, c.lon)
        maxLat = Swift.max(maxLat, c.lat)
    }

    /// True when `c` lies inside or on the border of the box.
    public func contains(_ c: Coordinate) -> Bool {
        c.lon >= minLon && c.lon <= maxLon && c.lat >= minLat && c.lat <= maxLat
    }

    /// The centre of the box.
    public var center: Coordinate {
        Coordinate(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2)
    }

    /// `[minLon, minLat, maxLon, maxLat]`, the GeoJSON `bbox` order.
    public var array: [Double] { [minLon, minLat, maxLon, maxLat] }
}
