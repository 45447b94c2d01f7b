"""Recover paragraphs, headings and footnotes from lines of a report (clean or bad OCR).

OCR reports wrap at ~80 columns, put page-bottom footnotes (wider lines, a number glued to
the first word) in the middle of a sentence, and mangle heading numerals ('|.' for 'I.').
Clean reports hold one paragraph per line. Both come out as Paragraphs with a section path.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .textnorm import fold_ocr

_PART = re.compile(r"^\s*(?:phan|phan thu)\s+(\S+)\s*(.*)$")
# ('I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023': a Party committee's documents number their parts with a hyphen)
_ROMAN = re.compile(r"^\s*((?:[IVX]{1,4}|\||Il|Ill|lI|IIl|IlI|lV))\s*(?:[.,]|-(?=\s))\s*(\S.*)$")
_ARABIC = re.compile(r"^\s*[~*•]?\s*(\d{1,2}\.(?:\d{1,2}\.)?)\s*([^\d\s].*)$")
# OCR reads the '.' of '5. Công tác ...' as ','; a capital after it tells it from '5, 6 và 7'
_ARABIC_COMMA = re.compile(r"^\s*(\d{1,2}),\s+([A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ].*)$")
_CAPS_HEAD = re.compile(r"^\s*[IVXLl|1]{1,4}\s*[.,]\s*(\S.{8,})$")
_LETTER = re.compile(r"^\s*([a-zđ¢])\)\s*(\S.*)$")
# (its title may follow on the same line: 'PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 ...', 'Phụ lục 2. Biểu tổng hợp')
# ('Biểu số 01', 'PHỤ BIỂU: ...', 'Biểu 2. ...' too: the annexed tables after the signature are no part of the plans
# part above it)
_APPENDIX = re.compile(r"^\s*\**\s*(?:phu luc|phu bieu|bieu(?=\s+(?:so\s+)?[ivxl\d]{1,4}\b))(?:\s+(?:so\s+)?[ivxl\d]{1,4})?"
                       r"\s*(?:[.:]|\s[-–]\s+\S.*|[.:]\s*[^\s.].*)?\**\s*$")
# a resolution's or decision's articles ('Điều 1. Đánh giá ... năm 2022', 'Điều 2. Mục tiêu ... năm 2023'): top parts
_ARTICLE = re.compile(r"^\s*dieu\s+\d{1,3}\s*[.:]\s*\S")
# 'A. KẾT QUẢ THỰC HIỆN NĂM 2023', 'B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024': parts above the Roman-numbered sections
_CAP_LETTER = re.compile(r"^\s*[A-H]\s*[.)]\s+(\S.{5,})$")
_RULE = re.compile(r"^_{5,}$")
LIST_ITEM = re.compile(r"^\s*[-–+•*»›▪►◦]\s*\S")
# A footnote at a page bottom: its number, then a word or '(' glued or after one space;
# OCR turns a superscript 1 into '!' or "'".
_FOOTNOTE = re.compile(r"^\s*(\d{1,3}|!|')\s?(?=[(A-ZĐÂĂÊÔƠƯ\\])")
# or its number in brackets, under the rule above the notes: '(3) Trong đó thu tiền sử dụng đất ...', '[4] Riêng ...'
_BRACKET_FN = re.compile(r"^\s*(?:\((\d{1,2})\)|\[(\d{1,2})\])\s*\S")
# clean exports keep footnote marks as superscript digits: '⁵ Điện sản xuất ...'
_SUPER_FN = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S")
_SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TO_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LEADING_NUMBER = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})(?!\d)")
_TERMINAL = (".", ":", ";", "!", "?", "…")
_FIGURE_IN_LINE = re.compile(r"(?<![\w/-])\d+(?:[.,]\d+)+(?![\d/])|(?<![\w/-])\d+\s*%")
PLAN_WORDS = ("nhiem vu", "ke hoach", "muc tieu", "giai phap", "dinh huong", "phuong huong", "du toan")
# 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', 'TÌNH HÌNH THỰC HIỆN DỰ TOÁN', 'ƯỚC THỰC HIỆN CẢ NĂM ... VÀ GIẢI PHÁP':
# a plan word after these reports how the plan went, not the plan
_RESULT_LEAD = re.compile(r"\b(?:ket qua|tinh hinh|thuc hien|danh gia|uoc)\b")

# letterhead and signature lines: never a title ('ỦY BAN NHÂN DÂN', 'CỘNG HÒA ...', 'Số: 12/BC-UBND',
# 'Đồng Nai, ngày ...', 'CỤC THỐNG KÊ TỈNH ĐỒNG NAI', 'SỞ TÀI CHÍNH', 'TỈNH NGHỆ AN', '-----')
LETTERHEAD = re.compile(
    r"^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|khoa [ivxl]+\b|ky hop thu|cong hoa xa hoi|doc lap\W|(?:tong |chi )?cuc thong ke|thong ke tinh|"
    r"so\s*[:;.]|s[o0]\s*:|(?:tinh|thanh pho|tp\.?)\s+[a-z ]{2,25}$|[^,]{2,40},\s*ngay\b|ngay\s+\d|kinh gui|"
    r"noi nhan|tm\.|tl\.|kt\.|van phong\b[^\d.]{0,60}$|ban quan ly\b[^\d.]{0,80}$|ban\s+[a-z]+(?:\s+[a-z]+){0,3}$)|^[\W_]*$")


def _next_note(cur: Paragraph, number: str) -> bool:
    """Under a page's rule, a line opening with the number after the note before it starts the next note, however
    short ('1 IIP ... tang 6,82%.' then '2 Du toan HDND ...', no blank line between)."""
    return cur.kind == "footnote" and (cur.footnote_no or "").isdigit() and number.isdigit() \
        and int(number) == int(cur.footnote_no) + 1


def footnote_number(text: str) -> str | None:
    """The number a footnote starts with ('⁷ Hữu Lũng...' -> '7', '5 Toan tinh...' -> '5')."""
    m = _LEADING_NUMBER.match(text)
    return m.group(1).translate(_SUPER_DIGITS) if m else None


def cites_footnote(text: str, number: str) -> bool:
    """`text` carries the mark of footnote `number`: superscript ('huyện⁷') or glued by OCR to a word ('mdi7'; not
    to one letter, which is OCR's reading of a word: 'sửa đổi' printed 'stra d61')."""
    sup = number.translate(_TO_SUPER)
    # (a superscript run is one mark: '¹¹' is note 11's, not note 1's)
    # (or in brackets glued on: 'lên 397 xã(2)', 'tăng 31,5%(3);', not an enumeration's ' (2) ...'; or square ones,
    # glued or after a space: '2.315,6 tỷ đồng[4]', 'tăng 5,42% [1]')
    return bool(re.search(rf"[^\W\d]{{2}}{re.escape(number)}(?!\d)|[^\s(]\({re.escape(number)}\)"
                          rf"|[^\s\[]\s?\[{re.escape(number)}\]"
                          rf"|(?<![⁰¹²³⁴⁵⁶⁷⁸⁹]){re.escape(sup)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", text))


@dataclass
class Paragraph:
    lines: list[tuple[int, str]]  # (0-based line index, stripped text)
    section: list[str]
    kind: str = "body"  # body | footnote | table | list
    footnote_no: str | None = None
    levels: list[int] = field(default_factory=list)  # heading level of each section entry
    section_heads: list[str] = field(default_factory=list)  # raw heading text, for period parsing

    @property
    def first(self) -> int:
        return self.lines[0][0]

    @property
    def last(self) -> int:
        return self.lines[-1][0]


def is_wrapped(lines: list[str]) -> bool:
    """OCR/PDF text wraps paragraphs at a fixed width; clean exports hold a paragraph per line."""
    lengths = [len(x) for x in lines if x.strip()]
    if len(lengths) < 10:
        return False
    long_share = sum(n > 160 for n in lengths) / len(lengths)
    return long_share < 0.05 and 50 <= statistics.median(lengths) <= 110


_CELLS = re.compile(r"\t\s*[-+]?\d[\d.,]*\s*%?\s*\t")


def heading_level(line: str) -> tuple[int, str] | None:
    """(level, title) for a heading line, None otherwise. 0 part, 1 roman, 2 '1.', 3 '1.1.', 4 'a)'."""
    if _CELLS.search(line):  # a table row saved with tabs ('I. XUẤT KHẨU\t412,6\t425,8'): no heading
        return None
    folded = fold_ocr(line)
    if _APPENDIX.match(folded):  # 'PHỤ LỤC', 'Phụ lục I', 'PHỤ LỤC SỐ 01' after the signature: a part of its own
        return 0, line.strip()
    if m := _PART.match(folded):
        token = m.group(1).rstrip(".:,-")  # 'PHẦN I. KẾT QUẢ ...', 'Phần II:'
        if re.fullmatch(r"[ivxl|1]{1,4}|thu\s+\w+|nhat|hai|ba", token) or token.startswith("thu"):
            return 0, line.strip()
    if (m := _CAP_LETTER.match(line)) and is_caps(m.group(1)):
        return 0, line.strip()
    if m := _ROMAN.match(line):
        return 1, line.strip()
    if _ARTICLE.match(folded):
        return 1, line.strip()
    # OCR reads 'II.'/'III.' as 'I1.', 'L.', even '1.'; an all-caps title tells a top-level heading
    if (m := _CAPS_HEAD.match(line)) and is_caps(m.group(1)):
        return 1, line.strip()
    if m := _ARABIC.match(line):
        return (3 if m.group(1).count(".") == 2 else 2), line.strip()
    if _ARABIC_COMMA.match(line) and not line.rstrip().endswith("."):  # a heading has no full stop
        return 2, line.strip()
    if m := _LETTER.match(line):
        return 4, line.strip()
    return None


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def build_paragraphs(lines: list[str], hints: dict[int, str] | None = None) -> list[Paragraph]:
    hints = hints or {}
    # (a table's rows, rendered one line each with their headers, are no lines of the text's own width)
    prose = [x for i, x in enumerate(lines) if hints.get(i) not in ("table", "running")]
    wrapped = is_wrapped(prose)
    width = _typical_width(prose) if wrapped else 0
    stack: list[tuple[int, str]] = []  # (level, title)
    out: list[Paragraph] = []
    cur: Paragraph | None = None
    in_footnote = False
    pending_part: int | None = None  # a 'Phần I' line whose title is on the next line

    def section() -> tuple[list[str], list[int]]:
        return [t for _, t in stack], [lvl for lvl, _ in stack]

    def close():
        nonlocal cur
        if cur is not None and cur.lines:
            out.append(cur)
        cur = None

    def push(level: int, title: str):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, _short_title(title)))

    def start(i: int, text: str, kind: str = "body", fn: str | None = None):
        nonlocal cur
        close()
        sec, lv = section()
        cur = Paragraph([(i, text)], sec, kind, fn, lv)

    for i, raw in enumerate(lines):
        text = raw.strip()
        hint = hints.get(i)
        if hint == "running":  # a page's header or footer (ingest.running_lines): the text goes on past it
            continue
        if not text:
            close()
            in_footnote = False
            continue
        if pending_part is not None and is_caps(text) and stack:
            # a heading whose title runs on (or starts) on the next all-caps line
            level, title = stack[-1]
            stack[-1] = (level, _short_title(title + " " + text))
            pending_part = None
            continue
        pending_part = None
        if hint and hint.startswith("h"):
            close()
            push(int(hint[1:]), text)
            continue
        if hint == "table":
            start(i, text, "table")
            close()
            continue
        if _INTERVIEW_QUESTION.match(text) and not in_footnote:
            # an interviewer's question ('PV: Du lịch ... kết quả cụ thể ra sao thưa ông?') heads the answer below it,
            # which may not name what it is about ('Tám tháng, toàn tỉnh đón khoảng 7,32 triệu lượt khách')
            close()
            push(_INTERVIEW_LEVEL, text.strip("*#_ "))
            continue
        if stack and stack[-1][0] == _INTERVIEW_LEVEL and _INTERVIEWER.match(text):
            close()
            stack.pop()  # 'PV: Xin cảm ơn ông!': the interview ends; what follows is no answer to its last question
        head = heading_level(text)
        body = re.sub(r"^\s*[~*•]?\s*\d{1,2}(?:[.,]\d{1,2})*[.,)]?\s*", "", text)  # the item's number is no figure
        if head and head[0] >= 2 and (text.rstrip().endswith(".") or _FIGURE_IN_LINE.search(body)):
            head = None  # '1. Phấn đấu tăng trưởng GRDP năm 2024 đạt 7 - 7,5%; ...': a numbered item of content
        if head and not in_footnote and (cur is None or _ends_sentence(cur.lines[-1][1]) or head[0] <= 1):
            level, title = head
            close()
            push(level, title)
            if (level == 0 and len(text) < 25) or (level == 1 and is_caps(text)):
                pending_part = i
                continue
            # a numbered item that is itself a paragraph ('1. Tiếp tục ... ' wrapping on)
            if len(text) > 120 or (wrapped and len(text) >= 0.8 * width and not _ends_sentence(text)):
                start(i, text)
            continue
        if _RULE.match(text):  # '_______________': the rule above a page's footnotes ends the text before it
            close()
            in_footnote = True
            continue
        if wrapped and (cur is None or _ends_sentence(cur.lines[-1][1])) and (m := _FOOTNOTE.match(text)) \
                and (len(text) > width + 8 or cur is None or _next_note(cur, m.group(1))):
            start(i, text, "footnote", m.group(1).replace("!", "1").replace("'", "1"))
            in_footnote = True
            continue
        if wrapped and in_footnote and (m := _BRACKET_FN.match(text)):
            start(i, text, "footnote", m.group(1) or m.group(2))  # '(3) Trong đó ...' under the rule, however the note
            # before ended
            continue
        if wrapped and (m := _SUPER_FN.match(text)) and (cur is None or in_footnote or _ends_sentence(cur.lines[-1][1])):
            # a note a superscript opens ('⁴ Trong đó vốn do cấp tỉnh quản lý ...') under wrapped text: a note of its own,
            # though the one before wrapped onto a line of its own ('... cấp huyện giải ngân 636 tỷ' / 'đồng.')
            start(i, text, "footnote", m.group(1).translate(_SUPER_DIGITS))
            in_footnote = True
            continue
        if in_footnote and cur is not None and (raw[:1].isspace() or (cur.lines[-1][1].endswith(".") and text[:1].islower())):
            # the body text resumes under the footnotes (OCR indents it by one space)
            in_footnote = False
            start(i, text)
            continue
        if LIST_ITEM.match(text) and not in_footnote:
            if cur is not None and _leads_into(cur, lines, raw):
                cur.lines.append((i, text))  # '• Tổng mức bán lẻ ...:' then '  - 10 tháng: 1.006.458 tỷ đồng'
                continue
            if cur is not None and cur.kind == "list" and len(cur.lines) <= 3 and _RUNNING_ON.match(fold_ocr(text)):
                # '- Tổng mức bán lẻ ... tháng 02/2024 ước đạt 2.965,4 tỷ đồng' then '- Lũy kế 02 tháng ước đạt 5.792,1 tỷ
                # đồng': the running total names no indicator of its own; it is the item above's
                cur.lines.append((i, text))
                continue
            start(i, text, "list")
            continue
        if not wrapped:
            if m := _SUPER_FN.match(text):
                start(i, text, "footnote", m.group(1).translate(_SUPER_DIGITS))
            elif in_footnote and (m := _BRACKET_FN.match(text)):
                start(i, text, "footnote", m.group(1) or m.group(2))  # under the rule: '(3) Trong đó thu tiền ...'
            elif text[:1].islower() and _SUPER_FN.match(_next_text(lines, i)):
                start(i, text, "footnote")  # the tail of a footnote begun on the previous page
            elif cur is not None and cur.kind in ("body", "list") and lines[i - 1].strip() \
                    and _continues_line(cur.lines[-1][1], text):
                # a line wrapped mid-sentence in an otherwise unwrapped text (a list item's too: '- Du lịch: ... (cùng
                # kỳ' / 'chịu ảnh hưởng của dịch COVID-19), ...')
                cur.lines.append((i, text))
            elif cur is not None and cur.kind == "body" and lines[i - 1].strip() \
                    and _indent(raw) >= _indent(lines[cur.lines[0][0]]) + 2 and not _ITEM_MARK.match(text) \
                    and not is_caps(cur.lines[0][1]):
                # lines indented under a line are its record ('Dự án 4. Nâng cấp tuyến đê biển số 5' over '    KH 2024:
                # 312,0 | Giải ngân quý III: 98,6 | Lũy kế 9 tháng: 245,1'): what they state is of the item above (an
                # indented item of its own, 'a) Thu từ doanh nghiệp ...', stays one)
                cur.lines.append((i, text))
            else:
                start(i, text)
            continue
        if cur is None:
            start(i, text, "footnote" if in_footnote else "body")
            continue
        prev = cur.lines[-1][1]
        if _ends_sentence(prev) and (_ITEM_MARK.match(text) or len(prev) < 0.75 * width and text[:1].isupper()):
            start(i, text)  # a new sentence on a new line, or the next item of a list ('b) GRDP bình quân ...')
            continue
        if _subheading(cur, prev, text, width):
            # a news story's subheading over its paragraph ('Xuất khẩu: Hải Dương lần đầu vượt 9 tỷ USD sau 10 tháng'): a
            # line of its own, not the paragraph's first sentence ('Thông qua 24 nghị quyết, lấy phiếu tín nhiệm 29 chức
            # danh' may be all the story says of it); no section, whose period would frame the story's box below it
            start(i, text)
            continue
        cur.lines.append((i, text))
    close()
    return _rejoin_split_sentences(out)


