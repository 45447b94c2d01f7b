"""Rank passages for a question: lexical first, dense as a tie-breaker, then the period.

Measured on this corpus: lexical BM25 alone beats dense multilingual-e5-small on OCR text, and
most misses are the same indicator in another period's report, so the period signals are strong.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from tracuu.index.backend import Store
from tracuu.index.store import Filters, Hit
from tracuu.ingest.periods import spoken_periods
from tracuu.ingest.places import MERGED, printed_provinces, successor
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Passage, Period
from tracuu.memo import kept

from .cutoffs import cutoff_months
from .parts import table_of, total_row
from .query import Query
from .weights import Weights


def relation(asked: Period, held: Period | None) -> float:
    """1 same period, 0.6 the holder contains it (a month of a quarter), 0.4 it contains the holder."""
    if held is None:
        return 0.0
    if asked == held:
        return 1.0
    if held.contains(asked):
        return 0.6
    if asked.contains(held):
        return 0.4
    return 0.0


def loose_relation(loose: tuple[str, int | None], held: Period | None) -> float:
    return 1.0 if held is not None and (held.kind, held.index) == loose else 0.0


@kept(100_000)
def mentioned_periods(text: str, own: Period | None) -> frozenset[Period]:
    """Periods a sentence of a report of period `own` speaks of (`ingest.periods.spoken_periods`)."""
    return frozenset(spoken_periods(text, own))


def passage_periods(passage: Passage, own: Period | None) -> frozenset[Period]:
    """The periods a passage speaks of: stored at ingest, read again only for an index written before."""
    return frozenset(passage.mentions) if passage.mentions is not None else mentioned_periods(passage.text, own)


_YEARISH = re.compile(r"(?=((?:19|20)\d\d))")  # overlapping: every place a year could start


@kept(100_000)
def _years_in(text: str) -> frozenset[int]:
    """Every year find_periods could read in `text` (a superset: any 19xx/20xx digit run of the folded text)."""
    return frozenset(int(m.group(1)) for m in _YEARISH.finditer(fold_ocr(text)))


def period_signals(query: Query, hit: Hit, store: Store) -> dict[str, float]:
    doc = store.doc_by_name.get(hit.passage.doc)
    doc_period = doc.period if doc else None
    sec = hit.passage.period
    out = {"report": 0.0, "section": 0.0, "mention": 0.0}
    default_year = doc_period.year if doc_period else None
    for asked in query.periods:
        out["report"] = max(out["report"], relation(asked, doc_period))
        out["section"] = max(out["section"], relation(asked, sec))
        # a mention's year is one written in the passage or the report's own: when neither can be the
        # asked year, the passage cannot name the asked period and the full period parse is skipped
        if asked.year != default_year and asked.year not in _years_in(hit.passage.text):
            continue
        named = passage_periods(hit.passage, doc_period)
        if asked in named:
            out["mention"] = 1.0
    for loose in query.loose:
        out["report"] = max(out["report"], loose_relation(loose, doc_period))
        out["section"] = max(out["section"], loose_relation(loose, sec))
    if query.dated and query.cutoffs & cutoff_months(fold_ocr(hit.passage.text)):
        out["mention"] = 1.0  # the passage counts to the date asked ('đến hết ngày 31/10/2025')
    for month in query.dated:  # 'đến 31/01/2023': the report of January 2023 holds that state
        if doc_period is None:
            continue
        # 'đến 31/3/2022' is the state quý I/2022's report ends with; 'đến 09/01/2022' one that the
        # 2021 annual report, written days after its period, still gives
        last = Period("month", doc_period.year, doc_period.months()[-1])
        if last == month:
            out["report"] = max(out["report"], 1.0)
        elif (last.year * 12 + last.index) + 1 == month.year * 12 + month.index:
            out["report"] = max(out["report"], 0.6)
    # a report's tasks part plans its next period: it answers 'mục tiêu ...', not 'what was achieved'
    if doc and doc.plans(sec):
        # ('kế hoạch 2022 thu ngân sách': the plan's figure too; not 'kế hoạch sử dụng đất' in a list asked)
        if query.wants_target or query.asks_plan and query.wants_figure:
            # the plans of the asked period, not of any period: with many years indexed, every year's
            # tasks part says 'tỷ lệ che phủ rừng đạt ...' in the same words
            out["target"] = 1.0 if not query.periods else max(relation(a, sec) for a in query.periods)
        elif query.wants_figure and not query.asks_plan:  # a plan's figure is no result (unless the plan is
            out["section"] *= 0.5  # asked: 'dự toán tổng chi năm 2022'); its list of events may be what is asked
    elif query.wants_target and doc and doc.next_period in query.periods and out["mention"]:
        # a page with no plans part planning the period asked ('Bế mạc kỳ họp ...: thông qua nghị quyết về kế hoạch
        # năm 2024', posted in December 2023): its passage naming that period states the plan
        out["target"] = 1.0
    elif query.wants_target and doc:
        # what a report achieved is not what a plan aims at: its results part counts half for 'mục tiêu'
        out["report"] *= 0.5
        out["section"] *= 0.5
    # another province's report, or one of no province (a region's bulletin), unless this passage speaks of the one asked
    if query.provinces and doc and doc.province not in query.provinces \
            and not set(query.provinces) & set(printed_provinces(f"{hit.passage.section} {hit.passage.text}")):
        out["province"] = -1.0
    return out


_NAMES_MERGER = re.compile(r"\b(?:hop nhat|sap nhap)\b|\bcu\b(?!\s+the)")  # not 'cụ thể'


@lru_cache(maxsize=4096)
def _title_provinces(title: str) -> frozenset[str]:
    return frozenset(printed_provinces(title))


def _after_merger(query: Query) -> bool:
    """The question asks of a time after the 2025 merger, or names a province as the former one ('Kon Tum cũ')."""
    return any(p.end >= MERGED for p in [*query.periods, *query.dated]) \
        or bool(_NAMES_MERGER.search(fold_ocr(query.text)))


def candidates(store: Store, query: Query, qvec: np.ndarray | None, k: int,
               filters: Filters | None, w: Weights) -> list[Hit]:
    """The best passages overall, plus the best of the asked period's and the named province's reports:
    with many reports, copies of one indicator sentence from other years and provinces can fill the
    overall pool before the period signals ever see it."""
    text = query.search_text
    if query.former and _after_merger(query):
        # a former province asked as such ('Bến Tre cũ') after the merger: in its successor's reports its name is what
        # tells its lines apart ('- Khu vực Bến Tre (cũ): 1.732,6'), the one word of the question they print
        text = " ".join([text, *(p for p in query.former if successor(p) not in (None, p))])
    hits = store.search(text, qvec, k=k, filters=filters, pool=w.pool)
    docs = filters.docs if filters else None
    since: set[str] = set()
    if query.provinces:
        # a province merged in 2025: the reports of the one it merged into, from then on, speak of its area too
        merged = {successor(p) for p in query.provinces} - {None} if _after_merger(query) else set()
        since = {d.doc for d in store.documents if d.province in merged and d.period and d.period.end >= MERGED}
        # (an article on two provinces, 'Bắc Giang - Bắc Ninh: ...', is the second's report too)
        own = since | {d.doc for d in store.documents if d.province in query.provinces
                       or set(query.provinces) & _title_provinces(d.title or "")}
        docs = (own & docs if docs is not None else own) or docs
    scopes = [Filters(docs=docs, period=filters.period if filters else None)] if docs and query.provinces else []
    if since := (since & docs if docs is not None else since):
        # the reports of the province it merged into, on their own: the former area's line ('khu vực tỉnh Quảng Nam
        # (cũ) thu 21.486,5 tỷ đồng') is one short passage among every report of the former province
        scopes.append(Filters(docs=since, period=filters.period if filters else None))
    if not (filters and filters.period):
        # a date counted to ('đến hết tháng 1' of a year asked) is a period too: its month's reports hold it
        scopes += [Filters(docs=docs, period=p) for p in [*query.periods[:2], *[d for d in query.dated[:1]
                                                                              if d not in query.periods]]]
    if docs and query.provinces and not (filters and filters.period):
        # a period no report of the asked province covers ('riêng tháng 3' of a quarterly release) is a line inside
        # the shortest report that holds it: its passages are searched as the asked period's are
        held = {d.period for d in store.documents if d.doc in docs and d.period}
        for a in query.periods[:1]:
            wider = sorted((p for p in held if p != a and p.contains(a)), key=lambda p: len(p.months()))
            if a not in held and wider:
                scopes.append(Filters(docs=docs, period=wider[0]))
    seen = {h.row for h in hits}
    for scoped in scopes:
        best = store.search(text, qvec, k=k, filters=scoped, pool=w.period_pool)
        # (besides the scope's best, as many again spread over its reports, when one report holds most of them)
        crowded = max(Counter(h.passage.doc for h in best).values(), default=0) > 2 * w.per_report
        spread = _per_report(store.search(text, qvec, k=k, filters=scoped, pool=3 * w.period_pool), w) if crowded else []
        for h in [*best, *spread]:
            if h.row not in seen:
                seen.add(h.row)
                hits.append(h)
    return hits


def _per_report(hits: list[Hit], w: Weights) -> list[Hit]:
    """The best `period_pool` of a scope's candidates by lexical score (as the store orders them) with no more than
    `per_report` of one report: its other reports' sentences get in beside one table's many rows. `hits` is the
    scope's search with a pool three times as large."""
    out: list[Hit] = []
    count: dict[str, int] = {}
    for h in hits:
        if len(out) == w.period_pool:
            break
        if count.get(h.passage.doc, 0) < w.per_report:
            count[h.passage.doc] = count.get(h.passage.doc, 0) + 1
            out.append(h)
    return out


