"""ingest.aligned_tables: a table laid out with spaces is read by where its cells stand (figures invented)."""
from tracuu.ingest.aligned_tables import render_aligned_tables
from tracuu.ingest.types import SourceText

TABLE = """\
Tổng thu ngân sách 9 tháng ước đạt 2.046,8 tỷ đồng.

MỘT SỐ CHỈ TIÊU CHỦ YẾU QUÝ III VÀ 9 THÁNG NĂM 2024
Chỉ tiêu                           ĐVT           Quý III     So cùng    9 tháng    So cùng
                                                 năm 2024    kỳ (%)     năm 2024   kỳ (%)
------------------------------------------------------------------------------------------
1. Thu ngân sách nhà nước          Tỷ đồng         712,6      107,9    2.046,8      108,6
2. Khách du lịch                   Nghìn lượt      862,4      113,2    2.499,8      116,4
   Trong đó: khách quốc tế         Nghìn lượt      183,8      268,3      348,6      274,5
3. Vốn ngân sách trung ương        Tỷ đồng          86,5          -      241,2          -
   (trong nước)
4. Chỉ số giá tiêu dùng            %                   -     103,62          -     103,84
(Đơn vị tính theo giá hiện hành)

Ghi chú: số ước tính."""


def rendered() -> list[str]:
    lines = TABLE.splitlines()
    out = render_aligned_tables(SourceText(lines=lines, encoding="utf-8", fmt="txt"))
    assert len(out.lines) == len(lines)  # cited line numbers still point into the file
    return out.lines


def test_each_row_is_rendered_with_the_headings_of_its_columns():
    lines = rendered()
    row = lines[6]
    assert row.startswith("MỘT SỐ CHỈ TIÊU CHỦ YẾU QUÝ III VÀ 9 THÁNG NĂM 2024 > 1. Thu ngân sách nhà nước > ĐVT: Tỷ đồng")
    assert "Quý III năm 2024: 712,6" in row and "9 tháng năm 2024: 2.046,8" in row
    # the same heading over two columns is named with the period column left of it
    assert "Quý III năm 2024 - So cùng kỳ (%): 107,9" in row and "9 tháng năm 2024 - So cùng kỳ (%): 108,6" in row
    assert "Trong đó: khách quốc tế > ĐVT: Nghìn lượt; Quý III năm 2024: 183,8" in lines[8]
    assert lines[3] == lines[4] == lines[5] == ""  # headings and rule: blank, not passages of their own


def test_a_dash_is_no_value_and_a_wrapped_label_joins_its_row():
    lines = rendered()
    assert "> 3. Vốn ngân sách trung ương (trong nước) > " in lines[9] and "241,2" in lines[9]
    assert "- So cùng kỳ (%): -" not in lines[9] and lines[10] == ""
    assert "9 tháng năm 2024 - So cùng kỳ (%): 103,84" in lines[11]
    assert lines[12] == "(Đơn vị tính theo giá hiện hành)"  # a note under the table is no part of a label
    assert lines[0].startswith("Tổng thu ngân sách") and lines[14] == "Ghi chú: số ước tính."


def test_prose_and_short_lists_stay_as_written():
    text = ["Xuất khẩu  tăng 12,5%  so với cùng kỳ", "Nhập khẩu  tăng 8,1%  so với cùng kỳ",
            "1. Nông nghiệp:    125,6    130,2", "2. Công nghiệp:    85,1    90,4"]
    assert render_aligned_tables(SourceText(lines=text, encoding="utf-8", fmt="txt")).lines == text


LEADERS = """\
BIỂU MỘT SỐ CHỈ TIÊU THÁNG 11 VÀ 11 THÁNG NĂM 2024
Chỉ tiêu (đơn vị tính) ......................... Tháng 11/2024 ..... 11 tháng/2024
1. Kim ngạch xuất khẩu (triệu USD) ................... 104,6 .......... 1.078,4
2. Khách du lịch (nghìn lượt) ......................... 412,6 .......... 4.246,5
   Trong đó: khách quốc tế (nghìn lượt) ................ 18,2 ............ 164,8
3. Doanh nghiệp thành lập mới (doanh nghiệp) .............. 38 .............. 398
Mục lục ...................................................................... 5"""


def test_dot_leaders_part_cells_as_spaces_do():
    lines = LEADERS.splitlines()
    out = render_aligned_tables(SourceText(lines=lines, encoding="utf-8", fmt="txt")).lines
    assert len(out) == len(lines)
    assert out[2].endswith("1. Kim ngạch xuất khẩu (triệu USD) > Tháng 11/2024: 104,6; 11 tháng/2024: 1.078,4"), out[2]
    assert "11 tháng/2024: 164,8" in out[4] and "Tháng 11/2024: 38" in out[5]
    assert out[6] == lines[6]  # a line no table took keeps its leaders


