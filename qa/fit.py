"""Period fit: how a passage's period relates to the asked one, in one place.

Every ranking and answering step that judges periods asks here: whether a passage may answer at all
(`passage_fit`), whether its sentence is another span's figure (`other_span`), whether no report covers
the asked period (`uncovered_period`) and whether only plans speak of it (`only_planned`). The raw
signals (report period, section period, periods the passage names) come from qa.retrieve.
"""
from __future__ import annotations

import dataclasses
import re

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from .cutoffs import counted_to, cutoff_days, cutoff_months, same_day
from .glossary import DAYS, FEW, NOT_COMPILED, compiled_only, leading
from .lexicon import lexicon
from .query import Intent, Query
from .retrieve import mentioned_periods, passage_periods, period_signals
from .units import asked_units, unit_fit, unit_of, without_units

# a value in brackets right after a period: '... so với thực hiện năm 2022 (18.220 tỷ đồng)', 'so với quý I
# (giảm 7,95%)': that period's own figure, given as a baseline
_BRACKETED_VALUE = re.compile(r"\s*\(\s*[^()\d]{0,15}\d")


def states_baseline_value(query: Query, sentence: str, default_year: int | None = None) -> bool:
    """The sentence gives the asked period's value as a baseline in brackets: it answers for that period. Not a
    plan's value ('bằng 78,4% kế hoạch năm 2024 (18.650 triệu USD)'): that is the year's aim, no result of it."""
    folded = fold_ocr(sentence)
    mentions = [m for m in find_periods(folded, default_year, folded=True) if m.period]
    # ('Lũy kế 10 tháng năm 2025 ... so với cùng kỳ năm 2024 (cùng kỳ đạt 5.074,8 tỷ đồng)': the same span of that year)
    spans = {(m.period.kind, m.period.index) for m in mentions if m.period.kind != "year"}
    return any((m.period in query.periods or m.period.kind == "year" and re.search(r"cung ky\s*$", folded[:m.start])
                and any(a.year == m.period.year and (a.kind, a.index) in spans for a in query.periods))
               and _BRACKETED_VALUE.match(folded, m.end)
               and not _PLAN_OF.search(folded[max(0, m.start - 24):m.end])  # (the mention may hold 'kế hoạch')
               and not _PLANS_YEAR.search(folded, max(0, m.start - 30), m.start)  # ('kế hoạch vốn năm 2023 (4.246,8')
               for m in mentions)


_PLAN_OF = re.compile(rf"\b{lexicon().alternation('plan_nouns')}\b(?:\s+(?:duoc\s+)?giao)?\s*(?:ca\s+)?n[a-z]{{0,2}}m\s+\d{{4}}$")


def only_planned(query: Query, store: Store) -> bool:
    """A question for a fact (not a figure) whose every asked period is one that reports only plan for
    ('6 tháng cuối năm 2023 ... khởi công xong khi nào' when the half-year report's tasks part is all
    there is) is about those plans, however it is worded. A figure asked for such a period stays a
    results question ranked as such; if a plan still answers it, the header says it is a target."""
    if query.wants_target or query.wants_figure or not query.periods:
        return False
    return all(not _results_cover(a, store.documents) and any(d.next_period == a for d in store.documents)
               for a in query.periods)


def only_plans_cover(query: Query, store: Store, province: str | None) -> bool:
    """Every asked period is one no report of the place gives results for (none covers it), while
    some report plans for it or for part of it: a figure found for it can only be an aim. Unlike
    `only_planned` (facts), this judges figures, per place, and a plan overlapping the period counts."""
    docs = [d for d in store.documents if not province or d.province == province]
    return all(not _results_cover(a, docs)
               and any(d.next_period and (d.next_period.contains(a) or a.contains(d.next_period)) for d in docs)
               for a in query.periods)


def results_missing(query: Query, own: Period | None) -> bool:
    """Every asked period ends after the report's own (`own`): the aim it quotes for it is a plan's figure
    ('Kế hoạch năm 2026' in a 2025 table; 'phấn đấu tốc độ tăng GRDP quý II đạt 10,5%' in a quý I report), and a
    result another report of the place gave would have outranked an aim, so none is there to give (even where
    a half-year report covers the quarter but does not state the indicator). A resolution's look back at the
    year before is no plan."""
    return own is not None and all(a.end > own.end for a in query.periods)


