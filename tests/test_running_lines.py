"""A page's running header and footer in text saved from a PDF (figures invented)."""
from tracuu.ingest.running_lines import running_lines
from tracuu.ingest.structure import build_paragraphs

PAGES = """\
      Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 ước đạt
612,4 tỷ đồng, tăng 1,1% so với tháng trước; lũy kế 10 tháng ước đạt 6.536,9
tỷ đồng, tăng 8,8% so với cùng kỳ, đạt 81,9% kế hoạch năm.
      Du lịch: 10 tháng toàn tỉnh đón 912.000 lượt khách, tăng 6,1% so với
cùng kỳ, trong đó khách quốc tế 18.200 lượt; riêng Khu du lịch quốc gia Hồ
Báo cáo tình hình KT-XH tháng 10 và 10 tháng năm 2024                    Trang 1
-------------------------------------------------------------------------------
Sở Kế hoạch và Đầu tư tỉnh X                              Số: 101/BC-SKHĐT
Núi đón 214.300 lượt khách. Tổng doanh thu du lịch ước đạt 512,6 tỷ đồng.
      Thu ngân sách nhà nước trên địa bàn 10 tháng ước đạt 1.204,5 tỷ đồng,
bằng 80,3% dự toán, tăng 4,2% so với cùng kỳ; trong đó thu nội địa 1.102,6 tỷ
đồng, thu từ hoạt động xuất nhập khẩu 101,9 tỷ đồng, bằng 72,8% dự toán.
Báo cáo tình hình KT-XH tháng 10 và 10 tháng năm 2024                    Trang 2
-------------------------------------------------------------------------------
Sở Kế hoạch và Đầu tư tỉnh X                              Số: 101/BC-SKHĐT
4. Tài chính - ngân hàng
""".splitlines()


def test_a_sentence_broken_over_the_page_goes_on_past_its_header():
    found = running_lines(PAGES)
    assert found == {5, 6, 7, 12, 13, 14}
    hints = {i: "running" for i in found}
    texts = [" ".join(t for _, t in p.lines) for p in build_paragraphs(PAGES, hints)]
    assert any("riêng Khu du lịch quốc gia Hồ Núi đón 214.300 lượt khách" in t for t in texts)
    assert not any("Trang" in t or "Số: 101" in t for t in texts)
    # read without them, the figure is cut from whose it is
    plain = [" ".join(t for _, t in p.lines) for p in build_paragraphs(PAGES)]
    assert not any("Hồ Núi đón 214.300" in t for t in plain)


def test_bare_page_numbers_counting_up_and_the_header_beside_them():
    body = ["Sản xuất công nghiệp tháng 5 tiếp tục tăng trưởng khá, chỉ số sản xuất toàn ngành"] * 8
    lines = [*body, "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước tháng 5/2025 ước đạt", "", "1", "",
             "Chi cục Thống kê tỉnh X                Tình hình kinh tế - xã hội tháng 5 năm 2025", "",
             "268,4 tỷ đồng, tăng 12,3% so với cùng kỳ. Tính chung 5 tháng đạt 1.085,7 tỷ đồng.",
             "Trong 5 tháng, toàn tỉnh giải quyết việc làm cho 7.480 lao động, bằng 44,0% kế hoạch.", "", "2", "",
             "Chi cục Thống kê tỉnh X                Tình hình kinh tế - xã hội tháng 5 năm 2025", "", "Kết quả ..."]
    found = {i - len(body) for i in running_lines(lines)}
    assert {2, 4, 9, 11} <= found and {1, 3, 5} <= found  # the blanks of the page a sentence runs over
    assert 6 not in found and 8 not in found and 10 not in found  # a page ending on a full stop keeps its break
    hints = {i + len(body): "running" for i in found}
    text = [" ".join(t for _, t in p.lines) for p in build_paragraphs(lines, hints)]
    assert any("ước đạt 268,4 tỷ đồng" in t for t in text)


def test_numbers_that_do_not_count_pages_and_a_single_page_mark_are_text():
    # a wrapped table heading's '11', a closing '3': no sequence of pages
    assert running_lines(["Chỉ tiêu ĐVT Ước thực", "hiện tháng", "11", "Thu NSNN Tỷ đồng 812,7", "3"]) == set()
    assert running_lines(["Một dòng", "Trang 1", "Dòng khác"]) == set()
    # figure cells beside a page number are no header ('3.412,6' printed on each page of a cell-per-line table)
    cells = ["1", "3.412,6", "94,46", "Chỉ tiêu", "3.412,6", "94,46", "2"]
    assert running_lines(cells) == {0, 6}
