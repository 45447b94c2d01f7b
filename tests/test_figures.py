"""Figures read from quoted sentences (sample reports' sentences and invented ones)."""
import pytest

from tracuu.index.lexical import tokenize
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period
from tracuu.qa.figure_rank import rank, weighted
from tracuu.qa.figure_line import lead_line
from tracuu.qa.figures import extract, parse_number, scaled


def _first(quote: str, question: str) -> str:
    """The figure ranked first for a question (every word weighing 1)."""
    words = set(tokenize(fold(question)))
    return rank(extract(quote), weighted({t: 1.0 for t in words}), words=words, question=question)[0].value


@pytest.mark.parametrize("text,value", [("1.158,8", 1158.8), ("10.902", 10902), ("6,67", 6.67), ("1158.8", 1158.8),
                                        ("1,158.8", 1158.8), ("2.161", 2161), ("3.891,923", 3891.923), ("-3,2", -3.2)])
def test_vietnamese_and_english_notation(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_scale_words_compare():
    assert scaled(10.9, "nghìn tỷ đồng")[0] == pytest.approx(scaled(10900, "tỷ đồng")[0])
    assert scaled(4.3, "nghìn tỷ")[1] == scaled(4307.9, "tỷ đồng")[1]
    # a mass in tonnes or kilograms, of whatever it weighs
    assert scaled(234, "tấn gạo") == scaled(234000, "kg") == (234000, "kg")
    assert scaled(1.5, "nghìn tấn") == (1500000, "kg")


def test_a_claim_s_small_count_with_a_leading_zero_is_a_figure():
    from tracuu.qa.figure_asks import counted
    claim = "Trong quý, tỉnh công nhận mới 09 trường học đạt chuẩn quốc gia, 3 khu vực."
    assert [f.value for f in extract(claim, small=True)] == ["09"]
    assert extract(claim) == []  # in a report's passage, unless asked for
    assert counted(claim) == {("truong", "hoc", "dat")}  # what the claim counts, as 'bao nhiêu trường học' would


def test_a_measure_s_thing_may_stand_before_the_figure():
    from tracuu.qa.figure_asks import counted
    from tracuu.qa.figures import counts
    # the January-2026 report's sentence (OCR marks repaired): 'bao nhiêu lượt khách quốc tế' is 'Khách quốc tế 19.000
    # lượt', not the total's '397.000 lượt khách'
    quote = ("Trong tháng, du lịch thu hút tổng lượng khách du lịch 397.000 lượt khách, đạt 8,4% kế hoạch, tăng 13,4%; "
             "trong đó: Khách quốc tế 19.000 lượt, đạt 3,5% kế hoạch, tăng 35,7%.")
    question = "Tháng 1/2026 Lạng Sơn đón bao nhiêu lượt khách quốc tế, tăng bao nhiêu so với cùng kỳ?"
    words = set(tokenize(fold(question)))
    figs = extract(quote)
    assert rank(figs, weighted({t: 1.0 for t in words}), words=words, nouns=counted(question),
                question=question)[0].value == "19.000"
    # a thing counted ('xã được công nhận') is no measure: its words elsewhere in the clause do not count
    nouns = counted("Năm 2021 công nhận thêm bao nhiêu trường đạt chuẩn quốc gia?")
    assert counts(" trường.", nouns, before="nâng tổng số trường đạt chuẩn lên") == 1
    assert counts(" lượt, đạt 3,5%", {("luot", "khach", "quoc")}, before="Khách quốc tế") == 3


def test_ocr_sentence_kinds_and_order():
    quote = ("Tong ké hoach vén dau tu cong nam 2023 1a 3.891,923 ty dong. Két qua giai ngan trong 6 thang "
             "1.158,8 ty dong, dat 29,8% tong ké hoach giao.")
    figs = extract(quote)
    assert [f.value for f in figs] == ["3.891,923", "1.158,8", "29,8"]
    assert [f.kind for f in figs] == ["target", "result", "share"]  # the plan's amount, the result, its share
    first = rank(figs, weighted({"giai": 3.0, "ngan": 3.0, "von": 1.0, "dau": 1.0, "tu": 1.0, "cong": 1.0}))[0]
    assert first.value == "1.158,8" and first.unit == "ty dong"
    line = lead_line(first, quote, "6 tháng đầu năm 2023")
    assert line.startswith("Két qua giai ngan") and "1.158,8 ty dong, dat 29,8% tong ké hoach giao [1]" in line



def test_a_sentence_opening_with_a_breakdown_holds_parts_of_the_sentence_before():
    """'... giải ngân được 2.412,6 tỷ đồng, đạt 39,4% kế hoạch. Theo nguồn vốn: vốn ngân sách địa phương giải ngân
    1.846,2 tỷ đồng; ...' (figures invented): the second sentence's figures are parts of the first's total, which
    answers 'giải ngân vốn đầu tư công' first; a question naming the part gets the part."""
    quote = ("Tính đến hết ngày 30/6/2027, toàn tỉnh giải ngân được 2.412,6 tỷ đồng, đạt 39,4% kế hoạch vốn năm 2027. "
             "Theo nguồn vốn: vốn ngân sách địa phương giải ngân 1.846,2 tỷ đồng, đạt 42,1%; vốn ngân sách trung "
             "ương giải ngân 542,8 tỷ đồng, đạt 34,2%.")
    figs = extract(quote)
    total = next(f for f in figs if f.value == "2.412,6")
    assert all(f.part_of is total for f in figs if f.value in ("1.846,2", "542,8"))
    words = set(tokenize(fold("giải ngân vốn đầu tư công 6 tháng 2027")))
    assert rank(figs, weighted({t: 1.0 for t in words}), words=words)[0].value == "2.412,6"
    words = set(tokenize(fold("giải ngân vốn ngân sách địa phương 6 tháng 2027")))
    assert rank(figs, weighted({t: 1.0 for t in words}), words=words)[0].value == "1.846,2"

def test_a_part_named_only_inside_the_question_s_compound_is_no_part_asked():
    """'Tổng giá trị xuất, nhập khẩu ... 2.014,6 triệu USD, ...; trong đó xuất khẩu ... 1.028,5 triệu USD; nhập khẩu
    986,1 triệu USD' (set E's Lào Cai, figures invented): 'xuất nhập khẩu' asked names 'nhập khẩu' only inside its
    compound, which the part does not print: the total answers; 'nhập khẩu' alone asks the part."""
    trade = ("Tổng giá trị xuất, nhập khẩu, mua bán, trao đổi hàng hóa qua các cửa khẩu 10 tháng đạt 2.014,6 triệu USD, "
             "tăng 17,3%; trong đó xuất khẩu 10 tháng đạt 1.028,5 triệu USD, tăng 22,6%, nhập khẩu 986,1 triệu USD.")
    assert _first(trade, "Giá trị xuất nhập khẩu hàng hóa qua các cửa khẩu của Lào Cai 10 tháng năm 2023") == "2.014,6"
    assert _first(trade, "nhập khẩu hàng hóa qua cửa khẩu Lào Cai 10 tháng 2023") == "986,1"


def test_decrease_is_a_negative_change_and_periods_are_not_figures():
    figs = extract("Thu ngân sách năm 2021 đạt 10.902 tỷ đồng, bằng 145% dự toán, giảm 8,9% so với cùng kỳ.")
    assert [(f.value, f.kind, f.number) for f in figs] == [("10.902", "result", 10902), ("145", "share", 145),
                                                            ("8,9", "change", -8.9)]
    assert figs[0].indicator == "Thu ngân sách năm 2021"


def test_the_month_and_the_total_to_it_in_one_sentence_keep_their_periods():
    # a monthly report's 'trong tháng ...; lũy kế từ đầu năm ...' asked for the running total: the quote names it, but
    # the month's figure before it is the month's (figures invented)
    quote = "Lâm nghiệp: trong tháng trồng được 312,4 ha rừng tập trung; lũy kế từ đầu năm trồng 2.412,6 ha, đạt 80,4% kế hoạch."
    eight = Period("months", 2025, 8)
    figs = extract(quote, period=eight, own=Period("month", 2025, 8))
    assert [(f.value, f.period) for f in figs[:2]] == [("312,4", Period("month", 2025, 8)), ("2.412,6", eight)]
    assert rank(figs, weighted({}), asked=[eight])[0].value == "2.412,6"


def test_a_part_of_a_month_s_figure_is_the_month_s_in_a_running_total_s_quote():
    # a release quoted for '10 tháng': 'trong đó khách quốc tế 186,2' is part of the month's total (figures invented)
    quote = ("Du lịch: tổng số khách tháng 10 ước đạt 1.124,6 nghìn lượt, tăng 10,4% so với cùng kỳ; trong đó khách quốc "
             "tế 186,2 nghìn lượt. Tính chung 10 tháng, tổng số khách đạt 16.786,4 nghìn lượt.")
    ten = Period("months", 2025, 10)
    figs = {f.value: f.period for f in extract(quote, period=ten)}
    assert figs["186,2"] == figs["1.124,6"] == Period("month", 2025, 10) and figs["16.786,4"] == ten


def test_target_words_make_a_target():
    figs = extract("Phấn đấu tốc độ tăng trưởng GRDP năm 2024 đạt 8,5%.")
    assert figs and all(f.kind == "target" for f in figs)


ROW = ("Bảng 1. Kết quả thực hiện các chỉ tiêu chủ yếu năm 2023 > 2. Sản lượng lúa cả năm > ĐVT: nghìn tấn; "
       "Thực hiện năm 2022: 4.048,2; Kế hoạch năm 2023: 4.000,0; Ước thực hiện năm 2023: 4.125,6; "
       "So sánh cùng kỳ (%): 101,9; So với kế hoạch (%): 103,1")  # invented figures, the loaders' row format


def test_table_row_cell_of_the_asked_period_and_kind():
    from tracuu.ingest.types import Period
    cells = extract(ROW)
    assert [(c.value, c.kind) for c in cells] == [("4.048,2", "result"), ("4.000,0", "target"), ("4.125,6", "result"),
                                                  ("101,9", "change"), ("103,1", "share")]
    y23, y22 = [Period("year", 2023)], [Period("year", 2022)]
    assert rank(cells, weighted({}), asked=y23)[0].value == "4.125,6"
    assert rank(cells, weighted({}), asked=y23, wants_target=True)[0].value == "4.000,0"
    assert rank(cells, weighted({}), asked=y22)[0].value == "4.048,2"
    line = lead_line(rank(cells, weighted({}), asked=y23)[0], ROW, None)
    assert line == "Sản lượng lúa cả năm — Ước thực hiện năm 2023: 4.125,6 nghìn tấn [1]"


def test_columns_that_name_no_year_take_the_caption_s_and_a_comparison_column_answers_a_comparison():
    # invented figures, the HTML / Word loaders' row format: 'Quý III' is of the year the caption names; 'Dự toán
    # năm' is that year's plan; a question about the share of the plan or the change gets that column's value
    from tracuu.ingest.types import Period
    row = ("Biểu: Một số chỉ tiêu chủ yếu năm 2024 theo quý > Trong đó: khách quốc tế > Đơn vị tính: Nghìn lượt; "
           "Quý I: 842,6; Quý II: 724,3; Quý III: 612,8; Quý IV: 886,4; Cả năm 2024: 3.066,1")
    q3 = [Period("quarter", 2024, 3)]
    assert rank(extract(row), weighted({}), asked=q3)[0].value == "612,8"
    row = ("Biểu 02 > Thuế thu nhập cá nhân > Đơn vị tính: tỷ đồng; Dự toán năm: 450,0; Thực hiện 9 tháng: 312,4; "
           "So dự toán (%): 69,4; So cùng kỳ (%): 98,6")
    cells = extract(row, period=Period("nine_months", 2023))
    assert [c.period for c in cells[:2]] == [Period("year", 2023), Period("nine_months", 2023)]
    nine = [Period("nine_months", 2023)]
    assert rank(cells, weighted({}), asked=nine)[0].value == "312,4"
    assert rank(cells, weighted({}), asked=nine, baselines={"cung ky"})[0].value == "98,6"
    # a row with no result of the asked period (only its plan): its comparison column is not that period's
    row = ("Biểu > Kim ngạch xuất khẩu > ĐVT: triệu USD; Kế hoạch năm 2023: 30.000; Ước thực hiện 6 tháng 2023: 14.210; "
           "So sánh cùng kỳ (%): 90,3")
    assert rank(extract(row), weighted({}), asked=[Period("year", 2023)], baselines={"cung ky"})[0].value == "30.000"
    # a running total's share of the year's plan ('Lũy kế so với KH năm': 94,0) is the running total's, not the year's
    # (set CH's Sơn La: a claim '11 tháng ... đạt 94% kế hoạch năm' had been judged another period's)
    row = ("Phụ lục > Giải quyết việc làm mới > ĐVT: lao động; Kế hoạch năm 2023: 19.000; Thực hiện - Lũy kế 11 tháng năm "
           "2023: 17.862; So sánh (%) - Lũy kế so với KH năm: 94,0; So sánh (%) - Lũy kế so với cùng kỳ: 105,7")
    cells = extract(row, period=Period("months", 2023, 11))
    assert [(c.value, c.kind, c.period) for c in cells] == [
        ("19.000", "target", Period("year", 2023)), ("17.862", "result", Period("months", 2023, 11)),
        ("94,0", "share", Period("months", 2023, 11)), ("105,7", "change", Period("months", 2023, 11))]


def test_abbreviated_columns_name_their_period_and_kind():
    # figures invented: 'KH 2024' is the plan, 'TH 6T/2024' the half year's result, '% KH' / '% CK' the share and change
    # (of the result's half year: the plan's column dates no other)
    from tracuu.ingest.types import Period
    row = "Bảng 1 > Số doanh nghiệp thành lập mới > ĐVT: doanh nghiệp; KH 2024: 150; TH 6T/2024: 71; % KH: 47,3; % CK: 109,2"
    half = Period("half", 2024, 1)
    assert [(c.value, c.kind, c.period) for c in extract(row)] == [
        ("150", "target", Period("year", 2024)), ("71", "result", half), ("47,3", "share", half),
        ("109,2", "change", half)]
    assert rank(extract(row), weighted({}), asked=[Period("half", 2024, 1)])[0].value == "71"


def test_lead_line_keeps_whole_words_and_the_direction_of_a_change():
    # figures invented (tests/data/generality): 'giải ngân' is not cut to 'giải n' by the trailing 'gân'
    quote = "Đến ngày 30/9/2024 đã giải ngân 2.654,3 tỷ đồng, đạt 56,8% kế hoạch."
    first = extract(quote)[0]
    assert first.indicator.endswith("giải ngân") and first.value == "2.654,3"
    quote = "Tổng sản phẩm trên địa bàn tỉnh (GRDP) 6 tháng chỉ tăng 1,26% so với cùng kỳ, thấp hơn cả nước."
    first = extract(quote)[0]
    assert first.kind == "change" and first.indicator.endswith("6 tháng")  # 'chỉ tăng' names no quantity
    assert ": tăng 1,26% so với cùng kỳ" in lead_line(first, quote, None)
    assert ": giảm 8,9%" in lead_line(extract("Thu ngân sách giảm 8,9% so với cùng kỳ.")[0],
                                     "Thu ngân sách giảm 8,9% so với cùng kỳ.", None)
    # the second change of a sentence: its name stops before the first one's figure (set AY's Cao Bằng)
    quote = "Chỉ số sản xuất công nghiệp (IIP) tháng 11/2025 ước tăng 3,8% so với tháng trước và tăng 12,6% so với cùng kỳ."
    second = extract(quote)[1]
    assert lead_line(second, quote, "tháng 11/2025").startswith("Chỉ số sản xuất công nghiệp (IIP) tháng 11/2025: tăng 12,6%")


def test_a_share_ranks_after_the_value_it_is_a_share_of():
    # the words after a share name the plan ('33.4% kế hoạch vốn'), not what is measured (English notation)
    quote = ("Tính đến ngày 30/6/2024, Gia Lai mới giải ngân được 1,186.7 tỷ đồng, đạt 33.4% kế hoạch vốn năm 2024 "
             "(3,553.0 tỷ đồng).")
    weights = {"giai": 3.0, "ngan": 3.0, "von": 1.0, "dau": 1.0, "tu": 1.0, "cong": 1.0}
    assert rank(extract(quote), weighted(weights))[0].value == "1,186.7"


def test_a_bracketed_baseline_value_is_its_period_s_and_its_line_ends_at_the_bracket():
    quote = "Riêng quý III/2023, GRDP giảm 1,64% so với cùng kỳ, thu hẹp so với quý I (giảm 7,95%) và quý II (giảm 2,83%)."
    figs = {f.value: f for f in extract(quote)}
    assert figs["7,95"].period.index == 1 and figs["1,64"].period.index == 3
    line = lead_line(figs["7,95"], quote, "quý I/2023")
    assert line.endswith(": giảm 7,95% [1]") and "2,83" not in line


# which figure leads: the words each figure owns (invented sentences of the shapes reports use)

def _w(*words: str, weight: float = 2.0) -> dict:
    from tracuu.index.lexical import tokenize
    return {t: weight for w in words for t in tokenize(w)}


def test_numbers_inside_the_indicator_phrase_do_not_cut_it_and_the_clause_subject_is_shared():
    quote = ("Tỷ lệ dân số từ 18 tuổi trở lên được tiêm đủ 2 mũi đạt 94,34%, tiêm mũi nhắc lại đạt 60,1%, "
             "trẻ em từ 12 đến 17 tuổi tiêm mũi 1 đạt 98,5%.")
    figs = extract(quote)
    assert rank(figs, weighted(_w("tỷ lệ", "tiêm", "đủ 2 mũi", "18 tuổi")))[0].value == "94,34"
    assert rank(figs, weighted(_w("tỷ lệ", "tiêm", "mũi nhắc lại", "18 tuổi")))[0].value == "60,1"
    assert rank(figs, weighted(_w("trẻ em", "tiêm")))[0].value == "98,5"
    # the question names only the shared subject: the first figure of the clause
    assert rank(figs, weighted(_w("tỷ lệ dân số")))[0].value == "94,34"


def test_a_part_after_trong_do_carries_its_whole_s_words():
    quote = "Tổng diện tích gieo trồng vụ Đông ước đạt 3.666 ha, trong đó: 2.128 ha rau, 173 ha ngô đông, 548 ha khoai tây."
    figs = extract(quote)
    assert rank(figs, weighted(_w("diện tích", "rau", "vụ đông")))[0].value == "2.128"
    assert rank(figs, weighted(_w("diện tích", "khoai tây")))[0].value == "548"
    assert rank(figs, weighted(_w("tổng diện tích gieo trồng", "vụ đông")))[0].value == "3.666"


def test_a_bracket_breaking_a_figure_down_holds_its_parts():
    # the 2021 press release's sentence: the counts in the bracket are parts of the figure before it; a bare
    # bracketed value after a comparison keeps the words before the bracket (the whole country's, a reference)
    quote = ("Đã xây mới, sửa chữa được 377/618 nhà ở cho người có công với cách mạng khó khăn về nhà ở (xây mới "
             "124/208 hộ, sửa chữa 253/410 hộ), đạt 61% kế hoạch.")
    figs = extract(quote)
    whole, built, mended = figs[:3]
    assert built.part_of is whole and mended.part_of is whole and (built.own, mended.own) == ("xây mới", "sửa chữa")
    question = "Năm 2021 tỉnh dựng mới và tu bổ được bao nhiêu căn nhà cho gia đình có công với cách mạng?"
    words = set(tokenize(fold(question)))
    assert rank(figs, weighted({t: 1.0 for t in words}), words=words, question=question)[0].value == "377/618"
    # invented figures
    figs = extract("GRDP 9 tháng tăng 5,73%, cao hơn mức tăng chung của cả nước (4,24%).")
    assert [(f.value, f.reference, f.part_of) for f in figs] == [("5,73", False, None), ("4,24", True, None)]


def test_a_footnote_breaking_a_figure_down_carries_the_marked_figure_s_words():
    # invented figures; the footnote is its own quote (source [2]), as the engine appends it
    whole = extract("Năm 2024 tổng diện tích nuôi trồng thủy sản ước đạt 1.240 ha²; sản lượng đạt 9.800 tấn.")
    assert whole[0].unit == "ha"  # the mark glued to the unit leaves the unit readable
    parts = extract("² Trong đó: 610 ha nuôi tôm, 420 ha nuôi cá tra, 210 ha thủy sản khác.", n=2, earlier=whole)
    assert parts[0].indicator.endswith("tổng diện tích nuôi trồng thủy sản, trong đó")
    figs = whole + parts
    assert rank(figs, weighted(_w("diện tích", "nuôi tôm")))[0].value == "610"
    assert rank(figs, weighted(_w("diện tích", "cá tra")))[0].value == "420"
    assert rank(figs, weighted(_w("tổng diện tích", "nuôi trồng thủy sản")))[0].value == "1.240"
    # the figure line quotes the footnote it stands in, not the first quote
    assert lead_line(parts[1], whole[0].quote, "năm 2024").endswith("420 ha nuôi cá tra, 210 ha thủy sản khác [2]")
    # a mark on another figure, or a footnote that is no breakdown, lends no whole
    other = extract("¹ Số liệu sơ bộ: 610 ha nuôi tôm.", n=2, earlier=whole)
    assert "diện tích" not in other[0].head


def test_a_programme_s_name_is_no_aim_and_a_plan_cut_at_the_passage_edge_is_still_a_share():
    figs = extract("Vốn NSTW: 2.310,5 tỷ đồng, trong đó: Chương trình mục tiêu quốc gia giảm nghèo: 412 tỷ đồng, "
                   "đạt 77,3% kế")
    assert [(f.value, f.kind) for f in figs] == [("2.310,5", "result"), ("412", "result"), ("77,3", "share")]
    assert extract("Mục tiêu năm 2025 trồng mới 3.000 ha rừng.")[0].kind == "target"


def test_a_label_and_its_value_after_a_colon():
    figs = extract("Trong đó: Vốn ngân sách tỉnh: 1.226,1 tỷ đồng, đạt 96,7% kế hoạch; Vốn NSTW: 1.687,7 tỷ đồng, "
                   "đạt 81,4% kế hoạch.")
    assert [(f.value, f.indicator) for f in figs if f.kind == "result"] == [("1.226,1", "Vốn ngân sách tỉnh"),
                                                                            ("1.687,7", "Vốn NSTW")]


def test_what_a_question_counts_picks_the_figure_unit_or_not():
    from tracuu.qa.figure_asks import counted
    quote = ("Thành lập mới 258 doanh nghiệp, đạt 51,6% kế hoạch, và 18 hợp tác xã. Các lực lượng chức năng "
             "xử lý 480 vy (OCR), trong đó 398 vụ buôn lậu.")
    figs = extract(quote)
    question = "6 tháng đầu năm 2023 thành lập mới bao nhiêu hợp tác xã"
    assert counted(question) == {("hop", "tac", "xa")}
    assert rank(figs, weighted(_w("thành lập mới")), nouns=counted(question))[0].value == "18"
    # 'vy' is how OCR reads 'vụ'; the longer phrase said after the figure wins
    assert rank(figs, weighted(_w("xử lý")), nouns=counted("xử lý bao nhiêu vụ"))[0].value == "480"
    assert rank(figs, weighted(_w("xử lý")), nouns=counted("xử lý bao nhiêu vụ buôn lậu"))[0].value == "398"
    # a small count is kept when it is what the question counts, dropped otherwise
    plan = "Ký hợp đồng thực hiện 05 đề tài, dự án khoa học và công nghệ."
    assert [f.value for f in extract(plan, nouns=counted("bao nhiêu đề tài"))] == ["05"]
    assert extract(plan) == []
    # 'tài khoản' typed with its marks is what is counted; 'tại' (at) and unmarked 'tai' are not
    assert counted("đã thu nhận bao nhiêu tài khoản định danh") == {("tai", "khoan", "dinh")}
    assert counted("có bao nhiêu tại thời điểm 30/6") == counted("co bao nhieu tai thoi diem 30/6") == set()
    accounts = extract("Tiếp nhận 52.310 hồ sơ đăng ký tài khoản, lũy kế đã thu nhận 140.925/180.000 tài khoản.")
    assert rank(accounts, weighted(_w("thu nhận", "tài khoản")),
                nouns=counted("đã thu nhận bao nhiêu tài khoản"))[0].value == "140.925/180.000"


def test_numbers_the_question_states_are_not_the_answer():
    from tracuu.qa.figure_asks import given
    assert given("Năm 2021 HĐND tỉnh giao 18 chỉ tiêu, bao nhiêu chỉ tiêu đạt và vượt?") == {18.0}
    assert given("tăng trưởng GRDP 6 tháng đầu năm 2023 là bao nhiêu") == set()  # a period's numbers are no figure
    figs = extract("Trong số 18 chỉ tiêu chủ yếu HĐND tỉnh giao, có 14 chỉ tiêu đạt và vượt kế hoạch.")
    assert rank(figs, weighted(_w("chỉ tiêu", "đạt")), known={18.0})[0].value == "14"


def test_of_several_things_asked_the_first_leads():
    from tracuu.qa.figure_asks import asks_change, first_ask
    assert first_ask("Trung tâm tiếp nhận bao nhiêu hồ sơ và tỷ lệ nộp trực tuyến là bao nhiêu?") == \
        "trung tam tiep nhan bao nhieu ho so"
    assert first_ask("Tổng chi ước bao nhiêu, giảm bao nhiêu so với cùng kỳ?") == "tong chi uoc bao nhieu"
    assert first_ask("GRDP tăng bao nhiêu") == "grdp tang bao nhieu"
    assert first_ask("GRDP tăng bao nhiêu so với cùng kỳ, khu vực nào tăng mạnh nhất?") == \
        "grdp tang bao nhieu so voi cung ky"  # 'nào' asks a second thing
    # a yes-or-no ask after the figure's (set BX's Hà Nam: the plan's 9,5% had led for the result asked)
    assert first_ask("Tốc độ tăng trưởng GRDP năm 2024 của Hà Nam là bao nhiêu, có đạt kế hoạch không?") == \
        "toc do tang truong grdp nam 2024 cua ha nam la bao nhieu"
    assert first_ask("Xuất khẩu có đạt kế hoạch không?") == "xuat khau co dat ke hoach khong?"
    assert not asks_change("Tổng chi ngân sách là bao nhiêu, giảm bao nhiêu so với cùng kỳ?")
    assert asks_change("chỉ số sản xuất công nghiệp quý I tăng bao nhiêu")
    # ('giám sát', 'giám đốc', 'tăng cường' fold as 'giảm', 'tăng' do; set AP's supervision team, invented)
    assert not asks_change("Đoàn giám sát HĐND xác định số giải ngân thực chất 9 tháng năm 2025 là bao nhiêu?")
    assert not asks_change("Giám đốc Sở cho biết thu ngân sách 5 tháng đạt bao nhiêu?")


def test_a_cut_off_month_after_the_period_named_is_not_the_figure_s_period():
    from tracuu.ingest.types import Period
    fig = extract("Giải ngân kế hoạch vốn năm 2026 đến hết tháng 01/2026: 150 tỷ đồng, đạt 7,9% kế hoạch.")[0]
    assert (fig.value, fig.period) == ("150", Period("year", 2026))
    # OCR's 'Pén hét' is 'Đến hết'; a cut-off alone still dates its figure
    fig = extract("Giải ngân vốn năm 2023 Pén hét thang 6/2023 dat 1.158,8 ty dong.")[0]
    assert fig.period == Period("year", 2023)
    fig = extract("Đến hết tháng 6/2023 có 180 xã đạt Bộ tiêu chí quốc gia về y tế xã.")[0]
    assert fig.period == Period("month", 2023, 6)


def test_a_figure_the_clause_compares_with_is_not_its_answer():
    from tracuu.qa.figure_asks import units_in
    quote = ("Tốc độ tăng trưởng kinh tế (GRDP) 9 tháng năm 2023 ước đạt 5,08%, cao hơn mức 4,24% của cả nước; "
             "trong đó khu vực nông, lâm nghiệp và thủy sản tăng 3,62%.")
    figs = extract(quote)
    assert [f.value for f in figs if f.reference] == ["4,24"]
    assert rank(figs, weighted(_w("tăng trưởng", "GRDP")))[0].value == "5,08"
    assert rank(figs, weighted(_w("tăng trưởng", "GRDP")), references=True)[0].value == "5,08"
    assert rank(figs, weighted(_w("nông, lâm nghiệp và thủy sản")))[0].value == "3,62"
    # a rate question wants a percent, not the GRDP per head
    other = extract("GRDP bình quân đầu người đạt 78,6 triệu đồng. Tổng sản phẩm trên địa bàn (GRDP) năm 2024 ước "
                    "tăng 7,02% so với năm 2023.")
    assert "%" in units_in("Tăng trưởng GRDP Hà Tĩnh năm 2024 là bao nhiêu?")
    assert rank(other, weighted(_w("GRDP")), units=units_in("Tăng trưởng GRDP năm 2024 là bao nhiêu?"))[0].value == "7,02"


def test_the_baseline_a_question_names_picks_the_change_and_ocr_giam_is_a_fall():
    from tracuu.qa.figure_asks import against
    quote = "Chỉ số sản xuất công nghiệp tháng 10/2022 ước tăng 2,3% so với tháng trước và tăng 9,1% so với cùng kỳ năm trước."
    figs = extract(quote)
    question = "Chỉ số sản xuất công nghiệp tháng 10/2022 tăng bao nhiêu so với cùng kỳ năm trước?"
    assert against(question) == {"cung ky"}
    assert rank(figs, weighted(_w("chỉ số sản xuất công nghiệp")), wants_change=True,
                baselines=against(question))[0].value == "9,1"
    assert rank(figs, weighted(_w("chỉ số sản xuất công nghiệp")), wants_change=True,
                baselines=against("IIP tháng 10/2022 so với tháng trước"))[0].value == "2,3"
    # the months named by number: September is October's month before, October 2021 its same month a year before
    assert rank(figs, weighted(_w("chỉ số sản xuất công nghiệp")), wants_change=True,
                baselines=against("IIP tháng 10/2022 so với tháng 9/2022"))[0].value == "2,3"
    assert rank(figs, weighted(_w("chỉ số sản xuất công nghiệp")), wants_change=True,
                baselines=against("IIP tháng 10/2022 so với tháng 10/2021"))[0].value == "9,1"
    # (three years apart is no 'cùng kỳ': the month named is the baseline, as printed)
    assert against("IIP tháng 10/2022 so với tháng 10/2019") == {"thang 10"}
    # a share of the plan, as OCR prints it ('% téng ké hoach'); the value asked first, its share second
    ocr = extract("Két qua giai ngan trong 6 thang 1.158,8 ty dong, dat 29,8% téng ké hoach giao.")
    assert [f.kind for f in ocr] == ["result", "share"]
    assert against("Giải ngân đạt bao nhiêu phần trăm kế hoạch?") == {"ke hoach", "chi tieu"}  # a plan's target
    assert against("Thu ngân sách ước đạt bao nhiêu và bằng bao nhiêu % kế hoạch?") == set()
    fall = extract("Doanh thu du lich uoc dat 277 ty dong, gidm 19,3% so voi cung ky.")[1]
    assert (fall.kind, fall.number) == ("change", -19.3)


def test_ocr_s_so_voi_and_a_baseline_stated_once_for_a_list_of_changes():
    # figures invented: OCR prints 'so với' as 'so v&i', 'so v6i', 'so Vi'; some reports write 'so cùng kỳ'
    from tracuu.qa.figure_asks import against
    cues = against("chi đầu tư phát triển tăng bao nhiêu so với cùng kỳ")
    for written in ("so v&i cung ky", "so v6i cing ky", "so Vi cung ky", "so cùng kỳ"):
        figs = extract(f"Chi thuong xuyén 1a 512,4 ty dong, giam 8,2% so vdi cung ky; trong d6 chi dau tu phat trién "
                       f"1a 96,0 ty dong, ting 27,5% {written}.")
        assert rank(figs, weighted(_w("chi đầu tư phát triển")), wants_change=True, baselines=cues)[0].value == "27,5"
    # the parts after 'trong đó' share their whole's baseline: the asked part's change leads
    figs = extract("Tổng kim ngạch xuất nhập khẩu quý I ước 640 triệu USD, giảm 4,1% so với cùng kỳ, trong đó: xuất "
                   "khẩu 190 triệu USD, giảm 22,6%; nhập khẩu 450 triệu USD, tăng 6,3%.")
    assert rank(figs, weighted(_w("xuất khẩu")), wants_change=True,
                baselines=against("xuất khẩu quý I giảm bao nhiêu phần trăm so với cùng kỳ"))[0].value == "22,6"


def test_the_whole_country_s_figure_is_a_reference_and_a_subject_named_after_khi_is_the_figure_s_own():
    # figures invented
    figs = extract("Năm 2024, kinh tế tỉnh tăng trưởng thấp hơn kỳ vọng khi GRDP chỉ tăng 3,12%, chưa bằng một nửa mức "
                   "tăng 6,9% của cả nước.")
    assert [(f.value, f.reference) for f in figs] == [("3,12", False), ("6,9", True)]
    assert rank(figs, weighted(_w("tăng trưởng", "GRDP")))[0].value == "3,12"


def test_the_parts_of_a_plan_amount_are_planned_too():
    # figures invented: a plan and its breakdown state no result; a result after it stays one
    figs = extract("Tổng kế hoạch vốn đầu tư công năm 2024 là 4.512,6 tỷ đồng, trong đó: vốn ngân sách địa phương "
                   "1.830,2 tỷ đồng, vốn ngân sách trung ương 2.682,4 tỷ đồng. Kết quả giải ngân 6 tháng đạt "
                   "1.204,5 tỷ đồng, đạt 26,7% kế hoạch.")
    assert [(f.value, f.kind) for f in figs] == [("4.512,6", "target"), ("1.830,2", "target"), ("2.682,4", "target"),
                                                 ("1.204,5", "result"), ("26,7", "share")]
    # a plan in brackets is no whole of the parts after it
    figs = extract("Lượt khách du lịch tăng 9,1%, vượt 2,0% kế hoạch năm (3.100 nghìn lượt); trong đó khách quốc tế "
                   "121,5 nghìn lượt.")
    assert figs[-1].kind == "result"


def test_fractions_and_the_year_on_year_change_by_default():
    figs = extract("Đến cuối năm 2024 toàn tỉnh có 80/87 xã đạt chuẩn nông thôn mới; ngày 12/12 đạt 5.000 tỷ đồng.")
    assert [(f.value, f.number, f.unit) for f in figs] == [("80/87", 80.0, "xã"), ("5.000", 5000.0, "tỷ đồng")]
    iip = extract("Chỉ số sản xuất công nghiệp tháng 9/2024 tăng 4,2% so với tháng trước và tăng 21,36% so với cùng kỳ.")
    assert rank(iip, weighted(_w("chỉ số sản xuất công nghiệp")))[0].value == "21,36"
    from tracuu.qa.figure_asks import against
    assert rank(iip, weighted(_w("chỉ số sản xuất công nghiệp")),
                baselines=against("IIP tháng 9/2024 so với tháng trước"))[0].value == "4,2"


def test_a_plan_cell_with_a_bound_is_a_figure():
    # invented row, as the Markdown/Word loaders render it: the plan column says '8,0 trở lên'
    cells = extract("Bảng 1 > Tốc độ tăng trưởng GRDP; ĐVT: %; Ước thực hiện 2024: 6,68; Kế hoạch 2025: 8,0 trở lên")
    plan = [c for c in cells if c.kind == "target"]
    assert plan and plan[0].value == "8,0 trở lên" and plan[0].number == 8.0 and plan[0].period.year == 2025
    assert extract("Bảng 2 > Tỷ lệ giải ngân; ĐVT: %; Thực hiện 2024: 96,2; Kế hoạch 2025: ≥ 95")[-1].number == 95
    # a range ('8 - 8,5'): printed whole, read as its lower bound
    ranged = extract("Bảng 3 > Tốc độ tăng GRDP > ĐVT: %; Thực hiện 6 tháng 2023: 3,6; Kế hoạch năm 2024: 8 - 8,5")
    assert (ranged[-1].value, ranged[-1].number, ranged[-1].kind) == ("8 - 8,5", 8.0, "target")


def test_a_written_date_s_day_is_no_figure():
    values = [f.value for f in extract("Đắk Nông, ngày 12 tháng 12 năm 2023, thu ngân sách đạt 2.864,5 tỷ đồng.")]
    assert values == ["2.864,5"]


@pytest.mark.parametrize("text", ["Thực hiện Nghị quyết số 63-NQ/TU ngày 29/12/2021 của Ban Thường vụ Tỉnh ủy.",
                                  "Theo Chỉ thị 06-CT/TU và Công văn 1234/UBND-KT, triển khai kế hoạch."])
def test_a_document_number_is_no_figure(text):
    assert extract(text) == []


def test_a_baseline_misread_by_ocr_still_names_the_asked_one():
    # invented OCR'd sentence: the revenue's rise is against 'cing ky' (cùng kỳ), the visitors' against 'cung ky'
    quote = ("6 thang dau nam thu hut 1.820,4 nghin luot khach, tang 21,5% so voi thang truoc; doanh thu 912,6 ty dong, "
             "tang 38,2% so véi cing ky.")
    figs = rank(extract(quote), weighted({"tang": 1.0}), wants_change=True, baselines={"cung ky"})
    assert figs[0].value == "38,2"


def test_a_number_inside_the_words_is_no_earlier_figure():
    # invented: 'cả 3 tuyến' is part of what 254.104 counts, not a figure whose clause ends at the comma
    figs = extract("Khám và chữa bệnh công lập cả 3 tuyến, khám được 254.104 lượt, giảm 4% so với cùng kỳ.")
    assert "công lập" in figs[0].head and figs[0].value == "254.104"


def test_an_aim_governs_the_items_of_its_list():
    # invented: the items after ';' of a sentence that opens with 'phấn đấu' are aims; a results list is not
    plan = extract("Năm 2026, tỉnh phấn đấu GRDP tăng 10%; tổng thu ngân sách 25.800 tỷ đồng; đón 15 triệu lượt khách.")
    assert [f.kind for f in plan] == ["target"] * 3
    done = extract("Năm 2025, GRDP tăng 8,1%; thu ngân sách 23.486,5 tỷ đồng. Mục tiêu năm 2026 GRDP tăng 10%.")
    assert [f.kind for f in done] == ["change", "result", "target"]


def test_a_value_in_brackets_after_the_plan_is_the_plan_s():
    # invented: 850 is the plan the share is of, not what was achieved
    figs = extract("Năm 2025 mới đạt 99,6% kế hoạch khách quốc tế (850 nghìn lượt).")
    assert [(f.value, f.kind, f.reference) for f in figs] == [("99,6", "share", False), ("850", "target", True)]
    assert [f.kind for f in extract("Giải ngân 1.158,8 tỷ đồng (đạt 29,8% kế hoạch).")] == ["result", "share"]


def test_a_bare_month_takes_its_year_in_its_own_sentence():
    from tracuu.ingest.types import Period
    # invented: a January 2023 report; the sentence before names the 2022 budget
    quote = ("Công khai tình hình thực hiện dự toán ngân sách năm 2022. Tổng thu ngân sách ước thực hiện tháng 01 "
             "là 412,5 tỷ đồng, đạt 5,3% dự toán.")
    assert extract(quote, period=Period("month", 2023, 1))[0].period == Period("month", 2023, 1)


def test_a_figure_of_what_lies_outside_the_asked_words_ranks_after_it():
    from tracuu.index.lexical import words_of
    # invented figures: the 'ngoài nhà nước' clause holds more of the question's words, yet is not what it asks
    figs = extract("Vốn đầu tư khu vực ngoài nhà nước trên địa bàn tỉnh đạt 9.340 tỷ đồng; khu vực nhà nước "
                   "đạt 8.120 tỷ đồng.")
    w = weighted(_w("vốn đầu tư", "nhà nước", "địa bàn"))
    assert rank(figs, w, words=set(words_of("vốn đầu tư nhà nước trên địa bàn")))[0].value == "8.120"
    assert rank(figs, w, words=set(words_of("vốn đầu tư ngoài nhà nước trên địa bàn")))[0].value == "9.340"


def test_a_frame_before_the_comma_makes_no_whole_a_part():
    """Of equal cover, the figure whose own clause holds fewer words the question lacks comes first: the whole
    before its part ('đồng bào dân tộc thiểu số'), though a frame before the whole's comma holds many (invented)."""
    from tracuu.index.lexical import words_of
    figs = extract("Theo chuẩn nghèo đa chiều giai đoạn 2016-2020 (áp dụng cho năm 2024), tỷ lệ hộ nghèo cuối năm 2024 "
                   "giảm còn 4,18%. Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số còn 11,06%.")
    q = "tỷ lệ hộ nghèo của tỉnh năm 2024 là bao nhiêu"
    assert rank(figs, weighted(_w("tỷ lệ", "hộ nghèo")), words=set(words_of(fold(q))),
                question=q)[0].value == "4,18"
    # (the part still leads when it is asked)
    q = "tỷ lệ hộ nghèo đồng bào dân tộc thiểu số cuối năm 2024"
    assert rank(figs, weighted(_w("tỷ lệ", "hộ nghèo", "dân tộc", "thiểu số")), words=set(words_of(fold(q))),
                question=q)[0].value == "11,06"


def test_a_running_total_after_the_month_carries_the_indicator_named_before_it():
    """Statistics releases print the month, then the running total with only its period ('Lũy kế 9 tháng
    ước đạt ...', 'tính chung quý I ...'): the total is of the indicator just named (figures invented)."""
    quote = ("Sản lượng điện sản xuất tháng 7/2025 ước đạt 412,5 triệu kWh, tăng 6,1% so với cùng kỳ. "
             "Lũy kế 7 tháng ước đạt 2.846,2 triệu kWh, tăng 5,4%. Số lượt khách quốc tế tháng 7 đạt 18,2 nghìn lượt.")
    total = next(f for f in extract(quote) if f.value == "2.846,2")
    assert total.indicator.startswith("Sản lượng điện sản xuất") and "7 tháng" in total.indicator
    assert "7/2025" not in total.indicator  # the month's period is not the total's
    assert "san luong dien" in fold(total.head).lower()
    ocr = extract("Thu ngan sach thang 3 uoc dat 612,4 ty dong; tinh chung quy I dat 1.804,7 ty dong, bang 26,1% du toan.")
    q1 = next(f for f in ocr if f.value == "1.804,7")
    assert q1.indicator.lower().startswith("thu ngan sach") and "quy I" in q1.indicator
    # words of their own beside a period are kept: 'Năm 2024 có thêm 23 xã' is not a total of what came before
    more = next(f for f in extract("Toàn tỉnh có 118 xã đạt chuẩn nông thôn mới. Năm 2024 có thêm 23 xã đạt chuẩn.")
                if f.value == "23")
    assert "có thêm" in more.indicator and "118" not in more.head


def test_a_thousands_group_split_by_ocr_is_one_figure_and_no_sentence_end():
    figs = extract("Tổng chi 5.299,8 tỷ đồng, tăng 29,7%, trong đó chi cân đối 4. 310,2 tỷ đồng, tăng 13,7%. "
                   "Năm 2023. 310 hộ được hỗ trợ.")
    split = next(f for f in figs if f.value == "4. 310,2")
    assert split.number == 4310.2 and split.sentence == 0
    assert next(f for f in figs if f.value == "13,7").sentence == 0
    assert "chi cân đối" in next(f for f in figs if f.value == "13,7").head
    assert not any(f.number == 2023.31 or f.value.startswith("2023") for f in figs)  # a year ending a sentence stays apart


def test_ocr_tang_before_a_part_s_change_leaves_it_the_part_s_words():
    figs = extract("tong kim ngach xuat nhap khau 2.285 trieu USD, ting 101,1%, trong do xuat khau 1.280 trieu USD, ting 322,4%")
    assert next(f for f in figs if f.value == "322,4").head.endswith("xuat khau")


def test_a_count_of_months_is_a_span_of_time_not_a_figure():
    # 'kinh tế 10 tháng' in a news page's keywords; 'sau 6 tháng' (figures invented)
    assert extract("Từ khóa: Lào Cai, Yên Bái, du lịch Sa Pa, kinh tế 10 tháng") == []
    assert [f.value for f in extract("Sau 12 tháng triển khai, thu ngân sách 10 tháng đạt 5.000 tỷ đồng")] == ["5.000"]
    assert [f.value for f in extract("Lắp đặt 25 thang máy tại các chung cư")] == ["25"]


def test_who_is_counted_and_a_name_s_number_are_no_figures_and_ocr_s_split_decimal_is_one():
    # OCR'd sample sentence shape (figures invented): the age band and 'COVID-19' qualify, '98 ,98%' is 98,98%
    figs = extract("Tinh dén ngay 31/3/2022, ty 1& dan sd trén 18 tudi tiém mii 1 dat 99,87%, tiém du 2 mui dat 98 ,98%")
    assert [(f.value, f.number) for f in figs] == [("99,87", 99.87), ("98 ,98", 98.98)]
    assert "18 tudi" in figs[0].head and figs[1].head.endswith("tiém du 2 mui")
    assert [f.value for f in extract("Phòng, chống dịch COVID-19: trẻ em từ 12 - 17 tuổi tiêm đạt 98,55%")] == ["98,55"]
    assert [f.value for f in extract("Tuổi thọ trung bình đạt 74,5 tuổi")] == ["74,5"]  # an age that is the figure


def test_a_span_of_days_naming_the_period_is_no_figure():
    for text in ("Trong 19 ngày đầu tháng 01/2023, Trung tâm tiếp nhận 8.259 hồ sơ.",
                 "10 ngày cuối năm 2024 giải ngân thêm 412,5 tỷ đồng", "trong 30 ngày qua thu 45 tỷ đồng"):
        values = [f.value for f in extract(text, small=True)]
        assert values and all(v not in ("19", "10", "30") for v in values), (text, values)
    assert [f.value for f in extract("tổ chức 15 ngày hội việc làm, thu hút 3.200 lượt người", small=True)][:1] == ["15"]


def test_a_span_of_years_is_no_figure():
    values = [f.value for f in extract("Năm học 2022-2023, tỷ lệ tốt nghiệp THPT đạt 98,6%; giai đoạn 2021 - 2025 "
                                       "xây mới 12 trường", small=True)]
    assert values == ["98,6", "12"], values


def test_a_figure_a_measure_is_taken_to_ensure_is_a_target():
    # figures invented
    aim = extract("Triển khai các biện pháp để bảo đảm tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn "
                  "trình trên địa bàn tỉnh đạt tối thiểu 75%.")
    assert [(f.value, f.kind) for f in aim] == [("75", "target")]
    aim = extract("Tăng cường kiểm tra nhằm đảm bảo tỷ lệ giải ngân vốn đầu tư công cả năm đạt trên 95%.")
    assert [f.kind for f in aim] == ["target"]
    done = extract("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt 81,4%, bảo đảm đúng hạn.")
    assert [(f.value, f.kind) for f in done] == [("81,4", "result")]


def test_a_small_fraction_is_a_figure():
    # figures invented: a rank out of a group and a share of a count are what a sentence states
    assert [f.value for f in extract("Chỉ số PCI năm 2024 xếp thứ 4/14 tỉnh miền núi phía Bắc.", small=True)] == ["4/14"]
    assert [f.value for f in extract("có 5/13 huyện hoàn thành kế hoạch giải ngân")] == ["5/13"]  # (3/11 reads as a date)


def test_a_yield_is_in_its_own_unit():
    # figures invented: a yield per hectare is no bare number, and no count of tonnes or hectares
    figs = extract("Năng suất lúa bình quân ước đạt 52,4 tạ/ha, sản lượng 165 nghìn tấn; cà phê 2,8 tấn/ha.")
    assert [(f.value, f.unit) for f in figs] == [("52,4", "tạ/ha"), ("165", "nghìn tấn"), ("2,8", "tấn/ha")]


def test_what_each_of_two_joined_figures_measures():
    # 'với' names the next figure's measure; 'và' ends what a unitless count counts (invented figures)
    firms, capital = extract("Tính đến ngày 15/3/2024, tỉnh Trà Vinh có 112 doanh nghiệp thành lập mới với tổng vốn "
                             "đăng ký 1.245,6 tỷ đồng.")
    assert "tổng vốn đăng ký" in capital.head and "tổng vốn" not in firms.context
    doctors, beds = extract("Đến hết tháng 6/2024 có 95 xã đạt Bộ tiêu chí quốc gia về y tế; bình quân 9,8 bác sỹ "
                            "và 31,2 giường bệnh trên 1 vạn dân.")[1:]
    assert "bác sỹ" not in beds.own and "giường bệnh" in beds.context and "giường" not in doctors.context
    # a baseline's 'so với' is no next measure
    change, = [f for f in extract("Xuất khẩu tăng 12,4% so với cùng kỳ năm trước.") if f.kind == "change"]
    assert "cùng kỳ" in change.after


def test_a_sentence_s_frame_is_every_figure_s_and_their_own_words_tell_them_apart():
    # 'Kết quả rà soát ..., tổng số hộ nghèo là X; tổng số hộ cận nghèo là Y' (invented figures)
    quote = ("Kết quả điều tra, rà soát hộ nghèo, hộ cận nghèo tỉnh Hậu Giang năm 2024, tổng số hộ nghèo toàn tỉnh "
             "là 6.412 hộ, chiếm tỷ lệ 2,31%; tổng số hộ cận nghèo là 9.870 hộ, chiếm 3,55%.")
    figs = extract(quote)
    assert rank(figs, weighted(_w("hộ cận nghèo", "rà soát")))[0].value == "9.870"
    assert rank(figs, weighted(_w("hộ nghèo", "rà soát")))[0].value == "6.412"
    # a list's commas are no frame: the whole name leads ('Tổng số thu BHXH, BHYT, BHTN ước đạt ...')
    quote = "Tổng số thu BHXH, BHYT, BHTN ước đạt 412.650 triệu đồng, tăng 8.120 triệu đồng; tổng chi 702.118 triệu đồng."
    assert rank(extract(quote), weighted(_w("tổng thu", "bhxh", "bhyt", "bhtn")))[0].value == "412.650"


def test_a_claim_s_count_out_of_a_total_is_a_figure():
    # a reporter's 'chỉ có 2 trong số 18': the 2 is what is claimed; in a report's prose a bare digit stays no figure
    claimed = [f.value for f in extract("Năm 2024 chỉ có 2 trong số 15 chỉ tiêu không đạt kế hoạch.", small=True)]
    assert claimed[:2] == ["2", "15"]
    assert "3" in [f.value for f in extract("Có 3 trên tổng số 12 xã chưa hoàn thành.", small=True)]
    assert "3" not in [f.value for f in extract("Tập trung 3 khu vực trọng điểm, thu 120 tỷ đồng.", small=True)]


def test_a_scale_word_before_a_counted_noun_is_read_as_printed():
    # 'nghìn hộ' is thousands of households, not an OCR'd 'nghìn ha'; a unit misread by a letter is still repaired
    assert scaled(17.5, "nghìn hộ") == (17500.0, "ho")
    assert scaled(2, "nghìn ha") == (2000.0, "ha")
    assert scaled(5, "tỷ déng") == scaled(5, "tỷ đồng")


def test_a_table_wide_unit_ends_where_the_row_path_goes_on():
    # figures invented: a Markdown table whose unit line heads the path to the row
    from tracuu.qa.figures import table_cells
    row = ("Đơn vị tính: tỷ đồng > Chi thường xuyên > Dự toán năm 2024: 9.100,0; Thực hiện 9 tháng năm 2023: 6.010,2; "
           "Ước thực hiện 9 tháng năm 2024: 6.805,7; So với dự toán (%): 74,8")
    cells = table_cells(row)
    done = next(c for c in cells if c.value == "6.805,7")
    assert done.unit == "tỷ đồng" and done.indicator == "Chi thường xuyên"
    assert lead_line(done, row, None) == "Chi thường xuyên — Ước thực hiện 9 tháng năm 2024: 6.805,7 tỷ đồng [1]"


def test_a_change_right_after_a_baseline_is_the_period_s_own():
    # 'so với cùng kỳ năm 2022 tăng 15 vụ' is this period's change (figures invented); bracketed, the baseline's
    figs = extract("Sáu tháng đầu năm 2023 xảy ra 30 vụ, so với cùng kỳ năm 2022 tăng 15 vụ (100%).",
                   period=Period("half", 2023, 1))
    assert next(f for f in figs if f.value == "15").period == Period("half", 2023, 1)


def test_a_comparison_in_an_earlier_clause_makes_no_reference_of_the_figure():
    # invented figures: the baseline words belong to the clause before the comma
    figs = extract("Kim ngạch xuất khẩu tăng mạnh so với cùng kỳ năm 2023, tổng kim ngạch xuất nhập khẩu 6 tháng "
                   "ước đạt 1.930 triệu USD, tăng 48,2%, trong đó xuất khẩu 1.040 triệu USD, nhập khẩu 890 triệu USD.")
    assert [f.value for f in figs if f.reference] == []
    assert rank(figs, weighted(_w("tổng kim ngạch", "xuất nhập khẩu")), words=set(tokenize("tổng kim ngạch xuất "
                "nhập khẩu")))[0].value == "1.930"
    # the comparison in the figure's own clause still makes one
    assert [f.value for f in extract("Tăng trưởng đạt 6,1%, thấp hơn mức 6,5% của cả nước.") if f.reference] == ["6,5"]


def test_a_cut_off_date_leading_a_sentence_dates_its_later_clauses():
    # invented figures, the layout of the H1-2023 report's health paragraph
    figs = extract("Đến hết tháng 9/2024 có 121 xã đạt Bộ tiêu chí quốc gia về y tế; 9,8 bác sỹ trên 1 vạn dân; "
                   "tỷ lệ người dân tham gia bảo hiểm y tế đạt 91,2%.", period=Period("months", 2024, 9))
    assert {f.value: f.period for f in figs}["91,2"] == Period("month", 2024, 9)
    # the frame needs a cut-off: a plain month leading the sentence leaves later clauses the quote's period
    figs = extract("Trong tháng 9/2024 có 12 xã đạt chuẩn nông thôn mới; tỷ lệ hộ dùng nước sạch đạt 91,2%.",
                   period=Period("months", 2024, 9))
    assert {f.value: f.period for f in figs}["91,2"] == Period("months", 2024, 9)


def test_a_footnote_s_parts_take_their_whole_s_period_and_rank_after_it():
    # invented figures; a footnote naming no period, its mark after a percentage
    whole = extract("Giải ngân các dự án vốn đầu tư công năm 2024 đến hết 31/01/2025 ước đạt 3.120,5 tỷ đồng, đạt "
                    "90,4 % kế hoạch³.", period=Period("month", 2025, 1))
    parts = extract("³ Trong đó: Vốn ngân sách tỉnh: 1.310,2 tỷ đồng, đạt 95,1% kế hoạch; Vốn NSTW: 1.810,3 tỷ "
                    "đồng, đạt 87,6% kế hoạch.", n=2, period=Period("month", 2025, 1), earlier=whole)
    assert {f.period for f in parts} == {Period("year", 2024)}
    assert all(f.part_of is not None for f in parts)
    question = "Tính đến 31/01/2025 giải ngân vốn đầu tư công kế hoạch năm 2024 đạt bao nhiêu?"
    words = set(tokenize(question))
    cover = weighted(_w("giải ngân", "vốn đầu tư công", "kế hoạch"))
    assert rank(whole + parts, cover, words=words)[0].value == "3.120,5"
    # a question naming the part's own words gets the part ('tính' names no 'ngân sách tỉnh'; 'ngân sách tỉnh' does)
    asked = "giải ngân vốn ngân sách tỉnh năm 2024"
    assert rank(whole + parts, weighted(_w("giải ngân", "vốn ngân sách tỉnh")),
                words=set(tokenize(asked)))[0].value == "1.310,2"


def test_a_unit_glued_to_its_number_is_read():
    # invented figures; OCR and hurried typing drop the space ('250ha rừng')
    figs = extract("Trong tháng toàn tỉnh trồng được 320ha rừng, đạt 3,1% kế hoạch; khai thác 1.250m3 gỗ.")
    assert [(f.value, f.unit) for f in figs][:2] == [("320", "ha"), ("3,1", "%")]
    # a name's number is still none ('mạng 5G', 'COVID-19')
    assert [f.value for f in extract("Phủ sóng mạng 5G tại 98% số xã, không còn ca COVID-19 mới.")] == ["98"]


def test_a_plan_s_amount_is_what_results_are_measured_against():
    # invented figures: the plan's amount and its rise lead the sentence, the disbursement follows
    quote = ("Tổng kế hoạch vốn đầu tư công năm 2024 là 3.120,4 tỷ đồng, tăng 6,2% (182 tỷ đồng) so với năm 2023; "
             "đến nay giải ngân 2.406,1 tỷ đồng, đạt 77,1% kế hoạch.")
    figs = extract(quote)
    assert [(f.value, f.reference) for f in figs][:4] == [("3.120,4", True), ("6,2", True), ("182", True),
                                                          ("2.406,1", False)]
    assert figs[0].kind == "target"
    cover = weighted(_w("giải ngân", "vốn đầu tư công", "kế hoạch"))
    assert rank(figs, cover)[0].value == "2.406,1"
    # asked for the plan, its amount leads; a disbursement named after 'kế hoạch vốn' is no plan's amount
    assert rank(figs, weighted(_w("tổng kế hoạch vốn đầu tư công")), plan=True)[0].value == "3.120,4"
    assert not extract("Kế hoạch vốn năm 2026 giải ngân đến hết tháng 01 là 150 tỷ đồng.")[0].reference


def test_a_share_of_the_plan_asked_is_no_plan_asked():
    from tracuu.qa.wording import _asks_plan
    assert _asks_plan("Tổng kế hoạch vốn đầu tư công năm 2024 là bao nhiêu?")
    assert not _asks_plan("Năm 2024 giải ngân được bao nhiêu, đạt mấy % kế hoạch Trung ương giao?")
    assert not _asks_plan("giải ngân đạt bao nhiêu phần trăm kế hoạch")


def test_a_plan_s_amount_follows_the_result_whatever_period_each_names():
    # invented figures: the plan names the year asked, the result only its cut-off date
    figs = extract("Kế hoạch vốn đầu tư công năm 2025 tỉnh giao là 4.210,5 tỷ đồng. Đến ngày 20/4/2025 giải ngân "
                   "được 812,3 tỷ đồng, đạt 19,3% kế hoạch.", period=Period("month", 2025, 4))
    assert figs[0].period == Period("year", 2025) and figs[1].period == Period("month", 2025, 4)
    cover = weighted(_w("giải ngân", "vốn đầu tư công"))
    assert rank(figs, cover, asked=[Period("year", 2025)])[0].value == "812,3"
    assert rank(figs, cover, asked=[Period("year", 2025)], plan=True)[0].value == "4.210,5"


def test_a_footnote_mark_ocr_could_not_read_still_names_the_whole():
    # invented: '412 mã vùng trồng¹³' printed with its mark read as '™'; the footnote breaks it down
    whole = extract("Đã cấp 412 mã vùng trồng™. Diện tích được cấp mã đạt 1.240 ha.")
    parts = extract("¹³ Trong đó: vùng trồng xuất khẩu 398 mã, vùng trồng nội tiêu 14 mã.", n=2, earlier=whole)
    assert parts[0].value == "398" and parts[0].part_of is whole[0]
    # two figures followed by such symbols: no telling which the note breaks down
    two = extract("Đã cấp 412 mã vùng trồng™ và 37 chuỗi liên kết®.")
    assert extract("¹³ Trong đó: vùng trồng xuất khẩu 398 mã.", n=2, earlier=two)[0].part_of is None


def test_a_note_s_plain_number_and_ocr_s_trong_d6_still_break_the_marked_figure_down():
    # invented: OCR kept the note's number plain ('13 Trong d6:') and the mark after the whole as '™'
    whole = extract("Nang tong dien tich duoc cap ma so len 1.240 ha voi 412 ma vung trong™.")
    parts = extract("13 Trong d6: Vung trong xuat khau 398 ma; vung trong noi tieu 14 ma.", n=2, earlier=whole)
    assert [f.value for f in parts] == ["398", "14"] and parts[0].part_of is whole[1]  # "13" is the note's number
    # a count leading a quote is still a figure ('258 doanh nghiệp ...')
    assert extract("258 doanh nghiệp thành lập mới.")[0].value == "258"


def test_the_first_line_closes_a_bracket_its_clause_opened():
    # figures invented (tests/data/generality, set T): the clause ends at the ';' inside the bracket
    quote = "- Thu hút FDI: 312,6 triệu USD (cấp mới 8 dự án 204,2 triệu USD; điều chỉnh tăng vốn 108,4 triệu USD)."
    line = lead_line(extract(quote)[0], quote, "quý I/2025")
    assert line.startswith("Thu hút FDI (quý I/2025): 312,6 triệu USD (cấp mới") and "108,4 triệu USD) [1]" in line
    long = "Vốn: 5.000 tỷ đồng (" + "gồm nhiều nguồn vốn khác nhau của trung ương và địa phương, " * 4 + "x; y 1 tỷ)."
    assert lead_line(extract(long)[0], long, None).endswith(": 5.000 tỷ đồng [1]")  # too long: the bracket left out


def test_parts_after_trong_do_as_ocr_prints_it():
    # figures invented: OCR prints 'trong đó' as 'trong d6'; the figures after it are parts of the whole before it
    quote = ("Tong kim ngach xuat nhap khau qua dia ban quy I uoc 800 trieu USD, giam 5,9% so voi cung ky, trong d6: "
             "xuat khau 230 trieu USD, giam 30,3%; nhap khau 570 trieu USD, tang 9,6%.")
    figs = {f.value: f for f in extract(quote)}
    assert figs["800"].part_of is None
    assert figs["230"].part_of is not None and figs["570"].part_of is not None


def test_a_plan_amount_is_a_target_however_its_clause_links_it():
    # invented figures: the spending plan ('dự toán chi'), and a plan named before a comma and linked by 'cộng gộp là'
    kinds = lambda s: {f.value: f.kind for f in extract(s)}  # noqa: E731
    assert kinds("Dự toán chi ngân sách địa phương cộng gộp là 52.846,2 tỷ đồng.") == {"52.846,2": "target"}
    assert kinds("Dự toán thu ngân sách năm 2025 do Hội đồng nhân dân ba tỉnh giao trước hợp nhất, cộng gộp là "
                 "35.000 tỷ đồng; trong đó khu vực Đắk Nông (cũ) 3.700 tỷ đồng.") == {"35.000": "target", "3.700": "target"}
    # what was spent against a plan stays a result
    assert kinds("Chi ngân sách địa phương ước đạt 50.124,6 tỷ đồng, bằng 94,8% dự toán.")["50.124,6"] == "result"
    assert kinds("Tổng kế hoạch vốn năm 2025 là 9.000 tỷ đồng, đã chi 4.000 tỷ đồng.")["4.000"] == "result"


def test_a_change_stated_with_cung_ky_but_without_so_names_its_baseline():
    # the January-2023 report's footnote (its text): 'với cùng kỳ' states the list's baseline, so clinker's own change
    # answers for clinker, before another product's change that names it
    from tracuu.qa.figure_asks import against
    from tracuu.qa.figure_rank import _names_baseline
    note = ("Điện sản xuất 60,5 TrKw/h, đạt 6,8% so với kế hoạch, giảm 8,9% với cùng kỳ; Than sạch: 50 nghìn tấn, "
            "đạt 8,9%, tăng 0,8%; Clinker 30 nghìn tấn, đạt 10,0%, giảm 34,9%; Gạch các loại: 17 triệu viên, đạt 6,5%.")
    question = "Sản lượng clinker tháng 01/2023 tăng hay giảm so với cùng kỳ, bao nhiêu phần trăm?"
    words = set(tokenize(fold(question)))
    first = rank(extract(note), weighted({"clinker": 5.0, "san": 0.5, "luong": 0.5}), wants_change=True,
                 baselines=against(question), words=words)[0]
    assert (first.value, first.number) == ("34,9", -34.9)
    assert _names_baseline("% với cùng kỳ; Điện thương phẩm") and _names_baseline("% so với tháng trước")
    assert not _names_baseline("%; Gạch các loại: 17 triệu viên") and not _names_baseline("% với tổng số tiền")


def test_the_word_a_question_asks_of_leads_to_its_figure():
    # the quarter-I/2022 release's sentence (its text, OCR marks repaired): 'khám cho bao nhiêu lượt' asks the figure
    # printed right after 'khám được', though the in-patient clause shares more of the question's words
    from tracuu.qa.figure_asks import against
    quote = ("Khám và chữa bệnh công lập cả 3 tuyến, khám được 254.104 lượt, giảm 4% so với cùng kỳ; điều trị nội trú "
             "bệnh viện và lưu trú tại trạm y tế xã cho 29.855 lượt, giảm 1%.")

    def first(question):
        words = set(tokenize(fold(question)))
        return rank(extract(quote), weighted({t: 1.0 for t in words}), baselines=against(question), words=words,
                    question=question)[0].value
    assert first("Quý 1/2022 các bệnh viện, cơ sở y tế công lập khám cho bao nhiêu lượt người?") == "254.104"
    # what it counts, all of it, is as good as the word it asks of ('đón bao nhiêu khách quốc tế'); figures invented
    quote = "Năm 2024, Huế đón 3,62 triệu lượt khách, tăng 15,4%; trong đó khách quốc tế 1,52 triệu lượt, tăng 21%."
    assert first("Huế đón bao nhiêu khách quốc tế năm 2024?") == "1,52"
    # 'xuất khẩu được bao nhiêu' is not asked of 'nhập khẩu' (figures invented)
    quote = "Giá trị nhập khẩu 6 tháng đạt 5.214,6 triệu USD, tăng 11,2%; giá trị xuất khẩu đạt 4.326,8 triệu USD."
    assert first("Nửa đầu năm 2025 Thanh Hóa xuất khẩu được bao nhiêu?") == "4.326,8"
    # of two figures after the word asked of, the one printed after more of the question's words (three or more):
    # the 2021 press release's sentence, and an invented one
    quote = ("Kết quả thanh tra phát hiện sai phạm số tiền 7.067,4 triệu đồng và 3.044m² đất, kiến nghị thu hồi 5.149,8 "
             "triệu đồng; đã thu hồi được 3.852,3 triệu đồng, đạt 75%.")
    assert first("Qua thanh tra năm 2021, số tiền đã thu hồi được là bao nhiêu, đạt bao nhiêu phần trăm số kiến nghị "
                 "thu hồi?") == "3.852,3"
    assert first("Qua thanh tra năm 2021 kiến nghị thu hồi bao nhiêu tiền?") == "5.149,8"
    quote = "Sở đã cấp mới 412 giấy phép, trong đó đã cấp lại giấy phép lái xe 1.206 trường hợp."
    assert first("Sở đã cấp lại giấy phép lái xe bao nhiêu trường hợp?") == "1.206"


def test_the_whole_country_is_one_list_for_figures_and_sentences():
    # 'cả nước', 'toàn quốc', 'bình quân chung', 'trung bình chung' (qa/glossary.NATION): right after a figure it is
    # the nation's, a reference (figures invented)
    for place in ("của cả nước", "toàn quốc", "bình quân chung", "trung bình chung"):
        figs = extract(f"GRDP 6 tháng ước tăng 7,2%, trong khi mức tăng 6,4% {place}.")
        assert [(f.value, f.reference) for f in figs] == [("7,2", False), ("6,4", True)], place


def test_the_ask_is_stated_where_the_figure_follows_the_word_asked_of_and_precedes_what_is_counted():
    # invented figures: 'khởi công được bao nhiêu căn' is stated by 'đã khởi công 817 căn' however the rest is worded
    from tracuu.qa.figure_asks import states_the_ask
    q = "Việc thay thế nhà tạm bợ cho người dân đã khởi công được bao nhiêu căn?"
    assert states_the_ask(q, "Tiếp tục triển khai xóa nhà tạm, nhà dột nát, kết quả đã khởi công 817 căn, đạt 60,97%.")
    assert not states_the_ask(q, "Đã hoàn thành 223 căn, đạt 16,64%.")  # another verb
    assert not states_the_ask(q, "Đã khởi công 817 công trình.")  # another thing counted
    assert not states_the_ask("Số căn nhà đã khởi công?", "Đã khởi công 817 căn.")  # no 'bao nhiêu' to read
    # a share asked in words is stated with '%' ('trồng rừng mới đạt bao nhiêu phần trăm kế hoạch': '... mới đạt trên 60%
    # kế hoạch', OCR'd words around it)
    assert states_the_ask("Quý II tỉnh đặt mục tiêu trồng rừng mới đạt bao nhiêu phần trăm kế hoạch năm?",
                          "Phấn đấu hết quý II/2022 trồng rimg mới đạt trên 60% ké hoạch.")


def test_a_period_named_in_brackets_with_their_own_figure_governs_only_that_figure():
    # invented figures: the bracket gives 2023's export; the share after it is the sentence's year's (2024)
    from tracuu.ingest.types import Period
    from tracuu.qa.figures import extract
    q = ("Kim ngạch xuất khẩu năm 2024 ước đạt 3.124,8 triệu USD, tăng 9,8% so với năm 2023 (năm 2023 đạt 2.846,5 "
         "triệu USD), đạt 97,7% kế hoạch.")
    assert [(f.value, f.period.year) for f in extract(q, 1, Period("year", 2024))] == \
        [("3.124,8", 2024), ("9,8", 2024), ("2.846,5", 2023), ("97,7", 2024)]
    # a bracket with no figure of its own qualifies what follows: '(áp dụng từ đầu năm 2024)'
    q2 = "Kết quả rà soát hộ nghèo cuối năm 2023 (áp dụng từ đầu năm 2024): toàn tỉnh có 2.318 hộ nghèo."
    assert extract(q2, 1, Period("year", 2024))[0].period == Period("month", 2024, 1)


def test_a_two_cell_row_is_a_table_row_and_its_name_may_carry_the_unit():
    # invented figures, as the aligned-table loader renders a row: the period's column and the unit in brackets
    from tracuu.qa.figures import extract
    row = "Bảng số liệu nhanh quý I/2026 > Tổng vốn FDI thu hút (triệu USD) > Quý I/2026: 1,246.8; So cùng kỳ (%): 112.4"
    first = extract(row, 1, None)[0]
    assert (first.value, first.number, first.unit, first.period.label) == ("1,246.8", 1246.8, "triệu USD", "quý I/2026")
    # prose with one ';' is no row
    assert extract("Thu ngân sách đạt 1.234 tỷ đồng; chi ngân sách 987 tỷ đồng.", 1, None)[0].header == ""


def test_a_value_in_brackets_after_the_same_time_last_year_is_that_time_s():
    # invented figures: '(551 người)' after 'so với cùng kỳ' is January 2025's count, a baseline
    from tracuu.ingest.types import Period
    from tracuu.qa.figures import extract
    q = "Số người chấm dứt hưởng trợ cấp thất nghiệp là 318 người, giảm 42,29% so với cùng kỳ (551 người)."
    last = extract(q, 1, Period("month", 2026, 1))[-1]
    assert (last.value, last.period, last.reference) == ("551", Period("month", 2025, 1), True)


def test_from_one_value_to_another_each_takes_the_period_printed_right_after_it():
    # invented figures: 'giảm từ 32,58% cuối năm 2021 xuống còn 17,86% cuối năm 2025' — 17,86% is 2025's
    from tracuu.ingest.types import Period
    from tracuu.qa.figures import extract
    q = "Tỷ lệ hộ nghèo giảm từ 32,58% cuối năm 2021 xuống còn 17,86% cuối năm 2025, bình quân giảm 3,68 điểm phần trăm/năm."
    assert [(f.value, f.period.year) for f in extract(q, 1, Period("year", 2025))][:2] == [("32,58", 2021), ("17,86", 2025)]


def test_a_footnote_mark_glued_to_a_percentage_does_not_hide_what_it_is_of():
    # invented figures, OCR'd: 'đạt 84,2%4 dự toán năm' is a share of the plan ('4' marks a footnote)
    figs = extract("Luy ke 10 thang uoc dat 16.846,2 ty dong, dat 84,2%4 du toan nam (20.010 ty dong), tang 12,4% so voi "
                   "cung ky", 1, None)
    assert [(f.value, f.kind) for f in figs] == [("16.846,2", "result"), ("84,2", "share"), ("20.010", "target"),
                                                 ("12,4", "change")]


def test_the_figure_of_the_indicator_the_question_names_by_its_head_noun_leads():
    # figures invented: 'doanh thu du lịch' asks a revenue (of tourism), not the tourists the frame counts; a list's
    # lead ('Các mặt hàng xuất khẩu chủ lực:') is every item's
    quote = ("Tổng lượng khách du lịch quý I/2022 ước 755.950 lượt khách, đạt 22% kế hoạch, tăng 7,9%; doanh thu 277 tỷ "
             "đồng, đạt 11% kế hoạch, giảm 19,3%.")
    assert _first(quote, "doanh thu du lich quy I/2022") == "277"
    assert _first(quote, "khach du lich quy I/2022") == "755.950"
    quote = ("Các mặt hàng xuất khẩu chủ lực: giày dép 1.124,8 triệu USD, tăng 11,4%; thủy sản 612,4 triệu USD, tăng 4,2%; "
             "trái cây các loại 528,6 triệu USD, tăng 21,6%.")
    assert _first(quote, "Xuất khẩu trái cây năm 2024 đạt bao nhiêu?") == "528,6"
    # a sentence of its own is not named by the one before it: 'Doanh thu từ du lịch 11 tháng' after 'tổng lượt khách'
    # names no tourist count (set CG's Huế had answered the revenue for 'lượng khách du lịch'); a part after its
    # whole still takes its name
    quote = ("Lũy kế 11 tháng năm 2023, tổng lượt khách ước đạt 2.864,7 nghìn lượt, tăng 72,5%. Doanh thu từ du lịch 11 "
             "tháng ước 5.742 tỷ đồng, tăng 64,8%.")
    assert _first(quote, "Lượng khách du lịch 11 tháng năm 2023 đạt bao nhiêu?") == "2.864,7"
    assert _first(quote, "Doanh thu du lịch 11 tháng năm 2023 đạt bao nhiêu?") == "5.742"
    quote = "Kim ngạch xuất khẩu 6 tháng đạt 1.842,6 triệu USD; trong đó hạt điều nhân 1.486,2 triệu USD, tăng 8,1%."
    assert _first(quote, "Xuất khẩu hạt điều nhân 6 tháng đạt bao nhiêu?") == "1.486,2"


def test_a_sentence_whose_subject_is_a_plan_frames_its_figures_as_targets():
    # set AF's Đắk Lắk report (figures invented): what follows 'Dự toán ngân sách năm 2025 ...:' is the estimate
    figs = extract("Dự toán ngân sách năm 2025 của tỉnh mới được tổng hợp trên cơ sở dự toán của hai tỉnh: tổng thu ngân "
                   "sách nhà nước trên địa bàn 17.450 tỷ đồng (khu vực tỉnh Phú Yên (cũ) 7.300 tỷ đồng); tổng chi ngân sách "
                   "địa phương 38.640 tỷ đồng. Thu 9 tháng ước đạt 13.286,4 tỷ đồng.", 1, None)
    assert [(f.value, f.kind) for f in figs] == [("17.450", "target"), ("7.300", "target"), ("38.640", "target"),
                                                 ("13.286,4", "result")]
    # a plan named as the label of a result is no frame ('Kế hoạch vốn năm 2024: đã giải ngân 5.522,8 tỷ đồng')
    assert extract("Kế hoạch vốn năm 2024: đã giải ngân 5.522,8 tỷ đồng, đạt 89,6%.", 1, None)[0].kind == "result"


def test_markdown_bold_is_no_word_of_a_figure_s_indicator_or_line():
    quote = "- Gỗ và sản phẩm gỗ: **386,2 triệu USD**, tăng 12,4%, chiếm 47,5% tổng kim ngạch;"  # figures invented
    first = extract(quote)[0]
    assert (first.value, first.indicator, first.unit) == ("386,2", "Gỗ và sản phẩm gỗ", "triệu USD")
    assert lead_line(first, quote, "6 tháng đầu năm 2025") == \
        "Gỗ và sản phẩm gỗ (6 tháng đầu năm 2025): 386,2 triệu USD, tăng 12,4% [1]"


def test_the_parts_after_a_plan_in_brackets_break_down_the_result_not_the_plan():
    quote = ("Tính chung 8 tháng, kim ngạch xuất khẩu ước đạt 12.486,8 triệu USD, tăng 18,6% so với cùng kỳ, đạt 65,7% "
             "kế hoạch năm (19.000 triệu USD); trong đó khu vực Hà Nam (cũ) 5.846,2 triệu USD, Nam Định (cũ) 4.212,6 "
             "triệu USD.")  # figures invented
    parts = {f.value: f.part_of.value for f in extract(quote) if f.part_of is not None}
    assert parts == {"5.846,2": "12.486,8", "4.212,6": "12.486,8"}
    # a change's parts stay the change's
    change = extract("Kim ngạch xuất khẩu giảm 5,9% so với cùng kỳ, trong đó: xuất khẩu gạo 230 triệu USD, giảm 30,3%")
    assert {f.value: f.part_of.value for f in change if f.part_of} == {"230": "5,9", "30,3": "5,9"}


def test_the_non_state_part_is_outside_a_question_that_does_not_name_it():
    from tracuu.qa.figure_rank import outside
    words = set(tokenize(fold("số lượt khám bệnh tháng 1 năm 2023")))
    assert outside("tổng số khám bệnh của các phòng khám đa khoa ngoài công lập được", words)
    assert not outside("Khám được", words)
    assert not outside("vốn đầu tư nước ngoài", set(tokenize(fold("vốn FDI năm 2024"))))  # foreign is no part
    assert not outside("ngoài công lập", set(tokenize(fold("khám bệnh ngoài công lập"))))  # asked as such


def test_a_merged_header_s_narrow_period_and_a_row_named_by_its_period():
    """'Thực hiện - Năm 2023 - Ước 9 tháng' is the nine months, not the year; in a table of months ('Tháng 5/2024 |
    0,12 | 4,26') the columns that name no period are the row's month, a running total's column excepted, and a
    'so với tháng 12 năm trước' column is no December's (rows invented)."""
    from tracuu.ingest.types import Period
    from tracuu.qa.figures import table_cells
    cells = table_cells("Biểu > Tổng lượt khách > ĐVT: nghìn lượt; Kế hoạch năm 2023: 3.000; Thực hiện - Năm 2023 - "
                        "Ước tháng 9: 286,4; Thực hiện - Năm 2023 - Ước 9 tháng: 2.412,6; So sánh (%) - Cùng kỳ: 121,4")
    by = {c.value: c for c in cells}
    assert by["3.000"].period == Period("year", 2023) and by["3.000"].kind == "target"
    assert by["286,4"].period == Period("month", 2023, 9) and by["2.412,6"].period == Period("nine_months", 2023)
    cells = table_cells("Bảng 1 > Tháng 5/2024 > So với tháng trước (%): 0,12; So với cùng kỳ năm trước (%): 4,26; "
                        "So với tháng 12 năm trước (%): 1,67")
    assert {c.period for c in cells} == {Period("month", 2024, 5)}
    cells = table_cells("Giải ngân theo tháng > Tháng 10 > Giải ngân trong tháng: 308,58; Lũy kế đến cuối tháng: 2.261,84; "
                        "Tỷ lệ lũy kế so kế hoạch (%): 64,87", year=2024)
    by = {c.value: c for c in cells}
    assert by["308,58"].period == Period("month", 2024, 10) and by["2.261,84"].period is None


def test_percent_spelt_out_asks_a_percentage():
    from tracuu.qa.figure_asks import units_in
    assert units_in("đất công nghiệp đã được thuê kín bao nhiêu phần trăm?") == {"%"}
    assert units_in("lãi suất tăng bao nhiêu điểm phần trăm") == {"diem phan tram"}
    assert "%" not in units_in("kim ngạch xuất khẩu đạt bao nhiêu, bằng bao nhiêu phần trăm kế hoạch")  # the value first


def test_a_comparison_column_of_no_period_answers_only_when_a_result_column_is_of_the_asked_period():
    """'So sánh (%) cùng kỳ' is the row's result's change: of 'Ước thực hiện 10 tháng 2025', no answer to a year's
    question, which is told the columns the row has (row as set AI's merged-province table, figures invented)."""
    from tracuu.qa.figures import table_cells
    from tracuu.qa.query import parse_query
    from tracuu.qa.wording import other_columns
    row = ("Bảng 1 > - Khu vực Trà Vinh (cũ) > ĐVT: triệu USD; Thực hiện 10 tháng 2024 (cộng gộp): 1.212,8; Kế hoạch "
           "năm 2025: -; Ước thực hiện tháng 10/2025: 147,6; Ước thực hiện 10 tháng 2025: 1.387,6; So sánh (%) cùng kỳ: "
           "114,4")
    cells = table_cells(row)
    change = next(c for c in cells if c.value == "114,4")
    ranked = [change] + [c for c in cells if c is not change]
    columns = other_columns(parse_query("tra vinh nam 2025 xuat khau thuc te dat bao nhieu trieu USD"), ranked)
    assert columns and "10 tháng đầu năm 2025" in columns
    assert other_columns(parse_query("tra vinh 10 thang nam 2025 xuat khau tang bao nhieu"), ranked) is None


def test_a_value_owned_by_the_period_after_it_is_that_period_s():
    """'GRDP quý II/2026 ước tăng 8,64%, cao hơn mức tăng 7,48% của quý I/2026': 7,48% is the first quarter's, as
    '5,66% của cả nước' is the nation's (figures invented)."""
    from tracuu.ingest.types import Period
    figs = {f.value: f for f in extract("Tổng sản phẩm trên địa bàn (GRDP) quý II/2026 ước tăng 8,64% so với cùng kỳ, "
                                        "cao hơn mức tăng 7,48% của quý I/2026.", period=Period("half", 2026, 1))}
    assert figs["8,64"].period == Period("quarter", 2026, 2) and figs["7,48"].period == Period("quarter", 2026, 1)
    # the same time a year before, owning the value, is its period (not the baseline of a change)
    figs = {f.value: f for f in extract("Tốc độ tăng trưởng GRDP của tỉnh trong 6 tháng đầu năm ước đạt 6,48%, thấp hơn "
                                        "mức tăng 7,21% của cùng kỳ năm 2025.", period=Period("half", 2026, 1))}
    assert figs["6,48"].period == Period("half", 2026, 1) and figs["7,21"].period == Period("half", 2025, 1)
    figs = {f.value: f for f in extract("Doanh thu tăng 12,5% so với cùng kỳ năm 2025.", period=Period("half", 2026, 1))}
    assert figs["12,5"].period == Period("half", 2026, 1)  # (a change against it stays the report's)


def test_the_plan_as_the_question_words_it_picks_its_share():
    from tracuu.qa.figure_asks import against, units_in
    """'đạt 29,8% tổng kế hoạch giao, đạt 36,3% kế hoạch giao chi tiết': a question naming 'kế hoạch giao chi tiết'
    asks the second share; 'dự toán HĐND tỉnh giao' the share of that plan, not of the centre's (figures invented)."""
    figs = extract("Giải ngân trong 6 tháng 1.158,8 tỷ đồng, đạt 29,8% tổng kế hoạch giao, đạt 36,3% kế hoạch giao chi tiết.")
    q = "giải ngân 6 tháng đạt bao nhiêu phần trăm kế hoạch giao chi tiết"
    assert rank(figs, weighted(_w("giải ngân")), units=units_in(q), baselines=against(q))[0].value == "36,3"
    figs = extract("Tổng thu ngân sách 7 tháng đạt 3.412 tỷ đồng, bằng 59,0% dự toán Trung ương giao, bằng 55,6% dự toán "
                   "HĐND tỉnh giao.")
    q = "Thu ngân sách 7 tháng đạt bao nhiêu phần trăm dự toán HĐND tỉnh giao?"
    assert rank(figs, weighted(_w("thu ngân sách")), units=units_in(q), baselines=against(q))[0].value == "55,6"


def test_a_bare_plan_before_its_value_is_a_target_and_a_province_is_no_word_asked_of():
    """'kế hoạch 72 xã; ước thực hiện 74 xã': the plan's value, then the result; '(kế hoạch 7,2%)' stays the bracket's
    plan; in 'tỉnh Long An có bao nhiêu xã', 'An' is a place, not what the question asks of (figures invented)."""
    from tracuu.qa.figure_asks import asked_word
    kinds = {f.value: f.kind for f in extract("Số xã đạt chuẩn nông thôn mới nâng cao: kế hoạch 72 xã; ước thực hiện 74 "
                                              "xã; kế hoạch năm 2025 là 82 xã.")}
    assert kinds == {"72": "target", "74": "result", "82": "target"}
    grdp = {f.value: f for f in extract("Tốc độ tăng GRDP năm 2024 đạt 7,62%, vượt kế hoạch (kế hoạch 7,2%).")}
    assert grdp["7,62"].kind == "result" and grdp["7,2"].kind == "target" and grdp["7,2"].reference
    assert asked_word("Năm 2024 tỉnh Long An có bao nhiêu xã đạt chuẩn nông thôn mới?")[0] is None
    assert asked_word("khám cho bao nhiêu lượt người")[0] == "kham"


def test_a_row_whose_dated_columns_name_one_period_dates_its_other_columns():
    """'Lượt khách 6 tháng 2024 | So cùng kỳ (%) | Trong đó khách quốc tế': the international visitors are the same
    half-year's (row invented)."""
    from tracuu.qa.figures import table_cells
    cells = {c.value: c for c in table_cells("Bảng 4 > Khu du lịch Tràng An > Lượt khách 6 tháng 2024 (nghìn lượt): "
                                             "1.486,2; So cùng kỳ (%): 121,4; Trong đó khách quốc tế (nghìn lượt): 186,4")}
    assert {c.period for c in cells.values()} == {Period("half", 2024, 1)}


def test_ocr_s_split_thousands_and_marked_words_still_count():
    """'1. 000 triệu đồng' is one thousand, not '1.' and a figure 000; '500 _may tinh bang' counts the tablets asked,
    and 'lén 275 trudng' the schools ('trường' a letter off) — texts as OCR printed them (figures invented)."""
    from tracuu.qa.figure_words import counts
    figs = extract("hỗ trợ 2.427,8 triéu dong bang tien mat (lan 2) va 1. 000 triéu dong bang tién mat (lan 3).")
    assert [(f.value, f.number) for f in figs] == [("2.427,8", 2427.8), ("1. 000", 1000.0)]
    assert counts(" _may tinh bang", {("may", "tinh", "bang")}) == 3
    assert counts(" trudng", {("truong", "dat", "chuan")}) == 1
    assert counts(" tuong", {("truong",)}) == 0  # a short word a letter off is another word


def test_a_total_asked_counts_what_follows_tong_so():
    from tracuu.qa.figure_asks import counted
    assert counted("Tính đến giữa năm 2023, tổng số trường đạt chuẩn quốc gia ở Lạng Sơn là bao nhiêu?") == \
        {("truong", "dat", "chuan")}
    assert counted("Có bao nhiêu hợp tác xã, tổng số vốn là bao nhiêu?") == {("hop", "tac", "xa")}  # 'bao nhiêu X' first


def test_a_plan_column_dates_no_result_column_and_unnamed_ones_take_the_report_s_period():
    """'Thực hiện cùng kỳ | Kế hoạch năm | Ước thực hiện | So cùng kỳ (%) | So kế hoạch (%)' in a half-year's table
    (set AK, invented): 'Kế hoạch năm' is the year's plan; the estimate and its comparisons are the half-year's, and
    'Thực hiện cùng kỳ' the same half a year before."""
    from tracuu.qa.figures import table_cells
    row = ("A. CÁC CHỈ TIÊU KINH TẾ > Tổng thu ngân sách nhà nước trên địa bàn > ĐVT: tỷ đồng; Thực hiện cùng kỳ: "
           "9.412,8; Kế hoạch năm: 20.130; Ước thực hiện: 9.846,2; So cùng kỳ (%): 104,6; So kế hoạch (%): 48,9")
    half = Period("half", 2023, 1)
    cells = {c.value: c for c in table_cells(row, year=2023, own=half)}
    assert cells["20.130"].period == Period("year", 2023) and cells["20.130"].kind == "target"
    assert cells["9.846,2"].period == cells["48,9"].period == cells["104,6"].period == half
    assert cells["9.412,8"].period == Period("half", 2022, 1)
    # without the report's period, no column is dated by the plan's
    assert table_cells(row, year=2023)[2].period is None


def test_a_figure_counted_to_the_date_asked_leads_the_plan_it_is_a_share_of():
    """'tổng kế hoạch vốn năm 2024 là 5.264 tỷ đồng; đến ngày 25/11/2024 giải ngân được 3.662,8 tỷ đồng' (set Y) and a
    table's 'Giải ngân đến 31/10/2024' of a 10 months' report (set R; figures invented), asked 'đến 25/11/2024' /
    'đến hết ngày 31/10/2024': the state at that date first, not the year's plan."""
    dated = [Period("month", 2024, 11)]
    quote = ("Giải ngân vốn đầu tư công: tổng kế hoạch vốn năm 2024 là 5.264 tỷ đồng; đến ngày 25/11/2024 giải ngân "
             "được 3.662,8 tỷ đồng, đạt 69,6% kế hoạch.")
    words = _w("giai", "ngan", "von", "dau", "tu", "cong")
    assert rank(extract(quote, period=Period("year", 2024)), weighted(words), asked=[Period("year", 2024)],
                dated=dated)[0].value == "3.662,8"
    from tracuu.qa.figures import table_cells
    row = ("Giải ngân > Tổng cộng > Số dự án: 186; Kế hoạch vốn năm 2024: 3.486,72; Giải ngân đến 31/10/2024: 2.261,84; "
           "Tỷ lệ giải ngân (%): 64,87")
    cells = table_cells(row, year=2024, own=Period("months", 2024, 10))
    assert rank(cells, weighted(words), asked=[Period("year", 2024)], dated=[Period("month", 2024, 10)])[0].value \
        == "2.261,84"


def test_a_same_time_comparison_column_is_of_the_column_before_it():
    """'Tháng 4/2024 | So với cùng kỳ (%) | Lũy kế 4 tháng | So với cùng kỳ (%)' (set AO's release, figures invented):
    each comparison is of the period of the column before it, printed or empty ('-' for an index)."""
    from tracuu.qa.figures import extract
    row = ("1. Một số chỉ tiêu chủ yếu > Chỉ số sản xuất công nghiệp (IIP) > Đơn vị tính: %; Tháng 4/2024: -; "
           "So với cùng kỳ (%): 118,46; Lũy kế 4 tháng: -; So với cùng kỳ (%): 114,82")
    got = {f.value: f.period for f in extract(row, period=Period("months", 2024, 4))}
    assert got == {"118,46": Period("month", 2024, 4), "114,82": Period("months", 2024, 4)}
    row = ("Bảng 1 > Khách du lịch > Đơn vị tính: nghìn lượt; Tháng 4/2024: 1.086,4; So với cùng kỳ (%): 118,46; "
           "Lũy kế 4 tháng: 3.412,6; So với cùng kỳ (%): 116,24")
    got = [(f.value, f.period) for f in extract(row, period=Period("months", 2024, 4))]
    assert got[1] == ("118,46", Period("month", 2024, 4)) and got[3] == ("116,24", Period("months", 2024, 4))


def test_a_figure_line_never_names_a_figure_by_a_bare_verb():
    """'Ước cả năm 2025, có 19/23 chỉ tiêu chủ yếu đạt và vượt kế hoạch' (set AR; invented): the words before the
    figure are 'có' alone, which names nothing: the line says 'Số liệu', not 'Có'."""
    quote = "Ước cả năm 2025, có 19/23 chỉ tiêu chủ yếu đạt và vượt kế hoạch; 4 chỉ tiêu không đạt."
    first = extract(quote)[0]
    line = lead_line(first, quote, "năm 2025")
    assert line.startswith("Số liệu (năm 2025): 19/23"), line


def test_a_range_is_one_figure_and_a_list_item_s_number_names_nothing():
    """'đạt 8,0 - 8,5%': one aim, printed whole; '(5) Tổng thu ...': the item's number is no part of the name."""
    figs = extract("(1) Tốc độ tăng trưởng kinh tế đạt 8,0 - 8,5%.")
    assert [(f.value, f.unit) for f in figs] == [("8,0 - 8,5", "%")] and figs[0].number == 8.5
    assert extract("(5) Tổng thu ngân sách nhà nước trên địa bàn 11.150 tỷ đồng.")[0].indicator.startswith("Tổng thu")
    # years of a span and a descending pair are no range
    assert [f.value for f in extract("giai đoạn 2021 - 2025 trồng 12 ha")] == ["12"]
    assert [f.value for f in extract("giảm từ 9,5 - 7,2% xuống")] == ["9,5", "7,2"]


def test_the_lead_line_reaches_the_plan_s_share_when_it_is_asked():
    quote = "Lũy kế 11 tháng đạt 2.158,4 triệu USD, tăng 6,8% so với cùng kỳ, đạt 83,0% kế hoạch năm (2.600 triệu USD)."
    first = extract(quote)[0]
    assert "83,0%" not in lead_line(first, quote, None)
    assert "đạt 83,0% kế hoạch năm" in lead_line(first, quote, None, plan_share=True)


def test_a_value_reached_by_a_target_judged_missed_is_a_result():
    # invented figures: '2 chỉ tiêu không đạt là ... GRDP (đạt 7,02%/KH 7,5%)' states what was reached
    figs = extract("Trong 23 chỉ tiêu chủ yếu, có 21 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu không đạt là tốc độ tăng "
                   "trưởng GRDP (đạt 7,02%/KH 7,5%) và tỷ lệ đô thị hóa (đạt 46,2%/KH 47%).", 1, Period("year", 2023))
    kinds = {f.value: f.kind for f in figs}
    assert kinds["7,02"] == "result" and kinds["46,2"] == "result"
    # an aim stays one: 'các chỉ tiêu phấn đấu đạt 8%'
    assert extract("Các chỉ tiêu phấn đấu tăng trưởng GRDP đạt 8%.", 1, Period("year", 2024))[0].kind == "target"


def test_a_column_naming_its_own_unit_counts_in_it():
    # invented figures: 'ĐVT: Nghìn tấn' is the quantity's; 'Trị giá 9 tháng (triệu USD)' counts dollars
    row = ("Kim ngạch một số mặt hàng xuất khẩu chủ yếu 9 tháng năm 2024 > Cà phê nhân > ĐVT: Nghìn tấn; Lượng 9 tháng: "
           "98,6; Trị giá 9 tháng (triệu USD): 412,5")
    units = {f.value: f.unit for f in extract(row, 1, Period("nine_months", 2024))}
    assert units == {"98,6": "Nghìn tấn", "412,5": "triệu USD"}


def test_a_value_asked_wants_a_money_figure():
    from tracuu.qa.figure_asks import units_in
    assert "trieu usd" in units_in("Kim ngạch xuất khẩu cà phê của Gia Lai 9 tháng năm 2024 đạt bao nhiêu?")
    assert units_in("Sản lượng cà phê của Gia Lai năm 2024 là bao nhiêu?") == set()
    assert units_in("kim ngạch xuất khẩu bao nhiêu tấn gạo") == {"tan gao"}  # a unit named: that one


def test_a_bracketed_same_time_value_is_the_year_before_s():
    """'(cùng kỳ năm 2022 tăng 11,3%)', '(cùng kỳ tăng 4,95%)': in brackets the same time of another year states its
    own value (BN's Đắk Lắk, BM's Lạng Sơn: claims giving it for the report's period were judged match; figures
    invented); the sentence's own figure stays the report's."""
    from tracuu.ingest.types import Period
    from tracuu.qa.figures import extract
    own = Period("months", 2026, 10)
    figs = extract("Tính chung 10 tháng năm 2026, chỉ số IIP tăng 9,7% so với cùng kỳ năm trước (cùng kỳ năm 2025 tăng "
                   "11,3%).", period=own)
    by = {f.number: f for f in figs}
    assert by[9.7].period == own and not by[9.7].reference
    assert by[11.3].period == Period("months", 2025, 10) and by[11.3].reference
    half = Period("half", 2026, 1)
    figs = extract("GRDP 6 tháng đầu năm 2026 ước đạt 6,28%, cao hơn cùng kỳ năm 2025 (cùng kỳ tăng 4,95%).", period=half)
    by = {f.number: f for f in figs}
    assert by[6.28].period == half and by[4.95].period == Period("half", 2025, 1)
    # an adverb before the verb ('chỉ tăng', 'cũng đạt'): still the baseline's own value (CP's Bắc Ninh: a claim giving
    # 2,14% to 2021 had been judged match)
    for adverb in ("chỉ tăng", "cũng tăng", "đã tăng"):
        figs = extract(f"GRDP 6 tháng đầu năm 2021 tăng 7,16% so với cùng kỳ năm 2020 (cùng kỳ năm trước {adverb} 2,14%), "
                       "cao hơn cả nước.", period=Period("half", 2021, 1))
        by = {f.number: f for f in figs}
        assert by[7.16].period == Period("half", 2021, 1) and not by[7.16].reference
        assert by[2.14].period == Period("half", 2020, 1) and by[2.14].reference, adverb


def test_land_is_no_verb_and_a_bracket_s_part_is_named_by_its_own_words():
    """'thu tiền sử dụng đất 612,3': 'đất' (land) folds as 'đạt' (reached) does, and stays in the figure's words; a part
    in brackets after its whole ('thu nội địa 2.936,5 tỷ đồng (riêng thu tiền sử dụng đất 612,3 tỷ đồng)') is named by
    the words inside the bracket (BR's Bình Định had answered the whole for the land revenue asked). Figures invented."""
    [land] = extract("Thu tiền sử dụng đất 612,3 tỷ đồng.")
    assert land.head == "Thu tiền sử dụng đất"
    [reached] = extract("Thu tiền sử dụng đất đạt 612,3 tỷ đồng.")
    assert reached.head == "Thu tiền sử dụng đất"
    whole, part, other = extract("Trong đó: thu nội địa 2.936,5 tỷ đồng (riêng thu tiền sử dụng đất 612,3 tỷ đồng); "
                                 "thu từ hoạt động xuất nhập khẩu 248,2 tỷ đồng.")
    assert whole.own == "thu nội địa" and part.own == "riêng thu tiền sử dụng đất" and part.part_of is whole
    assert other.own == "thu từ hoạt động xuất nhập khẩu"
    # (a second figure inside the bracket reads from the first one's clause on)
    _, first, second = extract("377/618 nhà ở (xây mới 124/208 hộ, sửa chữa 253/410 hộ)")
    assert first.own == "xây mới" and second.own == "sửa chữa"


def test_a_clause_opening_on_the_same_span_of_another_year_is_that_year_s():
    """'¹ Cùng kỳ năm 2024, GRDP tăng 9,15%' in a half-year 2025 report's note (set BV's Hải Dương): the half year of
    2024, not the report's, though a later clause names 2025's (figures invented); 'thấp hơn cùng kỳ năm 2024
    (9,15%)' stays a baseline."""
    own = Period("half", 2025, 1)
    note = "¹ Cùng kỳ năm 2024, GRDP tăng 9,15%; kịch bản tăng trưởng 6 tháng đầu năm 2025 đề ra là 10,0%."
    assert [(f.value, f.period) for f in extract(note, 1, own, own=own)] == [
        ("9,15", Period("half", 2024, 1)), ("10,0", own)]
    said = extract("GRDP 6 tháng tăng 7,2%, thấp hơn cùng kỳ năm 2024 (9,15%).", 1, own, own=own)
    assert said[0].period == own and said[1].reference


def test_a_span_over_the_years_of_its_sub_columns_is_that_span_of_each():
    """'Thực hiện 11 tháng' merged over 'Năm 2022' | 'Cùng kỳ năm 2021' (set BT's Quảng Ninh annex, figures invented):
    the 11 months of 2022 and of 2021, not the two years; the comparisons are of the row's own 11 months."""
    from tracuu.qa.table_cells import table_cells
    row = ("THU NGÂN SÁCH NỘI ĐỊA 11 THÁNG NĂM 2022 THEO ĐỊA BÀN (ĐVT: Tỷ đồng) > Thành phố Hạ Long > Dự toán giao năm "
           "2022: 7.850; Thực hiện 11 tháng - Năm 2022: 6.934; Thực hiện 11 tháng - Cùng kỳ năm 2021: 6.350; So sánh (%) "
           "- So dự toán: 88,3; So sánh (%) - So cùng kỳ: 109,2")
    cells = {f.value: f.period for f in table_cells(row, 1, 2022)}
    assert cells["7.850"] == Period("year", 2022)
    assert cells["6.934"] == Period("months", 2022, 11) and cells["6.350"] == Period("months", 2021, 11)
    assert cells["109,2"] == Period("months", 2022, 11)


def test_a_part_of_a_target_is_targeted_and_a_share_s_plan_frames_nothing():
    """'Kế hoạch năm 2022: ... 40.000 lao động, trong đó xuất khẩu lao động 15.000 người' (set BY's Nghệ An note): both
    planned; '... đạt 111,9% kế hoạch năm, trong đó xuất khẩu lao động 20.420 người': done (figures invented)."""
    planned = extract("⁶ Kế hoạch năm 2022: giải quyết việc làm cho 40.000 lao động, trong đó xuất khẩu lao động 15.000 "
                      "người.")
    assert [(f.value, f.kind) for f in planned] == [("40.000", "target"), ("15.000", "target")]
    done = extract("11 tháng giải quyết việc làm cho 44.760 lao động, đạt 111,9% kế hoạch năm, trong đó xuất khẩu lao "
                   "động 20.420 người.")
    assert [(f.value, f.kind) for f in done] == [("44.760", "result"), ("111,9", "share"), ("20.420", "result")]


def test_the_same_time_in_brackets_with_its_verb_is_the_baseline_s():
    """'(cùng kỳ năm 2019 thu 1.968,8 tỷ đồng)' (set BY's Đắk Nông: a claim giving it to 2020 had been confirmed): the
    bracket's own value, of the year before, a reference (figures invented)."""
    own = Period("nine_months", 2020)
    figs = extract("Tổng thu ngân sách 9 tháng năm 2020 ước đạt 1.862,4 tỷ đồng, bằng 94,6% so với cùng kỳ năm 2019 (cùng "
                   "kỳ năm 2019 thu 1.968,8 tỷ đồng).", 1, own, own=own)
    last = figs[-1]
    assert last.value == "1.968,8" and last.reference and last.period == Period("nine_months", 2019)


def test_a_change_asked_of_a_row_stating_it_takes_the_result_before_the_plan():
    """'tỷ lệ hộ nghèo giảm bao nhiêu' of the row 'Mức giảm tỷ lệ hộ nghèo' (no cell is a change: the row itself is):
    what was achieved before what was planned (set CA's Tuyên Quang gave the plan's 3,0). Figures invented."""
    from tracuu.ingest.types import Period
    row = ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2023 > Mức giảm tỷ lệ hộ nghèo > ĐVT: Điểm %; "
           "Năm 2023 - Kế hoạch năm: 2,5; Năm 2023 - Ước thực hiện: 2,74")
    cells = extract(row)
    y23 = [Period("year", 2023)]
    assert rank(cells, weighted({}), asked=y23, wants_change=True)[0].value == "2,74"
    assert rank(cells, weighted({}), asked=y23, wants_change=True, wants_target=True)[0].value == "2,5"


