"""Where a footnote's mark stands when OCR has damaged it beyond reading.

A scanned report's superscript marks come out of OCR as symbols glued to the word ('tỉnh⁶' as 'tinh®',
'quy định⁷' as 'quy dinh’', 'mã vùng trồng¹³' as 'vung trong™') and the notes' own numbers may be misread
too ('⁶ Trong 6 tháng...' as '8 Trong 6 thang'). The notes printed together at a page's foot are numbered in
the order their marks stand in the text printed above them, since the last such block: the j-th note of a
block belongs to the j-th mark-like token there. Only used when a note's number is found glued to no word.
"""
from __future__ import annotations

import re

from .structure import Paragraph
from .textnorm import fold_ocr

# a word, then symbols OCR makes of a superscript number (and digits it kept), then a space, punctuation or
# the line's end: 'tinh®.', 'quy dinh’;', 'hang?®;', 'két*°,', "Dinh'!", "trdng'2,", 'trong™.'
MARK = re.compile(r"(?<=\w)[®™°’'*?!¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}\d{0,2}(?=[\s,.;:)]|$)")


def damaged_marks(paras: list[Paragraph]) -> dict[int, tuple[int, int | None, str | None]]:
    """Index of a footnote paragraph in `paras` -> (the 0-based line its block's text starts after, and the
    line and text ('tinh®') of the mark it belongs to, or None).

    The notes of a block take the mark-like tokens printed since the previous block in order, after the
    ones that block left when too few are there (a note OCR did not see as one, '12 54n pham' for '¹² Sản
    phẩm', ends a block early); a gap in the numbers of two notes of one block, or of a block carrying on ('11' then '13'),
    skips as many marks (not between blocks otherwise: OCR misreads numbers too, '⁶' as '8')."""
    body = sorted((i, t) for p in paras if p.kind not in ("footnote", "table") for i, t in p.lines)
    notes = sorted(((p.lines[0][0], n) for n, p in enumerate(paras) if p.kind == "footnote" and p.lines))
    out: dict[int, tuple[int, int | None, str | None]] = {}
    start, block, left, number = -1, [], [], None
    for k, (line, n) in enumerate(notes):
        block.append(n)
        nxt = notes[k + 1][0] if k + 1 < len(notes) else None
        last = paras[n].lines[-1][0]
        if nxt is not None and not any(last < i < nxt for i, _ in body):
            continue  # the next note is printed in the same block
        first = paras[block[0]].lines[0][0]
        queue = [(i, t[max(0, m.start() - 12):m.end()], _before(body, k, m.start())) for k, (i, t) in enumerate(body)
                 if start < i < first for m in MARK.finditer(t)]
        carried = len(queue) < len(block)
        if carried:
            queue = left + queue
        marks, seq, rest = list(queue), {}, queue
        for j, n in enumerate(block):
            read = int(paras[n].footnote_no) if (paras[n].footnote_no or "").isdigit() else None
            if (carried or j) and number is not None and read is not None and 1 < read - number <= 3:
                rest = rest[read - number - 1:]  # the notes between were not seen as notes
            number = read
            if rest:
                seq[j], rest = len(marks) - len(rest), rest[1:]
        chosen = _align([paras[n] for n in block], marks, seq)
        for j, n in enumerate(block):
            out[n] = (start, *marks[chosen[j]][:2]) if j in chosen else (start, None, None)
        used = max(chosen.values(), default=-1)
        start, block, left = last, [], marks[used + 1:]
    return out


def _before(body: list[tuple[int, str]], k: int, at: int) -> str:
    """The words of the sentence a mark (at `at` of body line `k`) ends, up to two lines back."""
    text = " ".join([t for _, t in body[max(0, k - 2):k]] + [body[k][1][:at]])[-240:]
    return re.split(r"[.;:!?]\s", text)[-1]


def _pairs(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold_ocr(text))
    return {f"{a} {b}" for a, b in zip(words, words[1:])}


def _align(notes: list[Paragraph], marks: list[tuple], seq: dict[int, int]) -> dict[int, int]:
    """Note j of a block -> the index of its mark. In order, as counted (`seq`), unless a note's words are what
    another mark's sentence says (two word pairs or more in common: 'dịp Tết Nguyên đán Bính Ngọ ... nhân khẩu'): a
    mark OCR did not see, or a number read as a mark ('33° đề tài'), shifts the count, the words do not."""
    said = [_pairs(" ".join(t for _, t in p.lines)) for p in notes]
    theirs = [_pairs(m[2]) for m in marks]

    def gain(j: int, k: int) -> float:
        common = len(said[j] & theirs[k])
        return 1.0 + (seq.get(j) == k) + (0.5 * common if common >= 2 else 0.0)
    # best[j][k]: the most the first j notes and first k marks can score, each pair in order
    best = [[0.0] * (len(marks) + 1) for _ in range(len(notes) + 1)]
    for j in range(1, len(notes) + 1):
        for k in range(1, len(marks) + 1):
            best[j][k] = max(best[j - 1][k], best[j][k - 1], best[j - 1][k - 1] + gain(j - 1, k - 1))
    out, j, k = {}, len(notes), len(marks)
    while j and k:
        if best[j][k] == best[j - 1][k - 1] + gain(j - 1, k - 1) and best[j][k] > max(best[j - 1][k], best[j][k - 1]):
            out[j - 1], j, k = k - 1, j - 1, k - 1
        elif best[j][k] == best[j - 1][k]:
            j -= 1
        else:
            k -= 1
    return out
