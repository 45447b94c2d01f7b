"""The lexicon (qa/lexicon.toml) read once: word lists as data, compiled here into the patterns the answer
steps use, so that adding a word never means editing a regular expression in code."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).with_name("lexicon.toml")


@dataclass(frozen=True)
class Lexicon:
    acronyms: dict[str, str]
    also_named: dict[str, tuple[str, ...]]
    indicator_names: dict[str, tuple[str, ...]]
    measure_others: dict[str, tuple[str, ...]]
    measure_others_before: dict[str, tuple[str, ...]]
    measure_kinds: dict[str, tuple[str, ...]]
    institutions: frozenset[str]
    named_indicators: tuple[str, ...]
    units: tuple[str, ...]
    ambiguous_units: frozenset[str]
    how_words: frozenset[str]
    period_words: frozenset[str]
    equivalents: tuple[tuple[str, str], ...]  # (the question's pattern, the report's phrase)
    lists: dict[str, dict]  # kind of word -> {'words': [...], 'also': [...], 'why': ...}

    def pattern(self, kind: str) -> re.Pattern:
        """The words of one kind as one pattern: whole words first, then the alternatives that carry their
        own boundaries."""
        entry = self.lists[kind]
        alternatives = [rf"\b(?:{'|'.join(entry['words'])})\b", *entry.get("also", ())]
        return re.compile("|".join(alternatives))

    def alternation(self, kind: str) -> str:
        """The words of one kind as a group to build a larger pattern on ('(?:ke hoach|du toan|...)')."""
        return f"(?:{'|'.join(self.lists[kind]['words'])})"

    def why(self, kind: str) -> str:
        return " ".join(self.lists[kind]["why"].split())


@cache
def lexicon(path: Path = LEXICON) -> Lexicon:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        acronyms=dict(data["acronyms"]),
        also_named={k: tuple(v) for k, v in data["also_named"].items()},
        indicator_names={k: tuple(v) for k, v in data.get("indicator_names", {}).items()},
        measure_others={k: tuple(v) for k, v in data.get("measure_others", {}).items()},
        measure_others_before={k: tuple(v) for k, v in data.get("measure_others_before", {}).items()},
        measure_kinds={k: tuple(v) for k, v in data.get("measure_kinds", {}).items()},
        institutions=frozenset(data["institutions"]),
        named_indicators=tuple(data["named_indicators"]),
        units=tuple(sorted(data["units"], key=len, reverse=True)),  # longest first: "tan gao" before "tan"
        ambiguous_units=frozenset(data["ambiguous_units"]),
        how_words=frozenset(data["how_words"]),
        period_words=frozenset(data["period_words"]),
        equivalents=tuple((e["asked"], e["printed"]) for e in data["equivalents"]),
        lists=dict(data["words"]),
    )
