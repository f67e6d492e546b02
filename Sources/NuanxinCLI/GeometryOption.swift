import ArgumentParser
import Coverage

extension ServiceAreaGeometry: ExpressibleByArgument {}

/// `--geometry raster|exact` and `--cell`: how service areas are drawn.
struct GeometryOption: ParsableArguments {
    @Option(
        help: """
            Service-area construction: raster (exact distances on a grid of --cell metres, contoured \
            at --access) or exact (GEOS buffers of the reached road, unioned).
            """)
    var geometry: ServiceAreaGeometry = .raster

    @Option(name: .customLong("cell"), help: "Raster cell size in metres (with --geometry raster).")
    var cellSize: Double = RasterServiceArea.defaultCellSize

    func validate() throws {
        if !(cellSize > 0 && cellSize.isFinite) {
            throw ValidationError("--cell must be a positive number of metres, got \(cellSize)")
        }
    }
}
