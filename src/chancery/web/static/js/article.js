// The article page (a stored article and its records) and the analyse box (text → /v1/extract).
import { annotatedView } from "./annotate.js";
import { api, clear, el, errorBox, externalLink, isoToday, link, put, setTitle } from "./dom.js";

export async function articlePage(app) {
  const a = await api(`/v1/articles/${encodeURIComponent(app.dataset.id)}`);
  setTitle(a.title || a.id);
  put(app, 
    el("p", { class: "meta" }, a.published ? `published ${a.published}` : "no publication date",
      a.outlet ? ` · ${a.outlet}` : "", a.source && a.source.control ? ` (${a.source.control})` : "",
      a.url ? el("span", {}, " · ", externalLink(a.url, "original")) : null,
      " · ", link(`/v1/articles/${encodeURIComponent(a.id)}`, "JSON"), ` · id ${a.id}`),
    annotatedView(a.text, a));
}

export function analysePage(app) {
  const text = el("textarea", { id: "analyse-text", rows: 9, placeholder: "Paste a news text here…", "aria-label": "text to analyse" });
  const published = el("input", { type: "date", id: "analyse-published", value: isoToday() });
  const status = el("p", { class: "meta", id: "analyse-status" });
  const result = el("div", { id: "analyse-result" });
  const button = el("button", { type: "submit", id: "analyse-run", text: "Analyse" });
  const form = el("form", { class: "analyse-form", id: "analyse-form" }, text,
    el("div", { class: "slider-row" }, el("label", { for: "analyse-published", text: "Published" }), published, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = text.value;
    if (!body.trim()) { status.textContent = "Paste some text first."; return; }
    button.disabled = true;
    status.textContent = "Analysing… (the first request loads the language model)";
    clear(result);
    try {
      const record = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: body, published: published.value || undefined }) });
      status.textContent = `${record.events.length} events, ${record.quotes.length} quotes, ${record.entities.length} actor mentions, ${(record.loaded || []).length} loaded terms · schema ${record.schema}`;
      result.append(annotatedView(body, record));
    } catch (err) {
      status.textContent = "";
      result.append(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  put(app, el("p", { class: "lead", text: "Paste a text: Chancery marks actors, event triggers, quotes and loaded terms, and lists the records it extracted. Nothing is stored." }),
    form, status, result);
}
