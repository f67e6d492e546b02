"""Benchmark harness: nuanxin against its peers on the same inputs; writes bench/RESULTS.md.

    bench/.venv/bin/python bench/harness.py [--only SUBSTRING] [--repeats 3] [--skip-synth]

A *task* is one job (build a network, times from stations, isochrones, audit, plan) on
one city. Each task has the nuanxin command that does it (NUANXIN_COMMANDS) and one or
more *peers* (PEERS): a setup that is not timed and a run that is. Every measurement
runs in its own child process, so its peak RSS is that process's own (GNU time); a
measurement is the median wall time of `--repeats` runs (a peer repeats its run inside
one child after one setup; nuanxin is started anew for each repeat). The ratio is
nuanxin time / peer time (below 1: nuanxin is faster).

The nuanxin side runs only where `.build/release/nuanxin <subcommand> --help` succeeds;
other rows say "not available". Peers route on nuanxin's own `network export` CSV when
that command exists, and on peers.reference_edges_csv otherwise (RESULTS.md says which).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
NUANXIN = ROOT / ".build" / "release" / "nuanxin"
sys.path.insert(0, str(BENCH))
import peers  # noqa: E402

SERVICE_S = 15 * 60.0
MINUTES = (5, 10, 15)
NEW_SITES = {"chengdu": 5, "synth-1M": 20}


# --------------------------------------------------------------------------- inputs

@dataclass
class City:
    """One benchmark city: its OSM file and the point sets, all in WGS84."""
    name: str
    pbf: Path
    stations: list          # [(lon, lat)]
    hotspots: list          # [(lon, lat)]
    weights: list           # hotspot weights
    candidates: list        # [(lon, lat)]
    files: dict             # GeoJSON inputs for nuanxin: stations, hotspots, candidates, districts

    @property
    def edges_csv(self) -> Path:
        return WORK / f"{self.name}-edges.csv"

    @property
    def roads_xml(self) -> Path:
        return WORK / f"{self.name}-roads.osm"

    @property
    def valhalla_dir(self) -> Path:
        return WORK / f"valhalla-{self.name}"


def read_points(path: Path, weight_key: str | None = None):
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    points = [tuple(f["geometry"]["coordinates"][:2]) for f in features]
    weights = [float(f["properties"].get(weight_key, 1)) for f in features] if weight_key else None
    return points, weights


def write_points(path: Path, points, prefix: str, extra=None):
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(x, 7), round(y, 7)]},
                 "properties": {"id": f"{prefix}{i + 1:05d}", **(extra(i) if extra else {})}}
                for i, (x, y) in enumerate(points)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, sort_keys=True))


def chengdu() -> City:
    geodata = ROOT / "geodata"
    stations, _ = read_points(geodata / "stations.geojson")
    hotspots, weights = read_points(geodata / "hotspots.geojson", "weight")
    candidates, _ = read_points(geodata / "candidates.geojson")
    files = {k: geodata / f"{k}.geojson" for k in ("stations", "hotspots", "candidates", "districts")}
    return City("chengdu", geodata / "chengdu-center.osm.pbf", stations, hotspots, weights, candidates, files)


def synth_points(pbf: Path, kinds: list[str]) -> list:
    """Nodes with amenity/shop/tourism in `kinds`, in node id order."""
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


def synth_city() -> City:
    """The 1M-node synthetic city: 50 stations, 300 candidates, 5000 hotspots sampled evenly."""
    pbf = WORK / "synth-1000000-s1.osm.pbf"
    if not pbf.exists():
        subprocess.run([str(ROOT / "scripts" / "synth-city"), "--nodes", "1000000", "--seed", "1",
                        "--out", str(pbf)], check=True)
    sites = synth_points(pbf, ["bank", "pharmacy", "hotel", "mall", "community_centre"])
    demand = synth_points(pbf, ["restaurant", "fast_food", "cafe", "supermarket", "convenience"])
    stations = sites[::max(1, len(sites) // 50)][:50]
    candidates = [p for p in sites[3::max(1, len(sites) // 300)] if p not in stations][:300]
    hotspots = demand[::max(1, len(demand) // 5000)][:5000]
    files = {"stations": WORK / "synth-1M-stations.geojson", "hotspots": WORK / "synth-1M-hotspots.geojson",
             "candidates": WORK / "synth-1M-candidates.geojson"}
    write_points(files["stations"], stations, "S")
    write_points(files["hotspots"], hotspots, "H", lambda i: {"weight": 1})
    write_points(files["candidates"], candidates, "C")
    return City("synth-1M", pbf, stations, hotspots, [1.0] * len(hotspots), candidates, files)


# --------------------------------------------------------------------------- nuanxin side

# The nuanxin command of each task, after the binary. The CLI is being written while this
# harness is; adjust the flags here when a subcommand lands. A task whose subcommand does
# not answer `--help` is reported as not available.
NUANXIN_COMMANDS: dict[str, Callable[[City, Path], list[str]]] = {
    "build": lambda c, o: ["network", "export", str(c.pbf), "--profile", "ebike", "--output", str(o / "edges.csv")],
    "times": lambda c, o: ["network", "times", str(c.pbf), "--sources", str(c.files["stations"]),
                           "--minutes", "15", "--output", str(o / "times.csv")],
    "reach": lambda c, o: ["reach", str(c.pbf), "--stations", str(c.files["stations"]),
                           "--minutes", ",".join(map(str, MINUTES)), "--output", str(o / "reach.geojson")],
    "audit": lambda c, o: ["audit", str(c.pbf), "--stations", str(c.files["stations"]),
                           "--hotspots", str(c.files["hotspots"]), "--minutes", "15",
                           "--output", str(o / "audit.geojson")],
    "plan": lambda c, o: ["plan", str(c.pbf), "--stations", str(c.files["stations"]),
                          "--hotspots", str(c.files["hotspots"]), "--candidates", str(c.files["candidates"]),
                          "--new", str(NEW_SITES[c.name]), "--objective", "coverage", "--minutes", "15",
                          "--output", str(o / "plan.geojson")],
}


def nuanxin_available(argv: list[str]) -> bool:
    """True when the subcommand (the words before the first path or flag) answers --help."""
    if not NUANXIN.exists():
        return False
    words = []
    for word in argv:
        if word.startswith("-") or "/" in word:
            break
        words.append(word)
    result = subprocess.run([str(NUANXIN), *words, "--help"], capture_output=True)
    return result.returncode == 0


def export_edges(city: City) -> str:
    """Write city.edges_csv with nuanxin if it can, else with the reference exporter; say which.

    A CSV made earlier is reused only when it came from the exporter that would be used now.
    """
    argv = NUANXIN_COMMANDS["build"](city, WORK)
    use_nuanxin = nuanxin_available(argv)
    source = ("nuanxin network export" if use_nuanxin else
              "bench/peers.py reference_edges_csv (nuanxin network export not available)")
    stamp = city.edges_csv.with_suffix(".source")
    if city.edges_csv.exists() and stamp.exists() and stamp.read_text().strip() == source:
        return source
    if use_nuanxin:
        subprocess.run([str(NUANXIN), *argv[:-1], str(city.edges_csv)], check=True)
    else:
        peers.reference_edges_csv(city.pbf, city.edges_csv)
    stamp.write_text(source + "\n")
    return source


# --------------------------------------------------------------------------- peers

@dataclass
class Peer:
    """A peer's way of doing a task: `setup` is not timed, `run` is."""
    task: str
    city: str
    label: str
    setup: Callable[[City], object]
    run: Callable[[object], dict]
    what: str

    @property
    def key(self) -> str:
        return f"{self.task}/{self.city}:{self.label}"


