"""Which of a quote's figures answers the question: the figures ranked (`rank`) by what the question asks of one
(qa/figure_asks.py: what it counts, unit, baseline, numbers it states) and by how each figure is stated (its
baseline, part or whole, period, measure). The quote's figures themselves come from qa/figures.py."""
from __future__ import annotations

import re
from typing import Callable

from rapidfuzz.distance import Levenshtein

from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import SO_VOI, fold, fold_ocr, letter_off
from tracuu.ingest.types import Period

from tracuu.index.lexical import token_set, tokenize, words_of

from .figure_asks import asked_word, first_ask, last_clause, lead_in_words, shared_run
from .figure_words import counts
from .figures import BASELINE_WORDS, HOW_WORDS, Figure
from .part_names import names_part, narrower
from .quote_checks import with_twins
from .sentence import last_stop
from .cutoffs import cutoff_months
from .glossary import FIGURE_KINDS, NATION_NAMED, left_out_words, named_measures


def _baseline_words(after: str) -> str:
    """The folded words right after a figure, its percent sign dropped (and a note's mark OCR glued to it: '40,6%3 dự
    toán'): where a baseline is named."""
    return " ".join(_MARK_AFTER_SIGN.sub(" ", fold_ocr(after[:40])).replace("%", " ").split())


_MARK_AFTER_SIGN = re.compile(r"^\s*%\d{1,2}(?=\s)")


def _against_other(after: str) -> bool:
    """A change stated against the month or quarter before ('tăng 4,2% so với tháng trước'): when the
    question names no baseline, the same period a year before ('so với cùng kỳ') is the one meant."""
    head = _baseline_words(after)
    return bool(re.match(SO_VOI + r"(?:th[a-z]{1,3}ng tr|qu[a-z] tr|k[a-z] tr|th[a-z]{1,3}ng 12|cu[a-z]i n|d[a-z]u n)", head))


def _names_baseline(after: str) -> bool:
    """Does a figure's own clause name what it is compared with ('so với ...', 'so cùng kỳ', or with 'so' left out:
    'giảm 8,9% với cùng kỳ')?"""
    return bool(re.match(rf"so\s|v[a-z0-9&]{{0,2}}i\s+(?:{BASELINE_WORDS})", _baseline_words(after)))


def take_baseline(figures: list[Figure], sentence: str) -> None:
    """The changes among `figures` that name no baseline take the one `sentence` states its change against with no
    figure ('... tăng so với cùng kỳ⁵' -> '⁵ ... Xi măng: 65 nghìn tấn, đạt 6,8%, tăng 4,4%'), verbatim."""
    m = re.search(r"\b(?:t[aă]ng|gi[aả]m)\s+(so\s+v\S{1,3}i\s+[^,;.⁰¹²³⁴⁵⁶⁷⁸⁹\d]{3,30})", sentence, re.IGNORECASE)
    if not (m and _names_baseline(m.group(1))):
        return
    for f in figures:
        if f.kind == "change" and not _names_baseline(f.after):
            f.after = f"{f.after} {m.group(1).strip()}".strip()


def _aside(f: Figure) -> bool:
    """The figure stands inside a bracket its quote opened before it with 'trong' ('(trong đó ...', '(trong 6
    tháng ...'): a detail of what the sentence states, not the bracketed figure itself ('(6,41%)', '(ước 986,4 tỷ')."""
    before = f.quote[:f.start] if f.quote else ""
    if before.count("(") <= before.count(")"):
        return False
    return fold_ocr(before[before.rfind("(") + 1:]).lstrip().startswith("trong ")


def _baselines_stated(figures: list[Figure]) -> dict[int, str]:
    """For each change that names no baseline, the words after the change before it in its sentence that
    names one: a list of changes states its baseline once ('giảm 5,9% so với cùng kỳ, trong đó: xuất khẩu
    230 triệu USD, giảm 30,3%')."""
    out, last = {}, {}
    for i, f in enumerate(figures):
        if f.kind != "change":
            continue
        key = (f.n, f.sentence)
        if _names_baseline(f.after):
            last[key] = f.after
        elif key in last:
            out[i] = last[key]
    return out


