"""Which indicator a claim's figure measures, by its words: the claim's words for it (`measure_words`), and
whether a report's digits belong to another indicator of the same sentence (`better_fit`: 'xuất khẩu 570
triệu USD' where 570 is the imports)."""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from tracuu.ingest.textnorm import fold

from .figure_words import MEASURES
from .figures import HOW_WORDS, Figure
from .glossary import expansions, specifics
from .lexicon import lexicon
from .claim_values import equal, units_agree, value

class Said(set):
    """The claim's words for what its figure measures, and the one that says which of a generic measure
    (`specific`: 'chè' of 'diện tích chè'), which a report's figure must name too."""
    specific: frozenset = frozenset()


def measure_words(fig: Figure, query) -> Said:
    """The claim's words for what its figure measures: no period, place, question or how-words, no number
    (word pairs holding one of those left out too)."""
    from tracuu.index.lexical import token_set
    content = token_set(_without_cutoff(query.lexical_text))
    # the words of its unit of measure say how much, not of what: '15 ha rừng' measures no 'ha'
    unit = set(fold(fig.unit or "").lower().split()) & MEASURES
    said = Said(t for t in token_set(fig.context or fig.head) & content
                if not set(t.split("_")) & (_NOT_MEASURE | unit) and not t[0].isdigit())
    said.specific = frozenset(w for w in specifics(fold(fig.context or fig.head).lower()) if w in single(said))
    return said


def names_measure(said: set[str], rep: Figure, store, quote: str = "") -> bool:
    """The report figure's own words name what the claim's figure measures: one of the claim's words for it
    (`said`, OCR'd spelling one letter off allowed) worth a word of substance. A figure whose words are a
    garbled 'đồng, tăng 5%' matches no claim of 'thuê bao di động tăng 5%', however equal the digits."""
    from tracuu.index.lexical import token_set
    lexical = getattr(store, "lexical", None)
    repair = lexical.repair if lexical else None
    from .sentence import sentences
    parts = sentences(quote) if quote else []
    # the sentence the figure stands in (a table row's header and label are in its context)
    own = parts[rep.sentence] if rep.sentence < len(parts) else ""
    have = token_set(spelled(f"{rep.header} {rep.context or rep.head} {own}"), repair)
    def weight(tokens) -> float:
        return sum(lexical.idf(t) if lexical else 1.0 for t in tokens)
    words = single(said)
    own_words = token_set(spelled(f"{rep.header} {rep.context or rep.head}"), repair)
    if any(not _near(w, own_words) for w in getattr(said, "specific", ())):
        return False  # 'diện tích chè' is not 'tổng diện tích gieo trồng': what of the area is measured differs
    if weight(words) < 2 * _NAMED:
        return True  # the claim says too little of what its figure measures ('đón', 'xã') to judge by
    return weight({t for t in words if among(t, have)}) >= _NAMED


def _near(token: str, words: set[str]) -> bool:
    """`among`, and a three-letter word one OCR letter off too ('Lla' for 'Lúa')."""
    return among(token, words) or len(token) == 3 and any(
        len(w) == 3 and w[0] == token[0] and Levenshtein.distance(w, token) <= 1 for w in words)


def claim_words(query) -> set[str]:
    from tracuu.index.lexical import tokenize
    return single(tokenize(_without_cutoff(query.lexical_text)))


def _without_cutoff(lexical_text: str) -> str:
    """A claim's content words without those that count up to its period or date ('tính đến hết ngày
    31/01/2023'): they say when, not what ('tính' folds to 'tinh', as 'tỉnh' does). A question keeps them
    for retrieval: a passage counting to a date says 'đến hết' too."""
    return _CUTOFF_LEAD.sub(" ", lexical_text)


_CUTOFF_LEAD = re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+|cuoi\s+|dau\s+|giua\s+)?(?:ngay\s+)?(?=\||\d)")


def rarest(said: set[str], store, keep: int = 4) -> list[str]:
    """The claim's `keep` rarest single words for what it measures: a passage printing the value beside
    none of them states another thing's figure."""
    lexical = getattr(store, "lexical", None)
    return sorted((t for t in said if "_" not in t), key=lambda t: (-lexical.idf(t), t) if lexical else t)[:keep]


