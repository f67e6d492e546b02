import ArgumentParser

/// The `--help` text of `nuanxin audit`: what the command reads, computes and writes.
extension AuditCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit hotspot coverage by existing stations, per district, with the uncovered areas as polygons.",
        discussion: """
            Example:
              nuanxin audit --network chengdu-center.osm.pbf --stations stations.geojson \\
                --hotspots hotspots.geojson --districts districts.geojson \\
                --summary audit.csv

            Times are door to door, as the service areas of `nuanxin reach`: by default from each \
            hotspot to a station (--direction to-station: the hotspot's walk to its road at walking \
            speed, the ride on the reversed graph so one-way rules hold in the riding direction, then \
            the station's walk); --direction from-station times the ride from each station outwards, \
            and --hotspot-walk off leaves the hotspot's own walk untimed (it is still reported as \
            snap_m). One search from all stations gives every hotspot's time to its nearest station; \
            a hotspot is covered when that time is at most --minutes.

            The GeoJSON (--out) holds, per speed: one Point per hotspot in input order with its input \
            properties plus nearest_station, minutes_to_nearest (rounded up to 0.1; null when no \
            station reaches it), stations_within, covered, snap_m and speed_kmh; hotspots farther than \
            --max-snap from a usable road get "unroutable": true and a reason, and count as uncovered. \
            Then per district a "kind": "district" feature (its outline; hotspots, hotspots_covered, \
            weight_total, weight_covered, share_covered, uncovered_area_km2) followed by a \
            "kind": "gap" feature whose geometry is the district minus the merged service area (drawn as --geometry says: raster by default, see `nuanxin reach --help`) \
            (null geometry when nothing is uncovered). A hotspot counts in the first district that \
            covers it; hotspots in none form a "(outside districts)" row with null geometry. Without \
            --districts the bounding box of the road network is one area, "study area", holding every \
            hotspot.

            --summary writes the same figures as CSV (one row per district and a total row). With \
            --speed-band LOW,HIGH the audit runs at both speeds: the GeoJSON holds one full set of \
            features per speed and the CSV one block of rows per speed, told apart by speed_kmh. \
            The covered shares and the largest uncovered hotspots go to stdout; --quiet prints \
            neither them nor progress. --stations-out writes each station's catchment load as CSV \
            (speed_kmh,minutes,station_id,name,hotspots_served,weight_served,minutes_mean,minutes_p90,\
            capacity,load_ratio; the same figures as the GeoJSON's "kind": "station" features: covered \
            hotspots go to their nearest station, ties to the first in the file; capacity is the \
            station's capacity property). Outputs are written atomically and are byte-identical for the \
            same inputs; a failed run leaves neither file behind.

            --service NAME \
            and --at "Mo 22:30" keep only the stations offering the service / open then. --by-hour \
            writes the covered share of hotspot weight for each hour of a weekday (Wednesday) and a \
            Sunday (48 rows; a station counts in hour h when open at h:30) per district and in total to \
            --by-hour-out (default: next to --summary, audit.csv -> audit-by-hour.csv, else next to --out) \
            and as a table on stdout; with a speed band it uses the lower speed.
            """
    )
}
