"""What a question asks: its period(s), its content words, the figures it mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.periods import find_periods
from ingest.textnorm import fold_ocr
from ingest.types import Period
from index.lexical import tokenize

# Words that carry no indicator meaning in a question ("bao nhiêu", "là gì", "tỉnh Lạng Sơn"...)
STOP = set("""bao nhieu la gi nao duoc dat co cua va cac nhung trong tren tai tu den voi ve cho the sao
nhu hien nay khong da se dang mot do thi nam thang quy dau cuoi ca tinh lang son ban ay nua sau chin""".split())


@dataclass
class Query:
    text: str
    periods: list[Period]  # periods with a year, in order of mention
    loose: list[tuple[str, int | None]] = field(default_factory=list)  # (kind, index) named without a year
    terms: list[str] = field(default_factory=list)  # folded content words, for evidence checks
    lexical_text: str = ""  # the question without its period words: the period is scored apart

    @property
    def period(self) -> Period | None:
        return self.periods[0] if self.periods else None


def parse_query(text: str) -> Query:
    mentions = find_periods(text)
    periods = [m.period for m in mentions if m.period]
    loose = [(m.kind, m.index) for m in mentions if m.period is None]
    folded = fold_ocr(text)
    for m in mentions:  # period words are not content words
        folded = folded[:m.start] + " " * (m.end - m.start) + folded[m.end:]
    terms = [t for t in tokenize(folded) if "_" not in t and t not in STOP and not t[0].isdigit() and len(t) > 1]
    return Query(text=text, periods=list(dict.fromkeys(periods)), loose=loose, terms=terms,
                 lexical_text=folded if folded.strip() else text)
