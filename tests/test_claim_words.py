"""qa.claim_words: which indicator a claimed figure measures (pure functions, no index)."""
from types import SimpleNamespace

import pytest

from tracuu.qa.claim_values import equal, value
from tracuu.qa.claim_words import among, better_fit, claim_words, measure_words, names_measure
from tracuu.qa.figures import extract


def _guard(claim: str, quote: str, idf: float | None = None):
    """The report's figure equal to the claim's, and the figure `better_fit` names instead (None: it is the
    claim's own). Invented sentences of other layouts; no store, so every word weighs 1."""
    from tracuu.qa.query import parse_query
    query, fig = parse_query(claim), extract(claim)[-1]
    quoted = extract(quote)
    rep = next(f for f in quoted if equal(value(fig), value(f)))
    store = SimpleNamespace(lexical=SimpleNamespace(idf=lambda t: idf, repair=None)) if idf else None
    return better_fit(measure_words(fig, query), claim_words(query), rep, quoted, store, quote)


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
    # a part given as the total, its breakdown a sentence of its own ('. Trong đó: thu nội địa ...'), the city named
    # with its abbreviation ('TP. Hồ Chí Minh': no sentence ends there; BQ's claim c61_009)
    ("Tổng thu ngân sách nhà nước trên địa bàn TP. Hồ Chí Minh 11 tháng năm 2027 ước đạt 458.930 tỷ đồng.",
     "Tổng thu ngân sách nhà nước trên địa bàn 11 tháng ước đạt 612.480 tỷ đồng, bằng 101,3% dự toán năm. Trong đó: "
     "thu nội địa 458.930 tỷ đồng; thu từ dầu thô 24.150 tỷ đồng.", "612.480"),
])
def test_a_figure_whose_own_words_name_another_indicator_is_not_the_claim_s(claim, quote, reported):
    other = _guard(claim, quote)
    assert other is not None and other.value == reported


@pytest.mark.parametrize("quote", [
    "Tổng kim ngạch xuất nhập khẩu ước 1.250 triệu USD, tăng 12,5% so với cùng kỳ, trong đó xuất khẩu 812 triệu USD, "
    "tăng 18,2%, nhập khẩu 438 triệu USD, tăng 3,1%.",
    "Tong kim ngach xuat nhap khau uoc 1.250 trieu USD, ting 12,5% so voi cung ky, trong d6 xuat khau 812 trieu USD, "
    "ting 18,2%, nhap khau 438 trieu USD, ting 3,1%.",  # OCR'd 'ting', 'trong d6'
])
def test_the_whole_s_rise_given_to_its_part_is_the_part_s(quote):
    other = _guard("Năm 2024, xuất khẩu của Trà Vinh tăng 12,5% so với cùng kỳ.", quote, idf=2.0)
    assert other is not None and other.value == "18,2"
    assert _guard("Năm 2024, tổng kim ngạch xuất nhập khẩu của Trà Vinh tăng 12,5%.", quote, idf=2.0) is None


def test_a_part_s_rise_given_to_its_whole_is_the_whole_s():
    """Two words the part adds ('thường xuyên') outweigh no common word when each weighs 2 (a corpus's idf)."""
    quote = ("Tổng chi ngân sách địa phương ước thực hiện 9.870 tỷ đồng, tăng 15,2% so với cùng kỳ, trong đó chi "
             "thường xuyên ngân sách 8.120 tỷ đồng, tăng 8,4%; chi đầu tư phát triển 1.750 tỷ đồng.")
    other = _guard("Chín tháng năm 2024, tổng chi ngân sách địa phương của Sơn La tăng 8,4%.", quote, idf=2.0)
    assert other is not None and other.value == "15,2"
    assert _guard("Chín tháng năm 2024, chi thường xuyên ngân sách của Sơn La tăng 8,4%.", quote, idf=2.0) is None


