"""The index in Qdrant, shared by every `tracuu serve` replica (TRACUU_STORE=qdrant).

Layout. `<name>` and `<name>_meta` are aliases (name = TRACUU_QDRANT_COLLECTION); a build
(first ingest, `ingest --rebuild`, an embedder change, `migrate`) fills new physical collections
aside and switches both aliases in one atomic call, so replicas never see a half-built index.

  <name>       one point per passage, id uuid5(passage id), so re-ingesting is idempotent:
                 "dense"  the passage embedding (named vector, cosine)
                 "bm25"   sparse vector of the passage's folded tokens, exactly those the embedded
                          BM25 indexes (index.lexical.tokenize, the learned OCR repair map applied to
                          OCR reports), token -> 32-bit hash, value = BM25 tf saturation
                          tf / (tf + k1 (1 - b + b dl/avgdl)); the collection's Modifier.IDF lets
                          Qdrant multiply in the idf, so a sparse query of the question's token
                          counts is scored BM25-like server-side
                 payload  the Passage fields, plus _dp / _sp (report / section period keys) and
                          _ocr; keyword indexes on doc, _dp, _sp, so `Filters` run server-side
  <name>_meta  vectorless points: "state" (version counter, embedder, counts, avgdl, writer lease;
               small, as replicas re-read it every qdrant_refresh_s), "lexicon" (the OCR repair map
               and OCR-only word pairs of index.lexical), one per document (Document + its passage
               ids in order), 256 "terms" buckets (document frequency per token, in all and in clean
               passages: lexical.idf and exact BM25) and "words" (the counts the repair map is learned
               from, so a per-document update learns the map a full rebuild would).

Query. One Query API call: prefetch the top `pool` passages by sparse BM25 and the top `pool` by
dense similarity (same filter on both), fused (RRF) only to return their union, with both vectors.
Each candidate's `Hit.dense` is then its exact cosine with the query vector and `Hit.lexical` its
exact BM25 over the whole index (stored tf weights x idf from the shared document frequencies),
which is what the embedded store returns too; Qdrant's own IDF is per shard (and counts deleted
points until segments are optimised), so it only picks candidates, it does not score them.

Replicas re-read the state point at most every `qdrant_refresh_s` seconds; when its (collection,
version) changed they reload the document list and lexicon and drop their cached term statistics.
`QdrantLexical` is the embedded LexicalIndex (idf, repair, query_tokens) over those statistics.

Writes (one writer at a time, guarded by a lease in the state point) upsert the new passage points
of a document before deleting its stale ones, then update the statistics, then bump the version.
A writer that dies half-way leaves its lease behind; the next writer recounts everything derived
(statistics, sparse weights) from the passage points the document records list, dropping strays.
"""
from __future__ import annotations

import atexit
import hashlib
import inspect
import math
import os
import socket
import threading
import time
import uuid
import warnings
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

import numpy as np

from tracuu.ingest.config import Config
from tracuu.ingest.types import Document, Passage, Period

from . import lexical as _lexical
from .backend import Change
from .lexical import LexicalIndex, _edits1, learn_repairs, tokenize, words_of
from .store import Filters, Hit, IndexError_, footnotes_near, report_periods

try:
    from qdrant_client import QdrantClient
    from qdrant_client import models as qm
except ImportError as e:  # pragma: no cover - the extra is installed by `make install`
    raise IndexError_("TRACUU_STORE=qdrant needs qdrant-client: pip install 'tracuu[qdrant]'") from e

SCHEMA = 2  # 2: tokens of acronyms starting with P changed (index.lexical.TOKENIZER)
DENSE, SPARSE = "dense", "bm25"
K1, B = 1.2, 0.75  # as index.lexical.LexicalIndex
BUCKETS = 256  # term statistics are stored in this many points
DRIFT = 0.02  # sparse weights are recomputed when the mean passage length moved more than this
STALE_WRITER_S = 600  # a writer lease older than this belongs to a writer that died
BATCH = 128
_NS = uuid.UUID("5b0e7f3c-2d8a-4c61-9f0e-7a1d3b6c8e24")
STATE_ID = str(uuid.uuid5(_NS, "state"))
LEXICON_ID = str(uuid.uuid5(_NS, "lexicon"))
WORDS_ID = str(uuid.uuid5(_NS, "words"))


def point_id(passage_id: str) -> str:
    return str(uuid.uuid5(_NS, "passage:" + passage_id))


def _doc_point(name: str) -> str:
    return str(uuid.uuid5(_NS, "doc:" + name))


def _bucket_point(b: int) -> str:
    return str(uuid.uuid5(_NS, f"terms:{b}"))


