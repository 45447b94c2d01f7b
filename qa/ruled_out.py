"""Why a sentence may not answer a question (the first rule it fails, named for `Answer.why`), and which
provinces an open question is answered for."""
from __future__ import annotations

import re
from typing import Callable

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import MERGED, province_spans, successor
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from . import fit as period_fit
from .sentence import first_figure, states_figure
from .figure_asks import asks_rate, counted
from .figures import extract as extract_figures
from .lexicon import lexicon
from .notes import dated_item
from .glossary import (CUTOFF, REFERENCE_NUMBER, cutoff_days, cutoff_months, leading, names_plan, other_product,
                       same_day, uncompiled)
from .query import Query
from .scope import (asks_nation, elsewhere_figure, former_areas, nation_named, national_figure, paragraph_subject,
                    unit_not_named, without_nation_brackets)
from .seasons import season_fit

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
    if period_fit.another_unit(query, h, e.sentence, store):
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


def _later_clause_counts_to(query: Query, folded: str) -> bool:
    """A series of dated clauses, one counting to the day asked ('phấn đấu đến ngày 30/9/2023 giải ngân đạt 70% ...; đến
    ngày 31/12/2023 giải ngân đạt trên 95% ...' for 'đến ngày 31/12/2023'): each clause is its own date's."""
    return any(same_day(cutoff_days(c), query.cutoff_days) for c in re.split(r"(?<=;)\s", folded)[1:])


def _other_place(query: Query, words: str) -> bool:
    """A figure's words name the whole country or a province not asked ('cả nước', 'tỉnh Cà Mau lân cận')."""
    folded = fold_ocr(words)
    return nation_named(words) or bool({p for _, _, p in province_spans(folded)} - set(query.provinces))


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


def _clause_of_its_own(folded: str, mentions, query: Query) -> bool:
    """A series gives the asked period a clause and a figure of its own after another's ('sản lượng quả năm
    2021 đạt 612,8 nghìn tấn; năm 2022 đạt 694,5 nghìn tấn; ...'): the sentence answers for it."""
    for m in mentions:
        if m.period in query.periods and re.search(r"[;,]\s*$", folded[max(0, m.start - 3):m.start]):
            end = _clause_end(folded, m.end)
            if states_figure(folded[m.end:end]):
                return True
    return False


def _said(folded: str, default_year: int | None, own: Period | None) -> list:
    """The periods a sentence gives figures for, baselines left out; 'cùng kỳ năm 2023' standing alone (no 'so với')
    is the same span of that year as the report's own ('Cùng kỳ năm 2023 tổng kim ngạch ... đạt 1.981 triệu USD' in a
    half-year report: the first half of 2023), read as a period, not as a baseline."""
    plain = [m for m in find_periods(folded, default_year, folded=True) if m.period]
    if own is None or not any(m.comparison for m in plain):
        return [m for m in plain if not m.comparison]
    spans = {(m.start, m.end) for m in plain if m.comparison}
    same_span = [m for m in find_periods(folded, default_year, folded=True, own=own)
                 if m.period and not m.comparison and (m.start, m.end) in spans and _SAME_SPAN.search(folded, 0, m.start)]
    return sorted([m for m in plain if not m.comparison] + same_span, key=lambda m: m.start)


_SAME_SPAN = re.compile(r"\bcung\s+ky\s+$")
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}[.)](?=\s)")


