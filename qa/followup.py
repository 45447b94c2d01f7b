"""Follow-up questions in a conversation: a turn that names only a period, a province, a breakdown
('trong đó ...') or a comparison inherits the rest from the previous question.

Officials chat: 'thu ngân sách 6 tháng 2023' -> 'còn quý I/2022 thì sao?' -> 'trong đó thu nội địa?'
-> 'so với cùng kỳ?'. Each later turn alone asks nothing; read with the one before, it is a full question.
"""
from __future__ import annotations

import re

from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import province_spans
from tracuu.ingest.textnorm import fold

from .query import parse_query

_LEAD = re.compile(r"^\s*(?:vay\s+|the\s+)?(?:con|va|the con)\b\s*")
_TAIL = re.compile(r"\s*(?:thi sao|the nao|ra sao|nhu the nao|thi the nao|nua)?\s*[?.!]*\s*$")
_BREAKDOWN = re.compile(r"^\s*(?:con\s+)?(?:trong do|rieng|chi tiet)\s+(.+?)\s*[?.!]*\s*$")
_COMPARE = re.compile(r"^\s*(?:con\s+)?(?:so|so sanh)\s+(?:voi\s+)?(cung ky(?: nam truoc)?|nam truoc|ky truoc|thang truoc|quy truoc)\b")


def _spans(folded: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    periods = [(m.start, m.end) for m in find_periods(folded, folded=True)]
    places = [(a, b) for a, b, _ in province_spans(folded)]
    return periods, places


def _replace(text: str, spans: list[tuple[int, int]], new: str) -> str:
    """`text` with the first span replaced by `new` and the others removed; `new` appended if none."""
    if not spans:
        return f"{text.rstrip(' ?.')} {new}"
    out = text
    for i, (a, b) in enumerate(sorted(spans, reverse=True)):
        out = out[:a] + (new if i == len(spans) - 1 else "") + out[b:]
    return " ".join(out.split())


def understand(question: str, previous: str | None) -> str | None:
    """The full question a follow-up stands for, or None when the turn stands alone (or nothing can be
    inherited)."""
    if not previous or not previous.strip():
        return None
    q, prev = question.strip(), previous.strip()
    fq, fp = fold(q), fold(prev)
    if m := _COMPARE.match(fq):
        return f"{prev.rstrip(' ?.')} so với {q[m.start(1):m.end(1)]}"
    periods_p, places_p = _spans(fp)
    period_labels = [m.period.label for m in find_periods(prev) if m.period and not m.comparison]
    place_names = [n for _, _, n in province_spans(fp)]
    if m := _BREAKDOWN.match(fq):  # 'trong đó thu nội địa': the part, in the previous period and place
        part = q[m.start(1):m.end(1)]
        if find_periods(part) or province_spans(fold(part)):
            return None
        return " ".join([part, *period_labels[:1], *place_names[:1]])
    query = parse_query(q)
    rest = _TAIL.sub("", _LEAD.sub("", fold(q)))
    cut = sorted([(m.start, m.end) for m in find_periods(rest, folded=True)] +
                 [(a, b) for a, b, _ in province_spans(rest)], reverse=True)
    for a, b in cut:
        rest = rest[:a] + rest[b:]
    if re.search(r"[a-z]{2,}", rest) or not (query.periods or query.loose or query.provinces):
        return None  # the turn asks something of its own
    out = prev
    new_periods = [m.period.label for m in find_periods(q) if m.period]
    if new_periods:
        out = _replace(out, periods_p, " và ".join(new_periods))
    if query.provinces:
        _, places_now = _spans(fold(out))
        out = _replace(out, places_now, ", ".join(query.provinces))
    return out
