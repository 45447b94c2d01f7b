"""A line that names only its part ('- Khu vực Bến Tre (cũ): 1.732,6', 'Phân theo khu vực: khu vực Hậu Giang (cũ)
đạt 151,9 triệu USD') and the whole it breaks down, printed before it: reports list a total, then its parts."""
from __future__ import annotations

from tracuu.index.backend import Store
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Passage

from .sentence import names_nothing, only_labels, sentences


def row_label(passage_text: str) -> str | None:
    """A table row's own label ('Bảng 1 > - Khu vực Bến Tre (cũ) > ĐVT: triệu USD; ...' -> '- Khu vực Bến
    Tre (cũ)'), or None when the text is no 'caption > label > cells' row."""
    parts = passage_text.split(" > ")
    return parts[-2] if len(parts) >= 3 else None


def lead_in(passage: Passage, store: Store) -> str:
    """What a passage opening with a line that names only its part breaks down: the last two sentences of
    the passage printed before it in its section ('Phân theo khu vực: khu vực Hậu Giang (cũ) đạt 151,9' after
    the total's sentence), or for a table row ('- Khu vực Bến Tre (cũ)') the label of the nearest row above
    that names something ('Kim ngạch xuất khẩu hàng hóa'). Empty when the passage names its own."""
    if passage.kind == "footnote":  # a note's whole is the sentence that marks it
        return passage.marked_by or ""
    label = row_label(passage.text) if passage.kind == "table" else None
    if label is not None:
        if not only_labels(fold_ocr(label)):
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
