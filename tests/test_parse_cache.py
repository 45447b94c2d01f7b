"""ingest/parse_cache.py: a rebuild over unchanged reports does not read them again, and nothing a reading
depends on is missed (bytes, a person's correction, the code). Figures invented."""
from __future__ import annotations

import pickle

from tracuu.config import Config
from tracuu.ingest import corrections, parse_cache
from tracuu.ingest.corrections import Correction
from tracuu.ingest.pipeline import ingest_file
from tracuu.ingest.types import Period

REPORT = ("UBND TỈNH HÀ GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\n"
          "Thu ngân sách 6 tháng đầu năm 2024 đạt 1.240 tỷ đồng, tăng 8% so với cùng kỳ năm 2023; "
          "riêng quý II/2024 đạt 702 tỷ đồng.\n")


def _kept(home):
    return sorted((home / "cache" / parse_cache.FOLDER).rglob("*.pickle"))


def test_an_unchanged_report_is_read_from_the_cache_as_it_was_read(tmp_path):
    (tmp_path / "bc.txt").write_text(REPORT, "utf-8")
    cfg = Config(home=tmp_path / "home")
    doc, passages = ingest_file(tmp_path / "bc.txt", cfg)
    [entry] = _kept(cfg.home)
    # what the cache returns is what a fresh reading gives, field for field
    fresh_doc, fresh = ingest_file(tmp_path / "bc.txt", Config(home=tmp_path / "home", cache=False))
    again_doc, again = ingest_file(tmp_path / "bc.txt", cfg)
    assert again_doc == fresh_doc == doc and again == fresh == passages
    # the entry is what is returned: a reading planted in it comes back (so the second ingest did not parse)
    planted = (doc, passages[:1])
    entry.write_bytes(pickle.dumps(planted))
    assert ingest_file(tmp_path / "bc.txt", cfg)[1] == passages[:1]
    # a damaged entry is read again, not trusted
    entry.write_bytes(b"not a pickle")
    assert ingest_file(tmp_path / "bc.txt", cfg)[1] == passages


def test_changed_bytes_or_a_correction_read_the_report_again(tmp_path):
    path = tmp_path / "bc.txt"
    path.write_text(REPORT, "utf-8")
    cfg = Config(home=tmp_path / "home")
    doc, _ = ingest_file(path, cfg)
    assert doc.period == Period("half", 2024, 1)
    path.write_text(REPORT.replace("702", "705"), "utf-8")
    _, passages = ingest_file(path, cfg)
    assert any("705 tỷ đồng" in p.text for p in passages)
    corrections.save(cfg.home, "bc.txt", Correction(Period("quarter", 2024, 2), None))
    doc, passages = ingest_file(path, cfg)
    assert doc.period == Period("quarter", 2024, 2) and doc.period_source == "user"
    assert len(_kept(cfg.home)) == 3


def test_another_code_s_entries_are_removed_when_a_new_one_is_kept(tmp_path):
    cfg = Config(home=tmp_path / "home")
    old = cfg.home / "cache" / parse_cache.FOLDER / "0123abcd"
    old.mkdir(parents=True)
    (old / "x.pickle").write_bytes(b"")
    (tmp_path / "bc.txt").write_text(REPORT, "utf-8")
    ingest_file(tmp_path / "bc.txt", cfg)
    assert not old.exists() and len(_kept(cfg.home)) == 1
