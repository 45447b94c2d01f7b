"""One question's answer from its ranked passages: each sentence weighed and ruled on (`Answer.why`), the best quote
as source [1] (with the sentence completing it and the footnote it marks), its figures, the figure line first, and
every number checked against the sources; or a refusal that names what the index holds."""
from __future__ import annotations

import re
from typing import Callable

from tracuu.index.backend import Store
from tracuu.index.store import Hit, report_periods
from tracuu.ingest.ocr_report import poor_scan_note
from tracuu.ingest.periods import from_january
from tracuu.ingest.textnorm import fold_ocr

from . import fit as period_fit
from .units import unit_words_out
from . import wording
from .answer import Answer
from .extract import best_evidence
from .quoting import compose, marked_footnote, not_compiled_part
from .aim_choice import aim_over_result, result_over_aim
from .baseline_choice import baseline_asked_first
from .quote_choice import (amount_over_share, highlight, plan_over_shares, asked_period_first, exact_over_rounded, marking_over_note,
                           plan_and_result, restated_in_body, stated_in_full, total_over_part,
                           whole_over_singled)
from .glossary import leading
from .figure_asks import asks_comparison, asks_rate, given, states_the_ask
from .figure_line import counted_to_date, days_said, lead_line
from .aims import aimed, aims_at, aims_share
from .notes import asked_note, asks_part, dated_item, names_the_part
from .lists import as_hits, listed, outcome_rows, shortfall_named
from .parts import lead_in, list_above, part_asked
from .query import Query
from .retrieve import mentioned_periods
from .ruled_out import NOT_ITS_FIGURE, ruled_out
from .scope import national_figure, others_figure
from .seasons import season_said
from .sentence import marks_agree, sentences, states_figure
from .bodies import with_bodies
from .disagree import also_reported, note_line
from .verify import unsupported_numbers
from .weights import EVIDENCE

MIN_COVERAGE = EVIDENCE.min_coverage
MIN_COVERAGE_SCOPED = EVIDENCE.min_coverage_scoped


# 'bằng bao nhiêu phần trăm kế hoạch', 'đạt bao nhiêu % dự toán', 'so với kế hoạch': the plan's share asked too
_PLAN_SHARE_ASKED = re.compile(r"\b(?:phan\s+tram|%|ty\s+le)\s+(?:so\s+voi\s+)?(?:ke\s+hoach|du\s+toan)|\bso\s+(?:voi\s+)?"
                               r"(?:ke\s+hoach|du\s+toan)")

READ = 5  # the passages whose sentences are weighed: the first ranked