def _edges(city):
    return peers.read_edges(city.edges_csv)


def nx_times_setup(city):
    return city


def nx_times_run(city):
    edges = _edges(city)
    graph = peers.networkx_graph(edges)
    sources, _ = peers.NodeSnapper(peers.node_table(edges)).nearest(*zip(*city.stations))
    reached = peers.networkx_reach(graph, sources, SERVICE_S)
    return {"nodes reached": len(reached)}


def pandana_times_run(city):
    edges = _edges(city)
    network = peers.pandana_network(edges)
    lons, lats = zip(*city.stations)
    network.set_pois("stations", SERVICE_S, 1, peers.pd.Series(lons), peers.pd.Series(lats))
    nearest = network.nearest_pois(SERVICE_S, "stations", num_pois=1)
    return {"nodes reached": int((nearest[1] < SERVICE_S).sum())}


def osmnx_build_setup(city):
    if not city.roads_xml.exists():
        peers.filter_ebike_roads(city.pbf, city.roads_xml)
    return city


def osmnx_build_run(city):
    graph = peers.osmnx_graph(city.roads_xml)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def valhalla_build_run(city):
    peers.valhalla_build(city.pbf, WORK / f"valhalla-build-{city.name}")
    return {}


def valhalla_ready(city):
    """Tiles for the query cases, built once (the build itself is the `build` task)."""
    config_path = city.valhalla_dir / "config.json"
    if config_path.exists():
        return json.loads(config_path.read_text())
    return peers.valhalla_build(city.pbf, city.valhalla_dir)


