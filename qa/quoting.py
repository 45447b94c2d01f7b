"""What an answer prints around its quotes: the quote line with its citation marks, the footnote a quote marks
when it says what was asked, and the sentences of a quote that say a figure is not compiled (what a refusal quotes)."""
from __future__ import annotations

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.structure import cites_footnote, footnote_number
from tracuu.ingest.textnorm import fold_ocr

from .coverage import adds_words
from .glossary import NOT_COMPILED
from .query import Query
from .sentence import sentences


def not_compiled_part(quote: str) -> str:
    """The sentences of `quote` that say a figure is not compiled or published ('... nên chưa tổng hợp kim ngạch xuất
    khẩu theo quý'): what a refusal quotes."""
    return " ".join(x for x in sentences(quote) if NOT_COMPILED.search(fold_ocr(x))) or quote


def compose(quotes: list[tuple[int, str]], header: str) -> str:
    """'Theo Báo cáo số 327/BC-UBND (6 tháng đầu năm 2023): <quoted sentence> [1].'"""
    body = " ".join(q.rstrip(" .;,") + ("." if i < len(quotes) - 1 and quotes[i + 1][0] == n else f" [{n}].")
                    for i, (n, q) in enumerate(quotes))
    return f"{header}: {body}"


def marked_footnote(query: Query, hit: Hit, quote: str, store: Store) -> Hit | None:
    """The footnote the quote marks, when it says what the question asks and the quote does not:
    'những huyện nào' is answered by 'của 07 huyện⁷' and its footnote '⁷ Hữu Lũng, Chi Lăng, ...'."""
    if hit.passage.kind == "footnote":
        return None
    # (its mark read, or the sentence ingest found its OCR-damaged mark in: 'mã vùng trồng¹³' printed 'vung trong™')
    notes = [p for p in store.footnotes(hit.passage) if (n := footnote_number(p.text)) and cites_footnote(quote, n)
             or p.marked_by and p.marked_by[-80:] in quote]
    if not notes or len(notes[0].text) > 600:
        return None
    note = notes[0]
    if query.wants_figure and not adds_words(query, quote, note.text, store.lexical):
        return None
    return Hit(passage=note, score=hit.score, lexical=0.0, dense=0.0, row=-1)
