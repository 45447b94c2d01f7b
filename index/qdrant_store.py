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

The code, one job per module:
  index.qdrant_conn   connecting (server or local mode), point ids and payloads, every call to
                      Qdrant, reading and writing the meta points
  index.qdrant_read   the Store reading surface (search, footnotes, documents, lexical), export,
                      following other replicas' writes (refresh)
  index.qdrant_write  Store.write: whole builds and per-document updates, writer lease, recovery
  index.lexical       tokens, the OCR repair map, BM25 statistics and K1/B, shared with the
                      embedded store
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .qdrant_conn import close_local, connect, point_id
from .qdrant_write import QdrantWriter

if TYPE_CHECKING:
    from tracuu.config import Config

__all__ = ["QdrantStore", "close_local", "point_id"]


class QdrantStore(QdrantWriter):
    """The index in a Qdrant collection: an index.backend.Store, as the embedded IndexStore is."""

    @classmethod
    def open(cls, config: Config) -> "QdrantStore":
        client, lock, where = connect(config)
        return cls(config, client, lock, where)
