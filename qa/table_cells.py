"""Table rows as figures: each cell of a row as the loaders render it, with its column's period and kind."""
from __future__ import annotations

import re
from dataclasses import replace

from tracuu.ingest.periods import SEASON_NAMES, find_periods
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period

from .figure_value import Figure, parse_number
from .figure_words import unit_at


# a cell's value may carry a bound ('8,0 trở lên', '≥ 50', 'trên 50'): a plan's column often does
_CELL = re.compile(r"([^;:>]{2,80}?)\s*:\s*((?:(?:≥|>=|≤|<=|>|<|trên|dưới|tối thiểu|tối đa)\s*)?(-?[\d.,]*\d)"
                   r"(?:\s*(?:trở lên|trở xuống)|\s*[-–]\s*[\d.,]*\d)?)\s*(?:\([^();]{1,30}\)\s*)?(?=;|$)")  # a range
# '8 - 8,5' too; a note in brackets after the value ('102,05 (bình quân)', '1.230 (ước)') is no part of it


def table_cells(row: str, n: int = 1, year: int | None = None, own: Period | None = None) -> list[Figure]:
    """Cells of a table row as the loaders render it ('Bảng 1 > Sản lượng lúa > ĐVT: nghìn tấn; Thực hiện
    năm 2022: 4.048,2; Kế hoạch năm 2023: 4.000,0; So với kế hoạch (%): 103,1'): each value with its
    column's period and kind, the row's label as indicator and the ĐVT column as unit. A column that names no
    year ('Quý III') is of the year the row's caption names ('... năm 2024 theo quý'), else `year`."""
    # (two cells are a row too when the loader's path 'caption > row > ...' says so: 'Quý I/2026: 1,246.8; So cùng kỳ (%)')
    if ":" not in row or row.count(";") < 2 and not (row.count(";") == 1 and row.count(" > ") >= 2):
        return []
    label = _first_field(row).rsplit(">", 2)
    indicator = re.sub(r"^[\dIVXivx]{1,4}[.)]\s*", "", label[-2].strip()) if len(label) >= 2 else ""
    # a table-wide unit ends where the row path goes on, or its caption's bracket: '(đơn vị: tỷ đồng)'
    unit_m = re.search(r"(?i)(?:ĐVT|Đơn vị(?: tính)?)\s*:\s*([^;>()]+)(\([^()]*\))?", row)
    unit = unit_m.group(1).strip() if unit_m else None
    if unit_m and unit_m.group(2):
        unit = _excepted_unit(unit_m.group(2), indicator) or unit
    if unit is None:
        unit = _bracket_unit(indicator)  # the row's own, in brackets after its name: 'Tổng vốn FDI thu hút (triệu USD)'
    out = []
    named = [x.period for x in find_periods(fold(row.split(";")[0]), year, folded=True) if x.period]
    year = named[0].year if named else year
    # a row named by its period ('Tháng 5/2024 | 0,12 | 4,26')
    # (not a crop season's years: 'Sản lượng lúa Đông Xuân 2025-2026' is a row of the caption's half-year)
    named_as = fold(indicator)
    row_period = next((x.period for x in find_periods(named_as, year, folded=True)
                       if x.period and not x.comparison and not _SEASON_BEFORE.search(named_as, 0, x.start)), None)
    before = None  # the period of the column before, printed or empty ('Tháng 4/2024: -; So với cùng kỳ (%): 118,46')
    last = 0
    for m in _CELL.finditer(row):
        header, value = m.group(1).strip(), m.group(2)  # as printed, its bound included ('8,0 trở lên')
        for empty in re.finditer(r"([^;:>]{2,80}?)\s*:\s*[-–—.x]*\s*(?=;|$)", row[last:m.start()]):
            named_here = [x.period for x in find_periods(fold(empty.group(1)), year, folded=True)
                          if x.period and not x.comparison]
            before = named_here[-1] if named_here else None
        last = m.end()
        if re.match(r"(?i)(?:ĐVT|Đơn vị)", header):
            continue
        h = fold(header)
        # a span over the years of its sub-columns ('Thực hiện 11 tháng' over 'Năm 2022' | 'Cùng kỳ năm 2021'): that span
        # of each year
        if spanned := _SPAN_OVER_YEARS.match(h):
            h = f"{spanned.group(1)} nam {spanned.group(2)}"
        periods = [x.period for x in find_periods(h, year, folded=True) if x.period and not x.comparison]
        compares = re.search(r"so sanh|so voi|(?<!\w)%", h)
        if not periods and compares and before is not None and re.search(r"\bcung ky\b", h):
            periods = [before]  # a same-time-last-year column compares the column before it: of that one's period
        before = periods[-1] if periods else None  # (only the column right before: 'Ước TH' names none)
        number = parse_number(m.group(3))
        if number is None:
            continue
        if not periods and year is not None and re.search(r"\bnam\s*$", h) and not compares:
            # (not a comparison's: 'Lũy kế so với KH năm' is the running total's share of the year's plan)
            periods = [Period("year", year)]  # 'Dự toán năm', 'Ước cả năm': the caption's year
        if len(periods) > 1 and periods[0].contains(periods[-1]):
            periods = periods[-1:]  # merged headers go from the wide to the narrow: 'Năm 2023 - Ước 9 tháng' is 9 months
        if compares:
            kind = "share" if re.search(r"ke hoach|du toan|kh\b|\bdt\b", h) else "change"  # ("DT": dự toán, compared with)
            cell_unit = "%"
        else:
            # ('KH 2024', 'KH năm': the plan's column as appendices abbreviate it)
            # ('DT TW giao', 'DT HĐND giao': the estimate's columns, abbreviated)
            kind = "target" if re.search(r"ke hoach|du toan|muc tieu|chi tieu|\bkh\b|^\W*dt\b", h) and not re.search(r"thuc hien", h) \
                else "result"
            # (a column naming its own unit, 'Trị giá 9 tháng (triệu USD)' beside 'ĐVT: Nghìn tấn', counts in it)
            cell_unit = _bracket_unit(header) or unit
        out.append(Figure(value, number, cell_unit, indicator, periods[0] if periods else None, kind, n,
                          start=m.start(2), context=f"{indicator} {header}", header=header))
    # the columns that name no period are the row's: the one its name gives, else the one all its dated columns but
    # the plan's name ('Lượt khách 6 tháng 2024 | So cùng kỳ (%) | Trong đó khách quốc tế'), else its report's or
    # section's (`own`: 'Kế hoạch năm | Ước thực hiện | So kế hoạch (%)' in a half-year's table); a running total's
    # column ('Lũy kế đến cuối tháng') is no month's, and 'Thực hiện cùng kỳ' is the same span a year before
    # (a same-time-last-year column is the baseline, not the row's own: 'Thực hiện 11 tháng - Cùng kỳ năm 2021')
    # a comparison of the running total ('So sánh (%) - Lũy kế so với KH năm: 94,0') is of its column's period
    running = next((f.period for f in out if f.period and f.kind == "result" and re.search(r"\bluy ke\b", fold(f.header))),
                   None)
    for f in out:
        if f.period is None and running is not None and f.kind in ("share", "change") \
                and re.search(r"\bluy ke\b", fold(f.header)):
            f.period = running
    dated = {f.period for f in out if f.period and f.kind != "target" and not re.search(r"\bcung ky\b", fold(f.header))}
    if fill := row_period or (next(iter(dated)) if len(dated) == 1 else None) or (own if not dated else None):
        for f in out:
            h = fold(f.header)
            if f.period is None and not re.search(r"\bluy ke\b", h):
                year_before = re.search(r"\bcung ky\b", h) and not re.search(r"\bso\b", h) and fill.year
                f.period = replace(fill, year=fill.year - 1) if year_before else fill
    return out