def better_fit(said: set[str], claim_words: set[str], rep: Figure, quoted: list[Figure], store,
               quote: str = "") -> Figure | None:
    """A figure of the same sentence, kind and unit as `rep` that is what the claim names, where `rep` is not:
    `rep`'s own words name something the claim never does ('nhập khẩu 1.005' for a claim of exports; 'tổng nguồn
    vốn huy động ... 34.050' for one of credit), and the other's own words name what the claimed figure measures
    (`said`) and nothing the claim leaves out ('xuất khẩu 1.280'). Then the claimed digits are another
    indicator's value."""
    from tracuu.index.lexical import token_set, tokenize
    lexical = getattr(store, "lexical", None)
    repair = lexical.repair if lexical else None  # OCR'd reports: 'ngén' is 'ngân'

    def weight(tokens: set[str]) -> float:
        return sum(lexical.idf(t) if lexical else 1.0 for t in tokens)

    def words(f: Figure) -> set[str]:
        # the words of its own clause: 'tổng nguồn vốn huy động ... đạt 34.050' after a comma, not the sentence's lead;
        # and, of the claim's own figure, what it counts, printed after it ('có 1.046 doanh nghiệp thành lập mới', where
        # '368 doanh nghiệp tạm ngừng' after the ';' borrows the lead 'số doanh nghiệp'; not a rival's, which would then
        # name more of the claim than the figure it states does)
        text = f.own or f.head
        # (not a table cell's: its context goes on with its column's header, no thing counted)
        tail = f.context[len(f.head):] if f is rep and f.context and f.context.startswith(f.head) and not f.header else ""
        if f.unit and tail.strip().startswith(f.unit):
            tail = tail.strip()[len(f.unit):]  # ('4,3 km' measures no 'km')
        counted = single(tokenize(spelled(re.split(r"[,;:(]", tail)[0]), repair)) if tail.strip() else set()
        return (single(tokenize(spelled(re.split(r"[,;:(]", text)[-1]), repair))
                or single(tokenize(spelled(text), repair))) | counted
    unit = value(rep)[1]
    # a part of `rep` ('tổng kim ngạch xuất nhập khẩu 3,8 tỷ USD, trong đó ... nhập khẩu 2,58') is no rival: the
    # claim of the whole names the part's words too
    parts = {id(f) for f in quoted if quote and f.n == rep.n and f.sentence == rep.sentence and f.start > rep.start
             and _PART.search(fold(quote[rep.start:f.start]))} | {id(f) for f in quoted if f.part_of is rep}
    def alike(f: Figure) -> bool:  # a figure the claimed one could be confused with: same kind and unit
        # (a plan's amount beside its parts: 'Tổng kế hoạch vốn ... 3.891,923, trong đó vốn NSTW 2.641,885')
        # (a figure of a period apart from the claimed one's, not holding it, is the same indicator's other period: 'quý
        # II ... 1.486,2; tính chung 6 tháng ... 2.799,0', 'có 386 doanh nghiệp (riêng tháng 3 có 148)')
        return f is not rep and (f.n == rep.n or f.part_of is rep) and (f.kind == rep.kind or {f.kind, rep.kind} <= {"result", "target"}) \
            and not (None not in (f.period, rep.period) and f.period != rep.period and not f.period.contains(rep.period)) \
            and (not f.reference or f.kind == "target") \
            and (f.unit is None) == (rep.unit is None) and units_agree(unit, value(f)[1]) \
            and not equal(value(f), value(rep))
    if part := _part_named(said, claim_words, rep, [f for f in quoted if id(f) in parts and alike(f)], weight, repair):
        return part
    if part := _part_tail_named(said, rep, [f for f in quoted if id(f) in parts and alike(f)], weight, repair):
        return part
    if whole := _whole_named(said, claim_words, rep, quoted, quote, alike, weight, repair):
        return whole
    rivals = [f for f in quoted if id(f) not in parts and alike(f)]
    if tail := _tail_named(said, claim_words, rep, rivals, weight, repair):
        return tail
    # (changes against the same baseline, 'so với cùng kỳ ... tăng 8,7% về ... và tăng 21,4% về ...', are no
    # references to each other: of one sentence, kind and unit)
    if about := _about_named(said, rep, [f for f in quoted if f is not rep and f.n == rep.n and f.sentence == rep.sentence
                                         and f.kind == rep.kind and f.unit == rep.unit], weight, repair):
        return about
    # the whole context: the other's words hold every claim word `rep`'s hold, and more
    has = {id(f): said & token_set(spelled(f.context or f.head), repair) for f in [rep, *rivals]}
    wider = [f for f in rivals if not has[id(rep)] - has[id(f)] and weight(has[id(f)] - has[id(rep)]) >= _DISTINCT]
    if not wider:
        # its own clause: `rep` names what the claim never does, the other names the claim's words and nothing else
        own = {id(f): words(f) for f in [rep, *rivals]}  # (named, foreign) weights of each figure's own words
        fit = {i: (weight({t for t in w if among(t, said)}), weight({t for t in w if not among(t, claim_words)}))
               for i, w in own.items()}
        named, foreign = fit[id(rep)]

        def fits_better(f: Figure) -> bool:
            its_named, its_foreign = fit[id(f)]
            return f.sentence == rep.sentence and its_foreign < _DISTINCT <= its_named \
                and its_named - its_foreign >= named - foreign + _DISTINCT
        if foreign > 0:
            wider = [f for f in rivals if fits_better(f)]
    return max(wider, key=lambda f: weight(has[id(f)]), default=None)