def _subheading(cur: Paragraph, prev: str, text: str, width: int) -> bool:
    """A short line of its own, no stop at its end, over a capitalised line of the text's width: a subheading."""
    return (cur.kind == "body" and len(cur.lines) == 1 and not prev.rstrip().endswith((*_TERMINAL, ",", "-"))
            and not is_caps(prev) and not LETTERHEAD.search(fold_ocr(prev)) and len(prev.split()) >= 4
            and len(prev) < 0.75 * width and text[:1].isupper() and len(text) >= 0.75 * width)


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


# a list item stating only a running total: a period from January, then straight its verb ('- Lũy kế 02 tháng ước đạt
# 5.792,1 tỷ đồng', '- Tính chung 5 tháng tăng 8,1%'), no indicator named
_RUNNING_ON = re.compile(r"\s*[-–+•*»›▪►◦]\s*(?:luy ke|tinh chung|cong don|ca)(?:\s+tu\s+dau\s+nam)?\s+(?:\d{1,2}|hai|ba|bon|"
                         r"nam|sau|bay|tam|chin|muoi|muoi mot)\s+thang(?:\s+dau)?(?:\s+nam)?(?:\s*/?\s*(?:19|20)\d\d)?\s*[,:]?"
                         r"\s*(?:uoc\s+|da\s+)?(?:dat|tang|giam|thuc hien)\b")


