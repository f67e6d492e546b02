import CGEOS
import Testing

@testable import GeoCore

@Suite struct GEOSErrorTests {
    /// Runs `body`, expecting a `GEOSError`, and returns it.
    private func capture(_ body: () throws -> Void) -> GEOSError? {
        do {
            try body()
            Issue.record("expected a GEOSError")
        } catch let error as GEOSError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test func onePointLineStringCarriesGEOSMessage() throws {
        let geos = try GEOSContext()
        let error = capture { _ = try GEOSGeometry(lineString: [PlanarPoint(x: 1, y: 2)], in: geos) }
        #expect(error?.kind == .library)
        #expect(error?.operation == "lineString")
        #expect(error?.message.contains("point array must contain 0 or >1 elements") == true)
    }

    @Test func errorInsideMultiLineStringNamesTheLine() throws {
        let geos = try GEOSContext()
        let lines = [[PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0)], [PlanarPoint(x: 5, y: 5)]]
        let error = capture { _ = try GEOSGeometry(multiLineString: lines, in: geos) }
        #expect(error?.operation == "multiLineString line 1")
        #expect(error?.message.contains("point array must contain 0 or >1 elements") == true)
    }

    @Test func overlayOfInvalidInputCarriesTopologyException() throws {
        let geos = try GEOSContext()
        let bowTie = try GEOSGeometry(polygon: GEOSTestShapes.bowTie, in: geos)
        let square = try GEOSGeometry(polygon: GEOSTestShapes.square(x: 2, y: 2, side: 4), in: geos)
        let error = capture { _ = try bowTie.intersection(square) }
        #expect(error?.kind == .library)
        #expect(error?.message.contains("TopologyException") == true)
    }

    @Test func nonFiniteInputIsRejectedBeforeGEOS() throws {
        let geos = try GEOSContext()
        let error = capture { _ = try GEOSGeometry(lineString: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: .nan, y: 1)], in: geos) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("point 1 is not finite") == true)
        let line = try GEOSGeometry(lineString: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0)], in: geos)
        #expect(throws: GEOSError.self) { try line.buffer(.infinity) }
    }

    @Test func noticesAreCapturedButDoNotLeakIntoTheNextError() throws {
        let geos = try GEOSContext()
        let bowTie = try GEOSGeometry(polygon: GEOSTestShapes.bowTie, in: geos)
        // GEOSisValid_r sends its reason as a notice; the context keeps it for an error of that call…
        #expect(try !geos.predicate("isValid") { GEOSisValid_r($0, bowTie.pointer) })
        #expect(geos.failure("isValid").message.contains("Self-intersection at or near point 5 5"))
        _ = try geos.predicate("isValid") { GEOSisValid_r($0, bowTie.pointer) }
        // …but the next call starts afresh.
        let error = capture { _ = try GEOSGeometry(lineString: [PlanarPoint(x: 1, y: 2)], in: geos) }
        #expect(error?.message.contains("point array") == true)
        #expect(error?.message.contains("Self-intersection") == false)
    }

    @Test func versionIsGEOS3() {
        #expect(GEOSContext.version.hasPrefix("3."))
    }
}
