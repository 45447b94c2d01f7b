"""The answer's citations and wording: source cards, the 'Theo Báo cáo số ...' header, the text the
number check may also accept (document numbers, dates, period labels), and the quoted figures."""
from __future__ import annotations

import re

from tracuu.index.backend import Store
from tracuu.index.lexical import token_set, tokenize, words_of
from tracuu.index.store import Hit
from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import names_unit
from tracuu.ingest.structure import INTERVIEW_HEADING
from tracuu.ingest.types import Period
from tracuu.ingest.textnorm import fold_ocr

from .answer import Citation
from .coverage import covered, qualified, qualified_otherwise, query_weights
from .figure_asks import against, asks_change, counted, first_ask, given, plan_subject, units_in
from .figure_rank import rank as figure_rank, take_baseline
from .figure_words import versus
from .figures import HOW_WORDS, Figure, extract as figure_list
from .lexicon import lexicon
from .glossary import SHARE_OF_PLAN, puts_claim
from .query import Query
from .quote_checks import side_twins
from .retrieve import mentioned_periods
from .scope import former_areas, place_of


def header(c: Citation, store: Store) -> str:
    doc = store.doc_by_name[c.doc]
    kind = doc.kind[:1].upper() + doc.kind[1:]
    # (a page with no number is named by its headline, as a reader finds it again: 'Tin bài “Khai mạc Kỳ họp ...”')
    titled = doc.title and doc.title != doc.doc.rsplit(".", 1)[0] and not doc.number
    label = f"{kind} số {doc.number}" if doc.number else f"{kind} “{_short(doc.title)}”" if titled \
        else f"{kind} {doc.doc}"
    if doc.issuer and len({d.province for d in store.documents if d.province}) > 1:
        label += f" của {doc.issuer}"  # an index of several provinces: say whose figure it is
    period = doc.period.label if doc.period else ""
    head = f"Theo {label} ({period})" if period else f"Theo {label}"
    sec = c.section_period
    if sec and doc.next_period == sec and sec != doc.period:  # a target, not a result: say so
        head += f", phần nhiệm vụ, mục tiêu {sec.label}"
    return head


def _short(title: str, most: int = 90) -> str:
    """A title cut at a word boundary to `most` characters."""
    return title if len(title) <= most else title[:most].rsplit(" ", 1)[0] + " …"


def meta_text(c: Citation, store: Store) -> str:
    doc = store.doc_by_name[c.doc]
    # (the title too: a page with no number is named by its headline, 'Yên Bái: GRDP quý I/2025 tăng 8,46%, ...')
    return " ".join(filter(None, [doc.doc, doc.number, doc.date, doc.period.label if doc.period else None,
                                  doc.next_period.label if doc.next_period else None,
                                  doc.title if not doc.number else None]))


def citation(n: int, h: Hit, store: Store) -> Citation:
    p = h.passage
    doc = store.doc_by_name[p.doc]
    return Citation(n=n, doc=p.doc, title=doc.title, period=doc.period, section=p.section,
                    line_start=p.line_start, line_end=p.line_end, text=p.text, score=h.score,
                    passage_id=p.id, section_period=p.period, page=p.page, number=doc.number,
                    date=doc.date, kind=p.kind, ocr_confidence=p.ocr_confidence)


_PLAN = re.compile(rf"\b(?:{lexicon().alternation('plan_nouns')}|kich ban)\b")  # a plan's figure is asked too


def _asks_plan(question: str) -> bool:
    """A plan's figure is asked ('kế hoạch vốn năm 2025 là bao nhiêu'), not a share of it ('đạt mấy % kế hoạch')."""
    return bool(_PLAN.search(SHARE_OF_PLAN.sub(" ", fold_ocr(question))))