def _results_cover(asked: Period, docs) -> bool:
    """Some report's own period holds the asked one (`contains` includes equality)."""
    return any(d.period and d.period.contains(asked) for d in docs)


def as_asked_of(query: Query, store: Store) -> Query:
    """The question as this index reads it: a fact asked only of a period plans speak of is a plan's
    (`only_planned`), and a unit's name chooses reports (`without_units`)."""
    if only_planned(query, store):
        query = dataclasses.replace(query, intent=query.intent | Intent.TARGET)
    if not query.provinces and (units := asked_units(query, store)):
        # 'huyện Đức Trọng thu hoạch bao nhiêu tấn rau': a unit is of one province; named, the province chooses
        # the reports and the unit's own report fits best (unit_fit), and its name weighs no passage
        provinces = {d.province for d in store.documents if d.province and unit_of(d.doc, store) in units}
        if len(provinces) == 1:
            query = dataclasses.replace(query, provinces=sorted(provinces))
    return without_units(query, store)


def passage_fit(query: Query, hit: Hit, store: Store) -> float:
    """How well a passage's period fits the asked one: 1 exactly (its report, section or own
    words), 0.6 loosely (a containing or contained period), 0 not at all (it may not answer);
    a report of another unit than the one asked fits loosely at best (unit_fit)."""
    fit = _period_fit(query, hit, store)
    return fit * unit_fit(query, hit, store) if fit > 0 else fit


def _period_fit(query: Query, hit: Hit, store: Store) -> float:
    sig = period_signals(query, hit, store)
    if sig.get("province"):  # another province's report never answers for the one asked about
        return 0.0
    doc = store.doc_by_name.get(hit.passage.doc)
    sec = hit.passage.period
    if not query.periods and not query.loose:
        # 'đến 23/3/2022' with no period: a report that neither ends at the date nor names it fits loosely, and so
        # does its plans part for what comes after the date ('lao động đến 30/9/2025' in a 9-month report: not
        # its quý IV target)
        after = bool(query.dated and sec and doc and sec != doc.period and not query.wants_target
                     and (sec.year, sec.months()[0]) > max(d.end for d in query.dated))
        return 0.6 if query.dated and (not sig["report"] and sig["mention"] < 1.0 or after) else 1.0
    # a section of another period than its report's (the tasks part plans the next one) speaks of
    # that period: the report's own period says nothing about what was achieved in it, only about
    # what the report planned ('theo báo cáo 6 tháng, ... phấn đấu khởi công khi nào')
    if doc and _holiday_fits(query, doc.period, f"{hit.passage.section} {hit.passage.text}"):
        return 1.0
    own = sig["report"] if query.wants_target or not (doc and sec and sec != doc.period) else 0.0
    best = max(own, sig["section"], sig["mention"])
    return 1.0 if best >= 1.0 else 0.6 if best > 0 else (0.0 if query.periods else 0.6)


