"""pgRouting 3.4 (Debian postgresql-15-pgrouting) on a throwaway PostgreSQL 15 + PostGIS server.

The group starts its own server, as scripts/with-postgres does: `initdb` and `pg_ctl` from
/usr/lib/postgresql/15/bin (as the `postgres` system user via runuser when run as root), a
fresh temporary folder, a Unix socket in that folder and no TCP, trust authentication. The
server is stopped and the folder removed when the group ends (`finish`, and atexit as a
fallback). Queries go through one long-lived `psql` process (no Python driver needed), so a
timed case pays for the query and the pipe, not for starting a client.

Untimed setup: the server, `CREATE EXTENSION postgis, pgrouting`, the edges CSV
`nuanxin network export` writes loaded into `edges(id, source, target, cost, reverse_cost)`
with cost = seconds and reverse_cost = -1 (the export lists each direction as its own row, so
no row has a usable reverse; -1 is pgRouting's "no such direction"), parallel edges keep the
fastest like the other peers, a `nodes(id, geom)` table of the node coordinates (WGS84), and
the points snapped to the nearest node (peers.NodeSnapper).

Timed cases:

- `times-1`, `times-40`: `pgr_drivingDistance(edges, ARRAY[sources], 900, directed => true,
  equicost => true)` (equicost: each node goes to its nearest source, a multi-source search),
  counting the nodes reached in under 900 s like networkx and pandana;
- `reach-per-station`, `reach-random100`: the usual pgRouting isochrone recipe, one query per
  point: `pgr_drivingDistance` from the point, then `ST_ConcaveHull(ST_Collect(node geoms),
  0.9)` of the nodes reached within 5, 10 and 15 minutes. target_percent is PostGIS's documented
  parameter (PostGIS 3.3 reference, ST_ConcaveHull: "the fraction of convex hull area the
  result should approach"; 1 is the convex hull); 0.9 is the value of the pgRouting/PostGIS
  workshop isochrone examples. The 15-minute hulls of the stations are saved for
  bench/honesty.py (area over unreachable ground).

The peak RSS the harness reports is the Python child's (with psql), not the server's.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import peers
from inputs import WORK, City

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TARGET_PERCENT = 0.9
LIMIT_S = 900.0
MINUTES = (5, 10, 15)
EDGES_SQL = "SELECT id, source, target, cost, reverse_cost FROM edges"


class Server:
    """A throwaway PostgreSQL 15 server with PostGIS and pgRouting, queried through one psql."""

    def __init__(self):
        if not (PG_BIN / "initdb").exists():
            raise RuntimeError(f"pgrouting: no PostgreSQL 15 in {PG_BIN}; run scripts/install-deps --bench")
        self.folder = Path(tempfile.mkdtemp(prefix="nuanxin-pgr."))
        self.port = 20000 + random.randrange(20000)
        self.as_server = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres")
        os.chmod(self.folder, 0o755)
        self.psql = None
        atexit.register(self.stop)
        data = self.folder / "data"
        subprocess.run([*self.as_server, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        subprocess.run([*self.as_server, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l",
                        str(self.folder / "server.log"), "-w", "-o",
                        f"-k {self.folder} -p {self.port} -c listen_addresses=''", "start"],
                       check=True, capture_output=True)
        self.psql = subprocess.Popen([str(PG_BIN / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=0",
                                      "-h", str(self.folder), "-p", str(self.port), "-U", "postgres", "-d", "postgres"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, bufsize=1)

    def query(self, sql: str) -> list[str]:
        """Run one statement (or psql meta-command) and return its output lines; raise on error."""
        marker = "__nuanxin_bench_end__"
        self.psql.stdin.write(sql.rstrip().rstrip(";") + (";\n" if not sql.lstrip().startswith("\\") else "\n"))
        self.psql.stdin.write(f"\\echo {marker}\n\\warn {marker}\n")
        self.psql.stdin.flush()
        lines = []
        while (line := self.psql.stdout.readline()) and line.rstrip("\n") != marker:
            lines.append(line.rstrip("\n"))
        errors = []
        while (line := self.psql.stderr.readline()) and line.rstrip("\n") != marker:
            errors.append(line.rstrip("\n"))
        if any("ERROR" in e for e in errors):
            raise RuntimeError(f"pgrouting: {sql[:200]}: {' '.join(errors)}")
        return lines

    def stop(self):
        if self.psql is not None:
            self.psql.stdin.close()
            self.psql.wait()
            self.psql = None
        if self.folder.exists():
            subprocess.run([*self.as_server, str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
                            "-w", "stop"], capture_output=True)
            shutil.rmtree(self.folder, ignore_errors=True)


class PgRoutingGroup:
    """pgRouting 3.4 `pgr_drivingDistance` (+ PostGIS 3.3 `ST_ConcaveHull`, target_percent 0.9)."""
    label = "pgRouting pgr_drivingDistance"
    labels = {"reach-per-station": "pgRouting drivingDistance + ST_ConcaveHull 0.9",
              "reach-random100": "pgRouting drivingDistance + ST_ConcaveHull 0.9"}
    case_keys = ("times-1", "times-40", "reach-per-station", "reach-random100")

    def __init__(self, city: City):
        self.city = city
        self.server = Server()
        try:
            self.server.query("CREATE EXTENSION postgis")
            self.server.query("CREATE EXTENSION pgrouting CASCADE")
            edges = peers.read_edges(city.edges_csv)
            nodes = peers.node_table(edges)
            edges_csv, nodes_csv = self.server.folder / "edges.csv", self.server.folder / "nodes.csv"
            edges[["from", "to", "seconds"]].to_csv(edges_csv, index=False, header=False)
            nodes.to_csv(nodes_csv, header=False)
            self.server.query("CREATE TABLE edges (id bigserial PRIMARY KEY, source bigint, target bigint, "
                              "cost double precision, reverse_cost double precision DEFAULT -1)")
            self.server.query(f"\\copy edges (source, target, cost) FROM '{edges_csv}' CSV")
            self.server.query("CREATE TABLE nodes (id bigint PRIMARY KEY, lon double precision, lat double precision)")
            self.server.query(f"\\copy nodes FROM '{nodes_csv}' CSV")
            self.server.query("ALTER TABLE nodes ADD COLUMN geom geometry(Point, 4326)")
            self.server.query("UPDATE nodes SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326)")
            self.server.query("ANALYZE")
            self.version = self.server.query("SELECT pgr_version()")[0]
            snapper = peers.NodeSnapper(nodes)
            self.nodes = {key: snapper.nearest(*zip(*points))[0].tolist() for key, points in city.points.items()
                          if key in ("one", "sources40", "stations", "random100")}
        except BaseException:
            self.server.stop()
            raise
        self.polygons = {}

    def cases(self):
        cases = {"times-1": lambda: self.times("one"), "times-40": lambda: self.times("sources40")}
        if self.city.name in ("chengdu", "synth-100k"):
            cases.update({"reach-per-station": lambda: self.per_point("stations"),
                          "reach-random100": lambda: self.per_point("random100")})
        return cases

    def times(self, key):
        # Distinct start nodes: several points snap to one node (40 sources: 36 nodes), and with a
        # repeated start pgRouting 3.4's equicost search loses nodes (2,433 reached instead of 2,436).
        sources = ",".join(map(str, sorted(set(self.nodes[key]))))
        count = self.server.query(
            f"SELECT count(*) FROM pgr_drivingDistance('{EDGES_SQL}', ARRAY[{sources}]::bigint[], {LIMIT_S}, "
            f"directed => true, equicost => true) WHERE agg_cost < {LIMIT_S}")
        return {"nodes reached": int(count[0])}

    def isochrone(self, node: int) -> dict:
        """The concave hulls of the nodes reached from `node` within 5, 10, 15 minutes (GeoJSON)."""
        hulls = ", ".join(f"ST_AsGeoJSON(ST_ConcaveHull(ST_Collect(n.geom) FILTER (WHERE d.agg_cost <= {m * 60}), "
                          f"{TARGET_PERCENT}))" for m in MINUTES)
        row = self.server.query(
            f"SELECT {hulls} FROM pgr_drivingDistance('{EDGES_SQL}', {node}, {LIMIT_S}, directed => true) d "
            f"JOIN nodes n ON n.id = d.node")
        return dict(zip(MINUTES, row[0].split("|")))

    def per_point(self, key):
        from shapely import from_geojson

        from honesty import to_metric

        result = [self.isochrone(n) for n in self.nodes[key]]
        self.polygons[key] = result
        km2 = sum(to_metric(from_geojson(r[15])).area for r in result if r[15]) / 1e6
        return {"15-min km² (sum)": round(km2, 2)}

    def finish(self):
        self.server.stop()
        if "stations" in self.polygons:
            (WORK / f"{self.city.name}-pgrouting-isochrones.json").write_text(json.dumps(
                {"target_percent": TARGET_PERCENT, "version": self.version,
                 "stations": [{str(m): json.loads(r[m]) if r[m] else None for m in MINUTES}
                              for r in self.polygons["stations"]]}))


def known_answer() -> list[int]:
    """pgr_drivingDistance from node 1 within 100 s on 1→2 (60 s), 2→3 (60 s), 1→3 (150 s),
    3→1 (10 s): nodes 1 and 2 (node 3 is 120 s away). Used by bench/verify_peers.py."""
    server = Server()
    try:
        server.query("CREATE EXTENSION pgrouting CASCADE")
        server.query("CREATE TABLE edges (id bigint, source bigint, target bigint, cost float, reverse_cost float)")
        server.query("INSERT INTO edges VALUES (1, 1, 2, 60, -1), (2, 2, 3, 60, -1), (3, 1, 3, 150, -1), "
                     "(4, 3, 1, 10, -1)")
        return sorted(int(n) for n in server.query(
            f"SELECT node FROM pgr_drivingDistance('{EDGES_SQL}', 1, 100, directed => true)"))
    finally:
        server.stop()


GROUPS = {"pgrouting": PgRoutingGroup}
