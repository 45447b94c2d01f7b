"""qa.library without HTTP: what both front ends refuse, and why (Refused.reason, mapped to a status by ui.api)."""
from __future__ import annotations

import io
import json

import pytest

from tracuu.config import Config
from tracuu.qa.library import REASONS, Refused, ask_options, correction_of, ingest_uploads, record_feedback, safe_name
from tracuu.ui.api import REFUSAL_STATUS


def _reason(fn, *args) -> str:
    with pytest.raises(Refused) as err:
        fn(*args)
    return err.value.reason


def test_every_reason_has_a_status():
    assert set(REFUSAL_STATUS) == set(REASONS)


def test_upload_names():
    assert safe_name(" bao_cao.txt ") == "bao_cao.txt"
    for bad in ("", "../x.txt", "a/b.txt", ".hidden.txt", "x\x00.txt"):
        assert _reason(safe_name, bad) == "invalid", bad
    assert _reason(safe_name, "bang.xlsx") == "unsupported"


def test_uploads_refused_before_the_index_is_touched(tmp_path):
    cfg = Config(home=tmp_path, max_upload_mb=0.0001)
    assert _reason(ingest_uploads, None, cfg, []) == "invalid"
    two = [("a.txt", io.BytesIO(b"x")), ("a.txt", io.BytesIO(b"y"))]
    assert _reason(ingest_uploads, None, cfg, two) == "invalid"
    assert _reason(ingest_uploads, None, cfg, [("big.txt", io.BytesIO(b"x" * 1000))]) == "too_large"
    assert not list((tmp_path / "uploads").glob("*.txt"))  # nothing kept


def test_filters_and_corrections():
    cfg = Config(default_k=4)
    opts = ask_options(None, cfg, None, "quý I/2022", None)
    assert opts.k == 4 and opts.period is not None
    assert _reason(ask_options, None, cfg, 3, "kỳ nào đó", None) == "invalid"
    assert correction_of(" ", None) is None
    assert correction_of("6 tháng đầu năm 2023", None) is not None
    assert _reason(correction_of, "không phải kỳ", None) == "invalid"


def test_feedback_is_appended(tmp_path):
    cfg = Config(home=tmp_path / "home")
    record_feedback(cfg, "câu hỏi", {"answer": "x"}, "wrong", "  sai kỳ ", via="ui")
    record_feedback(cfg, "câu hỏi 2", "y", "correct")
    rows = [json.loads(line) for line in (cfg.home / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["via"], r["verdict"], r["comment"]) for r in rows] == [("ui", "wrong", "sai kỳ"), ("api", "correct", None)]
