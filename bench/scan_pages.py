"""Clean page images of the sample reports, with the exact text each page shows.

The scan benchmark (bench/scans.py) and tests/test_ocr.py need pages whose true text is known, so
they draw it themselves: the clean Unicode reports 002 and 003 are laid out on A4 with Pillow in
DejaVu Serif 12 pt (a serif face, like the Times New Roman of real reports), at a master resolution
of 300 dpi; degradations (bench/scan_degrade.py) then work from that master as a scanner would.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # apt: fonts-dejavu-core
FONT = FONT_DIR / "DejaVuSerif.ttf"
MASTER_DPI = 300
A4_IN = (8.27, 11.69)


@dataclass
class Page:
    image: "object"  # PIL.Image, mode L, at MASTER_DPI
    text: str  # the words the page shows, in reading order, single-spaced
    source: str  # report file name
    number: int  # 1-based page of that report as laid out here


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def char_accuracy(truth: str, got: str) -> float:
    """1 - character error rate: edit distance (rapidfuzz's Levenshtein) over the true text's length,
    whitespace collapsed on both sides since line breaks are layout, not content."""
    from rapidfuzz.distance import Levenshtein

    t, g = flat(truth), flat(got)
    return max(0.0, 1 - Levenshtein.distance(t, g) / max(len(t), 1))


def paragraphs(path: Path) -> list[str]:
    text = unicodedata.normalize("NFC", path.read_text("utf-8"))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def wrap(text: str, fits) -> list[str]:
    """Greedy word wrap: `fits(line)` says whether a line fits the width (a word alone always does)."""
    lines, line = [], ""
    for word in text.split():
        if line and not fits(f"{line} {word}"):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def render(paras: list[str], pages: int, source: str = "", size_pt: float = 12,
           dpi: int = MASTER_DPI) -> list[Page]:
    """The first `pages` pages of the paragraphs, laid out as a word processor would (wrapped lines,
    a half-line gap between paragraphs, 2 cm margins); a paragraph may continue on the next page."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), round(size_pt / 72 * dpi))
    w, h = round(A4_IN[0] * dpi), round(A4_IN[1] * dpi)
    margin, step = round(0.8 * dpi), round(font.size * 1.45)
    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines: list[str | None] = []  # None: the gap between paragraphs
    for p in paras:
        lines += [*wrap(p, lambda line: measure.textlength(line, font=font) <= w - 2 * margin), None]
    out: list[Page] = []
    i = 0
    while len(out) < pages and i < len(lines):
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        y, shown = margin, []
        while i < len(lines) and y + step <= h - margin:
            if lines[i] is None:
                y += step // 2
            else:
                draw.text((margin, y), lines[i], font=font, fill=0)
                shown.append(lines[i])
                y += step
            i += 1
        out.append(Page(img, " ".join(shown), source, len(out) + 1))
    return out


def sample_pages(reports: Path) -> list[Page]:
    """The benchmark's six pages: four of the 2021 press release (002), two of the January 2023 report (003)."""
    pages = render(paragraphs(reports / "002_531108871c7d6a37.txt"), 4, "002_531108871c7d6a37.txt")
    return pages + render(paragraphs(reports / "003_bbcbd673d8c3e626.txt"), 2, "003_bbcbd673d8c3e626.txt")
