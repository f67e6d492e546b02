import Foundation

/// Polyline arithmetic in a projected CRS, in metres.
public enum PlanarPolyline {
    /// Euclidean distance between two planar points in metres.
    public static func distance(_ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        hypot(b.x - a.x, b.y - a.y)
    }

    /// Length of a polyline in metres (sum of its segment lengths); 0 below two points.
    /// - Complexity: O(n).
    public static func length(_ polyline: [PlanarPoint]) -> Double {
        guard polyline.count >= 2 else { return 0 }
        var total = 0.0
        for i in 1..<polyline.count {
            total += distance(polyline[i - 1], polyline[i])
        }
        return total
    }
}
