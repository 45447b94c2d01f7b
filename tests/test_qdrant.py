"""Backend contract: the same index on the embedded store (FAISS + bm25s files) and on Qdrant.

Every contract test runs on the embedded store, on qdrant-client local mode (`QdrantClient(path=...)`,
no server needed) and, when TRACUU_QDRANT_URL is set (and TRACUU_QDRANT_API_KEY if the server wants
one), on that real Qdrant server, in throw-away collections:

    TRACUU_QDRANT_URL=http://localhost:6333 .venv/bin/python -m pytest -q tests/test_qdrant.py

Two real sample reports (an OCR one and a clean one: the OCR repair map is learned from the clean
one) and the MiniLM sentence-transformers model, embedded once; every other index is built from
the embedding cache, so nothing is embedded twice."""
import json
import os
import shutil
import uuid
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tracuu.index.backend import Lexical, Store, open_store
from tracuu.index.qdrant_store import QdrantStore, close_local, point_id
from tracuu.index.store import Filters, IndexError_, IndexStore
from tracuu.index.updater import update
from tracuu.config import Config
from tracuu.ingest.types import Period
from tracuu.qa.engine import AskOptions, Engine
from tracuu.ui.cli import app

from .conftest import REPORTS

OCR_DOC, CLEAN_DOC = "001_0aee353197b71864.txt", "003_bbcbd673d8c3e626.txt"
QUESTION = "giải ngân vốn đầu tư công 6 tháng 2023"
QUESTIONS = [QUESTION, "giai ngan von dau tu cong 6 thang 2023",
             "Lượng khách du lịch tháng 1/2023 là bao nhiêu?",
             "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2023 ước đạt bao nhiêu?",
             "Mục tiêu tỷ lệ che phủ rừng năm 2023 là bao nhiêu?",
             "Có bao nhiêu doanh nghiệp thành lập mới ở Lạng Sơn trong 9 tháng đầu năm 2023?"]
ASKED = [QUESTION, QUESTIONS[2], QUESTIONS[3], QUESTIONS[5]]
SERVER = os.environ.get("TRACUU_QDRANT_URL")
BACKENDS = ["faiss", "qdrant-local",
            pytest.param("qdrant-server", marks=pytest.mark.skipif(not SERVER, reason="TRACUU_QDRANT_URL not set"))]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, st_embedder):
    """The embedded index of the two reports: the reference every backend is compared with."""
    home = tmp_path_factory.mktemp("ref")
    reports = home / "reports"
    reports.mkdir()
    for name in (OCR_DOC, CLEAN_DOC):
        shutil.copy(REPORTS / name, reports / name)
    cfg = Config(home=home, embedder=st_embedder.id)
    store, outcome = update(cfg, None, st_embedder, add=[reports], progress=False)
    assert len(outcome.added) == 2 and not outcome.failed
    return cfg, reports, store


def _config(kind: str, home: Path, embedder_id: str, **extra) -> Config:
    if kind == "faiss":
        return Config(home=home, embedder=embedder_id, **extra)
    if kind == "qdrant-local":
        return Config(home=home, embedder=embedder_id, store="qdrant", qdrant_path=str(home / "qdrant"), **extra)
    return Config(home=home, embedder=embedder_id, store="qdrant", qdrant_url=SERVER,
                  qdrant_api_key=os.environ.get("TRACUU_QDRANT_API_KEY"),
                  qdrant_collection=f"tracuu_test_{uuid.uuid4().hex[:8]}", **extra)


def _build(kind, corpus, st_embedder, home: Path, **extra):
    ref_cfg, reports, _ = corpus
    shutil.copytree(ref_cfg.home / "cache", home / "cache")  # vectors come from the cache: nothing re-embedded
    cfg = _config(kind, home, st_embedder.id, **extra)
    store, outcome = update(cfg, open_store(cfg), st_embedder, add=[reports], progress=False)
    assert len(outcome.added) == 2 and outcome.embedded == 0
    return cfg, store


def _teardown(cfg: Config) -> None:
    if cfg.store != "qdrant":
        return
    if cfg.qdrant_url:
        QdrantStore.open(cfg).drop()
    else:
        close_local(cfg.qdrant_local_path.resolve())


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, corpus, st_embedder, tmp_path_factory):
    cfg, store = _build(request.param, corpus, st_embedder, tmp_path_factory.mktemp(request.param))
    yield request.param, cfg, store
    _teardown(cfg)


