"""Document metadata from the text itself, whatever its layout: kind, number, date, title, the period
it covers, province and issuer, and where the period and province were read (`*_source`).

Reports come as People's Committee reports with a letterhead, statistics office releases with a bare
title, press releases, news articles retelling a report, department reports and tables. None of these
is assumed: each field is read from the strongest place that states it (letterhead, title, first
heading or lead sentence, the body's agreement) and only last from the file name, which people name
freely ('..._thang-10-2022.txt' for a 10-month release).
"""
from __future__ import annotations

import re

from .issuer import DEPARTMENT, issuer, lead_source, news_source
from .places import find_provinces, report_province
from .report_period import covered_periods, reviewed_year
from .structure import LETTERHEAD, heading_level, is_caps
from .textnorm import fold_ocr

KINDS = [  # folded marker -> display name; the first that heads the document wins
    ("thong cao bao chi", "thông cáo báo chí"),
    ("thong cao", "thông cáo báo chí"),
    ("bao cao", "báo cáo"),
    ("thong bao ket luan", "thông báo kết luận"),
    ("thong bao", "thông báo"),  # (a chairman's conclusions at a meeting: 'THÔNG BÁO' over 'Kết luận của Chủ tịch ...')
    ("ket luan", "kết luận"),  # (a Party committee's conclusions on a conference: 'KẾT LUẬN' over 'HỘI NGHỊ BAN CHẤP HÀNH ...')
    ("bien ban", "biên bản"),  # (the minutes of a press conference or a meeting)
    ("ke hoach", "kế hoạch"),
    ("quyet dinh", "quyết định"),
    ("nghi quyet", "nghị quyết"),
    ("to trinh", "tờ trình"),
    ("cong van", "công văn"),
    ("bai phat bieu", "bài phát biểu"),  # (a chairman's speech at a meeting: 'BÀI PHÁT BIỂU' over 'của đồng chí ...')
    ("dien van", "bài phát biểu"),
]
# where a document's period / province was read, in the words the CLI and the UI show
_EMPHASIS = re.compile(r"(?<!\w)(?:\*{1,3}|_{2,3})|(?:\*{1,3}|_{2,3})(?!\w)")
SOURCE_LABELS = {"title": "tiêu đề", "heading": "đề mục", "body": "nội dung", "filename": "tên tệp",
                 "letterhead": "tiêu đề văn bản", "user": "người dùng sửa"}
DEFAULT_KIND = "báo cáo"  # neutral: answers read 'Theo báo cáo ...' whatever the document was
_NUMBER = re.compile(r"(?i)\bs[oốố6ô0]\s*[:;.]?\s*(\d{1,5})?\s*/\s*([A-ZĐ]{1,6}(?:-[A-ZĐ]{1,8})+)")
_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+n[a-z]{0,2}m\s+(\d{4})")


def extract(lines: list[str], fallback_title: str, filename: str = "", hints: dict[int, str] | None = None) -> dict:
    """Every field with the place it came from; `fallback_title` is used when the text has no title."""
    head = lines[:40]
    folded = [fold_ocr(x).strip() for x in head]
    kind, kind_line = _kind(head, folded)
    paper, after, headline = _masthead(head, folded)
    if kind_line is not None:
        title, title_lines = _title_under(head, kind_line)
        if title[:1].islower() or fold_ocr(title).startswith("cua "):
            # 'BÀI PHÁT BIỂU' over 'của đồng chí Chủ tịch ...' (or 'CỦA ĐỒNG CHÍ ...'): the kind line opens the title
            title = f"{head[kind_line].strip()} {title}"
    elif (subject := _mail_subject(folded)) is not None:
        title, title_lines = _SUBJECT_TAGS.sub("", head[subject].split(":", 1)[1]).strip(), range(subject, subject + 1)
    elif headline is not None:
        title_lines = _headline_lines(head, headline)
        title = " ".join(head[i].strip() for i in title_lines if head[i].strip())
    else:
        title, title_lines = _first_title(head[after:], folded[after:], {i - after: v for i, v in (hints or {}).items() if i >= after})
        title_lines = range(title_lines.start + after, title_lines.stop + after)
    # (a page copied whole posts its time under the menu: the masthead's last line)
    date = _date(folded) or _posted(folded) or (_posted(folded[max(0, after - 12):after]) if after else None)
    period, next_period, period_source = covered_periods(title, lines, filename, date, hints, title_lines.stop)
    if date and period and next_period is None and date < f"{period.year:04d}-{min(period.months()):02d}-01":
        # dated before its period begins, a document can only plan it (an HĐND resolution on next year's
        # plan, a programme): it states targets for that period, no results, unless its body reviews the year
        # before ('Điều 1. Đánh giá tình hình thực hiện kế hoạch ... năm 2024'): then that year is its own
        period, next_period = reviewed_year(lines[title_lines.stop:], period), period
    province, province_source = _province(lines, title, filename)
    news = news_source(lines) or paper or lead_source(lines)
    if kind_line is None:
        # a page posted at a time of day ('Thứ Hai, 08/01/2024 - 06:45') is a news page, named paper or not
        kind = "tin bài" if news or after else "biểu số liệu" if _mostly_table(lines, hints or {}) else DEFAULT_KIND
        if _SPEECH.match(fold_ocr(title or "")):  # 'PHÁT BIỂU CỦA ĐỒNG CHÍ CHỦ TỊCH ... TẠI HỘI NGHỊ ...' as its title
            kind = "bài phát biểu"
    title = _EMPHASIS.sub("", title or "").strip()  # ('**Tình hình ...**' of a Word file saved as Markdown)
    return {"kind": kind, "number": _number(head), "date": date, "title": title or fallback_title,
            "period": period, "next_period": next_period, "period_source": period_source,
            "issuer": issuer(head, folded, province, news), "province": province,
            "province_source": province_source, "title_lines": title_lines}


