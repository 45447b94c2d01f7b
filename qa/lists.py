"""A question asking which items fell short ('những chỉ tiêu nào không đạt kế hoạch'): answered by what names the
shortfall, not by the count of what was met, and from a table by every row of that outcome, not the first one."""
from __future__ import annotations

import re

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Passage

from .extract import Evidence
from .parts import row_label, table_of
from .query import Query
from .weights import EVIDENCE

# falling short of a plan: 'không đạt', 'chưa đạt', 'không hoàn thành', 'chưa hoàn thành được'
_SHORT = re.compile(r"\b(?:khong|chua)\s+(?:duoc\s+)?(?:dat|hoan thanh)\b")
# which ones are asked: 'những chỉ tiêu nào', 'chỉ tiêu nào', 'các khoản thu nào', 'gồm những gì' (not when: 'khi nào',
# 'tháng nào')
_WHICH = re.compile(r"\b(?:nhung|cac)\b[^?]*\b(?:nao|gi)\b|\b(?!(?:khi|luc|ngay|thang|nam|quy|dip)\b)\w+ nao\b")
_WORD = re.compile(r"\w+")
_MOST = 12  # rows listed at most: a table's column of outcomes, not a whole annex


def asks_which(text: str) -> bool:
    return bool(_WHICH.search(fold_ocr(text)))


def shortfall_named(query: Query, best: Evidence, evidence: list[Evidence]) -> Evidence:
    """A shortfall asked, and the best sentence says none ('ước cả năm có 17/20 chỉ tiêu chủ yếu đạt và vượt kế
    hoạch'): it counts the others. The sentence saying what fell short ('Còn 3/20 chỉ tiêu không đạt: tổng vốn đầu tư
    ...') answers, when it covers the question nearly as well."""
    if not _SHORT.search(fold_ocr(query.text)) or _SHORT.search(fold_ocr(best.sentence)):
        return best
    return next((e for e in evidence if _SHORT.search(fold_ocr(e.sentence))
                 and e.coverage >= EVIDENCE.shortfall_named * best.coverage), best)


def outcome_rows(query: Query, row: Passage, store: Store) -> tuple[str, list[Passage]]:
    """Which items is asked and the quoted table row's outcome cell is what the question names ('Đánh giá: Không đạt'
    for 'những chỉ tiêu nào không đạt kế hoạch'): that cell's text and every row of its table with the same, in print
    order (the quoted row among them). Empty when no such cell or no other row."""
    if row.kind != "table" or not asks_which(query.text):
        return "", []
    asked = _words(query.text)
    rows = [p for p in store.section_passages(row) if p.kind == "table" and table_of(p) == table_of(row)]
    cells = {p.id: _word_cells(p.text) for p in rows}
    own = cells.get(row.id, {})
    # the cell of its outcome: the longest word cell of the row the question says ('không đạt' over 'đạt')
    said = sorted(((name, value) for name, value in own.items() if _words(value) in asked),
                  key=lambda c: -len(c[1]))
    if not said:
        return "", []
    name, value = said[0]
    alike = [p for p in rows if _words(cells[p.id].get(name, "")) == _words(value)]
    if len(alike) < 2 or len(alike) > _MOST or len(alike) == len(rows):
        return "", []  # (every row alike: the cell says nothing of which)
    return f"{name}: {value}", alike


def _words(text: str) -> str:
    """Folded words, spaced, a shortfall said either way ('chưa đạt' is the cell's 'Không đạt')."""
    return " " + " ".join("khong" if w == "chua" else w for w in _WORD.findall(fold_ocr(text))) + " "


def _word_cells(text: str) -> dict[str, str]:
    """A row's cells that are words, not figures ('Đánh giá: Không đạt'), by column name."""
    cells = text.split(" > ")[-1]
    out = {}
    for cell in cells.split("; "):
        name, sep, value = cell.rpartition(": ")
        if sep and value.strip() and not any(ch.isdigit() for ch in value) and value.strip() not in "-–":
            out[name.strip()] = value.strip()
    return out


def listed(rows: list[Passage]) -> str:
    """The rows' own labels, for the answer's first line."""
    return "; ".join(label for p in rows if (label := row_label(p.text)))


def as_hits(rows: list[Passage], hit: Hit) -> list[Hit]:
    return [Hit(passage=p, score=hit.score, lexical=0.0, dense=0.0, row=-1) for p in rows]