def valhalla_reach_setup(city):
    return city, valhalla_ready(city)


def valhalla_reach_run(state):
    city, config = state
    actor = peers.valhalla_actor(config)
    result = peers.valhalla_isochrones(actor, city.stations, MINUTES)
    return {"isochrones": sum(len(r["features"]) for r in result)}


def osmnx_reach_setup(city):
    return osmnx_build_setup(city)


def osmnx_reach_run(city):
    graph = peers.osmnx_graph(city.roads_xml)
    result = peers.osmnx_isochrones(graph, city.stations, MINUTES)
    return {"15-min buffered km2 (sum)": round(sum(r[15]["buffered_km2"] for r in result), 2)}


def pandana_audit_run(city):
    network = peers.pandana_network(_edges(city))
    seconds = peers.pandana_nearest(network, *zip(*city.stations), *zip(*city.hotspots), SERVICE_S)
    weights = np.array(city.weights)
    return {"covered weight share": round(float(weights[seconds < SERVICE_S].sum() / weights.sum()), 4)}


def nx_audit_run(city):
    edges = _edges(city)
    graph = peers.networkx_graph(edges)
    snapper = peers.NodeSnapper(peers.node_table(edges))
    sources, _ = snapper.nearest(*zip(*city.stations))
    targets, _ = snapper.nearest(*zip(*city.hotspots))
    reached = peers.networkx_reach(graph, sources, SERVICE_S)
    weights = np.array(city.weights)
    covered = np.array([t in reached for t in targets])
    return {"covered weight share": round(float(weights[covered].sum() / weights.sum()), 4)}


def valhalla_audit_run(state):
    city, config = state
    actor = peers.valhalla_actor(config)
    table = peers.valhalla_matrix(actor, city.stations, city.hotspots)
    best = np.nanmin(np.where(np.isnan(table), np.inf, table), axis=0)
    weights = np.array(city.weights)
    return {"covered weight share": round(float(weights[best < SERVICE_S].sum() / weights.sum()), 4)}


def plan_matrix(city):
    """Hotspot x site seconds (sites: stations first, then candidates), via networkx; inf beyond
    15 min (p-median then counts such a pair as an hour)."""
    edges = _edges(city)
    graph = peers.networkx_graph(edges)
    snapper = peers.NodeSnapper(peers.node_table(edges))
    sites, _ = snapper.nearest(*zip(*(city.stations + city.candidates)))
    demand, _ = snapper.nearest(*zip(*city.hotspots))
    return peers.networkx_cost_matrix(graph, list(sites), list(demand), SERVICE_S)


def plan_setup(city):
    return city, plan_matrix(city)


def spopt_plan_run(city):
    started = time.perf_counter()
    cost = plan_matrix(city)
    matrix_s = time.perf_counter() - started
    fixed = np.array([j < len(city.stations) for j in range(cost.shape[1])])
    chosen, covered = peers.spopt_mclp(cost, np.array(city.weights), SERVICE_S,
                                       len(city.stations) + NEW_SITES[city.name], fixed)
    return {"covered weight": covered, "new sites": len(chosen) - len(city.stations),
            "matrix s": round(matrix_s, 3)}


def highspy_plan_run(city):
    started = time.perf_counter()
    cost = plan_matrix(city)
    matrix_s = time.perf_counter() - started
    fixed = range(len(city.stations))
    chosen, covered, gap = peers.highspy_mclp(cost, np.array(city.weights), SERVICE_S,
                                              len(city.stations) + NEW_SITES[city.name], fixed)
    return {"covered weight": round(covered, 1), "mip gap": gap, "matrix s": round(matrix_s, 3)}


def lscp_run(state):
    city, cost = state
    fixed = np.array([j < len(city.stations) for j in range(cost.shape[1])])
    chosen, demand = peers.spopt_lscp(cost, SERVICE_S, fixed)
    return {"sites for full cover": len(chosen), "coverable hotspots": demand}


def pmedian_run(state):
    city, cost = state
    chosen, mean = peers.spopt_pmedian(cost, np.array(city.weights), len(city.stations) + NEW_SITES[city.name])
    return {"mean seconds": round(mean, 1)}


