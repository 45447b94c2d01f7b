"""Claims compared by value, not by string: '1.158,8' = '1158.8', '10,9 nghìn tỷ' ~ '10.902 tỷ', and when a
printed figure is the report's rounded (`rounds`). Also which periods' passages print a value at all, so a claim
asks only those (`periods_printing`), and which of a report's figures a claimed one can be compared with at all
(`comparable`: of the same nature; `counterpart`: the report's figure for the same thing)."""
from __future__ import annotations

import math
import re
from dataclasses import replace

from tracuu.ingest.places import find_provinces, province_spans, successor
from tracuu.ingest.textnorm import bracket_close, fold

from .figures import BASELINE_WORDS, Figure, parse_number, scaled
from .glossary import NATION, NATION_NAMED
from .weights import CLAIMS

_HEDGE = re.compile(r"\b(?:gan|khoang|hon|tren|xap xi|chung|gan nhu|duoi|it nhat|toi)\s*$")


def value(f: Figure) -> tuple[float, str]:
    return scaled(f.number, f.unit)


def equal(a: tuple[float, str], b: tuple[float, str]) -> bool:
    return units_agree(a[1], b[1]) and math.isclose(a[0], b[0], rel_tol=1e-9, abs_tol=1e-9)


def units_agree(a: str, b: str) -> bool:
    return not a or not b or a == b


def hedged(fig: Figure, claim: str):
    """The hedge the claim puts before the figure ('gần', 'khoảng', 'hơn'), as a match; None when it states it flatly."""
    return _HEDGE.search(fold(claim[:max(0, claim.find(fig.value))]).rstrip())


def hedge_side(hedge) -> int:
    """Which side of its value a hedge (a `hedged` match) puts a figure: 1 'hơn', 'trên'; -1 'gần', 'dưới'; 0 else."""
    word = hedge.group(0).strip() if hedge else ""
    return 1 if word in ("hon", "tren", "it nhat") else -1 if word in ("gan", "duoi", "gan nhu") else 0


def rounds(fig: Figure, claim: str, claimed: tuple[float, str], reported: tuple[float, str]) -> bool:
    """The claim is the report's figure rounded: within half a unit of the claim's last printed digit
    (scaled); when hedged, within 2%, or on the side the hedge names ('hơn 130' for 135, 'gần 11 nghìn
    tỷ' for 10.902 tỷ) within one unit of that digit and 5%. 'hơn 130' is never 128."""
    if not units_agree(claimed[1], reported[1]) or reported[0] == 0 or (claimed[0] < 0) != (reported[0] < 0):
        return False
    gap = abs(reported[0]) - abs(claimed[0])  # by magnitude: 'giảm hơn 5 nghìn hộ' for a fall of 5.025 hộ
    if gap == 0:
        return False
    hedge = hedged(fig, claim)
    side = hedge_side(hedge)
    if side and gap * side < 0:
        return False
    scale = claimed[0] / fig.number if fig.number else 1
    # (the digits as the number was read: '10,246 triệu lượt' has three decimals, though three digits after a separator
    # are a thousands group elsewhere)
    places = len(m.group(1)) if fig.number != int(fig.number) and (m := re.search(r"[.,](\d+)$", fig.value)) \
        else decimals(fig.value)
    if abs(gap) < 10 ** -places * scale / 2 - 1e-9:
        return True  # '10,9 nghìn tỷ' for 10.902 tỷ: the last printed digit rounded (a half is no rounding: 98 is not 97,5)
    if not hedge:
        return False  # '4.300 tỷ' unhedged states 4.300, not about 4.300
    unit = last_digit_unit(fig.value) * scale
    # (a rate is rounded at its last digit only: 'khoảng 6,2%/năm' is not 6,31%, however close by ratio)
    return abs(gap) <= unit / 2 + 1e-9 or claimed[1] not in RATES and abs(gap) / abs(reported[0]) <= CLAIMS.hedged \
        or (side != 0 and abs(gap) < unit and abs(gap) / abs(reported[0]) <= CLAIMS.hedged_side)


def decimals(value: str) -> int:
    """Decimal places a printed number states: '44,6' -> 1, '6,67' -> 2, '2.000' (thousands) -> 0."""
    m = re.search(r"[.,](\d{1,2})$", value)
    return len(m.group(1)) if m else 0


def last_digit_unit(value: str) -> float:
    """The unit of a printed number's last significant digit: '130' -> 10, '2.000' -> 1000, '44,6' -> 0.1."""
    if places := decimals(value):
        return 10 ** -places
    whole = str(int(abs(parse_number(value) or 0)))
    return 10 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1


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


