"""The Answer JSON of CONTRACT.md, as dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field

from tracuu.ingest.types import Period


@dataclass
class Citation:
    n: int
    doc: str
    title: str
    period: Period | None  # the report's period
    section: str
    line_start: int
    line_end: int
    text: str
    score: float
    passage_id: str = ""
    section_period: Period | None = None
    page: int | None = None
    number: str | None = None
    date: str | None = None
    kind: str = "body"
    quote: str = ""  # the sentence the answer quotes, verbatim
    ocr_confidence: float | None = None  # OCR word confidence of the cited page; None: not a scan

    def to_dict(self) -> dict:
        d = {"n": self.n, "doc": self.doc, "title": self.title,
             "period": self.period.to_dict() if self.period else None, "section": self.section,
             "line_start": self.line_start, "line_end": self.line_end, "text": self.text,
             "score": round(self.score, 4), "passage_id": self.passage_id,
             "section_period": self.section_period.to_dict() if self.section_period else None,
             "number": self.number, "date": self.date, "kind": self.kind, "quote": self.quote}
        if self.page is not None:
            d["page"] = self.page
        if self.ocr_confidence is not None:
            d["ocr_confidence"] = self.ocr_confidence
        return d


@dataclass
class Answer:
    question: str
    answered: bool
    answer: str
    period: Period | None
    citations: list[Citation] = field(default_factory=list)
    ms: float = 0.0
    id: str | None = None
    mode: str = "extractive"
    note: str | None = None
    confidence: float | None = None  # share of the question's words found in the quoted sentence
    by_province: list[str] = field(default_factory=list)  # a line per province, in this order
    figures: list = field(default_factory=list)  # qa.figures.Figure, the direct answer first
    understood_as: str | None = None  # a follow-up read with the previous question
    trend: object = None  # qa.trend.Trend when the answer is an indicator across periods
    plan_only: bool = False  # refused for a result: only a plan speaks of the period (quoted, its figures kept)
    why: list = field(default_factory=list)  # the sentences weighed and what ruled each out (see Engine._answer)
    # another report of the place stating the lead figure's period otherwise: [{"n", "doc", "figure"}] (qa.disagree)
    also_reported: list = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"id": self.id, "question": self.question, "answered": self.answered, "answer": self.answer,
             "period": self.period.to_dict() if self.period else None,
             "citations": [c.to_dict() for c in self.citations], "ms": round(self.ms, 1), "mode": self.mode,
             "confidence": None if self.confidence is None else round(self.confidence, 3),
             "figures": [f.to_dict() for f in self.figures] if self.answered else []}
        if self.note:
            d["note"] = self.note
        if self.by_province:
            d["by_province"] = self.by_province
        if self.understood_as:
            d["understood_as"] = self.understood_as
        if self.plan_only:
            d["plan_only"] = True
        if self.why:
            d["why"] = self.why
        if self.also_reported and self.answered:
            d["also_reported"] = self.also_reported
        if self.trend is not None:
            d["trend"] = self.trend.to_dict()
        return d
