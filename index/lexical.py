"""BM25 (bm25s) over tokens that survive lost diacritics and OCR: folded syllables + bigrams + numbers."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import bm25s
import numpy as np

from ingest.textnorm import fold_ocr

# numbers first (Vietnamese notation: '.' groups thousands, ',' marks decimals), then words
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
# a few OCR confusions, common enough to matter, mapped after folding
_OCR_WORDS = {"1a": "la", "d3": "da", "x3": "xa", "x4": "xa", "nim": "nam", "ndm": "nam", "ndam": "nam",
              "dugc": "duoc", "duogc": "duoc", "ngudn": "nguon", "nudc": "nuoc", "ty": "ty", "cing": "cung",
              "clng": "cung", "ting": "tang", "tdm": "tam", "s6": "so", "d6": "do", "t6": "to", "c6": "co"}


def normalize_number(tok: str) -> str:
    """'1.158,8' and '1158,8' are the same figure; '15/12' stays apart because '/' splits it."""
    pct = tok.endswith("%")
    tok = tok.rstrip("%")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", tok):
        tok = tok.replace(".", "")
    return tok + ("%" if pct else "")


def tokenize(text: str) -> list[str]:
    folded = fold_ocr(text)
    for wrong, right in _OCR_WORDS.items():
        if wrong in folded:
            folded = re.sub(rf"\b{wrong}\b", right, folded)
    words = [normalize_number(t) if t[0].isdigit() else t for t in _TOKEN.findall(folded)]
    bigrams = [f"{a}_{b}" for a, b in zip(words, words[1:]) if not (a[0].isdigit() and b[0].isdigit())]
    return words + bigrams


class LexicalIndex:
    """A thin wrapper so the rest of the code never sees bm25s' token-id details."""

    def __init__(self, retriever: bm25s.BM25, df: dict[str, int]):
        self.retriever = retriever
        self.vocab = retriever.vocab_dict
        self.df = df  # document frequencies, kept for idf-weighted evidence checks in qa
        self.n = int(retriever.scores["num_docs"])

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        tokens = [tokenize(t) or [""] for t in texts]
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index(tokens, show_progress=False)
        df: dict[str, int] = {}
        for toks in tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        return cls(retriever, df)

    def idf(self, token: str) -> float:
        return math.log(1 + (self.n - self.df.get(token, 0) + 0.5) / (self.df.get(token, 0) + 0.5))

    def scores(self, query: str) -> np.ndarray:
        toks = [t for t in tokenize(query) if t in self.vocab]
        if not toks:
            return np.zeros(self.n, dtype=np.float32)
        return self.retriever.get_scores(toks).astype(np.float32)

    def save(self, path: Path) -> None:
        self.retriever.save(str(path), show_progress=False)
        (path / "df.json").write_text(json.dumps(self.df, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex":
        df = json.loads((path / "df.json").read_text("utf-8"))
        return cls(bm25s.BM25.load(str(path), mmap=False, show_progress=False), df)
