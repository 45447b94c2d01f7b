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
    if sep in "\t;":  # a leading tab is an empty first cell ('\tTrong đó: ...' has no STT)
        return [c.strip() for c in line.rstrip().split(sep)]
    if bare:  # no outer bars: a leading bar is an empty first cell (' | TỔNG CHI ... | 9.846,2' has no STT)
        return [c.strip().strip("*").strip() for c in line.split("|")]
    return [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]


def _sep(line: str) -> str:
    return "\t" if line.count("\t") >= 2 else ";" if _SEMI.match(line) else "|"


# a row exported with semicolons ('STT;Nội dung;Dự toán TW giao;Thực hiện 10 tháng'): at least three, no space
# after any (prose separates clauses with '; ')
_SEMI = re.compile(r"^[^;\s][^;]{0,80}(?:;(?!\s)[^;]{0,80}){3,}$")


def render_pipe_tables(src: SourceText) -> SourceText:
    from .docx_loader import table_caption, table_lines
    lines, hints = list(src.lines), dict(src.hints)
    i, n_tables = 0, 0
    while i < len(lines):
        stacked = None
        if j := _letterhead_table(lines, i):
            i = j
            continue
        if grid := _grid_table(lines, i):  # '+----+------+' rules around '| TT | Chỉ tiêu |' rows
            j, head, groups = grid
            header = _joined([_cells(lines[k]) for k in head])
            body = [(rows[0], _joined([_cells(lines[k]) for k in rows])) for rows in groups]
        else:
            # (the column names over one to three lines above the rule: '| Ước TH |' over '| tháng 6 |')
            heads = 1  # lines of column names, above the rule when there is one
            if (h := next((h for h in (1, 2, 3) if i + h < len(lines) and _RULE.match(lines[i + h])
                           and all(_ROW.match(lines[k]) for k in range(i, i + h))), 0)):
                rule, heads, j = 1, h, i + h + 1
                while j < len(lines) and _ROW.match(lines[j]):
                    j += 1
            elif stacked := _stacked_tab_table(lines, i):  # a Word annex's header over two or three lines
                rule, (j, header, body) = 0, stacked
            elif j := _bare_table(lines, i):  # 'STT | Chỉ tiêu | ĐVT | ...' with no outer bars, or no rule line
                rule = int(bool(_RULE.match(lines[i + 1])))  # ('----|-------|----' under the header: no row)
            else:
                i += 1
                continue
            if not stacked:
                sep = "|" if rule else _sep(lines[i])
                bare = not _ROW.match(lines[i])  # (outer bars and no rule line: '| TT | Chỉ tiêu | ... |')
                header = _joined([_cells(lines[k], sep, bare) for k in range(i, i + heads)])
                body = [(k, _cells(lines[k], sep, bare)) for k in range(i + heads + rule, j)]
        width = len(header)
        body = _unwrapped([(k, (r + [""] * width)[:width]) for k, r in body])
        sub = _subheader(header, [r for _, r in body])
        if sub:  # a merged header cell: the empty cells right of it are spanned (None), as Word's are
            header = [None if _spanned(header, k) and body[0][1][k] else t for k, t in enumerate(header)]
        grid_rows = [header] + [r for _, r in body]
        n_tables += 1
        # the caption: the nearest line above, past a note in brackets ('(Kèm theo Báo cáo số 318/BC-UBND ...)') and
        # the unit ('Đơn vị tính: Tỷ đồng', '(Đơn vị: triệu đồng)'), which follows it: what the figures count
        above = [x.strip("*# ") for k in range(i - 1, max(-1, i - 5), -1) if (x := lines[k].strip())]
        caption = table_caption(above, _CAPTION_MAX)
        caption = caption if caption and not _ROW.match(caption) else f"Bảng {n_tables}"
        rows_out: list[int] = []
        rendered = table_lines(grid_rows, caption, rows_out)
        at = {body[r - 1][0]: line for r, line in zip(rows_out, rendered)}  # (grid row r is body row r - 1)
        for k in range(i, j):  # header, rules, the row of column names and wrapped lines go blank: line numbers hold
            lines[k] = at.get(k, "")
            if k in at:
                hints[k] = "table"
        i = j
    return SourceText(lines=lines, encoding=src.encoding, fmt=src.fmt, pages=src.pages, hints=hints)


