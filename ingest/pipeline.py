"""File -> (Document, Passages): the whole ingest, one file at a time."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import corrections, metadata, parse_cache
from .chunking import content_hash, lines_of, paragraph_text, split_sentences, windows
from tracuu.config import Config
from .loaders import load
from .periods import find_periods, spoken_periods
from .footnote_marks import damaged_marks
from .structure import LIST_ITEM, Paragraph, build_paragraphs, cites_footnote, is_caps, is_plan_heading
from .running_lines import running_lines
from .text_tables import markdown_headings, markdown_plain
from .textnorm import fold_ocr
from .types import Document, Passage, Period, SourceText


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ingest_file(path: Path, config: Config, sha256: str | None = None) -> tuple[Document, list[Passage]]:
    """Read, structure and chunk one report. Raises IngestError with a message naming the file."""
    sha256 = sha256 or file_hash(path)
    correction = corrections.load(config.home).get(path.name)
    entry = parse_cache.key(sha256, path.name, correction, config)
    if config.cache and (kept := parse_cache.get(config, entry)):
        doc, passages = kept
        doc.source_path = str(path.resolve())  # the same bytes may have moved
        return doc, passages
    doc, passages = _read(path, config, sha256, correction)
    if config.cache:
        parse_cache.put(config, entry, doc, passages)
    return doc, passages


def _read(path: Path, config: Config, sha256: str, correction) -> tuple[Document, list[Passage]]:
    src = load(path, config.max_file_bytes)
    # Markdown's headings mark the title for reading metadata; passages keep the file's lines as they are
    # (headings as structure were tried twice: rows under a heading took its words and lost set L/N/Q questions)
    hints = markdown_headings(src.lines, src.hints) if src.fmt == "md" else src.hints
    lines = markdown_plain(src.lines) if src.fmt == "md" else src.lines
    meta = metadata.extract(lines, fallback_title=path.stem, filename=path.name, hints=hints)
    doc = Document(
        doc=path.name, title=meta["title"], kind=meta["kind"], number=meta["number"], date=meta["date"],
        period=meta["period"], next_period=meta["next_period"], issuer=meta["issuer"], province=meta["province"],
        period_source=meta["period_source"], province_source=meta["province_source"],
        sha256=sha256, source_path=str(path.resolve()), fmt=src.fmt,
        ocr_quality=_quality(src), ocr=src.ocr,
    )
    corrections.apply(doc, correction)  # a person's word beats a guess
    passages = make_passages(doc, src, config)
    for p in passages:  # the title (a news headline) sums up: answers quote the body that states it
        if p.kind == "body" and p.line_start - 1 in meta["title_lines"] and p.line_end - 1 in meta["title_lines"]:
            p.kind = "title"
    if src.source_lines:  # a web page's passages cite the page's own lines (the text was read out of its markup)
        for p in passages:
            p.line_start, p.line_end = src.source_lines[p.line_start - 1][0], src.source_lines[p.line_end - 1][1]
    doc.chunks = len(passages)
    return doc, passages


def _quality(src: SourceText) -> str:
    from .textnorm import vietnamese_score
    sample = "\n".join(src.lines[:400])
    return "clean" if vietnamese_score(sample) > 0.12 else "ocr"


def make_passages(doc: Document, src: SourceText, config: Config) -> list[Passage]:
    # a page's running header and footer between a sentence's two halves: passed over, the sentence goes on
    paras = build_paragraphs(src.lines, {**{i: "running" for i in running_lines(src.lines)}, **src.hints})
    if doc.next_period is None:
        doc.next_period = planned_period(paras, doc)
    offsets = _line_offsets(src.lines)
    stem = re.sub(r"[^\w.-]", "_", Path(doc.doc).stem)
    out: list[Passage] = []
    marks = damaged_marks(paras)
    # (section, period, what leads in: "list", "heading" or "table") a list's lead-in, a heading or a caption names
    listed: tuple[tuple[str, ...], Period, str] | None = None
    related = False  # inside a news page's list of other articles ('Tin liên quan:')
    headlines = False  # inside an issue's list of its own headlines ('Trong số này:')
    for n, p in enumerate(paras):
        text, spans = paragraph_text(p)
        if _TAGS.match(fold_ocr(text)):
            continue  # a news page's keywords ('Từ khóa: Hải Dương · GRDP · FDI'): words for its search, not its text
        if _RELATED.match(fold_ocr(text).strip("*_# ")):  # ('**Tin liên quan**' in Markdown)
            related = True  # other articles' headlines: not this report's text (their figures are other stories')
            continue
        if _HEADLINES.match(fold_ocr(text)):
            headlines = True  # this issue's own headlines: kept, as headlines (the body states them in full)
            continue
        if related and p.kind in ("body", "list") and LIST_ITEM.match(text):
            continue
        if not (headlines and p.kind in ("body", "list") and LIST_ITEM.match(text)):
            headlines = False
        related = False
        period = section_period(p, doc)
        if _MD_HEADING.match(text):  # a Markdown heading naming a period ('## 5. Kế hoạch năm 2026'): what follows
            listed = _lead_in_period(text, tuple(p.section), doc, period, "heading")
        elif listed is not None and listed[0] == tuple(p.section) and (
                listed[2] == "heading" or LIST_ITEM.match(text) or listed[2] == "table" and p.kind == "table"):
            period = listed[1]  # an item of a list whose lead-in names its period ('Các chỉ tiêu chủ yếu năm 2026:')
        elif listed is not None and listed[2] == "table" and listed[0] == tuple(p.section) and p.kind == "body" \
                and _CAPTION_NOTE.match(text):
            period = listed[1]  # a caption's note before its table ('(Kèm theo Báo cáo số 412/BC-UBND ...)', 'ĐVT: ...')
        elif p.kind == "body" and _captions(text, paras[n + 1:n + 3]):
            # a table's caption naming its period ('Biểu: MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2022' printed after
            # the plans part): the table's rows are that period's
            listed = _lead_in_period(text, tuple(p.section), doc, period, "table")
        elif p.kind == "body" and not (listed is not None and listed[2] == "heading"):
            listed = _lead_in_period(text, tuple(p.section), doc, period)
            if listed is None and (joined := _LEAD_THEN_ITEMS.match(text)):
                # the lead-in and its first items in one paragraph ('... thông qua 13 chỉ tiêu chủ yếu của năm 2027,
                # trong đó: - Tốc độ tăng GRDP từ 9,0 - 9,5%; ...'): the paragraph, and the items after it, are its
                listed = _lead_in_period(joined.group(1), tuple(p.section), doc, period)
                period = listed[1] if listed is not None else period
        section = " > ".join(p.section)
        for a, b in windows(text, config.chunk_target, config.chunk_limit):
            chunk = text[a:b].strip()
            if len(chunk) < 3:
                continue
            lines = lines_of(spans, a, b)
            first, last = min(lines), max(lines)
            h = content_hash(f"{section}\n{chunk}")
            passage = Passage(
                id=f"{stem}:{first + 1}-{last + 1}:{h[:8]}", doc=doc.doc, text=chunk, section=section,
                period=period, line_start=first + 1, line_end=last + 1,
                char_start=offsets[first], char_end=offsets[last] + len(src.lines[last]),
                kind=p.kind if p.kind in ("footnote", "table") else "title" if headlines else "body",
                page=src.pages[first] if src.pages else None, content_hash=h,
                ocr_confidence=src.page_confidence.get(src.pages[first]) if src.page_confidence else None,
            )
            if p.kind == "footnote":
                mark = marks.get(n, (-1, None, None))
                referrer = _referrer(out, p.footnote_no, p.lines[0][0], *mark)
                if referrer is not None:  # printed at a page bottom, it speaks of what its mark's sentence does
                    passage.footnote_of, passage.period = referrer.id, referrer.period
                    passage.marked_by = _marking_sentence(referrer.text, p.footnote_no, mark[2])
            passage.mentions = spoken_periods(chunk, doc.period)
            out.append(passage)
    return _dedupe_ids(out)


# a list of other articles ('Tin liên quan:', 'Các tin khác trong số:')
_RELATED = re.compile(r"^\s*(?:cac\s+)?(?:(?:tin|bai(?: viet)?)\s+(?:lien quan|cung chuyen muc|khac|moi)(?:\s+trong so)?"
                      r"|xem them|doc them)\s*:?\s*$")
_TAGS = re.compile(r"^\W*(?:tu khoa|the|tags?)\s*:")
# a list of this issue's own headlines ('Trong số này:', 'Nội dung chính:'): each sums up what the body states in full
_HEADLINES = re.compile(r"^\s*(?:trong so nay|noi dung chinh)\s*:?\s*$")


def _lead_in_period(text: str, section: tuple[str, ...], doc: Document, period: Period | None, leads: str = "list"):
    """(section, period, leads) when `text` leads in a list and names one period other than its section's ('Các chỉ
    tiêu chủ yếu năm 2026:', 'Kết quả 9 tháng năm 2025:'): its items are that period's; or is a Markdown heading
    naming one ("heading": what follows it, to the next heading, is), or a table's caption ("table": the table's rows
    are). None otherwise."""
    if leads == "list" and not text.rstrip().endswith(":") or len(text) > 200:
        return None
    named = {m.period for m in find_periods(text, doc.period.year if doc.period else None) if m.period and not m.comparison}
    # (a period holding the section's is its frame: 'Biểu 1. ... theo tháng năm 2025' in a half-year release)
    if len(named) != 1 or (found := next(iter(named))) == period or period is not None and found.contains(period):
        return None
    if leads != "table" and doc.next_period is None and doc.period is not None and found.end > doc.period.end:
        doc.next_period = found  # a period after the report's own is the one its plans part plans
    return section, found, leads


_LEAD_THEN_ITEMS = re.compile(r"^([^:\n]{10,200}:)\s*[-–•+*]\s")


def _captions(text: str, following: list[Paragraph]) -> bool:
    """Whether `text` is the caption of the table that follows it: a short line with no sentence end that names a
    table ('Biểu số 01: ...', 'Bảng 2. ...') or is written in capitals (not '... xuất bản tháng 6 năm 2025')."""
    # (a note may stand between them: '(Kèm theo Báo cáo số 412/BC-UBND ngày 19/6/2026 của UBND tỉnh)', 'ĐVT: tỷ đồng')
    if len(following) > 1 and following[0].kind == "body" and _CAPTION_NOTE.match(paragraph_text(following[0])[0]):
        following = following[1:]
    return bool(following) and following[0].kind == "table" and len(text) <= 160 and not text.rstrip().endswith(".") \
        and (bool(_TABLE_NAME.match(fold_ocr(text))) or is_caps(text))


_CAPTION_NOTE = re.compile(r"^\s*(?:\([^()]{3,200}\)|(?:ĐVT|Đơn vị(?: tính)?)\s*:[^.]{1,60})\s*$", re.I)
_TABLE_NAME = re.compile(r"\W*(?:bieu|bang|phu luc)\b")


_MD_HEADING = re.compile(r"^\s{0,3}#{2,6}\s+\S")  # not '# ': a document's title names its periods


def section_period(p: Paragraph, doc: Document) -> Period | None:
    """The period a passage speaks of: the nearest heading that names one, else the report's own.

    A top-level 'NHIỆM VỤ / KẾ HOẠCH' part without a period of its own plans the report's next period.
    """
    own = doc.period or doc.next_period  # a document that only plans speaks of the planned period throughout
    default_year = own.year if own else None
    period = own
    doc_title = fold_ocr(doc.title).strip()
    for title, level in zip(p.section, p.levels):
        if fold_ocr(title).strip() == doc_title:
            continue  # the report's title names its own period and the planned one: read into `doc` already
        # (the whole year unsaid, 'cả năm', is read below: a heading on it makes its part the year's)
        found = [m.period for m in find_periods(title, default_year) if m.period and m.relative != "whole"]
        if not found and default_year and _WHOLE_YEAR.search(fold_ocr(title)):
            period = Period("year", default_year)  # '3. Đánh giá, ước thực hiện cả năm' of a 9-month report: the year's
            continue
        if found:
            # ('KẾT QUẢ ... CHỈ TIÊU NĂM 2024 VÀ CHỈ TIÊU KẾ HOẠCH NĂM 2025' in the 2024 report: its own year's results
            # with the next year's plan beside each; 'PHỤ LỤC ... THÁNG 5 VÀ 5 THÁNG NĂM 2024' of the 5-month report:
            # its columns say which is which): a heading naming the report's own period among others is the report's;
            # one naming several others plans the last
            new = doc.period if len(found) > 1 and doc.period in found else \
                found[-1] if is_plan_heading(title) and len(found) > 1 else found[0]
            # 'kế hoạch thanh tra năm 2023' under 'tháng 02/2023' does not widen the period
            if period is None or not new.contains(period) or level <= 1:
                period = new
        elif level <= 1 and is_plan_heading(title) and doc.next_period:
            period = doc.next_period
    return period


# a heading on the whole year, its year unsaid: 'Ước thực hiện cả năm', 'Đánh giá cả năm'
_WHOLE_YEAR = re.compile(r"\bca nam\b(?!\s*\d)")


def planned_period(paras: list[Paragraph], doc: Document) -> Period | None:
    """The next period, when the title does not say it: the first top-level plans part that
    names one ('II. NHIỆM VỤ 3 THÁNG CUỐI NĂM 2024')."""
    default_year = doc.period.year if doc.period else None
    for p in paras:
        for title, level in zip(p.section, p.levels):
            if level <= 1 and is_plan_heading(title):
                found = [m.period for m in find_periods(title, default_year) if m.period and m.period != doc.period]
                if found:
                    return found[-1]
    return None


def _referrer(passages: list[Passage], number: str | None, at: int, since: int = -1, mark: int | None = None,
              token: str | None = None) -> Passage | None:
    """The body passage that cites footnote `number` (printed at line `at`): the nearest one printed above it
    since the previous block of notes with the mark glued on; else the one holding the line of the OCR-damaged mark that stands in the
    same order as the note in its block (footnote_marks); else the nearest citing one however far (notes
    gathered at the end of a document, as Word exports them); else the last one."""
    bodies = [x for x in passages if x.kind == "body"]
    if number:
        for x in reversed(bodies):
            if x.line_end - 1 > since and x.line_start - 1 < at and cites_footnote(x.text, number):
                return x
    if mark is not None:
        holding = [x for x in bodies if x.line_start - 1 <= mark <= x.line_end - 1]
        if holding:
            return next((x for x in holding if token and token in x.text), holding[-1])
    if number:
        for x in reversed(bodies):
            if cites_footnote(x.text, number):
                return x
    return bodies[-1] if bodies else None


def _marking_sentence(text: str, number: str | None, token: str | None) -> str | None:
    """The sentence of `text` that carries the footnote's mark: where its OCR-damaged token stands, else the
    one with its number glued on; None when neither is found."""
    spans = split_sentences(text)
    at = text.find(token) + len(token) if token and token in text else -1
    for a, b in spans:
        if a < at <= b or (at < 0 and number and cites_footnote(text[a:b], number)):
            return text[a:b].strip()
    return None


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return offsets


def _dedupe_ids(passages: list[Passage]) -> list[Passage]:
    seen: dict[str, int] = {}
    for p in passages:
        if p.id in seen:
            seen[p.id] += 1
            p.id = f"{p.id}.{seen[p.id]}"
        else:
            seen[p.id] = 0
    return passages
