"""BM25 over tokens that survive lost diacritics and OCR: folded syllables + bigrams + numbers.

The one home of the lexical layer, for both backends: how text becomes tokens (`tokenize`), the OCR
repair map learned from the collection (`repairs_from_counts`), the statistics derived from the
passages (`Statistics`: tokens, document frequencies, OCR-only word pairs), BM25's K1/B, and the
query side qa reads (`Vocabulary`: idf, repair, variants). `LexicalIndex` adds bm25s scoring and the
files of the embedded store; index.qdrant_* keeps the same statistics in Qdrant.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from sys import intern

import bm25s
import numpy as np
from rapidfuzz.distance import Levenshtein

from tracuu.ingest.textnorm import fold_ocr
from tracuu.memo import kept

# numbers first (Vietnamese notation: '.' groups thousands, ',' marks decimals), then words
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
# a few OCR confusions, common enough to matter, mapped after folding
_OCR_WORDS = {"1a": "la", "d3": "da", "x3": "xa", "x4": "xa", "nim": "nam", "ndm": "nam", "ndam": "nam",
              "dugc": "duoc", "duogc": "duoc", "ngudn": "nguon", "nudc": "nuoc", "cing": "cung",
              "clng": "cung", "ting": "tang", "tdm": "tam", "s6": "so", "d6": "do", "t6": "to", "c6": "co"}


def normalize_number(tok: str) -> str:
    """'1.158,8' and '1158,8' are the same figure; '15/12' stays apart because '/' splits it."""
    pct = tok.endswith("%")
    tok = tok.rstrip("%")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", tok):
        tok = tok.replace(".", "")
    return tok + ("%" if pct else "")


# OCR reads a word-initial 'l' as '1' ('1é', '1&' for 'lệ', '1én' for 'lên') and a marked 'e' as '&'
_ONE_FOR_L = re.compile(r"(?<![\w.,/])1(?=[a-z&])")
_AMP_FOR_E = re.compile(r"(?<=[a-z])&")


# one pass for all of them: a whole word equals at most one key and no replacement is itself a key,
# so this gives what replacing them one after another gives
_OCR_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _OCR_WORDS)) + r")\b")


def words_of(text: str) -> list[str]:
    """The folded, OCR-repaired syllables of text (numbers normalised). Memoised like find_periods:
    answering tokenises the same passage sentences for every question."""
    return list(_words_of(text))


@kept(50_000)
def _words_of(text: str) -> tuple[str, ...]:
    folded = _AMP_FOR_E.sub("e", _ONE_FOR_L.sub("l", fold_ocr(text)))
    folded = _OCR_WORD.sub(lambda m: _OCR_WORDS[m.group(0)], folded)
    # interned: the same syllable read in thousands of sentences is one string, in memory and in the kept readings
    return tuple(intern(normalize_number(t) if t[0].isdigit() else t) for t in _TOKEN.findall(folded))


def tokenize(text: str, repair: dict[str, str] | None = None) -> list[str]:
    """Syllables and syllable bigrams; with `repair`, OCR-misread syllables also count as the
    clean syllable they most likely were ('bubn' -> 'buon'), in unigrams and bigrams alike."""
    return _tokens(words_of(text), repair)


def token_set(text: str, repair: dict[str, str] | None = None) -> frozenset[str]:
    """`tokenize` as a set, memoised (and kept with the index, `tracuu.memo`): answering asks which question
    words each sentence of the same top passages holds, again for every question. A repair map is keyed by a
    fingerprint of its content, taken once per map object (each index loads its own)."""
    return _token_set(text, _fingerprint(repair) if repair else "")


_MAPS: dict[str, dict[str, str]] = {}  # fingerprint -> repair map (one per index opened)
_PRINTS: dict[int, tuple[dict[str, str], str]] = {}  # id(map) -> (map, fingerprint): hashing a map costs ms


def _fingerprint(repair: dict[str, str]) -> str:
    known = _PRINTS.get(id(repair))
    if known is None or known[0] is not repair:
        if len(_PRINTS) > 16:  # maps of indexes no longer open (a map in use is registered again below)
            _PRINTS.clear()
            _MAPS.clear()
        digest = hashlib.blake2b(json.dumps(sorted(repair.items())).encode(), digest_size=12).hexdigest()
        known = _PRINTS[id(repair)] = (repair, digest)
        _MAPS[digest] = repair
    return known[1]


@kept(50_000)
def _token_set(text: str, fingerprint: str) -> frozenset[str]:
    return frozenset(map(intern, tokenize(text, _MAPS[fingerprint] if fingerprint else None)))


def _tokens(words: list[str], repair: dict[str, str] | None = None) -> list[str]:
    fixed = [repair.get(w, w) for w in words] if repair else words
    extra = [w for w, f in zip(words, fixed) if f != w]  # keep what the page says too
    bigrams = [f"{a}_{b}" for a, b in zip(fixed, fixed[1:]) if not (a[0].isdigit() and b[0].isdigit())]
    return fixed + extra + bigrams


def passage_tokens(text: str, repair: dict[str, str] | None = None) -> list[str]:
    """What a passage is indexed as (an OCR report's passage with the repair map): an empty one is
    one "" token, so every passage has a length."""
    return tokenize(text, repair or None) or [""]


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
            | {a + c + b for a, b in splits for c in _ALPHABET})


def count_words(clean: Counter, ocr: Counter, words: Iterable[str], is_ocr: bool, sign: int = 1) -> None:
    """Add (sign -1: take away) one text's words to the counts the repair map is learned from:
    clean words, and the OCR words it may repair."""
    for w in words:
        if not w.isalpha():
            continue
        if not is_ocr:
            clean[w] += sign
        elif len(w) >= 3:
            ocr[w] += sign


def repairs_from_counts(clean: Mapping[str, int], ocr: Mapping[str, int]) -> dict[str, str]:
    """Map syllables seen only in OCR text to the one clean syllable a single edit away.

    The clean vocabulary comes from the clean reports in the same collection, so the map fits the
    corpus at hand; ambiguous cases (two likely candidates) are left alone. Counts (`count_words`)
    rather than texts, so a store that adds and removes documents one by one (Qdrant) learns the
    map a full build learns."""
    vocab = {w: c for w, c in clean.items() if c > 0}
    repair: dict[str, str] = {}
    for w in sorted(w for w, c in ocr.items() if c > 0):
        if w in vocab or len(w) < 3:
            continue
        cands = sorted(((vocab[c], c) for c in _edits1(w) if c in vocab and len(c) >= 2), reverse=True)
        if cands and (len(cands) == 1 or cands[0][0] >= 3 * cands[1][0]) and cands[0][0] >= 2:
            repair[w] = cands[0][1]
    return repair


def learn_repairs(clean_texts: list[str], ocr_texts: list[str]) -> dict[str, str]:
    """`repairs_from_counts` of these texts."""
    clean: Counter = Counter()
    ocr: Counter = Counter()
    for t in clean_texts:
        count_words(clean, ocr, words_of(t), False)
    for t in ocr_texts:
        count_words(clean, ocr, words_of(t), True)
    return repairs_from_counts(clean, ocr)


_VOWELS = re.compile(r"[aeiouyw]")


def _misread(seen: str, word: str) -> bool:
    """OCR without the Vietnamese model loses marked vowels ('phủ' -> 'pha', 'rừng' -> 'rung'),
    rarely consonants: same consonants, one vowel letter different."""
    return (seen != word and len(word) > 1 and _VOWELS.sub("", seen) == _VOWELS.sub("", word)
            and Levenshtein.distance(seen, word, score_cutoff=1) <= 1)


_MASK = re.compile(r"[aeiouywd]")


def _vowel_misread(seen: str, word: str) -> bool:
    """One vowel of `word` read as another letter OCR puts there: a vowel, or 'd' for 'ô'/'ơ'
    ('ndng' for 'nông', 'then' for 'thôn'); same length, nothing else changed."""
    if len(seen) != len(word) or seen == word:
        return False
    diff = [(x, y) for x, y in zip(seen, word) if x != y]
    return len(diff) == 1 and diff[0][1] in "aeiouy" and diff[0][0] in "aeiouywd"


def ocr_only(token: str, df: int, dc: int) -> bool:
    """A word pair that only OCR text has (in `df` passages, `dc` of them clean): where a misread
    word hides ('che pha' for 'che phu')."""
    return "_" in token and df > 0 and dc == 0 and token.replace("_", "").isalpha()


K1, B = 1.2, 0.75  # BM25 (Lucene) term saturation and length normalisation, on either backend


@dataclass
class Statistics:
    """Everything the lexical layer derives from the passages, as one full pass computes it."""

    repair: dict[str, str]  # OCR-misread syllable -> clean syllable (applied to OCR passages' tokens)
    tokens: list[list[str]]  # per passage (`passage_tokens`)
    df: Counter  # passages holding the token
    dc: Counter  # clean (non-OCR) passages holding it
    clean: Counter  # word counts the repair map is learned from (`count_words`)
    ocr: Counter
    bigrams: list[str]  # word pairs only OCR text has (`ocr_only`), sorted
    total: int  # tokens in all passages

    @classmethod
    def of(cls, texts: list[str], ocr: list[bool] | None = None) -> "Statistics":
        ocr = ocr or [False] * len(texts)
        words = [words_of(t) for t in texts]  # once per text: repairs and tokens both start from them
        clean_words: Counter = Counter()
        ocr_words: Counter = Counter()
        for ws, o in zip(words, ocr):
            count_words(clean_words, ocr_words, ws, o)
        repair = repairs_from_counts(clean_words, ocr_words)
        tokens = [_tokens(ws, repair if o else None) or [""] for ws, o in zip(words, ocr)]
        del words
        df: Counter = Counter()
        dc: Counter = Counter()
        for toks, o in zip(tokens, ocr):
            s = set(toks)
            df.update(s)
            if not o:
                dc.update(s)
        bigrams = sorted(t for t, n in df.items() if ocr_only(t, n, dc[t]))
        return cls(repair, tokens, df, dc, clean_words, ocr_words, bigrams, sum(map(len, tokens)))

    @property
    def avgdl(self) -> float:
        return self.total / len(self.tokens) if self.tokens else 1.0


# bumped whenever tokens change (folding, repairs): an index written by another version is re-tokenized
TOKENIZER = 2


class Vocabulary:
    """The query side of the lexical layer, what qa reads on either backend (index.backend.Lexical):
    idf from the document frequencies, the repair map, the OCR spellings of a question's word pairs."""

    def __init__(self, n: int, df: Mapping[str, int], repair: dict[str, str] | None = None,
                 ocr_bigrams: list[str] | None = None):
        self.n = n  # passages
        self.df = df  # document frequencies, kept for idf-weighted evidence checks in qa
        self.vocab: Mapping = df  # the tokens the index holds
        self.repair = repair or {}
        self.ocr_bigrams = ocr_bigrams or []
        self._by_first: dict[str, list[str]] = {}
        self._by_second: dict[str, list[str]] = {}
        for t in self.ocr_bigrams:
            a, b = t.split("_", 1)
            self._by_first.setdefault(a, []).append(b)
            self._by_second.setdefault(b, []).append(a)

    def variants(self, tokens: list[str], limit: int = 3) -> dict[str, list[str]]:
        """OCR spellings of the question's word pairs: a pair only OCR text has, one letter away
        in one of its words ('che_phu' asked, 'che_pha' printed). The other word of the pair is the
        context that makes a one-letter guess safe; single words get no such guess."""
        out: dict[str, list[str]] = {}
        for t in tokens:
            if "_" not in t:
                continue
            a, b = t.split("_", 1)
            if not (a.isalpha() and b.isalpha()):
                continue
            # only words with the same consonants can be misreadings (_misread): look up those alone,
            # in the same order as the full lists, instead of testing every pair with this word
            first, second = self._by_shape
            found = [f"{a}_{x}" for x in first.get((a, _VOWELS.sub("", b)), ()) if _misread(x, b)]
            found += [f"{y}_{b}" for y in second.get((b, _VOWELS.sub("", a)), ()) if _misread(y, a)]
            found = found[:limit]
            if len(a) > 2 and len(b) > 2:  # both words misread ('ndng_then' for 'nong_thon')
                found += [f"{y}_{x}" for y, x in self._masked.get((_MASK.sub("*", a), _MASK.sub("*", b)), ())
                          if _vowel_misread(y, a) and _vowel_misread(x, b)][:limit]
            if found:
                out[t] = found
        return out

    @functools.cached_property
    def _by_shape(self) -> tuple[dict[tuple[str, str], list[str]], dict[tuple[str, str], list[str]]]:
        """_by_first / _by_second split further by the other word's consonants (vowels dropped)."""
        first: dict[tuple[str, str], list[str]] = {}
        second: dict[tuple[str, str], list[str]] = {}
        for a, bs in self._by_first.items():
            for b in bs:
                first.setdefault((a, _VOWELS.sub("", b)), []).append(b)
        for b, as_ in self._by_second.items():
            for a in as_:
                second.setdefault((b, _VOWELS.sub("", a)), []).append(a)
        return first, second

    @functools.cached_property
    def _masked(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """OCR-only pairs by their consonant shape, for the two-word guess in `variants`."""
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for t in self.ocr_bigrams:
            a, b = t.split("_", 1)
            out.setdefault((_MASK.sub("*", a), _MASK.sub("*", b)), []).append((a, b))
        return out

    def holds(self, token: str) -> bool:
        """Whether any indexed passage has the token (a name no report prints is asked of none)."""
        return self.df.get(token, 0) > 0

    def idf(self, token: str) -> float:
        """BM25 (Lucene) idf of a token over the whole index."""
        df = self.df.get(token, 0)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def query_tokens(self, query: str) -> list[str]:
        """The question's tokens plus OCR spellings of its word pairs (see `variants`)."""
        toks = tokenize(query)
        return toks + [v for vs in self.variants(toks).values() for v in vs]


class LexicalIndex(Vocabulary):
    """The embedded store's BM25: bm25s over the passages' tokens; the rest of the code never sees
    bm25s' token-id details."""

    def __init__(self, retriever: bm25s.BM25, df: dict[str, int], repair: dict[str, str] | None = None,
                 ocr_bigrams: list[str] | None = None):
        super().__init__(int(retriever.scores["num_docs"]), df, repair, ocr_bigrams)
        self.retriever = retriever
        self.vocab = retriever.vocab_dict

    @classmethod
    def build(cls, texts: list[str], ocr: list[bool] | None = None) -> "LexicalIndex":
        stats = Statistics.of(texts, ocr)
        retriever = bm25s.BM25(k1=K1, b=B)
        retriever.index(stats.tokens, show_progress=False)
        return cls(retriever, dict(stats.df), stats.repair, stats.bigrams)

    def scores(self, query: str) -> np.ndarray:
        toks = [t for t in self.query_tokens(query) if t in self.vocab]
        if not toks:
            return np.zeros(self.n, dtype=np.float32)
        # a plain array: indexing a memory-mapped index's (np.memmap subclass) scores element by element
        # costs a subclass object each
        return np.asarray(self.retriever.get_scores(toks), dtype=np.float32)

    def holding(self, tokens: list[str]) -> np.ndarray:
        """Indices of the passages holding any of `tokens` (a BM25 score above zero)."""
        toks = [t for t in tokens if t in self.vocab]
        if not toks:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self.retriever.get_scores(toks) > 0)

    def save(self, path: Path) -> None:
        self.retriever.save(str(path), show_progress=False)
        (path / "df.json").write_text(json.dumps(self.df, ensure_ascii=False), "utf-8")
        (path / "repair.json").write_text(json.dumps(self.repair, ensure_ascii=False), "utf-8")
        (path / "ocr_bigrams.json").write_text(json.dumps(self.ocr_bigrams, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> "LexicalIndex":
        df = json.loads((path / "df.json").read_text("utf-8"))
        repair = json.loads((path / "repair.json").read_text("utf-8"))
        bigrams = path / "ocr_bigrams.json"
        ocr_bigrams = json.loads(bigrams.read_text("utf-8")) if bigrams.exists() else []
        return cls(bm25s.BM25.load(str(path), mmap=mmap, show_progress=False), df, repair, ocr_bigrams)