@pytest.fixture(params=BACKENDS)
def fresh(request, corpus, st_embedder, tmp_path):
    """A backend of its own, for the tests that change the index."""
    cfg, store = _build(request.param, corpus, st_embedder, tmp_path, qdrant_refresh_s=0.0)
    yield request.param, cfg, store
    _teardown(cfg)


def _assert_consistent(store: QdrantStore) -> None:
    """The statistics kept up to date per document are those a full rebuild computes."""
    from tracuu.index.qdrant_conn import BUCKETS
    from tracuu.index.qdrant_write import buckets_of, stats_of
    docs, passages, _ = store.export()
    stats = stats_of(docs, passages)
    state = store._read_state()
    assert state["passages"] == len(passages) and state["terms"] == len(stats.df)
    assert store._read_buckets(range(BUCKETS)) == buckets_of(stats)
    lexicon = store._read_lexicon()
    assert lexicon["repair"] == stats.repair and lexicon["ocr_bigrams"] == sorted(stats.bigrams)
    assert store._read_words() == (+stats.clean, +stats.ocr)
    assert state["total_len"] == stats.total


def _scores(store, text, qvec, filters=None):
    return {h.passage.id: (h.lexical, h.dense) for h in store.search(text, qvec, k=10, filters=filters, pool=60)}


# ---------------------------------------------------------------- reading

def test_ingest_lists_the_documents_and_passages(backend, corpus, st_embedder):
    _, cfg, store = backend
    ref = corpus[2]
    assert [d.to_dict() for d in store.documents] == [d.to_dict() for d in ref.documents]
    assert store.size == ref.size and store.manifest["embedder"] == st_embedder.id
    assert store.periods() == ref.periods() and set(store.doc_by_name) == {OCR_DOC, CLEAN_DOC}
    assert isinstance(store, Store) and isinstance(store.lexical, Lexical)  # the interface qa/ and ui/ use


def test_sample_question_finds_the_figure(backend, st_embedder):
    _, cfg, _ = backend
    engine = Engine(cfg, embedder=st_embedder)
    a = engine.retrieve(QUESTION, k=5)
    b = engine.retrieve("giai ngan von dau tu cong 6 thang 2023", k=5)
    assert [h.passage.id for h in a] == [h.passage.id for h in b]
    assert any(h.passage.doc == OCR_DOC and "1.158,8" in h.passage.text and "Két qua" in h.passage.text for h in a)


@pytest.fixture(scope="module")
def ref_scores(corpus, st_embedder):
    vecs = {q: st_embedder.embed_query(q) for q in QUESTIONS}
    return vecs, {q: _scores(corpus[2], q, vecs[q]) for q in QUESTIONS}


def test_scores_are_the_embedded_stores(backend, ref_scores):
    """Same candidates, BM25 and cosine per passage as FAISS + bm25s: ranking quality carries over."""
    kind, _, store = backend
    if kind == "faiss":
        pytest.skip("the reference itself")
    vecs, ref = ref_scores
    for q in QUESTIONS:
        a, b = ref[q], _scores(store, q, vecs[q])
        assert set(b) == set(a), q
        for pid, (lex, dense) in a.items():
            assert b[pid][0] == pytest.approx(lex, rel=1e-4, abs=1e-4) and b[pid][1] == pytest.approx(dense, abs=1e-5)


def test_lexical_statistics_are_shared(backend, corpus):
    _, _, store = backend
    ref = corpus[2].lexical
    assert store.lexical.repair == ref.repair and len(ref.repair) > 0
    assert getattr(store.lexical, "ocr_bigrams", None) == getattr(ref, "ocr_bigrams", None)
    for tok in ["giai", "giai_ngan", "1158,8", "nam", "du_lich", "not-a-token"]:
        assert store.lexical.idf(tok) == pytest.approx(ref.idf(tok))


def test_footnotes_of_a_passage(backend, corpus):
    """The footnotes a passage marks come back from either store (the answer quotes them)."""
    _, _, store = backend
    ref = corpus[2]
    by_id = {p.id: p for p in ref.passages}
    cited = [p for p in ref.passages if p.footnote_of][:5]
    assert cited
    for note in cited:
        got = store.footnotes(by_id[note.footnote_of])
        assert note.id in [p.id for p in got] and [p.id for p in got] == [p.id for p in ref.footnotes(by_id[note.footnote_of])]


