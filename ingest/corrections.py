"""People's corrections of what a document is about (its period, its province), kept beside the index.

The metadata read from a text is a guess whenever the text is unusual; the person who ingests it knows.
Corrections live in `$TRACUU_HOME/corrections.json`, keyed by file name, so they survive a re-ingest
of the same file and a rebuild, and are applied whenever the file is read (`apply`).
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .periods import parse_period
from .places import find_provinces, issuer_of
from .types import Document, Period

FILE = "corrections.json"


class CorrectionError(ValueError):
    """A correction that cannot be understood; the message says what to write instead."""


@dataclass(frozen=True)
class Correction:
    period: Period | None = None
    province: str | None = None

    def to_dict(self) -> dict:
        return {"period": self.period.label if self.period else None, "province": self.province}


def parse(period: str | None = None, province: str | None = None) -> Correction:
    """Validated values: a period label tracuu can read, a province name it knows."""
    p = None
    if period and period.strip():
        p = parse_period(period.strip())
        if p is None:
            raise CorrectionError(f"cannot read the period {period!r}; write it like "
                                  "'quý I/2022', '6 tháng đầu năm 2023', 'tháng 10/2022', '10 tháng năm 2022'")
    name = None
    if province and province.strip():
        found = find_provinces(province if " " in province.strip() else f"thành phố {province.strip()}")
        if not found:
            raise CorrectionError(f"unknown province {province!r}; write its name, e.g. 'Đồng Nai', 'Cần Thơ'")
        name = found[0]
    if p is None and name is None:
        raise CorrectionError("give a period and/or a province to set")
    return Correction(p, name)


def load(home: Path) -> dict[str, Correction]:
    path = Path(home) / FILE
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text("utf-8"))
    return {doc: Correction(parse_period(v["period"]) if v.get("period") else None, v.get("province"))
            for doc, v in raw.items()}


def save(home: Path, doc: str, correction: Correction) -> None:
    """Merge one document's correction (fields given override, fields not given are kept); atomic write."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    current = load(home)
    old = current.get(doc, Correction())
    current[doc] = Correction(correction.period or old.period, correction.province or old.province)
    fd, tmp = tempfile.mkstemp(dir=home, prefix=".corrections-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({d: c.to_dict() for d, c in sorted(current.items())}, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, home / FILE)


def apply(doc: Document, correction: Correction | None) -> Document:
    """The document as the person said it is; the sources say 'user' where they did."""
    if correction is None:
        return doc
    if correction.period is not None:
        if correction.period != doc.period and doc.next_period == correction.period:
            doc.next_period = None
        doc.period, doc.period_source = correction.period, "user"
    if correction.province is not None:
        doc.province, doc.province_source = correction.province, "user"
        if not doc.issuer or doc.issuer.startswith("UBND"):
            doc.issuer = issuer_of(correction.province)
    return doc
