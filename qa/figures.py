"""Figures as data: the numbers a quoted sentence states, each with its unit, kind and indicator.

People ask for one number and get a paragraph; reporters compare numbers. Both need the figure itself:
`value` exactly as printed (verbatim, so it can be checked against the source), `number` read from
Vietnamese notation (`1.158,8` -> 1158.8), and what kind of figure it is (the indicator's own value,
a share of a plan, a change against a baseline, a target).
"""
from __future__ import annotations

import re
from dataclasses import replace

from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import SO_VOI, fold, fold_ocr
from tracuu.ingest.types import Period

from .figure_words import counts, head_of, indicator_before, tail_end, unit_at
from .aims import AIM_LEAD
from .cutoffs import CUTOFF
from .glossary import NATION, NATION_NAMED
from .lexicon import lexicon
from .sentence import bracketed, last_stop
from .not_figures import not_figures
from .figure_value import Figure, parse_number, ranges, scaled  # noqa: F401  (re-exported: readers import them from here)
from .table_cells import table_cells  # noqa: F401

# a number as printed: '1.158,8', '10.902', '6,67', '2.161', '-3,2', '1158.8' (English notation in a claim), '2 .386,7'
# (OCR split a thousands group off with a space)
# a number's end: no letter, digit group or slash follows, unless a unit is glued to it ('trồng được 250ha rừng')
_END = r"(?:(?![\w/]|[.,]\d)|(?=(?:ha|km2?|kg|m[23²³]|tấn|tỷ|MW|kWh)(?![^\W\d_])))"
NUMBER = re.compile(rf"(?<![\w/.,])[-−]?\d{{1,3}}(?:(?:[.,]| \.)\u00a0?\d{{3}})+(?:[.,]\d+)?{_END}|(?<![\w/.,])[-−]?\d+(?:\u00a0?[.,]\d+)?{_END}")
_LEX = lexicon()
# how a figure is stated ('ước đạt', 'được', 'là', 'khoảng'), not what it measures: no evidence of which
# figure a question asks for
HOW_WORDS = _LEX.how_words
# '80/87 xã', '15/21 chỉ tiêu', '315.975/340.000 tài khoản': so many of a whole (a date is no fraction)
_FRACTION = re.compile(r"(?<![\w/.,])(?:\d{1,3}(?:\.\d{3})+|\d+)/(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)")
# '29,8% tổng kế hoạch giao' (OCR: '% téng ké hoach'), '54% dự toán': a share of the plan is printed right
# after its percent sign
# ('đạt 85,6% kế' where the passage ends: the plan's word cut at the passage's edge)
_SHARE = re.compile(rf"\s*%?\s*(?:{SO_VOI}|[a-z]{{2,4}} )?(?:ke hoach|du toan|kh\b|chi tieu|muc tieu|nghi quyet|ke\s*$)")
# 'tăng' and 'giảm' as OCR reads them too ('ting', 'gidm'); 'so với cùng kỳ' likewise ('so véi cung ky')
_CHANGE_BEFORE = re.compile(r"(?:\bt[aie]ng|\bgi[a-z]m|cao hon|thap hon|tang truong)\s*(?:khoang|gan|hon|tren|xap xi)?\s*$")
SAME_TIME = r"c[a-z]{1,3}ng\s+k[a-z]"  # 'cùng kỳ' as printed or OCR'd ('cing ky', 'cling ky')
# what a change is stated against, folded: 'cùng kỳ', 'năm trước', 'tháng trước', 'quý trước', 'kỳ trước'
BASELINE_WORDS = rf"{SAME_TIME}|n[a-z]{{0,2}}m\s+tr|th[a-z]{{1,3}}ng\s+tr|qu[a-z]\s+tr|k[a-z]\s+tr"
_AGAINST = re.compile(rf"\s*(?:%\s*)?{SO_VOI}(?:{BASELINE_WORDS})")
# ('đạt mức' alone is what was achieved: 'phấn đấu đạt mức' is an aim by its 'phấn đấu')
# ('Chương trình mục tiêu quốc gia' is a programme's name, not an aim; nor is a budget's 'bổ sung có mục tiêu 1.900,38
# tỷ đồng', a transfer earmarked)
# (not targets judged met or not: '2 chỉ tiêu không đạt là tốc độ tăng trưởng GRDP (đạt 7,02%/KH 7,5%)' states the result)
_TARGET_BEFORE = re.compile(r"(?:phan dau|(?<!chuong trinh )(?<!co )muc tieu(?! quoc gia)|chi tieu(?!\s+(?:chu yeu\s+)?(?:(?:khong|chua|da)\s+)?(?:dat|vuot|hoan thanh)\b)|du kien|(?<!%)(?<!% )(?<!bang )(?<!vuot )(?:ke hoach|kh) (?:nam|giao)|kich ban|dat tu)\b[^.;]{0,60}$"
                            r"|(?<!\()\bke hoach\s*:?\s*$")  # 'kế hoạch 72 xã; ước thực hiện 74 xã': the plan's value