# an online paper's head: its name ('BÁO ĐIỆN TỬ PHỐ NÚI'), a section path ('Thời sự | Địa phương') and
# the posting time ('Thứ Ba, 10/12/2024 11:45 (GMT+7)'); the headline follows
_POSTED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b.{0,12}\b\d{1,2}:\d{2}\b|\b\d{1,2}:\d{2}\b.{0,12}\b\d{1,2}/\d{1,2}/\d{4}\b")
_PAPER = re.compile(r"^(?:bao|tap chi|dai|cong thong tin)\b|\bdien tu$|\bonline\b|\bbao dien tu\b|\.vn$")


def _masthead(head: list[str], folded: list[str]) -> tuple[str | None, int, int | None]:
    """(the paper's name, index of the first line after the masthead, the headline's index when it stands above
    the posting time) for a news page; (None, 0, None) else. Pages print the headline after the posting time
    or, with the sapo, before the byline ('# Hải Dương: GRDP quý I/2025 tăng 10,26%' ... 'Minh Châu · 05/04/2025
    - 09:12'): a line of six words or more, with a number or period, above it that is neither the paper's name
    nor a section path."""
    seen = [i for i, f in enumerate(folded[:10]) if f][:5]
    posted = next((i for i in seen if _POSTED.search(folded[i])), None)
    if posted is None:
        # a page copied whole: the paper's name, its motto and a menu of one- or two-word items ('Thời sự', 'Kinh tế',
        # 'Đăng nhập') stand above the posting time
        lines = [i for i, f in enumerate(folded[:30]) if f]
        posted = next((i for i in lines if _POSTED.search(folded[i])), None)
        if posted is None or not any(_PAPER.search(folded[i]) for i in lines[:2]):
            return None, 0, None
        name = lines[0] if _PAPER.search(folded[lines[0]]) else lines[1]
        menu = [i for i in lines if i < posted and i != name]
        # the headline above the posting time, under the menu and the section path: 'Lai Châu: Tăng trưởng kinh tế 6
        # tháng đầu năm 2024 ước đạt 7,92%' over 'Ngày đăng: 04/07/2024 08:30' (not the site's notice running there,
        # 'Thông báo: Lịch tiếp công dân định kỳ tháng 12/2024'); else the one under the posting time and the page's
        # tools ('Cỡ chữ: A- A A+ | In bài'), a line that is no sapo ('(laichau.gov.vn) - Sáng 10/12, ...') and ends in
        # no stop or comma (a sapo's wrapped line does)
        headline = next((i for i in reversed(menu[2:]) if _headline(head[i], folded[i]) and not _NOTICE.match(folded[i])),
                        None)
        if headline is None:
            headline = _headline_below(head, folded, lines, posted)
        menu = [i for i in menu if i != headline]
        if sum(_menu_line(head[i], folded[i]) for i in menu) < 0.7 * len(menu):
            return None, 0, None
        return head[name].strip(), max(posted, headline or 0) + 1, headline
    paper = next((head[i].strip() for i in seen if i < posted and _PAPER.search(folded[i])), None)
    headline = next((i for i in seen if i < posted and _headline(head[i], folded[i])), None)
    if headline is None:  # (or under the posting time, past the section path and the page's tools)
        lines = [i for i, f in enumerate(folded[:30]) if f]
        headline = _headline_below(head, folded, lines, posted)
    return paper, max(posted, headline or 0) + 1, headline  # as printed: a paper's name has its own capitals


