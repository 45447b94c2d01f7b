"""Synthetic larger corpora made from the five sample reports, for the scale benchmark.

Copy 0 of each report is the report itself (so the dev questions keep their gold at every scale). Copy j >= 1
is the same report with
  * every year 19xx/20xx shifted by delta_j (one of -10..-1, +1..+9; dates and 5-year plans move too),
  * the province renamed (Lạng Sơn / LẠNG SƠN / OCR 'Lang Son' -> another province, OCR files get the folded name),
  * for the quarterly report, quarters shifted by q_j (quý I -> quý II ...; 'quý I' + tasks 'quý II' stay a pair),
  * for the monthly reports, 'tháng N' shifted by m_j months,
so each copy covers another period and the period logic is exercised, not just duplicate text. Substitutions
never touch line breaks, so every line keeps its number: that is how a synthetic passage finds its source passage.

    .venv/bin/python bench/synth.py OUT_DIR --copies 100      # writes 5 x 100 files, prints a summary
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPORTS  # noqa: E402

from tracuu.ingest.textnorm import fold  # noqa: E402
from tracuu.ingest.types import Period  # noqa: E402

PROVINCES = [
    "Cao Bằng", "Hà Giang", "Bắc Giang", "Quảng Ninh", "Thái Nguyên", "Tuyên Quang", "Lào Cai", "Yên Bái",
    "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên",
    "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
    "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum",
    "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang",
    "Sóc Trăng", "Bạc Liêu", "Cà Mau",
]
DELTAS = [d for d in range(-10, 10) if d]  # 19 year shifts; with 54 provinces no two copies are the same

_YEAR = re.compile(r"(?<![\d])(?<!\d[.,])((?:19|20)\d\d)(?![\d]|[.,]\d)")
_PROVINCE = [(re.compile(r"Lạng[ \t]+Sơn"), "clean"), (re.compile(r"LẠNG[ \t]+SƠN"), "upper"),
             (re.compile(r"(?i)\blang[ \t]*so[nm]\b"), "ocr")]
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QVAL = {"i": 1, "1": 1, "|": 1, "l": 1, "ii": 2, "il": 2, "li": 2, "ll": 2, "11": 2, "2": 2,
         "iii": 3, "111": 3, "3": 3, "iv": 4, "4": 4}
_QUARTER = re.compile(r"(?i)\b(qu[yý])([ \t]+)(iv|iii|111|ii|il|li|ll|11|i|1|l|\|)(?![A-Za-z0-9])")
_MONTH = re.compile(r"(?i)\b(th[aá]ng)([ \t]+)(0?[1-9]|1[0-2])(?![0-9])")


@dataclass(frozen=True)
class Shift:
    copy: int
    years: int = 0
    province: str | None = None
    quarters: int = 0
    months: int = 0

    def period(self, p: Period | None) -> Period | None:
        """Where a period of the source report lands in this copy."""
        if p is None:
            return None
        if p.kind == "quarter" and self.quarters:
            return Period("quarter", p.year + self.years, (p.index - 1 + self.quarters) % 4 + 1)
        if p.kind == "month" and self.months:
            return Period("month", p.year + self.years, (p.index - 1 + self.months) % 12 + 1)
        return Period(p.kind, p.year + self.years, p.index)


def shift_for(copy: int) -> Shift:
    if copy == 0:
        return Shift(0)
    j = copy - 1
    return Shift(copy, DELTAS[j % len(DELTAS)], PROVINCES[j % len(PROVINCES)], j % 3, j % 11)


def apply(text: str, s: Shift, kind: str | None) -> str:
    """The copy's text; `kind` is the source report's period kind (quarters/months shift only in such reports)."""
    if s.copy == 0:
        return text
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + s.years), text)
    if s.province:
        ocr = fold(s.province).title()
        forms = {"clean": lambda m: s.province, "upper": lambda m: s.province.upper(),
                 "ocr": lambda m: ocr.upper() if m.group(0).isupper() else ocr}
        for pat, form in _PROVINCE:
            text = pat.sub(forms[form], text)
    if kind == "quarter" and s.quarters:
        def q(m: re.Match) -> str:
            n = _QVAL.get(m.group(3).lower())
            if n is None:
                return m.group(0)
            new = _ROMAN[(n - 1 + s.quarters) % 4 + 1]
            return m.group(1) + m.group(2) + new
        text = _QUARTER.sub(q, text)
    if kind == "month" and s.months:
        def mo(m: re.Match) -> str:
            n = (int(m.group(3)) - 1 + s.months) % 12 + 1
            width = 2 if m.group(3).startswith("0") else 1
            return m.group(1) + m.group(2) + f"{n:0{width}d}"
        text = _MONTH.sub(mo, text)
    return text


def copy_name(src: str, copy: int) -> str:
    return src if copy == 0 else f"{Path(src).stem}_c{copy:03d}.txt"


def source_periods(reports: Path = REPORTS) -> dict[str, Period | None]:
    from tracuu.ingest.metadata import extract
    out = {}
    for f in sorted(reports.glob("*.txt")):
        out[f.name] = extract(f.read_text("utf-8").split("\n"), f.stem)["period"]
    return out


def write_copies(out: Path, copies: int, reports: Path = REPORTS) -> list[Path]:
    """Copies 0..copies-1 of each report under out/ (existing identical files are left alone)."""
    out.mkdir(parents=True, exist_ok=True)
    kinds = {k: (p.kind if p else None) for k, p in source_periods(reports).items()}
    written = []
    for f in sorted(reports.glob("*.txt")):
        raw = f.read_text("utf-8")
        for c in range(copies):
            path = out / copy_name(f.name, c)
            text = apply(raw, shift_for(c), kinds[f.name])
            if not path.exists() or path.read_text("utf-8") != text:
                path.write_text(text, "utf-8")
            written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    files = write_copies(args.out, args.copies)
    print(f"{len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