# (not a share's plan: 'đạt 111,9% kế hoạch năm, trong đó xuất khẩu lao động 20.420 người' is done)
# (a bracketed '(kế hoạch 7,2%)' is read by its label, `_bracket_label`)
_REQUIRED = re.compile(r"\b(?:phai|yeu cau)\b[^.;]{0,40}\b(?:toi thieu|it nhat)\s*$")  # 'phải giải ngân tối thiểu'
# a purpose, however long what it names: 'triển khai các biện pháp để bảo đảm tỷ lệ hồ sơ ... đạt tối thiểu 60%'
_PURPOSE = re.compile(r"\b(?:de|nham)\s+(?:bao\s+dam|dam\s+bao)\b[^.;]{0,160}$")


def _aim_list(folded: str, a: int) -> bool:
    """The figure at `a` is an item after ';' of a sentence whose first item states an aim."""
    start = last_stop(folded, a) + 1
    first = folded.find(";", start, a)
    # (an aim met or missed states results: 'Năm 2024, kinh tế ... chưa đạt mục tiêu đề ra; GRDP ước tăng 6,84%')
    return first >= 0 and any(not _AIM_JUDGED.search(folded, max(start, m.start() - 20), m.start())
                              for m in AIM_LEAD.finditer(folded, start, first))


_AIM_JUDGED = re.compile(r"\b(?:dat|vuot|hoan thanh|hut)\s+(?:cac\s+|duoc\s+)?$")


_FROM = re.compile(r"\b(?:tu|len|xuong)\s+(?:con\s+|muc\s+)?$")  # 'từ 32,58% cuối năm 2021', 'xuống còn 17,86%'
_SAME_TIME_BEFORE = re.compile(rf"\b{SO_VOI}{SAME_TIME}\s*\(\s*$")
# '(cùng kỳ tăng 4,95%)', '(cùng kỳ năm 2022 tăng 11,3%)', '(cùng kỳ năm trước đạt 1.981 triệu USD)': in brackets, the
# same time of another year states its own value, the baseline's ('(cùng kỳ năm trước chỉ tăng 2,14%)': an adverb too)
_SAME_TIME_BRACKET = re.compile(rf"\(\s*{SAME_TIME}(?:\s+n[a-z]{{0,2}}m\s+(?:tr[a-z]{{1,3}}c|((?:19|20)\d\d)))?\s*:?\s*"
                                r"(?:(?:chi|cung|van|da|lan luot)\s+)?(?:t[aie]ng|giam|dat|la|uoc dat|thu|chi|thu duoc|don|xuat khau|nhap khau)?\s*"
                                r"(?:khoang\s+)?$")  # ('(cùng kỳ năm 2019 thu 1.968,8 tỷ đồng)': its verb too)
# a sentence whose subject is a plan, framing what follows its colon ('Dự toán ngân sách năm 2025 của tỉnh mới được
# tổng hợp ...: tổng thu ... 17.450 tỷ đồng (khu vực ... 7.300 tỷ đồng)'): every figure after it is the plan's
_PLAN_FRAMED = re.compile(r"\s*(?:du toan|ke hoach|muc tieu|chi tieu)\b(?:(?!\. )[^:]){0,200}:(?!(?:(?!\. ).)*\b(?:thuc hien|giai ngan|uoc dat|da dat|dat duoc)\b)(?:(?!\. ).)*$")
_MARK_AFTER_PERCENT = re.compile(r"(?<=\d%)\d{1,2}(?=\s)")
_NATIONAL_AFTER = re.compile(rf"\s*%?\s*(?:cua\s+)?(?:{NATION})\b")
# a bracket's own label before its value: '(kế hoạch 35%)', '(KH: 1.200 tỷ đồng)', '(mục tiêu năm 2025 là 8%)'
_PLAN_LABEL = re.compile(r"\s*(?:ke hoach|kh|muc tieu|chi tieu|du toan)\b(?:[^()\d,;]|(?:19|20)\d\d)*$")
# the whole country named right before a bracket: 'bình quân chung của cả nước (khoảng 6,2%/năm)'
_NATION_BEFORE = re.compile(rf"\b(?:{NATION})\b[^.;()\d]{{0,20}}\($")


