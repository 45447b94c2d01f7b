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

import hashlib
import time
from pathlib import Path

from tracuu import memo
from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.types import Passage

from .extract import best_evidence
from .figures import extract as figures_in
from .query import parse_query
from .retrieve import mentioned_periods, period_signals

# the memo caches hold 20,000 readings of the smallest kind (qa/extract.py): beyond this many passages the
# newest reports' readings would push each other out again
LIMIT = 3000
READINGS = "readings.pickle"  # in the index's home


def mark(passage: Passage, own) -> str:
    """What a passage's readings depend on: its text and its report's period."""
    return hashlib.blake2b(f"{own!r}\x00{passage.text}".encode(), digest_size=12).hexdigest()


def _own(store: Store, passage: Passage):
    doc = store.doc_by_name.get(passage.doc)
    return doc.period if doc else None


def read_ahead(store: Store, limit: int = LIMIT, seconds: float = 60.0, docs: set[str] | None = None,
               read: set[str] | None = None) -> int:
    """Read up to `limit` passages (of `docs` only, when given), newest reports first (the ones asked most), for
    at most `seconds`; returns how many were read. `read`: the marks of passages whose readings are held
    already (skipped); those read are added to it."""
    held = getattr(store, "passages", None)  # a store that keeps them in memory (FAISS); Qdrant's are read per question
    if not held:
        return 0
    read = set() if read is None else read
    # a figure question naming a period and a date: every sentence is read in full, its periods and dates too
    query = parse_query("bao nhiêu 6 tháng năm 2023 đến ngày 30/6/2023")
    newest = sorted(store.documents, key=lambda d: (d.period.end if d.period else (0, 0), d.date or ""), reverse=True)
    order = {d.doc: i for i, d in enumerate(newest)}
    todo = [(p, key) for p in held if (docs is None or p.doc in docs) and (key := mark(p, _own(store, p))) not in read]
    todo = sorted(todo, key=lambda pk: order.get(pk[0].doc, len(order)))[:limit]
    stop, done = time.monotonic() + seconds, 0
    for done, (passage, key) in enumerate(todo, 1):
        own = _own(store, passage)
        hit = Hit(passage, -1, 1.0, 1.0, score=1.0)
        period_signals(query, hit, store)  # what ranking reads of the passage for a question naming a period
        for e in best_evidence(query, [hit], store.lexical, top=1, years=[own.year if own else None]):
            mentioned_periods(e.sentence, own)
            figures_in(e.sentence, 1, own)
        read.add(key)
        if time.monotonic() > stop:
            break
    return done


def keep_readings(store: Store | None, home: Path, docs: set[str]) -> int:
    """After an ingest: read the changed reports' passages that the kept file does not hold yet and save
    every reading this process holds beside the index; returns how many passages were read (0 when the
    file holds them all: an unchanged re-ingest neither reads nor writes)."""
    if store is None or not docs or not getattr(store, "passages", None):
        return 0
    path = home / READINGS
    read = set(memo.marks(path))
    keys = {p.doc: set() for p in store.passages}
    for p in store.passages:
        keys[p.doc].add(mark(p, _own(store, p)))
    if all(keys.get(doc, set()) <= read for doc in docs):
        return 0
    memo.load(path)  # its readings go into the new file too
    done = read_ahead(store, docs=docs, seconds=120.0, read=read)
    memo.save(path, read & set().union(*keys.values()))  # removed reports' passages are no longer named
    return done


def load_readings(home: Path) -> int:
    """The readings an ingest kept (none when the code has changed since: they are made again)."""
    return memo.load(home / READINGS)


def marked(home: Path) -> set[str]:
    """The marks of the passages whose readings the kept file holds."""
    return set(memo.marks(home / READINGS))
