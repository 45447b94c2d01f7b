"""The report library as both front ends use it (ui/api.py over HTTP, ui/web.py in the browser).

Add uploaded reports (all or nothing), remove one, read one's lines as indexed (the citation viewer),
validate a question's filters and a period/province correction, record a judgement of an answer.
Nothing here knows HTTP: a request refused on purpose raises :class:`Refused` with a `reason`, and
each front end shows it its own way (the API maps reasons to statuses, the web UI to a message).
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import unicodedata
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from tracuu.config import Config
from tracuu.ingest import corrections
from tracuu.ingest.corrections import Correction
from tracuu.ingest.loaders import SUPPORTED, load
from tracuu.ingest.periods import parse_period
from tracuu.ingest.pipeline import file_hash
from tracuu.ingest.types import IngestError

from .engine import AskOptions, Engine

# why a request was refused; the API answers each with its status (ui.api.REFUSAL_STATUS)
REASONS = ("invalid", "unknown", "changed", "gone", "too_large", "unsupported", "unreadable")
_feedback_lock = threading.Lock()


class Refused(Exception):
    """A request refused on purpose, the caller's to fix (never a bug): `reason` is one of REASONS."""

    def __init__(self, reason: str, message: str):
        assert reason in REASONS, reason
        super().__init__(message)
        self.reason = reason
        self.message = message


