"""Numbers in a quote that are no figures: dates, spans of time or years, age bands, names with a number ('COVID-19',
'Quốc lộ 13'), the prices' base year ('giá so sánh 2010'). Their spans are blocked before figures are read
(qa/figures.py)."""
from __future__ import annotations

import re

from .glossary import ROAD_NUMBER, WRITTEN_DATE


def not_figures(folded: str) -> list[tuple[int, int]]:
    """The spans of folded text whose numbers are no figures."""
    blocked = [m.span() for m in WRITTEN_DATE.finditer(folded)]
    blocked += [m.span() for m in re.finditer(r"(\d{1,2})/(\d{1,2})(/\d{2,4})?|\d+/[a-zđ]+(?:-[a-zđ]+)+|\d+-[a-zđ]+(?:/[a-zđ]+)+", folded)
                if not m.group(1) or m.group(3) or 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12]
    # 'sau 6 tháng' is a span of time, 'trên 18 tuổi' says who is counted, 'COVID-19' is a name: no figures
    blocked += [m.span() for m in _MONTHS_SPAN.finditer(folded)] + [m.span() for m in _YEARS.finditer(folded)]
    blocked += [m.span() for m in _AGE_BAND.finditer(folded)] + [m.span() for m in _NAMED_NUMBER.finditer(folded)]
    blocked += [m.span(1) for m in ROAD_NUMBER.finditer(folded)]  # 'Quốc lộ 13' names a road
    blocked += [m.span(1) for m in _PRICE_YEAR.finditer(folded)]  # the prices' base year is no figure
    return blocked


_AGE_BAND = re.compile(r"\b(?:tren|duoi|tu|den|du)\s+\d{1,2}(?:\s*-\s*\d{1,2})?\s+tu[o0d6]i\b"
                       r"|(?<![\d.,])\d{1,2}(?:\s*-\s*\d{1,2})?\s+tu[o0d6]i\s+tr[a-z]\s+l[a-z]n\b")
_NAMED_NUMBER = re.compile(r"(?<=[a-z])-\d+\b")
_PRICE_YEAR = re.compile(r"\bgia\s+(?:so\s+sanh|ss|co\s+dinh|goc)(?:\s+nam)?\s+((?:19|20)\d\d)\b")  # 'giá so sánh 2010'
# a span of years ('giai đoạn 2021-2025', 'niên vụ 2023 - 2024'): no figure
_YEARS = re.compile(r"(?<![\d.,])(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d|[.,]\d)")
_MONTHS_SPAN = re.compile(r"(?<![\d.,])\d{1,2}\s+thang\b(?!\s*(?:/|may\b))"
                         r"|(?<![\d.,])\d{1,2}\s+ngay\s+(?:dau|cuoi|qua)\b")  # 'trong 19 ngày đầu tháng 01/2023'
