import Testing

@testable import GeoIO

/// GDAL is opened with `dlopen` on first use (`CGDAL`); these tests drive the loader's error path
/// with library names that cannot serve, without touching the process-wide table.
@Suite struct GDALLoadingTests {
    /// A library that does not exist: a `libraryMissing` error naming the source, the library and
    /// the package to install.
    @Test func missingLibraryGivesTypedError() throws {
        let error = try #require(GDALRuntime.probe(library: "libnuanxin-no-such-gdal.so.0", for: "站点.xlsx"))
        #expect(error.kind == .libraryMissing)
        #expect(error.source == "站点.xlsx")
        #expect(error.message.hasPrefix("cannot load the GDAL library libnuanxin-no-such-gdal.so.0 ("))
        #expect(error.message.hasSuffix("; install libgdal32 (scripts/install-deps)"))
        #expect(!error.description.contains("\n"))
    }

    /// A library that loads but is not GDAL (libm has no `GDALAllRegister`) is refused the same way,
    /// and a PG: connection's password stays masked in the message.
    @Test func libraryWithoutGDALIsRefused() throws {
        let error = try #require(GDALRuntime.probe(library: "libm.so.6", for: "PG:dbname=x password=secret"))
        #expect(error.kind == .libraryMissing)
        #expect(error.source == "PG:dbname=x password=***")
        #expect(error.message.contains("libm.so.6 has no GDALAllRegister"))
    }

    /// The installed GDAL loads: a missing file is then GDAL's `cannotOpen`, not `libraryMissing`.
    @Test func installedLibraryLoads() throws {
        try GDALRuntime.ensure(for: "test")
        #expect(throws: GeoIOError.self) { _ = try GDALDataset(path: "/nonexistent/nuanxin/stations.gpkg") }
        do {
            _ = try GDALDataset(path: "/nonexistent/nuanxin/stations.gpkg")
        } catch let error as GeoIOError {
            #expect(error.kind == .cannotOpen)
        }
    }
}
