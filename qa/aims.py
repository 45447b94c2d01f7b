"""Figures a report states as aims: a target by its words, a figure for a period after the report's own, a share
aimed at (split from qa/figures.py, which reads the figures; this judges them)."""
from __future__ import annotations

import re

from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period

from .cutoffs import cutoff_months
from .figure_value import Figure

# 'Năm 2026, tỉnh phấn đấu GRDP tăng 10%; ...; tổng thu ngân sách 25.800 tỷ đồng': the aim governs the list
AIM_LEAD = re.compile(r"\b(?:phan dau|muc tieu)\b")


def aimed(f: Figure, own: Period | None) -> bool:
    """The report states the figure as an aim: a target by its words ('phấn đấu', 'kế hoạch'), or a
    figure for a period that ends after the report's own (`own`: 'tăng trưởng 10%' for 2026 in a
    January report)."""
    later = f.period is not None and own is not None and not own.contains(f.period) and f.period.end > own.end \
        and not any((y, m) <= own.end for y, m in cutoff_months(fold(f.head)))  # ('kế hoạch vốn năm 2022 tính
    # đến hết ngày 30/11/2022 là 2.461,10': the year's plan, counted at a date of the report's span, is a result)
    return f.kind == "target" or later or aims_share(f)


def aims_share(f: Figure) -> bool:
    """A share or change the clause aims at ('Phấn đấu đến ngày 31/12/2024 giải ngân đạt 85% kế hoạch vốn'):
    an aim, though 'kế hoạch' after it makes it a share of the plan."""
    return f.kind in ("share", "change") and bool(AIM_LEAD.search(fold(f.head)))


def aims_at(f: Figure, cutoffs: set) -> bool:
    """An aim at the asked cut-off date: a share or change aimed at, or a value the clause aims at that date
    ('phấn đấu đến ngày 31/12/2024 đạt trên 85%'): no result at that date."""
    head = fold(f.head)
    return aims_share(f) or f.kind == "target" and bool(AIM_LEAD.search(head) and cutoff_months(head) & cutoffs)