def test_period_and_document_filters(backend, st_embedder):
    _, _, store = backend
    half = Period("half", 2023, 1)
    qvec = st_embedder.embed_query("khách du lịch")
    hits = store.search("khách du lịch", qvec, filters=Filters(period=half), pool=30)
    assert hits and all(h.passage.period == half or store.doc_by_name[h.passage.doc].period == half for h in hits)
    hits = store.search("khách du lịch", qvec, filters=Filters(docs={CLEAN_DOC}), pool=30)
    assert hits and {h.passage.doc for h in hits} == {CLEAN_DOC}
    assert store.search("khách du lịch", qvec, filters=Filters(period=Period("year", 2030)), pool=30) == []


@pytest.fixture(scope="module")
def ref_answers(corpus, st_embedder):
    engine = Engine(corpus[0], embedder=st_embedder)
    return {q: engine.ask(q, AskOptions(k=5)).to_dict() for q in ASKED}


def test_engine_gives_the_same_answers(backend, ref_answers, st_embedder):
    kind, cfg, _ = backend
    engine = Engine(cfg, embedder=st_embedder)
    for q, a in ref_answers.items():
        b = engine.ask(q, AskOptions(k=5)).to_dict()
        assert {**b, "ms": 0} == {**a, "ms": 0}, (kind, q)
    assert ref_answers[QUESTION]["answered"] and "1.158,8" in ref_answers[QUESTION]["answer"]
    assert not ref_answers[ASKED[-1]]["answered"]  # no report covers 9 months of 2023


# ---------------------------------------------------------------- changing

def test_remove_then_reingest(fresh, corpus, st_embedder, monkeypatch):
    kind, cfg, store = fresh
    ref_cfg, reports, ref = corpus
    # no full recount on length drift: the per-document bookkeeping alone must end where a rebuild
    # would (the repair map changes both ways here, so OCR passages are re-tokenised in place)
    monkeypatch.setattr("tracuu.index.qdrant_write.DRIFT", 100.0)
    engine = Engine(cfg, embedder=st_embedder)
    outcome = engine.remove([CLEAN_DOC])
    assert outcome.removed == [CLEAN_DOC] and outcome.embedded == 0
    store = engine.store
    only = [p for p in ref.passages if p.doc == OCR_DOC]
    assert [d.doc for d in store.documents] == [OCR_DOC] and store.size == len(only)
    if kind != "faiss":
        _assert_consistent(store)
    qvec = st_embedder.embed_query("Lượng khách du lịch tháng 1/2023")
    assert all(h.passage.doc == OCR_DOC for h in store.search("khách du lịch tháng 1/2023", qvec, pool=60))
    assert store.search("khách du lịch", qvec, filters=Filters(docs={CLEAN_DOC})) == []
    # per-document statistics end where a rebuild from scratch of what is left would
    alone = IndexStore.build(ref.manifest["embedder"], [ref.doc_by_name[OCR_DOC]], only,
                             ref.vectors[[i for i, p in enumerate(ref.passages) if p.doc == OCR_DOC]], 10**6)
    assert store.lexical.repair == alone.lexical.repair == {}  # no clean report left to learn from
    for tok in ["giai_ngan", "du_lich", "nam"]:
        assert store.lexical.idf(tok) == pytest.approx(alone.lexical.idf(tok))
    assert engine.remove([CLEAN_DOC]).failed  # already gone
    outcome = engine.ingest([reports], progress=False)
    assert outcome.added == [CLEAN_DOC] and outcome.unchanged == [OCR_DOC] and outcome.embedded == 0
    store = engine.store
    assert store.size == ref.size and store.lexical.repair == ref.lexical.repair
    assert set(_scores(store, QUESTIONS[2], qvec)) == set(_scores(ref, QUESTIONS[2], qvec))
    if kind != "faiss":
        assert store.client.count(store.name, exact=True).count == ref.size  # no stale or doubled points
        _assert_consistent(store)


def test_reingest_is_idempotent(fresh, corpus, st_embedder, tmp_path):
    kind, cfg, store = fresh
    reports = corpus[1]
    version = store.manifest.get("version")
    store2, outcome = update(cfg, store, st_embedder, add=[reports], progress=False)
    assert len(outcome.unchanged) == 2 and not outcome.changed and store2.manifest.get("version") == version
    # one figure changes: only that document is rewritten, its stale passage goes, nothing doubles
    changed = tmp_path / "in"
    shutil.copytree(reports, changed)
    path = changed / CLEAN_DOC
    text = path.read_text("utf-8")
    assert text.count("250,95 nghìn lượt") == 1
    path.write_text(text.replace("250,95 nghìn lượt", "250,96 nghìn lượt"), "utf-8")
    store3, outcome = update(cfg, store2, st_embedder, add=[changed], progress=False)
    assert outcome.updated == [CLEAN_DOC] and outcome.unchanged == [OCR_DOC] and 1 <= outcome.embedded <= 3
    ids = [p.id for p in IndexStore.load(cfg.index_dir).passages] if kind == "faiss" else None
    if kind != "faiss":
        assert store3.client.count(store3.name, exact=True).count == store3.size
        docs, passages, _ = store3.export()
        ids = [p.id for p in passages]
        assert store3.manifest["version"] == version + 1 and any("250,96" in p.text for p in passages)
        _assert_consistent(store3)
    assert len(ids) == len(set(ids)) == store3.size
    # the same content again, even forced through: the same point ids, no duplicates
    if kind != "faiss":
        doc = store3.doc_by_name[CLEAN_DOC]
        _, passages, vectors = store3.export({CLEAN_DOC})
        store3.apply({CLEAN_DOC: (doc, passages)}, [], {p.id: v for p, v in zip(passages, vectors)}, st_embedder.id)
        assert store3.client.count(store3.name, exact=True).count == store3.size