def _said_before(f: Figure) -> str:
    """The baseline a share's own clause names before it ('nếu tính theo kế hoạch vốn Thủ tướng Chính phủ giao (5.480,0
    tỷ đồng) thì đạt 72,8%'), from its 'theo' on; empty where it names none."""
    if f.kind != "share" and not (f.kind == "result" and f.unit == "%"):
        return ""
    m = re.search(r"\btheo\s", f.head, re.IGNORECASE)  # (not 'so với cùng kỳ' opening the clause of every change)
    return f.head[m.start():] if m else ""


def _against_same(after: str, baselines: set[str] | None) -> int:
    """How many words of the asked baseline the figure is stated against (0: none of them)."""
    if not baselines:
        return 0
    head = _baseline_words(after)
    # 'so với' (OCR: 'so véi'), '% tổng kế hoạch' (OCR: 'téng')
    return max((_named_of(b, head) for b in baselines), default=0)


def _named_of(baseline: str, head: str) -> int:
    """How many words of `baseline` the words after a figure name: all of them in a row, or, its first two in a row,
    those of the rest within the next few words ('% kế hoạch HĐND tỉnh giao' asked, 'kế hoạch vốn HĐND tỉnh giao'
    printed: 5, against 2 for 'kế hoạch vốn Thủ tướng Chính phủ giao')."""
    lead = rf"(?:{SO_VOI}|[a-z]{{2,4}} )?"
    if re.match(lead + _misread(baseline), head):
        return len(baseline.split())
    words = baseline.split()
    if len(words) < 3 or not (m := re.match(lead + _misread(" ".join(words[:2])), head)):
        return 0
    rest = re.findall(r"[a-z0-9]+", head[m.end():])[:len(words)]
    return 2 + sum(w in rest for w in words[2:])


def _misread(words: str) -> str:
    """A pattern for `words` as OCR may print them: each word's inner letters may differ ('cùng kỳ' read
    'cing ky', 'cling ky'); its first and last letters stay."""
    return r"\s+".join(re.escape(w) if len(w) < 3 else f"{re.escape(w[0])}[a-z]{{1,4}}{re.escape(w[-1])}"
                       for w in words.split())


def outside(head: str, words: set[str]) -> bool:
    """'Khám chữa bệnh ngoài công lập 37.864 lượt' for a question about 'công lập', 'vốn ngoài nhà nước' for
    one about 'vốn nhà nước': the figure is of what lies outside the words the question asks about."""
    if "ngoai" in words:
        return False
    syllables = words_of(head)
    # (or of the non-state part a question asking the whole does not name: 'tổng số khám bệnh của các phòng khám
    # đa khoa ngoài công lập được 23.705 lượt' beside 'Khám được 106.240 lượt người')
    return any(w == "ngoai" and (syllables[i + 1] in words or " ".join(syllables[i + 1:i + 3]) in _NON_STATE)
               for i, w in enumerate(syllables[:-1]))


_NON_STATE = {"cong lap", "nha nuoc", "quoc doanh"}
# what a question leaves out: 'kim ngạch xuất khẩu (không tính nhập khẩu) qua các cửa khẩu' (folded)
def _left_out(question: str) -> set[str]:
    """The tokens of what a question says it leaves out (`glossary.left_out_words`)."""
    return {t for words in left_out_words(question) for t in tokenize(words)}


def _of_left_out(f: Figure, left_out: set[str], words: set[str], repair=None) -> bool:
    """The figure's own words name what the question leaves out and nothing else it asks."""
    own = token_set(f.own or f.head, repair)
    return bool(own & left_out) and not (own - left_out) & (words - left_out)


def weighted(weights: dict[str, float]) -> Callable[[set[str]], float]:
    """The plain coverage: the weight of the question's tokens a figure's words hold."""
    return lambda have: sum(w for t, w in weights.items() if t in have)


