"""Claim check: every figure a reporter's sentence states, compared with what the reports say.

Built on the answer pipeline: the claim is asked as a question (its indicator, period and place; a
sentence that leaves them out takes them from the paragraph before it), and the figures of the cited
quote are compared with the claim's by value, not by string (`1.158,8` = `1158.8`, `10,9 nghìn tỷ` ~
`10.902 tỷ`, `giảm` is a negative change). A `match` needs the engine to have answered for the claim's
indicator and period, so digits alone never confirm a claim.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from tracuu.ingest.periods import find_periods
from tracuu.ingest.types import Period
from tracuu.ingest.places import find_provinces
from tracuu.ingest.textnorm import fold

from .answer import Citation
from .sentence import sentences
from .query import parse_query
from .aims import aimed
from .figures import Figure, extract
from .cutoffs import COUNTED_DATE
from .answering import held
from .claim_values import baseline_rival, comparable, elsewhere, names_nation, equal, hedge_side, hedged, index_readings, periods_printing, readings, rounds, value
from .fit import ends_at
from .scope import former_areas
from .claim_words import better_fit, claim_words, measure_words, names_measure, rarest
from .claim_sources import counts_to_claimed, cutoff_apart, holds_claimed, other_place, own_figure, printed_elsewhere, printed_for, quote_of

ORDER = ["mismatch", "other_period", "not_found", "rounded", "match"]  # worst first
MAX_CLAIM_CHARS = 5000


class ClaimError(ValueError):
    """A text that cannot be checked (empty, too long, no figure); the message says why."""


@dataclass
class ClaimResult:
    claim: str
    figure: str  # as written in the text
    verdict: str
    reported: Figure | None = None
    citation: Citation | None = None
    explanation: str = ""

    def to_dict(self) -> dict:
        return {"claim": self.claim, "figure": self.figure, "verdict": self.verdict,
                "reported": self.reported.to_dict() if self.reported else None,
                "citation": self.citation.to_dict() if self.citation else None, "explanation": self.explanation}


@dataclass
class CheckResult:
    text: str
    verdict: str
    claims: list[ClaimResult] = field(default_factory=list)
    id: str | None = None
    ms: float = 0.0

    def to_dict(self) -> dict:
        d = {"text": self.text, "verdict": self.verdict, "claims": [c.to_dict() for c in self.claims],
             "ms": round(self.ms, 1)}
        return {"id": self.id, **d} if self.id is not None else d


def check(engine, text: str, id: str | None = None) -> CheckResult:
    t0 = time.perf_counter()
    text = (text or "").strip()
    if not text:
        raise ClaimError("the text is empty: paste a sentence with a figure")
    if len(text) > MAX_CLAIM_CHARS:
        raise ClaimError(f"the text is {len(text)} characters long; the limit is {MAX_CLAIM_CHARS}")
    results: list[ClaimResult] = []
    context = ""
    read: dict = {}  # this text's answers and trends by question: a sentence's figures share them
    for sent in sentences(text):
        # a claim's '09 trường học' is what it states; a sentence framed as a plan ('Kế hoạch năm 2022, tỉnh đặt chỉ
        # tiêu ... 9.000 ha, nâng tỷ lệ che phủ rừng lên 63,8%') states every figure of it as an aim
        figs = extract(sent, small=True, target=bool(_PLAN_FRAME.search(fold(sent))))
        own_period = any(m.period for m in find_periods(sent))
        question = sent if own_period or not context else f"{sent} {context}"
        context = _context(sent) or context
        for fig in figs:
            results.append(judge(engine, sent, question, fig, read))
    if not results:
        raise ClaimError("no figure found in the text: a claim states a number (e.g. '1.158,8 tỷ đồng', '6,67%')")
    verdict = min((r.verdict for r in results), key=ORDER.index)
    return CheckResult(text, verdict, results, id, (time.perf_counter() - t0) * 1000)


_PLAN_FRAME = re.compile(r"^\s*(?:theo\s+)?(?:ke hoach|muc tieu|chi tieu)\s+(?:nam|ca nam|den nam|giai doan)\b"
                         r"|\b(?:dat|de ra|giao)\s+(?:muc tieu|chi tieu)\b")


def _context(sentence: str) -> str:
    """The period and place a sentence names, for the sentences after it that leave them out."""
    periods = [m.period.label for m in find_periods(sentence) if m.period and not m.comparison][:1]
    # or the date it counts to ('Tính đến ngày 15/3/2022, lũy kế ... Tổng vốn đăng ký của các doanh nghiệp này ...')
    dates = [] if periods else [m.group() for m in COUNTED_DATE.finditer(fold(sentence))][:1]
    return " ".join(periods + dates + find_provinces(sentence)[:1])




def judge(engine, claim: str, question: str, fig: Figure, read: dict | None = None) -> ClaimResult:
    from .engine import AskOptions
    read = {} if read is None else read
    if ("ask", question) not in read:
        read["ask", question] = engine.ask(question, AskOptions(k=5, dates_apart=True), single=True)
    ans = read["ask", question]
    fig = readings(fig, ans.figures)  # '11,600 người' in English notation, where the report prints 11.600
    claimed = value(fig)
    asked = [m.period for m in find_periods(question) if m.period and not m.comparison]
    query = parse_query(question)
    # 'Đến 31/01/2025, ... đạt 58.150 tỷ đồng': a balance at a date is that month's
    claimed_at = asked + [d for d in query.dated if d not in asked]
    said, named = measure_words(fig, query), claim_words(query)
    # (a value the report compares with, the whole country's, confirms only a claim about the whole country)
    nation = names_nation(fold(claim))

    def part(f: Figure) -> bool:
        # (a former province's cell of a merged one's table, 'Tiền Giang (cũ): 3.712,4', is a part of the province's
        # total, unless the claim is of that former province)
        return bool(f.header) and bool(former := former_areas(f.header)) and not set(former) & set(query.as_it_was)

    def foreign(f: Figure) -> bool:
        return elsewhere(f, query.provinces) and not nation or part(f)
    if ans.answered or ans.plan_only:  # a plan's figure is the report's too: a claim may pass it off as a result
        quoted = [r for f in ans.figures if not part(f) for r in index_readings(f)]
        same = [f for f in quoted if equal(claimed, value(f)) and comparable(fig, f)
                and not foreign(f)]
        cited = {c.n: c for c in ans.citations}
        if same and same[0].period is not None and claimed_at and same[0].period not in claimed_at \
                and not ends_at(same[0].period, query.dated) and not counts_to_claimed(query, cited.get(same[0].n)):
            # the value is the report's, but for another period: judged below (other_period); a plan of a period
            # holding the claimed one, passed off as its result ('đón 8 triệu lượt' in 11 months, where 8.000 nghìn
            # is the year's plan beside 7.685,3 done), is judged so before any rounding of the result
            planned = [f for f in same if _aimed(f, cited.get(f.n)) and fig.kind != "target" and f.period is not None
                       and any(f.period.contains(c) for c in claimed_at) and not _AIM_WORDS.search(fold(claim))
                       and not _estimate(f) and not hedged(fig, claim)]
            # (a hedged claim, 'gần 108 tỷ USD', equal to the year's plan beside the result it rounds: judged a rounding)
            same = []
            if planned:
                return _plan_as_result(claim, fig, planned[0], cited.get(planned[0].n), planned[0].period)
        if same and (at := cutoff_apart(query, same[0], claimed_at)):
            # 'đến hết tháng 2/2023 ... đạt 45 tỷ đồng' where the report's 45 is 'đến hết tháng 01/2023'
            rep = same[0]
            return ClaimResult(claim, fig.value, "other_period", rep, cited.get(rep.n),
                               f"Số liệu {rep.value} có trong báo cáo nhưng là số tính đến {at.label}, "
                               f"không phải thời điểm nêu trong câu.")
        if same and (other := baseline_rival(fig, same[0], quoted)) is not None:
            return ClaimResult(claim, fig.value, "mismatch", other, cited.get(other.n),
                               f"Báo cáo ghi {other.value}{other.unit or ''} so với {_baseline_text(other)}; "
                               f"{same[0].value}{same[0].unit or ''} là so với {_baseline_text(same[0])}.")
        if same and not _former_part(query, same[0]) and (other := better_fit(said, named, same[0], quoted, engine.store,
                                                                               quote_of(cited.get(same[0].n)))) is not None:
            # the digits are the report's, but for another indicator of the same sentence ('xuất khẩu ...
            # 150 triệu USD' where 150 is the imports and the exports are 100)
            return _another_indicator(claim, fig, same[0], other, cited.get(other.n))
        if same and _opposite_hedges(fig, claim, same[0], quote_of(cited.get(same[0].n))):
            rep = same[0]  # 'hơn 1.500 doanh nghiệp' where the report says 'gần 1.500': the other side of it
            return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                               f"Báo cáo ghi {_hedge_word(rep, quote_of(cited.get(rep.n)))} {rep.value}"
                               f"{' ' + rep.unit if rep.unit and rep.unit != '%' else rep.unit or ''}, "
                               f"câu nêu {_hedge_word(fig, claim)} {fig.value}.")
        if same and _flow_for_total(fig, same[0]):
            same = []  # 'lũy kế đã thu nhận 5.919' where 5.919 is 'trong tháng': the month's, not the running total
        if same and not names_measure(said, same[0], engine.store, quote_of(cited.get(same[0].n))):
            same = []  # equal digits under words that name nothing the claim measures: no confirmation
        if same:
            rep = same[0]
            aimed = _aimed(rep, cited.get(rep.n))
            # a figure aimed only by its later period ('năm 2026 ... 8.000 hộ' in a January report) is what
            # a claim naming that period says too: no target passed off as a result
            if aimed and rep.kind != "target" and rep.period in claimed_at:
                aimed = fig.kind == "target"
            # a hedged claim ('gần 108 tỷ USD') equal to the plan beside the result it rounds (107.846,2 triệu USD,
            # 'bằng 99,9% kế hoạch năm (108.000 triệu USD)') states the result, rounded
            near = next((f for f in quoted if f is not rep and f.kind == fig.kind and not _aimed(f, cited.get(f.n))
                         and rounds(fig, claim, claimed, value(f)) and comparable(fig, f)), None) \
                if aimed != (fig.kind == "target") and hedged(fig, claim) else None
            if near is not None:
                return ClaimResult(claim, fig.value, "rounded", near, cited.get(near.n),
                                   f"Số liệu đã làm tròn; báo cáo ghi {near.value}{' ' + near.unit if near.unit else ''}.")
            if aimed != (fig.kind == "target"):
                return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                                   f"Báo cáo nêu {rep.value} là {'mục tiêu, kế hoạch' if aimed else 'kết quả thực hiện'}, "
                                   f"không phải {'mục tiêu' if fig.kind == 'target' else 'kết quả'}.")
            return ClaimResult(claim, fig.value, "match", rep, cited.get(rep.n),
                               f"Khớp với báo cáo: {rep.value}{' ' + rep.unit if rep.unit else ''}.")
        unlike = [f for f in quoted if equal(claimed, value(f)) and not comparable(fig, f)]
        if unlike:  # the digits are there, as another kind of figure: 'bằng 37,6% cùng kỳ' is no rise of 37,6%
            rep = unlike[0]
            return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                               f"Báo cáo có {rep.value}{' ' + rep.unit if rep.unit else ''} nhưng là "
                               f"{_NATURE.get(rep.kind, rep.kind)}, không phải {_NATURE.get(fig.kind, fig.kind)}.")
        # the same digits in another unit or scale: '12%' for 'tăng gần 12 điểm', '68.108 tỷ' for '68.108 triệu'
        apart = [f for f in quoted if f.number == fig.number and f.unit and fig.unit and not equal(claimed, value(f))]
        if apart:
            rep = apart[0]
            return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                               f"Báo cáo ghi {rep.value} {rep.unit}, không phải {fig.value} {fig.unit} (khác đơn vị).")
        # (rounded only from a figure that could be the claimed one: of the place and the period (or one holding it: a
        # share of the year's plan) the claim names; not a quarter's sector growth for the year's GRDP)
        near = [f for f in quoted if rounds(fig, claim, claimed, value(f)) and comparable(fig, f) and not foreign(f)
                and (f.period is None or not claimed_at or any(f.period.contains(c) for c in claimed_at)
                     or ends_at(f.period, query.dated) or counts_to_claimed(query, cited.get(f.n)))]
        if near:
            rep = near[0]
            return ClaimResult(claim, fig.value, "rounded", rep, cited.get(rep.n),
                               f"Số liệu đã làm tròn; báo cáo ghi {rep.value}{' ' + rep.unit if rep.unit else ''}.")
    # a real figure of another period (or the same period's, which the first reading missed)
    other = None
    # asking every period costs an answer each: ask only those whose passages print the claimed value
    # (and the acronyms of what it spells out: 'căn cước công dân' is printed 'CCCD')
    periods = periods_printing(engine.store, claimed[0], rarest(said, engine.store) + sorted(query.short))
    if periods is None or periods:
        key = ("trend", question, None if periods is None else frozenset(periods))
        if key not in read:
            from .trend import trend
            read[key] = trend(engine, question, only=periods)
        other = printed_elsewhere(read[key], fig, claimed, claimed_at, foreign)
    if other is not None:
        rep, cite, period, row = other
        # a wider period's figure is not the asked one's; a figure 'đến 15/3/2022' is that of a report holding the date
        if not claimed_at or period is not None and holds_claimed(period, claimed_at, asked, query.dated):
            if (rival := better_fit(said, named, rep, row, engine.store, quote_of(cite))) is not None:
                return _another_indicator(claim, fig, rep, rival, cite)
            if _aimed(rep, cite) == (fig.kind == "target") and names_measure(said, rep, engine.store, quote_of(cite)) \
                    and not _flow_for_total(fig, rep):
                return ClaimResult(claim, fig.value, "match", rep, cite, f"Khớp với báo cáo: {rep.value}.")
        elif period is not None and _aimed(rep, cite) and fig.kind != "target" and not _AIM_WORDS.search(fold(claim)) \
                and (rep.kind == "target" or cite is None or cite.period is None or period.year <= cite.period.year + 1):
            # 'trồng mới được 9.000 ha' in 6 tháng 2023 where 9.000 ha is the year's plan and the half year's result
            # is 6.500 ha: a target passed off as a result (so is a plan for the claimed period or part of it);
            # where the claim gives a report's plan for the next period to the report's own period, which has no
            # figure of its own for it ('năm 2021 ... 96,2%': the 2021 release's 2022 plan), the figure is real
            # but another period's
            estimate = _estimate(rep)
            if not estimate and (any(period.overlaps(c) for c in claimed_at) or cite is None
                                 or cite.period not in claimed_at
                                 or own_figure(fig, ans, said, claimed_at, asked, query, engine.store) is not None):
                return _plan_as_result(claim, fig, rep, cite, period)
            what = "số ước thực hiện" if estimate else "mục tiêu, kế hoạch"
            return ClaimResult(claim, fig.value, "other_period", rep, cite,
                               f"Số liệu {rep.value} có trong báo cáo nhưng là {what} {period.label}, "
                               f"không phải kết quả của kỳ nêu trong câu.")
        elif period is not None:
            return ClaimResult(claim, fig.value, "other_period", rep, cite,
                               f"Số liệu {rep.value} có trong báo cáo nhưng thuộc kỳ {period.label}, không phải kỳ nêu trong câu.")
    if (other := printed_for(fig, claimed, ans, said, claimed_at, asked, query, engine.store)) is not None:
        rep, cite = other  # 'cùng kỳ năm 2022 là 648,5 tỷ' beside this year's 1.158,8: last year's figure, not a wrong one
        return ClaimResult(claim, fig.value, "other_period", rep, cite,
                           f"Số liệu {rep.value} có trong báo cáo nhưng thuộc kỳ {rep.period.label}, không phải kỳ nêu "
                           f"trong câu.")
    if (own := own_figure(fig, ans, said, claimed_at, asked, query, engine.store)) is not None:
        rep, cite = own
        return ClaimResult(claim, fig.value, "mismatch", rep, cite,
                           f"Báo cáo ghi {_stated(rep)}{' ' + rep.unit if rep.unit else ''}, không phải {_stated(fig)}"
                           f"{' ' + fig.unit if fig.unit else ''}.")
    if (placed := other_place(engine, claim, question, fig, claimed, claimed_at, asked, query, said, read)) is not None:
        rep, cite, province = placed
        named = ", ".join(query.provinces)
        if any(d.province in query.provinces for d in engine.store.documents):
            return ClaimResult(claim, fig.value, "other_period", rep, cite,
                               f"Số liệu {rep.value} có trong báo cáo nhưng là của {province}, không phải của {named}.")
        # no report of the place named is indexed: nothing says what its figure is, but the reporter learns whose this is
        return ClaimResult(claim, fig.value, "not_found", rep, cite,
                           f"Chưa có báo cáo nào của {named} được nạp; số liệu {rep.value} trong các báo cáo là của "
                           f"{province}.")
    # (the periods of the province named, where the index holds it: every province's would run to dozens)
    return ClaimResult(claim, fig.value, "not_found", None, None,
                       f"Không báo cáo nào đã nạp nêu chỉ tiêu này cho kỳ và địa phương được nhắc (các kỳ hiện có"
                       f"{held(query, engine.store)}).")


# a running total, and a period's own flow ('trong tháng', 'trong quý'), as a claim or a figure's own clause says
_RUNNING = re.compile(r"\b(?:luy ke|cong don|tu dau nam)\b")
_FLOW = re.compile(r"\btrong (?:thang|quy|ky|tuan)\b")


def _former_part(query, rep: Figure) -> bool:
    """The report's figure is the part of a merged province the claim names ('khu vực Hà Nam (cũ)' of Ninh Bình's
    export, 'trong đó khu vực Hà Nam (cũ) 5.846,2 triệu USD'): no other figure of the sentence fits it better."""
    return rep.part_of is not None and bool(query.former) and bool(set(find_provinces(rep.own or rep.head)) & set(query.former))


def _hedge_word(fig: Figure, text: str) -> str:
    m = hedged(fig, text)  # (folding keeps a Vietnamese text's length: the match's span is the printed word's)
    return text[m.start():m.end()].strip() if m else ""


def _opposite_hedges(fig: Figure, claim: str, rep: Figure, quote: str) -> bool:
    """The claim and the report put the same value on opposite sides: 'hơn 1.500' against 'gần 1.500'."""
    return hedge_side(hedged(fig, claim)) * hedge_side(hedged(rep, quote)) < 0


def _flow_for_total(claimed: Figure, f: Figure) -> bool:
    """The claim's own clause calls its figure a running total ('lũy kế đã thu nhận 5.919') where the report's
    own clause gives it as the period's flow ('trong tháng đã thu nhận 5.919'): not the figure the claim says."""
    def own(x: Figure) -> str:
        return re.split(r"[,;]", fold(x.head or ""))[-1]
    return bool(_RUNNING.search(own(claimed))) and not _RUNNING.search(own(f)) and bool(_FLOW.search(own(f)))