def _added(f: Figure, whole: Figure) -> str:
    """The words `f`'s head adds to its whole's: a 'trong đó' part's head is the whole's and its own
    ('tổng kim ngạch xuất nhập khẩu ... xuất khẩu')."""
    k = 0
    while k < min(len(f.head), len(whole.head)) and f.head[k] == whole.head[k]:
        k += 1
    if 0 < k < len(f.head) and not f.head[k - 1].isspace() and not f.head[k].isspace():
        k = f.head.rfind(" ", 0, k) + 1  # a whole word, not its tail
    added = f.head[k:]
    return added[len(m.group()):] if (m := _PART_LEAD.match(fold(added))) else added


# what is left of 'trong đó' before a part's words ('trong d6' read by OCR loses 'trong' as a filler)
_PART_LEAD = re.compile(r"\s*(?:trong\s+)?(?:do|d6|d0|de)\b\s*:?")


def _words(text: str, repair) -> set[str]:
    """What `text` says is measured, word pairs included ('xuất khẩu' is not 'xuất nhập khẩu'); no OCR'd
    marks or numbers ('d6' for 'đó')."""
    from tracuu.index.lexical import tokenize
    period_words = lexicon().period_words
    return {t for t in tokenize(text, repair) if t.replace("_", "").isalpha() and measures(t)
            and not set(t.split("_")) & period_words}


def _adds(part: Figure, whole: Figure, whole_words: set[str], repair) -> set[str]:
    """The words a part says that its whole does not (`whole_words`, OCR spelling one letter off allowed)."""
    return {t for t in _words(_added(part, whole), repair) if not among(t, whole_words)}


def _part_named(said, claim_words, rep: Figure, parts: list[Figure], weight, repair) -> Figure | None:
    """A 'trong đó' part of `rep` that the claim names word for word, word pairs included, where `rep`'s
    own words name what the claim does not: a claim that exports rose 101,1% where 101,1% is the rise of
    the whole import-export turnover and exports rose 322,4%."""
    foreign = {t for t in single(_words(rep.own or rep.head, repair)) if not among(t, claim_words)}
    if weight(foreign) < _DISTINCT:
        return None
    whole = _words(re.split(r"[,;:(]", rep.head)[-1], repair)  # its own clause: not the sentence's lead
    for f in parts:
        # what the part says that its whole does not ('xuất khẩu' beside 'xuất nhập khẩu'; 'nhập khẩu' says
        # nothing 'xuất nhập khẩu' does not), every word of it the claim's
        own = _adds(f, rep, whole, repair)
        named = {t for t in own if among(t, said)}
        # (a short word the claim lacks may be OCR's: 'từ' read 'tir'; the long ones must all be the claim's)
        # (of a footnote's breakdown, a pair whose two words the claim names apart counts: 'vùng trồng phục vụ xuất
        # khẩu' for '¹³ Trong đó: vùng trồng xuất khẩu 182 mã')
        if weight(named) >= _NAMED and all(t in named or min(map(len, t.split("_"))) <= 3
                                           or f.n != rep.n and all(among(x, said) for x in t.split("_")) for t in own):
            return f
    return None


