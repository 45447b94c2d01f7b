"""Find reporting periods in text, clean or OCR-mangled, accented or not.

Works on the folded form (fold_ocr), so 'quý I năm 2022', 'quy I nim 2022' and 'Q1/2022'
all read the same. Used for a report's own period, a section's period, and a question's.
"""
from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass, replace

from tracuu.memo import kept

from .textnorm import SO_VOI, bracket_close, fold_ocr
from .types import Period

# OCR reads 'năm' as nam/nim/ndm/ndam/nédm...; one or two letters between n and m.
NAM = r"n[a-z]{0,2}m"
YEAR = r"((?:19|20)\d\d)"
_QNUM = {"i": 1, "1": 1, "l": 1, "|": 1, "ii": 2, "2": 2, "il": 2, "li": 2, "ll": 2, "11": 2,
         "iii": 3, "3": 3, "ill": 3, "111": 3, "iv": 4, "4": 4, "lv": 4, "|v": 4}
_WORDNUM = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "sau": 6, "chin": 9}

_SEP = r"(?:\s*[/,\-]\s*|\s+)"
_OPT_NAM_YEAR = rf"(?:{_SEP}(?:{NAM}\s+)?{YEAR})?"


@dataclass(frozen=True)
class Mention:
    period: Period | None  # None when the year is missing and no default year was given
    start: int
    end: int
    kind: str
    index: int | None
    year: int | None
    relative: str = ""  # "cuoi" for "6 tháng cuối năm", "bare" for a year written without 'năm', "own" for the report's own ('trong tháng')
    comparison: bool = False  # 'so với cùng kỳ năm 2022': the baseline, not the period of the figure


# crop seasons' names, folded ('vụ Đông Xuân', 'vụ Hè Thu', 'vụ Mùa'; qa.seasons reads a season asked)
SEASON_NAMES = r"dong\s+xuan|he\s+thu|thu\s+dong|chiem\s+xuan|xuan\s+he|chiem|mua|xuan"
# 'so với cùng kỳ', 'so cùng kỳ', 'so với' right before a period; OCR spellings too ('so véi', 'clng ky')
# ('so với vụ Hè Thu năm 2023': a crop season's name may stand between, or a holiday's: 'so với dịp Tết Quý Mão năm 2023')
_COMPARED = re.compile(r"\b" + SO_VOI + r"(?:c[a-z]{1,3}ng\s+k[a-z]\s+|(?:cu[a-z]i|d[a-z]u|h[a-z]t)\s+"
                       rf"|vu\s+(?:{SEASON_NAMES})\s+|(?:dip\s+)?(?:tet|le)(?:\s+[a-z]+){{0,3}}\s+)?$"
                       r"|\bc[a-z]{1,3}ng\s+k[a-z]\s+$")
# 'so với dự toán năm 2025', 'so với kế hoạch giao năm 2023': a plan measured against, not the figure's period
# ('so với thực hiện năm 2022 (18.220 tỷ đồng)' states that year's result: it stays a mention)
# ('một số chỉ tiêu chủ yếu 6 tháng đầu năm 2022' is a few indicators, not a comparison)
_COMPARED_FAR = re.compile(r"(?<!mot )(?<!nhung )(?<!cac )\b" + SO_VOI + r"(?:du\s+toan|ke\s+hoach|muc\s+tieu|chi\s+tieu)\s+(?:[a-z]+\s+){0,3}$")
# 'tăng khoảng 8% so với ước thực hiện năm 2022': the result compared with, whose value the sentence does not give
# (with it, 'so với thực hiện năm 2022 (18.220 tỷ đồng)', the sentence states that year's result: a mention)
_COMPARED_RESULT = re.compile(r"\b" + SO_VOI + r"(?:uoc\s+)?(?:thuc\s+hien|uoc\s+tinh|so\s+uoc)\s+(?:[a-z]+\s+){0,2}$")
_SO = re.compile(r"\b(?:" + SO_VOI + r"|(?:b[a-z]{1,2}ng|h[a-z]n|v[a-z]{1,2}i)\s+)(?:c[a-z]{1,3}ng\s+k[a-z]\s+)?$")

