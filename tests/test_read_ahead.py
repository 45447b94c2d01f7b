"""qa.read_ahead: a server reads the index's passages once at start; answers stay exactly the same."""
from tracuu.qa.extract import states_figure
from tracuu.qa.read_ahead import read_ahead


def test_reading_ahead_fills_the_sentence_readings_and_changes_no_answer(sample_engine):
    question = "giải ngân vốn đầu tư công 6 tháng 2023"
    before = sample_engine.ask(question)
    states_figure.cache_clear()  # a pure memo: emptying it changes nothing but what is remembered
    assert read_ahead(sample_engine.store) == sample_engine.store.size  # the samples fit under the limit
    assert states_figure.cache_info().currsize > 500  # the passages' sentences were read
    after = sample_engine.ask(question)
    assert (after.answer, [c.doc for c in after.citations]) == (before.answer, [c.doc for c in before.citations])
    assert "1.158,8" in after.answer


def test_the_limit_and_the_time_budget_bound_it(sample_engine):
    assert read_ahead(sample_engine.store, limit=7) == 7
    assert read_ahead(sample_engine.store, seconds=0.0) == 1  # stops after the first passage