def rank(store: Store, query: Query, qvec: np.ndarray | None, k: int,
         filters: Filters | None = None, w: Weights = Weights()) -> list[Hit]:
    hits = candidates(store, query, qvec, k, filters, w)
    if not hits:
        return []
    lex_max = max(h.lexical for h in hits) or 1.0
    dense = np.array([h.dense for h in hits])
    lo, hi = (float(dense.min()), float(dense.max())) if len(dense) else (0.0, 1.0)
    span = (hi - lo) or 1.0
    # a part of a year no report covers ('6 tháng đầu năm 2022' when the 2023 half-year report is
    # indexed) is only spoken of inside reports ('cùng kỳ năm 2022'): naming it is the period signal
    held = [d.period for d in store.documents if d.period]
    mention_w = w.mention + w.report_period if any(
        a.kind != "year" and not any(p.contains(a) for p in held) for a in query.periods) else w.mention
    for h in hits:
        sig = period_signals(query, h, store)
        lexn = h.lexical / lex_max
        densen = (h.dense - lo) / span if qvec is not None else 0.0
        h.score = lexn + w.dense * densen + w.report_period * sig["report"] \
            + w.section_period * sig["section"] + mention_w * sig["mention"] + w.target * sig.get("target", 0.0) \
            + w.province * sig.get("province", 0.0)
        h.why = {"lexical": round(lexn, 3), "dense": round(densen, 3), **sig}
    hits.sort(key=lambda h: -h.score)
    if query.provinces:  # another province's report never answers: the named province's passages first
        hits.sort(key=lambda h: h.why.get("province", 0.0) < 0)
    return _few_rows(_totals_first(_collapse_copies(hits)))


