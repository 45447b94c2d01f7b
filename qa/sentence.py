"""What one sentence states, whatever the question: where it splits, whether it states a quantity, where its
first figure stands and whose figure it is. Pure readings of the text, memoised and kept with the index
(`tracuu.memo`): every question reads the same top passages' sentences again."""
from __future__ import annotations

import re

from tracuu.ingest.chunking import ABBREVIATIONS, NOT_AFTER_ABBREVIATION
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import province_spans
from tracuu.ingest.textnorm import bracket_close, fold, fold_ocr, normalize, vietnamese_score
from tracuu.memo import kept

from .glossary import DURATION, REFERENCE_NUMBER, ROAD_NUMBER, WRITTEN_DATE

# sentence ends at . ! ? followed by a space and a capital, digit, quote or bracket
# (not after a table row's number: 'Bảng 1 > 4. Kim ngạch xuất khẩu > ĐVT: ...' is one row)
# (not after a title or a city's abbreviation: 'TP. Hồ Chí Minh', 'TS. Nguyễn Văn A')
_SENT = re.compile(r"(?<=[.!?])(?<!> \d\.)(?<!> \d\d\.)" + NOT_AFTER_ABBREVIATION + r"\s+"
                   r"(?=[\"“(A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ0-9¹²³⁴⁵⁶⁷⁸⁹])"  # (a footnote's mark opens one)
                   r"|(?<=[:;.])\s+(?=[-–+•]\s)")  # a breakdown's items ('trong đó: - Khu vực ...: 2.216,8') too
# a figure, not 'COVID-19': a number with its unit or '%' after it, one written with Vietnamese
# separators ('19.650,5'), or a table cell's value whose unit is in its column header ('(tấn): 2.128')
HAS_NUMBER = re.compile(r"(?<![\w\-/])\d[\d.,]*(?:\s*%|\s+\w)|(?<![\w\-/.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d/])"
                         r"|(?<![\w\-/.,])\d+,\d+(?![\d/])|(?<=: )\d[\d.,]*(?![\d/])"  # not 'Số: 3126/BC-STC'
                         r"|(?<![\w\-/.,])\d{1,6}/\d{1,6}(?=\s+[^\W\d])")  # '34/60 xã' (dates are taken out first)
# a day and month ('30/6', '31/01/2023') or month and year: '34/60 xã', '14/17 hệ thống' are fractions, not dates
_DATE = re.compile(r"(?<![\d/])(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:/\d{2,4})?|(?:0?[1-9]|1[0-2])/\d{4})(?![\d/])")


@kept(20_000)  # pure readings of a sentence, asked again by every question
def states_figure(text: str) -> bool:
    """A number that is a quantity: not a date, not part of a period ('6 tháng', 'năm 2023')."""
    folded = WRITTEN_DATE.sub(" ", fold_ocr(text))  # 'ngày 12 tháng 12 năm 2023': a date, not a quantity
    folded = DURATION.sub(" ", folded)  # 'trong 9 ngày nghỉ Tết': when, not how much
    folded = ROAD_NUMBER.sub(" ", folded)  # 'dọc Quốc lộ 13': a road's name
    folded = REFERENCE_NUMBER.sub(" ", folded)  # 'chi tiết tại Biểu số 01': a table's name
    folded = _ITEM.sub(" ", folded, count=1)  # '7. Tập trung chỉ đạo ...': an item's number, not a quantity
    if not HAS_NUMBER.search(_DATE.sub(" ", folded)):
        # no digits: a quantity said in words, as a speech's transcript prints it, or none at all (reading its
        # periods, the costly part, cannot add one)
        return bool(SPELLED.search(folded))
    for m in reversed(find_periods(folded, folded=True)):
        folded = folded[:m.start] + " " + folded[m.end:]
    return bool(HAS_NUMBER.search(_DATE.sub(" ", folded)))

_ITEM = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]\s+(?=[^\W\d])")
# a quantity in words (folded): 'ba nghìn sáu trăm bảy mươi tư tỷ đồng', 'năm phẩy tám hai phần trăm', 'tám mươi mốt
# nghìn lượt' — two number words or more, one of them a magnitude or the decimal comma, then a word of what it counts
_DIGIT_WORD = r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|khong|linh|le)"
_MAGNITUDE = r"(?:muoi|tram|nghin|ngan(?! sach| hang)|trieu|ty(?! le)|phay)"  # not 'ngân sách', 'tỷ lệ'
SPELLED = re.compile(rf"\b(?:{_DIGIT_WORD}|{_MAGNITUDE})\s+(?:(?:{_DIGIT_WORD}|{_MAGNITUDE})\s+)*?{_MAGNITUDE}\s+"
                     rf"(?:(?:{_DIGIT_WORD}|{_MAGNITUDE})\s+)*+[a-z]")



