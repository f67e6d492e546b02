import Foundation

/// The self-contained HTML page of `nuanxin report`.
///
/// The page holds no data of its own: `ReportPage.render(dataJSON:)` puts the
/// report's JSON (built by `ReportData`) into a `<script type="application/json">`
/// block, and the inline script draws the map as SVG, the tables and the charts
/// from it. Every text from the data (names from OSM) reaches the page through
/// `textContent`, never `innerHTML`, so a name like `<script>` shows as text.
/// No CDN, no tile server, no external file: it works offline.
enum ReportPage {
    /// The full HTML document with `dataJSON` embedded safely.
    static func render(dataJSON: String, lang: String) -> String {
        let safe = dataJSON
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return template
            .replacingOccurrences(of: "__LANG__", with: lang == "en" ? "en" : "zh-CN")
            .replacingOccurrences(of: "__DATA__", with: safe)
    }

    private static let template = #"""
<!DOCTYPE html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nuanxin</title>
<style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#b3261e;color:#fff}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;font-size:13px;opacity:.95}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:16px;padding:16px 20px}
#mapbox{position:relative;background:#fff;border:1px solid #ddd;border-radius:6px}
#map{width:100%;height:72vh;display:block;cursor:grab;background:#f4f1ea}
#controls{position:absolute;top:8px;left:8px;background:rgba(255,255,255,.93);padding:8px 10px;border-radius:6px;font-size:13px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
#controls label{display:block;white-space:nowrap}
#legend{position:absolute;bottom:8px;left:8px;background:rgba(255,255,255,.93);padding:6px 10px;border-radius:6px;font-size:12px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
#legend div{display:flex;align-items:center;gap:6px;margin:2px 0}
#legend i{display:inline-block;width:14px;height:14px;border:1px solid #555}
#tip{position:absolute;pointer-events:none;background:#fff;border:1px solid #999;border-radius:4px;padding:6px 8px;font-size:12px;display:none;max-width:320px;box-shadow:0 2px 6px rgba(0,0,0,.25);z-index:3}
#tip table td{padding:0 4px;vertical-align:top}
#attr{position:absolute;bottom:4px;right:8px;font-size:11px;color:#444;background:rgba(255,255,255,.8);padding:1px 4px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:14px}
section h2{font-size:16px;margin:2px 0 8px}
table.data{border-collapse:collapse;width:100%;font-size:13px}
table.data th,table.data td{border-bottom:1px solid #eee;padding:3px 6px;text-align:right}
table.data th:first-child,table.data td:first-child{text-align:left}
.kpi{display:flex;gap:18px;flex-wrap:wrap}
.kpi div{font-size:12px;color:#555}.kpi b{display:block;font-size:22px;color:#b3261e}
svg.chart{width:100%;height:220px}
@media (max-width:900px){main{grid-template-columns:1fr}}
</style>
</head>
<body>
<header><h1 id="title"></h1><p id="subtitle"></p></header>
<main>
<div id="mapbox">
<svg id="map" xmlns="http://www.w3.org/2000/svg"></svg>
<div id="controls"></div>
<div id="legend"></div>
<div id="tip"></div>
<div id="attr"></div>
</div>
<div id="side"></div>
</main>
<script type="application/json" id="report-data">__DATA__</script>
<script>
"use strict";
(function(){
const D = JSON.parse(document.getElementById("report-data").textContent);
const zh = D.lang !== "en";
const T = zh ? {
  title:"暖新服务圈报告", profile:{ebike:"电动自行车",walk:"步行"}, speed:"速度", minutes:"分钟",
  roads:"道路", circles:"服务圈", stations:"现有站点", hotspots:"骑手热点", gaps:"未覆盖区域", districts:"行政区",
  sites:"建议新站点", covered:"覆盖", uncovered:"未覆盖", within:"分钟内", none:"无站点可达",
  districtTable:"各区覆盖情况", name:"名称", hotspotCount:"热点数", weightTotal:"热点权重", weightCovered:"已覆盖权重",
  share:"覆盖率", uncoveredKm2:"未覆盖面积 km²", worst:"服务最差的 10 个热点", minutesToNearest:"至最近站点(分钟)",
  proposed:"建议新站点(按优先级)", rank:"序号", kind:"类型", addedWeight:"新增覆盖权重", cumulative:"累计覆盖率",
  frontier:"新增站点数与覆盖率", newStations:"新增站点数", speedBand:"速度假设的影响", source:"数据来源",
  kpiShare:"热点权重覆盖率", kpiStations:"现有站点", kpiHotspots:"热点", kpiUncovered:"未覆盖热点",
  unroutable:"无法接入路网", hint:"滚轮缩放，拖动平移，悬停查看属性"
} : {
  title:"Nuanxin service-circle report", profile:{ebike:"e-bike",walk:"walking"}, speed:"speed", minutes:"min",
  roads:"Roads", circles:"Service circles", stations:"Existing stations", hotspots:"Rider hotspots", gaps:"Uncovered areas", districts:"Districts",
  sites:"Proposed sites", covered:"covered", uncovered:"uncovered", within:"min", none:"no station reaches it",
  districtTable:"Coverage by district", name:"Name", hotspotCount:"Hotspots", weightTotal:"Weight", weightCovered:"Weight covered",
  share:"Share", uncoveredKm2:"Uncovered km²", worst:"10 worst-served hotspots", minutesToNearest:"Minutes to nearest",
  proposed:"Proposed sites (by rank)", rank:"Rank", kind:"Kind", addedWeight:"Weight added", cumulative:"Cumulative share",
  frontier:"Covered share against new stations", newStations:"New stations", speedBand:"Sensitivity to the speed assumption", source:"Data",
  kpiShare:"Hotspot weight covered", kpiStations:"Existing stations", kpiHotspots:"Hotspots", kpiUncovered:"Uncovered hotspots",
  unroutable:"not on the network", hint:"Wheel to zoom, drag to pan, hover for details"
};
const NS = "http://www.w3.org/2000/svg";
function el(tag, attrs, parent){ const e = document.createElementNS(NS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (parent) parent.appendChild(e); return e; }
function h(tag, text, parent){ const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (parent) parent.appendChild(e); return e; }
function pct(x){ return (x === null || x === undefined) ? "–" : (100*x).toFixed(1) + "%"; }
function num(x, d){ return (x === null || x === undefined) ? "–" : Number(x).toFixed(d); }

document.title = T.title;
document.getElementById("title").textContent = T.title + " · " + (D.meta.city || "");
document.getElementById("subtitle").textContent =
  T.source + ": " + D.meta.source + " · " + (T.profile[D.meta.profile] || D.meta.profile) + " · " + T.speed + " " + D.meta.speed_kmh + " km/h · " +
  D.meta.minutes.join("/") + " " + T.minutes + " · " + D.meta.attribution;
document.getElementById("attr").textContent = D.meta.attribution;

// Map projection for display only: equirectangular scaled by cos(latitude).
const bb = D.bbox, lat0 = (bb[1]+bb[3])/2, k = Math.cos(lat0*Math.PI/180);
const W = 1000, H = Math.max(300, Math.round(W * (bb[3]-bb[1]) / ((bb[2]-bb[0])*k)));
function px(lon){ return ((lon - bb[0]) * k) / ((bb[2]-bb[0]) * k) * W; }
function py(lat){ return (bb[3] - lat) / (bb[3]-bb[1]) * H; }
const svg = document.getElementById("map");
let view = [0, 0, W, H];
function setView(){ svg.setAttribute("viewBox", view.join(" ")); }
setView();

function ringPath(ring){ let s = ""; for (let i = 0; i < ring.length; i += 2) s += (i ? "L" : "M") + px(ring[i]).toFixed(1) + " " + py(ring[i+1]).toFixed(1); return s + "Z"; }
function polyPath(polys){ return polys.map(p => p.map(ringPath).join("")).join(""); }
function linePath(line){ let s = ""; for (let i = 0; i < line.length; i += 2) s += (i ? "L" : "M") + px(line[i]).toFixed(1) + " " + py(line[i+1]).toFixed(1); return s; }

const tip = document.getElementById("tip");
function attachTip(node, props){
  node.addEventListener("mousemove", ev => {
    tip.replaceChildren();
    const t = h("table", null, tip);
    for (const key of Object.keys(props)) { const tr = h("tr", null, t); h("td", key, tr); h("td", props[key] === null ? "null" : props[key], tr); }
    const box = document.getElementById("mapbox").getBoundingClientRect();
    tip.style.left = (ev.clientX - box.left + 12) + "px"; tip.style.top = (ev.clientY - box.top + 12) + "px"; tip.style.display = "block";
  });
  node.addEventListener("mouseleave", () => { tip.style.display = "none"; });
}

const circleColors = ["#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef"];
function hotspotColor(m){ if (m === null || m === undefined || m > D.meta.limit_minutes) return "#d7191c"; if (m <= D.meta.limit_minutes/3) return "#1a9641"; if (m <= 2*D.meta.limit_minutes/3) return "#a6d96a"; return "#fdae61"; }

const layers = [];
function layer(id, label, on, swatch){ const g = el("g", {id: "layer-" + id}, svg); layers.push({id, label, g, on, swatch}); if (!on) g.style.display = "none"; return g; }

const gRoads = layer("roads", T.roads, true, "#bbbbbb");
const roadPath = D.roads.map(linePath).join("");
el("path", {d: roadPath, fill: "none", stroke: "#b9b4aa", "stroke-width": 0.8, "vector-effect": "non-scaling-stroke"}, gRoads);

const gDistricts = layer("districts", T.districts, true, "#ffffff");
for (const d of D.districts) {
  const p = el("path", {d: polyPath(d.polygons), fill: "none", stroke: "#555", "stroke-width": 1.2, "stroke-dasharray": "6 4", "vector-effect": "non-scaling-stroke"}, gDistricts);
  attachTip(p, {[T.name]: d.name});
}
const gCircles = layer("circles", T.circles, true, "#6baed6");
const sortedCircles = D.circles.slice().sort((a, b) => b.minutes - a.minutes);
sortedCircles.forEach((c, i) => {
  const color = circleColors[Math.min(circleColors.length-1, sortedCircles.length-1-i)];
  const p = el("path", {d: polyPath(c.polygons), fill: color, "fill-opacity": 0.28, "fill-rule": "evenodd", stroke: color, "stroke-width": 1, "vector-effect": "non-scaling-stroke"}, gCircles);
  attachTip(p, {[T.minutes]: c.minutes, "km²": c.area_km2, [T.speed]: c.speed_kmh + " km/h"});
});
const gGaps = layer("gaps", T.gaps, true, "#d7191c");
const defs = el("defs", {}, svg);
const pat = el("pattern", {id: "hatch", width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"}, defs);
el("rect", {width: 8, height: 8, fill: "#d7191c", "fill-opacity": 0.08}, pat);
el("line", {x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#d7191c", "stroke-width": 2, "stroke-opacity": 0.5}, pat);
for (const g of D.gaps) {
  const p = el("path", {d: polyPath(g.polygons), fill: "url(#hatch)", "fill-rule": "evenodd", stroke: "#d7191c", "stroke-width": 0.8, "vector-effect": "non-scaling-stroke"}, gGaps);
  attachTip(p, {[T.gaps]: g.name, "km²": g.area_km2});
}
const gHot = layer("hotspots", T.hotspots, true, "#fdae61");
const maxW = Math.max(1, ...D.hotspots.map(x => x.weight));
for (const s of D.hotspots) {
  const r = 2.5 + 5 * Math.sqrt(s.weight / maxW);
  const c = el("circle", {cx: px(s.lon), cy: py(s.lat), r: r, fill: hotspotColor(s.minutes), stroke: "#333", "stroke-width": 0.5}, gHot);
  attachTip(c, {id: s.id, [T.hotspotCount]: s.weight, [T.kind]: s.kind, [T.minutesToNearest]: s.minutes === null ? T.none : s.minutes, [T.covered]: s.covered ? "✔" : "✘"});
}
const gStations = layer("stations", T.stations, true, "#2b5fb8");
for (const s of D.stations) {
  const g = el("g", {}, gStations);
  el("rect", {x: px(s.lon) - 6, y: py(s.lat) - 6, width: 12, height: 12, fill: s.unroutable ? "#999" : "#2b5fb8", stroke: "#fff", "stroke-width": 1.5}, g);
  attachTip(g, {id: s.id, [T.name]: s.name, [T.kind]: s.kind});
}
const gSites = layer("sites", T.sites, true, "#7b3294");
for (const s of D.sites) {
  const g = el("g", {}, gSites);
  el("circle", {cx: px(s.lon), cy: py(s.lat), r: 9, fill: "#7b3294", stroke: "#fff", "stroke-width": 1.5}, g);
  const t = el("text", {x: px(s.lon), y: py(s.lat) + 4, "text-anchor": "middle", "font-size": 11, fill: "#fff", "font-weight": "bold"}, g);
  t.textContent = String(s.rank);
  attachTip(g, {[T.rank]: s.rank, id: s.id, [T.name]: s.name, [T.kind]: s.kind, [T.addedWeight]: s.added_weight, [T.cumulative]: pct(s.cumulative_share)});
}

const controls = document.getElementById("controls");
for (const L of layers) {
  const lab = h("label", null, controls);
  const cb = document.createElement("input"); cb.type = "checkbox"; cb.checked = L.on; cb.id = "toggle-" + L.id;
  cb.addEventListener("change", () => { L.g.style.display = cb.checked ? "" : "none"; });
  lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + L.label));
}
h("div", T.hint, controls).style.cssText = "font-size:11px;color:#666;margin-top:4px";

const legend = document.getElementById("legend");
function legendRow(color, text, shape){ const d = h("div", null, legend); const i = h("i", null, d); i.style.background = color; if (shape === "round") i.style.borderRadius = "50%"; h("span", text, d); }
sortedCircles.slice().reverse().forEach((c, i) => legendRow(circleColors[i] , c.minutes + " " + T.minutes + " " + T.circles));
const L3 = D.meta.limit_minutes;
legendRow("#1a9641", "≤ " + (L3/3) + " " + T.within, "round");
legendRow("#a6d96a", "≤ " + (2*L3/3) + " " + T.within, "round");
legendRow("#fdae61", "≤ " + L3 + " " + T.within, "round");
legendRow("#d7191c", T.uncovered + " (> " + L3 + " " + T.minutes + ")", "round");
legendRow("#2b5fb8", T.stations);
legendRow("#7b3294", T.sites, "round");

// Pan and zoom by changing the viewBox.
let drag = null;
svg.addEventListener("wheel", ev => {
  ev.preventDefault();
  const r = svg.getBoundingClientRect();
  const mx = view[0] + (ev.clientX - r.left) / r.width * view[2], my = view[1] + (ev.clientY - r.top) / r.height * view[3];
  const f = ev.deltaY > 0 ? 1.2 : 1/1.2;
  view = [mx - (mx - view[0]) * f, my - (my - view[1]) * f, view[2] * f, view[3] * f]; setView();
}, {passive: false});
svg.addEventListener("mousedown", ev => { drag = {x: ev.clientX, y: ev.clientY, v: view.slice()}; svg.style.cursor = "grabbing"; });
window.addEventListener("mouseup", () => { drag = null; svg.style.cursor = "grab"; });
window.addEventListener("mousemove", ev => {
  if (!drag) return;
  const r = svg.getBoundingClientRect();
  view = [drag.v[0] - (ev.clientX - drag.x) / r.width * view[2], drag.v[1] - (ev.clientY - drag.y) / r.height * view[3], view[2], view[3]]; setView();
});

// Side panel: key figures, tables, charts.
const side = document.getElementById("side");
const s0 = h("section", null, side);
const kpi = h("div", null, s0); kpi.className = "kpi";
function k1(label, value){ const d = h("div", null, kpi); h("b", value, d); d.appendChild(document.createTextNode(label)); }
k1(T.kpiShare, pct(D.summary.share_covered));
k1(T.kpiStations, D.stations.length);
k1(T.kpiHotspots, D.hotspots.length);
k1(T.kpiUncovered, D.hotspots.filter(x => !x.covered).length);

function table(title, headers, rows, id){
  const s = h("section", null, side); s.id = id; h("h2", title, s);
  const t = h("table", null, s); t.className = "data";
  const tr = h("tr", null, h("thead", null, t)); headers.forEach(x => h("th", x, tr));
  const tb = h("tbody", null, t);
  rows.forEach(r => { const row = h("tr", null, tb); r.forEach(x => h("td", x, row)); });
}
table(T.districtTable, [T.name, T.hotspotCount, T.weightTotal, T.weightCovered, T.share, T.uncoveredKm2],
  D.districtTable.map(d => [d.name, d.hotspots, num(d.weight_total, 0), num(d.weight_covered, 0), pct(d.share_covered), num(d.uncovered_area_km2, 2)]), "district-table");
table(T.worst, ["id", T.kind, T.hotspotCount, T.minutesToNearest],
  D.worst.map(x => [x.id, x.kind, x.weight, x.minutes === null ? T.none : num(x.minutes, 1)]), "worst-table");
table(T.proposed, [T.rank, T.name, T.kind, T.addedWeight, T.cumulative],
  D.sites.map(s => [s.rank, s.name, s.kind, num(s.added_weight, 0), pct(s.cumulative_share)]), "sites-table");

function lineChart(title, points, xLabel, id){
  const s = h("section", null, side); s.id = id; h("h2", title, s);
  const c = el("svg", {class: "chart", viewBox: "0 0 400 220"}, s);
  const x0 = 40, x1 = 390, y0 = 190, y1 = 15;
  const xs = points.map(p => p.x), xmin = Math.min(...xs), xmax = Math.max(...xs, xmin + 1);
  function X(v){ return x0 + (v - xmin) / (xmax - xmin) * (x1 - x0); }
  function Y(v){ return y0 - v * (y0 - y1); }
  for (let g = 0; g <= 4; g++) { const y = Y(g/4); el("line", {x1: x0, x2: x1, y1: y, y2: y, stroke: "#e5e5e5"}, c); const t = el("text", {x: x0 - 4, y: y + 4, "text-anchor": "end", "font-size": 10}, c); t.textContent = (25*g) + "%"; }
  el("polyline", {points: points.map(p => X(p.x) + "," + Y(p.y)).join(" "), fill: "none", stroke: "#b3261e", "stroke-width": 2}, c);
  for (const p of points) { const dot = el("circle", {cx: X(p.x), cy: Y(p.y), r: 3, fill: "#b3261e"}, c); attachChartTip(dot, p.label); const t = el("text", {x: X(p.x), y: y0 + 14, "text-anchor": "middle", "font-size": 10}, c); t.textContent = String(p.x); }
  const xl = el("text", {x: (x0 + x1)/2, y: 216, "text-anchor": "middle", "font-size": 11}, c); xl.textContent = xLabel;
}
function attachChartTip(node, text){ const t = el("title", {}, node); t.textContent = text; }
if (D.frontier.length) lineChart(T.frontier, D.frontier.map(f => ({x: f.k, y: f.share, label: f.k + ": " + pct(f.share)})), T.newStations, "frontier-chart");
if (D.speedBand.length) {
  const s = h("section", null, side); s.id = "speed-band"; h("h2", T.speedBand, s);
  const t = h("table", null, s); t.className = "data";
  const tr = h("tr", null, t); h("th", T.speed, tr); h("th", T.share, tr); h("th", T.circles + " km²", tr);
  D.speedBand.forEach(b => { const r = h("tr", null, t); h("td", b.speed_kmh + " km/h", r); h("td", pct(b.share_covered), r); h("td", num(b.area_km2, 2), r); });
}
})();
</script>
</body>
</html>
"""#
}
