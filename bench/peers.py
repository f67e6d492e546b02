"""Peer implementations that the benchmark runs on the same inputs as nuanxin.

Every function does one job the harness times. The shared input of the routing peers
is an edges CSV with the columns of `nuanxin network export`:

    from,to,seconds,meters,from_lon,from_lat,to_lon,to_lat

(one directed edge a line, node ids as integers, WGS84 degrees). The harness always feeds
the peers nuanxin's own CSV, so both sides route on the very same graph;
`reference_edges_csv` writes a file of the same shape from an OSM extract with osmium-tool
and pyproj, so that `verify_peers.py` can check the peers without nuanxin.

Metric work (snapping, buffers) is done in EPSG:4544 (CGCS2000 GK CM 105E) through
pyproj; geodesic edge lengths come from pyproj.Geod.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

EDGE_COLUMNS = ["from", "to", "seconds", "meters", "from_lon", "from_lat", "to_lon", "to_lat"]
METRIC_CRS = "EPSG:4544"
EBIKE_SPEED_KMH = 15.0
# Roads an e-bike may use (docs/ARCHITECTURE.md, RoadNetwork profile rules: no motorways, no trunk links, no bicycle=no, no access=private).
EBIKE_HIGHWAYS = ["trunk", "primary", "primary_link", "secondary", "secondary_link", "tertiary",
                  "tertiary_link", "unclassified", "residential", "living_street", "service", "road",
                  "cycleway", "track", "pedestrian"]
VENV_BIN = Path(__file__).resolve().parent / ".venv" / "bin"


# --------------------------------------------------------------------------- inputs

def filter_ebike_roads(pbf: str | Path, out_path: str | Path) -> Path:
    """Keep only the ways an e-bike may use (and their nodes); `out_path` ending .osm gives OSM XML.

    osmnx's `graph_from_xml` turns every way into edges (buildings, rivers too), so its input
    must be filtered first.
    """
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory() as tmp:
        roads = Path(tmp) / "roads.osm.pbf"
        subprocess.run(["osmium", "tags-filter", "--overwrite", "--no-progress", str(pbf),
                        "w/highway=" + ",".join(EBIKE_HIGHWAYS), "-o", str(roads)], check=True)
        subprocess.run(["osmium", "tags-filter", "--overwrite", "--no-progress", "-i", str(roads),
                        "w/access=private,no", "w/bicycle=no", "-o", str(out_path)], check=True)
    return out_path


def reference_edges_csv(pbf: str | Path, csv_path: str | Path, speed_kmh: float = EBIKE_SPEED_KMH) -> int:
    """Write the e-bike edges CSV of an OSM extract (the `nuanxin network export` columns).

    One edge per consecutive node pair of a usable way; one-way respected unless
    oneway:bicycle=no; seconds = geodesic metres / speed. Returns the number of edges.
    """
    from pyproj import Geod

    with tempfile.TemporaryDirectory() as tmp:
        roads = filter_ebike_roads(pbf, Path(tmp) / "roads.osm.pbf")
        opl = Path(tmp) / "roads.opl"
        subprocess.run(["osmium", "add-locations-to-ways", "--overwrite", "--no-progress", str(roads),
                        "-f", "opl", "-o", str(opl)], check=True)
        src, dst, forward_only, backward_only = [], [], [], []
        lon1, lat1, lon2, lat2 = [], [], [], []
        with open(opl, encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("w"):
                    continue
                fields = {f[0]: f[1:] for f in line.split() if f}
                tags = dict(t.split("=", 1) for t in fields.get("T", "").split(",") if "=" in t)
                oneway = tags.get("oneway", "no")
                if tags.get("oneway:bicycle") == "no":
                    oneway = "no"
                refs = []
                for item in fields.get("N", "").split(","):
                    node, _, rest = item[1:].partition("x")
                    x, _, y = rest.partition("y")
                    if x and y:
                        refs.append((int(node), float(x), float(y)))
                for (a, xa, ya), (b, xb, yb) in zip(refs, refs[1:]):
                    if a == b:
                        continue
                    if oneway in ("yes", "true", "1"):
                        pairs = [((a, xa, ya), (b, xb, yb))]
                    elif oneway == "-1":
                        pairs = [((b, xb, yb), (a, xa, ya))]
                    else:
                        pairs = [((a, xa, ya), (b, xb, yb)), ((b, xb, yb), (a, xa, ya))]
                    for (u, xu, yu), (v, xv, yv) in pairs:
                        src.append(u); dst.append(v)
                        lon1.append(xu); lat1.append(yu); lon2.append(xv); lat2.append(yv)
    _, _, meters = Geod(ellps="WGS84").inv(np.array(lon1), np.array(lat1), np.array(lon2), np.array(lat2))
    edges = pd.DataFrame({"from": src, "to": dst, "meters": np.round(meters, 1)})
    edges["seconds"] = np.round(edges["meters"] / (speed_kmh / 3.6), 1)
    edges["from_lon"], edges["from_lat"], edges["to_lon"], edges["to_lat"] = lon1, lat1, lon2, lat2
    edges = edges[EDGE_COLUMNS].sort_values(["from", "to"], kind="stable")
    edges.to_csv(csv_path, index=False, float_format="%.7f")
    return len(edges)


def read_edges(csv_path: str | Path) -> pd.DataFrame:
    """Read an edges CSV; parallel edges keep the fastest."""
    edges = pd.read_csv(csv_path, dtype={"from": np.int64, "to": np.int64})
    missing = [c for c in EDGE_COLUMNS if c not in edges.columns]
    if missing:
        raise ValueError(f"{csv_path}: missing columns {missing}; expected {','.join(EDGE_COLUMNS)}")
    return edges.sort_values("seconds", kind="stable").drop_duplicates(["from", "to"]).sort_index()


def node_table(edges: pd.DataFrame) -> pd.DataFrame:
    """Node id -> lon, lat, from the edge end points."""
    a = edges[["from", "from_lon", "from_lat"]].set_axis(["id", "lon", "lat"], axis=1)
    b = edges[["to", "to_lon", "to_lat"]].set_axis(["id", "lon", "lat"], axis=1)
    return pd.concat([a, b]).drop_duplicates("id").set_index("id").sort_index()


class NodeSnapper:
    """Nearest graph node to a WGS84 point, in EPSG:4544 metres (scipy cKDTree)."""

    def __init__(self, nodes: pd.DataFrame):
        from pyproj import Transformer
        from scipy.spatial import cKDTree

        self.transformer = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
        x, y = self.transformer.transform(nodes["lon"].to_numpy(), nodes["lat"].to_numpy())
        self.ids = nodes.index.to_numpy()
        self.tree = cKDTree(np.column_stack([x, y]))

    def nearest(self, lons, lats) -> tuple[np.ndarray, np.ndarray]:
        """Node ids and snap distances in metres."""
        x, y = self.transformer.transform(np.asarray(lons, float), np.asarray(lats, float))
        dist, index = self.tree.query(np.column_stack([x, y]))
        return self.ids[index], dist


# --------------------------------------------------------------------------- networkx

def networkx_graph(edges: pd.DataFrame):
    """A networkx DiGraph with edge attribute `seconds`."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_weighted_edges_from(zip(edges["from"].tolist(), edges["to"].tolist(), edges["seconds"].tolist()),
                                  weight="seconds")
    return graph


