extension Projection {
    /// The PROJ pipeline from WGS84 longitude/latitude in degrees to a metric
    /// CRS that a plain transverse Mercator describes exactly, or nil.
    ///
    /// `EPSG:4326` → the CGCS2000 3-degree Gauss-Krüger zones without zone
    /// prefix (EPSG 4534–4554: GRS80, central meridian 75° + 3°·(code − 4534),
    /// k = 1, false easting 500 000 m) and the WGS84 UTM zones (EPSG 326zz /
    /// 327zz: k = 0.9996, false northing 10 000 000 m in the south), as in the
    /// EPSG registry. PROJ builds such a pipeline without opening proj.db;
    /// CGCS2000 and WGS84 coincide at this precision (PROJ's own transformation
    /// between them is a null shift too).
    static func plainPipeline(from source: String, to target: String) -> String? {
        guard source == "EPSG:4326", target.hasPrefix("EPSG:"), let code = Int(target.dropFirst(5)) else { return nil }
        let tmerc: String
        switch code {
        case 4534...4554:
            tmerc = "+proj=tmerc +lat_0=0 +lon_0=\(75 + 3 * (code - 4534)) +k=1 +x_0=500000 +y_0=0 +ellps=GRS80"
        case 32601...32660, 32701...32760:
            let zone = code % 100
            let south = code >= 32700
            tmerc = "+proj=utm +zone=\(zone)\(south ? " +south" : "") +ellps=WGS84"
        default:
            return nil
        }
        return "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step \(tmerc)"
    }
}
