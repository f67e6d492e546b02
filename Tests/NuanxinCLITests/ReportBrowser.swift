import Foundation
import Testing

/// Headless chromium and a tiny PNG reader (python3, standard library only) for the report tests.
enum ReportBrowser {
    /// The chromium binary, or nil where none is installed (the browser tests then skip).
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// python3, which decodes the screenshot.
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `executable` with `arguments`, killing it after `timeout` seconds; returns stdout.
    static func run(_ executable: String, _ arguments: [String], timeout: Double = 120) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Chromium's arguments for one headless run with its own profile folder in `folder`.
    static func arguments(_ extra: [String], page: URL, folder: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("chromium-profile").path)",
        ] + extra + [page.absoluteString]
    }

    /// The page's DOM after its scripts ran.
    static func dumpDOM(_ chromium: String, page: URL, folder: URL) throws -> String {
        let result = try run(chromium, arguments(["--dump-dom"], page: page, folder: folder))
        #expect(result.status == 0, "chromium --dump-dom failed")
        return result.stdout
    }

    /// The console lines chromium logs while loading `page` (`--enable-logging=stderr`): every
    /// `console.*` call and every uncaught exception, e.g.
    /// `[…:INFO:CONSOLE:1] "Uncaught ReferenceError: f is not defined", source: file:///…`.
    /// Chromium logs them all at INFO, so the caller decides which count as errors.
    static func consoleLines(_ chromium: String, page: URL, folder: URL, timeout: Double = 120) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = arguments(["--enable-logging=stderr", "--v=0", "--dump-dom"], page: page, folder: folder)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0, "chromium --dump-dom failed")
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }

    /// A screenshot of the page's first 1400×1000 CSS pixels, at device scale 1.
    static func screenshot(_ chromium: String, page: URL, to png: URL, folder: URL) throws {
        let result = try run(
            chromium,
            arguments(
                ["--screenshot=\(png.path)", "--window-size=1400,1000", "--force-device-scale-factor=1"], page: page, folder: folder))
        #expect(result.status == 0, "chromium --screenshot failed")
    }

    /// Number of distinct RGB colours inside the rectangle `x,y,w,h` of an 8-bit RGB or RGBA PNG.
    static func distinctColours(png: URL, rect: [Int], python: String) throws -> Int? {
        let result = try run(python, ["-c", pngColourCounter, png.path] + rect.map(String.init))
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Decodes the PNG (chunks, zlib, the five row filters) and counts the colours in the rectangle.
    private static let pngColourCounter = #"""
        import struct, sys, zlib
        path, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:6])
        data = open(path, "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        pos, idat = 8, b""
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b"IHDR":
                width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
        bpp = 3 if colour == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        rows, prev, off = [], bytearray(stride), 0
        for _ in range(height):
            f, line = raw[off], bytearray(raw[off + 1:off + 1 + stride])
            off += 1 + stride
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 2: line[i] = (line[i] + b) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append(line)
            prev = line
        colours = set()
        for row in rows[max(0, y):min(height, y + h)]:
            for px in range(max(0, x), min(width, x + w)):
                colours.add(bytes(row[px * bpp:px * bpp + 3]))
        print(len(colours))
        """#
}