def _named_as_other(quote: str, period: Period, report: Period | None) -> bool:
    """The quote names `period` only as what it compares with ('so với cùng kỳ năm 2019') or as the owner of a value
    compared with ('thấp hơn nhiều so với mức tăng 9,05% của 9 tháng năm 2019'): its own figures are not that period's."""
    folded = fold_ocr(quote)
    found = [m for m in find_periods(folded, report.year if report else None, folded=True, own=report)
             if m.period == period]
    # (or in a bracket right after the baseline: 'tăng 12,4% so với cùng kỳ năm 2022 (7 tháng năm 2022 đạt 8.197,8 tỷ
    # đồng)' gives the baseline's own value; or a bracket opening on the same time of that year: '5.136 tỷ đồng (cùng kỳ
    # năm 2023 là 746 doanh nghiệp)')
    return bool(found) and all(m.comparison or re.search(r"\bcua\s*$", folded[max(0, m.start - 8):m.start])
                               or _AFTER_BASELINE.search(folded[max(0, m.start - 45):m.start])
                               or _SAME_TIME_OPENS.search(folded[max(0, m.start - 20):m.start]) for m in found)


_SAME_TIME_OPENS = re.compile(r"\(\s*cung\s+ky\s+$")
_AFTER_BASELINE = re.compile(r"\b(?:so\s+voi|cung\s+ky)\b[^.;()]{0,30}\(\s*$")


def figures_of(query: Query, quotes: list[tuple[int, str]], cited: Citation, store: Store,
               marked_by: dict[int, str] | None = None) -> list[Figure]:
    """The quoted figures as data, the direct answer first. A figure's period is the asked one when
    its quote names it, else that of the section it stands in (a plans part: a target). `marked_by`: for a
    footnote's quote, the sentence carrying its mark, whose baseline its changes are stated against."""
    doc = store.doc_by_name[cited.doc]
    plan = doc.plans(cited.section_period)
    own = cited.section_period or doc.period
    out: list[Figure] = []
    nouns = counted(query.text)
    for n, quote in quotes:
        named = mentioned_periods(quote, doc.period)
        period = next((a for a in query.periods if a in named and not _named_as_other(quote, a, doc.period)), own)
        figs = figure_list(quote, n, period, target=plan, nouns=nouns, earlier=out, own=own)
        if period != own and (at := _first_naming(quote, period, doc.period)) > 0:
            # a period named only in a later sentence does not govern the figures before it ('... tăng 2% so với
            # cùng kỳ năm 2022; có 445 doanh nghiệp có lãi. ... trong khi cùng kỳ năm 2022 có 9'): 445 is the report's
            for f in figs:
                if f.start < at and f.period == period:
                    f.period = own
        if doc.period is not None:
            for f in figs:  # a report holds no result of a year after its own: 'Năm 2026, ... các chỉ tiêu chủ yếu
                # như sau: ... tổng thu ngân sách 20.500 tỷ đồng' in 2025's report is a target
                if f.kind in ("result", "change") and f.period is not None and f.period.year > doc.period.year:
                    f.kind = "target"
        if marked_by and n in marked_by:
            take_baseline(figs, marked_by[n])
            # (the whole quote it stands in: 'Các chương trình du lịch ... Trong 6 tháng thu hút 2.820,9 nghìn lượt khách')
            frame = next((q for _, q in quotes if marked_by[n] in q), marked_by[n])
            for f in figs:
                f.frame = frame
        out += figs
    weights = query_weights(query, store.lexical)
    first = token_set(first_ask(query.text))  # of several things asked, the first one's figure leads
    if whole := _OF_WHOLE.match(folded := fold_ocr(query.text)):  # 'Trong số X, có bao nhiêu Y': Y's figure
        first = token_set(first_ask(folded[whole.end():])) or first
    weights = {t: w for t, w in weights.items() if t in first} or weights
    # 'ước đạt', 'được', 'là', 'tăng': how a figure is stated, not what it measures (a change is asked apart)
    weights = {t: w for t, w in weights.items() if not set(t.split("_")) & HOW_WORDS and t not in ("tang", "giam")} \
        or weights
    variants = store.lexical.variants(list(weights)) if store.lexical else {}

    asked = {w for t in weights for w in t.split("_")} | {w for full in query.aliases.values() for w in words_of(full)}
    qualified_words = qualified(weights, query.text)

    def cover(toks: set[str]) -> float:  # the same reading of 'holds the question's words' as the quote's
        # (less the words it names with another qualifier than the question's: `coverage.qualified_otherwise`)
        return covered(weights, toks - qualified_otherwise(qualified_words, toks, asked), query.aliases, variants,
                       query.short, query.same)
    return figure_rank(out, cover, wants_change=asks_change(query.text),
                       repair=store.lexical.repair if store.lexical else None, asked=query.periods, dated=query.dated,
                       wants_target=query.wants_target or plan_subject(query.text), units=units_in(query.text),
                       nouns=nouns,
                       known=given(query.text) if query.asks_quantity else None,
                       baselines=against(query.text, query.aliases, query.short),
                       references=query.wants_target or _asks_reference(query.text),
                       words=token_set(f"{query.text} {side_twins(query.text)}"),
                       plan=_asks_plan(query.text), question=query.text,
                       place=lambda f: _placed(f, query, doc.province))


