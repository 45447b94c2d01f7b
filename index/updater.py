"""Incremental updates: add, replace changed, skip unchanged, remove. This module works out the
`Change` (which files are new, changed, gone; their passages; the embedding cache); the store
applies it (`Store.write`): one atomic save of a new snapshot (index.store) or per-document writes
to the shared Qdrant collection (index.qdrant_store)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from tracuu.config import Config
from tracuu.ingest.loaders import SUPPORTED
from tracuu.ingest.pipeline import file_hash, ingest_file
from tracuu.ingest.types import Document, IngestError, Passage

from .backend import Change, Store, blank_store
from .cache import EmbeddingCache


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


def update(config: Config, store: Store | None, embedder, add: list[Path] = (), remove: list[str] = (),
           progress: bool = True, save: bool = True, reread: frozenset[str] = frozenset()) -> tuple[Store, Outcome]:
    """Apply changes to `store` and return the new store; the old one stays valid for readers.

    `reread` names files to parse again although unchanged (a metadata correction): their passages'
    periods follow the corrected one, their vectors come from the cache (nothing is re-embedded).

    `store` is the store to change (a Qdrant one is changed in place and returned), or None:
    nothing indexed yet, or a rebuild from scratch (in the backend the config names)."""
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
    change = Change(sorted(docs.values(), key=lambda d: d.doc), changed,
                    [name for name in outcome.removed if name not in changed], embedder_id,
                    lambda passages: embed_all(config, embedder, passages, outcome, progress),
                    rebuild=store is None, save=save)
    target = store if store is not None else blank_store(config, embedder_id)
    return target.write(config, change), outcome


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
