// Home, timeline, positions and fact pages: lists over the REST API.
import { STATE_LABELS, api, el, externalLink, isoToday, link, put, setTitle, typeLabel } from "./dom.js";

export async function homePage(app) {
  const [entities, articles] = await Promise.all([api("/v1/entities"), api("/v1/articles?limit=15")]);
  put(app, 
    el("p", { class: "lead", text: "Who recognises which contested entity, since when, per whom: pick an entity for its map and the order of its recognisers." }),
    el("ul", { class: "entity-grid", id: "entity-grid" }, entities.entities.map((e) =>
      el("li", { class: "entity-card" },
        link(`/entities/${encodeURIComponent(e.code)}`, e.name, { class: "entity-name" }),
        el("div", { class: "meta" }, `${e.code} · recognised by ${e.recognised_by} today`),
        el("div", { class: "meta" }, link(`/entities/${encodeURIComponent(e.code)}/timeline`, "timeline"))))),
    el("h2", { text: "Recently ingested articles" }),
    articles.items.length
      ? el("ul", { class: "article-list", id: "article-list" }, articles.items.map((a) => el("li", {},
        link(`/articles/${encodeURIComponent(a.id)}`, a.title || a.id),
        el("span", { class: "meta", text: ` ${a.published || "undated"}${a.outlet ? ` · ${a.outlet}` : ""} · ${a.events} events` }))))
      : el("p", { class: "meta", text: "No articles yet: ingest some with `chancery ingest` or POST /v1/articles." }));
}

export async function timelinePage(app) {
  const data = await api(`/v1/entities/${encodeURIComponent(app.dataset.code)}/timeline`);
  const code = data.entity.code;
  setTitle(`Timeline of ${data.entity.name}`);
  let year = null;
  const items = [];
  for (const f of data.facts) {
    const y = f.date.slice(0, 4);
    if (y !== year) { year = y; items.push(el("li", { class: "year", text: y })); }
    const about = f.target === code ? null
      : el("span", {}, " → ", link(`/entities/${encodeURIComponent(f.target)}`, f.target_name));
    items.push(el("li", { class: `fact type-${f.type}`, dataset: { fact: f.id } },
      el("span", { class: "date", text: f.date }),
      el("span", { class: `badge type-${f.type}`, text: typeLabel(f.type) }),
      link(`/states/${encodeURIComponent(f.actor)}`, f.actor_name), about || "",
      f.from_code ? ` (from ${f.from_code})` : "",
      el("span", { class: "meta" }, ` · ${f.evidence} evidence · ${f.origin}`),
      f.disputed ? el("span", { class: "badge disputed", text: "disputed" }) : null,
      " ", link(`/facts/${encodeURIComponent(f.id)}`, "evidence →", { class: "fact-link" })));
  }
  put(app, 
    el("p", { class: "meta" }, link(`/entities/${encodeURIComponent(code)}`, "map and recognisers"), " · ",
      `${data.facts.length} facts`),
    el("ol", { class: "timeline", id: "timeline" }, items));
}

export async function positionsPage(app) {
  const code = app.dataset.code;
  const asOf = new URLSearchParams(location.search).get("as_of") || "";
  const data = await api(`/v1/states/${encodeURIComponent(code)}/positions${asOf ? `?as_of=${asOf}` : ""}`);
  setTitle(`Positions of ${data.state.name}`);
  const dateInput = el("input", { type: "date", id: "positions-date", value: asOf || isoToday() });
  dateInput.addEventListener("change", () => { location.search = `?as_of=${dateInput.value}`; });
  put(app, 
    el("div", { class: "slider-row" }, el("label", { for: "positions-date", text: "As of" }), dateInput),
    data.rows.length
      ? el("table", { class: "recognisers", id: "positions" },
        el("thead", {}, el("tr", {}, ...["entity", "state", "first recognised", "evidence"].map((h) => el("th", { text: h })))),
        el("tbody", {}, data.rows.map((r) => el("tr", { class: `row st-${r.state}` },
          el("td", {}, link(`/entities/${encodeURIComponent(r.actor)}`, r.name), el("span", { class: "code", text: ` ${r.actor}` })),
          el("td", {}, el("span", { class: `badge st-${r.state}`, text: STATE_LABELS[r.state] || r.state }),
            r.state !== "recognises" ? ` since ${r.since}` : ""),
          el("td", { text: r.first_date || "–" }),
          el("td", {}, `${r.evidence} `, ...r.facts.map((id, i) => link(`/facts/${encodeURIComponent(id)}`,
            r.facts.length === 1 ? "evidence" : `fact ${i + 1}`, { class: "fact-link" })))))))
      : el("p", { text: `The ledger has no recorded stance of ${data.state.name} on a contested entity.` }));
}

function sentenceWithTrigger(e) {
  const sentence = e.sentence || "";
  const at = e.trigger_start != null && e.sentence_start != null ? e.trigger_start - e.sentence_start : -1;
  const len = e.trigger ? e.trigger.length : 0;
  if (at < 0 || at + len > sentence.length || !len) return el("blockquote", { text: sentence });
  return el("blockquote", {}, sentence.slice(0, at), el("mark", { class: "hl-trigger recog", text: sentence.slice(at, at + len) }),
    sentence.slice(at + len));
}

export async function factPage(app) {
  const data = await api(`/v1/facts/${encodeURIComponent(app.dataset.id)}`);
  const f = data.fact;
  setTitle(`${f.actor_name} — ${typeLabel(f.type)} — ${f.target_name}`);
  put(app, 
    el("p", { class: "meta" }, `${f.date} (${f.precision}) · first reported by ${f.origin} data · ${f.evidence} evidence · `,
      link(`/entities/${encodeURIComponent(f.target)}`, f.target_name), " · ", link(`/states/${encodeURIComponent(f.actor)}`, f.actor_name)),
    data.disputes.length ? el("div", { class: "dispute", id: "disputes" }, el("strong", { text: "Disputed: " }),
      el("ul", {}, data.disputes.map((d) => el("li", { text: `${d.kind.replace("_", " ")}: ${d.detail}` })))) : null,
    el("ol", { class: "evidence", id: "evidence" }, data.evidence.map((e) => el("li", { class: `evidence-item ${e.kind} ${e.stance}` },
      el("span", { class: `badge ${e.kind}`, text: e.kind }), e.stance === "denies" ? el("span", { class: "badge disputed", text: "denies" }) : null,
      e.kind === "reference"
        ? el("div", {}, e.note || "reference fact", " · source: ", externalLink(e.url) || "none")
        : el("div", {}, sentenceWithTrigger(e),
          el("div", { class: "meta" }, e.date ? `${e.date}${e.date_text ? ` “${e.date_text}”` : ""}` : "",
            e.speaker ? ` · per ${e.speaker}` : "", e.channel ? ` via ${e.channel}` : "", e.outlet ? ` · ${e.outlet}` : "",
            " · ", e.article_id ? link(`/articles/${encodeURIComponent(e.article_id)}`, "article →") : "",
            e.url ? el("span", {}, " · ", externalLink(e.url, "original")) : null))))));
}
