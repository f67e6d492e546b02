import ArgumentParser

/// The `--help` text of `nuanxin report`: what the command reads, computes and writes.
extension ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one offline HTML report: map of service areas, gaps and proposed sites, with tables and charts.",
        discussion: """
            Runs, on the network at the main speed: the merged service areas of all stations at \
            every --minutes value (as `nuanxin reach`), the audit at the largest value (as `nuanxin \
            audit`, per district with --districts), and with --candidates the plan of --new sites for \
            coverage (heuristic, as `nuanxin plan --objective coverage`) and its frontier for 0 to \
            max(--new, 10) new sites. With --speed-band LOW,HIGH the audit also runs at both speeds; \
            the map and tables stay at the profile's speed (15 km/h for ebike). The page also shows \
            the stations' catchments at the largest value (as `reach --split`, one colour each) and \
            their loads (as `audit --stations-out`, overloaded first); --candidates FILE,roads:N adds \
            road positions every N metres for the candidate gap (the listed candidates' best against \
            the best anywhere on the roads, and the hotspots only road positions reach) while the \
            plan stays on the listed candidates.

            The page holds everything (no CDN, no tile server, no web font): the roads are drawn \
            from the network itself, coordinates rounded to 5 decimals (about 1 m). Names from the \
            input files are shown as text, never as HTML. Labels are Chinese (--lang zh, default) or \
            English. The header names the data (--data-note), the profile and speed; the map \
            credits © OpenStreetMap contributors. The file is written atomically and is \
            byte-identical for the same inputs.
            Example:
              nuanxin report --network geodata/chengdu-center.osm.pbf --stations geodata/stations.geojson \\
                --hotspots geodata/hotspots.geojson --districts geodata/districts.geojson \\
                --candidates geodata/candidates.geojson --new 5 --speed-band 12,20 --out out/report.html
            """
    )
}