def term_index(token: str) -> int:
    """The sparse dimension of a token (32-bit hash: ~0.1 collisions in 30k tokens, ~500 in 2M)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "little")


def _bucket(token: str, buckets: int = BUCKETS) -> int:
    return term_index(token) % buckets


def _tokens(text: str, repair: dict[str, str] | None) -> list[str]:
    return tokenize(text, repair or None) or [""]  # as LexicalIndex.build: an empty passage is one "" token


def period_key(p: Period | None) -> str:
    return f"{p.kind}:{p.year}:{p.index or 0}" if p else ""


def bm25_sparse(tokens: list[str], avgdl: float) -> qm.SparseVector:
    tf = Counter(tokens)
    norm = K1 * (1 - B + B * len(tokens) / (avgdl or 1.0))
    by_index: dict[int, float] = {}
    for t, c in tf.items():
        i = term_index(t)
        by_index[i] = by_index.get(i, 0.0) + c / (c + norm)
    idx = sorted(by_index)
    return qm.SparseVector(indices=idx, values=[by_index[i] for i in idx])


def count_words(clean: Counter, ocr: Counter, text: str, is_ocr: bool, sign: int = 1) -> None:
    """The counts `learn_repairs` learns from: clean words, and OCR words it may repair."""
    for w in words_of(text):
        if not w.isalpha():
            continue
        if not is_ocr:
            clean[w] += sign
        elif len(w) >= 3:
            ocr[w] += sign


def repairs_from_counts(clean: Counter, ocr: Counter) -> dict[str, str]:
    """`index.lexical.learn_repairs`, from word counts kept up to date per document."""
    vocab = {w: c for w, c in clean.items() if c > 0}
    repair: dict[str, str] = {}
    for w in sorted(w for w, c in ocr.items() if c > 0):
        if w in vocab or len(w) < 3:
            continue
        cands = sorted(((vocab[c], c) for c in _edits1(w) if c in vocab and len(c) >= 2), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= 3 * cands[1][0]) and cands[0][0] >= 2:
            repair[w] = cands[0][1]
    return repair


def _passage(payload: dict) -> Passage:
    return Passage.from_dict({k: v for k, v in payload.items() if not k.startswith("_")})


def _payload(p: Passage, doc: Document) -> dict:
    d = p.to_dict()
    d.update({"_dp": period_key(doc.period), "_sp": period_key(p.period), "_ocr": doc.ocr_quality == "ocr"})
    return d


def _row(pid) -> int:
    return uuid.UUID(str(pid)).int >> 97  # a stable int per point (the embedded store's table row)


def _filter(filters: Filters | None) -> qm.Filter | None:
    if filters is None:
        return None
    must: list = []
    if filters.docs:
        must.append(qm.FieldCondition(key="doc", match=qm.MatchAny(any=sorted(filters.docs))))
    if filters.period:
        key = period_key(filters.period)
        must.append(qm.Filter(should=[qm.FieldCondition(key="_sp", match=qm.MatchValue(value=key)),
                                      qm.FieldCondition(key="_dp", match=qm.MatchValue(value=key))]))
    return qm.Filter(must=must) if must else None


def _kind(t: str) -> qm.Filter:
    return qm.Filter(must=[qm.FieldCondition(key="_t", match=qm.MatchValue(value=t))])


# ---------------------------------------------------------------- connections

_LOCAL: dict[str, tuple[QdrantClient, threading.RLock]] = {}
_LOCAL_LOCK = threading.Lock()


def connect(config: Config) -> tuple[QdrantClient, threading.RLock | None, str]:
    """A server client, or the one local-mode client per folder of this process (qdrant-client
    locks the folder: one process at a time; a served cluster needs TRACUU_QDRANT_URL)."""
    if config.qdrant_url:
        try:
            client = QdrantClient(url=config.qdrant_url, api_key=config.qdrant_api_key,
                                  prefer_grpc=config.qdrant_grpc, timeout=120)
        except Exception as e:
            raise IndexError_(f"cannot connect to Qdrant at {config.qdrant_url}: {e}") from e
        return client, None, config.qdrant_url
    path = config.qdrant_local_path.resolve()
    with _LOCAL_LOCK:
        if str(path) not in _LOCAL:
            path.mkdir(parents=True, exist_ok=True)
            try:
                client = QdrantClient(path=str(path))
            except Exception as e:
                raise IndexError_(f"cannot open the local Qdrant folder {path} ({e}); local mode serves one "
                                  f"process at a time: for several replicas run a Qdrant server and set "
                                  f"TRACUU_QDRANT_URL") from e
            _tune_local(client)
            _LOCAL[str(path)] = (client, threading.RLock())
        client, lock = _LOCAL[str(path)]
    return client, lock, f"{path} (local mode)"


def close_local(path=None) -> None:
    """Close local-mode clients (all, or the one for `path`), releasing their folder lock."""
    with _LOCAL_LOCK:
        for key in [k for k in _LOCAL if path is None or k == str(path)]:
            client, _ = _LOCAL.pop(key)
            try:
                client.close()
            except Exception:
                pass


atexit.register(close_local)


def _tune_local(client: QdrantClient) -> None:
    """Local mode commits every point on its own; with SQLite's default journal that is one fsync
    per point (12 ms here: 8 s for the sample reports). WAL + synchronous=NORMAL keeps it atomic
    and crash-safe (a power cut may lose the last commits) at ~0.7 ms per point. Best effort: a
    qdrant-client that stores points differently just keeps its own settings."""
    try:
        for coll in getattr(client._client, "collections", {}).values():
            conn = getattr(getattr(coll, "storage", None), "storage", None)
            if conn is not None:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
    except Exception:
        pass


# ---------------------------------------------------------------- reading

class _Terms(Mapping):
    """Document frequency by token, read from the shared term buckets on first use and kept until
    the index version changes (a replica ends up holding what the embedded store holds in df.json)."""

    def __init__(self, store: "QdrantStore", buckets: int, count: int):
        self._store = store
        self._buckets = buckets
        self._count = count
        self._cache: dict[int, dict[str, int]] = {}

    def load(self, tokens) -> None:
        need = {_bucket(t, self._buckets) for t in tokens} - self._cache.keys()
        if need:
            got = self._store._read_buckets(need, self._buckets)
            self._cache.update({b: {t: v[0] for t, v in terms.items()} for b, terms in got.items()})

    def get(self, token, default=None):
        self.load((token,))
        v = self._cache[_bucket(token, self._buckets)].get(token)
        return v if v else default

    def __getitem__(self, token):
        v = self.get(token)
        if v is None:
            raise KeyError(token)
        return v

    def __contains__(self, token) -> bool:
        return self.get(token) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        self.load_all()
        for terms in self._cache.values():
            yield from terms

    def load_all(self) -> None:
        missing = set(range(self._buckets)) - self._cache.keys()
        if missing:
            got = self._store._read_buckets(missing, self._buckets)
            self._cache.update({b: {t: v[0] for t, v in terms.items()} for b, terms in got.items()})


class _Retriever:
    """What LexicalIndex.__init__ reads of a bm25s retriever; scoring itself happens in Qdrant."""

    def __init__(self, vocab: _Terms, n: int):
        self.vocab_dict = vocab
        self.scores = {"num_docs": n}


_TAKES_BIGRAMS = "ocr_bigrams" in inspect.signature(LexicalIndex.__init__).parameters


class QdrantLexical(LexicalIndex):
    """The embedded LexicalIndex's query side (idf, repair map, query_tokens with its OCR variants)
    over the statistics shared in Qdrant, so qa/ and the ranking read the same numbers on both."""

    def __init__(self, store: "QdrantStore", state: dict, lexicon: dict):
        terms = _Terms(store, int(state.get("buckets", BUCKETS)), int(state.get("terms", 0)))
        args = [_Retriever(terms, int(state.get("passages", 0))), terms, dict(lexicon.get("repair") or {})]
        if _TAKES_BIGRAMS:
            args.append(list(lexicon.get("ocr_bigrams") or []))
        super().__init__(*args)
        self.terms = terms

    def scores(self, query: str) -> np.ndarray:  # pragma: no cover - QdrantStore.search scores
        raise NotImplementedError("BM25 over a Qdrant collection is scored by QdrantStore.search")

    def save(self, path) -> None:  # pragma: no cover
        raise NotImplementedError("the statistics live in Qdrant")


@dataclass
class _Snapshot:
    key: tuple | None = None  # (physical collection, version)
    state: dict | None = None
    documents: list[Document] = field(default_factory=list)
    doc_by_name: dict[str, Document] = field(default_factory=dict)
    live: frozenset[str] = frozenset()
    lexical: QdrantLexical | None = None


@dataclass
class _Stats:
    """Everything derived from the passages, computed as LexicalIndex.build computes it."""

    repair: dict[str, str]
    tokens: list[list[str]]
    df: Counter  # passages holding the token
    dc: Counter  # clean (non-OCR) passages holding it
    clean: Counter  # word counts the repair map is learned from
    ocr: Counter
    bigrams: list[str]  # word pairs only OCR text has (LexicalIndex.ocr_bigrams)
    total: int  # tokens in all passages

    @classmethod
    def of(cls, documents: list[Document], passages: list[Passage]) -> "_Stats":
        ocr_docs = {d.doc for d in documents if d.ocr_quality == "ocr"}
        flags = [p.doc in ocr_docs for p in passages]
        repair = learn_repairs([p.text for p, o in zip(passages, flags) if not o],
                               [p.text for p, o in zip(passages, flags) if o])
        tokens = [_tokens(p.text, repair if o else None) for p, o in zip(passages, flags)]
        df, dc, clean, ocr = Counter(), Counter(), Counter(), Counter()
        for p, t, o in zip(passages, tokens, flags):
            s = set(t)
            df.update(s)
            if not o:
                dc.update(s)
            count_words(clean, ocr, p.text, o)
        bigrams = _lexical.ocr_only_bigrams(tokens, flags) if hasattr(_lexical, "ocr_only_bigrams") else []
        return cls(repair, tokens, df, dc, clean, ocr, list(bigrams), sum(len(t) for t in tokens))

    @property
    def avgdl(self) -> float:
        return self.total / len(self.tokens) if self.tokens else 1.0

    def buckets(self, n: int = BUCKETS) -> dict[int, dict[str, list[int]]]:
        out: dict[int, dict[str, list[int]]] = {b: {} for b in range(n)}
        for t, c in self.df.items():
            out[_bucket(t, n)][t] = [c, self.dc.get(t, 0)]
        return out


def _ocr_only(token: str, df: int, dc: int) -> bool:
    """LexicalIndex's OCR-only word pair, from the counts kept per token."""
    return "_" in token and df > 0 and dc == 0 and token.replace("_", "").isalpha()


