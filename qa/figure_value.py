"""A figure as data and its number read from Vietnamese notation: what the figure readers (`qa.figures` for
sentences, `qa.table_cells` for table rows) both make."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from .figure_words import SCALE, unit_at
from .lexicon import lexicon


@dataclass
class Figure:
    value: str  # exactly as printed in the citation
    number: float  # the value read ('giảm 8,9%' -> -8.9, kind change)
    unit: str | None
    indicator: str  # the clause's words before the figure, as printed
    period: Period | None
    kind: str  # result | share | change | target
    n: int  # the citation it is in
    start: int = 0  # offset in the quote, so a line can quote from it
    context: str = ""  # the indicator and the words after the unit: what ranking compares with the question
    header: str = ""  # a table cell's column header ('Ước thực hiện năm 2023')
    head: str = ""  # the words before it that say what it measures (see `_head`)
    after: str = ""  # the text right after it ('18 hợp tác xã': what it counts)
    reference: bool = False  # stated as what its clause compares with ('cao hơn mức 4,24% của cả nước')
    own: str = ""  # its own words, without those it shares with the clause's subject or its whole
    sentence: int = 0  # which sentence of the quote it is in
    quote: str = ""  # the quote it stands in: `start` is an offset in it
    part_of: "Figure | None" = None  # the whole it is a part of ('Trong đó: vốn ngân sách tỉnh 1.226,1 tỷ đồng')
    frame: str = ""  # a footnote's: the sentence carrying its mark, which its items go on ('... thu hút 2.820,9 ...')

    def to_dict(self) -> dict:
        return {"value": self.value, "number": self.number, "unit": self.unit, "indicator": self.indicator,
                "period": self.period.to_dict() if self.period else None, "kind": self.kind, "n": self.n}


def parse_number(text: str) -> float | None:
    """'1.158,8' -> 1158.8, '10.902' -> 10902, '6,67' -> 6.67, '1,158.8' / '1158.8' -> 1158.8."""
    s = text.strip().replace("−", "-").replace("\u00a0", "").replace(" .", ".")  # ('2 .386,7': OCR's stray space)
    if not re.fullmatch(r"-?\d[\d.,]*", s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif dots:  # '10.902' thousands (Vietnamese), '1158.8' a decimal point
        s = s.replace(".", "") if dots > 1 or re.fullmatch(r"-?\d{1,3}\.\d{3}", s) else s
    elif commas:  # '6,67' decimal comma; '1,158,000' English thousands
        s = s.replace(",", "") if commas > 1 else s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def scaled(number: float, unit: str | None) -> tuple[float, str]:
    """(value in base units, base unit): '10,9 nghìn tỷ đồng' and '10.902 tỷ đồng' compare."""
    u = fold_ocr(unit or "").strip()
    # a unit OCR misread by a letter ('tỷ déng') is the unit it was; 'nghìn hộ' is thousands of households, not 'nghìn ha'
    scale, _, rest = u.partition(" ")
    if not (scale in SCALE and rest in lexicon().units):
        u = unit_at(u) or u
    for word, factor in sorted(SCALE.items(), key=lambda x: -len(x[0])):
        if u == word or u.startswith(word + " "):
            number, u = number * factor, u[len(word):].strip() or "dong"
            break
    mass = u.split(" ")[0] if u else ""  # 'tấn gạo' weighs rice: a mass
    if mass in _KG:  # '233.580 kg gạo' is 'gần 234 tấn gạo'
        return number * _KG[mass], "kg"
    return number, u


_KG = {"kg": 1, "tan": 1000}


class Range:
    """Two numbers printed as a range ('8,0 - 8,5%', '12 - 15 nghìn tỷ đồng'): one figure, printed whole, valued at
    its upper end (a plan's aim is met at the lower one, but the figure is the pair)."""

    def __init__(self, low: re.Match, high: re.Match):
        self._a, self._b, self._high = low.start(), high.end(), high

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b

    def span(self) -> tuple[int, int]:
        return self._a, self._b

    def group(self) -> str:
        return self._high.group()


def ranges(quote: str, numbers: list) -> list:
    """The numbers with each range ('8,0 - 8,5') made one."""
    out, i = [], 0
    while i < len(numbers):
        m, nxt = numbers[i], numbers[i + 1] if i + 1 < len(numbers) else None
        if nxt is not None and re.fullmatch(r"\s*[-–]\s*", quote[m.end():nxt.start()]) \
                and not re.fullmatch(r"(?:19|20)\d\d", m.group()) and "/" not in m.group() + nxt.group() \
                and (lo := parse_number(m.group())) is not None and (hi := parse_number(nxt.group())) is not None \
                and 0 <= lo < hi:
            out.append(Range(m, nxt))
            i += 2
            continue
        out.append(m)
        i += 1
    return out
