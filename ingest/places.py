"""Province names: which province a report is from, and which one a question names.

The names come from `vietnamadminunits` (the 63 provinces before the 2025 merger and the 34 after:
reports of both eras stay in an index). Its SQLite table is read directly: importing the package
parses its address data and takes most of a second, which an `ask` should not pay.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path

from tracuu.memo import kept

from .textnorm import fold_ocr


def _data_dir() -> Path | None:
    """The package's data folder (dataset.db, converter_2025.json); None when the package is missing."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(sql: str, tables: tuple[str, ...] = ("admin_units_legacy", "admin_units")) -> set[tuple] | None:
    """The rows `sql` ('SELECT ... FROM [{table}]') gives in each table of dataset.db, read-only; None when the
    package or its database is missing."""
    data = _data_dir()
    if data is None:
        return None
    try:
        with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as conn:
            return {row for table in tables for row in conn.execute(sql.format(table=table))}
    except sqlite3.Error:
        return None


@functools.cache
def _names() -> dict[str, tuple[str, str]]:
    """Folded short name -> (short, full) ('lang son' -> ('Lạng Sơn', 'Tỉnh Lạng Sơn')); empty when the
    package is missing (then no province signal at all, which a single-province index does not need)."""
    rows = _rows("SELECT DISTINCT provinceShort, province FROM [{table}]")
    if rows is None:
        return {}
    names = {fold_ocr(short): (short, full) for short, full in sorted(rows) if short and full}
    for former, current in {**_FORMER, **_COMMON}.items():  # a former or everyday name reads as the province
        if fold_ocr(current) in names:
            names.setdefault(fold_ocr(former), names[fold_ocr(current)])
    for name in _ABOLISHED + _ABOLISHED_AS_TINH:  # a province of its own, of which no report is indexed: asked of,
        names.setdefault(fold_ocr(name), (name, f"Tỉnh {name}"))  # it is named as such
    return names


# the 2025 merger took effect on 01/7/2025: a report of a later period from the merged province covers the areas of
# the provinces merged into it ('khu vực Bình Phước (cũ)' in a Đồng Nai report)
MERGED = (2025, 7)


@functools.cache
def _successors() -> dict[str, str]:
    """Former province -> the province it merged into in 2025 ('Kon Tum' -> 'Quảng Ngãi'), from the package's
    converter table; empty when the package is missing."""
    data = _data_dir()
    if data is None:
        return {}
    try:
        merged = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    except (OSError, ValueError, KeyError):
        return {}
    rows = _rows("SELECT DISTINCT provinceKey, provinceShort FROM [{table}]")
    if rows is None:
        return {}
    short = dict(rows)
    return {short[old]: short[new] for new, olds in merged.items() for old in olds
            if old != new and old in short and new in short}


def is_city(province: str | None) -> bool:
    """A province-level city ('Thành phố Cần Thơ'), whose committee's letterhead names the city itself; elsewhere
    'thành phố Bạc Liêu' is the provincial capital, a unit below the province of that name."""
    full = _by_norm().get(_norm(fold_ocr(province or "")), ("", ""))[1]
    return fold_ocr(full).startswith("thanh pho")


def successor(province: str) -> str | None:
    """The province `province` merged into on 01/7/2025, if it was merged into another one."""
    return _successors().get(province)