def other_span(query: Query, hit: Hit, sentence: str, store: Store) -> bool:
    """A figure from a report (or section) of another span than the asked one, in a sentence that
    does not name the asked period, is that span's figure: a half-year report's tourist count is no
    answer for February, nor January's report's revenue one for quý I (a plan may still answer
    for a year it lies in: target questions are exempt from the narrower case)."""
    if not query.wants_figure:
        return False
    if not query.periods:
        # (a target asked for a day the sentence aims at: 'phấn đấu ... đến ngày 31/12/2027 giải ngân đạt trên 95%' in
        # May's report)
        aimed = query.wants_target and same_day(cutoff_days(fold_ocr(sentence)), query.cutoff_days)
        return bool(query.dated) and not aimed and _far_from_dates(query, hit, store)
    if DAYS.search(fold_ocr(leading(_ITEM.sub("", sentence)))) and not _DAYS_ASKED.search(fold_ocr(query.text)):
        # 'Tổng mức bán lẻ ... trong 09 ngày Tết ước đạt 812,3 tỷ đồng' in February's report: a few days' figure, no
        # month's, quarter's or year's (unless those days are asked: 'trong 9 ngày nghỉ Tết')
        return True
    doc = store.doc_by_name.get(hit.passage.doc)
    if doc and _holiday_fits(query, doc.period, sentence):
        return False
    holders = [p for p in (doc.period if doc else None, hit.passage.period) if p]
    # 'vốn năm 2025 đến hết ngày 31/10/2025': the cut-off date asked is where the report's span ends, so the
    # year named is the plan's, and this report holds the asked state
    if any(ends_at(p, query.dated) for p in holders):
        return False
    if query.dated and not query.wants_target and not query.dates_apart and holders \
            and not _counts_to_asked(query, sentence, doc.period if doc else None):
        # a result counted to a date is the state at that date ('vốn kế hoạch năm 2026 giải ngân đến hết tháng 1'):
        # a report or section ending elsewhere holds it only where the sentence counts to that date or names its month
        return True
    if query.dated and holders and _counts_to_asked(query, sentence, doc.period if doc else None):
        return False  # ('năm 2025 đến 31/5' asked: 'Tính đến ngày 31/5/2025, giải ngân được ...' is that state)
    if not holders or any(p == a for p in holders for a in query.periods):
        return False
    wider = any(p.contains(a) and a not in query.weak for p in holders for a in query.periods)  # ('đầu năm 2022': loosely)
    narrower = not query.wants_target and all(any(a.contains(p) and a not in query.weak for a in query.periods)
                                              for p in holders)
    # neither holds the other: January 2023's report states 'ước thực hiện tháng 01 là 418,1 tỷ đồng' beside
    # a sentence naming 'dự toán ngân sách năm 2022'; the figure is January's, not the year's
    apart = not query.wants_target and all(not p.contains(a) and not a.contains(p) and a not in query.weak
                                           for p in holders for a in query.periods)
    if not (wider or narrower or apart):
        return False
    default = doc.period if doc else None
    # 'Ước kết quả giải ngân kế hoạch vốn năm 2023 đến hết tháng 01/2023 là 45 tỷ đồng' in January's report, for the
    # whole of 2023: the year named is the plan's, the figure the state at a month end before the asked span's
    if narrower and not query.dated and not query.dates_apart and (cut := counted_to(fold_ocr(leading(sentence)))) \
            and all(c < a.end for c in cut for a in query.periods):
        return True
    if _names_asked(query, sentence, default):
        return False
    # a footnote details the sentence carrying its mark: 'Hoàn thành công tác tuyển quân năm 2023⁵' names the
    # period of '⁵ Toàn tỉnh có 1.460 công dân nhập ngũ'
    if hit.passage.kind == "footnote" and hit.passage.marked_by and _names_asked(query, hit.passage.marked_by, default):
        return False
    # a continuation ('Trong đó, ...', 'Cùng kỳ, ...') speaks of the period its previous sentence names
    at = hit.passage.text.find(sentence[:40])
    before = [x for x in _SENTENCE_END.split(hit.passage.text[:at]) if x.strip()] if at > 0 else []
    return not (before and _CONTINUATION.match(fold_ocr(sentence)) and _names_asked(query, before[-1], default))


def _holiday_fits(query: Query, own: Period | None, text: str) -> bool:
    """A holiday asked by its year ('trong 9 ngày nghỉ Tết Giáp Thìn 2024', 'dịp Tết Nguyên đán năm 2024'): the year
    names which holiday, so a report of part of that year speaking of the holiday holds it (February's report's 'Trong
    09 ngày nghỉ Tết, toàn tỉnh đón khoảng 58.600 lượt khách'), and no plan for the whole year answers instead."""
    return bool(own and query.periods and all(a.kind == "year" and a.contains(own) for a in query.periods)
                and _HOLIDAY.search(fold_ocr(query.text)) and _HOLIDAY.search(fold_ocr(text)))


