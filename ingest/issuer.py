"""Who issued a report: the organisation its letterhead names (a department, a statistics office, a district's
People's Committee, a bank branch), in its usual written case, with its province; or the newspaper a retold
article names as its source."""
from __future__ import annotations

import re

from .places import columns, is_city, issuer_of, province_spans
from .textnorm import fold_ocr

# 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ' (folded it reads like 'Số'), and an office under the letterhead's agency: 'PHÒNG THỐNG KÊ
# TỔNG HỢP' (not 'PHÒNG, CHỐNG ...', 'PHÒNG CHỐNG ...': what a report may be about)
DEPARTMENT = re.compile(r"^(?:SỞ|Sở)\s+\S|^PHÒNG\s+(?!CHỐNG)[A-ZĐÂĂÊÔƠƯ]")
_NEWS_SOURCE = re.compile(r"\(\s*(?:theo\s+([^()]{3,60})|((?:bao|tap chi|dai|cong thong tin)\s[^()]{2,50}))\)\s*$"
                          r"|^\s*(?:theo|nguon)\s*:?\s*((?:bao|tap chi|dai)\s+[a-z ]{3,40})\.?\s*$")
_LEAD_SOURCE = re.compile(r"^\s*\(([^()]*[^\W\d_][^()]*)\)\s*[-–—]\s+\S")


def lead_source(lines: list[str]) -> str | None:
    """The source a news article's lead names in brackets before a dash."""
    for x in [x for x in lines[:40] if x.strip()][:12]:
        if (m := _LEAD_SOURCE.match(x)) and 2 <= len(m.group(1).strip()) <= 60:
            return m.group(1).strip()
    return None


def news_source(lines: list[str]) -> str | None:
    """'(Theo Báo Quảng Nam)' or 'Nguồn: Báo ...' closing a news article: the paper that wrote it."""
    tail = [x.strip() for x in lines[-6:] if x.strip()]
    for x in reversed(tail):
        if m := _NEWS_SOURCE.search(fold_ocr(x)):
            g = next(i for i in (1, 2, 3) if m.group(i))
            # ('(Theo Báo Quảng Nam)' on a line of its own, a name; not a heading's '7. Mục tiêu năm 2023 (theo Nghị
            # quyết HĐND tỉnh)' nor '(Theo giá so sánh 2010)')
            if g == 1 and (m.start() > 0 or not x[m.start(g)].isupper() or _DOCUMENT.match(m.group(g))):
                continue
            return x[m.start(g):m.end(g)].strip(" .")
    return None


_DOCUMENT = re.compile(r"(?:nghi quyet|quyet dinh|ke hoach|bao cao|chi thi|thong bao|cong van|so lieu|gia)\b")


def issuer(head: list[str], folded: list[str], province: str | None, news: str | None) -> str | None:
    """Who speaks: the paper of a news article, the department or statistics office of a letterhead,
    else the province's People's Committee."""
    if news:
        return news[:1].upper() + news[1:]
    head = [_MARKDOWN_HEADING.sub("", x) for x in head]  # ('# CỤC THỐNG KÊ TỈNH BÌNH DƯƠNG' of a Markdown release)
    lefts = [columns(x)[0] for x in head[:8]]  # a two-column letterhead: the left column
    for i, s in enumerate(lefts):
        f = fold_ocr(s)
        # (the superior over its office, 'TỔNG CỤC THỐNG KÊ' / 'CỤC THỐNG KÊ TP. ĐÀ NẴNG': the office speaks)
        below = next((x for x in lefts[i + 1:i + 3] if x.strip()), "")
        if _SUPERIOR.match(f) and _OFFICE.match(fold_ocr(below)):
            continue
        if DEPARTMENT.match(s) or re.match(r"^(?:tong |chi )?cuc thong ke", f):
            # (a name wrapped onto the next line: 'SỞ LAO ĐỘNG - THƯƠNG BINH' / 'VÀ XÃ HỘI')
            if below.isupper() and re.match(r"va\s|&", fold_ocr(below).strip()) or s.rstrip().endswith(("-", " VÀ")):
                s = f"{s.rstrip()} {below.strip()}"
                f = fold_ocr(s)
            org = re.split(r"\s+(?:tinh|thanh pho|tp\.?)\s", f + " ", maxsplit=1)[0].strip()
            name = _ORGS.get(org) or org_case(s[:len(org)] if len(s) >= len(org) else s)
            return f"{name} {_place(province)}" if province else name
    return _letterhead_issuer(head[:6], province) or _council(folded[:3], province) or _party(lefts, province) \
        or (issuer_of(province) if province else None)


_PARTY = re.compile(r"^(tinh uy|thanh uy)\b")


def _party(lefts: list[str], province: str | None) -> str | None:
    """The province's Party committee of a letterhead 'TỈNH ỦY ĐẮK LẮK' (a secretary's speech, a committee's report):
    not the People's Committee."""
    # (or the committee under its Party organisation's line: 'ĐẢNG BỘ TỈNH LÀO CAI' / 'TỈNH ỦY')
    first, second = ([fold_ocr(x).strip() for x in lefts if x.strip()] + ["", ""])[:2]
    m = _PARTY.match(first) or _PARTY_ORG.match(first) and _PARTY.match(second)
    if province and m:
        return f"{'Tỉnh ủy' if m.group(1) == 'tinh uy' else 'Thành ủy'} {province}"
    return None


