"""`tracuu serve`: one process, one Engine shared by the API (/api, /docs) and the web UI (/, /embed)."""
from __future__ import annotations

import logging
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # an intranet server must never wait on the Hub
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from fastapi import FastAPI  # noqa: E402

from ingest.config import Config  # noqa: E402


def build(config: Config, engine=None) -> FastAPI:
    """The whole app: API routes first, then the UIs mounted behind them."""
    from qa.engine import Engine
    from ui.api import create_app
    from ui.web import mount
    engine = engine or Engine(config)
    if engine.store and engine.store.size:
        engine.check_embedder()  # fail at start, not on the first question
        engine.embedder  # load the model now so the first user does not wait for it
    return mount(create_app(config, engine), engine, config)


def run(config: Config) -> None:
    import uvicorn

    from index.store import IndexError_
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        app = build(config)
    except IndexError_ as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(1)
    where = f"http://{config.host}:{config.port}{config.root_path.rstrip('/')}"
    print(f"tracuu: web UI {where}/  ·  API {where}/api  ·  OpenAPI {where}/docs", file=sys.stderr)
    # proxy_headers: trust X-Forwarded-* only from a proxy on this host (uvicorn's default allow-list)
    uvicorn.run(app, host=config.host, port=config.port, proxy_headers=True, log_level="info")
