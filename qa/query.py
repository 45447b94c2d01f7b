"""What a question asks: its period(s), and its words with the period taken out."""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.periods import find_periods
from ingest.textnorm import fold_ocr
from ingest.types import Period


@dataclass
class Query:
    text: str
    periods: list[Period]  # periods with a year, in order of mention
    loose: list[tuple[str, int | None]] = field(default_factory=list)  # (kind, index) named without a year
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
    return Query(text=text, periods=list(dict.fromkeys(periods)), loose=loose,
                 lexical_text=folded if folded.strip() else text)