def answer_from(query: Query, hits: list[Hit], store: Store, k: int, generate: Callable | None = None) -> Answer:
    """The answer to one question from its ranked passages (or a refusal naming what exists); `generate`, when an
    LLM is configured, rewrites the extractive answer from the same citations."""
    top = hits[:max(k, 1)]
    query = unit_words_out(query, store)  # reports are chosen: a unit's name weighs no sentence
    n_ranked = len(top)
    top = with_bodies(top, store, query)
    read = READ + len(top) - n_ranked  # (a body brought in displaces no ranked passage from those read)
    citations = [wording.citation(i + 1, h, store) for i, h in enumerate(top)]
    if not top:
        return Answer(query.text, False, f"Không tìm thấy đoạn nào liên quan trong các báo cáo đã nạp "
                                         f"(các kỳ hiện có{held(query, store)}).", query.period, citations)
    uncovered = period_fit.uncovered_period(query, top[:read], store)
    fit = [period_fit.passage_fit(query, h, store) for h in top[:read]]
    notes = [store.footnotes(h.passage) for h in top[:read]]
    evidence = best_evidence(query, top, store.lexical, top=read, fit=fit,
                             years=[period_fit.report_year(h, store) for h in top[:read]],
                             before=[lead_in(h.passage, store) for h in top[:read]], notes=notes,
                             above=lambda rank: list_above(top[rank].passage, store),
                             titles=[_title(h, store) for h in top[:read]])
    ruled = [ruled_out(query, e, fit, top, store) for e in evidence]
    weighed = list(zip(evidence[:8], ruled))
    all_evidence, evidence = evidence, [e for e, r in zip(evidence, ruled) if not r]
    # a weak top quote is no reason to refuse when a footnote of the same report covers the question
    # (the breakdown '⁴ Trong đó: ... Vốn NSTW: 1.687,7 tỷ đồng' under a total); any other weaker quote
    # could be about anything, so it may not stand in
    # (a date counted to, 'đến 30/11/2022', asks its year's running total: a table's column of it)
    asked = query.periods or [from_january(d.index, d.year) for d in query.dated if d.kind == "month"]
    best = total_over_part(query, evidence[0], evidence, top) if evidence else None
    best = part_asked(query.text, best, evidence, top, store) if best is not None and query.wants_figure else best
    best = whole_over_singled(query, best, evidence, top) if best is not None and query.wants_figure else best
    rate = asks_rate(query.text) or asks_comparison(query.text)
    best = restated_in_body(best, evidence, top, asked, query.wants_target, rate, frozenset(given(query.text)),
                            query.text) \
        if best is not None else None
    best = plan_and_result(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = plan_over_shares(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = result_over_aim(query, best, evidence, top, store.doc_by_name)
    best = stated_in_full(best, evidence, top) if best is not None and query.wants_figure else best
    best = amount_over_share(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = asked_period_first(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = baseline_asked_first(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = aim_over_result(query, best, evidence, top) if best is not None else best
    best = exact_over_rounded(best, evidence, top) if best is not None and query.wants_figure else best
    if best is not None and query.wants_figure and highlight(best.sentence):  # (the lead's rounded figure's, exactly)
        best = restated_in_body(best, evidence, top, asked, query.wants_target, rate, frozenset(given(query.text)),
                                query.text)
    best = marking_over_note(query, best, evidence, top) if best is not None and query.wants_figure else best
    best = shortfall_named(query, best, evidence) if best is not None else best
    if best is not None and best.coverage < MIN_COVERAGE:
        doc = top[best.hit_index].passage.doc
        best = next((e for e in evidence if e.coverage >= MIN_COVERAGE and top[e.hit_index].passage.doc == doc
                     and top[e.hit_index].passage.kind == "footnote"), best)
    floor = MIN_COVERAGE
    if best is not None and query.provinces and fit[best.hit_index] >= 1.0 and best.figure:
        if _report_of_the_ask(query, store.doc_by_name[top[best.hit_index].passage.doc], top[best.hit_index].passage,
                              best.sentence, asked):
            floor = MIN_COVERAGE_SCOPED
    # the figure asked is stated as asked ('đã khởi công 817 căn' for 'khởi công được bao nhiêu căn'): the rest of
    # the question may be paraphrased ('thay thế nhà tạm bợ' for 'xóa nhà tạm')
    if best is not None and best.figure and best.coverage < floor and states_the_ask(query.text, best.sentence):
        floor = MIN_COVERAGE_SCOPED
    if best is not None and floor < MIN_COVERAGE and not marks_agree(query.text, best.sentence):
        floor = MIN_COVERAGE  # ('lạm phát cơ bản' met by 'kiểm lâm phát hiện' only once marks are folded away)
    # the question's words are said best of the whole country: a weak sentence of this place is no answer
    # (not by a quote running on into the best one: 'Mức tăng này cao hơn ... cả nước là 6,42%. Riêng quý II/2022, GRDP
    # của tỉnh ước tăng 9,05%' holds the place's own sentence, whose words it borrows)
    # (or said of it only beside the province's figure: '... tăng 1,92% (cả nước tăng 1,84%; lạm phát cơ bản bình quân
    # cả nước tăng 0,81%)' for the province's 'lạm phát cơ bản')
    elsewhere = max((e.coverage for e, r in zip(all_evidence, ruled) if r == "another_place_s_figure"
                     and (e.national or national_figure(query, e.sentence)) and not _holds(e, best)), default=0.0)
    # or by a sentence saying the figure asked is not compiled ('số liệu vốn FDI đăng ký trên địa bàn tỉnh đang được rà
    # soát ... chưa được công bố'): a weak sentence of another quantity (the new firms beside it) is no answer either
    # (of a report that fits the period and place: another quarter's release saying its fruit exports are not counted
    # apart says nothing of this month's exports)
    unpublished = max((e for e, r in zip(all_evidence, ruled) if (r == "says_it_is_not_compiled" or e.unpublished)
                       and r != "period_or_place_does_not_fit"), key=lambda e: e.coverage, default=None)
    elsewhere = max(elsewhere, unpublished.coverage if unpublished else 0.0)
    # ... and the report's words on it go into what the answer says, when that sentence says as much as the best one
    # (or says it beside the best one, in its passage: 'trong 6 tháng đầu năm không tổng hợp tỷ lệ hộ nghèo. Mục tiêu năm
    # 2023: giảm ...' — an aim quoted then is no result)
    told = unpublished if unpublished is not None and (best is None or unpublished.coverage >= best.coverage
                                                       or unpublished.hit_index == best.hit_index) else None
    if best is not None and best.coverage < EVIDENCE.beside_other_place * elsewhere:
        floor = max(floor, EVIDENCE.beside_other_place * elsewhere)
    # each sentence weighed and what ruled it out: the answer can say why it quotes what it quotes
    why = [{"doc": top[e.hit_index].passage.doc, "line_start": top[e.hit_index].passage.line_start,
            "sentence": e.sentence[:120], "coverage": round(e.coverage, 3), "fit": fit[e.hit_index],
            "outcome": "chosen" if e is best else r or "kept"} for e, r in weighed]
    # the best sentence itself says the figure asked is not published, the quote's figure is the next sentence's
    # ('Thống kê tỉnh chưa công bố số liệu tỷ lệ thất nghiệp 6 tháng ...; Trong 6 tháng, Sở đã ... 8.646 người')
    withheld = best is not None and best.unpublished and not states_figure(sentences(best.sentence)[0])
    if uncovered or best is None or best.coverage < floor or withheld:
        what = f" cho {uncovered.label}" if uncovered else ""
        indexed = {d.province for d in store.documents if d.province}
        if missing := [p for p in query.provinces if indexed and p not in indexed]:
            what += f" của {', '.join(missing)} (chưa có báo cáo nào của tỉnh/thành này)"
        msg = (f"Không tìm thấy số liệu trả lời câu hỏi này{what} trong các báo cáo đã nạp "
               f"(các kỳ hiện có{held(query, store)}). Các đoạn gần nhất được liệt kê bên dưới để tham khảo.")
        row = max((e for e, r in zip(all_evidence, ruled) if r == "the_merged_province_s_columns"),
                  key=lambda e: e.coverage, default=None)
        if row is not None and (best is None or row.coverage >= best.coverage) \
                and (columns := wording.former_headers(query, row.sentence)):
            msg = wording.former_refusal(query, columns)  # a former province's row of its own, of other periods
        if told is not None:  # the report itself says so: the reader learns why, in its words
            msg += (f"\nBáo cáo {top[told.hit_index].passage.doc} ghi rõ số liệu này chưa được tổng hợp/công bố: "
                    f"“{not_compiled_part(told.sentence)}”")
        reason = "period_not_covered" if uncovered else "no_sentence_left" if best is None else \
            "not_published" if withheld else "coverage_below_floor"
        return Answer(query.text, False, msg, query.period, citations,
                      confidence=best.coverage if best else None,
                      why=why + [{"outcome": "refused", "reason": reason, "floor": floor}])
    # the passage the answer quotes is the best evidence: it becomes source [1]
    order = [best.hit_index] + [i for i in range(len(citations)) if i != best.hit_index]
    citations = [citations[i] for i in order]
    for n, c in enumerate(citations, 1):
        c.n = n
    quotes = [(1, best.sentence)]
    # a second figure from the same passage often completes the first (plan, then disbursement)
    second = next((e for e in evidence[1:6] if e.hit_index == best.hit_index
                   and not (best.first <= e.first and e.last <= best.last)
                   and e.coverage >= EVIDENCE.second_quote * best.coverage and states_figure(e.sentence)), None)
    if second and (second.first > best.last + 1 or second.last < best.first - 1):
        quotes.append((1, second.sentence))
    elif second:  # overlapping or adjacent: one quote over both, each sentence once
        sents = sentences(top[best.hit_index].passage.text)
        lo, hi = min(best.first, second.first), max(best.last, second.first)
        quotes = [(1, " ".join(sents[lo:hi + 1]))]
    citations[0].quote = " ".join(q for _, q in quotes)
    cited = citations[0]
    outcome, alike = outcome_rows(query, top[best.hit_index].passage, store)
    if alike:  # which items are asked, the quote a table row of the outcome asked: every row of it, each cited
        citations, quotes = _rows_cited(alike, citations, quotes, top[best.hit_index], store)
    note, said = marked_footnote(query, top[best.hit_index], citations[0].quote, store), None
    # the item of its note that states the figure asked ('Xi măng: 65 nghìn tấn, ...' of a long list), or the part of
    # the total it states that the question asks for ('riêng dịp Tết')
    item = best.note or (asked_note(query, best.sentence, notes[best.hit_index], store.lexical)
                         if query.wants_figure and asks_part(query.text) else None)
    if alike:  # (the rows are the answer's sources after [1]: no note comes between)
        note, said, item = None, None, None
    if item is not None:
        note = Hit(passage=item.note, score=top[best.hit_index].score, lexical=0.0, dense=0.0, row=-1)
        said = item.text
    if note is not None and note.passage.id == citations[0].passage_id:
        note, said, item = None, None, None  # the quote is the footnote itself (ranked as a passage): source [1]
    note_cite = None
    if note:
        at = next((c for c in citations if c.passage_id == note.passage.id), None)
        if at is not None:
            citations.remove(at)
        at = at or wording.citation(2, note, store)
        citations.insert(1, at)  # the footnote is part of the answer: source [2]
        for n, c in enumerate(citations, 1):
            c.n = n
        at.quote = said or note.passage.text
        quotes.append((at.n, at.quote))
        note_cite = at
    figs = wording.figures_of(query, quotes, cited, store,
                              marked_by={note_cite.n: best.sentence} if item is not None else None)
    sents = sentences(top[best.hit_index].passage.text)
    # (the sentence with the one before it, which may name its subject: '- Tổng kế hoạch vốn đầu tư công ... Đến ngày
    # 30/6/2021, giải ngân được ...')
    subject = " ".join(sents[max(0, best.first - 1):best.first + 1])
    if best.note is not None and (not states_figure(sents[best.first]) or dated_item(query, best.note.text)
                                  or names_the_part(query, best.note.text, subject, store.lexical)):
        # the quote's sentence states its figures in its note ('Sản lượng ... xi măng ... tăng so với cùng kỳ⁵'), or
        # its note's item states the asked period's ('¹ ...; quý II/2022 ước tăng 5,62%') or names the part asked that
        # the sentence totals ('đạt 2.914 tỷ đồng³' -> '³ Trong đó: ...; vốn ngân sách địa phương 1.868 tỷ đồng' for
        # the local budget's): those answer it, before what the sentences around it state
        own = [f for f in figs if f.n == note_cite.n and f.part_of is None]
        figs = own + [f for f in figs if f not in own]
    # a sentence the quote runs on into, ruled out as another place's or period's, lends it no figure
    foreign = [sents[e.first] for e, r in zip(all_evidence, ruled) if r and e.hit_index == best.hit_index
               and e.first != best.first and e.first < len(sents) and (r in NOT_ITS_FIGURE or r ==
               "another_place_s_figure" and others_figure(query, sents[e.first]))]
    spans = [(at, at + len(t)) for t in foreign if (at := citations[0].quote.find(t)) >= 0]
    figs = [f for f in figs if f.n != 1 or not any(a <= f.start < b for a, b in spans)]
    if spans and query.asks_quantity and query.period and not any(f.n == 1 for f in figs):
        # the quote's figures were all in sentences of another period's or place's ('(BST) - ... họp báo ... quý III và
        # 9 tháng năm 2022. Theo số liệu công bố, ... GRDP 9 tháng năm 2022 ... tăng 7,86%' for quý III): none is asked
        return Answer(query.text, False, f"Không tìm thấy số liệu {query.period.label} cho chỉ tiêu này trong các báo "
                                         f"cáo đã nạp; đoạn gần nhất chỉ nêu số liệu của kỳ hoặc nơi khác (xem đoạn "
                                         f"nguồn bên dưới).", query.period, citations,
                      why=why + [{"outcome": "refused", "reason": "only_another_period_s_figures"}])
    if columns := wording.other_columns(query, figs):  # a table row with no cell of the asked period
        return Answer(query.text, False, f"Bảng số liệu không có cột {query.period.label} cho chỉ tiêu này "
                                         f"(các cột có: {columns}); xem đoạn nguồn bên dưới.", query.period, citations,
                      why=why + [{"outcome": "refused", "reason": "no_column_for_the_period"}])
    if other := wording.another_period_s(query, figs):  # the quote's figures are all another period's
        return Answer(query.text, False, f"Không tìm thấy số liệu {query.period.label} cho chỉ tiêu này trong các báo "
                                         f"cáo đã nạp; đoạn gần nhất nêu số liệu {other} (xem đoạn nguồn bên dưới).",
                      query.period, citations, why=why + [{"outcome": "refused", "reason": "another_period_s_figure"}])
    figs = wording.former_first(query, figs)
    if columns := wording.former_columns(query, figs):  # a former province asked, its columns not of the period
        return Answer(query.text, False, wording.former_refusal(query, columns), query.period, citations,
                      why=why + [{"outcome": "refused", "reason": "no_column_of_the_former_province"}])
    if columns := wording.no_plan_cell(query, figs):  # a plan asked, and the row's plan cell is empty
        return Answer(query.text, False, f"Bảng số liệu không ghi kế hoạch cho chỉ tiêu này (các cột có số: "
                                         f"{columns}); xem đoạn nguồn bên dưới.", query.period, citations,
                      why=why + [{"outcome": "refused", "reason": "no_plan_in_the_row"}])
    if item is not None and figs and figs[0].n == note_cite.n != 1:
        # the figure is the note's: the note is source [1], the sentence marking it [2]
        swap = {1: note_cite.n, note_cite.n: 1}
        i = note_cite.n - 1
        citations[0], citations[i] = citations[i], citations[0]
        for c in (citations[0], citations[i]):
            c.n = swap[c.n]
        quotes = sorted(((swap.get(n, n), q) for n, q in quotes), key=lambda x: x[0])
        for f in figs:
            f.n = swap.get(f.n, f.n)
    text = compose(quotes, wording.header(cited, store))
    if alike:  # the items first, the rows under them
        text = f"Các dòng có “{outcome}”: {listed(alike)}\n{text}"
    aim = bool(figs) and (figs[0].kind == "target" or aims_share(figs[0]))
    if figs and query.wants_figure:  # the figure first, the proof under it; an aim says it is one
        label = figs[0].period.label if figs[0].period else None
        if season := season_said(query.seasons, citations[0].quote or "", top[best.hit_index].passage.section):
            label = season.label  # 'Sản lượng (vụ Hè Thu 2024)': a season's figure, not the year's
        if aim:
            label = f"mục tiêu, kế hoạch {label}" if label else "mục tiêu, kế hoạch"
        elif figs[0].n == 1 and (date := counted_to_date(citations[0].quote or "", figs[0].start)):
            label = f"đến {date}"  # 'Tính đến ngày 31/5/2025, giải ngân được 1.985 tỷ đồng': the state at that date
        elif figs[0].n == 1 and (days := days_said(citations[0].quote or "", figs[0].start)):
            label = days  # 'Trong 09 ngày nghỉ Tết, toàn tỉnh đón 58.600 lượt': the holiday's, not February's
        text = lead_line(figs[0], citations[0].quote, label,
                         wording.heading_name(query, figs[0], top[best.hit_index].passage.section),
                         plan_share=bool(_PLAN_SHARE_ASKED.search(fold_ocr(query.text)))) + "\n" + text
    other = also_reported(query, best, figs, evidence, top, store, citations)
    if other is not None:  # another report of the place gives the period's figure otherwise: the reader must know
        text += "\n" + note_line(*other)
    sources = [c.text for c in citations] + [wording.meta_text(c, store) for c in citations] \
        + [f.period.label for f in figs if f.period] + [s.label for s in query.seasons]  # its period as labelled
    bad = unsupported_numbers(text, sources)
    if bad:  # cannot happen for a verbatim quote; kept as the last line of defence
        return Answer(query.text, False, "Không thể trích dẫn chính xác số liệu; xem các đoạn nguồn bên dưới.",
                      query.period, citations, note=f"unsupported numbers: {bad}")
    if warning := poor_scan_note(store.doc_by_name[cited.doc].ocr, cited.page, cited.ocr_confidence):
        text += " " + warning  # a figure read from a poor scan: the reporter should check the original
    # ('kỷ niệm bao nhiêu năm ngày thành lập tỉnh': an anniversary's years, which the plan to hold it states as a fact)
    if figs and query.wants_figure and aim and not query.asks_plan and not _asks_years(query.text) \
            and (query.periods and (period_fit.only_plans_cover(query, store, store.doc_by_name[cited.doc].province)
                                    or figs[0].period in query.periods
                                    and period_fit.results_missing(query, store.doc_by_name[cited.doc].period)
                                    # (another period's aim: the year's 8,5% is no result of its first 10 months)
                                    or not query.wants_target and figs[0].period is not None
                                    and figs[0].period not in query.periods)
                 or query.dated and aims_at(figs[0], query.cutoffs)
                 # (the row gives only the plan, and the report says the result is not compiled: 'Tỷ lệ hộ nghèo |
                 # giảm 0,3 điểm % | (*)', '(*) ... không tổng hợp số ước 6 tháng')
                 or told is not None):
        # a result asked of a period that only plans speak of (or of a cut-off date the report only aims at:
        # 'phấn đấu đến ngày 31/12/2024 đạt 85%'): no result to give; say what the plan is
        asked = query.period.label if query.period else f"đến {query.dated[0].label}"
        said = f"\nBáo cáo ghi rõ: “{not_compiled_part(told.sentence)}”" if told is not None else ""
        return Answer(query.text, False, f"Chưa có số liệu thực hiện {asked} trong các báo cáo đã "
                                         f"nạp; báo cáo chỉ nêu mục tiêu, kế hoạch:\n{text}{said}", query.period, citations,
                      confidence=best.coverage, figures=figs, plan_only=True,
                      why=why + [{"outcome": "refused", "reason": "only_plans_cover_the_period"}])
    report = store.doc_by_name[cited.doc]
    if figs and query.wants_figure and query.wants_target and _TARGET_VALUE.search(fold_ocr(query.text)) \
            and not any(aimed(f, report.period) for f in figs) and not report.plans(cited.section_period):
        # a target asked ('đặt chỉ tiêu tỷ lệ khám phá án là bao nhiêu'), and the quote states only what was achieved:
        # no target to give; say what was achieved
        asked = f" {query.period.label}" if query.period else ""
        return Answer(query.text, False, f"Không tìm thấy chỉ tiêu, kế hoạch{asked} cho nội dung này trong các báo "
                                         f"cáo đã nạp; báo cáo chỉ nêu kết quả thực hiện:\n{text}", query.period,
                      citations, confidence=best.coverage, figures=figs,
                      why=why + [{"outcome": "refused", "reason": "only_results_for_a_target"}])
    answer = Answer(query.text, True, text, query.period or cited.section_period, citations,
                    confidence=best.coverage, figures=figs, why=why,
                    also_reported=[{"n": other[0].n, "doc": other[0].doc, "figure": other[1].to_dict()}] if other else [])
    if generate is not None:
        answer = generate(query, answer, citations, sources)
    return answer



def _rows_cited(rows, citations, quotes, hit, store):
    """The quoted row's table rows of the same outcome as sources [2], [3], ... in print order, each quoted from its
    label on (its caption is the first row's)."""
    first = citations[0]
    others = [h for h in as_hits(rows, hit) if h.passage.id != first.passage_id]
    ids = {h.passage.id for h in others}
    rest = [c for c in citations[1:] if c.passage_id not in ids]
    added = []
    for h in others:
        c = next((c for c in citations if c.passage_id == h.passage.id), None) or wording.citation(0, h, store)
        c.quote = h.passage.text.split(" > ", 1)[-1]
        added.append(c)
    out = [first] + added + rest
    for n, c in enumerate(out, 1):
        c.n = n
    return out, quotes + [(c.n, c.quote) for c in added]


# a target's value asked ('đặt chỉ tiêu ... là bao nhiêu', 'mục tiêu thu ngân sách năm 2024'), not whether one was met
# ('hoàn thành mục tiêu ... chưa') nor a national programme's spending ('chương trình mục tiêu quốc gia')
_TARGET_VALUE = re.compile(r"^(?!.*\b(?:hoan thanh|co dat|dat duoc|vuot)\b).*\b(?:chi tieu|muc tieu)\b(?! quoc gia)")


def _asks_years(question: str) -> bool:
    """The question counts years ('bao nhiêu năm'), an age or anniversary, not a quantity achieved in one."""
    return bool(re.search(r"\b(?:bao nhieu|may)\s+nam\b(?!\s*\d)", fold_ocr(question)))



def _report_of_the_ask(query: Query, doc, passage, sentence: str, asked: list) -> bool:
    """The quote is of the asked province's report for the asked period, in its own results part; or, a target asked,
    its plans part for the asked period ('PHƯƠNG HƯỚNG ... THÁNG 6' of May's report; not when the question states the
    target itself and asks whether it was met: 'có đạt chỉ tiêu 7.850 tỷ đồng không'); or of a report holding the asked
    period whose sentence states its figure for it ('GRDP quý IV/2023 ước tăng 9,14%' in the year's news). Such a quote
    answers at the scoped floor of coverage."""
    if doc.province not in query.provinces:
        return False
    sec = passage.period
    if doc.period in asked and sec == doc.period:
        return True
    if query.wants_target and sec in asked and doc.plans(sec) and not given(query.text):
        return True
    return (doc.period is not None and sec == doc.period and any(doc.period.contains(a) for a in asked)
            and bool(set(asked) & mentioned_periods(leading(sentence), doc.period)))

def _holds(e, best) -> bool:
    """Quote `e` runs over the sentences of quote `best` (the same passage, its first sentence inside e's range)."""
    return best is not None and e.hit_index == best.hit_index and e.first <= best.first <= e.last


def held(query: Query, store: Store) -> str:
    """What a refusal says exists: the periods of the asked province, where the question names one the index
    holds, else of every report (read only when refusing, not for every answer)."""
    own = [d for d in store.documents if d.province in query.provinces] if query.provinces else []
    return (f" của {', '.join(sorted({d.province for d in own}))}: " if own else ": ") \
        + ", ".join(p.label for p in (report_periods(own) if own else store.periods()))


def _title(hit: Hit, store: Store) -> str:
    doc = store.doc_by_name.get(hit.passage.doc)
    return doc.title or "" if doc is not None else ""
