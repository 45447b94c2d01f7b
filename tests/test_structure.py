"""ingest.structure: paragraphs and sections recovered from lines (invented text, no index)."""
from tracuu.ingest.structure import build_paragraphs


def _texts(lines):
    return [[t for _, t in p.lines] for p in build_paragraphs(lines)]


def test_indented_sub_items_belong_to_the_line_that_leads_into_them():
    lines = ["■ THƯƠNG MẠI", "• Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng:",
             "  - Tháng 10: 104.862,5 tỷ đồng, tăng 1,4% so với tháng trước",
             "  - 10 tháng: 1.006.458 tỷ đồng, tăng 10,2% so với cùng kỳ",
             "• Kim ngạch xuất khẩu 10 tháng: 36,48 tỷ USD."]
    paras = _texts(lines)
    assert ["• Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng:",
            "- Tháng 10: 104.862,5 tỷ đồng, tăng 1,4% so với tháng trước",
            "- 10 tháng: 1.006.458 tỷ đồng, tăng 10,2% so với cùng kỳ"] in paras
    assert ["• Kim ngạch xuất khẩu 10 tháng: 36,48 tỷ USD."] in paras  # a sibling item stays its own


def test_items_at_the_same_indent_stay_items_of_their_own():
    lines = ["Nhiệm vụ trọng tâm:", "- Đẩy nhanh giải ngân vốn đầu tư công.", "- Thu ngân sách đạt dự toán."]
    assert _texts(lines)[1:] == [["- Đẩy nhanh giải ngân vốn đầu tư công."], ["- Thu ngân sách đạt dự toán."]]


def test_a_running_total_item_naming_no_indicator_belongs_to_the_item_above():
    # invented figures: the month's item, then its running total ('Lũy kế 02 tháng ước đạt ...'), then another indicator
    lines = ["- Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 02/2027 ước đạt 2.965,4 tỷ đồng.",
             "- Lũy kế 02 tháng ước đạt 5.792,1 tỷ đồng, tăng 10,6% so với cùng kỳ.",
             "- Lũy kế 02 tháng, kim ngạch xuất khẩu ước đạt 312,6 triệu USD.",
             "- Lũy kế 02 tháng có 184 doanh nghiệp thành lập mới."]
    paras = _texts(lines)
    assert paras[0] == lines[:2]  # its own indicator unnamed: the item above's
    assert [lines[2]] in paras and [lines[3]] in paras  # naming its own: an item of its own


def test_a_line_cut_before_its_figure_carries_on_the_sentence():
    lines = ["Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng",
             "6/2023 ước đạt 21.380 tỷ đồng, tăng 1,2% so với tháng trước.", "Chỉ số giá tiêu dùng tăng 0,3%."]
    assert _texts(lines)[0] == lines[:2]
    items = ["Các nhiệm vụ trọng tâm", "1. Đẩy nhanh giải ngân.", "2. Thu ngân sách đạt dự toán."]
    assert ["1. Đẩy nhanh giải ngân."] in _texts(items)  # an item's number starts an item


def test_a_breakdown_s_items_belong_to_the_sentence_that_announces_them():
    # figures invented; the items are not indented (a Word file saved as text)
    lines = ["2. Giải ngân vốn đầu tư công đến hết ngày 30/9/2025 đạt 9.875,6 tỷ đồng, bằng 61,3% kế hoạch, trong đó:",
             "- Khu vực tỉnh Vĩnh Phúc (cũ): giải ngân 4.102,3 tỷ đồng.",
             "- Khu vực tỉnh Hòa Bình (cũ): giải ngân 2.216,8 tỷ đồng.",
             "3. Kim ngạch xuất khẩu 9 tháng ước đạt 21.364 triệu USD."]
    assert _texts(lines)[0] == lines[:3]
    lead = ["Vốn đầu tư công năm 2025 gồm:", "- Vốn ngân sách tỉnh 4.000 tỷ đồng;", "- Vốn trung ương 2.100 tỷ đồng."]
    assert _texts(lead) == [lead]


