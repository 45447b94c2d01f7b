"""The answer's first line: the figure asked, what it measures and its period, verbatim from the quote.

An official reading a chat answer wants the number before the paragraph; the line keeps the quote's own words so a
reporter can find it in the source.
"""
from __future__ import annotations

import re

from tracuu.ingest.textnorm import fold, fold_ocr

from .figure_value import Figure
from .glossary import DAYS
from .figures import HOW_WORDS, LINKING

_DIRECTION = re.compile(r"(?<![a-z])(?:tang|giam)\s*$")
_EMPHASIS = re.compile(r"\*\*|__")
_NOTE_MARK = re.compile(r"^\s*(?:\[\d{1,2}\]|\(\d{1,2}\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[\"“”'‘’]+)\s*")
# a share of the plan: 'đạt 83,0% kế hoạch năm', 'bằng 75,1% dự toán'
_PLAN_SHARE = re.compile(r"[\d,]+\s*%\s*(?:so\s+voi\s+)?(?:ke\s+hoach|du\s+toan|kh\b|chi\s+tieu)")


def lead_line(first: Figure, quote: str, label: str | None, name: str | None = None, plan_share: bool = False) -> str:
    """The answer's first line; `name`: what the figure measures when its own words do not say it; `plan_share`: the
    question asks its share of the plan too ('đạt bao nhiêu, bằng bao nhiêu % kế hoạch'), which the line then reaches."""
    if first.header:  # a table cell: the row, the column, the value
        unit = f" {first.unit}" if first.unit and first.unit != "%" else (first.unit or "")
        return f"{first.indicator} — {first.header}: {first.value}{unit} [{first.n}]"
    return _sentence_line(first, first.quote or quote, label, name, plan_share)


def _sentence_line(first: Figure, quote: str, label: str | None, heading: str | None = None,
                   plan_share: bool = False) -> str:
    """'Két qua giai ngan (6 tháng đầu năm 2023): 1.158,8 ty dong, dat 29,8% tong ké hoach giao [1]' —
    the indicator and figures verbatim from the quote, the figure's clause to its end."""
    # (past the figure itself: OCR's '1. 000 triệu đồng' holds a '. ' that ends nothing)
    after = first.start + len(first.value)
    end = min([i for i in (quote.find(";", after), quote.find(". ", after), quote.find(" | ", after)) if i >= 0]
              or [len(quote)])
    opened = quote.rfind("(", 0, first.start)
    inside = opened >= 0 and ")" not in quote[opened:first.start] and quote.find(")", first.start) >= 0 \
        and first.start - opened <= 40
    if inside:
        # a bracketed value ('(giảm 7,95%)', '(dự toán 9.100 tỷ đồng)'): the bracket is its clause, its label its name
        end = min(end, quote.find(")", first.start))
    pieces = quote[first.start:end].split(", ")
    # the figure and the one that qualifies it (share, change), or on to its share of the plan when that is asked too
    reach = next((i + 1 for i, p in enumerate(pieces[:5]) if plan_share and i >= 2 and _PLAN_SHARE.search(fold(p))), 2)
    span = ", ".join(pieces[:reach]).strip(" .;,")
    if span.count("(") > span.count(")"):  # a bracket the clause's end cut open: whole if short, else left out
        close = quote.find(")", first.start + len(span))
        span = quote[first.start:close + 1] if 0 <= close - first.start <= 160 else span[:span.rfind("(")].rstrip(" ,;")
    if span.count(")") > span.count("("):  # the bracket it stands in closes within ('..., bổ sung có mục tiêu 1.900,38
        span = _before_unopened(span).rstrip(" ,;")  # tỷ đồng)'): the clause ends there
    if m := _DIRECTION.search(fold_ocr(quote[max(0, first.start - 8):first.start])):
        span = quote[first.start - 8 + m.start():first.start] + span if first.start >= 8 else span  # 'tăng 1,26%'
    span = _EMPHASIS.sub("", span)
    bracket = quote[opened + 1:first.start].strip(" :") if inside else ""
    if bracket and not re.search(r"\d", bracket) and not _DIRECTION_ONLY.fullmatch(fold(bracket)):
        name = heading or bracket
    else:
        name = heading or first.indicator or "Số liệu"
    if stated := _STATED_IN_NAME.search(fold(name)):
        name = name[:stated.start()]  # 'IIP tháng 11/2025 ước tăng 3,8% so với tháng trước và': the other figure's words
        if not _names(name) and not heading and _names(first.head):
            name = first.head  # '..., bằng 79,7% dự toán Trung ương giao và bằng 71,8% ...': the sentence's subject
    elif re.match(r"\s*\d", name) and not heading and _names(first.head) and not re.match(r"\s*\d", first.head):
        name = first.head  # '57,25% kế hoạch vốn HĐND tỉnh giao và' before '67,96%': another figure's clause
    # (a note's own number, '[4] Riêng tháng 6/2023 ước thu', '(3) Trong đó ...', or a quotation's opening mark)
    name = _NOTE_MARK.sub("", name)
    if not _names(name):
        name = "Số liệu"  # 'Ước cả năm 2025, có 19/23 chỉ tiêu ...': 'có' names nothing
    name = name[:1].upper() + name[1:]
    period = f" ({label})" if label and fold_ocr(label) not in fold_ocr(name) else ""
    return f"{name}{period}: {span} [{first.n}]"


