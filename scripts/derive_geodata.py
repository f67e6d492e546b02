#!/usr/bin/env python3
"""Derive stations, hotspots and candidate sites from an OSM extract (Python 3 stdlib only).

Called by scripts/derive-geodata, which first runs osmium-tool:

    osmium tags-filter SRC <filters> -o poi.osm.pbf
    osmium add-locations-to-ways poi.osm.pbf -f opl -o poi.opl

`derive_geodata.py sites` reads poi.opl (nodes with their tags, ways with their node
locations), projects every point with PROJ's `cs2cs` (EPSG:4326 -> EPSG:4544, CGCS2000
3-degree Gauss-Krueger CM 105E), places ways at their area centroid in metres, writes
stations.geojson and candidates.geojson, and writes the hotspot members (pick-up and
drop-off places) as a CSV for `nuanxin hotspots`, which aggregates them into 200 m cells.
`derive_geodata.py hotspots` then adds each hotspot's district and writes hotspots.geojson.
Outputs are byte-identical for the same inputs: features sorted, keys sorted,
coordinates written with 7 decimals.
"""

import argparse
import json
import math
import re
import subprocess
import sys

WGS84 = "EPSG:4326"
METRIC_CRS = "EPSG:4544"  # CGCS2000 / 3-degree Gauss-Kruger CM 105E (covers 103.5E-106.5E)

# OSM tag -> station kind. Sites a city can use as a 暖新 station.
STATION_TAGS = {
    ("amenity", "community_centre"): "community_centre",
    ("amenity", "townhall"): "townhall",
    ("office", "government"): "government",
    ("amenity", "bank"): "bank",
    ("amenity", "pharmacy"): "pharmacy",
    ("shop", "mall"): "mall",
    ("tourism", "hotel"): "hotel",
}
# Kinds in the order a first phase prefers them (public buildings first).
STATION_KIND_ORDER = ["party_mass_service_centre", "community_centre", "townhall",
                      "government", "bank", "pharmacy", "mall", "hotel"]
PARTY_MASS_NAME = "党群服务"  # 党群服务中心 (party-mass service centre), by name

PICKUP_TAGS = {("amenity", "restaurant"), ("amenity", "fast_food"), ("amenity", "cafe"),
               ("shop", "supermarket"), ("shop", "convenience")}
RESIDENTIAL_BUILDINGS = {"residential", "apartments", "house", "dormitory", "detached",
                         "semidetached_house", "terrace"}

# First phase of illustrative existing stations: how many in each district (by the
# `name` of districts.geojson). 成华区 gets one at most, so its large area stays a gap.
STATION_QUOTA = [("锦江区", 4), ("青羊区", 4), ("金牛区", 3), ("成华区", 1)]
# A first phase grows out from the city centre: 天府广场 (Tianfu Square), WGS84.
CITY_CENTRE = (104.0657, 30.6574)
STATION_MIN_SPACING_M = 600.0   # no two illustrative stations closer than this
# Hotspot members go to `nuanxin hotspots` as WGS84 lon/lat with this many decimals
# (1e-15 degrees: below a double's resolution, so nuanxin's metric positions are the
# script's to ~1e-9 m).
MEMBER_DECIMALS = 15


# Illustrative service attributes (tier, services, opening_hours, capacity) by kind, the
# 1+N pattern: one 暖新服务中心 (centre: party-mass service centre or public building, all
# services, open 24/7) and N 暖新服务驿站 (posts: rest, water, toilet, plus what the host
# has). Mirrors the defaults of Sources/Facilities/StationAttributes.swift; see SOURCES.md.
CENTRE_KINDS = {"party_mass_service_centre", "community_centre", "townhall", "government"}
ALL_SERVICES = ["rest", "water", "toilet", "charging", "first_aid", "microwave", "storage",
                "repair", "feedback", "exchange"]