@pytest.mark.parametrize("claim, quote", [
    # the total named as the claim names it: its parts do not take its place
    ("Quý III/2024, tổng kim ngạch xuất nhập khẩu của Trà Vinh đạt 831 triệu USD.",
     "Tổng kim ngạch xuất nhập khẩu quý III ước 831 triệu USD, trong đó xuất khẩu 512,4 triệu USD, nhập khẩu 318,6 triệu USD."),
    ("Đến 30/6/2024, tổng nguồn vốn huy động trên địa bàn Bình Phước đạt 41.200 tỷ đồng.",
     "Tổng nguồn vốn huy động đến 30/6/2024 ước đạt 41.200 tỷ đồng, tăng 3,1%; tổng dư nợ tín dụng ước đạt 45.800 tỷ đồng."),
    # the claim's words differ from the report's but name nothing another figure is
    ("Năm 2024 Điện Biên còn 9.870 hộ nghèo.",
     "Tổng số hộ nghèo toàn tỉnh là 9.870 hộ, chiếm 7,1%; tổng số hộ cận nghèo là 6.402 hộ, chiếm 4,6%."),
    # a part's rise claimed as the part's keeps it
    ("Năm 2024, chi thường xuyên ngân sách của Sơn La tăng 8,4%.",
     "Tổng chi ngân sách địa phương ước thực hiện 9.870 tỷ đồng, tăng 15,2% so với cùng kỳ, trong đó chi thường "
     "xuyên ngân sách 8.120 tỷ đồng, tăng 8,4%; chi đầu tư phát triển 1.750 tỷ đồng."),
    # the whole's rise claimed as the whole's keeps it
    ("Năm 2024, tổng kim ngạch xuất nhập khẩu của Trà Vinh tăng 12,5%.",
     "Tổng kim ngạch xuất nhập khẩu ước 1.250 triệu USD, tăng 12,5% so với cùng kỳ, trong đó xuất khẩu 812 triệu USD, "
     "tăng 18,2%, nhập khẩu 438 triệu USD, tăng 3,1%."),
    # the whole (OCR'd, with 'tất cả các loại hình') keeps its digits against its part 'nhập khẩu'
    ("Quý III/2024, tổng kim ngạch xuất nhập khẩu hàng hóa của Cao Bằng đạt 831 triệu USD.",
     "Tong kim ngach xuat nhap khau hang hoa tat ca cac loai hinh dat 831 trieu USD, trong do kim ngach xuat khau "
     "dat 312,4 trieu USD, kim ngach nhap khau dat 518,6 trieu USD."),
    # the same indicator's other periods in the sentence are no other indicator (figures invented)
    ("Sáu tháng đầu năm 2026, kim ngạch xuất khẩu hàng hóa của tỉnh Vĩnh Long đạt 2.812 triệu USD.",
     "Kim ngạch xuất khẩu hàng hóa quý II/2026 ước đạt 1.496,2 triệu USD, tăng 14,6% so với cùng kỳ; quý I/2026 đạt "
     "1.315,8 triệu USD. Tính chung 6 tháng đầu năm 2026, kim ngạch xuất khẩu đạt 2.812,0 triệu USD, tăng 12,4%."),
    ("Trong quý I/2026, Thái Nguyên có 392 doanh nghiệp thành lập mới.",
     "Trong quý I/2026, toàn tỉnh có 392 doanh nghiệp thành lập mới (riêng tháng 3/2026 có 151 doanh nghiệp), tăng 12,5%."),
])
def test_the_claim_s_own_figure_keeps_it(claim, quote):
    assert _guard(claim, quote) is None


def test_a_word_one_letter_off_is_the_claim_s_word_misread():
    assert among("xuet", {"xuat"}) and among("sich", {"sach", "von"})  # OCR: 'xuét', 'sích'
    assert not among("can", {"con"})  # 'cận' is not 'còn': short words are compared exactly
    assert not among("nhap", {"xuat", "khau"})


