import CGEOS

/// How GEOS shapes a buffer: arc resolution, line ends and corners.
public struct GEOSBufferStyle: Hashable, Sendable {
    /// How the ends of a buffered line are shaped.
    public enum EndCap: Hashable, Sendable {
        /// A half circle around each end.
        case round
        /// Cut square at the end point.
        case flat
        /// A square extending the line by the buffer distance.
        case square
    }

    /// How corners are shaped on the convex side.
    public enum Join: Hashable, Sendable {
        /// A circular arc.
        case round
        /// Sharp, up to `mitreLimit` times the distance, then bevelled.
        case mitre
        /// Cut straight across.
        case bevel
    }

    /// Segments per quarter circle; a full circle becomes a polygon of `4 × quadrantSegments`
    /// vertices on the circle, whose area is `2·q·r²·sin(π / (2q))` instead of `π·r²`
    /// (q = 8: 0.64 % less).
    public var quadrantSegments: Int
    /// Shape of line ends.
    public var endCap: EndCap
    /// Shape of corners.
    public var join: Join
    /// Longest mitre, as a multiple of the buffer distance (only for `.mitre`).
    public var mitreLimit: Double

    /// Creates a style; the defaults are GEOS's (8 segments per quadrant, round caps and joins).
    public init(quadrantSegments: Int = 8, endCap: EndCap = .round, join: Join = .round, mitreLimit: Double = 5) {
        self.quadrantSegments = quadrantSegments
        self.endCap = endCap
        self.join = join
        self.mitreLimit = mitreLimit
    }

    var capCode: Int32 {
        switch endCap {
        case .round: Int32(GEOSBUF_CAP_ROUND.rawValue)
        case .flat: Int32(GEOSBUF_CAP_FLAT.rawValue)
        case .square: Int32(GEOSBUF_CAP_SQUARE.rawValue)
        }
    }

    var joinCode: Int32 {
        switch join {
        case .round: Int32(GEOSBUF_JOIN_ROUND.rawValue)
        case .mitre: Int32(GEOSBUF_JOIN_MITRE.rawValue)
        case .bevel: Int32(GEOSBUF_JOIN_BEVEL.rawValue)
        }
    }
}
