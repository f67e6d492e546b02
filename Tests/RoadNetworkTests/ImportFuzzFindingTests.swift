import Foundation
import Testing

@testable import RoadNetwork

/// Inputs `nuanxin-fuzz` found that crashed the import, kept as regression tests
/// (Tests/Fixtures/fuzz/findings holds the same bytes).
@Suite struct ImportFuzzFindingTests {
    /// `river.osm` as an uncompressed `.pbf` whose string `residential` became
    /// `reside\0tial`: libosmium's tag iterator read past its buffer (SIGSEGV).
    /// The shim's bounded walk (`for_each_tag` in osmium_import.cpp) stops at
    /// the NUL: that way's highway value is `reside`, and the next string
    /// `tial` is read as a key, so the tags of the damaged way shift by one.
    @Test func embeddedNULInATagStringDoesNotCrash() throws {
        let extract = try OSMExtract(reading: OSMFixture.path("fuzz-embedded-nul-tag.osm.pbf"))
        let highways = extract.wayTags.compactMap { $0["highway"] }
        // The four residential ways share the damaged string; the bridge is intact.
        #expect(highways.sorted() == ["reside", "reside", "reside", "reside", "secondary"])
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("fuzz-embedded-nul-tag.osm.pbf"))
        #expect(network.graph.nodeCount == 2)
        #expect(network.graph.edgeCount == 2)
    }
}
