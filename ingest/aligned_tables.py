"""Tables laid out with spaces (a statistics release's appendix typed in a text editor, or text taken from a
PDF with its layout kept): 'Khu vực Cần Thơ (cũ)      14.126,8      14.850      15.984,6'. Read by where
each cell stands, like a person reading down a column: the values of a row are the cells after its label,
each under the column heading printed above it (over one to three lines). Each body row is then rendered as
Word tables are (docx_loader.table_lines), so a cell keeps the period and kind its column names; header and
rule lines become blank, so cited line numbers still point into the source."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .docx_loader import table_caption, table_lines
from .types import SourceText

# a cell: words joined by single spaces; two spaces or more part cells
_CELL = re.compile(r"\S+(?: \S+)*")
# a value cell: a number (a sign, a unit or a word or two after it: '3,0 trở lên', '108,6%'), or a dash for none
# (a decrease in brackets, as accounts print it: '(24.226)')
_VALUE = re.compile(r"[-–—x]|\(\d[\d.,]*\)|[<>≥≤~+]?\s?\d[\d.,]*\s*%?(?:\s+[^\W\d]+){0,2}")
_RULE = re.compile(r"^\s*[-=_–—]{10,}\s*$")
# dot leaders between a label and its values ('Kim ngạch xuất khẩu ........ 104,6 ...... 1.078,4'): a gap, as spaces are
_LEADERS = re.compile(r" ?(?:\.{3,}|…+) ?")
_MIN_ROWS = 3


@dataclass
class _Row:
    line: int
    lead: list[tuple[int, int, str]]  # the cells before the values: number, label, unit
    values: list[tuple[int, int, str]]


def _cells(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CELL.finditer(line)]


def _row(i: int, line: str) -> _Row | None:
    """A body row: a label with letters, then two values or more, each set apart by two spaces or more."""
    cells = _cells(line)
    k = len(cells)
    while k > 0 and _VALUE.fullmatch(cells[k - 1][2]):
        k -= 1
    lead, values = cells[:k], cells[k:]
    if len(values) < 2 or not lead or not re.search(r"[^\W\d_]{2}", " ".join(c[2] for c in lead)):
        return None
    return _Row(i, lead, values)


# a scan's digits as OCR misreads them ('172.OOO', '6O8', 'l842', '1. 846,2'): read as the digits they are, each
# change keeping the line's length so the columns stay where they stand
_OCR_DIGIT = re.compile(r"(?<=[\d.,])[Oo](?=[\dOo.,]|\s|$)|[Oo](?=\d)|(?<=\d)l(?=[\d.,])|l(?=\d)|(?<![^\W\d_])l(?=[.,]\d)")
_SPLIT_GROUP = re.compile(r"(?<![\d.,])(\d{1,3}[.,]) (\d{3}(?:[.,]\d+)?)(?![\d.,])")


def _ocr_digits(line: str) -> str:
    while (fixed := _OCR_DIGIT.sub(lambda m: "0" if m.group() in "Oo" else "1", line)) != line:
        line = fixed
    return _SPLIT_GROUP.sub(r"\1\2 ", line)


def render_aligned_tables(src: SourceText) -> SourceText:
    # read with leaders as gaps, and a scan's misread digits as digits (a rendered row shows them so)
    view = [_ocr_digits(_LEADERS.sub(lambda m: " " * len(m.group()), x)) for x in src.lines]
    lines, hints = list(view), dict(src.hints)
    i, n_tables, last = 0, 0, None
    while i < len(lines):
        if hints.get(i) == "table" or (first := _row(i, lines[i])) is None:
            i += 1
            continue
        rows, j = [first], i + 1
        while j < len(lines):
            if hints.get(j) == "table":
                break
            if (r := _row(j, lines[j])) is not None:
                rows.append(r)
            elif not _continues(lines[j], rows[-1]):
                break
            j += 1
        going_on = last is not None and i - last.end <= _PAGE_BREAK  # (a page's last rows may be one or two)
        if len(rows) < (1 if going_on else _MIN_ROWS) or not _columns_agree(rows):
            i = j if len(rows) >= _MIN_ROWS else i + 1
            continue
        n_tables += 1
        # a table going on after a page break (a page number, the running header): the rows below take its headings
        last = _render(lines, hints, rows, i, j, n_tables, last if going_on else None)
        i = j
    # what no table took keeps its own text (leaders included)
    lines = [new if new != seen else own for own, seen, new in zip(src.lines, view, lines)]
    return SourceText(lines=lines, encoding=src.encoding, fmt=src.fmt, pages=src.pages, hints=hints)


def _continues(line: str, prev: _Row) -> bool:
    """A label wrapped onto the next line ('     nước)' under 'Vốn ngân sách trung ương (trong'): one cell, no
    value, indented past the row's start or going on with a small letter or an open bracket; not a note under
    the table ('(Đơn vị: tỷ đồng)' where the rows start)."""
    cells = _cells(line)
    if len(cells) != 1 or not prev.lead or _VALUE.fullmatch(cells[0][2]):
        return False
    label = " ".join(c[2] for c in prev.lead)
    s, e, text = cells[0]
    return e <= prev.values[0][0] and (s > prev.lead[0][0] or text[0].islower() or label.count("(") > label.count(")"))


def _unit(r: _Row) -> tuple[int, int, str] | None:
    """A row's unit cell: a short cell right before its values, after its label ('%', 'Tỷ đồng', 'Nghìn lượt')."""
    return r.lead[-1] if len(r.lead) >= 2 and len(r.lead[-1][2]) <= 16 else None


