"""Where else a claimed value is printed: for another period than the claimed one, another province, another
cut-off date, or any indexed period of the indicator; and whether a report figure's period is the claimed one.
What `qa.claims` weighs a claim's figure against when the report's own figure differs."""
from __future__ import annotations

import re
from dataclasses import replace

from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import province_spans
from tracuu.ingest.textnorm import fold, fold_ocr
from tracuu.ingest.types import Period

from .claim_values import comparable, counterpart, elsewhere, equal, rounds, value
from .claim_words import names_measure
from .aims import aimed
from .figures import Figure, extract
from .fit import ends_at
from .cutoffs import cutoff_months
from .query import parse_query


def printed_for(fig: Figure, claimed, ans, said: set[str], claimed_at: list[Period], asked: list[Period], query,
                 store):
    """(figure, citation): the claimed value as one of the cited passages prints it for another period than the
    claimed one ('tỷ lệ giải ngân cùng kỳ năm 2022 là 648,5 tỷ' in the half-year 2023 report), for what the claim
    measures; None when none does."""
    if not (ans.answered or ans.plan_only) or not claimed_at:
        return None
    for c in ans.citations[:5]:
        own = store.doc_by_name[c.doc].period if c.doc in store.doc_by_name else None
        for f in extract(c.text, c.n, own):
            if not (equal(claimed, value(f)) and comparable(fig, f)):
                continue
            # the period its sentence names before it, read in its report ('cùng kỳ năm 2022' alone: that span)
            lead = c.text[c.text.rfind(". ", 0, f.start) + 1:f.start]
            named = [m for m in find_periods(lead, own=own) if m.period and not m.comparison]
            period = named[-1].period if named else None
            # (a part of the claimed span is another period: 'tháng 8 (từ ngày 15/7 đến ngày 14/8/2026) ... xảy ra 23
            # vụ' beside the 8 months' 176; not when the part is named in a bracket the figure stands after, as in
            # '(quý I tăng 1,15%, quý II ước tăng 3,07%), thấp hơn mức tăng chung của cả nước (3,84%)')
            own_part = bool(named) and ")" not in re.sub(r"\([^()]*\)", " ", lead[named[-1].end:])
            # (nor is a wider span's result holding the claimed one: 'Tính chung 9 tháng năm 2020, GRDP ước tăng 2,31%'
            # beside the third quarter's 1,86% is the nine months'; an aim for the year given to its September is a
            # target passed off as a result, judged elsewhere)
            if period is not None and not any(period.overlaps(p) and not (own_part and _narrower(period, p))
                                              and not (not aimed(f, own) and _narrower(p, period))
                                              for p in claimed_at) \
                    and not holds_claimed(period, claimed_at, asked, query.dated) and names_measure(said, f, store, c.text):
                return replace(f, period=period), c
    return None


def _narrower(period: Period, claimed: Period) -> bool:
    """`period` lies inside the claimed one and is shorter: a month of a running total, a quarter of a year."""
    return claimed.contains(period) and len(period.months()) < len(claimed.months())


def own_figure(fig: Figure, ans, said: set[str], claimed_at: list[Period], asked: list[Period], query, store):
    """(figure, citation): the report's own figure for what the claim measures in the period it names, of the
    same kind and a comparable unit; None when the reports give none for that period."""
    if not (ans.answered or ans.plan_only):
        return None
    # a different figure, the place's own: not one the sentence compares with ('thấp hơn ... các tỉnh lân cận như Bắc
    # Giang (tăng 9,21%)'), unless a plan (the claim may give a plan's figure) nor another province's
    rep = counterpart(fig, [f for f in ans.figures if not equal(value(fig), value(f))
                            and not (f.reference and f.kind != "target") and not elsewhere(f, query.provinces)])
    cited = {c.n: c for c in ans.citations}
    # a different figure is a mismatch only for the period the claim names: 'quý II/2022 ... 2.450 tỷ đồng'
    # is not contradicted by the 2022 plan's 7.850 (no report gives the quarter: not found)
    cite = cited.get(rep.n) if rep is not None else None
    # (or its passage counts to the claimed date: 'Lũy kế đến ngày 09/01/2022 ...' in the 2021 release)
    if rep is None or rep.period is not None and claimed_at and not holds_claimed(rep.period, claimed_at, asked,
                                                                                    query.dated) \
            and not counts_to_claimed(query, cite):
        return None
    return (rep, cite) if names_measure(said, rep, store, quote_of(cite)) else None


