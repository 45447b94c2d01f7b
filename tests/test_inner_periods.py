"""Figures of a period inside a report's own (a month of a quarterly release), of the same span in another year, and
of a whole whose parts a table lists (tests/data/invented/na_ctk_quy1_2026.txt, every figure invented)."""
from dataclasses import replace

from tracuu.ingest.periods import find_periods
from tracuu.qa.engine import AskOptions
from tracuu.qa.query import parse_query
from tracuu.qa.retrieve import candidates


def test_a_month_no_report_covers_is_searched_in_the_shortest_report_holding_it(invented_engine):
    """'riêng tháng 3' of a quarterly release (set BU's Tây Ninh, BV's Hải Dương had been refused): with pools of a
    passage or two, which the province's year report fills with its short sentences on exports, the sentence holding
    the month is still read, from the quarter's report."""
    store = invented_engine.store
    query = parse_query("xuat khau Nghe An rieng thang 3 nam 2026")
    tiny = replace(invented_engine.weights, pool=1, period_pool=2)
    hits = candidates(store, query, invented_engine.query_vector(query.search_text), 10, None, tiny)
    assert any("318,4" in h.passage.text for h in hits)
    a = invented_engine.ask("xuat khau Nghe An rieng thang 3 nam 2026", AskOptions(k=10))
    assert a.answered and "318,4" in a.answer.split("\n")[0]


def test_the_same_span_restated_with_a_year_is_another_year_s():
    """'lũy kế quý I ... (quý I năm 2025 đạt ...)' in 2026's report: the running total is 2026's, the bracket 2025's;
    a year after the sentence's end lends none ('... tháng 11 ước đạt 8.415 tỷ đồng. ... do năm 2021 chịu ảnh hưởng')."""
    s = "lũy kế quý I ước đạt 27.380,4 tỷ đồng, tăng 11,2% so với cùng kỳ (quý I năm 2025 đạt 24.622,7 tỷ đồng)."
    assert [m.period.year for m in find_periods(s, 2026)] == [2026, 2025]
    s = "Bán lẻ tháng 11 ước đạt 8.415 tỷ đồng. Lũy kế tăng 21,3%, chủ yếu do năm 2021 chịu ảnh hưởng của dịch."
    assert find_periods(s, 2022)[0].period.year == 2022
    # a year stated after in the same sentence still lends itself ('tháng 01, nhiệm vụ tháng 02 năm 2023')
    assert [m.period.year for m in find_periods("tháng 01, nhiệm vụ tháng 02 năm 2023", 2022)] == [2023, 2023]


def test_the_whole_asked_by_the_words_of_its_table_s_caption_is_its_total(invented_engine):
    """A table captioned by the whole ('TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG') lists a part named by
    its words ('Bán lẻ hàng hóa'): asked the whole, its total answers (BV's Long An had been answered by the part);
    asked the part alone, the part."""
    whole = invented_engine.ask("tong muc ban le hang hoa va doanh thu dich vu tieu dung Nghe An quy 1 2026",
                                AskOptions(k=10))
    assert whole.answered and "27.380,4" in whole.answer.split("\n")[0]
    part = invented_engine.ask("Bán lẻ hàng hóa của Nghệ An quý I/2026 đạt bao nhiêu?", AskOptions(k=10))
    assert part.answered and "20.926,5" in part.answer.split("\n")[0]


def test_another_period_s_aim_is_no_result_and_another_thing_counted_no_count(invented_engine):
    """Only the year's aim ('phấn đấu ... cả năm đạt 9,2%') for a quarter's GRDP: refused, the aim shown as one (BU's
    Hòa Bình had been answered 8,5%); new firms are no count of firms dissolved (BE's Ninh Bình)."""
    grdp = invented_engine.ask("GRDP Nghe An quy 1 nam 2026 tang bao nhieu phan tram", AskOptions(k=10))
    assert not grdp.answered and "9,2" in grdp.answer and "mục tiêu" in grdp.answer
    gone = invented_engine.ask("Quý I/2026 Nghệ An có bao nhiêu doanh nghiệp giải thể?", AskOptions(k=10))
    assert not gone.answered
    new = invented_engine.ask("Quý I/2026 Nghệ An có bao nhiêu doanh nghiệp thành lập mới?", AskOptions(k=10))
    assert new.answered and "486" in new.answer.split("\n")[0]


def test_a_former_area_asked_beside_its_successor_gets_its_own_figure(invented_engine):
    """'Theo báo cáo ... của tỉnh An Giang, khu vực Kiên Giang (cũ) ...': both provinces named, the former area asked;
    of the whole and its parts, the former area's figure leads (set BI's Bắc Ninh had led with the two provinces' sum)."""
    a = invented_engine.ask("Theo báo cáo 9 tháng năm 2026 của tỉnh An Giang, khu vực Kiên Giang (cũ) thu hút được bao "
                            "nhiêu vốn đầu tư trực tiếp nước ngoài?", AskOptions(k=10))
    assert a.answered and "244,2" in a.answer.split("\n")[0]


def test_a_part_row_under_its_whole_and_a_compound_s_acronym(invented_engine):
    """'- Khách tham quan trong ngày' under 'Tổng lượt khách' (set BW's Bà Rịa - Vũng Tàu had been answered by the
    part): the whole answers; 'Trong đó: Xuất khẩu' under 'Tổng kim ngạch XNK ... qua các cửa khẩu' (BW's Lào Cai had
    been answered by the XNK total): exports asked, the part answers, its words the whole's."""
    visitors = invented_engine.ask("Khánh Hòa đón bao nhiêu lượt khách du lịch trong quý I năm 2026?", AskOptions(k=10))
    assert visitors.answered and "2.184,6" in visitors.answer.split("\n")[0]
    exports = invented_engine.ask("Kim ngạch xuất khẩu hàng hóa qua các cửa khẩu trên địa bàn Khánh Hòa quý I năm 2026 là "
                                  "bao nhiêu?", AskOptions(k=10))
    assert exports.answered and "74,8" in exports.answer.split("\n")[0]


def test_a_merged_province_asked_as_it_is_gets_its_total_not_a_former_area_s(invented_engine):
    """A table by former area (An Giang (cũ) | Kiên Giang (cũ) | Toàn tỉnh): the province asked as it is now gets
    the whole (set BW's Quảng Trị had been answered by the former Quảng Trị's column); the former area asked, its own."""
    now = invented_engine.ask("kim ngach xuat khau an giang 9 thang nam 2026", AskOptions(k=10))
    assert now.answered and "4.286,9" in now.answer.split("\n")[0]
    was = invented_engine.ask("kim ngach xuat khau khu vuc Kien Giang cu 9 thang nam 2026", AskOptions(k=10))
    assert was.answered and "1.768,6" in was.answer.split("\n")[0]
