"""qa.scope: whose figure a clause gives (pure functions; invented sentences)."""
import pytest

from tracuu.ingest.textnorm import fold_ocr
from tracuu.qa.query import parse_query
from tracuu.qa.scope import clause_of, elsewhere_figure, owners, place_of


@pytest.mark.parametrize("sentence, asked, gives", [
    ("GRDP tỉnh Bình Thuận tăng 6,1%, tỉnh Ninh Thuận tăng 9,2%, tỉnh Khánh Hòa tăng 7,4%.", {"Ninh Thuận"}, True),
    ("Tổng thu 9.786,4 tỷ đồng; trong đó khu vực Hà Giang (cũ) 4.126,5 tỷ đồng.", {"Hà Giang"}, True),
    ("GRDP tỉnh Bình Thuận tăng 6,1%, cao hơn Ninh Thuận.", {"Ninh Thuận"}, False),  # named, but no figure of its own
    ("GRDP tăng 5,68%, đứng thứ 2 khu vực (sau Thanh Hóa).", {"Thanh Hóa"}, False),  # a rank beside it is not its figure
    ("Bắc Ninh thu hút 4.718,5 triệu USD, đứng thứ 2 cả nước sau Quảng Ninh.", {"Quảng Ninh"}, False),
    ("Tổng thu 9.786,4 tỷ đồng, tăng 20,6% so với cùng kỳ.", {"Hà Giang"}, False),
    # the commas of a bracket do not cut the clause between the place and its figure
    ("Riêng Sa Pa đón 4.126,8 nghìn lượt; khu vực Yên Bái cũ (Mù Cang Chải, Nghĩa Lộ) đón 1.912,4 nghìn lượt.",
     {"Yên Bái"}, True),
    ("Khu vực Hà Nam cũ (gồm Phủ Lý, Duy Tiên; Kim Bảng) đạt 3.412,6 tỷ đồng, tăng 9,1%.", {"Hà Nam"}, True),
])
def test_a_clause_gives_the_asked_province_its_own_figure(sentence, asked, gives):
    assert clause_of(sentence, asked) is gives


def test_the_asked_place_s_figure_ranks_before_a_merged_total_and_a_neighbour_s():
    asked = {"Hà Giang"}
    assert place_of("trong đó khu vực Hà Giang (cũ)", asked, "Tuyên Quang") == 0
    assert place_of("Tổng thu từ khách du lịch 9 tháng ước đạt", asked, "Tuyên Quang") == 1  # the merged total
    assert place_of("khu vực Tuyên Quang (cũ)", asked, "Tuyên Quang") == 2
    assert place_of("Tổng thu từ khách du lịch 9 tháng ước đạt", {"Tuyên Quang"}, "Tuyên Quang") == 0
    assert place_of("anything", set(), None) == 0  # no place asked: no preference


def test_a_former_province_merged_into_the_asked_one_places_as_its_part():
    # figures invented: a Gia Lai report after the 2025 merger names its eastern area by the former province
    assert place_of("trong đó khu vực phía Đông (Bình Định cũ) 1.952,4", {"Gia Lai"}, "Gia Lai") == 0
    assert place_of("khu vực Hà Giang (cũ) đạt 4.126,5", {"Tuyên Quang"}, "Tuyên Quang") == 0
    # a former province merged elsewhere is still another place; so is one not marked as former
    assert place_of("khu vực Kon Tum (cũ) 3.215,4", {"Gia Lai"}, "Gia Lai") == 2
    assert place_of("tỉnh Bình Định 1.952,4", {"Gia Lai"}, "Gia Lai") == 2


