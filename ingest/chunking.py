"""Cut paragraphs into retrieval-sized passages that keep exact line ranges in the source."""
from __future__ import annotations

import hashlib
import re

from .structure import Paragraph

# a city's and titles' abbreviations: their dot ends no sentence ('TP. Hồ Chí Minh', 'TS. Nguyễn Văn A'); qa.sentence
# reads quotes with the same list
ABBREVIATIONS = ("TP", "Tp", "TX", "TT", "TS", "GS", "ThS", "PGS", "BS", "KS")
NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{a}\.)" for a in ABBREVIATIONS)
# Sentence ends: a terminator, then space, then something that can start a sentence.
_SENT_END = re.compile(r"(?<=[.;!?])" + NOT_AFTER_ABBREVIATION
                       + r"\s+(?=[\"“(\-–+•A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ0-9])")


def paragraph_text(p: Paragraph) -> tuple[str, list[tuple[int, int, int]]]:
    """Join a paragraph's lines with single spaces; return the text and (start, end, line) spans.

    A word hyphenated across a line break ('kinh-' + 'tế') is joined back without the hyphen.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for k, (line_idx, text) in enumerate(p.lines):
        sep = ""
        if parts:
            if parts[-1].endswith("-") and len(parts[-1]) > 1 and parts[-1][-2].isalpha() and text[:1].islower():
                parts[-1] = parts[-1][:-1]
                pos -= 1
                spans[-1] = (spans[-1][0], pos, spans[-1][2])
            else:
                sep = " "
        pos += len(sep)
        spans.append((pos, pos + len(text), line_idx))
        parts.append(sep + text if sep else text)
        pos += len(text)
    return "".join(parts), spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def windows(text: str, target: int, limit: int, overlap: int = 1) -> list[tuple[int, int]]:
    """Sentence-aligned windows of about `target` chars, never above `limit` unless one sentence is."""
    if len(text) <= limit:
        return [(0, len(text))]
    sents = split_sentences(text)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sents):
        j = i
        while j + 1 < len(sents) and sents[j + 1][1] - sents[i][0] <= target:
            j += 1
        out.append((sents[i][0], sents[j][1]))
        if j + 1 >= len(sents):
            break
        i = max(j + 1 - overlap, i + 1)
    return out


def lines_of(spans: list[tuple[int, int, int]], a: int, b: int) -> list[int]:
    return [line for s, e, line in spans if s < b and e > a]


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