# an interviewer's question on a line of its own, ending with its question mark (bold or not): not 'Phóng viên: Báo
# Yên Bái, Đài ...' (who attended)
_ASKER = r"(?:PV|P\.V|Phóng viên|Hỏi)\s*:"
_INTERVIEW_QUESTION = re.compile(rf"\s*(?:\*\*|__)?\s*{_ASKER}.*\?\s*(?:\*\*|__)?\s*$")
_INTERVIEWER = re.compile(rf"\s*(?:\*\*|__)?\s*{_ASKER}")
# ... and as the section heading it becomes (its marks stripped), for the answers to read
INTERVIEW_HEADING = re.compile(rf"{_ASKER}.*\?$")
_INTERVIEW_LEVEL = 7  # under any section the report numbers


_BREAKDOWN = re.compile(r"\b(?:trong do|bao gom|gom co|gom|cu the|nhu sau|chia ra)\s*:\s*$")


def _leads_into(cur: Paragraph, lines: list[str], raw: str) -> bool:
    """A sub-item under a short line that ends with ':' belongs to it: the lead-in names the indicator, the
    sub-items give its figures ('Giải ngân vốn đầu tư công ..., trong đó:' then '- Khu vực ...: 2.216,8 tỷ
    đồng'). The sub-item is indented under the lead-in, or the lead-in is a sentence of its own that states a
    figure or announces a breakdown ('trong đó:', 'gồm:'); a bare 'Nhiệm vụ trọng tâm:' leads a list of items
    of their own. Kept short: a long list stays items of its own."""
    # (the lead-in may wrap: 'Tổng thu ngân sách ... bằng 87,6% dự' / 'toán năm ...; trong đó:' then '• Thu nội địa: ...')
    k = next((j for j, (_, t) in enumerate(cur.lines) if j and LIST_ITEM.match(t)), len(cur.lines))
    first_i, first = cur.lines[0]
    lead = " ".join(t.strip() for _, t in cur.lines[:k])
    under = _indent(raw) > _indent(lines[first_i]) or cur.kind == "body" and not LIST_ITEM.match(first) and (
        bool(_BREAKDOWN.search(fold_ocr(lead))) or bool(_FIGURE_IN_LINE.search(lead)))
    return (lead.endswith(":") and len(lead) <= (160 if k == 1 else 320) and k <= 3 and under
            and len(cur.lines) - k <= 3 and all(LIST_ITEM.match(t) for _, t in cur.lines[k:]))


