"""Why a sentence may not answer a question (the first rule it fails, named for `Answer.why`), and which
provinces an open question is answered for."""
from __future__ import annotations

import re
from typing import Callable

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import MERGED, names_unit, province_spans, successor
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from . import fit as period_fit
from .figure_asks import asks_rate, counted
from .figures import extract as extract_figures
from .notes import dated_item
from .glossary import REFERENCE_NUMBER, names_plan, other_product
from .period_conflicts import conflicts
from .query import Query
from .scope import (asks_nation, clauses, elsewhere_figure, former_areas, nation_named, national_figure, paragraph_subject,
                    unit_not_named, without_nation_brackets)
from .seasons import season_fit
from .units import another_unit

# rules that say a sentence's figure is another period's or thing's (not merely a weaker sentence); another
# place's only when it is plainly so: the whole country's, or a province the lead names (a regional article's
# parts are harder to tell apart)
NOT_ITS_FIGURE = {"names_another_period_for_its_figure", "another_span_s_figure", "leaves_out_what_is_asked",
                  "another_season_s_figure"}


def ruled_out(query: Query, e, fit: list[float], top: list[Hit], store: Store) -> str | None:
    """Why a sentence may not answer, or None: the first rule it fails, in the order they are checked."""
    h = top[e.hit_index]
    if fit[e.hit_index] <= 0:
        return "period_or_place_does_not_fit"  # its report or section is of another period or province
    if query.asks_quantity and not e.figure:
        return "states_no_figure"
    if e.other_unit:
        return "states_no_figure_in_the_asked_unit"  # 'bao nhiêu tấn thủy sản': an export turnover in USD
    if h.passage.kind == "title" and not (query.wants_figure or query.wants_reference):
        # 'nhiệm vụ, giải pháp điều hành ngân sách quý II năm 2025' in the title names what the report holds: the list
        # asked is in its body
        return "names_only_what_the_report_holds"
    asked = fold_ocr(query.text)
    if not e.phrase or other_product(asked, fold_ocr(f"{h.passage.section} {h.passage.text}")) \
            or other_product(asked, fold_ocr(e.sentence), stated=False):
        return "does_not_name_the_indicator"
    if (query.asks_quantity or query.wants_figure) and not re.search(r"\bchi tieu\b", fold_ocr(query.text)) \
            and counts_targets(e.sentence, plans=not query.wants_target):
        # 'Trong 24 chỉ tiêu ..., có 19 chỉ tiêu đạt ..., 05 chỉ tiêu không đạt (tốc độ tăng trưởng GRDP, ...)': the
        # figures count targets met, the indicator asked is only named among them
        return "counts_targets_not_the_indicator"
    if query.asks_quantity and counts_asked(query.text) and (rates_only(without_nation_brackets(e.sentence))
                                                              or counted_only_nationally(query.text, e.sentence)):
        # 'bao nhiêu hộ nghèo': 'Tỷ lệ hộ nghèo ... ước còn 0,48%' gives a rate, no count of them
        return "gives_a_rate_not_the_count"
    if query.wants_figure and h.passage.kind != "table" and lists_parts(query, e.sentence):
        return "lists_parts_of_the_total"
    if query.asks_quantity and e.not_compiled:
        # 'Bắc Kạn giải ngân 386,2 tỷ đồng ... Về xuất khẩu, ... chưa tổng hợp kim ngạch xuất khẩu theo quý': the quote
        # says the figure asked is not compiled; its figure is another indicator's
        return "says_it_is_not_compiled"
    if e.excludes:
        return "leaves_out_what_is_asked"
    if fit[e.hit_index] >= 1.0 and (e.national or national_figure(query, e.sentence)) \
            and store.doc_by_name[h.passage.doc].province in query.provinces:
        # the asked province's report of the asked period says the words asked of the whole country ('tỷ lệ thất nghiệp
        # ... của cả nước quý II/2020 là 2,79%'): another place's figure before any period it names, so that its weight
        # keeps a weaker sentence of the province's from answering for it (another report's note on the country, of
        # another year, keeps nothing from answering)
        return "another_place_s_figure"
    # (a note's item splitting the sentence's figure by period states the asked one's: its own period is what counts)
    timed = e.note.text if e.note is not None and dated_item(query, e.note.text) else e.sentence
    planned = h.passage.kind != "table" and _plan_of_asked(query, timed, h.passage.period)
    if not planned and conflicts(query, timed, period_fit.report_year(h, store), table=h.passage.kind == "table",
                                 own=h.passage.period):
        return "names_another_period_for_its_figure"
    if not planned and period_fit.other_span(query, h, timed, store):
        return "another_span_s_figure"
    if query.seasons and season_fit(query.seasons, e.sentence, h.passage.section) < 0:
        return "another_season_s_figure"  # 'vụ Đông Xuân 2023 - 2024', or two seasons together, for 'vụ Hè Thu 2024'
    if another_unit(query, h, e.sentence, store):
        return "another_unit_s_figure"
    if e.national or elsewhere_figure(query, e.sentence, store.doc_by_name[h.passage.doc].province, h.passage.section,
                        paragraph_subject(h.passage.text) if query.provinces else frozenset()):
        return "another_place_s_figure"
    if asks_nation(query) and not nation_named(e.sentence):
        return "another_place_s_figure"  # the country asked: a province's own figure is not the country's
    if query.wants_figure and not (query.wants_target or query.asks_plan or asks_nation(query)) \
            and (figs := extract_figures(e.sentence)) and all(f.reference and _other_place(query, f.head or f.indicator)
                                                               for f in figs):
        # every figure is what the sentence compares with ('So với tỉnh Cà Mau lân cận (6 tháng sản lượng tôm ước đạt
        # 98.600 tấn), quy mô sản lượng tôm của tỉnh còn thấp; cả nước ... 1,56 tỷ USD'): another place's, none its own
        return "another_place_s_figure"
    if unit_not_named(query, e.sentence, h.passage.section, store.doc_by_name[h.passage.doc]):
        return "another_place_s_figure"  # 'thành phố Quy Nhơn' asked: the province's total is not the city's
    if unit_counts_only(query, e.sentence):
        return "counts_not_the_amount_asked"  # 'Tổng vốn FDI ... thị xã Trảng Bàng': 'thị xã Trảng Bàng thu hút 12 dự án'
    former, doc = query.as_it_was, store.doc_by_name[h.passage.doc]
    if former and _merged_whole(former, doc):
        # asked of 'Quảng Trị cũ', the merged province's total is not its figure (a section of the former area's,
        # 'A. KHU VỰC THÁI NGUYÊN (CŨ)', names it for its lines)
        if h.passage.kind != "table" and not _names_former(former, f"{h.passage.section} {e.sentence}"):
            return "another_place_s_figure"
        if h.passage.kind == "table" and not _names_former(former, _former_cells(query, e.sentence)):
            return "the_merged_province_s_columns"  # (the refusal names the columns the former one has)
    if query.provinces and not former and _after_merger(doc) and doc.province in query.provinces \
            and former_areas(h.passage.section.rsplit(" > ", 1)[-1]):
        # the merged province asked: a section of one former area's lines ('B. KHU VỰC BẮC KẠN (CŨ)') holds a part
        return "another_place_s_figure"
    return None


