"""Every period form people type, with and without diacritics, and as OCR mangled it."""
import pytest

from tracuu.ingest.periods import find_periods, parse_period
from tracuu.ingest.types import Period
from tracuu.qa.query import parse_query

Q1_22, H1_23, M1_26, Y21 = Period("quarter", 2022, 1), Period("half", 2023, 1), Period("month", 2026, 1), Period("year", 2021)


@pytest.mark.parametrize("text,expected", [
    ("quý I/2022", Q1_22), ("quy I/2022", Q1_22), ("quý 1 năm 2022", Q1_22), ("Q1/2022", Q1_22),
    ("3 tháng đầu năm 2022", Q1_22), ("3 tháng cuối năm 2024", Period("quarter", 2024, 4)), ("quy I nim 2022", Q1_22), ("quý II năm 2022", Period("quarter", 2022, 2)),
    ("quy Il nam 2022", Period("quarter", 2022, 2)),
    ("6 tháng 2023", H1_23), ("6 thang 2023", H1_23), ("6 tháng đầu năm 2023", H1_23), ("nửa đầu năm 2023", H1_23),
    ("nua dau nam 2023", H1_23), ("giữa năm 2023", H1_23), ("sáu tháng đầu năm 2023", H1_23),
    ("6 THANG PAU NAM 2023", H1_23), ("6 tháng cuối năm 2023", Period("half", 2023, 2)),
    ("9 tháng đầu năm 2023", Period("nine_months", 2023)),
    ("tháng 1/2026", M1_26), ("tháng 01 năm 2026", M1_26), ("thang 01/2026", M1_26), ("đầu năm 2026", M1_26),
    ("năm 2021", Y21), ("cả năm 2021", Y21), ("2021", Y21), ("nam 2021", Y21),
    # a table column as appendices abbreviate it
    ("TH 6T/2023", H1_23), ("ƯTH 6T năm 2023", H1_23), ("6TĐN/2023", H1_23), ("9T/2023", Period("nine_months", 2023)),
    ("TH 3T 2022", Q1_22), ("11T/2024", Period("months", 2024, 11)),
])
def test_forms(text, expected):
    assert parse_period(text) == expected


def test_year_less_forms_keep_kind():
    assert [(m.kind, m.index) for m in find_periods("sáu tháng đầu năm")] == [("half", 1)]
    assert [(m.kind, m.index) for m in find_periods("9 tháng")] == [("nine_months", None)]


def test_year_is_borrowed_within_a_title():
    labels = [m.period.label for m in find_periods("tháng 01, nhiệm vụ trọng tâm tháng 02 năm 2023")]
    assert labels == ["tháng 01/2023", "tháng 02/2023"]


def test_dates_are_not_periods():
    assert find_periods("Từ 15/12/2022 đến 14/5/2023") == []
    assert parse_period("ngày 6 tháng 7 năm 2023") != H1_23


def test_question_period_and_content_words():
    q = parse_query("giải ngân vốn đầu tư công 6 tháng 2023")
    assert q.period == H1_23
    assert "giai ngan von dau tu cong" in q.lexical_text and "2023" not in q.lexical_text


def test_labels():
    assert Q1_22.label == "quý I/2022" and H1_23.label == "6 tháng đầu năm 2023" and M1_26.label == "tháng 01/2026"
    assert Period("year", 2023).contains(H1_23) and not H1_23.contains(Period("year", 2023))


def test_cung_ky_alone_is_the_reports_span_a_year_before():
    """In the 6-month 2023 report, 'tỷ lệ giải ngân cùng kỳ năm 2022' is 6 tháng đầu năm 2022;
    'so với cùng kỳ năm 2022' and 'bằng cùng kỳ năm 2022' stay baselines."""
    own = Period("half", 2023, 1)
    [m] = find_periods("3Ty 1¢ giai ngan cung ky nam 2022 13 648,5 ty/2.498,3 ty, dat 26% ké hoach.", own=own)
    assert m.period == Period("half", 2022, 1) and not m.comparison
    for text in ("tăng 20,6% so với cùng kỳ năm 2022", "số dự án được cấp bằng cùng kỳ năm 2022"):
        [m] = find_periods(text, own=own)
        assert m.comparison
    [m] = find_periods("tỷ lệ giải ngân cùng kỳ năm 2022")  # no report period known: a baseline
    assert m.comparison


def test_a_footnote_mark_glued_to_a_year_after_nam_is_still_the_year():
    """OCR: 'kiéu mau nam 20226, Ban hanh' is 'kiểu mẫu năm 2022⁶'; without 'năm' it is a number."""
    assert [m.period.label for m in find_periods("02 xa dat chuan néng thén méi kiéu mau nam 20226, Ban hanh")] == ["năm 2022"]
    assert [m.period for m in find_periods("đạt 20226 lượt khách") if m.period] == []


def test_nua_dau_with_the_year_and_no_nam():
    assert parse_query("Nửa đầu 2023 có bao nhiêu lượt khách quốc tế").periods == [Period("half", 2023, 1)]


@pytest.mark.parametrize("text,expected", [
    ("Tính đến ngày 30/6/2024, tỉnh giải ngân được 1.186,7 tỷ đồng", Period("half", 2024, 1)),
    ("Đến ngày 30/11/2024, toàn tỉnh giải ngân vốn đầu tư công", Period("months", 2024, 11)),
    ("giai ngan den het thang 11/2024", Period("months", 2024, 11)),
    ("đến 31/01/2023 giải ngân kế hoạch năm 2022", Period("month", 2023, 1)),
    ("số liệu đến ngày 15/3/2022", Q1_22),
])
def test_a_cut_off_date_in_a_report_is_the_running_total_from_january(text, expected):
    own = Period("year", expected.year)
    assert [m.period for m in find_periods(text, own=own)][:1] == [expected]
    assert parse_period(text) != expected  # a question's cut-off date is a state on that date (Query.dated)


def test_since_the_start_of_the_year_is_the_reports_running_total():
    q3 = Period("quarter", 2023, 3)  # a quarter's summary: 'lũy kế từ đầu năm' is the nine months
    found = [m.period for m in find_periods("Thu ngân sách lũy kế từ đầu năm đạt 9.214 tỷ đồng", own=q3)]
    assert found == [Period("nine_months", 2023)]
    assert [m.period for m in find_periods("tính từ đầu năm đến nay", own=Period("month", 2025, 5))] == \
        [Period("months", 2025, 5)]
    assert find_periods("lũy kế từ đầu năm") == []  # a question has no report to count from


def test_the_base_year_of_prices_is_no_period():
    # 'theo giá so sánh 2010' names the price base: a year-less 'quý IV' after it is the report's year
    text = "GRDP năm 2024 theo giá so sánh 2010 ước tăng 6,76%; trong đó quý IV ước tăng 7,42% so với cùng kỳ."
    assert [m.period for m in find_periods(text) if not m.comparison] == [Period("year", 2024), Period("quarter", 2024, 4)]
    ocr = "GRDP nam 2023 (gia co dinh nam 2010) tang 6,1%, quy I tang 5,2%"
    assert [m.period for m in find_periods(ocr)] == [Period("year", 2023), Period("quarter", 2023, 1)]
    assert [m.period for m in find_periods("Năm 2010 tỉnh có 120 doanh nghiệp.")] == [Period("year", 2010)]
    # (abbreviated as terse briefings print it: 'giá SS 2010'; invented figures)
    assert [m.period for m in find_periods("GRDP quý I/2027 (giá SS 2010): tăng 5,12% so CK.")] == [Period("quarter", 2027, 1)]


def test_a_school_or_crop_year_is_no_calendar_period():
    text = "Hoàn thành năm học 2020 - 2021; tỷ lệ tốt nghiệp đạt 97,6%, sách giáo khoa dùng từ năm học 2021-2022."
    assert find_periods(text) == []
    assert [m.period for m in find_periods("Niên vụ 2022/2023 sản lượng tăng; năm 2023 đạt 1.200 tấn.")] == [Period("year", 2023)]
    # an elected body's term is no period of a figure
    assert [m.period for m in find_periods("HĐND tỉnh khóa XIX, nhiệm kỳ 2021 - 2026, kỳ họp năm 2023")] == [Period("year", 2023)]


def test_trong_6_thang_cuoi_nam_is_the_second_half():
    assert parse_period("dự kiến thu trong 6 tháng cuối năm 2024") == Period("half", 2024, 2)
    assert parse_period("trong 6 tháng đầu năm 2024 thu được") == Period("half", 2024, 1)
    assert parse_period("tính chung 6 tháng, thu 4.000 tỷ", 2024) == Period("half", 2024, 1)