def conflicts(query: Query, sentence: str, default_year: int | None, table: bool = False,
              own: Period | None = None) -> bool:
    """The sentence states a figure for a narrower period than the one asked ('quý I' for 'năm 2022'),
    or for a wider one short of a year ('trong 6 tháng' for 'tháng 2/2023': no month's figure). A wider
    year stays allowed: month reports give '... bằng 10% dự toán năm' beside the month's figure.
    A figure counted to another date than the one asked ('ước đến 31/01/2026' for 'đến 30/11/2025') is
    that date's."""
    if query.dated and states_figure(sentence) and not _later_clause_counts_to(query, fold_ocr(sentence)):
        folded = fold_ocr(sentence)
        # of the whole quote, or of its first sentence, whose figure leads (glossary.leading)
        for part in (folded, leading(folded)):
            if (counted := cutoff_months(part)) and not counted & query.cutoffs:
                return True
        # the same month, another day: 'đến hết ngày 13/12/2024' is no state at 31/12/2024 (a few days apart may
        # be one month-end written two ways); the quote's first sentence: its figure leads, a later one may aim
        # at the asked day
        if query.cutoff_days and (days := cutoff_days(re.split(r"(?<=[.;])\s", folded, maxsplit=1)[0])) \
                and not same_day(days, query.cutoff_days):
            return True
        if not query.periods:
            # 'Kế hoạch vốn năm 2025 ...: 26.486,2 tỷ đồng' for 'đến 30/11/2023': a period that cannot hold the date
            # (of the quote's first sentence, whose figure leads: 'Đến ngày 30/6/2026, tỉnh đã bàn giao 486,2 ha ...
            # Phần diện tích còn lại phấn đấu bàn giao xong trong quý III/2026' is June's)
            first = re.split(r"(?<=[.;])\s", sentence, maxsplit=1)[0]
            said = [m.period for m in find_periods(first, default_year) if m.period and m.year is not None
                    and not m.comparison]
            return bool(said) and not any(p.contains(d) for p in said for d in query.dated)
    if not query.periods:
        return False
    # (a list item's number is no figure: '1. Tập trung ..., phấn đấu tốc độ tăng trưởng GRDP 6 tháng đầu năm 2024 đạt
    # 6,5 - 7,0%' leads with the half year, not with '1')
    folded = _ITEM_NUMBER.sub(lambda m: " " * len(m.group()), fold_ocr(sentence), count=1)
    mentions = _said(folded, default_year, own)
    if not table and query.wants_figure and not names_plan(query.text) and _narrower_lead(
            folded, first_figure(folded, mentions), mentions, query):
        return True  # (a plan's value in brackets is no result of the year: before the baseline rule)
    if not table and period_fit.states_baseline_value(query, sentence, default_year):
        return False  # '... so với thực hiện năm 2022 (18.220 tỷ đồng)' answers for 2022
    if table:  # each cell's column names its period ('Kế hoạch 2023: 3.600'): the row holds the asked one or not
        # (a column counted to a date, 'Giải ngân đến 30/11/2022', holds the running total of its report's year to
        # that month: '11 tháng năm 2022')
        counted = [m for m in find_periods(folded, default_year, folded=True, own=own) if m.period and not m.comparison]
        return bool(mentions) and not any(m.period in query.periods for m in mentions + counted)
    # 'kế hoạch vốn năm 2023 đến hết tháng 01/2023 là 45 tỷ đồng' for a question on the 2022 plan: the
    # years named before the first figure say whose figure it is, whatever is named after it
    first = first_figure(folded, mentions)
    lead = [m for m in mentions if m.start < first]
    # the first figure's clause: 'Trong tháng có 48 doanh nghiệp thành lập mới; lũy kế quý I có 131 ...'
    # names the quarter for the second figure only
    end = _clause_end(folded, first)
    # (a running total counted to the asked period's last month, 'Đến hết tháng 3, toàn tỉnh giải ngân 1.530 tỷ đồng' for
    # quý I, is that period's: counted from January, as the plan year's disbursement and revenue are)
    named = [m.period for m in mentions if m.start < end and not _counted_to_its_end(folded, m, query)]
    # (a rank asked, 'PCI 2023 xếp thứ mấy', is a quantity too: 'PCI năm 2022 ... xếp thứ 15/63' is 2022's)
    # (the same span of another year too, when the sentence never names the asked one: 'Cùng kỳ năm 2023 tổng kim
    # ngạch ... đạt 1.981 triệu USD', '6 tháng đầu năm 2023 ... đạt' for 6 tháng đầu năm 2024; not '... quý I năm 2023
    # ước tăng 2,85%, thấp hơn mức tăng 9,12% của quý I/2022' for quý I/2022)
    if (query.wants_figure or query.asks_quantity) and any(
            m.year is not None and m.period.kind == a.kind and m.period.index == a.index and m.period != a
            and (a.kind == "year" or not any(n.period == a for n in mentions))
            for a in query.periods for m in lead) \
            and not any(m.period in query.periods for m in lead) and not _clause_of_its_own(folded, mentions, query):
        return True
    # a part of a year the same way, by its own index whatever year it borrows, when the sentence never names the asked
    # one: '6 tháng cuối năm, tỉnh phấn đấu ... cả năm 2022 đạt 8,5 - 9%' for '6 tháng đầu năm 2022' is the second half's
    if (query.wants_figure or query.asks_quantity) and any(
            m.period.kind == a.kind != "year" and m.period.index != a.index for a in query.periods for m in lead) \
            and not any(m.period in query.periods for m in mentions):
        return True
    # 'Thống nhất trình HĐND tỉnh chỉ tiêu kế hoạch năm 2026: ... kim ngạch xuất khẩu 3.900 triệu USD' for '11 tháng năm
    # 2025': the lead names only another year, a later one's plan or forecast or an earlier one's result ('Năm 2022, Nghệ
    # An thu hút hơn 1,75 tỷ USD vốn FDI', a related article's, for '11 tháng 2023'), and nothing names the asked one
    # (an earlier year only when it opens the sentence: 'Hoàn thiện thống kê đất đai năm 2022, lũy kế từ đầu năm cấp 126
    # giấy' is the report's own count)
    if query.wants_figure and lead and not any(m.period in query.periods for m in mentions) and all(
            m.period.kind == "year" and m.year is not None and all(
                m.period.year > a.year or m.period.year < a.year and lead[0].start <= 3 for a in query.periods)
            for m in lead) \
            and not _clause_of_its_own(folded, mentions, query):
        return True
    # the lead names, with their years printed, only parts of years that share no month with the asked period, and
    # nothing names the asked one: a related article's 'Quý I/2021, tổng mức bán lẻ hàng hóa đạt 11.436 tỷ đồng' for
    # '10 tháng năm 2022' (whole years have their own rule above)
    if (query.wants_figure or query.asks_quantity) and lead and all(
            m.year is not None and m.period.kind != "year" and not any(m.period.overlaps(a) for a in query.periods)
            for m in lead) \
            and not any(m.period in query.periods for m in mentions) and not _clause_of_its_own(folded, mentions, query):
        return True
    # the figure led by parts of another year only ('tháng 11' of 2022's article), and the asked one ('năm 2021') named
    # after its clause, as what explains it ('... tăng 21,3%, chủ yếu do năm 2021 chịu ảnh hưởng của dịch'): not its
    # (named in the figure's own clause: 'Hoàn thiện thống kê đất đai năm 2022, lũy kế từ đầu năm cấp 126 giấy' is not;
    # nor when the asked year is printed before the figure, a date counted to: '... vốn năm 2022 đến hết 31/01/2023')
    own_lead = [m for m in lead if not re.search(r"[,;:.]", folded[m.end:first])] \
        if not any(str(a.year) in folded[:first] for a in query.periods) else []
    # (a part of a year only: a whole year's figure, 'DDCI năm 2025' in January 2026's report, is the report's to give)
    if (query.wants_figure or query.asks_quantity) and own_lead and all(
            m.period.kind != "year" and not any(m.period.year == a.year for a in query.periods) for m in own_lead) \
            and not any(m.period in query.periods for m in mentions if m.start < end) \
            and not _clause_of_its_own(folded, mentions, query):
        return True
    # the asked period named anywhere, but not as what is not compiled ('số liệu lũy kế, chưa tách riêng tháng 11'),
    # nor in an aim of a sentence after the first ('Khách quốc tế ... quý I năm 2023 ước đạt 1.046.832 lượt ... Kế
    # hoạch năm 2023, Thành phố phấn đấu đón 5 triệu lượt' is the quarter's)
    lead_end = len(leading(folded))
    if not named or any(m.period in query.periods and not uncompiled(folded, m.start, m.end)
                        and not (m.start >= lead_end and _AIM_SENTENCE.search(folded[folded.rfind(". ", 0, m.start) + 1:m.end]))
                        for m in mentions):
        return False
    if _whole_year_clause(folded, query, default_year):
        return False
    # ('khởi công chậm nhất trong tháng 6/2022' answers 'khi nào' for quý II: only figures conflict)
    narrower = query.wants_figure and any(a.contains(p) and a != p for a in query.periods for p in named)
    wider = query.wants_figure and any(p.kind != "year" and p.contains(a) and a != p
                                       for a in query.periods for p in named)
    return narrower or wider


