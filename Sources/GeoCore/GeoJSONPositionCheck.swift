/// Why a (lon, lat) pair cannot be a WGS84 position.
public enum CoordinateRangeProblem: Hashable, Sendable, CustomStringConvertible {
    /// A value is NaN or infinite.
    case notFinite
    /// The latitude is out of range but the longitude would be a valid latitude:
    /// the pair was most likely written (lat, lon).
    case looksSwapped(Coordinate)
    /// The latitude is outside −90…90.
    case latitudeOutOfRange(Double)
    /// The longitude is outside −180…180.
    case longitudeOutOfRange(Double)

    /// The kind of GeoJSON error this problem is.
    public var geoJSONKind: GeoJSONError.Kind {
        if case .looksSwapped = self { return .swappedLatLon }
        return .outOfRange
    }

    /// What is wrong and what to do, e.g. `latitude 200.0 is outside -90…90`.
    public var description: String {
        switch self {
        case .notFinite:
            "longitude and latitude must be finite numbers"
        case .looksSwapped(let c):
            "latitude \(c.lat) is outside -90…90 while longitude \(c.lon) would fit as a latitude: "
                + "lat/lon look swapped; give longitude first, then latitude"
        case .latitudeOutOfRange(let lat):
            "latitude \(lat) is outside -90…90"
        case .longitudeOutOfRange(let lon):
            "longitude \(lon) is outside -180…180"
        }
    }
}

extension Coordinate {
    /// Why this coordinate is not a valid (lon, lat) position, or nil when it is.
    public var rangeProblem: CoordinateRangeProblem? {
        guard lon.isFinite, lat.isFinite else { return .notFinite }
        if !(-90...90).contains(lat) {
            return (-90...90).contains(lon) ? .looksSwapped(self) : .latitudeOutOfRange(lat)
        }
        if !(-180...180).contains(lon) { return .longitudeOutOfRange(lon) }
        return nil
    }
}
