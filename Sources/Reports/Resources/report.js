"use strict";
(function () {
try {
const D = JSON.parse(document.getElementById("report-data").textContent);
const zh = D.lang !== "en";
const T = zh ? {
  title: "暖新站点 {m} 分钟服务圈报告", profile: {ebike: "电动自行车", walk: "步行"}, speed: "速度", min: "分钟",
  roads: "道路", circles: "服务圈", circle: "分钟服务圈", stations: "现有站点", hotspots: "骑手热点", gaps: "未覆盖区域", districts: "行政区界",
  sites: "建议新站点", covered: "已覆盖", uncovered: "未覆盖", unreached: "无站点可达", yes: "是", no: "否",
  districtTable: "各区覆盖情况", name: "名称", district: "行政区", hotspotCount: "热点", hotspotsCovered: "已覆盖热点", weight: "权重",
  weightTotal: "热点权重", weightCovered: "已覆盖权重", share: "覆盖率", uncoveredKm2: "未覆盖面积 km²", area: "面积 km²", roadKm: "道路 km",
  worst: "服务最差的 10 个热点", minutesToNearest: "至最近站点(分钟)", nearest: "最近站点",
  proposed: "建议新站点(按优先级)", rank: "序号", kind: "类型", addedWeight: "新增覆盖权重", taken: "新增覆盖热点", cumulative: "累计覆盖率",
  frontier: "新增站点数与覆盖率", newStations: "新增站点数", speedBand: "速度假设的影响", speedNote: "骑行速度不同时，现有站点在 {m} 分钟内覆盖的热点权重与服务圈面积。",
  byHour: "各时段覆盖率(只计营业中的站点)", hourAxis: "时刻", weekday: "工作日(周三)", sunday: "周日", byHourNote: "站点在该小时的 h:30 营业时计入。",
  serviceTable: "各服务的覆盖率", service: "服务", stationsOffering: "提供该服务的站点",
  services: {rest: "休息", water: "饮水", toilet: "卫生间", charging: "充电", first_aid: "急救包", microwave: "微波炉", storage: "寄存", repair: "维修", feedback: "意见反馈", exchange: "积分兑换"},
  stationTable: "现有站点", served: "最近且在时限内的热点", weightServed: "服务权重", unroutable: "无法接入路网",
  kpiShare: "热点权重覆盖率", kpiAfter: "新增 {k} 站后", kpiStations: "现有站点", kpiUncovered: "未覆盖热点", kpiGap: "未覆盖面积 km²",
  total: "合计", outside: "(区外)", studyArea: "研究范围", hint: "滚轮缩放 · 拖动平移 · 悬停查看属性", layers: "图层",
  legendCircles: "服务圈", legendHotspots: "热点(至最近站点)", legendOther: "其他", within: "≤ {m} 分钟", between: "{a}–{b} 分钟",
  beyond: "> {m} 分钟或不可达", frontierNote: "第 0 点为现有站点。", bandNote: "虚线为速度区间两端的现有覆盖率。", noPlan: "未提供候选站点(--candidates)，无选址结果。", planNote: "候选站点：{c}。最多新增 {k} 站，使 {m} 分钟内覆盖的热点权重最大(贪心 + 顶点替换)；不再增加覆盖的站点不列出。",
  source: "数据", profileLabel: "出行方式", accessNote: "道路两侧 {a} 米内计为覆盖", footer: "由 nuanxin 生成 · 离线文件，无需联网",
  catchments: "各站服务范围(最近站点)", loadTable: "各站负荷(超载在前)", mean: "平均分钟", p90: "90% 分钟", capacity: "容量", loadRatio: "负荷率",
  gapTitle: "候选点缺口", gapNote: "列出的候选点最多覆盖 {a}；若可在道路上任意位置(每 {s} 米)选址，最多覆盖 {b}。下列热点只有道路位置能覆盖：", gapHotspots: "仅道路位置可覆盖的热点",
  kinds: {pharmacy: "药店", hotel: "酒店", bank: "银行", mall: "商场", community_centre: "社区中心", social_facility: "社会服务机构",
    townhall: "街道/乡镇政府", government: "政府机构", dropoff: "送达点", pickup: "取餐点", mixed: "取送混合"}
} : {
  title: "Nuanxin {m}-minute service-area report", profile: {ebike: "e-bike", walk: "walking"}, speed: "Speed", min: "min",
  roads: "Roads", circles: "Service areas", circle: "min service area", stations: "Existing stations", hotspots: "Rider hotspots", gaps: "Uncovered areas", districts: "District borders",
  sites: "Proposed sites", covered: "Covered", uncovered: "Uncovered", unreached: "no station reaches it", yes: "yes", no: "no",
  districtTable: "Coverage by district", name: "Name", district: "District", hotspotCount: "Hotspots", hotspotsCovered: "Covered", weight: "Weight",
  weightTotal: "Weight", weightCovered: "Weight covered", share: "Share", uncoveredKm2: "Uncovered km²", area: "Area km²", roadKm: "Road km",
  worst: "10 worst-served hotspots", minutesToNearest: "Minutes to nearest", nearest: "Nearest station",
  proposed: "Proposed sites (by rank)", rank: "Rank", kind: "Kind", addedWeight: "Weight added", taken: "Hotspots added", cumulative: "Cumulative share",
  frontier: "Covered share against new stations", newStations: "New stations", speedBand: "Sensitivity to the speed assumption", speedNote: "Hotspot weight the existing stations cover within {m} minutes, and their service area, at each riding speed.",
  byHour: "Coverage by hour (open stations only)", hourAxis: "Hour", weekday: "Weekday (Wednesday)", sunday: "Sunday", byHourNote: "A station counts in an hour when open at h:30.",
  serviceTable: "Coverage by service", service: "Service", stationsOffering: "Stations offering it",
  services: {},
  stationTable: "Existing stations", served: "Hotspots served (nearest, in time)", weightServed: "Weight served", unroutable: "not on the network",
  kpiShare: "Hotspot weight covered", kpiAfter: "With {k} new sites", kpiStations: "Existing stations", kpiUncovered: "Uncovered hotspots", kpiGap: "Uncovered km²",
  total: "Total", outside: "(outside districts)", studyArea: "study area", hint: "Wheel to zoom · drag to pan · hover for details", layers: "Layers",
  legendCircles: "Service areas", legendHotspots: "Hotspots (to nearest station)", legendOther: "Other", within: "≤ {m} min", between: "{a}–{b} min",
  beyond: "> {m} min or unreached", frontierNote: "Point 0 is the existing stations.", bandNote: "Dashed lines: today's share at the ends of the speed band.", noPlan: "No candidate sites given (--candidates): no proposed sites.", planNote: "Candidates: {c}. Up to {k} new sites that maximise the hotspot weight within {m} minutes (greedy + vertex substitution); sites that would add nothing are not listed.",
  source: "Data", profileLabel: "Mode", accessNote: "within {a} m of a reached road counts as covered", footer: "Made by nuanxin · offline file, no network needed",
  catchments: "Catchments (nearest station)", loadTable: "Station loads (overloaded first)", mean: "Mean min", p90: "90th pct min", capacity: "Capacity", loadRatio: "Load ratio",
  gapTitle: "Candidate gap", gapNote: "The listed candidates cover at most {a}; a site anywhere on the roads (every {s} m) could cover {b}. Only road positions reach these hotspots:", gapHotspots: "Hotspots only road positions reach",
  kinds: {}
};
function fill(text, values) { return text.replace(/\{(\w)\}/g, (m, k) => String(values[k])); }
function kindLabel(kind) { return kind === undefined || kind === null ? "–" : (T.kinds[kind] || kind); }
const NS = "http://www.w3.org/2000/svg";
function el(tag, attrs, parent) { const e = document.createElementNS(NS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (parent) parent.appendChild(e); return e; }
function h(tag, text, parent) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (parent) parent.appendChild(e); return e; }
function pct(x) { return (x === null || x === undefined) ? "–" : (100 * x).toFixed(1) + "%"; }
function num(x, d) { return (x === null || x === undefined) ? "–" : Number(x).toFixed(d); }
function amount(x) { return (x === null || x === undefined) ? "–" : (Number.isInteger(x) ? String(x) : Number(x).toFixed(1)); }
const M = D.meta, levels = M.minutes, limit = M.limit_minutes;

// Header.
const heading = fill(T.title, {m: limit});
document.title = (M.title ? M.title + " · " : "") + heading;
document.getElementById("title").textContent = heading + (M.title ? " · " + M.title : "");
document.getElementById("subtitle").textContent = [
  T.profileLabel + ": " + (T.profile[M.profile] || M.profile) + ", " + M.speed_kmh + " km/h",
  levels.join(" / ") + " " + T.min + " (" + fill(T.accessNote, {a: M.access_m}) + ")"
].join(" · ");
document.getElementById("datanote").textContent = T.source + ": " + M.data_note + " · " + M.attribution;
document.getElementById("attr").textContent = M.attribution;

// Map: equirectangular scaled by cos(latitude), for display only.
const bb = D.bbox, kx = Math.cos((bb[1] + bb[3]) / 2 * Math.PI / 180);
const W = 1000, H = Math.round(W * (bb[3] - bb[1]) / ((bb[2] - bb[0]) * kx));
function px(lon) { return (lon - bb[0]) / (bb[2] - bb[0]) * W; }
function py(lat) { return (bb[3] - lat) / (bb[3] - bb[1]) * H; }
const svg = document.getElementById("map");
svg.style.aspectRatio = W + " / " + H;
let view = [0, 0, W, H];
function setView() { svg.setAttribute("viewBox", view.map(v => v.toFixed(2)).join(" ")); }
setView();

function pts(flat) { let s = ""; for (let i = 0; i < flat.length; i += 2) s += (i ? "L" : "M") + px(flat[i]).toFixed(1) + " " + py(flat[i + 1]).toFixed(1); return s; }
function polyPath(polys) { return polys.map(p => p.map(r => pts(r) + "Z").join("")).join(""); }

const tip = document.getElementById("tip");
function attachTip(node, rows) {
  node.addEventListener("mousemove", ev => {
    tip.replaceChildren();
    const t = h("table", null, tip);
    for (const [key, value] of rows) { const tr = h("tr", null, t); h("td", key, tr); h("td", value === null || value === undefined ? "–" : value, tr); }
    const box = document.getElementById("mapframe").getBoundingClientRect();
    const x = ev.clientX - box.left, y = ev.clientY - box.top;
    tip.style.display = "block";
    tip.style.left = Math.min(x + 14, box.width - tip.offsetWidth - 4) + "px";
    tip.style.top = (y + 14 + tip.offsetHeight > box.height ? y - tip.offsetHeight - 8 : y + 14) + "px";
  });
  node.addEventListener("mouseleave", () => { tip.style.display = "none"; });
}

function ramp(colors, n, i) { return colors[n < 2 ? 0 : Math.round(i * (colors.length - 1) / (n - 1))]; }
function circleColor(i) { return ramp(["#0d4a85", "#2171b5", "#4292c6", "#6baed6", "#9ecae1"], levels.length, i); }
function levelColor(i) { return ramp(["#1a7f37", "#4daf4a", "#a6d96a", "#fdd049", "#f4a72a"], levels.length, i); }
const uncoveredColor = "#d7191c";
function hotspotColor(m) {
  if (m === null || m === undefined || m > limit) return uncoveredColor;
  for (let i = 0; i < levels.length; i++) if (m <= levels[i]) return levelColor(i);
  return uncoveredColor;
}

const circleOpacity = 0.3, gapOpacity = 0.13;

const layers = [];
function layer(id, label, on) { const g = el("g", {id: "layer-" + id}, svg); layers.push({id, label, g}); if (!on) g.style.display = "none"; return g; }
const gGaps = layer("gaps", T.gaps, true);
const gCatch = layer("catchments", T.catchments, false);
const gCircles = layer("circles", T.circles, true);
const gRoads = layer("roads", T.roads, true);
const gDistricts = layer("districts", T.districts, true);
const gHot = layer("hotspots", T.hotspots, true);
const gStations = layer("stations", T.stations, true);
const gSites = layer("sites", T.sites, true);
const gGapHot = layer("gap-hotspots", T.gapHotspots, true);

// Catchments: one colour per station (golden-angle hues), white borders.
function stationHue(i) { return "hsl(" + Math.round((i * 137.508) % 360) + ",62%,52%)"; }
(D.catchments || []).forEach((c, i) => {
  const p = el("path", {d: polyPath(c.polygons), fill: stationHue(i), "fill-opacity": 0.45, "fill-rule": "evenodd", stroke: "#fff", "stroke-width": 1, "vector-effect": "non-scaling-stroke"}, gCatch);
  attachTip(p, [[T.catchments, c.station_id], [T.area, num(c.area_km2, 2)]]);
});
for (const x of (D.candidate_gap ? D.candidate_gap.hotspots : [])) {
  const c = el("circle", {cx: px(x.lon).toFixed(1), cy: py(x.lat).toFixed(1), r: 9, fill: "none", stroke: "#e66101", "stroke-width": 2.5}, gGapHot);
  attachTip(c, [[T.gapHotspots, x.id], [T.weight, amount(x.weight)]]);
}

// Circles: the largest first, so the smaller ones show on top.
D.circles.map((c, i) => [c, i]).sort((a, b) => b[0].minutes - a[0].minutes).forEach(([c, i]) => {
  const color = circleColor(i);
  const p = el("path", {d: polyPath(c.polygons), fill: color, "fill-opacity": circleOpacity, "fill-rule": "evenodd", stroke: "none"}, gCircles);
  attachTip(p, [[T.circles, c.minutes + " " + T.min], [T.speed, c.speed_kmh + " km/h"], [T.area, num(c.area_km2, 2)], [T.roadKm, num(c.road_km, 1)]]);
});
for (const g of D.gaps) {
  const p = el("path", {d: polyPath(g.polygons), fill: uncoveredColor, "fill-opacity": gapOpacity, "fill-rule": "evenodd", stroke: "none"}, gGaps);
  attachTip(p, [[T.gaps, areaName(g.name)], [T.area, num(g.area_km2, 2)]]);
}
el("path", {d: D.roads.map(pts).join(""), fill: "none", stroke: "#8f8a80", "stroke-opacity": 0.55, "stroke-width": 0.7, "stroke-linejoin": "round", "vector-effect": "non-scaling-stroke"}, gRoads);
function areaName(name) { return name === "study area" ? T.studyArea : name; }
for (const d of D.districts) {
  const p = el("path", {d: polyPath(d.polygons), fill: "none", stroke: "#4a4a4a", "stroke-width": 1.6, "stroke-dasharray": "7 4", "vector-effect": "non-scaling-stroke", "pointer-events": "stroke"}, gDistricts);
  attachTip(p, [[T.district, areaName(d.name)], [T.area, num(d.area_km2, 2)]]);
}
const labelLayer = el("g", {id: "district-labels", "pointer-events": "none"}, gDistricts);
for (const d of D.districts) {
  if (!d.label || D.districts.length < 2 || d.area_km2 < 0.5) continue;
  const t = el("text", {x: px(d.label[0]), y: py(d.label[1]), "text-anchor": "middle", "font-size": 22, "font-weight": 600, fill: "#3a3a3a", "fill-opacity": 0.75, stroke: "#fff", "stroke-width": 4, "stroke-opacity": 0.8, "paint-order": "stroke"}, labelLayer);
  t.textContent = areaName(d.name);
}
const maxW = Math.max(1, ...D.hotspots.map(x => x.weight));
for (const s of D.hotspots.slice().sort((a, b) => b.weight - a.weight)) {
  const r = 3 + 6 * Math.sqrt(s.weight / maxW);
  const c = el("circle", {cx: px(s.lon).toFixed(1), cy: py(s.lat).toFixed(1), r: r.toFixed(1), fill: hotspotColor(s.minutes), "fill-opacity": 0.9, stroke: s.unroutable ? "#000" : "#fff", "stroke-width": s.unroutable ? 1.5 : 0.8}, gHot);
  attachTip(c, [["id", s.id], [T.name, s.name], [T.kind, kindLabel(s.kind)], [T.district, s.district], [T.weight, amount(s.weight)],
    [T.minutesToNearest, s.minutes === undefined ? (s.unroutable ? T.unroutable : T.unreached) : num(s.minutes, 1)], [T.nearest, s.nearest_station], [T.covered, s.covered ? T.yes : T.no]]);
}
for (const s of D.stations) {
  const g = el("g", {}, gStations);
  el("rect", {x: (px(s.lon) - 7).toFixed(1), y: (py(s.lat) - 7).toFixed(1), width: 14, height: 14, rx: 2, fill: s.unroutable ? "#9a9a9a" : "#17324d", stroke: "#fff", "stroke-width": 2}, g);
  attachTip(g, [["id", s.id], [T.name, s.name], [T.kind, kindLabel(s.kind)], [T.served, s.hotspots_served], [T.weightServed, amount(s.weight_served)]].concat(s.unroutable ? [[T.unroutable, s.reason]] : []));
}
for (const s of D.sites) {
  const g = el("g", {}, gSites);
  el("circle", {cx: px(s.lon).toFixed(1), cy: py(s.lat).toFixed(1), r: 11, fill: "#6a2c91", stroke: "#fff", "stroke-width": 2}, g);
  const t = el("text", {x: px(s.lon).toFixed(1), y: (py(s.lat) + 4.5).toFixed(1), "text-anchor": "middle", "font-size": 13, fill: "#fff", "font-weight": 700}, g);
  t.textContent = String(s.rank);
  attachTip(g, [[T.rank, s.rank], ["id", s.id], [T.name, s.name], [T.kind, kindLabel(s.kind)], [T.addedWeight, amount(s.added_weight)], [T.taken, s.hotspots_taken], [T.cumulative, pct(s.cumulative_share)]]);
}

// Layer toggles and legend, in the bar under the map.
const controls = document.getElementById("controls");
h("h3", T.layers, controls);
const toggles = h("div", null, controls); toggles.className = "toggles";
for (const L of layers.slice().reverse()) {
  if (L.id === "sites" && !D.sites.length) continue;
  if (L.id === "gaps" && !D.gaps.length) continue;
  if (L.id === "catchments" && !(D.catchments || []).length) continue;
  if (L.id === "gap-hotspots" && !D.candidate_gap) continue;
  const lab = h("label", null, toggles); lab.className = "row";
  const cb = document.createElement("input"); cb.type = "checkbox"; cb.checked = L.g.style.display !== "none"; cb.id = "toggle-" + L.id;
  cb.addEventListener("change", () => { L.g.style.display = cb.checked ? "" : "none"; });
  lab.appendChild(cb); lab.appendChild(document.createTextNode(L.label));
}
h("div", T.hint, controls).className = "hint";

function legendGroup(id, title) { const g = document.getElementById(id); h("h3", title, g); return g; }
function legendRow(group, text, draw) { const d = h("div", null, group); d.className = "row"; const s = el("svg", {width: 18, height: 14, viewBox: "0 0 18 14"}, d); draw(s); h("span", text, d); }
const lc = legendGroup("legend-circles", T.legendCircles);
levels.forEach((m, i) => legendRow(lc, m + " " + T.circle, s => el("rect", {x: 1, y: 1, width: 16, height: 12, fill: circleColor(i), "fill-opacity": circleOpacity + 0.1, stroke: circleColor(i)}, s)));
if (D.gaps.length) legendRow(lc, T.gaps + " (> " + limit + " " + T.min + ")", s => el("rect", {x: 1, y: 1, width: 16, height: 12, fill: uncoveredColor, "fill-opacity": gapOpacity + 0.05, stroke: uncoveredColor, "stroke-opacity": 0.5}, s));
const lh = legendGroup("legend-hotspots", T.legendHotspots);
levels.forEach((m, i) => legendRow(lh, i === 0 ? fill(T.within, {m: m}) : fill(T.between, {a: levels[i - 1], b: m}),
  s => el("circle", {cx: 9, cy: 7, r: 5, fill: levelColor(i)}, s)));
legendRow(lh, fill(T.beyond, {m: limit}), s => el("circle", {cx: 9, cy: 7, r: 5, fill: uncoveredColor}, s));
const lo = legendGroup("legend-other", T.legendOther);
legendRow(lo, T.stations, s => el("rect", {x: 3, y: 1, width: 12, height: 12, rx: 2, fill: "#17324d"}, s));
if (D.sites.length) legendRow(lo, T.sites, s => { el("circle", {cx: 9, cy: 7, r: 6.5, fill: "#6a2c91"}, s); const t = el("text", {x: 9, y: 10, "text-anchor": "middle", "font-size": 9, fill: "#fff", "font-weight": 700}, s); t.textContent = "1"; });
legendRow(lo, T.districts, s => el("line", {x1: 1, y1: 7, x2: 17, y2: 7, stroke: "#4a4a4a", "stroke-width": 1.6, "stroke-dasharray": "4 2"}, s));
legendRow(lo, T.roads, s => el("line", {x1: 1, y1: 7, x2: 17, y2: 7, stroke: "#8f8a80", "stroke-width": 1.2}, s));

// Pan and zoom by changing the viewBox.
function zoomAt(mx, my, f) { view = [mx - (mx - view[0]) * f, my - (my - view[1]) * f, view[2] * f, view[3] * f]; setView(); }
svg.addEventListener("wheel", ev => {
  ev.preventDefault();
  const r = svg.getBoundingClientRect();
  zoomAt(view[0] + (ev.clientX - r.left) / r.width * view[2], view[1] + (ev.clientY - r.top) / r.height * view[3], ev.deltaY > 0 ? 1.2 : 1 / 1.2);
}, {passive: false});
let drag = null;
svg.addEventListener("mousedown", ev => { drag = {x: ev.clientX, y: ev.clientY, v: view.slice()}; svg.style.cursor = "grabbing"; });
window.addEventListener("mouseup", () => { drag = null; svg.style.cursor = "grab"; });
window.addEventListener("mousemove", ev => {
  if (!drag) return;
  const r = svg.getBoundingClientRect();
  view = [drag.v[0] - (ev.clientX - drag.x) / r.width * view[2], drag.v[1] - (ev.clientY - drag.y) / r.height * view[3], view[2], view[3]]; setView();
});
const zoom = document.getElementById("zoom");
[["+", 1 / 1.5], ["−", 1.5], ["⟲", 0]].forEach(([label, f]) => {
  const b = h("button", label, zoom); b.type = "button";
  b.addEventListener("click", () => { if (f) zoomAt(view[0] + view[2] / 2, view[1] + view[3] / 2, f); else { view = [0, 0, W, H]; setView(); } });
});

// Side panel: key figures, tables, charts.
const side = document.getElementById("side");
const kpi = h("div", null, h("section", null, side)); kpi.className = "kpi"; kpi.parentNode.id = "kpi";
function k1(label, value) { const d = h("div", null, kpi); h("b", value, d); d.appendChild(document.createTextNode(label)); }
k1(T.kpiShare + " (" + limit + " " + T.min + ")", pct(D.summary.share_covered));
if (D.summary.share_after_plan !== undefined && D.sites.length) k1(fill(T.kpiAfter, {k: D.sites.length}), pct(D.summary.share_after_plan));
k1(T.kpiUncovered + (D.summary.unroutable_hotspots ? " (" + D.summary.unroutable_hotspots + " " + T.unroutable + ")" : ""), (D.summary.hotspots - D.summary.hotspots_covered) + " / " + D.summary.hotspots);
k1(T.kpiGap, num(D.summary.uncovered_area_km2, 2));
k1(T.kpiStations, D.stations.filter(s => !s.unroutable).length);

function table(id, title, columns, rows, rowClass) {
  const s = h("section", null, side); s.id = id; h("h2", title, s);
  const t = h("table", null, s); t.className = "data";
  const tr = h("tr", null, h("thead", null, t));
  columns.forEach(c => { const th = h("th", c.label, tr); if (c.text) th.className = "text"; });
  const tb = h("tbody", null, t);
  rows.forEach(r => {
    const row = h("tr", null, tb); if (rowClass) row.className = rowClass(r);
    columns.forEach(c => { const td = h("td", null, row); if (c.text) td.className = c.nowrap ? "text nowrap" : "text"; const v = c.value(r); if (v instanceof Node) td.appendChild(v); else td.textContent = v === null || v === undefined ? "–" : String(v); });
  });
  return s;
}
function shareCell(x) { const f = document.createDocumentFragment(); const b = h("span", null, f); b.className = "bar"; b.style.width = Math.round(40 * (x || 0)) + "px"; f.appendChild(document.createTextNode(pct(x))); return f; }
function rowName(r) { return r.row === "total" ? T.total : r.row === "outside" ? T.outside : areaName(r.name); }

table("district-table", T.districtTable, [
  {label: T.name, text: true, value: rowName},
  {label: T.hotspotCount, value: r => r.hotspots_covered + " / " + r.hotspots},
  {label: T.weightCovered, value: r => amount(r.weight_covered) + " / " + amount(r.weight_total)},
  {label: T.share, value: r => shareCell(r.share_covered)},
  {label: T.uncoveredKm2, value: r => num(r.uncovered_area_km2, 2)}
], D.district_table, r => r.row === "total" ? "total" : "");

const sitesSection = table("sites-table", T.proposed, [
  {label: T.rank, value: s => s.rank}, {label: T.name, text: true, value: s => s.name || s.id}, {label: T.kind, text: true, nowrap: true, value: s => kindLabel(s.kind)},
  {label: T.addedWeight, value: s => amount(s.added_weight)}, {label: T.taken, value: s => s.hotspots_taken}, {label: T.cumulative, value: s => pct(s.cumulative_share)}
], D.sites);
h("p", M.candidates_source ? fill(T.planNote, {c: M.candidates_source === "osm" ? "OpenStreetMap POI" : M.candidates_source, k: M.new_sites, m: limit}) : T.noPlan, sitesSection).className = "note";

function lineChart(id, title, points, xLabel, refs, marked) {
  const s = h("section", null, side); s.id = id; h("h2", title, s);
  const c = el("svg", {class: "chart", viewBox: "0 0 440 220"}, s);
  const x0 = 46, x1 = 428, y0 = 182, y1 = 14;
  const xs = points.map(p => p.x), xmin = Math.min(...xs), xmax = Math.max(...xs, xmin + 1);
  const low = Math.min(...points.map(p => p.y), ...refs.map(r => r.y));
  const ymin = Math.max(0, Math.floor((low - 0.03) * 10) / 10), ymax = 1;
  const X = v => x0 + (v - xmin) / (xmax - xmin) * (x1 - x0), Y = v => y0 - (v - ymin) / (ymax - ymin) * (y0 - y1);
  const step = ymax - ymin > 0.45 ? 0.1 * Math.ceil((ymax - ymin) / 0.5) : 0.05;
  for (let v = ymin; v <= ymax + 1e-9; v += step) {
    const y = Y(v);
    el("line", {x1: x0, x2: x1, y1: y, y2: y, stroke: "#e3e5e8"}, c);
    el("text", {x: x0 - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#555"}, c).textContent = Math.round(100 * v) + "%";
  }
  for (const r of refs) {
    el("line", {x1: x0, x2: x1, y1: Y(r.y), y2: Y(r.y), stroke: "#3b7dd8", "stroke-dasharray": "5 4", "stroke-width": 1.3}, c);
    el("text", {x: x0 + 6, y: Y(r.y) - 5, "text-anchor": "start", "font-size": 11, fill: "#2a5fa8"}, c).textContent = r.label;
  }
  el("polyline", {points: points.map(p => X(p.x).toFixed(1) + "," + Y(p.y).toFixed(1)).join(" "), fill: "none", stroke: "#8c1d18", "stroke-width": 2.2}, c);
  for (const p of points) {
    const dot = el("circle", {cx: X(p.x), cy: Y(p.y), r: p.x === marked ? 5.5 : 3.2, fill: p.x === marked ? "#6a2c91" : "#8c1d18", stroke: "#fff"}, c);
    el("title", {}, dot).textContent = p.label;
    el("text", {x: X(p.x), y: y0 + 15, "text-anchor": "middle", "font-size": 11, fill: "#555"}, c).textContent = String(p.x);
    if (p.x === xmin || p.x === marked) el("text", {x: X(p.x) + (p.x === xmin ? 4 : 0), y: Y(p.y) - 9, "text-anchor": p.x === xmin ? "start" : "middle", "font-size": 12, "font-weight": 600, fill: "#333"}, c).textContent = pct(p.y);
  }
  el("text", {x: (x0 + x1) / 2, y: 214, "text-anchor": "middle", "font-size": 12, fill: "#333"}, c).textContent = xLabel;
  return s;
}
const bandEnds = D.speed_band.length ? [D.speed_band[0], D.speed_band[D.speed_band.length - 1]] : [];
if (D.frontier.length) {
  const s = lineChart("frontier-chart", T.frontier, D.frontier.map(f => ({x: f.k, y: f.share, label: f.k + ": " + pct(f.share)})), T.newStations,
    bandEnds.map(b => ({y: b.share_covered, label: b.speed_kmh + " km/h: " + pct(b.share_covered)})), D.sites.length);
  h("p", T.frontierNote + (bandEnds.length ? (zh ? "" : " ") + T.bandNote : ""), s).className = "note";
}
if (D.speed_band.length) {
  const s = table("speed-band", T.speedBand, [
    {label: T.speed, value: b => b.speed_kmh + " km/h" + (b.main ? " ★" : "")}, {label: T.share, value: b => shareCell(b.share_covered)},
    {label: limit + " " + T.circle + " km²", value: b => num(b.area_km2, 2)}
  ], D.speed_band);
  h("p", fill(T.speedNote, {m: limit}), s).className = "note";
}
function hourChart(rows) {
  const s = h("section", null, side); s.id = "by-hour-chart"; h("h2", T.byHour, s);
  const c = el("svg", {class: "chart", viewBox: "0 0 440 230"}, s);
  const x0 = 46, x1 = 428, y0 = 182, y1 = 14;
  const ymin = Math.max(0, Math.floor((Math.min(...rows.map(r => r.share)) - 0.03) * 10) / 10), ymax = 1;
  const X = v => x0 + v / 23 * (x1 - x0), Y = v => y0 - (v - ymin) / (ymax - ymin) * (y0 - y1);
  for (let v = ymin; v <= ymax + 1e-9; v += 0.1) {
    el("line", {x1: x0, x2: x1, y1: Y(v), y2: Y(v), stroke: "#e3e5e8"}, c);
    el("text", {x: x0 - 6, y: Y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#555"}, c).textContent = Math.round(100 * v) + "%";
  }
  for (let hr = 0; hr < 24; hr += 3) el("text", {x: X(hr), y: y0 + 15, "text-anchor": "middle", "font-size": 11, fill: "#555"}, c).textContent = String(hr);
  [["weekday", "#8c1d18", ""], ["sunday", "#3b7dd8", "5 4"]].forEach(([day, color, dash], i) => {
    const line = rows.filter(r => r.day === day);
    el("polyline", {class: "by-hour-" + day, points: line.map(r => X(r.hour).toFixed(1) + "," + Y(r.share).toFixed(1)).join(" "), fill: "none", stroke: color, "stroke-width": 2, "stroke-dasharray": dash}, c);
    for (const r of line) el("title", {}, el("circle", {cx: X(r.hour), cy: Y(r.share), r: 2.4, fill: color}, c)).textContent = T[day] + " " + r.hour + ":00 " + pct(r.share);
    el("line", {x1: x0 + 10 + 150 * i, x2: x0 + 34 + 150 * i, y1: 222, y2: 222, stroke: color, "stroke-width": 2, "stroke-dasharray": dash}, c);
    el("text", {x: x0 + 40 + 150 * i, y: 226, "font-size": 12, fill: "#333"}, c).textContent = T[day];
  });
  el("text", {x: x1, y: 208, "text-anchor": "end", "font-size": 12, fill: "#333"}, c).textContent = T.hourAxis;
  h("p", T.byHourNote, s).className = "note";
}
if (D.by_hour && D.by_hour.length) hourChart(D.by_hour);
if (D.services && D.services.length) {
  table("service-table", T.serviceTable, [
    {label: T.service, text: true, value: r => T.services[r.service] || r.service}, {label: T.stationsOffering, value: r => r.stations},
    {label: T.share, value: r => shareCell(r.share)}
  ], D.services);
}
table("worst-table", T.worst, [
  {label: "id", text: true, value: x => x.id}].concat(D.districts.length > 1 ? [{label: T.district, text: true, value: x => x.district}] : []).concat([{label: T.kind, text: true, nowrap: true, value: x => kindLabel(x.kind)},
  {label: T.weight, value: x => amount(x.weight)}, {label: T.minutesToNearest, value: x => x.minutes === undefined ? (x.unroutable ? T.unroutable : T.unreached) : num(x.minutes, 1)},
  {label: T.nearest, text: true, value: x => x.nearest_station}
]), D.worst);
table("station-table", T.stationTable, [
  {label: "id", text: true, value: s => s.id}, {label: T.name, text: true, value: s => s.name}, {label: T.kind, text: true, nowrap: true, value: s => kindLabel(s.kind)},
  {label: T.served, value: s => s.unroutable ? T.unroutable : s.hotspots_served}, {label: T.weightServed, value: s => amount(s.weight_served)}
], D.stations);
if ((D.loads || []).length) table("load-table", T.loadTable, [
  {label: "id", text: true, value: s => s.id}, {label: T.name, text: true, value: s => s.name},
  {label: T.served, value: s => s.hotspots_served}, {label: T.weightServed, value: s => amount(s.weight_served)},
  {label: T.mean, value: s => num(s.minutes_mean, 1)}, {label: T.p90, value: s => num(s.minutes_p90, 1)},
  {label: T.capacity, value: s => amount(s.capacity)}, {label: T.loadRatio, value: s => s.load_ratio === undefined ? "–" : pct(s.load_ratio)}
], D.loads, s => s.load_ratio !== undefined && s.load_ratio > 1 ? "over" : "");
if (D.candidate_gap) {
  const g = D.candidate_gap;
  const s = table("gap-table", T.gapTitle, [
    {label: "id", text: true, value: x => x.id}, {label: T.weight, value: x => amount(x.weight)}, {label: T.district, text: true, value: x => x.district}
  ], g.hotspots);
  const note = h("p", fill(T.gapNote, {a: pct(g.listed_share), b: pct(g.anywhere_share), s: g.road_spacing_m}), null);
  note.className = "note"; s.insertBefore(note, s.querySelector("table"));
}

const footer = h("footer", T.footer + " · " + M.generator + " · " + M.network_file, document.body);
footer.id = "render-ok";
const mapRect = svg.getBoundingClientRect();
footer.dataset.mapRect = [mapRect.left + window.scrollX, mapRect.top + window.scrollY, mapRect.width, mapRect.height].map(Math.round).join(",");
} catch (e) {
  window.nuanxinShowError(e && e.stack ? e.stack : String(e));
}
})();
