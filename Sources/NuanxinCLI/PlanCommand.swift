import ArgumentParser
import Foundation
import Planner
import Reports

/// `nuanxin plan`: choose new station sites (MCLP, LSCP, p-median).
///
/// Two modes. **Network** (`--network FILE --stations --hotspots --candidates`): existing stations,
/// candidate sites and weighted hotspots on a road network (`PlanNetworkRun.swift`). **Benchmark**
/// (`--instance FILE --instance-format …`) solves a location benchmark without a road network — every
/// point is a demand and a candidate, distances come from the file. `validate()` checks each mode's
/// options and rejects the other mode's.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose new station sites: max coverage, cover all with fewest, or least mean time.",
        discussion: """
            Network mode:
              nuanxin plan --network chengdu-center.osm.pbf --stations stations.geojson \\
                --hotspots hotspots.geojson --candidates candidates.geojson|osm \\
                [--objective coverage|cover-all|mean-time] [--new K] [--target-share 0.95] \\
                [--minutes 15] [--exact --time-limit 60] [--frontier 1..20] \\
                [--out plan.geojson] [--summary plan.csv]

            Existing stations stay open and are never moved. coverage (MCLP) opens up to --new K \
            sites covering the most hotspot weight; cover-all (LSCP) the fewest sites covering \
            --target-share (default 1) of the weight some station or candidate can cover; mean-time \
            (p-median) up to K sites minimising the weighted time to the nearest station. A site \
            that would add nothing is not proposed.

            Times are door to door from each site outwards, as in `nuanxin audit` (the site's walk \
            to its road at walking speed, then the ride; the hotspot's own distance to its road is \
            not timed), one bounded search per site, so the covered share before the new sites is \
            audit's share. coverage and cover-all search to --minutes; mean-time to \
            --search-minutes (default 2 × --minutes) and charges a hotspot no station reaches \
            within that search limit + --minutes. Hotspots farther than --max-snap from a usable \
            road are never covered; stations and candidates that far are left out, as is a \
            candidate at an existing station (the same osm_id, or within 25 m); stderr lists them.

            --candidates osm takes the network file's points of interest of the station kinds \
            (community_centre, social_facility, townhall, government, bank, pharmacy, mall, hotel) \
            inside the file's header bounding box (else the road network's extent); ids are the \
            OSM ids (n123, w45), names from name, name:zh, name:en. (A candidates file called \
            osm: pass ./osm.) An empty stations file plans from scratch.

            Issue 15: times run to the station by default (--direction to-station, the reversed \
            graph; from-station as before) with the hotspot's walk (--hotspot-walk on|off). \
            --service NAME keeps the stations and candidates offering it. --hours A-B (weekday \
            hours A..B-1) or repeated --at TIME plan coverage over those hours: a site covers only \
            in its open hours (opening_hours, or the kind's default; from the OSM tag for \
            --candidates osm), weights become weight-hours, and each site gets hours_added.

            --out: one Point per chosen site in rank order with rank, candidate_id, name, kind, \
            added_weight, cumulative_share, hotspots_taken, snap_m (mean-time also \
            weighted_minutes_saved: weight × minutes saved by the site given the stations and the \
            higher-ranked sites), and the plan's figures (objective, value before and after, \
            method, gap, shares) in a top-level "plan" member. --summary: one CSV row per site. \
            --frontier A..B (coverage): the best covered share for each K from A to B, as CSV \
            k,share,sites to --frontier-out (default: --out's name with -frontier.csv) and on \
            stdout. Heuristic by default (greedy, then vertex substitution); --exact solves the \
            MIP with CBC and reports the proven gap. Files are byte-identical for the same inputs \
            (wall-clock times go to stdout only) and written all or nothing; --quiet prints \
            neither progress nor the summary.

            Variants (network mode): --capacity assigns each hotspot's weight to open sites within \
            --minutes without exceeding any site's capacity (the capacity property of stations and \
            candidates; a station without one is unlimited, a candidate without one takes \
            --default-capacity, else unlimited; Current & Storbeck 1988, weight may split) for \
            coverage and cover-all, and for mean-time minimises the weighted minutes within capacity \
            (capacitated p-median, Mulvey & Beck 1984, weight may split; weight no site can take pays \
            the unreached penalty; the sites are ranked by, and weighted_minutes_saved is, the drop \
            of that capacitated figure, so the savings sum to the plan's). Loads are the least-time \
            assignment: a site without a capacity serves its nearest hotspots, a full one passes the \
            rest to the next nearest site. The \
            outputs list each open site's load (load, capacity, load_ratio \
            per site; "loads" in "plan" for every open site, stations included). --backup (coverage) \
            maximises 0.5 × covered + 0.5 × covered-twice weight (Hogan & ReVelle 1986) and reports the \
            double-covered share beside the covered share. --speed-band LOW,HIGH plans at LOW and \
            reports the shares at both speeds (the frontier gets a share_high column). \
            --candidates roads:N (or FILE,roads:N, osm,roads:N) adds a candidate every N metres along \
            the usable roads (ids r<x>_<y> from their position, kind road) after the listed ones; the \
            plan is the best anywhere, and "plan"."candidate_gap" and stdout give the listed \
            candidates' best beside it and the hotspots only road positions reach.

            Benchmark mode (no road network; every point is a demand and a candidate):
              nuanxin plan --instance pmed1.txt --instance-format orlib-pmed
                --objective mean-time [--p 5] [--exact --time-limit 60] --out result.json
            orlib-pmed: OR-Library p-median graph, shortest-path distances; a vertex
            pair listed twice takes the later cost, as in Beasley's code.
            points-csv: columns id,x,y,weight; euclidean distances.
            coverage and cover-all need --service-distance (units of the distances).
            """)

    /// Benchmark instance formats.
    enum InstanceFormat: String, ExpressibleByArgument, CaseIterable {
        case orlibPMed = "orlib-pmed"
        case pointsCSV = "points-csv"
    }

    /// Objectives as spelled on the command line.
    enum ObjectiveName: String, ExpressibleByArgument, CaseIterable {
        case coverage
        case coverAll = "cover-all"
        case meanTime = "mean-time"
    }

    @OptionGroup var networkOptions: PlanNetworkOptions

    @OptionGroup var formats: PointFormatOptions

    @OptionGroup var outLayer: OutputLayerOption

    @OptionGroup var variants: PlanVariantFlags

    @Option(help: "Benchmark instance file (benchmark mode).")
    var instance: String?

    @Option(help: "Format of --instance: orlib-pmed or points-csv.")
    var instanceFormat: InstanceFormat?

    @Option(help: "coverage (MCLP), cover-all (LSCP) or mean-time (p-median).")
    var objective: ObjectiveName = .coverage

    @Option(name: .customLong("p"), help: "Benchmark mode: number of new sites (coverage, mean-time); overrides the file's p.")
    var siteCount: Int?

    @Option(help: "Benchmark mode: coverage distance/time, a site covers a point within it (coverage, cover-all).")
    var serviceDistance: Double?

    @Option(help: "cover-all: share of the coverable weight to reach, in (0, 1].")
    var targetShare: Double?

    @Flag(help: "Solve exactly with CBC (warm-started from the heuristic) and report the proven gap.")
    var exact = false

    @Option(help: "Time limit in seconds for --exact (per frontier point with --frontier).")
    var timeLimit: Double = 60

    @Option(help: "coverage: also report the best covered share for each number of sites in A..B.")
    var frontier: String?

    @Option(help: "Output file: the plan GeoJSON (network mode, default plan.geojson) or result JSON (benchmark mode, required).")
    var out: String?

    @OptionGroup var crsOut: OutputCRSOption

    @OptionGroup var hoursOptions: PlanHoursOptions

    @OptionGroup var output: QuietOption

    func run() throws {
        if let path = networkOptions.network {
            try runNetwork(path: path)
        } else if let path = instance, let format = instanceFormat, let out {
            try runBenchmark(path: path, format: format, out: out)
        }
    }

    /// The network-mode objective with its `--new` or `--target-share` (validated before).
    var planningObjective: PlanningObjective {
        switch objective {
        case .coverage: return .coverage(newSites: networkOptions.newSites!)
        case .meanTime: return .meanTime(newSites: networkOptions.newSites!)
        case .coverAll: return .coverAll(targetShare: targetShare ?? 1)
        }
    }

    /// `--out` in network mode (default `plan.geojson`).
    var networkOutPath: String { out ?? "plan.geojson" }

    /// Where the frontier CSV goes: `--frontier-out`, else `--out`'s path with `-frontier.csv` in place
    /// of its extension; nil without `--frontier`.
    var frontierOutPath: String? {
        guard frontier != nil else { return nil }
        if let path = networkOptions.frontierOut { return path }
        let url = URL(fileURLWithPath: networkOutPath)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-frontier.csv").path
    }
}