class QdrantStore:
    """The index in a Qdrant collection; same reading surface as IndexStore (see index.backend)."""

    kind = "qdrant"
    refreshes = True  # re-reads the collection's version point itself (`refresh`)

    def __init__(self, config: Config, client: QdrantClient, lock=None, where: str = ""):
        self.config = config
        self.client = client
        self._io = lock or nullcontext()
        self.local = lock is not None
        self.where = where or (config.qdrant_url or str(config.qdrant_local_path))
        self.name = config.qdrant_collection
        self.meta = f"{self.name}_meta"
        self._snap = _Snapshot()
        self._checked = -math.inf
        self._refresh_lock = threading.Lock()
        self.refresh(force=True)

    @classmethod
    def open(cls, config: Config) -> "QdrantStore":
        client, lock, where = connect(config)
        return cls(config, client, lock, where)

    # ---------- what qa/ reads ----------
    @property
    def documents(self) -> list[Document]:
        return self.refresh().documents

    @property
    def doc_by_name(self) -> dict[str, Document]:
        return self.refresh().doc_by_name

    @property
    def lexical(self) -> QdrantLexical | None:
        return self.refresh().lexical

    @property
    def size(self) -> int:
        st = self.refresh().state
        return int(st.get("passages", 0)) if st else 0

    @property
    def exists(self) -> bool:
        return self._snap.state is not None

    @property
    def version(self) -> int:
        st = self._snap.state
        return int(st.get("version", 0)) if st else 0

    @property
    def manifest(self) -> dict:
        snap = self.refresh()
        st = snap.state or {}
        return {"schema": SCHEMA, "store": "qdrant", "embedder": st.get("embedder"), "dim": st.get("dim", 0),
                "documents": {d.doc: d.sha256 for d in snap.documents}, "passages": int(st.get("passages", 0)),
                "built": st.get("built"), "updated": st.get("updated"), "collection": st.get("uid"),
                "version": st.get("version", 0), "where": self.where}

    def periods(self) -> list[Period]:
        return report_periods(self.documents)

    def footnotes(self, passage: Passage) -> list[Passage]:
        """The footnotes a passage may cite (see store.footnotes_near); a payload filter on its report."""
        snap = self.refresh()
        if passage.doc not in snap.live:
            return []
        flt = qm.Filter(must=[qm.FieldCondition(key="doc", match=qm.MatchValue(value=passage.doc)),
                              qm.FieldCondition(key="kind", match=qm.MatchValue(value="footnote"))])
        points, _ = self._call("scroll", self.name, scroll_filter=flt, limit=1000, with_payload=True)
        return footnotes_near(passage, [_passage(r.payload) for r in points])

    def search(self, query: str, query_vector: np.ndarray | None, k: int = 10,
               filters: Filters | None = None, pool: int = 50) -> list[Hit]:
        """Candidates from both sides, each with its exact BM25 and cosine (see the module docstring)."""
        snap = self.refresh()
        lexical = snap.lexical
        if not snap.state or not snap.state.get("passages") or lexical is None:
            return []
        toks = lexical.query_tokens(query) if hasattr(lexical, "query_tokens") else tokenize(query)
        lexical.terms.load(toks)
        counts = Counter(t for t in toks if t in lexical.vocab)  # bm25s adds a repeated token twice
        terms = [(term_index(t), c, lexical.idf(t)) for t, c in counts.items()]
        flt = _filter(filters)
        prefetch = []
        if terms:
            by_index: dict[int, float] = {}
            for i, c, _ in terms:
                by_index[i] = by_index.get(i, 0.0) + c
            idx = sorted(by_index)
            prefetch.append(qm.Prefetch(query=qm.SparseVector(indices=idx, values=[float(by_index[i]) for i in idx]),
                                        using=SPARSE, filter=flt, limit=pool))
        qv = None
        if query_vector is not None:
            qv = np.asarray(query_vector, dtype=np.float32).ravel()
            prefetch.append(qm.Prefetch(query=qv.tolist(), using=DENSE, filter=flt, limit=pool))
        if not prefetch:
            return []
        res = self._call("query_points", self.name, prefetch=prefetch, query=qm.FusionQuery(fusion=qm.Fusion.RRF),
                         limit=2 * pool, with_payload=True, with_vectors=[SPARSE, DENSE] if qv is not None else [SPARSE])
        hits = []
        for rec in res.points:
            if rec.payload.get("doc") not in snap.live:  # written by an update not committed yet
                continue
            vec = rec.vector or {}
            lex = 0.0
            sv = vec.get(SPARSE)
            if sv is not None and terms:
                vals = dict(zip(sv.indices, sv.values))
                lex = sum(c * w * vals.get(i, 0.0) for i, c, w in terms)
            dense = float(np.dot(np.asarray(vec[DENSE], dtype=np.float32), qv)) if qv is not None and DENSE in vec else 0.0
            hits.append(Hit(_passage(rec.payload), _row(rec.id), float(lex), dense))
        hits.sort(key=lambda h: (-h.lexical, -h.dense))
        return hits

    # ---------- keeping up with other replicas ----------
    def refresh(self, force: bool = False) -> _Snapshot:
        """Re-read the version point (at most every qdrant_refresh_s unless forced); reload the
        documents and lexicon when another replica (or this one) changed the index."""
        if not force and time.monotonic() - self._checked < self.config.qdrant_refresh_s:
            return self._snap
        with self._refresh_lock:
            if not force and time.monotonic() - self._checked < self.config.qdrant_refresh_s:
                return self._snap
            state = self._read_state()
            key = (state.get("uid"), state.get("version")) if state else None
            if key == self._snap.key and (state is None) == (self._snap.state is None):
                if state is not None:
                    self._snap.state = state  # same version: only the writer lease may differ
                self._checked = time.monotonic()
                return self._snap
            if state is not None and state.get("schema") != SCHEMA:
                raise IndexError_(f"the Qdrant collection '{self.name}' has schema {state.get('schema')}, this tracuu "
                                  f"reads {SCHEMA}; rebuild it: tracuu ingest --rebuild, or tracuu migrate --to qdrant --force")
            docs = self._read_documents() if state else []
            lexical = QdrantLexical(self, state, self._read_lexicon()) if state else None
            live = {d.doc: d for d in docs}
            before = {d.doc: d for d in self._snap.documents}
            # a document removed just now stays resolvable for answers already under way
            by_name = {**{k: v for k, v in before.items() if k not in live}, **live}
            self._snap = _Snapshot(key, state, docs, by_name, frozenset(live), lexical)
            self._checked = time.monotonic()
            return self._snap

    def _call(self, method: str, *args, **kwargs):
        with self._io:
            try:
                return getattr(self.client, method)(*args, **kwargs)
            except Exception as e:
                raise IndexError_(f"Qdrant at {self.where}: {method} failed ({type(e).__name__}: {e})") from e

    def _read_state(self) -> dict | None:
        try:
            recs = self._call("retrieve", self.meta, [STATE_ID], with_payload=True)
        except IndexError_:
            if not self._call("collection_exists", self.meta):
                return None
            raise
        return dict(recs[0].payload) if recs else None

    def _scroll(self, collection: str, flt=None, with_payload=True, with_vectors=False):
        offset = None
        while True:
            recs, offset = self._call("scroll", collection, scroll_filter=flt, limit=512, offset=offset,
                                      with_payload=with_payload, with_vectors=with_vectors)
            yield from recs
            if offset is None:
                return

    def _retrieve(self, collection: str, ids: list[str], with_payload=True, with_vectors=False) -> dict:
        out = {}
        for i in range(0, len(ids), 512):
            for rec in self._call("retrieve", collection, ids[i:i + 512], with_payload=with_payload,
                                  with_vectors=with_vectors):
                out[str(rec.id)] = rec
        return out

    def _read_documents(self) -> list[Document]:
        docs = [Document.from_dict(r.payload["document"])
                for r in self._scroll(self.meta, _kind("doc"), with_payload=["document"])]
        return sorted(docs, key=lambda d: d.doc)

    def _read_lexicon(self) -> dict:
        got = self._retrieve(self.meta, [LEXICON_ID])
        return dict(got[LEXICON_ID].payload) if got else {}

    def _doc_records(self, names=None) -> dict[str, tuple[Document, list[str]]]:
        """Document -> (Document, its passage ids in order), from the document points."""
        if names is None:
            recs = list(self._scroll(self.meta, _kind("doc")))
        else:
            recs = list(self._retrieve(self.meta, [_doc_point(n) for n in names]).values())
        return {r.payload["doc"]: (Document.from_dict(r.payload["document"]), list(r.payload["ids"])) for r in recs}

    def _read_buckets(self, buckets, n: int = BUCKETS) -> dict[int, dict[str, list[int]]]:
        """token -> [df, clean df] for each bucket asked."""
        buckets = sorted(buckets)
        got = self._retrieve(self.meta, [_bucket_point(b) for b in buckets])
        out: dict[int, dict[str, list[int]]] = {b: {} for b in buckets}
        for rec in got.values():
            pl = rec.payload
            out[int(pl["b"])] = {t: [df, dc] for t, df, dc in zip(pl["t"], pl["df"], pl["dc"])}
        return out

    def _read_words(self) -> tuple[Counter, Counter]:
        got = self._retrieve(self.meta, [WORDS_ID])
        if not got:
            return Counter(), Counter()
        pl = got[WORDS_ID].payload
        return Counter(dict(zip(pl["cw"], pl["cc"]))), Counter(dict(zip(pl["ow"], pl["oc"])))

    def export(self, names=None) -> tuple[list[Document], list[Passage], np.ndarray]:
        """Documents, passages (in index order) and their vectors, e.g. for `migrate --to faiss`."""
        records = self._doc_records()
        docs = sorted((d for d, _ in records.values() if names is None or d.doc in names), key=lambda d: d.doc)
        passages, vectors = [], []
        for d in docs:
            ids = records[d.doc][1]
            got = self._retrieve(self.name, [point_id(i) for i in ids], with_vectors=[DENSE])
            for i in ids:
                rec = got.get(point_id(i))
                if rec is None:
                    raise IndexError_(f"passage {i} of {d.doc} is missing from Qdrant; re-ingest {d.doc}")
                passages.append(_passage(rec.payload))
                vectors.append(rec.vector[DENSE])
        dim = int((self._snap.state or {}).get("dim", 0))
        arr = np.asarray(vectors, dtype=np.float32) if vectors else np.zeros((0, dim), dtype=np.float32)
        return docs, passages, arr

    # ---------- writing ----------
    def _upsert(self, collection: str, points: list) -> None:
        for i in range(0, len(points), BATCH):
            self._call("upsert", collection, points[i:i + BATCH], wait=True)

    def _delete(self, collection: str, ids: list[str]) -> None:
        for i in range(0, len(ids), 1024):
            self._call("delete", collection, qm.PointIdsList(points=ids[i:i + 1024]), wait=True)

    def _meta_point(self, pid: str, kind: str, payload: dict) -> qm.PointStruct:
        return qm.PointStruct(id=pid, vector={}, payload={**payload, "_t": kind})

    def _put_state(self, state: dict, collection: str | None = None) -> None:
        self._upsert(collection or self.meta, [self._meta_point(STATE_ID, "state", state)])

    def _stats_points(self, clean: Counter, ocr: Counter, repair: dict, bigrams, buckets: dict) -> list:
        """The words, lexicon and term-bucket points."""
        cw = sorted(w for w, c in clean.items() if c > 0)
        ow = sorted(w for w, c in ocr.items() if c > 0)
        points = [self._meta_point(WORDS_ID, "words", {"cw": cw, "cc": [clean[w] for w in cw],
                                                       "ow": ow, "oc": [ocr[w] for w in ow]}),
                  self._meta_point(LEXICON_ID, "lexicon", {"repair": repair, "ocr_bigrams": sorted(bigrams)})]
        for b, terms in sorted(buckets.items()):
            ts = sorted(t for t, (df, _) in terms.items() if df > 0)
            points.append(self._meta_point(_bucket_point(b), "terms", {
                "b": b, "t": ts, "df": [terms[t][0] for t in ts], "dc": [terms[t][1] for t in ts]}))
        return points

    def _doc_point(self, doc: Document, ids: list[str]) -> qm.PointStruct:
        return self._meta_point(_doc_point(doc.doc), "doc", {"doc": doc.doc, "document": doc.to_dict(), "ids": ids})

    def _check_writer(self, state: dict | None) -> bool:
        """True when a writer that died left its lease; IndexError_ while another one is at work."""
        w = (state or {}).get("writer")
        if not w:
            return False
        if (w.get("host"), w.get("pid")) != (socket.gethostname(), os.getpid()) \
                and time.time() - float(w.get("since", 0)) < STALE_WRITER_S:
            since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(w.get("since", 0))))
            raise IndexError_(f"another tracuu (host {w.get('host')}, pid {w.get('pid')}) has been writing to Qdrant "
                              f"collection '{self.name}' since {since}; retry when it has finished (the lease of a "
                              f"writer that died expires after {STALE_WRITER_S // 60} minutes)")
        return True

    @contextmanager
    def _lease(self):
        """Mark the collection as being written; refuse while another live writer holds it; after
        a writer died half-way, recount what it may have left inconsistent."""
        state = self._read_state()
        crashed = self._check_writer(state)
        if state:
            self._put_state({**state, "writer": {"host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}})
        try:
            if crashed:
                self._recount()
            yield
        except Exception:
            # a failed write (not a killed process) tidies up after itself while Qdrant still answers
            if state:
                try:
                    self._recount()
                except Exception:
                    pass
            raise

    def _create(self, uid: str, dim: int) -> None:
        cfg = self.config
        self._call("create_collection", uid,
                   vectors_config={DENSE: qm.VectorParams(size=max(dim, 1), distance=qm.Distance.COSINE)},
                   sparse_vectors_config={SPARSE: qm.SparseVectorParams(modifier=qm.Modifier.IDF)},
                   shard_number=cfg.qdrant_shards, replication_factor=cfg.qdrant_replicas)
        self._call("create_collection", uid + "_meta", vectors_config={}, shard_number=1,
                   replication_factor=cfg.qdrant_replicas)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*[Pp]ayload indexes have no effect.*")
            for key in ("doc", "_dp", "_sp"):
                self._call("create_payload_index", uid, key, qm.PayloadSchemaType.KEYWORD, wait=True)
            self._call("create_payload_index", uid, "_ocr", qm.PayloadSchemaType.BOOL, wait=True)
            self._call("create_payload_index", uid + "_meta", "_t", qm.PayloadSchemaType.KEYWORD, wait=True)
        if self.local:
            _tune_local(self.client)

    def build(self, documents: list[Document], passages: list[Passage], vectors: np.ndarray,
              embedder_id: str, _fail_after: str | None = None) -> None:
        """The whole index into new physical collections, then both aliases switched at once."""
        names = {c.name for c in self._call("get_collections").collections}
        for alias in (self.name, self.meta):
            if alias in names:
                raise IndexError_(f"a Qdrant collection named '{alias}' exists and is not an alias tracuu manages; "
                                  f"set TRACUU_QDRANT_COLLECTION to another name or delete that collection")
        old = self._read_state()
        self._check_writer(old)
        if old:  # writers elsewhere wait until the switch
            self._put_state({**old, "writer": {"host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}})
        uid = f"{self.name}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        dim = int(vectors.shape[1]) if vectors.ndim == 2 else 0
        by_doc = {d.doc: d for d in documents}
        stats = _Stats.of(documents, passages)
        avgdl = stats.avgdl
        self._create(uid, dim)
        try:
            self._upsert(uid, [qm.PointStruct(id=point_id(p.id), payload=_payload(p, by_doc[p.doc]),
                                              vector={DENSE: vectors[i].tolist(), SPARSE: bm25_sparse(stats.tokens[i], avgdl)})
                               for i, p in enumerate(passages)])
            if _fail_after == "points":
                raise KeyboardInterrupt("simulated interruption")
            ids: dict[str, list[str]] = {d.doc: [] for d in documents}
            for p in passages:
                ids[p.doc].append(p.id)
            meta = uid + "_meta"
            self._upsert(meta, [self._doc_point(d, ids[d.doc]) for d in documents])
            self._upsert(meta, self._stats_points(stats.clean, stats.ocr, stats.repair, stats.bigrams, stats.buckets()))
            now = time.strftime("%Y-%m-%dT%H:%M:%S")
            self._put_state({"schema": SCHEMA, "uid": uid, "version": int((old or {}).get("version", 0)) + 1,
                             "embedder": embedder_id, "dim": dim, "passages": len(passages),
                             "documents": len(documents), "terms": len(stats.df), "total_len": stats.total,
                             "avgdl": avgdl, "buckets": BUCKETS, "k1": K1, "b": B, "built": now, "updated": now,
                             "writer": None}, meta)
            before = {a.alias_name: a.collection_name for a in self._call("get_aliases").aliases}
            ops: list = []
            for alias, target in ((self.name, uid), (self.meta, meta)):
                if alias in before:
                    ops.append(qm.DeleteAliasOperation(delete_alias=qm.DeleteAlias(alias_name=alias)))
                ops.append(qm.CreateAliasOperation(create_alias=qm.CreateAlias(collection_name=target, alias_name=alias)))
            self._call("update_collection_aliases", change_aliases_operations=ops)  # one atomic switch
        except BaseException:
            for c in (uid, uid + "_meta"):
                try:
                    self._call("delete_collection", c)
                except Exception:
                    pass
            if old:
                try:
                    self._put_state({**old, "writer": None})
                except Exception:
                    pass
            raise
        for alias in (self.name, self.meta):  # the previous physical collections
            if before.get(alias) and before[alias] not in (uid, uid + "_meta"):
                try:
                    self._call("delete_collection", before[alias])
                except IndexError_:
                    pass  # a leftover costs disk only: no alias points at it any more
        self.refresh(force=True)

    def write(self, config: Config, change: Change) -> "QdrantStore":
        """Per document when the collection holds this embedder's vectors; otherwise (first ingest,
        rebuild, embedder change) the whole index is built aside and swapped in."""
        if change.rebuild or not self.exists or self.manifest.get("embedder") != change.embedder_id:
            # what stays is re-read from Qdrant (and re-embedded: the embedder changed, or this is a first build)
            stays = {d.doc for d in change.documents if d.doc not in change.changed}
            kept = [] if change.rebuild or not self.size else self.export(stays)[1]
            by_doc: dict[str, list[Passage]] = {}
            for p in kept:
                by_doc.setdefault(p.doc, []).append(p)
            for name, (_, new) in change.changed.items():
                by_doc[name] = new
            passages = [p for d in change.documents for p in by_doc.get(d.doc, [])]
            self.build(change.documents, passages, change.embed(passages), change.embedder_id)
            return self
        new = [p for _, ps in change.changed.values() for p in ps]
        vectors = change.embed(new)
        self.apply(change.changed, change.removed, {p.id: v for p, v in zip(new, vectors)}, change.embedder_id)
        return self

    def apply(self, changed: dict[str, tuple[Document, list[Passage]]], removed: list[str],
              vectors: dict[str, np.ndarray], embedder_id: str, _fail_after: str | None = None) -> None:
        """Add/replace/remove documents in place: new points first, then stale ones deleted, then
        the statistics, then the version bump that makes replicas reload."""
        with self._lease():
            snap = self.refresh(force=True)
            st = dict(snap.state)
            if st.get("embedder") != embedder_id:
                raise IndexError_(f"the collection holds '{st.get('embedder')}' vectors, not '{embedder_id}'")
            lexicon = self._read_lexicon()
            repair_old: dict[str, str] = dict(lexicon.get("repair") or {})
            bigrams = set(lexicon.get("ocr_bigrams") or [])
            avgdl = float(st.get("avgdl") or 1.0)
            n, total, n_terms = int(st["passages"]), int(st["total_len"]), int(st.get("terms", 0))
            old_ocr = {d.doc for d in snap.documents if d.ocr_quality == "ocr"}
            gone = [name for name in list(changed) + list(removed) if name in snap.live]
            old_pids = {name: ids for name, (_, ids) in self._doc_records(gone).items()}
            old_recs = self._retrieve(self.name, [point_id(i) for ids in old_pids.values() for i in ids])
            old_text = {pid: old_recs[point_id(pid)].payload["text"]
                        for ids in old_pids.values() for pid in ids if point_id(pid) in old_recs}
            # word counts -> the OCR repair map, as a full build would learn it
            clean, ocr = self._read_words()
            for name, ids in old_pids.items():
                for pid in ids:
                    if pid in old_text:
                        count_words(clean, ocr, old_text[pid], name in old_ocr, -1)
            for doc, ps in changed.values():
                for p in ps:
                    count_words(clean, ocr, p.text, doc.ocr_quality == "ocr")
            repair = repairs_from_counts(clean, ocr)
            # document frequencies (all and clean passages) and lengths
            ddf, ddc = Counter(), Counter()
            for name, ids in old_pids.items():
                is_ocr = name in old_ocr
                for pid in ids:
                    if pid in old_text:
                        t = _tokens(old_text[pid], repair_old if is_ocr else None)
                        ddf.subtract(set(t))
                        if not is_ocr:
                            ddc.subtract(set(t))
                        total -= len(t)
                        n -= 1
            new_toks: dict[str, list[str]] = {}
            for doc, ps in changed.values():
                is_ocr = doc.ocr_quality == "ocr"
                for p in ps:
                    t = new_toks[p.id] = _tokens(p.text, repair if is_ocr else None)
                    ddf.update(set(t))
                    if not is_ocr:
                        ddc.update(set(t))
                    total += len(t)
                    n += 1
            # a changed repair map changes the tokens of the OCR passages holding the words concerned
            moved = {w for w in set(repair_old) | set(repair) if repair_old.get(w) != repair.get(w)}
            rewrite: list[tuple[str, list[str]]] = []
            if moved:
                for rec in self._ocr_points_with(moved, exclude=set(changed) | set(removed)):
                    before, after = _tokens(rec.payload["text"], repair_old), _tokens(rec.payload["text"], repair)
                    if before != after:
                        ddf.subtract(set(before))
                        ddf.update(set(after))
                        total += len(after) - len(before)
                        rewrite.append((str(rec.id), after))
            drift = n > 0 and abs((total / n) / avgdl - 1) > DRIFT
            # 1. the new passages (and the re-tokenised OCR ones), before anything is taken away
            self._upsert(self.name, [
                qm.PointStruct(id=point_id(p.id), payload=_payload(p, doc),
                               vector={DENSE: np.asarray(vectors[p.id], dtype=np.float32).tolist(),
                                       SPARSE: bm25_sparse(new_toks[p.id], avgdl)})
                for doc, ps in changed.values() for p in ps])
            if _fail_after == "points":
                raise KeyboardInterrupt("simulated interruption")
            for i in range(0, len(rewrite), BATCH):
                self._call("update_vectors", self.name, [qm.PointVectors(id=pid, vector={SPARSE: bm25_sparse(t, avgdl)})
                                                         for pid, t in rewrite[i:i + BATCH]], wait=True)
            # 2. document records, then the points they no longer list
            self._upsert(self.meta, [self._doc_point(doc, [p.id for p in ps]) for doc, ps in changed.values()])
            stale = []
            for name, ids in old_pids.items():
                keep = {p.id for p in changed[name][1]} if name in changed else set()
                stale += [point_id(i) for i in ids if i not in keep]
            self._delete(self.name, stale)
            self._delete(self.meta, [_doc_point(name) for name in removed if name in snap.live])
            # 3. statistics, then the version bump
            if drift:  # the mean length moved: every sparse weight is recomputed
                self._recount()
            else:
                touched = self._read_buckets({_bucket(t) for t in set(ddf) | set(ddc) if ddf[t] or ddc[t]})
                for t in set(ddf) | set(ddc):
                    if not (ddf[t] or ddc[t]):
                        continue
                    terms = touched[_bucket(t)]
                    df0, dc0 = terms.get(t, [0, 0])
                    df1, dc1 = df0 + ddf[t], dc0 + ddc[t]
                    terms[t] = [df1, dc1]
                    n_terms += (df1 > 0) - (df0 > 0)
                    if _ocr_only(t, df1, dc1):
                        bigrams.add(t)
                    else:
                        bigrams.discard(t)
                self._upsert(self.meta, self._stats_points(clean, ocr, repair, bigrams, touched))
                live = (snap.live - set(removed)) | set(changed)
                self._put_state({**st, "version": int(st["version"]) + 1, "passages": n, "documents": len(live),
                                 "terms": n_terms, "total_len": total,
                                 "updated": time.strftime("%Y-%m-%dT%H:%M:%S"), "writer": None})
        self.refresh(force=True)

    def _ocr_points_with(self, words: set[str], exclude: set[str]) -> list:
        """OCR passages holding any of `words` (every word a page shows is in its sparse vector)."""
        idx = sorted({term_index(w) for w in words})
        flt = qm.Filter(must=[qm.FieldCondition(key="_ocr", match=qm.MatchValue(value=True))],
                        must_not=[qm.FieldCondition(key="doc", match=qm.MatchAny(any=sorted(exclude)))] if exclude else None)
        limit = max(int((self._snap.state or {}).get("passages", 0)), 1)
        res = self._call("query_points", self.name, query=qm.SparseVector(indices=idx, values=[1.0] * len(idx)),
                         using=SPARSE, query_filter=flt, limit=limit, with_payload=["text", "doc"])
        return [r for r in res.points if r.score > 0]

    def recount(self) -> None:
        """Rebuild everything derived in place (after a crashed writer; also `_lease` does it)."""
        with self._lease():
            self._recount()
        self.refresh(force=True)

    def _recount(self) -> None:
        """Everything derived, from the passage points the document records list: drops points no
        record lists (a dead writer's leftovers), relearns the repair map, recomputes document
        frequencies, lengths and every sparse weight, then bumps the version."""
        state = self._read_state()
        if state is None:
            return
        records = self._doc_records()
        wanted = {point_id(pid) for _, ids in records.values() for pid in ids}
        found: dict[str, Passage] = {}
        strays = []
        for rec in self._scroll(self.name, with_payload=True):
            if str(rec.id) in wanted:
                found[str(rec.id)] = _passage(rec.payload)
            else:
                strays.append(str(rec.id))
        self._delete(self.name, strays)
        documents = sorted((d for d, _ in records.values()), key=lambda d: d.doc)
        passages = [found[point_id(pid)] for d in documents for pid in records[d.doc][1] if point_id(pid) in found]
        stats = _Stats.of(documents, passages)
        avgdl = stats.avgdl
        for i in range(0, len(passages), BATCH):
            self._call("update_vectors", self.name, [qm.PointVectors(id=point_id(p.id), vector={SPARSE: bm25_sparse(t, avgdl)})
                                                     for p, t in zip(passages[i:i + BATCH], stats.tokens[i:i + BATCH])],
                       wait=True)
        nb = int(state.get("buckets", BUCKETS))
        self._upsert(self.meta, self._stats_points(stats.clean, stats.ocr, stats.repair, stats.bigrams, stats.buckets(nb)))
        self._put_state({**state, "version": int(state["version"]) + 1, "passages": len(passages),
                         "documents": len(documents), "terms": len(stats.df), "total_len": stats.total,
                         "avgdl": avgdl, "updated": time.strftime("%Y-%m-%dT%H:%M:%S"), "writer": None})

    def drop(self) -> None:
        """Delete the collections behind both aliases, and the aliases (tests, decommissioning)."""
        aliases = {a.alias_name: a.collection_name for a in self._call("get_aliases").aliases}
        for alias in (self.name, self.meta):
            if alias in aliases:
                self._call("delete_collection", aliases[alias])
        self._snap = _Snapshot()
        self._checked = -math.inf