def _plan_of_asked(query: Query, sentence: str, own: Period | None) -> bool:
    """A plan asked, and the sentence states the asked period's plan, whatever period its result is of: 'Tổng thu ... 6
    tháng ước đạt 5.318 tỷ đồng, bằng 58,4% dự toán năm (dự toán 9.100 tỷ đồng)' for the year's budget estimate."""
    # (every period it names of the asked year: not 'Trên cơ sở kết quả ước thực hiện năm 2025: ... 1,46 triệu lượt' in
    # the 2026 plans part, 2025's results)
    if not (query.periods and own is not None and names_plan(query.text)):
        return False
    years = {a.year for a in query.periods}
    named = [m.period for m in find_periods(sentence, own.year) if m.period and not m.comparison]
    return all(p.year in years for p in named) and any(
        f.kind == "target" and f.period in query.periods for f in extract_figures(sentence, period=own, own=own))


_COUNT = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?(?![\w.,/])")


def counts_targets(sentence: str, plans: bool = False) -> bool:
    """Every figure of the sentence, its periods' numbers aside, counts targets ('19/24 chỉ tiêu', '05 chỉ tiêu'); with
    `plans`, or is a target's planned value in brackets ('3 chỉ tiêu không đạt là ... GRDP bình quân đầu người (kế hoạch
    114 triệu đồng)': no result is stated)."""
    folded = REFERENCE_NUMBER.sub(" ", fold_ocr(sentence))  # ('bão số 4' is a storm's name, not a count)
    if "chi tieu" not in folded:
        return False
    spans = [(m.start, m.end) for m in find_periods(folded, folded=True)]
    counts = [m for m in _COUNT.finditer(folded) if not any(a <= m.start() < b for a, b in spans)]
    counted = [m for m in counts if re.match(r"\s+chi tieu\b", folded[m.end():])]
    planned = [m for m in counts if plans and _PLANNED_VALUE.search(folded, max(0, m.start() - 20), m.start())]
    return bool(counted) and len(counted) + len(planned) == len(counts)