def test_asked_of_a_district_the_whole_province_s_figure_is_another_place_s():
    # figures invented; a district report quoting the province's total beside its own
    from tracuu.qa.query import parse_query
    from tracuu.qa.scope import elsewhere_figure, others_figure
    q = parse_query("Tổng thu ngân sách 6 tháng năm 2024 của huyện Tân Phú, tỉnh Đồng Nai")
    province = "Theo Sở Tài chính, tổng thu ngân sách trên địa bàn tỉnh Đồng Nai 6 tháng đạt 28.410 tỷ đồng."
    own = "Tổng thu ngân sách trên địa bàn huyện 6 tháng ước đạt 412,6 tỷ đồng, bằng 55,1% dự toán."
    assert elsewhere_figure(q, province, "Đồng Nai") and others_figure(q, province)
    assert not elsewhere_figure(q, own, "Đồng Nai") and not others_figure(q, own)
    assert not elsewhere_figure(q, "Huyện Tân Phú thu 412,6 tỷ đồng, bằng 1,5% tổng thu toàn tỉnh.", "Đồng Nai")
    # asked of the province, its own total answers
    assert not elsewhere_figure(parse_query("tổng thu ngân sách 6 tháng 2024 tỉnh Đồng Nai"), province, "Đồng Nai")


def test_a_rank_in_the_country_is_the_province_s_own_figure():
    # invented sentences: 'dẫn đầu / cao nhất / xếp thứ 5 cả nước' rank the province; 'cả nước thu' is the country's
    from tracuu.qa.query import parse_query
    from tracuu.qa.scope import national_figure
    q = parse_query("An Hòa thu hút bao nhiêu vốn FDI 6 tháng 2024?")
    assert not national_figure(q, "An Hòa tiếp tục dẫn đầu cả nước về thu hút vốn FDI với 2.146,2 triệu USD.")
    assert not national_figure(q, "Tăng trưởng của An Hòa cao nhất cả nước, đạt 10,2%.")
    assert not national_figure(q, "Chỉ số PCI của An Hòa xếp thứ 5 cả nước với 70,2 điểm.")
    assert national_figure(q, "Cả nước thu hút 15.190 triệu USD vốn FDI.")
    # a year before 'cả nước' is no rank (set V's press release: the country's figure given to a reporter)
    assert national_figure(q, "Theo Bộ Kế hoạch và Đầu tư, 6 tháng đầu năm 2024 cả nước thu hút 15,46 tỷ USD vốn FDI.")
    assert not national_figure(q, "Chỉ số PCI của An Hòa đứng thứ 12 cả nước, 15/63 cả nước về chi phí gia nhập thị trường.")


def test_a_district_asked_is_not_answered_with_the_whole_city_unless_the_city_is_asked():
    # invented sentence (set W): huyện Củ Chi's report quotes the city's GRDP
    from tracuu.qa.query import parse_query
    from tracuu.qa.scope import others_figure
    sentence = ("Sáu tháng đầu năm 2024, huyện Củ Chi triển khai nhiệm vụ trong bối cảnh kinh tế Thành phố phục hồi; "
                "theo Cục Thống kê Thành phố, GRDP 6 tháng đầu năm 2024 của toàn Thành phố Hồ Chí Minh tăng 6,46%.")
    assert others_figure(parse_query("GRDP 6 tháng đầu năm 2024 của huyện Củ Chi tăng bao nhiêu?"), sentence)
    asked_whole = parse_query("Theo báo cáo của UBND huyện Củ Chi, GRDP 6 tháng 2024 của toàn Thành phố tăng bao nhiêu?")
    assert not others_figure(asked_whole, sentence)


def test_a_whole_region_s_figure_is_no_province_s():
    # invented figures: 'cả vùng Đồng bằng sông Cửu Long' is wider than the province, as 'cả nước' is
    from tracuu.qa.query import parse_query
    from tracuu.qa.scope import national_figure
    q = parse_query("năng suất lao động Bến Tre năm 2024")
    assert national_figure(q, "Năng suất lao động của cả vùng Đồng bằng sông Cửu Long năm 2024 chỉ khoảng 142,6 triệu đồng.")
    assert not national_figure(q, "Toàn vùng nguyên liệu mía đạt 18.420 ha.")  # a growing area is no region
    assert not national_figure(parse_query("năng suất lao động cả vùng Đồng bằng sông Cửu Long năm 2024"),
                               "Năng suất lao động của cả vùng Đồng bằng sông Cửu Long năm 2024 chỉ khoảng 142,6 triệu đồng.")


