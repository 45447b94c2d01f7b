"""An indicator across every indexed period: one cited figure per period, results and targets apart.

Officials ask 'how has X moved' as often as 'what is X'. Each period is asked on its own (the engine's
period filter keeps a report's figure to its own period), so every row carries its own citation and no
number is computed; a period where nothing answers is listed as missing, not guessed.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import MERGED, successor
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period

from tracuu.index.lexical import token_set

from .answer import Citation
from .coverage import covered, query_weights
from .figures import Figure
from .units import of_asked_province, unit_reports
from .cutoffs import COUNTED_TO
from .query import parse_query

TREND_WORDS = re.compile(r"\b(?:qua cac ky(?: bao cao)?|cac nam|cac ky|xu huong|dien bien|tung ky|qua tung nam|theo thoi gian)\b")


def trend_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` asks for a series ('qua các kỳ', 'diễn biến'), as offsets of its folded form.
    'Điện Biên', the province, folds like 'diễn biến': with accents it is told apart by them, without by a
    'tỉnh' before it or by a period named with its year ('dien bien thu ngan sach 10 thang 2025': a series is
    not asked for one period)."""
    folded = fold(text)
    out = []
    for m in TREND_WORDS.finditer(folded):
        if m.group() == "dien bien":
            printed = text[m.start():m.end()].lower() if len(text) == len(folded) else ""
            if printed.startswith("điện") or printed.isascii() and (
                    re.search(r"\btinh\s*$", folded[:m.start()]) or any(p.period for p in find_periods(text))):
                continue
        out.append(m.span())
    return out


@dataclass
class TrendRow:
    period: Period
    kind: str  # result | target
    figures: list[Figure]
    citation: Citation
    answer: object = None  # the qa.answer.Answer the row comes from (not serialised)

    def to_dict(self) -> dict:
        return {"period": self.period.to_dict(), "kind": self.kind, "figures": [f.to_dict() for f in self.figures],
                "citation": self.citation.to_dict()}