def _baseline_text(f: Figure) -> str:
    """A share's or change's baseline as printed after it ('dự toán HĐND huyện giao')."""
    tail = f.quote[f.start + len(f.value):f.start + len(f.value) + 60].lstrip(" %")
    return re.sub(r"^(?:so\s+)?với\s+", "", re.split(r"[,;.()]", tail)[0].strip())


def _stated(f: Figure) -> str:
    """A figure as the explanation says it: a change with its direction ('tăng 15', 'giảm 15')."""
    return f"{'giảm' if f.number < 0 else 'tăng'} {f.value}" if f.kind == "change" and f.number else f.value


def _plan_as_result(claim: str, fig: Figure, rep: Figure, cite, period: Period) -> ClaimResult:
    """A plan's figure passed off as the result: a mismatch, the plan's period named."""
    return ClaimResult(claim, fig.value, "mismatch", rep, cite,
                       f"Báo cáo nêu {rep.value} là mục tiêu, kế hoạch {period.label}, không phải kết quả thực hiện.")


# a claim that speaks of an aim itself ('kế hoạch năm 2023 là 9.000 ha' said of another year) is no result
_AIM_WORDS = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|phan dau|du kien|du toan|kich ban)\b")


def _another_indicator(claim: str, fig: Figure, rep: Figure, rival: Figure, cite) -> ClaimResult:
    return ClaimResult(claim, fig.value, "mismatch", rival, cite,
                       f"Báo cáo ghi {rival.value}{' ' + rival.unit if rival.unit else ''} cho chỉ tiêu này; "
                       f"{rep.value} là của chỉ tiêu khác ({rep.indicator}).")


_NATURE = {"result": "kết quả thực hiện", "target": "mục tiêu, kế hoạch", "change": "mức tăng/giảm so với kỳ gốc",
           "share": "tỷ lệ so với kế hoạch hoặc kỳ gốc"}


def _estimate(reported: Figure) -> bool:
    """The report estimates the figure's period ahead ('Sở Tài chính ước tổng thu ... năm 2021 đạt 9.150.000' in a
    9 months' report, a column 'Ước thực hiện năm'), naming no plan: that period's own figure, so a claim giving it to
    a part of the period names another period, where a plan's figure given as a result is a wrong one."""
    words = fold(f"{reported.header or ''} {reported.head or ''}")
    return bool(re.search(r"\buoc\b", words)) and not _AIM_WORDS.search(words)


def _aimed(reported: Figure, cite) -> bool:
    return aimed(reported, cite.period if cite is not None else None)