def test_a_replica_sees_another_replicas_update(fresh, st_embedder):
    kind, cfg, writer = fresh
    if kind == "faiss":
        pytest.skip("the embedded store is one process's files")
    reader = QdrantStore.open(cfg)  # another `tracuu serve` on the same collection
    qvec = st_embedder.embed_query("khách du lịch")
    assert CLEAN_DOC in {h.passage.doc for h in reader.search("khách du lịch", qvec)}
    update(cfg, writer, st_embedder, remove=[CLEAN_DOC], progress=False)
    assert [d.doc for d in reader.documents] == [OCR_DOC]
    assert CLEAN_DOC not in {h.passage.doc for h in reader.search("khách du lịch", qvec)}
    assert reader.doc_by_name[CLEAN_DOC]  # still resolvable for answers under way when it went


def test_a_writer_that_died_is_recovered_from(fresh, corpus, st_embedder):
    kind, cfg, store = fresh
    if kind == "faiss":
        pytest.skip("the embedded store's interrupted write is tested in test_index")
    ref = corpus[2]
    update(cfg, store, st_embedder, remove=[CLEAN_DOC], progress=False)
    doc = ref.doc_by_name[CLEAN_DOC]
    passages = [p for p in ref.passages if p.doc == CLEAN_DOC]
    vectors = {p.id: v for p, v in zip(ref.passages, ref.vectors) if p.doc == CLEAN_DOC}
    with pytest.raises(KeyboardInterrupt):  # killed after writing points, before anything else
        store.apply({CLEAN_DOC: (doc, passages)}, [], vectors, st_embedder.id, _fail_after="points")
    reader = QdrantStore.open(cfg)
    assert [d.doc for d in reader.documents] == [OCR_DOC]  # uncommitted points are not served
    assert all(h.passage.doc == OCR_DOC for h in reader.search("khách du lịch", st_embedder.embed_query("khách du lịch")))
    other = {**reader._read_state()["writer"], "pid": -1}
    reader._put_state({**reader._read_state(), "writer": other})  # a live writer elsewhere: refused
    with pytest.raises(IndexError_, match="another tracuu"):
        update(cfg, reader, st_embedder, remove=[OCR_DOC], progress=False)
    reader._put_state({**reader._read_state(), "writer": {**other, "since": 0}})  # its lease expired
    store, outcome = update(cfg, reader, st_embedder, add=[corpus[1]], progress=False)
    assert outcome.added == [CLEAN_DOC]
    assert store.size == ref.size and store.client.count(store.name, exact=True).count == ref.size
    assert store.lexical.repair == ref.lexical.repair and store._read_state()["writer"] is None


