#!/usr/bin/env python3
"""Deterministic "bad scan / OCR" degradation of a clean Vietnamese text document.

Usage:
    python degrade.py INPUT OUTPUT [--seed N] [--strip P] [--wrong P]
                      [--wrap P] [--footnote P] [--pipe P]

What it does (all driven by one seeded random.Random, so the same input and
seed always give the same output):
  * diacritics: per word, strip all marks with probability --strip
    ("Kết quả" -> "Ket qua", "đồng" -> "dong"), or damage them with probability
    --wrong (drop circumflex/breve/horn but keep the tone: "Kết" -> "Két";
    change the tone: "tỷ" -> "tý"; drop the tone: "đồng" -> "đông"), else keep;
  * wrapping: long lines are broken mid-sentence at a space with probability
    --wrap;
  * footnotes: with probability --footnote per line, a footnote digit is
    glued to a year or word ("năm 2023" -> "năm 20235");
  * headings: in heading-like lines (all caps, or starting with a Roman
    numeral), each capital "I" becomes "|" with probability --pipe.
Digits are never altered except by the glued footnote digit.
Markdown table lines (starting with "|") are left un-wrapped.
"""
import argparse
import random
import re
import sys
import unicodedata

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền sắc ngã hỏi nặng
MODS = ["\u0302", "\u0306", "\u031b"]  # circumflex, breve, horn

WORD_RE = re.compile(r"\w+", re.UNICODE)


def _split_char(ch):
    d = unicodedata.normalize("NFD", ch)
    base = d[0]
    mods = [c for c in d[1:] if c in MODS]
    tones = [c for c in d[1:] if c in TONES]
    return base, mods, tones


def _join(base, mods, tones):
    return unicodedata.normalize("NFC", base + "".join(mods) + "".join(tones))


def strip_word(w):
    out = []
    for ch in w:
        if ch == "đ":
            out.append("d")
        elif ch == "Đ":
            out.append("D")
        else:
            d = unicodedata.normalize("NFD", ch)
            out.append("".join(c for c in d if not unicodedata.combining(c)))
    return unicodedata.normalize("NFC", "".join(out))


def wrong_word(w, rng):
    chars = list(w)
    idx = [i for i, ch in enumerate(chars)
           if len(unicodedata.normalize("NFD", ch)) > 1]
    if not idx:
        if "đ" in w or "Đ" in w:
            return w.replace("đ", "d").replace("Đ", "D")
        return w
    i = rng.choice(idx)
    base, mods, tones = _split_char(chars[i])
    mode = rng.random()
    if mods and mode < 0.45:
        mods = []  # Kết -> Két
    elif mode < 0.8:
        cur = tones[0] if tones else None
        choices = [t for t in TONES if t != cur]
        tones = [rng.choice(choices)]  # tỷ -> tý
    else:
        tones = []  # đồng -> đông
    chars[i] = _join(base, mods, tones)
    res = "".join(chars)
    if rng.random() < 0.5:
        res = res.replace("đ", "d").replace("Đ", "D")
    return res


def degrade_diacritics(line, rng, p_strip, p_wrong):
    def repl(m):
        w = m.group(0)
        if all(ord(c) < 128 for c in w):
            return w
        r = rng.random()
        if r < p_strip:
            return strip_word(w)
        if r < p_strip + p_wrong:
            return wrong_word(w, rng)
        return w
    return WORD_RE.sub(repl, line)


def is_heading(line):
    s = line.strip()
    if not s:
        return False
    if re.match(r"^[IVX]+[\.\-/ ]", s):
        return True
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def pipe_heading(line, rng, p_pipe):
    if not is_heading(line):
        return line
    return "".join("|" if (c == "I" and rng.random() < p_pipe) else c for c in line)


def glue_footnote(line, rng):
    years = list(re.finditer(r"\b20\d\d\b", line))
    if years and rng.random() < 0.7:
        m = rng.choice(years)
    else:
        words = [m for m in re.finditer(r"[^\W\d_]{4,}", line)]
        if not words:
            return line
        m = rng.choice(words)
    digit = str(rng.randint(1, 9))
    return line[:m.end()] + digit + line[m.end():]


def wrap_line(line, rng, width_lo=40, width_hi=75):
    out = []
    rest = line
    while len(rest) > width_hi:
        cut = rng.randint(width_lo, width_hi)
        sp = rest.rfind(" ", 0, cut)
        if sp <= 10:
            break
        out.append(rest[:sp].rstrip())
        rest = rest[sp + 1:]
    out.append(rest)
    return out


def degrade(text, seed=1234, p_strip=0.6, p_wrong=0.2, p_wrap=0.35,
            p_footnote=0.06, p_pipe=0.5):
    rng = random.Random(seed)
    text = unicodedata.normalize("NFC", text)
    out_lines = []
    for line in text.split("\n"):
        is_table = line.lstrip().startswith("|")
        line = pipe_heading(line, rng, p_pipe)
        line = degrade_diacritics(line, rng, p_strip, p_wrong)
        if line.strip() and not is_table and rng.random() < p_footnote:
            line = glue_footnote(line, rng)
        if not is_table and len(line) > 80 and rng.random() < p_wrap:
            out_lines.extend(wrap_line(line, rng))
        else:
            out_lines.append(line)
    return "\n".join(out_lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--strip", type=float, default=0.6)
    ap.add_argument("--wrong", type=float, default=0.2)
    ap.add_argument("--wrap", type=float, default=0.35)
    ap.add_argument("--footnote", type=float, default=0.06)
    ap.add_argument("--pipe", type=float, default=0.5)
    a = ap.parse_args(argv)
    with open(a.input, encoding="utf-8") as f:
        text = f.read()
    res = degrade(text, a.seed, a.strip, a.wrong, a.wrap, a.footnote, a.pipe)
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