def test_a_column_compared_with_the_plan_abbreviated_dt_is_a_share():
    """'So sánh (%) - Với DT HĐND tỉnh: 114,3' is the result as a share of the spending plan (dự toán), so a claim
    'vượt 14,3% dự toán' meets it (set CA's c71_003 was judged a mismatch); 'So cùng kỳ (%)' stays a change.
    Figures invented."""
    row = ("THU, CHI NGÂN SÁCH NHÀ NƯỚC NĂM 2023 (ĐVT: triệu đồng) > TỔNG THU NSNN TRÊN ĐỊA BÀN > Dự toán năm 2023 - "
           "HĐND tỉnh giao: 2.700.000; Ước thực hiện năm 2023: 3.105.000; So sánh (%) - Với DT HĐND tỉnh: 115,0; "
           "So sánh (%) - Cùng kỳ: 106,1")
    kinds = {c.value: c.kind for c in extract(row)}
    assert kinds["115,0"] == "share" and kinds["106,1"] == "change" and kinds["2.700.000"] == "target"


def test_a_year_inside_the_circumstances_recalled_is_not_the_figure_s():
    """'Năm 2027, trong bối cảnh kinh tế phục hồi nhanh sau giai đoạn dịch bùng phát mạnh năm 2026, tổng thu ... đạt
    67.845,3 tỷ đồng': 2027's revenue (set CE's Bình Dương had been refused as 2026's); 'Sau 6 tháng năm 2027, ... đạt'
    is the half year's. Figures invented."""
    from tracuu.ingest.types import Period
    s = ("Năm 2027, trong bối cảnh kinh tế của tỉnh phục hồi nhanh sau giai đoạn dịch bùng phát mạnh năm 2026, tổng thu "
         "ngân sách nhà nước trên địa bàn đạt 67.845,3 tỷ đồng.")
    assert extract(s, period=Period("year", 2027))[0].period == Period("year", 2027)
    assert extract("Sau 6 tháng năm 2027, tổng thu đạt 8.000 tỷ đồng.", period=Period("year", 2027))[0].period \
        == Period("half", 2027, 1)


