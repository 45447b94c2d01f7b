"""Word .docx -> lines: one line per paragraph, one self-describing line per table row.

A table cell alone ("2.202,4") cannot be cited; rendered with its caption, row and column
headers ("Biểu 2 > Thu ngân sách > Quý I/2022: 2.202,4") the line answers a question by itself.
Heading styles are passed on as hints so the section tree does not rest on guessing.
"""
from __future__ import annotations

import io
import re
import unicodedata

from .textnorm import fold
from .types import IngestError, SourceText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Built-in names are English in styles.xml whatever the Word language; tools that localise
# them write 'Tiêu đề 1' / 'Đầu đề 1'; 'Title' / 'Tiêu đề' is the document title.
_HEADING = re.compile(r"(?i)(?:heading|tiêu đề|đầu đề)\s*(\d)")
_TITLE = re.compile(r"(?i)title|tiêu đề")
_NUMBER = re.compile(r"[-+−]?\d[\d.,]*\s*(?:%|[^\d\s].{0,24})?")  # '2.202,4 tỷ đồng', '95%'
_ORDINAL = re.compile(r"(?i)[\dIVX]{1,4}(?:\.\d{1,2})*\.?|[a-zđ][.)]?|[-+*•]|")  # an STT column's values ('-' a part)
_CAPTION_MAX = 120


def load_docx(data: bytes, name: str) -> SourceText:
    """Paragraphs and tables of the body in document order; hints mark headings and table rows."""
    from docx.table import Table  # python-docx loads in ~50 ms: only when a Word file is read
    from docx.text.paragraph import Paragraph
    document = _open(data, name)
    lines: list[str] = []
    hints: dict[int, str] = {}
    above: list[str] = []  # the paragraphs since the last table, nearest last: a table's caption and unit
    n_tables = 0
    for kind, el in _body_items(document.element.body):
        if kind == "p":
            para = Paragraph(el, document)
            text = _clean(para.text)
            if not text:
                continue
            if level := _heading_level(para):
                hints[len(lines)] = f"h{level}"
            lines.append(text)
            above = (above + [text])[-3:]
            continue
        table = Table(el, document)
        grid = _grid(table)
        if is_data_table(grid):
            n_tables += 1
            title = table_caption(above[::-1], _CAPTION_MAX) or f"Bảng {n_tables}"
            for row in table_lines(grid, title):
                hints[len(lines)] = "table"
                lines.append(row)
        else:  # a layout table (letterhead, signature block): its paragraphs are plain lines
            lines.extend(_layout_lines(table))
        above = []
    return SourceText(lines=lines, encoding="docx", fmt="docx", hints=hints)


_UNIT_LINE = re.compile(r"\(?\s*(?:Đơn vị tính|Đơn vị|ĐVT)\s*:\s*[^()]{1,40}\)?", re.I)


def table_caption(above: list[str], limit: int) -> str | None:
    """A table's caption from the lines above it, nearest first: the first that is neither its unit ('Đơn vị tính:
    Tỷ đồng', '(ĐVT: %)') nor a note in brackets ('(Kèm theo Báo cáo số ...)'), with the unit after it in brackets,
    as the table's figures count it. None when that line is longer than `limit` (a paragraph, not a caption)."""
    unit, caption = "", None
    for text in (t.strip() for t in above if t.strip()):
        if _UNIT_LINE.fullmatch(text):
            unit = unit or (text if text.startswith("(") else f"({text})")
        elif not re.fullmatch(r"\(.*\)", text):
            caption = text
            break
    if caption is None or len(caption) > limit:
        return None
    return f"{caption} {unit}" if unit else caption


def _open(data: bytes, name: str):
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(f"{name}: is an old binary Word .doc file, not .docx; open it in Word and save as .docx")
    if not data.startswith(b"PK"):
        raise IngestError(f"{name}: not a Word .docx file (no ZIP package inside)")
    import docx
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zip, KeyError, lxml and package errors alike
        raise IngestError(f"{name}: not a readable Word .docx file ({type(e).__name__}: {e})") from e


def _body_items(parent):
    """(tag, element) for w:p and w:tbl in document order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            yield "p", child
        elif child.tag == f"{_W}tbl":
            yield "tbl", child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_items(content)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _heading_level(para) -> int | None:
    """1-4 from the paragraph's style name, else from an outline level it or its style sets."""
    style = para.style
    name = style.name if style is not None else ""
    if m := _HEADING.fullmatch(name.strip()):
        return min(max(int(m.group(1)), 1), 4)
    if _TITLE.fullmatch(name.strip()):
        return 1
    elements = [para._p] + ([s.element for s in _style_chain(style)])
    for el in elements:
        lvl = el.find(f"{_W}pPr/{_W}outlineLvl")
        if lvl is not None:
            value = int(lvl.get(f"{_W}val", "9"))
            return min(value + 1, 4) if value < 9 else None  # 9 means body text
    return None


