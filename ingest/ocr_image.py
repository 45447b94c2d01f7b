"""Page images made fit for Tesseract: rasterised at the scan's own resolution, cleaned, straightened.

Measured on bench/scans.py (BENCHMARKS.md, "Scans"), not guessed:
- A scan is rasterised at the resolution its embedded image has (poppler's `pdfimages -list`), not
  at a fixed 300 dpi: upscaling a 150 dpi photocopy turns its one-pixel specks into blobs that
  Tesseract's page segmentation takes for pictures and drops, with the text around them.
- Specks are removed at that native size by a 3x3 median (OpenCV), which keeps strokes two pixels
  wide. Enlarging a 150-200 dpi page to 300 dpi after cleaning was measured too: no better, and
  slower. Binarisation is left to Tesseract (Otsu; Sauvola on a retry), which already does it well
  on a clean grey image.
- Skew is measured the way Leptonica's pixFindSkew does (the angle whose row profile of ink is
  sharpest) and undone with an affine rotation; below a tenth of a degree nothing is touched.
OpenCV (opencv-python-headless) does the image work; poppler-utils the PDF side.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .ocr_tesseract import run

MIN_DPI = 150  # below this the scan's own resolution is too coarse to rasterise at: use this
MAX_DPI = 400  # above this nothing is gained but time
UNKNOWN_DPI = 300  # a page whose image resolution cannot be told


def native_dpi(pdf: Path) -> dict[int, float]:
    """Page -> resolution of its largest embedded image, as poppler's `pdfimages -list` reports it."""
    out: dict[int, tuple[int, float]] = {}
    for row in run(["pdfimages", "-list", str(pdf)]).splitlines()[2:]:
        cols = row.split()
        if len(cols) < 14 or not cols[0].isdigit() or cols[2] != "image":
            continue
        page, area = int(cols[0]), int(cols[3]) * int(cols[4])
        try:
            ppi = min(float(cols[12]), float(cols[13]))
        except ValueError:
            continue
        if page not in out or area > out[page][0]:
            out[page] = (area, ppi)
    return {page: ppi for page, (_, ppi) in out.items()}


def raster_dpi(native: float | None) -> int:
    """The resolution to rasterise a page at: its scan's own, within [MIN_DPI, MAX_DPI]; 300 when unknown."""
    if not native:
        return UNKNOWN_DPI
    return int(round(min(max(native, MIN_DPI), MAX_DPI)))


def rasterise(pdf: Path, page: int, dpi: int) -> np.ndarray:
    """One page as an 8-bit grey image (poppler's pdftoppm)."""
    import cv2

    prefix = pdf.with_name(f"raster-{page}")
    run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(pdf), str(prefix)])
    path = prefix.with_suffix(".png")
    try:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    finally:
        path.unlink(missing_ok=True)
    if image is None:
        raise ValueError(f"pdftoppm wrote no readable image for page {page}")
    return image


def prepare(gray: np.ndarray, dpi: int, median: int = 3) -> tuple[np.ndarray, float]:
    """(image to read, skew undone in degrees): specks removed at the scan's own size, straightened."""
    import cv2

    if median:
        gray = cv2.medianBlur(gray, median)
    angle = skew_angle(gray)
    if abs(angle) >= 0.1:
        gray = rotate(gray, angle)
    return gray, angle


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark pixels (Otsu's threshold), as booleans."""
    import cv2

    _, dark = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return dark > 0


def skew_angle(gray: np.ndarray, limit: float = 5.0) -> float:
    """The page's skew in degrees (counter-clockwise positive), searched within +-limit: the angle
    at which the rows of text line up, i.e. the row sums of ink vary most (pixFindSkew's criterion).
    Coarse steps of 0.5 degree, then 0.05 around the best, on a copy a quarter the size."""
    import cv2

    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = ink_mask(small).astype(np.float32)
    if ink.mean() < 0.002:  # a blank page has no skew to find
        return 0.0
    h, w = ink.shape
    center = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(center, angle, 1.0)
        rows = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-limit, limit + 1e-9, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.5 + 1e-9, 0.05), key=sharpness)
    return -round(float(fine), 2)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by -angle degrees (undoing a skew of `angle`), the uncovered corners white."""
    import cv2

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def write_png(gray: np.ndarray, path: Path) -> Path:
    import cv2

    if not cv2.imwrite(str(path), gray):
        raise ValueError(f"cannot write {path.name}")
    return path
