/// The self-contained HTML page of `nuanxin report`.
///
/// The page lives in `Resources/report.html` (with `report.css` and `report.js`), embedded in
/// the binary at build time (SwiftPM `embedInCode`), so a binary copied alone still writes it.
///
/// The page holds no data of its own: `render(dataJSON:lang:)` puts the report's
/// JSON (`ReportData`) into a `<script type="application/json">` block, and the
/// inline script draws the map as SVG, the tables and the charts from it. Every
/// text from the data (names from OSM) reaches the page through `textContent`,
/// never `innerHTML`, so a name like `<script>` shows as text. No CDN, no tile
/// server, no web font: it works offline.
///
/// A successful render ends with an element `#render-ok` (the footer, whose
/// `data-map-rect` holds the map's page rectangle `x,y,width,height` in CSS pixels);
/// any script error shows a red `#render-error` box at the top of the page instead.
public enum ReportPage {
    /// The full HTML document with `dataJSON` embedded safely: `<`, `>` and `&` are
    /// written as JSON `\u` escapes, so no text in the data can close the block.
    public static func render(dataJSON: String, lang: String) -> String {
        let safe =
            dataJSON
            .replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
        return
            template
            .replacingOccurrences(of: "__LANG__", with: lang == "en" ? "en" : "zh-CN")
            .replacingOccurrences(of: "__DATA__", with: safe)
    }

    /// `report.html` with `report.css` and `report.js` put in place of `__STYLE__` and
    /// `__SCRIPT__`; the resource file's final line end is dropped (the page ends with `</html>`).
    /// The data and language are put in by `render(dataJSON:lang:)`.
    public static let template: String = {
        var html = String(decoding: PackageResources.report_html, as: UTF8.self)
        if html.hasSuffix("\n") { html.removeLast() }
        return
            html
            .replacingOccurrences(of: "__STYLE__", with: String(decoding: PackageResources.report_css, as: UTF8.self))
            .replacingOccurrences(of: "__SCRIPT__", with: String(decoding: PackageResources.report_js, as: UTF8.self))
    }()
}
