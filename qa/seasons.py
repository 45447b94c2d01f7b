"""Crop seasons ('vụ Hè Thu 2024', 'vụ Đông Xuân 2023 - 2024', 'vụ Mùa'): a farm report's parts run by season,
not by months, and one report gives several seasons' area, yield and output side by side. A question naming a
season asks that season's figure, not another season's nor the total of several (`season_fit`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracuu.ingest.periods import SEASON_NAMES
from tracuu.ingest.textnorm import fold_ocr
from tracuu.memo import kept

# 'thu đông' and 'mùa' only after 'vụ' ('thụ động', 'mùa mưa' are no seasons)
_YEARS = r"(?:\s+(?:n[a-z]{0,2}m\s+)?((?:19|20)\d\d)(?:\s*[-/]\s*((?:19|20)\d\d))?)?"
_SEASON = re.compile(rf"\bvu\s+({SEASON_NAMES})\b{_YEARS}|\b(dong\s+xuan|he\s+thu)\b{_YEARS}"
                     # a crop year or a school year runs over two calendar years: 'niên vụ 2021 - 2022', 'năm học
                     # 2023 - 2024' are one each, as a season is
                     rf"|\b(nien\s+vu|nam\s+hoc)\s+((?:19|20)\d\d)\s*[-/]\s*((?:19|20)\d\d)")
# 'so với vụ Hè Thu năm 2023', '(Hè Thu 2023: 6.800 đồng/kg)': a baseline, not the season a figure is of
_BASELINE = re.compile(r"(?:\bso\s+(?:voi\s+)?(?:cung\s+ky\s+)?|\(\s*)$")
# 'tính chung hai vụ Đông Xuân và Hè Thu', 'cả năm (3 vụ)': several seasons' total
_SEVERAL = re.compile(r"\b(?:hai|ba|hai\s+vu|ba\s+vu|cac\s+vu|ca\s+hai|ca\s+ba|3|2)\s+vu\b|\btinh\s+chung\b")
# 'Năng suất lúa bình quân cả năm 64,2 tạ/ha': the year's, every season together
_WHOLE_YEAR = re.compile(r"\bca\s+nam\b")


@dataclass(frozen=True)
class Season:
    name: str  # 'he thu', 'dong xuan' (folded, one space)
    year: int | None  # the year it is harvested in: 'Đông Xuân 2023 - 2024' is 2024's

    @property
    def label(self) -> str:
        """As reports write it: 'vụ Hè Thu 2024', 'vụ Đông Xuân 2023 - 2024' (sown the year before)."""
        name = _SPELLED.get(self.name, self.name)
        if self.name in _SPANS:
            return f"{name} {self.year - 1} - {self.year}"
        if self.year is None:
            return f"vụ {name}"
        return f"vụ {name} {self.year - 1} - {self.year}" if self.name == "dong xuan" else f"vụ {name} {self.year}"


_SPELLED = {"dong xuan": "Đông Xuân", "he thu": "Hè Thu", "thu dong": "Thu Đông", "chiem xuan": "Chiêm Xuân",
            "xuan he": "Xuân Hè", "chiem": "Chiêm", "mua": "Mùa", "xuan": "Xuân", "nien vu": "niên vụ",
            "nam hoc": "năm học"}
_SPANS = ("nien vu", "nam hoc")  # named by both their years


@kept(20_000)
def seasons_in(folded: str) -> tuple[Season, ...]:
    """The seasons `folded` names as what its figures are of (baselines left out), in order."""
    out = []
    for m in _SEASON.finditer(folded):
        if _BASELINE.search(folded, max(0, m.start() - 24), m.start()):
            continue
        name, y1, y2 = next(m.group(i, i + 1, i + 2) for i in (1, 4, 7) if m.group(i))
        year = y2 or y1
        out.append(Season(re.sub(r"\s+", " ", name), int(year) if year else None))
    return tuple(out)


def _same(a: Season, b: Season) -> bool:
    return a.name == b.name and (a.year is None or b.year is None or a.year == b.year)


def season_fit(asked: tuple[Season, ...], sentence: str, section: str) -> int:
    """+1 when the sentence (else the nearest heading of its section naming a season) is of a season asked, -1 when
    of another one, another year's, or several seasons' total; 0 when it names none or nothing is asked."""
    said = _said(asked, sentence, section)
    return 0 if said is None else 1 if said else -1


def season_said(asked: tuple[Season, ...], sentence: str, section: str) -> Season | None:
    """The season asked as the sentence or its heading names it (its years as printed), or None; none for a sentence
    giving the whole year's too ('lúa cả năm 350.000 ha, sản lượng 2,3 triệu tấn; vụ Đông Xuân ...': whose its figure
    is, the clause tells, not the label)."""
    if _WHOLE_YEAR.search(fold_ocr(sentence)):
        return None
    said = _said(asked, sentence, section)
    return next((s if s.year else a for s in said or () for a in asked if _same(s, a)), None)


def _said(asked: tuple[Season, ...], sentence: str, section: str) -> tuple[Season, ...] | None:
    """The seasons the sentence (else its nearest heading naming one) is of: () when of another or several
    together, None when it names none or nothing is asked."""
    if not asked:
        return None
    folded = fold_ocr(sentence)
    said = seasons_in(folded)
    if not said and _WHOLE_YEAR.search(folded):
        return ()
    if not said:
        for heading in reversed(section.split(" > ") if section else []):
            if said := seasons_in(fold_ocr(heading)):
                break
        else:
            return None
    elif len({s.name for s in said}) > 1 and _SEVERAL.search(folded):
        return ()
    return said if any(_same(s, a) for s in said for a in asked) else ()
