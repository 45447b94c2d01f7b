"""qa.query: what a question asks, read once (no index)."""
from tracuu.ingest.types import Period
from tracuu.qa.query import Intent, parse_query


def test_intent_is_one_value_whose_parts_combine():
    assert parse_query("mục tiêu tăng trưởng GRDP năm 2025 là bao nhiêu").intent == \
        Intent.FIGURE | Intent.QUANTITY | Intent.TARGET
    assert parse_query("giải ngân vốn đầu tư công 6 tháng 2023").intent == Intent.FIGURE | Intent.QUANTITY
    assert parse_query("Quyết định giao chỉ tiêu là văn bản số mấy?").intent & Intent.REFERENCE
    assert parse_query("Năm 2023 những huyện nào diễn tập khu vực phòng thủ?").intent == Intent.NONE
    q = parse_query("Lạng Sơn xếp thứ mấy về chỉ số PCI năm 2022")  # a rank: a quantity, no figure sentence needed
    assert Intent.QUANTITY in q.intent and q.asks_quantity and not q.wants_reference


def test_the_source_a_question_names_is_no_content_word():
    q = parse_query("Chỉ tiêu tăng trưởng GRDP năm 2023 của tỉnh Lai Châu theo nghị quyết HĐND là bao nhiêu?")
    assert "nghi quyet" not in q.lexical_text and "hdnd" not in q.lexical_text and "grdp" in q.lexical_text
    assert "bao cao" not in parse_query("thu ngân sách theo báo cáo của UBND tỉnh năm 2023").lexical_text


def test_where_the_asked_place_lies_now_is_not_the_place_asked():
    q = parse_query("Thu ngân sách năm 2025 của khu vực Bắc Kạn cũ (nay thuộc tỉnh Thái Nguyên) ước đạt bao nhiêu?")
    assert q.provinces == ["Bắc Kạn"]
    assert parse_query("Thu ngân sách năm 2025 của khu vực Phú Yên cũ thuộc tỉnh Đắk Lắk").provinces == ["Phú Yên"]
    assert parse_query("thu ngân sách Thái Nguyên và Bắc Kạn năm 2025").provinces == ["Thái Nguyên", "Bắc Kạn"]
    # and its words are no words of what is asked: the quote need not say 'nay thuộc'
    q = parse_query("Khu vực Vĩnh Phúc cũ (nay thuộc tỉnh Phú Thọ) xuất khẩu được bao nhiêu trong 8 tháng năm 2025?")
    assert q.provinces == ["Vĩnh Phúc"] and "nay" not in q.lexical_text and "thuoc" not in q.lexical_text


def test_a_cut_off_early_mid_or_late_in_a_month_is_a_date_not_the_month_s_own_figure():
    from tracuu.ingest.periods import Period
    for q, month in (("Tính đến giữa tháng 3/2022 có bao nhiêu doanh nghiệp?", 3),
                     ("dư nợ tín dụng đến đầu tháng 7/2024", 7), ("giải ngân đến cuối tháng 5/2023", 5),
                     ("tinh den het thang 11/2025 giai ngan bao nhieu", 11)):
        parsed = parse_query(q)
        assert parsed.dated and parsed.dated[0].index == month and parsed.dated[0].kind == "month", q
        assert Period("month", parsed.dated[0].year, month) not in parsed.periods, q
    # a month's own figure stays a month
    assert parse_query("xuất khẩu tháng 3/2022 đạt bao nhiêu").periods[0].index == 3
    assert not parse_query("xuất khẩu tháng 3/2022 đạt bao nhiêu").dated


