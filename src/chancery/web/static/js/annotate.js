// The annotated article: text with entities, event triggers, quotes and loaded terms marked,
// and the extracted records beside it. Used by the article page and the analyse box.
import { actorLabel, append, el, link, typeLabel } from "./dom.js";

function spanOf(item) {
  const start = Number(item && item.start), end = Number(item && item.end);
  return Number.isInteger(start) && Number.isInteger(end) && end > start ? [start, end] : null;
}

// Loaded terms may come with offsets or only as words: find the words then.
function loadedSpans(text, loaded) {
  const out = [];
  for (const term of loaded || []) {
    const span = spanOf(term);
    if (span) { out.push({ term, span }); continue; }
    if (!term || !term.text) continue;
    const lower = text.toLowerCase(), needle = String(term.text).toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      out.push({ term, span: [at, at + needle.length] });
    }
  }
  return out;
}

export function annotations(text, record) {
  const marks = [];
  (record.entities || []).forEach((e, i) => {
    const span = spanOf(e);
    if (span) marks.push({ id: `ent-${i}`, span, cls: `hl-entity kind-${e.kind || "other"}`,
      title: `${actorLabel(e)} · ${e.kind || ""}` });
  });
  (record.events || []).forEach((ev, i) => {
    const span = spanOf(ev.trigger);
    if (span) marks.push({ id: `ev-${i}`, span, cls: `hl-trigger${ev.type && ev.type.includes("recogni") ? " recog" : ""}`,
      title: `${typeLabel(ev.type)}: ${actorLabel(ev.actor)} → ${actorLabel(ev.target)}` });
  });
  (record.quotes || []).forEach((q, i) => {
    const span = spanOf(q);
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : "unattributed";
    const via = q.channel && q.channel.name ? ` via ${q.channel.name}` : "";
    if (span) marks.push({ id: `q-${i}`, span, cls: "hl-quote", title: `quote: ${who}${via}` });
  });
  loadedSpans(text, record.loaded).forEach(({ term, span }, i) => {
    marks.push({ id: `ld-${i}`, span, cls: "hl-loaded",
      title: `loaded term${term.category ? ` (${term.category})` : ""}${term.voice ? `, ${term.voice}` : ""}` });
  });
  return marks.filter((m) => m.span[1] <= text.length);
}

// Cut the text at every mark boundary; each piece carries the classes of the marks over it.
export function annotatedText(text, record) {
  const marks = annotations(text, record);
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.span[0]); cuts.add(m.span[1]); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article-text", id: "article-text" });
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const piece = text.slice(from, to);
    const over = marks.filter((m) => m.span[0] <= from && m.span[1] >= to);
    if (!over.length) { box.append(document.createTextNode(piece)); continue; }
    box.append(el("span", {
      class: ["mark", ...new Set(over.flatMap((m) => m.cls.split(" ")))].join(" "),
      title: over.map((m) => m.title).join("\n"),
      dataset: { marks: over.map((m) => m.id).join(" ") },
    }, piece));
  }
  return box;
}

