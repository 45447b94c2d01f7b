"""Extractive answers: quote the source sentence that carries the figure, never rewrite it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable


from tracuu.index.backend import Lexical
from tracuu.index.lexical import token_set, tokenize
from tracuu.ingest.periods import find_periods
from tracuu.ingest.structure import INTERVIEW_HEADING, PLAN_WORDS
from tracuu.ingest.textnorm import fold_ocr
from tracuu.index.store import Hit
from tracuu.memo import kept

from .sentence import HAS_NUMBER, figure_lead, names_nothing, sentences, states_figure
from .cutoffs import dated_months
from .glossary import (AIMED, LEFT_OUT, SHARE_OF_PLAN, NOT_COMPILED, PRODUCTS_TABLE, another_measure, compounded,
                       kinds_asked, measure_phrases, named_measures, other_kind, plan_led, spelled_out)
from .lexicon import lexicon
from .coverage import covered, query_weights
from .figure_asks import counted_phrase, done_asked, plan_subject
from .quote_checks import (GENERIC_MEASURES, SIDES, acronym_words, another_source, counts_another, figure_by_name,
                           other_measures, printed_same, says_side, says_word, source_asked, unit_asked)
from .figures import extract as figure_list
from .naming import names_acronyms, names_indicator
from .notes import NoteItem, asked_item, item_reading
from .query import Query
from .scope import DISTRICT_WORDS, district_row, own_clauses, without_nation_brackets
from .seasons import season_fit
from .weights import EVIDENCE

# a document number ('69/CT-UBND', '602/BGTVT-KHĐT', '327/BC-UBND') or a full date, folded
_REF = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[a-z]{1,8}(?:-[a-z]{1,10})+|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")
_FOOTNOTE_MARK = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}(?=\s*[^\W\d]))\s*")

_PERIOD_WORDS = lexicon().period_words


@dataclass
class Evidence:
    hit_index: int  # position in the ranked hits
    sentence: str  # the quote: the best sentence, extended to the figure(s) that complete it
    coverage: float  # idf-weighted share of the question's words found in the sentence
    score: float
    first: int = 0  # sentence range of the quote in its passage, inclusive
    last: int = 0
    figure: bool = False  # the quote states a quantity
    phrase: bool = True  # the quote holds one of the question's word pairs, not only scattered words
    excludes: bool = False  # it says it leaves out what the question names ('xuất khẩu (không kể dầu thô)')
    note: NoteItem | None = None  # the item of the footnote it marks that states the figure asked (`notes`)
    not_compiled: bool = False  # it says what is asked is not compiled ('chưa tổng hợp kim ngạch xuất khẩu theo quý')
    # its own sentence says a figure is not compiled or published ('Thống kê tỉnh chưa công bố tỷ lệ thất nghiệp 6
    # tháng'), figure or none: a weaker sentence of another quantity is no answer beside it (answering)
    unpublished: bool = False
    other_unit: bool = False  # 'bao nhiêu tấn' asked: it states figures, none in tấn (turnover in USD, an area in ha)
    # the question's words it holds are said of the whole country, in a clause of its own ('...; tỷ lệ giải ngân của
    # cả nước đến 30/11/2025 khoảng 60,6%'): its figure for them is the country's (`scope.own_clauses`)
    national: bool = False


def period_agreement(query: Query, sentence: str, default_year: int | None) -> float:
    """>1 when the sentence names the asked period, <1 when it names another of the same kind
    instead ('kế hoạch vốn năm 2025' for a question on 2026): the figure is then another period's.
    A date asked ('đến 30/11/2025') is agreed with by the sentence that names it, not by one counted to
    another date ('ước đến 31/01/2026')."""
    factor = 1.0
    if query.dated and (said := set(dated_months(fold_ocr(sentence)))):
        factor *= EVIDENCE.period_named if query.cutoffs & said else EVIDENCE.other_period_named
    if not query.periods:
        return factor
    mentions = [m for m in find_periods(sentence, default_year) if m.period and not m.comparison]
    named = {m.period for m in mentions}
    stated = {m.period for m in mentions if m.year is not None}  # a borrowed year is only a guess
    for asked in query.periods:
        if asked in named:
            factor *= EVIDENCE.period_named
        elif any(n.kind == asked.kind for n in stated):
            factor *= EVIDENCE.other_period_named
    return factor


@kept(20_000)  # every question reads the same top passages' sentences
def _said_only(text: str) -> str:
    """`text` without what its figures leave out (`LEFT_OUT`)."""
    return LEFT_OUT.sub(" ", text)


def _past_label(sent: str, toks: set[str], repair) -> set[str]:
    """The sentence's words past the topic label it opens on ('b) Xuất, nhập khẩu: ', 'Lao động, việc làm: '): the
    label names the topic, the words after it what the figure measures. All its words when it opens on none."""
    label = _TOPIC_LABEL.match(sent)
    # (a label its value follows, 'Tổng lượt khách du lịch: 3,64 triệu lượt', names the measure itself)
    rest = sent[label.end():] if label else ""
    return token_set(rest, repair) if label and states_figure(rest) and not re.match(r"\s*[\d(~≈]", rest) else toks


_TOPIC_LABEL = re.compile(r"^\W*(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*)?[^:.;\d]{3,40}:\s")
_STATING = frozenset(lexicon().how_words) | {"tang", "giam"}  # how a figure is stated, not what it measures

# words before a figure that make it an aim ('tỉnh phấn đấu đạt ...', 'mục tiêu năm 2025 ...')
# a sentence that goes on with the previous one's indicator for another place or part, naming it no more
_CONTINUES = re.compile(r"\s*(?:cung ky|cung thoi gian|cung khu vuc|trong khi do|tuong tu|con|rieng|trong do)\b")


# a figure said to be a share of a total ('chiếm 85,5% tổng kim ngạch', 'chiếm 32% toàn tỉnh'), and a question asking
# a share ('chiếm bao nhiêu', 'tỷ trọng')
# (the province's own total: a share of the country's is the province's standing, and a former area's or district's
# share is what a question on that part asks)
_SHARE_OF_TOTAL = re.compile(r"\bchiem\s+(?:khoang\s+|gan\s+|hon\s+|tren\s+)?[\d.,]+\s*%\s+(?:toan\s+tinh|ca\s+tinh"
                             r"|tong\b[^;.]{0,60}?\b(?:cua\s+tinh|toan\s+tinh|ca\s+tinh|cua\s+thanh\s+pho|toan\s+thanh\s+pho)\b)")
_ASKS_SHARE = re.compile(r"\bchiem\b|\bty\s+trong\b|\bphan\s+tram\s+(?:tong|cua\s+tong)\b")
# a label naming the change of a measure ('Mức giảm tỷ lệ hộ nghèo', 'Tỷ lệ giảm hộ nghèo', 'Số tăng thuê bao'): what it
# states is how much the measure moved, not its level ('Tốc độ tăng GRDP' is how reports state growth: not one of them)
_CHANGE_LABEL = re.compile(r"^\W*(?:muc|so|ty le)\s+(?:tang|giam)\b(?!\s+truong)")
_CHANGE_WORDS = re.compile(r"\b(?:muc|so|ty le)\s+(?:tang|giam)\b")
_CHANGE_ASKED = re.compile(r"\b(?:tang|giam)\b")  # (growth too: 'tăng trưởng')


def best_evidence(query: Query, hits: list[Hit], lexical: Lexical | None, top: int = 3,
                  fit: list[float] | None = None, years: list[int | None] | None = None,
                  before: list[str] | None = None, notes: list[list] | None = None,
                  above: Callable[[int], str] | None = None, titles: list[str] | None = None) -> list[Evidence]:
    """Sentences of the top passages, best first: question words covered, times how well the
    passage ranked and how exactly it fits the asked period (`fit`), plus a little for a figure.
    `before[rank]`: the sentence printed before that passage, when its first sentence names nothing; `notes[rank]`:
    its footnotes, whose item naming what is asked goes on the sentence that marks the note (`notes.asked_item`);
    `above(rank)`: for a list item, the list's items and heading above it (`parts.list_above`), where the indicator
    its figure is of may be named (read only when the passage itself names none); `titles[rank]`: its report's title,
    which may name the measure every table of it is of."""
    weights = query_weights(query, lexical)
    variants = lexical.variants(list(weights)) if lexical else {}
    total = sum(weights.values()) or 1.0
    pairs = [t for t in weights if "_" in t and t.replace("_", "").isalpha()]  # 'covid_19' says little
    # a figure asked of an indicator the question names ('xuất khẩu của doanh nghiệp trong khu kinh tế'): a quote
    # naming none of them states another thing's figure, however many of the other words it holds
    asked_text = fold_ocr(query.text)
    measures = named_measures(asked_text, GENERIC_MEASURES) if query.wants_figure else []
    asked_unit = unit_asked(query.text) if query.wants_figure else None
    best_score = max((h.score for h in hits[:top]), default=1.0) or 1.0
    # what a figure leaves out is not what it measures, unless the question leaves the same out
    strip = not LEFT_OUT.search(query.text)

    def unsaid(text: str) -> str:
        return _said_only(text) if strip else text
    reading = item_reading(query, weights, variants, lexical)

    phrases = measure_phrases(asked_text, GENERIC_MEASURES) if query.wants_figure else []
    counted_words = counted_phrase(query.text) if query.asks_quantity else []
    # a result asked ('ước đạt bao nhiêu', 'đã giải ngân') beside the plan it is compared with ('so với kế hoạch thế
    # nào', 'bằng bao nhiêu % kế hoạch')
    wants_result = query.wants_figure and not query.wants_target and done_asked(query.text) \
        and not plan_subject(query.text) and (query.asks_plan or bool(SHARE_OF_PLAN.search(asked_text)))
    # a result asked, no plan named: a quote whose every figure is planned, run-on sentences too, is an aim
    results_only = query.wants_figure and not query.wants_target and not query.asks_plan
    kinds = kinds_asked(asked_text) if query.wants_figure else {}  # ('thu ngân sách nhà nước': one kind of the revenue)
    # (not a side naming one of several measures the question lists: 'thu ngân sách ... gồm thu nội địa và thu xuất
    # nhập khẩu': each its own)
    sides = [x for x in SIDES if re.search(rf"\b{x}\b", asked_text)
             and not (any(x in p for p in phrases) and any(x not in p for p in phrases))] if query.asks_quantity else []
    source = source_asked(query.text) if query.wants_figure else (frozenset(), frozenset())  # ('... từ dầu thô')
    # the asked measures a word before may make another ('xuất nhập khẩu' for 'nhập khẩu'): read in the whole passage
    led = [p for p in phrases if p in _LEX_OTHERS_BEFORE]
    # a subject named whose other grades reports count apart ('nông thôn mới' beside 'nông thôn mới nâng cao')
    graded = [p for p in _LEX_OTHERS if p not in phrases and re.search(rf"\b{p}\b", asked_text)] \
        if query.wants_figure else []

    def named(toks) -> bool:  # the words name one of the asked measures (`measures`), none inside a compound
        # (an acronym the report prints stands for its words: 'tổng thu NSNN' names 'thu ngân sách', and 'XNK' is the
        # compound 'xuất nhập khẩu', no export)
        toks = toks | acronym_words(toks)
        if any(compounded(p, toks) for p in phrases):
            return False
        return any(all(says_word(t, toks, variants) for t in m) for m in measures) or printed_same(query, toks)
    out: list[Evidence] = []
    for rank, hit in enumerate(hits[:top]):
        prior = max(hit.score, 0.0) / best_score
        prior *= fit[rank] if fit else 1.0
        if hit.passage.kind == "title":  # a headline rounds and abbreviates what the body states
            prior *= EVIDENCE.title_prior
        sents = sentences(hit.passage.text)
        repair = lexical.repair if lexical else None
        # a department report names the indicator in the heading ('1. Tổng thu ngân sách nhà nước trên địa
        # bàn') and states its figure under it ('Thực hiện 9 tháng ... ước đạt 8.124,6 tỷ đồng')
        heading = hit.passage.section.rsplit(" > ", 1)[-1] if hit.passage.section else ""
        ptoks = token_set(unsaid(f"{hit.passage.text} {heading}"), repair)
        pcov = covered(weights, ptoks, query.aliases, variants, query.short, query.same) / total
        # (an acronym a heading above names covers its part: 'II. THU HÚT ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI (FDI) > 1. Kết quả')
        if not names_acronyms(query.aliases, ptoks) and not (
                query.aliases and hit.passage.section
                and names_acronyms(query.aliases, ptoks | token_set(hit.passage.section, repair))) \
                or not all(names_indicator(n, hit.passage.text) for n in query.indicators):
            continue
        wide = None
        # (a measure the passage prints only as another one names it nowhere: 'xuất nhập khẩu' in the section's heading,
        # 'Kim ngạch xuất khẩu ...' below it, for 'nhập khẩu')
        printed_as_other = bool(led) and any(
            another_measure(p, fold_ocr(f"{hit.passage.section} {hit.passage.text}"), asked_text) for p in led)
        for i, sent in enumerate(sents):
            if sent.rstrip(" \"'”*").endswith("?"):
                continue  # a question the report prints ('Phóng viên ...: Xin cho biết ...?') answers nothing itself
            if i == 0 and hit.passage.kind == "footnote":
                sent = _FOOTNOTE_MARK.sub("", sent, count=1)  # its number is a mark, not a figure
            toks = token_set(unsaid(sent), repair)
            own_sent = own_clauses(query, sent) if query.wants_figure else sent
            national = own_sent != sent and covered(
                weights, token_set(unsaid(own_sent), repair), query.aliases, variants, query.short, query.same) \
                < EVIDENCE.national_share * covered(weights, toks, query.aliases, variants, query.short, query.same)
            # 'Lũy kế 11 tháng năm 2025: 78.612,5 tỷ đồng' under '1. Tổng thu ngân sách nhà nước': a sentence
            # naming nothing it measures speaks of its heading's indicator
            if heading and names_nothing(sent):
                toks |= token_set(unsaid(heading), repair)
            # a passage opening with a line that names only its part: the whole it breaks down, printed before
            # it ('- Khu vực Bến Tre (cũ): 1.732,6' under the row 'Kim ngạch xuất khẩu hàng hóa'; the engine
            # hands it over only for such a passage)
            own = toks
            if not i and before and rank < len(before) and before[rank]:
                toks = toks | token_set(unsaid(before[rank]), repair)
            # the indicator may be named in the sentence before the figure: the passage counts too
            share = EVIDENCE.sentence_share
            said = covered(weights, toks, query.aliases, variants, query.short, query.same)
            if hit.passage.kind == "footnote" and toks is not own:
                # a note details what the sentence carrying its mark says, but may name a quantity of its own
                # ('³⁷ Có khoảng 1.500 doanh nghiệp có phát sinh doanh số' under the new firms): half the words
                said = (said + covered(weights, own, query.aliases, variants, query.short, query.same)) / 2
            cov = share * said / total + (1 - share) * pcov
            end = quote_end(sents, i)
            quote = " ".join([sents[i], *sents[i + 1:end + 1]])
            # people ask these reports for figures: a sentence stating one is worth twice one that doesn't
            quoted = " ".join([sent, *sents[i + 1:end + 1]])
            stated = states_figure(quoted)
            item = asked_item(sent, notes[rank], *reading) \
                if query.wants_figure and notes and rank < len(notes) and hit.passage.kind != "footnote" else None
            lead = None
            if item is not None:
                # the note goes on a sentence stating no figure, or naming less of the question than the note
                # does: what the note names counts, and its figure is the sentence's
                more = toks | token_set(unsaid(item.text), repair)
                with_note = covered(weights, more, query.aliases, variants, query.short, query.same)
                # (or it states the figure of the period asked, the sentence another's: '¹ ...; quý II/2022 ước
                # tăng 5,62%' under '6 tháng ... tăng 4,95%¹')
                if with_note > said or not states_figure(sent) or reading[2](item.text):
                    said, toks = with_note, more
                    cov = share * said / total + (1 - share) * pcov
                    sent, quoted, stated = f"{sent} {item.text}", f"{quoted} {item.text}", True
                    lead = figure_lead(item.text)
                else:
                    item = None
            figure = 1.0 if not query.wants_figure or states_figure(sent) else \
                EVIDENCE.figure_in_quote if stated else EVIDENCE.no_figure
            not_compiled = other_unit = False
            if query.wants_figure and figure == 1.0 and pairs and \
                    not figure_by_name(quoted, pairs, variants, repair, hit.passage.kind == "table"):
                # 'GRDP ước tăng 10,26% ...; thu ngân sách đạt gần một phần tư dự toán năm, ...': the sentence's
                # figure is another indicator's; the one asked is named without one
                figure = EVIDENCE.figure_in_quote
                # ('... giải ngân 386,2 tỷ đồng. Về xuất khẩu, ... chưa tổng hợp kim ngạch xuất khẩu theo quý')
                not_compiled = bool(NOT_COMPILED.search(fold_ocr(quoted)))
            if stated and asked_unit is not None and not asked_unit.search(fold_ocr(without_nation_brackets(quoted))):
                # 'bao nhiêu tấn lúa': a quote stating no figure in tấn (a yield in tạ/ha, an area in ha) is no answer
                figure, other_unit = min(figure, EVIDENCE.figure_in_quote), True
            if not query.wants_target and figure == 1.0 and (AIMED.search(opening := (lead or figure_lead(sent)) or "")
                                                             or hit.passage.kind != "table" and not query.asks_plan
                                                             and plan_led(sent, opening)):
                # 'phấn đấu ... đạt 7,5%', '⁹ Dự toán thu tiền sử dụng đất năm 2024 là 3.500 tỷ đồng': an aim or a
                # plan, not what was achieved (a table row's cells say which is which by their columns)
                figure = EVIDENCE.aim
            if figure == 1.0 and hit.passage.kind != "table" and (wants_result or results_only) \
                    and _PLANNING.search(fold_ocr(sent if wants_result else quoted)) \
                    and (figs := figure_list(without_nation_brackets(sent if wants_result else quoted))) \
                    and all(f.kind == "target" for f in figs):
                # 'Tốc độ tăng trưởng GRDP ... ước đạt bao nhiêu, so với kế hoạch thế nào?': '... không đạt kế hoạch
                # (6,5%)' states the plan's value alone, not what was achieved; a note '⁶ Kế hoạch năm 2022: ...,
                # trong đó xuất khẩu lao động 15.000 người', every figure of it planned, for a result asked
                figure = EVIDENCE.aim
            if figure == 1.0 and query.wants_figure and not _ASKS_SHARE.search(asked_text) \
                    and not query.as_it_was and not query.districts and _SHARE_OF_TOTAL.search(fold_ocr(sent)):
                # 'Kim ngạch xuất khẩu tôm 11 tháng đạt 1.846,2 triệu USD, ... chiếm 85,5% tổng kim ngạch xuất khẩu của
                # tỉnh': the sentence says its figure is a part of the total asked, not the total
                figure = EVIDENCE.aim
            figs = None  # the sentence's figures, read once, when a rule below needs their labels
            if figure == 1.0 and query.wants_figure and not _CHANGE_ASKED.search(asked_text) \
                    and _CHANGE_WORDS.search(fold_ocr(sent)) and (figs := figure_list(sent)) \
                    and all(_CHANGE_LABEL.match(fold_ocr(f.indicator or "")) for f in figs):
                # 'Mức giảm tỷ lệ hộ nghèo > ĐVT: Điểm %; ... Ước thực hiện: 3,60' for 'tỷ lệ hộ nghèo cuối năm 2022':
                # the row states how far the rate fell, not the rate
                figure = EVIDENCE.aim
            if figure == 1.0 and query.wants_figure and not query.districts and hit.passage.kind == "table" \
                    and DISTRICT_WORDS.search(fold_ocr(sent)) \
                    and (figs := figure_list(sent) if figs is None else figs) \
                    and all(district_row(fold_ocr(f.indicator or ""), asked_text, query) for f in figs):
                # 'PHÂN THEO HUYỆN, THÀNH PHỐ > Thành phố Cà Mau > Tổng sản lượng thủy sản: 12.340' for 'tỉnh Cà Mau': the
                # row of a district the province's name is also, a part of the province's total
                figure = EVIDENCE.aim
            if query.wants_reference and not _REF.search(fold_ocr(quote)):
                figure *= EVIDENCE.no_reference  # 'số mấy, ngày nào': '69/CT-UBND ngày 28/12/2022' is the answer
            if query.indicators and not all(names_indicator(n, quote) for n in query.indicators):
                figure *= EVIDENCE.no_figure  # 'tiêu dùng' of retail sales is not the consumer price index'
            score = cov * prior * prior * figure * period_agreement(query, quote, years[rank] if years else None)
            if query.seasons and season_fit(query.seasons, quote, hit.passage.section) > 0:
                score *= EVIDENCE.period_named  # 'lúa vụ Hè Thu 2024': the sentence (or its heading) of that season
            qtoks = toks | token_set(" ".join(sents[i + 1:end + 1]), repair) if end > i else toks
            # 'Cùng kỳ, Đắk Nông thu 2.186,4 tỷ đồng', 'Phân theo khu vực: khu vực Hậu Giang (cũ) đạt 151,9 triệu
            # USD': the previous sentence names what it measures
            if i and (_CONTINUES.match(fold_ocr(sent)) or names_nothing(sent)):
                qtoks = qtoks | token_set(sents[i - 1], repair)
            # an interviewer's question over the answer ('PV: Du lịch ... kết quả cụ thể ra sao?' over 'Tám tháng, toàn
            # tỉnh đón khoảng 7,32 triệu lượt khách') names what the answer's sentences speak of
            if INTERVIEW_HEADING.match(heading):
                qtoks = qtoks | token_set(heading, repair)
            # ('Thu NSNN trên địa bàn' for 'thu ngân sách': the short form a question's words stand for, spelt out)
            if query.short and any(a in qtoks for a in query.short):
                qtoks = qtoks | token_set(spelled_out(fold_ocr(quote)), repair)

            # (the acronyms asked, as such or spelt out, name it: 'Vốn FDI đăng ký' is not named by 'Chỉ số giá ... so với
            # cùng kỳ', whose 'kỳ' is one of its words)
            phrase = not pairs or bool(query.aliases) and names_acronyms(query.aliases, qtoks) or any(
                t in qtoks or any(v in qtoks for v in variants.get(t, ())) for t in pairs) or any(
                all(x in qtoks for x in tokenize(printed)) for printed, asked in query.same.items()
                # a pair asked, its equivalent printed ('thu hoạch' -> 'sản lượng'), but not a plan's word: every
                # report says 'kế hoạch' of something
                if printed.count(" ") >= 2 or asked.replace(" ", "_") in pairs and printed not in PLAN_WORDS)
            if not phrase and "san_luong" in pairs and hit.passage.kind == "table" \
                    and PRODUCTS_TABLE.search(fold_ocr(hit.passage.text.split(" > ", 1)[0])):
                # a table of products ('SẢN PHẨM CÔNG NGHIỆP CHỦ YẾU > Muối hạt > ĐVT: Tấn; ...') states each one's
                # output in a row named by the product alone ('sản lượng muối' asked)
                phrase = True
            if phrase and measures:
                # (named anywhere in its passage, its section's heading or the lines it breaks down)
                if wide is None:
                    wide = token_set(" ".join([hit.passage.text, hit.passage.section,
                                               before[rank] if before and rank < len(before) else ""]), repair)
                if not named(wide) and above is not None and (lines := above(rank)):  # (read only when needed)
                    wide = wide | token_set(lines, repair)
                if not named(wide) and hit.passage.kind == "table" and titles and rank < len(titles) and titles[rank]:
                    # a budget report's table by unit ('THU TỪ HOẠT ĐỘNG XUẤT NHẬP KHẨU PHÂN THEO ĐƠN VỊ > Chi cục Hải quan
                    # ...') speaks of the revenue its report's title names (a table only: prose names its own measure)
                    wide = wide | token_set(titles[rank], repair)
                if not named(wide) or printed_as_other \
                        or any(another_measure(p, fold_ocr(quote), asked_text) for p in phrases):
                    phrase = False
                elif not named(_past_label(sent, own, repair)) and other_measures(fold_ocr(sent), phrases, asked_text):
                    # 'Kim ngạch nhập khẩu 10 tháng ước đạt 2.846,3 triệu USD' for 'kim ngạch xuất khẩu': the sentence
                    # names another measure and not the asked one, whatever the passage names before it (or its
                    # topic's label does: 'b) Xuất, nhập khẩu: Kim ngạch xuất khẩu tháng 11 ước đạt 412,8 triệu USD')
                    phrase = False
            if phrase and graded and any(another_measure(p, fold_ocr(quote), asked_text) for p in graded):
                phrase = False
            if phrase and sides and not says_side(sides, f"{hit.passage.section} {hit.passage.text} {quoted}"):
                # 'bao nhiêu lượt khách du lịch quốc tế' of a passage that counts only all visitors ('đón 862.000 lượt
                # khách'): the side asked is never printed, the whole is no answer for it
                phrase = False
            if phrase and source[0] and another_source(source, quoted, qtoks, token_set(
                    " ".join([hit.passage.text, hit.passage.section]), repair)):
                # 'thu ngân sách từ dầu thô' of 'một số khoản thu đạt thấp như thu từ doanh nghiệp nhà nước địa phương
                # (48,8%)': another source's figure, or one of a passage that never names the source asked
                phrase = False
            if phrase and counted_words and counts_another(
                    counted_words, f"{hit.passage.section} {quoted}", qtoks | token_set(hit.passage.section, repair),
                    variants, query):
                # 'bao nhiêu doanh nghiệp giải thể' of 'Số doanh nghiệp thành lập mới ... 1.108': the count is of another
                # thing the same noun names
                phrase = False
            if phrase and kinds and (figs := figure_list(sent) if figs is None else figs) \
                    and all(other_kind(fold_ocr(f.indicator or ""), kinds) for f in figs):
                # 'TỔNG THU NGÂN SÁCH ĐỊA PHƯƠNG' (central transfers included) for 'thu ngân sách nhà nước trên địa bàn':
                # every figure is of another kind of the measure
                phrase = False
            # (not how the figure is stated, which the phrase may run into: 'không kể dầu thô và khí đốt ước tăng 3,54%')
            left_out = {t for m in LEFT_OUT.finditer(sent) for t in tokenize(m.group(), repair)
                        if not set(t.split("_")) & _STATING} - toks if strip else set()
            out.append(Evidence(rank, quote, cov, score, i, end, figure=stated, phrase=phrase,
                                excludes=any(t in left_out for t in weights if "_" not in t)
                                or strip and bool(_IF_LEFT_OUT.match(fold_ocr(sent))), note=item,
                                not_compiled=not_compiled, national=national, other_unit=other_unit,
                                unpublished=query.asks_quantity and bool(NOT_COMPILED.search(fold_ocr(sent)))))
    out.sort(key=lambda e: -e.score)
    return out


_LEX_OTHERS_BEFORE = lexicon().measure_others_before
# a sentence of the measure less some of it: 'Nếu loại trừ thu tiền sử dụng đất ..., thu ngân sách 6 tháng đạt 4.515'
_IF_LEFT_OUT = re.compile(r"\W*(?:\d{1,2}\W+)?neu\s+(?:loai tru|khong (?:ke|tinh)|tru)\b")
_LEX_OTHERS = lexicon().measure_others

# words without which no figure is planned (`figures.extract` reads a target by them): read before extracting any
_PLANNING = re.compile(r"\b(?:ke hoach|du toan|muc tieu|chi tieu|phan dau|kich ban|du kien|dinh huong|de ra|dat tu|"
                       r"bao dam|dam bao|kh)\b")
def quote_end(sents: list[str], i: int, budget: int = EVIDENCE.quote_budget) -> int:
    """Last sentence of the quote starting at i: the next ones are added while short, and until a
    figure is included: an indicator is often named in one sentence and its figures in the next."""
    quote, j = sents[i], i + 1
    while j < len(sents) and (len(quote) < budget or not HAS_NUMBER.search(quote)) and j - i < 4:
        if len(quote) + len(sents[j]) > 2 * budget and HAS_NUMBER.search(quote):
            break
        quote += " " + sents[j]
        j += 1
    return j - 1
