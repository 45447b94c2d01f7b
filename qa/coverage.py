"""How much of a question a text names: each of its content words weighed by idf, an acronym found spelled out (and
a full form found as its acronym), a word pair found with one word misspelt by OCR, a small count with its word ('4
sao' in '04 sao')."""
from __future__ import annotations

import re

from tracuu.index.backend import Lexical
from tracuu.index.lexical import token_set, tokenize, words_of

from .lexicon import lexicon
from .query import Query
from .weights import EVIDENCE

_PERIOD_WORDS = lexicon().period_words


def query_weights(query: Query, lexical: Lexical | None) -> dict[str, float]:
    """idf weight of each content token; an acronym's expansion is left out (see `covered`)."""
    spelled = {t for full in query.aliases.values() for t in tokenize(full)} | set(query.short)
    weights = {}
    for segment in (query.lexical_text or query.text).split("|"):  # no bigram across removed words
        for t in tokenize(segment):
            if (counted := numbered(t)) and lexical is not None:
                # '4 sao', '2 mũi', '18 chỉ tiêu': a small count named with its word is part of what is asked
                weights.setdefault(counted, lexical.idf(counted.split("_")[1]) * EVIDENCE.bigram)
                continue
            if t[0].isdigit() or t in spelled and t not in query.aliases or t in _PERIOD_WORDS:
                continue
            w = lexical.idf(t) if lexical else 1.0
            weights.setdefault(t, w if "_" not in t else w * EVIDENCE.bigram)
    return weights


def numbered(token: str) -> str | None:
    """A small count and the word after it ('04_sao' -> '4_sao'), leading zeros dropped; None for any other
    token (a year, a plain number, a word)."""
    m = _NUMBERED.fullmatch(token)
    return f"{int(m.group(1))}_{m.group(2)}" if m else None


_NUMBERED = re.compile(r"(\d{1,2})_([^\W\d_]{2,})")


def covered(weights: dict[str, float], toks: set[str], aliases: dict[str, str],
            variants: dict[str, list[str]] | None = None, short: dict[str, str] | None = None,
            same: dict[str, str] | None = None) -> float:
    """Weight of the question's tokens found in `toks`; an acronym counts as found when the
    text spells it out ('IIP' asked, 'chỉ số sản xuất công nghiệp' printed), a word pair when
    OCR misspelt one of its words (`LexicalIndex.variants`)."""
    got = 0.0
    if any(t[0].isdigit() for t in weights):  # '04 sao' printed is '4 sao' asked
        toks = toks | {n for t in toks if t[0].isdigit() and (n := numbered(t))}
    # a word OCR misspelt is found when a pair holding it was ('nhập ngũ' asked, 'nhap ngi' printed)
    found_as = {w for t, vs in (variants or {}).items() if any(v in toks for v in vs) for w in t.split("_")}
    # a full form asked ('ngân sách trung ương') is found as its acronym ('NSTW')
    found_as |= {t for a, full in (short or {}).items() if a in toks for t in tokenize(full)}
    # the question's words for an indicator are found as the report's phrase ('tăng trưởng kinh tế': 'tổng sản phẩm')
    found_as |= {t for printed, asked in (same or {}).items()
                 if all(x in toks for x in tokenize(printed) if "_" not in x) for t in tokenize(asked)}
    for t, w in weights.items():
        if t in toks or t in found_as or variants and any(v in toks for v in variants.get(t, ())):
            got += w
        elif t in aliases and all(x in toks for x in tokenize(aliases[t]) if "_" not in x):
            got += w
    return got


# the last two words of each measure the lexicon names ('von dau tu' -> 'dau tu', 'xuat khau')
_MEASURE_ENDS = frozenset(" ".join(w.split()[-2:]) for w in lexicon().lists["measure"]["words"] if len(w.split()) >= 2)


def qualified(weights: dict[str, float], question: str | None = None) -> dict[str, set[str]]:
    """The question's words it qualifies (a pair starting with the word, its second a content word: 'vốn' of 'vốn đầu
    tư công'), each with the question's pairs that hold it: read once per question for `qualified_otherwise`."""
    words = {t: {p for p in weights if "_" in p and t in p.split("_")} for t in weights
             if "_" not in t and t not in FUNCTION_WORDS
             and any(p.startswith(f"{t}_") and _content(p.split("_", 1)[1]) for p in weights)}
    # a measure's two-word term ('vốn đầu tư', 'xuất khẩu') the question qualifies by the one word that ends its phrase
    # ('đầu tư' of 'vốn đầu tư công'; not 'giải ngân' of 'giải ngân vốn ...', whose next word opens a term of its own),
    # with that pair, the three words printed so in the question (not across a period it names, nor a verb that asks:
    # 'Đàn trâu 6 tháng ... còn bao nhiêu con')
    printed = f" {' '.join(words_of(question))} " if question else ""
    compounds = {t: {q} for t in weights if "_" in t and t.replace("_", " ") in _MEASURE_ENDS for q in weights
                 if q.startswith(f"{t.split('_')[1]}_") and _content(c := q.split("_", 1)[1]) and c not in t.split("_")
                 and f" {t.replace('_', ' ')} {c} " in printed
                 and not any(p.startswith(f"{c}_") and not p.split("_", 1)[1][0].isdigit() for p in weights)}
    return words | compounds


def qualified_otherwise(words: dict[str, set[str]], toks: set[str], asked: set[str]) -> set[str]:
    """The question's words a text names with another qualifier: 'vốn' of 'giải ngân vốn đầu tư công' in 'vốn kéo dài
    các năm trước ... giải ngân được' is another capital, of that name only. A word (of `qualified`) counts as so
    named when the text follows it with content words only the question does not use, and holds none of the
    question's pairs with it."""
    out = set()
    for t, pairs in words.items():
        if t not in toks or pairs & toks:
            continue
        # (a term: what follows its last word; 'vốn đầu tư phát triển toàn xã hội' is no 'vốn đầu tư công', and its
        # 'đầu tư' counts for none of it)
        last = t.rsplit("_", 1)[-1]
        following = {b for p in toks if p.startswith(f"{last}_") and _content(b := p.split("_", 1)[1])}
        if following and not following & asked:
            out |= {t, last} if "_" in t else {t}
    return out


def _content(word: str) -> bool:
    return not word[0].isdigit() and word not in FUNCTION_WORDS


# words that link a noun to what follows without qualifying it ('vốn của tỉnh', 'khách đến', 'thu được', 'doanh nghiệp ở
# Lạng Sơn', 'đàn trâu còn'), and the words of units and periods ('lượt người', '2.186,4 tỷ đồng' after 'thu', 'tháng 1')
FUNCTION_WORDS = frozenset("cua cac nhung va voi trong tren tai o den cho tu nay do khi da se dang con bi boi ve theo la duoc "
                      "dat uoc co tong so tang giam bang chiem ngay ty trieu nghin dong usd tan ha luot nguoi km kg "
                      "kwh m2 m3 km2 thang nam quy tuan".split())


def adds_words(query: Query, quote: str, extra: str, lexical: Lexical | None) -> bool:
    """`extra` holds question words (not just pairs) that `quote` lacks."""
    repair = lexical.repair if lexical else None
    have, more = token_set(quote, repair), token_set(extra, repair)
    wanted = set(query_weights(query, lexical)) | set(query.short)  # 'NSTW' for 'ngân sách trung ương'
    return any(t not in have for t in more & wanted if "_" not in t)
