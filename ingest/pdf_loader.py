"""PDF -> lines with their page numbers: the text layer where there is one, OCR where not.

Page numbers travel with every line so answers can cite "trang 3". A scanned page has no
text layer; it is OCR'd when Tesseract is installed and otherwise refused with the fix,
never silently skipped. Tables are re-rendered row by row (as for .docx) only when the
optional pdfplumber is installed, since pypdf gives no cell positions.
"""
from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader

from .types import IngestError, SourceText

MIN_LETTERS = 20  # fewer letters than this on a page: no usable text layer
_CAPTION_MAX = 120


def load_pdf(data: bytes, name: str) -> SourceText:
    """Lines of all pages in order; pages[i] is the 1-based page of line i."""
    reader = _open(data, name)
    texts: dict[int, str] = {}
    scanned: list[int] = []
    for n, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception:  # a broken content stream: treat the page as having no text layer
            text = ""
        if sum(c.isalpha() for c in text) >= MIN_LETTERS:
            texts[n] = text
        elif _has_images(page):
            scanned.append(n)
        # else: a blank page (or one with only rules/shapes): nothing to read
    read = _ocr(data, name, scanned) if scanned else {}
    ocred = {n: r.text for n, r in read.items()}
    texts.update(ocred)
    tables = _tables(data, sorted(set(texts) - set(ocred)))
    lines: list[str] = []
    pages: list[int | None] = []
    hints: dict[int, str] = {}
    for n in sorted(texts):
        if n in tables:
            page_lines, table_rows = tables[n]
        else:
            page_lines, table_rows = _lines(texts[n]), set()
        for i, line in enumerate(page_lines):
            if i in table_rows:
                hints[len(lines)] = "table"
            lines.append(line)
            pages.append(n)
    encoding = "pdf+ocr" if ocred else "pdf"
    from .ocr_report import summary
    return SourceText(lines=lines, encoding=encoding, fmt="pdf", pages=pages, hints=hints, ocr=summary(read),
                      page_confidence={n: r.confidence for n, r in read.items()})


def _open(data: bytes, name: str):
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: PDF is password-protected; save an unprotected copy")
        _ = len(reader.pages)  # the page tree is read lazily: fail here, not later
    except IngestError:
        raise
    except Exception as e:  # pypdf raises PdfReadError, but also ValueError/KeyError on garbage
        raise IngestError(f"{name}: not a readable PDF ({type(e).__name__}: {e})") from e
    return reader


def _has_images(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:
        return True  # cannot tell: rather OCR a page than lose it


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _ocr(data: bytes, name: str, pages: list[int]) -> dict:
    """Page -> ingest.ocr.PageResult: the page's text, and how well it read (a poor page is flagged, never dropped)."""
    from . import ocr
    if not ocr.tesseract_available():
        which = "all pages" if len(pages) > 3 else "page " + ", ".join(map(str, pages))
        raise IngestError(
            f"{name}: scanned PDF ({which} without a text layer) needs OCR, and Tesseract with "
            "Vietnamese is not installed: install `tesseract-ocr tesseract-ocr-vie poppler-utils` (apt) "
            "and opencv-python-headless (pip)")
    try:
        return ocr.ocr_pdf_pages(data, pages)
    except ocr.OcrError as e:
        raise IngestError(f"{name}: OCR failed: {e}") from e


def _tables(data: bytes, pages: list[int]) -> dict[int, tuple[list[str], set[int]]]:
    """Pages holding tables of figures, re-read with pdfplumber: (lines, indices of table rows)."""
    try:
        import pdfplumber
    except ImportError:
        return {}
    from .docx_loader import is_data_table, table_lines
    out: dict[int, tuple[list[str], set[int]]] = {}
    n_tables = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n in pages:
                page = pdf.pages[n - 1]
                found = [t for t in page.find_tables() if is_data_table(t.extract())]
                if not found:
                    continue
                boxes = [t.bbox for t in found]
                outside = page.filter(lambda o: not any(_inside(o, b) for b in boxes))
                items = [(ln["top"], [ln["text"]], False) for ln in outside.extract_text_lines()]
                for t in found:
                    n_tables += 1
                    above = [text[0] for top, text, tab in sorted(items) if top < t.bbox[1] and not tab]
                    caption = above[-1] if above and len(above[-1]) <= _CAPTION_MAX else f"Bảng {n_tables}"
                    items.append((t.bbox[1], table_lines(t.extract(), caption), True))
                lines, rows = [], set()
                for _, texts, is_table in sorted(items, key=lambda x: x[0]):
                    for text in texts:
                        text = unicodedata.normalize("NFC", text.strip())
                        if text:
                            rows.update([len(lines)] if is_table else [])
                            lines.append(text)
                out[n] = (lines, rows)
    except Exception:  # pdfplumber is a nicety: its failure leaves the pypdf text in place
        return {}
    return out


def _inside(obj: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom
