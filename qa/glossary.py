"""Words people type that the reports spell differently: acronyms and question words.

Officials and reporters write 'IIP', 'GRDP', 'NTM' where a report writes the indicator out in
full, and questions carry words ('bao nhiêu', 'những ... nào') that no report contains; both
would otherwise count against a passage that answers. Keys are folded (no diacritics).
"""
from __future__ import annotations

import re

from tracuu.ingest.textnorm import fold_ocr

# standard indicator and administrative acronyms of Vietnamese socio-economic reporting
ACRONYMS: dict[str, str] = {
    "iip": "chi so san xuat cong nghiep",
    "grdp": "tong san pham tren dia ban",
    "gdp": "tong san pham",
    "cpi": "chi so gia tieu dung",
    "fdi": "dau tu truc tiep nuoc ngoai",
    "oda": "von ho tro phat trien chinh thuc",
    "pci": "nang luc canh tranh cap tinh",
    "ddci": "nang luc canh tranh cap so nganh dia phuong",
    "par": "cai cach hanh chinh",
    "sipas": "su hai long cua nguoi dan",
    "papi": "hieu qua quan tri va hanh chinh cong",
    "ntm": "nong thon moi",
    "ktxh": "kinh te xa hoi",
    "kt-xh": "kinh te xa hoi",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te",
    "bhtn": "bao hiem that nghiep",
    "gtvt": "giao thong van tai",
    "gpmb": "giai phong mat bang",
    "dtc": "dau tu cong",
    "xnk": "xuat nhap khau",
    "kcn": "khu cong nghiep",
    "ccn": "cum cong nghiep",
    "nsnn": "ngan sach nha nuoc",
    "nstw": "ngan sach trung uong",
    "nsdp": "ngan sach dia phuong",
    "ctmtqg": "chuong trinh muc tieu quoc gia",
    "dtts": "dan toc thieu so",
    "thpt": "trung hoc pho thong",
    "thcs": "trung hoc co so",
    "atgt": "an toan giao thong",
    "cntt": "cong nghe thong tin",
    "cds": "chuyen doi so",
    "dn": "doanh nghiep",
}

# acronyms of who acts, not of what is measured: a passage need not name them to answer
# ('Chủ tịch UBND tỉnh yêu cầu tăng trưởng GRDP ...' is answered by the chairman's own words)
INSTITUTIONS = frozenset({"ubnd", "hdnd"})

# other names reports give an acronym's indicator: 'tăng trưởng kinh tế' is the GRDP's growth
ALSO_NAMED: dict[str, tuple[str, ...]] = {
    "grdp": ("tang truong kinh te", "toc do tang truong kinh te"),
    "fdi": ("von dau tu nuoc ngoai", "von nuoc ngoai"),
}

# indicators with a name of their own, where a passage holding part of the name is about another one
# ('tổng vốn đầu tư 2.027 tỷ đồng' of newly licensed projects is not 'vốn đầu tư toàn xã hội')
NAMED_INDICATORS = (
    "von dau tu toan xa hoi", "chi so gia tieu dung", "chi so san xuat cong nghiep", "thu nhap binh quan",
    "tuoi tho binh quan", "ty le that nghiep", "nang suat lao dong",
)


def named_indicators(folded: str) -> list[str]:
    return [n for n in NAMED_INDICATORS if re.search(rf"(?<![\w-]){n}(?![\w-])", folded)]


# question words: they say what kind of answer is wanted, not what the answer is about
_QUESTION = re.compile(
    r"\b(?:la bao nhieu|bao nhieu phan tram|co bao nhieu|bao nhieu|o muc nao|muc nao|nhu the nao|the nao|ra sao|thi sao|so may|thu may|vi sao|tai sao|"
    r"tren dia ban(?: tinh)?|toan tinh|cua tinh|theo|phai|khi nao|bao gio|(?:vao |trong )?(?:thoi gian|ngay|luc|thoi diem) nao|o dau|hay khong|co phai|nhung (?=\w+ nao\b)|nao|gi|ai|duoc khong)\b")
# asking for a quantity; without one of these, a question with a question word wants a fact
# ('số mấy' asks for a document's number, 'thứ mấy' for a rank)
_FIGURE = re.compile(r"\b(?:bao nhieu|muc nao|(?<!so )(?<!thu )may|ty le|toc do|so luong|tong so|gia tri|kim ngach|phan tram)\b|%")


# asking for a plan or target, which a report's tasks part holds, not its results
_TARGET = re.compile(r"\b(?:muc tieu|phan dau|du kien|nhiem vu|giai phap|dinh huong|chi tieu ke hoach)\b"
                     r"|\btheo ke hoach\b|\bphai\b|\bchi tieu\b.*\b(?:duoc dat|dat ra|de ra|duoc giao|giao)\b|\b(?:dat|de ra|giao)\s+(?:ra\s+)?chi tieu\b")
# 'đến hết', 'tính đến', 'đến cuối' right before a month: the state counted up to it, not that month's own figure
CUTOFF = re.compile(r"\b(?:tinh\s+)?den\s+(?:het\s+|cuoi\s+)?$")
# a cut-off date ('đến 31/01/2023') says which report's figures are meant
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


def asks_target(folded: str) -> bool:
    return bool(_TARGET.search(folded))


