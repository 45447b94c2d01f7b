"""Whether a sentence states its figure for another period than the one asked (`conflicts`): the period rules of
`qa.ruled_out`, apart because they are most of it."""
from __future__ import annotations

import re
from dataclasses import replace

from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

from . import fit as period_fit
from .sentence import first_figure, states_figure
from .lexicon import lexicon
from .cutoffs import CUTOFF, cutoff_days, cutoff_months, same_day
from .glossary import leading, names_plan, uncompiled
from .query import Query


def _later_clause_counts_to(query: Query, folded: str) -> bool:
    """A series of dated clauses, one counting to the day asked ('phấn đấu đến ngày 30/9/2023 giải ngân đạt 70% ...; đến
    ngày 31/12/2023 giải ngân đạt trên 95% ...' for 'đến ngày 31/12/2023'): each clause is its own date's."""
    return any(same_day(cutoff_days(c), query.cutoff_days) for c in re.split(r"(?<=;)\s", folded)[1:])


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
    out = sorted([m for m in plain if not m.comparison] + same_span, key=lambda m: m.start)
    # (opening the sentence, a span after it with no year of its own is of that year: 'Cùng kỳ năm 2024 thu ngân sách 6
    # tháng đạt 6.042'; not '..., trong đó (cùng kỳ năm 2025 tăng 6,87%), riêng quý III ...')
    opening = [m for m in same_span if _OPENING.fullmatch(folded, 0, m.start)]
    return [replace(m, period=Period(m.period.kind, opening[0].period.year, m.period.index))
            if opening and m.year is None and m.start > opening[0].start else m for m in out]


_OPENING = re.compile(r"[^a-z]*cung\s+ky\s+")


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
