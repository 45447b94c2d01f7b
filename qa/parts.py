"""A line that names only its part ('- Khu vực Bến Tre (cũ): 1.732,6', 'Phân theo khu vực: khu vực Hậu Giang (cũ)
đạt 151,9 triệu USD') and the whole it breaks down, printed before it: reports list a total, then its parts."""
from __future__ import annotations

import re

from tracuu.index.backend import Store
from tracuu.ingest.structure import LIST_ITEM
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Passage

from .sentence import names_nothing, only_labels, sentences


def row_label(passage_text: str) -> str | None:
    """A table row's own label ('Bảng 1 > - Khu vực Bến Tre (cũ) > ĐVT: triệu USD; ...' -> '- Khu vực Bến
    Tre (cũ)'), or None when the text is no 'caption > label > cells' row."""
    parts = passage_text.split(" > ")
    return parts[-2] if len(parts) >= 3 else None


def table_of(passage: Passage) -> tuple:
    """The table a row is of: its report, section and caption."""
    return passage.doc, passage.section, passage.text.split(" > ")[0]


def total_row(passage: Passage) -> bool:
    """A table's row of its total ('Tổng cộng', 'Toàn tỉnh'), not of one of its parts."""
    return passage.kind == "table" and (label := row_label(passage.text)) is not None and total_name(label)


def total_name(label: str) -> bool:
    """A row's or column's name of its table's total ('Tổng cộng', 'Toàn tỉnh'), not of one of its parts."""
    return bool(_TOTAL_ROW.match(fold_ocr(label)))


# a total row's label: 'Tổng cộng', 'Tổng số', 'TỔNG THU NSNN (A+B)', 'Toàn tỉnh', 'Cộng'
_TOTAL_ROW = re.compile(r"^[\W\d]*(?:(?:tong cong|tong so|tong thu|tong chi|toan tinh|toan thanh pho|ca tinh)\b"
                        r"|(?:tong|cong)\s*(?:\(.*)?$)")  # ('Cộng' alone: 'Công an tỉnh' folds to 'cong an tinh')


_BREAKDOWN_ROW = re.compile(r"^[\W\d]*(?:trong d[o0]|chia ra|bao gom)\b")
# a part's row printed under its whole's, marked by a dash or a plus ('- Khai thác', '+ Nuôi trồng') or 'Trong đó'
_PART_ROW = re.compile(r"^\s*(?:[-–+•*]\s|trong d[o0]\b)")


def part_asked(question: str, best, evidence: list, hits: list, store: Store):
    """A whole's table row quoted where the question names one of its parts by the part's own words ('sản lượng thủy sản
    khai thác' for '- Khai thác' printed under 'Tổng sản lượng thủy sản'): the part's row, read among the evidence,
    answers. `best`, `evidence`: qa.extract.Evidence; `hits`: the ranked passages they are of."""
    from tracuu.index.lexical import words_of
    p = hits[best.hit_index].passage
    label = row_label(p.text) if p.kind == "table" else None
    if label is None or _PART_ROW.match(fold_ocr(label)):
        return best
    words, whole = set(words_of(question)), set(words_of(label))
    # its parts: the marked rows printed right under it, up to the next unmarked row (another whole's)
    rows = [r for r in store.section_passages(p) if r.kind == "table" and r.line_start > p.line_start]
    parts = set()
    for r in rows:
        if (lr := row_label(r.text)) is None or not _PART_ROW.match(fold_ocr(lr)):
            break
        parts.add(r.id)

    def asked(e) -> bool:
        q = hits[e.hit_index].passage
        part = row_label(q.text) if q.id in parts else None
        if part is None:
            return False
        own = set(words_of(_PART_ROW.sub("", fold_ocr(part)))) - {"trong", "do"}
        return bool(own) and own <= words and not own <= whole
    return next((e for e in evidence if e.figure and asked(e)), best)


def lead_in(passage: Passage, store: Store) -> str:
    """What a passage opening with a line that names only its part breaks down: the last two sentences of
    the passage printed before it in its section ('Phân theo khu vực: khu vực Hậu Giang (cũ) đạt 151,9' after
    the total's sentence), or for a table row ('- Khu vực Bến Tre (cũ)') the label of the nearest row above
    that names something ('Kim ngạch xuất khẩu hàng hóa'). Empty when the passage names its own."""
    if passage.kind == "footnote":  # a note's whole is the sentence that marks it
        return passage.marked_by or ""
    label = row_label(passage.text) if passage.kind == "table" else None
    if label is not None:
        # (or opens on a breakdown's word: 'Trong đó: Xuất khẩu' under 'Tổng kim ngạch XNK hàng hóa qua các cửa khẩu')
        if not only_labels(fold_ocr(label)) and not _BREAKDOWN_ROW.match(fold_ocr(label)):
            return ""
        prev = passage
        for _ in range(12):  # the rows of the other parts come between
            prev = store.preceding(prev)
            if prev is None or prev.kind != "table" or (above := row_label(prev.text)) is None:
                return ""
            if not only_labels(fold_ocr(above)):
                return above
        return ""
    first = sentences(passage.text)[:1]
    if not first or not names_nothing(first[0]):
        return ""
    prev = store.preceding(passage)
    return " ".join(sentences(prev.text)[-2:]) if prev else ""  # the total and what it adds ('tăng 7,2%')


def list_above(passage: Passage, store: Store, reach: int = 8) -> str:
    """For a list item ('- Gỗ và sản phẩm gỗ: 386,2 triệu USD'), the items and the heading printed above it in its
    list ('### 4. Xuất, nhập khẩu', '- Kim ngạch xuất khẩu hàng hóa 6 tháng ...'): what its figure is of, where a
    report's list names it once. Empty for any other passage."""
    if passage.kind != "body" or not LIST_ITEM.match(passage.text):
        return ""
    out, prev = [], passage
    for _ in range(reach):
        prev = store.preceding(prev)
        if prev is None or prev.kind != "body":
            break
        out.append(prev.text)
        if not LIST_ITEM.match(prev.text):
            break  # the list's heading or lead-in line
    return " ".join(reversed(out))