def test_a_plan_heading_is_a_plan_word_with_no_word_of_results_before_it():
    from tracuu.ingest.structure import is_plan_heading
    for plans in ("V. DỰ TOÁN NGÂN SÁCH NĂM 2026", "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM QUÝ IV NĂM 2023",
                  "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023", "1. Chủ đề, mục tiêu, chỉ tiêu chủ yếu năm 2022",
                  "IV. ƯỚC THỰC HIỆN CẢ NĂM 2023 VÀ GIẢI PHÁP QUÝ IV", "B. DU TOAN NGAN SACH NAM 2024"):
        assert is_plan_heading(plans), plans
    for results in ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2023", "A. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH NĂM 2023",
                    "I. Đánh giá tình hình thực hiện kế hoạch 6 tháng", "IV. ƯỚC THỰC HIỆN CẢ NĂM 2025",
                    "II. TÌNH HÌNH CHI NGÂN SÁCH ĐỊA PHƯƠNG"):
        assert not is_plan_heading(results), results


def test_a_party_document_numbers_its_parts_with_a_hyphen():
    from tracuu.ingest.structure import heading_level
    assert heading_level("I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023") == (1, "I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023")
    assert heading_level("II- MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM 2024")[0] == 1
    assert heading_level("V-League 2023 khởi tranh") is None  # a name, no part
    paras = build_paragraphs(["I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023", "", "Toàn Đảng bộ kết nạp 2.486 đảng viên mới.",
                              "", "II- MỤC TIÊU NĂM 2024", "", "Kết nạp 2.600 đảng viên mới."])
    assert [p.section for p in paras] == [["I- KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023"], ["II- MỤC TIÊU NĂM 2024"]]


def test_capital_letter_parts_hold_the_roman_sections():
    # figures invented (set S): 'B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024' ends section VI; its list is the plan's
    from tracuu.ingest.structure import heading_level
    assert heading_level("A. KẾT QUẢ THỰC HIỆN NĂM 2023")[0] == 0
    assert heading_level("A. Nguyễn Văn An cho biết thêm") is None  # an initial, no part
    paras = build_paragraphs(["A. KẾT QUẢ THỰC HIỆN NĂM 2023", "I. LĨNH VỰC MÔI TRƯỜNG", "Tỷ lệ thu gom đạt 92,4%.", "",
                              "VI. HẠN CHẾ", "Thu tiền sử dụng đất đạt thấp.", "", "B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
                              "1. Các chỉ tiêu chủ yếu:", "- Tỷ lệ thu gom đạt 93%."])
    sections = [p.section for p in paras]
    assert sections[0] == ["A. KẾT QUẢ THỰC HIỆN NĂM 2023", "I. LĨNH VỰC MÔI TRƯỜNG"]
    assert sections[-1][0] == "B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" and "VI. HẠN CHẾ" not in sections[-1]


def test_short_notes_under_the_rule_split_at_the_next_number_with_no_blank_line():
    """A scan's notes under '____': each starts with the number after the one before, however short its line; a
    wrapped line opening with a count in lower case ('3 tinh cu ...') goes on the note (text invented)."""
    import textwrap
    text = ("Tong thu ngan sach nha nuoc tren dia ban 8 thang uoc dat 38.412,6 ty dong, bang 75,7% du toan2, tang "
            "12,4% so voi cung ky3. San xuat cong nghiep tiep tuc tang truong kha, chi so san xuat cong nghiep 8 thang "
            "tang 11,86% so voi cung ky1; cac nganh che bien, che tao dong gop chu yeu vao muc tang chung. Hoat dong "
            "thuong mai, dich vu soi dong, tong muc ban le hang hoa va doanh thu dich vu tieu dung uoc tang 14,2%.")
    lines = textwrap.wrap(text, 72) + ["______________",
                    "1 IIP nganh che bien, che tao tang 13,24%.",
                    "2 Du toan HDND tinh giao la 50.714,0 ty dong (cong gop du toan cua",
                    "3 tinh cu).",
                    "3 Trong do thu noi dia 32.186,4 ty dong."]
    notes = [p for p in build_paragraphs(lines) if p.kind == "footnote"]
    assert [p.footnote_no for p in notes] == ["1", "2", "3"]
    assert "3 tinh cu" in " ".join(t for _, t in notes[1].lines) and notes[2].lines[0][1].startswith("3 Trong do")