def test_a_report_s_words_for_what_a_question_paraphrases():
    # paraphrases people type for what reports print (qa/lexicon.toml, [[equivalents]])
    assert "giai ngan" in parse_query("số vốn ngân sách thực sự rót vào các dự án đầu tư công là bao nhiêu").same
    assert "giai ngan" in parse_query("vốn đã rót cho dự án năm 2024").same
    assert "nhap ngu" in parse_query("năm 2024 giao bao nhiêu tân binh").same
    assert "nhap ngu" not in parse_query("công dân nhập ngũ năm 2024").same  # the report's own words: nothing to add
    # the economy growing is GRDP's growth; what people spent on goods and services is the retail total
    for q in ("Nền kinh tế Đắk Nông quý I/2025 lớn thêm bao nhiêu phần trăm?", "nen kinh te tinh tang them bao nhieu"):
        assert "tong san pham tren dia ban" in parse_query(q).same, q
    assert "tong muc ban le hang hoa" in parse_query("Tháng 3 người dân chi tiêu mua sắm hàng hóa, dịch vụ bao nhiêu").same
    assert not parse_query("chi tiêu ngân sách năm 2024").same
    # prices of consumer goods are the consumer price index; 'du khách' are counted as 'lượt khách' too
    assert "chi so gia tieu dung" in parse_query("Giá cả hàng hóa, dịch vụ tiêu dùng bình quân 8 tháng tăng bao nhiêu?").same
    assert not parse_query("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng").same
    assert "luot khach" in parse_query("Quý I/2024 tỉnh Bắc Kạn thu hút được bao nhiêu lượt du khách?").same


def test_which_way_a_comparison_goes_asks_each_side_s_figure():
    q = parse_query("Tăng trưởng GRDP quý I năm 2024 của Thái Nguyên nhanh hơn hay chậm hơn cả nước?")
    assert q.wants_figure and "nhanh" not in q.lexical_text and "cham" not in q.lexical_text


def test_what_was_harvested_is_the_output_a_harvested_area_is_not():
    assert "san luong" in parse_query("Huyện Tân Phú thu hoạch được bao nhiêu tấn điều năm 2024?").same
    assert "san luong" not in parse_query("diện tích thu hoạch lúa năm 2024").same


def test_a_date_a_question_starts_from_is_no_cut_off():
    # 'từ 01/7/2025' starts a span; 'từ ngày 15/12/2022 đến 14/6/2023' is counted to 14/6/2023
    assert parse_query("Từ 01/7/2025 xã Tân An giải quyết bao nhiêu hồ sơ?").dated == []
    q = parse_query("từ ngày 15/12/2022 đến 14/6/2023 có bao nhiêu vụ tai nạn giao thông")
    assert q.cutoff_days == {(2023, 6, 14)}
    assert parse_query("Đến 31/01/2023 giải ngân được bao nhiêu?").cutoff_days == {(2023, 1, 31)}


def test_a_cut_off_day_without_a_year_is_in_the_year_asked():
    from tracuu.ingest.types import Period
    q = parse_query("Tiến độ giải ngân vốn đầu tư công năm 2025 của An Hòa tính đến ngày 20/4?")
    assert q.periods == [Period("year", 2025)] and q.dated == [Period("month", 2025, 4)]
    # two years asked: no year to give it; a fraction or a full date is no such day
    assert parse_query("giải ngân năm 2024 và năm 2025 đến ngày 20/4").dated == []
    assert parse_query("Năm 2025 có 80/87 xã đạt chuẩn").dated == []


def test_a_share_of_the_plan_asked_is_a_result_asked():
    from tracuu.qa.glossary import plan_asked
    assert not plan_asked("Nam Định giải ngân được bao nhiêu phần trăm kế hoạch vốn năm 2023 đến ngày 31/01/2024?")
    assert plan_asked("Kế hoạch vốn đầu tư công năm 2024 giao bao nhiêu?")
    assert plan_asked("mục tiêu tăng trưởng năm 2025")


def test_the_source_a_question_quotes_is_no_content_word():
    # 'Theo <who>, ...': where the figure comes from, not what it measures; a plan named so still counts
    from tracuu.qa.query import parse_query
    q = parse_query("Theo Giám đốc Sở Kế hoạch và Đầu tư Ninh Thuận, GRDP 6 tháng đầu năm 2024 của tỉnh tăng bao nhiêu?")
    assert "giam doc" not in q.lexical_text and "grdp" in q.lexical_text
    assert "ke hoach" in parse_query("Theo kế hoạch, năm 2025 thu ngân sách bao nhiêu?").lexical_text
    assert "ra soat" in parse_query("Theo kết quả rà soát năm 2022, Lạng Sơn có bao nhiêu hộ nghèo?").lexical_text


