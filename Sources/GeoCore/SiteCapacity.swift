import Foundation

/// The `capacity` property of a station or candidate: how much hotspot weight (riders) the site
/// can serve, in the weight's units (e.g. seats and chargers counted as riders per hour).
///
/// Read from the point's properties (GeoJSON property or extra CSV column `capacity`): a number, or
/// a string holding one (CSV columns are strings). Absent or null means "no capacity given".
/// Capacities are the `u_j` of the capacitated coverage models (Current & Storbeck 1988).
public enum SiteCapacity {
    /// The property name.
    public static let property = "capacity"

    /// The capacity of `site`; nil when the property is absent or null.
    /// - Throws: `SiteCapacityError` when the value is not a finite number > 0.
    public static func of(_ site: SitePoint) throws -> Double? {
        guard let value = site.properties[property] else { return nil }
        let number: Double?
        switch value {
        case .null: return nil
        case .number(let n): number = n
        case .string(let text): number = Double(text.trimmingCharacters(in: .whitespaces))
        default: number = nil
        }
        guard let number, number.isFinite, number > 0 else {
            throw SiteCapacityError(siteID: site.id, value: value)
        }
        return number
    }
}

/// A `capacity` property that is not a finite number greater than 0.
public struct SiteCapacityError: Error, CustomStringConvertible, Sendable {
    /// The id of the feature or row.
    public var siteID: String
    /// The value found.
    public var value: JSONValue

    private var shown: String {
        switch value {
        case .number(let n): return "\(n)"
        case .string(let text): return "\"\(text)\""
        case .bool(let b): return "\(b)"
        default: return "(not a number)"
        }
    }

    /// "feature S03: capacity …": the caller prefixes the file name.
    public var description: String {
        "feature \(siteID): capacity \(shown) is not a number > 0; give seats/riders as a positive number or remove the property"
    }
}