def test_a_scan_s_misread_digits_are_read_as_digits():
    """An OCR'd appendix (set AP): 'O' for '0', 'l' for '1' and a digit group split by a space ('1. 846,2') would
    break the columns; each is read as the digit it is, the columns stay where they stand."""
    text = """\
TT  Chi tieu                    DVT          KH nam    Thuc hien   Luy ke
                                             2025      thang 8     8 thang
3   Tong muc ban le             ty dong      172.OOO   14.612,4    112.846,2
4   Kim ngach xuat khau         trieu USD    2.6OO     246,8       1. 846,2
6   Khach du lich               nghin luot   13.5OO    l.286,4     9. 846,2
7   Thu ngan sach nha nuoc      ty dong      17.45O    1.486,2     11.846,2"""
    lines = render_aligned_tables(SourceText(lines=text.splitlines(), encoding="utf-8", fmt="txt")).lines
    assert "KH nam 2025: 2.600" in lines[3] and "Luy ke 8 thang: 1.846,2" in lines[3], lines[3]
    assert "Thuc hien thang 8: 1.286,4" in lines[4] and "KH nam 2025: 17.450" in lines[5]
    assert render_aligned_tables(SourceText(lines=["OCOP CO2 giam 6l,2%"], encoding="utf-8", fmt="txt")).lines == \
        ["OCOP CO2 giam 6l,2%"]  # no table: the line keeps its own text


def test_a_table_going_on_after_a_page_break_keeps_its_headings():
    # (figures invented) text taken from a PDF: the page number and the running header stand between the rows
    text = ("MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2026\n"
            "Chỉ tiêu                          ĐVT          Tháng 6/2026   6 tháng/2026   So cùng kỳ (%)\n"
            "Thu ngân sách nhà nước            Tỷ đồng      402,7          2.316,5        108,2\n"
            "Vốn đầu tư NSNN                   Tỷ đồng      288,1          1.204,9        112,7\n"
            "Sản lượng điện                    Triệu kWh    512,0          2.874,6        104,1\n"
            "\n"
            "7\n"
            "Cục Thống kê tỉnh                             Tình hình kinh tế - xã hội 6 tháng năm 2026\n"
            "\n"
            "Kim ngạch xuất khẩu               Triệu USD    61,4           355,8          109,9\n"
            "Lượt khách du lịch                Nghìn lượt   210,3          1.402,2        117,0\n"
            "\n"
            "Nơi nhận:")
    out = render_aligned_tables(SourceText(lines=text.split("\n"), encoding="utf-8", fmt="txt")).lines
    assert out[9] == ("MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2026 > Kim ngạch xuất khẩu > ĐVT: Triệu USD; Tháng 6/2026: 61,4; "
                      "6 tháng/2026: 355,8; So cùng kỳ (%): 109,9")
    assert "6 tháng/2026: 1.402,2" in out[10] and out[6] == "7" and out[12] == "Nơi nhận:"
    # a table that starts under its own headings further down is its own
    far = text.replace("\n7\n", "\n7\n\n\n\n\n\n")
    out = render_aligned_tables(SourceText(lines=far.split("\n"), encoding="utf-8", fmt="txt")).lines
    assert "Tháng 6/2026" not in out[14]


def test_a_decrease_in_brackets_is_a_value():
    # (figures invented) accounts print a decrease in brackets: the row is one row, under its headings
    text = ("Dư nợ theo chương trình (đơn vị: triệu đồng):\n"
            "STT  Chương trình              Dư nợ 31/12/2025   Dư nợ 31/3/2026   Tăng, giảm\n"
            "1    Hộ nghèo                          912.400           897.150     (15.250)\n"
            "2    Hộ cận nghèo                      402.118           414.560       12.442\n"
            "3    Nước sạch nông thôn               220.806           218.990      (1.816)\n"
            "     Tổng cộng                       1.535.324         1.530.700      (4.624)")
    out = render_aligned_tables(SourceText(lines=text.split("\n"), encoding="utf-8", fmt="txt")).lines
    assert out[2].endswith("> Hộ nghèo > Dư nợ 31/12/2025: 912.400; Dư nợ 31/3/2026: 897.150; Tăng, giảm: (15.250)")
    assert "Dư nợ 31/3/2026: 1.530.700" in out[5]


def test_the_caption_is_past_a_bracketed_note_and_an_ordinal_column_is_no_part_of_the_label():
    """'PHỤ BIỂU: ... THÁNG 11 VÀ 11 THÁNG NĂM 2026' above '(Kèm theo Báo cáo số ...)': the caption names the period and
    the indicators, the note does not (it had been the caption, and the row went unfound for 'riêng tháng 11'); 'TT
    Chỉ tiêu' over '7  Thu NSNN ...': the number is the row's ordinal (BN's Bắc Kạn; figures invented)."""
    lines = ["PHỤ BIỂU: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2026",
             "(Kèm theo Báo cáo số 468/BC-SKHĐT ngày 02/12/2026 của Sở Kế hoạch và Đầu tư)",
             "TT Chỉ tiêu                     ĐVT        Kế hoạch    Thực hiện   Lũy kế 11",
             "                                           năm 2026    tháng 11    tháng",
             "6  Doanh thu du lịch            Tỷ đồng    750         62,8        695,2",
             "7  Thu NSNN trên địa bàn        Tỷ đồng    925         68,7        812,5",
             "10 Số xã đạt chuẩn NTM tăng     Xã         4           -           3"]
    out = render_aligned_tables(SourceText(lines=lines, encoding="utf-8", fmt="txt")).lines
    assert out[5] == "PHỤ BIỂU: MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11 VÀ 11 THÁNG NĂM 2026 > Thu NSNN trên địa bàn > ĐVT: Tỷ " \
                     "đồng; Kế hoạch năm 2026: 925; Thực hiện tháng 11: 68,7; Lũy kế 11 tháng: 812,5", out[5]
    assert " > Số xã đạt chuẩn NTM tăng > " in out[6]