def _placed(f: Figure, query: Query, province: str | None) -> int:
    """`scope.place_of` for a figure, of the provinces asked less one named only as whose report is meant ('Theo báo
    cáo ... của tỉnh Bắc Ninh, ... tỉnh Bắc Giang (cũ) xuất khẩu được bao nhiêu': Bắc Giang's figure before the two
    provinces' sum); a former area's column ('Địa bàn Quảng Trị (cũ)') is a part of the province asked as it is now,
    after its total ('Toàn tỉnh')."""
    if not query.as_it_was and former_areas(f.header):
        return 1
    if query.districts:  # a district or town asked: its clause's figure ('riêng thị xã Sa Pa đón 1,02 triệu lượt') first
        return 0 if names_unit(fold_ocr(f"{f.header} {f.head or f.indicator}"), query.districts) else 1
    if query.as_it_was:
        # a former area asked: the part its own words name ('khu vực Bình Phước (cũ) 11.264,7' for 'Bình Phước cũ'),
        # before the merged province's total its words do not place ('Tổng thu ... 21.480 tỷ đồng; ... khu vực Bắc Kạn
        # cũ thu 1.610 tỷ đồng'), before another area's ('khu vực Đồng Nai (cũ)', which the present name also names)
        if areas := former_areas(f"{f.header} {f.own or ''}"):
            return 0 if set(areas) & set(query.as_it_was) else 2
        # (placed as the area asked: in the area's own report before 2025 its words need name it no more)
        return place_of(f"{f.header} {f.head or f.indicator}", set(query.as_it_was), province)
    asked = set(query.provinces) - set(query.source_places) or set(query.provinces)
    return place_of(f"{f.header} {f.head or f.indicator}", asked, province)


def _asks_reference(question: str) -> bool:
    """The question asks what a figure is compared with ('so với cả nước', 'cao hơn bình quân chung'), not a change
    against the same time or the plan ('tăng bao nhiêu so với cùng kỳ', 'so với kế hoạch'), nor which way it goes."""
    return versus(_BASELINE_ASKED.sub(" ", fold_ocr(question))) and not _which_way(question)


_BASELINE_ASKED = re.compile(r"\bso (?:sanh |voi )?(?:cung (?:ky|thoi gian)|(?:thang|quy|nam|ky) truoc|ke hoach|du toan"
                             r"|chi tieu)\b")


# 'nhanh hơn hay chậm hơn cả nước': the subject's own figure first, what it is compared with after it
_WHICH_WAY = re.compile(r"\b(?:nhanh|cham|cao|thap)(?: hon)? hay (?:nhanh|cham|cao|thap)\b")


def _which_way(question: str) -> bool:
    """Which way a comparison goes is asked ('cao hay thấp hơn', 'Có đúng là ... cao hơn cả nước không?')."""
    folded = fold_ocr(question)
    return bool(_WHICH_WAY.search(folded)) or puts_claim(folded)


# a question opening with the whole it asks a part of: 'Trong số sản phẩm OCOP đã được xếp hạng, có bao nhiêu ...',
# 'trong 87 sản phẩm OCOP có bao nhiêu ...', 'Trong tổng số vốn giải ngân, ...'
_OF_WHOLE = re.compile(r"\s*trong\s+(?:tong\s+so|so|\d[\d.,]*(?!\s*(?:thang|nam|quy|ngay|tuan)\b))\s"
                       r"(?:(?!bao nhieu)[^,?])*?(?:,|(?=\bco bao nhieu\b))")


