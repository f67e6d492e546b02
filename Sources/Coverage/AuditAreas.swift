/// The areas an audit reports on.
public enum AuditAreas: Sendable {
    /// Districts: each hotspot counts in the first district (in this order)
    /// whose polygon covers it, boundary included, or outside them all.
    case districts([District])
    /// One area holding every hotspot, wherever it lies: the study area when
    /// no districts are given (`District.studyArea(of:projection:)`).
    case whole(District)

    /// The areas, in order.
    public var list: [District] {
        switch self {
        case .districts(let districts): districts
        case .whole(let area): [area]
        }
    }
}
