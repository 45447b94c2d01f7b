"""What a question asks: its period(s), and its words with the period taken out."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Flag, auto

from tracuu.ingest.lunar import lunar_names, lunar_new_year
from tracuu.ingest.periods import Mention, find_periods
from tracuu.ingest.places import city_provinces, district_provinces, districts_named, province_spans, successor
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from .seasons import Season, seasons_in
from .cutoffs import CUTOFF, dated_days, dated_months
from .glossary import (asks_figure, asks_quantity, asks_reference, asks_target, contractions, equivalents, expansions,
                       named_indicators, plan_asked, strip_question_words)


_PLACE_WORD = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\s*$")
_URBAN = re.compile(r"\b[Qq]uận\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ])")


def urban_as_district(text: str) -> str:
    """'quận Ninh Kiều' read as the district it is ('huyện' for the unit readers): written with its marks only, since
    folded 'quan' is also 'cơ quan', 'quan tâm' ('cơ quan tâm đào tạo' is no district Tam Đảo)."""
    return _URBAN.sub("huyện ", text)


# the 2025 merger in a question's words: 'Quảng Ngãi (sau hợp nhất với Kon Tum)', 'khu vực Bình Phước cũ' are places
_MERGER_WORDS = re.compile(r"(?:\b(?:sau\s+)?(?:khi\s+)?(?:hop nhat|sap nhap)\s+(?:voi\s+|vao\s+)?|\b(?:tren\s+)?(?:khu vuc|dia ban)\s+)$")
# after a province's name, that it is meant as it was before the 2025 merger ('Quảng Trị cũ', 'Bến Tre (cũ)'; folded)
FORMER_MARK = re.compile(r"\s*\(?\s*(?:cu|truoc day|truoc sap nhap|truoc hop nhat)\b\s*\)?")
# 'khu vực Bắc Kạn cũ (nay thuộc tỉnh Thái Nguyên)': the province it lies in now, not the place asked
_NOW_IN = re.compile(r"(?:\bnay\s+(?:thuoc|la|da\s+sap\s+nhap\s+vao|sap\s+nhap\s+vao|hop\s+nhat\s+vao)|\bthuoc)"
                     r"\s+(?:(?:tinh|thanh pho)\s+)?(?:moi\s+)?$")


class Intent(Flag):
    """What kind of answer a question asks for, read once from its words (qa/lexicon.toml). One value whose
    parts combine: 'mục tiêu ... bao nhiêu' asks a target's figure (TARGET | FIGURE | QUANTITY), 'xếp thứ mấy'
    a quantity without a figure sentence being required, 'văn bản số mấy' a reference."""
    NONE = 0
    FIGURE = auto()  # 'bao nhiêu' or keywords: a sentence stating a figure answers; not 'văn bản nào', 'vì sao'
    QUANTITY = auto()  # says so ('bao nhiêu', 'tỷ lệ', 'mức nào'): a quote without a figure is no answer
    REFERENCE = auto()  # 'số mấy', 'văn bản nào', 'ngày nào': a document number or a date answers
    TARGET = auto()  # 'mục tiêu', 'phấn đấu', 'nhiệm vụ': the tasks part of a report answers


def intent_of(folded: str) -> Intent:
    intent = Intent.NONE
    for part, asks in ((Intent.FIGURE, asks_figure), (Intent.QUANTITY, asks_quantity),
                       (Intent.REFERENCE, asks_reference), (Intent.TARGET, asks_target)):
        if asks(folded):
            intent |= part
    return intent


@dataclass
class Query:
    text: str
    periods: list[Period]  # periods with a year, in order of mention
    loose: list[tuple[str, int | None]] = field(default_factory=list)  # (kind, index) named without a year
    lexical_text: str = ""  # content words only: periods are scored apart, question words dropped
    aliases: dict[str, str] = field(default_factory=dict)  # acronym -> what it stands for, both searched
    short: dict[str, str] = field(default_factory=dict)  # acronym of a full form the question spells out
    indicators: list[str] = field(default_factory=list)  # 'von dau tu toan xa hoi': the passage must name it whole
    intent: Intent = Intent.FIGURE  # what kind of answer is asked for (one value; see Intent)
    dated: list[Period] = field(default_factory=list)  # months of cut-off dates ('đến 31/01/2023')
    provinces: list[str] = field(default_factory=list)  # 'Lạng Sơn' named in the question
    # periods written loosely (a bare '2023'): they choose reports, but do not rule a narrower one out
    weak: list[Period] = field(default_factory=list)
    # the report's phrase for words the question uses ('tổng sản phẩm trên địa bàn' for 'tăng trưởng kinh
    # tế'): searched too, and a passage holding it covers those words
    same: dict[str, str] = field(default_factory=dict)
    dates_apart: bool = False  # a figure counted to another date may stand in (the claim check; AskOptions)
    former: list[str] = field(default_factory=list)  # provinces asked as they were ('địa bàn Quảng Trị cũ')

    @property
    def cutoffs(self) -> set[tuple[int, int]]:
        """(year, month) of each cut-off date asked, as `glossary.cutoff_months` reads them in a passage."""
        return {(d.year, d.index) for d in self.dated}

    @functools.cached_property
    def as_it_was(self) -> list[str]:
        """The provinces asked as they were before the 2025 merger: named so ('Quảng Trị cũ'), or by a name the
        merger retired ('Long An' is in Tây Ninh now) when the one it went into is not asked beside it ('Tây Ninh
        (sau hợp nhất với Long An)' asks of the new Tây Ninh). Their successor's later totals are not their figures."""
        retired = [p for p in self.provinces if successor(p) not in (None, p) and successor(p) not in self.provinces]
        return list(dict.fromkeys([*self.former, *retired]))

    @functools.cached_property
    def source_places(self) -> list[str]:
        """The provinces named only as whose report is meant ('Theo báo cáo 9 tháng năm 2025 của tỉnh Bắc Ninh, ... tỉnh
        Bắc Giang (cũ) xuất khẩu được bao nhiêu?'): the figure asked is of the others."""
        folded = fold_ocr(self.text)
        if not (source := _SOURCE.match(folded)):
            return []
        spans = province_spans(folded, unicodedata.normalize("NFC", self.text))
        inside = {name for a, _, name in spans if a < source.end()}
        after = {name for a, _, name in spans if a >= source.end()}
        return sorted(inside - after)

    @functools.cached_property
    def districts(self) -> list[str]:
        """The districts asked by kind and name ('thành phố Quy Nhơn', 'huyện Đắk Mil'), folded: read once, each
        sentence weighed is checked for them (`scope.unit_not_named`)."""
        return districts_named(fold_ocr(urban_as_district(self.text)))

    @functools.cached_property
    def seasons(self) -> tuple[Season, ...]:
        """The crop seasons asked ('lúa vụ Hè Thu 2024'; not 'so với vụ Hè Thu năm 2023')."""
        return seasons_in(fold_ocr(self.text))

    @functools.cached_property
    def asks_plan(self) -> bool:
        """A plan's own figure is asked ('dự toán tổng chi ngân sách năm 2022'), not a share of it."""
        return plan_asked(self.text)

    @functools.cached_property
    def cutoff_days(self) -> set[tuple[int, int, int]]:
        """(year, month, day) of each full date the question names, read once (every sentence weighed asks)."""
        return dated_days(fold_ocr(self.text))

    @property
    def wants_figure(self) -> bool:
        return Intent.FIGURE in self.intent

    @property
    def asks_quantity(self) -> bool:
        return Intent.QUANTITY in self.intent

    @property
    def wants_reference(self) -> bool:
        return Intent.REFERENCE in self.intent

    @property
    def wants_target(self) -> bool:
        return Intent.TARGET in self.intent

    @property
    def search_text(self) -> str:
        return " | ".join([self.lexical_text or self.text, *self.same])

    @property
    def names_nothing(self) -> bool:
        """Only question words, periods and places ('số mấy', '6 tháng 2023'): nothing to look up."""
        return not re.search(r"[^\W\d_]", self.lexical_text)

    @property
    def period(self) -> Period | None:
        return self.periods[0] if self.periods else None


def _same_span_asked(folded: str, mentions) -> list[Period]:
    """'Theo báo cáo 9 tháng năm 2025 ..., cùng kỳ năm 2024 ... xuất khẩu được bao nhiêu?': the same span of the year
    named after 'cùng kỳ' is asked, not compared with (no 'so với' before it); the report's span, in that year."""
    # (the span printed without its year, 'Cùng kỳ năm 2021, tổng lượt khách 6 tháng đầu năm ...', as well)
    span = next(((m.kind, m.index) for m in mentions if not m.comparison and m.kind != "year"), None)
    if span is None:
        return []
    return [Period(span[0], m.period.year, span[1]) for m in mentions
            if m.period and m.comparison and m.kind == "year" and _ASKED_SAME_SPAN.search(folded, 0, m.start)]


def _framing_years(folded: str, mentions) -> set[Period]:
    """A year opening the question as its frame ('Năm 2021, tổng lượt khách 6 tháng đầu năm ...'), which a later span
    printed without a year borrows: the span is asked, the year only says whose it is."""
    lent = {m.period.year for m in mentions if m.period and m.year is None and m.kind != "year" and not m.comparison}
    frames = [m for m in mentions if m.period and m.kind == "year" and not m.comparison and m.period.year in lent
              and _FRAME.fullmatch(folded, 0, m.start) and re.match(r"\s*,", folded[m.end:])]
    # (not a year asked again: 'Năm 2023, GRDP cả năm và quý IV')
    return {m.period for m in frames if not any(n is not m and n.period == m.period for n in mentions)}


# ('Năm 2021, ...', 'Trong năm 2023, ...'; or the aim it serves: 'Để đạt mục tiêu cả năm 2025, GRDP 6 tháng cuối năm ...')
_FRAME = re.compile(r"\W*(?:trong\s+|tinh\s+(?:rieng\s+)?|de\s+(?:dat|hoan\s+thanh)\s+(?:duoc\s+)?"
                    r"(?:muc\s+tieu|ke\s+hoach|chi\s+tieu)\s+)?")


# 'cùng kỳ năm' right before the year, opening the question or a clause of it (after 'so với', or a change, a baseline)
_ASKED_SAME_SPAN = re.compile(r"(?:^|[,;:]\s*|\btrong\s+)cung ky\s+$")


def parse_query(text: str) -> Query:
    whole = fold_ocr(text)
    # 'Theo kết luận phiên họp UBND tỉnh tháng 11, thu ngân sách 11 tháng năm 2025 ...': the source's own period, in the
    # lead-in naming it, comes after the one asked (the report it names still fits: 'Theo báo cáo năm 2024 ..., tổng
    # chi năm 2023')
    source = _SOURCE.match(whole)
    mentions = find_periods(text)
    mentions = tuple(sorted([*mentions, *_bare_spans(whole, mentions)], key=lambda m: m.start))
    if source and any(m.start >= source.end() and m.period for m in mentions):
        mentions = tuple(sorted(mentions, key=lambda m: m.start < source.end()))
    # 'đến cuối tháng 5/2023' is a cut-off (the state then, in a wider report), not May's own figure
    cutoff = [m for m in mentions if m.period and m.kind == "month" and CUTOFF.search(whole, 0, m.start)]
    # 'tăng bao nhiêu so với cùng kỳ năm 2022' asks about the other period named, not the baseline
    periods = [m.period for m in mentions if m.period and not m.comparison and m not in cutoff] or \
        [m.period for m in mentions if m.period and m not in cutoff]
    if same := _same_span_asked(whole, mentions):  # (its year is no period asked: 'Cùng kỳ năm 2021, ... 6 tháng')
        compared = {m.period for m in mentions if m.comparison}
        periods = same + [p for p in periods if p not in compared]
    framing = _framing_years(whole, mentions)
    periods = [p for p in periods if p not in framing] or periods
    loose = [(m.kind, m.index) for m in mentions if m.period is None]
    weak = [m.period for m in mentions if m.period and m.relative in ("bare", "early")]
    if not periods and (year := lunar_new_year(whole)):
        # 'quà Tết Quý Mão': the year that Tết opens, loosely (its reports are January's and February's)
        periods = weak = [Period("year", year)]
    folded = whole
    # period and province words are not content words: they choose reports, not passages
    places = province_spans(folded, unicodedata.normalize("NFC", text))
    # 'tỉnh', 'thành phố', 'TP' before a province's name, 'sau hợp nhất với', 'khu vực' before it and '(cũ)'
    # after it are part of the place, not content words
    scoped = [(_place_start(folded, a), m.end() if (m := FORMER_MARK.match(folded, b)) else b) for a, b, _ in places]
    cuts = sorted([(m.start, m.end) for m in mentions] + scoped + lunar_names(folded), reverse=True)
    for a, b in cuts:
        folded = folded[:a] + " | " + folded[b:]
    aliases = expansions(folded)
    content = strip_question_words(folded)
    short = contractions(folded)
    content = " | ".join([content, *aliases.values(), *short])
    dated = [Period("month", y, m) for y, m in dated_months(whole)] + [m.period for m in cutoff]
    years = {p.year for p in periods}
    if not dated and len(years) == 1:  # 'năm 2025 ... tính đến ngày 20/4': the date is in the year asked
        dated = [Period("month", years.pop(), int(m.group(2))) for m in _YEARLESS_CUTOFF.finditer(whole)
                 if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12][:1]
    return Query(text=text, periods=list(dict.fromkeys(periods)), loose=loose,
                 lexical_text=content, aliases=aliases, short=short, indicators=named_indicators(folded),
                 # (a plan asked after the place it is of: 'binh phuoc ke hoach thu ngan sach nam 2023')
                 intent=intent_of(whole) | (Intent.TARGET if asks_target(_unplaced(whole, places)) else Intent.NONE),
                 dated=dated,
                 # a city named as its province is ('thành phố Tuyên Quang') lies in that province
                 # (and a district named alone, 'huyện Đắk Mil', in its own: Đắk Nông)
                 provinces=_asked_places(whole, places) or city_provinces(whole)
                 or district_provinces(fold_ocr(urban_as_district(text))),
                 weak=weak,
                 same=equivalents(content),
                 former=[name for _, b, name in places if FORMER_MARK.match(whole, b)])


def _bare_spans(folded: str, mentions) -> list[Mention]:
    """A running total a question names by its months alone ('tổng thu ngân sách 5 tháng của Hải Dương'), without a
    year (reports print such words as durations too: questions only): a span whose year the question gives elsewhere
    ('Cùng kỳ năm 2023, ...'), or none."""
    out = []
    years = {n.period.year for n in mentions if n.period and not n.comparison}  # (a year lent, as find_periods lends)
    for m in _BARE_MONTHS.finditer(folded):
        if not any(m.start() < n.end and n.start < m.end() for n in mentions):
            count = int(m.group(1)) if m.group(1).isdigit() else _WORDS[m.group(1)]
            lent = Period("months", min(years), count) if len(years) == 1 else None
            out.append(Mention(lent, m.start(), m.end(), "months", count, None))
    return out


# 'N tháng' that no other reading takes ('9 tháng', '6 tháng' are), not a duration or an age ('sau 5 tháng triển khai',
# 'trẻ dưới 8 tháng tuổi', '2 tháng qua')
_BARE_MONTHS = re.compile(r"(?<!sau )(?<!vong )(?<!duoi )(?<!tren )(?<!moi )(?<!hon )(?<!han )(?<![\d/.,])"
                          r"\b(2|4|5|7|8|10|11|hai|bon|bay|tam|muoi mot|muoi)\s+thang\b"
                          r"(?!\s*(?:\d|tuoi|qua\b|toi\b|tiep|lien|nua|cuoi|dau|truoc|sau|mot lan))")
_WORDS = {"hai": 2, "bon": 4, "bay": 7, "tam": 8, "muoi": 10, "muoi mot": 11}


_SOURCE = re.compile(r"\s*theo\s+(?:ket luan|thong bao|bao cao|thong cao|nghi quyet|phat bieu|bai)\b[^,?]{0,80},")
_YEARLESS_CUTOFF = re.compile(r"\b(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(\d{1,2})/(\d{1,2})(?![\d/])")


def _unplaced(folded: str, places: list[tuple[int, int, str]]) -> str:
    """The question without the places it names, where a plan word opening it comes first."""
    for a, b, _ in sorted(places, reverse=True):
        folded = folded[:_place_start(folded, a)] + " " + folded[b:]
    return folded


def _asked_places(folded: str, places: list[tuple[int, int, str]]) -> list[str]:
    """The provinces a question asks about: not one it names only as where the asked place lies now."""
    asked = [name for a, _, name in places if not _NOW_IN.search(folded, 0, a)]
    return list(dict.fromkeys(asked or [name for _, _, name in places]))


def _place_start(folded: str, a: int) -> int:
    # '(nay thuộc tỉnh Phú Thọ)': where the place lies now is part of naming it
    for pattern in (_PLACE_WORD, _MERGER_WORDS, _NOW_IN, _PLACE_WORD):
        if m := pattern.search(folded, 0, a):
            a = m.start()
    return a

