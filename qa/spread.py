"""Questions over several periods: side by side ('năm 2021 và tháng 1/2023', 'so sánh ... với cùng kỳ'),
across every period ('qua các kỳ', 'xu hướng'), and open ones ('khách du lịch': the latest result first).

Each period is asked on its own and quoted from its own report; nothing is computed between them.
"""
from __future__ import annotations

import re

from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period

from .answer import Answer
from .combine import combine
from .query import Query
from .trend import trend, trend_spans, without_periods

_COMPARE = re.compile(r"\b(?:so sanh|so voi|doi chieu)\b")
_JOIN = re.compile(r"\b(?:va|voi|cung|,)\b|,")


def side_by_side(query: Query) -> list[Period]:
    """Periods to answer each on its own line: two or more that do not overlap, joined by 'và'/'với',
    or a comparison's baseline ('so sánh ... 6 tháng 2023 với cùng kỳ năm 2022' -> 6 tháng đầu năm 2022)."""
    folded = fold(query.text)
    periods = list(query.periods)
    if _COMPARE.search(folded) and re.search(r"\bso sanh|doi chieu\b", folded) and periods:
        own = periods[0]
        for m in find_periods(folded, folded=True, own=own):  # 'cùng kỳ năm 2022' -> own span in 2022
            if m.period and m.period not in periods:
                base = m.period if m.period.kind != "year" or own.kind == "year" else Period(own.kind, m.period.year, own.index)
                if base not in periods:
                    periods.append(base)
    if len(periods) < 2 or not _JOIN.search(folded):
        return []
    if any(a.overlaps(b) for i, a in enumerate(periods) for b in periods[i + 1:]) \
            and not _asked_apart(folded) and not _compared_with_period(folded):
        return []  # 'năm 2023 ... đến tháng 01/2023': one figure, not two
    return periods


# 'so với (số liệu) tháng 1/2023': another period named as what is compared with (a plan is no period to
# answer on its own line: 'so với kế hoạch năm 2023' asks a share)
_VERSUS_PERIOD = re.compile(r"\bso (?:voi|sanh voi)\s+(?:(?:so lieu|con so|ket qua|muc|thoi diem)\s+)?")


def _compared_with_period(folded: str) -> bool:
    """'đàn trâu 6 tháng 2023 so với tháng 1/2023': two periods compared are two figures, even when one holds
    the other."""
    starts = {m.start for m in find_periods(folded, folded=True) if m.period}
    return any(m.end() in starts for m in _VERSUS_PERIOD.finditer(folded))


_ASKS = re.compile(r"\b(?:bao nhieu|may)\b")


def _asked_apart(folded: str) -> bool:
    """Each of two periods has its own question ('quý III tăng bao nhiêu, tính chung 9 tháng tăng bao nhiêu'):
    a quarter and its running total are two figures, even though one holds the other."""
    asks = list(_ASKS.finditer(folded))
    if len(asks) < 2:
        return False
    cut = asks[0].end()
    # (the second may leave its year to the first: 'tính chung 9 tháng')
    return bool(find_periods(folded[:cut], folded=True)) and bool(find_periods(folded[cut:], folded=True))


def per_period(engine, question: str, periods: list[Period], ask) -> Answer | None:
    """A line per named period, each from its own report; None when fewer than two answer."""
    base = without_periods(question)
    parts, missing = [], []
    for p in periods:
        ans = ask(f"{base} {p.label}")
        (parts.append((p.label, ans)) if ans.answered else missing.append(p.label))
    if len(parts) < 2:
        return None
    note = f"(Không tìm thấy số liệu cho: {', '.join(missing)}.)" if missing else None
    return combine(question, parts, note)


def wants_trend(query: Query) -> bool:
    return bool(trend_spans(query.text))


def open_period(query: Query) -> bool:
    """A figure asked with no period at all: the latest result answers, the others under it."""
    return query.asks_quantity and not (query.periods or query.loose or query.dated)


def over_time(engine, question: str, latest_first: bool) -> Answer | None:
    """Every period that answers, a line each (results, then targets marked as such); None when fewer
    than two periods answer, so the plain answer stands."""
    t = trend(engine, question)
    if len(t.rows) < 2:
        return None
    rows = sorted(t.rows, key=lambda r: (r.kind != "result", 0), reverse=False)
    results = [r for r in rows if r.kind == "result"]
    targets = [r for r in rows if r.kind == "target"]
    if latest_first:
        results = results[::-1]
    parts = [(r.period.label if r.kind == "result" else f"{r.period.label} (mục tiêu, kế hoạch)", r.answer)
             for r in results + targets]
    note = f"(Không có số liệu cho: {', '.join(t.missing)}.)" if t.missing else None
    ans = combine(question, parts, note, brief=True)
    ans.trend = t
    return ans