def test_from_the_start_of_the_year_to_a_month_is_the_running_total():
    assert parse_period("Tính từ đầu năm đến hết tháng 8/2024, xuất khẩu được bao nhiêu?") == Period("months", 2024, 8)
    assert parse_period("từ đầu năm 2023 đến cuối tháng 6 năm 2023") == Period("half", 2023, 1)
    # to a day: January to that day's month, with no report around it (a title): 'đến ngày 15/11' alone is a state
    title = "Tình hình thu, chi ngân sách nhà nước từ đầu năm đến ngày 15/11/2024"
    assert parse_period(title) == Period("months", 2024, 11)
    assert parse_period("tu dau nam den ngay 30/6/2023") == Period("half", 2023, 1)
    assert parse_query("đến hết tháng 8/2024 xuất khẩu").periods == []  # a cut-off alone stays a date (dated)


def test_a_running_total_right_after_its_month_is_read():
    """'tháng 11 ước đạt 36,2 triệu USD; 11 tháng đạt 386,4 triệu USD': the bare '11 tháng' after the month's
    figure is the running total (figures invented); a count of months followed by no figure's verb is not."""
    from tracuu.ingest.textnorm import fold_ocr
    text = fold_ocr("Kim ngạch xuất khẩu tháng 11 ước đạt 36,2 triệu USD; 11 tháng đạt 386,4 triệu USD, tăng 8,6%.")
    spans = [text[m.start:m.end] for m in find_periods(text, folded=True)]
    assert spans == ["thang 11", "11 thang"]
    other = fold_ocr("Công trình đã thi công xong phần móng, 5 tháng nữa sẽ bàn giao.")
    assert [other[m.start:m.end] for m in find_periods(other, folded=True)] == []
    # however the sentence leads to it (an OCR'd month report, set V): 'trên địa bàn 8 tháng ước đạt'
    said = find_periods("Tổng thu ngân sách nhà nước tren dia bàn 8 thang uoc dat 1.786,4 ty đồng", 2024)
    assert [m.period for m in said] == [Period("months", 2024, 8)]
    assert find_periods("Tiền gửi kỳ hạn 12 tháng đạt lãi suất 4,7%/năm", 2024) == []  # a term, not a period
    # a question asking the running total beside the year's plan: 'và 11 tháng đã đạt bao nhiêu?'
    from tracuu.qa.query import parse_query
    asked = parse_query("Kế hoạch xuất khẩu năm 2022 của Lâm Đồng là bao nhiêu và 11 tháng đã đạt bao nhiêu?")
    assert asked.periods == [Period("year", 2022), Period("months", 2022, 11)]
    assert find_periods("Tiền gửi kỳ hạn 12 tháng đã đạt 4,7%/năm", 2024) == []


def test_a_plan_measured_against_is_a_baseline_a_result_measured_against_is_not():
    """'so với dự toán năm 2025' compares with a plan: not the figure's period; 'so với thực hiện năm 2022
    (18.220 tỷ đồng)' states that year's result, so it stays a mention (figures invented)."""
    for text in ("92.600 tỷ đồng (tăng 12,3% so với dự toán năm 2025)", "bằng 98% so với kế hoạch giao năm 2023",
                 "đạt 104% so voi ke hoach nam 2024"):
        [m] = find_periods(text)
        assert m.comparison, text
    [m] = find_periods("bằng 96,4% so với thực hiện năm 2022 (18.220 tỷ đồng)")
    assert not m.comparison and m.period == Period("year", 2022)


@pytest.mark.parametrize("text,expected", [
    ("Trong tháng đầu tiên của quý I/2026, khám được bao nhiêu lượt?", M1_26),
    ("thang dau quy 1 2026", M1_26),
    ("tháng cuối quý II năm 2024", Period("month", 2024, 6)),
    ("thang cuoi cung cua quy IV/2023", Period("month", 2023, 12)),
    ("tháng thứ hai của quý III/2025", Period("month", 2025, 8)),
    ("tháng giữa quý 4 năm 2025", Period("month", 2025, 11)),
])
def test_a_month_named_by_its_place_in_a_quarter(text, expected):
    assert parse_period(text) == expected
    assert parse_query(text).periods == [expected]  # one month, not the month and the quarter


