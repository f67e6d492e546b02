/// Chooses the projected CRS in which nuanxin measures metres for a data set.
///
/// Inside China: the CGCS2000 3-degree Gauss-Krüger zone whose central meridian
/// is nearest the data (EPSG 4534 + (CM − 75) / 3, zones CM 75°…135°, no false
/// easting prefix). Elsewhere: the WGS84 UTM zone (EPSG 326xx north, 327xx south).
public enum MetricCRS {
    /// The rough box of mainland China, Hainan and Taiwan used to pick GK zones.
    public static let chinaBox = BoundingBox(minLon: 73.5, minLat: 18.0, maxLon: 135.1, maxLat: 53.6)

    /// The EPSG code of the metric CRS for data centred at `center`.
    public static func epsg(for center: Coordinate) -> Int {
        if chinaBox.contains(center) {
            let cm = min(135, max(75, 3 * (center.lon / 3).rounded()))
            return 4534 + Int((cm - 75) / 3)
        }
        let zone = min(60, max(1, Int(((center.lon + 180) / 6).rounded(.down)) + 1))
        return (center.lat >= 0 ? 32600 : 32700) + zone
    }

    /// `EPSG:nnnn` for the metric CRS of a data set with bounding box `box`.
    public static func identifier(for box: BoundingBox) -> String {
        "EPSG:\(epsg(for: box.center))"
    }

    /// A projection from WGS84 (EPSG:4326) to the metric CRS of `box`.
    /// - Throws: `ProjectionError` if PROJ cannot build it.
    public static func projection(for box: BoundingBox) throws -> Projection {
        try Projection(from: "EPSG:4326", to: identifier(for: box))
    }
}
