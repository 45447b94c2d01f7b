"""Checks of a quote against what the question asks, each read from the quote's own words: that a clause naming the
indicator asked states its figure, that a side asked (international, domestic) is printed, that the thing counted is not
another the same noun names, the unit a count or amount is asked in, the source a measure is asked of ('thu từ dầu
thô'), and the measures a sentence names besides the asked one."""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from tracuu.index.lexical import token_set, tokenize, words_of
from tracuu.ingest.structure import PLAN_WORDS
from tracuu.ingest.textnorm import fold_ocr, letter_off, vietnamese_score

from .coverage import FUNCTION_WORDS
from .glossary import ACRONYMS, ALSO_NAMED, AIMED, FIGURE_KINDS, measure_phrases
from .query import Query
from .sentence import LABEL_WORDS, figure_lead, states_figure


def acronym_words(toks) -> set:
    """The words (and word pairs) the acronyms among `toks` stand for ('NSNN': 'ngân sách nhà nước'): a report's
    acronym names what its words do."""
    return {t for a in toks if a in ACRONYMS for t in token_set(ACRONYMS[a])}


def says_word(w: str, toks, variants: dict) -> bool:
    """`toks` hold the asked word `w`: as printed, as a variant the index knows, OCR'd a letter off, or spelled out
    when `w` is an acronym ('FDI' asked, 'đầu tư trực tiếp nước ngoài' printed, or another name of it: 'đầu tư nước
    ngoài')."""
    return w in toks or any(v in toks for v in variants.get(w, ())) or letter_off(w, toks) \
        or w in ACRONYMS and (set(words_of(ACRONYMS[w])) <= toks
                              or any(set(words_of(other)) <= toks for other in ALSO_NAMED.get(w, ())))


def counts_another(words: list[str], text: str, toks, variants: dict, query: Query) -> bool:
    """The text counts another thing the asked noun names: it prints the start of the thing counted
    (`figure_asks.counted_phrase`: 'doanh nghiệp' of 'doanh nghiệp giải thể') followed by a word of its own ('doanh
    nghiệp thành lập mới'), and none of the words that follow it in the question, as printed, OCR'd a letter off, as an
    acronym's expansion ('FDI') or the report's phrase for them (`Query.same`)."""
    folded = fold_ocr(text)
    for n in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:n]), words[n:]
        if re.search(rf"\b{head}\b", folded):
            break
    else:
        return False
    spelled = acronym_words(toks)
    spelled |= {w for printed, asked in query.same.items() if all(x in toks for x in tokenize(printed) if "_" not in x)
                for w in asked.split()}
    # ('y' and 'i' spell one sound: 'bác sỹ' is 'bác sĩ')
    plain = {t.replace("y", "i") for t in toks if "_" not in t}
    if any(w.replace("y", "i") in plain or w in spelled or says_word(w, toks, variants) for w in rest):
        return False
    rest = {w.replace("y", "i") for w in rest}
    # (the word after it, or after a link or verb: 'doanh nghiệp đăng ký thành lập mới')
    return any(any(f and f not in FUNCTION_WORDS and f.replace("y", "i") not in rest
                   for f in pair[:1 if pair[0] not in FUNCTION_WORDS else 2])
               for pair in re.findall(rf"\b{head}[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?", folded))


# the sides statistics split a count or amount into (visitors, capital, goods, firms): a question naming one asks that part
SIDES = ("quoc te", "noi dia", "trong nuoc", "nuoc ngoai")
# one side by two names: foreign visitors are what reports count as international ones, domestic as in-country
_SAME_SIDE = {"nuoc ngoai": "quoc te", "quoc te": "nuoc ngoai", "trong nuoc": "noi dia", "noi dia": "trong nuoc"}


def side_twins(question: str) -> str:
    """The other names of the sides a question asks ('nước ngoài' -> 'quốc tế'), folded: words a figure may be printed
    with for it ('trong đó khách quốc tế 98,6 nghìn lượt' for 'du khách nước ngoài')."""
    folded = fold_ocr(question)
    return " ".join(_SAME_SIDE[s] for s in SIDES if re.search(rf"\b{s}\b", folded))


def with_twins(words: set[str]) -> set[str]:
    """`words` with the other name of each side they print ('quoc', 'te' -> also 'nuoc', 'ngoai')."""
    return words | {w for side, twin in _SAME_SIDE.items() if set(side.split()) <= words
                    for w in [*twin.split(), twin.replace(" ", "_")]}  # (and its word pair, as token_set holds them)


def says_side(sides: list[str], text: str) -> bool:
    """The text prints one of the asked sides, or an acronym standing for it ('FDI': 'nước ngoài'), OCR'd a letter off."""
    folded = fold_ocr(text)
    folded = f"{folded} {' '.join(fold_ocr(ACRONYMS[a]) for a in set(words_of(folded)) if a in ACRONYMS)}"
    words = words_of(folded)
    pairs = set(zip(words, words[1:]))
    return any(any(Levenshtein.distance(a, x) <= 1 and Levenshtein.distance(b, y) <= 1 for a, b in pairs)
               for x, y in (side.split() for side in {*sides, *(_SAME_SIDE[s] for s in sides)}))


