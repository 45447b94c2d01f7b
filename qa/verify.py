"""The guard against the worst failure: a figure in an answer that no cited passage contains."""
from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:(?:[.,/]| \.(?=\d{3}(?!\d)))\d+)*")  # ('2 .386,7': a thousands group OCR split off)
_MARKER = re.compile(r"\[\d+\]")


def numbers_in(text: str) -> list[str]:
    return [m.rstrip(".,/") for m in _NUMBER.findall(_MARKER.sub(" ", text))]


def unsupported_numbers(answer: str, sources: list[str]) -> list[str]:
    """Numbers of `answer` that appear verbatim in none of `sources` (cited passages and their
    report's metadata: number, date, period label). Empty list = the answer is safe to show."""
    allowed = set()
    for s in sources:
        allowed.update(numbers_in(s))
    return [n for n in numbers_in(answer) if n not in allowed]
