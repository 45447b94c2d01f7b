"""The HTTP API of CONTRACT.md ("HTTP") over one shared Engine.

Everything a script or the intranet portal needs: ask, list/upload/remove reports, report text for
the viewer, feedback, health. The work is the library's (qa.library, shared with the web UI); this
module validates requests, maps refusals to statuses and guards the routes. Errors are always JSON ``{"error": ...}`` with a 4xx status (5xx only
for a broken index or a bug), never a stack trace. Keys, rate limit, sub-path and security headers
are enforced by one ASGI guard in front of the routes, so they hold before any body is parsed.
"""
from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import defaultdict, deque
from typing import Literal

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field
from starlette._utils import get_route_path
from starlette.exceptions import HTTPException as StarletteHTTPException

from tracuu.config import Config
from tracuu.index.store import IndexError_
from tracuu.ingest.loaders import SUPPORTED
from tracuu.qa.engine import Engine, QuestionError
from tracuu.qa.library import (Refused, ask_options, correction_of, document_text, ingest_uploads, record_feedback,
                               remove_document)

from .api_tools import ApiError, add_routes

log = logging.getLogger("tracuu.api")
# the status of each reason the library refuses a request for (qa.library.REASONS)
REFUSAL_STATUS = {"invalid": 400, "unknown": 404, "changed": 409, "gone": 410, "too_large": 413,
                  "unsupported": 415, "unreadable": 422}


# ---------------- request bodies ----------------
class AskRequest(BaseModel):
    question: str = Field(..., description="câu hỏi, có dấu hoặc không dấu")
    k: int | None = Field(None, ge=1, le=20, description="số đoạn trích dẫn trả về")
    period: str | None = Field(None, description='lọc theo kỳ, ví dụ "quý I/2022", "6 tháng đầu năm 2023"')
    docs: list[str] | None = Field(None, description="chỉ tìm trong các báo cáo này (tên tệp)")
    previous: str | None = Field(None, description="câu hỏi trước trong cùng cuộc trò chuyện (câu hỏi nối tiếp)")


class FeedbackRequest(BaseModel):
    question: str = Field(..., max_length=5000)
    answer: str | dict = Field(..., description="the answer text or the whole Answer JSON")
    verdict: Literal["correct", "wrong"]
    comment: str | None = Field(None, max_length=2000)


