"""Area over unreachable ground: how much of an isochrone polygon lies farther than the access
distance from every road the rider really reaches in time.

The *served region* of a station is built independently of any polygon code, from two of
nuanxin's plain outputs and the OSM road geometry:

1. `nuanxin network times --sources <station>` gives the door-to-door time of every node the
   rider reaches within the limit (the CSR graph's nodes are junctions and dead ends);
2. `nuanxin network export` gives the directed edges with their seconds;
3. the OSM highway ways (osmium tags-filter w/highway, then add-locations-to-ways) give the
   real road geometry; each way is cut at the graph's nodes (matched by their coordinates at
   1e-7 degrees) into pieces A…B. A piece stands for the edge A→B (or B→A) of the export
   whose length agrees with the piece's within 2 % + 1 m (so a footway beside a road between
   the same two junctions does not borrow the road's edge); other pieces are no usable road.

A piece A→B whose edge exists and whose start A is reached at t_A < T is reached over the
fraction (T - t_A) / seconds(A→B) of its length from A (all of it when that is ≥ 1); likewise
from B when B→A is an edge. The reached parts, buffered by the access distance (50 m,
16 segments per quarter circle) and unioned, are the served region R. For any polygon P the
"area over unreachable ground" is area(P − R), in EPSG:4544 metres. Pieces cut off by the
extract's box (an end that is no graph node) are left out, as nuanxin cuts them too.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

import peers

METRIC_CRS = peers.METRIC_CRS


class RoadPieces:
    """The e-bike roads of an OSM file cut at the graph's nodes, with the edge seconds both ways."""

    def __init__(self, pbf: Path, edges_csv: Path):
        from pyproj import Transformer

        edges = pd.read_csv(edges_csv)
        nodes = peers.node_table(edges)
        index = {(round(lon, 7), round(lat, 7)): node for node, lon, lat in
                 zip(nodes.index.tolist(), nodes["lon"].tolist(), nodes["lat"].tolist())}
        parallel = {}             # (u, v) -> [(metres, seconds)]
        for u, v, s, m in zip(edges["from"].tolist(), edges["to"].tolist(), edges["seconds"].tolist(),
                              edges["meters"].tolist()):
            parallel.setdefault((u, v), []).append((m, s))

        def seconds(u, v, length):
            matches = [s for m, s in parallel.get((u, v), []) if abs(m - length) <= 0.02 * length + 1.0]
            return min(matches) if matches else None

        to_metric = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
        self.pieces = []          # (a, b, xy array, seconds a->b or None, seconds b->a or None)
        for coords in _way_coordinates(pbf):
            graph_nodes = [i for i, c in enumerate(coords) if c in index]
            for i, j in zip(graph_nodes, graph_nodes[1:]):
                a, b = index[coords[i]], index[coords[j]]
                if a == b:
                    continue
                lon, lat = np.array(coords[i:j + 1]).T
                xy = np.column_stack(to_metric.transform(lon, lat))
                length = float(np.hypot(*np.diff(xy, axis=0).T).sum())
                forward, backward = seconds(a, b, length), seconds(b, a, length)
                if forward is not None or backward is not None:
                    self.pieces.append((a, b, xy, forward, backward))

    def reached_lines(self, times: dict, limit_s: float) -> list:
        """The reached parts of every piece as shapely LineStrings (metres)."""
        from shapely import LineString
        from shapely.ops import substring

        lines = []
        for a, b, xy, forward, backward in self.pieces:
            line = None
            for start, seconds, from_end in ((a, forward, False), (b, backward, True)):
                t = times.get(start)
                if seconds is None or t is None or t >= limit_s:
                    continue
                share = 1.0 if seconds <= 0 else min(1.0, (limit_s - t) / seconds)
                line = line or LineString(xy)
                lines.append(line if share >= 1.0 else
                             substring(line, 1.0 - share, 1.0, normalized=True) if from_end else
                             substring(line, 0.0, share, normalized=True))
        return lines


def served_region(pieces: RoadPieces, times: dict, limit_s: float, access_m: float = 50.0, lines=None):
    """The union of the reached road parts buffered by `access_m` (EPSG:4544 metres)."""
    from shapely import buffer, union_all

    lines = pieces.reached_lines(times, limit_s) if lines is None else lines
    return union_all(buffer(np.array(lines, dtype=object), access_m, quad_segs=16))


def read_times(csv_path: Path) -> dict:
    """`nuanxin network times` CSV -> {node: seconds}."""
    table = pd.read_csv(csv_path, usecols=["node", "seconds"])
    return dict(zip(table["node"].tolist(), table["seconds"].tolist()))


