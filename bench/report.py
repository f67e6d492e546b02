"""bench/RESULTS.md: the machine, the inputs, the timing table, the honest-geometry table.

The section "What this shows" is written by a person from the numbers; it is carried over
from the existing RESULTS.md (between the `<!-- notes -->` markers) when the file is
rewritten, with the date of the run it was written for, so a rerun never silently drops it.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    """One nuanxin case on one city and the peers that did the same job."""
    city: str
    key: str
    title: str
    nuanxin: object          # harness.Measured
    peers: list              # [(label, Measured)]


def fmt_s(seconds) -> str:
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_rss(kib) -> str:
    return "—" if not kib else f"{kib / 1024:,.0f} MiB"


def ratio(peer, ours) -> str:
    if not peer or not ours:
        return "—"
    value = peer / ours
    return f"**{value:.1f}×**" if value >= 1 else f"{value:.2f}× (slower)"


def info_text(info: dict) -> str:
    return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in info.items())


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem_kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({cpu}), {mem_kib / 1048576:.1f} GiB RAM, {platform.platform()}"


def versions() -> str:
    from importlib.metadata import version

    names = ["osmnx", "networkx", "pandana", "spopt", "PuLP", "highspy", "pyvalhalla", "numpy", "scipy", "shapely"]
    return ", ".join(f"{n} {version(n)}" for n in names) + f"; Python {platform.python_version()}"


def commit() -> str:
    result = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def table(rows) -> list:
    lines = ["| city | case | nuanxin process (warm cache) | nuanxin in-process | peer | peer time | "
             "peer ÷ nuanxin process | peer ÷ nuanxin in-process | peak RSS nuanxin / peer | nuanxin result | "
             "peer result |",
             "|---|---|--:|--:|---|--:|--:|--:|--:|---|---|"]
    for row in rows:
        n = row.nuanxin
        ours = fmt_s(n.seconds) if n.seconds is not None else n.note
        inner = (n.note if n.note == "≈" else "") + fmt_s(n.inproc) if n.inproc is not None else "—"
        peers = row.peers or [("—", None)]
        for index, (label, p) in enumerate(peers):
            head = (f"| {row.city} | {row.title} | {ours} | {inner} |" if index == 0 else "| | 〃 | | |")
            if p is None:
                lines.append(f"{head} — | | | | {fmt_rss(n.rss_kib)} | {info_text(n.info)} | |")
                continue
            peer_time = fmt_s(p.seconds) if p.seconds is not None else p.note
            lines.append(
                f"{head} {label} | {peer_time} | {ratio(p.seconds, n.seconds)} | {ratio(p.seconds, n.inproc)} | "
                f"{fmt_rss(n.rss_kib) if index == 0 else ''} / {fmt_rss(p.rss_kib)} | "
                f"{info_text(n.info) if index == 0 else ''} | {info_text(p.info)} |")
    return lines


def honesty_table(results) -> list:
    if not results:
        return []
    lines = ["| city | method | area km² (sum) | over unreachable ground km² | share | "
             "first station: area km² | first station: over unreachable km² | "
             "share beyond access + stated bound | share of served region missed |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for result in results:
        first = result["first"]
        lines.append(f"| {result['city']} ({result['stations']} stations) | served region (reference) | "
                     f"{result['served_km2']:.2f} | — | — | {first['served region'][0]:.2f} | — | — | — |")
        served = result["served_km2"]
        for method, (area, over) in result["sums"].items():
            share = f"{100 * over / area:.1f} %" if area else "—"
            beyond = result.get("beyond_bound", {}).get(method)
            missed = result.get("missed", {}).get(method)
            beyond_text = f"{100 * beyond / area:.2f} %" if area and beyond is not None else "—"
            missed_text = f"{100 * missed / served:.2f} %" if served and missed is not None else "—"
            lines.append(f"| | {method} | {area:.2f} | {over:.2f} | {share} | {first[method][0]:.2f} | "
                         f"{first[method][1]:.2f} | {beyond_text} | {missed_text} |")
    return lines


NOTES = re.compile(r"<!-- notes -->\n(.*?)<!-- /notes -->", re.S)


def paired_table(paired) -> list:
    """The interleaved rounds of `harness.paired_rounds` as markdown lines."""
    lines = ["| city | case | rounds | nuanxin in-process (median) | valhalla Actor (median) | "
             "valhalla ÷ nuanxin per round: median (least–greatest) |", "|---|---|--:|--:|--:|--:|"]
    for p in paired:
        ratio = f"{p['ratio']:.2f}×"
        lines.append(f"| {p['city']} | {p['case']} | {p['rounds']} | {fmt_s(p['nuanxin'])} | "
                     f"{fmt_s(p['valhalla'])} | {'**' + ratio + '**' if p['ratio'] > 1 else ratio} "
                     f"({p['low']:.2f}–{p['high']:.2f}) |")
    return lines


def write(path: Path, rows, honest, cities, started: float, load_before, pandana_1m: bool, paired=()):
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    notes = NOTES.search(old)
    load_after = os.getloadavg()
    when = datetime.datetime.fromtimestamp(started, datetime.timezone.utc)
    lines = [
        "# Benchmark results", "",
        f"- Date: {when:%Y-%m-%d %H:%M} UTC; the run took {(datetime.datetime.now().timestamp() - started) / 60:.1f} min",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min) at the start {'/'.join(f'{v:.1f}' for v in load_before)}, at the end "
        f"{'/'.join(f'{v:.1f}' for v in load_after)}: the machine is shared with other jobs (builds), so times are noisy",
        f"- nuanxin: `.build/release/nuanxin` at commit {commit()}",
        f"- Peers: {versions()}",
        "- Cities: " + "; ".join(c.describe() for c in cities if c.name != "instances"),
        "- Regenerate: `make bench` (or `bench/run`); see bench/README.md for what each case does.",
        "",
        "**How to read it.** *nuanxin process* is the wall time of the whole CLI process, including "
        "loading the graph from the warm binary cache, reading the inputs and writing the output file. "
        "*nuanxin in-process* is the time the CLI prints for the work after loading (import, cache load, "
        "reach's circle drawing, audit's hotspot pass — one multi-source search from all stations plus every "
        "hotspot's time and station count —, plan's matrix + solve). `network times` prints no time of its "
        "own: its figure is estimated (≈) as its process time minus the warm `network info` process time, so "
        "it holds the snapping set-up (PROJ transform, segment index), the search and writing the CSV. "
        "*peer time* is the "
        "peer's timed call only: its graph building, snapping and tile loading are not timed (`import` "
        "rows excepted). Times are medians of 3 runs (synth-1M: 1). Ratios are peer time ÷ nuanxin time: "
        "above 1 nuanxin is faster. Peak RSS is the process's own (GNU time); a peer's RSS is that of its "
        "whole process (graph, all its cases). nuanxin's reach uses up to 2 threads; every other "
        "measurement, nuanxin or peer, runs on one thread.",
        "",
    ]
    if not pandana_1m:
        lines += ["pandana is not run on synth-1M (`--pandana-1m` runs it): building its contraction hierarchy "
                  "on this graph did not finish within 600 s in a trial on this machine (killed at 90 %), and "
                  "took 1,122 s in an earlier run of this benchmark on the denser graph of every OSM node.", ""]
    lines += table(rows)
    if paired:
        lines += ["", "## Service areas timed in turns with Valhalla", "",
                  "The table's peer groups run at another moment than nuanxin's runs of the same case, and "
                  "on this shared machine Valhalla's own time has moved by 40 % between runs. Here each "
                  "round times nuanxin's in-process drawing (one process) and Valhalla's (one call in a "
                  "process kept open), one right after the other, nuanxin first in even rounds and "
                  "Valhalla first in odd ones; the ratio is taken per round.", ""]
        lines += paired_table(paired)
    if honest:
        lines += ["", "## Area over unreachable ground (15-minute polygons, same stations)", "",
                  "For each station, the *served region* is every road part the rider reaches within 15 min "
                  "(nuanxin `network times` from that station alone, on the OSM geometry of the roads, cut "
                  "where time runs out), buffered by the 50 m access distance. A polygon's *area over "
                  "unreachable ground* is its part outside that region (bench/honesty.py). Valhalla's "
                  "polygons use its own routing (bicycle costing, 15 km/h), so part of its excess is "
                  "roads Valhalla reaches and nuanxin does not, or the reverse; the osmnx recipe routes "
                  "on the same graph from the nearest node.", ""]
        lines += honesty_table(honest)
    lines += ["", "## What this shows", ""]
    if notes:
        lines += ["<!-- notes -->", notes.group(1).rstrip("\n"), "<!-- /notes -->"]
    else:
        lines += ["<!-- notes -->", "(to be written from the numbers above)", "<!-- /notes -->"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"harness: wrote {path}")