# ---------------- the guard: sub-path, keys, rate limit, headers ----------------
class Guard:
    """Pure ASGI middleware, so it runs before routing and body parsing (and never buffers streams)."""

    def __init__(self, app, config: Config):
        self.app = app
        self.config = config
        self.root = config.root_path.rstrip("/")
        self.hits: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        if self.root:  # works whether or not the proxy strips the prefix
            scope["root_path"] = self.root
            if not (scope["path"] == self.root or scope["path"].startswith(self.root + "/")):
                scope["path"] = self.root + scope["path"]
                scope["raw_path"] = self.root.encode() + scope.get("raw_path", b"")
        path = get_route_path(scope)
        if path.startswith("/api/") or path == "/api":
            refusal = self._check(scope, path)
            if refusal:
                return await refusal(scope, receive, send)
            return await self.app(scope, receive, send)
        ancestors = " ".join(self.config.frame_ancestors) if path.startswith("/embed") else "'self'"
        extra = [(b"content-security-policy", f"frame-ancestors {ancestors}".encode()),
                 (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)
        return await self.app(scope, receive, send_with_headers)

    def _check(self, scope, path: str) -> JSONResponse | None:
        if scope["type"] != "http" or scope["method"] == "OPTIONS":
            return None  # CORS pre-flight carries no credentials
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        client = self._client(scope, headers)
        limit = self.config.rate_limit_per_minute
        if limit > 0:
            now = time.monotonic()
            with self.lock:
                window = self.hits[client]
                while window and now - window[0] > 60:
                    window.popleft()
                if len(window) >= limit:
                    retry = int(60 - (now - window[0])) + 1
                    return JSONResponse({"error": f"too many requests: at most {limit} per minute"},
                                        429, headers={"Retry-After": str(retry)})
                window.append(now)
                if len(self.hits) > 10_000:  # forget idle clients
                    for ip in [ip for ip, w in self.hits.items() if not w or now - w[-1] > 60]:
                        del self.hits[ip]
        admin = path.startswith("/api/documents") and scope["method"] in ("POST", "PUT", "PATCH", "DELETE") \
            and not path.endswith("/text")
        token = _bearer(headers.get("authorization", ""))
        cfg = self.config
        if admin and cfg.admin_key:
            if not token:
                return _unauthorized("this action needs the admin key: Authorization: Bearer <admin key>")
            if not _matches(token, (cfg.admin_key,)):
                return (JSONResponse({"error": "this action needs the admin key"}, 403)
                        if _matches(token, cfg.api_keys) else _unauthorized("invalid key"))
        elif cfg.api_keys:
            if not token:
                return _unauthorized("an API key is needed: Authorization: Bearer <key>")
            if not _matches(token, cfg.api_keys + ((cfg.admin_key,) if cfg.admin_key else ())):
                return _unauthorized("invalid key")
        if admin and scope["method"] == "POST":
            size = headers.get("content-length", "")
            cap = cfg.max_upload_mb * 1024 * 1024 * 10 + 1024 * 1024  # ten files at the per-file limit
            if size.isdigit() and int(size) > cap:
                return JSONResponse({"error": f"upload too large (limit {cfg.max_upload_mb:g} MB per file)"}, 413)
        return None

    @staticmethod
    def _client(scope, headers: dict) -> str:
        peer = (scope.get("client") or ("?", 0))[0]
        forwarded = headers.get("x-forwarded-for")
        if forwarded and peer in ("127.0.0.1", "::1"):  # a reverse proxy on this host says who asked
            return forwarded.split(",")[-1].strip()
        return peer


def _bearer(value: str) -> str:
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _matches(token: str, keys) -> bool:
    ok = False
    for key in keys:  # compare with every key: the time taken says nothing about which matched
        ok |= hmac.compare_digest(token.encode(), key.encode())
    return ok


def _unauthorized(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, 401, headers={"WWW-Authenticate": "Bearer"})


# ---------------- errors ----------------
def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse({"error": exc.message}, exc.status)

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused):
        return JSONResponse({"error": exc.message}, REFUSAL_STATUS[exc.reason])

    @app.exception_handler(QuestionError)
    async def _question(request: Request, exc: QuestionError):
        return JSONResponse({"error": str(exc)}, 400)

    @app.exception_handler(IndexError_)
    async def _index(request: Request, exc: IndexError_):
        return JSONResponse({"error": str(exc)}, 503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors()[:5]:
            if err.get("type") == "json_invalid":
                return JSONResponse({"error": "the request body is not valid JSON"}, 400)
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse({"error": "invalid request: " + "; ".join(parts)}, 400)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal error; the server log has the details"}, 500)


# ---------------- the app ----------------
_bearer_doc = HTTPBearer(auto_error=False, description="API key (or the admin key), when the server has keys")


def create_app(config: Config, engine: Engine | None = None) -> FastAPI:
    """The API app; the web UI (ui.web) is mounted onto it by ui.server."""
    if engine is None:
        from tracuu.ui.serving import ServingEngine
        engine = ServingEngine(config)
    app = FastAPI(title="tracuu", version="0.1.0", docs_url="/docs", redoc_url=None,
                  description="Hỏi đáp có trích dẫn trên báo cáo kinh tế - xã hội. "
                              "Cited answers from Vietnamese socio-economic reports (see CONTRACT.md).")
    app.state.engine = engine
    app.state.config = config
    _install_errors(app)
    if config.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins),
                           allow_methods=["GET", "POST", "PATCH", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(Guard, config=config)  # outermost: keys and limits before CORS and routing
    keyed = [Depends(_bearer_doc)]  # documents the scheme in /docs; Guard does the checking

    @app.get("/healthz", tags=["ops"])
    def healthz():
        store = engine.store
        return {"status": "ok", "documents": len(store.documents) if store else 0,
                "chunks": store.size if store else 0}

    @app.post("/api/ask", tags=["hỏi đáp"], dependencies=keyed)
    def ask(body: AskRequest):
        """Answer one question: Answer JSON with ranked citations (CONTRACT.md)."""
        opts = ask_options(engine, config, body.k, body.period, body.docs)
        return JSONResponse(engine.ask(body.question, opts, previous=body.previous).to_dict())

    @app.get("/api/documents", tags=["báo cáo"], dependencies=keyed)
    def documents():
        return engine.documents()

    @app.post("/api/documents", tags=["báo cáo"], dependencies=keyed)
    def upload(files: list[UploadFile] = File(..., description=f"reports ({' '.join(SUPPORTED)})"),
               period: str | None = Form(None, description="kỳ báo cáo, khi văn bản không nói rõ"),
               province: str | None = Form(None, description="tỉnh/thành của báo cáo")):
        """Add or update reports (admin key when configured). All or nothing: one bad file, none go in."""
        result = ingest_uploads(engine, config, [(f.filename, f.file) for f in files],
                                correction_of(period, province))
        log.info("uploaded %s", ", ".join(result["added"] + result["updated"]) or "nothing new")
        return result

    @app.delete("/api/documents/{doc}", tags=["báo cáo"], dependencies=keyed)
    def delete(doc: str):
        """Remove one report from the index (admin key when configured)."""
        result = remove_document(engine, doc)
        log.info("removed %s", doc)
        return result

    @app.get("/api/documents/{doc}/text", tags=["báo cáo"], dependencies=keyed)
    def text(doc: str):
        """The report's lines as indexed (1-based line n is lines[n-1]), for showing a citation in place."""
        return document_text(engine, doc)

    @app.post("/api/feedback", tags=["hỏi đáp"], dependencies=keyed)
    def feedback(body: FeedbackRequest):
        """Record that an answer was right or wrong (appended to feedback.jsonl)."""
        record_feedback(config, body.question, body.answer, body.verdict, body.comment, via="api")
        return {"status": "recorded"}

    add_routes(app, engine, keyed)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    def no_route(rest: str, request: Request):
        raise ApiError(404, f"no such API route: {request.method} /api/{rest} (see /docs)")

    return app
