"""One index on disk, many readers: versions, consistent loads and one writer at a time.

`tracuu serve --workers N` runs N processes over the same $TRACUU_HOME/index. A writer (an upload to
any worker, `tracuu ingest` from a shell) writes a whole new directory and swaps it in with renames
(IndexStore.save), so the manifest file of the live index is a new file after every change: its
(inode, mtime, size) is the index version, and one stat per request tells a worker whether its
snapshot is still the current one. That costs microseconds, so every request checks, and a worker
answers from the new version on the first request after the swap, never a mix of the two.

Writers take an exclusive lock on $TRACUU_HOME/index.lock: two workers adding reports at the same
time would otherwise each start from the version they had and the second save would drop the
first one's report. Readers never take it.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

Version = tuple[int, int, int]

MANIFEST = "manifest.json"


def version_of(directory: Path) -> Version | None:
    """The version of the index at `directory`: its manifest's identity, None when there is no index."""
    try:
        st = os.stat(directory / MANIFEST)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def load_current(directory: Path, attempts: int = 20):
    """(store, version) of the index at `directory`, read from one version only.

    The files are opened by path, so a swap while they are read could give half of each version;
    the version is read before and after, like a sequence lock, and the load is repeated when it
    moved (a swap takes milliseconds; twenty in a row means something else is wrong)."""
    from .store import IndexStore
    for _ in range(attempts):
        before = version_of(directory)
        store = IndexStore.load(directory)
        after = version_of(directory)
        if before == after:
            if store is not None:
                store.version = after
            return store, after
    raise RuntimeError(f"the index at {directory} kept changing while it was read ({attempts} tries)")


@contextlib.contextmanager
def writer_lock(home: Path):
    """Held while one process changes the index; blocks other writers (any process), not readers."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "index.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
