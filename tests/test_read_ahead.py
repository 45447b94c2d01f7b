"""qa.read_ahead and tracuu.memo: readings made once (at start or at ingest, kept beside the index); answers
stay exactly the same."""
import dataclasses
import pickle

from tracuu import memo
from tracuu.config import Config
from tracuu.qa.engine import Engine
from tracuu.qa.sentence import states_figure
from tracuu.qa.read_ahead import READINGS, keep_readings, load_readings, mark, marked, read_ahead

from .conftest import copy_home


def test_reading_ahead_fills_the_sentence_readings_and_changes_no_answer(sample_engine):
    question = "giải ngân vốn đầu tư công 6 tháng 2023"
    before = sample_engine.ask(question)
    states_figure.cache_clear()  # a pure memo: emptying it changes nothing but what is remembered
    assert read_ahead(sample_engine.store) == sample_engine.store.size  # the samples fit under the limit
    assert len(states_figure.table) > 500  # the passages' sentences were read
    after = sample_engine.ask(question)
    assert (after.answer, [c.doc for c in after.citations]) == (before.answer, [c.doc for c in before.citations])
    assert "1.158,8" in after.answer


def test_the_limit_and_the_time_budget_bound_it(sample_engine):
    assert read_ahead(sample_engine.store, limit=7) == 7
    assert read_ahead(sample_engine.store, seconds=0.0) == 1  # stops after the first passage
    one = sample_engine.store.documents[0].doc
    assert read_ahead(sample_engine.store, docs={one}) == sum(p.doc == one for p in sample_engine.store.passages)
    assert read_ahead(sample_engine.store, docs={"no such report"}) == 0


def test_a_report_without_a_period_is_read_last(sample_engine, tmp_path, st_embedder):
    home = copy_home(sample_engine.config.home, tmp_path / "home")
    store = Engine(Config(home=home, embedder=st_embedder.id), embedder=st_embedder).store
    store.documents[0] = dataclasses.replace(store.documents[0], period=None)  # one the reading could not date
    assert read_ahead(store) == store.size


def test_readings_kept_at_ingest_are_read_by_the_next_process(sample_engine, tmp_path, st_embedder):
    home = copy_home(sample_engine.config.home, tmp_path / "home")
    (home / READINGS).unlink(missing_ok=True)
    docs = {d.doc for d in sample_engine.store.documents}
    assert keep_readings(sample_engine.store, home, docs) == sample_engine.store.size
    with (home / READINGS).open("rb") as stream:
        head, tables = pickle.load(stream), pickle.load(stream)
    assert head["stamp"] == memo.code_stamp() and head["marks"] == {
        mark(p, sample_engine.store.doc_by_name[p.doc].period) for p in sample_engine.store.passages}
    assert len(tables["tracuu.qa.sentence.states_figure"]) > 500
    sentence, value = next(iter(tables["tracuu.qa.sentence.states_figure"].items()))
    assert states_figure(*sentence) == value  # a kept reading is what the function gives

    states_figure.cache_clear()  # as a new process starts
    assert load_readings(home) > 0 and len(states_figure.table) > 500
    question = "Kim ngạch xuất khẩu tháng 01/2023"
    engine = Engine(Config(home=home, embedder=st_embedder.id), embedder=st_embedder)
    assert engine.ask(question).answer == sample_engine.ask(question).answer


def test_an_unchanged_reingest_reads_and_writes_nothing_and_a_new_period_is_read_again(sample_engine, tmp_path,
                                                                                        st_embedder):
    home = copy_home(sample_engine.config.home, tmp_path / "home")
    (home / READINGS).unlink(missing_ok=True)
    store = sample_engine.store
    docs = {d.doc for d in store.documents}
    assert keep_readings(store, home, docs) == store.size
    written = (home / READINGS).stat().st_mtime_ns
    assert keep_readings(store, home, docs) == 0 and (home / READINGS).stat().st_mtime_ns == written
    engine = Engine(Config(home=home, embedder=st_embedder.id), embedder=st_embedder)
    assert engine.read_ahead() == 0  # a server starting finds every passage read
    # a report read with another period: its passages' readings depend on it, so they are read again
    one = store.documents[0]
    store.documents[0] = dataclasses.replace(one, period=None)
    store.doc_by_name[one.doc] = store.documents[0]
    try:
        assert keep_readings(store, home, {one.doc}) == sum(p.doc == one.doc for p in store.passages)
        assert all(mark(p, None) in marked(home) for p in store.passages if p.doc == one.doc)
    finally:
        store.documents[0] = one
        store.doc_by_name[one.doc] = one


def test_readings_of_other_code_or_a_damaged_file_are_not_used(tmp_path):
    path = tmp_path / READINGS
    assert memo.load(path) == 0 and memo.marks(path) == frozenset()  # none kept yet
    path.write_bytes(b"not a pickle")
    assert memo.load(path) == 0 and memo.marks(path) == frozenset()
    states_figure("Thu ngân sách đạt 1.234 tỷ đồng.")
    memo.save(path, {"a passage"})
    assert memo.marks(path) == {"a passage"}
    states_figure.cache_clear()
    assert memo.load(path) > 0 and memo.load(path) == 0  # a file is read once per process (asked at every question)
    with path.open("rb") as stream:
        head, tables = pickle.load(stream), pickle.load(stream)
    head["stamp"] = "another version of the code"
    tables["tracuu.qa.sentence.states_figure"] = {("Không có số.",): True}  # a reading that code gave
    with path.open("wb") as out:
        pickle.dump(head, out)
        pickle.dump(tables, out)
    states_figure.cache_clear()
    assert memo.load(path) == 0 and memo.marks(path) == frozenset() and states_figure("Không có số.") is False


def test_a_kept_function_remembers_first_in_first_out_within_its_size():
    calls = []

    @memo.kept(2)
    def double(x):
        calls.append(x)
        return 2 * x

    assert [double(1), double(1), double(2), double(3), double(1)] == [2, 2, 4, 6, 2]
    assert calls == [1, 2, 3, 1]  # 1 left when 3 came in
    assert list(double.table) == [(3,), (1,)]
