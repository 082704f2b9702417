// The entity page: a world map coloured by recognition state on the date the slider picks, and
// the ordered list of recognisers, each linking to the facts (and evidence) behind it.
import { STATE_LABELS, api, clear, el, errorBox, isoToday, link, put, setTitle, typeLabel } from "./dom.js";
import { drawWorldMap, mapAvailable, mapLegend } from "./worldmap.js";

const DAY = 86400000;
const toDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const firstDay = (value) => (value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);

function recogniserTable(rows, factsById) {
  const body = rows.map((r) => el("tr", { class: `row st-${r.state}`, dataset: { code: r.actor } },
    el("td", { class: "num", text: r.order ?? "–" }),
    el("td", {}, link(`/states/${encodeURIComponent(r.actor)}`, r.name), el("span", { class: "code", text: ` ${r.actor}` })),
    el("td", { text: r.first_date || "–" }),
    el("td", {}, el("span", { class: `badge st-${r.state}`, text: STATE_LABELS[r.state] || r.state }),
      r.state !== "recognises" ? ` since ${r.since}` : "", r.disputed ? el("span", { class: "badge disputed", text: "disputed" }) : null),
    el("td", {}, el("span", { class: "evidence-count", text: `${r.evidence} ` }),
      ...r.facts.map((id) => {
        const f = factsById.get(id);
        return link(`/facts/${encodeURIComponent(id)}`, f ? `${typeLabel(f.type)} ${f.date}` : "evidence", { class: "fact-link" });
      }))));
  return el("table", { class: "recognisers", id: "recognisers" },
    el("thead", {}, el("tr", {}, ...["#", "actor", "first recognised", "state on this date", "evidence"].map((h) => el("th", { text: h })))),
    el("tbody", {}, body));
}

export async function entityPage(app) {
  const timeline = await api(`/v1/entities/${encodeURIComponent(app.dataset.code)}/timeline`);
  const entity = timeline.entity;
  const code = entity.code;
  setTitle(`Who recognises ${entity.name}`);
  const factsById = new Map(timeline.facts.map((f) => [f.id, f]));
  const dates = timeline.facts.map((f) => firstDay(f.date)).sort();
  const today = isoToday();
  const min = toDay(dates[0] || "2000-01-01") - 30, max = toDay(today);
  const start = Math.min(max, Math.max(min, app.dataset.as_of ? toDay(firstDay(app.dataset.as_of)) : max));

  const slider = el("input", { type: "range", id: "as-of-slider", min, max, step: 1, value: start, "aria-label": "as of date" });
  const dateInput = el("input", { type: "date", id: "as-of-date", value: fromDay(start), min: fromDay(min), max: today });
  const summary = el("p", { class: "summary", id: "status-summary" });
  const mapBox = el("div", { class: "map-box", id: "map-box" });
  const list = el("div", { id: "recogniser-list" });
  const marks = el("div", { class: "ticks" }, ...timeline.facts.filter((f) => f.target === code).map((f) =>
    el("span", { class: `tick type-${f.type}`, title: `${f.date} ${f.actor_name} ${typeLabel(f.type)}`,
      style: null, dataset: { pos: ((toDay(firstDay(f.date)) - min) / Math.max(1, max - min)).toFixed(4) } })));
  put(app, 
    el("p", { class: "meta" }, `${entity.code} · reference coverage: ${entity.coverage || "partial"} · `,
      link(`/entities/${encodeURIComponent(code)}/timeline`, "timeline"), " · ",
      link(`/v1/entities/${encodeURIComponent(code)}/status`, "JSON")),
    el("div", { class: "slider-row" }, el("label", { for: "as-of-slider", text: "As of" }),
      el("div", { class: "slider-wrap" }, slider, marks), dateInput),
    summary, mapBox, list);
  for (const tick of marks.children) tick.style.left = `${Number(tick.dataset.pos) * 100}%`;

  let map = null;
  if (mapAvailable()) {
    try {
      map = await drawWorldMap(mapBox);
      mapBox.append(mapLegend());
    } catch (err) {
      mapBox.append(errorBox({ code: "E_NOT_FOUND", message: `the map could not be drawn: ${err.message}` }));
    }
  } else {
    mapBox.append(el("p", { class: "notice", text: "No map: the web UI's packages are not installed (see the note above)." }));
  }

  let pending = 0;
  async function show(day) {
    const asOf = fromDay(day);
    dateInput.value = asOf;
    const ticket = ++pending;
    try {
      const status = await api(`/v1/entities/${encodeURIComponent(code)}/status?as_of=${asOf}`);
      if (ticket !== pending) return;  // a later move of the slider won
      const rows = status.rows;
      summary.textContent = `${status.recognised_by} recognise ${entity.name} as of ${asOf}` +
        (rows.length > status.recognised_by ? `; ${rows.length - status.recognised_by} more had a stance that ended.` : ".");
      app.dataset.asOfShown = asOf;
      if (map) map.paint(code, rows);
      clear(list).append(rows.length ? recogniserTable(rows, factsById) : el("p", { text: "No recorded stance on this date." }));
      history.replaceState(null, "", `?as_of=${asOf}`);
    } catch (err) {
      clear(list).append(errorBox(err));
    }
  }
  let timer = null;
  slider.addEventListener("input", () => {
    dateInput.value = fromDay(Number(slider.value));
    clearTimeout(timer);
    timer = setTimeout(() => show(Number(slider.value)), 120);
  });
  dateInput.addEventListener("change", () => {
    if (!dateInput.value) return;
    slider.value = String(toDay(dateInput.value));
    show(Number(slider.value));
  });
  await show(start);
}
