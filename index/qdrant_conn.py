"""The Qdrant side of index.qdrant_store: connecting, and how the index is laid out in points.

Two collections behind two aliases (`<name>`, `<name>_meta`; see index.qdrant_store for what each
point holds). `Collections` is every call the store makes to Qdrant (one place that turns a client
error into IndexError_, and serialises calls on a local-mode client), plus reading and writing the
vectorless points of `<name>_meta`. Nothing here knows BM25 or how an update works.
"""
from __future__ import annotations

import atexit
import hashlib
import threading
import uuid
from collections import Counter
from contextlib import nullcontext
from typing import TYPE_CHECKING

from tracuu.ingest.types import Document, Passage, Period

from .store import Filters, IndexError_

if TYPE_CHECKING:
    from tracuu.config import Config

try:
    from qdrant_client import QdrantClient
    from qdrant_client import models as qm
except ImportError as e:  # pragma: no cover - the extra is installed by `make install`
    raise IndexError_("TRACUU_STORE=qdrant needs qdrant-client: pip install 'tracuu[qdrant]'") from e

SCHEMA = 2  # 2: tokens of acronyms starting with P changed (index.lexical.TOKENIZER)
DENSE, SPARSE = "dense", "bm25"
BUCKETS = 256  # term statistics are stored in this many points
BATCH = 128
_NS = uuid.UUID("5b0e7f3c-2d8a-4c61-9f0e-7a1d3b6c8e24")
STATE_ID = str(uuid.uuid5(_NS, "state"))
LEXICON_ID = str(uuid.uuid5(_NS, "lexicon"))
WORDS_ID = str(uuid.uuid5(_NS, "words"))


# ---------------------------------------------------------------- point ids and payloads

def point_id(passage_id: str) -> str:
    return str(uuid.uuid5(_NS, "passage:" + passage_id))


def doc_point_id(name: str) -> str:
    return str(uuid.uuid5(_NS, "doc:" + name))


def bucket_point_id(b: int) -> str:
    return str(uuid.uuid5(_NS, f"terms:{b}"))


def term_index(token: str) -> int:
    """The sparse dimension of a token (32-bit hash: ~0.1 collisions in 30k tokens, ~500 in 2M)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "little")


def bucket_of(token: str, buckets: int = BUCKETS) -> int:
    return term_index(token) % buckets


def period_key(p: Period | None) -> str:
    return f"{p.kind}:{p.year}:{p.index or 0}" if p else ""


def passage_of(payload: dict) -> Passage:
    return Passage.from_dict({k: v for k, v in payload.items() if not k.startswith("_")})


def payload_of(p: Passage, doc: Document) -> dict:
    d = p.to_dict()
    d.update({"_dp": period_key(doc.period), "_sp": period_key(p.period), "_ocr": doc.ocr_quality == "ocr"})
    return d


def row_of(pid) -> int:
    return uuid.UUID(str(pid)).int >> 97  # a stable int per point (the embedded store's table row)


def filter_of(filters: Filters | None) -> qm.Filter | None:
    """`Filters` as a payload filter (keyword indexes on doc, _dp, _sp: run server-side)."""
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
            tune_local(client)
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


def tune_local(client: QdrantClient) -> None:
    """Local mode commits every point on its own; with SQLite's default journal that is one fsync
    per point (12 ms here: 8 s for the sample reports). WAL + synchronous=NORMAL keeps it atomic
    and crash-safe (a power cut may lose the last commits) at ~0.7 ms per point.

    qdrant-client (1.20) has no public setting for this: local mode opens one SQLite connection per
    collection inside its QdrantLocal (`client._client`), so this is the one place that reaches in.
    Best effort: a qdrant-client that stores points differently just keeps its own settings."""
    try:
        for coll in getattr(client._client, "collections", {}).values():
            conn = getattr(getattr(coll, "storage", None), "storage", None)
            if conn is not None:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
    except Exception:
        pass


# ---------------------------------------------------------------- the two collections

class Collections:
    """The passage collection and its `_meta` companion, behind their aliases."""

    def __init__(self, config: Config, client: QdrantClient, lock=None, where: str = ""):
        self.config = config
        self.client = client
        self._io = lock or nullcontext()
        self.local = lock is not None
        self.where = where or (config.qdrant_url or str(config.qdrant_local_path))
        self.name = config.qdrant_collection
        self.meta = f"{self.name}_meta"

    def _call(self, method: str, *args, **kwargs):
        with self._io:
            try:
                return getattr(self.client, method)(*args, **kwargs)
            except Exception as e:
                raise IndexError_(f"Qdrant at {self.where}: {method} failed ({type(e).__name__}: {e})") from e

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

    def _upsert(self, collection: str, points: list) -> None:
        for i in range(0, len(points), BATCH):
            self._call("upsert", collection, points[i:i + BATCH], wait=True)

    def _delete(self, collection: str, ids: list[str]) -> None:
        for i in range(0, len(ids), 1024):
            self._call("delete", collection, qm.PointIdsList(points=ids[i:i + 1024]), wait=True)

    # ---------- the meta points: reading ----------
    def _read_state(self) -> dict | None:
        try:
            recs = self._call("retrieve", self.meta, [STATE_ID], with_payload=True)
        except IndexError_:
            if not self._call("collection_exists", self.meta):
                return None
            raise
        return dict(recs[0].payload) if recs else None

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
            recs = list(self._retrieve(self.meta, [doc_point_id(n) for n in names]).values())
        return {r.payload["doc"]: (Document.from_dict(r.payload["document"]), list(r.payload["ids"])) for r in recs}

    def _read_buckets(self, buckets, n: int = BUCKETS) -> dict[int, dict[str, list[int]]]:
        """token -> [df, clean df] for each bucket asked."""
        buckets = sorted(buckets)
        got = self._retrieve(self.meta, [bucket_point_id(b) for b in buckets])
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

    # ---------- the meta points: writing ----------
    @staticmethod
    def _meta_point(pid: str, kind: str, payload: dict) -> qm.PointStruct:
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
            points.append(self._meta_point(bucket_point_id(b), "terms", {
                "b": b, "t": ts, "df": [terms[t][0] for t in ts], "dc": [terms[t][1] for t in ts]}))
        return points

    def _doc_point(self, doc: Document, ids: list[str]) -> qm.PointStruct:
        return self._meta_point(doc_point_id(doc.doc), "doc", {"doc": doc.doc, "document": doc.to_dict(), "ids": ids})
