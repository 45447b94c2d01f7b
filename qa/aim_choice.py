"""Which to quote when results and aims both answer: a result over a plan's aim (or the reverse), the aim over a
result (split from qa/quote_choice.py)."""
from __future__ import annotations

from tracuu.index.store import Hit
from tracuu.ingest.textnorm import fold_ocr

from .extract import Evidence
from .glossary import AIMED, measure_phrases
from .query import Query
from .quote_choice import quote_figures
from .sentence import figure_lead
from .weights import EVIDENCE


def _aims(query: Query, e: Evidence, hits: list[Hit], named: bool = False) -> bool:
    """The quote states its own aim for the asked period (not the plan a result is measured against, '(490.000 tấn)');
    with `named`, an aim of the measure asked among its aims: 'phấn đấu tăng trưởng GRDP ... 6,5%; thu ngân sách cả năm
    vượt dự toán; đón 2,6 triệu lượt khách' holds no aim of the budget's; '... với mục tiêu tăng trưởng GRDP năm 2023
    đạt 14,5%, kim ngạch xuất khẩu năm 2023 đạt 29.000 triệu USD' holds the exports'."""
    # (a measure printed in the report's words names it: 'tốc độ tăng GRDP' for 'tăng trưởng GRDP', `Query.same`)
    measures = [[m, *(p for p, a in query.same.items() if a == m)] for m in measure_phrases(fold_ocr(query.text))]
    figs = [f for f in quote_figures(e, hits) if not f.reference and f.period in query.periods]
    return any(f.kind == "target" for f in figs) and (not named or not measures or any(
        p in fold_ocr(f"{f.header} {f.head or f.indicator}") for f in figs for m in measures for p in m))


def result_over_aim(query: Query, best: Evidence | None, evidence: list[Evidence], hits: list[Hit],
                    docs: dict) -> Evidence | None:
    """A result asked: a plan's aim (a sentence of a report's plans part) yields to a sentence stating a figure in the
    report of the asked period itself, covering the question nearly as well ('Toàn tỉnh đón 1.786,4 nghìn lượt' in the
    half-year report, not the quarter's 'đón khoảng 1,75 triệu lượt trong 6 tháng'); a plan asked, the reverse."""
    def plans(e: Evidence) -> bool:
        p = hits[e.hit_index].passage
        return docs[p.doc].plans(p.period)
    # (not when the quote states the plan itself: 'Năm 2021, dự toán thu ... Trung ương giao là 3.270.000 triệu đồng'
    # is no result for an estimate of the year in the plans part to replace)
    if best is not None and query.wants_figure and (query.wants_target or query.asks_plan) and not plans(best) \
            and not AIMED.search(figure_lead(best.sentence) or "") \
            and not any(f.kind == "target" and f.period in query.periods for f in quote_figures(best, hits)):
        return next((e for e in evidence if e.figure and e.coverage >= EVIDENCE.second_quote * best.coverage
                     and plans(e) and hits[e.hit_index].passage.period in query.periods), best)
    if best is None or not query.wants_figure or query.wants_target or not plans(best):
        return best
    return next((e for e in evidence if e.figure and e.coverage >= EVIDENCE.second_quote * best.coverage
                 and not plans(e) and docs[hits[e.hit_index].passage.doc].period in query.periods), best)


def aim_over_result(query: Query, best: Evidence, evidence: list[Evidence], hits: list[Hit]) -> Evidence:
    """A target asked ('đặt mục tiêu kim ngạch xuất khẩu năm 2023 bao nhiêu'): a sentence of results ('năm 2023 ước đạt
    27.846,2 triệu USD, ... đạt 97,7% kế hoạch') yields to one covering the question as well that states the aim ('ban
    hành Kế hoạch ... năm 2023 với mục tiêu ... kim ngạch xuất khẩu năm 2023 đạt 29.000 triệu USD')."""
    if not query.wants_target or not query.periods:
        return best
    if _aims(query, best, hits) or not any(f.kind in ("result", "change") for f in quote_figures(best, hits)):
        return best  # (an aim in words, 'phấn đấu ... đạt trên một nửa dự toán năm', is an aim still)
    return next((e for e in evidence if e is not best and e.coverage >= best.coverage
                 and _aims(query, e, hits, named=True)), best)
