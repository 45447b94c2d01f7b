"""Extractive answers: quote the source sentence that carries the figure, never rewrite it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import LexicalIndex, tokenize
from ingest.periods import find_periods
from index.store import Hit

from .query import Query

# sentence ends at . ! ? followed by a space and a capital, digit, quote or bracket
_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ0-9])")
_HAS_NUMBER = re.compile(r"\d")
_PERIOD_WORDS = {"nam", "thang", "quy", "dau", "cuoi", "nua", "giua", "ca"}


@dataclass
class Evidence:
    hit_index: int  # position in the ranked hits
    sentence: str  # the quote: the best sentence, extended to the figure(s) that complete it
    coverage: float  # idf-weighted share of the question's words found in the sentence
    score: float


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s.strip()]


def query_weights(query: Query, lexical: LexicalIndex | None) -> dict[str, float]:
    toks = [t for t in tokenize(query.lexical_text or query.text) if not t[0].isdigit()]
    weights = {}
    for t in toks:
        parts = t.split("_")
        if any(p in _PERIOD_WORDS for p in parts) and len(parts) == 1:
            continue
        if t.split("_")[0] in ("bao", "la") and "nhieu" in t:
            continue
        w = lexical.idf(t) if lexical else 1.0
        weights[t] = w if "_" not in t else w * 0.7
    return weights


def best_evidence(query: Query, hits: list[Hit], lexical: LexicalIndex | None, top: int = 3,
                  fit: list[float] | None = None) -> list[Evidence]:
    """Sentences of the top passages, best first: question words covered, times how well the
    passage ranked and how exactly it fits the asked period (`fit`), plus a little for a figure."""
    weights = query_weights(query, lexical)
    total = sum(weights.values()) or 1.0
    best_score = max((h.score for h in hits[:top]), default=1.0) or 1.0
    out: list[Evidence] = []
    for rank, hit in enumerate(hits[:top]):
        prior = max(hit.score, 0.0) / best_score
        prior *= fit[rank] if fit else 1.0
        sents = sentences(hit.passage.text)
        repair = lexical.repair if lexical else None
        for i, sent in enumerate(sents):
            toks = set(tokenize(sent, repair))
            cov = sum(w for t, w in weights.items() if t in toks) / total
            quote = extend_quote(sents, i)
            score = cov * prior * prior + (0.1 if _HAS_NUMBER.search(quote) else 0.0)
            out.append(Evidence(rank, quote, cov, score))
    out.sort(key=lambda e: -e.score)
    return out


def extend_quote(sents: list[str], i: int, budget: int = 320) -> str:
    """The sentence at i, plus the next ones while short, and until a figure is included:
    an indicator is often named in one sentence and its figures given in the next."""
    quote, j = sents[i], i + 1
    while j < len(sents) and (len(quote) < budget or not _HAS_NUMBER.search(quote)) and j - i < 4:
        if len(quote) + len(sents[j]) > 2 * budget and _HAS_NUMBER.search(quote):
            break
        quote += " " + sents[j]
        j += 1
    return quote


def conflicts(query: Query, sentence: str, default_year: int | None) -> bool:
    """The sentence states a figure for a narrower period than the one asked ('quý I' for 'năm 2022')."""
    if not query.periods:
        return False
    named = [m.period for m in find_periods(sentence, default_year) if m.period]
    if not named or any(p in query.periods for p in named):
        return False
    return any(a.contains(p) and a != p for a in query.periods for p in named)


def compose(quotes: list[tuple[int, str]], header: str) -> str:
    """'Theo Báo cáo số 327/BC-UBND (6 tháng đầu năm 2023): <quoted sentence> [1].'"""
    body = " ".join(f"{q.rstrip(' .;,')} [{n}]." for n, q in quotes)
    return f"{header}: {body}"
