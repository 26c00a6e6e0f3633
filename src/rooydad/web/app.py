"""The ASGI app: the JSON API under /api, the dashboard at /, offline API docs at /docs.

Views validate parameters (``params``), call the store's query functions (``data``) or the
pure pipeline (POST /api/code), and shape JSON or CSV. No pipeline logic lives here.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..coding.tables import code_table, persian_names
from ..errors import InputError, QueryError, RooydadError
from ..model import Document
from ..pipeline import code_document, load_dictionaries
from . import data
from .errors import BadRequest, HTTPError, NotFound, PayloadTooLarge, error_response, handle_http_error
from .params import MAX_LIMIT, actor_param, choice_param, code_param, date_param, int_param, root_param

MAX_BODY = 1_000_000
STATIC = resources.files("rooydad") / "web" / "static"


def _event_filters(q) -> dict:
    return {
        "source": actor_param("source", q.get("source")),
        "target": actor_param("target", q.get("target")),
        "root": root_param("root", q.get("root")),
        "code": code_param("code", q.get("code")),
        "since": date_param("since", q.get("since")),
        "until": date_param("until", q.get("until")),
        "agency": q.get("agency") or None,
        "q": q.get("q") or None,
    }


def _csv(rows: list[dict]) -> Response:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8")


def create_app(store_url: str | None = None) -> FastAPI:
    """The app over the store at ``store_url`` (None: POST /api/code and the page only)."""
    app = FastAPI(title="rooydad", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Persian news coded as CAMEO/PLOVER events, each traceable to its sentence.")
    app.state.store_url = store_url
    app.add_exception_handler(HTTPError, handle_http_error)

    @app.exception_handler(RooydadError)
    async def _library(request: Request, exc: RooydadError):  # a query the store refuses, a bad store
        return error_response(400 if isinstance(exc, InputError | QueryError) else 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body") or "request"
        return error_response(400, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):  # never a traceback to a client
        return error_response(500, f"internal error ({type(exc).__name__})")

    @app.middleware("http")
    async def _limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY:
            return error_response(413, f"request body over {MAX_BODY:,} bytes")
        return await call_next(request)

    def store():
        if app.state.store_url is None:
            raise NotFound("no store: start with `rooydad serve --db FILE.db`")
        return data.open_cached(app.state.store_url)

    @app.get("/api/events", summary="Events, filtered and paginated (JSON or CSV)")
    def api_events(request: Request):
        q = request.query_params
        f = _event_filters(q)
        limit = int_param("limit", q.get("limit"), 50, 1, MAX_LIMIT)
        offset = int_param("offset", q.get("offset"), 0, 0, 10_000_000)
        fmt = choice_param("format", q.get("format"), ("json", "csv"), "json")
        s = store()
        rows = data.events(s, f, limit, offset)
        if fmt == "csv":
            return _csv(rows)
        return {"ok": True, "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/series", summary="Counts, mean Goldstein and QuadClass counts by period")
    def api_series(request: Request):
        q = request.query_params
        by = choice_param("by", q.get("by"), ("day", "week", "month", "year"), "month")
        s = store()
        return {"ok": True, "by": by, **data.series(s, actor_param("source", q.get("source")), actor_param("target", q.get("target")), by,
                                                     date_param("since", q.get("since")), date_param("until", q.get("until")))}

    @app.get("/api/actors", summary="Most active sources and targets in a period")
    def api_actors(request: Request):
        q = request.query_params
        top = int_param("top", q.get("top"), 20, 1, 200)
        s = store()
        return {"ok": True, **data.top_actors(s, top, date_param("since", q.get("since")), date_param("until", q.get("until")))}

    @app.get("/api/network", summary="Actor pairs with event counts, for a graph")
    def api_network(request: Request):
        q = request.query_params
        top = int_param("top", q.get("top"), 50, 1, 500)
        s = store()
        return {"ok": True, "edges": data.network(s, top, date_param("since", q.get("since")), date_param("until", q.get("until")))}

    @app.get("/api/documents/{doc_id:path}", summary="An article with its events and evidence offsets")
    def api_document(doc_id: str):
        s = store()
        doc = data.document(s, doc_id)
        if doc is None:
            raise NotFound(f"document {doc_id!r} not found")
        return {"ok": True, **doc}

    @app.get("/api/search", summary="Full-text search over articles, whatever their half-spaces or letter forms")
    def api_search(request: Request):
        q = request.query_params
        text = (q.get("q") or "").strip()
        if not text:
            raise BadRequest("q: a search query is required")
        limit = int_param("limit", q.get("limit"), 20, 1, 100)
        s = store()
        return {"ok": True, "q": text, "results": data.search(s, text, limit)}

    @app.post("/api/code", summary="Code an article (not stored): the output contract of DESIGN.md")
    async def api_code(request: Request):
        body = await request.body()
        if len(body) > MAX_BODY:
            raise PayloadTooLarge(f"request body over {MAX_BODY:,} bytes")
        try:
            import json

            payload = json.loads(body or b"{}")
        except ValueError:
            raise BadRequest("body: not valid JSON") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str) or not payload["text"].strip():
            raise BadRequest("text: a non-empty string is required")
        date = date_param("date", payload.get("date"))
        doc = Document(id=str(payload.get("id") or "api"), text=payload["text"], date=date, agency=payload.get("agency"), title=payload.get("title"))
        coded = code_document(doc, load_dictionaries())
        return coded.to_dict(include_flagged=bool(payload.get("include_flagged")))

    @app.get("/api/codes", summary="CAMEO codes: English and Persian names, Goldstein value, QuadClass")
    def api_codes():
        fa = persian_names()
        return {"ok": True, "codes": {c: {"en": i.name, "fa": fa.get(c) or fa.get(c[:2]), "goldstein": i.goldstein, "quad_class": i.quad_class}
                                      for c, i in code_table().items() if len(c) <= 3}}

    @app.get("/docs", include_in_schema=False)
    def docs():
        return HTMLResponse(DOCS_HTML)

    @app.get("/", include_in_schema=False)
    def dashboard():
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


DOCS_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>rooydad API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: "/openapi.json", dom_id: "#ui"});</script></body></html>"""