def _letterhead_table(lines: list[str], i: int) -> int:
    """A letterhead Word saved as a table ('| UBND TỈNH SƠN LA<br>**SỞ KẾ HOẠCH VÀ ĐẦU TƯ** | **CỘNG HÒA XÃ HỘI ...**'):
    its rows become the two-column lines a letterhead is in text (cells three spaces apart, a cell's lines one space
    apart, no bold marks), read as a letterhead, not rendered as a table's rows. The line after it, or 0 when none
    starts at `i`."""
    j = i
    while j < len(lines) and (_ROW.match(lines[j]) or _RULE.match(lines[j])):
        j += 1
    if j == i or not any(_MOTTO.search(lines[k]) for k in range(i, j)):
        return 0
    rows = [None if _RULE.match(lines[k]) else [[re.sub(r"\*+|_{2,}", "", x).strip() for x in re.split(r"<br\s*/?>", c)]
                                                for c in lines[k].strip().strip("|").split("|")] for k in range(i, j)]
    for k, row in zip(range(i, j), rows):
        if row is None:
            lines[k] = ""  # (a rule: empty, unless the row above puts its cells' second lines on it, below)
    for k, row in zip(range(i, j), rows):
        if row is None:
            continue
        # (a cell's second line goes on the rule's line under it, as a letterhead's second line is in text: 'UBND TỈNH
        # SƠN LA' over 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ', the office that speaks; with no rule under it, beside it)
        under = k + 1 < j and rows[k + 1 - i] is None
        lines[k] = "   ".join(x for c in row for x in (c[:1] if under else c) if x)
        if under:
            lines[k + 1] = "   ".join(x for c in row for x in c[1:] if x)
    return j


_MOTTO = re.compile(r"(?i)c[ộo]ng\s+h[òo]a\s+x[ãa]\s+h[ộo]i\s+ch[ủu]\s+ngh[ĩi]a|[đd][ộo]c\s+l[ậa]p\s*-\s*t[ựu]\s+do")
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")


def _grid_table(lines: list[str], i: int) -> tuple[int, list[int], list[list[int]]] | None:
    """An ASCII grid table ('+----+-------+' rules, '| TT | Chỉ tiêu |' rows): its end, the lines of its header (the
    rows above the second rule) and its body rows, each the lines between two rules when rules part every row, else
    one line each. None if no grid table starts at line `i`."""
    if not (_GRID_RULE.match(lines[i]) and i + 1 < len(lines) and _ROW.match(lines[i + 1])):
        return None
    j, rules = i, []
    while j < len(lines) and (_ROW.match(lines[j]) or _GRID_RULE.match(lines[j])):
        if _GRID_RULE.match(lines[j]):
            rules.append(j)
        j += 1
    rows = [k for k in range(i, j) if _ROW.match(lines[k])]
    # the header: the rows above the second rule, when rows follow it and a rule closes them; else the first row
    head = [k for k in rows if k < rules[1]] if len(rules) > 2 and any(k > rules[1] for k in rows) else rows[:1]
    if len(head) > 3:  # (no header rule: the first row names the columns)
        head = rows[:1]
    body = [k for k in rows if k > head[-1]]
    inner = [r for r in rules if body and body[0] < r < body[-1]]
    if inner and len(inner) >= len(body) // 2:  # rules part the rows: a row's cells wrap over the lines between
        groups, cur = [], []
        for k in range(body[0], body[-1] + 1):
            if k in inner:
                groups, cur = groups + [cur] if cur else groups, []
            elif k in body:
                cur.append(k)
        groups += [cur] if cur else []
    else:
        groups = [[k] for k in body]
    return j, head, groups


def _joined(rows: list[list[str]]) -> list[str]:
    """Rows of cells read as one ('KH năm' over '2022' is 'KH năm 2022')."""
    width = max(len(r) for r in rows)
    return [" ".join(t for r in rows if k < len(r) and (t := r[k])) for k in range(width)]


