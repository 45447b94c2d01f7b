"""A saved web page (.html): the article's text as lines, its tables as self-describing rows.

Officials save a portal's news item or a statistics office's release from the browser. The page holds the
report's text among menus, breadcrumbs, share buttons and a footer; those are dropped (by tag, and by the
class/id words sites give them), the article (`<article>`, `<main>`, else the body) is read in document order,
headings become section hints and a `<table>` of figures becomes one line per row, as a Word table does
(`docx_loader.table_lines`), colspan/rowspan expanded to the same grid.
"""
from __future__ import annotations

import re
import unicodedata

import lxml.html
from lxml import etree

from .docx_loader import is_data_table, table_lines
from .types import IngestError, SourceText

# never the report's text
_DROP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
         "select", "template", "object", "embed", "canvas", "menu"}
# class/id words of a page's furniture (whole words: 'news-footer', 'breadcrumb', 'box-share')
_FURNITURE = re.compile(r"(?i)(?:^|[\s_-])(?:menu|navbar|nav|breadcrumbs?|footer|sidebar|share|social|related|"
                        r"comments?|banner|advert|ads|cookie|topbar|toolbar|pagination|tags)(?:$|[\s_-])")
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
          "figure", "figcaption", "hr", "address", "center", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "td", "th"}
_MIN_ARTICLE = 200  # characters: an <article> shorter than this is a teaser box, not the page's text


def load_html(text: str, name: str, encoding: str) -> SourceText:
    """Lines of the page's article in document order; hints mark headings and table rows."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # XHTML's declaration: lxml refuses it in a str
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise IngestError(f"{name}: not a readable HTML page ({e})") from e
    title = _clean(" ".join(root.xpath("//title//text()")))
    for el in list(root.iter()):
        if el.getparent() is not None and _is_furniture(el):
            el.drop_tree()
    reader = _Reader()
    reader.walk(_article(root))
    reader.flush()
    lines, hints, spans = reader.lines, reader.hints, reader.spans
    if title and not any(h == "h1" for h in hints.values()) and title not in lines[:3]:
        lines.insert(0, title)  # the page's only title: the report's name is there
        hints = {i + 1: h for i, h in hints.items()} | {0: "h1"}
        at = next((el.sourceline for el in root.xpath("//title") if el.sourceline), 1)
        spans.insert(0, (at, at))
    # citations name the file's lines (the page source's), as for any text file: each text line's source lines
    return SourceText(lines=lines, encoding=encoding, fmt="html", hints=hints, source_lines=spans)


def _is_furniture(el) -> bool:
    if not isinstance(el.tag, str):
        return False  # comments and processing instructions are skipped by the reader
    if el.tag == "header" and el.xpath(".//h1"):
        return False  # an article's own header holds its title
    if el.tag in _DROP:
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}".strip()
    return bool(marks) and el.tag not in ("body", "html", "main", "article") and bool(_FURNITURE.search(marks))


def _article(root):
    """The page's article: an <article> or <main> holding the text, else the body."""
    for path in ("//article", "//main", "//*[@role='main']"):
        best = max(root.xpath(path), key=lambda e: len(e.text_content()), default=None)
        if best is not None and len(best.text_content().strip()) >= _MIN_ARTICLE:
            return best
    body = root.find("body")
    return body if body is not None else root


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


class _Reader:
    """Walks the tree once: inline text gathers into the current line, a block's edge ends it."""

    def __init__(self):
        self.lines: list[str] = []
        self.hints: dict[int, str] = {}
        self.spans: list[tuple[int, int]] = []  # each line's first and last line in the page source
        self.buf: list[str] = []
        self.at: list[int] = []  # source lines of the text gathered in `buf`
        self.heading: str | None = None
        self.n_tables = 0

    def add(self, text: str | None, el) -> None:
        if text:
            self.buf.append(text)
            if text.strip() and el.sourceline:  # (the text's first and last line: a paragraph may wrap in the source)
                first = el.sourceline + text[:len(text) - len(text.lstrip())].count("\n")
                self.at += [first, first + text.strip().count("\n")]

    def flush(self):
        text = _clean("".join(self.buf))
        self.buf, at = [], self.at
        self.at = []
        if text:
            if self.heading:
                self.hints[len(self.lines)] = self.heading
            self.lines.append(text)
            last = self.spans[-1][1] if self.spans else 1
            self.spans.append((min(at), max(at)) if at else (last, last))

    def walk(self, el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag == "table":
            self.flush()
            self.table(el)
        elif tag == "br":
            self.flush()
        elif tag is not None:
            block = tag in _BLOCK
            if block:
                self.flush()
            level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None
            if level:
                self.heading = f"h{min(level, 4)}"
            self.add(el.text, el)
            for child in el:
                self.walk(child)
            if block:
                self.flush()
            if level:
                self.heading = None
        # (a tail follows its element's end; the start tag's line is the nearest one lxml keeps)
        self.add(el.tail, el)

    def table(self, el):
        tr_lines: list[int] = []
        grid = _grid(el, tr_lines)
        caption = _clean(" ".join(el.xpath("./caption//text()")))
        if grid and is_data_table(grid):
            self.n_tables += 1
            title = caption or (self.lines[-1] if self.lines and len(self.lines[-1]) <= 120 else f"Bảng {self.n_tables}")
            rows: list[int] = []
            for row, i in zip(table_lines(grid, title, rows), rows):
                self.hints[len(self.lines)] = "table"
                self.lines.append(row)
                self.spans.append((tr_lines[i], tr_lines[i]))
            return
        if caption:
            self.lines.append(caption)
            self.spans.append((el.sourceline or 1, el.sourceline or 1))
        for tr in _rows(el):  # a layout table: each cell's text as lines
            for cell in tr:
                if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                    self.walk(cell)
                    self.flush()


def _rows(table) -> list:
    """The table's own rows (thead/tbody/tfoot or direct), not those of tables nested in its cells."""
    return list(table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"))


def _span(cell, attr: str) -> int:
    try:
        return max(1, min(int(cell.get(attr, "1")), 50))
    except ValueError:
        return 1


def _grid(table, lines_out: list[int] | None = None) -> list[list[str | None]]:
    """Cell texts per grid column, as docx_loader builds them: None right of a cell spanning columns, a cell
    spanning rows repeated in each row it covers (the row header of every row). `lines_out`: each grid row's
    source line."""
    grid: list[list[str | None]] = []
    carry: dict[int, tuple[str, int, int]] = {}  # column -> (text, rows left, colspan)
    for tr in _rows(table):
        row: list[str | None] = []
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        col = 0

        def fill_carried():
            nonlocal col
            while col in carry:
                text, left, span = carry[col]
                row.extend([text] + [None] * (span - 1))
                if left > 1:
                    carry[col] = (text, left - 1, span)
                else:
                    del carry[col]
                col += span

        for cell in cells:
            fill_carried()
            text = _clean(cell.text_content())
            cs, rs = _span(cell, "colspan"), _span(cell, "rowspan")
            row.extend([text] + [None] * (cs - 1))
            if rs > 1:
                carry[col] = (text, rs - 1, cs)
            col += cs
        fill_carried()
        if row:
            grid.append(row)
            if lines_out is not None:
                lines_out.append(tr.sourceline or 1)
    width = max((len(r) for r in grid), default=0)
    return [r + [None] * (width - len(r)) for r in grid]