@dataclass
class Trend:
    question: str
    indicator: str
    rows: list[TrendRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    ms: float = 0.0

    def to_dict(self) -> dict:
        return {"question": self.question, "indicator": self.indicator, "rows": [r.to_dict() for r in self.rows],
                "missing": self.missing, "ms": round(self.ms, 1)}


_CUTOFF_DATE = re.compile(r"\b(?:" + COUNTED_TO + r")?\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")


def without_periods(question: str) -> str:
    """The question with its periods and trend words taken out: what is asked of every period."""
    folded = fold(question)
    spans = [(m.start, m.end) for m in find_periods(folded, folded=True)]
    spans += trend_spans(question)  # offsets in the folded form, as find_periods' are
    # 'tính đến 31/01/2023': the date a balance is counted to is the period's point, asked of each period too
    spans += [m.span() for m in _CUTOFF_DATE.finditer(folded)
              if not any(a < m.end() and m.start() < b for a, b in spans)]
    out = question if len(folded) == len(question) else folded
    for a, b in sorted(spans, reverse=True):
        out = out[:a] + " " + out[b:]
    return " ".join(out.split())


CANDIDATES = 60  # passages whose reports' periods are worth asking one by one
MOST_PERIODS = 12  # rows a series asks for at most: the periods the closest passages reach first


def candidate_periods(engine, base: str, vector, periods: list[Period]) -> set[Period] | None:
    """The periods a row could come from: those of the reports (their own and the next period they plan)
    holding one of the passages closest to the question asked without a period, and the periods those
    passages speak of. A period none of them reaches is listed as missing without being asked: with
    hundreds of reports over many periods and provinces, asking every one of them took seconds
    (27 s at 100x the samples) for rows that could not answer; at most MOST_PERIODS of them, those the
    closest passages reach first. None: every period is worth asking."""
    if not base:
        return None
    store = engine.store
    hits = engine.retrieve(base, k=CANDIDATES, vector=vector)
    if len(hits) < CANDIDATES:  # the whole index was within reach
        return None
    rows = set(periods)
    near: dict[Period, None] = {}  # in the order of the passages that reach them
    for h in hits:
        doc = store.doc_by_name.get(h.passage.doc)
        for p in [*((doc.period, doc.next_period) if doc else ()), *(h.passage.mentions or ())]:
            if p in rows:
                near.setdefault(p)
    return set(list(near)[:MOST_PERIODS])


SAME_INDICATOR = 0.5  # share of the best row's question word pairs another row's figure must be stated with


def same_indicator(rows: list[TrendRow], query, store) -> tuple[list[TrendRow], list[TrendRow]]:
    """The rows that speak of the indicator the best-covered row does, and the others. Each period's row is
    the best its report offers, which may be another indicator of the same family ('doanh thu vận tải, kho bãi'
    for 'doanh thu bưu chính'): a row whose figure is stated with less than half the weight of the question's word pairs
    that the best row's holds is of something else, and its period is listed as missing."""
    lexical = store.lexical if store else None
    weights = {t: w for t, w in query_weights(query, lexical).items() if "_" in t}
    if len(rows) < 2 or not weights:
        return rows, []
    repair = lexical.repair if lexical else None
    variants = lexical.variants(list(weights)) if lexical else {}

    def held(row: TrendRow) -> set[str]:
        quote, at = row.citation.quote or row.citation.text, row.figures[0].start
        # the quote up to the end of the figure's sentence: what a figure measures is named before it or beside
        # it ('Tổng kế hoạch vốn đầu tư công ... . Kết quả giải ngân ... 1.158,8 tỷ đồng'), not in a later
        # sentence ('doanh thu vận tải ... 193 tỷ đồng. Dịch vụ bưu chính, viễn thông tiếp tục được cải thiện')
        end = quote.find(". ", at)
        toks = token_set(quote[:end if end >= 0 else len(quote)], repair)
        return {t for t in weights if covered({t: 1.0}, toks, query.aliases, variants, query.short, query.same)}
    have = [held(r) for r in rows]
    # (a series is of results: a plan's row does not set what the results speak of)
    best = max(range(len(rows)), key=lambda i: (rows[i].kind == "result",
                                                 rows[i].answer.confidence or 0.0 if rows[i].answer else 0.0,
                                                 sum(weights[t] for t in have[i])))
    key = have[best]
    need = SAME_INDICATOR * sum(weights[t] for t in key)
    keep = [sum(weights[t] for t in h & key) >= need for h in have]
    return [r for r, k in zip(rows, keep) if k], [r for r, k in zip(rows, keep) if not k]


def trend(engine, question: str, only: set[Period] | None = None) -> Trend:
    """Ask `question` of every period the index covers or plans for (or of those of them in `only`),
    oldest first."""
    from .engine import AskOptions
    t0 = time.perf_counter()
    base = without_periods(question)
    store = engine.store
    query = parse_query(question)
    # a province named: its reports' periods only (the others' would all be listed as missing)
    # (a former province's own report before the 2025 merger is not the merged province's: 'Bình Phước 8 tháng 2024' is
    # no period of Đồng Nai's series)
    docs = [d for d in (store.documents if store else []) if not query.provinces or of_asked_province(query, d)
            and (d.province in query.provinces or not (d.period and d.period.end < MERGED
                                                        and successor(d.province) in query.provinces))]
    if store and (own := unit_reports(query, store)):  # a unit asked ('huyện Krông Pắc'): its own reports' periods
        docs = [d for d in docs if d.doc in own]
    periods = sorted({p for d in docs for p in (d.period, d.next_period) if p and (only is None or p in only)},
                     key=lambda p: (p.year, min(p.months()), max(p.months())))
    out = Trend(question, base)
    # one dense vector for every row: the period filter, not the period's words, picks each row's report
    # (an embedding is most of a row's time: ~0.25 s instead of ~0.8 s for 7 periods on 2 cores)
    vector = engine.query_vector(base) if base else None
    near = candidate_periods(engine, base, vector, periods)
    for p in periods:
        if near is not None and p not in near:  # no report of this period holds a passage near the question
            out.missing.append(p.label)
            continue
        ans = engine.ask(f"{base} {p.label}", AskOptions(k=3, period=p), single=True, vector=vector)
        if not (ans.figures and (ans.answered or ans.plan_only)):  # a plan is a row too, marked as a target
            out.missing.append(p.label)
            continue
        first = ans.figures[0]
        cited = next(c for c in ans.citations if c.n == first.n)
        out.rows.append(TrendRow(p, "target" if first.kind == "target" else "result",
                                 [f for f in ans.figures if f.n == first.n], cited, ans))
    out.rows, dropped = same_indicator(out.rows, parse_query(base or question), store)
    if dropped:  # listed as missing, in time order
        gone = {r.period for r in dropped}
        out.missing = [p.label for p in periods if p.label in out.missing or p in gone]
    if out.rows:
        out.indicator = out.rows[-1].figures[0].indicator or base
    out.ms = (time.perf_counter() - t0) * 1000
    return out