def test_superscript_notes_under_wrapped_text_are_notes_of_their_own():
    """A report saved with wrapped lines (set BV's Hải Dương): each note opening with a superscript is one, the note
    before wrapped onto a line of its own or not (text invented)."""
    import textwrap
    text = ("Kế hoạch vốn đầu tư công năm 2025 được giao là 7.898 tỷ đồng. Đến ngày 15/6/2025, toàn tỉnh giải ngân "
            "được 3.254 tỷ đồng, đạt 41,2% kế hoạch⁴, cao hơn bình quân chung của cả nước. Thu nội địa tăng 8,6%³ so "
            "với cùng kỳ; lũy kế đến nay có 586 dự án FDI còn hiệu lực⁵ với tổng vốn đăng ký 12,4 tỷ USD.")
    lines = textwrap.wrap(text, 72) + ["______________",
                    "³ Nếu loại trừ thu tiền sử dụng đất, thu nội địa tăng 12,4%.",
                    "⁴ Trong đó vốn do cấp tỉnh quản lý giải ngân 2.618 tỷ đồng; vốn phân cấp cho cấp huyện 636 tỷ",
                    "đồng.",
                    "⁵ Lũy kế đến nay, toàn tỉnh có 586 dự án FDI còn hiệu lực."]
    notes = [p for p in build_paragraphs(lines) if p.kind == "footnote"]
    assert [p.footnote_no for p in notes] == ["3", "4", "5"]
    assert notes[1].lines[-1][1] == "đồng."


def test_a_resolution_s_articles_are_its_parts():
    # figures invented: 'Điều 1' assesses the year ending, 'Điều 2' sets the next year's targets
    lines = ["QUYẾT NGHỊ:", "", "Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2022",
             "Tổng thu ngân sách ước đạt 12.846,2 tỷ đồng.", "",
             "Điều 2. Mục tiêu, chỉ tiêu chủ yếu năm 2023", "(1) Tổng thu ngân sách 10.460 tỷ đồng.",
             "(2) Kim ngạch xuất khẩu 850 triệu USD."]
    paras = build_paragraphs(lines)
    by_text = {p.lines[0][1]: p.section for p in paras}
    assert by_text["Tổng thu ngân sách ước đạt 12.846,2 tỷ đồng."] == ["Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2022"]
    assert by_text["(2) Kim ngạch xuất khẩu 850 triệu USD."] == ["Điều 2. Mục tiêu, chỉ tiêu chủ yếu năm 2023"]
    # 'Điều 5 Luật ...' cited at a line's start is no article of this text
    assert build_paragraphs(["Điều 5 Luật Ngân sách nhà nước quy định rõ.", "Thu ngân sách đạt 10 tỷ đồng."])[0].section == []


def test_in_wrapped_text_each_lettered_or_numbered_item_is_a_paragraph():
    # figures invented; a text wrapped at ~70 columns (PDF export), items ending full lines
    body = ["Năm 2026 tập trung huy động mọi nguồn lực để tăng trưởng kinh tế hai con số; phát",
            "triển nông nghiệp hàng hóa chất lượng cao, du lịch trở thành trung tâm du lịch."] * 5
    items = ["a) Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) đạt 10% trở lên.",
             "b) GRDP bình quân đầu người đạt 75 triệu đồng trở lên.",
             "(3) Kim ngạch xuất khẩu hàng hóa đạt 260 triệu USD.",
             "4. Tổng lượt khách du lịch đạt 5,0 triệu lượt."]
    paras = _texts(body + [""] + items)
    for item in items:
        assert [item] in paras


