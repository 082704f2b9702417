// The world map: one SVG path per country (tagged with the ledger's code), dots for entities
// the map has no shape for. Colouring is by class, so the page only swaps classes on a date change.
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const STATES = ["recognises", "withdrawn", "suspended", "switched", "severed"];

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function mapAvailable() {
  return document.getElementById("app").dataset.map === "on" && window.d3 && window.d3.geoPath && window.topojson;
}

export async function drawWorldMap(container) {
  const world = await (await fetch("/assets/map/world.json")).json();
  const countries = window.topojson.feature(world, world.objects.countries);
  const width = 960, height = 470;
  const projection = window.d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = window.d3.geoPath(projection);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "world-map", id: "world-map", role: "img",
    "aria-label": "World map coloured by recognition state" });
  root.append(svg("path", { d: path({ type: "Sphere" }), class: "sphere" }));
  const shapes = new Map();
  for (const feature of countries.features) {
    const code = feature.properties.code || "";
    const shape = svg("path", { d: path(feature) || "", class: "country", "data-code": code });
    const title = svg("title");
    title.textContent = feature.properties.name || code;
    shape.append(title);
    root.append(shape);
    if (code) shapes.set(code, shape);
  }
  const points = new Map();
  for (const [code, lonlat] of Object.entries(world.points || {})) {
    const [x, y] = projection(lonlat);
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 4, class: "point", "data-code": code });
    const title = svg("title");
    title.textContent = code;
    dot.append(title);
    root.append(dot);
    points.set(code, dot);
  }
  container.append(root);
  return {
    // rows: the status rows of the entity on the chosen date
    paint(entity, rows) {
      const byCode = new Map(rows.map((r) => [r.actor, r]));
      for (const [code, node] of [...shapes, ...points]) {
        const row = byCode.get(code);
        node.classList.remove("self", "none", ...STATES.map((s) => `st-${s}`));
        node.classList.add(code === entity ? "self" : row ? `st-${row.state}` : "none");
        node.dataset.state = code === entity ? "self" : row ? row.state : "none";
        const title = node.querySelector("title");
        const name = (row && row.name) || title.textContent.split(" — ")[0];
        title.textContent = row ? `${name} — ${row.state} since ${row.since}` : name;
        if (node.tagName === "circle") node.classList.toggle("hidden", code !== entity && !row);
      }
    },
  };
}

export function mapLegend() {
  return el("div", { class: "legend map-legend" },
    ...[["self", "the entity"], ["st-recognises", "recognises"], ["st-withdrawn", "withdrew"],
      ["st-suspended", "suspended"], ["st-switched", "switched away"], ["none", "no recorded stance"]]
      .map(([cls, label]) => el("span", { class: "key" }, el("span", { class: `swatch ${cls}` }), label)));
}