def _first_naming(quote: str, period, own) -> int:
    """Where the sentence, or the `;`-clause, that first names `period` (not as a baseline) starts in `quote`; -1 if
    none does. ('kế hoạch 8.800 triệu USD; ước thực hiện ...; kế hoạch năm 2025 là 10.000': 8.800 is the report's.)"""
    at = next((m.start for m in find_periods(quote, own=own) if m.period == period and not m.comparison), None)
    return -1 if at is None else max(quote.rfind(". ", 0, at), quote.rfind("; ", 0, at)) + 1


def other_columns(query: Query, figs: list[Figure]) -> str | None:
    """The periods a table row's columns give, when its first cell is of another period than the one asked
    ('Thực hiện 6 tháng đầu năm 2022: 5,12' asked of năm 2023): no cell answers, and the answer says which
    periods the row holds. None when the row answers (or the quote is no table row)."""
    if not (query.wants_figure and query.periods and figs and figs[0].header) \
            or query.dated or set(query.periods) & set(query.weak) or figs[0].period in query.periods:
        return None
    if figs[0].period is None and not (figs[0].kind in ("change", "share") and not any(
            f.header and f.kind == "result" and f.period in query.periods for f in figs)):
        # a comparison column of no period ('So sánh (%) cùng kỳ') is the row's result's: no answer when no result
        # cell is of the asked period ('Ước thực hiện 10 tháng 2025' for 'năm 2025')
        return None
    return ", ".join(dict.fromkeys(f.period.label for f in figs if f.period and f.header))


_YEAR_ESTIMATE = re.compile(r"\b(?:uoc\s+(?:thuc\s+hien\s+|tinh\s+)?(?:ca\s+)?nam|ca\s+nam)\b")  # 'ước thực hiện cả năm'


def another_period_s(query: Query, figs: list[Figure]) -> str | None:
    """The period a sentence's own figures are all stated for, when it is another of the kind asked ('Tại hội nghị
    tổng kết năm 2023 và triển khai nhiệm vụ năm 2024, ... GRDP của tỉnh năm 2023 ước đạt 6,12%' for 'năm 2024': the
    asked year is named, but not for a figure): no figure answers, and the refusal names the period they are of.
    So too when they are all of parts of the asked period ('GRDP 9 tháng tăng hơn 7,1% ...; riêng quý III tăng khoảng
    7,4%' for the year 2023): no part answers for the whole. None when a figure is of the asked period, of none, or of
    another kind that is no part of it."""
    if not (query.wants_figure and query.periods and figs) or figs[0].header or query.dated \
            or set(query.periods) & set(query.weak):
        return None
    own = [f for f in figs if f.n == 1 and not f.reference]
    lead = figs[0]
    if not query.wants_target and lead.n == 1 and not lead.reference and lead.kind != "target" and lead.period is not None \
            and not any(f.period in query.periods for f in figs if f.n == 1) \
            and any(lead.period.kind == a.kind and lead.period.index == a.index and lead.period.year != a.year
                    for a in query.periods):
        # the figure that would lead is the same span of another year ('8 tháng tỉnh chấp thuận ... 6.480 tỷ đồng' of
        # 2024's report, for '8 tháng năm 2023'), and no figure is the asked one's: whatever else the quote holds
        return lead.period.label
    kinds = {p.kind for p in query.periods}
    # (a figure the sentence compares with may be the asked period's: 'thấp hơn mức tăng 9,12% của quý I/2022')
    # (a part's result only: a plans part's aim for the whole year is labelled with the part, 'cả năm phấn đấu ... (kế
    # hoạch quý IV)', and a month's figure may be counted to its end, 'đến hết tháng 3' for quý I)
    parts = not query.wants_target and all(f.kind != "target" and f.period is not None and f.period.kind != "month"
                                           for f in own)
    # (and the reverse: figures all of the year's estimate, holding the asked period, 'Ước thực hiện cả năm 2025: ...
    # bán lẻ ... đạt 79.200 tỷ đồng' in a note of the ten months' annex, for '10 tháng năm 2025': no whole answers for
    # its part)
    # (not for a claim checked, which states its figure: the check names the period the figure is of, other_period)
    wholes = not (query.wants_target or query.dates_apart or given(query.text)) and all(
        f.kind != "target" and f.period is not None and f.period.kind == "year"
        and _YEAR_ESTIMATE.search(fold_ocr(f.quote[:f.start])) for f in own)
    if not own or any(f.period in query.periods for f in figs if f.n == 1) \
            or any(f.period is None or f.period.kind not in kinds
                   and not (parts and any(p.contains(f.period) for p in query.periods))
                   and not (wholes and any(f.period.contains(p) for p in query.periods)) for f in own):
        return None
    return own[0].period.label


