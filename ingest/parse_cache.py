"""The passages a report was read into, kept by content so a rebuild does not read it again.

Reading a report (loading, structure, chunking, the periods each passage states) depends only on its bytes,
its name, a person's correction of its period or province, the chunk sizes, and the code. An index rebuilt
from the same files (`tracuu ingest --rebuild`, a second index over the same folder, the benchmark) used to
read every report again although nothing it depends on had changed; the embedding cache already spares the
model the same way. Entries live under one folder per code stamp: a changed parser reads again, and the
folders of older code are removed when a new one is written.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

from tracuu.config import Config
from tracuu.memo import code_stamp

from .corrections import Correction
from .types import Document, Passage

FOLDER = "parsed"  # under the home's cache folder


def _root(config: Config) -> Path:
    return Path(config.home) / "cache" / FOLDER


def key(sha256: str, name: str, correction: Correction | None, config: Config) -> str:
    """Everything the reading depends on besides the code (the folder's stamp)."""
    parts = (sha256, name, repr(correction), config.chunk_target, config.chunk_limit)
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def get(config: Config, entry: str) -> tuple[Document, list[Passage]] | None:
    """The kept reading, or None (none kept, another code's, or unreadable: the report is read again)."""
    path = _root(config) / code_stamp() / f"{entry}.pickle"
    try:
        with path.open("rb") as stream:
            doc, passages = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return (doc, passages) if isinstance(doc, Document) else None


def put(config: Config, entry: str, doc: Document, passages: list[Passage]) -> None:
    """Keep a reading (atomic write); folders of other code stamps are removed. A cache that cannot be
    written costs only the next rebuild's time, so errors are ignored."""
    root = _root(config)
    folder = root / code_stamp()
    try:
        if not folder.is_dir():
            for old in root.glob("*"):
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{entry}.{os.getpid()}.tmp"
        with tmp.open("wb") as out:
            pickle.dump((doc, passages), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{entry}.pickle")
    except OSError:
        pass
