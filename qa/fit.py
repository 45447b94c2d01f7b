"""Period fit: how a passage's period relates to the asked one, in one place.

Every ranking and answering step that judges periods asks here: whether a passage may answer at all
(`passage_fit`), whether its sentence is another span's figure (`other_span`), whether no report covers
the asked period (`uncovered_period`) and whether only plans speak of it (`only_planned`). The raw
signals (report period, section period, periods the passage names) come from qa.retrieve.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import is_city, successor
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from .glossary import (NOT_COMPILED, WHOLE_PROVINCE, compiled_only, counted_to, cutoff_days, cutoff_months, leading,
                       same_day)
from .lexicon import lexicon
from .query import Intent, Query
from .retrieve import mentioned_periods, passage_periods, period_signals
from .scope import clauses
from .sentence import figure_lead

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


# a report of a unit below the province ('UBND phường Trường Vinh', 'UBND thành phố Móng Cái', 'UBND huyện Cao Lộc')
_SUB_UNIT = re.compile(r"^ubnd (huyen|thi xa|quan|phuong|xa|thi tran|thanh pho) (.+)$")  # folded


def unit_of(doc: str, store: Store) -> str | None:
    """The folded unit below the province that issued `doc` ('phuong truong vinh'); None for a province's report."""
    return _units(store).get(doc)


def _units(store: Store) -> dict[str, str]:
    """Document -> the folded unit below the province that issued it ('phuong truong vinh'), for those that are."""
    try:
        return _units_of(store)
    except TypeError:  # a store that cannot be a cache key: read it each time
        return _read_units(store.documents)


@functools.lru_cache(maxsize=1)  # the store in use: a new one after each ingest
def _units_of(store: Store) -> dict[str, str]:
    return _read_units(store.documents)


# a board of industrial or economic zones reports the zones' figures, not the province's (folded issuer)
_ZONE_BOARD = re.compile(r"^ban quan ly (?:cac )?(khu cong nghiep|khu kinh te)\b")
# how a question names the zones a board reports on: never by a word of their name alone ('công nghiệp')
_ZONE_FORMS = {"khu cong nghiep": ["cac khu cong nghiep", "khu cong nghiep", "kcn"], "khu kinh te": ["khu kinh te", "kkt"]}


def _read_units(documents) -> dict[str, str]:
    units = {}
    for d in documents:
        if m := _ZONE_BOARD.match(fold_ocr(d.issuer or "").strip()):
            units[d.doc] = m.group(1)
        elif (m := _SUB_UNIT.match(fold_ocr(d.issuer or "").strip())) and not (
                m.group(1) == "thanh pho" and m.group(2) == fold_ocr(d.province or "") and is_city(d.province)):
            units[d.doc] = f"{m.group(1)} {m.group(2)}"
    return units


def as_asked_of(query: Query, store: Store) -> Query:
    """The question as this index reads it: a fact asked only of a period plans speak of is a plan's
    (`only_planned`), and a unit's name chooses reports (`without_units`)."""
    if only_planned(query, store):
        query = dataclasses.replace(query, intent=query.intent | Intent.TARGET)
    if not query.provinces and (units := asked_units(query, store)):
        # 'huyện Đức Trọng thu hoạch bao nhiêu tấn rau': a unit is of one province; named, the province chooses
        # the reports and the unit's own report fits best (unit_fit), and its name weighs no passage
        issued = _units(store)
        provinces = {d.province for d in store.documents if d.province and issued.get(d.doc) in units}
        if len(provinces) == 1:
            query = dataclasses.replace(query, provinces=sorted(provinces))
    return without_units(query, store)


def _name_of(unit: str) -> str:
    """'huyen cao loc' -> 'cao loc', 'thanh pho mong cai' -> 'mong cai': the unit's name without its kind."""
    if unit in _ZONE_FORMS:
        return unit
    return unit.split(" ", 2 if unit.startswith(("thi xa", "thi tran", "thanh pho")) else 1)[-1]


def _forms(unit: str) -> list[str]:
    """How a question may name a unit: in full, or, a name of two words or more, by its name alone."""
    if unit in _ZONE_FORMS:
        return _ZONE_FORMS[unit]
    name = _name_of(unit)
    return [unit, name] if " " in name else [unit]


def _named(unit: str, folded: str, forms: list[str] | None = None) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(x)}(?![a-z])", folded) for x in (forms or _forms(unit)))


def asked_units(query: Query, store: Store) -> frozenset[str]:
    """The units below the province, among those that issued an indexed report, that the question names. With
    provinces named, only units of those (Phú Yên's 'huyện Đồng Xuân' is not asked by 'vụ Đông Xuân của tỉnh Bạc
    Liêu': folded, the names are one), and a unit named as its province is ('thành phố Bạc Liêu') only in full:
    'Bạc Liêu' alone is the province asked."""
    units = _units(store)
    folded = fold_ocr(query.text)
    if not (query.provinces and units):
        return _asked(folded, frozenset(units.values()))
    issuers = {d.doc: d for d in store.documents if d.doc in units}
    units = {doc: unit for doc, unit in units.items() if of_asked_province(query, issuers.get(doc))}
    provinces = {fold_ocr(p) for p in query.provinces}
    return frozenset(u for u in _asked(folded, frozenset(units.values()))
                     if _name_of(u) not in provinces or _named_in_full(u, folded))