def test_a_bracket_after_a_baseline_is_the_baseline_s_and_the_same_time_a_year_before_owns_its_value():
    """'vượt 7,5% kế hoạch, tăng 14,2% so với năm 2020 (1.035 triệu USD)' (CQ's Bạc Liêu): the bracket is 2020's
    result, not the plan's amount (the plan's bracket stands in the plan's own clause: 'đạt 99,6% kế hoạch khách quốc
    tế (850 nghìn lượt)'); 'thấp hơn mức tăng 13,02% của cùng kỳ năm trước' (CR's Bắc Giang) is the same span a year
    before. Figures invented."""
    year = Period("year", 2021)
    figs = {f.value: f for f in extract("Kim ngạch xuất khẩu ước đạt 1.182 triệu USD, vượt 7,5% kế hoạch, tăng 14,2% so "
                                        "với năm 2020 (1.035 triệu USD), chủ yếu nhờ tôm chế biến.", period=year)}
    assert figs["1.035"].kind == "result" and figs["1.035"].period == Period("year", 2020)
    assert figs["1.182"].period == year and figs["1.182"].kind == "result"
    plan = {f.value: f for f in extract("Khách quốc tế đạt 99,6% kế hoạch khách quốc tế (850 nghìn lượt).", period=year)}
    assert plan["850"].kind == "target" and plan["850"].reference
    plan = {f.value: f for f in extract("Giải ngân đạt 45,2% kế hoạch vốn năm 2021 (3.553 tỷ đồng).", period=year)}
    assert plan["3.553"].kind == "target"
    nine = Period("nine_months", 2021)
    figs = {f.value: f for f in extract("GRDP 9 tháng năm 2021 ước tăng 6,84% so với cùng kỳ năm 2020, thấp hơn nhiều "
                                        "so với mức tăng 13,02% của cùng kỳ năm trước; riêng quý III/2021 ước tăng "
                                        "2,41%.", period=nine)}
    assert figs["6,84"].period == nine and figs["13,02"].period == Period("nine_months", 2020)
    assert figs["2,41"].period == Period("quarter", 2021, 3)


