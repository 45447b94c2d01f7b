"""Reading the index from Qdrant: what qa/ asks of a `Store` (index.backend), and keeping up with
the writes of other replicas.

Replicas re-read the state point at most every `qdrant_refresh_s` seconds; when its (collection,
version) changed they reload the document list and lexicon and drop their cached term statistics.
`QdrantLexical` is index.lexical's query side (idf, repair, query_tokens with their OCR variants)
over those statistics, so qa/ and the ranking read the same numbers on both backends.
"""
from __future__ import annotations

import math
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from tracuu.ingest.types import Document, Passage, Period

from .lexical import Vocabulary
from .qdrant_conn import (BUCKETS, DENSE, SCHEMA, SPARSE, Collections, QdrantClient, bucket_of, filter_of,
                          passage_of, point_id, qm, row_of, term_index)
from .store import Filters, Hit, IndexError_, footnotes_near, in_section, preceding_of, report_periods

if TYPE_CHECKING:
    from tracuu.config import Config


class _Terms(Mapping):
    """Document frequency by token, read from the shared term buckets on first use and kept until
    the index version changes (a replica ends up holding what the embedded store holds in df.json)."""

    def __init__(self, store: Collections, buckets: int, count: int):
        self._store = store
        self._buckets = buckets
        self._count = count
        self._cache: dict[int, dict[str, int]] = {}

    def load(self, tokens) -> None:
        need = {bucket_of(t, self._buckets) for t in tokens} - self._cache.keys()
        if need:
            got = self._store._read_buckets(need, self._buckets)
            self._cache.update({b: {t: v[0] for t, v in terms.items()} for b, terms in got.items()})

    def get(self, token, default=None):
        self.load((token,))
        v = self._cache[bucket_of(token, self._buckets)].get(token)
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


class QdrantLexical(Vocabulary):
    """index.lexical.Vocabulary (idf, repair map, OCR variants) over the statistics shared in Qdrant;
    BM25 itself is scored by QdrantReader.search."""

    def __init__(self, store: Collections, state: dict, lexicon: dict):
        terms = _Terms(store, int(state.get("buckets", BUCKETS)), int(state.get("terms", 0)))
        super().__init__(int(state.get("passages", 0)), terms, dict(lexicon.get("repair") or {}),
                         list(lexicon.get("ocr_bigrams") or []))
        self.terms = terms


@dataclass
class _Snapshot:
    key: tuple | None = None  # (physical collection, version)
    state: dict | None = None
    documents: list[Document] = field(default_factory=list)
    doc_by_name: dict[str, Document] = field(default_factory=dict)
    live: frozenset[str] = frozenset()
    lexical: QdrantLexical | None = None


class QdrantReader(Collections):
    """The reading surface of index.backend.Store over the collections (QdrantStore adds writing)."""

    kind = "qdrant"
    refreshes = True  # re-reads the collection's version point itself (`refresh`)

    def __init__(self, config: Config, client: QdrantClient, lock=None, where: str = ""):
        super().__init__(config, client, lock, where)
        self._snap = _Snapshot()
        self._checked = -math.inf
        self._refresh_lock = threading.Lock()
        self.refresh(force=True)

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
        return footnotes_near(passage, [passage_of(r.payload) for r in points])

    def preceding(self, passage: Passage) -> Passage | None:
        """The passage printed just before this one in its section (see store.preceding_of)."""
        snap = self.refresh()
        if passage.doc not in snap.live:
            return None
        flt = qm.Filter(must=[qm.FieldCondition(key="doc", match=qm.MatchValue(value=passage.doc)),
                              qm.FieldCondition(key="line_end", range=qm.Range(gte=max(0, passage.line_start - 200),
                                                                               lt=passage.line_start))])
        points, _ = self._call("scroll", self.name, scroll_filter=flt, limit=200, with_payload=True)
        return preceding_of(passage, [q for q in (passage_of(r.payload) for r in points) if q.kind != "footnote"])

    def section_passages(self, passage: Passage) -> list[Passage]:
        """The passages of its report's section (footnotes aside), in print order; a payload filter on its report."""
        snap = self.refresh()
        if passage.doc not in snap.live:
            return []
        flt = qm.Filter(must=[qm.FieldCondition(key="doc", match=qm.MatchValue(value=passage.doc))])
        points, _ = self._call("scroll", self.name, scroll_filter=flt, limit=5000, with_payload=True)
        return in_section(passage, [q for q in (passage_of(r.payload) for r in points) if q.kind != "footnote"])

    def periods_holding(self, tokens: list[str], also: list[str] | None = None) -> set[Period] | None:
        """Not asked of Qdrant (its sparse vectors hold token ids, not a posting list to read): None."""
        return None

    def search(self, query: str, query_vector: np.ndarray | None, k: int = 10,
               filters: Filters | None = None, pool: int = 50) -> list[Hit]:
        """Candidates from both sides, each with its exact BM25 and cosine (see index.qdrant_store)."""
        snap = self.refresh()
        lexical = snap.lexical
        if not snap.state or not snap.state.get("passages") or lexical is None:
            return []
        toks = lexical.query_tokens(query)
        lexical.terms.load(toks)
        counts = Counter(t for t in toks if t in lexical.vocab)  # bm25s adds a repeated token twice
        terms = [(term_index(t), c, lexical.idf(t)) for t, c in counts.items()]
        flt = filter_of(filters)
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
            hits.append(Hit(passage_of(rec.payload), row_of(rec.id), float(lex), dense))
        hits.sort(key=lambda h: (-h.lexical, -h.dense))
        return hits

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
                passages.append(passage_of(rec.payload))
                vectors.append(rec.vector[DENSE])
        dim = int((self._snap.state or {}).get("dim", 0))
        arr = np.asarray(vectors, dtype=np.float32) if vectors else np.zeros((0, dim), dtype=np.float32)
        return docs, passages, arr

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
