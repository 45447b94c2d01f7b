"""Embeddings cached by passage content hash, one file per embedder, so unchanged text is never re-embedded."""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np


class EmbeddingCache:
    def __init__(self, directory: Path, embedder_id: str):
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", embedder_id)[-80:]
        self.path = directory / f"{slug}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            try:
                data = np.load(self.path)
                self.vectors = dict(zip(data["hashes"].tolist(), data["vectors"]))
            except Exception:  # a damaged cache only costs re-embedding
                self.vectors = {}

    def get(self, h: str) -> np.ndarray | None:
        return self.vectors.get(h)

    def put(self, h: str, v: np.ndarray) -> None:
        self.vectors[h] = v

    def save(self) -> None:
        if not self.vectors:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.stem + f".tmp-{os.getpid()}.npz")
        hashes = np.array(list(self.vectors.keys()))
        np.savez(tmp, hashes=hashes, vectors=np.stack(list(self.vectors.values())).astype(np.float32))
        tmp.replace(self.path)
