"""The benchmark cities and their point sets, derived deterministically.

A city is an OSM file plus named point sets (GeoJSON Points with an `id`, WGS84), all
written into bench/work/ and given to nuanxin and to the peers alike:

- `stations`: the stations whose circles and audit are measured (default city: the 11 of
  geodata/stations.geojson; synthetic cities: 40 POIs of the station kinds, evenly spaced
  in node id order);
- `one`: the first station (the single-source search);
- `sources40`: 40 sources for the multi-source search (default city: its 11 stations and
  the first 29 candidates; synthetic cities: the 40 stations);
- `random100`: 100 seeded random points on the road network (a random edge of `network
  export`, chosen with probability proportional to its length, and a random point along it);
- `hotspots` (weighted), `candidates`;
- synth-1M only: `stations200` (200 station-kind POIs, evenly spaced) and `hotspots` =
  every hotspot-kind POI plus seeded random road points up to 100,000 (issue 8's size).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
GEODATA = ROOT / "geodata"
STATION_KINDS = ["bank", "pharmacy", "hotel", "mall", "community_centre"]
HOTSPOT_KINDS = ["restaurant", "fast_food", "cafe", "supermarket", "convenience"]
SYNTH = {"synth-100k": 100_000, "synth-1M": 1_000_000}


@dataclass
class City:
    """One benchmark city: its OSM file, point sets (name -> [(lon, lat)]) and their files."""
    name: str
    pbf: Path
    points: dict = field(default_factory=dict)
    weights: list = field(default_factory=list)       # of `hotspots`
    files: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)        # `nuanxin network info --json`

    @property
    def edges_csv(self) -> Path:
        """The routing graph as `nuanxin network export` writes it."""
        return WORK / f"{self.name}-edges.csv"

    @property
    def roads_xml(self) -> Path:
        """E-bike roads only, as OSM XML (osmnx's input)."""
        return WORK / f"{self.name}-roads.osm"

    @property
    def valhalla_dir(self) -> Path:
        return WORK / f"valhalla-{self.name}"

    def describe(self) -> str:
        graph = (f"graph {self.stats['nodes']:,} nodes, {self.stats['edges']:,} directed edges, "
                 f"{self.stats['road_km']:,.0f} road km; " if self.stats else "")
        sizes = ", ".join(f"{len(v):,} {k}" for k, v in self.points.items())
        return f"**{self.name}** (`{self.pbf.name}`: {graph}{sizes})"


def read_points(path: Path, weight_key: str | None = None):
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    points = [tuple(f["geometry"]["coordinates"][:2]) for f in features]
    weights = [float(f["properties"].get(weight_key, 1)) for f in features] if weight_key else None
    return points, weights


def write_points(path: Path, points, prefix: str, weights=None) -> Path:
    """A GeoJSON FeatureCollection of Points with ids `<prefix>00001`… (and `weight`)."""
    features = []
    for i, (x, y) in enumerate(points):
        properties = {"id": f"{prefix}{i + 1:05d}"}
        if weights is not None:
            properties["weight"] = weights[i]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(x, 7), round(y, 7)]},
                         "properties": properties})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, sort_keys=True))
    return path


def pois(pbf: Path, kinds: list[str]) -> list:
    """Nodes tagged amenity/shop/tourism with a value in `kinds`, in node id order."""
    out = subprocess.run(["osmium", "tags-filter", "--no-progress", "-R", str(pbf),
                          "n/amenity,shop,tourism", "-f", "opl", "-o", "-"],
                         check=True, capture_output=True, text=True).stdout
    points = []
    for line in out.splitlines():
        fields = {f[0]: f[1:] for f in line.split() if f}
        tags = dict(t.split("=", 1) for t in fields.get("T", "").split(",") if "=" in t)
        if any(tags.get(k) in kinds for k in ("amenity", "shop", "tourism")):
            points.append((float(fields["x"]), float(fields["y"])))
    return points


def evenly(points: list, count: int, offset: int = 0) -> list:
    """`count` points spread evenly over the list (every len/count-th, from `offset`)."""
    step = max(1, len(points) // count)
    return points[offset::step][:count]


def random_road_points(edges_csv: Path, count: int, seed: int) -> list:
    """`count` points on the network: an edge drawn with probability ∝ its length, then a
    uniform point on its straight chord (the snap distance to the road is a few metres at most)."""
    import pandas as pd

    edges = pd.read_csv(edges_csv, usecols=["meters", "from_lon", "from_lat", "to_lon", "to_lat"])
    rng = np.random.default_rng(seed)
    meters = edges["meters"].to_numpy()
    chosen = rng.choice(len(edges), size=count, p=meters / meters.sum())
    t = rng.random(count)
    picked = edges.iloc[chosen]
    lon = picked["from_lon"].to_numpy() + t * (picked["to_lon"].to_numpy() - picked["from_lon"].to_numpy())
    lat = picked["from_lat"].to_numpy() + t * (picked["to_lat"].to_numpy() - picked["from_lat"].to_numpy())
    return list(zip(lon.round(7).tolist(), lat.round(7).tolist()))


def synth_pbf(name: str) -> Path:
    """The synthetic city's file, generated on first use (scripts/synth-city, seed 1)."""
    nodes = SYNTH[name]
    pbf = WORK / f"synth-{nodes}-s1.osm.pbf"
    if not pbf.exists():
        subprocess.run([str(ROOT / "scripts" / "synth-city"), "--nodes", str(nodes), "--seed", "1",
                        "--out", str(pbf)], check=True)
    return pbf


def city_file(name: str) -> Path:
    return GEODATA / "chengdu-center.osm.pbf" if name == "chengdu" else synth_pbf(name)


def load_points(city: City) -> City:
    """Fill in the point sets (needs city.edges_csv for the random road points) and write them."""
    if city.name == "chengdu":
        stations, _ = read_points(GEODATA / "stations.geojson")
        hotspots, weights = read_points(GEODATA / "hotspots.geojson", "weight")
        candidates, _ = read_points(GEODATA / "candidates.geojson")
        sets = {"stations": stations, "one": stations[:1], "sources40": (stations + candidates)[:40],
                "random100": random_road_points(city.edges_csv, 100, seed=7),
                "hotspots": hotspots, "candidates": candidates}
    else:
        sites = pois(city.pbf, STATION_KINDS)
        demand = pois(city.pbf, HOTSPOT_KINDS)
        stations = evenly(sites, 40)
        sets = {"stations": stations, "one": stations[:1], "sources40": stations,
                "random100": random_road_points(city.edges_csv, 100, seed=7)}
        if city.name == "synth-1M":
            sets["stations200"] = evenly(sites, 200)
            hotspots = demand + random_road_points(city.edges_csv, 100_000 - len(demand), seed=11)
        else:
            hotspots = demand
        taken = set(stations)
        sets["hotspots"] = hotspots
        sets["candidates"] = evenly([p for p in sites if p not in taken], 300, offset=1)
        weights = [1.0] * len(hotspots)
    city.points, city.weights = sets, weights
    prefix = {"hotspots": "H", "candidates": "C"}
    for key, points in sets.items():
        path = WORK / f"{city.name}-{key}.geojson"
        city.files[key] = write_points(path, points, prefix.get(key, "S"),
                                       weights if key == "hotspots" else None)
    return city
