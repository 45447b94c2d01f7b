"""Whether a text names the indicator asked: whole, word after word (OCR may misread a letter of each), by its acronym or
by another name reports print for it. A passage about another indicator that shares some of its words is no answer."""
from __future__ import annotations

import re

from tracuu.index.lexical import tokenize
from tracuu.ingest.textnorm import fold_ocr

from .glossary import ACRONYMS, ALSO_NAMED, INDICATOR_NAMES, INSTITUTIONS


def names_indicator(name: str, text: str) -> bool:
    """`names_whole`, or its acronym ('CPI' for 'chỉ số giá tiêu dùng'), or another name reports print for it."""
    folded = fold_ocr(text)
    return names_whole(name, text) or any(full == name and re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", folded)
                                          for a, full in ACRONYMS.items()) \
        or any(names_whole(other, text) for other in INDICATOR_NAMES.get(name, ()))


def names_whole(name: str, text: str, gap: int = 2) -> bool:
    """`name` ('vốn đầu tư toàn xã hội') stands in `text` word after word, a letter of each word
    possibly misread by OCR, with at most `gap` words put in ('chỉ số sản xuất toàn ngành công
    nghiệp' is the IIP); 'tổng vốn đầu tư' or 'trật tự an toàn xã hội' are not it."""
    want = name.split()
    words = re.findall(r"[a-z0-9]+", fold_ocr(text))

    def same(a: str, b: str) -> bool:
        return len(a) == len(b) and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) <= 1

    for i, w in enumerate(words):
        if not same(want[0], w):
            continue
        j, skipped = i + 1, 0
        for target in want[1:]:
            while j < len(words) and not same(target, words[j]) and skipped < gap:
                j, skipped = j + 1, skipped + 1
            if j >= len(words) or not same(target, words[j]):
                break
            j += 1
        else:
            return True
    return False


def names_acronyms(aliases: dict[str, str], toks: set[str]) -> bool:
    """Every acronym the question uses ('CPI', 'PAPI') is in the passage, as such or spelt out: an
    indicator with a name of its own is not answered by a passage about another one. OCR may have
    misread a letter of each word ('ndng thén mai' for 'nông thôn mới'), so a spelt-out word pair
    matches one with a letter off in each word."""
    pairs = [t.split("_", 1) for t in toks if "_" in t]
    for short, full in aliases.items():
        if short in INSTITUTIONS or short in toks or any(all(x in toks for x in tokenize(other)) for other in ALSO_NAMED.get(short, ())):
            continue
        words = [[w] for w in tokenize(full) if "_" not in w]
        want = [t.split("_", 1) for t in tokenize(full) if "_" in t]
        found = sum(any(_near(w, p) for p in pairs) for w in want)
        # words may stand apart ('tổng sản phẩm bình quân đầu người trên địa bàn' for GRDP per head)
        if found < len(want) and not (2 * found >= len(want) and all(any(_near(w, [x]) for x in toks) for w in words)):
            return False
    return True


def _near(want: list[str], got: list[str]) -> bool:
    return len(want) == len(got) and all(
        len(a) == len(b) and sum(x != y for x, y in zip(a, b)) <= 1 for a, b in zip(want, got))
