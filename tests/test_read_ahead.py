"""qa.read_ahead and tracuu.memo: readings made once (at start or at ingest, kept beside the index); answers
stay exactly the same."""
import dataclasses
import pickle

from tracuu import memo
from tracuu.config import Config
from tracuu.qa.engine import Engine
from tracuu.qa.sentence import states_figure
from tracuu.qa.read_ahead import READINGS, keep_readings, load_readings, read_ahead

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
    saved = pickle.loads((home / READINGS).read_bytes())
    assert saved["stamp"] == memo.code_stamp()
    assert len(saved["tables"]["tracuu.qa.sentence.states_figure"]) > 500
    sentence, value = next(iter(saved["tables"]["tracuu.qa.sentence.states_figure"].items()))
    assert states_figure(*sentence) == value  # a kept reading is what the function gives

    states_figure.cache_clear()  # as a new process starts
    assert load_readings(home) > 0 and len(states_figure.table) > 500
    question = "Kim ngạch xuất khẩu tháng 01/2023"
    engine = Engine(Config(home=home, embedder=st_embedder.id), embedder=st_embedder)
    assert engine.ask(question).answer == sample_engine.ask(question).answer


def test_readings_of_other_code_or_a_damaged_file_are_not_used(tmp_path):
    path = tmp_path / READINGS
    assert memo.load(path) == 0  # none kept yet
    path.write_bytes(b"not a pickle")
    assert memo.load(path) == 0
    states_figure("Thu ngân sách đạt 1.234 tỷ đồng.")
    memo.save(path)
    data = pickle.loads(path.read_bytes())
    data["stamp"] = "another version of the code"
    data["tables"]["tracuu.qa.sentence.states_figure"] = {("Không có số.",): True}  # a reading that code gave
    path.write_bytes(pickle.dumps(data))
    states_figure.cache_clear()
    assert memo.load(path) == 0 and states_figure("Không có số.") is False


def test_a_kept_function_remembers_first_in_first_out_within_its_size():
    calls = []

    @memo.kept(2)
    def double(x):
        calls.append(x)
        return 2 * x

    assert [double(1), double(1), double(2), double(3), double(1)] == [2, 2, 4, 6, 2]
    assert calls == [1, 2, 3, 1]  # 1 left when 3 came in
    assert list(double.table) == [(3,), (1,)]