def _bracket_label(folded: str, start: int, a: int) -> str | None:
    """The words between the bracket a figure stands in and the figure ('(kế hoạch ' for '(kế hoạch 35%)'), when
    it opens in the figure's sentence, holds no other number and is still open; None otherwise."""
    o = folded.rfind("(", start, a)
    if o < 0 or ")" in folded[o:a] or re.search(r"\d(?<!(?:19|20)\d\d)", _YEAR_FREE.sub("", folded[o:a])):
        return None
    return folded[o + 1:a]


_YEAR_FREE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_EMPHASIS = re.compile(r"\*\*|__")
_PROVINCE_CITY = re.compile(r"\btinh(\s*,)\s*thanh\b")


# 'cùng kỳ năm' opening the quote or a clause of it ('¹ Cùng kỳ năm 2024, GRDP tăng 9,15%'), not a baseline after a
# comparison ('thấp hơn mức tăng 7,35% của cùng kỳ năm 2022')
# a period inside the circumstances a clause recalls ('trong bối cảnh ... phục hồi sau giai đoạn dịch Covid-19 bùng phát
# mạnh năm 2021, tổng thu ... đạt 67.845,3 tỷ đồng' is 2022's): when, not whose figure
_IN_CONTEXT = re.compile(r"\b(?:sau\s+(?:giai doan|dot|thoi ky|khi)|trong boi canh)\b[^,;.()]{0,80}$")
_OPENS_ON_SAME_SPAN = re.compile(r"(?:^|[,;:.]\s)[^a-z]*cung ky\s+$")