# units a count or amount is asked in right after 'bao nhiêu' ('bao nhiêu tấn', 'bao nhiêu ha', 'bao nhiêu triệu USD'),
# each with the scale words it may be printed with ('nghìn tấn', '1,2 triệu tấn')
_ASKED_UNIT = re.compile(r"\b(?:bao nhieu|may)\s+(?:(?:nghin|ngan|trieu|ty)\s+)?(tan|ha|usd|kwh|km|m3)\b")


def unit_asked(question: str) -> re.Pattern | None:
    """A pattern of the unit the question asks in after 'bao nhiêu' ('tấn' of a figure, or of a table's 'ĐVT: Nghìn
    tấn'); None when it names none."""
    m = _ASKED_UNIT.search(fold_ocr(question))
    return re.compile(rf"(?<![\w/]){m.group(1)}\b") if m else None


def figure_by_name(sent: str, pairs: list[str], variants: dict, repair, cells: bool = False) -> bool:
    """A clause naming what is asked (two of its word pairs, or its only one) states a figure, or the first
    later clause that states one names nothing else before it ('Tổng thu ngân sách trên địa bàn, ước đạt 1.234
    tỷ đồng'; not 'Thu ngân sách vượt dự toán, giải ngân gần 90%'); or no clause names it (nothing to hold it
    to). Clauses end at ';' and ','. A table row's (`cells`) are its cells, each headed by its column's label:
    a figure after the row's name is its own."""
    clauses = [c for c in re.split(r"[;,](?!\d)", sent) if c.strip()]
    need = min(2, len(pairs))

    def names(c: str) -> bool:
        toks = token_set(c, repair)
        return bool(toks) and sum(t in toks or any(v in toks for v in variants.get(t, ())) for t in pairs) >= need
    named = [i for i, c in enumerate(clauses) if names(c)]
    if not named or cells:
        return not named or states_figure(" ".join(clauses[named[0]:]))
    for k in named:
        if _MARK.search(" ".join(clauses[k:])):
            return True  # '... xi măng, nước máy ... tăng so với cùng kỳ⁵': the note it marks states the figures
        stating = next((c for c in clauses[k:] if states_figure(c)), None)
        if stating is None:
            return False
        if stating is clauses[k]:
            return True
        lead = figure_lead(stating) or ""
        # (or it says again what the named clause says, of the whole province: 'Giải ngân vốn đầu tư công: tính đến
        # ngày 30/11/2021, toàn tỉnh giải ngân được 6.854,2 tỷ đồng')
        again = _GOES_ON | _WHOLE | set(re.findall(r"[a-z]+", fold_ocr(clauses[k])))
        if names(lead) or all(w in again for w in re.findall(r"[a-z]+", lead)):
            return True
    return False


_MARK = re.compile(r"[a-zà-ỹ.)][⁰¹²³⁴⁵⁶⁷⁸⁹]+")  # a footnote's mark after a word, as clean exports print it
# the words a clause may open with and still state the previous clause's indicator ('..., ước đạt', '..., tăng',
# '..., bằng'): labels, and the verbs and bounds of a figure
_GOES_ON = LABEL_WORDS | frozenset("tang giam bang vuot khoang gan hon tren duoi chiem muc xap xi va voi dat".split())
_WHOLE = frozenset("toan ca tinh thanh pho duoc".split())  # 'toàn tỉnh ... được', 'cả thành phố ...'


# the source a measure is asked of ('thu ngân sách từ dầu thô', 'vốn đầu tư từ ngân sách cấp tỉnh', 'tổng thu từ khách du
# lịch'): the words after 'từ' up to a word that ends the phrase (a period, a place, a verb, a number). Read with its
# marks only: folded, 'từ' is also the 'tư' of 'đầu tư', 'tư nhân'.
_SOURCE = re.compile(r"\btừ\s+(?!(?:năm|tháng|quý|đầu|ngày|khi|nay|đó|cuối|lúc|khoảng|mức|trước|sau|giữa|lâu)\b)"
                     r"([^\W\d_]+(?:\s+[^\W\d_]+){0,9})")
_SOURCE_ENDS = frozenset("cua o tai tren duoc dat la bao tang giam nam thang quy trong so voi cho den va hay nhu "
                         "uoc thuc hien tinh thanh pho".split())
_GENERIC_SOURCE = frozenset("nguon hoat dong khu vuc cac nganh linh".split())


