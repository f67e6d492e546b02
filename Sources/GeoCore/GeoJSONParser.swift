/// Turns a decoded JSON value into GeoJSON types, checking the structure
/// (object types, member types, positions of numbers) and, when a validator
/// is set, each feature's validity right after it is parsed.
struct GeoJSONParser {
    /// The file name put into errors.
    let fileName: String?
    /// Validates every parsed feature when set.
    var validator: GeoJSONValidator?
    /// True: the first validity error is thrown. False: issues are collected.
    var throwsOnInvalidGeometry = true
    /// Issues collected so far (errors only when `throwsOnInvalidGeometry` is false).
    private(set) var issues: [GeoJSONIssue] = []

    init(fileName: String?, validator: GeoJSONValidator? = nil, throwsOnInvalidGeometry: Bool = true) {
        self.fileName = fileName
        self.validator = validator
        self.throwsOnInvalidGeometry = throwsOnInvalidGeometry
    }

    private static let geometryTypes = [
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
    ]

    /// A FeatureCollection, a single Feature (one-feature collection) or a bare
    /// Geometry (one feature with that geometry and null properties).
    mutating func document(_ value: JSONValue) throws -> FeatureCollection {
        let object = try self.object(value, featureIndex: nil, path: "", what: "a GeoJSON document")
        let type = try typeMember(object, featureIndex: nil, path: "")
        switch type {
        case "FeatureCollection":
            guard let featuresValue = object["features"] else {
                throw error(nil, "features", .missingMember, "a FeatureCollection needs a \"features\" array")
            }
            guard case .array(let elements) = featuresValue else {
                throw error(nil, "features", .wrongType, "\"features\" must be an array, found \(featuresValue.typeName)")
            }
            var features: [Feature] = []
            features.reserveCapacity(elements.count)
            for (i, element) in elements.enumerated() {
                features.append(try feature(element, index: i, path: ""))
            }
            return FeatureCollection(
                features: features,
                bbox: try bbox(object["bbox"], featureIndex: nil, path: ""),
                foreignMembers: object.filter { !["type", "features", "bbox"].contains($0.key) })
        case "Feature":
            return FeatureCollection(features: [try feature(value, index: nil, path: "")])
        case _ where Self.geometryTypes.contains(type):
            let parsed = try geometry(value, featureIndex: nil, path: "")
            try validate { $0.issues(in: parsed, path: "") }
            return FeatureCollection(features: [Feature(geometry: parsed, properties: nil)])
        default:
            throw error(
                nil, "type", .unknownType,
                "unknown GeoJSON type \"\(type)\"; expected FeatureCollection, Feature or a geometry type")
        }
    }

    /// One Feature object; `index` is its place in `features` (nil for a lone feature).
    mutating func feature(_ value: JSONValue, index: Int?, path: String) throws -> Feature {
        let object = try self.object(value, featureIndex: index, path: path, what: "a Feature")
        let type = try typeMember(object, featureIndex: index, path: path)
        guard type == "Feature" else {
            throw error(index, joinPath(path, "type"), .wrongType, "expected \"Feature\", found \"\(type)\"")
        }
        var parsedGeometry: Geometry?
        if let g = object["geometry"], g != .null {
            parsedGeometry = try geometry(g, featureIndex: index, path: joinPath(path, "geometry"))
        }
        var properties: [String: JSONValue]?
        switch object["properties"] {
        case nil, .null?: properties = nil
        case .object(let members)?: properties = members
        case let other?:
            throw error(
                index, joinPath(path, "properties"), .wrongType,
                "properties must be an object or null, found \(other.typeName)")
        }
        var id: FeatureID?
        switch object["id"] {
        case nil, .null?: id = nil
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = .number(n)
        case let other?:
            throw error(index, joinPath(path, "id"), .wrongType, "id must be a string or a number, found \(other.typeName)")
        }
        let parsed = Feature(
            id: id, geometry: parsedGeometry, properties: properties,
            bbox: try bbox(object["bbox"], featureIndex: index, path: path),
            foreignMembers: object.filter { !["type", "id", "geometry", "properties", "bbox"].contains($0.key) })
        try validate { $0.issues(in: parsed, index: index) }
        return parsed
    }

    /// One Geometry object (not null).
    func geometry(_ value: JSONValue, featureIndex: Int?, path: String) throws -> Geometry {
        let object = try self.object(value, featureIndex: featureIndex, path: path, what: "a geometry")
        let type = try typeMember(object, featureIndex: featureIndex, path: path)
        if type == "GeometryCollection" {
            let membersPath = joinPath(path, "geometries")
            guard let members = object["geometries"] else {
                throw error(featureIndex, membersPath, .missingMember, "a GeometryCollection needs a \"geometries\" array")
            }
            let elements = try array(members, featureIndex: featureIndex, path: membersPath)
            return .geometryCollection(
                try elements.enumerated().map {
                    try geometry($0.element, featureIndex: featureIndex, path: membersPath + "[\($0.offset)]")
                })
        }
        guard Self.geometryTypes.contains(type) else {
            throw error(
                featureIndex, joinPath(path, "type"), .unknownType,
                "unknown geometry type \"\(type)\"; expected one of \(Self.geometryTypes.joined(separator: ", "))")
        }
        let coordinatesPath = joinPath(path, "coordinates")
        guard let coordinates = object["coordinates"] else {
            throw error(featureIndex, coordinatesPath, .missingMember, "a \(type) needs a \"coordinates\" member")
        }
        let nest = Nesting(parser: self, featureIndex: featureIndex)
        switch type {
        case "Point": return .point(try nest.position(coordinates, coordinatesPath))
        case "MultiPoint": return .multiPoint(try nest.positions(coordinates, coordinatesPath))
        case "LineString": return .lineString(try nest.positions(coordinates, coordinatesPath))
        case "MultiLineString": return .multiLineString(try nest.lines(coordinates, coordinatesPath))
        case "Polygon": return .polygon(try nest.lines(coordinates, coordinatesPath))
        default: return .multiPolygon(try nest.polygons(coordinates, coordinatesPath))
        }
    }

