import Testing

@testable import Reports

/// The embedded page: the resource files put together and the data injected safely.
@Suite struct ReportPageTests {
    @Test func templateHoldsTheEmbeddedStyleAndScriptOnce() {
        let page = ReportPage.template
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"__LANG__\">"))
        #expect(page.hasSuffix("</script>\n</body>\n</html>"))
        #expect(!page.contains("__STYLE__") && !page.contains("__SCRIPT__"))
        #expect(page.components(separatedBy: "__DATA__").count == 2)
        #expect(page.contains("<style>\n*{box-sizing:border-box}\n"))
        #expect(page.contains("footer.id = \"render-ok\";"))
    }

    @Test func dataCannotCloseItsScriptBlock() {
        let html = ReportPage.render(dataJSON: #"{"name":"</script><b>&"}"#, lang: "en")
        #expect(html.contains(#"{"name":"\u003c/script\u003e\u003cb\u003e\u0026"}"#))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(ReportPage.render(dataJSON: "{}", lang: "zh").contains("<html lang=\"zh-CN\">"))
    }
}
