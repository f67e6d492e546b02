import Foundation
import Testing

/// The report's scripts run in a real engine (headless chromium) without a single console
/// message: no uncaught exception, no `console.error`/`warn`/`log` (the page logs nothing when
/// all is well, so any console line is a fault).
@Suite struct ReportConsoleTests {
    @Test func theReportLogsNothingToTheConsole() throws {
        guard let chromium = ReportBrowser.chromium else {
            print("ReportConsoleTests: chromium is not installed (scripts/install-deps --browser); skipped")
            return
        }
        let folder = try makeTemporaryFolder()

        // The check itself catches an error: a page with an uncaught exception and a console.error.
        let broken = folder.appendingPathComponent("broken.html")
        try Data(#"<html><body><script>console.error("boom"); missingFunction();</script></body></html>"#.utf8).write(to: broken)
        let brokenLines = try ReportBrowser.consoleLines(chromium, page: broken, folder: folder)
        #expect(brokenLines.contains { $0.contains("\"boom\"") })
        #expect(brokenLines.contains { $0.contains("Uncaught ReferenceError: missingFunction is not defined") })

        for lang in ["zh", "en"] {
            let page = folder.appendingPathComponent("report-\(lang).html")
            let result = try #require(try runNuanxin(try ReportTests.fullReport(out: page.path) + ["--lang", lang]))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try ReportBrowser.consoleLines(chromium, page: page, folder: folder)
            #expect(lines.isEmpty, "console output of the \(lang) report: \(lines.joined(separator: "\n"))")
        }
    }
}