def last_stop(text: str, at: int) -> int:
    """Where the last full stop ('. ') before `at` is, -1 if none; not the dot of an abbreviation ('TP. Hồ Chí Minh',
    folded 'tp. ho chi minh')."""
    i = text.rfind(". ", 0, at)
    while i > 0 and _ABBREVIATION.search(text[max(0, i - 4):i]):
        i = text.rfind(". ", 0, i)
    return i


_ABBREVIATION = re.compile(r"(?i)(?:^|[^\w])(?:" + "|".join(dict.fromkeys(a.lower() for a in ABBREVIATIONS)) + r")$")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s.strip()]


def first_figure(folded: str, mentions: list) -> int:
    """Where the first quantity starts in folded text (periods and dates blanked), or its end."""
    blank = list(folded)
    for m in mentions:
        blank[m.start:m.end] = " " * (m.end - m.start)
    text = _DATE.sub(lambda x: " " * len(x.group()), "".join(blank))
    text = DURATION.sub(lambda x: " " * len(x.group()), text)  # 'trong 9 ngày nghỉ Tết, cả nước ...': when
    hit = HAS_NUMBER.search(text)
    return hit.start() if hit else len(folded)


# words that label a figure without naming what it measures: 'Thực hiện tháng 11/2025:', 'Lũy kế 11 tháng:',
# '- Khu vực Bình Phước cũ:', 'Trong đó:', 'Cùng kỳ năm 2024 (cộng gộp hai tỉnh):'
LABEL_WORDS = frozenset("""thuc hien luy ke uoc tinh dat duoc chung cung ky trong do khu vuc cu rieng so voi la
    con lai nam thang quy dau cuoi ca nhu sau cong gop hai ba cac tinh thanh pho moi ket qua phan chia theo""".split())


@kept(20_000)
def names_nothing(sentence: str) -> bool:
    """The words before the sentence's first figure are only periods, places and labels: it speaks of its
    heading's indicator ('Lũy kế 11 tháng năm 2025: 78.612,5 tỷ đồng')."""
    lead = figure_lead(sentence)
    return lead is not None and only_labels(lead)


def only_labels(text: str) -> bool:
    """Folded text of periods, places and labels only ('- khu vuc ben tre (cu)'): it names no indicator."""
    for a, b, _ in reversed(province_spans(text)):
        text = text[:a] + " " + text[b:]
    return all(w in LABEL_WORDS for w in re.findall(r"[a-z]+", text))


@kept(20_000)
def figure_lead(sentence: str) -> str | None:
    """The words before the first figure of the first clause that states one (folded): whose figure it is."""
    for clause in re.split(r"[;.](?:\s|$)|,\s+(?=(?:cao|thap|bang|trong khi|con)\b)", fold_ocr(sentence)):
        if states_figure(clause):  # periods blanked: '... 11 tháng năm 2024 của cả nước ước đạt 110%'
            return clause[:first_figure(clause, find_periods(clause, folded=True))]
    return None


def bracketed(text: str, start: int, end: int, before: int) -> bool:
    """text[start:end] stands inside brackets that hold a figure of their own and close before offset `before`:
    '(năm 2023 đạt 2.846,5 triệu USD), đạt 97,7% kế hoạch' names 2023 for 2.846,5 only."""
    closed = bracket_close(text, start, end, before)
    return closed >= 0 and bool(_DIGITS.search(text, end, closed))


_DIGITS = re.compile(r"\d[\d.,]*\s*\S")


_LETTERS = re.compile(r"[^\W\d_]+")
_CLEAN = 0.2  # share of Vietnamese-only letters above which a text keeps its marks (clean text about 0.3, OCR'd 0.1)


def marks_agree(question: str, quote: str) -> bool:
    """The question's word pairs that the folded quote holds are printed with the same marks, or with none (OCR lost
    them), at least once: 'lạm phát' is not the 'lâm phát' of 'kiểm lâm phát hiện', which folding, needed to read
    unmarked or OCR'd text, makes alike. True when the question is typed without marks, or the quote holds none of its
    marked pairs, or the quote's marks are OCR's."""
    if vietnamese_score(quote) < _CLEAN:
        return True  # (OCR'd text mislays marks: 'Kim ngãch xuát khẩu' is still exports)
    q = normalize(question).lower()
    words = _LETTERS.findall(q)
    pairs = [(a, b) for a, b in zip(words, words[1:]) if fold(a) != a or fold(b) != b]
    if not pairs:
        return True
    printed = _LETTERS.findall(normalize(quote).lower())
    at: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in zip(printed, printed[1:]):
        at.setdefault((fold(a), fold(b)), []).append((a, b))
    held = [(p, at[(fold(p[0]), fold(p[1]))]) for p in pairs if (fold(p[0]), fold(p[1])) in at]
    return not held or any(x == p or fold(x[0]) == x[0] and fold(x[1]) == x[1] for p, xs in held for x in xs)