def networkx_reach(graph, sources, cutoff_s: float) -> dict:
    """Seconds from the nearest source to every node reached within `cutoff_s` (one multi-source Dijkstra)."""
    import networkx as nx

    return nx.multi_source_dijkstra_path_length(graph, set(sources), cutoff=cutoff_s, weight="seconds")


def networkx_cost_matrix(graph, sites, demand, cutoff_s: float) -> np.ndarray:
    """Seconds from each site to each demand node (rows demand, columns sites); inf beyond cutoff_s."""
    import networkx as nx

    position = {node: i for i, node in enumerate(demand)}
    cost = np.full((len(demand), len(sites)), np.inf)
    for j, site in enumerate(sites):
        for node, seconds in nx.single_source_dijkstra_path_length(graph, site, cutoff=cutoff_s,
                                                                   weight="seconds").items():
            i = position.get(node)
            if i is not None:
                cost[i, j] = seconds
    for i, node in enumerate(demand):          # several demand points can share a node
        cost[i] = cost[position[node]]
    return cost


# --------------------------------------------------------------------------- pandana

def pandana_network(edges: pd.DataFrame):
    """A pandana Network (contraction hierarchies) weighted by seconds, one-way edges as given."""
    import pandana

    nodes = node_table(edges)
    return pandana.Network(nodes["lon"], nodes["lat"], edges["from"], edges["to"], edges[["seconds"]],
                           twoway=False)


