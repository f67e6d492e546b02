/// dBASE field names for a Shapefile: at most 10 bytes (UTF-8) each, unique
/// ignoring case, mapped deterministically from the property names in the
/// order given:
///
/// 1. a name of ≤ 10 bytes not yet taken is kept;
/// 2. otherwise it is cut at a character boundary to ≤ 10 bytes
///    (`hotspots_covered` → `hotspots_c`, `站点名称` → `站点名`);
/// 3. if that is taken, it is cut to ≤ 8 bytes and `_2`, `_3`, … is appended
///    (the first free one; `_10`… cut to ≤ 7 bytes).
public enum ShapefileFieldNames {
    /// The dBASE name of each of `names`, in the same order.
    public static func map(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            var candidate = cut(name, to: 10)
            var suffix = 2
            while taken.contains(candidate.lowercased()) {
                let tail = "_\(suffix)"
                candidate = cut(name, to: 10 - tail.utf8.count) + tail
                suffix += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// `name` cut at a character boundary to at most `bytes` UTF-8 bytes.
    static func cut(_ name: String, to bytes: Int) -> String {
        var result = ""
        for character in name {
            if result.utf8.count + String(character).utf8.count > bytes { break }
            result.append(character)
        }
        return result
    }
}