def test_migrate_copies_vectors_exactly(corpus, tmp_path):
    ref_cfg, _, ref = corpus
    runner = CliRunner()
    env = {"TRACUU_HOME": str(ref_cfg.home), "TRACUU_EMBEDDER": "st:/nonexistent/model",  # never loaded
           "TRACUU_QDRANT_PATH": str(tmp_path / "qdrant"), "HF_HUB_OFFLINE": "1"}
    try:
        r = runner.invoke(app, ["migrate", "--to", "qdrant"], env=env)
        assert r.exit_code == 0, r.output
        assert "2 documents" in r.output and f"{ref.size} passages" in r.output
        cfg = Config(home=ref_cfg.home, embedder=ref_cfg.embedder, store="qdrant", qdrant_path=str(tmp_path / "qdrant"))
        store = QdrantStore.open(cfg)
        docs, passages, vectors = store.export()
        assert [p.to_dict() for p in passages] == [p.to_dict() for p in ref.passages]
        assert [d.to_dict() for d in docs] == [d.to_dict() for d in ref.documents]
        # as stored: Qdrant's cosine keeps unit vectors, renormalised in float32 (last-bit differences at most)
        assert vectors.shape == ref.vectors.shape and np.abs(vectors - ref.vectors).max() < 1e-6
        r = runner.invoke(app, ["migrate", "--to", "qdrant"], env=env)  # a target with documents is kept
        assert r.exit_code == 1 and "--force" in r.output
        back = tmp_path / "back"
        r = runner.invoke(app, ["migrate", "--to", "faiss"], env={**env, "TRACUU_HOME": str(back),
                                                                  "TRACUU_QDRANT_PATH": str(tmp_path / "qdrant")})
        assert r.exit_code == 0, r.output
        again = IndexStore.load(back / "index")
        assert [p.id for p in again.passages] == [p.id for p in ref.passages]
        assert np.abs(again.vectors - ref.vectors).max() < 1e-6 and again.lexical.df == ref.lexical.df
        r = runner.invoke(app, ["migrate", "--to", "elsewhere"], env=env)
        assert r.exit_code == 2
    finally:
        close_local((tmp_path / "qdrant").resolve())


def test_cli_answers_from_qdrant(corpus, st_embedder, tmp_path):
    """`tracuu ask --json` on TRACUU_STORE=qdrant: the Answer JSON of the embedded store."""
    ref_cfg, _, _ = corpus
    runner = CliRunner()
    env = {"TRACUU_HOME": str(ref_cfg.home), "TRACUU_EMBEDDER": st_embedder.id, "HF_HUB_OFFLINE": "1",
           "TRACUU_QDRANT_PATH": str(tmp_path / "qdrant")}
    try:
        assert runner.invoke(app, ["migrate", "--to", "qdrant"], env=env).exit_code == 0
        a = json.loads(runner.invoke(app, ["ask", QUESTION, "--json"], env=env).stdout)
        b = json.loads(runner.invoke(app, ["ask", QUESTION, "--json"], env={**env, "TRACUU_STORE": "qdrant"}).stdout)
        a.pop("ms"), b.pop("ms")
        assert b == a and b["answered"] and "1.158,8" in b["answer"]
        docs = json.loads(runner.invoke(app, ["docs", "--json"], env={**env, "TRACUU_STORE": "qdrant"}).stdout)
        assert [d["doc"] for d in docs] == [OCR_DOC, CLEAN_DOC]
    finally:
        close_local((tmp_path / "qdrant").resolve())


def test_unknown_store_is_refused():
    with pytest.raises(IndexError_, match="TRACUU_STORE"):
        open_store(Config(store="elastic"))


def test_point_ids_are_stable():
    assert point_id("a:1-2:ff") == point_id("a:1-2:ff") != point_id("a:1-2:fe")


def test_the_passage_before_a_passage_in_its_section(backend, corpus):
    """Both stores give the same 'printed just before, same section' passage (a part's line finds its whole
    there); the first passage of a section has none, and a footnote is never one."""
    _, _, store = backend
    ref = corpus[2]
    bodies = [p for p in ref.passages if p.kind != "footnote"]
    checked = 0
    for p in bodies[:60]:
        want = ref.preceding(p)
        got = store.preceding(p)
        assert (got.id if got else None) == (want.id if want else None)
        if want is not None:
            checked += 1
            assert want.doc == p.doc and want.section == p.section and want.line_end < p.line_start
            assert want.kind != "footnote"
            assert not [q for q in bodies if q.doc == p.doc and q.section == p.section
                        and want.line_end < q.line_end < p.line_start]
    assert checked > 10
    firsts = [p for p in bodies if not [q for q in bodies if q.doc == p.doc and q.section == p.section
                                         and q.line_end < p.line_start]]
    assert firsts and all(ref.preceding(p) is None for p in firsts[:10])


def test_the_passages_of_a_passage_s_section(backend, corpus):
    """Both stores give the same passages of a section, in print order, footnotes aside (a table's other rows)."""
    _, _, store = backend
    ref = corpus[2]
    tables = [p for p in ref.passages if p.kind == "table"][:5] + [p for p in ref.passages if p.kind == "body"][:5]
    assert tables
    for p in tables:
        want = [q.id for q in ref.section_passages(p)]
        assert [q.id for q in store.section_passages(p)] == want
        assert p.id in want
        got = ref.section_passages(p)
        assert all(q.section == p.section and q.doc == p.doc and q.kind != "footnote" for q in got)
        assert [q.line_start for q in got] == sorted(q.line_start for q in got)
