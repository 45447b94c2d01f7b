"""Whether a question names a part of a whole or the whole itself ('vốn ngân sách tỉnh' of 'Trong đó: vốn ngân sách
tỉnh ...'; 'nhập khẩu' of 'Tổng kim ngạch xuất nhập khẩu'): read by figure ranking (qa/figure_rank.py) to put a part
before or after its whole."""
from __future__ import annotations

import re

from tracuu.ingest.textnorm import fold_ocr, letter_off

from tracuu.index.lexical import token_set, tokenize, words_of

from .figures import Figure
from .glossary import spelled_out

_PLAN_SYLLABLES = {"ke", "hoach", "du", "toan", "chi", "tieu", "giao"}


def _spelled(text: str) -> str:
    """Acronyms spelled out ('vốn NSTW' -> 'von ngan sach trung uong'), folded: a part is named either way
    (its words as printed are read too: 'vốn FDI')."""
    return spelled_out(fold_ocr(text))


def names_part(f: Figure, words: set[str], repair=None) -> bool:
    """Does the question name what a part has of its own ('vốn ngân sách tỉnh', '2.128 ha rau' beside its
    whole's words)? A pair of its syllables when it has a pair ('tính đến' names no 'ngân sách tỉnh'), else one."""
    tail = _counts(f)
    # (the whole's own clause: 'xuất khẩu tăng mạnh, tổng kim ngạch xuất nhập khẩu 2.285 triệu USD', and what it
    # counts: 'toàn tỉnh đón 6.200.000 lượt khách' counts the 'khách' its part 'Núi Bà Đen đón 5.100.000 lượt khách' does)
    whole = token_set(f"{_whole_words(f.part_of.head)} {_CLAUSE_END.split(_counts(f.part_of))[0]}" if f.part_of else "", repair)
    # (a plan's words say what a share is of, not which part: 'kế hoạch vốn chương trình MTQG: 634,5 tỷ đồng')
    own = f"{f.own or f.indicator} {tail}"
    extra = {t for t in (token_set(own, repair) | token_set(_spelled(own), repair)) - whole
             if not set(t.split("_")) & _PLAN_SYLLABLES}
    counted = [t for t in tokenize(tail, repair)[:1] if t not in whole]
    printed = token_set(own, repair)
    # (not a pair the question holds only inside a longer compound its whole prints and the part does not: 'nhập khẩu'
    # of 'xuất nhập khẩu' asked, beside 'Tổng giá trị xuất, nhập khẩu ... 2.014,6; trong đó ... nhập khẩu 986,1')
    inside = _compound_tails(f, words, printed, repair)
    # (a part named in one word has no pair: 'trong đó: gạo 412,7 triệu USD' for 'xuất khẩu gạo')
    name = tokenize(f.own or f.indicator, repair)
    single = len(name) == 1 and name[0] in extra and name[0] in words
    return any("_" in t and t not in inside and (t in words or _pair_off(t, words)) for t in extra) \
        or bool(set(counted) & words) or single


def _counts(f: Figure) -> str:
    """The words after a figure and its unit: what it counts ('2.128 ha rau các loại' -> 'rau các loại')."""
    tail = f.context[len(f.head):].strip() if f.context.startswith(f.head) else ""
    return tail[len(f.unit):] if f.unit and tail.startswith(f.unit) else tail


def _whole_words(head: str) -> str:
    """The words a whole is named by: its own clause ('xuất khẩu tăng mạnh, tổng kim ngạch xuất nhập khẩu' -> the
    last), and the topic label its line opens with ('- Du lịch: Năm 2023, toàn tỉnh đón'): a part that repeats the
    topic's words ('trong đó Khu du lịch quốc gia Núi Bà Đen đón') is not named by them."""
    label = _TOPIC_LABEL.match(head)
    return f"{label.group(1) if label else ''} {head.rsplit(', ', 1)[-1]}"


_CLAUSE_END = re.compile(r"[,;.(]")
_TOPIC_LABEL = re.compile(r"\W*([^\W\d][^:,;.\d]{0,40}):\s")


def _compound_tails(f: Figure, words: set[str], printed: set[str], repair=None) -> set[str]:
    """The pairs the question names only as the tail of a three-word compound the part's whole prints ('xuất nhập
    khẩu' asked and printed in 'Tổng giá trị xuất, nhập khẩu ...', the part 'nhập khẩu 986,1'), the part not."""
    if f.part_of is None:
        return set()
    whole = _repaired(words_of(f.part_of.head), repair)
    return {f"{y}_{z}" for x, y, z in zip(whole, whole[1:], whole[2:])
            if f"{x}_{y}" in words and f"{x}_{y}" not in printed}


def _repaired(syllables: list[str], repair=None) -> list[str]:
    """Syllables as the index reads them, OCR's misreadings mended (`LexicalIndex.repair`)."""
    return [repair.get(w, w) for w in syllables] if repair else list(syllables)


def _pair_off(pair: str, words: set[str]) -> bool:
    """OCR printed one word of the question's pair a letter off ('can ddi' for 'cân đối')."""
    a, b = pair.split("_", 1)
    return any(q.startswith(f"{a}_") and letter_off(b, {q[len(a) + 1:]}) or q.endswith(f"_{b}")
               and letter_off(a, {q[:-len(b) - 1]}) for q in words if "_" in q)


def narrower(f: Figure, words: set[str], repair=None) -> bool:
    """Is the part named by the words its whole's name holds it in ('nhập khẩu' of 'Tổng kim ngạch xuất nhập
    khẩu', 'bán lẻ hàng hóa' of 'Tổng mức bán lẻ hàng hóa và ...')? The question asks each pair of the part's
    syllables but not the whole's pair that leads into them ('xuất nhập'): it asks the part."""
    if f.part_of is None:
        return False
    name = _repaired(words_of(f.own or f.indicator), repair)
    whole = _repaired(words_of(f.part_of.head.rsplit(", ", 1)[-1]), repair)
    if len(name) < 2 or any(f"{a}_{b}" not in words for a, b in zip(name, name[1:])):
        return False
    at = next((i for i in range(1, len(whole) - len(name) + 1) if whole[i:i + len(name)] == name), None)
    return at is not None and f"{whole[at - 1]}_{name[0]}" not in words
