/// GeoCore: coordinates, projections (PROJ), Chinese map datums, GeoJSON and
/// geometry operations (GEOS) shared by every nuanxin module.
public enum GeoCore {
    /// The PROJ release linked into this build, e.g. `9.1.1`.
    public static var projVersion: String { projRuntimeVersion() }
}