def test_the_year_s_plan_beside_a_part_of_it_is_the_year_s_and_its_line_is_its_bracket():
    """'6 tháng ước đạt 5.318 tỷ đồng, bằng 58,4% dự toán năm (dự toán 9.100 tỷ đồng)' (CO's Lâm Đồng, figures
    invented): the bracket is the year's plan, named by its label in the answer's line; a half year's own plan stays
    the half year's."""
    half = Period("half", 2021, 1)
    quote = ("Tổng thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 5.318 tỷ đồng, bằng 58,4% dự toán năm (dự toán "
             "9.100 tỷ đồng), tăng 13,2% so với cùng kỳ.")
    figs = {f.value: f for f in extract(quote, period=half, own=half)}
    assert figs["9.100"].kind == "target" and figs["9.100"].period == Period("year", 2021)
    assert figs["5.318"].period == half and figs["5.318"].kind == "result"
    assert lead_line(figs["9.100"], quote, "năm 2021") == "Dự toán (năm 2021): 9.100 tỷ đồng [1]"
    own = {f.value: f for f in extract("Thu 6 tháng đạt 5.318 tỷ đồng (kế hoạch 6 tháng 5.000 tỷ đồng).", period=half,
                                       own=half)}
    assert own["5.000"].kind == "target" and own["5.000"].period == half