_HOLIDAY = re.compile(r"\b(?:tet nguyen dan|(?:dip|ky nghi|ngay nghi|nghi)\s+(?:le|tet)|tet\s+(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+[a-z]+)\b")


_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+")  # an item's number ('2. Thương mại: ...'), which `leading` would cut at
# a span of days is `glossary.DAYS` ('trong 09 ngày Tết', 'suốt 5 ngày nghỉ lễ'; not 'dịp Tết', the occasion of a month's
# aid) ... and days or a holiday asked ('9 ngay tet binh ngo', 'dịp Tết', 'nghỉ lễ'): then the days' figure is the answer
_DAYS_ASKED = re.compile(rf"\b{FEW}\s+ngay\b|\btet\b|\bnghi le\b")
# a quote's last sentence before it, and a sentence that continues the one before it
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
_CONTINUATION = re.compile(r"\W*(?:trong do|cung ky|cung thoi gian|tuong tu|rieng|bao gom|gom)\b")


_PLANS_YEAR = re.compile(rf"\b{lexicon().alternation('plan_nouns')}\b(?:\s+[a-z]+){{0,2}}\s+$")


def _names_asked(query: Query, sentence: str, default: Period | None) -> bool:
    """The sentence names an asked period, or gives its value as a baseline in brackets."""
    if NOT_COMPILED.search(folded := fold_ocr(sentence)):  # ('Quý II không tính riêng GRDP' names no figure's period)
        sentence = compiled_only(folded, find_periods(folded, default.year if default else None, folded=True))
    named = mentioned_periods(sentence, default)
    return any(a in named for a in query.periods) or states_baseline_value(
        query, sentence, default.year if default else None)


def _far_from_dates(query: Query, hit: Hit, store: Store) -> bool:
    """Only a date asked ('tỷ lệ giải ngân ... tính đến 30/11/2023'): a report (and section) of a span that begins after
    it, or ends more than two months before it, holds no state at that date ('đạt 70,33%' in 2025's report)."""
    doc = store.doc_by_name.get(hit.passage.doc)
    holders = [p for p in (doc.period if doc else None, hit.passage.period) if p]
    dates = [d.end[0] * 12 + d.end[1] for d in query.dated]
    return bool(holders) and all(p.year * 12 + p.months()[0] > max(dates) or p.end[0] * 12 + p.end[1] < min(dates) - 2
                                 for p in holders)


def _counts_to_asked(query: Query, sentence: str, default: Period | None) -> bool:
    """The quote's first sentence (its figure leads) counts to the asked date or names a span ending at it."""
    first = leading(sentence)
    if cutoff_months(fold_ocr(first)) & query.cutoffs:
        return True
    return any(ends_at(p, query.dated) for p in mentioned_periods(first, default))


def ends_at(period: Period, dated: list[Period]) -> bool:
    """A span ending in the month of a cut-off date named ('đến cuối tháng 6/2023' is where '6 tháng đầu
    năm 2023' ends): the same state, counted to the same day."""
    return any(period.end == d.end for d in dated)


def uncovered_period(query: Query, hits: list[Hit], store: Store) -> Period | None:
    """The asked period, when no indexed report, section or top passage speaks of it.

    A sub-year period needs a report or section of exactly that period (or one containing it),
    or a passage naming it; a whole year is also answered by a section of plans for it,
    but not by one quarter's results (a quarter's export figure is no year's figure).
    """
    for asked in query.periods:
        held = [d.period for d in store.documents if d.period] + [h.passage.period for h in hits if h.passage.period]
        if any(p == asked or p.contains(asked) for p in held):
            continue
        named = any(asked in passage_periods(h.passage, store.doc_by_name[h.passage.doc].period)
                    for h in hits)
        if named:
            continue
        if asked.kind == "year" and any(
                h.passage.period and asked.contains(h.passage.period)
                and store.doc_by_name[h.passage.doc].next_period == h.passage.period for h in hits):
            continue  # targets/tasks section planned within that year
        return asked
    return None


def report_year(hit: Hit, store: Store) -> int | None:
    doc = store.doc_by_name.get(hit.passage.doc)
    return doc.period.year if doc and doc.period else None