def _columns_agree(rows: list[_Row]) -> bool:
    """Most rows have the same number of values, and their values stand in the same places."""
    n = max(len(r.values) for r in rows)
    full = [r for r in rows if len(r.values) == n]
    if len(full) * 2 < len(rows):
        return False
    # a column's cells end within a few characters of each other, right- or left-aligned
    return all(max(ends) - min(ends) <= 12 for ends in ([r.values[k][1] for r in full] for k in range(n)))


_PAGE_BREAK = 6  # lines between a table's last row on one page and its next row on the next


@dataclass
class _Carried:
    """What a table's rows on the next page, printed with no headings, take from its first page."""
    end: int
    spans: list[tuple[int, int]]
    unit_col: bool
    heads: list[str]
    caption: str


def _render(lines: list[str], hints: dict[int, str], rows: list[_Row], start: int, end: int, n: int,
            before: _Carried | None = None) -> _Carried | None:
    n_values = max(len(r.values) for r in rows)
    full = [r for r in rows if len(r.values) == n_values]
    spans = [(min(r.values[k][0] for r in full), max(r.values[k][1] for r in full)) for k in range(n_values)]
    units = [u for r in rows if (u := _unit(r))]  # a unit column: most rows have a unit cell
    unit_col = len(units) * 2 > len(rows)
    unit_span = (min(u[0] for u in units), max(u[1] for u in units)) if unit_col else None
    label_end = unit_span[0] if unit_span else spans[0][0]
    columns = [(0, label_end)] + ([unit_span] if unit_span else []) + spans
    header_rows, top = _header(lines, start)
    if not header_rows and before and before.unit_col == unit_col and len(before.spans) == n_values and all(
            min(b, d) > max(a, c) for (a, b), (c, d) in zip(before.spans, spans)):
        return _rendered(lines, hints, rows, start, end, before.heads, before.caption, before.spans, unit_col,
                         columns, n_values)
    heads = [""] * len(columns)
    for k in header_rows:
        for s, e, text in _cells(lines[k]):
            # one cell over two columns (OCR closed the gap: '6 tháng/2024 So CK (%)'): word by word
            centres = sum(s <= (a + b) / 2 <= e for a, b in columns[1:])
            parts = [(s + m.start(), s + m.end(), m.group()) for m in re.finditer(r"\S+", text)] \
                if centres >= 2 else [(s, e, text)]
            for ps, pe, word in parts:
                c = _column_of(ps, pe, columns)
                heads[c] = f"{heads[c]} {word}".strip()
    # the same heading over two columns ('So cùng kỳ (%)' after 'Quý III' and after '9 tháng'): each is
    # named with the nearest column to its left that names a period
    named = list(heads)
    for k, h in enumerate(named):
        if h and named.count(h) > 1:
            left = next((named[j] for j in range(k - 1, 0, -1) if re.search(r"\d", named[j]) and named.count(named[j]) == 1), "")
            heads[k] = f"{left} - {h}" if left else h
    caption = _caption(lines, top) or f"Bảng {n}"
    return _rendered(lines, hints, rows, top, end, heads, caption, spans, unit_col, columns, n_values)