def test_lines_indented_under_an_item_are_its_record():
    # (figures invented) a project list: the name, then its investor and figures indented under it
    lines = ["III. TÌNH HÌNH GIẢI NGÂN CÁC DỰ ÁN TRỌNG ĐIỂM",
             "Dự án 4. Nâng cấp tuyến đê biển số 5, huyện Thái Thụy",
             "    Chủ đầu tư: Ban QLDA các công trình nông nghiệp",
             "    KH 2024: 312,0 | Giải ngân quý III: 98,6 | Lũy kế 9 tháng: 245,1 | Tỷ lệ: 78,6%",
             "Dự án 5. Mở rộng Trường THPT chuyên",
             "    KH 2024: 186,5 | Lũy kế 9 tháng: 97,2",
             "1. Thu nội địa: 1.682,6 tỷ đồng, đạt 52,6% dự toán;",
             "   a) Thu từ doanh nghiệp nhà nước trung ương: 186,4 tỷ đồng;",
             "   b) Thu từ doanh nghiệp nhà nước địa phương: 42,1 tỷ đồng;"]
    paras = build_paragraphs(lines)
    texts = [" ".join(t for _, t in p.lines) for p in paras]
    assert any("Thái Thụy" in t and "245,1" in t for t in texts)
    assert not any("Thái Thụy" in t and "97,2" in t for t in texts)  # the next item is its own
    assert not any("1.682,6" in t and "186,4" in t for t in texts)  # an indented lettered item stays one


def test_a_wrapped_list_item_carries_on_beside_a_table_s_long_rendered_rows():
    """Tây Ninh's monthly report (set AR) wraps its text at ~100 characters and ends with a table whose rendered rows
    run past 160: the rows are not the text's width, so a dash item's wrapped lines stay one paragraph ('- Du lịch: ...
    (cùng kỳ' / 'chịu ảnh hưởng ...' / '4.846.200 lượt.'). Figures invented."""
    prose = [f"Dòng văn bản thứ {i} của báo cáo, được ngắt dòng ở khoảng một trăm ký tự như bản in PDF thường gặp, tiếp."
             for i in range(12)]
    item = ["- Du lịch: 11 tháng, tổng lượt khách tham quan du lịch đạt 5.412.600 lượt, gấp 3,8 lần cùng kỳ (cùng kỳ",
            "chịu ảnh hưởng của dịch COVID-19), bằng 108,3% kế hoạch năm; trong đó Khu du lịch quốc gia Núi Bà Đen đón",
            "4.846.200 lượt. Tổng doanh thu du lịch đạt 1.612,4 tỷ đồng."]
    rows = [f"PHỤ LỤC > Chỉ tiêu {i} > ĐVT: Tỷ đồng; Kế hoạch năm 2022: 9.330; Thực hiện tháng 11: 912,4; Lũy kế 11 tháng: "
            f"10.486,2; So với cùng kỳ (%): 112,4; So với kế hoạch (%): 112,4" for i in range(6)]
    lines = prose + [""] + item + [""] + rows
    hints = {len(prose) + len(item) + 2 + i: "table" for i in range(len(rows))}
    paras = build_paragraphs(lines, hints)
    du_lich = next(p for p in paras if p.lines[0][1].startswith("- Du lịch"))
    assert len(du_lich.lines) == 3, [p.lines for p in paras]


def test_an_appendix_titled_on_its_own_line_is_a_part_of_its_own():
    """'PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2022' after the next month's tasks (set AR): the table
    under it is the appendix's, not the last task's ('6. Hoàn chỉnh dự thảo kế hoạch ... năm 2023')."""
    from tracuu.ingest.structure import heading_level
    assert heading_level("PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2022")[0] == 0
    assert heading_level("Phụ lục 2. Biểu tổng hợp kết quả")[0] == 0
    assert heading_level("Phụ lục - Biểu số liệu")[0] == 0
    assert heading_level("Phụ lục kèm theo báo cáo này") is None  # a sentence naming its appendix
    lines = ["B. NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2022",
             "6. Hoàn chỉnh dự thảo kế hoạch phát triển kinh tế - xã hội năm 2023 trình HĐND tỉnh.", "",
             "PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2022",
             "Thu NSNN trên địa bàn > ĐVT: Tỷ đồng; Tháng 11: 912,4"]
    table = next(p for p in build_paragraphs(lines, {4: "table"}) if p.kind == "table")
    assert table.section == ["PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2022"], table.section


