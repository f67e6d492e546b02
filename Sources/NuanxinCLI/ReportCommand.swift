import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Planner
import Reports
import RoadNetwork

/// `nuanxin report`: one self-contained HTML file a planner opens offline — the map
/// (roads, service areas, gaps, stations, hotspots, proposed sites) with the district,
/// hotspot and site tables and the frontier and speed charts beside it.
struct ReportCommand: ParsableCommand {
    /// Languages of the page's labels.
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case zh
        case en
    }

    @OptionGroup var network: NetworkInputOptions

    @Option(help: "Existing stations: GeoJSON Points or CSV id,lon,lat[,name][,kind].")
    var stations: String

    @Option(help: "Courier hotspots: GeoJSON Points or CSV id,lon,lat[,weight][,name][,kind] (weight 1 when absent).")
    var hotspots: String

    @Option(help: "District outlines: GeoJSON Polygon/MultiPolygon features with a name property.")
    var districts: String?

    @Option(name: .customLong("district-name-field"), help: "The district property holding the name.")
    var districtNameField = "name"

    @Option(
        help:
            "Candidate sites for new stations: GeoJSON Points or CSV, or `osm` for the network file's points of interest of the station kinds."
    )
    var candidates: String?

    @Option(name: .customLong("new"), help: "Number of new sites to propose (needs --candidates; default 5).")
    var newSites: Int?

    @Option(help: "Travel times in minutes, comma separated; the audit and the plan use the largest (a multiple of 0.1).")
    var minutes = MinuteList(argument: "5,10,15")!

    @OptionGroup var inputCRS: InputCRSOption

    @OptionGroup var formats: PointFormatOptions

    @Option(help: "Language of the labels: zh or en.")
    var lang: Language = .zh

    @Option(help: "Title of the report (default: the network file's name without extensions).")
    var title: String?

    @Option(
        name: .customLong("data-note"),
        help:
            "The data's source and date for the header, e.g. \"OpenStreetMap, data of about 2018\" (default: OpenStreetMap and the network file's name)."
    )
    var dataNote: String?

    @Option(help: "Output HTML file (default: out/report.html, creating out/).")
    var out: String?

    @OptionGroup var stationFilter: StationFilterOptions

    @OptionGroup var travel: DirectionOption

    @OptionGroup var walk: HotspotWalkOption

    @OptionGroup var output: QuietOption

    /// Where the file goes when `--out` is not given.
    static let defaultOut = "out/report.html"
    /// New sites proposed when `--new` is not given.
    static let defaultNewSites = 5
    /// `--candidates` as listed candidates and road positions (`FILE,roads:N`: the candidate gap).
    var candidateSource: CandidateSource? { get throws { try candidates.map(CandidateSource.init) } }

    /// The credit every map made from OSM data must show.
    static let attribution = "© OpenStreetMap contributors (ODbL 1.0)"

    func validate() throws {
        try OutputFileCheck.distinct(
            outputs: [("--out", out)],
            inputs: [
                ("--network", network.network), ("--stations", stations), ("--hotspots", hotspots),
                ("--districts", districts), ("--candidates", try candidateSource?.listed),
            ])
        if let source = try candidateSource, source.listed == nil {
            throw ValidationError(
                "--candidates roads:N needs the listed candidates too in the report: --candidates FILE,roads:N or osm,roads:N")
        }
        let limit = try minutes.ascending().last!
        _ = limit
        _ = try stationFilter.filter()
        if let newSites {
            guard candidates != nil else { throw ValidationError("--new needs --candidates FILE or --candidates osm") }
            guard (0...100).contains(newSites) else { throw ValidationError("--new must be between 0 and 100, got \(newSites)") }
        }
    }

    func run() throws {
        let progress = output.progress
        let networkURL = URL(fileURLWithPath: network.network)
        var loaded = try progress.step("loading \(networkURL.lastPathComponent)") { try network.load(progress: progress) }
        let mainSpeed = network.speedBand == nil ? network.speeds[0] : network.profile.profile.defaultSpeedKmh
        if loaded.graph.cruiseSpeedKmh != mainSpeed { loaded.graph = loaded.graph.retimed(cruiseSpeedKmh: mainSpeed) }
        loaded.graph = travel.direction.searchGraph(for: loaded.graph)
        let projection = try Projection(from: "EPSG:4326", to: loaded.graph.crs)
        let inputs = try ReportInputs.read(
            stations: stations, hotspots: hotspots, districts: districts, districtNameField: districtNameField,
            candidates: try candidateSource?.listed, loaded: loaded, datum: inputCRS.datum, maxSnap: network.maxSnap,
            projection: projection, formats: try formats.formats(progress), progress: progress)
        let selection = try stationFilter.select(inputs.stations.map(\.site), file: stations, role: "station", progress: progress)
        let analysis: ReportAnalysis
        do {
            analysis = try ReportAnalysis.run(
                graph: loaded.graph, stations: selection.admitted.map { inputs.stations[$0] }, hotspots: inputs.hotspots,
                areas: inputs.areas, candidates: inputs.candidates, newSites: newSites ?? Self.defaultNewSites,
                minutes: try minutes.ascending(), bandSpeeds: network.speedBand == nil ? [] : network.speeds,
                maxSnap: network.maxSnap, progress: progress, attributes: selection.admitted.map { selection.attributes[$0] },
                hotspotWalk: walk.isOn, roadSpacing: try candidateSource?.roadSpacing)
        } catch let error as SiteCapacityError {
            throw InputFileError(file: URL(fileURLWithPath: stations).lastPathComponent, message: error.description)
        }
        for excluded in analysis.plan?.excluded ?? [] {
            progress.report("candidate \(excluded.site.site.id) is left out: \(excluded.exclusion)")
        }

        let builder = ReportDataBuilder(
            geometry: ReportGeometry(projection: projection, decimals: 5), meta: meta(analysis, networkURL: networkURL),
            lang: lang.rawValue, maxSnap: network.maxSnap)
        let html = try progress.time("page") { ReportPage.render(dataJSON: try builder.data(analysis).json(), lang: lang.rawValue) }
        let path = out ?? Self.defaultOut
        let data = Data(html.utf8)
        try progress.time("write") {
            if out == nil {
                try FileManager.default.createDirectory(
                    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        }
        progress.timings?.setSize("stations", analysis.stations.count)
        progress.timings?.setSize("hotspots", analysis.hotspots.count)
        progress.timings?.setSize("bytes", data.count)
        progress.report("wrote \(path) (\(formatFixed(Double(data.count) / 1_048_576, decimals: 2)) MiB)")
        try output.finish(progress)
    }

    /// The header facts of the page.
    private func meta(_ analysis: ReportAnalysis, networkURL: URL) -> ReportData.Meta {
        let fileName = networkURL.lastPathComponent
        let stem = fileName.split(separator: ".").first.map(String.init) ?? fileName
        return ReportData.Meta(
            title: title ?? stem, dataNote: dataNote ?? "OpenStreetMap · \(fileName)", attribution: Self.attribution,
            networkFile: fileName, profile: network.profile.rawValue, speedKmh: analysis.graph.cruiseSpeedKmh,
            minutes: analysis.circles.map(\.minutes), limitMinutes: analysis.limitMinutes,
            accessM: analysis.accessMeters,
            candidatesSource: (try? candidateSource?.listed).flatMap { $0 }.map {
                $0 == ReportInputs.osmCandidates ? "osm" : URL(fileURLWithPath: $0).lastPathComponent
            },
            newSites: candidates == nil ? 0 : newSites ?? Self.defaultNewSites, generator: "nuanxin \(Nuanxin.configuration.version)")
    }
}
