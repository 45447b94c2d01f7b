"""Pipe tables in plain text and Markdown ('| Chỉ tiêu | ĐVT | Thực hiện 6 tháng 2023 | ...'), and tables whose
cells are separated by tabs (pasted from a spreadsheet or a Word appendix): each body
row rendered with its column headers, as Word tables are (docx_loader.table_lines), so a figure in a
cell keeps the period and kind its column names. Lines stay 1:1 with the file: header and rule rows
become blank, so cited line numbers still point into the source."""
from __future__ import annotations

import re

from .types import SourceText

_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CAPTION_MAX = 160


def _cells(line: str, sep: str = "|", bare: bool = False) -> list[str]:
    if sep == "\t":  # a leading tab is an empty first cell ('\tTrong đó: ...' has no STT)
        return [c.strip() for c in line.rstrip().split("\t")]
    if bare:  # no outer bars: a leading bar is an empty first cell (' | TỔNG CHI ... | 9.846,2' has no STT)
        return [c.strip().strip("*").strip() for c in line.split("|")]
    return [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]


def _sep(line: str) -> str:
    return "\t" if line.count("\t") >= 2 else "|"


def render_pipe_tables(src: SourceText) -> SourceText:
    from .docx_loader import table_lines
    lines, hints = list(src.lines), dict(src.hints)
    i, n_tables = 0, 0
    while i < len(lines):
        if _ROW.match(lines[i]) and i + 1 < len(lines) and _RULE.match(lines[i + 1]):
            rule, j = 1, i + 2
            while j < len(lines) and _ROW.match(lines[j]):
                j += 1
        elif j := _bare_table(lines, i):  # 'STT | Chỉ tiêu | ĐVT | ...' with no rule line and no outer bars
            rule = 0
        else:
            i += 1
            continue
        sep = "|" if rule else _sep(lines[i])
        bare = not rule and not _ROW.match(lines[i])  # (outer bars and no rule line: '| TT | Chỉ tiêu | ... |')
        header, body = _cells(lines[i], sep, bare), [_cells(x, sep, bare) for x in lines[i + 1 + rule:j]]
        width = len(header)
        body = [(r + [""] * width)[:width] for r in body]
        sub = _subheader(header, body)
        if sub:  # a merged header cell: the empty cells right of it are spanned (None), as Word's are
            header = [None if not t and any(header[1:k]) and body[0][k] else t for k, t in enumerate(header)]
        grid = [header] + body
        n_tables += 1
        # the caption: the nearest line above, past a note in brackets ('(Kèm theo Báo cáo số 318/BC-UBND ...)')
        above = next((lines[k].strip() for k in range(i - 1, max(-1, i - 5), -1) if lines[k].strip()
                      and not re.fullmatch(r"\(.*\)", lines[k].strip())), "")
        caption = above.strip("*# ") if above and len(above) <= _CAPTION_MAX and not _ROW.match(above) else f"Bảng {n_tables}"
        rendered = table_lines(grid, caption)
        if len(rendered) == len(body) - sub:  # one rendered line per body row: keep the file's line numbers
            for k in range(i, i + 1 + rule + sub):
                lines[k] = ""  # header, rule and the row of column names
            for k, row in enumerate(rendered):
                lines[i + 1 + rule + sub + k] = row
                hints[i + 1 + rule + sub + k] = "table"
        i = j
    return SourceText(lines=lines, encoding=src.encoding, fmt=src.fmt, pages=src.pages, hints=hints)


def _subheader(header: list[str], body: list[list[str]]) -> int:
    """1 when the first body row is a second header row under merged cells: the header has an empty
    cell right of a text one ('| Ước thực hiện năm 2025 | | |'), and the row below names columns
    ('| | | Toàn tỉnh | Khu vực Thái Nguyên (cũ) | ...'): no row label, only words in its cells."""
    if not body or len(body) < 2:
        return 0
    first = body[0]
    spanned = any(not t and any(header[1:k]) and first[k] for k, t in enumerate(header) if k > 1)
    words = [t for t in first if t]
    return int(spanned and not first[0] and not first[1] and bool(words)
               and not any(re.search(r"\d[\d.,]*\s*%?$", t) and not re.search(r"[^\W\d]{3}", t) for t in words))


_BARE = re.compile(r"\S\s*\|\s*\S")


def _bare_table(lines: list[str], i: int) -> int:
    """The end of a table written with bars between cells only ('STT | Chỉ tiêu | ĐVT | Thực hiện năm 2024'), with
    outer bars but no rule line under its header, or tabs: a header of at least three cells, none a number, over at
    least two rows of as many cells. 0 if none."""
    if _sep(lines[i]) == "\t":  # tabs: rows of at least three cells, up to the header's
        tabs = lines[i].count("\t")
        if any(re.fullmatch(r"[\d.,%≥≤<>\s-]+", t) for t in _cells(lines[i], "\t") if t):
            return 0
        j = i + 1
        while j < len(lines) and 2 <= lines[j].count("\t") <= tabs:
            j += 1
        return j if j - i >= 3 else 0
    outer = bool(_ROW.match(lines[i]))  # '| TT | Chỉ tiêu | ĐVT | ... |' with no rule line under the header
    if lines[i].count("|") < 2 + 2 * outer or not _BARE.search(lines[i]):
        return 0
    header = _cells(lines[i])
    if any(re.fullmatch(r"[\d.,%≥≤<>\s-]+", t) for t in header if t):
        return 0
    j = i + 1
    while j < len(lines) and lines[j].count("|") == lines[i].count("|") and bool(_ROW.match(lines[j])) == outer:
        j += 1
    return j if j - i >= 3 else 0


_MD_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|^\s*(?:\*\*|__)|(?:\*\*|__)\s*$")


def markdown_plain(lines: list[str]) -> list[str]:
    """The lines without Markdown's heading and bold marks ('# UBND TỈNH TÂY NINH', '**ỦY BAN ...**'), for
    reading the title, letterhead and period: the marks are no words of the report. Passages keep the file's
    lines as they are."""
    return [_MD_MARKS.sub("", x) for x in lines]


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+\S")


def markdown_headings(lines: list[str], hints: dict[int, str]) -> dict[int, str]:
    """`hints` with Markdown's headings marked ('# Hải Dương: GRDP quý I/2025 tăng 10,26%' -> 'h1'), as Word's are:
    for reading the title (ingest.pipeline); passages do not take them as sections."""
    out = dict(hints)
    for i, x in enumerate(lines):
        if i not in out and (m := _MD_HEADING.match(x)):
            out[i] = f"h{len(m.group(1))}"
    return out
