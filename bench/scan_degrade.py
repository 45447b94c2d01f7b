"""Reproducible scan damage: what photocopiers, faxes and phone cameras do to a clean page.

Every level starts from the 300 dpi master of bench/scan_pages.py and applies, in the order a
real page meets them: a phone's perspective and uneven light, the skew of a page laid crooked,
optical blur, sampling at the scanner's resolution, washed-out contrast, photocopy speckle
(toner specks and drop-outs at the scan's own pixel size); image_pdf stores the page as JPEG at
the level's quality. Noise comes from a numpy generator seeded per page, so two runs damage the
same pixels.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Level:
    name: str
    dpi: int
    skew: float = 0.0  # degrees, counter-clockwise
    blur: float = 0.0  # Gaussian sigma in master (300 dpi) pixels
    speckle: float = 0.0  # share of pixels turned to toner specks (and a third as many drop-outs)
    jpeg: int | None = None  # JPEG quality
    contrast: tuple[int, int] | None = None  # (ink, paper) grey levels
    perspective: float = 0.0  # how far the corners move, as a share of the page width
    target: bool = True  # counted in the acceptance band (150-200 dpi photocopy, skew <= 2 degrees)


LEVELS = [
    Level("clean 300 dpi", 300, target=False),
    Level("photocopy 150 dpi, skew 0.8°", 150, skew=0.8, blur=0.6, speckle=0.02),
    Level("photocopy 200 dpi, skew -1.5°", 200, skew=-1.5, blur=0.6, speckle=0.02),
    Level("photocopy 150 dpi, skew 2°, heavy speckle", 150, skew=2.0, blur=0.8, speckle=0.04),
    Level("fax 200 dpi, JPEG q25", 200, skew=0.5, blur=1.0, jpeg=25),
    Level("low contrast 200 dpi", 200, skew=-0.7, blur=0.8, contrast=(120, 200), speckle=0.01),
    Level("skew 3° 300 dpi", 300, skew=3.0, target=False),
    Level("skew -3° 200 dpi, speckle", 200, skew=-3.0, blur=0.6, speckle=0.02, target=False),
    Level("100 dpi", 100, blur=0.5, target=False),
    Level("phone photo", 200, skew=1.0, blur=1.2, jpeg=60, contrast=(60, 215), perspective=0.03, target=False),
]


def degrade(image, level: Level, seed: int):
    """The master page image (PIL, mode L, 300 dpi) as `level` would deliver it, at level.dpi."""
    import cv2
    from PIL import Image

    rng = np.random.default_rng(seed)
    a = np.asarray(image, dtype=np.float32)
    h, w = a.shape
    if level.perspective:
        a = _perspective(a, level.perspective, rng)
    if level.skew:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), level.skew, 1.0)
        a = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if level.blur:
        a = cv2.GaussianBlur(a, (0, 0), level.blur)
    if level.dpi != 300:
        size = (round(w * level.dpi / 300), round(h * level.dpi / 300))
        a = cv2.resize(a, size, interpolation=cv2.INTER_AREA)
    if level.contrast:
        ink, paper = level.contrast
        a = ink + a / 255 * (paper - ink)
        if level.perspective:  # a phone photo is lit from one side
            a *= np.linspace(0.8, 1.05, a.shape[1], dtype=np.float32)[None, :]
    if level.speckle:
        noise = rng.random(a.shape)
        a[noise < level.speckle] = 0
        a[noise > 1 - level.speckle / 3] = 255
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def _perspective(a: np.ndarray, amount: float, rng) -> np.ndarray:
    import cv2

    h, w = a.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = src + rng.uniform(-amount, amount, (4, 2)).astype(np.float32) * w
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=235)


def image_pdf(images, dpi: int, jpeg: int | None = None) -> bytes:
    """An image-only PDF, one image per page at `dpi`: what a scanner hands over. Pillow stores
    grey pages as JPEG: at the level's quality, else at 90 (a scanner's usual, nearly lossless)."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=list(images[1:]),
                   quality=jpeg or 90)
    return buf.getvalue()
