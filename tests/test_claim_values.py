"""qa.claim_values: claims compared by value (pure functions, no index)."""
import pytest

from tracuu.qa.claim_values import last_digit_unit, readings, rounds, value
from tracuu.qa.figures import extract


def _fig(text: str):
    return extract(text)[0]


@pytest.mark.parametrize("value, unit", [("130", 10), ("2.000", 1000), ("44,6", 0.1), ("534", 1), ("10,9", 0.1),
                                         ("1.158,8", 0.1), ("4.300", 100)])
def test_unit_of_the_last_stated_digit(value, unit):
    assert last_digit_unit(value) == pytest.approx(unit)


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
    # a fall's size is its magnitude: 'giảm hơn 5 nghìn hộ' for a fall of 5.025, not of 4.980
    ("số hộ nghèo giảm hơn 5 nghìn hộ", "giảm 5.025 hộ", True),
    ("số hộ nghèo giảm hơn 5 nghìn hộ", "giảm 4.980 hộ", False),
    ("số hộ nghèo giảm gần 5 nghìn hộ", "giảm 4.980 hộ", True),
    # three decimals before a scale word are decimals: '10,246 triệu lượt' states 10.246 nghìn exactly, not about 10
    # million (set CD's Lâm Đồng, c74_011: the 11 months' count had been a rounding of the year's plan, 10.000)
    ("đón 10,246 triệu lượt khách", "10.000 nghìn lượt khách", False),
    ("đón 10,2 triệu lượt khách", "10.246 nghìn lượt khách", True),
])
def test_a_hedged_claim_rounds_the_report_on_the_side_it_names(claim, report, rounded):
    fig, rep = _fig(claim), _fig(report)
    assert rounds(fig, claim, value(fig), value(rep)) is rounded


def test_a_unit_ocr_misread_by_a_letter_still_compares():
    from tracuu.qa.figures import scaled
    assert scaled(4307.9, "ty déng") == scaled(4307.9, "tỷ đồng")
    assert scaled(44.6, "nghìn m3")[1] == "m3" and scaled(44.6, "nghìn m3")[0] == pytest.approx(44600)


def test_a_half_is_no_rounding_and_a_baseline_value_keeps_its_period():
    fig, rep = _fig("tỷ lệ đạt 98%"), _fig("tỷ lệ đạt 97,5%")
    assert not rounds(fig, "tỷ lệ đạt 98%", value(fig), value(rep))
    # '... tăng gần 12 điểm so với năm 2024 (71,41 điểm)': 71,41 is 2024's score
    figs = extract("điểm DDCI năm 2025 đạt 83,38 điểm, tăng gần 12 điểm so với năm 2024 (71,41 điểm).")
    by_value = {f.value: f.period for f in figs}
    assert by_value["83,38"].year == 2025 and by_value["71,41"].year == 2024


def test_the_ways_a_value_is_printed_and_which_periods_print_it():
    import numpy as np

    from tracuu.index.store import IndexStore
    from tracuu.ingest.types import Document, Passage, Period
    from tracuu.qa.claim_values import periods_printing, printed_forms
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




@pytest.mark.parametrize("claim, report, number", [
    ("tạo việc làm cho khoảng 11,600 người", "Tạo việc làm mới cho 11.600 người", 11600),  # English thousands
    ("xuất khẩu đạt 1.158 triệu USD", "xuất khẩu đạt 1,158 triệu USD", 1.158),  # English decimal point
    ("chỉ số giá tăng 7,125%", "chỉ số giá tăng 7,125% so với cùng kỳ", 7.125),  # Vietnamese reading printed: kept
    ("doanh thu 2,450 tỷ đồng", "doanh thu 7.120 tỷ đồng", 2.45),  # neither printed: the Vietnamese reading
])
def test_a_number_that_reads_both_ways_takes_the_reading_the_report_prints(claim, report, number):
    assert readings(_fig(claim), extract(report)).number == pytest.approx(number)


def test_a_rate_rounds_at_its_last_digit_only():
    # 'khoảng 6,2%' is not 6,31% however close by ratio; 'khoảng 6,3%' is; an amount keeps the ratio rule
    from tracuu.qa.claim_values import rounds, value
    from tracuu.qa.figures import extract
    for claim, report, ok in [("tăng khoảng 6,2%/năm", "tăng 6,31%", False), ("tăng khoảng 6,3%/năm", "tăng 6,31%", True),
                              ("đạt khoảng 4.300 tỷ đồng", "đạt 4.310,2 tỷ đồng", True)]:
        fig, rep = extract(claim, 0, None)[0], extract(report, 0, None)[0]
        assert rounds(fig, claim, value(fig), value(rep)) is ok, (claim, report)


