"""Guards for the benchmark (bench/) and for the hot-spot fixes it made: each fast path must give exactly
what the straightforward code gave. No embedder is loaded; every test runs in a few seconds."""
from __future__ import annotations

import random
import sys
import unicodedata
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from tracuu.index.store import Filters, Hit, IndexStore
from tracuu.config import Config
from tracuu.ingest.pipeline import ingest_file
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period
from tracuu.qa.query import parse_query
from tracuu.qa.retrieve import period_signals

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def fold_reference(text: str) -> str:
    """fold() as first written: one character at a time."""
    strip = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "¢": "c", "€": "e", "–": "-", "—": "-"})
    t = unicodedata.normalize("NFD", text.translate(strip))
    return "".join(ch for ch in t if not unicodedata.combining(ch)).lower()


@pytest.fixture(scope="module")
def sample(reports, tmp_path_factory):
    cfg = Config.load(home=tmp_path_factory.mktemp("home"))
    docs, passages = [], []
    for f in sorted(reports.glob("*.txt")):
        d, ps = ingest_file(f, cfg)
        docs.append(d)
        passages += ps
    store = IndexStore({"embedder": "none"}, docs, passages, np.zeros((len(passages), 0), np.float32), None, None)
    return cfg, store


def test_fold_matches_the_per_character_reference(reports):
    texts = [line for f in sorted(reports.glob("*.txt")) for line in f.read_text("utf-8").split("\n")]
    rng = random.Random(7)
    pool = [chr(c) for c in [*range(0x20, 0x250), *range(0x300, 0x370), 0x130, 0x1E9E, 0xAC00, 0x1D165, 0x1D167,
                             0x10A0D, 0x0345, 0x20D0, 0x1AB0, 0x3A3]]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    texts += [f"a{chr(c)}b" for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    texts += [f"x{chr(c)}" for c in (0x1D165, 0x1D16D, 0x1E000, 0x10376, 0xE0100)]  # astral combining marks
    assert [fold(t) for t in texts] == [fold_reference(t) for t in texts]


def test_filters_mask_matches_the_per_passage_reference(sample):
    _, store = sample
    dp = {d.doc: d.period for d in store.documents}

    def reference(f: Filters):
        keep = np.ones(len(store.passages), dtype=bool)
        if f.docs:
            keep &= np.array([p.doc in f.docs for p in store.passages])
        if f.period:
            keep &= np.array([p.period == f.period or dp.get(p.doc) == f.period for p in store.passages])
        return keep

    names = [d.doc for d in store.documents]
    periods = sorted({p.period for p in store.passages if p.period} | {d.period for d in store.documents if d.period},
                     key=repr) + [Period("year", 1999)]
    cases = [Filters(docs={names[0]}), Filters(docs={"nope.txt"}), Filters(docs=set(names[1:3]), period=periods[0])]
    cases += [Filters(period=p) for p in periods]
    for f in cases:
        assert np.array_equal(f.mask(store), reference(f)), f
    assert Filters().mask(store) is None


def test_period_signals_year_skip_changes_nothing(sample, monkeypatch):
    """period_signals skips the full period parse when the asked year cannot occur; with the skip disabled
    (every year 'possible') every signal must come out the same."""
    import tracuu.qa.retrieve as retrieve
    _, store = sample
    questions = ["giải ngân vốn đầu tư công 6 tháng đầu năm 2023", "sản lượng lương thực năm 2021",
                 "kim ngạch xuất khẩu quý I/2022", "thu ngân sách tháng 01/2026", "chỉ số PCI năm 2022",
                 "tỷ lệ hộ nghèo năm 2025", "kế hoạch năm 2023", "GRDP 9 tháng 2019", "tháng 02 năm 2023"]
    queries = [q for q in map(parse_query, questions) if q.periods]
    assert len(queries) >= 8
    hits = [Hit(p, i) for i, p in enumerate(store.passages)]
    fast = [period_signals(q, h, store) for q in queries for h in hits]

    class Every:
        def __contains__(self, year) -> bool:
            return True

    monkeypatch.setattr(retrieve, "_years_in", lambda text: Every())
    full = [period_signals(q, h, store) for q in queries for h in hits]
    assert fast == full
    assert sum(s["mention"] == 1.0 for s in full) > 20  # the check covered passages that name the asked period
    assert sum(s["mention"] == 0.0 for s in full) > 1000


def test_passage_to_dict_is_what_asdict_gave(sample):
    _, store = sample
    for p in store.passages[:200]:
        d = asdict(p)
        d["period"] = p.period.to_dict() if p.period else None
        d["mentions"] = [m.to_dict() for m in p.mentions] if p.mentions is not None else None
        assert p.to_dict() == d


def test_lexical_build_splits_once_and_learns_the_same_repairs(sample):
    from tracuu.index.lexical import LexicalIndex, learn_repairs, tokenize
    _, store = sample
    ocr = {d.doc for d in store.documents if d.ocr_quality == "ocr"}
    texts = [p.text for p in store.passages]
    flags = [p.doc in ocr for p in store.passages]
    lex = LexicalIndex.build(texts, flags)
    repair = learn_repairs([t for t, o in zip(texts, flags) if not o], [t for t, o in zip(texts, flags) if o])
    assert lex.repair == repair
    df: dict[str, int] = {}
    for t, o in zip(texts, flags):
        for tok in set(tokenize(t, repair if o else None) or [""]):
            df[tok] = df.get(tok, 0) + 1
    assert lex.df == df


def test_synthetic_copies_cover_the_shifted_periods(tmp_path, reports):
    from synth import shift_for, source_periods, write_copies
    cfg = Config.load(home=tmp_path / "home")
    src = source_periods(reports)
    files = write_copies(tmp_path / "copies", 4, reports)
    assert len(files) == 5 * 4
    for f in files:
        if "_c" not in f.stem:
            assert f.read_text("utf-8") == (reports / f.name).read_text("utf-8")
            continue
        base, copy = f.stem.split("_c")
        doc, _ = ingest_file(f, cfg)
        assert doc.period == shift_for(int(copy)).period(src[base + ".txt"]), f.name
        assert len(f.read_text("utf-8").split("\n")) == len((reports / (base + ".txt")).read_text("utf-8").split("\n"))


def test_chunk_line_range_and_strict_rule():
    from common import RawLines
    from pipelines import chunk_lines
    raw = "a\nbb\nccc\ndddd\n"
    assert chunk_lines(raw, 0, "a") == (1, 1)
    assert chunk_lines(raw, 2, "bb\nccc") == (2, 3)
    assert chunk_lines(raw, 5, "ccc\n") == (3, 3)  # a trailing newline does not reach the next line
    lines = RawLines()
    name = sorted(lines.lines)[2]
    gold = {"doc": name, "must_contain": [lines.lines[name][10][:20]]}
    assert lines.holds({"doc": name, "line_start": 9, "line_end": 11}, gold)
    assert not lines.holds({"doc": name, "line_start": 12, "line_end": 14}, gold)
