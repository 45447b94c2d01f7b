"""Did Tesseract read what the page shows? Its yield measured against the page's own ink.

A scan that Tesseract mis-segments does not fail: it returns a few lines and exits 0, and the
rest of the page is lost without a word. So every OCR'd page is checked: the share of the page's
text ink that lies inside words Tesseract read with some confidence ("coverage"), and the mean
word confidence. Text ink is the dark connected components of letter size: specks smaller than
a diacritic dot and shapes taller than half an inch (frames, photos, stamps) are not counted,
since no reading of them is expected.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ocr_image import ink_mask
from .ocr_report import POOR_CONFIDENCE
from .ocr_tesseract import Reading

WORD_CONF = 50  # a word read below this confidence is not counted as read
# clean and well-restored scans read at 91-96 mean confidence covering 95-100% of their ink (bench/scans.py)
RETRY_COVERAGE, RETRY_CONFIDENCE = 0.85, 85.0  # below either: try another way of reading the page
FLAG_COVERAGE, FLAG_CONFIDENCE = 0.5, POOR_CONFIDENCE  # still below either after the retries: flag the page
MIN_TEXT_INK = 0.001  # share of the page: less ink than this is a blank page, nothing to check


@dataclass
class Check:
    coverage: float  # share of text ink inside confidently read words (1.0 on a blank page)
    confidence: float  # mean word confidence, 0-100
    blank: bool

    @property
    def score(self) -> float:
        """How to pick the best of several readings: ink read times how sure Tesseract was."""
        return self.coverage * self.confidence

    @property
    def needs_retry(self) -> bool:
        return not self.blank and (self.coverage < RETRY_COVERAGE or self.confidence < RETRY_CONFIDENCE)

    @property
    def poor(self) -> bool:
        """Reads far less than it shows, or reads it so unsure that the figures cannot be trusted."""
        return not self.blank and (self.coverage < FLAG_COVERAGE or self.confidence < FLAG_CONFIDENCE)


def text_ink(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Boolean mask of the dark pixels that belong to letter-sized shapes."""
    import cv2

    dark = ink_mask(gray).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    min_area = max(2, round((dpi / 150) ** 2 * 3))  # a diacritic dot at 150 dpi is about 4 px
    max_height = dpi // 2
    keep = (stats[:, cv2.CC_STAT_AREA] >= min_area) & (stats[:, cv2.CC_STAT_HEIGHT] <= max_height)
    keep[0] = False  # the background
    return keep[labels]


def check(gray: np.ndarray, dpi: int, reading: Reading) -> Check:
    ink = text_ink(gray, dpi)
    total = int(ink.sum())
    if total < MIN_TEXT_INK * ink.size:
        return Check(1.0, reading.mean_confidence if reading.words else 100.0, True)
    read = np.zeros_like(ink)
    for w in reading.words:
        if w.conf >= WORD_CONF:
            left, top, width, height = w.box
            read[top:top + height, left:left + width] = True
    covered = int((ink & read).sum())
    return Check(covered / total, reading.mean_confidence, False)