def pandana_nearest(network, poi_lons, poi_lats, query_lons, query_lats, max_s: float) -> np.ndarray:
    """Seconds from each query point's node to the nearest POI (max_s where none is within max_s)."""
    network.set_pois("stations", max_s, 1, pd.Series(poi_lons), pd.Series(poi_lats))
    nearest = network.nearest_pois(max_s, "stations", num_pois=1)
    node_ids = network.get_node_ids(pd.Series(query_lons), pd.Series(query_lats))
    return nearest.loc[node_ids.to_numpy(), 1].to_numpy()


# --------------------------------------------------------------------------- valhalla

def _valhalla_env() -> dict:
    """The valhalla_* console scripts find their executables through PATH."""
    return dict(os.environ, PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def valhalla_build(pbf: str | Path, workdir: str | Path) -> dict:
    """Build Valhalla routing tiles for `pbf` into workdir/tiles; returns the Actor config."""
    workdir = Path(workdir).resolve()
    if workdir.exists():
        shutil.rmtree(workdir)
    (workdir / "tiles").mkdir(parents=True)
    env = _valhalla_env()
    config_text = subprocess.run(
        ["valhalla_build_config", "--mjolnir-tile-dir", str(workdir / "tiles"), "--mjolnir-tile-extract", "",
         "--mjolnir-timezone", "", "--mjolnir-admin", "", "--mjolnir-concurrency", "1"],
        check=True, capture_output=True, text=True, env=env).stdout
    config = json.loads(config_text)
    config["logging"]["type"] = ""
    (workdir / "config.json").write_text(json.dumps(config, indent=1))
    with open(workdir / "build.log", "w") as log:
        subprocess.run(["valhalla_build_tiles", "-c", str(workdir / "config.json"), str(Path(pbf).resolve())],
                       check=True, stdout=log, stderr=subprocess.STDOUT, env=env)
    return config


def valhalla_actor(config: dict):
    """An Actor on the built tiles; the bicycle matrix limit (2,500 pairs by default) is raised
    so one request can hold every station x hotspot pair."""
    import valhalla

    config = json.loads(json.dumps(config))
    config["service_limits"]["bicycle"]["max_matrix_location_pairs"] = 10_000_000
    return valhalla.Actor(config)


def _bicycle(speed_kmh: float) -> dict:
    return {"costing": "bicycle", "costing_options": {"bicycle": {"cycling_speed": speed_kmh}}}


def valhalla_isochrones(actor, points, minutes=(5, 10, 15), speed_kmh: float = EBIKE_SPEED_KMH) -> list[dict]:
    """One isochrone request per point (Valhalla takes one location), contours as polygons."""
    out = []
    for lon, lat in points:
        request = {"locations": [{"lon": lon, "lat": lat}], "contours": [{"time": m} for m in minutes],
                   "polygons": True, **_bicycle(speed_kmh)}
        response = actor.isochrone(request)
        out.append(json.loads(response) if isinstance(response, str) else response)
    return out


def valhalla_matrix(actor, sources, targets, speed_kmh: float = EBIKE_SPEED_KMH) -> np.ndarray:
    """Seconds from each source to each target (nan when unreachable)."""
    request = {"sources": [{"lon": x, "lat": y} for x, y in sources],
               "targets": [{"lon": x, "lat": y} for x, y in targets], **_bicycle(speed_kmh)}
    response = actor.matrix(request)
    response = json.loads(response) if isinstance(response, str) else response
    table = np.full((len(sources), len(targets)), np.nan)
    for row in response["sources_to_targets"]:
        for cell in row:
            if cell.get("time") is not None:
                table[cell["from_index"], cell["to_index"]] = cell["time"]
    return table


# --------------------------------------------------------------------------- osmnx

def osmnx_graph(osm_xml: str | Path, speed_kmh: float = EBIKE_SPEED_KMH):
    """osmnx graph from an OSM XML file (filtered to e-bike roads), edge `travel_time` in seconds."""
    import osmnx as ox

    graph = ox.graph_from_xml(str(osm_xml), simplify=True, retain_all=True)
    for _, _, data in graph.edges(data=True):
        data["travel_time"] = data["length"] / (speed_kmh / 3.6)
    return graph


def isochrone_recipe(graph, node_xy: dict, source, minutes=(5, 10, 15), buffer_m: float = 50.0) -> dict:
    """The osmnx isochrone example on a networkx graph of the edges CSV: for each time, the
    `ego_graph` by `seconds` around `source`, then (a) the convex hull of the reached nodes and
    (b) the reached nodes and edges buffered by `buffer_m` and unioned. `node_xy` maps node ->
    (x, y) in EPSG:4544 metres. Returns {minutes: {"hull": Polygon, "buffered": Polygon}} in metres.
    """
    import networkx as nx
    from shapely import LineString, MultiPoint, Point, buffer, union_all

    out = {}
    for m in minutes:
        sub = nx.ego_graph(graph, source, radius=m * 60.0, distance="seconds")
        points = [node_xy[n] for n in sub.nodes]
        hull = MultiPoint(points).convex_hull
        parts = [LineString([node_xy[u], node_xy[v]]) for u, v in sub.edges] + [Point(p) for p in points]
        out[m] = {"hull": hull, "buffered": union_all(buffer(np.array(parts, dtype=object), buffer_m))}
    return out


def node_xy(nodes: pd.DataFrame) -> dict:
    """Node id -> (x, y) in EPSG:4544 metres."""
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True).transform(
        nodes["lon"].to_numpy(), nodes["lat"].to_numpy())
    return dict(zip(nodes.index.tolist(), zip(x.tolist(), y.tolist())))


