import Foundation

/// Opens sources with GDAL with the options each format needs.
public enum GDALSource {
    /// Opens `path` read-only:
    /// - `.shp` without a `.cpg`: the `.dbf` records are checked; bytes that are
    ///   not UTF-8 but are GB18030 open with `ENCODING=GB18030` (a note says so),
    ///   UTF-8 bytes with `ENCODING=UTF-8`; with a `.cpg` GDAL follows it.
    /// - `.xlsx`/`.xls`/`.ods`: the first row is always the header (configuration `OGR_XLSX_HEADERS=FORCE`, set for this thread only,
    ///   so an all-text sheet is not taken as data).
    /// - Throws: `GeoIOError.cannotOpen` with GDAL's message.
    public static func open(_ path: String, notes: (String) -> Void = { _ in }) throws -> GDALDataset {
        let url = URL(fileURLWithPath: path)
        var options: [String] = []
        var config: [(String, String)] = []
        switch path.hasPrefix("PG:") ? "" : url.pathExtension.lowercased() {
        case "shp", "dbf":
            let cpg = url.deletingPathExtension().appendingPathExtension("cpg").path
            let cpgUpper = url.deletingPathExtension().appendingPathExtension("CPG").path
            if !FileManager.default.fileExists(atPath: cpg), !FileManager.default.fileExists(atPath: cpgUpper),
                let records = dbfRecordBytes(url.deletingPathExtension().appendingPathExtension("dbf").path)
            {
                if String(validating: records, as: UTF8.self) != nil {
                    options.append("ENCODING=UTF-8")
                } else if TextDecoding.looksLikeGB18030(records) {
                    options.append("ENCODING=GB18030")
                    notes("\(path): no .cpg file; attributes decoded as GB18030 (GBK). Add a .cpg with the encoding to skip this guess")
                }
            }
        case "xlsx":
            config.append(("OGR_XLSX_HEADERS", "FORCE"))  // GDAL 3.6 has no open option for it
        case "xls":
            config.append(("OGR_XLS_HEADERS", "FORCE"))
        case "ods":
            config.append(("OGR_ODS_HEADERS", "FORCE"))
        default:
            break
        }
        return try GDALDataset(path: path, options: options, configOptions: config)
    }

    /// The record bytes of a dBASE file (after its header), NULs replaced by spaces, or nil.
    private static func dbfRecordBytes(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 32 else { return nil }
        let bytes = [UInt8](data)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        guard headerLength < bytes.count else { return nil }
        return bytes[headerLength...].map { $0 == 0 || $0 == 0x1A ? 0x20 : $0 }
    }
}
