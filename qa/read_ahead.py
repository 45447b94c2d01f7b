"""Read the index's passages once before the first question, as a server starts.

Answering reads each sentence of the top passages: its words, its periods, whether it states a figure, the
figures it holds. Those readings depend on the sentence alone and are memoised by text, so the first question
that reaches a passage pays for them (about a third of a cold answer's time) and every later one does not.
Reading ahead does that work at start-up instead, through the same functions the answer uses (a generic
figure question over each passage), so nothing here can drift from what answering reads. Ingest reads its new
reports' passages the same way and keeps the readings beside the index (`tracuu.memo`), so a process that
opens the index starts with them.
"""
from __future__ import annotations

import time
from pathlib import Path

from tracuu import memo
from tracuu.index.backend import Store
from tracuu.index.store import Hit

from .extract import best_evidence
from .figures import extract as figures_in
from .query import parse_query
from .retrieve import mentioned_periods, period_signals

# the memo caches hold 20,000 readings of the smallest kind (qa/extract.py): beyond this many passages the
# newest reports' readings would push each other out again
LIMIT = 3000
READINGS = "readings.pickle"  # in the index's home


def read_ahead(store: Store, limit: int = LIMIT, seconds: float = 60.0, docs: set[str] | None = None) -> int:
    """Read up to `limit` passages (of `docs` only, when given), newest reports first (the ones asked most), for
    at most `seconds`; returns how many were read."""
    held = getattr(store, "passages", None)  # a store that keeps them in memory (FAISS); Qdrant's are read per question
    if not held:
        return 0
    # a figure question naming a period and a date: every sentence is read in full, its periods and dates too
    query = parse_query("bao nhiêu 6 tháng năm 2023 đến ngày 30/6/2023")
    newest = sorted(store.documents, key=lambda d: (d.period.end if d.period else (0, 0), d.date or ""), reverse=True)
    order = {d.doc: i for i, d in enumerate(newest)}
    passages = sorted((p for p in held if docs is None or p.doc in docs),
                      key=lambda p: order.get(p.doc, len(order)))[:limit]
    stop, done = time.monotonic() + seconds, 0
    for done, passage in enumerate(passages, 1):
        doc = store.doc_by_name.get(passage.doc)
        own = doc.period if doc else None
        hit = Hit(passage, -1, 1.0, 1.0, score=1.0)
        period_signals(query, hit, store)  # what ranking reads of the passage for a question naming a period
        for e in best_evidence(query, [hit], store.lexical, top=1, years=[own.year if own else None]):
            mentioned_periods(e.sentence, own)
            figures_in(e.sentence, 1, own)
        if time.monotonic() > stop:
            break
    return done


def keep_readings(store: Store | None, home: Path, docs: set[str]) -> int:
    """After an ingest: read the changed reports' passages and save every reading this process holds beside
    the index; returns how many passages were read."""
    done = read_ahead(store, docs=docs, seconds=120.0) if store is not None and docs else 0
    if done:
        memo.save(home / READINGS)
    return done


def load_readings(home: Path) -> int:
    """The readings an ingest kept (none when the code has changed since: they are made again)."""
    return memo.load(home / READINGS)
