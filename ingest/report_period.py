"""The period a document covers and the next one it plans, read from its title, else its first heading or lead
sentence, else the period its body states most often, else its file name (`covered_periods`). A title's running
total ('tháng 3 và quý I'), a meeting's review, a span of years and a cut-off date each widen or move what the
title names first."""
from __future__ import annotations

import re
from collections import Counter

from .periods import find_periods, year_spans
from .structure import LETTERHEAD, PLAN_WORDS, heading_level, is_caps
from .textnorm import fold_ocr
from .types import Period


_MEETING = re.compile(r"\b(?:phien hop|hoi nghi)\b")
_WHOLE_YEAR = re.compile(r"\bca nam\b(?!\s*(?:\d|nay|truoc|sau|toi))")  # folded; 'cả năm' with no year of its own


def _over_table(lines: list[str], i: int, hints: dict[int, str]) -> bool:
    """Whether line `i` is a table's caption: the next line with text is a table row."""
    k = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
    return k is not None and hints.get(k) == "table"


def covered_periods(title: str, lines: list[str], filename: str, date: str | None = None,
             hints: dict[int, str] | None = None, body_at: int = 0) -> tuple[Period | None, Period | None, str | None]:
    """The period covered, the next one planned, and where it was read: the title; else the first
    heading or lead sentence; else the period the body states most often; else the file name. `body_at`: the line
    after the title."""
    title = _ISSUE.sub(" ", title)
    mentions = [m.period for m in find_periods(title) if m.period and not m.comparison] or _title_span(title, date)
    if mentions and all(p.kind == "year" for p in mentions):
        # 'Kinh tế 11 tháng giữ đà tăng trưởng, phấn đấu hoàn thành 21/23 chỉ tiêu năm 2023': a headline's running total
        # without its year is of the year it names (the year is what the targets are of)
        # (its 'N tháng' is the running total: 'Kinh tế 11 tháng giữ đà' reads as '11 tháng đầu năm')
        bare = re.sub(r"\b(\d{1,2})\s+tháng\b(?!\s*(?:\d|đầu|cuối|năm|/))", r"\1 tháng đầu năm", title)
        filled = [m.period for m in find_periods(bare, mentions[0].year) if m.period and not m.comparison]
        mentions = [p for p in filled if p.kind != "year" and p.year == mentions[0].year][:1] + mentions
    if mentions and mentions[0].year and not any(p.kind == "year" for p in mentions) \
            and _WHOLE_YEAR.search(fold_ocr(title)) and _running_total(mentions[0], [year := Period("year", mentions[0].year)]):
        # 'GRDP quý IV/2023 tăng 9,14%, cả năm Thanh Hóa tăng trưởng 6,62%': the whole year, when the period named ends
        # it, is the report's (not '10 tháng ... đạt 90% dự toán cả năm': the year's plan)
        mentions = [*mentions, year]
    if mentions:
        # 'tháng 3 và quý I năm 2023', 'quý III và 9 tháng năm 2023': a release covers the month and the
        # running total to the same month; the widest is the report's period (the narrower one lies
        # inside it). '9 tháng và ước thực hiện cả năm' ends elsewhere: an estimate, not the period
        own = mentions[0]
        while wider := _running_total(own, mentions):
            own = wider
        if _MEETING.search(fold_ocr(title)):
            # 'Kết luận ... tại phiên họp UBND tỉnh thường kỳ tháng 11 năm 2025', whose lead reads 'để đánh giá tình hình
            # kinh tế - xã hội tháng 11, 11 tháng năm 2025': the month's meeting reviews the running total its lead names
            # (or the bracket under the title that says what it reviews: '(đánh giá kết quả 9 tháng đầu năm ...)')
            lead = next((x for x in lines[body_at:body_at + 7] if len(x) > 80 or x.strip().startswith("(")), "")
            near = [m.period for m in find_periods(lead) if m.period and not m.comparison]
            while wider := _running_total(own, near):
                own = wider
        # 'Họp báo quý III năm 2024' whose first heading reads '... 9 THÁNG NĂM 2024': the same rule,
        # with the first heading that names a period standing in for the title's second half
        # (not a table's caption: 'MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025' over a news story's table frames the table)
        heading = next((x for i, x in enumerate(lines[:80]) if x.strip() and fold_ocr(x).strip() != fold_ocr(title).strip()
                        and (heading_level(x.strip()) or is_caps(x)) and find_periods(x)
                        and not _over_table(lines, i, hints or {})), "")
        # (not a span of days: 'tuần 50 (từ ngày 09/12 đến ngày 15/12/2024)' ends mid-month, and its running total
        # 'lũy kế từ đầu năm' is no year's)
        if heading and not _DAY_SPAN.search(fold_ocr(title)) and (wider := _running_total(own, [m.period for m in find_periods(heading)
                                                       if m.period and not m.comparison])):
            own = wider
        # 'giai đoạn 2021 - 2025': a span of years is reported on up to its last year (a five-year review)
        spans = _year_spans(fold_ocr(title))
        span = next((y for y in spans if y and own.kind == "year" and y[0] == own.year), None)
        if span:
            own = Period("year", span[1])
            # (and a span it plans, '5 năm giai đoạn 2026 - 2030', is no one year planned: its first year is not)
            mentions = [p for p in mentions if not any(y and y[0] <= p.year <= y[1] for y in spans)]
        plan_year = own
        # '... vốn đầu tư công năm 2024 (số liệu đến hết ngày 30/9/2024)': the year's plan, counted to a
        # month's end: the running total to it is what the report gives
        if own.kind == "year" and (cut := _TITLE_CUTOFF.search(fold_ocr(title))):
            day, month, year = (int(g) for g in cut.groups())
            if year == own.year and month < 12 and (day >= 28 or "het" in cut.group()):
                own = next((m.period for m in find_periods(f"{month} tháng đầu năm {year}") if m.period), own)
        # (an earlier period the title also names, '(kèm cập nhật số liệu sơ bộ năm 2024)' on January 2025's report,
        # is updated results, not a plan)
        later = [p for p in mentions if p != own and p != plan_year and not own.contains(p) and p.end > own.end]
        # '11 tháng năm 2025, ước thực hiện cả năm 2025 và dự toán năm 2026': the planned one is named by
        # its plan word; an estimate of the wider period is not a plan
        folded = fold_ocr(title)
        named = [m.period for m in find_periods(folded, folded=True)
                 if m.period in later and _PLAN_BEFORE.search(folded, max(0, m.start - 40), m.start)]
        return own, (named or later or [None])[0], "title"
    # a release or posting date ('Phát hành ngày 06 tháng 10 năm 2025', 'Thứ Sáu, 12/7/2024 - 09:15') says when,
    # not what period: the lead is read without it
    lead = [_undated(x) for x in lines[:60] if x.strip()][:25]
    for i, x in enumerate(lead):
        found = [m.period for m in find_periods(x) if m.period and m.year and not m.comparison]
        if found and not LETTERHEAD.search(fold_ocr(x).strip()):
            source = "heading" if heading_level(x.strip()) or is_caps(x) or len(x) < 120 else "body"
            # the title's rule on the lead: 'phiên họp thường kỳ tháng 6 năm 2024' then '(đánh giá ... 6
            # tháng đầu năm ...)' on the next lines reports the running total to that month
            own = found[0]
            near = [m.period for y in lead[i:i + 3] for m in find_periods(y) if m.period and not m.comparison]
            while wider := _running_total(own, near):
                own = wider
            return own, None, source
    counts = Counter(m.period for x in lines for m in find_periods(x) if m.period and m.year and not m.comparison)
    if counts:
        return counts.most_common(1)[0][0], None, "body"
    name = re.sub(r"[_\-.]+", " ", re.sub(r"\.\w+$", "", filename))
    found = [m.period for m in find_periods(name) if m.period]
    if found:
        return found[0], None, "filename"
    return None, None, None


