"""The planner's cases: `nuanxin plan` against spopt (PuLP + CBC) and HiGHS.

Two kinds:

- **network** (chengdu, synth-100k): `nuanxin plan --network … --objective coverage --new K`,
  heuristic and `--exact`, with the existing stations fixed. The peers get a hotspot × site
  time matrix (sites: stations, then candidates) computed outside their timing by scipy's
  bounded Dijkstra on the graph `network export` writes, with points snapped to the nearest
  node; nuanxin builds its own (door to door, points snapped onto edges), so the two
  matrices are alike but not identical: compare covered weights with that in mind. nuanxin's
  in-process time is the matrix plus the solve, as its summary prints them.
- **instances** (no road network; the very same matrix on both sides): OR-Library pmed1 and
  pmed2 (p-median, shortest-path distances, later duplicate edge wins) against spopt
  PMedian, and an MCLP on `points-csv` (euclidean; every point a demand and a candidate:
  the 3,824 hotspot POIs of synth-100k in EPSG:4544 metres, seeded weights 1–5, 1,000 m,
  p = 10) against spopt MCLP and a HiGHS MIP.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

import inputs
import jobs
import peers
from inputs import WORK, City

NEW_SITES = {"chengdu": 5, "synth-100k": 10}
# The OR-Library samples: geodata/location-samples, else $NUANXIN_SHARED/location-samples, else the
# shared folder beside the clone (../shared).
SAMPLES = next((p for p in (inputs.ROOT / "geodata" / "location-samples",
                            Path(os.environ.get("NUANXIN_SHARED", inputs.ROOT.parent / "shared")) / "location-samples")
                if (p / "pmed1.txt").exists()), None)
MCLP_DISTANCE_M = 1000.0
MCLP_P = 10


def _phase(timings: dict, name: str):
    """The seconds of phase `name` in a run's `--timings` JSON (None when absent)."""
    return timings.get("phases", {}).get(name)


def network_inproc(stdout: str, timings: dict):
    """Matrix plus solve seconds of a network-mode plan (`--timings` phases `matrix` and `solve`)."""
    matrix, solve = _phase(timings, "matrix"), _phase(timings, "solve")
    return None if matrix is None or solve is None else matrix + solve


def instance_inproc(stdout: str, timings: dict):
    """The solve seconds of a benchmark-mode plan (`--timings` phase `solve`)."""
    return _phase(timings, "solve")


def plan_info(path: Path, timings: dict) -> dict:
    import json

    plan = json.loads(path.read_text(encoding="utf-8"))["plan"]
    gap = plan["gap"]
    matrix, solve = _phase(timings, "matrix"), _phase(timings, "solve")
    assigned = ({"assigned weight": f"{plan['value_before']} → {plan['value_after']}"}   # the capacitated objective
                if plan.get("capacitated") else {})
    if plan.get("objective") == "mean-time":                 # weighted seconds (within capacity with --capacity)
        assigned = {"weighted s": f"{plan['value_before']} → {plan['value_after']}"}
    gap_info = plan.get("candidate_gap")
    if gap_info:                                             # open siting: the listed best beside the anywhere best
        assigned["listed best share"] = gap_info["listed_best_share"]
        assigned["anywhere best share"] = gap_info["anywhere_best_share"]
    return {"covered weight": f"{plan['covered_weight_before']} → {plan['covered_weight_after']}", **assigned,
            "gap": "—" if gap is None else f"{gap:.4%}", "matrix ms": round(matrix * 1e3, 2),
            "solve ms": round(solve * 1e3, 2)}


def instance_info(path: Path) -> dict:
    import json

    result = json.loads(path.read_text(encoding="utf-8"))
    gap = result["gap"]
    return {"objective": round(result["objective_value"], 4), "gap": "—" if gap is None else f"{gap:.4%}"}


def instances() -> City:
    """The instance files: pmed1, pmed2 and the points-csv MCLP (written on first use)."""
    city = City("instances", None)
    city.files = {"pmed1": SAMPLES / "pmed1.txt", "pmed2": SAMPLES / "pmed2.txt",
                  "mclp-points": WORK / "mclp-points.csv"}
    if not city.files["mclp-points"].exists():
        from pyproj import Transformer

        lon, lat = np.array(inputs.pois(inputs.synth_pbf("synth-100k"), inputs.HOTSPOT_KINDS)).T
        x, y = Transformer.from_crs("EPSG:4326", peers.METRIC_CRS, always_xy=True).transform(lon, lat)
        weights = np.random.default_rng(5).integers(1, 6, size=len(x))
        pd.DataFrame({"id": np.arange(1, len(x) + 1), "x": (x - x.min()).round(1), "y": (y - y.min()).round(1),
                      "weight": weights}).to_csv(city.files["mclp-points"], index=False)
    return city


# --------------------------------------------------------------------------- peers

