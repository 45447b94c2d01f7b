"""qa.sentence: what one sentence states, whatever the question."""
from tracuu.qa.sentence import figure_lead, names_nothing, sentences, states_figure


def test_a_letterhead_s_document_number_and_written_date_state_no_figure():
    head = ("UBND TỈNH ĐẮK NÔNG - SỞ TÀI CHÍNH Số: 3126/BC-STC - Đắk Nông, ngày 12 tháng 12 năm 2023 BÁO CÁO Đánh giá "
            "tình hình thực hiện dự toán ngân sách nhà nước năm 2023")  # invented letterhead
    assert not states_figure(head)
    assert states_figure("Tổng thu: 3.650 tỷ đồng.") and states_figure("Số xã đạt chuẩn: 52")


def test_a_sentence_names_nothing_when_only_periods_places_and_labels_lead_its_figure():
    assert names_nothing("Lũy kế 11 tháng năm 2025: 78.612,5 tỷ đồng (đạt 95,3% dự toán).")
    assert names_nothing("- Khu vực Bình Phước cũ: 11.487,9 tỷ đồng.")
    assert not names_nothing("Chỉ số giá tiêu dùng (CPI) bình quân quý I tăng 4,12% so với cùng kỳ.")


def test_an_item_s_number_is_no_quantity():
    assert not states_figure("7. Tập trung chỉ đạo công tác quản lý ngân sách nhà nước; phấn đấu thu đạt tiến độ dự toán.")
    assert not states_figure("2.13. Tiếp tục triển khai các giải pháp cải thiện môi trường đầu tư.")
    assert states_figure("7. Thu ngân sách nhà nước ước đạt 1.245,6 tỷ đồng.")  # invented figure
    assert states_figure("Khởi công mới 12 dự án trong quý.")


def test_a_fraction_is_a_figure_and_a_date_is_not():
    assert states_figure("- Đắk Nông: 34/60 xã.") and states_figure("LGSP kết nối 14/17 hệ thống")
    assert not states_figure("họp ngày 31/01/2023 tại tỉnh") and not states_figure("Số 327/BC-UBND ngày")


def test_whose_figure_it_is_reads_up_to_the_first_quantity_past_its_periods():
    # invented figures
    assert figure_lead("Kim ngạch xuất khẩu 6 tháng đầu năm 2023 đạt 1.234 triệu USD, tăng 5%.") == \
        "kim ngach xuat khau 6 thang dau nam 2023 dat "
    assert figure_lead("Họp ngày 31/01/2023 tại tỉnh.") is None


def test_a_duration_says_when_not_how_much():
    # invented figures: 'trong 9 ngày nghỉ Tết' is when the count was made; the figure's owner is read past it
    assert figure_lead("Trong 9 ngày nghỉ Tết Bính Ngọ cả nước phục vụ khoảng 13,2 triệu lượt khách.") == \
        "trong 9 ngay nghi tet binh ngo ca nuoc phuc vu khoang "
    assert not states_figure("Trong 9 ngày nghỉ Tết (từ ngày 14/02/2026 đến hết ngày 22/02/2026), tình hình ổn định.")
    assert states_figure("Trong 3 ngày lễ, toàn tỉnh đón 86.240 lượt khách.")
    assert states_figure("Thời gian giải quyết hồ sơ rút ngắn còn 3 ngày.")  # a duration that is the figure asked


def test_a_breakdown_s_items_are_sentences_of_their_own():
    text = "Thu ngân sách đạt 1.234 tỷ đồng. Chi ngân sách 987 tỷ đồng; trong đó: - Chi đầu tư 120 tỷ đồng."
    assert sentences(text) == ["Thu ngân sách đạt 1.234 tỷ đồng.", "Chi ngân sách 987 tỷ đồng; trong đó:",
                               "- Chi đầu tư 120 tỷ đồng."]


def test_a_quantity_said_in_words_is_a_figure():
    # a speech's transcript prints what was said (invented figures)
    assert states_figure("Thu ngân sách năm nay ước đạt ba nghìn sáu trăm bảy mươi tư tỷ đồng, vượt dự toán.")
    assert states_figure("Tăng trưởng kinh tế ước đạt năm phẩy tám hai phần trăm.")
    assert states_figure("Cả tỉnh đón một triệu hai trăm sáu mươi nghìn lượt khách.")
    # words that only look like numbers, or a lone number word, are not a quantity
    assert not states_figure("Đây là năm thứ ba liên tiếp thu ngân sách vượt dự toán.")
    assert not states_figure("Hàng trăm người dân tham gia; trăm công nghìn việc.")
    assert not states_figure("Hai bên đã ký kết biên bản ghi nhớ.")