def to_metric(geometry):
    """A WGS84 shapely geometry in EPSG:4544 metres."""
    from pyproj import Transformer
    from shapely import transform

    transformer = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    return transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _way_coordinates(pbf: Path):
    """Each highway way's node coordinates [(lon, lat)], rounded to 1e-7 degrees."""
    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.osm.pbf"
        subprocess.run(["osmium", "tags-filter", "--overwrite", "--no-progress", str(pbf), "w/highway",
                        "-o", str(roads)], check=True)
        opl = Path(tmp) / "roads.opl"
        subprocess.run(["osmium", "add-locations-to-ways", "--overwrite", "--no-progress", str(roads),
                        "-f", "opl", "-o", str(opl)], check=True)
        with open(opl, encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("w"):
                    continue
                refs = next((f[1:] for f in line.split() if f.startswith("N")), "")
                coords = []
                for item in refs.split(","):
                    _, _, rest = item.partition("x")
                    x, _, y = rest.partition("y")
                    if x and y:
                        coords.append((round(float(x), 7), round(float(y), 7)))
                yield coords


STATIONS_MEASURED = {"chengdu": 11, "synth-100k": 10}
# The boundary error each method states, in metres: nuanxin's is `reach --help`'s bound for 10 m
# cells and 50 m access (RasterServiceArea.boundaryError: 3·10²/(8·50) + 0.02); the peers state none.
STATED_BOUND_M = {"nuanxin reach": 0.77}
METHODS = ("nuanxin reach", "valhalla isochrone", "osmnx recipe: convex hull", "osmnx recipe: buffered edges")
# Measured when its group ran (bench/pgrouting.py saves the stations' 15-minute hulls).
PGROUTING = "pgRouting drivingDistance + ST_ConcaveHull 0.9"


def measure(cities, nuanxin: Path, network_args, per_station_geojson) -> list[dict]:
    """For the first stations of each city: the 15-minute polygon of every method, its area and
    its area over unreachable ground (km²), summed over the stations and for the first one; and,
    summed over the stations, its area farther than the access distance plus the method's stated
    bound (`STATED_BOUND_M`, 0 for the peers) from the reached road (`beyond_bound`, km²) and the
    part of the served region it misses, area(R − P) (`missed`, km²)."""
    import json

    from shapely import geometry, make_valid

    out = []
    for city in cities:
        files = [per_station_geojson(city), saved_polygons(city, "valhalla"), saved_polygons(city, "recipe")]
        if not all(f.exists() for f in files):
            continue
        features = json.loads(files[0].read_text(encoding="utf-8"))["features"]
        ours = {f["properties"]["station_id"]: geometry.shape(f["geometry"]) for f in features
                if f["properties"].get("minutes") == 15 and f.get("geometry")}
        valhalla = json.loads(files[1].read_text())["stations"]
        recipe = json.loads(files[2].read_text())["stations"]
        pgr_file = saved_polygons(city, "pgrouting")
        pgr = json.loads(pgr_file.read_text())["stations"] if pgr_file.exists() else None
        methods = METHODS + ((PGROUTING,) if pgr else ())
        pieces = RoadPieces(city.pbf, city.edges_csv)
        count = min(STATIONS_MEASURED[city.name], len(city.points["stations"]))
        sums = {m: [0.0, 0.0] for m in methods}
        beyond = {m: 0.0 for m in methods}
        missed = {m: 0.0 for m in methods}
        first, served_km2 = {}, 0.0
        with tempfile.TemporaryDirectory() as tmp:
            for i, (lon, lat) in enumerate(city.points["stations"][:count]):
                station_id = f"S{i + 1:05d}"
                source, times_csv = Path(tmp) / "station.csv", Path(tmp) / "times.csv"
                source.write_text(f"id,lon,lat\n{station_id},{lon},{lat}\n")
                subprocess.run([str(nuanxin), "network", "times", *network_args(city), "--sources", str(source),
                                "--minutes", "15", "--out", str(times_csv), "--quiet"], check=True)
                lines = pieces.reached_lines(read_times(times_csv), 900.0)
                served = served_region(pieces, {}, 900.0, lines=lines)
                widened = {bound: served_region(pieces, {}, 900.0, 50.0 + bound, lines=lines)
                           for bound in set(STATED_BOUND_M.values())}
                served_km2 += served.area / 1e6
                if i == 0:
                    first["served region"] = (served.area / 1e6, 0.0)
                contours = valhalla[i]
                polygons = {
                    METHODS[0]: to_metric(ours[station_id]),
                    METHODS[1]: to_metric(make_valid(geometry.shape(contours.get("15") or contours["15.0"]))),
                    METHODS[2]: geometry.shape(recipe[i]["hull"]),
                    METHODS[3]: geometry.shape(recipe[i]["buffered"]),
                }
                if pgr:                       # an empty hull (nothing reached) has no area
                    hull = pgr[i].get("15")
                    polygons[PGROUTING] = to_metric(make_valid(geometry.shape(hull))) if hull else geometry.Polygon()
                for method, polygon in polygons.items():
                    area, over = polygon.area / 1e6, polygon.difference(served).area / 1e6
                    sums[method][0] += area
                    sums[method][1] += over
                    bound = STATED_BOUND_M.get(method, 0.0)
                    beyond[method] += (polygon.difference(widened[bound]).area / 1e6 if bound else over)
                    missed[method] += served.difference(polygon).area / 1e6
                    if i == 0:
                        first[method] = (area, over)
        out.append({"city": city.name, "stations": count, "served_km2": served_km2, "sums": sums,
                    "first": first, "beyond_bound": beyond, "missed": missed})
    return out


def saved_polygons(city, method: str) -> Path:
    """The polygons a peer group saved (bench/jobs.py `finish`)."""
    from inputs import WORK

    return WORK / f"{city.name}-{method}-isochrones.json"
