/// How the audit outputs round their numbers, shared by GeoJSON, CSV and text.
public enum AuditNumbers {
    /// Minutes to the nearest station with one decimal, rounded **up** to the
    /// next tenth, so that the written value is at most `limitMinutes` exactly
    /// when the hotspot is covered (`limitMinutes` a whole number of tenths).
    /// Float noise at the limit itself is settled by `covered`.
    public static func minutes(seconds: Double, covered: Bool, limitMinutes: Double) -> Double {
        let limitTenths = (limitMinutes * 10).rounded()
        var tenths = (seconds / 6).rounded(.up)
        tenths = covered ? min(tenths, limitTenths) : max(tenths, limitTenths + 1)
        return tenths / 10
    }

    /// `value` rounded to `decimals` places (for metres, shares, km², weights).
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let result = (value * scale).rounded() / scale
        return result == 0 ? 0 : result  // no negative zero
    }

    /// `12` for whole numbers, the shortest round-trip form otherwise (`12.5`).
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Decimals for snap distances in metres.
    public static let meterDecimals = 1
    /// Decimals for covered shares.
    public static let shareDecimals = 4
    /// Decimals for areas in km².
    public static let areaDecimals = 3
    /// Decimals for weights.
    public static let weightDecimals = 4
}
