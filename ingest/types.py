"""Plain dataclasses at the seam between ingest and everything downstream."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

PERIOD_KINDS = ("month", "quarter", "half", "nine_months", "months", "year")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """A reporting period: what a report covers, what a section plans, what a question asks."""

    kind: str  # month | quarter | half | nine_months | months | year
    year: int
    # month 1-12, quarter 1-4, half 1-2; for 'months' the number of months from January
    # ('10 tháng năm 2022', 'hai tháng đầu năm': statistics releases are cumulative); else None
    index: int | None = None

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"tháng {self.index:02d}/{self.year}"
        if self.kind == "quarter":
            return f"quý {ROMAN[self.index]}/{self.year}"
        if self.kind == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "nine_months":
            return f"9 tháng đầu năm {self.year}"
        if self.kind == "months":
            return f"{self.index} tháng đầu năm {self.year}"
        return f"năm {self.year}"

    def months(self) -> range:
        """Months of the year this period spans, so periods can be compared by overlap."""
        if self.kind == "month":
            return range(self.index, self.index + 1)
        if self.kind == "quarter":
            return range(3 * self.index - 2, 3 * self.index + 1)
        if self.kind == "half":
            return range(1, 7) if self.index == 1 else range(7, 13)
        if self.kind == "nine_months":
            return range(1, 10)
        if self.kind == "months":
            return range(1, self.index + 1)
        return range(1, 13)

    @property
    def end(self) -> tuple[int, int]:
        """(year, month) of its last month: which of two periods ends later, or where a span ends."""
        return self.year, self.months()[-1]

    def contains(self, other: "Period") -> bool:
        return self.year == other.year and set(other.months()) <= set(self.months())

    def overlaps(self, other: "Period") -> bool:
        """Sharing months: the year's plan and its second half, a quarter and its half year."""
        return self.year == other.year and bool(set(self.months()) & set(other.months()))

    def to_dict(self) -> dict:
        return {"kind": self.kind, "year": self.year, "index": self.index, "label": self.label}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Period | None":
        if not d:
            return None
        return cls(d["kind"], int(d["year"]), d.get("index"))


@dataclass
class Document:
    doc: str  # file name, the user-facing id
    title: str
    kind: str
    number: str | None
    date: str | None
    period: Period | None
    next_period: Period | None  # the period its tasks/targets part plans for
    issuer: str | None
    sha256: str
    source_path: str
    fmt: str  # txt | md | pdf | docx
    chunks: int = 0
    ocr_quality: str = "clean"  # clean | ocr
    province: str | None = None  # 'Lạng Sơn': a national index holds every province's reports
    # where period and province were read: title | heading | body | filename | letterhead | user
    period_source: str | None = None
    province_source: str | None = None
    # scanned pages read by OCR: {"pages": 4, "mean_confidence": 91.2, "flagged_pages": [3]}; None when none
    ocr: dict | None = None

    def plans(self, period: Period | None) -> bool:
        """`period` (a section's) is the one this report's tasks part plans: its next period, not its own."""
        return period is not None and period == self.next_period != self.period

    def to_dict(self) -> dict:
        d = asdict(self)
        d["period"] = self.period.to_dict() if self.period else None
        d["next_period"] = self.next_period.to_dict() if self.next_period else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        d = dict(d)
        d["period"] = Period.from_dict(d.get("period"))
        d["next_period"] = Period.from_dict(d.get("next_period"))
        return cls(**d)


@dataclass
class Passage:
    id: str  # stable: doc + line range + content hash prefix
    doc: str
    text: str  # verbatim source lines joined by single spaces
    section: str  # "I. ... > 1. ... > a) ..."
    period: Period | None  # period of the section the passage sits in
    line_start: int  # 1-based, inclusive, in the source file
    line_end: int
    char_start: int  # offsets in the decoded source text
    char_end: int
    kind: str = "body"  # body | footnote | table | heading | title (the document's title lines)
    page: int | None = None
    footnote_of: str | None = None  # id of the passage that references this footnote
    content_hash: str = ""
    ocr_confidence: float | None = None  # mean OCR word confidence of its page (0-100); None: not OCR'd
    # the periods its text speaks of (not baselines), read once at ingest against its report's period; None in
    # an index written before they were stored (then read when asked)
    mentions: tuple[Period, ...] | None = None
    # a footnote's: the sentence carrying its mark, what the note details ('Tiếp tục thực hiện chính sách đặc
    # thù ... trên địa bàn tỉnh⁶' for '⁶ ... hỗ trợ thành lập 12 hợp tác xã'); None when not known
    marked_by: str | None = None

    def to_dict(self) -> dict:
        # every field is a plain value except the periods: a shallow copy is what asdict() gave, ~10x cheaper
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["period"] = self.period.to_dict() if self.period else None
        d["mentions"] = [p.to_dict() for p in self.mentions] if self.mentions is not None else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Passage":
        d = dict(d)
        d["period"] = Period.from_dict(d.get("period"))
        if d.get("mentions") is not None:
            d["mentions"] = tuple(Period.from_dict(p) for p in d["mentions"])
        return cls(**d)


@dataclass
class SourceText:
    """A decoded file as lines, before structure is recovered."""

    lines: list[str]
    encoding: str
    fmt: str
    pages: list[int | None] = field(default_factory=list)  # page of each line (PDF), else empty
    # structure the format itself states, by 0-based line index: "h1".."h4" (heading level,
    # e.g. Word heading styles) or "table" (a table row already rendered with its headers)
    hints: dict[int, str] = field(default_factory=dict)
    ocr: dict | None = None  # OCR summary of the scanned pages (ingest.ocr.summary), None when none
    page_confidence: dict[int, float] = field(default_factory=dict)  # OCR'd page -> mean word confidence
    # the file's own lines (1-based, first and last) each text line was read from, where they differ from the text's
    # numbering (a saved web page: its article's text is read out of markup); empty: the text's lines are the file's
    source_lines: list[tuple[int, int]] = field(default_factory=list)


class IngestError(Exception):
    """A file that cannot be ingested; the message names the file and the reason."""