_SEASON_BEFORE = re.compile(rf"\b(?:{SEASON_NAMES})\s*(?:nam\s+)?(?:\d{{4}}\s*[-–]\s*)?$")
_SPAN_OVER_YEARS = re.compile(r"^(.*\b\d{1,2} thang)\s+-\s+(?:cung ky\s+)?nam\s+((?:19|20)\d\d)\s*$")


def _bracket_unit(label: str) -> str | None:
    """A unit in brackets at the end of a row's name or a column's header ('(triệu USD)'), as printed; None if none."""
    bracket = re.search(r"\(([^()]{1,20})\)\s*$", label)
    return bracket.group(1).strip() if bracket and unit_at(fold(bracket.group(1))) else None


def _first_field(row: str) -> str:
    """A row's path up to its first cell: the first ';' outside brackets ('ĐVT: tỷ đồng (riêng xuất nhập khẩu: triệu
    USD; IIP: %) > Chỉ số sản xuất công nghiệp (IIP) > Kế hoạch năm 2024: 108,0; ...')."""
    depth = 0
    for i, c in enumerate(row):
        depth += (c == "(") - (c == ")" and depth > 0)
        if c == ";" and depth == 0:
            return row[:i]
    return row


_EXCEPTED = re.compile(r"^\(\s*(?:riêng|trừ|ngoại trừ)\s+(.*)\)$", re.I)


def _excepted_unit(bracket: str, indicator: str) -> str | None:
    """The unit a table's unit line gives the rows it excepts ('ĐVT: tỷ đồng (riêng xuất nhập khẩu: triệu USD; IIP:
    %)'): the one whose name the row's indicator holds, all its words, or all but one of three or more ('xuất nhập
    khẩu' for 'Kim ngạch xuất khẩu'); None when the row is none of them."""
    m = _EXCEPTED.match(bracket.strip())
    if not m:
        return None
    words = set(re.findall(r"\w+", fold(indicator)))
    for item in re.split(r"[;,]", m.group(1)):
        name, colon, unit = item.partition(":")
        named = re.findall(r"\w+", fold(name))
        if colon and named and unit.strip() and len(set(named) - words) <= (len(named) >= 3):
            return unit.strip()
    return None

