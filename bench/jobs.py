"""The peers' side of every benchmark case, grouped by peer.

A *peer group* is one peer on one city. Its constructor is the setup that is not timed
(reading the edges CSV, building the graph, snapping the points, loading tiles); each of
its `cases()` is one timed job, named like the nuanxin case it is compared with. The
harness runs a group in its own child process (`harness.py --child GROUP --city NAME`),
so the peak RSS it reports is that group's own. A group may time a build step inside its
setup and report it as the `import` case (pandana's contraction hierarchy, networkx's
graph); that case then has one run.

All routing peers read the graph `nuanxin network export` writes (WGS84 node coordinates,
directed edges with seconds), so both sides route on the same graph; they snap a point to
the nearest graph *node*, where nuanxin snaps to the nearest point of an edge and walks
the gap (door to door), which explains small differences in the counts and shares.
"""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd

import peers
from inputs import WORK, City

LIMIT_S = 15 * 60.0
MINUTES = (5, 10, 15)


def covered_share(seconds: np.ndarray, weights) -> float:
    weights = np.asarray(weights, float)
    return round(float(weights[np.asarray(seconds) < LIMIT_S].sum() / weights.sum()), 4)


def audit_points(city: City) -> tuple[list, list]:
    """Stations and hotspots of the audit case (synth-1M: 200 stations, 100k hotspots)."""
    return city.points.get("stations200", city.points["stations"]), city.points["hotspots"]


class NetworkxGroup:
    """networkx 3.7 `multi_source_dijkstra_path_length` with a 15-minute cutoff."""
    label = "networkx multi_source_dijkstra"
    labels = {"import": "networkx: edges CSV → DiGraph (not from OSM)"}
    case_keys = ("import", "times-1", "times-40", "audit")

    def __init__(self, city: City):
        import networkx  # noqa: F401  (imports are set-up, not timed)

        self.city = city
        started = time.perf_counter()
        edges = peers.read_edges(city.edges_csv)
        self.graph = peers.networkx_graph(edges)
        self.import_s = time.perf_counter() - started
        self.snapper = peers.NodeSnapper(peers.node_table(edges))
        self.nodes = {key: self.snapper.nearest(*zip(*points))[0].tolist() for key, points in city.points.items()
                      if key in ("one", "sources40", "stations", "stations200", "hotspots")}

    def cases(self):
        return {"import": None, "times-1": lambda: self.times("one"), "times-40": lambda: self.times("sources40"),
                "audit": self.audit}

    def times(self, key):
        reached = peers.networkx_reach(self.graph, self.nodes[key], LIMIT_S)
        return {"nodes reached": sum(1 for s in reached.values() if s < LIMIT_S)}

    def audit(self):
        key = "stations200" if "stations200" in self.nodes else "stations"
        reached = peers.networkx_reach(self.graph, self.nodes[key], LIMIT_S)
        seconds = np.array([reached.get(n, np.inf) for n in self.nodes["hotspots"]])
        return {"covered weight share": covered_share(seconds, self.city.weights)}


class PandanaGroup:
    """pandana 0.8 (contraction hierarchies): `set_pois` + `nearest_pois` over all nodes."""
    label = "pandana nearest_pois"
    labels = {"import": "pandana: edges CSV → contraction hierarchy"}
    case_keys = ("import", "times-1", "times-40", "audit")

    def __init__(self, city: City):
        import pandana  # noqa: F401  (imports are set-up, not timed)

        self.city = city
        edges = peers.read_edges(city.edges_csv)
        started = time.perf_counter()
        self.network = peers.pandana_network(edges)
        self.import_s = time.perf_counter() - started
        self.hotspot_nodes = self.network.get_node_ids(*map(pd.Series, zip(*city.points["hotspots"]))).to_numpy()

    def cases(self):
        return {"import": None, "times-1": lambda: self.times("one"), "times-40": lambda: self.times("sources40"),
                "audit": self.audit}

    def nearest(self, points) -> pd.Series:
        lons, lats = zip(*points)
        self.network.set_pois("stations", LIMIT_S, 1, pd.Series(lons), pd.Series(lats))
        return self.network.nearest_pois(LIMIT_S, "stations", num_pois=1)[1]

    def times(self, key):
        return {"nodes reached": int((self.nearest(self.city.points[key]) < LIMIT_S).sum())}

    def audit(self):
        seconds = self.nearest(audit_points(self.city)[0]).loc[self.hotspot_nodes].to_numpy()
        return {"covered weight share": covered_share(seconds, self.city.weights)}