# names the package no longer lists: Thừa Thiên Huế became Thành phố Huế on 01/01/2025 (and the package's
# pre-merger table already uses the new name)
_FORMER = {"Thừa Thiên Huế": "Huế"}
# provinces abolished before the package's data begins (Hà Tây went into Hà Nội in 2008; the others split or merged in
# 1989-2004), whose names people still use; names that are also rivers or regions ('Sông Bé', 'Cửu Long'), people's
# names ('Minh Hải', 'Hải Hưng', 'Phú Khánh': 'Ông Trần Minh Hải: ...' opens an interview's answer) or run into another
# name ('Bắc Thái' in 'phía Bắc Thái Nguyên') are left out
_ABOLISHED = ("Hà Tây", "Hà Sơn Bình", "Bình Trị Thiên", "Hoàng Liên Sơn", "Hà Nam Ninh", "Cao Lạng")
# those that are also people's names or rivers are read only as 'tỉnh Hải Hưng' ('Ông Trần Minh Hải', 'sông Bé',
# 'đồng bằng sông Cửu Long' name none); a name that runs into another ('Bắc Thái' of 'phía Bắc Thái Nguyên', 'Nam Hà'
# of 'phía Nam Hà Nội') would take that name's words and stays out
_ABOLISHED_AS_TINH = ("Hải Hưng", "Minh Hải", "Sông Bé", "Hà Bắc", "Vĩnh Phú", "Cửu Long", "Nghĩa Bình", "Phú Khánh",
                      "Thuận Hải")
_AS_TINH = frozenset(fold_ocr(n) for n in _ABOLISHED_AS_TINH)
_TINH_BEFORE = re.compile(r"\btinh\s+$")
# the everyday abbreviation of Hồ Chí Minh City: "TP.HCM", "TPHCM" ("Sài Gòn" is left out: port and company names),
# and the names papers and officials call a province by ('Xứ Thanh đặt mục tiêu ...'); one that stands for two ('xứ
# Nghệ', 'xứ Quảng') or is said of other places too ('phố Núi', 'thành phố Cảng') is left out
_COMMON = {"HCM": "Hồ Chí Minh", "TPHCM": "Hồ Chí Minh", "TP.HCM": "Hồ Chí Minh", "Xứ Thanh": "Thanh Hóa",
           "Xứ Lạng": "Lạng Sơn", "Xứ Tuyên": "Tuyên Quang", "Xứ Dừa": "Bến Tre", "Đất Cảng": "Hải Phòng",
           "Đất Tổ": "Phú Thọ", "Đất Mũi": "Cà Mau", "Đất Võ": "Bình Định"}


def provinces() -> dict[str, str]:
    """Folded short name -> display name ('lang son' -> 'Lạng Sơn')."""
    return {k: v[0] for k, v in _names().items()}


def issuer_of(province: str) -> str:
    """'Lạng Sơn' -> 'UBND tỉnh Lạng Sơn', 'Hà Nội' -> 'UBND thành phố Hà Nội'."""
    full = _names().get(fold_ocr(province), (province, f"Tỉnh {province}"))[1]
    return "UBND " + full[0].lower() + full[1:]


@functools.cache
def _pattern() -> re.Pattern | None:
    names = provinces()
    if not names:
        return None
    # longest first: 'thua thien hue' before 'hue' (one-syllable names are matched alone too: 'Huế' is
    # the only one, and reports and questions name it so). Between syllables a space or a dash, however
    # typed: 'Bà Rịa - Vũng Tàu', 'Bà Rịa–Vũng Tàu', 'ba ria vung tau'
    alts = "|".join(_SEPARATOR.join(map(re.escape, n.split())) for n in sorted({_norm(n) for n in names}, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])({alts})(?![a-z0-9])")


_SEPARATOR = r"(?:\s*[-–—]\s*|\s+)"


def _norm(name: str) -> str:
    """A folded name with its dashes and spaces as single spaces ('ba ria - vung tau' -> 'ba ria vung tau')."""
    return " ".join(re.sub(r"[-–—]", " ", name).split())


@functools.cache
def _by_norm() -> dict[str, tuple[str, str]]:
    return {_norm(k): v for k, v in _names().items()}


_CITY = re.compile(r"\b(?:thanh pho|tp\.?)\s*$")
# a place name that is also a person's, after a title or the words every report uses of him: 'Chủ tịch Hồ
# Chí Minh', 'tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Lăng Bác' is no place asked or reported on
_PERSON = re.compile(r"\b(?:chu tich|bac|dong chi|tu tuong|dao duc|phong cach|lang|tam guong)\s+$")


