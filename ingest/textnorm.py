"""Vietnamese text normalisation: one canonical form for display, one folded form for matching."""
from __future__ import annotations

import functools
import re
import unicodedata

from tracuu.memo import kept

_MARK = "[\u0300\u0301\u0303\u0309\u0323]"
# Old style puts the tone on the second vowel of 'oa'/'oe'/'uy' ending a syllable (hoà, thuỷ);
# the modern style puts it on the first (hòa, thủy). In NFD the mark follows the vowel it sits on.
_OLD_STYLE = re.compile(rf"(?i)([ou])([aey])({_MARK})(?![a-z\u0300-\u036f])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def canonical_tones(text: str) -> str:
    """Move tone marks to the modern position: 'hoà' -> 'hòa', 'thuỷ' -> 'thủy'."""
    d = unicodedata.normalize("NFD", text)

    def swap(m: re.Match) -> str:
        pair = (m.group(1) + m.group(2)).lower()
        if pair not in ("oa", "oe", "uy"):
            return m.group(0)
        return m.group(1) + m.group(3) + m.group(2)

    return unicodedata.normalize("NFC", _OLD_STYLE.sub(swap, d))


def normalize(text: str) -> str:
    """NFC plus consistent tone placement: the form used for matching accented text."""
    return canonical_tones(nfc(text))


# 'so với' (than, against), folded, as OCR prints it ('so véi', 'so v&i', 'so v6i', 'so vdi', 'so Vi') or as
# it is also written ('tăng 5% so cùng kỳ'): the baseline's words follow
SO_VOI = r"so\s+(?:v[a-z0-9&]{0,2}i\s+)?"
_STRIP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "¢": "c", "€": "e", "–": "-", "—": "-"})


# (Word turns 'giai đoạn 2021 - 2025' into an en dash as it is typed: one dash for every rule that reads a span)
_STRIP_PAIRS = (("đ", "d"), ("Đ", "d"), ("ð", "d"), ("Ð", "d"), ("¢", "c"), ("€", "e"), ("–", "-"), ("—", "-"))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
@functools.cache
def _marks_re() -> re.Pattern:
    """A class of every BMP code point unicodedata.combining() flags (built on first use, a few ms).
    Astral code points stay out: they would turn the class into a slow range list."""
    cps = [c for c in range(0x10000) if unicodedata.combining(chr(c))]
    ranges, start = [], cps[0]
    for a, b in zip(cps, cps[1:] + [None]):
        if b != a + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(a)) if a > start else ""))
            start = b
    return re.compile("[" + "".join(ranges) + "]")


def fold(text: str) -> str:
    """Lower-case ASCII skeleton ('Đầu tư' -> 'dau tu'), how both OCR text and unaccented queries look."""
    if text.isascii():  # nothing to strip or decompose
        return text.lower()
    # the same result as translate(_STRIP), NFD, then dropping each char that unicodedata.combining()
    # flags, one at a time (the old code), ~3-4x faster on report text
    for a, b in _STRIP_PAIRS:
        if a in text:
            text = text.replace(a, b)
    t = unicodedata.normalize("NFD", text)
    if not t.isascii():
        t = _marks_re().sub("", t)
        if _ASTRAL.search(t):  # rare: astral marks (musical, Brahmi...) the BMP class leaves
            t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t.lower()


# OCR read the capital 'Đ' as 'P' or 'DP' ('Pau tu', 'DPang'); Vietnamese has no native
# word starting with a bare 'p' (only 'ph'), so this repair is safe on clean text too, as long as
# what it makes is a Vietnamese syllable: acronyms ('PCI', 'PAPI', 'PAR') stay as they are.
_OCR_D = re.compile(r"\b(?:dp|p)(?=[aeiouy]+(?:ch|nh|ng|c|m|n|p|t)?\b)")


@kept(20_000)  # a pure reading of a text: every question folds the same candidates again
def fold_ocr(text: str) -> str:
    """fold() plus repairs of OCR confusions that are unambiguous in Vietnamese."""
    return _OCR_D.sub("d", fold(text))


_VI_CHARS = set("ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
def vietnamese_score(text: str) -> float:
    """Share of Vietnamese-only letters among letters: tells a right decoding from a wrong one."""
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _VI_CHARS for c in letters) / len(letters)


def letter_off(word: str, toks, shortest: int = 3) -> bool:
    """OCR printed `word` a letter off in `toks`, its first and last letters kept ('ndi' for 'nội', 'sản phim' for
    'sản phẩm'): a folded word of `shortest` letters or more."""
    return len(word) >= shortest and any(len(t) == len(word) and t[0] == word[0] and t[-1] == word[-1]
                                         and sum(a != b for a, b in zip(t, word)) == 1 for t in toks)


def bracket_close(text: str, start: int, end: int, before: int) -> int:
    """The offset of the ')' closing the bracket text[start:end] stands in, when it closes before offset `before`; -1
    when it stands in none or the bracket runs on: what a mention or a figure inside a bracket is an aside to."""
    if text.rfind("(", 0, start) <= text.rfind(")", 0, start):
        return -1
    return text.find(")", end, before)