class ValhallaGroup:
    """pyvalhalla 3.9.1 Actor on prebuilt tiles: `isochrone` (bicycle, cycling_speed 15,
    contours 5/10/15, polygons) one station per request, and `matrix` (sources_to_targets)."""
    label = "valhalla Actor"
    case_keys = ("reach-merged", "reach-per-station", "reach-random100", "audit")

    def __init__(self, city: City):
        from shapely import geometry  # noqa: F401  (imports are set-up, not timed)

        self.city = city
        self.actor = peers.valhalla_actor(json.loads((city.valhalla_dir / "config.json").read_text()))
        self.polygons = {}

    def cases(self):
        cases = {"reach-merged": self.merged, "reach-per-station": lambda: self.per_station("stations"),
                 "reach-random100": lambda: self.per_station("random100")}
        if self.city.name == "chengdu":       # 40 x 3,824 on synth-100k: 357 s and 8.9 GB RSS in a trial
            cases["audit"] = self.audit
        return cases

    def isochrones(self, key):
        result = peers.valhalla_isochrones(self.actor, self.city.points[key], MINUTES)
        self.polygons[key] = [{f["properties"]["contour"]: f["geometry"] for f in r["features"]} for r in result]
        return result

    def per_station(self, key):
        return {"isochrones": len(self.isochrones(key))}

    def merged(self):
        from shapely import geometry, union_all

        result = self.isochrones("stations")
        areas = {}
        for m in MINUTES:
            shapes = [geometry.shape(f["geometry"]) for r in result for f in r["features"]
                      if f["properties"]["contour"] == m]
            areas[m] = union_all(shapes)
        return {"isochrones": len(result), "merged levels": len(areas)}

    def audit(self):
        stations, hotspots = audit_points(self.city)
        table = peers.valhalla_matrix(self.actor, stations, hotspots)
        best = np.nanmin(np.where(np.isnan(table), np.inf, table), axis=0)
        return {"covered weight share": covered_share(best, self.city.weights)}

    def finish(self):
        (WORK / f"{self.city.name}-valhalla-isochrones.json").write_text(json.dumps(self.polygons))


class RecipeGroup:
    """The osmnx isochrone example (ego_graph by time, convex hull and 50 m buffered edges) on a
    networkx graph of the edges CSV; merged circles are the union of the per-station ones."""
    label = "osmnx recipe: ego_graph + hull/buffer"
    case_keys = ("reach-merged", "reach-per-station", "reach-random100")
    max_repeats = 1           # minutes per run on synth-100k

    def __init__(self, city: City):
        import shapely  # noqa: F401  (imports are set-up, not timed)

        self.city = city
        edges = peers.read_edges(city.edges_csv)
        self.graph = peers.networkx_graph(edges)
        nodes = peers.node_table(edges)
        self.node_xy = peers.node_xy(nodes)
        snapper = peers.NodeSnapper(nodes)
        self.nodes = {key: snapper.nearest(*zip(*city.points[key]))[0].tolist()
                      for key in ("stations", "random100")}
        self.polygons = {}

    def cases(self):
        cases = {"reach-per-station": lambda: self.per_station("stations")}
        if self.city.name == "chengdu":       # on synth-100k these take 3-4 minutes each
            cases.update({"reach-merged": self.merged, "reach-random100": lambda: self.per_station("random100")})
        return cases

    def per_station(self, key):
        result = [peers.isochrone_recipe(self.graph, self.node_xy, n, MINUTES) for n in self.nodes[key]]
        self.polygons[key] = result
        return {"isochrones": len(result)}

    def merged(self):
        from shapely import union_all

        result = [peers.isochrone_recipe(self.graph, self.node_xy, n, MINUTES) for n in self.nodes["stations"]]
        merged = {m: union_all([r[m]["buffered"] for r in result]) for m in MINUTES}
        return {"merged 15-min buffered km2": round(merged[15].area / 1e6, 2)}

    def finish(self):
        from shapely import to_geojson

        out = {key: [{kind: json.loads(to_geojson(r[15][kind])) for kind in ("hull", "buffered")} for r in result]
               for key, result in self.polygons.items()}
        (WORK / f"{self.city.name}-recipe-isochrones.json").write_text(json.dumps(out))


class OsmnxXmlGroup:
    """osmnx 2.1.1 `graph_from_xml` (simplified) on the e-bike roads (pre-filtered by osmium)."""
    label = "osmnx graph_from_xml"
    case_keys = ("import",)

    def __init__(self, city: City):
        import osmnx  # noqa: F401  (imports are set-up, not timed)

        self.city = city
        if not city.roads_xml.exists():
            peers.filter_ebike_roads(city.pbf, city.roads_xml)

    def cases(self):
        return {"import": self.build}

    def build(self):
        graph = peers.osmnx_graph(self.city.roads_xml)
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


class ValhallaBuildGroup:
    """`valhalla_build_config` + `valhalla_build_tiles` on the OSM file (one run)."""
    label = "valhalla_build_tiles"
    case_keys = ("import",)

    def __init__(self, city: City):
        self.city = city

    def cases(self):
        return {"import": self.build}

    def build(self):
        peers.valhalla_build(self.city.pbf, WORK / f"valhalla-build-{self.city.name}")
        return {}


GROUPS = {"networkx": NetworkxGroup, "pandana": PandanaGroup, "valhalla": ValhallaGroup,
          "recipe": RecipeGroup, "osmnx-xml": OsmnxXmlGroup, "valhalla-build": ValhallaBuildGroup}


def run_group(group_class, city: City, repeats: int, only: set | None = None) -> dict:
    """Set the group up, time each case `repeats` times; {case: {"times": [...], "info": {...}}}."""
    group = group_class(city)
    out = {}
    for case, job in group.cases().items():
        if only and case not in only:
            continue
        if job is None:                       # a build step timed inside the setup
            out[case] = {"times": [group.import_s], "info": {}}
            continue
        times, info = [], {}
        for _ in range(1 if case == "import" else min(repeats, getattr(group, "max_repeats", repeats))):
            started = time.perf_counter()
            info = job()
            times.append(time.perf_counter() - started)
        out[case] = {"times": times, "info": info}
    if hasattr(group, "finish"):
        group.finish()
    return out
