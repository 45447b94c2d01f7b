"""Places abroad a question may name: no report of theirs is indexed here, so no figure answers for them."""
from __future__ import annotations

import re

from .places import _districts, _norm, find_provinces
from .textnorm import fold_ocr


# a place named as a province or city, capitalised ('tỉnh Champasak', 'thành phố Viêng Chăn'), or a country in brackets
_PLACE_NAMED = re.compile(r"\b(?:[Tt][ỉi]nh|[Tt]h[àa]nh ph[ốo]|TP\.?)\s+((?:[A-ZĐ][\w'-]*)(?:\s+[A-ZĐ][\w'-]*){0,2})")
_COUNTRY = re.compile(r"\((?:nước\s+)?(Lào|Lao|Campuchia|Cam-pu-chia|Trung Quốc|Trung Quoc|Thái Lan|Thai Lan|Hàn Quốc|Han Quoc|"
                      r"Nhật Bản|Nhat Ban|Myanmar|Singapore|Malaysia|Indonesia|Philippines)\)")


# foreign capitals and cities that Vietnamese writes in its own syllables, so that no spelling test tells them from
# Vietnamese words (folded; not the border provinces reports name for cooperation, 'Quảng Tây', 'Hủa Phăn', nor a name
# a Vietnamese word or commune shares, 'thẩm quyền', 'Quảng Châu')
_ABROAD = ("vieng chan", "phnom penh", "bac kinh", "thuong hai", "hong kong", "xo un", "seoul", "tokyo", "to ky o",
           "mat xco va", "moscow", "kuala lumpur", "bangkok", "yangon", "jakarta", "manila", "singapore")
_ABROAD_NAMED = re.compile(rf"\b(?:{'|'.join(_ABROAD)})\b")


def unknown_places(text: str) -> list[str]:
    """Places a question names as a province or city that are no Vietnamese province or district ('tỉnh Champasak
    (Lào)', typed without marks too: 'tinh kampong cham campuchia'): no report of theirs can be indexed here, so none
    answers for them."""
    out = []
    names = [m.group(1) for m in _PLACE_NAMED.finditer(text)]
    names += [m.group(1) for m in _PLACE_TYPED.finditer(text)] if text == text.lower() else []
    for name in names:
        folded = _norm(fold_ocr(name))
        words = folded.split()
        if find_provinces(f"tỉnh {name}") or any(" ".join(words[:k]) in _districts() for k in range(len(words), 0, -1)):
            continue
        if any(w in _KNOWN_WORDS for w in words) or not any(_foreign_word(w) for w in words):
            continue  # ('4 tỉnh Việt Nam', 'thành phố Cảng': Vietnamese words, a name or a nickname of no place)
        out.append(name)
    # a name spelt as no Vietnamese word is, anywhere in a Vietnamese question ('Phnôm Pênh thu hút bao nhiêu vốn FDI'):
    # a place abroad, whatever a report says of it in passing (a trade fair held there); not in a question in another
    # language, whose words are all foreign ('What is the weather in Paris tomorrow?')
    rest = [_norm(fold_ocr(w)) for w in re.findall(r"[^\W\d_]+", _CAPITALISED_RUN.sub(" ", text)) if not w.isupper()]
    vietnamese = not rest or sum(not _foreign_word(w) for w in rest) * 2 > len(rest)  # (acronyms aside: 'GRDP Bangkok')
    for m in _CAPITALISED_RUN.finditer(text) if vietnamese else ():
        words = _norm(fold_ocr(m.group())).split()
        if any(w.isalpha() and _foreign_word(w) for w in words) and not find_provinces(m.group()) \
                and m.group() not in out and not any(m.group() in x or x in m.group() for x in out):
            out.append(m.group())
    # (and a name abroad written as Vietnamese syllables, marks or none: 'vieng chan tang truong kinh te')
    words = re.findall(r"[^\W\d_]+", text)
    for m in _ABROAD_NAMED.finditer(_norm(fold_ocr(text))):
        n = m.group().count(" ") + 1
        printed = next((" ".join(words[i:i + n]) for i in range(len(words))
                        if _norm(fold_ocr(" ".join(words[i:i + n]))) == m.group()), m.group().title())
        if not any(m.group() in _norm(fold_ocr(x)) for x in out):
            out.append(printed)  # (as the question spells it: 'Viêng Chăn', 'vieng chan')
    return out + [f"({m.group(1)})" for m in _COUNTRY.finditer(text)]


def foreign_unquoted(question: str, quotes: list[str]) -> list[str]:
    """The question's words spelt as no Vietnamese word is ('phnom' of 'thu ngan sach phnom penh nam 2024', typed in
    lower case), that no quote prints: a name the answers found do not speak of. Acronyms and units aside ('grdp',
    'fdi', 'kwh', 'usd': their letters are no syllable either), and a word with a digit ('km18')."""
    printed = {w for q in quotes for w in _norm(fold_ocr(q)).split()}
    words = [w for w in re.findall(r"[^\W\d_]+", question) if not w.isupper()]
    return [w for w in words if (f := _norm(fold_ocr(w))) not in printed and _foreign_word(f) and f not in _NOT_NAMES
            and len(f) > 3]


# letters in a row that are no Vietnamese syllable and no name: units, acronyms typed in lower case, loan words
_NOT_NAMES = frozenset("""grdp fdi ddi cpi iip ocop papi pci ddci sati grdp usd kwh km2 tphcm hcm covid logistics
    startup online internet website email smartphone container""".split())


# capitalised words in a row, not all capitals ('Phnôm Pênh', 'Savannakhet'; not 'FDI')
_CAPITALISED_RUN = re.compile(r"\b[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?:\s+[A-ZÀ-ỸĐ][a-zà-ỹđ]+)*\b")


# (a question typed in lower case names its place so too: the three words after 'tỉnh', a foreign one among them)
_PLACE_TYPED = re.compile(r"\b(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2})")
# a Vietnamese syllable, folded: an initial of the language's (or none), one to three vowels, a final of its (or none)
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def _foreign_word(folded: str) -> bool:
    """No Vietnamese syllable ('champasak', 'kampong', 'vientiane': letters or clusters the language's syllables never
    have)."""
    return not _SYLLABLE.fullmatch(folded)


# capitalised words that open a province's or city's name in text but are no place ('Tỉnh Ủy', 'Thành phố Hồ ...')
_KNOWN_WORDS = frozenset("uy uban hoi nhan dan ho chi minh".split())