def test_a_tet_named_without_a_year_asks_of_that_year_loosely():
    q = parse_query("Kinh phí quà Tết Quý Mão của Chủ tịch UBND tỉnh là bao nhiêu?")
    assert q.periods == [Period("year", 2023)] and q.weak == [Period("year", 2023)]
    # a period the question names is what it asks
    assert parse_query("Dịp Tết Bính Ngọ, tháng 01/2026 đón bao nhiêu khách?").periods == [Period("month", 2026, 1)]


def test_a_tet_s_lunar_year_name_is_a_period_not_content():
    # 'Bính Ngọ' names the year as '2026' does: it chooses the report, it is not what is counted
    q = parse_query("doanh thu du lich ninh binh dip tet binh ngo 2026")
    assert "tet" in q.lexical_text and "ngo" not in q.lexical_text.split() and "doanh thu du lich" in q.lexical_text
    assert q.periods == [Period("year", 2026)]


def test_a_city_named_as_its_province_is_lies_in_that_province():
    assert parse_query("Thu ngân sách năm 2023 của thành phố Tuyên Quang đạt bao nhiêu?").provinces == ["Tuyên Quang"]
    assert parse_query("TP. Bạc Liêu thu ngân sách 9 tháng 2024").provinces == ["Bạc Liêu"]
    assert parse_query("thu ngân sách thành phố Cần Thơ năm 2023").provinces == ["Cần Thơ"]  # a province-level city


def test_acronyms_are_read_alike_when_listed_and_when_written_out():
    # one table, one reading of word edges: a question's acronyms (`expansions`) and a part's name written out
    # (`spelled_out`, used to tell which part a question names: 'Vốn NSTW: 1.687,7 tỷ đồng')
    from tracuu.ingest.textnorm import fold_ocr
    from tracuu.qa.glossary import expansions, spelled_out
    text = fold_ocr("Vốn NSTW: 1.687,7 tỷ đồng; vốn FDI; thu NSNN-2024")
    listed = expansions(text)
    assert {"nstw", "fdi"} <= set(listed) and "nsnn" not in listed  # 'NSNN-2024' is no word of its own
    out = spelled_out(text)
    assert listed["nstw"] in out and listed["fdi"] in out and "nsnn-2024" in out


def test_a_budget_named_with_no_level_is_the_state_budget_a_table_abbreviates():
    assert parse_query("thu ngan sach quy III 2024 Hau Giang").short == {"nsnn": "ngan sach nha nuoc"}
    assert "nsnn" not in parse_query("thu ngân sách địa phương quý III 2024").short
    assert "nsnn" not in parse_query("chi ngân sách trung ương năm 2024").short


def test_whether_a_target_was_met_asks_the_result_not_the_target():
    """'có đạt chỉ tiêu không' folds as 'đặt chỉ tiêu' (setting one) does: asked whether the year's result met its
    target, the result is wanted, and a plan alone is no answer (heldout25)."""
    from tracuu.qa.glossary import plan_asked
    met = "Cả năm 2022 Lạng Sơn thực tế đón được bao nhiêu lượt khách du lịch, có đạt chỉ tiêu không?"
    assert not parse_query(met).wants_target and not plan_asked(met)
    assert not plan_asked("Năm 2021 thu ngân sách bao nhiêu, có vượt dự toán không?")
    assert parse_query("HĐND tỉnh đặt chỉ tiêu thu ngân sách năm 2023 là bao nhiêu?").wants_target
    assert plan_asked("chỉ tiêu kế hoạch thu ngân sách năm 2023 là bao nhiêu")


def test_the_period_of_the_source_a_question_names_is_not_the_one_asked():
    # 'Theo kết luận phiên họp ... tháng 11,' names the meeting; the figure asked is the 11 months'
    q = parse_query("Theo kết luận phiên họp UBND tỉnh tháng 11, thu ngân sách 11 tháng năm 2025 của Quảng Ngãi đạt bao nhiêu?")
    assert q.periods[0] == Period("months", 2025, 11)
    # the source's period alone is the period asked
    assert parse_query("Theo báo cáo 6 tháng đầu năm 2023, giải ngân được bao nhiêu?").periods == [Period("half", 2023, 1)]