POST_SERVICES = {
    "bank": ["rest", "water", "toilet"],
    "pharmacy": ["rest", "water", "toilet", "first_aid"],
    "mall": ["rest", "water", "toilet", "charging"],
    "hotel": ["rest", "water", "toilet", "charging"],
}
POST_HOURS = {
    "bank": "Mo-Fr 09:00-17:00",          # bank hall office hours
    "pharmacy": "08:00-22:00",
    "mall": "10:00-22:00",
    "hotel": "24/7",                      # hotel lobby, staffed around the clock
}
CAPACITY = {"centre": 20, "mall": 10, "hotel": 6, "bank": 6, "pharmacy": 4}  # seats
# Per-site exceptions (OSM id -> opening_hours), so the demo city has a 24-hour pharmacy
# and a bank hall also open at weekends, as real Chengdu branches are.
HOURS_OVERRIDES = {
    "n4793354996": "24/7",                                   # S06 Nepstar drugstore
    "n5451167233": "Mo-Fr 09:00-17:00; Sa-Su 09:30-16:00",   # S07 中国农业银行
}
# An OSM opening_hours tag is used when present and made only of characters the simple
# syntax needs (weekdays, months, times, separators); otherwise the kind's value.
OSM_HOURS_SAFE = re.compile(r"^[A-Za-z0-9:,;/+\- ]+$")


def service_attributes(site):
    """tier, services, opening_hours and capacity for a station or candidate (illustrative)."""
    kind = site["kind"]
    if kind in CENTRE_KINDS:
        tier, services, hours, capacity = "centre", ALL_SERVICES, "24/7", CAPACITY["centre"]
    else:
        tier = "post"
        services = POST_SERVICES.get(kind, ["rest", "water", "toilet"])
        hours = POST_HOURS.get(kind, "24/7")
        capacity = CAPACITY.get(kind, 4)
    tagged = site["tags"].get("opening_hours", "")
    if tagged and OSM_HOURS_SAFE.match(tagged):
        hours = tagged
    hours = HOURS_OVERRIDES.get(site["osm_id"], hours)
    return {"tier": tier, "services": list(services), "opening_hours": hours, "capacity": capacity}


def decode_opl(text):
    """Undo OPL escaping: %XXXX% is a Unicode code point in hex."""
    return re.sub(r"%([0-9a-fA-F]+)%", lambda m: chr(int(m.group(1), 16)), text)


def parse_tags(field):
    tags = {}
    if not field:
        return tags
    for pair in field.split(","):
        key, _, value = pair.partition("=")
        tags[decode_opl(key)] = decode_opl(value)
    return tags


def read_opl(path):
    """Yield (osm_id, tags, [(lon, lat), ...]) for tagged nodes and ways."""
    way_node = re.compile(r"n(-?\d+)x(-?[\d.]+)y(-?[\d.]+)")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split(" ")
            head = fields[0]
            parts = {f[0]: f[1:] for f in fields[1:] if f}
            tags = parse_tags(parts.get("T", ""))
            if not tags:
                continue
            if head[0] == "n":
                if parts.get("x") and parts.get("y"):
                    yield head, tags, [(float(parts["x"]), float(parts["y"]))]
            elif head[0] == "w":
                points = [(float(x), float(y)) for _, x, y in way_node.findall(parts.get("N", ""))]
                if points:
                    yield head, tags, points


def cs2cs(points, source, target, decimals):
    """Transform (x, y) pairs with PROJ's cs2cs; -r/-s keep (lon, lat) / (easting, northing) order."""
    if not points:
        return []
    text = "".join(f"{x!r} {y!r}\n" for x, y in points)
    result = subprocess.run(["cs2cs", "-r", "-s", "-f", f"%.{decimals}f", source, target],
                            input=text, capture_output=True, text=True, check=True)
    out = []
    for line in result.stdout.splitlines():
        cols = line.split()
        x, y = float(cols[0]), float(cols[1])
        if not (math.isfinite(x) and math.isfinite(y)):
            sys.exit(f"derive-geodata: cs2cs returned a non-finite coordinate: {line!r}")
        out.append((x, y))
    if len(out) != len(points):
        sys.exit(f"derive-geodata: cs2cs returned {len(out)} points for {len(points)}: {result.stderr}")
    return out


def metric_centroid(points):
    """Area centroid of a closed ring (metres); vertex mean for open or degenerate ways."""
    closed = len(points) >= 4 and points[0] == points[-1]
    if closed:
        ring = points[:-1]
        x0, y0 = ring[0]
        area2 = cx = cy = 0.0
        for i in range(len(ring)):
            xa, ya = ring[i][0] - x0, ring[i][1] - y0
            xb, yb = ring[(i + 1) % len(ring)][0] - x0, ring[(i + 1) % len(ring)][1] - y0
            cross = xa * yb - xb * ya
            area2 += cross
            cx += (xa + xb) * cross
            cy += (ya + yb) * cross
        if abs(area2) > 1e-9:
            return (x0 + cx / (3.0 * area2), y0 + cy / (3.0 * area2))
        points = ring
    n = len(points)
    return (sum(p[0] for p in points) / n, sum(p[1] for p in points) / n)


