"""The on-disk index: documents, passages, vectors, FAISS and BM25, replaced atomically as a whole.

Layout under $TRACUU_HOME/index/: manifest.json, documents.json, passages.jsonl, vectors.npy,
dense.faiss, lexical/. A new version is written to a sibling temporary directory and renamed
into place, so a crash mid-write leaves the previous index loadable.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from tracuu.ingest.types import Document, Passage, Period

from .dense import DenseIndex
from .lexical import TOKENIZER, LexicalIndex

if TYPE_CHECKING:
    from tracuu.config import Config

    from .backend import Change

SCHEMA = 1


class IndexError_(Exception):
    """The index on disk cannot be used as it is; the message says what to run."""


@dataclass
class Hit:
    passage: Passage
    row: int
    lexical: float = 0.0
    dense: float = 0.0
    score: float = 0.0
    why: dict = field(default_factory=dict)


def _lexical_of(documents: list[Document], passages: list[Passage]) -> LexicalIndex | None:
    """BM25 over the passages; OCR reports' passages get the learned repairs."""
    if not passages:
        return None
    ocr_docs = {d.doc for d in documents if d.ocr_quality == "ocr"}
    return LexicalIndex.build([p.text for p in passages], [p.doc in ocr_docs for p in passages])


FOOTNOTE_REACH = 80  # lines: a page-bottom footnote is printed within a page or two of its mark


def footnotes_near(passage: Passage, notes: list[Passage]) -> list[Passage]:
    """Of a report's footnotes, those linked to `passage` at ingest, then those printed soon after it
    (a mark in one window of a long paragraph is linked to another window), nearest first."""
    linked = sorted((n for n in notes if n.footnote_of == passage.id), key=lambda n: n.line_start)
    near = sorted((n for n in notes if n.footnote_of != passage.id
                   and passage.line_start <= n.line_start <= passage.line_end + FOOTNOTE_REACH),
                  key=lambda n: n.line_start)
    return linked + near


def preceding_of(passage: Passage, bodies: list[Passage]) -> Passage | None:
    """Of a report's passages (footnotes aside), the one of the same section that ends nearest before
    `passage` starts: where a line naming only its part ('- Khu vực Hậu Giang (cũ): 151,9') finds its whole."""
    before = [p for p in bodies if p.section == passage.section and p.line_end < passage.line_start]
    return max(before, key=lambda p: (p.line_end, p.line_start), default=None)


def in_section(passage: Passage, bodies: list[Passage]) -> list[Passage]:
    """Of a report's passages (footnotes aside), those of `passage`'s section, in print order."""
    return sorted((p for p in bodies if p.section == passage.section), key=lambda p: (p.line_start, p.line_end))


@dataclass
class Filters:
    docs: set[str] | None = None
    period: Period | None = None  # keep passages of reports or sections of this period

    def mask(self, store: "IndexStore") -> np.ndarray | None:
        if not self.docs and not self.period:
            return None
        doc_idx, p_code, d_code, names, codes = store.filter_columns
        keep = np.ones(len(doc_idx), dtype=bool)
        if self.docs:
            keep &= np.isin(doc_idx, [i for n, i in names.items() if n in self.docs])
        if self.period:
            code = codes.get(self.period, -2)  # a period no passage or report has matches nothing
            keep &= (p_code == code) | (d_code[doc_idx] == code)
        return keep


def report_periods(documents: list[Document]) -> list[Period]:
    """The periods the reports cover, in time order; a total order (start, end, then kind: 'quý I/2023' and '3 tháng
    đầu năm 2023' span the same months), since a set's order varies between runs and refusal messages list these."""
    return sorted({d.period for d in documents if d.period},
                  key=lambda p: (p.year, min(p.months()), max(p.months()), p.kind, p.index or 0))