# a site's running notice or link box above a page's story ('Thông báo: Lịch tiếp công dân ...', 'Tin mới: ...')
_NOTICE = re.compile(r"^(?:thong bao|tin moi|tin nong|tin noi bat|moi nhat|xem them|doc them|su kien|chuyen de)\s*:")
# a sapo's opening: the source in brackets and a dash, or the time of the event ('(BSL) - Chiều 29/9, ...')
_SAPO = re.compile(r"^(?:\([^()]{1,40}\)\s*[-–—]|(?:sang|chieu|toi|ngay|trua)\s+(?:nay|\d{1,2}/\d{1,2})\b)")


def _headline_below(head: list[str], folded: list[str], lines: list[int], posted: int) -> int | None:
    """The headline under the posting time and the page's tools: the first line that is no menu, section path or
    tool line, a line that is no sapo ('(laichau.gov.vn) - Sáng 10/12, ...') and ends in no stop or comma."""
    # (nor a player's line: 'Nghe đọc bài viết 00:00 / 05:12')
    below = next((i for i in lines if i > posted and not _menu_line(head[i], folded[i])
                  and not re.search(r"\d:\d\d\s*/\s*\d", folded[i])), None)
    if below is not None and _headline(head[below], folded[below], digits=False) \
            and len(folded[below].split()) <= 40 and not re.search(r"[.,;]\s*$", head[below]) \
            and not _SAPO.match(folded[below]) and not re.search(r"\d:\d\d", folded[below]) \
            and (not head[below].rstrip().endswith(":") or len(_headline_lines(head, below)) == 2):
        return below
    return None


def _headline_lines(head: list[str], at: int) -> range:
    """The headline's lines: a kicker ending in ':' goes on in the line right under it ('HỌP BÁO KINH TẾ - XÃ HỘI QUÝ
    I/2021:' over 'GRDP không kể dầu khí tăng 3,54%, thu ngân sách đạt gần 26% dự toán'), when that one is a line of
    four words or more that ends in no stop."""
    if head[at].rstrip().endswith(":") and at + 1 < len(head) and len(head[at + 1].split()) >= 4 \
            and not re.search(r"[.;:]\s*$", head[at + 1]) and not _SAPO.match(fold_ocr(head[at + 1]).strip()):
        return range(at, at + 2)
    return range(at, at + 1)


def _headline(line: str, folded: str, digits: bool = True) -> bool:
    """A line of six words or more with a number or period (`digits`) that is neither a paper's name nor a section
    path."""
    return not _PAPER.search(folded) and not _SECTION_PATH.search(line) and len(folded.split()) >= 6 \
        and (not digits or bool(re.search(r"\d", folded)))


def _menu_line(line: str, folded: str) -> bool:
    """A line of a page's menu, section path or tools: five words or fewer, items set apart by '|', '›', '>' or
    short ones by runs of spaces ('Trang chủ   Giới thiệu   Tin tức - Sự kiện')."""
    items = [x for x in re.split(r"\s{2,}|\t", line.strip()) if x]
    return len(folded.split()) <= 5 or bool(_SECTION_PATH.search(line)) \
        or len(items) >= 3 and all(len(re.findall(r"\w+", x)) <= 7 for x in items)


# a portal's or paper's name over its pages ('BỘ CÔNG THƯƠNG', 'CỔNG THÔNG TIN ĐIỆN TỬ - CHUYÊN MỤC TIN ĐỊA
# PHƯƠNG', 'Báo Lào Cai', 'baolaocai.vn'), and the posting line under it ('Ngày đăng: 08/11/2024 | Chuyên mục: ...'):
# no title
_PORTAL = re.compile(r"^(?:bao (?!cao\b)|tap chi |cong thong tin |dai phat thanh|bo (?=[a-z ]{4,30}$)"
                     r"|(?:chuyen muc|ngay dang|dang ngay|tac gia|nguon|cap nhat)\b)|\.vn$")
