"""Which quote answers a change against the same time a year before: not one whose every figure is stated against the
month or quarter before."""
from __future__ import annotations

import re

from tracuu.index.store import Hit
from tracuu.ingest.textnorm import SO_VOI, fold_ocr

from .extract import Evidence
from .query import Query
from .quote_choice import quote_figures
from .weights import EVIDENCE


def baseline_asked_first(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A change against the same time a year before asked ('CPI bình quân 10 tháng ... tăng bao nhiêu so với cùng kỳ'):
    a quote whose every figure is stated against the month or quarter before ('- (*) ... CPI tháng 10/2022 so với tháng
    trước là 100,38', a table's note) yields to one covering the question nearly as well with a figure of another
    baseline or none named (the table's row: 'Chỉ số giá tiêu dùng (CPI) ... 103,46')."""
    if not _SAME_TIME_ASKED.search(fold_ocr(query.text)):
        return best
    figs = quote_figures(best, hits)
    if not figs or not all(_against_before(f) for f in figs):
        return best
    return next((e for e in evidence if e is not best and e.figure and e.coverage >= EVIDENCE.row_restated * best.coverage
                 and any(not f.reference and not _against_before(f) for f in quote_figures(e, hits))), best)


_SAME_TIME_ASKED = re.compile(r"\bcung (?:ky|thoi gian)\b")
# 'so với tháng trước (là)', 'so với quý trước', 'so với kỳ trước', right before or after a figure
_BEFORE = SO_VOI + r"(?:th[a-z]{1,3}ng|qu[a-z]|k[a-z])\s+tr[a-z]{1,3}c\b"
_BEFORE_LEAD = re.compile(_BEFORE + r"\s*(?:la|dat|:)?\s*$")
_BEFORE_AFTER = re.compile(r"\s*%?\s*" + _BEFORE)


def _against_before(f) -> bool:
    """The figure is stated against the month, quarter or period before: its clause says so right before or after it."""
    quote = fold_ocr(f.quote or "")
    if not quote:
        return False
    at = len(fold_ocr((f.quote or "")[:f.start]))
    return bool(_BEFORE_LEAD.search(quote[max(0, at - 40):at]) or _BEFORE_AFTER.match(fold_ocr(f.after or "")))