def peer_list() -> list[Peer]:
    nx = "networkx multi_source_dijkstra"
    out = []
    for city in ("chengdu", "synth-1M"):
        out += [
            Peer("build", city, "valhalla_build_tiles", lambda c: c, valhalla_build_run,
                 "routing graph from the OSM file (Valhalla: tiles)"),
            Peer("times", city, nx, nx_times_setup, nx_times_run,
                 "edges CSV -> graph, snap stations, times to every node within 15 min"),
            Peer("times", city, "pandana nearest_pois", lambda c: c, pandana_times_run,
                 "edges CSV -> CH network, nearest station for every node within 15 min"),
            Peer("reach", city, "valhalla isochrone", valhalla_reach_setup, valhalla_reach_run,
                 "5/10/15-min isochrones of every station (tiles prebuilt)"),
            Peer("audit", city, nx, lambda c: c, nx_audit_run,
                 "edges CSV -> graph, hotspots reached within 15 min of a station"),
            Peer("plan", city, "spopt MCLP + PuLP CBC", lambda c: c, spopt_plan_run,
                 "cost matrix (networkx) + MCLP with the stations fixed"),
            Peer("plan", city, "highspy MCLP MIP", lambda c: c, highspy_plan_run,
                 "cost matrix (networkx) + MCLP MIP in HiGHS"),
            Peer("plan", city, "spopt LSCP + PuLP CBC (solve only)", plan_setup, lscp_run,
                 "fewest sites to cover every coverable hotspot"),
        ]
    # osmnx parses OSM XML in Python: on the default city only (a 1M-node XML takes minutes).
    # pandana's contraction hierarchy on 1M nodes takes minutes; it is measured once (times).
    out += [Peer("audit", "chengdu", "pandana nearest_pois", lambda c: c, pandana_audit_run,
                 "edges CSV -> network, time from each hotspot to its nearest station"),
            Peer("build", "chengdu", "osmnx graph_from_xml", osmnx_build_setup, osmnx_build_run,
                 "routing graph from OSM XML (roads pre-filtered by osmium)"),
            Peer("reach", "chengdu", "osmnx ego_graph + hull/buffer", osmnx_reach_setup, osmnx_reach_run,
                 "graph from XML + 5/10/15-min isochrones of every station"),
            Peer("audit", "chengdu", "valhalla matrix", valhalla_reach_setup, valhalla_audit_run,
                 "stations x hotspots time matrix (tiles prebuilt)"),
            # p-median has one variable per hotspot-site pair: on the default city only.
            Peer("plan", "chengdu", "spopt PMedian + PuLP CBC (solve only)", plan_setup, pmedian_run,
                 "p-median, minimise weighted time (beyond 15 min counts as 1 h)")]
    return out


# --------------------------------------------------------------------------- measuring

GNU_TIME = "/usr/bin/time"


