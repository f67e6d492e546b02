import GeoCore

/// KML colours per isochrone level: features with a numeric `minutes`
/// property get an OGR style string (`BRUSH(fc:…);PEN(c:…,w:2px)`), which
/// GDAL's KML drivers write as `<PolyStyle>`/`<LineStyle>`.
///
/// Levels are the distinct `minutes` values in ascending order; level i of n
/// takes colour i·(k−1)/(n−1) (rounded) of the ramp below (green, nearest,
/// to red, farthest), fill at 40 % opacity, outline opaque. Features without
/// `minutes` keep the viewer's default style.
public enum KMLStyle {
    /// The colour ramp, RGB hex: green → yellow → orange → red.
    public static let ramp = ["1A9850", "91CF60", "D9EF8B", "FEE08B", "FC8D59", "D73027"]

    /// The distinct `minutes` values of `collection`, ascending.
    public static func levels(in collection: FeatureCollection) -> [Double] {
        Set(collection.features.compactMap { $0.properties?["minutes"]?.numberValue }).sorted()
    }

    /// The RGB hex colour of `minutes` among `levels`, or nil when not a level.
    public static func colour(minutes: Double, levels: [Double]) -> String? {
        guard let index = levels.firstIndex(of: minutes) else { return nil }
        let position = levels.count == 1 ? 0 : Int((Double(index * (ramp.count - 1)) / Double(levels.count - 1)).rounded())
        return ramp[position]
    }

    /// The OGR style string of `feature`, or nil when it has no level.
    public static func style(for feature: Feature, levels: [Double]) -> String? {
        guard let minutes = feature.properties?["minutes"]?.numberValue, let rgb = colour(minutes: minutes, levels: levels) else {
            return nil
        }
        return "BRUSH(fc:#\(rgb)66);PEN(c:#\(rgb)FF,w:2px)"
    }
}