def _part_tail_named(said, rep: Figure, parts: list[Figure], weight, repair) -> Figure | None:
    """A 'trong đó' part whose words after its unit the claim gives to the whole's value: '170 triệu cây giống
    đủ tiêu chuẩn xuất vườn' where the report sowed 170 million seedlings, of which 150 million met the
    standard. The part's words the whole's do not hold are a restriction the whole's value does not meet."""
    whole = _words(rep.context or rep.head, repair)
    for f in parts:
        tail = f.context[len(f.head):] if f.context.startswith(f.head) else ""
        own = {t for t in single(_words(tail, repair)) if not among(t, whole)}
        named = {t for t in own if among(t, said)}
        if weight(named) >= _NAMED and all(t in named or len(t) <= 3 for t in own):
            return f
    return None


def _whole_named(said, claim_words, rep: Figure, quoted: list[Figure], quote: str, alike, weight,
                 repair) -> Figure | None:
    """The whole that `rep` is a 'trong đó' part of, when the claim names the whole and none of the words the
    part adds: a claim that total spending fell 7,5% where 7,5% is the fall of 'chi cân đối' and the total
    fell 22,1%."""
    if not quote:
        return None
    # (or the sentence before, when the part's opens with the breakdown: '... ước đạt 612.480 tỷ đồng, ... . Trong đó:
    # thu nội địa 458.930 tỷ đồng')
    # (or the whole the part is read as part of: 'Trong đó thu nội địa đạt 1.368,9 tỷ đồng; riêng thu từ xổ số ...')
    wholes = [f for f in quoted if alike(f) and f.start < rep.start and (
        f.sentence == rep.sentence and _PART.search(fold(quote[f.start:rep.start]))
        or f.sentence == rep.sentence - 1 and _PARTS_NEXT.match(fold(quote[f.start:rep.start]))
        or f is rep.part_of)]
    for w in reversed(wholes):
        # what the part says that the whole does not, word pairs too ('xuất khẩu' beside 'xuất nhập khẩu'); the whole's
        # words are its sentence's up to it ('Giải ngân vốn đầu tư công: ... lũy kế đến 30/9/2022 giải ngân 6.218')
        whole = _words(w.head, repair) | _words(quote[quote.rfind(". ", 0, w.start) + 1:w.start], repair)
        added = _adds(rep, w, whole, repair)
        named = {t for t in single(_words(w.own or w.head, repair)) if among(t, said)}
        # the part's own words weigh, and the claim names none of them ('thu nội địa' is the part's own claim)
        # (exact words: 'trong' is one letter from the claim's 'tổng')
        # (a pair the whole prints only around a word, 'xuất khẩu' of 'xuất nhập khẩu', is the part's own measure,
        # however little its weight: the claim naming the whole's compound names the total)
        compound = any(_inside_compound(t, fold(w.head)) for t in added)
        if (weight(added) >= _DISTINCT or compound) and not added & (claim_words | said) and weight(named) >= _NAMED:
            return w
    return None


def _inside_compound(token: str, folded: str) -> bool:
    """A word pair (`xuat_khau`) whose two syllables the folded text prints with one word between (`xuat nhap khau`)."""
    if token.count("_") != 1:
        return False
    a, b = token.split("_")
    return bool(re.search(rf"\b{re.escape(a)} [a-z]+ {re.escape(b)}\b", folded)) \
        and not re.search(rf"\b{re.escape(a)} {re.escape(b)}\b", folded)


