"""OCR of scanned PDF pages that never loses a page silently.

Each page is rasterised at its scan's own resolution, cleaned and straightened (ingest.ocr_image),
read by the Tesseract CLI in Vietnamese (ingest.ocr_tesseract), and its yield checked against the
ink it shows (ingest.ocr_check). A page that reads badly is read again in the cheap ways that fix
the common failures (another page-segmentation mode, Sauvola binarisation, a stronger speck
filter); the best reading is kept, and a page that is still poor is flagged, never dropped, so
ingest can report it and answers quoting it can say the figure comes from a poor scan.

The command-line tools (apt: tesseract-ocr tesseract-ocr-vie poppler-utils) are used rather than
Python bindings so nothing extra has to be compiled; each page is its own set of processes, so
pages run in parallel on all cores.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import ocr_image
from .ocr_check import Check, check
from .ocr_tesseract import OcrError, Reading, read

__all__ = ["OcrError", "PageResult", "Attempt", "ATTEMPTS", "ocr_pdf_pages", "tesseract_available"]


@dataclass(frozen=True)
class Attempt:
    """One way of reading a page: the speck filter's size, Tesseract's page segmentation mode and
    its binarisation (0 Otsu, 2 Sauvola: tolerant of uneven light and faint ink)."""

    median: int = 3
    psm: int = 3
    threshold: int = 0


# first the reading that suits most scans, then what fixes the failures seen on bench/scans.py:
# blocks dropped by the layout analysis (psm 6 reads the page as one block of text), faint or
# unevenly lit ink (Sauvola), heavy speckle (a 5x5 median)
ATTEMPTS = (Attempt(), Attempt(psm=6), Attempt(threshold=2), Attempt(median=5, psm=6))


@dataclass
class PageResult:
    page: int
    lines: list[str]
    confidence: float  # mean word confidence of the kept reading, 0-100
    coverage: float  # share of the page's text ink inside confidently read words
    flagged: bool  # still reads far less than it shows after every attempt
    attempts: int
    dpi: int  # the resolution rasterised at (the scan's own)
    skew: float  # degrees undone

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Whether tesseract (with its 'vie' language data) and poppler's pdftoppm/pdfimages can be run,
    and OpenCV is importable."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm") and shutil.which("pdfimages")):
        return False
    try:
        import cv2  # noqa: F401
    except ImportError:
        return False
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (out.stdout + out.stderr).split()  # older versions list on stderr


def ocr_pdf_pages(data: bytes, page_numbers: list[int], attempts=ATTEMPTS) -> dict[int, PageResult]:
    """The given 1-based pages of a PDF read by Tesseract ('vie'), checked, page -> result."""
    if not page_numbers:
        return {}
    workers = max(1, min(len(page_numbers), os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="tracuu-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        native = ocr_image.native_dpi(pdf)
        from tqdm import tqdm
        out: dict[int, PageResult] = {}
        pool = ThreadPoolExecutor(max_workers=workers)
        try:
            futures = {pool.submit(ocr_page, pdf, n, native.get(n), attempts): n for n in page_numbers}
            with tqdm(total=len(futures), desc="OCR", unit="page", file=sys.stderr, leave=False) as bar:
                for fut in as_completed(futures):
                    out[futures[fut]] = fut.result()
                    bar.update(1)
        except ValueError as e:  # an image OpenCV cannot read or write
            raise OcrError(str(e)) from e
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # a failed page stops the rest
    return out


def ocr_page(pdf: Path, page: int, native: float | None, attempts=ATTEMPTS) -> PageResult:
    """Read one page, retrying the cheap alternatives while it reads badly; keep the best reading."""
    dpi = ocr_image.raster_dpi(native)
    gray = ocr_image.rasterise(pdf, page, dpi)
    prepared: dict[int, tuple] = {}
    best: tuple[Reading, Check] | None = None
    tried = 0
    for attempt in attempts:
        if attempt.median not in prepared:
            image, skew = ocr_image.prepare(gray, dpi, attempt.median)
            path = ocr_image.write_png(image, pdf.with_name(f"page-{page}-m{attempt.median}.png"))
            prepared[attempt.median] = (image, skew, path)
        image, skew, path = prepared[attempt.median]
        reading = read(path, dpi, attempt.psm, attempt.threshold)
        result = check(image, dpi, reading)
        tried += 1
        if best is None or result.score > best[1].score:
            best = (reading, result)
        if not best[1].needs_retry:
            break
    for *_, path in prepared.values():
        path.unlink(missing_ok=True)
    reading, result = best
    return PageResult(page=page, lines=reading.lines, confidence=round(result.confidence, 1),
                      coverage=round(result.coverage, 3), flagged=result.poor, attempts=tried, dpi=dpi,
                      skew=next(iter(prepared.values()))[1])