def test_a_road_s_number_is_no_quantity():
    """'phát triển ... các khu công nghiệp dọc Quốc lộ 13' (set AP's speech) was read as '13' doanh nghiệp for a
    question on new firms: a road's number names it."""
    from tracuu.qa.figures import extract
    assert not states_figure("Thứ tư, phát triển Khu kinh tế cửa khẩu Hoa Lư và các khu công nghiệp dọc Quốc lộ 13.")
    assert states_figure("Quốc lộ 13 đoạn qua tỉnh có 4 làn xe.")
    assert [f.value for f in extract("Dự án mở rộng QL.1A dài 12,5 km, vốn 1.246 tỷ đồng; đường tỉnh 741 đạt 80%")] == \
        ["12,5", "1.246", "80"]


def test_a_city_s_or_a_title_s_abbreviation_ends_no_sentence():
    """'TP. Hồ Chí Minh', 'TS. Nguyễn Văn A': the dot abbreviates; a sentence ending before 'TP.' still ends (a
    claim's indicator had been cut from its figure at 'TP.', BQ's c61_009)."""
    from tracuu.qa.sentence import last_stop, sentences
    assert sentences("Tổng thu ngân sách trên địa bàn TP. Hồ Chí Minh 11 tháng ước đạt 612.480 tỷ đồng. Nhập khẩu "
                     "đạt 3 tỷ USD.") == ["Tổng thu ngân sách trên địa bàn TP. Hồ Chí Minh 11 tháng ước đạt 612.480 tỷ "
                                          "đồng.", "Nhập khẩu đạt 3 tỷ USD."]
    assert sentences("Doanh thu đạt 5 tỷ USD. TP. Hồ Chí Minh dẫn đầu.") == ["Doanh thu đạt 5 tỷ USD.",
                                                                            "TP. Hồ Chí Minh dẫn đầu."]
    text = "Xuất khẩu đạt 5 tỷ USD. Thu ngân sách của TP. Hồ Chí Minh đạt 612 tỷ đồng"
    assert last_stop(text, text.index("612")) == text.index(". Thu")
    assert last_stop("không có dấu chấm", 10) == -1


def test_marks_tell_apart_words_that_folding_makes_alike():
    """'Lạm phát cơ bản' (set CC's Sóc Trăng, a figure only the country's): 'kiểm lâm phát hiện' holds 'lam phat' once
    marks are folded away, which let a forest-ranger sentence pass the scoped floor; printed without marks (OCR) or typed
    without them, the words still meet."""
    from tracuu.qa.sentence import marks_agree
    q = "Lạm phát cơ bản bình quân 5 tháng năm 2025 của tỉnh Sóc Trăng là bao nhiêu?"
    assert not marks_agree(q, "Lực lượng kiểm lâm phát hiện, xử lý 04 vụ vi phạm Luật Lâm nghiệp.")
    assert marks_agree(q, "Lạm phát cơ bản bình quân 5 tháng tăng 2,94%.")
    assert marks_agree(q, "Lam phat co ban binh quan 5 thang tang 2,94%.")  # (OCR lost the marks)
    assert marks_agree("lam phat co ban 5 thang", "kiểm lâm phát hiện")  # (typed without: nothing to tell apart)
    assert marks_agree("Thu ngân sách Hoà Bình", "Thu ngân sách tỉnh Hòa Bình ước đạt")  # (old and new tone places)


def test_ocr_s_mislaid_marks_are_no_other_words():
    """'Kim ngãch xuát khẩu ... dat 1.012,4 triẹu USD' (OCR'd): its marks are not the writer's, so 'xuát khẩu' still
    meets 'xuất khẩu' (a claims set's An Giang had lost its answer)."""
    from tracuu.qa.sentence import marks_agree
    assert marks_agree("xuất khẩu 9 tháng năm 2024 của An Giang", "Kim ngãch xuát khẩu quý III uoc đạt 356,8 trieu USD; "
                       "tinh chung 9 thãng nam 2024 dat 1.012,4 triẹu USD, tang 9,4% so vơi cung ky")
