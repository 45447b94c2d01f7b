"""One Tesseract run on one page image, read from its TSV output: the words with their boxes
and confidences, and the page's lines rebuilt from them.

TSV rather than plain text because the confidences and boxes are what let ingest check a page
(ingest.ocr_check) instead of trusting whatever came back; the text is the same words Tesseract's
plain-text renderer would print, one line per TSV line, paragraphs in reading order.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

PAGE_TIMEOUT_S = 300


class OcrError(RuntimeError):
    """OCR of a page failed (a tool crashed or timed out)."""


@dataclass
class Word:
    text: str
    conf: float  # Tesseract's 0-100 word confidence
    box: tuple[int, int, int, int]  # left, top, width, height in image pixels


@dataclass
class Reading:
    """What one Tesseract run made of a page."""

    lines: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    psm: int = 3

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def letters(self) -> int:
        return sum(len(w.text) for w in self.words)

    @property
    def mean_confidence(self) -> float:
        """Word confidence weighted by word length: a misread long word weighs more than a misread comma."""
        n = self.letters
        return sum(w.conf * len(w.text) for w in self.words) / n if n else 0.0


def read(image: Path, dpi: int, psm: int = 3, threshold: int = 0) -> Reading:
    """Tesseract ('vie') on a page image at `dpi` (passed on: a PNG written by OpenCV carries none,
    and Tesseract would guess 70 dpi and misjudge the text size), with page segmentation mode
    `psm` and binarisation `threshold` (0 Otsu, 1 Leptonica's adaptive Otsu, 2 Sauvola)."""
    # one thread per process: pages already run in parallel, more threads only contend
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    tsv = run(["tesseract", str(image), "stdout", "-l", "vie", "--psm", str(psm), "--dpi", str(dpi),
               "-c", f"thresholding_method={threshold}", "tsv"],
              env=env)
    return parse_tsv(tsv, psm)


def parse_tsv(tsv: str, psm: int = 3) -> Reading:
    out = Reading(psm=psm)
    current, line = None, []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5: a word
            continue
        text = tidy(cols[11].strip())
        if not text:
            continue
        key = (cols[1], cols[2], cols[3], cols[4])  # page, block, paragraph, line
        if key != current and line:
            out.lines.append(" ".join(line))
            line = []
        current = key
        line.append(text)
        out.words.append(Word(text, max(0.0, float(cols[10])), tuple(int(c) for c in cols[6:10])))
    if line:
        out.lines.append(" ".join(line))
    return out


# what a speck of toner left after cleaning is read as: Vietnamese typography puts no such mark alone
# between words, nor at a word's start ('1.622 _ nghìn lượt', '.doanh nghiệp' on a photocopy)
_SPECK_MARKS = "._`'‘’,:;~^¸"
_SPECK_LEADS = "._`,:;~^¸"  # not quotes: a quote may open a word


def tidy(word: str) -> str:
    """A word without the marks a speck is read as: '' for a mark standing alone, '.doanh' -> 'doanh'."""
    if all(c in _SPECK_MARKS for c in word):
        return ""
    if word[0] in _SPECK_LEADS and word.lstrip(_SPECK_LEADS)[:1].isalpha():
        return word.lstrip(_SPECK_LEADS)
    return word


def run(cmd: list[str], env: dict | None = None) -> str:
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