def test_a_paragraph_speaks_of_the_province_it_opens_with():
    # set AG's article filed under Huế (figures invented): the Quảng Trị paragraph's later sentence names no place
    from tracuu.qa.scope import elsewhere_figure, paragraph_subject
    para = ("Tỉnh Quảng Trị sau hợp nhất với Quảng Bình có GRDP quý III ước tăng 8,46%, 9 tháng tăng 8,14%. Thu ngân sách "
            "9 tháng đạt 9.998,9 tỷ đồng, bằng 77,6% dự toán; đến ngày 30/9/2025, tỉnh giải ngân được 54,45% kế hoạch vốn "
            "đầu tư công.")
    late = "Thu ngân sách 9 tháng đạt 9.998,9 tỷ đồng, bằng 77,6% dự toán"
    assert paragraph_subject(para) == {"Quảng Trị"}
    huế, quảng_trị = parse_query("Huế thu ngân sách 9 tháng 2025"), parse_query("Quảng Trị thu ngân sách 9 tháng 2025")
    assert elsewhere_figure(huế, late, "Huế", "", paragraph_subject(para))
    assert not elsewhere_figure(quảng_trị, late, "Huế", "", paragraph_subject(para))
    # a merged province's report naming its former parts first is no other province's paragraph
    assert paragraph_subject("Kon Tum (cũ) 3.215,4 tỷ đồng. Đến hết ngày 30/9/2025 giải ngân 7.080,4 tỷ đồng.") == set()


@pytest.mark.parametrize("question, sentence, left", [
    # a part set apart by a semicolon that states the country's figure: not the province's words
    ("tỷ lệ giải ngân vốn đầu tư công Tây Ninh đến 30/11/2025",
     "(4) Giải ngân tính theo kế hoạch vốn năm 2025 đã giao (19.846,2 tỷ đồng); tỷ lệ giải ngân của cả nước đến "
     "30/11/2025 khoảng 60,6%.", "(4) Giải ngân tính theo kế hoạch vốn năm 2025 đã giao (19.846,2 tỷ đồng)"),
    # the province's share of the country's total, a contrast, a comparison: the province's own sentence, whole
    ("vốn FDI Bắc Ninh năm 2024", "Bắc Ninh thu hút 4.862,4 triệu USD; chiếm 12,7% tổng vốn FDI của cả nước.", None),
    ("GRDP Bắc Ninh 9 tháng 2023", "GRDP giảm 4,12%; trong khi GDP cả nước tăng 4,24%.", None),
    ("giải ngân Tây Ninh", "Giải ngân đạt 68,6%; cao hơn tỷ lệ 60,6% của cả nước.", None),
    # all of it the country's: judged by its first figure elsewhere (national_figure), kept whole here
    ("GRDP Bắc Ninh 9 tháng 2023", "GDP cả nước tăng 4,24%.", None),
    # the country asked: nothing left out
    ("tỷ lệ giải ngân cả nước đến 30/11/2025", "Tây Ninh đạt 68,6%; tỷ lệ của cả nước khoảng 60,6%.", None),
])
def test_the_country_s_own_parts_of_a_sentence_are_left_out_of_a_province_s_question(question, sentence, left):
    from tracuu.qa.scope import own_clauses
    assert own_clauses(parse_query(question), sentence) == (left if left is not None else sentence)