def extract(quote: str, n: int = 1, period: Period | None = None, target: bool = False,
            nouns: set[tuple[str, ...]] | None = None, earlier: list[Figure] | None = None,
            small: bool = False, own: Period | None = None) -> list[Figure]:
    """Figures in `quote`, in order; numbers inside periods, dates and document numbers are left out.
    A table row's figures are its cells, each with the period and kind its column names. A small
    count is kept when it counts what the question asks about (`nouns`: '05 đề tài' for 'bao nhiêu đề tài').
    `earlier`: the figures of the quotes before it, which a footnote's breakdown may be of. `small`: keep a
    small count printed with a leading zero ('09 trường học'), as a claim states it."""
    if cells := table_cells(quote, n, period.year if period else None, own):
        return cells
    printed, quote = quote, _SPLIT_GROUP.sub("\\1.\u00a0", quote)  # same length: offsets hold in both
    quote = _EMPHASIS.sub(lambda m: " " * len(m.group()), quote)  # Markdown's bold ('**386,2 triệu USD**'): no words
    quote = _SPLIT_DECIMAL.sub("\\1\u00a0,", quote)
    folded = fold(quote)  # length-keeping (fold_ocr may drop a letter), so offsets match the quote
    if len(folded) != len(quote):  # folding must keep offsets; fall back to no figures rather than misplace
        return []
    # OCR glues a footnote's mark to a percentage ('đạt 84,2%4 dự toán'): read past it (blanked, same length)
    folded = _MARK_AFTER_PERCENT.sub(lambda m: " " * len(m.group()), folded)
    # 'xếp thứ 15/63 tỉnh, thành trong cả nước': the comma of 'tỉnh, thành' ends no clause
    for m in _PROVINCE_CITY.finditer(folded):
        quote, folded = (x[:m.start(1)] + " " + x[m.end(1):] for x in (quote, folded))
    mentions = find_periods(folded, period.year if period else None, folded=True)
    same_span: list = []
    if own is not None:  # what the quote names relative to its report's period: 'trong tháng', 'lũy kế từ đầu năm'
        relative = find_periods(folded, period.year if period else None, folded=True, own=own)
        # ('Cùng kỳ năm 2024, GRDP tăng 9,15%' in a half-year report's note: the half year of 2024, not a baseline)
        same_span = [m for m in relative if not m.comparison and m.period and m.period.kind == own.kind != "year"
                     and any(x.comparison and m.start < x.end and x.start < m.end for x in mentions)
                     and _OPENS_ON_SAME_SPAN.search(folded, 0, m.start)]
        mentions = [x for x in mentions if not any(m.start < x.end and x.start < m.end for m in same_span)] + same_span
        # (a running total to the report's month, 'Đến hết tháng 10, ... 3.416,2', over the month its words hold)
        # (only a month whose year is unwritten: 'đến hết tháng 01/2026' after 'kế hoạch vốn năm 2025' is when it counts)
        wider = [m for m in relative if any(m.start <= x.start and x.end <= m.end and m.end - m.start > x.end - x.start
                                            and x.year is None for x in mentions)]
        mentions = [x for x in mentions if not any(m.start <= x.start and x.end <= m.end for m in wider)]
        mentions = sorted(mentions + [m for m in relative if (m.relative == "own" or m in wider)
                                      and not any(m.start < x.end and x.start < m.end for x in mentions)],
                          key=lambda m: m.start)
    blocked = [(m.start, m.end) for m in mentions] + not_figures(folded)
    out: list[Figure] = []
    inherited: Period | None = None
    plan_head = None
    numbers = ranges(quote, sorted((m for m in [*NUMBER.finditer(quote), *_FRACTION.finditer(quote)]
                                     if not any(s <= m.start() < e for s, e in blocked)), key=lambda m: m.start()))
    for i, m in enumerate(numbers):
        a, b = m.span()
        value = parse_number(m.group().split("/")[0])  # '80/87 xã': 80 of 87
        if value is None or (re.match(r"\.\s", quote[b:b + 2]) and not quote[:a].strip(" ([")):
            continue  # '2.13. Tiếp tục ...': the item's number, not a figure
        if not quote[:a].strip() and re.fullmatch(r"\d{1,2}", m.group()) and re.match(r" [A-ZĐ][a-zà-ỹ]", quote[b:b + 3]):
            continue  # '13 Trong đó: ...': a footnote's own number printed without its superscript
        after = folded[b:b + 30].lstrip()
        unit_f = unit_at(after)
        asked = counts(quote[b:b + 60], nouns) > 0
        # a claim's small count: '09 trường học', 'chỉ có 2 trong số 18 chỉ tiêu'
        claimed_count = small and bool(_COUNT.match(m.group()) or _OF_TOTAL.match(folded, b))
        if unit_f is None and not re.match(r"\s*%", folded[b:b + 3]) and not asked:
            if not re.search(r"[.,/]", m.group()) and value < 10 and not claimed_count:
                continue  # a bare small integer ('3 khu vực', footnote marks) is no figure; '5/14 tỉnh' is one
        # the unit as printed (offsets match: folding keeps length)
        ua = b + (len(folded[b:b + 30]) - len(after))
        unit = quote[ua:ua + len(unit_f)] if unit_f else None
        before = folded[max(0, a - 40):a]
        # 'Vốn NSTW: 1.687,7 tỷ đồng': a label and its value; the clause is the label's
        lead = quote[:a].rstrip()
        lead = lead[:-1] if lead.endswith(":") else lead
        # (' | ' parts an inline record's cells: 'KH 2024: 312,0 | Giải ngân quý III: 98,6 | Lũy kế 9 tháng: 245,1')
        clause_start = max((lead.rfind(x) + len(x) if x in lead else 0) for x in (";", ". ", ": ", ", ", " | "))
        kind = "result"
        if unit_f == "%" and (_SHARE.match(folded[b:b + 40])
                              and not re.search(r"cung ky|nam truoc", folded[b:b + 25].split(",")[0])
                              or re.search(r"(?<![a-z])bang\s*$", before)):
            # 'đạt 29,8% kế hoạch': a share of the plan; 'bằng 37,6% so với cùng kỳ': the baseline's share, not a
            # change of 37,6%; in a plans part, the share aimed at ('Thu ngân sách 6 tháng đạt trên 50% dự toán')
            # (or one required of it: 'đến hết tháng 8 các địa phương phải giải ngân tối thiểu 50% kế hoạch')
            kind = "target" if (target or _REQUIRED.search(folded, max(0, a - 60), a)) \
                and not re.search(r"(?<![a-z])bang\s*$", before) else "share"
        elif target or _TARGET_BEFORE.search(folded[max(0, a - 80):a]) or _PURPOSE.search(folded[max(0, a - 200):a]) \
                or _aim_list(folded, a) or _PLAN_FRAMED.match(folded, max(last_stop(quote, a) + 1, 0), a):
            kind = "target"
        elif _CHANGE_BEFORE.search(before) or (unit_f in ("%", "diem phan tram") and _AGAINST.match(folded[b:b + 30])):
            kind = "change"
            if re.search(r"(?:\bgi[a-z]m|thap hon)\s*(?:khoang|gan|hon|tren|xap xi)?\s*$", before):
                value = -abs(value)
        indicator = indicator_before(quote, folded, clause_start, a) or (out[-1].indicator if out else "")
        if unit is None and not re.search(r"[.,/]", m.group()) and value < 10 and not asked \
                and not claimed_count \
                and not re.match(r"\s*(?:$|[)|;])", quote[b:b + 3]):
            continue  # a one-digit count is more often a list item or a mark than the answer
        # a figure's period: the last one named before it in its sentence ('tháng 5/2023 ... 286; tính chung 5 tháng ...'), else the quote's
        sent_start = max(last_stop(quote, a), quote.rfind(";", 0, a))
        # (not one inside brackets closed before it: '(năm 2023 đạt 2.846,5 triệu USD), đạt 97,7% kế hoạch' is 2024's)
        named = [x.period for x in mentions if sent_start < x.start and x.end <= a and x.period and not x.comparison
                 and not bracketed(folded, x.start, x.end, a) and not _IN_CONTEXT.search(folded[sent_start + 1:x.start])]
        if not named and (label := _label_periods(folded, mentions, last_stop(quote, a), sent_start)
                          or _subject_periods(folded, mentions, last_stop(quote, a), sent_start)):
            named = label  # '(e) Ước thực hiện cả năm 2025: thu ngân sách ... 34.500 tỷ đồng; tổng mức bán lẻ ... 79.200'
        if not named:  # 'Đến hết tháng 6/2023 có 180 xã ...; tỷ lệ ... đạt 86,4%': a cut-off date frames its sentence
            full = last_stop(quote, a)  # (unless the sentence names the period counted: 'kế hoạch năm 2026 đến hết
            framed = [x for x in mentions if full < x.start and x.end <= a and x.period and not x.comparison]  # tháng 01')
            if framed and all(x.kind == "month" and CUTOFF.search(fold_ocr(folded[max(0, x.start - 20):x.start]))
                              for x in framed):
                named = [framed[-1].period]
        if period is not None and named:  # 'tháng 01' takes its year in its own sentence, else the quote's period's
            # (not from 'năm 2022.' before it; in a sentence opening on the same span a year before, 'Cùng kỳ năm 2024
            # thu ngân sách 6 tháng đạt 6.042', that year's)
            year = next((m.period.year for m in reversed(same_span) if sent_start < m.start and m.end <= a), period.year)
            here = find_periods(folded[sent_start + 1:a], year, folded=True)
            # (a month the report's reading widened to its running total, 'Đến hết tháng 10', stays widened)
            here = [next((replace(w, start=max(0, w.start - sent_start - 1), end=w.end - sent_start - 1)
                          for w in mentions if w.start <= x.start + sent_start + 1 and x.end + sent_start + 1 <= w.end
                          and w.end - w.start > x.end - x.start), x) if x.kind == "month" and x.year is None else x
                    for x in here]
            named = [x.period for x in here if x.period and not x.comparison
                     and not bracketed(folded[sent_start + 1:a], x.start, x.end, a - sent_start - 1)
                     and not _IN_CONTEXT.search(folded[sent_start + 1:sent_start + 1 + x.start])] or named
        # 'kế hoạch vốn năm 2026 đến hết tháng 01/2026: 150 tỷ': a cut-off month after the period named is
        # when it was counted, not the figure's period
        cut = [x.period for x in mentions if sent_start < x.start and x.end <= a and x.kind == "month"
               and CUTOFF.search(fold_ocr(folded[max(0, x.start - 20):x.start]))]
        named = [p for p in named if p not in cut] or named
        # '... so với năm 2024 (71,41 điểm)': a value right after its baseline's period is the baseline's
        just_before = [x for x in mentions if x.end <= a and x.period
                       and re.fullmatch(r"[\s(:]*(?:t[aie]ng|giam)?\s*", folded[x.end:a])]
        if just_before and just_before[-1].comparison and (kind != "change" or "(" in folded[just_before[-1].end:a]):
            # (a change right after it, 'so với cùng kỳ năm 2022 tăng 15 vụ', is this period's; bracketed, 'so với
            # quý I (giảm 7,95%)', the baseline's own)
            named = [just_before[-1].period]
        if _FROM.search(folded, max(0, a - 12), a):  # 'giảm từ 32,58% cuối năm 2021 xuống còn 17,86% cuối năm 2025'
            named = [x.period for x in mentions if x.start >= b and x.period and not x.comparison  # the period printed
                     and re.fullmatch(r"\s*%?\s*(?:(?:cuoi|dau|het)\s*)?", folded[b:x.start])][:1] or named  # right after
        # 'cao hơn mức tăng 7,06% của quý I/2026': a value owned by the period right after it is that period's (so too
        # 'thấp hơn mức tăng 7,35% của cùng kỳ năm 2022': the same time a year before, owning it, is no baseline)
        owner = next((x for x in mentions if x.start >= b and x.period
                      and re.fullmatch(rf"\s*%?\s*cua\s+{SAME_TIME}\s+" if x.comparison else r"\s*%?\s*cua\s+",
                                       folded[b:x.start])), None)
        if owner is not None and owner.comparison:  # (the same span as the sentence's, in the year named)
            span = named[-1] if named else period
            named = [replace(span, year=owner.period.year) if span is not None else owner.period]
        elif owner is not None:
            named = [owner.period]
        elif (span := named[-1] if named else period) is not None and _OF_YEAR_BEFORE.match(folded, b):
            named = [replace(span, year=span.year - 1)]  # '... mức tăng 13,02% của cùng kỳ năm trước': a year before
        fig = Figure(printed[a:b], value, unit, indicator, named[-1] if named else period, kind, n, start=a)
        if _SAME_TIME_BEFORE.search(folded, max(0, a - 30), a) and fig.period is not None:  # '... so với cùng kỳ (551
            fig.period, fig.reference = replace(fig.period, year=fig.period.year - 1), True  # người)': a year before
        elif (same := _SAME_TIME_BRACKET.search(folded, max(0, a - 40), a)) and fig.period is not None:
            year = int(same.group(1)) if same.group(1) else fig.period.year - 1
            fig.period, fig.reference = replace(fig.period, year=year), True
        fig.head = head_of(quote, folded, numbers, i, out, fig, earlier or [])
        if not named and fig.part_of is not None and fig.part_of.n != n:
            inherited = fig.part_of.period  # a footnote's breakdown naming no period: its whole's
        elif not named and fig.part_of is not None and fig.part_of.period is not None and period is not None \
                and period.contains(fig.part_of.period):
            # '... tháng 10 ... 1.124,6 nghìn lượt; trong đó khách quốc tế 186,2' in a quote of 10 tháng: the month's
            fig.period = fig.part_of.period
        if not named and inherited is not None:
            fig.period = inherited
        if _PLAN_BRACKET.search(folded, max(0, a - 60), a):  # 'đạt 99,6% kế hoạch khách quốc tế (850 nghìn
            fig.kind, fig.reference = "target", True  # lượt)': the plan's own figure, what the share is of
        elif kind == "result" and _PLAN_AMOUNT.match(_plan_clause(fig.own or "")):
            # 'Tổng kế hoạch vốn đầu tư công năm 2021 là 2.911,7 tỷ đồng': the plan results are measured against
            fig.kind, fig.reference = "target", True
            plan_head = fig.head
        elif not fig.own and fig.head == plan_head:
            fig.reference = True  # 'tăng 5,4% (150 tỷ đồng)' of that plan: the plan's too
        elif kind == "result" and plan_head is not None and fig.part_of is not None and fig.part_of.head == plan_head:
            # '..., trong đó: vốn ngân sách địa phương 1.250 tỷ đồng' of that plan: a part of the plan is planned
            fig.kind, fig.reference = "target", True
        elif kind == "result" and fig.part_of is not None and fig.part_of.kind == "target" and fig.part_of.n == n \
                and fig.part_of.quote == printed and not fig.part_of.reference:
            # 'Kế hoạch năm 2022: giải quyết việc làm cho 40.000 lao động, trong đó xuất khẩu lao động 15.000 người':
            # a part of a target is targeted too (not of a plan a share is measured against, '... vượt 2,0% kế hoạch
            # năm (3.100 nghìn lượt); trong đó khách quốc tế 121,5 nghìn lượt')
            fig.kind = "target"
        fig.sentence, fig.quote = quote.count(". ", 0, a), printed
        fig.after = printed[b:b + 60]
        if _NATIONAL_AFTER.match(folded, b):
            fig.reference = True  # 'chưa bằng một nửa mức tăng 5,05% của cả nước': the whole country's, compared with
        elif (o := folded.rfind("(", sent_start + 1, a)) > folded.rfind(")", sent_start + 1, a) \
                and NATION_NAMED.search(folded, o, a):
            fig.reference = True  # '... tăng 0,42% (cả nước tăng 0,31% so với tháng trước)': the country's, beside it
        elif (label := _bracket_label(folded, sent_start + 1, a)) is not None:
            # a value in brackets labelled by what it is: '34,2% (kế hoạch 35%)' states the plan; 'cao hơn bình quân
            # chung của cả nước (khoảng 6,2%/năm)' the whole country's, which the clause compares with
            if _PLAN_LABEL.match(label) and fig.kind in ("result", "target"):
                fig.kind, fig.reference = "target", True
            elif _NATION_BEFORE.search(folded, max(0, a - len(label) - 60), a - len(label)):
                fig.reference = True
        if fig.kind == "target" and fig.period is not None and fig.period.kind != "year" \
                and (_YEAR_PLAN.search(folded, max(0, a - 45), a) or _ASSIGNED.search(folded, max(0, a - 60), a)):
            # the year's plan beside a part of it: '6 tháng ... bằng 58,4% dự toán năm (dự toán 9.100 tỷ đồng)'; a
            # plan assigned is the year's ('Dự toán HĐND tỉnh giao 5.617 tỷ đồng' in a note of the nine months' report)
            fig.period = Period("year", fig.period.year)
        # after the unit: the thing counted ('250,95 nghìn lượt khách'); after a share or change the plan or baseline
        fig.context = f"{fig.head} {quote[b:tail_end(quote, numbers, i)]}" if kind in ("result", "target") else fig.head
        out.append(fig)
    return out


