// Small DOM helpers. Every piece of data reaches the page through textContent or an attribute
// set one by one, never through innerHTML, so article text cannot inject markup or scripts.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export class ApiError extends Error {
  constructor(body, status) {
    const err = (body && body.error) || {};
    super(err.message || `request failed (${status})`);
    this.code = err.code || "E_INTERNAL";
    this.hint = err.hint || "";
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

export function errorBox(err) {
  return el("div", { class: "error", role: "alert" },
    el("strong", { text: err.code ? `${err.code}: ` : "Error: " }), err.message,
    err.hint ? el("div", { class: "hint", text: `What to do: ${err.hint}` }) : null);
}

export function link(href, text, attrs = {}) {
  return el("a", { href, ...attrs }, text);
}

// Links to other sites only for http(s) URLs; anything else (javascript:, data:) stays text.
export function externalLink(url, text) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, text || url);
  }
  return url ? el("span", { text: text || url }) : null;
}

export const STATE_LABELS = {
  recognises: "recognises", withdrawn: "withdrew recognition", suspended: "suspended recognition",
  switched: "switched recognition away", severed: "severed relations",
};

export function typeLabel(type) {
  return String(type || "").replaceAll("_", " ");
}

export function actorLabel(actor) {
  if (!actor) return "?";
  const name = actor.name || actor.text || actor.code || "?";
  return actor.code && actor.code !== name ? `${name} (${actor.code})` : name;
}

export function isoToday() {
  return new Date().toISOString().slice(0, 10);
}

export function setTitle(text) {
  const h1 = document.getElementById("page-title");
  if (h1) h1.textContent = text;
  document.title = `${text} · Chancery`;
}

// Native append() would print null children as "null"; this skips them.
export function put(node, ...children) {
  return append(node, children);
}
