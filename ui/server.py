"""`tracuu serve`: the API (/api, /docs) and the web UI (/, /embed) over one ServingEngine per process.

An answer is mostly Python (the GIL) and a query embedding (one core), so one process answers one
question at a time. `--workers N` (default: one per core) starts N uvicorn worker processes on one
socket; each builds the app from the environment (`worker_app`), maps the same index files (the OS
keeps one copy of the vectors and BM25 arrays) and the same model file, and re-reads the index when
another process changed it (ui.serving). One worker is the old single process, nothing spawned.
"""
from __future__ import annotations

import gc
import logging
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # an intranet server must never wait on the Hub
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from fastapi import FastAPI  # noqa: E402

from ingest.config import Config  # noqa: E402

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def build(config: Config, engine=None) -> FastAPI:
    """The whole app: API routes first, then the UIs mounted behind them."""
    from ui.api import create_app
    from ui.serving import ServingEngine
    from ui.web import mount
    engine = engine or ServingEngine(config)
    if engine.store and engine.store.size:
        engine.check_embedder()  # fail at start, not on the first question
        engine.embedder  # load the model now so the first user does not wait for it
    return mount(create_app(config, engine), engine, config)


def worker_app() -> FastAPI:
    """App factory each worker process calls: the configuration comes from the environment it inherited."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    return build(Config.load())


def _check(config: Config) -> None:
    """Refuse to start N workers on an index none of them could use (each would fail and be restarted)."""
    from ui.serving import ServingEngine
    engine = ServingEngine(config)
    if engine.store and engine.store.size:
        engine.check_embedder()
    del engine
    gc.collect()


def run(config: Config) -> None:
    import uvicorn

    from index.embedders import EmbedderError
    from index.store import IndexError_
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    workers = config.worker_count
    try:
        app = build(config) if workers == 1 else _check(config)
    except (IndexError_, EmbedderError) as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(1)
    where = f"http://{config.host}:{config.port}{config.root_path.rstrip('/')}"
    print(f"tracuu: web UI {where}/  ·  API {where}/api  ·  OpenAPI {where}/docs  ·  {workers} worker(s)",
          file=sys.stderr)
    # proxy_headers: trust X-Forwarded-* only from a proxy on this host (uvicorn's default allow-list)
    if workers == 1:
        uvicorn.run(app, host=config.host, port=config.port, proxy_headers=True, log_level="info")
        return
    # each worker's query embedding on its own core: OpenMP teams of several workers on the same cores
    # only wait on each other (an explicit OMP_NUM_THREADS wins)
    cores = Config(workers=0).worker_count
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, cores // workers)))
    os.environ["TRACUU_WORKERS"] = str(workers)  # workers read the configuration from the environment
    uvicorn.run("ui.server:worker_app", factory=True, workers=workers, host=config.host, port=config.port,
                proxy_headers=True, log_level="info")