def _continues_line(prev: str, text: str) -> bool:
    """`text` carries on the sentence `prev` left open: it starts lower-case, or with a number right
    after a word ('... tiêu dùng tháng' / '6/2023 ước đạt 21.380 tỷ đồng'), not with an item's number."""
    if _ends_sentence(prev) or prev.rstrip().endswith(":"):
        return False
    return text[:1].islower() or (text[:1].isdigit() and prev.rstrip()[-1:].isalpha() and not _NUMBERED.match(text))


def _next_text(lines: list[str], i: int) -> str:
    return next((x.strip() for x in lines[i + 1:] if x.strip()), "")


def _rejoin_split_sentences(paras: list[Paragraph]) -> list[Paragraph]:
    """A sentence cut by a page break resumes after the footnotes, starting lower-case or with a number
    ('... kế hoạch vốn năm' / footnotes / '2023 đến hết tháng 01/2023 là 45 tỷ đồng'): rejoin it."""
    out: list[Paragraph] = []
    for p in paras:
        first = p.lines[0][1]
        if p.kind == "body" and (first[:1].islower() or first[:1].isdigit() and not _NUMBERED.match(first)):
            prev_body = next((q for q in reversed(out) if q.kind != "footnote"), None)
            between = out[out.index(prev_body) + 1:] if prev_body else []
            if prev_body and prev_body.kind == "body" and between and all(q.kind == "footnote" for q in between) \
                    and not _ends_sentence(prev_body.lines[-1][1]) and p.first - prev_body.last < 40:
                prev_body.lines.extend(p.lines)
                continue
        out.append(p)
    return out


_ITEM_MARK = re.compile(r"\s*(?:[a-zđ]\)|\(\d{1,2}\)|\d{1,2}[.)]\s)")  # 'b) ', '(3) ', '2. ': a list's next item
_NUMBERED = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]\s")  # '2. ', '1.3. ', '4) ': an item, not a continuation


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    return lengths[int(len(lengths) * 0.8)] if lengths else 80


def _short_title(text: str, limit: int = 90) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text.rstrip(".:;, ")
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip(".:;, ") + "…"


def is_plan_heading(title: str) -> bool:
    """A part that plans ('NHIỆM VỤ, GIẢI PHÁP QUÝ IV', 'DỰ TOÁN NGÂN SÁCH NĂM 2026'): a plan word with no
    word of results before it."""
    folded = fold_ocr(title)
    at = [folded.find(w) for w in PLAN_WORDS if w in folded]
    if not at:
        return False
    # '... CẢ NĂM 2023 VÀ GIẢI PHÁP QUÝ IV': results, then plans; the plan's own words decide
    lead = re.split(r"\bva\b|[,;]", folded[:min(at)])[-1]
    return not _RESULT_LEAD.search(lead)