    /// Reads positions at each nesting depth with paths like `coordinates[0][3]`.
    private struct Nesting {
        let parser: GeoJSONParser
        let featureIndex: Int?

        func position(_ value: JSONValue, _ path: String) throws -> Coordinate {
            let elements = try parser.array(value, featureIndex: featureIndex, path: path, what: "a position [longitude, latitude]")
            guard elements.count >= 2 else {
                throw parser.error(
                    featureIndex, path, .invalidPosition,
                    "a position needs longitude and latitude, found \(elements.count) value\(elements.count == 1 ? "" : "s")")
            }
            var numbers: [Double] = []
            for (i, element) in elements.enumerated() {
                guard case .number(let n) = element else {
                    let shown = element.stringValue.map { " \"\($0)\"" } ?? ""
                    throw parser.error(
                        featureIndex, path + "[\(i)]", .invalidPosition,
                        "a coordinate must be a number, found \(element.typeName)\(shown)")
                }
                numbers.append(n)
            }
            return Coordinate(lon: numbers[0], lat: numbers[1])
        }

        func positions(_ value: JSONValue, _ path: String) throws -> [Coordinate] {
            let elements = try parser.array(value, featureIndex: featureIndex, path: path, what: "an array of positions")
            return try elements.enumerated().map { try position($0.element, path + "[\($0.offset)]") }
        }

        func lines(_ value: JSONValue, _ path: String) throws -> [[Coordinate]] {
            let elements = try parser.array(value, featureIndex: featureIndex, path: path, what: "an array of position arrays")
            return try elements.enumerated().map { try positions($0.element, path + "[\($0.offset)]") }
        }

        func polygons(_ value: JSONValue, _ path: String) throws -> [[[Coordinate]]] {
            let elements = try parser.array(value, featureIndex: featureIndex, path: path, what: "an array of polygons")
            return try elements.enumerated().map { try lines($0.element, path + "[\($0.offset)]") }
        }
    }

    private mutating func validate(_ check: (GeoJSONValidator) -> [GeoJSONIssue]) throws {
        guard let validator else { return }
        let found = check(validator)
        if throwsOnInvalidGeometry, let first = found.first(where: { $0.severity == .error }) {
            throw first.error(inFile: fileName)
        }
        issues.append(contentsOf: found)
    }

    private func bbox(_ value: JSONValue?, featureIndex: Int?, path: String) throws -> BoundingBox? {
        guard let value, value != .null else { return nil }
        let bboxPath = joinPath(path, "bbox")
        let numbers = (value.arrayValue ?? []).compactMap(\.numberValue)
        guard let count = value.arrayValue?.count, numbers.count == count, count == 4 || count == 6,
            numbers.allSatisfy(\.isFinite)
        else {
            throw error(featureIndex, bboxPath, .invalidBBox, "bbox must be an array of 4 (or 6, with altitudes) numbers")
        }
        let half = count / 2
        return BoundingBox(minLon: numbers[0], minLat: numbers[1], maxLon: numbers[half], maxLat: numbers[half + 1])
    }

    private func object(_ value: JSONValue, featureIndex: Int?, path: String, what: String) throws -> [String: JSONValue] {
        guard case .object(let members) = value else {
            throw error(featureIndex, path, .wrongType, "expected \(what) (a JSON object), found \(value.typeName)")
        }
        return members
    }

    private func typeMember(_ object: [String: JSONValue], featureIndex: Int?, path: String) throws -> String {
        let typePath = joinPath(path, "type")
        guard let value = object["type"] else {
            throw error(featureIndex, typePath, .missingMember, "missing \"type\" member")
        }
        guard case .string(let type) = value else {
            throw error(featureIndex, typePath, .wrongType, "\"type\" must be a string, found \(value.typeName)")
        }
        return type
    }

    fileprivate func array(_ value: JSONValue, featureIndex: Int?, path: String, what: String = "an array") throws -> [JSONValue] {
        guard case .array(let elements) = value else {
            throw error(featureIndex, path, .wrongType, "expected \(what), found \(value.typeName)")
        }
        return elements
    }

    fileprivate func error(_ featureIndex: Int?, _ field: String, _ kind: GeoJSONError.Kind, _ message: String) -> GeoJSONError {
        GeoJSONError(file: fileName, featureIndex: featureIndex, field: field, kind: kind, message: message)
    }
}