def test_a_row_saved_with_tabs_is_no_heading():
    from tracuu.ingest.structure import heading_level
    assert heading_level("I. XUẤT KHẨU\t412,6\t425,8\t3.684,7") is None
    assert heading_level("I. XUẤT KHẨU") == (1, "I. XUẤT KHẨU")


def test_notes_numbered_in_brackets_under_the_rule_are_footnotes():
    """A Word export's notes '(3) ...' under the '____' rule (invented figures): footnotes of their number, each cited by
    the mark glued to a figure ('tăng 31,5%(3);'), not by an enumeration's ' (2) ...'."""
    from tracuu.ingest.structure import cites_footnote
    lines = ["Thu nội địa ước đạt 26.020,6 tỷ đồng, bằng 150,2% dự toán, tăng 31,5%(3);", "",
             "Nơi nhận:", "- Lưu: VT.", "___________________",
             "(2) Chiếm 70,1% tổng số xã.", "(3) Trong đó thu tiền sử dụng đất ước đạt 7.512,3 tỷ đồng."]
    notes = [p for p in build_paragraphs(lines) if p.kind == "footnote"]
    assert [(p.footnote_no, p.lines[0][1][:3]) for p in notes] == [("2", "(2)"), ("3", "(3)")]
    assert cites_footnote(lines[0], "3") and cites_footnote("lên 397 xã(2), ...", "2")
    assert not cites_footnote("gồm các nhiệm vụ: (2) phát triển hạ tầng", "2")


def test_notes_numbered_in_brackets_under_the_rule_of_a_wrapped_text_are_footnotes():
    """A report wrapped at a fixed width, its notes '(3) ...' under the rule (set DD's Thanh Hóa, invented figures):
    footnotes of their numbers."""
    body = ("Thu nội địa ước đạt 26.020,6 tỷ đồng, bằng 150,2% dự toán, tăng 31,5%(3); thu từ hoạt động xuất nhập khẩu "
            "ước đạt 25.300 tỷ đồng, bằng 229,1% dự toán.")
    lines = [body[i:i + 90] for i in range(0, len(body), 90)] + ["", "___________________",
             "(3) Trong đó thu tiền sử dụng đất ước đạt 7.512,3 tỷ đồng, bằng 162,8% dự toán.",
             "(4) Theo chuẩn nghèo giai đoạn 2016-2020; theo chuẩn nghèo đa chiều giai đoạn 2022-2025,",
             "tỷ lệ hộ nghèo toàn tỉnh ước khoảng 5,8%."]
    notes = [p for p in build_paragraphs(lines) if p.kind == "footnote"]
    assert [p.footnote_no for p in notes] == ["3", "4"]


def test_notes_numbered_in_square_brackets_under_the_rule_are_footnotes_each():
    """Notes '[4] Riêng tháng 6/2023 ...' under the rule of a wrapped report, no blank line between them (set DG's Phú
    Yên, invented figures): a note each, cited by '[4]' glued to a figure or after a space, as a web export prints it."""
    from tracuu.ingest.structure import cites_footnote
    body = ("Tổng thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 2.315,6 tỷ đồng[4], đạt 41,2% dự toán HĐND tỉnh "
            "giao, giảm 18,3% so với cùng kỳ; thu nội địa 2.108,9 tỷ đồng.")
    lines = [body[i:i + 90] for i in range(0, len(body), 90)] + ["", "_______________________",
             "[3] Khách lưu trú 742.300 lượt; riêng thành phố Tuy Hòa đón 1.126.000 lượt khách, chiếm",
             "61% tổng lượt khách toàn tỉnh.",
             "[4] Riêng tháng 6/2023 ước thu 386,5 tỷ đồng. Cùng kỳ năm 2022, thu ngân sách 6 tháng đạt",
             "2.834,7 tỷ đồng."]
    notes = [p for p in build_paragraphs(lines) if p.kind == "footnote"]
    assert [p.footnote_no for p in notes] == ["3", "4"] and "386,5" in notes[1].lines[0][1]
    assert cites_footnote(body, "4") and cites_footnote("tăng 5,42% [1]", "1") and not cites_footnote(body, "3")


