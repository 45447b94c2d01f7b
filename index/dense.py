"""FAISS inner-product search over L2-normalised vectors: exact when small, HNSW when large."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import faiss
import numpy as np


_searched: ContextVar[dict | None] = ContextVar("dense_searched", default=None)


@contextmanager
def one_answer():
    """Within one answer the same question vector is searched again and again (each province, each period,
    each row of a series: 20 searches of 6 ms at 66k passages for one question naming no province). Inside
    this block a search repeated with the same vector and k is answered from the first; the block ends with
    the answer, so nothing is kept between questions (TRACUU_CACHE=off has nothing to turn off here)."""
    token = _searched.set({}) if _searched.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _searched.reset(token)


class DenseIndex:
    def __init__(self, index: faiss.Index):
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, ann_threshold: int) -> "DenseIndex":
        n, dim = vectors.shape if vectors.size else (0, vectors.shape[1] if vectors.ndim == 2 else 0)
        if n > ann_threshold:
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 128
        else:
            index = faiss.IndexFlatIP(dim)
        # faiss ids are row numbers of the passages table; IndexIDMap would add nothing here
        if n:
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    @property
    def kind(self) -> str:
        return "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"

    def scores(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(row ids, cosine similarities) of the k nearest passages."""
        if self.index.ntotal == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        searched = _searched.get()
        key = (id(self.index), query.tobytes(), k)
        if searched is not None and key in searched:
            return searched[key]
        # one query: one OpenMP thread. Measured at 67k passages, 2 cores: 7.5 ms with 1 thread, 10-12 ms
        # with 2 on a quiet machine, 45 ms with 2 when another process is busy (the team waits on a
        # descheduled thread); concurrent requests parallelise anyway. The ICV is per calling thread.
        before = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            sims, ids = self.index.search(query.reshape(1, -1).astype(np.float32), min(k, self.index.ntotal))
        finally:
            faiss.omp_set_num_threads(before)
        keep = ids[0] >= 0
        found = ids[0][keep], sims[0][keep]
        if searched is not None:
            searched[key] = found
        return found

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> "DenseIndex":
        """With `mmap`, the vectors stay in the file (shared by every process that maps it)."""
        flags = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY if mmap else 0
        return cls(faiss.read_index(str(path), flags))