class IndexStore:
    """An immutable snapshot of the index; updates build a new one and swap it in."""

    kind = "faiss"
    refreshes = False  # ui.serving re-reads the files when another process swapped a new version in

    def __init__(self, manifest: dict, documents: list[Document], passages: list[Passage],
                 vectors: np.ndarray, lexical: LexicalIndex | None, dense: DenseIndex | None):
        self.manifest = manifest
        self.documents = documents
        self.passages = passages
        self.vectors = vectors
        self.lexical = lexical
        self.dense = dense
        self.doc_by_name = {d.doc: d for d in documents}
        self.version = None  # index.snapshot.version_of the files it was read from / saved to

    @cached_property
    def _footnotes(self) -> dict[str, list[Passage]]:
        out: dict[str, list[Passage]] = {}
        for p in self.passages:
            if p.kind == "footnote":
                out.setdefault(p.doc, []).append(p)
        return out

    def footnotes(self, passage: Passage) -> list[Passage]:
        """The footnotes a passage may cite: the details (which districts, the year before) behind a mark."""
        return footnotes_near(passage, self._footnotes.get(passage.doc, []))

    @cached_property
    def _bodies(self) -> dict[str, list[Passage]]:
        out: dict[str, list[Passage]] = {}
        for p in self.passages:
            if p.kind != "footnote":
                out.setdefault(p.doc, []).append(p)
        return out

    def preceding(self, passage: Passage) -> Passage | None:
        """The passage printed just before this one in its section (see store.preceding_of)."""
        return preceding_of(passage, self._bodies.get(passage.doc, []))

    def section_passages(self, passage: Passage) -> list[Passage]:
        """The passages of its report's section (footnotes aside), in print order: a table's other rows."""
        return in_section(passage, self._bodies.get(passage.doc, []))

    def periods_holding(self, tokens: list[str], also: list[str] | None = None) -> set[Period] | None:
        if self.lexical is None:
            return set()
        rows = self.lexical.holding(tokens)
        if also:
            rows = np.intersect1d(rows, self.lexical.holding(also))
        held = [self.passages[i] for i in rows]
        return {p for x in held for p in (x.period, self.doc_by_name[x.doc].period) if p}

    @cached_property
    def filter_columns(self) -> tuple:
        """Passage -> document number, passage period code, document period code, as arrays, so a
        filter is a few vector ops instead of a Python loop per query (built once: a snapshot never changes)."""
        names: dict[str, int] = {}
        codes: dict[Period, int] = {}
        doc_idx = np.array([names.setdefault(p.doc, len(names)) for p in self.passages], dtype=np.int64)
        p_code = np.array([-1 if p.period is None else codes.setdefault(p.period, len(codes))
                           for p in self.passages], dtype=np.int64)
        dp = {d.doc: d.period for d in self.documents}
        d_code = np.array([-1 if dp.get(n) is None else codes.setdefault(dp[n], len(codes)) for n in names]
                          + [-1], dtype=np.int64)  # a spare slot keeps an empty store's lookup valid
        return doc_idx, p_code, d_code, names, codes

    # ---------- loading ----------
    @classmethod
    def empty(cls, embedder_id: str, dim: int = 0) -> "IndexStore":
        manifest = {"schema": SCHEMA, "tokenizer": TOKENIZER, "embedder": embedder_id, "dim": dim,
                    "documents": {}, "passages": 0}
        return cls(manifest, [], [], np.zeros((0, dim), dtype=np.float32), None, None)

    @classmethod
    def load(cls, directory: Path) -> "IndexStore | None":
        """The index at `directory`, None if there is none yet; IndexError_ if it is unusable."""
        _recover(directory)
        if not directory.exists():
            return None
        rebuild = f"rebuild it with: rm -rf '{directory}' && tracuu ingest <your reports>"
        try:
            manifest = json.loads((directory / "manifest.json").read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise IndexError_(f"index at {directory} is corrupt (manifest unreadable: {e}); {rebuild}") from e
        if manifest.get("schema") != SCHEMA:
            raise IndexError_(f"index at {directory} has schema {manifest.get('schema')}, this tracuu reads {SCHEMA}; {rebuild}")
        try:
            documents = [Document.from_dict(d) for d in json.loads((directory / "documents.json").read_text("utf-8"))]
            with (directory / "passages.jsonl").open(encoding="utf-8") as fh:
                passages = [Passage.from_dict(json.loads(line)) for line in fh if line.strip()]
            # the big arrays are mapped, not read: worker processes of one server share the OS's copy
            vectors = np.load(directory / "vectors.npy", mmap_mode="r")
            if manifest.get("tokenizer", 1) == TOKENIZER:
                lexical = LexicalIndex.load(directory / "lexical", mmap=True) if passages else None
            else:  # written by an older tokenizer: its tokens would not match a question's
                lexical = _lexical_of(documents, passages)
                manifest["tokenizer"] = TOKENIZER
            dense = DenseIndex.load(directory / "dense.faiss", mmap=True) if passages else None
        except Exception as e:  # any missing or damaged part makes the whole index unusable
            raise IndexError_(f"index at {directory} is corrupt ({type(e).__name__}: {e}); {rebuild}") from e
        if len(passages) != manifest.get("passages") or len(vectors) != len(passages):
            raise IndexError_(f"index at {directory} is inconsistent (counts differ); {rebuild}")
        return cls(manifest, documents, passages, vectors, lexical, dense)

    # ---------- writing ----------
    @classmethod
    def build(cls, embedder_id: str, documents: list[Document], passages: list[Passage],
              vectors: np.ndarray, ann_threshold: int) -> "IndexStore":
        dim = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.size else 0
        manifest = {
            "schema": SCHEMA, "tokenizer": TOKENIZER, "embedder": embedder_id, "dim": dim,
            "documents": {d.doc: d.sha256 for d in documents}, "passages": len(passages),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        lexical = _lexical_of(documents, passages)
        dense = DenseIndex.build(vectors, ann_threshold) if passages else None
        if dense:
            manifest["faiss"] = dense.kind
        return cls(manifest, documents, passages, vectors, lexical, dense)

    def save(self, directory: Path, _fail_after: str | None = None) -> None:
        """Write to a temporary sibling, then swap it in with renames."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = directory.with_name(f"{directory.name}.tmp-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            (tmp / "documents.json").write_text(
                json.dumps([d.to_dict() for d in self.documents], ensure_ascii=False, indent=1), "utf-8")
            with (tmp / "passages.jsonl").open("w", encoding="utf-8") as fh:
                for p in self.passages:
                    fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
            if _fail_after == "passages":
                raise KeyboardInterrupt("simulated interruption")
            np.save(tmp / "vectors.npy", self.vectors)
            if self.lexical:
                self.lexical.save(tmp / "lexical")
            if self.dense:
                self.dense.save(tmp / "dense.faiss")
            (tmp / "manifest.json").write_text(json.dumps(self.manifest, ensure_ascii=False, indent=1), "utf-8")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        old = directory.with_name(f"{directory.name}.old-{os.getpid()}")
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    def write(self, config: "Config", change: "Change") -> "IndexStore":
        """A new snapshot: this one's passages of the documents kept, the changed ones' new passages,
        vectors from `change.embed` (the cache has all but the new ones); saved unless told not to."""
        passages: dict[str, list[Passage]] = {}
        if not change.rebuild:
            names = {d.doc for d in change.documents}
            for p in self.passages:
                if p.doc in names and p.doc not in change.changed:
                    passages.setdefault(p.doc, []).append(p)
        for name, (_, new) in change.changed.items():
            passages[name] = new
        ordered = [p for d in change.documents for p in passages.get(d.doc, [])]
        store = IndexStore.build(change.embedder_id, change.documents, ordered, change.embed(ordered),
                                 config.ann_threshold)
        if change.save:
            store.save(config.index_dir)
        return store

    # ---------- reading ----------
    @property
    def size(self) -> int:
        """Passages indexed; every backend answers this without loading passages."""
        return len(self.passages)

    def periods(self) -> list[Period]:
        return report_periods(self.documents)

    def search(self, query: str, query_vector: np.ndarray | None, k: int = 10,
               filters: Filters | None = None, pool: int = 50) -> list[Hit]:
        """Candidates from both sides, scores kept apart so the QA layer can fuse and explain."""
        if not self.passages:
            return []
        mask = filters.mask(self) if filters else None
        lex = self.lexical.scores(query) if self.lexical else np.zeros(len(self.passages), np.float32)
        dense_all = np.zeros(len(self.passages), np.float32)
        if query_vector is not None and self.dense is not None:
            ids, sims = self.dense.scores(query_vector, max(pool * 4, k) if mask is not None else pool)
            dense_all[ids] = sims
        if mask is not None:
            lex = np.where(mask, lex, -1.0)
            dense_all = np.where(mask, dense_all, -1.0)
        rows = set(_top(lex, pool)) | set(_top(dense_all, pool))
        if mask is not None:
            rows = {r for r in rows if mask[r]}
        ordered = sorted(rows)
        exact = [0.0] * len(ordered)
        if query_vector is not None and len(self.vectors) and rows:
            exact = (self.vectors[ordered] @ query_vector.astype(np.float32)).tolist()
        lexical = np.maximum(lex[ordered], 0).tolist() if ordered else []
        hits = [Hit(self.passages[r], r, lx, dn) for r, lx, dn in zip(ordered, lexical, exact)]
        hits.sort(key=lambda h: (-h.lexical, -h.dense))
        return hits


def _top(scores: np.ndarray, n: int) -> list[int]:
    """Rows of the `n` highest scores (in no order): a partial sort, the index may hold 100,000 passages."""
    if n >= len(scores):
        return list(range(len(scores)))
    return np.argpartition(-scores, n - 1)[:n].tolist()


def _recover(directory: Path) -> None:
    """Finish or undo a swap that a crash interrupted between its two renames."""
    if directory.exists():
        return
    olds = sorted(directory.parent.glob(f"{directory.name}.old-*")) if directory.parent.exists() else []
    if olds:
        olds[-1].rename(directory)
