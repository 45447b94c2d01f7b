"""Years named by Tết's lunar name ('Tết Quý Mão' is the lunar new year falling early in 2023): read apart from the
numbered periods of ingest/periods.py, whose questions and reports rarely name one."""
from __future__ import annotations

import re

# the sexagenary names of lunar years: 'Tết Quý Mão' is the lunar new year falling early in 2023
_STEMS = ["giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"]
_BRANCHES = ["ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi"]  # Tý, ..., Tỵ
_TET = re.compile(r"\btet\s+(?:nguyen\s+dan\s+)?(" + "|".join(_STEMS) + r")\s+(" + "|".join(
    sorted(set(_BRANCHES) | {"meo"})) + r")\b")


def lunar_names(folded: str) -> list[tuple[int, int]]:
    """Where a folded text names a year by its stem and branch after 'Tết' ('tết nguyên đán *bính ngọ*'): words
    of a period, like 'năm 2026', not of what is counted."""
    return [m.span(1)[:1] + m.span(2)[1:] for m in _TET.finditer(folded)]


def lunar_new_year(folded: str) -> int | None:
    """The year whose Tết a folded text names by its stem and branch ('tet nguyen dan quy mao' -> 2023), within
    the sixty years around now ('Tý' and 'Tỵ' fold alike: the stem's parity tells them apart)."""
    m = _TET.search(folded)
    if not m:
        return None
    stem = _STEMS.index(m.group(1))
    branch = "mao" if m.group(2) == "meo" else m.group(2)
    places = [i for i, b in enumerate(_BRANCHES) if b == branch and i % 2 == stem % 2]
    return next((y for y in range(1984, 2044) if (y - 4) % 10 == stem and (y - 4) % 12 in places), None)