def _source(phrase: str) -> tuple[frozenset, frozenset]:
    """The word pairs (or the one word) that name a source, and its content words: 'dầu thô' -> {'dau_tho'}; 'khu vực
    doanh nghiệp có vốn đầu tư nước ngoài' -> {'doanh_nghiep', 'von_dau', 'nuoc_ngoai', ...}; acronyms spelt out too."""
    words = []
    for w in words_of(fold_ocr(phrase)):
        if w in _SOURCE_ENDS:
            break
        words.append(w)
    plain = {w for w in words if w not in FUNCTION_WORDS and w not in _GENERIC_SOURCE}
    pairs = {f"{a}_{b}" for a, b in zip(words, words[1:]) if a in plain and b in plain}
    keys = pairs or (plain if len(plain) == 1 else set())
    if not keys:
        return frozenset(), frozenset()
    # ('FDI' is named by 'đầu tư trực tiếp nước ngoài', 'DNNN' by 'doanh nghiệp nhà nước')
    return frozenset(keys | _spelt_pairs(plain)), frozenset(plain)


def _spelt_pairs(toks) -> set[str]:
    return {t for t in acronym_words(toks) if "_" in t}


def source_asked(question: str) -> tuple[frozenset, frozenset]:
    """The source (`_source`) a question asks its measure of; empty when it names none."""
    m = _SOURCE.search(question.lower())
    return _source(m.group(1)) if m else (frozenset(), frozenset())


def sources_named(sentence: str) -> list[tuple[frozenset, frozenset]]:
    """Each source a sentence names after 'từ' ('thu từ doanh nghiệp nhà nước địa phương (48,8%)')."""
    return [k for m in _SOURCE.finditer(sentence.lower()) if (k := _source(m.group(1)))[0]]


def another_source(asked: tuple[frozenset, frozenset], sentence: str, toks, wide) -> bool:
    """A source asked that the quote leaves unnamed while naming another ('thu từ doanh nghiệp nhà nước địa phương' for
    'thu ngân sách từ dầu thô'; '... địa phương' for '... trung ương', each naming words the other lacks), or that
    neither the quote nor its passage names at all: the figure is of another part of the measure, or of the whole."""
    keys, words = asked
    if not keys:
        return False
    toks = set(toks) | acronym_words(toks)
    named = sources_named(sentence)
    if not keys & toks:
        # (a passage OCR stripped of its marks may spell the source past recognition: 'tir ngudn thu sir dung')
        return any(not k & keys for k, _ in named) or vietnamese_score(sentence) >= _MARKED \
            and not keys & (set(wide) | acronym_words(wide))
    # (a word of the asked source is printed as such or as the words of its acronym; a named source's own words are
    # those neither the asked one nor its acronyms spell, less acronyms no word spells out here: 'DNNN', no vowel)
    missing = {x for x in words if x not in toks and not _spelt_pairs({x}) & toks}
    spelt = words | {t for t in acronym_words(words) if "_" not in t}
    return bool(missing) and any(k & keys and {x for x in w - spelt if _VOWEL.search(x)} for k, w in named)


_VOWEL = re.compile(r"[aeiouy]")
_MARKED = 0.15  # share of marked letters of text printed with its marks (about 0.3; OCR that lost them: under 0.1)


# kinds of figure, and measures reports name by their item alone ('Quần áo may sẵn 94.620 ngàn cái' is a 'sản lượng',
# 'Điện sản xuất'): a quote need not repeat them
# ('kim ngạch' is the value of trade either way: 'kim ngạch nhập khẩu' asks imports, and a row of exports is no answer)
GENERIC_MEASURES = FIGURE_KINDS | {"nang suat", "thu nhap", "viec lam", "san luong", "dien tich", "doanh thu",
                                    "kim ngach"}
# revenue from a source ('Thu từ hoạt động xuất nhập khẩu', 'thu từ khu vực doanh nghiệp FDI'): what follows names
# where the revenue comes from, not another measure
_REVENUE_FROM = re.compile(r"\bthu tu (?:hoat dong |khu vuc )?(?:xuat )?$")  # ('nhập khẩu' of 'xuất nhập khẩu' too)


def printed_same(query: Query, toks) -> bool:
    """The quote prints the report's phrase for the question's words ('thu hoạch' asked, 'sản lượng' printed); a plan's
    or an aim's words name no measure ('kế hoạch' for 'mục tiêu': every report says it of something)."""
    return any(all(x in toks for x in tokenize(printed)) for printed in query.same
               if printed not in PLAN_WORDS and not AIMED.fullmatch(printed))


def other_measures(folded: str, phrases: list[str], asked_text: str) -> list[str]:
    """The measures a sentence names that the question does not, each somewhere not as a revenue's source ('Thu từ
    hoạt động xuất nhập khẩu' is revenue)."""
    return [m for m in measure_phrases(folded, GENERIC_MEASURES) if m not in phrases and m not in asked_text
            and not all(_REVENUE_FROM.search(folded[:a.start()]) or _HAVING.search(folded[:a.start()])
                        for a in re.finditer(rf"\b{m}\b", folded))]


# a measure after 'có' says what a subject has, not what is measured: 'Thu từ khu vực doanh nghiệp có vốn đầu tư nước
# ngoài đạt 1.512,3 tỷ đồng' is revenue (from the enterprises with foreign capital), no investment
_HAVING = re.compile(r"\b(?:doanh nghiep|du an|khu vuc|don vi|co so)\s+co\s+$")