def _counted_to_its_end(folded: str, m, query: Query) -> bool:
    """A month counted to ('đến hết tháng 3') that ends an asked period running from January (quý I, 6 tháng, 9 tháng)."""
    return m.period.kind == "month" and bool(CUTOFF.search(folded[max(0, m.start - 20):m.start])) and any(
        a.months()[0] == 1 and a.months()[-1] == m.period.index and a.year == m.period.year and a != m.period
        for a in query.periods)


_AIM_SENTENCE = re.compile(r"\b(?:ke hoach|phan dau|muc tieu|chi tieu|du kien)\b")


def _clause_end(folded: str, start: int) -> int:
    """Where the clause running on from `start` ends: the next ';' or full stop, else the text's end."""
    return min([i for i in (folded.find(";", start), folded.find(". ", start)) if i >= 0] or [len(folded)])


def _whole_year_clause(folded: str, query: Query, default_year: int | None) -> bool:
    """'kim ngạch xuất khẩu 11 tháng đạt 2.846,2 triệu USD; ước cả năm đạt 3.126,4 triệu USD' in 2025's report, for
    'năm 2025': a clause of its own gives the report's whole year ('cả năm', no year named) a figure."""
    if default_year is None or Period("year", default_year) not in query.periods:
        return False
    for m in _WHOLE_YEAR.finditer(folded):
        end = _clause_end(folded, m.end())
        if states_figure(folded[m.end():end]):
            return True
    return False