def rank(figures: list[Figure], cover: Callable[[set[str]], float], wants_change: bool = False, repair=None,
         asked: list[Period] | None = None, wants_target: bool = False, units: set[str] | None = None,
         nouns: set[tuple[str, ...]] | None = None, known: set[float] | None = None,
         baselines: set[str] | None = None, references: bool = False, words: set[str] | None = None,
         plan: bool = False, place: Callable[[Figure], int] | None = None,
         dated: list[Period] | None = None, question: str | None = None) -> list[Figure]:
    """The direct answer first: not a number the question itself states (`known`), in the unit or
    before the word it counts (`units`, `nouns`), then the figure whose words (see `_head`, and
    the words after its unit) `cover` most of the question's words by weight ('giải ngân' says more
    than 'đầu tư'); the indicator's own value before its share of a plan or its change, unless a
    change is asked. Of a sentence giving several places' figures, the asked place's first (`place`)."""
    leads = _leads(figures)
    stated = _baselines_stated(figures)
    asked_verb, counted_words = asked_word(question) if question else (None, set())
    compared = bool(baselines) or wants_change or "%" in (units or ())
    asked_rows = {(f.n, f.sentence) for f in figures if f.header and f.kind == "result" and asked and f.period in asked}
    lead_in = lead_in_words(question) if asked_verb else []
    # the indicator the question names by its head noun ('doanh thu du lịch': a revenue, of tourism)
    measures = named_measures(first_ask(question), FIGURE_KINDS) if question else []
    # a figure in a bracket opening 'trong' is an aside to its sentence's figure before it, whose words it takes on
    # ('19 sản phẩm 04 sao chiếm 21,8% (trong 6 tháng có 10 sản phẩm ...)'): that figure first
    aside = {i for i, f in enumerate(figures) if _aside(f)}
    plain = {(f.n, f.sentence) for i, f in enumerate(figures) if i not in aside}
    # the words of the baseline asked ('so với kế hoạch'), which a plan's own cell takes no coverage from
    baseline_words = {t for b in baselines or () for t in token_set(b, repair)}
    left_out = _left_out(question) if question and words is not None else set()  # ('không tính nhập khẩu')
    # the words a whole's part says of itself, printed after the whole's unit ('thu nội địa 1.968 tỷ đồng (riêng thu
    # tiền sử dụng đất 742 tỷ đồng)'), are the part's: they name nothing the whole measures
    # (a part in a bracket of its own after the whole; not 'đón 1,2 triệu lượt khách, trong đó 180 nghìn lượt khách quốc
    # tế', whose words after the whole's unit are the whole's too)
    parts_say: dict[int, set[str]] = {}
    for g in figures:
        if g.part_of is not None and g.own and g.quote and g.quote is g.part_of.quote \
                and (between := g.quote[g.part_of.start:g.start]).count("(") > between.count(")"):
            parts_say.setdefault(id(g.part_of), set()).update(token_set(g.own, repair))

    def score(i_f: tuple[int, Figure]) -> tuple:
        i, f = i_f
        # the sentence's frame ('Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022, ...') is every figure's in it,
        # not only the first one's: the figures' own words tell them apart
        text, lead = f.context or f.indicator, leads.get((f.n, f.sentence), "")
        own = with_twins(token_set(text[len(lead):] if lead and text.startswith(lead) else text, repair))
        have = own | token_set(lead, repair)
        if theirs := parts_say.get(id(f), set()) - token_set(f.head or f.indicator, repair):
            own, have = own - theirs, have - theirs
        if f.kind == "target" and baseline_words and not wants_target:
            # 'đạt bao nhiêu so với kế hoạch': the plan named is what the result is measured against; a plan's own
            # cell ('Kế hoạch 2022: 215.000') takes no coverage from it
            own, have = own - baseline_words, have - baseline_words
        # a results question: a change ('ước tăng 2,62%') is a result too, before a plan's figure
        # (unless the question names a plan: 'kế hoạch năm 2025 giao thu ngân sách bao nhiêu')
        wanted = ("change",) if wants_change else ("target", "result") if wants_target else \
            ("result", "target", "change") if plan else ("result", "change", "target")
        pref = wanted.index(f.kind) if f.kind in wanted else len(wanted)
        if wants_change and f.kind == "target" and not wants_target:
            pref += 1  # 'giảm bao nhiêu' of a row 'Mức giảm tỷ lệ hộ nghèo': no change's cell; the result's before the plan's
        # a table row holds several periods' cells: the asked period's column first
        # (a cell of no period, 'So sánh 2025/2024 (%)', after the asked period's, before another period's)
        # and a date the question counts to ('năm 2026 ... đến hết tháng 1'): that month's figure before the year's
        # (a comparison column of no period, 'So cùng kỳ (%)', 'Tỷ lệ giải ngân (%)', is the row's period's when a
        # comparison or a rate is asked)
        row_s = compared and f.header and f.period is None and f.kind in ("change", "share") \
            and (f.n, f.sentence) in asked_rows
        # (a running total from January to the date's month, 'Giải ngân đến 31/10/2024' of a 10 months' report, is the
        # state then; a quarter ending that month is not), or its quote counts to the date before it ('Đến ngày
        # 20/9/2024 giải ngân được 3.846,2 tỷ đồng')
        off_period = 0 if dated and (f.period is not None and (f.period in dated or f.period.months()[0] == 1 and any(
            f.period.end == d.end for d in dated)) or _counted_to(f, dated)) else \
            1 if not asked or f.period == asked[0] or row_s else 1.5 if f.period in asked else 2 if f.period is None else 3
        if off_period == 0 and f.header and f.period is not None and f.period.kind == "month" and f.period.index != 1 \
                and f.period in dated:
            off_period = 0.5  # a table's month column ('Tháng 10/2022: 1.137') after its running total ('10 tháng 2022')
        # (the period asked first before one the question names besides: 'Theo kết luận phiên họp tháng 11, thu
        # ngân sách 11 tháng ...' asks the 11 months, of the meeting held for the month)
        # (a scale before the unit is the same unit: '7,42 triệu lượt' is in 'lượt')
        other_unit = bool(units) and fold(f.unit or "") not in units and _SCALE.sub("", fold(f.unit or "")) not in units
        compared_by = f.header if f.header and f.kind in ("change", "share") else f.after  # 'So cùng kỳ (%)': a column's
        said = counts(f.after, nouns, repair, f.own)
        # a figure stated as what the clause compares with is no answer, unless references are asked
        # (a target, the whole country)
        reference = f.reference and not references and not (plan and f.kind == "target") or _threshold(f)
        # the asked province's figure before a merged total or a neighbour's (`qa.scope.place_of`)
        # a part of a whole ('Trong đó: vốn ngân sách tỉnh ...') after the whole, unless the question names
        # words the part has and the whole has not
        # (and before it when the question names the part by the words the whole holds it in: 'nhập khẩu')
        part = f.part_of is not None and words is not None and (
            -1 if narrower(f, words, repair) else 0 if names_part(f, words, repair) else 1)
        # a plan's amount ('Kế hoạch vốn năm 2025 tỉnh giao là 5.862,4 tỷ đồng') is what results are measured
        # against: after them in a results question, whichever period each names
        plan_amount = f.kind == "target" and f.reference and not (plan or wants_target or references)
        of_ask = bool(asked_verb) and _asked_of(f.head, asked_verb, words)
        run = shared_run(f.head, lead_in) if of_ask else 0
        printed = with_twins(set(words_of(f"{f.context or f.head} {f.after}")))  # ('khách quốc tế': 'nước ngoài')
        all_counted = bool(counted_words) and all(w in printed or letter_off(w, printed, shortest=4) for w in counted_words)
        # the whole country's figure, stated beside the province's ('cao hơn mức tăng chung của cả nước (4,28%)', '(cả
        # nước tăng 0,31% ...)'), never leads a province's answer, whatever period it is of
        national = f.reference and not references and bool(NATION_NAMED.search(fold(f"{f.head[-40:]} {f.after[:25]}")))
        return (national, plan_amount, off_period, place(f) if place else 0, bool(known) and f.number in known, reference, other_unit,
                i in aside and (f.n, f.sentence) in plain, -said,
                # a figure of what the question leaves out ('nhập khẩu đạt 245,4' for 'xuất khẩu (không tính nhập khẩu)')
                bool(left_out) and _of_left_out(f, left_out, words, repair),
                part,
                # against the asked baseline: its own, or, for a change that names none, the sentence's change
                # before it ('giảm 5,9% so với cùng kỳ, trong đó: xuất khẩu ..., giảm 30,3%')
                -max(_against_same(stated.get(i, compared_by), baselines), _against_same(_said_before(f), baselines))
                if baselines
                else f.kind == "change" and _against_other(f.after),
                f.unit is None and not re.search(r"[.,]", f.value) and not said,
                # of equal weight, the figure with fewer words the question does not use: the whole before
                # its parts ('CPI tăng 3,85%; trong đó nhóm thuốc tăng 1,26%')
                outside(f.head, words) if words is not None else False,
                # the word the question asks of ('khám cho bao nhiêu lượt'), printed right before the figure
                # ('khám được 254.104 lượt'; not 'nhập khẩu' for 'xuất khẩu được bao nhiêu'), or what the question
                # counts, all of it: 'khách quốc tế 1,52 triệu lượt' for 'đón bao nhiêu khách quốc tế', beside 'Huế đón
                # 3,62 triệu lượt khách'
                bool(asked_verb) and not of_ask and not all_counted,
                # of figures stated right after the word asked of, the one whose words before it run longest as the
                # question's do ('đã thu hồi được 3.852,3' for 'số tiền đã thu hồi được là bao nhiêu', not 'kiến nghị
                # thu hồi 5.149,8'), when three words or more run so: two ('Huế đón', 'khai thác') may be a place's name
                # or the frame's word and no more than the ask itself
                -run if run >= 3 else 0,
                # a figure of the indicator the question names, before one that only shares its other words ('doanh
                # thu 277 tỷ đồng' for 'doanh thu du lịch', beside 'khách du lịch 755.950 lượt')
                bool(measures) and not _names_measure(f, have, measures),
                # (a near tie, within half a word's weight, is settled by the figure's own words: a sentence's frame
                # 'Kim ngạch hàng hóa xuất khẩu ... tăng mạnh' lends every figure in it words of the question)
                -round(cover(have) * 2) / 2,
                # of figures the question's words hold alike, a change when one is asked ('GRDP ... tăng bao nhiêu':
                # 'ước tăng 6,12%' before the sentence after it, 'Quy mô GRDP ... 117.246,5 tỷ đồng', or 'GRDP bình quân
                # đầu người đạt 58,1 triệu đồng' whose own words name GRDP where the change's borrow them)
                # (a growth rate stated as reached, 'Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 6,48%', is the change)
                wants_change and f.kind != "change" and not (f.unit == "%" and _GROWTH.search(fold(f.head))),
                -round(cover(own), 6), -round(cover(have), 6),
                # (its own clause's words first: a frame before the comma, 'Theo chuẩn nghèo đa chiều giai đoạn
                # 2016-2020 (áp dụng cho năm 2021), tỷ lệ hộ nghèo ... còn 6,42%', is no part's name)
                len(set(words_of(f.head.rsplit(", ", 1)[-1])) - words) if words is not None else 0,
                len(set(words_of(f.head)) - words) if words is not None else 0,
                pref, f.unit is None and not said, i)
    return [f for _, f in sorted(enumerate(figures), key=score)]


