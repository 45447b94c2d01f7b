"""Incremental updates: add, replace changed, skip unchanged, remove; then one atomic save
(embedded store) or per-document writes to the shared Qdrant collection (index.qdrant_store)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from tracuu.ingest.config import Config
from tracuu.ingest.loaders import SUPPORTED
from tracuu.ingest.pipeline import file_hash, ingest_file
from tracuu.ingest.types import Document, IngestError, Passage

from .backend import uses_qdrant
from .cache import EmbeddingCache
from .store import IndexStore


@dataclass
class Outcome:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each: "<file>: <reason>"
    notes: list[str] = field(default_factory=list)
    embedded: int = 0  # passages that needed the model
    reused: int = 0  # passages whose vector came from the cache

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def expand(paths: list[Path], outcome: Outcome) -> list[Path]:
    """Files to ingest: folders are walked; anything unusable becomes a failure line."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                outcome.failed.append(f"{path}: folder has no {'/'.join(SUPPORTED)} files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            outcome.failed.append(f"{path}: no such file or folder")
    # a file named twice (its folder and itself; a rebuild adds every indexed source) is read once
    return list({f.resolve(): f for f in files}.values())


def update(config: Config, store, embedder, add: list[Path] = (), remove: list[str] = (),
           progress: bool = True, save: bool = True, reread: frozenset[str] = frozenset()) -> tuple[IndexStore, Outcome]:
    """Apply changes to `store` and return the new store; the old one stays valid for readers.

    `reread` names files to parse again although unchanged (a metadata correction): their passages'
    periods follow the corrected one, their vectors come from the cache (nothing is re-embedded).

    `store` is an IndexStore, a QdrantStore (changed in place and returned), or None: nothing
    indexed yet, or a rebuild from scratch (in the backend the config names)."""
    outcome = Outcome()
    docs: dict[str, Document] = {d.doc: d for d in store.documents} if store else {}
    changed: dict[str, tuple[Document, list[Passage]]] = {}  # documents (re)parsed in this call
    for name in remove:
        if name in docs:
            del docs[name]
            changed.pop(name, None)
            outcome.removed.append(name)
        else:
            outcome.failed.append(f"{name}: not in the index (see `tracuu docs`)")
    files = expand(list(add), outcome)
    by_hash = {d.sha256: d.doc for d in docs.values()}
    bar = tqdm(files, desc="ingest", unit="file", disable=not progress or len(files) < 2, file=sys.stderr)
    for path in bar:
        try:
            sha = file_hash(path)
        except OSError as e:
            outcome.failed.append(f"{path.name}: cannot read file ({e.strerror})")
            continue
        if path.name in docs and docs[path.name].sha256 == sha and path.name not in reread:
            outcome.unchanged.append(path.name)
            continue
        if sha in by_hash and by_hash[sha] != path.name:
            outcome.notes.append(f"{path.name}: same content as already indexed {by_hash[sha]}, skipped")
            continue
        try:
            doc, new = ingest_file(path, config, sha256=sha)
        except IngestError as e:
            outcome.failed.append(str(e))
            continue
        except Exception as e:  # a parser crash on one file must not stop the others
            outcome.failed.append(f"{path.name}: could not be parsed ({type(e).__name__}: {e})")
            continue
        (outcome.updated if path.name in docs else outcome.added).append(path.name)
        docs[path.name] = doc
        changed[path.name] = (doc, new)
        by_hash[sha] = path.name
    embedder_id = embedder.id
    if store and store.manifest.get("embedder") != embedder_id and store.size:
        outcome.notes.append(f"embedder changed from {store.manifest.get('embedder')} to {embedder_id}: "
                             f"re-embedding all passages (the index is rebuilt, never mixed)")
    if not outcome.changed and store and store.manifest.get("embedder") == embedder_id:
        return store, outcome
    if uses_qdrant(config, store):
        return _update_qdrant(config, store, embedder, docs, changed, outcome, progress), outcome
    passages: dict[str, list[Passage]] = {}
    for p in (store.passages if store else []):
        if p.doc in docs and p.doc not in changed:
            passages.setdefault(p.doc, []).append(p)
    for name, (_, new) in changed.items():
        passages[name] = new
    ordered_docs = sorted(docs.values(), key=lambda d: d.doc)
    all_passages = [p for d in ordered_docs for p in passages.get(d.doc, [])]
    vectors = embed_all(config, embedder, all_passages, outcome, progress)
    new_store = IndexStore.build(embedder_id, ordered_docs, all_passages, vectors, config.ann_threshold)
    if save:
        new_store.save(config.index_dir)
    return new_store, outcome


def _update_qdrant(config: Config, store, embedder, docs: dict[str, Document],
                   changed: dict[str, tuple[Document, list[Passage]]], outcome: Outcome, progress: bool):
    """Per document when the collection holds this embedder's vectors; otherwise (first ingest,
    rebuild, embedder change) the whole index is built aside and swapped in."""
    from .qdrant_store import QdrantStore
    fresh = store is None  # a rebuild from scratch: only what this call parsed
    store = store or QdrantStore.open(config)
    removed = [name for name in outcome.removed if name not in changed]
    if fresh or not store.exists or store.manifest.get("embedder") != embedder.id:
        # what stays is re-read from Qdrant (and re-embedded: the embedder changed, or this is a first build)
        kept = [] if fresh or not store.size else store.export({name for name in docs if name not in changed})[1]
        by_doc: dict[str, list[Passage]] = {}
        for p in kept:
            by_doc.setdefault(p.doc, []).append(p)
        for name, (_, new) in changed.items():
            by_doc[name] = new
        ordered = sorted(docs.values(), key=lambda d: d.doc)
        passages = [p for d in ordered for p in by_doc.get(d.doc, [])]
        vectors = embed_all(config, embedder, passages, outcome, progress)
        store.build(ordered, passages, vectors, embedder.id)
        return store
    new = [p for _, ps in changed.values() for p in ps]
    vectors = embed_all(config, embedder, new, outcome, progress)
    store.apply(changed, removed, {p.id: v for p, v in zip(new, vectors)}, embedder.id)
    return store


def embed_all(config: Config, embedder, passages: list[Passage], outcome: Outcome, progress: bool) -> np.ndarray:
    cache = EmbeddingCache(config.home / "cache", embedder.id)
    missing = [p for p in passages if cache.get(p.content_hash) is None]
    outcome.reused = len(passages) - len(missing)
    outcome.embedded = len(missing)
    if missing:
        vecs = embedder.embed_passages([embedding_text(p) for p in missing], progress=progress)
        for p, v in zip(missing, vecs):
            cache.put(p.content_hash, v)
        cache.save()
    if not passages:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([cache.get(p.content_hash) for p in passages]).astype(np.float32)


def embedding_text(p: Passage) -> str:
    """The section title tells the model what a terse passage is about."""
    last = p.section.split(" > ")[-1] if p.section else ""
    return f"{last}: {p.text}" if last else p.text