def _style_chain(style):
    seen = 0
    while style is not None and seen < 10:
        yield style
        style, seen = style.base_style, seen + 1


def _grid(table) -> list[list[str | None]]:
    """Cell texts per grid column; None where a cell spans on from the left or is missing.

    (A vertically merged cell repeats its text in each row: the row header of every row.)
    """
    grid = []
    for row in table.rows:
        texts: list[str | None] = [None] * row.grid_cols_before
        prev = None
        for cell in row.cells:
            texts.append(None if cell._tc is prev else _clean(cell.text))
            prev = cell._tc
        grid.append(texts + [None] * row.grid_cols_after)
    width = max((len(r) for r in grid), default=0)
    return [r + [None] * (width - len(r)) for r in grid]


def _layout_lines(table) -> list[str]:
    """Each paragraph of each cell, row by row, a merged cell once."""
    out, seen = [], set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # (the element itself: lxml keeps its proxy while referenced)
                continue
            seen.add(cell._tc)
            out.extend(t for p in cell.paragraphs if (t := _clean(p.text)))
    return out


def is_data_table(grid: list[list[str | None]]) -> bool:
    """A table of figures, not a layout table: enough numbers in the value columns, or an STT column."""
    if len(grid) < 2 or len(grid[0]) < 2:
        return False
    if _clean(grid[0][0] or "").lower().replace(" ", "") in ("stt", "tt", "sốtt"):
        return True
    # 'Chỉ tiêu | Kết quả' with the results in words ('Ước tăng 14,86% so với cùng kỳ'): a table of figures too
    if fold(_clean(grid[0][0] or "")).lower() in _LABEL_HEADERS and any(_DIGIT.search(t or "") for r in grid[1:] for t in r[1:]):
        return True
    values = [_clean(t) for row in grid[1:] for t in row[1:] if t]
    numbers = sum(bool(_NUMBER.fullmatch(t)) for t in values)
    return numbers >= 1 and numbers >= 0.3 * len(values)


_LABEL_HEADERS = {"chi tieu", "noi dung", "chi so", "danh muc", "hang muc", "linh vuc", "chi tieu chu yeu"}
_DIGIT = re.compile(r"\d")


def table_lines(grid: list[list[str | None]], caption: str, rows_out: list[int] | None = None) -> list[str]:
    """'caption > row header > column header: value; column header: value' per body row.

    `grid` holds cell texts per column, None where a merged cell spans on from the left. The
    first row holds the column headers; when it has spanning cells (a 'Quý I/2022' over
    'Kế hoạch' | 'Thực hiện') the next row is a header row too, and the headers join as
    'Quý I/2022 - Thực hiện'. The row header is the first column, or the second when the first
    only numbers the rows (STT).
    """
    grid = [[None if c is None else _clean(c) for c in row] for row in grid]
    n_head = 1
    while n_head < min(3, len(grid) - 1) and _spans(grid[n_head - 1]):
        n_head += 1
    width = len(grid[0])
    headers = [""] * width
    for row in grid[:n_head]:
        left = ""
        for j, t in enumerate(row):
            left = left if t is None else t  # a spanning header covers the columns it spans
            if left and left not in headers[j].split(" - "):
                headers[j] = f"{headers[j]} - {left}" if headers[j] else left
    body = grid[n_head:]
    label = 1 if width > 2 and all(_ORDINAL.fullmatch(r[0] or "") for r in body) else 0
    out = []
    for i, row in enumerate(body, n_head):
        row_header = row[label] or ""
        cells = [f"{headers[j]}: {v}" if headers[j] else v
                 for j in range(label + 1, width) if (v := row[j])]
        if not row_header and not cells:
            continue
        line = " > ".join([caption] + ([row_header] if row_header else []))
        out.append(f"{line} > {'; '.join(cells)}" if cells else line)
        if rows_out is not None:
            rows_out.append(i)  # (the grid row each line renders)
    return out


def _spans(row: list[str | None]) -> bool:
    """Whether a row has a cell spanning several columns (None right of a cell with text)."""
    return any(c is None and any(row[:j]) for j, c in enumerate(row))