def _named_places(folded: str, cased: str | None = None):
    """(match, display name, a city's form) for each province name in folded text: 'thành phố Lạng Sơn' is the
    city of that name (a province-level city, 'thành phố Cần Thơ', is the province itself). Of two names sharing a
    syllable, the one the original text (`cased`, as long as `folded`) capitalises: 'hàng hóa Bình Dương' names Bình
    Dương, not Hòa Bình."""
    pat = _pattern()
    if pat is None:
        return
    names = _by_norm()
    for m in _matches(pat, folded, cased):
        if _norm(m.group(1)) in _AS_TINH and not _TINH_BEFORE.search(folded, max(0, m.start() - 8), m.start()):
            continue
        short, full = names[_norm(m.group(1))]
        city = bool(_CITY.search(folded, max(0, m.start() - 12), m.start())) and " " in m.group(1) \
            and not full.lower().startswith("thành phố")
        yield m, short, city


def _matches(pat: re.Pattern, folded: str, cased: str | None):
    """`pat`'s matches left to right; where one overlaps a later one (a syllable shared), the later one instead when
    only it is capitalised in `cased`."""
    cased = cased if cased is not None and len(cased) == len(folded) and not cased.isupper() else None
    pos = 0
    while m := pat.search(folded, pos):
        # (typed in lower case, a name whose first syllable ends a common phrase before it, 'việc làm' in 'viec lam dong
        # thap', yields to the later one it overlaps: Đồng Tháp, not Lâm Đồng)
        bound = _PHRASE_END.search(folded, max(0, m.start(1) - 6), m.start(1) + 4) if cased is None or not any(
            c.isupper() for c in cased[m.start(1):m.end(1)]) else None
        if cased is not None and not _capitalised(cased, m) or bound:
            later = next((o for k in range(m.start(1) + 1, m.end(1)) if folded[k - 1] == " "
                          and (o := pat.match(folded, k)) and (bound or _capitalised(cased, o))), None)
            m = later or m
        yield m
        pos = m.end()


_PHRASE_END = re.compile(r"\bviec lam\b")  # a phrase whose last syllable opens a province's name ('Lâm Đồng')


def _capitalised(cased: str, m: re.Match) -> bool:
    return all(w[:1].isupper() for w in _name_words(cased, m.start(1), m.end(1)))


def _name_words(cased: str, a: int, b: int) -> list[str]:
    """The words of the name printed at `cased[a:b]` ('Bà Rịa - Vũng Tàu': four)."""
    return [w for w in re.split(r"[\s\-–—]+", cased[a:b]) if w]


