"""Writing the index to Qdrant: a whole build swapped in with one alias switch, or per-document
updates in place, and the lexical statistics kept equal to what a full build computes.

The statistics are index.lexical's (`Statistics`, `repairs_from_counts`, `count_words`,
`ocr_only`, K1/B): a per-document update adds and takes away counts where the embedded store
recomputes them, and the end state is the same (tests/test_qdrant.py checks it).

Writes (one writer at a time, guarded by a lease in the state point) upsert the new passage points
of a document before deleting its stale ones, then update the statistics, then bump the version.
A writer that dies half-way leaves its lease behind; the next writer recounts everything derived
(statistics, sparse weights) from the passage points the document records list, dropping strays.
"""
from __future__ import annotations

import math
import os
import socket
import time
import uuid
import warnings
from collections import Counter
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np

from tracuu.ingest.types import Document, Passage

from .backend import Change
from .lexical import B, K1, Statistics, count_words, ocr_only, passage_tokens, repairs_from_counts, words_of
from .qdrant_conn import (BATCH, BUCKETS, DENSE, SCHEMA, SPARSE, bucket_of, doc_point_id, passage_of, payload_of,
                          point_id, qm, term_index, tune_local)
from .qdrant_read import QdrantReader, _Snapshot
from .store import IndexError_

if TYPE_CHECKING:
    from tracuu.config import Config

DRIFT = 0.02  # sparse weights are recomputed when the mean passage length moved more than this
STALE_WRITER_S = 600  # a writer lease older than this belongs to a writer that died


def bm25_sparse(tokens: list[str], avgdl: float) -> qm.SparseVector:
    """A passage's sparse vector: per token (hashed, `term_index`) BM25's tf saturation
    tf / (tf + K1 (1 - B + B dl/avgdl)); a query's idf-weighted counts times these is its BM25."""
    tf = Counter(tokens)
    norm = K1 * (1 - B + B * len(tokens) / (avgdl or 1.0))
    by_index: dict[int, float] = {}
    for t, c in tf.items():
        i = term_index(t)
        by_index[i] = by_index.get(i, 0.0) + c / (c + norm)
    idx = sorted(by_index)
    return qm.SparseVector(indices=idx, values=[by_index[i] for i in idx])


def stats_of(documents: list[Document], passages: list[Passage]) -> Statistics:
    """index.lexical.Statistics of these passages (OCR reports' passages get the repair map)."""
    ocr_docs = {d.doc for d in documents if d.ocr_quality == "ocr"}
    return Statistics.of([p.text for p in passages], [p.doc in ocr_docs for p in passages])


def buckets_of(stats: Statistics, n: int = BUCKETS) -> dict[int, dict[str, list[int]]]:
    """The term-bucket points' contents: token -> [df, clean df], by bucket."""
    out: dict[int, dict[str, list[int]]] = {b: {} for b in range(n)}
    for t, c in stats.df.items():
        out[bucket_of(t, n)][t] = [c, stats.dc.get(t, 0)]
    return out


class QdrantWriter(QdrantReader):
    """The writing half of QdrantStore (index.backend.Store.write, migrate's build, recovery)."""

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
            tune_local(self.client)

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
        stats = stats_of(documents, passages)
        avgdl = stats.avgdl
        self._create(uid, dim)
        try:
            self._upsert(uid, [qm.PointStruct(id=point_id(p.id), payload=payload_of(p, by_doc[p.doc]),
                                              vector={DENSE: vectors[i].tolist(), SPARSE: bm25_sparse(stats.tokens[i], avgdl)})
                               for i, p in enumerate(passages)])
            if _fail_after == "points":
                raise KeyboardInterrupt("simulated interruption")
            ids: dict[str, list[str]] = {d.doc: [] for d in documents}
            for p in passages:
                ids[p.doc].append(p.id)
            meta = uid + "_meta"
            self._upsert(meta, [self._doc_point(d, ids[d.doc]) for d in documents])
            self._upsert(meta, self._stats_points(stats.clean, stats.ocr, stats.repair, stats.bigrams, buckets_of(stats)))
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

    def write(self, config: Config, change: Change) -> "QdrantWriter":
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
                        count_words(clean, ocr, words_of(old_text[pid]), name in old_ocr, -1)
            for doc, ps in changed.values():
                for p in ps:
                    count_words(clean, ocr, words_of(p.text), doc.ocr_quality == "ocr")
            repair = repairs_from_counts(clean, ocr)
            # document frequencies (all and clean passages) and lengths
            ddf, ddc = Counter(), Counter()
            for name, ids in old_pids.items():
                is_ocr = name in old_ocr
                for pid in ids:
                    if pid in old_text:
                        t = passage_tokens(old_text[pid], repair_old if is_ocr else None)
                        ddf.subtract(set(t))
                        if not is_ocr:
                            ddc.subtract(set(t))
                        total -= len(t)
                        n -= 1
            new_toks: dict[str, list[str]] = {}
            for doc, ps in changed.values():
                is_ocr = doc.ocr_quality == "ocr"
                for p in ps:
                    t = new_toks[p.id] = passage_tokens(p.text, repair if is_ocr else None)
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
                    before, after = passage_tokens(rec.payload["text"], repair_old), passage_tokens(rec.payload["text"], repair)
                    if before != after:
                        ddf.subtract(set(before))
                        ddf.update(set(after))
                        total += len(after) - len(before)
                        rewrite.append((str(rec.id), after))
            drift = n > 0 and abs((total / n) / avgdl - 1) > DRIFT
            # 1. the new passages (and the re-tokenised OCR ones), before anything is taken away
            self._upsert(self.name, [
                qm.PointStruct(id=point_id(p.id), payload=payload_of(p, doc),
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
            self._delete(self.meta, [doc_point_id(name) for name in removed if name in snap.live])
            # 3. statistics, then the version bump
            if drift:  # the mean length moved: every sparse weight is recomputed
                self._recount()
            else:
                touched = self._read_buckets({bucket_of(t) for t in set(ddf) | set(ddc) if ddf[t] or ddc[t]})
                for t in set(ddf) | set(ddc):
                    if not (ddf[t] or ddc[t]):
                        continue
                    terms = touched[bucket_of(t)]
                    df0, dc0 = terms.get(t, [0, 0])
                    df1, dc1 = df0 + ddf[t], dc0 + ddc[t]
                    terms[t] = [df1, dc1]
                    n_terms += (df1 > 0) - (df0 > 0)
                    if ocr_only(t, df1, dc1):
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
                found[str(rec.id)] = passage_of(rec.payload)
            else:
                strays.append(str(rec.id))
        self._delete(self.name, strays)
        documents = sorted((d for d, _ in records.values()), key=lambda d: d.doc)
        passages = [found[point_id(pid)] for d in documents for pid in records[d.doc][1] if point_id(pid) in found]
        stats = stats_of(documents, passages)
        avgdl = stats.avgdl
        for i in range(0, len(passages), BATCH):
            self._call("update_vectors", self.name, [qm.PointVectors(id=point_id(p.id), vector={SPARSE: bm25_sparse(t, avgdl)})
                                                     for p, t in zip(passages[i:i + BATCH], stats.tokens[i:i + BATCH])],
                       wait=True)
        nb = int(state.get("buckets", BUCKETS))
        self._upsert(self.meta, self._stats_points(stats.clean, stats.ocr, stats.repair, stats.bigrams, buckets_of(stats, nb)))
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