def _label_periods(folded: str, mentions: list, full: int, item: int) -> list[Period]:
    """The periods a sentence's opening label names ('Ước thực hiện cả năm 2025: a; b; c'), for a figure of a later item
    of its list (the item starting at `item`, past a ';'): the label frames every item, each naming no period of its own."""
    colon = folded.find(":", full + 1, item)
    if item <= full or colon < 0 or ";" in folded[full + 1:colon]:
        return []
    named = [x for x in mentions if full < x.start and x.end <= colon and x.period and not x.comparison]
    rest = folded[full + 1:colon]
    for x in reversed(named):
        rest = rest[:x.start - full - 1] + " " + rest[x.end - full - 1:]
    # (a label naming only its period, not what is measured: 'Kết quả giải ngân kế hoạch vốn năm 2023 đến hết tháng
    # 01/2023: 45 tỷ đồng; trong đó ...' frames its parts with its own figure's period)
    if {w for w in re.findall(r"[a-z]+", rest) if len(w) > 1} - _LABEL_WORDS:  # (an item's letter: '(e)')
        return []
    return [x.period for x in named]


def _subject_periods(folded: str, mentions: list, full: int, item: int) -> list[Period]:
    """The period the sentence's subject names, for a later item that is only another change of it ('CPI tháng 6/2019
    ... giảm 0,18% so với tháng trước; tăng 1,35% so với tháng 12 năm trước và tăng 2,06% so với cùng kỳ'): the month's
    changes against other baselines, not the report's period."""
    if item <= full or not _CHANGE_ITEM.match(folded, item + 1):
        return []
    first = folded.find(";", full + 1, item + 1)
    return [x.period for x in mentions if full < x.start and x.end <= first and x.period and not x.comparison][-1:]