def province_spans(folded: str, cased: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, display name) of each province name in folded text. 'thành phố Lạng Sơn' is the
    city inside the province of that name, not the province: it is left out."""
    return [(m.start(1), m.end(1), short) for m, short, city in _named_places(folded, cased)
            if not city and not _PERSON.search(folded, max(0, m.start() - 12), m.start())]


def city_provinces(folded: str) -> list[str]:
    """The provinces whose city of the same name folded text names ('thành phố Tuyên Quang' lies in Tuyên Quang),
    those `province_spans` leaves out."""
    return list(dict.fromkeys(short for _, short, city in _named_places(folded) if city))


@kept(8192)
def find_provinces(text: str) -> list[str]:
    """Display names of the provinces `text` names, in order, once each."""
    return list(dict.fromkeys(name for _, _, name in province_spans(fold_ocr(text), unicodedata.normalize("NFC", text))))


@kept(8192)
def printed_provinces(text: str) -> list[str]:
    """`find_provinces` for a report's own words: printed in mixed case, a name written in lower case is a phrase, not
    the place ('Tổ chức thành công Lễ hội Vì hòa bình năm 2024' names no Hòa Bình). Text in one case (capitals, or a
    question typed in lower case) gives no such sign: every name counts."""
    cased = unicodedata.normalize("NFC", text)
    folded = fold_ocr(text)
    spans = province_spans(folded, cased)
    if len(cased) == len(folded) and cased != cased.upper() and cased != cased.lower():
        spans = [(a, b, name) for a, b, name in spans
                 if all(w[:1].isupper() or not w[:1].isalpha() for w in _name_words(cased, a, b))]
    return list(dict.fromkeys(name for _, _, name in spans))


_HEADER = re.compile(r"\b(?:tinh|thanh pho)\s|^[^,]{3,40},\s*ng[a-z]{1,2}y\b")
# a district's letterhead ('UBND HUYỆN CAO LỘC', 'THỊ XÃ ...', 'QUẬN ...'): its province is where that district lies
_DISTRICT = re.compile(r"\b(?:huyen|thi xa|quan|thanh pho)\s+([a-z]+(?:\s+[a-z]+){0,2})\s*$")


@functools.cache
def _districts() -> dict[str, set[str]]:
    """Folded district name (before the 2025 reform) -> the provinces with a district of that name; empty when
    the package is missing."""
    out: dict[str, set[str]] = {}
    for district, province in _rows("SELECT DISTINCT districtShort, provinceShort FROM [{table}]",
                                    ("admin_units_legacy",)) or ():
        if district and province:
            out.setdefault(_norm(fold_ocr(district)), set()).add(province)
    return out


def columns(line: str) -> list[str]:
    """A letterhead line's columns ('UBND TỈNH A   CỘNG HÒA ...'): parted by three spaces or more, or a tab as Word
    saves them as text, or before the national heading a PDF's text joined on with one space ('SỞ KẾ HOẠCH VÀ ĐẦU TƯ
    Độc lập - Tự do - Hạnh phúc': the right column of every letterhead)."""
    return _COLUMNS.split(line.strip())


_COLUMNS = re.compile(r"\s{3,}|\t|\s*[—–|]?\s+(?=c[ộo]ng\s+h[òo][aà]\s+x[ãa]\s+h[ộo]i\s|[đd][ộo]c\s+l[ậa]p\s*[-–])", re.IGNORECASE)


def district_province(line: str) -> str | None:
    """The province of the district a letterhead line names, when only one province has a district so named."""
    for column in columns(fold_ocr(line)):  # a two-column letterhead
        m = _DISTRICT.search(column.strip())
        words = m.group(1).split() if m else []
        for k in range(len(words), 0, -1):  # 'cao loc' before 'cao'
            if found := _districts().get(" ".join(words[:k])):
                return next(iter(found)) if len(found) == 1 else None
    return None


def district_provinces(folded: str) -> list[str]:
    """The provinces of the districts folded text names ('huyện Đắk Mil giải ngân ...' lies in Đắk Nông, 'thành phố Quy
    Nhơn' in Bình Định), each named by a district of one province only (before the 2025 reform). ('quận' is left out:
    folded, 'cơ quan tâm đào tạo' would read as the district Tam Đảo.)"""
    return list(dict.fromkeys(p for name in districts_named(folded)
                              if len(found := _districts()[name.removeprefix(_SAME_NAMED)]) == 1 for p in found))


_SAME_NAMED = "thanh pho "  # how `districts_named` gives a province's capital that bears its name
_TP = re.compile(r"\btp\b\.?\s*")


def unit_words(folded: str) -> list[str]:
    """The words of folded text as `districts_named` names units: 'TP. Hải Dương' is 'thành phố Hải Dương'."""
    return re.findall(r"[a-z0-9]+", _TP.sub("thanh pho ", folded))


def names_unit(folded: str, units: list[str]) -> bool:
    """Folded text names one of the units `districts_named` gave, as a whole word run ('thanh pho hai duong' in 'TP.
    Hải Dương giải ngân ...')."""
    said = " ".join(unit_words(folded))
    # (not a commune or town bearing the district's name: 'thị trấn Điện Biên Đông' is no 'huyện Điện Biên Đông')
    return any(not _SUB_UNIT.search(said, 0, m.start()) for u in units for m in re.finditer(rf"\b{re.escape(u)}\b", said))


