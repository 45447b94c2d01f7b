"""Claim check: every figure a reporter's sentence states, compared with what the reports say.

Built on the answer pipeline: the claim is asked as a question (its indicator, period and place; a
sentence that leaves them out takes them from the paragraph before it), and the figures of the cited
quote are compared with the claim's by value, not by string (`1.158,8` = `1158.8`, `10,9 nghìn tỷ` ~
`10.902 tỷ`, `giảm` is a negative change). A `match` needs the engine to have answered for the claim's
indicator and period, so digits alone never confirm a claim.
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import find_provinces
from tracuu.ingest.textnorm import fold

from .answer import Citation
from .extract import sentences
from .query import parse_query
from .lexicon import lexicon
from .figures import HOW_WORDS, Figure, aimed, extract, parse_number, scaled
from .weights import CLAIMS

ORDER = ["mismatch", "other_period", "not_found", "rounded", "match"]  # worst first
_HEDGE = re.compile(r"\b(?:gan|khoang|hon|tren|xap xi|chung|gan nhu|duoi|it nhat|toi)\s*$")
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
        figs = extract(sent)
        own_period = any(m.period for m in find_periods(sent))
        question = sent if own_period or not context else f"{sent} {context}"
        context = _context(sent) or context
        for fig in figs:
            results.append(judge(engine, sent, question, fig, read))
    if not results:
        raise ClaimError("no figure found in the text: a claim states a number (e.g. '1.158,8 tỷ đồng', '6,67%')")
    verdict = min((r.verdict for r in results), key=ORDER.index)
    return CheckResult(text, verdict, results, id, (time.perf_counter() - t0) * 1000)


def _context(sentence: str) -> str:
    """The period and place a sentence names, for the sentences after it that leave them out."""
    periods = [m.period.label for m in find_periods(sentence) if m.period and not m.comparison][:1]
    return " ".join(periods + find_provinces(sentence)[:1])


def judge(engine, claim: str, question: str, fig: Figure, read: dict | None = None) -> ClaimResult:
    from .engine import AskOptions
    read = {} if read is None else read
    if ("ask", question) not in read:
        read["ask", question] = engine.ask(question, AskOptions(k=5), single=True)
    ans = read["ask", question]
    claimed = _value(fig)
    asked = [m.period for m in find_periods(question) if m.period and not m.comparison]
    query = parse_query(question)
    # 'Đến 31/01/2025, ... đạt 58.150 tỷ đồng': a balance at a date is that month's
    claimed_at = asked + [d for d in query.dated if d not in asked]
    said, claim_words = _measure_words(fig, query), _claim_words(query)
    if ans.answered or ans.plan_only:  # a plan's figure is the report's too: a claim may pass it off as a result
        quoted = [f for f in ans.figures]
        same = [f for f in quoted if _equal(claimed, _value(f)) and _comparable(fig, f)]
        cited = {c.n: c for c in ans.citations}
        if same and same[0].period is not None and claimed_at and same[0].period not in claimed_at:
            same = []  # the value is the report's, but for another period: judged below (other_period)
        if same and (other := _better_fit(said, claim_words, same[0], quoted, engine.store)) is not None:
            # the digits are the report's, but for another indicator of the same sentence ('xuất khẩu ...
            # 150 triệu USD' where 150 is the imports and the exports are 100)
            return _another_indicator(claim, fig, same[0], other, cited.get(other.n))
        if same:
            rep = same[0]
            aimed = _aimed(rep, cited.get(rep.n))
            # a figure aimed only by its later period ('năm 2026 ... 8.000 hộ' in a January report) is what
            # a claim naming that period says too: no target passed off as a result
            if aimed and rep.kind != "target" and rep.period in claimed_at:
                aimed = fig.kind == "target"
            if aimed != (fig.kind == "target"):
                return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                                   f"Báo cáo nêu {rep.value} là {'mục tiêu, kế hoạch' if aimed else 'kết quả thực hiện'}, "
                                   f"không phải {'mục tiêu' if fig.kind == 'target' else 'kết quả'}.")
            return ClaimResult(claim, fig.value, "match", rep, cited.get(rep.n),
                               f"Khớp với báo cáo: {rep.value}{' ' + rep.unit if rep.unit else ''}.")
        unlike = [f for f in quoted if _equal(claimed, _value(f)) and not _comparable(fig, f)]
        if unlike:  # the digits are there, as another kind of figure: 'bằng 37,6% cùng kỳ' is no rise of 37,6%
            rep = unlike[0]
            return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                               f"Báo cáo có {rep.value}{' ' + rep.unit if rep.unit else ''} nhưng là "
                               f"{_NATURE.get(rep.kind, rep.kind)}, không phải {_NATURE.get(fig.kind, fig.kind)}.")
        near = [f for f in quoted if _rounds(fig, claim, claimed, _value(f)) and _comparable(fig, f)]
        if near:
            rep = near[0]
            return ClaimResult(claim, fig.value, "rounded", rep, cited.get(rep.n),
                               f"Số liệu đã làm tròn; báo cáo ghi {rep.value}{' ' + rep.unit if rep.unit else ''}.")
    # a real figure of another period (or the same period's, which the first reading missed)
    other = None
    # asking every period costs an answer each: ask only those whose passages print the claimed value
    periods = periods_printing(engine.store, claimed[0], _rarest(said, engine.store))
    if periods is None or periods:
        key = ("trend", question, None if periods is None else frozenset(periods))
        if key not in read:
            from .trend import trend
            read[key] = trend(engine, question, only=periods)
        other = _elsewhere(read[key], fig, claimed)
    if other is not None:
        rep, cite, period, row = other
        # a wider period's figure is not the asked one's; a figure 'đến 15/3/2022' is that of a report holding the date
        if not claimed_at or period is not None and (period in claimed_at or asked == [] and any(
                period.contains(d) for d in claimed_at)):
            if (rival := _better_fit(said, claim_words, rep, row, engine.store)) is not None:
                return _another_indicator(claim, fig, rep, rival, cite)
            if _aimed(rep, cite) == (fig.kind == "target"):
                return ClaimResult(claim, fig.value, "match", rep, cite, f"Khớp với báo cáo: {rep.value}.")
        elif period is not None:
            return ClaimResult(claim, fig.value, "other_period", rep, cite,
                               f"Số liệu {rep.value} có trong báo cáo nhưng thuộc kỳ {period.label}, không phải kỳ nêu trong câu.")
    if ans.answered or ans.plan_only:
        rep = _counterpart(fig, ans.figures)
        if rep is not None:
            cited = {c.n: c for c in ans.citations}
            return ClaimResult(claim, fig.value, "mismatch", rep, cited.get(rep.n),
                               f"Báo cáo ghi {rep.value}{' ' + rep.unit if rep.unit else ''}, không phải {fig.value}"
                               f"{' ' + fig.unit if fig.unit else ''}.")
    periods = ", ".join(p.label for p in engine.periods())
    return ClaimResult(claim, fig.value, "not_found", None, None,
                       f"Không báo cáo nào đã nạp nêu chỉ tiêu này cho kỳ và địa phương được nhắc (các kỳ hiện có: {periods}).")


def _another_indicator(claim: str, fig: Figure, rep: Figure, rival: Figure, cite) -> ClaimResult:
    return ClaimResult(claim, fig.value, "mismatch", rival, cite,
                       f"Báo cáo ghi {rival.value}{' ' + rival.unit if rival.unit else ''} cho chỉ tiêu này; "
                       f"{rep.value} là của chỉ tiêu khác ({rep.indicator}).")


_NATURE = {"result": "kết quả thực hiện", "target": "mục tiêu, kế hoạch", "change": "mức tăng/giảm so với kỳ gốc",
           "share": "tỷ lệ so với kế hoạch hoặc kỳ gốc"}


def _comparable(claimed: Figure, reported: Figure) -> bool:
    """Figures of the same nature: 'tăng 27,9%' (a change) is not 'đạt 27,9% dự toán' (a share of a plan),
    nor 'bằng 37,6% cùng kỳ' (a share of a baseline); a result and a target are judged apart."""
    # a rise against a share is the confusion reporters make; 'đạt 6,67% (mục tiêu ...)' read as a share
    # still answers 'đạt 6,67%' (a result), and an aim may be an amount or a growth rate
    return {claimed.kind, reported.kind} != {"change", "share"}


def _aimed(reported: Figure, cite) -> bool:
    return aimed(reported, cite.period if cite is not None else None)


def _value(f: Figure) -> tuple[float, str]:
    return scaled(f.number, f.unit)


def _equal(a: tuple[float, str], b: tuple[float, str]) -> bool:
    return _units_agree(a[1], b[1]) and math.isclose(a[0], b[0], rel_tol=1e-9, abs_tol=1e-9)


def _units_agree(a: str, b: str) -> bool:
    return not a or not b or a == b


def _rounds(fig: Figure, claim: str, claimed: tuple[float, str], reported: tuple[float, str]) -> bool:
    """The claim is the report's figure rounded: within half a unit of the claim's last printed digit
    (scaled); when hedged, within 2%, or on the side the hedge names ('hơn 130' for 135, 'gần 11 nghìn
    tỷ' for 10.902 tỷ) within one unit of that digit and 5%. 'hơn 130' is never 128."""
    if not _units_agree(claimed[1], reported[1]) or reported[0] == 0 or (claimed[0] < 0) != (reported[0] < 0):
        return False
    gap = reported[0] - claimed[0]
    if gap == 0:
        return False
    before = fold(claim[:max(0, claim.find(fig.value))])
    hedge = _HEDGE.search(before.rstrip())
    word = hedge.group(0).strip() if hedge else ""
    side = 1 if word in ("hon", "tren", "it nhat") else -1 if word in ("gan", "duoi", "gan nhu") else 0
    if side and gap * side < 0:
        return False
    scale = claimed[0] / fig.number if fig.number else 1
    if abs(gap) < 10 ** -_decimals(fig.value) * scale / 2 - 1e-9:
        return True  # '10,9 nghìn tỷ' for 10.902 tỷ: the last printed digit rounded (a half is no rounding: 98 is not 97,5)
    if not hedge:
        return False  # '4.300 tỷ' unhedged states 4.300, not about 4.300
    unit = _last_digit_unit(fig.value) * scale
    return abs(gap) <= unit / 2 + 1e-9 or abs(gap) / abs(reported[0]) <= CLAIMS.hedged \
        or (side != 0 and abs(gap) < unit and abs(gap) / abs(reported[0]) <= CLAIMS.hedged_side)


def _decimals(value: str) -> int:
    """Decimal places a printed number states: '44,6' -> 1, '6,67' -> 2, '2.000' (thousands) -> 0."""
    m = re.search(r"[.,](\d{1,2})$", value)
    return len(m.group(1)) if m else 0


def _last_digit_unit(value: str) -> float:
    """The unit of a printed number's last significant digit: '130' -> 10, '2.000' -> 1000, '44,6' -> 0.1."""
    if decimals := _decimals(value):
        return 10 ** -decimals
    whole = str(int(abs(parse_number(value) or 0)))
    return 10 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1


def _measure_words(fig: Figure, query) -> set[str]:
    """The claim's words for what its figure measures: no period, place, question or how-words, no number
    (word pairs holding one of those left out too)."""
    from tracuu.index.lexical import tokenize
    content = set(tokenize(query.lexical_text))
    return {t for t in set(tokenize(fig.context or fig.head)) & content
            if not set(t.split("_")) & _NOT_MEASURE and not t[0].isdigit()}


def _claim_words(query) -> set[str]:
    from tracuu.index.lexical import tokenize
    return _single(tokenize(query.lexical_text))


def _rarest(said: set[str], store, keep: int = 4) -> list[str]:
    """The claim's `keep` rarest single words for what it measures: a passage printing the value beside
    none of them states another thing's figure."""
    lexical = getattr(store, "lexical", None)
    return sorted((t for t in said if "_" not in t), key=lambda t: (-lexical.idf(t), t) if lexical else t)[:keep]


def _better_fit(said: set[str], claim_words: set[str], rep: Figure, quoted: list[Figure], store) -> Figure | None:
    """A figure of the same sentence, kind and unit as `rep` that is what the claim names, where `rep` is not:
    `rep`'s own words name something the claim never does ('nhập khẩu 1.005' for a claim of exports; 'tổng nguồn
    vốn huy động ... 34.050' for one of credit), and the other's own words name what the claimed figure measures
    (`said`) and nothing the claim leaves out ('xuất khẩu 1.280'). Then the claimed digits are another
    indicator's value."""
    from tracuu.index.lexical import tokenize
    lexical = getattr(store, "lexical", None)
    repair = lexical.repair if lexical else None  # OCR'd reports: 'ngén' is 'ngân'

    def weight(tokens: set[str]) -> float:
        return sum(lexical.idf(t) if lexical else 1.0 for t in tokens)

    def words(f: Figure) -> set[str]:
        # the words of its own clause: 'tổng nguồn vốn huy động ... đạt 34.050' after a comma, not the sentence's lead
        text = f.own or f.head
        return _single(tokenize(re.split(r"[,;:(]", text)[-1], repair)) or _single(tokenize(text, repair))
    unit = _value(rep)[1]
    rivals = [f for f in quoted if f is not rep and f.n == rep.n and f.kind == rep.kind and not f.reference
              and (f.unit is None) == (rep.unit is None) and _units_agree(unit, _value(f)[1])
              and not _equal(_value(f), _value(rep))]
    # the whole context: the other's words hold every claim word `rep`'s hold, and more
    has = {id(f): said & set(tokenize(f.context or f.head, repair)) for f in [rep, *rivals]}
    wider = [f for f in rivals if not has[id(rep)] - has[id(f)] and weight(has[id(f)] - has[id(rep)]) >= _DISTINCT]
    if not wider:
        # its own clause: `rep` names what the claim never does, the other names the claim's words and nothing else
        own = {id(f): words(f) for f in [rep, *rivals]}  # (named, foreign) weights of each figure's own words
        fit = {i: (weight({t for t in w if _among(t, said)}), weight({t for t in w if not _among(t, claim_words)}))
               for i, w in own.items()}
        named, foreign = fit[id(rep)]

        def fits_better(f: Figure) -> bool:
            its_named, its_foreign = fit[id(f)]
            return f.sentence == rep.sentence and its_foreign < _DISTINCT <= its_named \
                and its_named - its_foreign >= named - foreign + _DISTINCT
        if foreign > 0:
            wider = [f for f in rivals if fits_better(f)]
    return max(wider, key=lambda f: weight(has[id(f)]), default=None)


def _among(token: str, words: set[str]) -> bool:
    """In `words`, or one letter away from one of them (OCR: 'xuét' for 'xuất', 'sich' for 'sách')."""
    return token in words or len(token) >= 4 and any(
        w[0] == token[0] and abs(len(w) - len(token)) <= 1 and Levenshtein.distance(w, token) <= 1 for w in words)


def _measures(token: str) -> bool:
    return not set(token.split("_")) & _NOT_MEASURE and not any(p[0].isdigit() for p in token.split("_"))


def _single(tokens) -> set[str]:
    """Single words that may say what is measured: no word pairs, no period words ('tháng', 'đầu', 'năm' are
    taken out of the claim's words as its period)."""
    period_words = lexicon().period_words
    return {t for t in tokens if "_" not in t and _measures(t) and t not in period_words}


# how a figure is stated or which way it moved, not what it measures
_NOT_MEASURE = HOW_WORDS | {"tang", "giam"}
# the idf a rival's own words must add
_DISTINCT = 3.0  # more than a common word ('vốn' 2.9): a word pair ('xuất khẩu' 4.0) or a rare word


def _counterpart(fig: Figure, quoted: list[Figure]) -> Figure | None:
    """The report's figure for the same thing: same kind of figure and a comparable unit."""
    c_unit = _value(fig)[1]
    pool = [f for f in quoted if _units_agree(c_unit, _value(f)[1]) and (f.unit is None) == (fig.unit is None)]
    same_kind = [f for f in pool if f.kind == fig.kind or {f.kind, fig.kind} <= {"result", "target"}]
    return (same_kind or pool or [None])[0]


def printed_forms(value: float) -> set[str]:
    """How a report may print `value` (base units) as one token: in units, thousands, millions,
    billions or thousand billions, with a decimal comma or point ('2.700 tỷ' and '2,7 nghìn tỷ')."""
    out = set()
    for scale in (1, 1e3, 1e6, 1e9, 1e12):
        x = abs(value) / scale
        for d in range(4):
            s = f"{x:.{d}f}"
            if abs(float(s) - x) <= 1e-9 * max(1.0, x) and float(s) > 0:
                out |= {s.replace(".", ","), s}
                if d == 0:
                    out |= {s + ",0", s + ",00"}  # '4.000,0'
                break
    return out


def periods_printing(store, value: float, words: list[str] | None = None) -> set | None:
    """The periods whose passages print `value` in one of its forms (`printed_forms`), beside one of the
    claim's `words` for what it measures when given; None: the store cannot tell, so every period is asked."""
    return store.periods_holding(sorted(printed_forms(value)), words or None) if store is not None else None


def _elsewhere(across, fig: Figure, claimed: tuple[float, str]):
    """(figure, citation, period, the figures quoted with it) where a report states the claimed value for
    this indicator in any indexed period: `across` is the indicator asked of every period (qa.trend.Trend),
    each row's quoted figures compared."""
    for row in across.rows:
        for f in row.answer.figures:
            if _equal(claimed, _value(f)) and _comparable(fig, f):
                cite = next((c for c in row.answer.citations if c.n == f.n), row.citation)
                return f, cite, f.period or row.period, row.answer.figures
    return None