def test_riêng_before_the_period_or_place_asked_is_a_question_word():
    """'Riêng tháng 7 ..., khu vực Thái Nguyên cũ xuất khẩu được bao nhiêu?' (set AO): 'riêng' only singles out the
    period or place; the sentence answering it says 'tháng 7 ước 2.846,2 triệu USD' without it."""
    assert "rieng" not in parse_query("Riêng tháng 7 năm 2025, khu vực Thái Nguyên cũ xuất khẩu được bao nhiêu?").lexical_text
    assert "rieng" not in parse_query("thai binh giai ngan von dau tu cong rieng quy III nam 2024").lexical_text
    assert "rieng" in parse_query("Doanh thu bán lẻ riêng hàng hóa tháng 7 năm 2025").lexical_text  # what is counted


def test_a_department_named_first_is_not_a_count_asked():
    """'Sở Tài chính ... đề ra những nhiệm vụ, giải pháp ... nào' (set AO) folds to 'so tai chinh': the department, not
    'số' (a count) opening the question, so the question asks for a list, not a figure."""
    from tracuu.qa.query import Intent
    q = parse_query("Sở Tài chính Nam Định đề ra những nhiệm vụ, giải pháp điều hành ngân sách nào cho quý II năm 2025?")
    assert not q.intent & Intent.FIGURE
    assert parse_query("Số doanh nghiệp thành lập mới tháng 3 thế nào?").intent & Intent.FIGURE


def test_a_claim_put_as_a_question_asks_its_figure_without_the_question_s_own_words():
    """'Có đúng là ... cao hơn cả nước không?' (sets AN, AO, AP): the opening and the closing 'không' are no words of
    the report's sentence; 'có đạt kế hoạch không?' keeps its 'không' (no claim is put); the figure is asked."""
    from tracuu.qa.query import Intent
    q = parse_query("Có đúng là đến 30/9/2025 Đà Nẵng giải ngân vốn đầu tư công cao hơn cả nước không?")
    assert "dung" not in q.lexical_text and "khong" not in q.lexical_text and "giai ngan" in q.lexical_text
    assert q.intent & Intent.FIGURE
    assert "khong" not in parse_query("GRDP 2023 của Lạng Sơn tăng 6% đúng không?").lexical_text
    assert "khong" in parse_query("Năm 2022 thu ngân sách có đạt chỉ tiêu 7.850 tỷ đồng không?").lexical_text
    # which way the comparison goes is asked: the place's own figure leads, not the country's it is compared with
    from tracuu.qa.glossary import puts_claim
    assert puts_claim("co dung la da nang giai ngan cao hon ca nuoc khong?")
    assert not puts_claim("da nang giai ngan cao hon ca nuoc bao nhieu?")


def test_a_date_compared_with_is_no_date_a_figure_is_counted_to():
    """'BHXH tự nguyện: 28.416 người, tăng 3.412 người so với ngày 31/12/2022' (set AQ) counts to the report's date;
    31/12/2022 is its baseline, as 'từ ngày 01/7/2025' is a start."""
    from tracuu.qa.cutoffs import dated_months
    assert dated_months("28.416 nguoi, tang 3.412 nguoi so voi ngay 31/12/2022") == []
    assert dated_months("tinh den ngay 31/5/2023 co 28.416 nguoi") == [(2023, 5)]


def test_words_naming_the_place_ask_nothing():
    """'Tăng trưởng GRDP năm 2023 của tỉnh Bạc Liêu' is a keyword query: 'của tỉnh' is taken out of the content words
    but asks for no fact; 'những huyện nào của tỉnh' still does."""
    assert parse_query("Tăng trưởng GRDP năm 2023 của tỉnh Bạc Liêu").wants_figure
    assert parse_query("tang truong kinh te tren dia ban tinh Ca Mau nam 2024").wants_figure
    assert not parse_query("Những huyện nào của tỉnh đạt chuẩn nông thôn mới năm 2024?").wants_figure