def test_a_scale_before_the_unit_asked_is_the_same_unit():
    """'toàn tỉnh đón 7,42 triệu lượt khách, ...; trong đó khách quốc tế đạt 524.000 lượt' (CT's Lào Cai, figures
    invented) for 'bao nhiêu lượt khách du lịch': 'triệu lượt' is in 'lượt'; the total leads, not its part."""
    from tracuu.qa.figure_asks import units_in
    quote = ("Lũy kế 11 tháng, toàn tỉnh đón 7,42 triệu lượt khách, tăng 46,8% so với cùng kỳ, bằng 92,8% kế hoạch năm "
             "(kế hoạch 8 triệu lượt); trong đó khách quốc tế đạt 524.000 lượt.")
    question = "Lào Cai đón bao nhiêu lượt khách du lịch trong 11 tháng năm 2023?"
    words = set(tokenize(fold(question)))
    ranked = rank(extract(quote), weighted({t: 1.0 for t in words}), words=words, question=question,
                  units=units_in(question))
    assert ranked[0].value == "7,42"


def test_an_earmarked_transfer_is_no_aim_and_its_line_ends_with_its_bracket():
    # 'bổ sung có mục tiêu' is a budget's earmarked transfer, as 'chương trình mục tiêu quốc gia' is a programme (invented)
    from tracuu.qa.glossary import asks_target
    quote = ("Tổng thu ngân sách địa phương năm 2022 đạt 7.354,87 tỷ đồng; trong đó thu bổ sung từ ngân sách trung ương "
             "5.612,38 tỷ đồng (bổ sung cân đối 3.712,00 tỷ đồng, bổ sung có mục tiêu 1.900,38 tỷ đồng).")
    figs = {f.value: f for f in extract(quote, period=Period("year", 2022))}
    assert figs["1.900,38"].kind == "result" and figs["3.712,00"].kind == "result"
    question = "Thu bổ sung có mục tiêu từ ngân sách trung ương năm 2022 là bao nhiêu?"
    assert not asks_target(fold(question)) and not asks_target("giai ngan von chuong trinh muc tieu quoc gia")
    assert asks_target("muc tieu tang truong grdp nam 2024") and asks_target("tinh dat muc tieu xuat khau bao nhieu")
    first = next(f for f in extract(quote) if f.value == "1.900,38")
    line = lead_line(first, quote, "năm 2022")
    assert line.endswith(": 1.900,38 tỷ đồng [1]"), line
    assert _first(quote, question) == "1.900,38"