# 'năm học 2021 - 2022', 'niên vụ 2022-2023': a school or crop year spans two calendar years, and is neither;
# 'nhiệm kỳ 2021 - 2026' (an elected body's term) is no period of a figure either
_SPLIT_YEAR = re.compile(rf"\b(?:{NAM}\s+hoc|nien\s+(?:khoa|vu|do)|nhiem\s+ky)\s+{YEAR}\s*[-/]\s*{YEAR}")
_PROGRAMME = re.compile(rf"\bgiai\s+doan\s+{YEAR}\s*-\s*{YEAR}|\b(?:tam\s+nhin|dinh\s+huong)\s+(?:den\s+)?(?:{NAM}\s+)?{YEAR}")
# 'theo giá so sánh 2010', 'giá SS 2010', 'giá cố định năm 2010': the base year of prices, no period of a figure
_PRICE_BASE = re.compile(r"\bgi[a-z]\s+(?:so\s+s[a-z]nh|ss|c[a-z]\s+d[a-z]nh|g[a-z]c)(?:\s+n[a-z]{0,2}m)?\s*$")
_FROM_DATE = re.compile(r"\btu\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*$")
# ('năm tháng đầu năm 2025' is five months: 'năm' as a number only before 'tháng đầu năm')
_NMONTHS = r"(\d{1,2}|hai|bon|nam(?=\s+thang\s+dau\s+nam)|bay|tam|muoi mot|muoi)"
_MONTHWORD = {"hai": 2, "bon": 4, "nam": 5, "bay": 7, "tam": 8, "muoi": 10, "muoi mot": 11}

