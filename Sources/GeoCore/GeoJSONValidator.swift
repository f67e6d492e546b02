/// Checks parsed GeoJSON against RFC 7946: positions in range (and not
/// lat/lon swapped), LineStrings of two or more positions, linear rings of
/// four or more positions that are closed, and ring winding (a warning).
///
/// More checks (e.g. GEOS validity: self-intersections) plug in through
/// `additionalChecks`; they run only on geometries that passed the built-in
/// error checks, since such libraries expect closed rings.
public struct GeoJSONValidator: Sendable {
    /// A further check of one geometry. Field paths in the returned issues are
    /// relative to the geometry (e.g. `coordinates[0]`, or empty for the whole).
    public typealias GeometryCheck = @Sendable (Geometry) -> [GeoJSONIssue]

    /// Checks run after the built-in ones on each geometry that has no errors.
    public var additionalChecks: [GeometryCheck]

    /// Creates a validator with optional extra geometry checks.
    public init(additionalChecks: [GeometryCheck] = []) {
        self.additionalChecks = additionalChecks
    }

    /// Issues of every feature of `collection`, in feature order.
    /// - Complexity: O(n) for n coordinates, plus the additional checks.
    public func issues(in collection: FeatureCollection) -> [GeoJSONIssue] {
        collection.features.enumerated().flatMap { issues(in: $0.element, index: $0.offset) }
    }

    /// Issues of one feature; fields start with `geometry`.
    public func issues(in feature: Feature, index: Int?) -> [GeoJSONIssue] {
        guard let geometry = feature.geometry else { return [] }
        return issues(in: geometry, path: "geometry").map { issue in
            var located = issue
            located.featureIndex = index
            return located
        }
    }

    /// Issues of one geometry; fields start with `path` (empty for a bare geometry).
    public func issues(in geometry: Geometry, path: String) -> [GeoJSONIssue] {
        var found: [GeoJSONIssue] = []
        builtInIssues(geometry, path: path, into: &found)
        if !found.contains(where: { $0.severity == .error }) {
            for check in additionalChecks {
                for issue in check(geometry) {
                    var located = issue
                    located.field = issue.field.isEmpty ? path : joinPathAllowingIndex(path, issue.field)
                    found.append(located)
                }
            }
        }
        return found
    }

    private func builtInIssues(_ geometry: Geometry, path: String, into found: inout [GeoJSONIssue]) {
        let coordinatesPath = joinPath(path, "coordinates")
        switch geometry {
        case .point(let c):
            checkPosition(c, path: coordinatesPath, into: &found)
        case .multiPoint(let cs):
            checkPositions(cs, path: coordinatesPath, into: &found)
        case .lineString(let cs):
            checkLine(cs, path: coordinatesPath, into: &found)
        case .multiLineString(let lines):
            for (i, line) in lines.enumerated() { checkLine(line, path: coordinatesPath + "[\(i)]", into: &found) }
        case .polygon(let rings):
            checkPolygon(rings, path: coordinatesPath, into: &found)
        case .multiPolygon(let polygons):
            for (i, rings) in polygons.enumerated() { checkPolygon(rings, path: coordinatesPath + "[\(i)]", into: &found) }
        case .geometryCollection(let members):
            for (i, member) in members.enumerated() {
                builtInIssues(member, path: joinPath(path, "geometries") + "[\(i)]", into: &found)
            }
        }
    }

    private func checkPosition(_ c: Coordinate, path: String, into found: inout [GeoJSONIssue]) {
        guard let problem = c.rangeProblem else { return }
        found.append(GeoJSONIssue(field: path, kind: problem.geoJSONKind, severity: .error, message: problem.description))
    }

    private func checkPositions(_ cs: [Coordinate], path: String, into found: inout [GeoJSONIssue]) {
        for (i, c) in cs.enumerated() { checkPosition(c, path: path + "[\(i)]", into: &found) }
    }

    private func checkLine(_ cs: [Coordinate], path: String, into found: inout [GeoJSONIssue]) {
        if cs.count < 2 {
            found.append(
                GeoJSONIssue(
                    field: path, kind: .lineTooShort, severity: .error,
                    message: "a LineString needs at least 2 positions, found \(cs.count)"))
        }
        checkPositions(cs, path: path, into: &found)
    }

    private func checkPolygon(_ rings: [[Coordinate]], path: String, into found: inout [GeoJSONIssue]) {
        for (i, ring) in rings.enumerated() {
            let ringPath = path + "[\(i)]"
            let role = i == 0 ? "exterior ring" : "hole \(i)"
            if ring.count < 4 {
                found.append(
                    GeoJSONIssue(
                        field: ringPath, kind: .ringTooShort, severity: .error,
                        message: "\(role) has \(ring.count) positions; a linear ring needs at least 4 (first = last)"))
            } else if ring.first != ring.last {
                found.append(
                    GeoJSONIssue(
                        field: ringPath, kind: .ringNotClosed, severity: .error,
                        message: "\(role) is not closed: it starts at \(ring[0]) and ends at \(ring[ring.count - 1]); "
                            + "repeat the first position at the end"))
            } else {
                let area = RingWinding.signedDoubleArea(ring)
                let wantCounterClockwise = i == 0
                if area != 0, (area > 0) != wantCounterClockwise {
                    found.append(
                        GeoJSONIssue(
                            field: ringPath, kind: .ringWinding, severity: .warning,
                            message: "\(role) is \(wantCounterClockwise ? "clockwise" : "counter-clockwise"); "
                                + "RFC 7946 wants \(wantCounterClockwise ? "counter-clockwise" : "clockwise") "
                                + "(nuanxin writes it reversed)"))
                }
            }
            checkPositions(ring, path: ringPath, into: &found)
        }
    }
}

/// Joins a path and a relative field that may start with an index (`[0]`).
private func joinPathAllowingIndex(_ path: String, _ field: String) -> String {
    field.hasPrefix("[") || path.isEmpty ? path + field : path + "." + field
}