def test_a_part_s_own_words_after_its_whole_s_unit_are_not_the_whole_s():
    # 'thu nội địa 1.968 tỷ đồng (riêng thu tiền sử dụng đất 742 tỷ đồng)': the bracket's words name the part (invented)
    quote = ("Trong đó thu nội địa 1.968 tỷ đồng (riêng thu tiền sử dụng đất 742 tỷ đồng), thu từ hoạt động xuất nhập "
             "khẩu 216 tỷ đồng.")
    assert _first(quote, "Thu tiền sử dụng đất quý I năm 2020 của tỉnh Hà Nam được bao nhiêu?") == "742"
    assert _first(quote, "Thu nội địa quý I năm 2020 của tỉnh Hà Nam được bao nhiêu?") == "1.968"


def test_a_figure_of_what_the_question_leaves_out_is_not_first():
    # 'xuất khẩu (không tính nhập khẩu)': the imports are named by the question only to be left out (invented)
    quote = ("Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu trên địa bàn tỉnh năm 2021 ước đạt 448,6 triệu USD, giảm "
             "7,9% so với năm 2020, trong đó xuất khẩu đạt 203,2 triệu USD, nhập khẩu đạt 245,4 triệu USD.")
    assert _first(quote, "Kim ngạch xuất khẩu (không tính nhập khẩu) qua các cửa khẩu năm 2021 là bao nhiêu?") == "203,2"
    assert _first(quote, "Kim ngạch nhập khẩu qua các cửa khẩu năm 2021?") == "245,4"
    # the question leaves it out the ways reports do ('(trừ ...)', 'loại trừ ...'), typed with marks or without
    assert _first(quote, "Kim ngạch xuất khẩu (trừ nhập khẩu) qua các cửa khẩu năm 2021?") == "203,2"
    assert _first(quote, "kim ngach xuat khau qua cac cua khau nam 2021 loai tru nhap khau") == "203,2"