@pytest.mark.parametrize("text,expected", [
    ("toc d6 taing GRDP 6 thang cudi nam 2023 phai dat tir 8,5%", Period("half", 2023, 2)),
    ("nhiem vu quy cu6i nam 2022", Period("quarter", 2022, 4)),
    ("thang cuéi cung cua quy IV/2023", Period("month", 2023, 12)),
])
def test_cuoi_as_ocr_reads_it(text, expected):
    """'cuối' read 'cudi', 'cu6i', 'cuéi' by OCR is still the last half, quarter or month."""
    assert [m.period for m in find_periods(text) if m.period][-1:] == [expected]


def test_a_programme_s_span_and_horizon_are_no_period_of_a_figure():
    """'Đề án ... giai đoạn 2022 - 2025, tầm nhìn đến năm 2030, trong tháng đã thu nhận 5.919 hồ sơ' (figures
    invented): the years say what the programme covers; the figure is the report's own month's."""
    text = "thực hiện Đề án giai đoạn 2022 - 2025, tầm nhìn đến năm 2030, trong tháng thu nhận 5.919 hồ sơ"
    assert all(m.comparison for m in find_periods(text) if m.period)
    assert not any(m.comparison for m in find_periods("Năm 2025 thu nhận 5.919 hồ sơ") if m.period)


def test_the_word_gate_gives_the_same_periods_on_every_line_of_the_reports():
    """`_read_periods` skips a pattern when the text lacks every string the pattern cannot match without; on
    every line of the five reports (clean and OCR'd, own period given or not) that must change nothing."""
    from tracuu.ingest import periods as P
    from .conftest import REPORTS
    lines = [ln for f in sorted(REPORTS.iterdir()) if f.suffix in (".txt", ".md")
             for ln in f.read_text("utf-8").splitlines() if ln.strip()]
    assert len(lines) > 500
    own = Period("half", 2023, 1)
    gated = [P._read_periods.__wrapped__(ln, None, False, o) for o in (None, own) for ln in lines]
    every = [(kind, pat, frozenset()) for kind, pat, _ in P._GATED]
    try:
        P._GATED, saved = every, P._GATED
        plain = [P._read_periods.__wrapped__(ln, None, False, o) for o in (None, own) for ln in lines]
    finally:
        P._GATED = saved
    assert gated == plain
    assert sum(map(len, gated)) > 1000  # the lines do name periods


def test_a_patterns_required_words_are_in_each_of_its_matches():
    from tracuu.ingest.periods import _GATED
    needs = {kind: need for kind, _, need in _GATED}
    assert needs["month"] == {"thang"} and needs["bare_year"] == {"19", "20"} and needs["quarter"] in ({"quy"}, {"19", "20"})
    for text in ["tháng 5/2024", "quý II năm 2023", "Q3/2022", "nửa đầu năm 2025", "giữa năm 2024", "năm 2021"]:
        assert find_periods(text), text


def test_a_tet_named_by_its_lunar_year_is_the_solar_year_it_opens():
    from tracuu.ingest.lunar import lunar_new_year
    from tracuu.ingest.textnorm import fold_ocr
    assert lunar_new_year(fold_ocr("quà Tết Quý Mão của Chủ tịch tỉnh")) == 2023
    assert lunar_new_year(fold_ocr("dịp Tết Nguyên đán Bính Ngọ")) == 2026
    assert lunar_new_year(fold_ocr("Tết Canh Tý")) == 2020 and lunar_new_year(fold_ocr("Tết Ất Tỵ")) == 2025  # Tý, Tỵ
    assert lunar_new_year(fold_ocr("tet quy meo")) == 2023  # 'Mẹo', the southern name of Mão
    assert lunar_new_year(fold_ocr("Tết Nguyên đán năm nay")) is None


def test_so_voi_is_read_through_the_one_pattern_before_a_period():
    # 'so với' as OCR prints it (textnorm.SO_VOI: 'so v6i', 'so v&i') marks the baseline before a period too
    from tracuu.ingest.periods import find_periods
    for text in ("tăng 5% so với năm 2022", "tang 5% so v6i nam 2022", "giam 2% so v&i 6 thang dau nam 2022",
                 "so cùng kỳ năm 2022"):
        assert [m.comparison for m in find_periods(text) if m.period] == [True], text
    assert [m.comparison for m in find_periods("năm 2022 tăng 5%") if m.period] == [False]


