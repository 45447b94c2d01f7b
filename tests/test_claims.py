"""qa.claims: how a claimed figure compares with the report's (pure functions, no index)."""
import pytest

from tracuu.qa.claims import _last_digit_unit, _rounds, _value
from tracuu.qa.figures import extract


def _fig(text: str):
    return extract(text)[0]


@pytest.mark.parametrize("value, unit", [("130", 10), ("2.000", 1000), ("44,6", 0.1), ("534", 1), ("10,9", 0.1),
                                         ("1.158,8", 0.1), ("4.300", 100)])
def test_unit_of_the_last_stated_digit(value, unit):
    assert _last_digit_unit(value) == pytest.approx(unit)


@pytest.mark.parametrize("claim, report, rounded", [
    ("có hơn 130 doanh nghiệp tạm ngừng", "135 doanh nghiệp", True),
    ("có hơn 130 doanh nghiệp tạm ngừng", "128 doanh nghiệp", False),  # 'hơn' says more, the report says fewer
    ("có hơn 130 doanh nghiệp tạm ngừng", "195 doanh nghiệp", False),  # beyond the stated digit
    ("đạt hơn 44,6 nghìn m3 gỗ", "44.663,33 m3", True),
    ("vốn hơn 2.000 tỷ đồng", "2.027 tỷ đồng", True),
    ("thu gần 11 nghìn tỷ đồng", "10.902 tỷ đồng", True),
    ("thu gần 11 nghìn tỷ đồng", "11.090 tỷ đồng", False),  # more than 11: not "nearly" 11
    ("thu gần 11 nghìn tỷ đồng", "11.400 tỷ đồng", False),
    ("khoảng 4.300 tỷ đồng", "4.307,9 tỷ đồng", True),
    ("thu 4.300 tỷ đồng", "4.307,9 tỷ đồng", False),  # no hedge, another number
])
def test_a_hedged_claim_rounds_the_report_on_the_side_it_names(claim, report, rounded):
    fig, rep = _fig(claim), _fig(report)
    assert _rounds(fig, claim, _value(fig), _value(rep)) is rounded


def test_a_unit_ocr_misread_by_a_letter_still_compares():
    from tracuu.qa.figures import scaled
    assert scaled(4307.9, "ty déng") == scaled(4307.9, "tỷ đồng")
    assert scaled(44.6, "nghìn m3")[1] == "m3" and scaled(44.6, "nghìn m3")[0] == pytest.approx(44600)


def test_a_half_is_no_rounding_and_a_baseline_value_keeps_its_period():
    fig, rep = _fig("tỷ lệ đạt 98%"), _fig("tỷ lệ đạt 97,5%")
    assert not _rounds(fig, "tỷ lệ đạt 98%", _value(fig), _value(rep))
    # '... tăng gần 12 điểm so với năm 2024 (71,41 điểm)': 71,41 is 2024's score
    figs = extract("điểm DDCI năm 2025 đạt 83,38 điểm, tăng gần 12 điểm so với năm 2024 (71,41 điểm).")
    by_value = {f.value: f.period for f in figs}
    assert by_value["83,38"].year == 2025 and by_value["71,41"].year == 2024


def test_the_ways_a_value_is_printed_and_which_periods_print_it():
    import numpy as np

    from tracuu.index.store import IndexStore
    from tracuu.ingest.types import Document, Passage, Period
    from tracuu.qa.claims import periods_printing, printed_forms
    assert {"1158,8", "1158.8"} <= printed_forms(1158.8e9)  # '1.158,8 tỷ' (thousands dots are dropped)
    assert {"2700", "2,7"} <= printed_forms(2700e9)  # '2.700 tỷ' or '2,7 nghìn tỷ'
    half, plan, year = Period("half", 2023, 1), Period("half", 2023, 2), Period("year", 2022)

    def doc(name, period):
        return Document(name, name, "báo cáo", None, None, period, None, None, "0", name, "txt")

    def passage(name, text, period):  # invented sentences
        return Passage(f"{name}-1", name, text, "", period, 1, 1, 0, len(text))
    store = IndexStore.build("test", [doc("a.txt", half), doc("b.txt", year)],
                             [passage("a.txt", "Giải ngân 1.158,8 tỷ đồng.", half),
                              passage("a.txt", "Phấn đấu giải ngân 2.700 tỷ đồng.", plan),
                              passage("b.txt", "Thu ngân sách 2,7 nghìn tỷ đồng.", year)],
                             np.zeros((3, 4), dtype=np.float32), 10_000)
    assert periods_printing(store, 1158.8e9) == {half}
    assert periods_printing(store, 2700e9) == {half, plan, year}  # a plans section is asked as its period
    assert periods_printing(store, 1258.8e9) == set()
    # beside the claim's words for what it measures: 2.700 next to 'thu ngân sách' is only the 2022 report's
    assert periods_printing(store, 2700e9, ["thu"]) == {year}
    assert periods_printing(store, 2700e9, ["giai"]) == {half, plan}  # the plans part of the half-year report
    assert periods_printing(None, 5.0) is None  # no store: cannot tell, so every period is asked


