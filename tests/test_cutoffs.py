"""qa/cutoffs.py: the dates a figure is counted to, and the dates it is not (folded text, as the callers pass it)."""
from tracuu.ingest.textnorm import fold_ocr
from tracuu.qa.cutoffs import counted_to, cutoff_days, cutoff_months, dated_days, same_day


def test_a_cutoff_date_counts_the_figure_to_that_day():
    s = fold_ocr("Tính đến hết ngày 30/11/2025, giải ngân vốn đầu tư công đạt 2.915,4 tỷ đồng")
    assert cutoff_days(s) == {(2025, 11, 30)}
    assert cutoff_months(s) == {(2025, 11)}


def test_a_date_not_led_by_a_cutoff_word_is_no_cutoff():
    assert cutoff_days(fold_ocr("Hội nghị ngày 15/12/2025 thông qua kế hoạch vốn 7.316,0 tỷ đồng")) == frozenset()


def test_a_month_end_without_its_day_is_counted_to_as_well():
    assert counted_to(fold_ocr("đến hết tháng 01/2023 giải ngân 413 tỷ đồng")) == {(2023, 1)}
    assert counted_to(fold_ocr("tính đến cuối tháng 9/2024 có 1.206 doanh nghiệp")) == {(2024, 9)}


def test_a_question_counts_to_the_end_of_a_span_not_its_start_or_a_comparison():
    assert dated_days(fold_ocr("từ ngày 15/12/2022 đến 14/6/2023 thu ngân sách bao nhiêu")) == {(2023, 6, 14)}
    assert dated_days(fold_ocr("tăng 3.412 người so với ngày 31/12/2022")) == set()


def test_one_month_end_written_two_ways_is_the_same_day():
    assert same_day({(2025, 11, 28)}, {(2025, 11, 30)})
    assert not same_day({(2025, 10, 31)}, {(2025, 11, 30)})