_PLANNED_VALUE = re.compile(r"\((?:ke hoach|kh|muc tieu)\s*:?\s*$")


def _other_place(query: Query, words: str) -> bool:
    """A figure's words name the whole country or a province not asked ('cả nước', 'tỉnh Cà Mau lân cận')."""
    folded = fold_ocr(words)
    return nation_named(words) or bool({p for _, _, p in province_spans(folded)} - set(query.provinces))


def unit_counts_only(query: Query, sentence: str) -> bool:
    """A district or town asked an amount of money ('Tổng vốn FDI đăng ký mới của thị xã Trảng Bàng'), no count, whose
    own clause states only counts ('trong đó thị xã Trảng Bàng thu hút 12 dự án'): its amount is not stated."""
    folded = fold_ocr(query.text)
    if not query.districts or not _MONEY_ASKED.search(folded) or counts_asked(query.text):
        return False
    for clause in clauses(sentence):
        if names_unit(fold_ocr(clause), query.districts) and (figs := extract_figures(clause)):
            return all(fold_ocr(f.unit or "") in _COUNT_UNITS for f in figs)
    return False


# an amount of money asked: capital, trade, revenue, spending, or its unit named
_MONEY_ASKED = re.compile(r"\b(?:von|kim ngach|doanh thu|tong thu|thu ngan sach|chi ngan sach|bao nhieu tien|"
                          r"(?:ty|trieu|nghin) (?:dong|usd))\b")
# units that count things, no amount of money
_COUNT_UNITS = frozenset("du an|doanh nghiep|ho|nguoi|luot|luot khach|luot nguoi|xa|chiec|con|vu|hop tac xa|co so|"
                         "lao dong|san pham|giay phep".split("|"))


def counts_asked(question: str) -> bool:
    """The question counts things ('bao nhiêu hộ nghèo', 'bao nhiêu lượt khách', or opening on them: 'số khách lưu trú
    tháng 4/2022') and asks no rate or share of them."""
    return (bool(counted(question)) or bool(_COUNT_OPENS.match(fold_ocr(question)))) and not asks_rate(question)


# a question opening on the number of things ('Số khách lưu trú ...', 'Tổng số lượt khách ...'; not 'số liệu', 'số hiệu')
_COUNT_OPENS = re.compile(r"\W*(?:tong\s+)?so\s+(?:luong\s+)?(?!lieu\b|hieu\b|thu\b|tien\b|chi\b|von\b)[a-z]{2,}")


def counted_only_nationally(question: str, sentence: str) -> bool:
    """The thing counted ('bao nhiêu liều vắc xin') is counted only in the country's figure in brackets ('(cả nước đã
    tiêm hơn 208,6 triệu liều vắc xin)'): the province's own figures are of other things."""
    nouns = {n[0] for n in counted(question)}
    def counts(text: str) -> bool:
        return any(re.search(rf"\d[\d.,]*\s+(?:(?:nghin|ngan|trieu|ty)\s+)?{n}\b", fold_ocr(text)) for n in nouns)
    own = without_nation_brackets(sentence)
    return bool(nouns) and own != sentence and counts(sentence) and not counts(own)


