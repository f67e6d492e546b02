"""Benchmark harness: nuanxin against its peers on the same inputs; writes bench/RESULTS.md.

    bench/.venv/bin/python bench/harness.py [--cities chengdu,synth-100k,synth-1M,instances]
                                            [--only CASE] [--repeats N] [--pandana-1m] [--timeout 600]

A *case* is one job on one city (import, cache load, a 15-minute search from 1 or 40
sources, circles merged / per station / for 100 random stations, the audit) or one
planning instance. nuanxin runs it as one CLI process (`NUANXIN_CASES`), measured with
GNU time: wall time and peak RSS of the process, which *includes loading the network
from a warm binary cache* (`--cache bench/work/cache`, filled before any timing; the
import case alone gets a fresh cache each run). Every run gets `--timings FILE`; the time of
the work itself after loading comes from that JSON (`reach`'s phase `geometry`, `audit`'s
`hotspots`, `plan`'s `matrix` + `solve`, benchmark mode's `solve`) or from `network info
--json` (import and load seconds), never from progress text, and is reported too; for
`network times` the in-process figure is estimated as its process time
minus the process time of the warm `network info` (marked ≈).

The peers run in groups (bench/jobs.py), one child process per peer and city: their
setup (reading the edges CSV, building the graph, snapping, loading tiles) is not timed,
each case is. Every figure is the median of the city's repeats. Ratios are peer time /
nuanxin time: "× faster" above 1 means nuanxin is faster.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
NUANXIN = ROOT / ".build" / "release" / "nuanxin"
sys.path.insert(0, str(BENCH))
import honesty  # noqa: E402
import inputs  # noqa: E402
import jobs  # noqa: E402
import pgrouting  # noqa: E402
import planning  # noqa: E402
import report  # noqa: E402
from inputs import WORK, City  # noqa: E402

CACHE = WORK / "cache"
OUT = WORK / "nuanxin-out"
GNU_TIME = "/usr/bin/time"
CITIES = ("chengdu", "synth-100k", "synth-1M")
REPEATS = {"chengdu": 3, "synth-100k": 3, "synth-1M": 1, "instances": 3}
# Peer groups per city. osmnx parses XML in Python and the recipe runs per station in
# Python: not on synth-1M. pandana's contraction hierarchy on synth-1M takes minutes:
# only with --pandana-1m.
PEER_GROUPS = {
    "chengdu": ["valhalla-build", "osmnx-xml", "networkx", "pandana", "valhalla", "recipe", "pgrouting",
                "spopt-plan", "highspy-plan", "pulp-capacity", "highspy-capacity", "spopt-capacity-median",
                "highspy-capacity-median"],
    "synth-100k": ["valhalla-build", "osmnx-xml", "networkx", "pandana", "valhalla", "recipe", "pgrouting",
                   "spopt-plan", "highspy-plan"],
    "synth-1M": ["valhalla-build", "networkx", "pgrouting"],
    "instances": ["spopt", "highspy"],
}
GROUPS = {**jobs.GROUPS, **pgrouting.GROUPS, **planning.CITY_GROUPS, **planning.GROUPS}


# --------------------------------------------------------------------------- nuanxin cases

def _phase(name: str):
    """The seconds of phase `name` in the run's `--timings` JSON (None when absent)."""
    return lambda stdout, timings: timings.get("phases", {}).get(name)


def _json_field(name: str):
    return lambda stdout, timings: json.loads(stdout)[name]