def test_a_province_s_figure_compared_with_the_country_s_before_a_semicolon_stays():
    from tracuu.qa.scope import own_clauses
    s = ("GRDP năm 2023 ước tăng 6,74% so với năm 2022, cao hơn mức tăng 5,05% của cả nước; trong đó khu vực dịch vụ "
         "tăng 7,95%.")
    assert own_clauses(parse_query("tăng trưởng kinh tế Lâm Đồng năm 2023"), s) == s


def test_a_table_row_names_its_place_in_a_cell_of_words():
    """An OCR'd appendix (set AP, figures invented) numbers its rows and names each area in a column of its own:
    '2 > Khu vực: Phú Yên (cũ); Dự toán 2025: 7.300; ...' is Phú Yên's row, in Đắk Lắk's report."""
    from tracuu.qa.query import parse_query
    from tracuu.qa.scope import elsewhere_figure
    q = parse_query("Khu vực Phú Yên cũ thu ngân sách 8 tháng năm 2025 được bao nhiêu?")
    row = "Don vi: ty dong > 2 > Khu vuc: Phu Yên (cũ); Du toan 2025: 7.300; Luy ke 8 thang: 4.833,8"
    assert not elsewhere_figure(q, row, "Đắk Lắk", "Phu luc II THU NGAN SACH THEO KHU VUC")
    assert elsewhere_figure(q, row.replace("Phu Yên", "Dak Lak"), "Đắk Lắk", "Phu luc II THU NGAN SACH THEO KHU VUC")


def test_the_district_a_sentence_ranks_first_is_no_figure_of_the_province():
    """'Huyện có tỷ lệ hộ nghèo cao nhất là Sốp Cộp (52,46%)' (set AQ, figures invented) is that district's rate; asked
    of the province it is another place's; asked which district ranks first, it answers."""
    from tracuu.qa.scope import elsewhere_figure
    ranked = "Huyện có tỷ lệ hộ nghèo cao nhất là Sốp Cộp (52,46%), thấp nhất là thành phố Sơn La (2,14%)."
    assert elsewhere_figure(parse_query("Tỷ lệ hộ nghèo của tỉnh Sơn La năm 2023 là bao nhiêu?"), ranked, "Sơn La")
    assert not elsewhere_figure(parse_query("Huyện nào của Sơn La có tỷ lệ hộ nghèo cao nhất năm 2023?"), ranked, "Sơn La")
    assert not elsewhere_figure(parse_query("Tỷ lệ hộ nghèo của tỉnh Sơn La năm 2023?"),
                                "Toàn tỉnh có 80.412 hộ nghèo, chiếm 25,86%.", "Sơn La")


def test_a_district_or_its_city_asked_must_be_named_by_the_sentence_its_heading_or_its_report():
    """'Tổng mức bán lẻ ... của thành phố Quy Nhơn' (set AR, unanswerable): the province's total names no Quy Nhơn;
    a line naming the city, a section headed by it, or the city's own report do (OCR a letter off too)."""
    from types import SimpleNamespace
    from tracuu.qa.scope import unit_not_named
    q = parse_query("Tổng mức bán lẻ hàng hóa tháng 8/2023 của thành phố Quy Nhơn đạt bao nhiêu?")
    assert q.provinces == ["Bình Định"]
    province_doc = SimpleNamespace(title="Tình hình kinh tế - xã hội tháng 8 năm 2023", issuer="Cục Thống kê tỉnh Bình Định")
    total = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 8/2023 ước đạt 8.646,2 tỷ đồng."
    assert unit_not_named(q, total, "II. THƯƠNG MẠI", province_doc)
    assert not unit_not_named(q, "Riêng thành phố Quy Nhơn đạt 3.412,6 tỷ đồng.", "", province_doc)
    assert not unit_not_named(q, total, "", SimpleNamespace(title="Báo cáo tháng 8", issuer="UBND thành phố Quy Nhơn"))
    assert not unit_not_named(q, "Tổng mức bán lẻ tại huyén Quy Nhon đạt 3.412,6 tỷ đồng.", "", province_doc)
    # the province asked, or the whole province beside the city: no rule
    assert not unit_not_named(parse_query("Tổng mức bán lẻ tháng 8/2023 của Bình Định?"), total, "", province_doc)