def former_first(query: Query, figs: list[Figure]) -> list[Figure]:
    """A former province asked of a merged province's table row by area ('Khu vực Hưng Yên (cũ): 27.915; Khu vực Thái
    Bình (cũ): 13.371; Toàn tỉnh: 41.286' for 'khu vực Thái Bình (cũ)'): its own cell leads, when no column names
    another period than the one asked (the table's caption names it)."""
    if not (query.as_it_was and figs and figs[0].header) or _naming_former(query, [figs[0].header]):
        return figs
    own = [f for f in figs if f.header and _naming_former(query, [f.header])
           and (f.period is None or f.period in query.periods)]
    return own[:1] + [f for f in figs if f not in own[:1]] if own else figs


def former_columns(query: Query, figs: list[Figure]) -> str | None:
    """A merged province's table row asked of a former one ('Tiền Giang (cũ)') whose columns give that area's own
    figures for some periods only ('Tiền Giang (cũ) năm 2024: 4.256,3; Ước thực hiện năm 2025: 6.842,5'): the
    first cell, of no area, is the merged province's, no answer; the area's own columns, for the refusal."""
    if not (query.as_it_was and figs and figs[0].header):
        return None
    own = _naming_former(query, [f.header for f in figs])
    return ", ".join(own) if own and figs[0].header not in own else None


def former_refusal(query: Query, columns: str) -> str:
    """The refusal for a former province asked of a merged province's table row: the columns that are its own."""
    return (f"Bảng số liệu chỉ có số liệu riêng của {', '.join(n + ' (cũ)' for n in query.as_it_was)} ở các cột: "
            f"{columns}; cột {query.period.label if query.period else 'được hỏi'} là của cả tỉnh sau hợp nhất. "
            f"Xem đoạn nguồn bên dưới.")


def former_headers(query: Query, row: str) -> str | None:
    """The headers of a table row's cells that name a former province asked ('Tiền Giang (cũ) năm 2024')."""
    return ", ".join(_naming_former(query, [c.rsplit(":", 1)[0].strip() for c in row.split("; ")[1:] if ":" in c])) or None


def _naming_former(query: Query, headers: list[str]) -> list[str]:
    """The column headers (each once, in order) that name a province asked as it was."""
    names = [fold_ocr(name) for name in query.as_it_was]
    return list(dict.fromkeys(h for h in headers if h and any(n in fold_ocr(h) for n in names)))


def no_plan_cell(query: Query, figs: list[Figure]) -> str | None:
    """A plan asked of a table row none of whose cells is a plan ('Kế hoạch năm 2025: -' for a former
    province's row): no cell answers; the columns it does give, for the refusal. None otherwise."""
    plan = query.wants_target or _asks_plan(query.text)
    if not (plan and figs and figs[0].header) or any(f.kind in ("target", "share") for f in figs):
        return None  # a share of the plan ('đạt 88,3% kế hoạch') answers 'so với kế hoạch'
    return ", ".join(dict.fromkeys(f.header for f in figs if f.header))


_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*")


def heading_name(query: Query, fig: Figure, section: str) -> str | None:
    """'Lũy kế 11 tháng năm 2025: 78.612,5 tỷ đồng' under '1. Tổng thu ngân sách nhà nước trên địa bàn': the
    heading names the figure when its own words name nothing asked (and the heading states no number)."""
    heading = _NUMBERING.sub("", section.rsplit(" > ", 1)[-1]) if section else ""
    asked = {t for t in tokenize(query.lexical_text or query.text) if "_" not in t and not t[0].isdigit()}
    if not heading or re.search(r"\d", heading) or not asked or INTERVIEW_HEADING.match(heading):
        return None  # (an interviewer's question is no name: 'PV: Du lịch ... kết quả cụ thể ra sao?')
    if asked & token_set(fig.indicator or "") or not asked & token_set(heading):
        return None
    return heading
