"""The dates a figure is counted to: 'đến hết ngày 30/11/2025', 'tính đến cuối tháng 9/2024'.

A cut-off says which report's figure is meant (the state up to a day, not that month's own figure); a date a figure
starts from or is compared with ('từ 01/7/2025', 'so với ngày 31/12/2022') says nothing of the kind. Folded text in.
"""
from __future__ import annotations

import re

from tracuu.memo import kept

# 'đến hết', 'tính đến', 'đến cuối' right before a month: the state counted up to it, not that month's own figure
CUTOFF = re.compile(r"\b(?:tinh\s+)?den\s+(?:het\s+|cuoi\s+|dau\s+|giua\s+)?$")
# a cut-off date ('đến 31/01/2023') says which report's figures are meant
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


@kept(100_000)  # every ranked passage is read for it when a question names a date
def cutoff_months(folded: str) -> frozenset[tuple[int, int]]:
    """(year, month) of each date a folded sentence counts a figure to ('đến hết ngày 30/11/2025')."""
    return frozenset((y, m) for y, m, _ in cutoff_days(folded))


def cutoff_days(folded: str) -> frozenset[tuple[int, int, int]]:
    """(year, month, day) of each date a folded sentence counts a figure to."""
    return frozenset((int(y), int(m), int(d)) for x in _DATE.finditer(folded) for d, m, y in [x.groups()]
            if 1 <= int(d) <= 31 and 1 <= int(m) <= 12 and _COUNTED_TO.search(folded[max(0, x.start() - 20):x.start()]))


def same_day(days, asked) -> bool:
    """Some day of `days` is one of `asked` (a few days apart: one month-end written two ways, '28/11' and '30/11')."""
    return any((y, m) == (y2, m2) and abs(d - d2) <= 3 for y, m, d in days for y2, m2, d2 in asked)


def dated_days(folded: str) -> set[tuple[int, int, int]]:
    """(year, month, day) of each full date in a question that a figure is counted to (not one it starts from:
    'từ 01/7/2025', 'từ ngày 15/12/2022 đến 14/6/2023' counts to 14/6/2023)."""
    return {(int(y), int(m), int(d)) for d, m, y in _counted_dates(folded)}


def _counted_dates(folded: str) -> list[tuple[str, str, str]]:
    return [m.groups() for m in _DATE.finditer(folded) if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12
            and not _FROM.search(folded, max(0, m.start() - 16), m.start())]


# (nor one it compares with: 'tăng 3.412 người so với ngày 31/12/2022')
_FROM = re.compile(r"\b(?:tu|so\s+voi)\s+(?:ngay\s+)?$")


_TO = r"(?:tinh\s+)?(?:den|toi)\s+(?:het\s+|cuoi\s+)?"  # 'tính đến hết', 'đến cuối': what a cut-off opens with
COUNTED_TO = _TO + r"(?:ngay\s+)?"  # 'tính đến hết ngày', before a date
COUNTED_DATE = re.compile(r"\b" + COUNTED_TO + r"(\d{1,2}/\d{1,2}/\d{4})")  # folded: 'tinh den ngay 31/5/2025'
_COUNTED_TO = re.compile(r"\b" + COUNTED_TO + "$")


# 'đến hết tháng 01/2023', 'tính đến cuối tháng 9/2024': a figure counted to a month's end, its day left out
_TO_MONTH = re.compile(r"\b" + _TO + r"thang\s+(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)\b")


def counted_to(folded: str) -> frozenset[tuple[int, int]]:
    """(year, month) of each date or month end a folded text counts a figure to ('đến hết ngày 30/11/2025', 'đến hết
    tháng 01/2023')."""
    return cutoff_months(folded) | {(int(y), int(m)) for m, y in _TO_MONTH.findall(folded) if 1 <= int(m) <= 12}


def dated_months(folded: str) -> list[tuple[int, int]]:
    """(year, month) of each full date in the question that a figure is counted to (see dated_days)."""
    return [(int(y), int(m)) for d, m, y in _counted_dates(folded)]