# --------------------------------------------------------------------------- location-allocation

def _cbc():
    import pulp

    return pulp.PULP_CBC_CMD(msg=False)


def _phase(phases: dict | None, name: str, started: float) -> float:
    """Record the seconds since `started` under `name` (when phases are wanted); the time now."""
    now = time.perf_counter()
    if phases is not None:
        phases[name] = round(now - started, 3)
    return now


def spopt_mclp(cost: np.ndarray, weights: np.ndarray, service_s: float, p: int, fixed: np.ndarray | None = None,
               phases: dict | None = None):
    """Maximal covering (spopt MCLP, PuLP CBC): p sites in all (fixed ones included). Returns
    (chosen site indices, covered weight); `phases` gets the seconds of "model" (building the
    PuLP model in Python) and "solve" (PuLP writing it out, CBC, reading back)."""
    from spopt.locate import MCLP

    started = time.perf_counter()
    cost = np.where(np.isfinite(cost), cost, service_s * 1000.0)
    model = MCLP.from_cost_matrix(cost, weights, service_s, p_facilities=p, predefined_facilities_arr=fixed)
    started = _phase(phases, "model s", started)
    model = model.solve(_cbc())
    _phase(phases, "solve s", started)
    chosen = [j for j, clients in enumerate(model.fac2cli) if len(clients) or model.fac_vars[j].value() > 0.5]
    covered = float(sum(weights[i] for i in range(len(weights)) if any(cost[i, j] <= service_s for j in chosen)))
    return chosen, covered


def spopt_lscp(cost: np.ndarray, service_s: float, fixed: np.ndarray | None = None):
    """Location set covering (spopt LSCP, PuLP CBC) of the demand any site can cover. Returns
    (chosen site indices, number of demand points it had to cover)."""
    from spopt.locate import LSCP

    coverable = (cost <= service_s).any(axis=1)
    sub = np.where(np.isfinite(cost[coverable]), cost[coverable], service_s * 1000.0)
    model = LSCP.from_cost_matrix(sub, service_s, predefined_facilities_arr=fixed).solve(_cbc())
    chosen = [j for j in range(sub.shape[1]) if model.fac_vars[j].value() > 0.5]
    return chosen, int(coverable.sum())


def spopt_pmedian(cost: np.ndarray, weights: np.ndarray, p: int, unreachable_s: float = 3600.0,
                  phases: dict | None = None):
    """p-median (spopt PMedian, PuLP CBC): minimise weighted time. Returns (chosen, mean seconds);
    `phases` as in spopt_mclp."""
    from spopt.locate import PMedian

    started = time.perf_counter()
    cost = np.where(np.isfinite(cost), cost, unreachable_s)
    model = PMedian.from_cost_matrix(cost, weights, p_facilities=p)
    started = _phase(phases, "model s", started)
    model = model.solve(_cbc())
    _phase(phases, "solve s", started)
    chosen = [j for j in range(cost.shape[1]) if model.fac_vars[j].value() > 0.5]
    mean = float((weights * cost[:, chosen].min(axis=1)).sum() / weights.sum())
    return chosen, mean