def record_feedback(config: Config, question: str, answer, verdict: str, comment: str | None = None,
                    via: str = "api") -> dict:
    """Append one judgement to feedback.jsonl: the raw material for re-tuning and the eval set."""
    row = {"ts": datetime.now(timezone.utc).isoformat(timespec="seconds"), "via": via, "verdict": verdict,
           "question": question, "answer": answer, "comment": (comment or "").strip() or None}
    config.home.mkdir(parents=True, exist_ok=True)
    with _feedback_lock, (config.home / "feedback.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return row


def correction_of(period: str | None, province: str | None) -> Correction | None:
    """A validated correction, None when neither is given; unreadable values are the caller's mistake."""
    if not ((period or "").strip() or (province or "").strip()):
        return None
    try:
        return corrections.parse(period, province)
    except corrections.CorrectionError as e:
        raise Refused("invalid", str(e))


def safe_name(raw: str | None) -> str:
    """The plain file name an upload may be stored under; anything path-like is refused, not fixed."""
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name:
        raise Refused("invalid", "the uploaded file has no name")
    if ("/" in name or "\\" in name or name in (".", "..") or name.startswith(".")
            or any(unicodedata.category(ch).startswith("C") for ch in name) or len(name) > 200):
        raise Refused("invalid", f"file name not allowed: {raw!r} (use a plain name such as bao_cao_q3_2024.txt)")
    if Path(name).suffix.lower() not in SUPPORTED:
        raise Refused("unsupported", f"{name}: unsupported file type (allowed: {', '.join(SUPPORTED)})")
    return name


def ingest_uploads(engine: Engine, config: Config, files: list[tuple[str, BinaryIO]],
                   correction: Correction | None = None) -> dict:
    """Save uploads under home/uploads and index them, all or nothing.

    Every file is parsed before the index is touched, so one unreadable file leaves the index as
    it was; the saved copies are what the report viewer later reads.
    """
    if not files:
        raise Refused("invalid", "no file uploaded")
    limit = int(config.max_upload_mb * 1024 * 1024)
    uploads = config.home / "uploads"
    incoming = uploads / ".incoming" / uuid.uuid4().hex
    incoming.mkdir(parents=True, exist_ok=True)
    try:
        staged: list[Path] = []
        for raw, fh in files:
            name = safe_name(raw)
            if any(p.name == name for p in staged):
                raise Refused("invalid", f"{name}: uploaded twice in one request")
            dest = incoming / name
            size = 0
            with dest.open("wb") as out:
                while chunk := fh.read(1 << 20):
                    size += len(chunk)
                    if size > limit:
                        raise Refused("too_large", f"{name}: over the {config.max_upload_mb:g} MB upload limit")
                    out.write(chunk)
            staged.append(dest)
        for path in staged:  # parse first: nothing goes in unless everything can
            try:
                engine.check_file(path)
            except IngestError as e:
                raise Refused("unreadable", str(e))
            except Exception as e:  # a parser crash is the file's fault, not the server's
                raise Refused("unreadable", f"{path.name}: could not be parsed ({type(e).__name__}: {e})")
        final = []
        for path in staged:
            target = uploads / path.name
            os.replace(path, target)
            final.append(target)
        outcome = engine.ingest(final, progress=False, correction=correction)
        if outcome.failed:
            if outcome.added:
                engine.remove(outcome.added)
            raise Refused("unreadable", "; ".join(outcome.failed))
        store = engine.store
        return {"added": outcome.added, "updated": outcome.updated, "unchanged": outcome.unchanged,
                "notes": outcome.notes, "documents": len(store.documents) if store else 0,
                "chunks": store.size if store else 0,
                # scans: how well each read, which pages to check against the paper
                "ocr": {name: store.doc_by_name[name].ocr for name in outcome.added + outcome.updated
                        if store and store.doc_by_name[name].ocr}}
    finally:
        shutil.rmtree(incoming, ignore_errors=True)


def remove_document(engine: Engine, doc: str) -> dict:
    outcome = engine.remove([doc])
    if outcome.failed:
        raise Refused("unknown", f"{doc}: not in the index")
    store = engine.store
    return {"removed": outcome.removed, "documents": len(store.documents) if store else 0}


@lru_cache(maxsize=16)
def _source_lines(path: str, sha256: str, max_bytes: int) -> tuple[tuple[str, ...], tuple, tuple]:
    src = load(Path(path), max_bytes)
    return tuple(src.lines), tuple(src.pages), tuple(a for a, _ in src.source_lines)


def document_text(engine: Engine, doc: str) -> dict:
    """The report's lines as indexed, so citations' line numbers point into them (viewer)."""
    store = engine.store
    d = store.doc_by_name.get(doc) if store else None
    if d is None:
        raise Refused("unknown", f"{doc}: not in the index")
    path = Path(d.source_path)
    if not path.is_file():
        raise Refused("gone", f"{doc}: the source file is no longer at {path.name}; re-ingest it")
    if file_hash(path) != d.sha256:
        raise Refused("changed", f"{doc}: the file changed since it was indexed; re-ingest it")
    try:
        lines, pages, numbers = _source_lines(str(path), d.sha256, engine.config.max_file_bytes)
    except IngestError as e:
        raise Refused("unreadable", str(e))
    out = {"doc": d.doc, "title": d.title, "number": d.number, "date": d.date,
           "period": d.period.to_dict() if d.period else None, "format": d.fmt, "lines": list(lines)}
    if any(p is not None for p in pages):
        out["pages"] = list(pages)
    if numbers:  # a web page: the file's line each text line starts on (what citations' line numbers count)
        out["numbers"] = list(numbers)
    return out


def ask_options(engine: Engine, config: Config, k: int | None, period: str | None,
                docs: list[str] | None) -> AskOptions:
    """Validated filters: an unreadable period or an unknown report is the caller's mistake."""
    opts = AskOptions(k=k or config.default_k)
    if period and period.strip():
        opts.period = parse_period(period.strip())
        if opts.period is None:
            raise Refused("invalid", f"cannot read the period {period!r}; write it like "
                                     f"\"quý I/2022\", \"6 tháng đầu năm 2023\", \"tháng 1/2023\", \"năm 2021\"")
    if docs:
        known = set(engine.store.doc_by_name) if engine.store else set()
        unknown = [d for d in docs if d not in known]
        if unknown:
            raise Refused("invalid", f"not in the index: {', '.join(unknown)}")
        opts.docs = set(docs)
    return opts