_PARTY_ORG = re.compile(r"^dang bo\b")


_COUNCIL = re.compile(r"^(?:hoi dong nhan dan|hdnd)\b")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _council(folded: list[str], province: str | None) -> str | None:
    """A People's Council's letterhead ('HỘI ĐỒNG NHÂN DÂN' / 'TỈNH BÌNH THUẬN', folded lines): its resolutions are the
    council's, not the People's Committee's."""
    first = next((x for x in folded if x), "")
    if province and _COUNCIL.match(first):
        return f"HĐND {_place(province)}"
    return None


# the unit a People's Committee's letterhead names on its second line ('ỦY BAN NHÂN DÂN' / 'PHƯỜNG TRƯỜNG VINH'):
# below a province (a province's own committee is read from its name, however OCR spelt it)
_UNIT = re.compile(r"^(thanh pho|huyen|thi xa|quan|phuong|xa|thi tran)\s+\S")
_COMMITTEE = re.compile(r"^(?:uy ban nhan dan|ubnd)\b")
_SUPERIOR = re.compile(r"^(?:bo|tong cuc|ngan hang nha nuoc)\s")
_AGENCY = re.compile(r"^(?:ban quan ly|cuc|chi cuc|kho bac|ngan hang)\s")
_OFFICE = re.compile(r"^(?:chi )?cuc thong ke\b")


def _letterhead_issuer(head: list[str], province: str | None) -> str | None:
    """The body under a two-line letterhead's superior: 'ỦY BAN NHÂN DÂN / THÀNH PHỐ MÓNG CÁI' is the city's
    People's Committee, 'BỘ TÀI CHÍNH / KHO BẠC NHÀ NƯỚC NGHỆ AN' the treasury, 'TỔNG CỤC HẢI QUAN / CỤC HẢI QUAN
    TỈNH LẠNG SƠN' the customs department (not the province's committee). None for any other head."""
    cols = [c for c in (columns(x)[0].strip() for x in head) if c and not set(c) <= set("_-─ ")]
    # the committee and its unit on one line ('ỦY BAN NHÂN DÂN THÀNH PHỐ BẠC LIÊU'), first or under its province
    # ('TỈNH ĐẮK LẮK' / 'ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC')
    for i, col in enumerate(cols[:2]):
        if (one := re.match(r"(?:uy ban nhan dan|ubnd)\s+(?=(?:thanh pho|huyen|thi xa|quan|phuong|xa|thi tran)\s)",
                            fold_ocr(col).strip())) and col.isupper():
            cols = [col[:one.end()].strip(), col[one.end():].strip(), *cols[i + 1:]]
            break
    if len(cols) < 2 or not cols[1].isupper():
        return None
    top, sub, folded = fold_ocr(cols[0]).strip(), cols[1], fold_ocr(cols[1]).strip()
    if _COMMITTEE.match(top) and (m := _UNIT.match(folded)):
        name = sub[len(m.group(1)):].split()
        if m.group(1) == "thanh pho" and province and fold_ocr(" ".join(name)) == fold_ocr(province) and is_city(province):
            return None  # the province-level city's own committee
        return f"UBND {sub[:len(m.group(1))].lower()} {' '.join(w.capitalize() for w in name)}"
    if not (_SUPERIOR.match(top) or _COMMITTEE.match(top) and _AGENCY.match(folded)):
        return None
    spans = province_spans(folded)
    cut = re.search(r"\s(?:tinh|thanh pho|tp\.?)\s", f" {folded} ")
    end = min([a for a, _, _ in spans] + ([cut.start()] if cut else []), default=len(sub))
    name = org_case(sub[:end]) if end else None
    return (f"{name} {_place(province)}" if province else name) if name else None


_ORGS = {"cuc thong ke": "Cục Thống kê", "so ke hoach va dau tu": "Sở Kế hoạch và Đầu tư",
         "so tai chinh": "Sở Tài chính", "so cong thuong": "Sở Công Thương",
         "so van hoa, the thao va du lich": "Sở Văn hóa, Thể thao và Du lịch",
         "so van hoa the thao va du lich": "Sở Văn hóa, Thể thao và Du lịch", "so du lich": "Sở Du lịch",
         "so nong nghiep va phat trien nong thon": "Sở Nông nghiệp và Phát triển nông thôn",
         "so lao dong - thuong binh va xa hoi": "Sở Lao động - Thương binh và Xã hội"}


def org_case(name: str) -> str:
    """'SỞ XÂY DỰNG' -> 'Sở Xây dựng': capitals as Vietnamese writes an agency's name."""
    words = name.strip().lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def _place(province: str) -> str:
    """'tỉnh Đồng Nai' / 'thành phố Cần Thơ', from the same names `issuer_of` uses."""
    return issuer_of(province).removeprefix("UBND ")
