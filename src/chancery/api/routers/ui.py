"""The web UI: HTML pages (Jinja2, autoescaped), our own static JS/CSS, and the npm-installed
libraries and map data. Pages are thin shells; the JS reads the same REST API as everyone else."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from chancery import __version__
from chancery.api.assets import INSTALL_HINT, WEB_DIR, Assets
from chancery.api.errors import ApiError
from chancery.errors import ErrorCode

# Pages run only our own scripts; an article's text can never inject one.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SWAGGER_FILES = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"}
PAGES = {"home", "entity", "timeline", "positions", "fact", "article", "analyse"}


def install(app: FastAPI) -> None:
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    assets = Assets.from_setting(app.state.chancery.settings.web_assets_dir)
    coded_map: dict[str, Any] = {}
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")

    def page(request: Request, name: str, title: str, **params: str) -> HTMLResponse:
        assert name in PAGES
        context = {"page": name, "title": title, "params": params, "version": __version__,
                   "missing_assets": assets.missing(), "install_hint": INSTALL_HINT}
        response = templates.TemplateResponse(request, "page.html", context)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return page(request, "home", "Recognition ledger")

    @app.get("/entities/{code}", include_in_schema=False)
    def entity(request: Request, code: str, as_of: str = "") -> HTMLResponse:
        return page(request, "entity", f"Who recognises {code.upper()}", code=code.upper(), as_of=as_of)

    @app.get("/entities/{code}/timeline", include_in_schema=False)
    def timeline(request: Request, code: str) -> HTMLResponse:
        return page(request, "timeline", f"Timeline of {code.upper()}", code=code.upper())

    @app.get("/states/", include_in_schema=False)
    def state_jump(code: str = "") -> RedirectResponse:  # the header's form, without JavaScript
        return RedirectResponse(f"/states/{quote(code.strip(), safe='')}" if code.strip() else "/", 303)

    @app.get("/states/{code}", include_in_schema=False)
    def positions(request: Request, code: str) -> HTMLResponse:
        return page(request, "positions", f"Positions of {code.upper()}", code=code.upper())

    @app.get("/facts/{fact_id}", include_in_schema=False)
    def fact(request: Request, fact_id: str) -> HTMLResponse:
        return page(request, "fact", "Fact and evidence", id=fact_id)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article", "Article", id=article_id)

    @app.get("/analyse", include_in_schema=False)
    def analyse(request: Request) -> HTMLResponse:
        return page(request, "analyse", "Analyse a text")

    @app.get("/assets/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        path = assets.vendor_path(name)
        if path is None:
            raise ApiError(ErrorCode.NOT_FOUND, f"front-end file {name!r} is not installed; {INSTALL_HINT}")
        return FileResponse(path, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/assets/map/world.json", include_in_schema=False)
    def world_map() -> JSONResponse:
        if "map" not in coded_map:
            found = assets.coded_map()
            if found is None:
                raise ApiError(ErrorCode.NOT_FOUND, f"the world map is not installed; {INSTALL_HINT}")
            coded_map["map"] = found
        return JSONResponse(coded_map["map"], headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        # The API explorer from npm too; FastAPI's default would fetch it from a CDN.
        if not (assets.root / "swagger-ui-dist" / "swagger-ui-bundle.js").is_file():
            return HTMLResponse(f"<p>The API explorer is not installed; {INSTALL_HINT}. "
                                "The OpenAPI document is at <a href='/openapi.json'>/openapi.json</a>.</p>")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Chancery API",
                                   swagger_js_url="/assets/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/assets/swagger/swagger-ui.css",
                                   swagger_favicon_url="/assets/swagger/favicon-32x32.png")

    @app.get("/assets/swagger/{name}", include_in_schema=False)
    def swagger_file(name: str) -> FileResponse:
        if name not in SWAGGER_FILES or not (assets.root / "swagger-ui-dist" / name).is_file():
            raise ApiError(ErrorCode.NOT_FOUND, f"no front-end file {name!r}; {INSTALL_HINT}")
        return FileResponse(assets.root / "swagger-ui-dist" / name)
