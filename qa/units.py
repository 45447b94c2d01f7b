"""Units below the province (a district's, city's or ward's report; a board of industrial zones): which reports
they issued, whether a question names one, and which sentences answer for it.

A unit's name chooses reports as a province does; inside them it says whose report it is, not what is asked.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.places import is_city, printed_provinces, successor
from tracuu.ingest.textnorm import fold_ocr

from .glossary import WHOLE_PROVINCE
from .query import Query
from .scope import clauses
from .sentence import figure_lead

# a report of a unit below the province ('UBND phường Trường Vinh', 'UBND thành phố Móng Cái', 'UBND huyện Cao Lộc')
_SUB_UNIT = re.compile(r"^ubnd (huyen|thi xa|quan|phuong|xa|thi tran|thanh pho) (.+)$")  # folded


def unit_of(doc: str, store: Store) -> str | None:
    """The folded unit below the province that issued `doc` ('phuong truong vinh'); None for a province's report."""
    return _units(store).get(doc)


def _units(store: Store) -> dict[str, str]:
    """Document -> the folded unit below the province that issued it ('phuong truong vinh'), for those that are."""
    try:
        return _units_of(store)
    except TypeError:  # a store that cannot be a cache key: read it each time
        return _read_units(store.documents)


@functools.lru_cache(maxsize=1)  # the store in use: a new one after each ingest
def _units_of(store: Store) -> dict[str, str]:
    return _read_units(store.documents)


# a board of industrial or economic zones reports the zones' figures, not the province's (folded issuer)
_ZONE_BOARD = re.compile(r"^ban quan ly (?:cac )?(khu cong nghiep|khu kinh te)\b")
# how a question names the zones a board reports on: never by a word of their name alone ('công nghiệp')
_ZONE_FORMS = {"khu cong nghiep": ["cac khu cong nghiep", "khu cong nghiep", "kcn"], "khu kinh te": ["khu kinh te", "kkt"]}


def _read_units(documents) -> dict[str, str]:
    units = {}
    for d in documents:
        if m := _ZONE_BOARD.match(fold_ocr(d.issuer or "").strip()):
            units[d.doc] = m.group(1)
        elif (m := _SUB_UNIT.match(fold_ocr(d.issuer or "").strip())) and not (
                m.group(1) == "thanh pho" and m.group(2) == fold_ocr(d.province or "") and is_city(d.province)):
            units[d.doc] = f"{m.group(1)} {m.group(2)}"
    return units


def _name_of(unit: str) -> str:
    """'huyen cao loc' -> 'cao loc', 'thanh pho mong cai' -> 'mong cai': the unit's name without its kind."""
    if unit in _ZONE_FORMS:
        return unit
    return unit.split(" ", 2 if unit.startswith(("thi xa", "thi tran", "thanh pho")) else 1)[-1]


def _forms(unit: str) -> list[str]:
    """How a question may name a unit: in full, or, a name of two words or more, by its name alone."""
    if unit in _ZONE_FORMS:
        return _ZONE_FORMS[unit]
    name = _name_of(unit)
    return [unit, name] if " " in name else [unit]


def _named(unit: str, folded: str, forms: list[str] | None = None) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(x)}(?![a-z])", folded) for x in (forms or _forms(unit)))


def asked_units(query: Query, store: Store) -> frozenset[str]:
    """The units below the province, among those that issued an indexed report, that the question names. With
    provinces named, only units of those (Phú Yên's 'huyện Đồng Xuân' is not asked by 'vụ Đông Xuân của tỉnh Bạc
    Liêu': folded, the names are one), and a unit named as its province is ('thành phố Bạc Liêu') only in full:
    'Bạc Liêu' alone is the province asked."""
    units = _units(store)
    folded = fold_ocr(query.text)
    if not (query.provinces and units):
        return _asked(folded, frozenset(units.values()))
    issuers = {d.doc: d for d in store.documents if d.doc in units}
    units = {doc: unit for doc, unit in units.items() if of_asked_province(query, issuers.get(doc))}
    provinces = {fold_ocr(p) for p in query.provinces}
    return frozenset(u for u in _asked(folded, frozenset(units.values()))
                     if _name_of(u) not in provinces or _named_in_full(u, folded))