def readings(fig: Figure, quoted: list[Figure]) -> Figure:
    """A number printed 'd,ddd' or 'd.ddd' reads both ways: Vietnamese '11,600' is 11,6 and English '11,600'
    is 11.600. The reading a quoted report figure states wins; otherwise the Vietnamese one stays."""
    if _over(fig):
        return replace(fig, number=100 + fig.number)  # 'vượt 8,6% dự toán' is 108,6% of it
    m = re.fullmatch(r"-?(\d{1,3})([.,])(\d{3})", fig.value.replace("−", "-"))
    if not m or not fig.number:
        return fig
    magnitude = float(m.group(1) + m.group(3)) if m.group(2) == "," else float(f"{m.group(1)}.{m.group(3)}")
    other = replace(fig, number=math.copysign(magnitude, fig.number))
    # the same number under the same scale word: a reading 1000 times off must not meet 'tỷ' against 'triệu'
    printed = [f for f in quoted if scaled(1.0, f.unit) == scaled(1.0, fig.unit)]
    if any(math.isclose(other.number, f.number) for f in printed) and not any(equal(value(fig), value(f)) for f in quoted):
        return other
    return fig


_OVER = re.compile(r"\bvuot(?: muc)?\s*(?:khoang|gan|hon|tren)?\s*$")


def _over(f: Figure) -> bool:
    """A share stated as the excess over its plan ('vượt 11,3% so với kế hoạch'): the plan's 111,3%."""
    return f.kind == "share" and f.unit == "%" and bool(f.quote) and bool(_OVER.search(fold(f.quote[max(0, f.start - 20):f.start])))


def index_readings(f: Figure) -> list[Figure]:
    """A table's 'So cùng kỳ (%)' cell (112,4) is the period as a share of its baseline: a rise of 12,4% read the
    other way. Both readings, for a claim worded either way ('tăng 12,4%', 'bằng 112,4% cùng kỳ'). A target's range
    ('mục tiêu là 7 - 7,5%', read as its upper bound) states its lower bound too: a claim of 7% is the aim's."""
    out = _cell_readings(f)
    if f.kind == "target" and (m := _RANGE.match(f.value)) and (low := parse_number(m.group(1))) is not None:
        out += [replace(x, number=low if x.number >= 0 else -low) for x in out]
    return out


_RANGE = re.compile(r"\s*(\d[\d.,]*)\s*[-–]\s*\d")


def _cell_readings(f: Figure) -> list[Figure]:
    if _over(f):
        return [replace(f, number=100 + f.number)]
    if not (f.header and f.kind == "change" and f.unit == "%" and 20 <= f.number <= 1000
            and re.search(rf"\bso\b.*(?:{BASELINE_WORDS})", fold(f.header))):
        return [f]
    return [replace(f, number=round(f.number - 100, 6)), replace(f, kind="share")]


def comparable(claimed: Figure, reported: Figure) -> bool:
    """Figures of the same nature: 'tăng 27,9%' (a change) is not 'đạt 27,9% dự toán' (a share of a plan),
    nor 'bằng 37,6% cùng kỳ' (a share of a baseline); a result and a target are judged apart."""
    # a rise against a share is the confusion reporters make; 'đạt 6,67% (mục tiêu ...)' read as a share
    # still answers 'đạt 6,67%' (a result), and an aim may be an amount or a growth rate
    kinds = {claimed.kind, reported.kind}
    # 'tổng vốn 2.027 tỷ đồng, tăng 1.821,1 tỷ đồng', 'khai thác 44.663 m3, tăng 29.062 m3': an amount and its
    # rise are two figures, where a growth rate and a level in percent are worded either way ('tăng trưởng
    # 6,67%', 'GRDP đạt 6,67%')
    amounts = all(value(f)[1] and value(f)[1] not in RATES for f in (claimed, reported))
    # 'chiếm 88,6% tổng vốn FDI' is a part's weight in its whole, never a rise of 88,6%
    portion = kinds == {"change", "result"} and any(f.kind == "result" and proportion(f) for f in (claimed, reported))
    return kinds != {"change", "share"} and not (amounts and kinds == {"change", "result"}) and not portion


_PROPORTION_BEFORE = re.compile(r"\b(?:chiem|ty trong(?: la| dat)?)(?:\s+(?:khoang|gan|hon|tren|xap xi|toi|den))?\s*$")
_PROPORTION_AFTER = re.compile(r"\s*%\s*(?:trong |cua |so voi )?(?:tong|toan bo)\b")


def proportion(f: Figure) -> bool:
    """A percentage stated as a part's weight in its whole ('chiếm 88,6% tổng vốn', 'tỷ trọng 45,2%')."""
    if f.unit != "%" or not f.quote:
        return False
    return bool(_PROPORTION_BEFORE.search(fold(f.quote[max(0, f.start - 30):f.start]))
                or _PROPORTION_AFTER.match(fold(f.quote[f.start + len(f.value):f.start + len(f.value) + 20])))