def measure_process(argv: list[str], timeout_s: float | None = None) -> tuple[float, int, int, str]:
    """Run argv once; (wall seconds, peak RSS KiB, exit status, stdout). Past timeout_s the run
    (its own process group) is killed and the status is None.

    The peak RSS comes from GNU time, which forks the command from its own small
    process: a child forked straight from this (large) harness would report the
    harness's RSS as its own peak, since Linux carries the pre-exec high-water mark over.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        started = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", rss.name, *argv],
                                   stdout=out, stderr=err, start_new_session=True)
        try:
            code = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return time.perf_counter() - started, None, None, ""
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        lines = rss.read().split()
    peak_kib = int(lines[-1]) if lines and lines[-1].isdigit() else None
    if code != 0:
        sys.stderr.write(f"harness: {' '.join(argv)} exited {code}:\n{stderr[-2000:]}\n")
    return wall, peak_kib, code, stdout


def run_child(key: str, repeats: int):
    """In the child process: set up the peer once, time its run `repeats` times, print JSON."""
    peer = next(p for p in peer_list() if p.key == key)
    city = load_city(peer.city)
    state = peer.setup(city)
    times, info = [], {}
    for _ in range(repeats):
        started = time.perf_counter()
        info = peer.run(state)
        times.append(time.perf_counter() - started)
    print(json.dumps({"times": times, "info": info}, default=float))


def load_city(name: str) -> City:
    return chengdu() if name == "chengdu" else synth_city()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem_kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({cpu}), {mem_kib / 1048576:.1f} GiB RAM, {platform.platform()}"


def versions() -> str:
    from importlib.metadata import version

    names = ["osmnx", "networkx", "pandana", "spopt", "PuLP", "highspy", "pyvalhalla", "numpy", "shapely"]
    return ", ".join(f"{n} {version(n)}" for n in names) + f"; Python {platform.python_version()}"


def fmt_s(seconds):
    return "—" if seconds is None else (f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s")


def fmt_rss(kib):
    return "—" if kib is None else f"{kib / 1024:.0f} MiB"


def main():
    parser = argparse.ArgumentParser(description="nuanxin benchmark harness")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", default="", help="run only peers whose key contains this text")
    parser.add_argument("--skip-synth", action="store_true", help="only the default city")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per measurement (default 900)")
    parser.add_argument("--results", default=str(BENCH / "RESULTS.md"))
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.repeats)
        return

    WORK.mkdir(parents=True, exist_ok=True)
    cities = {"chengdu": chengdu()}
    if not Path(GNU_TIME).exists():
        sys.exit(f"harness: {GNU_TIME} (Debian package 'time') is needed for peak RSS; bench/setup installs it")
    if not args.skip_synth:
        cities["synth-1M"] = synth_city()
    sources = {name: export_edges(city) for name, city in cities.items()}
    for city in cities.values():           # prebuilt tiles for the query cases, outside any timing
        valhalla_ready(city)

    rows, nuanxin_done = [], {}
    for peer in peer_list():
        if peer.city not in cities or args.only not in peer.key:
            continue
        city = cities[peer.city]
        repeats = 1 if peer.task == "build" or peer.city != "chengdu" else args.repeats
        task_key = f"{peer.task}/{peer.city}"
        if task_key not in nuanxin_done:
            argv = NUANXIN_COMMANDS[peer.task](city, WORK / "nuanxin-out")
            (WORK / "nuanxin-out").mkdir(exist_ok=True)
            if nuanxin_available(argv):
                runs = [measure_process([str(NUANXIN), *argv], args.timeout) for _ in range(repeats)]
                ok = all(r[2] == 0 for r in runs)
                note = "" if ok else ("timeout" if any(r[2] is None for r in runs) else "failed")
                nuanxin_done[task_key] = (statistics.median(r[0] for r in runs) if ok else None,
                                          max((r[1] for r in runs if r[1] is not None), default=None), note)
            else:
                nuanxin_done[task_key] = (None, None, "not available")
        print(f"harness: {peer.key} ...", flush=True)
        _, rss, status, stdout = measure_process(
            [sys.executable, __file__, "--child", peer.key, "--repeats", str(repeats)], args.timeout)
        if status != 0:
            error = f"timeout after {args.timeout:.0f} s" if status is None else f"exit {status}"
            print(f"harness: {peer.key}: {error}", flush=True)
            rows.append((peer, None, rss, {"error": error}, nuanxin_done[task_key]))
            continue
        result = json.loads(stdout.strip().splitlines()[-1])
        peer_s = statistics.median(result["times"])
        print(f"harness: {peer.key}: {fmt_s(peer_s)}, {fmt_rss(rss)}, {result['info']}", flush=True)
        rows.append((peer, peer_s, rss, result["info"], nuanxin_done[task_key]))

    write_results(Path(args.results), rows, cities, sources, args.repeats)


def write_results(path: Path, rows, cities, sources, repeats):
    lines = ["# Benchmark results", "",
             f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
             f"- Machine: {machine()}; load average when written {os.getloadavg()[0]:.1f} "
             "(other processes on a shared machine make times noisy)",
             f"- Peers: {versions()}",
             f"- Times: median of {repeats} runs (tasks `build` and the synthetic city: 1 run); "
             "ratio = nuanxin / peer (below 1: nuanxin faster). Peak RSS is each process's own "
             "(GNU time %M), peer setup and Python imports included.",
             f"- Routing input of the peers: " + "; ".join(f"{n}: {s}" for n, s in sources.items()),
             "- Cities: " + "; ".join(
                 f"{c.name} ({c.pbf.name}, {len(c.stations)} stations, {len(c.hotspots)} hotspots, "
                 f"{len(c.candidates)} candidates)" for c in cities.values()),
             "- Regenerate: `make bench` (or `bench/run`).", "",
             "| case | what the peer does (timed) | nuanxin time | peer | peer time | ratio | peak RSS nuanxin / peer | peer result |",
             "|---|---|---|---|---|---|---|---|"]
    tasks = list(NUANXIN_COMMANDS)
    city_order = list(cities)
    rows = sorted(rows, key=lambda r: (city_order.index(r[0].city), tasks.index(r[0].task)))
    for peer, peer_s, rss, info, (nx_s, nx_rss, note) in rows:
        ratio = f"{nx_s / peer_s:.2f}" if nx_s is not None and peer_s else "—"
        nuanxin = fmt_s(nx_s) if nx_s is not None else note
        result = ", ".join(f"{k} {v}" for k, v in info.items())
        lines.append(f"| {peer.task}/{peer.city} | {peer.what} | {nuanxin} | {peer.label} | {fmt_s(peer_s)} | "
                     f"{ratio} | {fmt_rss(nx_rss)} / {fmt_rss(rss)} | {result} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"harness: wrote {path}")


if __name__ == "__main__":
    main()