def test_a_programme_span_with_an_en_dash_is_no_period_of_its_figure():
    # figures invented: 'giai đoạn 2026–2030' (en dash, as Word types it) is the span a target covers, not 2026; a
    # span is read up to its last year, as a report titled with one is; a crop season the same way
    mentions = find_periods("Tổng thu ngân sách nhà nước 5 năm giai đoạn 2026–2030 đạt 420.000 tỷ đồng")
    assert [(m.period, m.comparison) for m in mentions] == [(Period("year", 2030), True)]
    assert [(m.period, m.comparison) for m in find_periods("kế hoạch 5 năm 2026 - 2030")] == [(Period("year", 2030), True)]
    # (a crop season is sown in one year and reaped in the next: both stay named)
    assert [m.period for m in find_periods("sản lượng lúa vụ Đông Xuân 2022 - 2023")] == \
        [Period("year", 2022), Period("year", 2023)]
    assert not find_periods("niên vụ 2024 - 2025") and not find_periods("năm học 2022-2023")  # read apart
    assert parse_query("tăng trưởng GRDP bình quân giai đoạn 2021-2025").periods == [Period("year", 2025)]


def test_equal_periods_read_from_different_sentences_are_one_object():
    # thousands of kept readings name 'năm 2023': one Period in memory (bench: peak RSS 293 -> 291 MB)
    a = find_periods("Thu ngân sách năm 2023 đạt 1.240 tỷ đồng")
    b = find_periods("Kế hoạch năm 2023 giao 2.000 tỷ đồng, tăng 5%")
    assert a[0].period == b[0].period and a[0].period is b[0].period


def test_a_monthly_report_s_month_and_running_total_named_relative_to_it():
    # 'trong tháng ...; lũy kế từ đầu năm ...': the report's month and the total to it (figures invented)
    own = Period("month", 2025, 8)
    text = "Lâm nghiệp: trong tháng trồng được 312,4 ha rừng; lũy kế từ đầu năm trồng 2.412,6 ha."
    assert [(m.period, m.relative) for m in find_periods(text, own=own)] == [
        (Period("month", 2025, 8), "own"), (Period("months", 2025, 8), "own")]
    # next month's tasks, a named month, or no report to be relative to: no mention
    assert find_periods("nhiệm vụ trọng tâm trong tháng tới", own=own) == []
    assert [m.period for m in find_periods("trong tháng 3 năm 2025", own=own)] == [Period("month", 2025, 3)]
    assert find_periods(text) == []
    # a quarter's 'trong tháng' may be any of its months
    assert [m.period for m in find_periods("trong tháng thu 5 tỷ đồng", own=Period("quarter", 2025, 1))] == []


def test_five_months_written_in_words():
    # 'năm' is five before 'tháng đầu năm' ('Năm tháng đầu năm 2025, ...'), not the first month; alone it is the year
    assert [m.period for m in find_periods("Năm tháng đầu năm 2025, thu ngân sách tăng")] == [Period("months", 2025, 5)]
    assert [m.period for m in find_periods("Tháng đầu năm 2025, thu ngân sách tăng")] == [Period("month", 2025, 1)]


def test_an_average_from_january_in_a_monthly_report_is_the_running_period():
    own = Period("month", 2025, 8)  # 'CPI tháng này tăng 2,84% ...; CPI bình quân từ đầu năm tăng 3,12%'
    assert [m.period for m in find_periods("cpi binh quan tu dau nam tang 3,12%", 2025, folded=True, own=own)] == \
        [Period("months", 2025, 8)]


def test_a_period_without_a_year_takes_the_report_s_year_not_a_baseline_s_in_the_sentence_before():
    """'... quý III/2023 đạt 1.198,4 tỷ đồng. Lũy kế 9 tháng đạt 4.562,4 tỷ đồng' in 2024's report (set Y, invented):
    the nine months are 2024's; within one sentence a year-less period still takes the year just named."""
    text = ("Tổng thu ngân sách quý III/2024 ước đạt 1.346,8 tỷ đồng, quý III/2023 đạt 1.198,4 tỷ đồng, tăng 12,4%. "
            "Lũy kế 9 tháng đạt 4.562,4 tỷ đồng.")
    assert [m.period for m in find_periods(text, 2024) if m.period][-1] == Period("nine_months", 2024)
    same = "Quý III/2023 thu 1.198,4 tỷ đồng, lũy kế 9 tháng thu 4.001,2 tỷ đồng."
    assert [m.period for m in find_periods(same, 2024) if m.period][-1] == Period("nine_months", 2023)