_SUB_UNIT = re.compile(r"(?:\bthi tran|(?<!\bthi )\bxa|\bphuong)\s+$")


_UNIT_NAMED = re.compile(r"\b(?:huyen|thi xa|thanh pho|tp\.?)\s+([a-z]+(?:\s+[a-z]+){0,2})")


def districts_named(folded: str) -> list[str]:
    """The districts (before the 2025 reform) folded text names with their kind ('huyện Đắk Mil', 'thành phố Quy
    Nhơn'), folded. A province's capital that bears its name is named with its kind ('thành phố sơn la': 'tỉnh Sơn La'
    names no such unit); a province-level city ('thành phố Cần Thơ') is the province itself, no unit below it."""
    provinces = {a: b for a, b, _ in province_spans(folded)}
    out = []
    for m in _UNIT_NAMED.finditer(folded):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            if _districts().get(name := " ".join(words[:k])):
                # (a province's name may open a district's: 'thành phố Điện Biên Phủ' is no 'Điện Biên')
                if name in {fold_ocr(p) for p in city_provinces(f"thanh pho {name}")}:
                    # (only a city's kind makes it the city: 'vốn ngân sách cấp huyện Lai Châu' is the province's)
                    if m.group().startswith(("thanh pho", "tp")):
                        out.append(_SAME_NAMED + name)
                elif provinces.get(m.start(1), -1) < m.start(1) + len(name):
                    out.append(name)
                break
    return list(dict.fromkeys(out))


# a unit below the province on a letterhead line, or its column ('PHƯỜNG ĐỒNG HỚI', 'UBND XÃ LỤC SƠN')
_UNIT_HEAD = re.compile(r"^(?:ubnd\s+|uy ban nhan dan\s+)?(phuong|xa|thi tran|huyen|quan|thi xa|thanh pho)\s+([a-z]+(?:\s+[a-z]+){0,3})$")


def _unit_introduced(lines: list[str]) -> str | None:
    """The province a ward's, commune's or district's report places its issuer in ('Phường Đồng Hới, tỉnh Quảng
    Trị được thành lập ...', 'xã Lục Sơn, tỉnh Bắc Ninh'): since 2025 such a letterhead names no province, and its
    text may name the former one beside it ('tỉnh Quảng Bình (cũ)')."""
    units = {m.groups() for line in lines[:6] for column in columns(fold_ocr(line))
             if (m := _UNIT_HEAD.match(column.strip()))}
    for kind, name in units:
        at = re.compile(rf"\b{kind}\s+{re.escape(name)}\s*,?\s*(?=(?:tinh|thanh pho|tp\.?)\s)")
        for line in lines[6:40]:
            folded = fold_ocr(line)
            if (m := at.search(folded)) and (found := find_provinces(folded[m.end():m.end() + 40])):
                return found[0]
    return None


def report_province(lines: list[str]) -> str | None:
    """The province in a report's header ('UBND TỈNH LẠNG SƠN', 'Lạng Sơn, ngày ...'), else the one
    the text names far more than any other (a press release without a letterhead)."""
    for line in lines[:15]:
        folded = fold_ocr(line).strip()
        # a header names one place ('... của các tỉnh Kon Tum, Gia Lai, Đắk Lắk ...' is a region's bulletin)
        if _HEADER.search(folded) and len(found := find_provinces(folded)) == 1:
            return found[0]
    if found := _unit_introduced(lines):
        return found
    counts = Counter(p for line in lines for p in find_provinces(line))
    ranked = counts.most_common(2) + [("", 0)]
    if ranked[0][1] >= 3 and ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return next((p for line in lines[:6] if (p := district_province(line))), None)