def test_the_plan_a_result_is_measured_against_lends_the_plan_s_cell_no_words():
    # 'đạt bao nhiêu so với kế hoạch': the result's cell before the plan's (invented row)
    from tracuu.qa.figure_asks import against
    from tracuu.qa.table_cells import table_cells
    row = ("Kết quả thực hiện các chỉ tiêu chủ yếu năm 2022 > Trong đó: sản lượng tôm > ĐVT: Tấn; Kế hoạch 2022: 215.000; "
           "Ước TH 2022: 218.640; So KH (%): 101,7; Đánh giá: Vượt")
    cells = table_cells(row, year=2022, own=Period("year", 2022))
    for q, first in (("Sản lượng tôm năm 2022 đạt bao nhiêu so với kế hoạch?", "218.640"),
                     ("Kế hoạch sản lượng tôm năm 2022 là bao nhiêu?", "215.000")):
        words = set(tokenize(fold(q)))
        ranked = rank(cells, weighted({t: 1.0 for t in words}), words=words, question=q, asked=[Period("year", 2022)],
                      baselines=set(against(q)), wants_target=q.startswith("Kế hoạch"))
        assert ranked[0].value == first, (q, [f.value for f in ranked])


def test_a_share_of_the_plan_asked_by_whose_plan_leads_with_that_share(invented_engine):
    # sl_ubnd_9thang_2027 (figures invented): two shares in one sentence, each of another body's plan, and a note giving
    # the plans' amounts; the share asked leads (not the note's plan amount, nor the other body's share), whether the
    # question writes the body as an acronym and the report spells it out, or the reverse
    asked = {"Sơn La thu ngân sách 9 tháng 2027 đạt bao nhiêu phần trăm dự toán HĐND tỉnh giao": "76,3%",
             "son la thu ngan sach 9 thang 2027 bang bao nhieu % du toan trung uong giao": "82,4%",
             "Giải ngân vốn đầu tư công Sơn La 9 tháng 2027 đạt bao nhiêu phần trăm kế hoạch vốn Hội đồng nhân dân tỉnh "
             "giao": "58,7%",
             "giai ngan von dau tu cong son la 9 thang 2027 dat bao nhieu % ke hoach HDND tinh giao": "58,7%",
             "giai ngan von dau tu cong son la 9 thang 2027 dat bao nhieu % ke hoach Thu tuong Chinh phu giao": "64,9%"}
    for q, share in asked.items():
        ans = invented_engine.ask(q)
        first = ans.answer.split("\n")[0]
        assert ans.answered and ans.figures[0].value + "%" == share, (q, ans.answer)
        # the line names what the share is of: the sentence's subject, not 'Số liệu'
        assert not first.startswith("Số liệu"), first


def test_a_plan_named_by_whose_it_is_in_a_share_asked_is_no_plan_asked():
    from tracuu.qa.glossary import plan_asked
    assert not plan_asked("yen bai thu ngan sach 9 thang 2019 dat bao nhieu phan tram du toan HDND tinh giao")
    assert not plan_asked("Giải ngân đạt bao nhiêu % kế hoạch vốn Thủ tướng Chính phủ giao?")
    # the plan's own amount is asked, or a second ask is of it
    assert plan_asked("Dự toán HĐND tỉnh giao là bao nhiêu?")
    assert plan_asked("Giải ngân đạt bao nhiêu % kế hoạch và kế hoạch vốn giao là bao nhiêu?")


def test_a_plan_assigned_is_the_year_s_plan_whatever_span_its_report_covers(invented_engine):
    # sl_ubnd_9thang_2027 (figures invented): the nine months' report gives the year's plans in its notes
    own = Period("nine_months", 2027)
    figs = extract("² Kế hoạch vốn Thủ tướng Chính phủ giao 4.804 tỷ đồng; kế hoạch vốn HĐND tỉnh giao 5.312 tỷ đồng.",
                   period=own, own=own)
    # a plan's amount ('Chính phủ' is no 'chi', spending, after the plan's noun), of the year
    assert [(f.kind, f.period) for f in figs] == [("target", Period("year", 2027))] * 2
    # the shares of those plans stay the nine months' results
    shares = extract("Giải ngân vốn đầu tư công đạt 3.118 tỷ đồng, bằng 64,9% kế hoạch vốn Thủ tướng Chính phủ giao.",
                     period=own, own=own)
    assert [(f.kind, f.period) for f in shares] == [("result", own), ("share", own)]
    asked = {"Dự toán thu ngân sách HĐND tỉnh Sơn La giao năm 2027 là bao nhiêu": "5.617",
             "Kế hoạch vốn đầu tư công năm 2027 Thủ tướng Chính phủ giao cho Sơn La là bao nhiêu": "4.804",
             "ke hoach von dau tu cong nam 2027 HDND tinh Son La giao": "5.312"}
    for q, amount in asked.items():
        ans = invented_engine.ask(q)
        assert ans.answered and ans.figures[0].value == amount, (q, ans.answer)


def test_a_label_naming_a_period_frames_every_item_of_its_list():
    # a note of a ten months' annex (figures invented): 'Ước thực hiện cả năm 2025: a; b; c' gives each item the year
    own, year = Period("months", 2025, 10), Period("year", 2025)
    note = ("(e) Ước thực hiện cả năm 2025: thu ngân sách nhà nước trên địa bàn đạt 34.500 tỷ đồng; tổng mức bán lẻ "
            "hàng hóa và doanh thu dịch vụ tiêu dùng đạt 79.200 tỷ đồng; giải ngân vốn đầu tư công đạt trên 95% kế hoạch.")
    assert [f.period for f in extract(note, period=own, own=own)] == [year] * 3
    # an item naming its own period keeps it; a label naming what is measured frames only its own figure
    items = "Kết quả 10 tháng: thu ngân sách đạt 30.000 tỷ đồng; riêng tháng 10 đạt 3.100 tỷ đồng; bán lẻ đạt 65.318 tỷ đồng."
    assert [f.period for f in extract(items, period=own, own=own)] == [own, Period("month", 2025, 10), own]
    jan = Period("month", 2023, 1)
    parts = ("Kết quả giải ngân kế hoạch vốn năm 2023 đến hết tháng 01/2023: 45 tỷ đồng, đạt 1,15% kế hoạch; trong đó: "
             "ngân sách trung ương 25 tỷ đồng.")
    assert extract(parts, period=jan, own=jan)[-1].period == jan


def test_a_later_item_that_only_changes_the_subject_keeps_the_subject_s_period():
    # a release's CPI sentence (set DB; figures invented): the month's changes against other baselines, after ';', are
    # the month's, not the half year's of the report; the half year's average is named in its own sentence
    own = Period("half", 2019, 1)
    s = ("CPI tháng 6/2019 trên địa bàn tỉnh giảm 0,18% so với tháng trước; tăng 1,35% so với tháng 12 năm trước và tăng "
         "2,06% so với cùng kỳ năm trước. Bình quân 6 tháng đầu năm 2019, CPI tăng 1,84% so với bình quân cùng kỳ.")
    june = Period("month", 2019, 6)
    assert [f.period for f in extract(s, period=own, own=own)] == [june, june, june, own]
    # an item with its own subject keeps the report's period
    items = "Xuất khẩu tháng 6/2019 đạt 95 triệu USD; nhập khẩu đạt 41 triệu USD."
    assert [f.period for f in extract(items, period=own, own=own)] == [june, own]