def test_a_bracket_labels_its_value():
    # invented figures: '(kế hoạch 35%)' states the plan; '(khoảng 6,2%)' after 'cả nước' the whole country's
    from tracuu.qa.claim_values import elsewhere, proportion
    from tracuu.qa.figures import extract
    figs = extract("tỷ lệ lao động qua đào tạo ước đạt 34,2% (kế hoạch 35%), cao hơn bình quân chung của cả nước "
                   "(khoảng 29,5%), thấp hơn Bắc Ninh (khoảng 36,1%)", 1, None)
    assert [(f.value, f.kind) for f in figs] == [("34,2", "result"), ("35", "target"), ("29,5", "result"),
                                                 ("36,1", "result")]
    assert [elsewhere(f, ["Hải Dương"]) for f in figs] == [False, False, True, True]
    assert [proportion(f) for f in extract("vốn FDI vào các KCN chiếm 88,6% tổng vốn; tăng 24,6%", 1, None)] == [True, False]


def test_an_excess_over_the_plan_reads_as_the_plan_s_share():
    # invented figures: 'vượt 8,6% dự toán' is 108,6% of it, claimed or reported
    from tracuu.qa.claim_values import index_readings, readings
    from tracuu.qa.figures import extract
    reported = extract("thu ngân sách ước đạt 11.946,2 tỷ đồng, bằng 108,6% dự toán; vốn đăng ký vượt 11,3% so với "
                       "kế hoạch", 1, None)
    assert [x.number for f in reported for x in index_readings(f)] == [11946.2, 108.6, 111.3]
    claimed = extract("Thu ngân sách vượt 8,6% dự toán.", 0, None, small=True)[0]
    assert (claimed.kind, readings(claimed, reported).number) == ("share", 108.6)


def test_a_target_s_range_reads_its_lower_bound_too():
    # invented figures: 'đạt 6,67% (mục tiêu là 7 - 7,5%)': a claim of 7% is the aim's lower bound
    from tracuu.ingest.types import Period
    from tracuu.qa.claim_values import index_readings
    from tracuu.qa.figures import extract
    figs = extract("Năm 2021 tốc độ tăng GRDP đạt 6,67% (mục tiêu là 7 - 7,5%), tăng hơn 2 lần so với năm 2020.", 1,
                   Period("year", 2021))
    aim = next(f for f in figs if f.kind == "target")
    assert sorted(x.number for x in index_readings(aim)) == [7.0, 7.5]
    result = next(f for f in figs if f.kind == "result")
    assert [x.number for x in index_readings(result)] == [6.67]


def test_a_bracket_listing_other_provinces_figures_is_theirs():
    # '(Phú Thọ tăng 7,82%, Hà Giang tăng 6,54%)' after a ranking (set DA; invented): the neighbours' own figures,
    # never Tuyên Quang's, though Hà Giang merged into Tuyên Quang in 2025; a former area marked so is a part
    from tracuu.qa.claim_values import elsewhere
    from tracuu.qa.figures import extract
    figs = extract("Mức tăng 9 tháng cao hơn mức tăng chung của cả nước (6,98%), đứng thứ 6/14 tỉnh vùng Trung du và "
                   "miền núi phía Bắc (Phú Thọ tăng 7,82%, Hà Giang tăng 6,54%).")
    assert [f.value for f in figs if elsewhere(f, ["Tuyên Quang"])] == ["6,98", "7,82", "6,54"]
    part = extract("Thu nội địa toàn tỉnh đạt 9.120 tỷ đồng (trong đó khu vực Hà Giang cũ thu 1.450 tỷ đồng).")
    assert not any(elsewhere(f, ["Tuyên Quang"]) for f in part)


def test_a_clause_opening_on_another_province_states_that_province_s_figure():
    """'..., cùng thời gian này, An Giang xuất khẩu khoảng 845 triệu USD' in a Kiên Giang interview (set DO, invented):
    An Giang's figure, no value for a claim about Kiên Giang; the province's own clause stays its own."""
    from tracuu.qa.claim_values import elsewhere
    quote = ("Kim ngạch xuất khẩu cộng dồn 8 tháng đạt 598,6 triệu USD, tăng 8,7% so cùng kỳ. So với các tỉnh lân cận, "
             "quy mô xuất khẩu của Kiên Giang còn khiêm tốn: cùng thời gian này, An Giang xuất khẩu khoảng 845 triệu "
             "USD, Cà Mau khoảng 780 triệu USD.")
    figs = extract(quote)
    assert [f.value for f in figs if elsewhere(f, ["Kiên Giang"])] == ["845", "780"]
    assert not any(elsewhere(f, ["Kiên Giang"]) for f in figs if f.value in ("598,6", "8,7"))