def unit_reports(query: Query, store: Store) -> set[str]:
    """The reports issued by the units the question asks about ('huyện Krông Pắc'): searched on their own too, as
    a unit's words choose no passage once its province is named."""
    asked = asked_units(query, store)
    return {doc for doc, unit in _units(store).items() if unit in asked} if asked else set()


def _named_in_full(unit: str, folded: str) -> bool:
    """'thành phố Bạc Liêu', 'TP. Bạc Liêu': the unit with its kind."""
    full = [unit] + ([f"tp {_name_of(unit)}"] if unit.startswith("thanh pho ") else [])
    return _named(unit, re.sub(r"\btp\.\s*", "tp ", folded), full)


def of_asked_province(query: Query, doc) -> bool:
    """The report is of a province the question names (or of the one it became, or was, in 2025)."""
    province = doc.province if doc else None
    return province is not None and (province in query.provinces or successor(province) in query.provinces
                                     or any(successor(p) == province for p in query.provinces))


@functools.lru_cache(maxsize=4096)  # read once per question, not once per passage and sentence weighed
def _asked(folded: str, units: frozenset[str]) -> frozenset[str]:
    return frozenset(u for u in units if _named(u, folded))


def without_units(query: Query, store: Store) -> Query:
    """A unit asked that a report was issued by ('huyện Cao Lộc (Lạng Sơn)') chooses reports, as a province does:
    its words are no words of what is asked (a province report's list of districts does not answer for it).
    Without its province named, the unit's name is what finds its report among every province's: kept."""
    return unit_words_out(query, store) if query.provinces else query


def unit_words_out(query: Query, store: Store) -> Query:
    """The question without the names of the units it asks about, for weighing sentences once reports are
    chosen: inside a district's report 'Đức Trọng' says whose report it is, not what is asked ('Số liệu trong
    báo cáo là số liệu của huyện Đức Trọng' names no harvest)."""
    lexical = query.lexical_text
    for unit in asked_units(query, store):
        for x in (unit, _name_of(unit)):
            lexical = re.sub(rf"(?<![a-z]){re.escape(x)}(?![a-z])", " | ", lexical)
    return query if lexical == query.lexical_text else dataclasses.replace(query, lexical_text=lexical)


def unit_fit(query: Query, hit: Hit, store: Store) -> float:
    """A district's, city's or ward's own report answers for it, and the province's reports for the province:
    asked 'phường Trường Vinh thu ngân sách', the ward's report fits and the others fit loosely; asked of the
    province, a ward's report fits loosely ('100% kế hoạch vốn do phường làm chủ đầu tư' is not Nghệ An's)."""
    units = _units(store)
    if not units:
        return 1.0
    asked = asked_units(query, store)
    own = units.get(hit.passage.doc)
    if asked:
        return 1.0 if own in asked else 0.6
    return 0.6 if own else 1.0


def another_unit(query: Query, hit: Hit, sentence: str, store: Store) -> bool:
    """Asked of a unit, a sentence of another report answers only where it names the unit ('huyện Cao Lộc
    thu ...' in the province's report); else its figure is the province's or another unit's. Asked of a
    province by name, a unit's own report answers only where it names the province ('toàn tỉnh đón ...'):
    'Thu ngân sách nhà nước trên địa bàn huyện 26,42 tỷ đồng' is the district's."""
    asked = asked_units(query, store)
    own = _units(store).get(hit.passage.doc)
    folded = fold_ocr(sentence)
    if not asked:
        return bool(own and query.provinces) and not _PROVINCE_SCOPE.search(folded)
    if own in asked:
        return False
    # named as the figure's owner, before it: '... 8 triệu lượt khách; tổ chức sự kiện tại Đồng Hới' is not Đồng Hới's;
    # or before its own clause's figure ('Một số địa phương có giá trị lớn: thành phố Bảo Lộc 4.386,2 tỷ đồng, huyện
    # Đức Trọng 3.124,8 tỷ đồng')
    lead = figure_lead(sentence)
    if any(_named(u, lead if lead is not None else folded) for u in asked):
        return False
    return not any((own_lead := figure_lead(c)) is not None and _named(u, own_lead) for c in clauses(sentence)[1:]
                   for u in asked)


# a unit's report speaking of its province: 'toàn tỉnh', 'trên địa bàn tỉnh', 'của tỉnh', 'tỉnh Cao Bằng'
_PROVINCE_SCOPE = re.compile(rf"{WHOLE_PROVINCE.pattern}|\btinh [a-z]+ [a-z]+")  # or the province by name


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
    doc = store.doc_by_name.get(hit.passage.doc)
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