# beyond a target question's words (_TARGET), words of a plan a results question may use too ('đạt bao
# nhiêu % kế hoạch', 'ước thu cả năm': an estimate, which plans parts give)
_PLAN_WORD = re.compile(r"\b(?:ke hoach|chi tieu|kich ban|du toan|de ra|dat ra|giao|uoc|yeu cau)\b")


def names_plan(text: str) -> bool:
    """Any word of a plan: only a question with none of them asks purely for a result."""
    folded = fold_ocr(text)
    return asks_target(folded) or bool(_PLAN_WORD.search(folded))


def dated_months(folded: str) -> list[tuple[int, int]]:
    """(year, month) of each full date in the question."""
    out = []
    for d, m, y in _DATE.findall(folded):
        if 1 <= int(d) <= 31 and 1 <= int(m) <= 12:
            out.append((int(y), int(m)))
    return out


def expansions(folded: str) -> dict[str, str]:
    """Acronyms in a folded question, with what they stand for."""
    return {a: full for a, full in ACRONYMS.items() if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", folded)}


def contractions(folded: str) -> dict[str, str]:
    """Acronyms whose full form a question spells out ('vốn ngân sách trung ương' -> 'nstw'): a report
    may write the short form ('Vốn NSTW: 1.687,7 tỷ đồng')."""
    return {a: full for a, full in ACRONYMS.items()
            if " " in full and full.count(" ") >= 2 and re.search(rf"(?<![\w-]){re.escape(full)}(?![\w-])", folded)}


def strip_question_words(folded: str) -> str:
    """'|' marks where words were taken out, so no bigram is formed across the gap."""
    return _QUESTION.sub(" | ", folded)


# asking which document or which day: a quote holding a document number or a date answers it
_REFERENCE = re.compile(r"\b(?:so may|so hieu|ky hieu|(?:van ban|quyet dinh|chi thi|nghi quyet|nghi dinh|thong tu|cong van|"
                        r"ke hoach|ngay) nao|ky ngay|ban hanh ngay|ngay bao nhieu)\b")


def asks_reference(folded: str) -> bool:
    return bool(_REFERENCE.search(folded))


# words that name a measured indicator: a question naming one asks for its figure even without
# 'bao nhiêu' ('tăng trưởng GRDP Quảng Nam 6 tháng 2023'), unless it asks a fact ('vì sao', 'nào')
_MEASURE = re.compile(r"\b(?:tang truong|thu ngan sach|chi ngan sach|thu noi dia|kim ngach|san luong|doanh thu|"
                      r"tong muc|giai ngan|chi so|von dau tu|von dang ky|von fdi|so doanh nghiep|so du an|"
                      r"so luot|luot khach|khach du lich|ty le|grdp|cpi|iip|thu hut|xuat khau|nhap khau|"
                      r"gia tri|dien tich|nang suat|thu nhap|ho ngheo|viec lam|lao dong|tai nan)\b")
_FACT = re.compile(r"\b(?:nao|gi|vi sao|tai sao|the nao|ra sao|khi nao|bao gio|o dau|ai)\b")


def asks_quantity(folded: str) -> bool:
    return bool(_FIGURE.search(folded)) or bool(_MEASURE.search(folded) and not _FACT.search(folded))


def asks_figure(folded: str) -> bool:
    """A keyword query or a 'bao nhiêu' question wants a figure; 'văn bản nào', 'những huyện nào',
    'vì sao' want a fact, so a sentence with a number is no better an answer than one without."""
    return bool(_FIGURE.search(folded)) or not _QUESTION.search(folded)


# the same indicator in the words people type and the words reports print: (question pattern, the
# report's phrase). A passage holding the report's phrase covers the question's words; both are searched.
EQUIVALENTS: list[tuple[str, str]] = [
    (r"tang truong kinh te|kinh te(?:\W+\|?\s*)*tang truong|toc do tang truong(?! cong nghiep)", "tong san pham tren dia ban"),
    (r"doanh nghiep moi ra doi|doanh nghiep (?:dang ky )?moi|doanh nghiep thanh lap", "doanh nghiep thanh lap moi"),
    (r"tien thu (?:ve )?(?:cho )?ngan sach|thu ve cho ngan sach|nguon thu ngan sach", "thu ngan sach"),
    (r"du khach|luot khach(?! quoc te| noi dia)", "khach du lich"),
    (r"lam phat|gia ca tieu dung", "chi so gia tieu dung"),
    (r"von (?:dau tu )?nuoc ngoai|von ngoai", "dau tu truc tiep nuoc ngoai"),
    (r"ban le hang hoa|doanh thu ban le|suc mua", "tong muc ban le hang hoa"),
    (r"hang xuat khau|gia tri xuat khau|xuat khau hang hoa", "kim ngach xuat khau"),
    (r"von dau tu cong|dau tu cong", "von dau tu cong"),
    (r"muc tieu|chi tieu ke hoach", "ke hoach"),  # a table's 'Kế hoạch năm 2024' column is the target
    (r"tang truong(?! kinh te)", "toc do tang"),
]


def equivalents(folded: str) -> dict[str, str]:
    """The report's phrase -> the question's words it stands for, for each equivalent the question uses."""
    out = {}
    for pattern, printed in EQUIVALENTS:
        if (m := re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", folded)) and printed not in folded:
            out[printed] = re.sub(r"[|\s]+", " ", m.group()).strip()
    return out