def unit_reports(query: Query, store: Store) -> set[str]:
    """The reports issued by the units the question asks about ('huyện Krông Pắc'): searched on their own too, as
    a unit's words choose no passage once its province is named."""
    asked = asked_units(query, store)
    return {doc for doc, unit in _units(store).items() if unit in asked} if asked else set()


def _named_in_full(unit: str, folded: str) -> bool:
    """'thành phố Bạc Liêu', 'TP. Bạc Liêu': the unit with its kind."""
    full = [unit] + ([f"tp {_name_of(unit)}"] if unit.startswith("thanh pho ") else [])
    return _named(unit, re.sub(r"\btp\.\s*", "tp ", folded), full)


def of_asked_province(query: Query, doc) -> bool:
    """The report is of a province the question names (or of the one it became, or was, in 2025)."""
    province = doc.province if doc else None
    return province is not None and (province in query.provinces or successor(province) in query.provinces
                                     or any(successor(p) == province for p in query.provinces))


@functools.lru_cache(maxsize=4096)  # read once per question, not once per passage and sentence weighed
def _asked(folded: str, units: frozenset[str]) -> frozenset[str]:
    return frozenset(u for u in units if _named(u, folded))


def without_units(query: Query, store: Store) -> Query:
    """A unit asked that a report was issued by ('huyện Cao Lộc (Lạng Sơn)') chooses reports, as a province does:
    its words are no words of what is asked (a province report's list of districts does not answer for it).
    Without its province named, the unit's name is what finds its report among every province's: kept."""
    return unit_words_out(query, store) if query.provinces else query


def unit_words_out(query: Query, store: Store) -> Query:
    """The question without the names of the units it asks about, for weighing sentences once reports are
    chosen: inside a district's report 'Đức Trọng' says whose report it is, not what is asked ('Số liệu trong
    báo cáo là số liệu của huyện Đức Trọng' names no harvest)."""
    lexical = query.lexical_text
    for unit in asked_units(query, store):
        for x in (unit, _name_of(unit)):
            lexical = re.sub(rf"(?<![a-z]){re.escape(x)}(?![a-z])", " | ", lexical)
    return query if lexical == query.lexical_text else dataclasses.replace(query, lexical_text=lexical)


def unit_fit(query: Query, hit: Hit, store: Store) -> float:
    """A district's, city's or ward's own report answers for it, and the province's reports for the province:
    asked 'phường Trường Vinh thu ngân sách', the ward's report fits and the others fit loosely; asked of the
    province, a ward's report fits loosely ('100% kế hoạch vốn do phường làm chủ đầu tư' is not Nghệ An's)."""
    units = _units(store)
    if not units:
        return 1.0
    asked = asked_units(query, store)
    own = units.get(hit.passage.doc)
    if asked:
        return 1.0 if own in asked else 0.6
    return 0.6 if own else 1.0


def another_unit(query: Query, hit: Hit, sentence: str, store: Store) -> bool:
    """Asked of a unit, a sentence of another report answers only where it names the unit ('huyện Cao Lộc
    thu ...' in the province's report); else its figure is the province's or another unit's. Asked of a
    province by name, a unit's own report answers only where it names the province ('toàn tỉnh đón ...'):
    'Thu ngân sách nhà nước trên địa bàn huyện 26,42 tỷ đồng' is the district's."""
    asked = asked_units(query, store)
    own = _units(store).get(hit.passage.doc)
    folded = fold_ocr(sentence)
    if not asked:
        # (a unit's report speaking of its province: 'toàn tỉnh', 'của tỉnh', or the province asked by name; not another
        # country's 'tỉnh Savannakhet (Lào)')
        return bool(own and query.provinces) and not (WHOLE_PROVINCE.search(folded)
                                                      or set(printed_provinces(sentence)) & set(query.provinces))
    if own in asked:
        return False
    # named as the figure's owner, before it: '... 8 triệu lượt khách; tổ chức sự kiện tại Đồng Hới' is not Đồng Hới's;
    # or before its own clause's figure ('Một số địa phương có giá trị lớn: thành phố Bảo Lộc 4.386,2 tỷ đồng, huyện
    # Đức Trọng 3.124,8 tỷ đồng')
    lead = figure_lead(sentence)
    if any(_named(u, lead if lead is not None else folded) for u in asked):
        return False
    return not any((own_lead := figure_lead(c)) is not None and _named(u, own_lead) for c in clauses(sentence)[1:]
                   for u in asked)