_CHANGE_ITEM = re.compile(r"\s*(?:va\s+)?(?:uoc\s+)?(?:tang|giam)\s+(?:khoang\s+)?\d")
_LABEL_WORDS = frozenset("uoc thuc hien tinh ca luy ke chung du kien ke hoach nam so lieu trong".split())



# '09 trường học', '05 xã': a small count printed with a leading zero; a list item or a mark has none
_COUNT = re.compile(r"0\d$")
# 'chỉ có 2 trong số 18 chỉ tiêu': a count out of a total is what a claim states
_OF_TOTAL = re.compile(r"\s+(?:trong (?:tong )?so|tren (?:tong )?so)\s+\d")
# OCR splits a thousands group from its number: 'chi cân đối 4. 310,2 tỷ đồng' is 4.310,2, no sentence's end
_SPLIT_GROUP = re.compile(r"(?<![\d.,])(\d{1,3})\. (?=\d{3}(?:,\d|\s+(?:trieu|tri[eé]u|ty|t[yỷ]|nghin|ngh[iì]n|ngan|ng[aà]n)\b))")
# and a space before a percentage's decimal comma: 'tiêm đủ 2 mũi đạt 98 ,98%' is 98,98%
_SPLIT_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}) ,(?=\d{1,3}\s*%)")
# a clause naming a plan's amount, no result of it ('Tổng kế hoạch vốn ... là', not 'Kế hoạch vốn năm 2026 giải ngân')
# ('dự toán chi ngân sách' is the spending plan: 'chi' after the plan's noun names what is planned, not what was spent)
_PLAN_AMOUNT = re.compile(r"[^a-z]*(?:tong )?(?:ke hoach|du toan)\b(?!.*\b(?:giai ngan|thuc hien|da |dat|uoc|thu duoc|(?<!du toan )(?<!ke hoach )chi\b))")  # ('chi', spending: not 'Chính phủ')
LINKING = frozenset("cong gop tong cong so la".split())