def _names(name: str) -> bool:
    """The words name something: not only linking words ('và bằng', 'có')."""
    return bool(set(fold_ocr(name).split()) - LINKING - HOW_WORDS - {"co", "con", "va", "gom"})


def _before_unopened(text: str) -> str:
    """`text` up to its first ')' that no '(' in it opened."""
    depth = 0
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return text[:i]
    return text


# a figure stated inside a name: the name ends before it ('... ước tăng 3,8% so với tháng trước và')
_STATED_IN_NAME = re.compile(r"(?:^|\s)(?:uoc\s+)?(?:tang|giam|dat|bang|uoc tinh|uoc dat)\s+(?:khoang\s+|gan\s+|hon\s+)?\d")
_DIRECTION_ONLY = re.compile(r"(?:t[ae]ng|giam|uoc|dat|khoang|gan|hon|\s)*")  # '(tăng ' names nothing


def counted_to_date(quote: str, start: int) -> str | None:
    """The date (as printed) the figure at `start` is counted to, named before it in its own sentence; None where its
    own clause names it ('Vốn đầu tư công giải ngân đến ngày 25/9/2023: 3.105 tỷ đồng': the answer's heading says it)."""
    head = quote[:max(0, start)]
    head = head[head.rfind(". ") + 1:]
    found = list(_COUNTED_DATE.finditer(head))
    clause = max(head.rfind(", "), head.rfind(": "), head.rfind("; "))
    return found[-1].group(1) if found and found[-1].start() < clause else None


def days_said(quote: str, start: int) -> str | None:
    """The few days (as printed) the figure at `start` is of, named before it in its own sentence ('Trong 09 ngày nghỉ
    Tết, toàn tỉnh đón khoảng 58.600 lượt khách'): a holiday's figure, which the report's months would mislabel."""
    head = quote[:max(0, start)]
    head = head[head.rfind(". ") + 1:]
    found = list(DAYS.finditer(fold(head)))  # (fold keeps the length: offsets hold in the printed text)
    return head[found[-1].start(1):found[-1].end(1)] if found else None


# 'Tính đến ngày 31/5/2025, ...', 'đến hết ngày 30/6/2024': a date the sentence's figures are counted to, as printed
# (glossary.COUNTED_DATE, folded, reads OCR'd 'dén' and 'tới' too: 37 more labels, some beside a heading naming the date)
_COUNTED_DATE = re.compile(r"(?i)\bđến\s+(?:hết\s+|cuối\s+)?(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})")
