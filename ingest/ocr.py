"""OCR of scanned PDF pages: poppler's pdftoppm rasterises, the Tesseract CLI reads Vietnamese.

The command-line tools (apt: tesseract-ocr tesseract-ocr-vie poppler-utils) are used rather
than Python bindings so nothing extra has to be compiled; each page is its own pair of
processes, so pages run in parallel on all cores.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path

DPI = 300  # Tesseract reads diacritics reliably from about 300 dpi
PAGE_TIMEOUT_S = 300


class OcrError(RuntimeError):
    """OCR of a page failed (a tool crashed or timed out)."""


@lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Whether tesseract (with its 'vie' language data) and pdftoppm can be run."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return False
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    langs = (out.stdout + out.stderr).split()  # older versions list on stderr
    return "vie" in langs


def ocr_pdf_pages(data: bytes, page_numbers: list[int]) -> dict[int, str]:
    """Text of the given 1-based pages of a PDF, read by Tesseract ('vie'), page -> text."""
    if not page_numbers:
        return {}
    workers = max(1, min(len(page_numbers), os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="tracuu-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        from tqdm import tqdm
        out: dict[int, str] = {}
        pool = ThreadPoolExecutor(max_workers=workers)
        try:
            futures = {pool.submit(_ocr_page, pdf, n): n for n in page_numbers}
            with tqdm(total=len(futures), desc="OCR", unit="page", file=sys.stderr, leave=False) as bar:
                for fut in as_completed(futures):
                    out[futures[fut]] = fut.result()
                    bar.update(1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # a failed page stops the rest
    return out


def ocr_image(image: Path) -> str:
    """Text of one page image."""
    # one thread per process: the pages already run in parallel, more threads only contend
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return _run(["tesseract", str(image), "stdout", "-l", "vie", "--psm", "3"], env=env).replace("\f", "")


def _ocr_page(pdf: Path, page: int) -> str:
    prefix = pdf.with_name(f"page-{page}")
    _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
          str(pdf), str(prefix)])
    image = prefix.with_suffix(".png")
    try:
        return ocr_image(image)
    finally:
        image.unlink(missing_ok=True)


def _run(cmd: list[str], env: dict | None = None) -> str:
    try:
        res = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired as e:
        raise OcrError(f"{cmd[0]} took over {PAGE_TIMEOUT_S}s") from e
    except OSError as e:
        raise OcrError(f"cannot run {cmd[0]}: {e}") from e
    if res.returncode != 0:
        err = res.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"{cmd[0]} failed ({err[-1] if err else f'exit {res.returncode}'})")
    return res.stdout.decode("utf-8", "replace")