# a title's planned period is the one a plan word names; in a title 'chỉ tiêu năm 2026' names targets too
# (a heading 'CÁC CHỈ TIÊU CHỦ YẾU' lists results, so it is no plan word of structure's)
_PLAN_BEFORE = re.compile(r"\b(?:" + "|".join(PLAN_WORDS + ("chi tieu",)) + r")\b[^,;.()]*$")


_TITLE_CUTOFF = re.compile(r"\bden (?:het )?(?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})")


def _title_span(title: str, date: str | None) -> list[Period]:
    """A title's period that find_periods leaves out: a school year ('năm học 2023 - 2024': the year it ends
    in), a span of days within one month ('tuần 50 (từ ngày 09/12 đến ngày 15/12/2024)': that month), a
    headline's period without its year ('tăng trưởng 7,86% trong 6 tháng') in the year it was posted (the
    year before when that period would end after the posting)."""
    folded = fold_ocr(title)
    if years := _SCHOOL_YEAR.findall(folded):  # '... năm học 2023 - 2024 và nhiệm vụ năm học 2024 - 2025': the next planned
        return list(dict.fromkeys(Period("year", int(end)) for _, end in years))
    if (spans := _year_spans(folded)) and spans[0]:
        return [Period("year", spans[0][1])]  # 'giai đoạn 2021 - 2025': a review up to its last year
    if (m := _DAY_SPAN.search(folded)) and m.group(2) == m.group(4) and 1 <= int(m.group(4)) <= 12:
        return [Period("month", int(m.group(5)), int(m.group(4)))]
    if date:
        year, month = int(date[:4]), int(date[5:7])
        found = [m.period for m in find_periods(title, year) if m.period and not m.comparison]
        if found and found[0].months()[-1] > month and found[0].year == year:
            found = [m.period for m in find_periods(title, year - 1) if m.period and not m.comparison]
        return found  # (the running-total rule then takes the widest: "quý III ..., 9 tháng ...")
    return []


