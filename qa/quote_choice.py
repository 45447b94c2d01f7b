"""Which of the weighed sentences to quote, once they are weighed (`qa.extract.best_evidence`): a result over a
plan's aim (or the reverse), a body sentence over the headline or table row it restates, a sentence stating the value
over one giving only its share."""
from __future__ import annotations

import re

from tracuu.index.lexical import words_of
from tracuu.index.store import Hit
from tracuu.ingest.textnorm import fold_ocr

from .claim_values import hedged, rounds, value
from .coverage import FUNCTION_WORDS
from .extract import Evidence
from .figure_asks import asks_change, asks_rate, plan_subject
from .figure_value import parse_number
from .figures import extract
from .glossary import measure_phrases
from .notes import asks_part, note_s_period
from .parts import row_label, table_of, total_name, total_row
from .query import Query
from .scope import former_areas
from .scope import nation_named, owners
from .sentence import figure_lead
from .table_cells import table_cells
from .verify import numbers_in
from .weights import EVIDENCE


def total_over_part(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A table's rows of parts (boards, districts, sources) share the question's words by their names ('Ban QLDA đầu
    tư xây dựng ...' for 'vốn đầu tư công'): unless the question names the part, its table's total row ('Tổng cộng',
    'Toàn tỉnh') answers."""
    p = hits[best.hit_index].passage
    label = row_label(p.text) if p.kind == "table" else None
    if label is None or total_row(p):
        return best
    if _asked_by_name(fold_ocr(label), query, whole=fold_ocr(p.text.split(" > ")[0])):
        return best  # the part asked by name ('huyện Krông Pắc', 'vốn ngân sách địa phương')
    total = next((e for e in evidence if e.figure and total_row(q := hits[e.hit_index].passage)
                  and table_of(q) == table_of(p)), None)
    if total is None and _PART_ROW.match(label):
        # a row marked as a part ('- Khách tham quan trong ngày') under the row of its whole ('Tổng lượt khách'): the
        # nearest row above it in its table not so marked
        above = [e for e in evidence if e.figure and (q := hits[e.hit_index].passage).kind == "table"
                 and table_of(q) == table_of(p) and q.line_start < p.line_start
                 and (lq := row_label(q.text)) is not None and not _PART_ROW.match(lq)]
        total = max(above, key=lambda e: hits[e.hit_index].passage.line_start, default=None)
    if total is not None:
        return total
    # (its total row not among those read: another sentence of the report stating a figure, not a row of the table,
    # covering the question nearly as well; 'Rau quả > Trị giá quý III: 35,8' is no answer for the province's exports,
    # unless the question names any word of the part: 'Chi SN y tế, dân số' for 'chi sự nghiệp y tế')
    if set(words_of(fold_ocr(label))) & set(words_of(fold_ocr(query.text))):
        return best
    return next((e for e in evidence if e is not best and e.figure and e.coverage >= EVIDENCE.row_restated * best.coverage
                 and hits[e.hit_index].passage.doc == p.doc and table_of(hits[e.hit_index].passage) != table_of(p)), best)


_PART_ROW = re.compile(r"^\s*(?:[-+•*–]|(?i:trong đó|trong do)\b)")


def _asked_by_name(part: str, query: Query, whole: str = "") -> bool:
    """The question names the part (half its words or more; folded), or the part has no name to tell. Words the
    table's caption (`whole`) names the total by are not the part's: 'Bán lẻ hàng hóa' under 'TỔNG MỨC BÁN LẺ HÀNG HÓA
    VÀ DOANH THU DỊCH VỤ TIÊU DÙNG' is not asked by a question naming the whole."""
    words = [w for w in part.split() if w.isalpha()]
    asked = set(words_of(fold_ocr(query.text)))  # (its words, not 'tô,' with the comma after it)
    caption = {w for w in whole.split() if w.isalpha()}
    if own := [w for w in words if w not in caption]:  # 'Dự án nhóm B' under '... theo nhóm dự án': its 'B' tells it
        return sum(w in asked for w in own) * 2 >= len(own)
    # (a part named by the caption's words only: asked when the question names little else of the whole)
    return not words or sum(w in asked for w in words) * 2 >= len(words) \
        and len(asked & (caption - set(words) - FUNCTION_WORDS)) < 2


def whole_over_singled(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A sentence singling a part out ('⁵ Riêng Vườn quốc gia Phong Nha - Kẻ Bàng đón 1,12 triệu lượt khách, trong đó
    96.400 lượt khách quốc tế') shares the question's words by what it counts: unless the question names the part, the
    same report's sentence of the whole ('tổng lượt khách ... trong đó khách quốc tế đạt 185.600 lượt') covering it
    nearly as well answers."""
    m = _SINGLED.match(fold_ocr(best.sentence))
    if m is None:
        return best
    if _asked_by_name(m.group(1), query):
        return best
    doc = hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and e.figure and hits[e.hit_index].passage.doc == doc
                 and not _SINGLED.match(fold_ocr(e.sentence)) and e.coverage >= EVIDENCE.row_restated * best.coverage),
                best)


def plan_and_result(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """Both the plan and the result asked ('Kế hoạch năm 2022 về kim ngạch xuất khẩu ... là bao nhiêu và thực hiện đạt
    bao nhiêu?'): a quote stating the result and only its share of the plan ('ước đạt 2.386 triệu USD, ... đạt 119,3%
    kế hoạch') yields to one of the same report stating both amounts (its table's row: 'Kế hoạch năm 2022: 2.000; Ước
    thực hiện năm 2022: 2.386'), covering the question nearly as well."""
    if not _PLAN_AND_RESULT.search(fold_ocr(query.text)):
        return best

    def both(e: Evidence) -> bool:
        # (a rate's plan and result too, 'Kế hoạch năm 2025: 11,0 (*); Ước thực hiện quý I năm 2025: 8,12' in %; not a
        # share of the plan, 'đạt 119,3% kế hoạch')
        figs = [f for f in quote_figures(e, hits) if f.unit and (f.unit != "%" or f.kind in ("target", "result"))]
        return any(f.kind == "target" for f in figs) and any(f.kind == "result" for f in figs)
    if both(best):
        return best
    doc = hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and hits[e.hit_index].passage.doc == doc and both(e)
                 and e.coverage >= EVIDENCE.row_restated * best.coverage), best)


def plan_over_shares(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A plan's amount asked ('Dự toán thu ngân sách năm 2022 HĐND tỉnh giao là bao nhiêu?'), and the quote states the
    result and only its shares of the plans ('ước đạt 1.612 tỷ đồng, bằng 123,5% dự toán Trung ương giao, bằng 113,5%
    dự toán HĐND tỉnh giao'): a passage of the same report stating the plan's amount (its table's row, 'Kế hoạch năm
    2022: 1.420') answers, covering half the question or more of what the quote does."""
    measures = measure_phrases(fold_ocr(query.text))
    if not plan_subject(query.text) or _COMPARED_ASKED.search(fold_ocr(query.text)) or _plan_amount(best, hits, measures):
        return best
    doc = hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and hits[e.hit_index].passage.doc == doc and _plan_amount(e, hits)
                 and e.coverage >= EVIDENCE.plan_over_shares * best.coverage), best)


def _plan_amount(e: Evidence, hits: list[Hit], measures: list[str] | None = None) -> bool:
    """A planned amount (of the asked measures, when the figures' words name them), not an aim its own words measure
    against the plan ('phấn đấu ... đạt 1.150 triệu USD, vượt 5,5% kế hoạch': above the plan, another figure)."""
    figs = quote_figures(e, hits)
    figs = [f for f in figs if any(m in fold_ocr(f.head or f.indicator) for m in measures)] or figs if measures else figs
    return any(f.kind == "target" and f.unit and f.unit != "%"
               and not (f.quote and _OVER_PLAN.match(fold_ocr(f.quote[f.start + len(f.value):f.start + len(f.value) + 60])))
               for f in figs)


_OVER_PLAN = re.compile(r"[^,;.()]{0,20}[,(]?\s*(?:vuot|bang|dat)\s+(?:muc\s+)?[\d,]+\s*%\s*(?:so voi\s+)?(?:ke hoach|du toan)")


# (the two asks joined by 'và', 'còn' or a comma: '... là bao nhiêu, sau 8 tháng đã thực hiện được bao nhiêu phần trăm')
_PLAN_AND_RESULT = re.compile(r"\b(?:ke hoach|chi tieu|du toan|muc tieu)\b[^?]*\bbao nhieu\b[^?]*(?:\b(?:va|con)\b|,)[^?]*"
                              r"\b(?:thuc hien|uoc dat|da dat|dat duoc|dat)\b[^?]*\bbao nhieu\b")


# 'Riêng Vườn quốc gia Phong Nha - Kẻ Bàng đón ...', '⁵ Riêng huyện X thu ...': the part a sentence opens on
_SINGLED = re.compile(r"^\W*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{1,2}\s+)?rieng\s+(.{3,70}?)\s+(?:don|dat|thu|co|la|chiem|tang|giam|uoc|xuat|nhap"
                      r"|khai|san|gieo|trong|giai)\b")


_AGAINST_WORDS = r"\b(?:cung ky|ke hoach|du toan|thang truoc|quy truoc|nam truoc|ky truoc|cung thang)\b"


def restated_in_body(best: Evidence, evidence: list[Evidence], hits: list[Hit], asked: list | None = None,
                     target: bool = False, rate: bool = False, stated: frozenset[float] = frozenset(),
                     question: str = "") -> Evidence:
    """A headline restates what its article's body says, and an appendix row what its text says: the body
    sentence of the same report that states one of their figures, covering the question as well, is the better
    quote (exact, and with its context: 'ước đạt 2.046,8 tỷ đồng, bằng 72,9% dự toán' for the row's cell). A rate or a
    comparison asked (`rate`), the sentence states one of the row's too ('tăng 18,46%' for 'So với cùng kỳ (%):
    118,46'), or the row answers; a passage with tabs is a table not read as one, no sentence. Numbers the question
    states (`stated`: a claim checked, 'có 34 xã ..., vượt kế hoạch 30 xã') the sentence holds as many of as the row."""
    kind = hits[best.hit_index].passage.kind
    if kind == "body" and highlight(best.sentence):
        kind = "title"  # a news page's box of highlights, the figure before its name, restates the body as a headline does
    if kind not in ("title", "table"):
        return best
    doc, nums, rates, asked_rates = hits[best.hit_index].passage.doc, set(numbers_in(best.sentence)), set(), set()
    if kind == "table":  # the row's cell of the asked period is what the sentence must state (its result, unless
        # a target is asked: 'Kế hoạch năm 2022: 9,0' stands before 'Ước thực hiện năm 2022: 9,05')
        # (columns naming no period are of the row's section: 'Toàn thành phố' under '... 9 THÁNG NĂM 2026 PHÂN THEO
        # KHU VỰC')
        row = table_cells(best.sentence, year=asked[0].year if asked else None, own=hits[best.hit_index].passage.period)
        cells = [f for f in row if f.period in (asked or [])]
        # (of columns of one period, the one the question names, 'Khu vực Kon Tum (cũ)' of a merged province's parts,
        # else the total's: 'Toàn tỉnh')
        said, formers = set(words_of(question)), set(former_areas(question))
        cells = sorted(cells, key=lambda f: (not set(former_areas(f.header)) & formers,
                                             not (words := set(words_of(f.header))) or not words <= said,
                                             not total_name(f.header)))
        cell = next((f for f in cells if (f.kind == "target") == target), cells[0] if cells else None)
        nums = set(numbers_in(cell.value)) | _as_change(cell) | _in_billions(cell) if cell is not None else set()
        if cell is not None and cell.kind == "target" and not target:
            return best  # (a plan's cell for a result asked: the row tells it is a plan, a sentence may not)
        if cell is not None and former_areas(cell.header):
            return best  # (a former province's column: the row names the part, a sentence may state the total first)
        rated = cell is not None and (cell.unit == "%" or cell.kind in ("share", "change"))  # (the cell is a rate)
        rated_cells = [f for f in row if f.kind in ("share", "change")]
        rates = {x for f in rated_cells for x in set(numbers_in(f.value)) | _as_change(f)}
        # the rates whose column names what the question compares with ('So với cùng kỳ (%)' for 'giảm bao nhiêu so
        # với cùng kỳ'; not 'So kế hoạch (%)' for it, nor a change for 'bao nhiêu phần trăm kế hoạch')
        compared = set(re.findall(_AGAINST_WORDS, fold_ocr(question)))
        asked_rates = {x for f in rated_cells if compared & set(re.findall(_AGAINST_WORDS, fold_ocr(f.header)))
                       for x in set(numbers_in(f.value)) | _as_change(f)}
    return next((e for e in evidence if hits[e.hit_index].passage.kind not in ("title", "table")
                 and hits[e.hit_index].passage.doc == doc
                 # (a rate asked, one of the row's rates stated: 'giảm 15,0%' for 'So với cùng kỳ (%): 85,0' where the
                 # amount is printed in another unit, '18.942.315' triệu đồng for '18.942 tỷ đồng'; the rate against
                 # what the question compares with, when a column names it: not 'tăng 6,7% so với cùng kỳ' for 'bao
                 # nhiêu phần trăm kế hoạch')
                 and (nums & set(numbers_in(e.sentence)) or rate and asked_rates & set(numbers_in(e.sentence)))
                 and (kind == "title" or e.coverage >= EVIDENCE.row_restated * best.coverage
                      and "\t" not in hits[e.hit_index].passage.text
                      and (not rate or rated or (asked_rates or rates) & set(numbers_in(e.sentence)))
                      and _holding(stated, e.sentence) >= _holding(stated, best.sentence))), best)


# a highlight's line, figure first ('* 9.184 tỷ đồng: thu ngân sách nhà nước (94,6% dự toán)', '- 56,2%: tỷ lệ giải ngân')
_HIGHLIGHT = re.compile(r"^\s*[-*•+–]?\s*\d+(?:[.,]\d+)*\s*(?:%|[^\W\d_][^:;.]{0,20})\s*:\s+\S")


def highlight(sentence: str) -> bool:
    """A line of a news page's box of highlights, the figure before its name ('* 9.184 tỷ đồng: thu ngân sách')."""
    return bool(_HIGHLIGHT.match(sentence))


def _in_billions(cell) -> set[str]:
    """An annex's cell in triệu đồng as its report's text states it, in tỷ đồng to one or two decimals ('1.018.640'
    -> '1.018,6', '1.018,64'): the prose rounds what the table prints in full."""
    if not re.search(r"\btrieu dong\b", fold_ocr(cell.unit or "")) or (value := parse_number(cell.value)) is None \
            or value < 1000:
        return set()
    return {f"{value / 1000:,.{d}f}".translate(_VN_DIGITS) for d in ((0, 1, 2) if value % 1000 == 0 else (1, 2))}


_VN_DIGITS = str.maketrans({",": ".", ".": ","})


def _holding(stated: frozenset[float], text: str) -> int:
    return len(stated & {parse_number(x) for x in numbers_in(text)}) if stated else 0



def stated_in_full(best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A summary sentence gives a share or a change ('thu tiền sử dụng đất chỉ đạt 68,2% dự toán'); the same report
    states it again with the value it is of ('Thu tiền sử dụng đất: 286,5 tỷ đồng, bằng 68,2% dự toán'): that
    sentence, covering the question at least as well, is the better quote."""
    nums = {x for x in numbers_in(best.sentence) if not _YEAR_NUMBER.fullmatch(x)}
    if not nums:
        return best
    doc = hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and hits[e.hit_index].passage.doc == doc
                 and e.coverage > best.coverage and nums < set(numbers_in(e.sentence))), best)


_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


def _as_change(cell) -> set[str]:
    """A same-time comparison printed as an index ('So với cùng kỳ (%): 118,46', or in a row named so: 'Chỉ số giá tiêu
    dùng (so cùng kỳ) > Cộng dồn 5 tháng: 102,05', or an index's row in %: 'Chỉ số sản xuất công nghiệp (IIP) > Lũy kế
    11 tháng: 107,92') as the text says it: 'tăng 18,46%', 'tăng 2,05%'."""
    if not (cell.kind == "change" or cell.unit == "%") or not 50 <= cell.number <= 300 \
            or not re.search(r"\bcung ky\b|^chi so\b", fold_ocr(cell.header if cell.kind == "change" else cell.context or "")):
        return set()
    decimals = len(cell.value.split(",", 1)[1]) if "," in cell.value else 0
    return {f"{abs(cell.number - 100):.{decimals}f}".replace(".", ",")}


def amount_over_share(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """An amount asked ('Đồng Nai xuất khẩu 9 tháng 2024', 'thu ngân sách quý 1/2025'): a sentence giving only shares
    ('chiếm khoảng 6,2% kim ngạch xuất khẩu cả nước', a headline's 'đạt hơn 25% dự toán') yields to one of the same
    report stating the amount, covering the question nearly as well (not a former area's part of it: 'Các KCN khu vực
    Hưng Yên (cũ): ... 936,8 triệu USD'). Not when a share or a rate is asked."""
    folded = fold_ocr(query.text)
    measures = measure_phrases(folded)
    # (or only rises: a headline's 'Kim ngạch xuất khẩu của Bình Định tăng 14,6%' for the exports' amount, no change
    # asked)
    rises = _AMOUNT_ASKED.search(folded) and not asks_change(query.text) \
        and _changes_only(best.sentence, measures, set(query.provinces))
    if asks_rate(query.text) or _COMPARED_ASKED.search(folded) \
            or not (rises or _shares_only(best.sentence, measures, set(query.provinces))):
        return best
    doc = hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and hits[e.hit_index].passage.doc == doc and e.figure
                 and e.coverage >= EVIDENCE.second_quote * best.coverage
                 and _states_amount(e.sentence, measures, bool(_MONEY_ASKED.search(folded)))
                 and (query.as_it_was or not former_areas(figure_lead(e.sentence) or ""))), best)


_COMPARED_ASKED = re.compile(r"\b(?:bang bao nhieu|so voi|dat bao nhieu %)\b|%")  # a share of a plan or baseline


def _shares_only(sentence: str, measures: list[str], asked: set[str] = frozenset()) -> bool:
    """The sentence's figures of the measure asked (all of them, if none names it) are shares: of a plan ('đạt hơn 25% dự
    toán') or of a whole ('chiếm khoảng 6,2%'), or rates of change beside them ('đạt 84,4% kế hoạch, tăng 16,0% so với
    cùng kỳ'): no amount. Another place's figures, or the country's, are none of them ('Để so sánh, ... tỉnh Bình
    Dương 9 tháng ... ước đạt 24.860 triệu USD; ... Kim ngạch xuất khẩu của Đồng Nai chiếm khoảng 6,2%' for Đồng Nai)."""
    figs = [f for f in extract(sentence) if not _elsewhere(f.head or "", asked)]
    own = [f for f in figs if any(m in fold_ocr(f.head or f.indicator) for m in measures)] or figs
    return bool(own) and all(f.unit == "%" and (f.kind == "share" or _PORTION.search(fold_ocr(f.quote[max(0, f.start - 25):f.start])))
                             or f.unit == "%" and f.kind == "change" for f in own) \
        and any(f.kind == "share" or _PORTION.search(fold_ocr(f.quote[max(0, f.start - 25):f.start])) for f in own)


def _changes_only(sentence: str, measures: list[str], asked: set[str]) -> bool:
    """The sentence's figures of the measure asked (all of them, if none names it) are rates of change: no amount."""
    figs = [f for f in extract(sentence) if not _elsewhere(f.head or "", asked)]
    own = [f for f in figs if any(m in fold_ocr(f.head or f.indicator) for m in measures)] or figs
    return bool(own) and all(f.unit == "%" and f.kind == "change" for f in own)


# amounts people ask for by the measure's name alone ('xuất khẩu Bình Định 5 tháng 2025')
_AMOUNT_ASKED = re.compile(r"\b(?:von|ngan sach|kim ngach|tri gia|doanh thu|xuat khau|nhap khau)\b")
_PORTION = re.compile(r"\bchiem\b|\bty trong\b")


def _elsewhere(head: str, asked: set[str]) -> bool:
    """A figure's own words name the country, or a province other than the asked ones."""
    folded = fold_ocr(head)
    return nation_named(folded) or bool(asked) and bool((named := owners(folded))) and not named & asked


def _states_amount(sentence: str, measures: list[str], money: bool) -> bool:
    """An amount of the measure asked (its words name it, when the question names one; the table row's label too), in
    money when money is asked ('vốn FDI thu hút': not '64 lượt dự án')."""
    return any(f.unit and f.unit != "%" and f.kind == "result"
               and (not money or re.search(r"(?:usd|dong)$", fold_ocr(f.unit)))
               and (not measures or any(m in fold_ocr(f"{f.header} {f.head or f.indicator}") for m in measures))
               for f in extract(sentence))


_MONEY_ASKED = re.compile(r"\b(?:von|ngan sach|kim ngach|tri gia|doanh thu)\b")


def asked_period_first(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A sentence whose own figures are all another period's of the kind asked ('Ghi chú: ... số liệu tháng 7/2024 đã
    được cập nhật (... đạt 6.117,5 tỷ đồng)' for August) yields to one that covers the question as well and states a
    figure of the asked period ('... tháng 8 ước đạt 6.215,4 tỷ đồng'); with none, the refusal names that other period
    (wording.another_period_s)."""
    if not query.periods or query.dated or set(query.periods) & set(query.weak):
        return best
    kinds = {p.kind for p in query.periods}

    def own(e: Evidence) -> list:
        return [f for f in quote_figures(e, hits) if not f.reference]
    figs = own(best)
    if not figs or any(f.period in query.periods for f in figs) \
            or any(f.period is None or f.period.kind not in kinds for f in figs):
        return best
    return next((e for e in evidence if e is not best and e.coverage >= best.coverage
                 and any(f.period in query.periods for f in own(e))), best)


def exact_over_rounded(best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A lead's hedged, rounded figure ('kim ngạch xuất khẩu của Sóc Trăng đạt hơn 1,1 tỷ USD') yields to the same
    report's sentence stating it exactly ('ước đạt 1.126,4 triệu USD, đạt 93,9% kế hoạch năm'), covering the question
    nearly as well: the figure a reader can check, with its context."""
    def own(e: Evidence) -> list:
        return [f for f in quote_figures(e, hits) if not f.reference]
    figs = own(best)
    if not figs or not hedged(figs[0], best.sentence):
        return best
    lead, doc = figs[0], hits[best.hit_index].passage.doc
    return next((e for e in evidence if e is not best and hits[e.hit_index].passage.doc == doc
                 and e.coverage >= EVIDENCE.row_restated * best.coverage
                 and any(f.period == lead.period and rounds(lead, best.sentence, value(lead), value(f)) for f in own(e))),
                best)


def quote_figures(e: Evidence, hits: list[Hit]) -> list:
    """The quote's figures, each of the period its passage's section is of unless it names its own."""
    return extract(e.sentence, period=hits[e.hit_index].passage.period)


def marking_over_note(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A footnote yields to the sentence carrying its mark when that sentence states a figure and covers the question
    better ('Tổng thu ... 6 tháng ước đạt 4.215 tỷ đồng, bằng 51,2% dự toán HĐND tỉnh giao⁴' over its note '⁴ Dự toán
    ...: Trung ương giao 7.215 tỷ đồng, ...; số thu 6 tháng bằng 58,4% dự toán Trung ương giao'): the note details
    what the sentence states, the sentence is the figure asked. Not when a part is asked ('trong đó khoai tây được bao
    nhiêu ha': the note's breakdown states it)."""
    note = hits[best.hit_index].passage
    if note.kind != "footnote" or not note.footnote_of or asks_part(query.text):
        return best
    if plan_subject(query.text) and _plan_amount(best, hits):
        return best  # a plan's amount asked, which the note states ('² Kế hoạch vốn Thủ tướng Chính phủ giao 4.804 tỷ')
    # (covering it better: a note naming the part asked as well as its sentence names the whole, '³ Trong đó: Than ...;
    # Xi măng 123,3 nghìn tấn' under 'các mặt hàng chủ lực như than, xi măng đều tăng', states the figure asked)
    # (not a sentence giving the note's period only as its baseline: the note states that period's figure)
    return next((e for e in evidence if hits[e.hit_index].passage.id == note.footnote_of and e.figure
                 and e.coverage > best.coverage and not note_s_period(query, best.sentence, e.sentence)), best)