def network_matrix(city: City, limit_s: float = jobs.LIMIT_S) -> tuple[np.ndarray, float]:
    """Hotspot × site seconds (sites: stations then candidates; inf beyond `limit_s`, 15 min by
    default), by scipy's bounded Dijkstra from each site on the exported graph; and the seconds it took."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    started = time.perf_counter()
    edges = peers.read_edges(city.edges_csv)
    nodes = peers.node_table(edges)
    position = pd.Series(np.arange(len(nodes)), index=nodes.index)
    graph = coo_matrix((edges["seconds"].to_numpy(), (position[edges["from"]].to_numpy(),
                        position[edges["to"]].to_numpy())), shape=(len(nodes), len(nodes))).tocsr()
    snapper = peers.NodeSnapper(nodes)
    sites = position[snapper.nearest(*zip(*(city.points["stations"] + city.points["candidates"])))[0]].to_numpy()
    demand = position[snapper.nearest(*zip(*city.points["hotspots"]))[0]].to_numpy()
    times = dijkstra(graph, directed=True, indices=sites, limit=limit_s)
    return times[:, demand].T, time.perf_counter() - started


class SpoptNetworkPlan:
    """spopt 0.8 MCLP (PuLP 3.3 + bundled CBC) on the network time matrix, stations fixed."""
    label = "spopt MCLP + PuLP CBC"
    case_keys = ("plan",)

    def __init__(self, city: City):
        import highspy  # noqa: F401  (imports are set-up, not timed)
        import spopt.locate  # noqa: F401

        self.city = city
        self.cost, self.matrix_s = network_matrix(city)
        self.fixed = np.arange(self.cost.shape[1]) < len(city.points["stations"])

    def cases(self):
        return {"plan": self.solve}

    def before(self) -> float:
        """Weight the fixed stations cover alone (with this matrix)."""
        covered = (self.cost[:, self.fixed] <= jobs.LIMIT_S).any(axis=1)
        return float(np.array(self.city.weights)[covered].sum())

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        _, covered = peers.spopt_mclp(self.cost, np.array(self.city.weights), jobs.LIMIT_S, p, self.fixed, phases)
        return {"covered weight": f"{self.before():g} → {covered:g}", **phases,
                "matrix s (untimed)": round(self.matrix_s, 2)}


class HighspyNetworkPlan(SpoptNetworkPlan):
    """The same MCLP as a MIP in HiGHS 1.16 (highspy)."""
    label = "highspy MCLP MIP"

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        _, covered, gap = peers.highspy_mclp(self.cost, np.array(self.city.weights), jobs.LIMIT_S, p,
                                             np.flatnonzero(self.fixed), phases)
        return {"covered weight": f"{self.before():g} → {covered:g}", "gap": f"{gap:.4%}", **phases}


class SpoptInstances:
    """spopt PMedian on pmed1/pmed2 and MCLP on the points-csv instance (PuLP + CBC)."""
    label = "spopt + PuLP CBC"
    case_keys = ("pmed1", "pmed2", "mclp-points")
    max_repeats = 1           # the MCLP takes 1.5 minutes per run

    def __init__(self, city: City):
        import highspy  # noqa: F401  (imports are set-up, not timed)
        import spopt.locate  # noqa: F401

        self.pmed = {key: peers.orlib_pmed_cost(city.files[key]) for key in ("pmed1", "pmed2")}
        self.mclp_cost, self.mclp_weights = peers.points_csv_cost(city.files["mclp-points"])

    def cases(self):
        return {"pmed1": lambda: self.pmedian("pmed1"), "pmed2": lambda: self.pmedian("pmed2"),
                "mclp-points": self.mclp}

    def pmedian(self, key):
        cost, p = self.pmed[key]
        phases = {}
        _, mean = peers.spopt_pmedian(cost, np.ones(len(cost)), p, phases=phases)
        return {"objective": round(mean * len(cost), 4), **phases}

    def mclp(self):
        phases = {}
        _, covered = peers.spopt_mclp(self.mclp_cost, self.mclp_weights, MCLP_DISTANCE_M, MCLP_P, phases=phases)
        return {"objective": covered, **phases}


class HighspyInstances(SpoptInstances):
    """The points-csv MCLP as a MIP in HiGHS."""
    label = "highspy MIP"
    case_keys = ("mclp-points",)

    def cases(self):
        return {"mclp-points": self.mclp}

    def mclp(self):
        phases = {}
        _, covered, gap = peers.highspy_mclp(self.mclp_cost, self.mclp_weights, MCLP_DISTANCE_M, MCLP_P,
                                             phases=phases)
        return {"objective": round(covered, 4), "gap": f"{gap:.4%}", **phases}


def site_capacities(city: City) -> np.ndarray:
    """The capacity property of each site (stations then candidates, the geodata files the
    `plan-capacity` cases give nuanxin); missing: unlimited (inf), as `nuanxin plan --capacity`
    without `--default-capacity`."""
    import json

    capacities = []
    for name in ("stations.geojson", "candidates.geojson"):
        for feature in json.loads((inputs.GEODATA / name).read_text(encoding="utf-8"))["features"]:
            value = feature["properties"].get("capacity")
            capacities.append(float(value) if value is not None else np.inf)
    return np.array(capacities)


class PulpCapacityPlan(SpoptNetworkPlan):
    """Capacitated MCLP (Current & Storbeck 1988, weight may split) written in PuLP 3.3, solved by
    its bundled CBC, on the network time matrix, stations fixed. spopt 0.8 cannot do this one:
    its MCLP takes no capacities (its LSCP and PMedian do)."""
    label = "PuLP CBC capacitated MCLP (bench model)"
    case_keys = ("plan-capacity",)

    def __init__(self, city: City):
        super().__init__(city)
        self.capacities = site_capacities(city)
        if len(self.capacities) != self.cost.shape[1]:
            raise ValueError(f"{len(self.capacities)} capacities for {self.cost.shape[1]} sites")

    def cases(self):
        return {"plan-capacity": self.solve}

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        _, assigned = peers.pulp_capacitated_mclp(self.cost, np.array(self.city.weights), jobs.LIMIT_S, p,
                                                  self.capacities, np.flatnonzero(self.fixed), phases)
        return {"assigned weight": round(assigned, 4), **phases, "matrix s (untimed)": round(self.matrix_s, 2)}


class HighspyCapacityPlan(PulpCapacityPlan):
    """The same capacitated MCLP as a MIP in HiGHS 1.16 (highspy)."""
    label = "highspy capacitated MCLP MIP"

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        _, assigned, gap = peers.highspy_capacitated_mclp(self.cost, np.array(self.city.weights), jobs.LIMIT_S, p,
                                                          self.capacities, np.flatnonzero(self.fixed), phases)
        return {"assigned weight": round(assigned, 4), "gap": f"{gap:.4%}", **phases}


# `nuanxin plan --objective mean-time --minutes 15` searches to 2 × 15 minutes and charges an unreached
# hotspot search + coverage limit = 45 minutes.
MEDIAN_SEARCH_S = 2 * jobs.LIMIT_S
MEDIAN_PENALTY_S = MEDIAN_SEARCH_S + jobs.LIMIT_S


class SpoptCapacityMedian:
    """spopt 0.8 capacitated PMedian (PuLP CBC; single-source: binary assignment, plus a dummy site
    at the unreached penalty) on a 30-minute network time matrix, stations fixed. Besides spopt's
    own objective, the split-demand cost of its sites (nuanxin's objective) by an LP."""
    label = "spopt capacitated PMedian + PuLP CBC"
    case_keys = ("plan-capacity-median",)
    max_repeats = 1

    def __init__(self, city: City):
        import highspy  # noqa: F401  (imports are set-up, not timed)
        import spopt.locate  # noqa: F401

        self.city = city
        self.cost, self.matrix_s = network_matrix(city, MEDIAN_SEARCH_S)
        self.fixed = np.flatnonzero(np.arange(self.cost.shape[1]) < len(city.points["stations"]))
        self.capacities = site_capacities(city)
        self.weights = np.array(city.weights, float)

    def cases(self):
        return {"plan-capacity-median": self.solve}

    def split_cost(self, chosen) -> float:
        return round(peers.capacitated_pmedian_cost(self.cost, self.weights, self.capacities, chosen,
                                                    MEDIAN_PENALTY_S), 1)

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        chosen, cost = peers.spopt_capacitated_pmedian(self.cost, self.weights, p, self.capacities, self.fixed,
                                                       MEDIAN_PENALTY_S, phases)
        return {"weighted s (single-source)": round(cost, 1), "weighted s (split, its sites)": self.split_cost(chosen),
                **phases, "matrix s (untimed)": round(self.matrix_s, 2)}


class HighspyCapacityMedian(SpoptCapacityMedian):
    """The split-demand capacitated p-median (nuanxin's model) as a MIP in HiGHS 1.16."""
    label = "highspy capacitated p-median MIP"
    max_repeats = 3

    def solve(self):
        p = len(self.city.points["stations"]) + NEW_SITES[self.city.name]
        phases = {}
        chosen, cost, gap = peers.highspy_capacitated_pmedian(self.cost, self.weights, p, self.capacities, self.fixed,
                                                              MEDIAN_PENALTY_S, phases)
        return {"weighted s": round(cost, 1), "gap": f"{gap:.4%}", **phases}


CITY_GROUPS = {"spopt-plan": SpoptNetworkPlan, "highspy-plan": HighspyNetworkPlan,
               "pulp-capacity": PulpCapacityPlan, "highspy-capacity": HighspyCapacityPlan,
               "spopt-capacity-median": SpoptCapacityMedian, "highspy-capacity-median": HighspyCapacityMedian}
GROUPS = {"spopt": SpoptInstances, "highspy": HighspyInstances}