def point_in_ring(lon, lat, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def district_of(lon, lat, districts):
    for name, polygons in districts:
        for rings in polygons:
            if point_in_ring(lon, lat, rings[0]) and not any(point_in_ring(lon, lat, h) for h in rings[1:]):
                return name
    return None


def load_districts(path):
    with open(path, encoding="utf-8") as handle:
        collection = json.load(handle)
    districts = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        districts.append((feature["properties"]["name"], polygons))
    return districts


def osm_sort_key(osm_id):
    return ("nwr".index(osm_id[0]), int(osm_id[1:]))


def station_kind(tags):
    for (key, value), kind in STATION_TAGS.items():
        if tags.get(key) == value:
            return "party_mass_service_centre" if PARTY_MASS_NAME in tags.get("name", "") else kind
    return None


def display_name(tags, kind, osm_id):
    for key in ("name", "name:zh", "name:en"):
        if tags.get(key):
            return tags[key]
    return f"{kind} (OSM {osm_id})"


def fixed(value):
    return f"{value:.7f}"


def encode(value):
    """JSON with sorted keys; floats only occur in coordinates and are written by `fixed`."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{encode(value[k])}" for k in sorted(value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(encode(v) for v in value) + "]"
    if isinstance(value, float):
        return fixed(value)
    return json.dumps(value, ensure_ascii=False)


def write_collection(path, features):
    lines = [encode({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                     "properties": props}) for (lon, lat), props in features]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{"type":"FeatureCollection","features":[\n')
        handle.write(",\n".join(lines))
        handle.write("\n]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    sites = steps.add_parser("sites", help="stations, candidates and the hotspot members CSV")
    sites.add_argument("--opl", required=True)
    sites.add_argument("--districts", required=True)
    sites.add_argument("--bbox", required=True, help="min_lon,min_lat,max_lon,max_lat")
    sites.add_argument("--out", required=True)
    sites.add_argument("--members", required=True, help="CSV of hotspot members for nuanxin hotspots")
    hotspots = steps.add_parser("hotspots", help="hotspots.geojson from nuanxin hotspots' GeoJSON")
    hotspots.add_argument("--nuanxin", required=True, help="GeoJSON written by nuanxin hotspots")
    hotspots.add_argument("--districts", required=True)
    hotspots.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.step == "sites":
        derive_sites(args)
    else:
        derive_hotspots(args)


def by_district(features, field=None):
    counts = {}
    for _, props in features:
        counts[props["district"]] = counts.get(props["district"], 0) + (props[field] if field else 1)
    return ", ".join(f"{d} {n}" for d, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def derive_sites(args):
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in args.bbox.split(","))
    districts = load_districts(args.districts)

    objects = sorted(read_opl(args.opl), key=lambda o: osm_sort_key(o[0]))
    all_points = [p for _, _, pts in objects for p in pts]
    projected = iter(cs2cs(all_points, WGS84, METRIC_CRS, 3))
    metric = [(osm_id, tags, metric_centroid([next(projected) for _ in pts])) for osm_id, tags, pts in objects]
    lonlat = cs2cs([m for _, _, m in metric], METRIC_CRS, WGS84, 9)
    centre_xy = cs2cs([CITY_CENTRE], WGS84, METRIC_CRS, 3)[0]

    sites, pickups, dropoffs = [], [], []
    for (osm_id, tags, xy), (lon, lat) in zip(metric, lonlat):
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            continue
        kind = station_kind(tags)
        if kind:
            sites.append({"osm_id": osm_id, "tags": tags, "kind": kind, "xy": xy, "lonlat": (lon, lat),
                          "district": district_of(lon, lat, districts)})
        if any(tags.get(k) == v for k, v in PICKUP_TAGS):
            pickups.append((osm_id, xy))
        elif tags.get("building") in RESIDENTIAL_BUILDINGS or tags.get("landuse") == "residential":
            dropoffs.append((osm_id, xy))

    # Illustrative first-phase stations: per district quota, named sites first, kinds in
    # preference order, nearest to the city centre first (osm id breaks ties), at least
    # STATION_MIN_SPACING_M apart.
    def preference(site):
        named = 0 if site["tags"].get("name") else 1
        return (named, STATION_KIND_ORDER.index(site["kind"]), round(math.dist(site["xy"], centre_xy), 3),
                osm_sort_key(site["osm_id"]))

    chosen = []
    for district, quota in STATION_QUOTA:
        pool = sorted((s for s in sites if s["district"] == district), key=preference)
        taken = 0
        while taken < quota:
            # One round over the kinds, so a district's stations are not all banks.
            taken_before = taken
            for kind in STATION_KIND_ORDER:
                if taken == quota:
                    break
                for site in pool:
                    if site["kind"] == kind and all(
                            math.dist(site["xy"], c["xy"]) >= STATION_MIN_SPACING_M for c in chosen):
                        chosen.append(site)
                        pool.remove(site)
                        taken += 1
                        break
            if taken == taken_before:
                break
    chosen_ids = {s["osm_id"] for s in chosen}
    stations = []
    for index, site in enumerate(sorted(chosen, key=lambda s: osm_sort_key(s["osm_id"])), start=1):
        stations.append((site["lonlat"], {
            "id": f"S{index:02d}", "name": display_name(site["tags"], site["kind"], site["osm_id"]),
            "kind": site["kind"], "osm_id": site["osm_id"], "district": site["district"],
            "illustrative": True, **service_attributes(site)}))
    candidates = []
    rest = [s for s in sites if s["osm_id"] not in chosen_ids]
    for index, site in enumerate(rest, start=1):
        candidates.append((site["lonlat"], {
            "id": f"C{index:03d}", "name": display_name(site["tags"], site["kind"], site["osm_id"]),
            "kind": site["kind"], "osm_id": site["osm_id"], "district": site["district"],
            **service_attributes(site)}))

    # Hotspot members for `nuanxin hotspots --position mean --count-by kind`: one row per
    # pick-up or drop-off place (weight 1), at its metric position taken back to WGS84.
    members = sorted([(osm_id, "pickup", xy) for osm_id, xy in pickups] + [(osm_id, "dropoff", xy) for osm_id, xy in dropoffs],
                     key=lambda m: osm_sort_key(m[0]))
    member_lonlat = cs2cs([xy for _, _, xy in members], METRIC_CRS, WGS84, MEMBER_DECIMALS)
    with open(args.members, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("id,lon,lat,weight,kind\n")
        for (osm_id, role, _), (lon, lat) in zip(members, member_lonlat):
            handle.write(f"{osm_id},{lon:.{MEMBER_DECIMALS}f},{lat:.{MEMBER_DECIMALS}f},1,{role}\n")

    write_collection(f"{args.out}/stations.geojson", stations)
    write_collection(f"{args.out}/candidates.geojson", candidates)

    inside = sum(1 for lon, lat in lonlat if min_lon <= lon <= max_lon and min_lat <= lat <= max_lat)
    print(f"read {len(objects)} tagged objects, {inside} inside the study area {args.bbox}")
    print(f"stations {len(stations)} ({by_district(stations)})")
    print(f"candidates {len(candidates)} ({by_district(candidates)})")
    print(f"hotspot members: {len(pickups)} pickup + {len(dropoffs)} dropoff")


def derive_hotspots(args):
    """hotspots.geojson: nuanxin's hotspots with their district, the properties of the shipped file."""
    districts = load_districts(args.districts)
    with open(args.nuanxin, encoding="utf-8") as handle:
        collection = json.load(handle)
    hotspots = []
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        hotspots.append(((lon, lat), {
            "id": props["id"], "weight": int(props["weight"]), "kind": props["kind"],
            "pickup": props.get("pickup", 0), "dropoff": props.get("dropoff", 0),
            "district": district_of(lon, lat, districts)}))
    write_collection(f"{args.out}/hotspots.geojson", hotspots)
    pickup = sum(p["pickup"] for _, p in hotspots)
    dropoff = sum(p["dropoff"] for _, p in hotspots)
    print(f"hotspots {len(hotspots)} from {pickup} pickup + {dropoff} dropoff members, "
          f"total weight {sum(p['weight'] for _, p in hotspots)}")
    print(f"hotspots by district: cells {by_district(hotspots)}; weight {by_district(hotspots, 'weight')}")


if __name__ == "__main__":
    main()