# what 'cả năm' counts when 'năm' is five ('cả năm huyện', 'cả năm chỉ tiêu'), or the school year
_COUNTED = (r"huyen|xa|tinh|thanh|thi|quan|phuong|nhom|linh|nganh|chi|don|loai|mat|doanh|khu|cum|du|cong|truong|hoc"
            r"|lan|nguoi|ho|dot|thang|quy|tuan|ngay|nam|muc|san|hang|co|khoi|so|ban|trieu|nghin|ty|ngan")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 'từ đầu năm đến hết tháng 8/2024', 'từ đầu năm đến ngày 15/11/2024': the running total from January (to
    # that month, however far into it), however it is asked
    ("from_january", re.compile(rf"\btu\s+dau\s+{NAM}(?:\s+{YEAR})?\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?"
                                rf"(?:thang\s+(\d{{1,2}})\s*(?:/|\s+{NAM}\s+)|ngay\s+\d{{1,2}}\s*/\s*(\d{{1,2}})\s*/)"
                                rf"\s*{YEAR}")),
    # paraphrases of a first or last month/quarter: 'tháng đầu tiên của năm 2026', 'quý đầu năm'
    ("first_month", re.compile(rf"\bthang\s+dau\s+tien(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    # a month named by its place in a quarter: 'tháng đầu tiên của quý I/2026', 'tháng cuối quý II năm 2024'
    ("quarter_month", re.compile(rf"\bthang\s+(dau(?:\s+tien)?|giua|thu\s+(?:hai|2|ba|3)|cuoi(?:\s+cung)?)"
                                 rf"(?:\s+cua)?\s+quy\s+(iv|[i]{{1,3}}|[1-4])(?![a-z0-9]){_OPT_NAM_YEAR}")),
    ("last_month", re.compile(rf"(?<![0-9] )(?<!sau |hai | ba )\bthang\s+cuoi(?:\s+cung)?(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    # quarters counted from January: 'hai quý đầu năm' is the first half, '3 quý đầu năm 2022' nine months
    ("half", re.compile(rf"(?<!nhat trong )\b(?:2|hai)\s+quy\s+dau(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    # (not a ranking's span: 'quý III tăng 11,62%, cao nhất trong ba quý đầu năm')
    ("nine_months", re.compile(rf"(?<!nhat trong )\b(?:3|ba)\s+quy\s+dau(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    ("q1", re.compile(rf"(?<!\b2 )(?<!\b3 )(?<!hai )(?<!\bba )\bquy\s+dau(?:\s+tien)?(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    ("q4", re.compile(rf"\bquy\s+cuoi(?:\s+cung)?(?:\s+cua)?\s+{NAM}(?:\s+{YEAR})?")),
    # cumulative months from January, as statistics releases give them: '10 tháng năm 2022',
    # 'hai tháng đầu năm', 'tính chung 11 tháng' (a bare 'N tháng' needs 'tính chung'/'lũy kế'/'trong')
    # (a table's column writes the year after a slash: 'Ước 8 tháng/2024', '9 tháng/2023 so với cùng kỳ (%)')
    ("months", re.compile(rf"(?<!ngay )(?<![\d/.,])\b{_NMONTHS}\s+thang(?:\s+dau\s+{NAM}(?:\s*{YEAR})?|\s+(?:{NAM}\s+)?{YEAR}"
                          rf"|\s*/\s*{YEAR}(?![0-9]))")),
    # (and a table's column of the estimate or the result: 'Ước 10 tháng: 44.218,9', 'Thực hiện 9 tháng', under a merged
    # header: 'Thực hiện - 7 tháng: 26.418', abbreviated: 'TH 8 tháng', 'ƯTH 8 tháng')
    ("months", re.compile(rf"(?:(?<=chung )|(?<=luy ke )|(?<=trong )|(?<=binh quan )|(?<=cong don )|(?<=sau )|(?<=uoc )"
                          rf"|(?<=thuc hien )|(?<=hien - )|(?<=uoc - )|(?<=ke - )|(?<= th )|(?<=uth ))"
                          rf"\b{_NMONTHS}\s+thang(?!\s+(?:\d{{1,2}}\b(?![.,]\d)|qua|toi|tiep|lien|nua|cuoi|dau))")),
    # a running total stated as such: 'tháng 11 ước đạt 36,2 triệu USD; 11 tháng đạt 386,4', 'thu ngân sách trên
    # địa bàn 8 tháng ước đạt 1.786,4 tỷ đồng' (not a term: 'kỳ hạn 12 tháng đạt', 'sau 6 tháng tăng' is read above)
    ("months", re.compile(rf"(?<!ngay )(?<!han )(?<![\d/.,])\b{_NMONTHS}\s+thang(?=\s+(?:uoc\s+|da\s+)?(?:dat|tang|giam)\b"
                          rf"|\s+uoc\s+(?:thuc\s+hien|tinh)\b)")),  # ('8 tháng ước thực hiện 3.468,7 tỷ đồng')
    # in a report (`own` given), running totals to a date or to the report's end: 'tính đến ngày
    # 30/6/2024', 'đến hết tháng 11/2024', 'lũy kế từ đầu năm' (the report's own span from January)
    ("to_date", re.compile(rf"\b(?:tinh\s+)?den\s+(?:het\s+|cuoi\s+)?(?:ngay\s+)?(?:\d{{1,2}}\s*/\s*|thang\s+)"
                           rf"(\d{{1,2}})\s*/\s*{YEAR}(?![0-9])")),
    # (its year unwritten, the report's: 'Đến hết tháng 10, Hải Dương giải ngân được 3.416,2 tỷ đồng; riêng tháng 10 ...')
    ("to_date", re.compile(rf"\b(?:tinh\s+)?den\s+(?:het|cuoi)\s+thang\s+(\d{{1,2}})(?![0-9/])(?:\s+{NAM}\s+{YEAR})?")),
    ("to_own_end", re.compile(r"\b(?:luy\s+ke|tinh|binh\s+quan)\s+tu\s+dau\s+nam(?:\s+den\s+nay)?|\btu\s+dau\s+nam\s+den\s+nay")),
    # 'trong tháng trồng được 312,4 ha; lũy kế từ đầu năm 2.412,6 ha': the month of a monthly report, beside its total
    ("in_own_month", re.compile(r"\b(?:trong|rieng)\s+thang(?:\s+nay)?\b(?!\s*(?:\d|toi|sau|truoc|qua|[a-z]+\s+\d))")),
    # 6 tháng đầu năm / 6 tháng cuối năm / nửa đầu năm / sáu tháng / giữa năm
    ("half", re.compile(rf"\b(?:6|sau)\s+thang\s+(dau|cuoi)\s+(?:{NAM})?(?:\s*{YEAR})?")),
    ("half", re.compile(rf"\bnua\s+(dau|cuoi)\s+(?:(?:{NAM})(?:\s*{YEAR})?|{YEAR})")),
    ("half", re.compile(rf"(?<!ngay )\b(?:6|sau)\s+thang(?!\s+\d{1,2}\b)(?:\s+(?:{NAM}\s+)?{YEAR}|\s*/\s*{YEAR})?")),
    ("half", re.compile(rf"\bgiua\s+{NAM}(?:\s+{YEAR})?")),
    ("nine_months", re.compile(rf"\b(?:9|chin)\s+thang(?:\s+dau\s+{NAM})?(?:\s*{YEAR}|\s+{NAM}\s+{YEAR}|\s*/\s*{YEAR})?")),
    ("q1", re.compile(rf"\b(?:3|ba)\s+thang\s+dau\s+(?:{NAM})?(?:\s*{YEAR})?")),
    ("q4", re.compile(rf"\b(?:3|ba)\s+thang\s+cuoi\s+(?:{NAM})?(?:\s*{YEAR})?")),
    ("quarter", re.compile(rf"\bquy\s+(iv|lv|\|v|[il1|]{{1,3}}|[2-4])(?![a-z0-9]){_OPT_NAM_YEAR}")),
    ("quarter", re.compile(rf"\bq([1-4])(?:\s*[/\-]\s*|\s+){YEAR}")),
    # a table's column as appendices abbreviate it: 'TH 6T/2024', 'ƯTH 9T 2024', '6TĐN/2025' (months from January)
    ("months", re.compile(rf"(?<![\w/.,])(\d{{1,2}})\s?t(?:dn)?\s*(?:[/\-]\s*|\s+{NAM}\s+|\s+)?{YEAR}(?![0-9])")),
    # (and without the year, as terse bulletins write them, before a colon: 'TMBL 8T: 49.870 tỷ đ' is the report's 8
    # months, 'TMBL T8: 6.385' its August, 'T3/2024' March; a compared one after 'so': '+0,8% so T7')
    ("months", re.compile(r"(?<![\w/.,])(0?[1-9]|1[0-2])t(?=\s*:)")),
    ("month", re.compile(rf"(?<![\w/.,+\-])t(0?[1-9]|1[0-2])(?:\s*/\s*{YEAR}(?![0-9])|(?=\s*:))")),
    ("month", re.compile(r"(?<=\bso )t(0?[1-9]|1[0-2])\b(?![/.,]\d)")),
    # 'tháng 11/2025', 'tháng 11 năm 2025', and as typed in a chat box, 'thang 11 2025'
    ("month", re.compile(rf"\bthang\s+(0?[1-9]|1[0-2])(?![0-9])(?:\s*[/\-]\s*{YEAR}|\s*,?\s+{NAM}\s+{YEAR}"
                         rf"|\s+{YEAR}(?![0-9.,]\d)|(?!\s*/\d))")),
    ("early", re.compile(rf"\bdau\s+{NAM}\s+{YEAR}")),
    # OCR glues a footnote mark to the year ('nam 20226' for 'năm 2022⁶'): 'năm' makes it a year still
    ("year", re.compile(rf"\b(?:ca\s+|ke\s+hoach\s+)?{NAM}\s+{YEAR}(?:\d{{1,2}})?(?![0-9/])")),
    ("bare_year", re.compile(rf"(?<![0-9/.,])(?<!/\s){YEAR}(?![0-9/]|\s*/\s*\d)")),
    # 'ước cả năm đạt 3.126,4 triệu USD', 'phấn đấu kim ngạch xuất khẩu cả năm đạt 370 triệu USD': the whole year the
    # text is of (a report's), its year unwritten (not 'cả năm huyện', all five districts; not 'cả năm học')
    ("whole_year", re.compile(rf"\bca\s+{NAM}\b(?!\s*(?:{YEAR}|/|-))(?!\s+(?:{_COUNTED})\b)")),
]


def _required_text(pattern: re.Pattern) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains ('thang'; '19' or '20' for a year; () when none
    is sure): a substring test skips most of the ~30 regex passes on a sentence, with the same matches."""
    needs: list[tuple[str, ...]] = []

    def literal(items) -> str | None:
        return "".join(chr(arg) for op, arg in items) if all(op is _sre.LITERAL for op, arg in items) else None

    def walk(items) -> None:
        run = ""
        for op, arg in items:
            if op is _sre.LITERAL:
                run += chr(arg)
                continue
            needs.append((run,))
            run = ""
            if op is _sre.SUBPATTERN:
                walk(arg[-1])
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
                walk(arg[2])
            elif op is _sre.BRANCH and all(literal(b) for b in arg[1]):  # '(?:19|20)'
                needs.append(tuple(literal(b) for b in arg[1]))
        needs.append((run,))

    if pattern.flags & re.IGNORECASE:
        return ()
    walk(_sre_parse.parse(pattern.pattern, pattern.flags))
    best = max(needs, key=lambda alts: min(map(len, alts)))
    return best if best != ("",) else ()


def find_periods(text: str, default_year: int | None = None, folded: bool = False,
                 own: Period | None = None) -> list[Mention]:
    """All period mentions in text, longest forms first, without overlaps, in text order.

    `own` is the period of the report the text is from: there, 'tỷ lệ giải ngân cùng kỳ năm 2022'
    (not 'so với cùng kỳ': a baseline) is the report's own span in 2022 ('6 tháng đầu năm 2022').
    Memoised: answering re-reads the same passage sentences for every question, the reading depends
    on the text and arguments only, and one costs ~0.3 ms of regex passes."""
    return list(_read_periods(text, default_year, folded, own))


_GATED = [(kind, pat, frozenset(_required_text(pat))) for kind, pat in _PATTERNS]
_NEEDLES = frozenset().union(*(need for _, _, need in _GATED))

# 'cuối' as OCR reads it ('6 thang cudi nam', 'cu6i', 'cuéi'): no other Vietnamese word is spelt cu?i
_CUOI = re.compile(r"\bcu[a-z0-9]i\b")


@kept(50_000)
def _read_periods(text: str, default_year: int | None, folded: bool, own: Period | None) -> tuple[Mention, ...]:
    """find_periods without the memo."""
    if own is not None and default_year is None:
        default_year = own.year
    t = _CUOI.sub("cuoi", text if folded else fold_ocr(text))  # same length: offsets stay the text's
    taken: list[tuple[int, int]] = [m.span() for m in _SPLIT_YEAR.finditer(t)]
    out: list[Mention] = []
    # 'giai đoạn 2021 - 2025', 'vụ Đông Xuân 2023 - 2024': a span of years is read up to its last year, as a title
    # naming one is (ingest.metadata): neither of its years alone
    for a, b, _, last in (y for y in year_spans(t) if y):
        # (a crop season, 'vụ Đông Xuân 2022 - 2023', is sown in one year and reaped in the next: both stay named)
        if _SPAN_CUE.search(t, max(0, a - 20), a) and not any(a < e and s < b for s, e in taken):
            # (a programme's or a plan's span, 'thực hiện thắng lợi kế hoạch 5 năm 2021 - 2025', is what it
            # covers, not the period of a figure beside it: a question naming only a span still asks of it)
            out.append(Mention(Period("year", last), a, b, "year", None, last, comparison=True))
            taken.append((a, b))
    held = {n for n in _NEEDLES if n in t}
    for kind, pat, need in _GATED:
        if need and held.isdisjoint(need):
            continue
        for m in pat.finditer(t):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            if kind == "to_date" and (own is None or _FROM_DATE.search(t, max(0, s - 30), s)):
                # a question's 'đến cuối tháng 5/2023' is the state on a date (Query.dated), and
                # 'từ 15/12/2022 đến 14/5/2023' a span that does not start in January
                continue
            if kind in ("year", "bare_year") and _PRICE_BASE.search(t, max(0, s - 25), s):
                continue
            if kind == "from_january":
                month, year = int(m.group(2) or m.group(3)), int(m.group(4))
                if not 1 <= month <= 12:
                    continue
                mention = Mention(from_january(month, year), s, e, "months", None, year)
            elif kind == "to_own_end":
                if own is None:
                    continue
                mention = Mention(from_january(own.months()[-1], own.year), s, e, "months", None, own.year, "own")
            elif kind == "in_own_month":
                if own is None or own.kind not in ("month", "months"):
                    continue  # (a quarter's 'trong tháng' may be any of its months)
                month = own.months()[-1]
                mention = Mention(Period("month", own.year, month), s, e, "month", month, own.year, "own")
            else:
                mention = _mention(kind, m, default_year)
            if mention is None:
                continue
            if _COMPARED.search(t, max(0, s - 30), s):
                if own is not None and own.kind != "year" and kind in ("year", "bare_year") \
                        and mention.year is not None and not _SO.search(t, max(0, s - 30), s):
                    mention = replace(mention, period=Period(own.kind, mention.year, own.index))
                else:
                    mention = replace(mention, comparison=True)
            elif _COMPARED_FAR.search(t, max(0, s - 40), s) or _COMPARED_RESULT.search(t, max(0, s - 40), s) \
                    and not re.match(r"\s*\(", t[e:]):
                mention = replace(mention, comparison=True)
            taken.append((s, e))
            out.append(mention)
    # a programme's span or horizon ('Đề án 06 ... giai đoạn 2022 - 2025, tầm nhìn đến năm 2030, trong tháng đã thu
    # nhận 5.919 hồ sơ') says what the programme covers, not the period of a figure after it
    spans = [m.span() for m in _PROGRAMME.finditer(t)]
    out = [replace(m, comparison=True) if any(a <= m.start < b for a, b in spans) else m for m in out]
    out.sort(key=lambda x: x.start)
    return tuple(_shared(m) for m in _borrow_years(out, default_year, t))


# one object per distinct period among the readings kept (thousands of sentences name 'năm 2023'): equal periods
# are one in memory and in the readings file
_SHARED: dict[Period, Period] = {}


def _shared(m: Mention) -> Mention:
    if m.period is None:
        return m
    same = _SHARED.setdefault(m.period, m.period)
    return m if same is m.period else replace(m, period=same)


def _borrow_years(mentions: list[Mention], default_year: int | None, text: str = "") -> list[Mention]:
    """'tháng 01, nhiệm vụ tháng 02 năm 2023': a year-less mention takes the next stated year in its sentence, else
    the one before it in its sentence, else the report's ('... quý III/2023 đạt 1.198,4 tỷ đồng. Lũy kế 9 tháng đạt 4.562,4' in
    2024's report: the 9 months are 2024's, the year before was the baseline's)."""
    out = []
    for i, m in enumerate(mentions):
        if m.year is None:
            # (not the same span named again with its year: '... lũy kế 11 tháng đạt 42.937,5 tỷ đồng, tăng 18,65% so
            # với cùng kỳ (11 tháng năm 2021 đạt 36.188,4 tỷ đồng)' restates it for another year, the baseline's)
            # (nor the baseline's value restated in a bracket: 'quý I ước đạt 6.215,4 tỷ đồng, giảm 2,3% so với quý IV
            # năm 2023 (quý IV năm 2023 đạt 6.361,7 tỷ đồng)' is this year's first quarter)
            nxt = next((n.year for j, n in enumerate(mentions[i + 1:], i + 1) if n.year is not None
                        and n.start - m.end < 120 and not n.comparison and (n.kind, n.index) != (m.kind, m.index)
                        and not (default_year is not None and _SENTENCE_END.search(text, m.end, n.start))
                        and not _restated_baseline(text, mentions[i + 1:j], n)), None)
            # (nor a year in a bracket closed before it: '9 tháng ... tăng 7,42% (cùng kỳ năm 2025 tăng 6,87%), trong
            # đó riêng quý III ước tăng 7,91%' is this year's third quarter)
            prev = next((n.year for n in reversed(mentions[:i]) if n.year is not None and not n.comparison
                         and not (default_year is not None and _SENTENCE_END.search(text, n.end, m.start))
                         and not _aside(text, n.start, m.start)), None)
            y = nxt if nxt is not None else prev if prev is not None else default_year
            if y is not None:
                m = replace(m, period=Period(m.kind, y, m.index))
        out.append(m)
    return out


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def _restated_baseline(text: str, between: list[Mention], n: Mention) -> bool:
    """`n` stands in a bracket right after a comparison with its own period: the baseline's value restated."""
    return any(c.comparison and c.period == n.period for c in between) and bool(text) \
        and bool(re.search(r"\(\s*$", text[:n.start]))


def _aside(text: str, start: int, before: int) -> bool:
    """The mention at `start` is in a bracket that closes before `before`."""
    return bool(text) and bracket_close(text, start, start, before) >= 0


def _year(m: re.Match) -> int | None:
    for g in reversed(m.groups()):
        if g and re.fullmatch(YEAR, g):
            return int(g)
    return None


def _mention(kind: str, m: re.Match, default_year: int | None) -> Mention | None:
    year = _year(m)
    rel = ""
    if kind == "half":
        g1 = m.group(1) if m.re.groups >= 2 and m.group(1) and not m.group(1).isdigit() else "dau"
        rel = g1
        kind, index = "half", 1 if g1 == "dau" else 2
    elif kind == "nine_months":
        index = None
    elif kind in ("q1", "q4"):
        kind, index = "quarter", 1 if kind == "q1" else 4
    elif kind == "quarter":
        # OCR reads the strokes of I, II, III as i, l, 1 or |: their count is the quarter
        token = m.group(1)
        index = _QNUM.get(token) or (len(token) if re.fullmatch(r"[il1|]{1,3}", token) else None)
        if index is None:
            return None
    elif kind == "month":
        index = int(m.group(1))
    elif kind == "quarter_month":
        place, quarter = m.group(1).split()[-1], _QNUM.get(m.group(2))
        if quarter is None:
            return None
        nth = 1 if place in ("dau", "tien") else 3 if place in ("ba", "3", "cuoi", "cung") else 2
        kind, index = "month", 3 * (quarter - 1) + nth
    elif kind in ("early", "first_month"):
        rel = "early" if kind == "early" else ""  # 'đầu năm 2022': January, loosely (a quarter's report may say it)
        kind, index = "month", 1
    elif kind == "last_month":
        kind, index = "month", 12
    elif kind in ("months", "to_date"):
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else _MONTHWORD.get(raw)
        if not n or not 1 <= n <= 12:
            return None
        kind, index = _NAMED.get(n, ("months", n))
    elif kind == "whole_year":  # ('cả năm': the year of its sentence or report, borrowed)
        kind, index, rel = "year", None, "whole"
    else:  # year / bare_year
        rel = "bare" if kind == "bare_year" else ""  # '2023' alone: maybe a name ('Tết Quý Mão 2023')
        kind, index = "year", None
        if year is None:
            return None
    y = year if year is not None else default_year
    period = Period(kind, y, index) if y is not None else None
    return Mention(period, m.start(), m.end(), kind, index, year, rel)


# one period, one name: 3 months from January is quý I, 6 the first half, 12 the year
_NAMED = {1: ("month", 1), 3: ("quarter", 1), 6: ("half", 1), 9: ("nine_months", None), 12: ("year", None)}


def from_january(month: int, year: int) -> Period:
    """The running total from January to `month`, by its usual name."""
    kind, index = _NAMED.get(month, ("months", month))
    return Period(kind, year, index)


def parse_period(text: str, default_year: int | None = None) -> Period | None:
    """The main period a short text (a title, a heading, a question) is about."""
    for mention in find_periods(text, default_year):
        if mention.period is not None:
            return mention.period
    return None


def spoken_periods(text: str, own: Period | None) -> tuple[Period, ...]:
    """The periods a passage of a report of period `own` speaks of, in order, once each; a baseline ('so với
    cùng kỳ năm 2022') is not one of them, 'cùng kỳ năm 2022' alone is (the report's span a year before).
    Read once at ingest and stored with the passage (`Passage.mentions`). An unwritten year ('cả năm') dates the
    figure after it, not the passage: a plans part's 'phấn đấu giảm tỷ lệ hộ nghèo cả năm 3%' does not make its
    paragraph the year's."""
    return tuple(dict.fromkeys(m.period for m in find_periods(text, own=own)
                               if m.period and not m.comparison and m.relative != "whole"))


# the words that make two years one span: 'giai đoạn 2021 - 2025', 'thời kỳ ...', '5 năm 2026 - 2030'
_SPAN_CUE = re.compile(r"\b(?:giai\s+doan|thoi\s+ky|\d{1,2}\s+nam)\s*\(?\s*$")
# 'giai đoạn 2021 - 2025', '5 năm 2026 - 2030': a span of years (a school year or a term is read apart)
_YEAR_SPAN = re.compile(r"(?<!nam hoc )(?<!nhiem ky )\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b")


def year_spans(folded: str) -> list[tuple[int, int, int, int] | None]:
    """(start, end, first year, last year) of each span of years a folded text names, in order; None for one
    that is no span of up to ten years ('2010-2035' is a horizon, '2025-2024' no span)."""
    return [(m.start(), m.end(), a, b) if 0 < (b := int(m.group(2))) - (a := int(m.group(1))) <= 10 else None
            for m in _YEAR_SPAN.finditer(folded)]
