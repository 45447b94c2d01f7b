"""Document metadata from a report's header: kind, number, date, title and the period it covers."""
from __future__ import annotations

import re

from .periods import find_periods
from .places import issuer_of, report_province
from .structure import heading_level
from .textnorm import fold_ocr
from .types import Period

KINDS = [  # folded marker -> display name; the first that heads the document wins
    ("thong cao bao chi", "thông cáo báo chí"),
    ("bao cao", "báo cáo"),
    ("ke hoach", "kế hoạch"),
    ("quyet dinh", "quyết định"),
    ("nghi quyet", "nghị quyết"),
    ("to trinh", "tờ trình"),
    ("cong van", "công văn"),
]
_NUMBER = re.compile(r"(?i)\bs[oốố6ô0]\s*[:;.]?\s*(\d{1,5})?\s*/\s*([A-ZĐ]{1,6}(?:-[A-ZĐ]{1,8})+)")
_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+n[a-z]{0,2}m\s+(\d{4})")


def extract(lines: list[str], fallback_title: str) -> dict:
    head = lines[:40]
    folded = [fold_ocr(x).strip() for x in head]
    kind, kind_line = "báo cáo", None
    for i, f in enumerate(folded[:20]):
        for marker, name in KINDS:
            if re.fullmatch(rf"[^a-z]*{marker}[^a-z]*", f):
                kind, kind_line = name, i
                break
        if kind_line is not None:
            break
    number = None
    for x in head[:12]:
        if m := _NUMBER.search(x):
            number = f"{m.group(1)}/{m.group(2)}" if m.group(1) else None
            break
    date = None
    for f in folded[:12]:
        if m := _DATE.search(f):
            d, mo, y = (int(g) for g in m.groups())
            if 1 <= d <= 31 and 1 <= mo <= 12:
                date = f"{y:04d}-{mo:02d}-{d:02d}"
            break
    title = _title(head, kind_line) or fallback_title
    period, next_period = _periods(title, lines)
    province = report_province(lines)
    return {"kind": kind, "number": number, "date": date, "title": title, "period": period,
            "next_period": next_period, "issuer": issuer_of(province) if province else None, "province": province}


def _title(head: list[str], kind_line: int | None) -> str:
    """The lines right under 'BÁO CÁO' / 'THÔNG CÁO BÁO CHÍ', up to a blank line or heading."""
    if kind_line is None:
        return ""
    out: list[str] = []
    for x in head[kind_line + 1:]:
        s = x.strip()
        if not s:
            if out:
                break
            continue
        if heading_level(s) or len(out) >= 4:
            break
        out.append(s)
    return re.sub(r"\s+", " ", " ".join(out)).strip(" ,;")


def _periods(title: str, lines: list[str]) -> tuple[Period | None, Period | None]:
    mentions = [m.period for m in find_periods(title) if m.period]
    if not mentions:  # no title: the first period stated near the top
        mentions = [m.period for m in find_periods("\n".join(lines[:30])) if m.period]
    if not mentions:
        return None, None
    period = mentions[0]
    nxt = next((p for p in mentions[1:] if p != period), None)
    return period, nxt
