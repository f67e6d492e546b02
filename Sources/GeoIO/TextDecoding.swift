import CGDAL
import Foundation

/// Decodes the text files planners have: UTF-8 with or without a byte-order
/// mark, else GB18030 (the superset of GBK/GB2312 that Excel and WPS write
/// on Chinese Windows as "CSV").
public enum TextDecoding {
    /// The encodings GeoIO recognises.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case gb18030 = "GB18030"
    }

    /// `data` as a String and the encoding it was in (a UTF-8 BOM is dropped).
    /// GB18030 is decoded with GDAL's `CPLRecode` (iconv).
    /// - Throws: `GeoIOError.undecodable` naming `source` when the bytes are neither.
    public static func decode(_ data: Data, source: String) throws -> (text: String, encoding: Encoding) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8BOM) }
        } else if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = recodeGB18030(bytes) { return (text, .gb18030) }
        throw GeoIOError(
            source: source, kind: .undecodable,
            message: "the text is neither UTF-8 nor GB18030/GBK; save it as \"CSV UTF-8\"")
    }

    /// True when `bytes` are valid GB18030 that is not plain UTF-8 (used for
    /// Shapefile attributes without a `.cpg`).
    static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) == nil && recodeGB18030(bytes) != nil
    }

    /// GB18030 → UTF-8 through `CPLRecode`, nil when the bytes are not GB18030.
    /// GDAL reports an unconvertible byte only once per process, so the result
    /// is checked by converting it back and comparing with `bytes`.
    static func recodeGB18030(_ bytes: [UInt8]) -> String? {
        // Only reached for sources GDAL already opened; without GDAL the bytes are not recoded.
        guard (try? GDALRuntime.ensure(for: "")) != nil else { return nil }
        // A NUL would end the C string early; such files are binary anyway.
        guard !bytes.contains(0), let utf8 = recode(bytes, from: "GB18030", to: "UTF-8"),
            let text = String(validating: utf8, as: UTF8.self),
            recode(utf8, from: "UTF-8", to: "GB18030") == bytes
        else { return nil }
        return text
    }

    /// `CPLRecode` of NUL-free `bytes` from one encoding to another, as bytes.
    private static func recode(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let recoded: UnsafeMutablePointer<CChar>? = (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { nx_CPLRecode($0.baseAddress, from, to) }
        }
        nx_CPLErrorReset()
        guard let recoded else { return nil }
        defer { nx_VSIFree(recoded) }
        return Array(UnsafeRawBufferPointer(start: recoded, count: strlen(recoded)))
    }
}