_SECTION_PATH = re.compile(r"[›»|>]|\]\(")  # 'Trang chủ › Kinh tế', '[Kinh tế](/kinh-te)'
_PATH_STEPS = re.compile(r"\s[›»|>]\s")  # its steps set apart by spaces (an OCR'd 'I' read '|' is no step: 'K|NH TẾ')


_SPEECH = re.compile(r"(?:bai\s+)?(?:phat\s+bieu|dien\s+van)\s+(?:cua|chi\s+dao|tai)\b")


def _kind(head: list[str], folded: list[str]) -> tuple[str, int | None]:
    for i, f in enumerate(folded[:20]):
        if re.match(r"[^\w]*[a-zà-ỹđ]", head[i].strip()):
            continue  # a wrapped sentence's last words ('kế hoạch.' under '... đạt 88,4%') are no kind line
        for marker, name in KINDS:
            # ('BÁO CÁO NHANH', 'BÁO CÁO TÓM TẮT': the kind with how it is made)
            # ('BIÊN BẢN HỌP BÁO': the minutes with what met)
            if re.fullmatch(rf"[^a-z]*{marker}(?: (?:nhanh|tom tat|so bo|chinh thuc|hop bao|hop|hoi nghi))?[^a-z]*", f):
                return name, i
    return DEFAULT_KIND, None


def _number(head: list[str]) -> str | None:
    for x in head[:12]:
        if m := _NUMBER.search(x):
            return f"{m.group(1)}/{m.group(2)}" if m.group(1) else None
    return None


def _date(folded: list[str]) -> str | None:
    for f in folded[:12]:
        if m := _DATE.search(f):
            d, mo, y = (int(g) for g in m.groups())
            return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mo <= 12 else None
    return None


def _title_under(head: list[str], kind_line: int) -> tuple[str, range]:
    """The lines right under 'BÁO CÁO' / 'THÔNG CÁO BÁO CHÍ', up to a blank line or heading (and the
    range of lines, the kind line included)."""
    out: list[str] = []
    end = kind_line + 1
    for i, x in enumerate(head[kind_line + 1:], kind_line + 1):
        s = x.strip()
        if not s:
            if out:
                break
            continue
        if heading_level(s) or len(out) >= 4 or re.fullmatch(r"[-_=*~.\s]{3,}", s):
            break  # (a rule under the title, '-----', ends it)
        # (a text saved from PDF runs on into its lead with no blank line: a long line opening a sentence, 'Thực hiện
        # Quyết định số 34/QĐ-UBND ...', is no wrapped title's, which goes on in lower case or capitals)
        if out and (len(s) >= 80 and re.match(r"[^\W\d_][^\W\d_A-ZÀ-ỸĐ]", s) and s[0].isupper()
                    or fold_ocr(s).startswith("kinh gui")):  # (nor is the addressee: 'Kính gửi: Ủy ban nhân dân tỉnh')
            break
        if not out and LETTERHEAD.search(fold_ocr(s)):
            continue  # the number and the place and date printed under the kind line ('Số: 48/TCBC-PCNB')
        out.append(s)
        end = i + 1
    return _one_line(out), range(kind_line, end)


# a news headline opening with a letterhead's words ('UBND tỉnh họp phiên thường kỳ tháng 6: GRDP ... tăng 7,38%'):
# a sentence's length, a colon and a figure
_HEADLINE = re.compile(r"^(?=(?:\S+\s+){7})[^:]{6,80}:\s.*\d")