def test_a_province_s_capital_bearing_its_name_is_asked_as_that_city():
    """'TP Hải Dương giải ngân ...' (set DD) asks the city, not the province its name also names: the province's total
    ('Tỷ lệ giải ngân ... của tỉnh đạt 31,5%') in the province's report does not answer; the city's own clause does,
    however 'thành phố' is written. (Figures invented.)"""
    from types import SimpleNamespace
    from tracuu.qa.scope import unit_not_named
    q = parse_query("TP Hải Dương giải ngân vốn đầu tư công 5 tháng năm 2024 đạt bao nhiêu?")
    assert q.provinces == ["Hải Dương"] and q.districts == ["thanh pho hai duong"]
    paper = SimpleNamespace(title="Thu ngân sách 5 tháng đạt gần 48% dự toán", issuer="Báo Hải Dương")
    assert unit_not_named(q, "Tỷ lệ giải ngân vốn đầu tư công của tỉnh Hải Dương đạt 31,5%.", "", paper)
    for city in ("TP Hải Dương giải ngân 312,6 tỷ đồng, đạt 41,8%.", "TP.Hải Dương giải ngân 312,6 tỷ đồng.",
                 "riêng thành phố Hải Dương giải ngân 312,6 tỷ đồng."):
        assert not unit_not_named(q, city, "", paper), city
    assert not unit_not_named(q, "Giải ngân đạt 41,8%.", "", SimpleNamespace(title="Báo cáo 5 tháng",
                                                                           issuer="UBND thành phố Hải Dương"))
    # 'Thành phố Cần Thơ' is the province: no unit asked
    assert parse_query("Thành phố Cần Thơ giải ngân 5 tháng 2024").districts == []


def test_the_whole_country_asked_is_answered_only_by_a_sentence_of_the_country():
    from tracuu.qa.scope import asks_nation, nation_named
    asked = parse_query("tong thu ngan sach nha nuoc ca nuoc 4 thang dau nam 2023 la bao nhieu ty dong")
    assert asks_nation(asked)
    assert not nation_named("Tổng thu NSNN trên địa bàn 4 tháng ước đạt 1.402.375 triệu đồng")  # a province's
    assert nation_named("Toàn ngành thuế cả nước 4 tháng thu nội địa ước đạt 39,4% dự toán")
    # a province's rank in the country asks of the province
    assert not asks_nation(parse_query("PCI 2022 của Lạng Sơn xếp thứ mấy cả nước?"))


def test_a_corporation_s_or_region_s_figure_is_no_province_s():
    from tracuu.qa.scope import national_figure
    asked = parse_query("Điện thương phẩm 11 tháng năm 2024 của Ninh Bình đạt bao nhiêu?")
    assert national_figure(asked, "- Toàn Tổng công ty Điện lực miền Bắc, điện thương phẩm 11 tháng đạt 86.412 triệu kWh.")
    assert not national_figure(asked, "- Lũy kế 11 tháng năm 2024, điện thương phẩm đạt 4.612,8 triệu kWh.")
    assert not national_figure(asked, "Công ty Điện lực Ninh Bình (Tổng công ty Điện lực miền Bắc) đạt 4.612,8 triệu kWh.")