@pytest.mark.parametrize("claim, quote, named", [
    # equal digits under a garbled clause that names nothing the claim measures (invented OCR text)
    ("Số thuê bao di động của Cao Bằng tăng 5% so với cùng kỳ.", "ty dong, tang 5% so voi cung ky.", False),
    ("Số thuê bao di động của Cao Bằng tăng 5% so với cùng kỳ.", "So thue bao di dong tang 5% so voi cung ky.", True),
    # a word one letter off is the claim's word misread ('thuê' read 'thué')
    ("Doanh thu viễn thông đạt 650 tỷ đồng.", "doanh thu vién thong 650 ty dong", True),
])
def test_a_matched_figure_s_words_must_name_what_the_claim_measures(claim, quote, named):
    from tracuu.qa.query import parse_query
    query, fig = parse_query(claim), extract(claim)[-1]
    rep = next(f for f in extract(quote) if equal(value(fig), value(f)))
    assert names_measure(measure_words(fig, query), rep, None) is named


def test_a_whole_given_what_its_part_is_said_to_meet_is_the_part_s():
    # 'trong đó ... đủ tiêu chuẩn xuất vườn' restricts the part: the whole's value does not meet it (invented figures)
    quote = "Số lượng cây giống gieo ươm trong năm là 42 triệu cây, trong đó khoảng 35 triệu cây đủ tiêu chuẩn xuất vườn."
    other = _guard("Năm 2024 Hòa Bình gieo ươm được 42 triệu cây giống đủ tiêu chuẩn xuất vườn.", quote, idf=2.0)
    assert other is not None and other.value == "35"
    assert _guard("Năm 2024 Hòa Bình gieo ươm được 42 triệu cây giống.", quote, idf=2.0) is None
    assert _guard("Năm 2024 Hòa Bình có 35 triệu cây giống đủ tiêu chuẩn xuất vườn.", quote, idf=2.0) is None


def test_an_acronym_s_figure_is_the_one_whose_full_form_a_claim_spells_out():
    quote = "Trong đó: Vốn ngân sách tỉnh: 812,4 tỷ đồng, đạt 91,2% kế hoạch; Vốn NSTW: 1.104,6 tỷ đồng, đạt 78,5% kế hoạch."
    claim = "Tính đến hết 31/01/2025, vốn ngân sách trung ương của Hậu Giang giải ngân được 812,4 tỷ đồng."
    other = _guard(claim, quote, idf=2.0)
    assert other is not None and other.value == "1.104,6"
    assert _guard(claim.replace("trung ương", "tỉnh"), quote, idf=2.0) is None


def test_the_words_that_count_up_to_a_date_say_when_not_what():
    from tracuu.qa.query import parse_query
    # 'tính đến' folds to 'tinh den', and 'tỉnh' is 'tinh' too: a claim's cut-off lends it no word
    words = claim_words(parse_query("Tính đến hết 31/01/2023, vốn ngân sách trung ương giải ngân được 1.226,1 tỷ đồng"))
    assert "tinh" not in words and "den" not in words and {"trung", "uong", "ngan", "sach"} <= words
    assert "den" not in claim_words(parse_query("Lũy kế đến quý I/2024, Hậu Giang có 405 hợp tác xã"))


def test_a_generic_measure_needs_the_report_s_figure_to_name_what_it_measures():
    # invented sentences: 'diện tích chè' is no 'tổng diện tích gieo trồng', 'đàn bò' no 'đàn trâu'
    from tracuu.qa.query import parse_query
    cases = [("Năm 2023, diện tích chè của tỉnh đạt 6.240 ha.", "Tổng diện tích gieo trồng cả năm ước đạt 6.240 ha.", False),
             ("Năm 2023, diện tích gieo trồng lúa của tỉnh đạt 6.240 ha.", "Diện tích gieo trồng lúa cả năm đạt 6.240 ha.",
              True),
             ("Năm 2023, tổng diện tích gieo trồng của tỉnh ước đạt 6.240 ha.", "Tổng diện tích gieo trồng đạt 6.240 ha.",
              True),
             ("Năm 2023, tổng đàn bò của tỉnh có 41.310 con.", "Tổng đàn trâu 41.310 con; đàn bò 27.100 con.", False)]
    for claim, quote, named in cases:
        query, fig = parse_query(claim), extract(claim)[-1]
        rep = next(f for f in extract(quote) if equal(value(fig), value(f)))
        assert names_measure(measure_words(fig, query), rep, None, quote) is named, claim