def _unwrapped(body: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Rows whose cells wrapped onto the next line ('| 2 | Giá trị sản xuất nông, lâm | Tỷ đồng | 9.860,0 |' over
    '|   | nghiệp và thủy sản |  |  |'): a row that fills only cells the row above fills, each starting in lower case
    or a bracket, continues that row."""
    out: list[tuple[int, list[str]]] = []
    for k, row in body:
        filled = [(c, t) for c, t in enumerate(row) if t]
        if out and filled and all((t[0].islower() or t[0] == "(") and out[-1][1][c] for c, t in filled):
            out[-1] = (out[-1][0], [f"{a} {b}".strip() for a, b in zip(out[-1][1], row)])
        else:
            out.append((k, row))
    return out


def _subheader(header: list[str], body: list[list[str]]) -> int:
    """1 when the first body row is a second header row under merged cells: the header has an empty
    cell right of a text one ('| Ước thực hiện năm 2025 | | |'), and the row below names columns
    ('| | | Toàn tỉnh | Khu vực Thái Nguyên (cũ) | ...'): no row label, only words in its cells. A Word export may
    repeat a merged cell's text in every cell it spans, in the header ('| Ước 11 tháng | Ước 11 tháng |') and in the
    row below ('| STT | Chỉ tiêu |' again under '| STT | Chỉ tiêu |')."""
    if not body or len(body) < 2:
        return 0
    first = body[0]
    spanned = any(_spanned(header, k) and first[k] for k in range(2, len(header)))
    words = [t for t in first if t]
    return int(spanned and all(not first[c] or first[c] == header[c] for c in (0, 1)) and bool(words)
               and not any(re.search(r"\d[\d.,]*\s*%?$", t) and not re.search(r"[^\W\d]{3}", t) for t in words))


def _spanned(header: list[str], k: int) -> bool:
    """Whether header cell `k` is spanned by a merged cell on its left: empty, or the same text again."""
    return k > 1 and (not header[k] or header[k] == header[k - 1]) and any(header[1:k])


_BARE = re.compile(r"\S\s*\|\s*\S")


def _bare_table(lines: list[str], i: int) -> int:
    """The end of a table written with bars between cells only ('STT | Chỉ tiêu | ĐVT | Thực hiện năm 2024'), with
    outer bars but no rule line under its header, or tabs or semicolons: a header of at least three cells, none a
    number, over at least two rows of as many cells. 0 if none."""
    first = lines[i]
    sep = _sep(first)
    if sep == "\t":  # tabs: rows of at least three cells, up to the header's
        def fits(x: str) -> bool:
            return 2 <= x.count("\t") <= first.count("\t")
    elif sep == ";":  # semicolons: rows of as many cells, none followed by a space
        def fits(x: str) -> bool:
            return bool(_SEMI.match(x)) and x.count(";") == first.count(";")
    else:
        outer = bool(_ROW.match(first))  # '| TT | Chỉ tiêu | ĐVT | ... |' with no rule line under the header
        if first.count("|") < 2 + 2 * outer or not _BARE.search(first):
            return 0

        def fits(x: str) -> bool:
            return x.count("|") == first.count("|") and bool(_ROW.match(x)) == outer
    if not _names_columns(_cells(first, sep)):
        return 0
    j, rows = i + 1, 0
    while j < len(lines):
        if fits(lines[j]):
            rows += 1
        elif not (sep == "\t" and _group_label(lines, j, fits)):
            break
        j += 1
    return j if rows >= 2 else 0


_LABEL_ROW = re.compile(r"\s*[^\s\t\d][^\t]{0,78}[^\s\t.;:]\s*")


def _group_label(lines: list[str], j: int, fits) -> bool:
    """A group's label on a line of its own between a tab table's rows ('Phân theo khu vực kinh tế', 'Mặt hàng chủ yếu',
    'A | CHỈ TIÊU KINH TẾ' with its empty cells cut off), as a Word table's merged row is saved: the row after fits."""
    return (bool(_LABEL_ROW.fullmatch(lines[j])) or lines[j].count("\t") == 1) and j + 1 < len(lines) \
        and fits(lines[j + 1])


# the row numbering a Word annex's columns under its header ('A | B | C | 1 | 2 | 3 | 4=3/2 | 5=3/1'): no figures
_COLUMN_NO = re.compile(r"[A-Za-z]|\(?\d{1,2}\)?(?:\s*=\s*[\d()/*+x-]+)?")
_FIGURE_CELL = re.compile(r"[\d.,%≥≤<>\s-]+")


def _names_columns(cells: list[str]) -> bool:
    """A header line: two named cells or more, none a figure (a line of one cell, '\t\t\t\tĐVT: tỷ đồng' above the
    header, names no columns: the table starts below it)."""
    named = [t for t in cells if t]
    return len(named) >= 2 and not any(_FIGURE_CELL.fullmatch(t) for t in named)


def _stacked_tab_table(lines: list[str], i: int) -> tuple[int, list[str], list[tuple[int, list[str]]]] | None:
    """A tab table whose header runs over two or three lines, as a Word annex with merged header cells is copied
    ('STT | Chỉ tiêu | ĐVT | Năm 2023 | | | Kế hoạch năm 2024' over '| | | | Kế hoạch | Ước thực hiện | So sánh (%)'),
    often followed by a row numbering the columns ('A | B | C | 1 | 2 | 3=2/1'): a merged cell is saved as one
    cell, so the header lines hold fewer cells than the rows. Its end, its column names (each joined top down:
    'Năm 2023 - Ước thực hiện') and its body rows; None where no such table starts at line `i` (a header of one line
    over rows as wide is `_bare_table`'s)."""
    first = lines[i]
    if first.count("\t") < 2 or not _names_columns(_cells(first, "\t")):
        return None
    def cells(x: str) -> list[str]:  # (a header line's trailing empty cells count)
        return [c.strip() for c in x.rstrip("\r\n ").split("\t")]
    head, k, numbered = [cells(first)], i + 1, False
    while k < len(lines) and len(head) < 3 and "\t" in lines[k]:
        row = cells(lines[k])
        # a header line under merged cells: the first two (STT, Chỉ tiêu) empty or repeated, words only
        if (all(c >= len(row) or not row[c] or row[c] == head[0][c] for c in (0, 1)) and any(row[2:])
                and not any(_FIGURE_CELL.fullmatch(t) for t in row if t)):
            head.append(row)
            k += 1
        else:
            break
    if k < len(lines) and lines[k].count("\t") >= 2 and all(
            _COLUMN_NO.fullmatch(t) for t in _cells(lines[k], "\t") if t):
        numbered, k = True, k + 1
    j, body = k, []
    while j < len(lines):
        if lines[j].count("\t") >= 2:
            body.append((j, _cells(lines[j], "\t")))
        elif not _group_label(lines, j, lambda x: x.count("\t") >= 2):
            break
        j += 1
    width = max([len(r) for _, r in body] + [len(r) for r in head])
    # (a second header line under the first two cells left empty, naming two columns or more: 'Thực hiện' over 'tháng
    # 9/2023', 'Tháng 10/2023' over 'so với cùng kỳ (%)', as wide as the rows)
    under = len(head) == 2 and not head[1][0] and not (len(head[1]) > 1 and head[1][1]) \
        and sum(bool(c) for c in head[1][2:]) >= 2
    if len(body) < 2 or not (len(head) == 3 or numbered or under or any(len(r) > len(head[0]) for _, r in body)):
        return None
    return j, _stacked_names(head, width), body


def _stacked_names(head: list[list[str]], width: int) -> list[str]:
    """Column names of a header over several lines. A line with fewer cells than the table keeps its last cells
    (after its last empty one) at the right edge when it is the first ('Kế hoạch năm 2024' names the last column,
    down through the lines below); an empty cell right of
    a name, under the same cell above and over a name below, is spanned by it ('Năm 2023' over 'Kế hoạch',
    'Ước thực hiện', 'So sánh (%)')."""
    grid = []
    for r, row in enumerate(head):
        if r == 0 and len(row) < width and row[-1]:  # (a lower line's names sit under their merged cell)
            cut = max((c for c, t in enumerate(row) if not t), default=-1) + 1
            row = row[:cut] + [""] * (width - len(row)) + row[cut:]
        grid.append((row + [""] * width)[:width])
    for r, row in enumerate(grid):
        for c in range(3, width):
            below = any(grid[x][c] for x in range(r + 1, len(grid)))
            same_above = r == 0 or grid[r - 1][c] == grid[r - 1][c - 1]
            if not row[c] and row[c - 1] and below and same_above:
                row[c] = row[c - 1]
    names = []
    for c in range(width):
        parts: list[str] = []
        for row in grid:
            if row[c] and row[c] not in parts:
                parts.append(row[c])
        names.append(" - ".join(parts))
    return names


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