# on the sample index (claims invented for these tests, not from the blind sets)
def test_a_value_of_another_indicator_in_the_same_sentence_is_a_mismatch(sample_engine):
    from tracuu.qa.claims import check
    res = check(sample_engine, "Quý I/2022, tổng chi bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của "
                               "Lạng Sơn ước đạt 282.530 triệu đồng.")
    assert res.claims[0].verdict == "mismatch", res.to_dict()
    assert res.claims[0].reported.value == "593.854"  # 282.530 is what was collected, not spent


def test_a_balance_at_another_date_is_another_period_s(sample_engine):
    from tracuu.qa.claims import check
    res = check(sample_engine, "Đến 31/01/2024, tổng nguồn vốn huy động của các ngân hàng trên địa bàn Lạng Sơn "
                               "đạt 58.150 tỷ đồng.")
    assert res.claims[0].verdict == "other_period", res.to_dict()


def _guard(claim: str, quote: str):
    """The report's figure equal to the claim's, and the figure `_better_fit` names instead (None: it is the
    claim's own). Invented sentences of other layouts; no store, so every word weighs 1."""
    from tracuu.qa.claims import _better_fit, _claim_words, _equal, _measure_words
    from tracuu.qa.query import parse_query
    query, fig = parse_query(claim), extract(claim)[-1]
    quoted = extract(quote)
    rep = next(f for f in quoted if _equal(_value(fig), _value(f)))
    return _better_fit(_measure_words(fig, query), _claim_words(query), rep, quoted, None)


@pytest.mark.parametrize("claim, quote, reported", [
    # deposits given as the credit balance: the deposits' own clause names 'huy động', which the claim does not
    ("Đến 30/6/2024, tổng dư nợ tín dụng trên địa bàn tỉnh Bình Phước đạt 41.200 tỷ đồng.",
     "Hoạt động ngân hàng ổn định, tổng nguồn vốn huy động đến 30/6/2024 ước đạt 41.200 tỷ đồng, tăng 3,1%; "
     "tổng dư nợ tín dụng ước đạt 45.800 tỷ đồng, tăng 2,4%.", "45.800"),
    # imports given as exports
    ("Quý III/2024, kim ngạch xuất khẩu hàng hóa của Trà Vinh đạt 318,6 triệu USD.",
     "Kim ngach xuat nhap khau quy III uoc 831 trieu USD, trong do xuat khau hang hoa 512,4 trieu USD, nhap khau "
     "318,6 trieu USD.", "512,4"),
    # a part of the budget given as its total
    ("Năm 2024, tổng chi ngân sách địa phương của Điện Biên ước thực hiện 9.120 tỷ đồng.",
     "Tổng chi ngân sách địa phương ước thực hiện 11.482 tỷ đồng, đạt 104% dự toán; chi cân đối ngân sách địa phương "
     "9.120 tỷ đồng.", "11.482"),
])
def test_a_figure_whose_own_words_name_another_indicator_is_not_the_claim_s(claim, quote, reported):
    other = _guard(claim, quote)
    assert other is not None and other.value == reported


@pytest.mark.parametrize("claim, quote", [
    # the total named as the claim names it: its parts do not take its place
    ("Quý III/2024, tổng kim ngạch xuất nhập khẩu của Trà Vinh đạt 831 triệu USD.",
     "Tổng kim ngạch xuất nhập khẩu quý III ước 831 triệu USD, trong đó xuất khẩu 512,4 triệu USD, nhập khẩu 318,6 triệu USD."),
    ("Đến 30/6/2024, tổng nguồn vốn huy động trên địa bàn Bình Phước đạt 41.200 tỷ đồng.",
     "Tổng nguồn vốn huy động đến 30/6/2024 ước đạt 41.200 tỷ đồng, tăng 3,1%; tổng dư nợ tín dụng ước đạt 45.800 tỷ đồng."),
    # the claim's words differ from the report's but name nothing another figure is
    ("Năm 2024 Điện Biên còn 9.870 hộ nghèo.",
     "Tổng số hộ nghèo toàn tỉnh là 9.870 hộ, chiếm 7,1%; tổng số hộ cận nghèo là 6.402 hộ, chiếm 4,6%."),
])
def test_the_claim_s_own_figure_keeps_it(claim, quote):
    assert _guard(claim, quote) is None


def test_a_word_one_letter_off_is_the_claim_s_word_misread():
    from tracuu.qa.claims import _among
    assert _among("xuet", {"xuat"}) and _among("sich", {"sach", "von"})  # OCR: 'xuét', 'sích'
    assert not _among("can", {"con"})  # 'cận' is not 'còn': short words are compared exactly
    assert not _among("nhap", {"xuat", "khau"})
