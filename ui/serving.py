"""The Engine as a server (or a shell command next to one) uses it: one of several processes on one index.

`ServingEngine` is qa.Engine plus three things a many-worker server needs, kept out of qa/:

* **fresh snapshots**: reading `store` checks the index version on disk (one stat) and, when another
  process changed the index, loads the new version and swaps it in whole; Engine.ask takes the store
  once per answer, so each answer comes from exactly one version;
* **one writer**: ingest/remove hold the cross-process writer lock and start from the current version,
  so uploads to two workers at once both end up in the index;
* **caches** (`Config.cache`, TRACUU_CACHE=off turns them off): query vectors by question text, and
  whole answers by question, options and index version; a change to the index is a new version,
  so no answer of an older index is ever served.
"""
from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict

from tracuu.index.backend import Store
from tracuu.index.snapshot import load_current, version_of, writer_lock
from tracuu.config import Config
from tracuu.qa.engine import AskOptions, Engine


class LRU:
    """A small thread-safe least-recently-used map, with hit/miss counts for tests and benchmarks."""

    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


class CachedQueries:
    """An embedder whose query vectors are remembered by exact text (a vector depends on nothing else);
    everything else, passages included, goes to the real embedder."""

    def __init__(self, inner, size: int = 4096):
        self._inner = inner
        self.cache = LRU(size)

    def embed_query(self, text: str):
        vec = self.cache.get(text)
        if vec is None:
            vec = self._inner.embed_query(text)
            vec.setflags(write=False)  # shared between answers: nobody may change it in place
            self.cache.put(text, vec)
        return vec

    def __getattr__(self, name):  # id, dim, embed_passages, ...
        return getattr(self._inner, name)


class ServingEngine(Engine):
    def __init__(self, config: Config, embedder=None, **kw):
        self._store = None
        self._reload = threading.Lock()
        self._watch = config.index_dir
        super().__init__(config, embedder, **kw)  # open_store: a consistent load, its version recorded
        self.answers = LRU(1024) if config.cache else None
        self.queries: LRU | None = None

    # ---------- the snapshot, re-read when another process changed it ----------
    @property
    def store(self):
        store = self._store
        if not self._watched(store):
            return store
        if version_of(self._watch) == getattr(store, "version", None):
            return store
        with self._reload:  # one thread loads; the others wait the few ms and take its result
            store = self._store
            if version_of(self._watch) != getattr(store, "version", None):
                fresh, _ = load_current(self._watch)
                self._store = store = fresh
            return store

    @store.setter
    def store(self, value) -> None:
        if value is not None and self._watched(value) and value.version is None:
            value.version = version_of(self._watch)  # just saved by this process, under the writer lock
        self._store = value

    def _watched(self, store: Store | None) -> bool:
        """Embedded index files are watched; a Qdrant store follows its collection on its own."""
        return store is None or not store.refreshes

    # ---------- writes: one process at a time, from the current version ----------
    def ingest(self, paths, progress: bool = True, rebuild: bool = False, correction=None):
        with writer_lock(self.config.home):
            _ = self.store  # catch up with other writers first
            return super().ingest(paths, progress=progress, rebuild=rebuild, correction=correction)

    def correct(self, doc, correction):
        with writer_lock(self.config.home):
            _ = self.store
            return super().correct(doc, correction)

    def remove(self, docs):
        with writer_lock(self.config.home):
            _ = self.store
            return super().remove(docs)

    # ---------- caches ----------
    @property
    def embedder(self):
        emb = Engine.embedder.fget(self)
        if self.config.cache and not isinstance(emb, CachedQueries):
            emb = self._embedder = CachedQueries(emb)
            self.queries = emb.cache
        return emb

    def ask(self, question: str, options: AskOptions | None = None, qid: str | None = None,
            previous: str | None = None, single: bool = False, vector=None):
        if self.answers is None or vector is not None:  # a given vector is not part of the key
            return self._compute(question, options, qid, previous, single, vector)
        store = self.store
        key = _answer_key(question, options or AskOptions(), store, previous, single)
        cached = self.answers.get(key) if key else None
        if cached is not None:
            t0 = time.perf_counter()
            ans = copy.deepcopy(cached)
            ans.id = qid
            ans.ms = (time.perf_counter() - t0) * 1000
            return ans
        ans = self._compute(question, options, qid, previous, single)
        if key and self.store is store:  # no swap since the key was made: answered from the version it names
            kept = copy.deepcopy(ans)
            kept.id = None
            self.answers.put(key, kept)
        return ans


    def _compute(self, question: str, options: AskOptions | None, qid: str | None, previous: str | None = None,
                 single: bool = False, vector=None):
        """The answer itself, here (ui.pool sends it to an answer process instead)."""
        return Engine.ask(self, question, options, qid, previous=previous, single=single, vector=vector)


def _answer_key(question: str, opts: AskOptions, store, previous: str | None = None, single: bool = False) -> tuple | None:
    """What an answer depends on: the question as the engine reads it, the options, the index version.
    None (not cached) when the version is unknown."""
    version = getattr(store, "version", None)
    if store is not None and version is None:
        return None
    period = opts.period.to_dict() if opts.period else None
    return ((question or "").strip(), opts.k, repr(period), tuple(sorted(opts.docs or ())), version,
            (previous or "").strip(), single)