def _rendered(lines: list[str], hints: dict[int, str], rows: list[_Row], top: int, end: int, heads: list[str],
              caption: str, spans: list[tuple[int, int]], unit_col: bool, columns: list[tuple[int, int]],
              n_values: int) -> _Carried | None:
    """The rows rendered under `heads` in place (headings, rules and wrapped labels blank), and what rows on the
    next page would take; None where a row would vanish (the text stays as printed)."""
    start = rows[0].line
    grid: list[list[str | None]] = [heads]
    labels: dict[int, str] = {}
    # (an ordinal column one space from the label, 'TT Chỉ tiêu' over '7  Thu NSNN trên địa bàn': the number is no
    # part of the label, as a Word table's STT column is not)
    numbered = bool(re.match(r"(?i)s?tt\b", (heads[0] or "").strip()))
    for r in rows:
        lead = r.lead[:-1] if unit_col and _unit(r) else r.lead
        label = " ".join(c[2] for c in lead)
        labels[r.line] = re.sub(r"^\d{1,2}[.)]?\s+(?=[^\W\d_])", "", label) if numbered else label
    for k in range(start, end):  # a wrapped label's second line joins its row's label
        if k not in labels and lines[k].strip():
            prev = max(x for x in labels if x < k)
            labels[prev] = f"{labels[prev]} {lines[k].strip()}"
    for r in rows:
        cells = [labels[r.line]] + ([""] if unit_col else []) + [""] * n_values
        if unit_col and (u := _unit(r)):
            cells[1] = u[2]
        for s, e, text in r.values:
            cells[_column_of(s, e, columns[len(columns) - n_values:]) + len(columns) - n_values] = \
                "" if text in "-–—x" else text
        grid.append(cells)
    rendered = table_lines(grid, caption)
    if len(rendered) != len(rows):
        return None  # a row would vanish: keep the text as printed rather than shift the lines
    for k in range(top, end):  # headings, rule lines and wrapped labels: blank, each line keeps its number
        lines[k] = ""
    for r, text in zip(rows, rendered):
        lines[r.line] = text
        hints[r.line] = "table"
    return _Carried(end, spans, unit_col, heads, caption)


def _header(lines: list[str], start: int) -> tuple[list[int], int]:
    """The lines of column headings above the first row (up to three, past a rule line), top first; and the
    first of them (or the row) for finding the caption above."""
    out, k = [], start - 1
    while k >= 0 and len(out) < 3:
        text = lines[k]
        if _RULE.match(text):
            k -= 1
            continue
        if not text.strip() or len(_cells(text)) < 2:
            break
        out.append(k)
        k -= 1
    return sorted(out), (min(out) if out else start)


def _column_of(s: int, e: int, columns: list[tuple[int, int]]) -> int:
    """The column a cell stands in: the one it overlaps most, else the nearest."""
    overlap = [min(e, b) - max(s, a) for a, b in columns]
    best = max(range(len(columns)), key=lambda c: overlap[c])
    if overlap[best] > 0:
        return best
    mid = (s + e) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - mid))


def _caption(lines: list[str], top: int) -> str:
    """The nearest short line above the headings ('MỘT SỐ CHỈ TIÊU CHỦ YẾU ...'), past a unit note, a note in brackets
    ('(Kèm theo Báo cáo số 468/BC-SKHĐT ...)', which names no period nor indicator) and column headings the header
    did not take (words spaced out in columns), as a Word table's (`table_caption`)."""
    above = [x for k in range(top - 1, max(-1, top - 7), -1)
             if not re.search(r"\S\s{3,}\S", x := lines[k].strip("*# \t"))]
    return table_caption(above[:4], 160) or ""