def rates_only(sentence: str) -> bool:
    """Every figure the sentence states is a percentage."""
    figs = extract_figures(sentence)
    return bool(figs) and all(f.unit == "%" for f in figs)


def lists_parts(query: Query, sentence: str) -> bool:
    """The sentence lists the parts of a total under a frame ('Các mặt hàng xuất khẩu chủ yếu 9 tháng: cà phê nhân đạt
    412,5 triệu USD ...; cao su 61,3 triệu USD'), and the question names none of them (a pair of its words printed
    after the frame: 'xuất khẩu cà phê'): no figure of it is the total asked."""
    folded = fold_ocr(sentence)
    frame = _PARTS_FRAME.match(folded)
    if not frame or re.search(rf"\b{frame.group(1)}\b", fold_ocr(query.text)):
        return False  # (the parts asked: 'Những mặt hàng xuất khẩu chủ yếu ... là gì')
    words = re.findall(r"[a-z0-9]+", fold_ocr(query.lexical_text or query.text))
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    items = folded[frame.end():]
    return not any(re.search(rf"\b{p}\b", items) and not re.search(rf"\b{p}\b", frame.group()) for p in pairs)


_PARTS_FRAME = re.compile(r"\W*(?:[a-z]+\s+){0,3}?(?:cac|mot so|nhung)\s+(mat hang|nhom hang|san pham|nganh hang)\b[^:;.>]{0,80}:")


def _after_merger(doc) -> bool:
    """A report of a period ending after the 2025 merger took effect."""
    return bool(doc.period and doc.period.end >= MERGED)


def _merged_whole(former: list[str], doc) -> bool:
    """A report of a province after the 2025 merger that took in (or kept the name of) a former one asked."""
    return _after_merger(doc) and bool(doc.province) and any(doc.province in (name, successor(name)) for name in former)


def _former_cells(query: Query, row: str) -> str:
    """The cells of a merged province's table row that may answer for a former one: those of a period asked (or of
    none). 'Ước thực hiện 11 tháng năm 2025 - Khu vực Long An (cũ): 8.973,8' is no answer to Long An's 2025 plan."""
    label, *cells = row.split("; ")  # (the row's own label, 'Bảng 2 > Khu vực Sóc Trăng (cũ)', names whose it is)
    asked = set(query.periods)
    return "; ".join([label, *(c for c in cells if not asked or not (
        named := {m.period for m in find_periods(c.rsplit(":", 1)[0])}) or named & asked)])


def _names_former(former: list[str], sentence: str) -> bool:
    """The sentence names the former province as such ('địa bàn tỉnh Quảng Trị cũ', 'khu vực Bến Tre (cũ)')."""
    folded = fold_ocr(sentence)
    # (a province merged into one of another name is named plainly too: 'khu vực Kon Tum' in Quảng Ngãi's report)
    return any(re.search(rf"{re.escape(fold_ocr(name))}\b" + ("" if successor(name) not in (None, name) else
                                                                r"\s*\(?\s*(?:cu|truoc)\b"), folded)
               for name in former)


def open_provinces(query: Query, store: Store, ranked: Callable[[], list[Hit]], most: int = 24) -> list[str]:
    """Provinces to answer for, best first, when the question names none and the index holds
    several: one province's figure must not pass for *the* answer. `ranked` gives the passages whose
    provinces are asked, called only then."""
    if query.provinces or asks_nation(query) or len({d.province for d in store.documents if d.province}) < 2:
        return []
    order: list[str] = []
    covered: set[str] = set()
    for h in ranked():
        doc = store.doc_by_name.get(h.passage.doc)
        if doc and doc.province and doc.province not in order:
            order.append(doc.province)
        if doc and doc.province and any((h.why or {}).get(k, 0) >= 1.0 for k in ("report", "section")):
            covered.add(doc.province)  # a passage of the asked period: its province has the figure asked, likely
    # (with many provinces indexed, those whose reports cover the asked period come first: the others refuse)
    return sorted(order, key=lambda p: p not in covered)[:most] if query.periods else order[:most]