def test_what_a_count_counts_is_printed_after_it():
    """'Toàn tỉnh có 1.046 doanh nghiệp thành lập mới ...; 368 doanh nghiệp tạm ngừng hoạt động' (CR's Bắc Giang,
    figures invented): what each count counts follows it; the counts after the ';' borrow the sentence's lead
    ('số doanh nghiệp'), which made 368 the claim's 'doanh nghiệp' (c88_004 had been judged another indicator's).
    Words weighed as the index weighs them."""
    from tracuu.qa.query import parse_query
    idf = dict(toan=1.76, tinh=1.06, co=2.2, so=0.79, doanh=2.38, nghiep=1.99, thanh=2.3, lap=3.05, moi=2.55, tam=3.45,
               ngung=5.63, hoat=2.97, dong=1.05, giai=2.29, the=3.93)
    store = SimpleNamespace(lexical=SimpleNamespace(idf=lambda t: idf.get(t, 4.0), repair=None))
    quote = ("Toàn tỉnh có 1.046 doanh nghiệp thành lập mới với tổng vốn đăng ký 12.318 tỷ đồng, số doanh nghiệp giảm "
             "8,2%³ so với cùng kỳ; 368 doanh nghiệp tạm ngừng hoạt động, 94 doanh nghiệp giải thể.")

    def other(claim, digits):
        query, quoted = parse_query(claim), extract(quote)
        fig = next(f for f in extract(claim) if f.value == digits)
        rep = next(f for f in quoted if equal(value(fig), value(f)))
        found = better_fit(measure_words(fig, query), claim_words(query), rep, quoted, store, quote)
        return found.value if found else None
    assert other("9 tháng năm 2021, Bắc Giang có 1.046 doanh nghiệp thành lập mới, giảm 8,2% so với cùng kỳ năm "
                 "2020.", "1.046") is None
    # (a rival's counted words do not make it the claim's: '145,45 km mặt đường bê tông' for the '4,3 km nền đường')
    road = ("Xay dung dugc trén 145,45 km mat dudng bé tong xi miang, mé méi nén duong 4,3 km; ty 16 x& c6 dudng 6 to "
            "dén trung tdm xa duoc rai nhya hoic bé tong dat 93,4%.")  # (as the sample report's OCR prints it)
    query = parse_query("Lạng Sơn xây dựng được hơn 145,45 km mặt đường bê tông xi măng và mở mới 4,3 km nền đường.")
    fig = next(f for f in extract(query.text) if f.value == "4,3")
    quoted = extract(road)
    rep = next(f for f in quoted if f.value == "4,3")
    assert better_fit(measure_words(fig, query), claim_words(query), rep, quoted, None, road) is None


def test_a_part_listed_after_another_in_the_breakdown_given_as_the_total_is_the_total_s():
    # invented figures: 'Trong đó' lists two parts apart by ';'; the district level's share given as the province's total
    quote = ("Giải ngân vốn đầu tư công: lũy kế đến 30/9/2027 giải ngân 6.218 tỷ đồng, đạt 38,9% kế hoạch. Trong đó dự án "
             "sân bay giải ngân 1.652 tỷ đồng; vốn do cấp huyện quản lý giải ngân 1.783,2 tỷ đồng.")
    assert _guard("9 tháng năm 2027, tỉnh giải ngân 1.783,2 tỷ đồng vốn đầu tư công.", quote).value == "6.218"
    assert _guard("9 tháng năm 2027, vốn do cấp huyện quản lý giải ngân 1.783,2 tỷ đồng.", quote) is None