def _year_spans(folded: str) -> list[tuple[int, int] | None]:
    """(first, last) year of each span of years a folded title names ('giai đoạn 2021 - 2025'), in order. A crop
    season's two years ('vụ Đông Xuân 2025 - 2026') after another period the title names first ('vụ Hè Thu năm 2025 và
    kế hoạch sản xuất vụ Đông Xuân 2025 - 2026') are the season planned, not a span the report covers."""
    first = next((m.start for m in find_periods(folded, folded=True) if m.period), None)
    return [y[2:] if y and not (first is not None and first < y[0] and _SEASON_BEFORE.search(folded, max(0, y[0] - 30), y[0]))
            else None for y in year_spans(folded)]


_SEASON_BEFORE = re.compile(r"\b(?:vu|nien vu|mua vu)\b[^,;.()\d]{0,20}$")


_SCHOOL_YEAR = re.compile(r"\bnam hoc (\d{4})\s*-\s*(\d{4})\b")


_DAY_SPAN = re.compile(r"\btu (?:ngay )?(\d{1,2})/(\d{1,2}) den (?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})\b")


# a date written out or in figures, with a posting time: when a text was issued or posted
_ISSUED = re.compile(r"(?i)\bng[aà]y\s+\d{1,2}\s+th[aá]ng\s+\d{1,2}\s+n[aă]m\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b(?=.{0,12}\b\d{1,2}:\d{2}\b)")


# an issue's number ('Bản tin ... - Số 01/2024') and a release date ('Phát hành ngày 15/01/2024') say which and when,
# not what period
_ISSUE = re.compile(r"(?i)\bsố\s*:?\s*\d{1,4}\s*/\s*\d{4}\b(?!\s*/)"
                    r"|\b(?:phát hành|ban hành|cập nhật|đăng tải|đăng)\s*:?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}\b"
                    r"|\b(?:released|issued|published|updated|posted)\s+(?:on\s+)?[^/|;]{0,25}?\b\d{4}\b"
                    r"|\b\d{1,2}\s+tháng\s+\d{1,2},?\s+\d{4}\s+(?:lúc\s+)?\d{1,2}:\d{2}")  # a post's '31 tháng 10, 2025 lúc 20:15'


def _undated(line: str) -> str:
    return _ISSUE.sub(" ", _ISSUED.sub(" ", line))


def reviewed_year(body: list[str], planned: Period) -> Period | None:
    """The year before a planned year, when the body states that year's results in more than one line."""
    if planned.kind != "year":
        return None
    before = Period("year", planned.year - 1)
    lines = sum(any(m.period == before and not m.comparison for m in find_periods(x)) for x in body)
    return before if lines >= 2 else None


def _running_total(own: Period, periods: list[Period]) -> Period | None:
    """A wider period among `periods` that ends the same month as `own`: the running total to it."""
    return next((p for p in periods if p != own and p.contains(own) and p.months()[-1] == own.months()[-1]), None)
