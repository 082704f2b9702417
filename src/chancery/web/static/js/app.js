// Entry point: each page is a shell (templates/page.html) whose data-page picks what to render.
import { articlePage, analysePage } from "./article.js";
import { errorBox } from "./dom.js";
import { entityPage } from "./entity.js";
import { factPage, homePage, positionsPage, timelinePage } from "./pages.js";

const PAGES = { home: homePage, entity: entityPage, timeline: timelinePage, positions: positionsPage,
  fact: factPage, article: articlePage, analyse: analysePage };

function wireStateJump() {
  const form = document.getElementById("state-jump");
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = form.querySelector("input").value.trim();
    if (code) location.href = `/states/${encodeURIComponent(code)}`;
  });
}

async function main() {
  wireStateJump();
  const app = document.getElementById("app");
  const render = PAGES[app.dataset.page];
  try {
    if (render) await render(app);
  } catch (err) {
    app.append(errorBox(err));
  } finally {
    app.dataset.ready = "true";  // tests and screenshots wait for this
  }
}

main();