_BASELINE_STOP = frozenset("so voi cua da duoc bang dat va".split())


def baseline(f: Figure) -> frozenset[str]:
    """The words a share or change names its baseline by, right after it ('112,4% dự toán HĐND huyện giao (417'
    -> dự toán hđnd huyện giao), folded, to the clause's end or a bracket."""
    if f.kind not in ("share", "change") or not f.quote:
        return frozenset()
    after = fold(f.quote[f.start + len(f.value):f.start + len(f.value) + 60]).lstrip(" %")
    return frozenset(re.split(r"[,;.()]", after)[0].split()) - _BASELINE_STOP


def elsewhere(f: Figure, places: list[str]) -> bool:
    """The figure is another place's, named in its own clause: the whole country's ('bình quân chung của cả nước
    (khoảng 6,2%/năm)', '5,05% của cả nước') or, stated as what the clause compares with, another province's ('thấp
    hơn Bình Dương (khoảng 6,2%)'): not the figure of the place a claim names (`places`)."""
    if not f.quote:
        return False
    clause = re.split(r"[,;.]", f.quote[max(0, f.start - 60):f.start])[-1]
    folded = fold(clause)
    if names_nation(folded) or _NATION_AFTER.match(fold(f.after or "")):
        return True
    compared = f.reference or bool(re.search(r"\b(?:hon|voi|bang|sau|truoc)\b", folded))
    # (or a bracket listing other provinces' own figures: '... đứng thứ 6/14 tỉnh vùng (Phú Thọ tăng 7,82%, Hà Giang
    # tăng 6,54%)'; not a former part of the place named, 'Bình Định (cũ)' of Gia Lai)
    listed = bracket_close(f.quote, f.start, f.start, len(f.quote)) >= 0
    former = bool(re.search(r"\bcu\b|\bkhu vuc\b", folded))  # ('khu vực Bình Định (cũ)': a part, after 2025)
    # (or opening on another province as what states it: 'cùng thời gian này, An Giang xuất khẩu khoảng 845 triệu USD')
    subject = any(a <= 12 for a, _, _ in province_spans(folded.lstrip()))
    return (compared or listed or subject) and any(p not in places and not (former and successor(p) in places)
                                        for p in find_provinces(clause))


def names_nation(folded: str) -> bool:
    """A folded text names the whole country ('cả nước', 'toàn quốc', 'bình quân chung')."""
    return bool(NATION_NAMED.search(folded))
_NATION_AFTER = re.compile(rf"\s*%?\s*(?:/\s*nam\s*)?(?:cua\s+)?(?:{NATION})\b")


def baseline_rival(claimed: Figure, rep: Figure, quoted: list[Figure]) -> Figure | None:
    """The figure of the same sentence whose baseline is the one the claim names, where the equal one's is another
    ('bằng 112,4% dự toán tỉnh giao' where 112,4% is of the district council's estimate and 124,6% the province's)."""
    named, theirs = baseline(claimed), baseline(rep)
    # (a figure naming no baseline of its own, or the claim's and more, is not another baseline's)
    if not named or rep.kind != claimed.kind or not theirs or theirs >= named:
        return None
    return next((f for f in quoted if f is not rep and f.kind == rep.kind and f.n == rep.n and f.sentence == rep.sentence
                 and baseline(f) == named and not equal(value(f), value(rep))), None)


RATES = {"%", "diem phan tram", "diem"}  # units of rates, not amounts
POINTS = {"%", "diem phan tram"}


def counterpart(fig: Figure, quoted: list[Figure]) -> Figure | None:
    """The report's figure for the same thing: same kind of figure and a comparable unit."""
    c_unit = value(fig)[1]
    # a rate's change in points is printed in percent as often ('tỷ lệ hộ nghèo 2,32% (giảm 1,04% so với năm
    # 2024)'): its counterpart, never its match (`equal` keeps the units apart)
    pool = [f for f in quoted if (units_agree(c_unit, value(f)[1]) or fig.kind == f.kind == "change"
                                  and {c_unit, value(f)[1]} == POINTS) and (f.unit is None) == (fig.unit is None)]
    same_kind = [f for f in pool if f.kind == fig.kind or {f.kind, fig.kind} <= {"result", "target"}]
    # the same size the other way ('giảm 43,76%' where the report says 'tăng 43,76%'): the figure the claim turned
    flipped = [f for f in same_kind if f.kind == "change" and abs(value(f)[0]) == abs(value(fig)[0])]
    return (flipped or same_kind or pool or [None])[0]