def _first_title(head: list[str], folded: list[str], hints: dict[int, str]) -> tuple[str, range]:
    """No kind line: a heading the format marks (Word title / heading 1), else the first line that is not
    letterhead; an all-capitals title wrapped over two or three lines is joined."""
    marked = [i for i in sorted(hints) if i < len(head) and hints[i] in ("h0", "h1")
              and not LETTERHEAD.search(folded[i]) and not DEPARTMENT.match(head[i].strip())]
    start = marked[0] if marked else next(
        (i for i, (x, f) in enumerate(zip(head, folded)) if f and not (LETTERHEAD.search(f) and not _HEADLINE.search(f))
         and not re.fullmatch(r"\([^()]*\)", x.strip())  # ('(Bản ghi theo băng ghi âm, đã được biên tập)': a note)
         and not DEPARTMENT.match(x.strip()) and not _PORTAL.search(f)
         # (a section path is no title: 'Trang chủ > Kinh tế', or one with the posting date)
         and not (_SECTION_PATH.search(x) and re.search(r"\d{1,2}/\d{1,2}/\d{4}", f) or _PATH_STEPS.search(x)
                  and _menu_line(x, f))), None)
    if start is None:
        return "", range(0)
    out = [head[start].strip()]
    caps = is_caps(out[0])
    for x in head[start + 1:start + 3]:
        s = x.strip()
        if not s or (caps and not is_caps(s)) or (not caps and not _continues(out[-1], s)):
            break
        out.append(s)
    end = start + len(out)
    if caps and end < len(head) and head[end].strip()[:1].islower() and len(out) < 4:
        # a capitals title goes on in lower case ('... TẠI HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH' / 'sơ kết công tác 6 tháng
        # đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024'): what it is about, and of which period
        out.append(head[end].strip())
        end += 1
    if _BARE_LABEL.match(folded[start]) and len(out) == 1:
        # 'PHỤ LỤC', a blank line, then what it holds: the label alone names nothing
        end = next((i + 1 for i in range(start + 1, min(start + 4, len(head))) if head[i].strip()), end)
        out = [x.strip() for x in head[start:end] if x.strip()]
    return _one_line(out), range(start, end)


# an e-mail as saved or pasted: its header lines ('From:', 'Subject:', 'Tiêu đề:') open it, the subject names it
_MAIL_HEADER = re.compile(r"^(?:from|to|cc|date|sent|subject|nguoi gui|nguoi nhan|gui luc|ngay gui|tieu de|chu de)\s*:")
_SUBJECT_TAGS = re.compile(r"^\s*(?:(?:re|fw|fwd|tl|chuyen tiep)\s*:\s*|\[[^\]]{0,60}\]\s*)*", re.I)


def _mail_subject(folded: list[str]) -> int | None:
    """The subject line of an e-mail's header block (two header lines or more among the first ten)."""
    found = [i for i, f in enumerate(folded[:10]) if _MAIL_HEADER.match(f)]
    subject = next((i for i in found if re.match(r"(?:subject|tieu de|chu de)\s*:", folded[i])), None)
    return subject if len(found) >= 2 else None


def _continues(prev: str, line: str) -> bool:
    """A sentence-case title wrapped mid-phrase: no closing stop, next line starts in lower case."""
    return not prev.rstrip().endswith((".", ":", "!", "?")) and line[:1].islower()


def _one_line(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(parts)).strip(" ,;")


_BARE_LABEL = re.compile(r"^(?:phu luc|bieu(?: so)?)(?:\s+(?:[ivx]+|\d+[a-z]?))?\s*[.:]?$")


def _posted(folded: list[str]) -> str | None:
    """The date a news page was posted ('Thứ Sáu, 12/7/2024 - 09:15'), as `_date` gives a report's."""
    for f in folded[:12]:  # (under a portal's menu, breadcrumb and search box)
        if m := re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", f) if _POSTED.search(f) else None:
            d, mo, y = (int(g) for g in m.groups())
            return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mo <= 12 else None
    return None


def _province(lines: list[str], title: str, filename: str) -> tuple[str | None, str | None]:
    """Letterhead ('UBND TỈNH ĐỒNG NAI'), the title ('... của tỉnh Đồng Nai'), the body's clear
    majority, the file name: the first that names one."""
    for x in lines[:15]:
        f = fold_ocr(x).strip()
        if (LETTERHEAD.search(f) or DEPARTMENT.match(x.strip())) and (found := find_provinces(f)):
            return found[0], "letterhead"
    if found := find_provinces(title):
        return found[0], "title"
    if body := report_province(lines):
        return body, "body"
    # (else a broadcaster's or a paper's name over its text, in capitals: 'ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH BẠC LIÊU' over a
    # bulletin naming its neighbours more often)
    first = next((x.strip() for x in lines[:3] if x.strip()), "")
    if is_caps(first) and len(found := find_provinces(fold_ocr(first))) == 1:
        return found[0], "letterhead"
    if found := find_provinces(re.sub(r"[_\-.]+", " ", filename)):
        return found[0], "filename"
    return None, None


# a news lead opens with its source: '(Báo Kinh tế Đông Nam Bộ) - Dù ...', '(KTCN) - Theo báo cáo ...'


def _mostly_table(lines: list[str], hints: dict[int, str]) -> bool:
    rows = sum(1 for v in hints.values() if v == "table") + sum(1 for x in lines if x.count("|") >= 3)
    return rows >= 0.4 * max(1, sum(1 for x in lines if x.strip()))