def test_a_few_indicators_are_no_comparison_with_a_plan():
    """'một số chỉ tiêu chủ yếu 6 tháng đầu năm 2022' names the half year; 'so với chỉ tiêu năm 2022' compares."""
    assert [m.comparison for m in find_periods("MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2022")] == [False]
    assert [m.comparison for m in find_periods("bằng 95% so với chỉ tiêu năm 2022")] == [True]


def test_a_result_compared_with_and_not_stated_is_a_baseline():
    """'Kim ngạch xuất khẩu đạt 8.000 triệu USD, tăng khoảng 8% so với ước thực hiện năm 2022' in the 2023 plan (set
    AS's question on Vĩnh Phúc's 2022 target): 2022 is compared with, not the period of 8.000; with its value in
    brackets the sentence states 2022's result, and the year stays a mention."""
    said = [(m.period, m.comparison) for m in find_periods("đạt 8.000 triệu USD, tăng khoảng 8% so với ước thực hiện năm 2022.")]
    assert said == [(Period("year", 2022), True)]
    said = [(m.period, m.comparison) for m in find_periods("tăng 5% so với thực hiện năm 2022 (18.220 tỷ đồng)")]
    assert said == [(Period("year", 2022), False)]


@pytest.mark.parametrize("text,expected", [
    # a table's column writes the running total's year after a slash
    ("Ước 8 tháng/2024", Period("months", 2024, 8)), ("Lũy kế 10 tháng/2023", Period("months", 2023, 10)),
    ("8 thang/2024 so voi cung ky (%)", Period("months", 2024, 8)), ("Thực hiện 6 tháng/2024", Period("half", 2024, 1)),
    ("9 tháng/2023", Period("nine_months", 2023)),
])
def test_running_totals_with_the_year_after_a_slash(text, expected):
    assert [m.period for m in find_periods(text)] == [expected]
    assert [m.period for m in find_periods("Ước tháng 8/2024")] == [Period("month", 2024, 8)]  # (the month stays one)


def test_quarters_counted_from_january():
    """'3 quý đầu năm 2022' is nine months and 'hai quý đầu năm' the first half, not the first quarter (BQ's Bình Thuận
    had been refused: its report holds 9 months); 'quý đầu năm' alone stays the first quarter."""
    from tracuu.ingest.periods import find_periods
    from tracuu.ingest.types import Period
    assert [m.period for m in find_periods("thu ngân sách trong 3 quý đầu năm 2022", 2022)] == [Period("nine_months", 2022)]
    assert [m.period for m in find_periods("ba quý đầu năm 2022", 2022)] == [Period("nine_months", 2022)]
    assert [m.period for m in find_periods("hai quý đầu năm 2023", 2023)] == [Period("half", 2023, 1)]
    assert [m.period for m in find_periods("quý đầu năm 2024", 2024)] == [Period("quarter", 2024, 1)]


def test_the_whole_year_unwritten_is_its_text_s_year():
    """'phấn đấu kim ngạch xuất khẩu cả năm đạt 370 triệu USD' in a half-year report of 2025 (set CE's Ninh Thuận,
    invented): 'cả năm' is 2025, not the second half its plans part is of; so is 'ước cả năm' after a running total.
    'cả năm huyện' counts five districts, 'cả năm học' is a school year: no period; a year written stays that year."""
    said = [m.period for m in find_periods("phấn đấu kim ngạch xuất khẩu cả năm đạt 370 triệu USD", 2025)]
    assert said == [Period("year", 2025)]
    said = [m.period for m in find_periods("11 tháng đạt 2.846,2 triệu USD; ước cả năm đạt 3.126,4 triệu USD", 2024)]
    assert said == [Period("months", 2024, 11), Period("year", 2024)]
    assert [m.period for m in find_periods("Tổng thu ngân sách cả năm 2023 đạt 5.120 tỷ đồng", 2025)] == [Period("year", 2023)]
    assert find_periods("cả năm huyện đều hoàn thành kế hoạch", 2025) == []
    assert find_periods("tổng kết cả năm học", 2025) == []
    assert [m.period for m in find_periods("cả năm đạt 370 triệu USD")] == [None]  # (no year known: none guessed)