def holds_claimed(period: Period, claimed_at: list[Period], asked: list[Period], dated: list[Period]) -> bool:
    """A report figure's period is the one the claim names: the same, one ending at the claimed date, or, when
    the claim names only a date ('đến 15/3/2022'), a report's period holding it."""
    return period in claimed_at or ends_at(period, dated) or asked == [] and any(period.contains(d) for d in claimed_at)


def other_place(engine, claim: str, question: str, fig: Figure, claimed, claimed_at: list[Period], asked: list[Period], query,
                 said: set[str], read: dict):
    """(figure, citation, province) where the claimed value is a report's for what the claim measures and the
    period it names, but of another province than the one it names ('tỉnh Cao Bằng có 405 hợp tác xã' where the
    405 is Lạng Sơn's): a figure credited to the wrong place is real, not absent. The question is asked again
    with its place names left out."""
    from .engine import AskOptions
    if not query.provinces:
        return None
    folded = fold(question)
    bare = question
    for a, b, _ in sorted(province_spans(folded), reverse=True):
        bare = bare[:a] + bare[b:]
    if ("ask", bare) not in read:
        read["ask", bare] = engine.ask(bare, AskOptions(k=5, dates_apart=True), single=True)
    ans = read["ask", bare]
    if not ans.answered:
        return None
    cited = {c.n: c for c in ans.citations}
    store = engine.store
    for f in ans.figures:
        cite = cited.get(f.n)
        doc = store.doc_by_name.get(cite.doc) if cite is not None else None
        if doc is None or not doc.province or doc.province in query.provinces:
            continue
        if (equal(claimed, value(f)) or rounds(fig, claim, claimed, value(f))) and comparable(fig, f) \
                and names_measure(said, f, store, quote_of(cite)) and (
                not claimed_at or f.period is None or holds_claimed(f.period, claimed_at, asked, query.dated)
                or counts_to_claimed(query, cite)):
            return f, cite, doc.province
    return None


def counts_to_claimed(query, cite) -> bool:
    """The cited passage counts to the date the claim names ('Lũy kế đến ngày 09/01/2022 ...' in the 2021 release,
    written days after its year): its figures are that date's, whatever the report's own period."""
    return cite is not None and bool(query.cutoffs & cutoff_months(fold_ocr(cite.text)))


def quote_of(cite) -> str:
    return cite.quote if cite is not None else ""


def cutoff_apart(query, rep: Figure, claimed_at: list[Period]):
    """The month the report's figure is counted to ('đến hết tháng 01/2023'), when the claim names another
    cut-off for it, or a whole period it ends inside ('cả năm 2025' for 'lũy kế đến ngày 30/11/2025'); None when
    the report names none or they agree."""
    theirs = parse_query(rep.head or rep.context).dated
    if not theirs:
        return None
    if query.dated:
        return theirs[0] if not set(theirs) & set(query.dated) else None
    inside = [p for p in claimed_at if any(p.contains(t) for t in theirs)]
    return theirs[0] if inside and all(t.end != p.end for p in inside for t in theirs) else None


def printed_elsewhere(across, fig: Figure, claimed: tuple[float, str], claimed_at: list[Period], foreign=lambda f: False):
    """(figure, citation, period, the figures quoted with it) where a report states the claimed value for
    this indicator in any indexed period: `across` is the indicator asked of every period (qa.trend.Trend),
    each row's quoted figures compared."""
    found = []
    for row in across.rows:
        for f in row.answer.figures:
            if equal(claimed, value(f)) and comparable(fig, f) and not foreign(f):
                cite = next((c for c in row.answer.citations if c.n == f.n), row.citation)
                found.append((f, cite, f.period or row.period, row.answer.figures))
                break
    # a value printed for several periods (9.000 ha: the 2022 plan and the 2023 plan) is judged by the one
    # sharing months with the claimed period, if any
    return next((x for x in found if x[2] is not None and any(x[2].overlaps(c) for c in claimed_at)),
                found[0] if found else None)
