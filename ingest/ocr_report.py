"""What OCR quality means to the people downstream: the per-document summary, and the warning an
answer carries when its figure was read from a poor scan.

Kept apart from the image and Tesseract code so the index, the API and the answer composer can use
it without OpenCV or Tesseract installed.
"""
from __future__ import annotations

# a page whose mean word confidence is below this reads unreliably (clean scans: 93-96; a faint,
# blurred page that reads one word in four wrong: about 72)
POOR_CONFIDENCE = 80.0


def summary(results: dict) -> dict | None:
    """{"pages": 4, "mean_confidence": 91.2, "flagged_pages": [3]} from page -> ingest.ocr.PageResult;
    None when nothing was OCR'd (a text document, or a PDF with a text layer on every page)."""
    if not results:
        return None
    pages = sorted(results.values(), key=lambda r: r.page)
    return {"pages": len(pages),
            "mean_confidence": round(sum(r.confidence for r in pages) / len(pages), 1),
            "flagged_pages": [r.page for r in pages if r.flagged]}


def describe(ocr: dict | None) -> str:
    """One line for `tracuu ingest` / `tracuu docs`: 'OCR 4 pages, mean confidence 91.2, flagged pages: 3'."""
    if not ocr:
        return ""
    flagged = ocr.get("flagged_pages") or []
    tail = f"flagged pages: {', '.join(map(str, flagged))} (check the original)" if flagged else "none flagged"
    return f"OCR {ocr['pages']} page{'s' if ocr['pages'] != 1 else ''}, mean confidence {ocr['mean_confidence']}, {tail}"


def is_poor(ocr: dict | None, page: int | None, confidence: float | None) -> bool:
    """A page OCR flagged, or read with low confidence."""
    if confidence is None:
        return False
    return confidence < POOR_CONFIDENCE or bool(ocr and page in (ocr.get("flagged_pages") or []))


def poor_scan_note(ocr: dict | None, page: int | None, confidence: float | None) -> str | None:
    """The sentence an answer quoting a poorly scanned page ends with, so the reporter checks the original."""
    if not is_poor(ocr, page, confidence):
        return None
    where = f"trang {page} " if page else ""
    return (f"Lưu ý: số liệu này được đọc bằng OCR từ {where}bản quét chất lượng kém (độ tin cậy "
            f"{confidence:.0f}/100); hãy đối chiếu với trang gốc.")