def test_an_item_naming_its_own_period_after_the_date_is_not_counted_to_it():
    """'tính đến ngày 30/11/2021, toàn tỉnh giải ngân được 6.854,2 tỷ đồng, ...; ước cả năm giải ngân đạt 95% kế hoạch'
    (set DD's gdd005, figures invented), asked 'đến 30/11/2021': the state at the date leads, not the year's estimate
    after it. The clause naming the asked words then saying them again ('toàn tỉnh giải ngân được') states its figure."""
    from tracuu.qa.quote_checks import figure_by_name
    quote = ("Giải ngân vốn đầu tư công: tính đến ngày 30/11/2021, toàn tỉnh giải ngân được 6.854,2 tỷ đồng, đạt 72,3% "
             "kế hoạch vốn (cả nước đạt 64,0%); ước cả năm giải ngân đạt 95% kế hoạch.")
    words = _w("giai", "ngan", "von", "dau", "tu", "cong")
    figs = extract(quote, period=Period("year", 2021))
    assert rank(figs, weighted(words), dated=[Period("month", 2021, 11)])[0].value == "6.854,2"
    pairs = ["giai_ngan", "ngan_von", "von_dau", "dau_tu", "tu_cong"]
    assert figure_by_name(quote, pairs, {}, None)
    assert not figure_by_name("Giải ngân vốn đầu tư công: tính đến ngày 30/11/2021, tổng mức bán lẻ đạt 1.234 tỷ đồng.",
                              pairs, {}, None)


def test_a_question_opening_on_so_counts_what_follows():
    """'số người chết do tai nạn giao thông ... 10 tháng' (set DC's gdc004, figures invented): the count of the dead, not
    their fall; 'số liệu', 'số thu', 'so sánh' count nothing."""
    from tracuu.qa.figure_asks import counted
    assert counted("so nguoi chet do tai nan giao thong o ha noi 10 thang nam 2026") == {("nguoi", "chet")}
    assert counted("Số doanh nghiệp thành lập mới quý I") == {("doanh", "nghiep")}
    assert not counted("số liệu thu ngân sách 6 tháng") and not counted("Số thu ngân sách 6 tháng")
    assert not counted("so sánh GRDP quý I với cùng kỳ")
    quote = ("Tính chung 10 tháng năm 2026 xảy ra 1.012 vụ, làm chết 452 người, bị thương 694 người; so với cùng kỳ năm "
             "trước, số vụ giảm 6,3%, số người chết giảm 4,8%.")
    words = _w("nguoi", "chet", "tai", "nan", "giao", "thong")
    figs = extract(quote, period=Period("months", 2026, 10))
    assert rank(figs, weighted(words), nouns={("nguoi", "chet")})[0].value == "452"


def test_targets_counted_as_met_make_no_later_figure_an_aim():
    """'Năm 2022, Yên Bái có 22/22 chỉ tiêu chủ yếu đạt và vượt kế hoạch, tăng trưởng GRDP ước đạt 8,93%' (set BA's claim
    c45_002, figures invented): the growth is a result; 'phấn đấu các chỉ tiêu chủ yếu: ... đạt 8,5%' stays an aim."""
    figs = extract("Năm 2022, Yên Bái có 22/22 chỉ tiêu chủ yếu đạt và vượt kế hoạch, tăng trưởng GRDP ước đạt 8,93%.")
    assert {f.value: f.kind for f in figs}["8,93"] == "result"
    assert extract("Năm 2023 phấn đấu các chỉ tiêu chủ yếu: tăng trưởng GRDP đạt 8,5%.")[0].kind == "target"


def test_a_bound_naming_which_units_fall_under_it_is_no_value_of_the_measure():
    """'Tính đến ngày 20/3/2022, giá trị giải ngân đạt 312,4 tỷ đồng, bằng 11,8% kế hoạch. Một số chủ đầu tư có tỷ lệ
    giải ngân dưới 5% như UBND huyện Pác Nặm' (set DF's Bắc Kạn, figures invented): the bound comes after the values."""
    quote = ("Tính đến ngày 20/3/2022, giá trị giải ngân đạt 312,4 tỷ đồng, bằng 11,8% kế hoạch. Một số chủ đầu tư có tỷ "
             "lệ giải ngân dưới 5% như UBND huyện Pác Nặm, UBND huyện Ngân Sơn.")
    words = _w("ty", "le", "giai", "ngan", "von", "dau", "tu", "cong")
    figs = extract(quote, period=Period("quarter", 2022, 1))
    order = [f.value for f in rank(figs, weighted(words), dated=[Period("month", 2022, 3)])]
    assert order.index("11,8") < order.index("5") and order.index("312,4") < order.index("5")
    # or a count of the units the bound sorts ('Có 7 chủ đầu tư giải ngân dưới 20% kế hoạch', set DI's Quảng Nam)
    quote = ("Tổng kế hoạch vốn đầu tư công năm 2024 của tỉnh là 8.410,5 tỷ đồng. Giải ngân đến ngày 20/6/2024 đạt "
             "2.876,4 tỷ đồng, bằng 34,2% kế hoạch. Có 7 chủ đầu tư giải ngân dưới 20% kế hoạch.")
    words = _w("giai", "ngan", "von", "dau", "tu", "cong", "dat", "chu")
    order = [f.value for f in rank(extract(quote, period=Period("half", 2024, 1)), weighted(words))]
    assert order.index("2.876,4") < order.index("20")


def test_lead_line_names_a_figure_without_its_note_number_or_quotation_mark():
    # figures invented (sets DG's Phú Yên and Hậu Giang): a note's '[4]' and a quotation's opening mark name nothing
    quote = "[4] Riêng tháng 6/2023 ước thu 386,5 tỷ đồng. Cùng kỳ năm 2022, thu ngân sách 6 tháng đạt 2.834,7 tỷ đồng."
    assert lead_line(extract(quote)[0], quote, "tháng 6/2023").startswith("Riêng tháng 6/2023 ước thu")
    quote = "\"Mục tiêu tăng trưởng năm 2023 của tỉnh là 7,5%, nên ngay từ quý II, các ngành phải tăng tốc.\""
    assert lead_line(extract(quote)[0], quote, None).startswith("Mục tiêu tăng trưởng năm 2023 của tỉnh")


def test_a_running_total_to_a_month_without_its_year_is_the_report_s_running_total():
    # figures invented (set DL's Hải Dương): 'Đến hết tháng 10' counts from January; 'riêng tháng 10' is the month
    quote = ("Đến hết tháng 10, Hải Dương giải ngân được 3.416,2 tỷ đồng vốn đầu tư công, đạt 58,7% kế hoạch; riêng "
             "tháng 10 giải ngân được 402,8 tỷ đồng.")
    own = Period("months", 2022, 10)
    periods = {f.value: f.period for f in extract(quote, period=own, own=own)}
    assert periods["3.416,2"] == own and periods["402,8"] == Period("month", 2022, 10)
    # a question's 'đến hết tháng 10' (no report) stays the date asked
    from tracuu.ingest.periods import find_periods
    assert [m.period for m in find_periods("đến hết tháng 10 giải ngân", 2022)] == [Period("month", 2022, 10)]
    assert [m.period for m in find_periods("đến hết tháng 10 giải ngân", own=own)] == [own]


def test_a_sentence_opening_on_the_same_span_a_year_before_is_of_that_year():
    # figures invented (set BF's Bình Phước): a note '[1] Cùng kỳ năm 2024 thu ngân sách 6 tháng đạt 6.042 tỷ đồng.' in
    # the report of the first half of 2025 gives 2024's half year, not 2025's
    half = Period("half", 2025, 1)
    quote = "[1] Cùng kỳ năm 2024 thu ngân sách 6 tháng đạt 6.042 tỷ đồng."
    assert [f.period for f in extract(quote, period=half, own=half)] == [Period("half", 2024, 1)]
    quote = "Thu ngân sách 6 tháng đạt 7.142 tỷ đồng; cùng kỳ năm 2024 đạt 6.042 tỷ đồng."
    assert [f.period for f in extract(quote, period=half, own=half)] == [half, Period("half", 2024, 1)]
    from tracuu.qa.period_conflicts import conflicts
    from tracuu.qa.query import parse_query
    assert conflicts(parse_query("thu ngân sách 6 tháng 2025"), "Cùng kỳ năm 2024 thu ngân sách 6 tháng đạt 6.042 tỷ "
                     "đồng.", 2025, own=half)


def test_a_cut_off_month_with_its_year_stays_when_the_plan_s_year_is_named():
    # figures invented (the samples' Lạng Sơn): the 2025 plan disbursed 'đến hết tháng 01/2026' is the 2025 plan's
    # figure counted to January, not January 2026's; only a yearless 'Đến hết tháng 10' widens to the running total
    own = Period("month", 2026, 1)
    quote = "Giải ngân kế hoạch vốn năm 2025 đến hết tháng 01/2026 đạt 7.554,6 tỷ đồng, bằng 92,1% kế hoạch."
    assert extract(quote, period=own, own=own)[0].period == Period("year", 2025)


def test_a_note_mark_glued_to_the_counted_word_still_counts_it():
    # figures invented (set DI's Quảng Nam): 'khách quốc tế đạt 2,84 triệu lượt(3)' counts 'lượt khách quốc tế'
    from tracuu.qa.figure_words import counts
    asked = {("luot", "khach", "quoc", "te")}
    assert counts("triệu lượt(3); tổng thu từ du lịch", asked, before="khách quốc tế đạt") == 4
    assert counts("triệu lượt, tăng 21,4%", asked, before="tổng lượt khách tham quan, lưu trú ước đạt") == 1


def test_a_thousands_group_ocr_split_off_with_a_space_is_one_number():
    """'11 thang dat 2 .386,7 triêu USD' (an OCR'd report, set DP; invented): one figure, 2.386,7, read and checked as
    printed; a space before a decimal part is no such split."""
    from tracuu.qa.figures import extract
    from tracuu.qa.verify import numbers_in
    figs = extract("- Kim ngach xuât khâu thang 11 uoc dat 238,5 triêu USD; 11 thang dat 2 .386,7 triêu USD, tang 16,2%.")
    assert [(f.value, f.number) for f in figs][:2] == [("238,5", 238.5), ("2 .386,7", 2386.7)]
    assert numbers_in("dat 2 .386,7 triêu USD") == ["2 .386,7"] and numbers_in("dien tich 2 .5 ha") == ["2", "5"]


def test_lead_figures_of_set_dm_dp_questions():
    """Sentences of sets DM and DP (invented figures) and the figure each question asks first."""
    from tracuu.qa.figure_asks import units_in
    fdi = ("Cấp mới 02 dự án FDI với tổng vốn đăng ký 57,3 triệu USD (khoảng 1.352 tỷ đồng); điều chỉnh tăng vốn 01 dự án "
           "thêm 12,5 triệu USD.")
    ask = "Trong 8 tháng năm 2023 Quảng Bình thu hút được bao nhiêu vốn FDI từ các dự án cấp mới?"
    # money asked by its name ('bao nhiêu vốn'): in money units, not the count of projects it came from
    assert "du an" not in units_in(ask) and "trieu usd" in units_in(ask)
    assert "du an" in units_in("Quảng Bình có bao nhiêu dự án FDI cấp mới?")
    # (only the first thing asked: 'bao nhiêu máy tính bảng và bao nhiêu tiền' counts the tablets first)
    assert "trieu usd" not in units_in("hỗ trợ được bao nhiêu máy tính bảng và bao nhiêu tiền")
    words = set(tokenize(fold(ask)))
    assert rank(extract(fdi), weighted({t: 1.0 for t in words}), words=words, question=ask,
                units=units_in(ask))[0].value == "57,3"
    # the whole country's figure in the province's bracket is a reference, never the province's
    cpi = extract("- Chỉ số giá tiêu dùng (CPI) tháng 01/2024 tăng 0,42% so với tháng 12/2023, tăng 3,15% so với cùng "
                  "kỳ (cả nước tăng 0,31% so với tháng trước).")
    assert [f.value for f in cpi if f.reference] == ["0,31"]
    # ... and never leads, though it alone names the baseline asked ('so với tháng trước')
    q = "CPI Nghe An thang 1 nam 2024 tang bao nhieu so voi thang truoc"
    words = set(tokenize(fold(q)))
    assert rank(cpi, weighted({t: 1.0 for t in words}), words=words, question=q, wants_change=True,
                baselines={"thang truoc"})[0].value == "0,42"
    gdp = extract("Tính chung 9 tháng năm 2023, GRDP ước tăng 6,35% (cùng kỳ năm 2022 tăng 7,08%), thấp hơn mục tiêu "
                  "tăng trưởng 7,0% cả năm 2023, nhưng cao hơn mức tăng chung của cả nước (4,28%).", 1,
                  Period("nine_months", 2023))
    q = "Tien Giang uoc tang truong GRDP ca nam 2023 la bao nhieu phan tram"
    words = set(tokenize(fold(q)))
    assert rank(gdp, weighted({t: 1.0 for t in words}), words=words, question=q, asked=[Period("year", 2023)],
                units={"%"})[0].value != "4,28"
    # a share's baseline named before it, 'tính theo kế hoạch Thủ tướng giao ... thì đạt'
    vp = ("Giải ngân vốn đầu tư công đến 31/10/2023 ước đạt 3.987,5 tỷ đồng, bằng 64,2% kế hoạch vốn giao đầu năm; nếu "
          "tính theo kế hoạch vốn Thủ tướng Chính phủ giao (5.480,0 tỷ đồng) thì đạt 72,8%.")
    q = "Vĩnh Phúc giải ngân vốn đầu tư công đạt bao nhiêu phần trăm so với kế hoạch Thủ tướng giao?"
    words = set(tokenize(fold(q)))
    assert rank(extract(vp), weighted({t: 1.0 for t in words}), words=words, question=q, units=units_in(q),
                baselines={"ke hoach thu tuong giao"})[0].value == "72,8"


def test_kh_nam_before_a_figure_marks_the_year_s_plan_and_a_share_of_it_is_no_plan():
    # invented bullets: 'KH năm' is 'kế hoạch năm' as terse reports abbreviate it
    assert extract("- KH năm 2027 (NQ số 21-NQ/TU): GRDP tăng 8,0%.")[0].kind == "target"
    share = extract("- Xuất khẩu 11 tháng: 2.386,7 triệu USD, đạt 95,5% KH năm.")
    assert [f.kind for f in share if f.value == "95,5"] != ["target"] and share[0].kind != "target"



def test_a_note_mark_glued_to_the_percent_sign_keeps_the_share_s_baseline():
    from tracuu.qa.figure_asks import against
    # invented figures, as OCR glues a note's mark: '40,6%3 dự toán' is the revenue's share of the estimate
    quote = ("Tổng thu ngân sách 5 tháng ước đạt 8.742 tỷ đồng, đạt 40,6%3 dự toán năm. Chi ngân sách địa phương 5 tháng "
             "ước 5.137 tỷ đồng, đạt 27,4% dự toán.")
    question = "Thu ngân sách 5 tháng đạt bao nhiêu phần trăm dự toán?"
    figs = [f for f in extract(quote) if f.kind == "share"]
    assert rank(figs, weighted(_w("thu ngân sách")), baselines=against(question))[0].value == "40,6"


def test_a_production_or_price_index_asked_is_a_percentage():
    from tracuu.qa.figure_asks import units_in
    # invented: the index's change, not the output's value in tỷ đồng beside it
    quote = ("Tính chung 5 tháng chỉ số sản xuất công nghiệp tăng 9,26% so với cùng kỳ. Giá trị sản xuất công nghiệp 5 tháng "
             "ước đạt 79.460 tỷ đồng.")
    question = "Chỉ số sản xuất công nghiệp 5 tháng đầu năm 2027 tăng bao nhiêu?"
    assert "%" in units_in(question) and "%" in units_in("CPI tháng 5 tăng bao nhiêu")
    assert rank(extract(quote), weighted(_w("chỉ số sản xuất công nghiệp")), units=units_in(question))[0].value == "9,26"


def test_an_estimate_s_column_abbreviated_dt_is_a_plan_and_th_the_running_total():
    from tracuu.ingest.types import Period
    # invented row, space-aligned budget table read as a Word table is: 'DT TW giao' and 'DT HĐND giao' are estimates
    own = Period("months", 2027, 8)
    row = ("Biểu số 01: Thu, chi ngân sách 8 tháng năm 2027 (Đơn vị tính: Triệu đồng) > I Chi đầu tư phát triển > "
           "DT TW giao: 4.905.000; DT HĐND giao: 5.286.300; TH 8 tháng: 3.012.846; %DT TW: 61,4")
    kinds = {f.value: f.kind for f in extract(row, 1, own, own=own)}
    assert kinds["4.905.000"] == kinds["5.286.300"] == "target" and kinds["3.012.846"] == "result"
    assert kinds["61,4"] == "share"


def test_an_aim_met_or_missed_opens_no_list_of_aims():
    # invented figures: 'chưa đạt mục tiêu đề ra' judges the year; the figures after ';' are its results
    figs = extract("Năm 2027, kinh tế của tỉnh chưa đạt mục tiêu đề ra; GRDP ước tăng 6,84%, thấp hơn kế hoạch (7,5%); "
                   "quy mô GRDP ước đạt 186.412,6 tỷ đồng.")
    kinds = {f.value: f.kind for f in figs}
    assert kinds["6,84"] == "change" and kinds["186.412,6"] == "result" and kinds["7,5"] == "target"
    aims = extract("Năm 2028, tỉnh phấn đấu đạt các mục tiêu; GRDP tăng 8%; thu ngân sách 25.800 tỷ đồng.")
    assert {f.value: f.kind for f in aims}["25.800"] == "target"