def _threshold(f: Figure) -> bool:
    """The figure bounds which units the clause names, no value of the measure ('Một số chủ đầu tư có tỷ lệ giải ngân
    dưới 5% như UBND huyện Pác Nặm'): what the clause compares units with, like a reference."""
    head = fold(f.quote[max(0, f.start - 80):f.start])
    # (or counts the units it bounds: 'Có 7 chủ đầu tư giải ngân dưới 20% kế hoạch')
    return bool(re.search(r"\bco\s+(?:(?:ty le|muc|toc do|chi so)\b[^,;.]{0,50}|\d+\s+[^,;.\d]{2,50})"
                          r"\b(?:duoi|tren|thap hon|cao hon)\s*$", head))


def _counted_to(f: Figure, dated: list[Period]) -> bool:
    """Its quote counts to a date in a month asked before the figure ('kế hoạch vốn ... là 4.728,0 tỷ đồng; lũy kế giải
    ngân đến ngày 30/6/2024 đạt 1.645,2': the second figure; 'Lũy kế đến ngày 09/01/2022 đã tiêm ... Tỷ lệ ... đạt
    94,34%': each figure after the date)."""
    # (a note's item is of the date of the sentence carrying its mark, its frame)
    head = f.quote[:f.start]
    item = head[head.rfind(";") + 1:]
    if find_periods(item):  # (an item naming a period of its own is not counted to the date: '...; ước cả năm đạt 95%')
        return bool(cutoff_months(fold(item)) & {(d.year, d.index) for d in dated})
    return bool(cutoff_months(fold(f"{f.frame} {head}")) & {(d.year, d.index) for d in dated})