function focusMark(id) {
  const pieces = [...document.querySelectorAll(".article-text .mark")]
    .filter((node) => node.dataset.marks.split(" ").includes(id));
  document.querySelectorAll(".mark.focus").forEach((node) => node.classList.remove("focus"));
  pieces.forEach((node) => node.classList.add("focus"));
  if (pieces[0]) pieces[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function dateLabel(d) {
  if (!d || !d.value) return "undated";
  return d.basis === "published" ? `${d.value} (publication date)` : `${d.value}${d.text ? ` “${d.text}”` : ""}`;
}

function section(title, count, ...children) {
  return el("section", { class: "records-section" }, el("h3", {}, `${title} `, el("span", { class: "count", text: `(${count})` })),
    ...children);
}

function eventItem(ev, i) {
  const attribution = ev.attribution || {};
  const speaker = attribution.speaker && (attribution.speaker.name || attribution.speaker.text);
  const channel = attribution.channel && attribution.channel.name;
  return el("li", { class: "record event", dataset: { mark: `ev-${i}` } },
    el("span", { class: `badge type-${ev.type}`, text: typeLabel(ev.type) }), " ",
    el("strong", {}, actorLabel(ev.actor)), " → ", el("strong", {}, actorLabel(ev.target)),
    ev.from ? ` (from ${actorLabel(ev.from)})` : "",
    el("div", { class: "meta" },
      dateLabel(ev.date), ev.modality && ev.modality !== "asserted" ? ` · ${ev.modality}` : "",
      ` · ${ev.plover || ""} / CAMEO ${ev.cameo || "?"}`,
      ev.trigger ? ` · “${ev.trigger.text}”` : "",
      speaker ? ` · per ${speaker}` : "", channel ? ` via ${channel}` : ""),
    ev.fact_id ? el("div", { class: "meta" }, link(`/facts/${encodeURIComponent(ev.fact_id)}`, "ledger fact and evidence →",
      { class: "fact-link" })) : null);
}

function quoteItem(q, i) {
  const sp = q.speaker || {};
  const who = sp.name || sp.text || "unattributed";
  const affName = sp.affiliation && (sp.affiliation.name || sp.affiliation.code);
  const aff = affName && affName !== who ? affName : null;
  const text = String(q.text || "");
  return el("li", { class: "record quote", dataset: { mark: `q-${i}` } },
    el("strong", {}, who), sp.role && !sp.role.includes(who) ? `, ${sp.role}` : "", aff ? ` (${aff})` : "",
    el("span", { class: "badge", text: q.kind || "quote" }),
    el("div", { class: "quote-text", text: text.length > 220 ? `${text.slice(0, 217)}…` : text }),
    q.channel && q.channel.name ? el("div", { class: "meta", text: `channel: ${q.channel.name}${q.channel.kind ? ` (${q.channel.kind})` : ""}` }) : null);
}

export function recordsPanel(record) {
  const panel = el("aside", { class: "records", id: "records" });
  const events = record.events || [], quotes = record.quotes || [], loaded = record.loaded || [];
  const actors = new Map();
  (record.entities || []).forEach((e, i) => {
    const key = `${e.code}|${e.kind}|${e.name || e.text}`;
    if (!actors.has(key)) actors.set(key, { actor: e, ids: [] });
    actors.get(key).ids.push(`ent-${i}`);
  });
  append(panel, [
    section("Events", events.length, el("ol", { class: "record-list" }, events.map(eventItem))),
    section("Quotes", quotes.length, el("ol", { class: "record-list" }, quotes.map(quoteItem))),
    section("Actors", actors.size, el("ul", { class: "chips" }, [...actors.values()].map(({ actor, ids }) =>
      el("li", { class: `chip kind-${actor.kind}`, dataset: { mark: ids[0] } },
        actor.code ? link(actor.kind === "contested_state" ? `/entities/${actor.code}` : `/states/${actor.code}`,
          actorLabel(actor)) : actorLabel(actor), ids.length > 1 ? ` ×${ids.length}` : "")))),
    section("Loaded terms", loaded.length, el("ul", { class: "chips" }, loaded.map((t, i) =>
      el("li", { class: "chip loaded", dataset: { mark: `ld-${i}` } }, t.text || "?",
        t.category ? el("span", { class: "meta", text: ` ${t.category}` }) : null)))),
  ]);
  if ((record.claims || []).length) {
    panel.append(section("Claims", record.claims.length, el("ul", { class: "record-list" }, record.claims.map((c) =>
      el("li", { class: `record claim verdict-${c.verdict}` }, el("span", { class: "badge", text: c.verdict }), ` “${c.text}”`)))));
  }
  panel.addEventListener("click", (event) => {
    const item = event.target.closest("[data-mark]");
    if (item && !event.target.closest("a")) focusMark(item.dataset.mark);
  });
  return panel;
}

export function legend() {
  return el("div", { class: "legend" }, "Marked: ",
    el("span", { class: "mark hl-entity kind-state", text: "actor" }), " ",
    el("span", { class: "mark hl-trigger recog", text: "event trigger" }), " ",
    el("span", { class: "mark hl-quote", text: "quote" }), " ",
    el("span", { class: "mark hl-loaded", text: "loaded term" }),
    el("span", { class: "meta", text: " · click a record to find it in the text" }));
}

export function annotatedView(text, record) {
  return el("div", { class: "annotated" },
    el("div", { class: "text-col" }, legend(), annotatedText(text, record)), recordsPanel(record));
}