def test_a_running_total_read_before_its_figure():
    # invented texts (set DI's Điện Biên Đông): 'lũy kế 7 tháng 612 lao động' is seven months' total, its figure right
    # after it; 'tính chung 7 tháng 10 huyện' still names October, a small number being the month's
    assert [m.period for m in find_periods("lũy kế 7 tháng 612 lao động", 2023)] == [Period("months", 2023, 7)]
    assert [m.period for m in find_periods("tính chung 9 tháng 12,5%", 2023)] == [Period("nine_months", 2023)]
    assert [m.period for m in find_periods("tính chung 7 tháng 10 huyện", 2023)] == [Period("month", 2023, 10)]


def test_a_holiday_compared_with_is_the_baseline_not_the_figure_s_period():
    """'tăng 42,2% so với dịp Tết Quý Mão năm 2023 (khoảng 41.200 lượt)' in February 2024's release (set DO, invented):
    2023 is what Tết 2024's figure is compared with, as 'so với cùng kỳ năm 2023' is."""
    from tracuu.ingest.periods import find_periods
    from tracuu.ingest.types import Period
    found = find_periods("đón khoảng 58.600 lượt khách, tăng 42,2% so với dịp Tết Quý Mão năm 2023 (khoảng 41.200 lượt)")
    assert [(m.period, m.comparison) for m in found] == [(Period("year", 2023), True)]
    assert not find_periods("Tết năm 2024 toàn tỉnh đón 58.600 lượt khách")[0].comparison


def test_a_table_column_of_the_estimate_or_result_names_its_running_total():
    # invented row, as a Word table renders: the estimate's column holds the 10 months of the report's year
    row = "Tổng mức bán lẻ HH và DTDV tiêu dùng > Đơn vị: Tỷ đồng; Kế hoạch 2023: 52.000,0; Ước 10 tháng: 44.218,9"
    assert Period("months", 2023, 10) in [m.period for m in find_periods(row, 2023)]
    assert [m.period for m in find_periods("Thực hiện 9 tháng: 1.204,6", 2024)] == [Period("nine_months", 2024)]
    # (a running total stated as estimated: '8 tháng ước thực hiện 3.468,7 tỷ đồng')
    assert [m.period for m in find_periods("Tổng thu 8 tháng ước thực hiện 3.468,7 tỷ đồng", 2027)] == [Period("months", 2027, 8)]
    # (a merged header joined to its column's: 'Thực hiện - 7 tháng')
    assert Period("months", 2027, 7) in [m.period for m in find_periods("Thực hiện - Tháng 7: 3.652; Thực hiện - 7 tháng: 26.418", 2027)]


def test_a_baseline_s_value_restated_in_a_bracket_lends_no_year_to_the_span_before_it():
    # invented figures: the first quarter is the report's year; 2023 is the compared fourth quarter's
    text = "Bán lẻ quý I ước đạt 6.215,4 tỷ đồng, giảm 2,3% so với quý IV năm 2023 (quý IV năm 2023 đạt 6.361,7 tỷ đồng)."
    assert [m.period for m in find_periods(text, 2024) if not m.comparison][0] == Period("quarter", 2024, 1)
    assert [m.period for m in find_periods("tháng 01, nhiệm vụ tháng 02 năm 2023", 2024)][0] == Period("month", 2023, 1)


def test_terse_bulletins_month_and_running_total_abbreviations():
    # invented bullets: 'T8' is August, '8T' the 8 months to it, 'so T7' compares with July; a name like 'Nhà T1' is none
    own = Period("months", 2023, 8)
    assert [m.period for m in find_periods("- TMBL T8: 6.385 tỷ đ (+0,8% so T7).", 2023, own=own) if not m.comparison] == \
        [Period("month", 2023, 8)]
    assert [m.period for m in find_periods("- TMBL 8T: 49.870 tỷ đ, +10,8% so CK.", 2023, own=own)] == [Period("months", 2023, 8)]
    assert [m.period for m in find_periods("riêng T3/2024: +9,6% CK", 2024)] == [Period("month", 2024, 3)]
    assert find_periods("Nhà T1 tầng 3, đường T2 dài 5 km", 2023) == []


def test_a_result_column_abbreviated_th_names_its_running_total():
    assert [m.period for m in find_periods("DT TW giao: 4.905.000; TH 8 tháng: 3.012.846", 2027)] == [Period("months", 2027, 8)]
    assert [m.period for m in find_periods("ƯTH 8 tháng: 5,1", 2027)] == [Period("months", 2027, 8)]