# a whole, then the sentence of its parts (the parts may be listed apart: 'Trong đó dự án ... 1.652 tỷ đồng; vốn do cấp
# huyện quản lý giải ngân 1.783,2 tỷ đồng')
_PARTS_NEXT = re.compile(r"^(?:(?![.;]\s).)*[.;]\s+(?:trong do|bao gom|cu the)\b(?:(?!\.\s).)*$")


def _tail_named(said, claim_words, rep: Figure, rivals: list[Figure], weight, repair) -> Figure | None:
    """A figure of the same sentence whose words after the unit the claim names, where `rep`'s add what the
    claim does not: '10 xã đạt chuẩn nông thôn mới, 05 xã đạt chuẩn nông thôn mới nâng cao' for a claim of
    05 communes meeting the standard."""
    def tail(f: Figure) -> set[str]:
        words = f.context[len(f.head):] if f.context.startswith(f.head) else ""
        return single(_words(words, repair))
    # exact words (OCR spelling repaired by the tokenizer): 'nâng' is one letter from 'nông'
    if rep.kind not in ("result", "target") or weight(tail(rep) - claim_words) < _DISTINCT:
        return None
    for f in rivals:
        words = tail(f)
        # the claimed figure's own words name the other's ('14.640 sản phẩm và 10.153 giao dịch' names each)
        if f.sentence == rep.sentence and f.head == rep.head and words and all(among(t, said) for t in words) \
                and weight(words) >= _NAMED:
            return f
    return None


def _about_named(said, rep: Figure, rivals: list[Figure], weight, repair) -> Figure | None:
    """A change or share says what it is of after it ('tăng 8,7% về số doanh nghiệp và tăng 21,4% về vốn đăng ký'):
    where the claim names the other's thing and not `rep`'s, the claimed digits are the other's."""
    def about(f: Figure) -> set[str]:
        m = _ABOUT.match(fold(f.after))
        return single(_words(m.group(1), repair)) if m else set()
    mine = about(rep)
    if rep.kind not in ("change", "share") or not mine or any(among(t, said) for t in mine):
        return None
    return next((f for f in rivals if (its := about(f)) and all(among(t, said) for t in its)
                 and weight(its) >= _NAMED), None)


# '% về vốn đăng ký; ...', '% về số doanh nghiệp và ...': what a change is of, up to the clause's end or the next one
_ABOUT = re.compile(r"\s*%?\s*ve\s+((?:(?!\bva\b)[^;,.()])+)")


def spelled(text: str) -> str:
    """`text` with the full forms of its acronyms ('Vốn NSTW' -> '... ngân sách trung ương'): a claim spells
    out what a report abbreviates."""
    full = expansions(fold(text).lower())
    return f"{text} {' '.join(full.values())}" if full else text


def among(token: str, words: set[str]) -> bool:
    """In `words`, or one letter away from one of them (OCR: 'xuét' for 'xuất', 'sich' for 'sách')."""
    return token in words or len(token) >= 4 and any(
        w[0] == token[0] and abs(len(w) - len(token)) <= 1 and Levenshtein.distance(w, token) <= 1 for w in words)


def measures(token: str) -> bool:
    return not set(token.split("_")) & _NOT_MEASURE and not any(p[0].isdigit() for p in token.split("_"))


def single(tokens) -> set[str]:
    """Single words that may say what is measured: no word pairs, no period words ('tháng', 'đầu', 'năm' are
    taken out of the claim's words as its period)."""
    period_words = lexicon().period_words
    return {t for t in tokens if "_" not in t and measures(t) and t not in period_words}


# how a figure is stated or which way it moved, not what it measures
_NOT_MEASURE = HOW_WORDS | {"tang", "giam"}


# the idf the claim's words found in a matched figure's own must reach: one word of substance ('thuê',
# 'viễn thông'), not 'đồng' (0.7) alone
_NAMED = 2.0
# 'trong đó' (OCR 'trong d6'): what follows is a part of the figure before it
_PART = re.compile(r"\btrong d\w\b")


# the idf a rival's own words must add
_DISTINCT = 3.0  # more than a common word ('vốn' 2.9): a word pair ('xuất khẩu' 4.0) or a rare word