def highspy_mclp(cost: np.ndarray, weights: np.ndarray, service_s: float, p: int, fixed=(),
                 phases: dict | None = None):
    """Maximal covering as a MIP solved by HiGHS directly. Returns (chosen, covered weight, gap);
    `phases` gets "model s" (building the rows through highspy's Python API) and "solve s"."""
    import highspy

    started = time.perf_counter()
    covers = cost <= service_s
    n_demand, n_sites = covers.shape
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    x = [h.addBinary() for _ in range(n_sites)]
    y = [h.addVariable(lb=0.0, ub=1.0) for _ in range(n_demand)]
    for i in range(n_demand):
        sites = np.flatnonzero(covers[i])
        if len(sites) == 0:
            h.addConstr(y[i] <= 0)
        else:
            h.addConstr(y[i] <= sum(x[j] for j in sites))
    h.addConstr(sum(x) <= p)
    for j in fixed:
        h.addConstr(x[j] >= 1)
    started = _phase(phases, "model s", started)
    h.maximize(sum(float(weights[i]) * y[i] for i in range(n_demand)))
    _phase(phases, "solve s", started)
    values = h.getSolution().col_value
    chosen = [j for j in range(n_sites) if values[j] > 0.5]
    info = h.getInfo()
    return chosen, float(info.objective_function_value), float(info.mip_gap)


def highspy_lp_check() -> float:
    """A tiny LP (max x + y, x + 2y <= 4, 3x + y <= 6) whose optimum is 2.8."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    x = h.addVariable(lb=0)
    y = h.addVariable(lb=0)
    h.addConstr(x + 2 * y <= 4)
    h.addConstr(3 * x + y <= 6)
    h.maximize(x + y)
    return float(h.getInfo().objective_function_value)


def orlib_pmed_cost(path: str | Path) -> tuple[np.ndarray, int]:
    """OR-Library p-median instance -> (all-pairs shortest-path matrix, p). A vertex pair listed
    twice keeps the later cost, as in Beasley's code (the published optima depend on it)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import shortest_path

    lines = Path(path).read_text().split("\n")
    n, _, p = (int(v) for v in lines[0].split())
    cost = {}
    for line in lines[1:]:
        parts = line.split()
        if len(parts) == 3:
            i, j, c = int(parts[0]) - 1, int(parts[1]) - 1, float(parts[2])
            cost[(min(i, j), max(i, j))] = c
    rows, cols = zip(*cost)
    graph = coo_matrix((list(cost.values()), (rows, cols)), shape=(n, n)).tocsr()
    return shortest_path(graph, directed=False), p