def test_a_province_a_figure_is_compared_with_is_not_its_owner():
    # invented figures: Quảng Nam's sentence compares its growth with Đà Nẵng's
    assert owners("thap hon thanh pho da nang ") == set()
    assert owners("chi sau tinh dak nong ") == set()
    assert owners("tinh dak nong tang ") == {"Đắk Nông"}
    sentence = ("Tốc độ tăng trưởng GRDP 9 tháng năm 2024 ước đạt 7,36% so với cùng kỳ, trong đó quý I tăng 5,12%. Mức "
                "tăng 9 tháng cao hơn tỉnh Quảng Ngãi (5,94%), thấp hơn thành phố Đà Nẵng (7,81%).")
    assert elsewhere_figure(parse_query("Đà Nẵng tăng trưởng GRDP quý I/2024"), sentence, "Quảng Nam")
    assert not elsewhere_figure(parse_query("Quảng Nam tăng trưởng GRDP quý I/2024"), sentence, "Quảng Nam")
    # the compared province's own clause still answers for it
    assert not elsewhere_figure(parse_query("Đà Nẵng tăng trưởng GRDP 9 tháng 2024"),
                                "GRDP 9 tháng tăng 7,36%; thành phố Đà Nẵng tăng 7,81%.", "Quảng Nam")


def test_a_column_headed_by_an_area_alone_is_the_area_as_it_was():
    """'Khu vực Vĩnh Phúc | Khu vực Phú Thọ | Khu vực Hòa Bình | Toàn tỉnh' (CS's merged Phú Thọ, a table 'THEO KHU VỰC
    TỈNH CŨ'): each area column is the former province, '(cũ)' or not, so the province asked as it is now is
    answered from 'Toàn tỉnh'; a sentence on an area is read as before."""
    from tracuu.qa.scope import former_areas
    assert former_areas("Khu vực Phú Thọ") == ["Phú Thọ"]
    assert former_areas("Địa bàn tỉnh Vĩnh Phúc") == ["Vĩnh Phúc"]
    assert former_areas("Khu vực Bắc Kạn (cũ)") == ["Bắc Kạn"]
    assert former_areas("Toàn tỉnh") == []
    assert former_areas("khu vực Phú Thọ đón 3.108 nghìn lượt khách") == []


def test_a_province_named_in_a_bracket_is_an_aside_not_the_owner():
    """'Trước đó, tỉnh Sóc Trăng (giáp Trà Vinh qua sông Hậu) công bố ... kim ngạch xuất khẩu đạt 1.035 triệu USD' (set
    CY's Trà Vinh article, figures invented): Sóc Trăng's figure, not Trà Vinh's; a name in a bracket alone still owns."""
    lead = fold_ocr("Trước đó, tỉnh Sóc Trăng (giáp Trà Vinh qua sông Hậu) công bố GRDP 9 tháng tăng")
    assert owners(lead) == {"Sóc Trăng"}
    assert owners(fold_ocr("Kim ngạch xuất khẩu (Trà Vinh) đạt")) == {"Trà Vinh"}
    q = parse_query("Kim ngạch xuất khẩu 9 tháng năm 2024 của Trà Vinh")
    assert elsewhere_figure(q, "Trước đó, tỉnh Sóc Trăng (giáp Trà Vinh qua sông Hậu) công bố GRDP 9 tháng tăng 6,91%, "
                               "kim ngạch xuất khẩu đạt 1.035 triệu USD.", "Trà Vinh")


def test_a_unit_asked_is_answered_by_its_own_clause_after_the_province_s_figure():
    """'riêng thị xã Chơn Thành có 4 cụm với tỷ lệ lấp đầy 71,2%' after the province's 46,8% (set DD, figures
    invented): the sentence answers for the town; the province's figure alone does not."""
    q = parse_query("Tỷ lệ lấp đầy các cụm công nghiệp ở thị xã Chơn Thành")
    both = ("Cụm công nghiệp: toàn tỉnh có 14 cụm công nghiệp được thành lập, tổng diện tích 652,4 ha, tỷ lệ lấp đầy "
            "46,8%; riêng thị xã Chơn Thành có 4 cụm với tỷ lệ lấp đầy 71,2%.")
    assert not elsewhere_figure(q, both, "Bình Phước")
    assert elsewhere_figure(q, both.split(";")[0] + ".", "Bình Phước")
