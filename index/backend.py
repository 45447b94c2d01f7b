"""Where the index lives, chosen by configuration (`TRACUU_STORE`): the embedded files under
$TRACUU_HOME (FAISS + bm25s, the default: index.store) or a shared Qdrant collection
(index.qdrant_store).

qa/, ui/ and index.updater hold a `Store` and never ask which one it is. Reading: `size`,
`documents`, `doc_by_name`, `manifest` (its "embedder" entry at least), `periods()`, `footnotes()`,
`lexical` (`idf`, `repair`, `variants`) and `search(query, query_vector, k, filters, pool)`, which
returns `Hit`s whose `lexical` is a BM25 score and `dense` the cosine similarity of the passage to
the query, for every candidate, so qa.retrieve fuses them the same way on both. Writing:
`write(config, change)` applies a `Change` (documents added, replaced, removed) and returns the
store to read from next: a new snapshot (embedded) or the same object, changed in place (Qdrant).
`blank_store` is where a first ingest or a rebuild starts, in the configured backend.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from tracuu.config import Config
from tracuu.ingest.types import Document, Passage, Period

from .store import Filters, Hit, IndexError_, IndexStore

BACKENDS = ("faiss", "qdrant")


@runtime_checkable
class Lexical(Protocol):
    repair: dict[str, str]  # OCR-misread syllable -> the clean syllable it stands for

    def idf(self, token: str) -> float:
        """BM25 (Lucene) idf of a folded token over the whole index."""
        ...

    def holds(self, token: str) -> bool:
        """Whether any indexed passage has the folded token."""
        ...

    def variants(self, tokens: list[str], limit: int = 3) -> dict[str, list[str]]:
        """OCR spellings the index holds of the question's word pairs (index.lexical)."""
        ...


@dataclass
class Change:
    """One update of the index, as index.updater works it out from the files and the store."""

    documents: list[Document]  # every document the index holds afterwards, in index order (by name)
    changed: dict[str, tuple[Document, list[Passage]]]  # (re)parsed in this update, with their passages
    removed: list[str]  # names taken out (and not added back)
    embedder_id: str
    embed: Callable[[list[Passage]], np.ndarray]  # passages -> vectors (cached ones reused, not re-embedded)
    rebuild: bool = False  # keep nothing the store held: the index is `changed` alone
    save: bool = True  # embedded store: write the new snapshot to disk


@runtime_checkable
class Store(Protocol):
    manifest: dict
    documents: list[Document]
    doc_by_name: dict[str, Document]
    lexical: Lexical | None
    version: object  # changes whenever the index does (None: not known, e.g. an unsaved snapshot)
    refreshes: bool  # True: follows other processes' writes by itself; False: a snapshot to re-read

    @property
    def size(self) -> int: ...

    def periods(self) -> list[Period]: ...

    def footnotes(self, passage: Passage) -> list[Passage]: ...

    def preceding(self, passage: Passage) -> Passage | None:
        """The passage printed just before this one in its section, or None."""
        ...

    def section_passages(self, passage: Passage) -> list[Passage]:
        """The passages of its report's section (footnotes aside), in print order: a table's other rows."""
        ...

    def periods_holding(self, tokens: list[str], also: list[str] | None = None) -> set[Period] | None:
        """The periods (`Filters.period`: the report's, or the section's) of the passages holding any of
        these lexical tokens (and, when `also` is given, any of those too); None: cannot tell."""
        ...

    def search(self, query: str, query_vector: np.ndarray | None, k: int = 10,
               filters: Filters | None = None, pool: int = 50) -> list[Hit]: ...

    def write(self, config: Config, change: Change) -> "Store":
        """Apply `change`; the store to read from afterwards (readers of this one are not disturbed)."""
        ...


def backend_of(config: Config) -> str:
    name = (config.store or "faiss").strip().lower()
    if name not in BACKENDS:
        raise IndexError_(f"unknown store {config.store!r} (TRACUU_STORE); use one of: {', '.join(BACKENDS)}")
    return name


def open_store(config: Config) -> Store | None:
    """The configured store: an IndexStore (None when nothing is indexed yet) or a QdrantStore
    (always an object; `size` 0 until the first ingest or migrate)."""
    if backend_of(config) == "qdrant":
        from .qdrant_store import QdrantStore
        return QdrantStore.open(config)
    from .snapshot import load_current  # read from one version, even while another process swaps one in
    return load_current(config.index_dir)[0]


def blank_store(config: Config, embedder_id: str) -> Store:
    """Where a first ingest or a rebuild starts (`Change.rebuild`): an empty snapshot, or the
    configured Qdrant collection (replaced as a whole by the write)."""
    if backend_of(config) == "qdrant":
        from .qdrant_store import QdrantStore
        return QdrantStore.open(config)
    return IndexStore.empty(embedder_id)


def migrate(config: Config, to: str, force: bool = False) -> str:
    """Copy the index between backends, vectors included (nothing is re-embedded).

    `to="qdrant"`: the embedded index under $TRACUU_HOME/index into the Qdrant collection the
    TRACUU_QDRANT_* settings name (built aside, then swapped in with one alias switch).
    `to="faiss"`: the reverse, e.g. to keep an offline copy."""
    from .qdrant_store import QdrantStore
    to = (to or "").strip().lower()
    if to == "qdrant":
        src = IndexStore.load(config.index_dir)
        if src is None or not src.size:
            raise IndexError_(f"no embedded index at {config.index_dir} to copy; build it first "
                              f"(TRACUU_STORE=faiss tracuu ingest <reports>)")
        dst = QdrantStore.open(config)
        if dst.size and not force:
            raise IndexError_(f"the Qdrant collection '{config.qdrant_collection}' already holds {len(dst.documents)} "
                              f"documents; add --force to replace it")
        dst.build(src.documents, src.passages, src.vectors, src.manifest.get("embedder"))
        if dst.size != src.size or len(dst.documents) != len(src.documents):
            raise IndexError_(f"copy incomplete: {dst.size} of {src.size} passages arrived; run migrate again")
        return (f"copied {len(src.documents)} documents, {src.size} passages and their vectors "
                f"({src.manifest.get('embedder')}, nothing re-embedded) to Qdrant collection "
                f"'{config.qdrant_collection}' at {dst.where}; serve it with TRACUU_STORE=qdrant")
    if to == "faiss":
        src = QdrantStore.open(config)
        if not src.size:
            raise IndexError_(f"the Qdrant collection '{config.qdrant_collection}' at {src.where} is empty")
        old = IndexStore.load(config.index_dir)
        if old is not None and old.size and not force:
            raise IndexError_(f"an embedded index already exists at {config.index_dir}; add --force to replace it")
        documents, passages, vectors = src.export()
        store = IndexStore.build(src.manifest.get("embedder"), documents, passages, vectors, config.ann_threshold)
        store.save(config.index_dir)
        return (f"copied {len(documents)} documents, {len(passages)} passages and their vectors from Qdrant "
                f"to {config.index_dir}; serve it with TRACUU_STORE=faiss")
    raise ValueError(f"--to must be one of: {', '.join(BACKENDS)}")
