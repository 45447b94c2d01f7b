"""A page's running header and footer in text saved from a PDF ('Báo cáo tình hình KT-XH tháng 11 ...  Trang 2', a rule,
'Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn   Số: 468/BC-SKHĐT'): printed again on every page, they fall between the two
halves of a sentence wrapped over the page break ('riêng Khu du lịch quốc gia Hồ Ba' / ... / 'Bể đón 268.400 lượt
khách'). Read as text they cut the sentence and its figure from what it is of; they are no text of the report."""
from __future__ import annotations

import re
from collections import Counter

from .textnorm import fold_ocr

# a page's number as a page prints it: 'Trang 2', 'Trang 2/5', '- 2 -', '2/5' alone
_PAGE_MARK = re.compile(r"(?:^|\s)trang\s+#(?:\s*/\s*#)?\s*$|^-\s*#\s*-$|^#\s*/\s*#$")
_RULE = re.compile(r"^[-_=─—.*]{5,}$")
_NEAR = 2  # lines between a page mark and the other lines of its header or footer


def _key(line: str) -> str:
    """The line with its numbers masked and its spaces collapsed: 'Trang 1' and 'Trang 2' are one running line."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", fold_ocr(line.strip())))


def running_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that repeat as a page's header or footer: a page mark printed on two pages or more, and
    the rules and lines printed beside it again on each page."""
    keys = [_key(x) if x.strip() else "" for x in lines]
    counts = Counter(k for k in keys if k)
    marks = [i for i, k in enumerate(keys) if counts[k] >= 2 and _PAGE_MARK.search(k)] or _page_numbers(lines)
    if len(marks) < 2:
        return set()
    out = set(marks)
    for i in marks:
        for j in range(max(0, i - _NEAR), min(len(lines), i + _NEAR + 1)):
            k = keys[j]
            if k and (_RULE.match(k) or counts[k] >= 2 and re.search(r"[a-z]{3}", k)):  # (no figure cell)
                out.add(j)
    # the blank lines around them, when a sentence broken over the page goes on after them (a page ending on a full
    # stop keeps its paragraph break)
    for i in sorted(out):
        before = next((lines[j].strip() for j in range(i - 1, -1, -1) if j not in out and lines[j].strip()), "")
        if not before or _ENDS.search(before):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                out.add(j)
                j += step
    return out


_ENDS = re.compile(r"[.:;!?…]\W{0,3}$")


def _page_numbers(lines: list[str]) -> list[int]:
    """Lines holding only a number that counts up one by one down the text ('1', '2', '3'): the pages' numbers (a
    table's lone cell, a wrapped heading's '11', counts nothing in order)."""
    found = [(i, int(x)) for i, x in enumerate(lines) if re.fullmatch(r"\s*\d{1,3}\s*", x)]
    if len(found) < 2 or any(b != a + 1 for (_, a), (_, b) in zip(found, found[1:])):
        return []
    return [i for i, _ in found]
