"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI, Windows-1258) to Unicode NFC.

Provincial reports from before ~2010 are often plain text saved from .VnTime (TCVN3) or
VNI-Times fonts; read as UTF-8 they fail, read as Latin they are gibberish ("B¸o c¸o",
"Baùo caùo"). The bytes do not say which encoding they are in, so every candidate is
decoded and the one that reads most like Vietnamese wins.
"""
from __future__ import annotations

import re
import unicodedata

from .textnorm import vietnamese_score

# TCVN 5712:1993 VN1, the superset of TCVN3 (ABC, VN3): bytes 0x80-0xFF. VN3 only uses the
# lower-case slots plus Ă Â Ê Ô Ơ Ư Đ (A1-A7); capitals with tones come from VN1 (80-9F, the
# holes between lower-case slots, and 7 control codes). Checked against glibc TCVN5712-1.
_TCVN_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 90
    "\xa0ĂÂÊÔƠƯĐăâêôơưđẰ"  # A0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # B0: combining tone marks, then letters
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0
    "Ổỏõóọồổỗốộờởỡớợù"  # E0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0
)
_TCVN_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
             0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}
_TCVN_DECODE = [_TCVN_LOW.get(b, chr(b)) for b in range(0x80)] + list(_TCVN_HIGH)
_TCVN_ENCODE = {ch: b for b, ch in enumerate(_TCVN_DECODE)}
_TCVN_TRANSLATE = {b: ch for b, ch in enumerate(_TCVN_DECODE) if ch != chr(b)}

# VNI Windows: a base letter followed by one byte (Windows-1252 glyph) for the vowel's hat
# and tone together. Tones in order: none, sắc, huyền, hỏi, ngã, nặng.
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_VOWELS = {  # unicode base (no tone): (VNI spelling, VNI tone bytes for sắc..nặng)
    "a": ("a", "ùøûõï"), "â": ("aâ", "áàåãä"), "ă": ("aê", "éèúüë"),
    "e": ("e", "ùøûõï"), "ê": ("eâ", "áàåãä"),
    "o": ("o", "ùøûõï"), "ô": ("oâ", "áàåãä"), "ơ": ("ô", "ùøûõï"),
    "u": ("u", "ùøûõï"), "ư": ("ö", "ùøûõï"), "y": ("y", "ùøûõ"),
}
_VNI_I = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"}


def _vni_table() -> dict[str, str]:
    """Unicode letter -> VNI spelling, both cases (VNI upper-cases the tone byte too)."""
    table = dict(_VNI_I)
    for base, (spelling, tones) in _VNI_VOWELS.items():
        if spelling != base:
            table[base] = spelling
        stem = spelling[:-1] if len(spelling) == 2 else spelling  # a tone byte replaces the hat byte
        for mark, tone in zip(_TONES, tones):
            table[unicodedata.normalize("NFC", base + mark)] = stem + tone
    return table | {ch.upper(): spelling.upper() for ch, spelling in table.items()}


_VNI_ENCODE = _vni_table()
_VNI_DECODE = {v: k for k, v in _VNI_ENCODE.items()}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))


def decode_tcvn3(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN_TRANSLATE))


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes; letters without a slot go as base letter + combining mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN_ENCODE:
            out.append(_TCVN_ENCODE[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) > 1 and all(p in _TCVN_ENCODE for p in parts):
            out.extend(_TCVN_ENCODE[p] for p in parts)
            continue
        raise ValueError(f"character {ch!r} cannot be written in TCVN3")
    return bytes(out)


# Windows-1252 punctuation in 0x80-0x9F (VNI fonts keep it); its five holes stay as Latin-1.
_CP1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}


def decode_vni(data: bytes) -> str:
    text = data.decode("latin-1").translate(_CP1252)
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def encode_vni(text: str) -> bytes:
    """Unicode -> VNI Windows bytes (punctuation such as curly quotes as Windows-1252)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_ENCODE:
            out.extend(_VNI_ENCODE[ch].encode("cp1252"))
            continue
        try:
            b = ch.encode("cp1252")
        except UnicodeEncodeError:
            raise ValueError(f"character {ch!r} cannot be written in VNI") from None
        if b[0] >= 0xC0:  # Latin-1 letters are VNI's tone bytes: they would read back wrong
            raise ValueError(f"character {ch!r} cannot be written in VNI")
        out.extend(b)
    return bytes(out)


def decode_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


# What reads as Vietnamese: each word a well-formed syllable (onset, vowel group, final).
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "(?:iêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|"
    "oe|oi|ôi|ơi|oo|ua|uâ|uă|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])"
    "(?:ch|ng|nh|[cmnpt])?"
)
_TONE_MARKS = dict.fromkeys(map(ord, _TONES))
# Word pieces: split at spaces, digits, ASCII punctuation and the punctuation reports use.
_PIECE = re.compile(r"[^\s\d!-/:-@\[-`{-~“”‘’–—…•°§±×¹²³⁴⁵⁶⁷⁸⁹⁰«»]+")


def _syllable_share(text: str) -> float:
    """Share of the words holding non-ASCII characters that are well-formed Vietnamese syllables.

    A wrong decoding leaves symbols inside words ("b¸o"), foreign letters ("baøo") or vowel
    groups Vietnamese does not have ("baùo" read as cp1258), so this separates the candidates
    far better than counting Vietnamese letters alone.
    """
    pieces = [p for p in _PIECE.findall(text) if not p.isascii()]
    if not pieces:
        return 0.0
    good = 0
    for p in pieces:
        bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", p.lower()).translate(_TONE_MARKS))
        tones = len(unicodedata.normalize("NFD", p)) - len(unicodedata.normalize("NFD", bare))
        good += tones <= 1 and _SYLLABLE.fullmatch(bare) is not None
    return good / len(pieces)


def detect_and_convert(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8; None when no known Vietnamese encoding fits."""
    candidates = {"cp1258": decode_cp1258(data), "tcvn3": decode_tcvn3(data), "vni": decode_vni(data)}
    best = None
    for name, text in candidates.items():
        if text is None:
            continue
        key = (_syllable_share(text), vietnamese_score(text.lower()))  # (its set lacks capitals)
        if best is None or key > best[0]:  # ties keep the earlier, more common encoding
            best = (key, name, text)
    (share, vi), name, text = best
    if share >= 0.5 and vi > 0.02:
        return text, name
    # Nothing reads clearly as Vietnamese (e.g. OCR output, few accents): Windows-1258 is
    # the one encoding that is also a plain Latin text encoding, so it is the fallback.
    text = candidates["cp1258"]
    return (text, "cp1258") if text is not None and vietnamese_score(text.lower()) > 0.05 else None
