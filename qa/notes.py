"""A sentence's footnote read as the sentence going on. Reports move the figures of a listing sentence into the note
its mark points to ('Sản lượng ... điện thương phẩm, xi măng ... tăng so với cùng kỳ⁵' -> '⁵ Điện sản xuất 60,5
TrKw/h, ...; Xi măng: 65 nghìn tấn, ...'), and the split of a total ('534.030 kg⁷' -> '⁷ Trong đó hỗ trợ dịp Tết ...
191.760 kg; hỗ trợ thời điểm giáp hạt ... 342.270 kg'). Each of the note's items (split at ';') is one such going on:
the one naming what is asked is the figure's sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from tracuu.index.backend import Lexical
from tracuu.index.lexical import token_set
from tracuu.ingest.footnote_marks import MARK
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import province_spans
from tracuu.ingest.structure import cites_footnote, footnote_number
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Passage

from .coverage import covered, query_weights
from .figures import HOW_WORDS
from .query import Query
from .scope import nation_named
from .sentence import figure_lead, states_figure


@dataclass
class NoteItem:
    note: Passage  # the footnote
    text: str  # the item, verbatim from the note (the first item keeps the note's mark)
    said: float  # weight of the question's words it names


def marked_notes(sentence: str, notes: list[Passage]) -> list[Passage]:
    """Of a passage's footnotes (`Store.footnotes`), those `sentence` carries the mark of: their number read, else
    the sentence ingest found their OCR-damaged mark in (ending in the quote, or the quote a part of it that
    carries such a mark: '07 sản phẩm OCOP đạt 03 sa0®, lũy kế ... 87 sản phẩm OCOP được xếp hạng?®')."""
    read = [p for p in notes if (n := footnote_number(p.text)) and cites_footnote(sentence, n)]
    damaged = [sentence[max(0, m.start() - 12):m.end()] for m in MARK.finditer(sentence)]
    return read or [p for p in notes if p.marked_by and (p.marked_by[-80:] in sentence
                                                          or any(t in p.marked_by for t in damaged))]


def items(note: str) -> list[str]:
    """The note's items, split at ';' outside brackets, each verbatim; the first keeps the note's mark, which
    says what its figures break down ('⁴ Trong đó: Vốn ngân sách tỉnh ...': parts of the figure marked ⁴)."""
    text = note.strip()
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "(" or -(ch == ")" and depth > 0)
        if ch == ";" and not depth:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [s.strip(" .") for s in out if states_figure(s)]


def asked_item(sentence: str, notes: list[Passage], said: Callable[[str], float],
               fits: Callable[[str], bool], dated: Callable[[str], bool] | None = None) -> NoteItem | None:
    """The item of the notes `sentence` marks that names most of the question (`said`: weight of the question's
    words a text names), of those that state a figure and `fits` the question (`item_reading`: they name enough of
    it, and no other period: '⁴⁹ Tỷ lệ giải ngân cùng kỳ năm 2022 là ... 26%' is last year's); None when none does."""
    # an item names its part before its figure ('Xi măng: 65 nghìn tấn, ..., tăng 4,4%'): its words there count twice
    scored = [(said(figure_lead(t) or "") + said(t), -k, -i, t, note)
              for k, note in enumerate(marked_notes(sentence, notes)) for i, t in enumerate(items(note.text)) if fits(t)]
    best = max(scored, default=None, key=lambda s: s[:3])
    return NoteItem(best[4], best[3], best[0]) if best and (best[0] > 0 or dated is not None and dated(best[3])) \
        else None


# a comparison's baseline named as what an item is ('Tỷ lệ giải ngân cùng kỳ năm 2022 là ...')
_BASELINE_ITEM = re.compile(r"\b(?:cung (?:ky|thoi gian|ky nam truoc)|nam truoc)\b")


def other_time(item: str) -> bool:
    """The item names a comparison's baseline before its figure: its figure is of another period."""
    return bool(_BASELINE_ITEM.search(fold_ocr(figure_lead(item) or "")))


# 'riêng dịp Tết', 'trong đó', 'trong số ... có bao nhiêu': the question asks for a part of what a sentence totals
_PART = re.compile(r"\b(?:rieng|trong do|trong so|trong tong so)\b")


def asks_part(question: str) -> bool:
    """The question asks for a part of a total, which a note's breakdown states."""
    return bool(_PART.search(fold_ocr(question)))


def asked_note(query: Query, sentence: str, notes: list, lexical: Lexical | None) -> NoteItem | None:
    """The item of the footnote `sentence` marks that names most of the question (`asked_item`)."""
    weights = query_weights(query, lexical)
    return asked_item(sentence, notes, *item_reading(query, weights, lexical.variants(list(weights)) if lexical
                                                      else {}, lexical))


def item_reading(query: Query, weights: dict[str, float], variants: dict, lexical: Lexical | None):
    """How a note's item is read against the question: `said`, the weight of the question's words it names, of
    those that tell items apart (not the words every item repeats: 'so với cùng kỳ', 'đạt', 'tăng', 'trong đó');
    and `fits`: it names what it is of by such words ('Xi măng', 'Clinker', '19 sản phẩm 04 sao chiếm 21,8%') and
    no period the question does not ask (a baseline's: 'cùng kỳ năm 2022'), or only the period asked (`dated_item`,
    the third: such an item names none of the question's words and is taken all the same)."""
    named = {t: w for t, w in weights.items() if not set(t.split("_")) & _ITEM_COMMON}
    repair = lexical.repair if lexical else None

    def said(text: str) -> float:
        return covered(named, token_set(text, repair), query.aliases, variants, query.short, query.same)

    def fits(item: str) -> bool:
        if not named or other_time(item):
            return False
        if query.periods and any(m.period and not any(m.period.contains(p) or p.contains(m.period)
                                                      for p in query.periods)
                                 for m in find_periods(fold_ocr(item), None, folded=True)):
            return False  # (a year names the month asked within it: 'năm 2026' for 'đầu năm 2026')
        # (and a good part of the question: a note on jobless benefits names 'người' of 'người dân', no more)
        return dated_item(query, item) or said(figure_lead(item) or item) > 0 and said(item) >= _ITEM_NAMES * total
    total = sum(named.values())
    return said, fits, lambda item: dated_item(query, item)


def names_the_part(query: Query, item: str, sentence: str, lexical: Lexical | None) -> bool:
    """The item names, before its figure, a part the question asks that the sentence marking it does not name
    ('vốn ngân sách địa phương 1.868 tỷ đồng' under 'Giải ngân vốn đầu tư công ... đạt 2.914 tỷ đồng³' for the local
    budget's): its figure is the one asked, the sentence's the total."""
    if nation_named(item) or province_spans(fold_ocr(item)):
        return False  # (the country's or another province's figure beside it: 'Tỷ lệ giải ngân bình quân cả nước ...')
    if query.periods and any(m.kind != "year" and not m.comparison and any(a.kind == m.kind for a in query.periods)
                             and not any((a.kind, a.index) == (m.kind, m.index) for a in query.periods)
                             for m in find_periods(figure_lead(item) or "", None, folded=True)):
        return False  # (another span's figure: '... số ước tính công bố trước đây của quý II là tăng 6,46%' for quý III)
    weights = {t: w for t, w in query_weights(query, lexical).items() if not set(t.split("_")) & _ITEM_COMMON}
    repair = lexical.repair if lexical else None
    lead = token_set(figure_lead(item) or "", repair)
    said = token_set(sentence, repair)
    # (a word the sentence spells out is named by it: 'HĐND' of the note, 'Hội đồng nhân dân' of the sentence, and so
    # is a pair holding it, 'dự toán HĐND' of 'dự toán Hội đồng nhân dân', word by word)
    def named(t: str) -> bool:
        words = t.split("_") if any(w in query.aliases for w in t.split("_")) else [t]
        return all(covered({w: 1.0}, said, query.aliases, short=query.short) for w in words)
    return any(t in lead and not named(t) for t in weights)


def dated_item(query: Query, item: str) -> bool:
    """The item names only the period asked before its figure: it splits the figure of the sentence marking it by
    period ('¹ Quý I/2022 tăng 4,26%; quý II/2022 ước tăng 5,62%' under 'GRDP 6 tháng ... tăng 4,95%¹')."""
    lead = figure_lead(item) or ""
    found = [m for m in find_periods(lead, None, folded=True) if m.period and not m.comparison]
    if not query.periods or not found or any(m.period not in query.periods for m in found):
        return False
    rest = lead[:found[0].start] + " " + lead[found[-1].end:]
    return not set(re.findall(r"[a-z]+", rest)) - _ITEM_COMMON - _NOTE_NOISE


# the words a note's item may hold beside its period: its mark's number is no word, nor 'ước', 'khoảng'
_NOTE_NOISE = frozenset("uoc khoang gan hon tren duoi rieng".split())


_ITEM_NAMES = 0.15
# words every item of a note's list may repeat: how a figure is stated and what it is compared with
_ITEM_COMMON = HOW_WORDS | frozenset("so voi cung ky tang giam bang vuot nam thang quy ke hoach trong do rieng"
                                     .split())


def note_s_period(query: Query, note: str, sentence: str) -> bool:
    """The note states the asked period's figure ('(1) 9 tháng năm 2018 GRDP tăng 7,02%') where the sentence marking it
    names that period only as its baseline ('... 9 tháng năm 2019 ước tăng 7,46% so với cùng kỳ năm 2018(1)'): the note
    answers, not the sentence."""
    lead = figure_lead(note) or ""
    if not query.periods or not any(m.period in query.periods and not m.comparison
                                    for m in find_periods(lead, None, folded=True) if m.period):
        return False
    return not any(m.period in query.periods and not m.comparison for m in find_periods(sentence) if m.period)