def test_a_question_opening_on_the_plan_asks_the_target():
    """'Kế hoạch kim ngạch xuất khẩu cả năm 2024 ... là bao nhiêu?', 'ke hoach tang truong GRDP 2025' are about the plan;
    'kế hoạch vốn ... giải ngân được bao nhiêu' asks what was done against it, '... bao nhiêu % kế hoạch' a share."""
    assert parse_query("Kế hoạch kim ngạch xuất khẩu cả năm 2024 của Hà Tĩnh là bao nhiêu?").wants_target
    assert parse_query("ke hoach tang truong GRDP Nghe An nam 2025").wants_target
    assert not parse_query("Kế hoạch vốn đầu tư công năm 2024 giải ngân được bao nhiêu?").wants_target
    assert not parse_query("Giải ngân vốn đầu tư công đạt bao nhiêu % kế hoạch năm 2024?").wants_target
    # after the place it is of, and by the target's other name ('chỉ tiêu'); not a list of targets not met
    assert parse_query("binh phuoc ke hoach thu ngan sach nam 2023").wants_target
    assert parse_query("chi tieu thu ngan sach nha nuoc nam 2025 tinh Bac Kan").wants_target
    assert not parse_query("Hải Dương chỉ tiêu nào không đạt năm 2022").wants_target
    assert not parse_query("thu ngân sách Bình Phước năm 2023").wants_target


def test_which_province_is_meant_is_no_content_word():
    """'tỉnh Vĩnh Long (sau hợp nhất)', 'Quảng Ngãi (mới)': said of the place (the merged province), not of the figure;
    a quote need not hold them (the sentence stating the quarter's GRDP had covered 0.15 of such a question)."""
    q = parse_query("GRDP quý I năm 2026 của tỉnh Vĩnh Long (sau hợp nhất) tăng bao nhiêu phần trăm?")
    assert "hop nhat" not in q.lexical_text and q.provinces == ["Vĩnh Long"]
    assert "moi" not in parse_query("thu ngân sách Quảng Ngãi (mới) năm 2025").lexical_text.split()
    assert "moi" in parse_query("số doanh nghiệp thành lập mới năm 2025").lexical_text.split()


def test_the_same_span_of_a_year_asked_after_cung_ky():
    """'..., cùng kỳ năm 2024 ... xuất khẩu được bao nhiêu?' asks the report's span in 2024 (set BI's Bắc Ninh: a note
    of the 9-month 2025 report gives it); 'so với cùng kỳ năm 2024' or a change against it is a baseline only."""
    q = parse_query("Theo báo cáo 9 tháng năm 2025 của tỉnh Bắc Ninh, cùng kỳ năm 2024 tỉnh Bắc Giang (cũ) xuất khẩu "
                    "được bao nhiêu?")
    assert q.periods[0] == Period("nine_months", 2024)
    assert parse_query("xuất khẩu 6 tháng 2025 tăng bao nhiêu so với cùng kỳ năm 2024").periods == [
        Period("half", 2025, 1)]
    assert parse_query("6 tháng 2025 xuất khẩu tăng bao nhiêu % cùng kỳ năm 2024").periods == [Period("half", 2025, 1)]


def test_an_estimated_result_is_no_plan_asked():
    """'ước đạt bao nhiêu, bằng bao nhiêu phần trăm dự toán' asks the result as estimated and its share of the plan
    (set BX's Hà Nam: the plan's 13.920 tỷ đồng had answered); 'ước thu cả năm' is an estimate plans parts give."""
    assert not parse_query("Năm 2024, tổng thu ngân sách nhà nước trên địa bàn tỉnh Hà Nam ước đạt bao nhiêu, bằng bao "
                           "nhiêu phần trăm dự toán?").asks_plan
    assert parse_query("ước thu ngân sách cả năm 2024 của Hà Nam").asks_plan
    assert parse_query("Kế hoạch vốn đầu tư công năm 2025 của Hà Nam là bao nhiêu").asks_plan