def _csv_rows(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return {"nodes reached": sum(1 for _ in handle) - 1}


def _reach_info(path: Path) -> dict:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    km2 = sum(f["properties"].get("area_km2", 0) for f in features if f["properties"].get("minutes") == 15)
    return {"15-min km² (sum)": round(km2, 2)}


def _audit_info(city: City, stdout: str, timings: dict) -> dict:
    lines = _out(city, "audit.csv").read_text(encoding="utf-8").splitlines()
    total = dict(zip(lines[0].split(","), lines[-1].split(",")))
    gaps = _phase("gaps")(stdout, timings)
    return {"covered weight share": float(total["share_covered"]), "gap polygons s": round(gaps, 3)}


def _graph_size(city: City, stdout: str, timings: dict) -> dict:
    stats = json.loads(stdout)
    return {"graph nodes": stats["nodes"], "edges": stats["edges"]}


@dataclass
class Case:
    """One nuanxin job: its CLI arguments (after the binary), its in-process seconds (from the
    `--timings` JSON the harness asks every run for, or None), and what its output says (for the
    side-by-side columns)."""
    key: str
    title: str
    argv: Callable[[City], list]
    inproc: Callable[[str, dict], float | None] | None = None    # (stdout, timings) -> seconds
    result: Callable[[City, str, dict], dict] | None = None      # (city, stdout, timings) -> figures
    fresh_cache: bool = False
    cities: tuple = CITIES
    peer_key: str = ""

    def __post_init__(self):
        self.peer_key = self.peer_key or self.key


def _net(city: City, cache: Path = CACHE) -> list:
    return ["--network", str(city.pbf), "--cache", str(cache)]


def _out(city: City, name: str) -> Path:
    return OUT / f"{city.name}-{name}"


def _times(key: str) -> Case:
    count = "1 source" if key == "one" else "40 sources"
    name = "times-1" if key == "one" else "times-40"
    return Case(name, f"15-min search from {count} (`network times`)",
                lambda c: ["network", "times", *_net(c), "--sources", str(c.files[key]), "--minutes", "15",
                           "--out", str(_out(c, f"{name}.csv")), "--quiet"],
                result=lambda c, out, timings: _csv_rows(_out(c, f"{name}.csv")))


# Every peer searches outward from the stations and walks nothing at the hotspots, so nuanxin's
# cases use the same times (its defaults are rider-to-station with the hotspot's walk, issue 15).
_OUTWARD = ["--direction", "from-station", "--hotspot-walk", "off"]


def _reach(name: str, title: str, key: str, per_station: bool) -> Case:
    return Case(name, title,
                lambda c: ["reach", *_net(c), "--direction", "from-station", "--stations", str(c.files[key]), "--minutes", "5,10,15",
                           *(["--per-station"] if per_station else []), "--out", str(_out(c, f"{name}.geojson"))],
                _phase("geometry"),
                lambda c, out, timings: _reach_info(_out(c, f"{name}.geojson")), cities=("chengdu", "synth-100k"))


def _audit_argv(city: City) -> list:
    stations = city.files.get("stations200", city.files["stations"])
    return ["audit", *_net(city), *_OUTWARD, "--stations", str(stations), "--hotspots", str(city.files["hotspots"]),
            "--minutes", "15", "--out", str(_out(city, "audit.geojson")), "--summary", str(_out(city, "audit.csv"))]


def _plan(name: str, candidates: Callable, exact: bool, peer_key: str, cities=("chengdu", "synth-100k")) -> Case:
    method = "exact (CBC)" if exact else "heuristic"
    where = "`--candidates osm`" if peer_key == "plan-osm" else "the candidates file"
    return Case(name, f"plan: coverage (MCLP), stations fixed, K new sites from {where}, {method}",
                lambda c: ["plan", *_net(c), *_OUTWARD, "--stations", str(c.files["stations"]), "--hotspots",
                           str(c.files["hotspots"]), "--candidates", candidates(c), "--objective", "coverage",
                           "--new", str(planning.NEW_SITES[c.name]), "--minutes", "15",
                           *(["--exact", "--time-limit", "120"] if exact else []),
                           "--out", str(_out(c, f"{name}.geojson"))],
                planning.network_inproc, lambda c, out, timings: planning.plan_info(_out(c, f"{name}.geojson"), timings),
                cities=cities, peer_key=peer_key)


def _plan_capacity(exact: bool, objective: str = "coverage") -> Case:
    """Capacitated MCLP (`--capacity`) or capacitated p-median (`--objective mean-time --capacity`)
    on chengdu with the geodata files themselves: the derived point files drop the capacity
    property. Peers: PuLP CBC and HiGHS models of the same problem (MCLP); spopt PMedian with
    capacities and HiGHS (p-median)."""
    median = objective == "mean-time"
    kind = "capacity-median" if median else "capacity"
    name = f"plan-{kind}-{'exact' if exact else 'heuristic'}"
    geodata = inputs.GEODATA
    title = "capacitated p-median (`--objective mean-time --capacity`)" if median else "capacitated coverage (`--capacity`)"
    return Case(name, f"plan: {title}, stations fixed, K new sites from the candidates "
                f"file, {'exact (CBC)' if exact else 'heuristic'}",
                lambda c: ["plan", *_net(c), *_OUTWARD, "--stations", str(geodata / "stations.geojson"), "--hotspots",
                           str(geodata / "hotspots.geojson"), "--candidates", str(geodata / "candidates.geojson"),
                           "--objective", objective, "--capacity", "--new", str(planning.NEW_SITES[c.name]),
                           "--minutes", "15", *(["--exact", "--time-limit", "120"] if exact else []),
                           "--out", str(_out(c, f"{name}.geojson"))],
                planning.network_inproc, lambda c, out, timings: planning.plan_info(_out(c, f"{name}.geojson"), timings),
                cities=("chengdu",), peer_key=f"plan-{kind}")


def _plan_open(name: str, listed: bool) -> Case:
    """Open siting: 3 new sites from the candidates file and road positions every 250 m (whole
    process), or from the candidates file only (`listed`), for the objective side by side."""
    def candidates(c):
        listed_file = inputs.GEODATA / "candidates.geojson" if c.name == "chengdu" else c.files["candidates"]
        return str(listed_file) if listed else f"{listed_file},roads:250"

    title = ("plan: the same 3 new sites from the candidates file only (the listed best beside plan-open)" if listed
             else "plan: open siting, stations fixed, 3 new sites from the candidates file and road positions "
             "every 250 m, heuristic (whole process)")
    return Case(name, title,
                lambda c: ["plan", *_net(c), *_OUTWARD, "--stations", str(c.files["stations"]), "--hotspots",
                           str(c.files["hotspots"]), "--candidates", candidates(c), "--objective", "coverage",
                           "--new", "3", "--minutes", "15", "--out", str(_out(c, f"{name}.geojson"))],
                planning.network_inproc, lambda c, out, timings: planning.plan_info(_out(c, f"{name}.geojson"), timings),
                cities=("chengdu", "synth-100k"))


def _instance(key: str, exact: bool) -> Case:
    name = f"{key}-{'exact' if exact else 'heuristic'}"
    if key == "mclp-points":
        title = (f"MCLP points-csv (synth-100k hotspot POIs, {planning.MCLP_DISTANCE_M:.0f} m, "
                 f"p = {planning.MCLP_P}), ")
        objective = ["--instance-format", "points-csv", "--objective", "coverage", "--p", str(planning.MCLP_P),
                     "--service-distance", str(planning.MCLP_DISTANCE_M)]
    else:
        title = f"OR-Library {key}, p-median, "
        objective = ["--instance-format", "orlib-pmed", "--objective", "mean-time"]
    return Case(name, title + ("exact (CBC)" if exact else "heuristic"),
                lambda c: ["plan", "--instance", str(c.files[key]), *objective, *(["--exact"] if exact else []),
                           "--out", str(OUT / f"{name}.json")],
                planning.instance_inproc, lambda c, out, timings: planning.instance_info(OUT / f"{name}.json"),
                cities=("instances",), peer_key=key)


NUANXIN_CASES = [
    Case("import", "import OSM → graph + cache (`network info`, fresh cache)",
         lambda c: ["network", "info", "--json", "--network", str(c.pbf), "--cache", "{fresh}"],
         _json_field("import_seconds"), _graph_size, fresh_cache=True),
    Case("load", "load the graph from the warm cache (`network info`)",
         lambda c: ["network", "info", "--json", *_net(c)], _json_field("load_seconds"), _graph_size),
    _times("one"),
    _times("sources40"),
    _reach("reach-merged", "5/10/15-min service areas, all stations merged", "stations", False),
    _reach("reach-per-station", "5/10/15-min service areas of each station", "stations", True),
    _reach("reach-random100", "5/10/15-min service areas of 100 random road points", "random100", True),
    Case("audit", "audit: every hotspot's time to its nearest station, covered share",
         _audit_argv, _phase("hotspots"), _audit_info),
    _plan("plan-heuristic", lambda c: str(c.files["candidates"]), False, "plan"),
    _plan("plan-exact", lambda c: str(c.files["candidates"]), True, "plan"),
    _plan("plan-osm-heuristic", lambda c: "osm", False, "plan-osm", cities=("chengdu",)),
    _plan("plan-osm-exact", lambda c: "osm", True, "plan-osm", cities=("chengdu",)),
    _plan_capacity(False),
    _plan_capacity(True),
    _plan_capacity(False, "mean-time"),
    _plan_capacity(True, "mean-time"),
    _plan_open("plan-open", False),
    _plan_open("plan-open-listed", True),
    *(_instance(key, exact) for key in ("pmed1", "pmed2", "mclp-points") for exact in (False, True)),
]


# --------------------------------------------------------------------------- measuring

@dataclass
class Measured:
    """Median wall seconds of the process, its peak RSS (KiB), median in-process seconds, result."""
    seconds: float | None
    rss_kib: int | None
    inproc: float | None = None
    info: dict = field(default_factory=dict)
    note: str = ""
    output: tuple = ("", {})        # stdout and `--timings` JSON (dict) of the last run


def measure_process(argv: list, timeout_s: float) -> tuple:
    """Run argv once under GNU time: (wall seconds, peak RSS KiB, exit status or None on
    timeout, stdout, stderr). GNU time forks the command from its own small process, so the
    RSS is the command's own, not inherited from this harness. The wait blocks in waitpid
    (a timer kills the process group at the timeout): `Popen.wait(timeout=…)` polls with
    sleeps of up to 50 ms, which would round short runs up by as much."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        started = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", rss.name, *argv],
                                   stdout=out, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout_s, os.killpg, (process.pid, signal.SIGKILL))
        timer.start()
        code = process.wait()
        wall = time.perf_counter() - started
        timed_out = not timer.is_alive()
        timer.cancel()
        if timed_out:
            return wall, None, None, "", ""
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        lines = rss.read().split()
    if code != 0:
        sys.stderr.write(f"harness: {' '.join(map(str, argv))} exited {code}:\n{stderr[-2000:]}\n")
    return wall, int(lines[-1]) if lines and lines[-1].isdigit() else None, code, stdout, stderr


def measure_nuanxin(argv_of: Callable, inproc, repeats: int, timeout_s: float, fresh_cache=False) -> Measured:
    walls, rss, inner = [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(dir=WORK) as fresh:
            argv = [fresh if a == "{fresh}" else a for a in argv_of()]
            timings_file = Path(fresh) / "timings.json"
            wall, peak, code, stdout, stderr = measure_process(
                [str(NUANXIN), *argv, "--timings", str(timings_file)], timeout_s)
            timings = json.loads(timings_file.read_text(encoding="utf-8")) if timings_file.exists() else {}
        if code != 0:
            return Measured(None, peak, note="timeout" if code is None else f"exit {code}")
        walls.append(wall)
        rss.append(peak or 0)
        if inproc:
            value = inproc(stdout, timings)
            if value is not None:
                inner.append(value)
    return Measured(statistics.median(walls), max(rss), statistics.median(inner) if inner else None,
                    output=(stdout, timings))


def measure_group(group: str, city: str, repeats: int, timeout_s: float, only: set | None) -> dict:
    """The peer group's cases (all, or those in `only`) in one child process: {case: Measured}
    (RSS: the child's peak)."""
    argv = [sys.executable, __file__, "--child", group, "--cities", city, "--repeats", str(repeats)]
    if only:
        argv += ["--only", ",".join(sorted(only))]
    print(f"harness: {group} on {city} ...", flush=True)
    wall, peak, code, stdout, _ = measure_process(argv, timeout_s)
    if code != 0:
        note = f"timeout after {timeout_s:.0f} s" if code is None else f"exit {code}"
        print(f"harness: {group} on {city}: {note}", flush=True)
        return {"*": Measured(None, peak, note=note)}
    result = json.loads(stdout.strip().splitlines()[-1])
    print(f"harness: {group} on {city}: {wall:.1f} s in all", flush=True)
    return {case: Measured(statistics.median(r["times"]), peak, info=r["info"]) for case, r in result.items()}


def load_city(name: str, export: bool = False) -> City:
    """The city with its point sets; `export` (re)writes its edges CSV with `network export` first,
    so the peers always route on the graph of the nuanxin being measured."""
    if name == "instances":
        return planning.instances()
    city = City(name, inputs.city_file(name))
    if export or not city.edges_csv.exists():
        subprocess.run([str(NUANXIN), "network", "export", *_net(city), "--out", str(city.edges_csv), "--quiet"],
                       check=True)
    return inputs.load_points(city)


def prepare_valhalla(city: City):
    """Tiles for the query cases, built once outside any timing (the build is the import case)."""
    if not (city.valhalla_dir / "config.json").exists():
        jobs.peers.valhalla_build(city.pbf, city.valhalla_dir)


# Cases whose nuanxin and Valhalla times are also taken in interleaved rounds (`paired_rounds`).
PAIRED_CASES = ("reach-per-station", "reach-merged")
PAIRED_ROUNDS = 7


def serve_child(group: str, city_name: str):
    """Set the peer group up, print `ready`, then run the case named on each stdin line once and
    print its seconds (one line each): the other half of `paired_rounds`."""
    city = load_city(city_name)
    cases = GROUPS[group](city).cases()
    print("ready", flush=True)
    for line in sys.stdin:
        job = cases[line.strip()]
        started = time.perf_counter()
        job()
        print(time.perf_counter() - started, flush=True)


def paired_rounds(city: City, rounds: int, timeout_s: float) -> list:
    """nuanxin's in-process time and Valhalla's for each case of `PAIRED_CASES`, taken in turn
    (`rounds` rounds, nuanxin first in even rounds and Valhalla first in odd ones) so that a
    machine that slows down or speeds up during the run moves both alike. The table's peer
    groups run at another moment than nuanxin's runs of the same case, and on this shared
    machine Valhalla's own time has moved by 40 % between runs. One dict per case: the two
    medians and the median, least and greatest of the per-round ratios Valhalla ÷ nuanxin."""
    argv = [sys.executable, __file__, "--serve", "valhalla", "--cities", city.name]
    server = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        if server.stdout.readline().strip() != "ready":
            raise RuntimeError("harness: the Valhalla server did not start")
        cases = {c.key: c for c in NUANXIN_CASES if c.key in PAIRED_CASES and city.name in c.cities}
        pairs = {key: [] for key in cases}
        for r in range(rounds):
            for key, case in cases.items():
                def ours():
                    return measure_nuanxin(lambda: case.argv(city), case.inproc, 1, timeout_s).inproc

                def theirs():
                    server.stdin.write(case.peer_key + "\n")
                    server.stdin.flush()
                    return float(server.stdout.readline())

                if r % 2 == 0:
                    mine, peer = ours(), theirs()
                else:
                    peer, mine = theirs(), ours()
                if mine:
                    pairs[key].append((mine, peer))
        out = []
        for key, case in cases.items():
            if not pairs[key]:
                continue
            ratios = [peer / mine for mine, peer in pairs[key]]
            out.append({"city": city.name, "case": case.title, "rounds": len(pairs[key]),
                        "nuanxin": statistics.median(m for m, _ in pairs[key]),
                        "valhalla": statistics.median(p for _, p in pairs[key]),
                        "ratio": statistics.median(ratios), "low": min(ratios), "high": max(ratios)})
        return out
    finally:
        server.stdin.close()
        server.wait(timeout=60)


def run_child(group: str, city_name: str, repeats: int, only: str):
    city = load_city(city_name)
    print(json.dumps(jobs.run_group(GROUPS[group], city, repeats, set(only.split(",")) if only else None),
                     default=float))


def measure_city(city: City, repeats: int, args) -> list:
    """Every nuanxin case and peer group of one city: report rows."""
    if city.name != "instances":
        prepare_valhalla(city)
        city.stats = json.loads(subprocess.run(                              # and warm the cache
            [str(NUANXIN), "network", "info", "--json", *_net(city), "--quiet"], check=True,
            capture_output=True, text=True).stdout)
    cases = [c for c in NUANXIN_CASES if city.name in c.cities and args.only in ("", c.key, c.peer_key)]
    nuanxin = {}
    for case in cases:
        print(f"harness: nuanxin {case.key} on {city.name} ...", flush=True)
        measured = measure_nuanxin(lambda: case.argv(city), case.inproc, repeats, args.timeout, case.fresh_cache)
        if measured.seconds is not None and case.result:
            measured.info = case.result(city, *measured.output)
        nuanxin[case.key] = measured
    if "load" in nuanxin:                      # ≈ in-process time of network times
        for key in ("times-1", "times-40"):
            if key in nuanxin and nuanxin[key].seconds is not None:
                nuanxin[key].inproc = max(0.0, nuanxin[key].seconds - nuanxin["load"].seconds)
                nuanxin[key].note = "≈"
    peer_keys = {c.peer_key for c in cases}
    groups = [g for g in PEER_GROUPS[city.name] if peer_keys & set(GROUPS[g].case_keys)]
    results = {g: measure_group(g, city.name, repeats, args.timeout, peer_keys if args.only else None)
               for g in groups}
    rows = []
    for case in cases:
        matched = [(getattr(GROUPS[g], "labels", {}).get(case.peer_key, GROUPS[g].label), r.get(case.peer_key) or r["*"])
                   for g, r in results.items()
                   if case.peer_key in r or ("*" in r and case.peer_key in GROUPS[g].case_keys)]
        rows.append(report.Row(city.name, case.key, case.title, nuanxin[case.key], matched))
    return rows


def main():
    parser = argparse.ArgumentParser(description="nuanxin benchmark harness")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=PAIRED_ROUNDS,
                        help=f"interleaved rounds of nuanxin and Valhalla service areas (default {PAIRED_ROUNDS}; 0: none)")
    parser.add_argument("--repeats", type=int, help="runs per measurement (default: 3, synth-1M 1)")
    parser.add_argument("--cities", default=",".join(CITIES + ("instances",)))
    parser.add_argument("--only", default="", help="only this case key (e.g. times-40)")
    parser.add_argument("--pandana-1m", action="store_true", help="also run pandana on synth-1M (minutes)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per process (default 600)")
    parser.add_argument("--results", default=str(BENCH / "RESULTS.md"))
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.cities, args.repeats, args.only)
        return
    if args.serve:
        serve_child(args.serve, args.cities)
        return
    if not Path(GNU_TIME).exists():
        sys.exit(f"harness: {GNU_TIME} (Debian package 'time') is needed for peak RSS; bench/setup installs it")
    if not NUANXIN.exists():
        sys.exit(f"harness: {NUANXIN} is missing; run `swift build -c release` first")
    for folder in (WORK, CACHE, OUT):
        folder.mkdir(parents=True, exist_ok=True)
    started, load_before = time.time(), os.getloadavg()
    if args.pandana_1m:
        PEER_GROUPS["synth-1M"].append("pandana")
    rows, cities, paired = [], [], []
    for name in [n for n in args.cities.split(",") if n]:
        city = load_city(name, export=True)
        cities.append(city)
        rows += measure_city(city, args.repeats or REPEATS[name], args)
        if args.rounds and name in ("chengdu", "synth-100k") and args.only in ("", *PAIRED_CASES):
            print(f"harness: paired rounds on {name} ...", flush=True)
            paired += paired_rounds(city, args.rounds, args.timeout)
    honest = []
    if args.only in ("", "reach-per-station"):
        print("harness: area over unreachable ground ...", flush=True)
        honest = honesty.measure([c for c in cities if c.name in ("chengdu", "synth-100k")], NUANXIN, _net,
                                 lambda c: _out(c, "reach-per-station.geojson"))
    report.write(Path(args.results), rows, honest, cities, started, load_before, pandana_1m=args.pandana_1m,
                 paired=paired)


if __name__ == "__main__":
    main()