# a clause opening with the whole year, after the part of it the sentence began with ('...; ước cả năm đạt')
_WHOLE_YEAR = re.compile(r"[;,]\s*(?:[a-z]+\s+){0,3}?ca\s+nam\b(?!\s*(?:19|20)\d\d)")


def _narrower_lead(folded: str, first: int, mentions, query: Query) -> bool:
    """'Tổng thu ngân sách 10 tháng bằng 86,4% dự toán năm 2023' for 'cả năm 2023': a narrower period leads the
    figure ('10 tháng' of the year asked), and the asked one is named only as the plan's ('dự toán năm 2023')."""
    lead = [m for m in mentions if m.start < first]
    narrower = [m for m in lead if any(a.contains(m.period) and a != m.period for a in query.periods)] or [
        m for m in _MONTHS.finditer(folded, 0, first + 10) if m.start() <= first and int(m.group(1)) < 12 and any(a.kind == "year" for a in query.periods)]
    asked = [m for m in mentions if m.period in query.periods]
    return bool(narrower) and bool(asked) and not any(m.period in query.periods for m in lead) and all(
        _PLAN_BEFORE.search(folded[max(0, m.start - 20):m.start]) for m in asked)


_MONTHS = re.compile(r"\b(\d{1,2}) thang\b(?!\s*(?:/|\d|nam\b|dau\b))")  # '10 tháng' of the year the question names
_PLAN_BEFORE = re.compile(rf"\b{lexicon().alternation('plan_nouns')}\s*(?:nam|ca nam)?\s*$")


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
