"""Check that every benchmark peer works in bench/.venv (run by bench/setup).

Each check runs a peer on a small input whose answer is known or easy to judge and
exits non-zero on the first failure.
"""

import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402
import pgrouting  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "geodata" / "chengdu-center.osm.pbf"
POINT = (104.0657, 30.6700)        # near 天府广场, inside the study area


def check(name, condition, detail):
    print(f"  {'ok ' if condition else 'FAIL'} {name}: {detail}")
    if not condition:
        sys.exit(f"verify_peers: {name} failed")


def main():
    import highspy
    import networkx
    import osmnx
    import pandana
    import pulp
    import spopt
    import valhalla

    print(f"verify_peers: osmnx {osmnx.__version__}, networkx {networkx.__version__}, pandana {pandana.__version__}, "
          f"spopt {spopt.__version__}, PuLP {pulp.__version__}, highspy {highspy.Highs().version()}, "
          f"pyvalhalla {valhalla.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        xml = peers.filter_ebike_roads(CITY, tmp / "roads.osm")
        graph = peers.osmnx_graph(xml)
        check("osmnx graph_from_xml", graph.number_of_nodes() > 1000,
              f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges from {CITY.name}")
        count = peers.reference_edges_csv(CITY, tmp / "edges.csv")
        edges = peers.read_edges(tmp / "edges.csv")
        check("edges CSV", count > 1000, f"{count} directed e-bike edges")
        nodes = peers.node_table(edges)
        source, _ = peers.NodeSnapper(nodes).nearest([POINT[0]], [POINT[1]])
        iso = peers.isochrone_recipe(peers.networkx_graph(edges), peers.node_xy(nodes), source[0], minutes=(5, 15))
        five, fifteen = iso[5]["buffered"].area / 1e6, iso[15]["buffered"].area / 1e6
        check("osmnx isochrone recipe", 0 < five < fifteen <= iso[15]["hull"].area / 1e6 + 2,
              f"buffered 5 min {five:.2f} km2 < 15 min {fifteen:.2f} km2")
        network = peers.pandana_network(edges)
        seconds = peers.pandana_nearest(network, [POINT[0]], [POINT[1]], [POINT[0], 104.075], [POINT[1], 30.675], 900)
        check("pandana nearest_pois", seconds[0] < 60 and seconds[0] < seconds[1] < 900,
              f"seconds to the POI: {seconds.round(1).tolist()}")

        nx_graph = peers.networkx_graph(edges)
        snap = peers.NodeSnapper(peers.node_table(edges))
        source, _ = snap.nearest([POINT[0]], [POINT[1]])
        reach = peers.networkx_reach(nx_graph, source, 900)
        check("networkx multi_source_dijkstra", len(reach) > 100, f"{len(reach)} nodes within 15 min")

    # Sites 0, 1, 2; demand 0-3 with weights 5, 1, 1, 4. Site 0 covers d0, d1; site 1 covers d2, d3;
    # site 2 covers d1, d2. The best 1 site is site 0 (6) vs site 1 (5); the best 2 are sites 0+1 (11).
    cost = np.array([[1, 9, 9], [1, 9, 1], [9, 1, 1], [9, 1, 9]], dtype=float)
    weights = np.array([5, 1, 1, 4], dtype=float)
    chosen, covered = peers.spopt_mclp(cost, weights, 5, 1)
    check("spopt MCLP + PuLP CBC (p=1)", chosen == [0] and covered == 6, f"sites {chosen}, covered {covered}")
    chosen, covered = peers.spopt_mclp(cost, weights, 5, 2)
    check("spopt MCLP + PuLP CBC (p=2)", chosen == [0, 1] and covered == 11, f"sites {chosen}, covered {covered}")
    chosen, covered, gap = peers.highspy_mclp(cost, weights, 5, 2)
    check("highspy MCLP MIP", chosen == [0, 1] and abs(covered - 11) < 1e-6, f"sites {chosen}, covered {covered}")
    # Capacitated (weight may split): site 0 holds 3. One site: site 1 (5) beats site 0 (3) and
    # site 2 (2); two sites: 0 + 1 = 3 + 5 = 8 (0 + 2: 3 + 2; 1 + 2: 5 + 1).
    capacities = np.array([3, np.inf, np.inf])
    chosen, assigned = peers.pulp_capacitated_mclp(cost, weights, 5, 1, capacities)
    check("PuLP CBC capacitated MCLP (p=1)", chosen == [1] and abs(assigned - 5) < 1e-6,
          f"sites {chosen}, assigned {assigned}")
    chosen, assigned = peers.pulp_capacitated_mclp(cost, weights, 5, 2, capacities)
    check("PuLP CBC capacitated MCLP (p=2)", chosen == [0, 1] and abs(assigned - 8) < 1e-6,
          f"sites {chosen}, assigned {assigned}")
    chosen, assigned, gap = peers.highspy_capacitated_mclp(cost, weights, 5, 2, capacities)
    check("highspy capacitated MCLP MIP", chosen == [0, 1] and abs(assigned - 8) < 1e-6,
          f"sites {chosen}, assigned {assigned}")
    reached = pgrouting.known_answer()
    check("pgRouting pgr_drivingDistance", reached == [1, 2], f"nodes within 100 s of node 1: {reached}")
    optimum = peers.highspy_lp_check()
    check("highspy LP", abs(optimum - 2.8) < 1e-9, f"optimum {optimum}")

    with tempfile.TemporaryDirectory() as tmp:
        config = peers.valhalla_build(CITY, Path(tmp) / "valhalla")
        actor = peers.valhalla_actor(config)
        iso = peers.valhalla_isochrones(actor, [POINT], minutes=(5, 10, 15))[0]
        contours = sorted(f["properties"]["contour"] for f in iso["features"])
        check("valhalla isochrone (bicycle, 15 km/h)", contours == [5, 10, 15], f"contours {contours}")
        table = peers.valhalla_matrix(actor, [POINT], [(104.08, 30.68), (104.10, 30.70)])
        check("valhalla matrix", np.all(np.isfinite(table)) and table[0, 0] < table[0, 1],
              f"seconds {table.tolist()}")
    print("verify_peers: all peers work")


if __name__ == "__main__":
    main()