def _names_measure(f: Figure, have: set[str], measures: list[set[str]]) -> bool:
    """The figure's words, or those before it in its quote ('Xuất khẩu ... Trong đó hạt điều nhân 1.486,2'), name one of
    the measures."""
    # (the words before it in its own sentence: 'Doanh thu từ du lịch 11 tháng ước 5.742 tỷ đồng' after 'tổng lượt khách
    # ước đạt 2.864,7 nghìn lượt' is not named a tourist count by the sentence before; unless its sentence goes on with
    # a part of that one's whole, 'Trong đó hạt điều nhân ...')
    before = f.quote[last_stop(f.quote, f.start) + 1:f.start]
    if _PART_OPENS.match(fold_ocr(before)):
        before = f.quote[:f.start]
    words = set(have) | set(words_of(f"{f.indicator} {before} {f.frame}"))  # (a note: its marking sentence's)
    return any(m <= words for m in measures)


_GROWTH = re.compile(r"\btang truong\b|\btoc do tang\b")
_PART_OPENS = re.compile(r"\s*(?:trong do|rieng|bao gom|gom|cu the)\b")


def _asked_of(head: str, word: str, words: set[str] | None) -> bool:
    """Is the figure stated right after the word asked of, in its head's last clause ('..., khám được' for
    'kham'), with no word before it there that the question lacks ('nhập khẩu' is no 'xuất khẩu')?"""
    clause = last_clause(head)
    if word not in clause[-2:]:
        return False
    at = len(clause) - 1 - clause[::-1].index(word)
    return at == 0 or words is None or clause[at - 1] in {t for t in words if "_" not in t}