def _totals_first(hits: list[Hit]) -> list[Hit]:
    """A table's total row ('Tổng cộng', 'Toàn tỉnh') goes first of its rows: the parts' rows (boards, districts) share
    the question's words by their names ('Ban QLDA đầu tư xây dựng ...' for 'vốn đầu tư công') and would stand in."""
    totals: dict[tuple, Hit] = {}
    for h in hits:
        if total_row(h.passage):
            totals.setdefault(table_of(h.passage), h)
    ordered, placed = [], set()
    for h in hits:
        if h.row in placed:
            continue
        if h.passage.kind == "table" and (total := totals.get(table_of(h.passage))) is not None and total.row not in placed:
            placed.add(total.row)
            ordered.append(total)
        if h.row not in placed:
            placed.add(h.row)
            ordered.append(h)
    return ordered


def _few_rows(hits: list[Hit], keep: int = 3, room: int = 10) -> list[Hit]:
    """At most `keep` rows of one table among the first `room` hits (the ten an answer reads): a table of the sites or
    districts ('Khu du lịch Tràng An | 1.486,2 | ...' and eight more), or one whose caption names the indicator ('Kết
    quả thu ngân sách nhà nước 10 tháng năm 2023'), repeats the question's words in every row and would crowd out the
    sentence stating the total ('Tổng lượt khách 6 tháng ...: 5.312,6 nghìn lượt'); the rows move after it."""
    seen: dict[tuple, int] = {}
    head, deferred = [], []
    for h in hits:
        key = (h.passage.doc, h.passage.section) if h.passage.kind == "table" else None
        if key is not None:
            seen[key] = seen.get(key, 0) + 1
        (deferred if key is not None and seen[key] > keep and len(head) < room else head).append(h)
    return head[:room] + deferred + head[room:]


def _collapse_copies(hits: list[Hit]) -> list[Hit]:
    """One hit per passage text. Reports repeat whole passages (each month's tasks restate the year's
    targets), and k copies of one sentence would push every other report out of the answer's reach;
    the best-scored copy stays, and says how many it stands for."""
    kept: dict[str, Hit] = {}
    for h in hits:
        key = _copy_key(h.passage.text)
        first = kept.setdefault(key, h)
        if first is not h:
            first.why["copies"] = first.why.get("copies", 0) + 1
    return list(kept.values())


@lru_cache(maxsize=100_000)
def _copy_key(text: str) -> str:
    """A passage's text with its spacing evened out: copies differ in line breaks only (once per passage)."""
    return " ".join(text.split())