def test_a_wrapped_sentence_that_announces_its_breakdown_keeps_its_items():
    """'Tổng thu ... bằng 87,6% dự' / 'toán năm ...; trong đó:' then '• Thu nội địa: ...' (set DG's Đà Nẵng, figures
    invented): the lead-in wraps onto a second line, its items are still its own; a long paragraph's are not."""
    lines = ["Tổng thu ngân sách nhà nước trên địa bàn 11 tháng ước đạt 18.742,5 tỷ đồng, bằng 87,6% dự",
             "toán năm và tăng 9,3% so với cùng kỳ; trong đó:",
             "  • Thu nội địa: 16.125,8 tỷ đồng;",
             "  • Thu từ hoạt động xuất nhập khẩu: 2.616,7 tỷ đồng.",
             "",
             "Giải ngân vốn đầu tư công đến ngày 25/11/2024 đạt 5.468,2 tỷ đồng."]
    assert [len(p.lines) for p in build_paragraphs(lines)] == [4, 1]
    long = [("Năm 2024 tỉnh tập trung chỉ đạo quyết liệt các ngành, các cấp trong việc triển khai thực hiện các nhiệm vụ "
             "phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh; công tác cải cách hành chính tiếp tục được ")[i:i + 90]
            for i in range(0, 190, 90)] + ["đẩy mạnh, trong đó:", "- Cải cách thủ tục hành chính;", "- Chuyển đổi số."]
    assert len(build_paragraphs(long)) > 1


def test_a_news_subheading_is_a_line_of_its_own_not_its_paragraph_s_first_sentence():
    """'Xuất khẩu: Hải Dương lần đầu vượt 9 tỷ USD sau 10 tháng' over a wrapped paragraph (set DL, figures invented):
    its own paragraph, so the story's first figure is the paragraph's; a wrapped sentence's short last line is not one."""
    body = ("Kim ngạch xuất khẩu 10 tháng của Hải Dương đạt 9.128,4 triệu USD, tăng 13,5% so với cùng kỳ; riêng tháng "
            "10 đạt 941,2 triệu USD. Hưng Yên đạt 6.245,7 triệu USD (tăng 9,3%), trong khi Bắc Ninh vẫn dẫn đầu vùng.")
    lines = ["Tổng thu ngân sách nhà nước trên địa bàn 10 tháng đạt 16.482,5 tỷ đồng, bằng 86,7% dự toán năm, tăng",
             "8,1% so với cùng kỳ.", "", "Xuất khẩu: Hải Dương lần đầu vượt 9 tỷ USD sau 10 tháng"] + \
            [body[i:i + 100] for i in range(0, len(body), 100)]
    paras = [[t for _, t in p.lines] for p in build_paragraphs(lines)]
    assert ["Xuất khẩu: Hải Dương lần đầu vượt 9 tỷ USD sau 10 tháng"] in paras
    assert any(p[0].startswith("Kim ngạch xuất khẩu 10 tháng") for p in paras)
    assert paras[0] == lines[:2]


def test_an_interviewer_s_question_heads_the_answer_below_it_until_the_interview_ends():
    # invented interview: the answer does not name its topic; the question does
    lines = ["**PV: Du lịch được xem là đầu tàu, kết quả cụ thể ra sao thưa ông?**", "",
             "Ông A: Tám tháng, toàn tỉnh đón khoảng 7,32 triệu lượt khách.", "",
             "**PV: Xin cảm ơn ông!**", "", "- Tổng thu NSNN 8 tháng: 12.345 tỷ đồng."]
    paras = build_paragraphs(lines)
    answer = next(p for p in paras if "7,32" in p.lines[0][1])
    assert answer.section == ["PV: Du lịch được xem là đầu tàu, kết quả cụ thể ra sao thưa ông?"]
    assert next(p for p in paras if "12.345" in p.lines[0][1]).section == []  # after the thanks: no answer of it
    # who attended the press conference is no question
    assert build_paragraphs(["Phóng viên: Báo Yên Bái, Đài Phát thanh và Truyền hình tỉnh."])[0].section == []
