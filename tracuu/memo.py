"""Readings of a text that are kept with the index: computed once, at ingest, not again by each process.

Answering reads every sentence of the top passages (its words, its periods, whether it states a figure, who
the figure is of). Those readings depend on the text and a few plain arguments only, so they are memoised; a
memo that lives only in the process made the first question to reach a passage pay for it (about a third of
a cold answer). `kept` memoises a function like `functools.lru_cache` and also lets the whole set of tables
be written beside the index (`save`) and read back by the next process (`load`), so `tracuu ask`, each
server worker and the benchmark start with the readings ingest made.

A saved file is used only by the code that wrote it: its stamp is a hash of every source and data file of
the packages whose functions are kept (a changed rule would otherwise answer from stale readings). Its header
also names the work whose readings it holds (`marks`, e.g. the passages ingest read), readable without the
tables, so a re-ingest of unchanged reports neither reads nor loads anything again.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import os
import pickle
from pathlib import Path
from typing import Callable

# name -> (table, size): the memo tables of this process (a cache, like lru_cache's: what is in it changes no
# result, only how fast one comes)
_TABLES: dict[str, tuple[dict, int]] = {}
_PACKAGES = ("tracuu.ingest", "tracuu.index", "tracuu.qa")
FORMAT = 2
# (path, modification time, size) of the files this process has read (their tables added, or found unusable):
# one is not read twice
_LOADED: set[tuple[str, int, int]] = set()


def kept(size: int) -> Callable:
    """Memoise a pure function of hashable positional arguments (first in, first out beyond `size`)."""
    def wrap(fn: Callable) -> Callable:
        table: dict = {}
        name = f"{fn.__module__}.{fn.__qualname__}"

        @functools.wraps(fn)
        def memo(*args):
            try:
                return table[args]
            except KeyError:
                pass
            value = fn(*args)
            if len(table) >= size:
                del table[next(iter(table))]
            table[args] = value
            return value

        def clear() -> None:
            table.clear()
            _LOADED.clear()  # a file's readings are no longer all held: loading it again adds them

        memo.cache_clear = clear
        memo.table = table
        _TABLES[name] = (table, size)
        return memo
    return wrap


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of the files the kept functions' readings depend on (sources, lexicon and place data)."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for package in _PACKAGES:
        folder = Path(importlib.import_module(package).__file__).parent
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _seen(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_mtime_ns, st.st_size


def save(path: Path, marks: set[str] | frozenset[str] = frozenset()) -> int:
    """Write this process's tables to `path` atomically, after a header naming `marks` (the work whose
    readings they hold); returns how many readings were written."""
    tables = {name: dict(table) for name, (table, _) in _TABLES.items() if table}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as out:
        pickle.dump({"stamp": code_stamp(), "marks": frozenset(marks)}, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(tables, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    if seen := _seen(path):
        _LOADED.add(seen)  # what it holds is in this process already
    return sum(map(len, tables.values()))


def _header(stream) -> dict | None:
    try:
        head = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return head if isinstance(head, dict) and head.get("stamp") == code_stamp() else None


def marks(path: Path) -> frozenset[str]:
    """The work whose readings the file at `path` holds (empty: no file, another code's, or a damaged one)."""
    try:
        with path.open("rb") as stream:
            head = _header(stream)
    except OSError:
        return frozenset()
    return frozenset(head.get("marks", ())) if head else frozenset()


def load(path: Path) -> int:
    """Add the readings saved at `path` to this process's tables, when the same code wrote them; returns how
    many were added (0: no file, another code's file, an unreadable one — the readings are made again — or
    one this process has added already)."""
    seen = _seen(path)
    if seen is None or seen in _LOADED:
        return 0
    _LOADED.add(seen)  # tried once: the same file gives the same (an answer asks at every question)
    try:
        with path.open("rb") as stream:
            if _header(stream) is None:
                return 0
            tables = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return 0
    if not isinstance(tables, dict):
        return 0
    added = 0
    for name, saved in tables.items():
        if name not in _TABLES:
            continue
        table, size = _TABLES[name]
        for key, value in saved.items():
            if len(table) >= size:
                break
            if key not in table:
                table[key] = value
                added += 1
    return added