def points_csv_cost(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """`id,x,y,weight` points -> (euclidean distance matrix, weights); every point is both a
    demand and a candidate, as in `nuanxin plan --instance-format points-csv`."""
    from scipy.spatial.distance import cdist

    table = pd.read_csv(path)
    xy = table[["x", "y"]].to_numpy(float)
    return cdist(xy, xy), table["weight"].to_numpy(float)


def _capacitated_rows(cost: np.ndarray, weights: np.ndarray, service_s: float):
    """The (demand, site) pairs within `service_s`, for the capacitated models below."""
    return [(i, j) for i, j in zip(*np.nonzero(cost <= service_s))]


def pulp_capacitated_mclp(cost: np.ndarray, weights: np.ndarray, service_s: float, p: int, capacities: np.ndarray,
                          fixed=(), phases: dict | None = None):
    """Capacitated maximal covering (Current & Storbeck 1988, weight may split), written in PuLP
    and solved by its CBC: spopt 0.8's MCLP takes no capacities (only LSCP and PMedian do).
    Variables x_j (open, binary) and a_ij in [0, 1] (share of demand i served by site j, only for
    cost_ij <= service_s); maximise sum w_i a_ij subject to sum_j a_ij <= 1, sum_i w_i a_ij <=
    cap_j x_j (a_ij <= x_j where cap_j is infinite), sum x_j <= p, x_j = 1 for the fixed sites.
    Returns (chosen site indices, assigned weight); `phases` as in spopt_mclp."""
    import pulp

    started = time.perf_counter()
    pairs = _capacitated_rows(cost, weights, service_s)
    n_sites = cost.shape[1]
    model = pulp.LpProblem("capacitated_mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(n_sites)]
    a = {(i, j): pulp.LpVariable(f"a{i}_{j}", 0, 1) for i, j in pairs}
    model += pulp.lpSum(float(weights[i]) * v for (i, _), v in a.items())
    by_demand, by_site = {}, {}
    for (i, j), v in a.items():
        by_demand.setdefault(i, []).append(v)
        by_site.setdefault(j, []).append((i, v))
    for row in by_demand.values():
        model += pulp.lpSum(row) <= 1
    for j, row in by_site.items():
        if np.isfinite(capacities[j]):
            model += pulp.lpSum(float(weights[i]) * v for i, v in row) <= float(capacities[j]) * x[j]
        else:
            for _, v in row:
                model += v <= x[j]
    model += pulp.lpSum(x) <= p
    for j in fixed:
        model += x[j] == 1
    started = _phase(phases, "model s", started)
    model.solve(_cbc())
    _phase(phases, "solve s", started)
    return [j for j in range(n_sites) if (x[j].value() or 0) > 0.5], float(pulp.value(model.objective))


def highspy_capacitated_mclp(cost: np.ndarray, weights: np.ndarray, service_s: float, p: int,
                             capacities: np.ndarray, fixed=(), phases: dict | None = None):
    """The model of pulp_capacitated_mclp as a MIP in HiGHS directly. Returns (chosen, assigned
    weight, gap); `phases` as in highspy_mclp."""
    import highspy  # noqa: F401 (loaded before the model timer starts)

    started = time.perf_counter()
    n_sites = cost.shape[1]
    h, a = _highs_capacitated_assignment(_capacitated_rows(cost, weights, service_s), weights, capacities,
                                         n_sites, p, fixed, link_capacitated=False)
    started = _phase(phases, "model s", started)
    h.maximize(sum(float(weights[i]) * v for (i, _), v in a.items()))
    _phase(phases, "solve s", started)
    values = h.getSolution().col_value
    info = h.getInfo()
    return ([j for j in range(n_sites) if values[j] > 0.5], float(info.objective_function_value),
            float(info.mip_gap))


def _highs_capacitated_assignment(pairs, weights: np.ndarray, capacities: np.ndarray, n_sites: int, p: int,
                                  fixed, link_capacitated: bool):
    """The constraints both capacitated HiGHS models share: x_j binary (column j is site j), a_ij in
    [0, 1] for each (demand, site) pair; sum_j a_ij <= 1; sum_i w_i a_ij <= cap_j x_j where the
    capacity is finite; a_ij <= x_j where it is not (and also where it is, with `link_capacitated`,
    the p-median's tighter LP); sum x_j <= p; x_j = 1 for the fixed sites. Returns (highs, {(i, j): a_ij})
    without an objective."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    x = [h.addBinary() for _ in range(n_sites)]
    a = {(i, j): h.addVariable(lb=0.0, ub=1.0) for i, j in pairs}
    by_demand, by_site = {}, {}
    for (i, j), v in a.items():
        by_demand.setdefault(i, []).append(v)
        by_site.setdefault(j, []).append((i, v))
    for row in by_demand.values():
        h.addConstr(sum(row) <= 1)
    for j, row in by_site.items():
        capacitated = np.isfinite(capacities[j])
        if capacitated:
            h.addConstr(sum(float(weights[i]) * v for i, v in row) - float(capacities[j]) * x[j] <= 0)
        if link_capacitated or not capacitated:
            for _, v in row:
                h.addConstr(v - x[j] <= 0)
    h.addConstr(sum(x) <= p)
    for j in fixed:
        h.addConstr(x[j] >= 1)
    return h, a


def capacitated_pmedian_cost(cost: np.ndarray, weights: np.ndarray, capacities: np.ndarray, chosen,
                             penalty_s: float) -> float:
    """Weighted seconds of the split-demand transportation assignment to `chosen` (weight no site
    takes pays `penalty_s`), by scipy's LP: the objective nuanxin's `--objective mean-time
    --capacity` reports, evaluated on a peer's matrix and choice."""
    from scipy.optimize import linprog
    from scipy.sparse import lil_matrix

    chosen = list(chosen)
    sub = np.where(np.isfinite(cost[:, chosen]) & (cost[:, chosen] < penalty_s), cost[:, chosen], np.inf)
    pairs = [(i, k) for i, k in zip(*np.nonzero(np.isfinite(sub)))]
    n_demand = cost.shape[0]
    a = lil_matrix((n_demand + len(chosen), len(pairs)))
    for col, (i, k) in enumerate(pairs):
        a[i, col] = 1
        a[n_demand + k, col] = weights[i]
    caps = np.array([capacities[j] if np.isfinite(capacities[j]) else weights.sum() for j in chosen])
    result = linprog(np.array([weights[i] * (sub[i, k] - penalty_s) for i, k in pairs]), A_ub=a.tocsr(),
                     b_ub=np.concatenate([np.ones(n_demand), caps]), bounds=(0, 1), method="highs")
    return float(result.fun + weights.sum() * penalty_s)


def spopt_capacitated_pmedian(cost: np.ndarray, weights: np.ndarray, p: int, capacities: np.ndarray, fixed=(),
                              penalty_s: float = 2700.0, phases: dict | None = None):
    """Capacitated p-median with spopt 0.8 `PMedian.from_cost_matrix(..., facility_capacities=...,
    predefined_facilities_arr=...)` (PuLP CBC). spopt assigns each demand to one site (binary
    z_ij: single-source) and requires every demand assigned, so a dummy site (cost `penalty_s`,
    capacity the total weight, always open) takes what no site can; unlimited capacities become
    the total weight. Returns (chosen real sites, weighted seconds of spopt's own assignment)."""
    from spopt.locate import PMedian

    started = time.perf_counter()
    total = float(weights.sum())
    matrix = np.where(np.isfinite(cost) & (cost < penalty_s), cost, penalty_s)
    matrix = np.hstack([matrix, np.full((cost.shape[0], 1), penalty_s)])
    caps = np.append(np.where(np.isfinite(capacities), capacities, total), total)
    dummy = cost.shape[1]
    model = PMedian.from_cost_matrix(matrix, weights, p_facilities=p + 1,
                                     predefined_facilities_arr=np.array(list(fixed) + [dummy]),
                                     facility_capacities=caps)
    started = _phase(phases, "model s", started)
    model = model.solve(_cbc())
    _phase(phases, "solve s", started)
    chosen = [j for j in range(cost.shape[1]) if model.fac_vars[j].value() > 0.5]
    return chosen, float(model.problem.objective.value())


def highspy_capacitated_pmedian(cost: np.ndarray, weights: np.ndarray, p: int, capacities: np.ndarray, fixed=(),
                                penalty_s: float = 2700.0, phases: dict | None = None):
    """Capacitated p-median with split demand (the model of `nuanxin plan --objective mean-time
    --capacity`) as a MIP in HiGHS: x_j binary, a_ij in [0, 1] for cost_ij < penalty; minimise
    sum w_i (cost_ij - penalty) a_ij + penalty sum w_i s.t. sum_j a_ij <= 1, sum_i w_i a_ij <=
    cap_j x_j, a_ij <= x_j, sum x_j <= p, x_j = 1 for the fixed sites. Returns (chosen, weighted
    seconds, gap); `phases` as in highspy_mclp."""
    import highspy  # noqa: F401 (loaded before the model timer starts)

    started = time.perf_counter()
    pairs = [(i, j) for i, j in zip(*np.nonzero(np.isfinite(cost) & (cost < penalty_s)))]
    n_sites = cost.shape[1]
    h, a = _highs_capacitated_assignment(pairs, weights, capacities, n_sites, p, fixed, link_capacitated=True)
    started = _phase(phases, "model s", started)
    h.minimize(sum(float(weights[i]) * (float(cost[i, j]) - penalty_s) * v for (i, j), v in a.items()))
    _phase(phases, "solve s", started)
    values = h.getSolution().col_value
    info = h.getInfo()
    return ([j for j in range(n_sites) if values[j] > 0.5],
            float(info.objective_function_value) + penalty_s * float(weights.sum()), float(info.mip_gap))