def _plan_clause(own: str) -> str:
    """The clause of a figure's own words that says what it is: the last one, or the one before when the last only
    links the figure to it ('Dự toán thu ngân sách năm 2025 do HĐND ba tỉnh giao, cộng gộp là 35.000 tỷ đồng')."""
    parts = fold_ocr(own).rsplit(", ", 2)
    if len(parts) > 1 and set(parts[-1].split()) <= LINKING | HOW_WORDS:
        return ", ".join(parts[-2:])
    return parts[-1]


# a plan of the year named without its number ('dự toán năm (dự toán ', 'kế hoạch cả năm là '), right before the value
# a plan assigned by whoever assigns it, its amount right after ('dự toán Trung ương giao', 'kế hoạch vốn Thủ tướng Chính
# phủ giao:'), no span named between: budgets and capital plans are assigned for a year
_ASSIGNED = re.compile(r"\b(?:du toan|ke hoach)\b(?:\s+(?!thang\b|quy\b|nam\b|dat\b|bang\b)[a-z]+){0,6}\s+giao\s*:?\s*(?:la\s+)?$")
_YEAR_PLAN = re.compile(r"\b(?:du toan|ke hoach|kh|chi tieu|muc tieu)\s+(?:ca\s+)?nam\b(?!\s*(?:19|20)\d\d)"
                        r"[^.;\d]{0,25}$")
# owned by the same span a year before, right after the figure ('mức tăng 13,02% của cùng kỳ năm trước')
_OF_YEAR_BEFORE = re.compile(rf"\s*%?\s*cua\s+{SAME_TIME}\s+n[a-z]{{0,2}}m\s+tr[a-z]{{1,3}}c\b")
# a value in brackets right after the plan it states ('kế hoạch khách quốc tế (850', 'dự toán (3.500')
# (in the plan's own clause: not '... vượt 7,5% kế hoạch, tăng 14,2% so với năm 2020 (1.035 triệu USD)', the baseline's)
_PLAN_BRACKET = re.compile(rf"\b{_LEX.alternation('plan_nouns')}\b(?:[^().;,\d]|(?<!\d)(?:19|20)\d\d(?!\d)){{0,40}}\(\s*$")