_SCALE = re.compile(r"^(?:nghin|ngan|trieu|ty)\s+(?=\S)")  # 'triệu lượt' -> 'lượt'


def _leads(figures: list[Figure]) -> dict[tuple[int, int], str]:
    """Per quoted sentence, its first figure's head before the last comma when what follows the comma names
    a measure of its own (two words or more, 'tổng số hộ nghèo toàn tỉnh là'): the frame the sentence's
    figures share. Not a list's comma ('Tổng số thu BHXH, BHYT, BHTN ước đạt') nor a bracket."""
    out: dict[tuple[int, int], str] = {}
    for f in figures:
        key = (f.n, f.sentence)
        if key in out or f.header:
            continue
        out[key] = ""
        colon = f.head.rfind(": ")
        if colon > 0 and len(words_of(f.head[colon + 2:])) <= 4 and len(words_of(f.head[:colon])) >= 2:
            # 'Các mặt hàng xuất khẩu chủ lực: giày dép 1.124,8 ...; thủy sản 612,4 ...': a list's lead is every item's
            out[key] = f.head[:colon]
            continue
        at = f.head.rfind(", ")
        if at > 0:
            # (OCR's 'udc' is 'ước')
            rest = [w for w in words_of(f.head[at + 2:]) if not any(Levenshtein.distance(w, h) <= (len(h) > 2)
                                                                    for h in _HOW)]
            if len(rest) >= 2 and len(words_of(f.head[:at])) >= 3:
                out[key] = f.head[:at]
    return out


_HOW = HOW_WORDS | {"thuc", "hien", "tang", "giam", "tren"}  # how a figure is stated, not what it measures