def test_a_year_framing_the_question_gives_its_span_only_its_year():
    # 'Năm 2021, ... 6 tháng đầu năm': the half year is asked; the year only says whose (invented questions)
    half = [Period("half", 2021, 1)]
    assert parse_query("Năm 2021, tổng lượt khách 6 tháng đầu năm ở Đà Nẵng là bao nhiêu?").periods == half
    assert parse_query("Cùng kỳ năm 2021, tổng lượt khách lưu trú 6 tháng đầu năm ở Đà Nẵng là bao nhiêu?").periods == half
    assert parse_query("Trong năm 2023, quý III GRDP tăng bao nhiêu").periods == [Period("quarter", 2023, 3)]
    # or the aim the span serves (set DB): the second half is asked
    assert parse_query("Để đạt mục tiêu cả năm 2025, GRDP 6 tháng cuối năm của Gia Lai phải tăng bao nhiêu?").periods \
        == [Period("half", 2025, 2)]
    # two periods asked side by side, or the year asked again, stay asked
    both = [Period("year", 2023), Period("quarter", 2023, 4)]
    assert parse_query("GRDP năm 2023 và quý IV tăng bao nhiêu").periods == both
    assert parse_query("Năm 2023, GRDP cả năm và quý IV tăng bao nhiêu").periods == both


def test_a_running_total_named_by_its_months_alone_takes_the_question_s_year():
    """'tổng thu ngân sách 5 tháng' with the year elsewhere in the question (set DD's gdd030): the five months of that
    year; the same span of a year 'cùng kỳ' names; a duration or an age is no period."""
    assert parse_query("Cùng kỳ năm 2023, tổng thu ngân sách 5 tháng của Hải Dương là bao nhiêu?").periods == \
        [Period("months", 2023, 5)]
    assert parse_query("Năm 2024, thu ngân sách 5 tháng của Hải Dương").periods == [Period("months", 2024, 5)]
    assert parse_query("thu ngan sach 11 thang ha noi").loose == [("months", 11)]
    for text in ("tỷ lệ trẻ dưới 5 tháng tuổi được bú mẹ", "dự án hoàn thành trong vòng 4 tháng, bao nhiêu hộ được hỗ trợ"):
        q = parse_query(text)
        assert not q.periods and ("months", 5) not in q.loose and ("months", 4) not in q.loose


def test_a_district_whose_name_opens_with_its_province_s_is_the_district():
    """'thành phố Điện Biên Phủ', 'huyện Điện Biên Đông' (set DD's gdd033): the district asked, in Điện Biên; a city named
    as its province is ('thành phố Tuyên Quang') is that city, named with its kind."""
    q = parse_query("Chỉ số giá tiêu dùng tháng 9/2023 của thành phố Điện Biên Phủ so với cùng kỳ")
    assert q.provinces == ["Điện Biên"] and q.districts == ["dien bien phu"]
    assert parse_query("huyện Điện Biên Đông thu ngân sách").districts == ["dien bien dong"]
    assert parse_query("thành phố Tuyên Quang thu ngân sách").districts == ["thanh pho tuyen quang"]


def test_the_fruit_typed_without_marks_keeps_its_name():
    """'san luong sau rieng tien giang' (set DC's gdc014): 'riêng' before the place is the fruit's name (sầu riêng), not
    the 'riêng' that only points at a period or place ('riêng tháng 7 ...')."""
    assert "sau rieng" in parse_query("san luong sau rieng tien giang 9 thang 2023").lexical_text
    assert "rieng" not in parse_query("riêng tháng 7 xuất khẩu Lạng Sơn").lexical_text


def test_what_a_province_requires_is_a_target_asked():
    """'Quảng Trị yêu cầu giải ngân ... đạt mức nào' (set DF's gdf017) asks the requirement; 'hồ sơ đạt yêu cầu' were
    done."""
    assert parse_query("Đến ngày 30/9/2024, Quảng Trị yêu cầu giải ngân vốn đầu tư công đạt mức nào?").wants_target
    assert not parse_query("Tỷ lệ hồ sơ đạt yêu cầu năm 2023 là bao nhiêu?").wants_target
