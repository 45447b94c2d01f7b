"""ingest.text_tables: pipe tables rendered row by row with their column headers (invented figures)."""
from tracuu.ingest.text_tables import render_pipe_tables
from tracuu.ingest.types import SourceText


def _render(text: str) -> list[str]:
    lines = text.split("\n")
    return render_pipe_tables(SourceText(lines=lines, encoding="utf-8", fmt="md", pages=None, hints={})).lines


def test_a_row_renders_with_its_column_headers_line_for_line():
    out = _render("| Chỉ tiêu | ĐVT | Thực hiện 6 tháng 2023 | Kế hoạch năm 2024 |\n|---|---|---:|---:|\n"
                  "| Thu ngân sách | Tỷ đồng | 1.234,5 | 2.600 |")
    assert out[:2] == ["", ""]
    assert out[2] == "Bảng 1 > Thu ngân sách > ĐVT: Tỷ đồng; Thực hiện 6 tháng 2023: 1.234,5; Kế hoạch năm 2024: 2.600"


def test_a_merged_header_with_a_row_of_column_names_under_it_spans_its_columns():
    out = _render("| STT | Chỉ tiêu | ĐVT | Ước thực hiện năm 2025 | | | Kế hoạch năm 2026 |\n"
                  "|---|---|---|---:|---:|---:|---:|\n"
                  "| | | | Toàn tỉnh | Khu vực A Lưới (cũ) | Khu vực Nam Đông (cũ) | |\n"
                  "| 1 | Tổng lượt khách | Nghìn lượt | 5.846,2 | 4.612,4 | 1.233,8 | 6.500 |\n"
                  "| 2 | Tỷ lệ hộ nghèo | % | 4,72 | 2,18 | 15,42 | 4,0 |")
    assert out[:3] == ["", "", ""]  # header, rule and the row of column names: lines stay 1:1 with the file
    assert "Ước thực hiện năm 2025 - Khu vực Nam Đông (cũ): 1.233,8" in out[3]
    assert "Ước thực hiện năm 2025 - Toàn tỉnh: 4,72" in out[4] and "Kế hoạch năm 2026: 4,0" in out[4]


def test_a_first_row_of_figures_is_no_header():
    out = _render("| Chỉ tiêu | Năm 2024 | | Ghi chú |\n|---|---|---|---|\n| | 12,5 | 13,1 | |\n| Thu | 1 | 2 | x |")
    assert out[2] and "12,5" in out[2]  # a row of numbers under an empty header cell is data


def test_a_table_with_bars_between_cells_only_and_no_rule_line_is_read():
    out = _render("II. BIỂU CHỈ TIÊU\nSTT | Chỉ tiêu | ĐVT | Ước thực hiện năm 2025 | Kế hoạch năm 2026\n"
                  "1 | Tổng thu ngân sách | tỷ đồng | 27.286,4 | 28.500\n2 | Xuất khẩu | triệu USD | 2.746,8 | 3.000\nKết luận.")
    assert out[1] == "" and out[4] == "Kết luận."
    assert out[2] == "II. BIỂU CHỈ TIÊU > Tổng thu ngân sách > ĐVT: tỷ đồng; Ước thực hiện năm 2025: 27.286,4; Kế hoạch năm 2026: 28.500"


def test_a_leading_bar_in_a_table_without_outer_bars_is_an_empty_first_cell():
    out = _render("STT | Nội dung | Dự toán năm 2024 | Ước thực hiện năm 2024 | So sánh (%)\n"
                  " | TỔNG CHI NGÂN SÁCH (A+B) | 9.846,2 | 10.272,0 | 104,3\n"
                  "1 | Chi đầu tư phát triển | 2.846,2 | 3.286,4 | 115,5\n"
                  " | Trong đó: chi giáo dục | 2.146,8 | 2.186,2 | 101,8")
    assert "TỔNG CHI NGÂN SÁCH (A+B) > Dự toán năm 2024: 9.846,2; Ước thực hiện năm 2024: 10.272,0" in out[1]
    assert "Trong đó: chi giáo dục > Dự toán năm 2024: 2.146,8; Ước thực hiện năm 2024: 2.186,2" in out[3]


def test_bars_in_prose_are_no_table():
    text = "NH|EM VỤ | GIẢI PHÁP | CUỐI NĂM\nTiếp tục triển khai các nhiệm vụ.\nThu ngân sách đạt 1.200 tỷ đồng."
    assert _render(text) == text.split("\n")


def test_a_table_with_tabs_between_cells_is_read_and_a_bracketed_note_is_no_caption():
    out = _render("Phụ lục II\nMỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2025\n(Kèm theo Báo cáo số 77/BC-UBND ngày 02/7/2025)\n"
                  "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tƯớc thực hiện 6 tháng năm 2025\n"
                  "1\tTổng lượt khách du lịch\tNghìn lượt\t5.200\t2.946,3\n"
                  "\tTrong đó: khách quốc tế\tNghìn lượt\t410\t187,6\n"
                  "2\tThu ngân sách nhà nước\tTỷ đồng\t9.800\t\n"
                  "Ghi chú: số liệu sơ bộ.")
    assert out[3] == "" and out[7] == "Ghi chú: số liệu sơ bộ."
    assert out[4] == ("MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2025 > Tổng lượt khách du lịch > Đơn vị tính: Nghìn lượt; "
                      "Kế hoạch năm 2025: 5.200; Ước thực hiện 6 tháng năm 2025: 2.946,3")
    assert "Trong đó: khách quốc tế" in out[5] and "187,6" in out[5] and "9.800" in out[6]
    prose = "Thu ngân sách\tđạt 1.200 tỷ đồng.\nChi ngân sách 900 tỷ đồng."  # one tab is no table
    assert _render(prose) == prose.split("\n")


def test_a_table_with_outer_bars_and_no_rule_line_is_read():
    # figures invented; a report's appendix typed as text, bars around each row, no '|---|' under the header
    out = _render("PHỤ LỤC CHỈ TIÊU THÁNG 5 VÀ 5 THÁNG NĂM 2024\n"
                  "| TT | Chỉ tiêu | ĐVT | KH năm 2024 | Thực hiện tháng 5 | Lũy kế 5 tháng |\n"
                  "| 1 | Khách du lịch | Nghìn lượt | 820 | 46,8 | 236,4 |\n"
                  "|  | Trong đó: khách quốc tế | Nghìn lượt | 20 | 1,2 | 6,4 |")
    assert out[1] == ""
    assert out[2] == ("PHỤ LỤC CHỈ TIÊU THÁNG 5 VÀ 5 THÁNG NĂM 2024 > Khách du lịch > ĐVT: Nghìn lượt; KH năm 2024: 820; "
                      "Thực hiện tháng 5: 46,8; Lũy kế 5 tháng: 236,4")
    assert out[3].startswith("PHỤ LỤC CHỈ TIÊU THÁNG 5 VÀ 5 THÁNG NĂM 2024 > Trong đó: khách quốc tế > ")
    # one row between bars is no table
    assert _render("| Ghi chú | số liệu sơ bộ | chưa kiểm toán |\nThu ngân sách đạt 10 tỷ đồng.")[0].startswith("| Ghi")


GRID = """Biểu: MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2022
+----+---------------------------+-----------+-----------+-------------+
| TT | Chỉ tiêu                  | ĐVT       | KH năm    | Ước 6 tháng |
|    |                           |           | 2022      | năm 2022    |
+----+---------------------------+-----------+-----------+-------------+
| 1  | Giá trị sản xuất nông,    | Tỷ đồng   | 9.860,0   | 4.126,8     |
|    | lâm nghiệp và thủy sản    |           |           |             |
| 2  | Khách du lịch             | Nghìn lượt| 3.200,0   | 1.512,4     |
|    | Trong đó: khách quốc tế   | Nghìn lượt| 60,0      | 12,6        |
+----+---------------------------+-----------+-----------+-------------+
Nơi nhận:"""


def test_an_ascii_grid_table_reads_its_two_line_header_and_rows_wrapped_over_two_lines():
    # (figures invented) '+---+' rules, the header over two lines, a row's label wrapped onto the next line
    out = _render(GRID)
    assert out[1:5] == ["", "", "", ""] and out[6] == "" and out[10] == "Nơi nhận:"
    assert out[5] == ("Biểu: MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2022 > Giá trị sản xuất nông, lâm nghiệp và thủy sản > "
                      "ĐVT: Tỷ đồng; KH năm 2022: 9.860,0; Ước 6 tháng năm 2022: 4.126,8")
    assert "Khách du lịch > ĐVT: Nghìn lượt; KH năm 2022: 3.200,0; Ước 6 tháng năm 2022: 1.512,4" in out[7]
    assert "Trong đó: khách quốc tế > ĐVT: Nghìn lượt" in out[8]  # a part of a row, figures of its own: a row


def test_a_grid_table_with_rules_between_rows_joins_each_rows_lines():
    out = _render("+---+-------------+--------+\n| TT | Chỉ tiêu | Năm 2024 |\n+===+=============+========+\n"
                  "| 1 | Tổng thu ngân | 1.234,5 |\n|   | sách        |        |\n+---+-------------+--------+\n"
                  "| 2 | Xuất khẩu   | 512,0  |\n+---+-------------+--------+")
    assert out[3] == "Bảng 1 > Tổng thu ngân sách > Năm 2024: 1.234,5" and out[4] == ""
    assert out[6] == "Bảng 1 > Xuất khẩu > Năm 2024: 512,0"


def test_a_table_exported_with_semicolons_is_read_with_its_unit():
    out = _render("Biểu số 01: THU NGÂN SÁCH 10 THÁNG NĂM 2023\n(Đơn vị: triệu đồng)\n"
                  "STT;Nội dung;Dự toán giao;Thực hiện 10 tháng\n1;Thu nội địa;740.000;628.400\n"
                  "1.1;Thu tiền sử dụng đất;200.000;186.200\nNơi nhận:")
    assert out[2] == ""
    assert out[4] == ("Biểu số 01: THU NGÂN SÁCH 10 THÁNG NĂM 2023 (Đơn vị: triệu đồng) > Thu tiền sử dụng đất > "
                      "Dự toán giao: 200.000; Thực hiện 10 tháng: 186.200")


def test_prose_with_semicolons_is_no_table():
    text = ("Thu nội địa đạt 628,4 tỷ đồng; thu từ dầu thô 0; thu xuất nhập khẩu 24,4 tỷ đồng; thu khác 3 tỷ đồng.\n"
            "Chi đầu tư 1.612,4 tỷ đồng; chi thường xuyên 3.612,8 tỷ đồng; dự phòng 42,6 tỷ đồng; khác 1 tỷ.\n"
            "Chi trả nợ 12 tỷ đồng; chi bổ sung quỹ 1 tỷ đồng; chi chuyển nguồn 5 tỷ đồng; khác 2 tỷ.")
    assert _render(text) == text.split("\n")


def test_a_merged_header_exported_with_its_label_repeated_spans_its_columns():
    # (figures invented) Word's export repeats a merged cell's text in each cell, and the row under it repeats 'STT'
    out = _render("| STT | Chỉ tiêu | Ước 11 tháng năm 2025 | Ước 11 tháng năm 2025 | So sánh (%) |\n"
                  "| STT | Chỉ tiêu | Tổng số | Khu vực Long An (cũ) | So cùng kỳ |\n"
                  "| 1 | Kim ngạch xuất khẩu | 14.286,4 | 8.973,8 | +14,42 |\n"
                  "| 2 | Thu ngân sách | 33.612,4 | 21.486,2 | +11,13 |")
    assert out[:2] == ["", ""]
    assert out[2] == ("Bảng 1 > Kim ngạch xuất khẩu > Ước 11 tháng năm 2025 - Tổng số: 14.286,4; Ước 11 tháng năm 2025 - "
                      "Khu vực Long An (cũ): 8.973,8; So sánh (%) - So cùng kỳ: +14,42")


def test_a_grid_table_with_its_top_rule_only_is_read_from_its_first_row():
    # (figures invented) no rule under the header nor at the end: the first row names the columns
    out = _render("+----+---------------+----------+\n| TT | Chỉ tiêu      | Năm 2024 |\n| 1  | Xuất khẩu     | 512,0    |\n"
                  "| 2  | Nhập khẩu     | 310,5    |")
    assert out[:2] == ["", ""] and out[2] == "Bảng 1 > Xuất khẩu > Năm 2024: 512,0" and out[3].endswith("310,5")


def test_a_tab_table_reads_its_unit_line_its_caption_and_its_group_label_rows():
    """A statistics office's annex saved from Word (invented figures): the caption is above the unit line, and a
    group's label on a line of its own ('Mặt hàng chủ yếu') stays inside the table, its rows after it too."""
    out = _render("Biểu 04. Kim ngạch xuất khẩu, nhập khẩu hàng hóa\nĐơn vị tính: Triệu USD\n\n"
                  "Chỉ tiêu\tThực hiện tháng 8/2024\tƯớc tính tháng 9/2024\tCộng dồn 9 tháng 2024\n"
                  "I. XUẤT KHẨU\t412,6\t425,8\t3.684,7\n"
                  "Mặt hàng chủ yếu\n"
                  "- Gạo\t18,7\t17,9\t182,4\n"
                  "- Rau quả\t26,3\t28,1\t231,5\n"
                  "II. NHẬP KHẨU\t268,3\t274,1\t2.371,9\n\nGhi chú: số ước tính.")
    caption = "Biểu 04. Kim ngạch xuất khẩu, nhập khẩu hàng hóa (Đơn vị tính: Triệu USD)"
    assert out[4] == f"{caption} > I. XUẤT KHẨU > Thực hiện tháng 8/2024: 412,6; Ước tính tháng 9/2024: 425,8; " \
                     "Cộng dồn 9 tháng 2024: 3.684,7"
    assert out[5] == f"{caption} > Mặt hàng chủ yếu"
    assert out[6].startswith(f"{caption} > - Gạo > ") and "Cộng dồn 9 tháng 2024: 2.371,9" in out[8]
    assert out[10] == "Ghi chú: số ước tính."
    # (a label line followed by prose ends the table: 'Ghi chú' is no row)
    assert _render("A\tB\tC\nx\t1\t2\ny\t3\t4\nNhận xét chung\nTình hình ổn định.")[3] == "Nhận xét chung"


def test_a_rule_line_under_a_header_with_bars_between_cells_only_is_no_row():
    """'STT | Nội dung | ...' over '----|--------|...' (a report typed as text, invented figures): the rule is no row
    and the STT column still numbers the rows, the total row's empty one too."""
    out = _render("Biểu 01. Kết quả thu ngân sách\n    Đơn vị: tỷ đồng, %\n"
                  "STT | Nội dung          | Dự toán | Ước TH 10 tháng\n----|------------------|---------|----------\n"
                  "    | TỔNG THU NSNN     | 12.450,0 | 9.782,4\nA   | Thu nội địa       | 12.300,0 | 9.701,2\n"
                  "1   | Thu tiền sử dụng đất | 2.900,0 | 2.086,4")
    assert out[3] == ""
    assert out[4] == "Biểu 01. Kết quả thu ngân sách (Đơn vị: tỷ đồng, %) > TỔNG THU NSNN > Dự toán: 12.450,0; " \
                     "Ước TH 10 tháng: 9.782,4"
    assert out[6].endswith("> Thu tiền sử dụng đất > Dự toán: 2.900,0; Ước TH 10 tháng: 2.086,4")


def test_a_word_annex_header_over_three_lines_with_fewer_cells_than_its_rows_names_every_column():
    # (invented figures) merged cells are saved as one cell: the header lines hold fewer cells than the rows, and the
    # last name of the first line ('Kế hoạch năm 2027') sits over the last column
    out = _render("Biểu 02: CHỈ TIÊU CHỦ YẾU NĂM 2026\n"
                  "TT\tChỉ tiêu\tĐVT\tNăm 2025\tNăm 2026\t\t\tKế hoạch năm 2027\n"
                  "\t\t\t\tKế hoạch\tƯớc thực hiện\tSo sánh (%)\t\n"
                  "\t\t\t\t\t\tƯớc TH/KH\tƯớc TH 2026/2025\t\n"
                  "A\tB\tC\t1\t2\t3\t4=3/2\t5=3/1\t6\n"
                  "1\tKim ngạch xuất khẩu\tTriệu USD\t1.204\t1.350\t1.318,6\t97,7\t109,5\t1.450\n"
                  "-\tTrong đó: hàng nông sản\tTriệu USD\t402\t430\t447,2\t104,0\t111,2\t470\n"
                  "2\tTổng vốn đầu tư\tTỷ đồng\t21.640\t23.000\t23.915\t104,0\t110,5\t26.000\n"
                  "Ghi chú: số ước thực hiện.")
    assert out[1:5] == ["", "", "", ""]  # the header lines and the row numbering the columns go blank: lines hold
    assert out[5] == ("Biểu 02: CHỈ TIÊU CHỦ YẾU NĂM 2026 > Kim ngạch xuất khẩu > ĐVT: Triệu USD; Năm 2025: 1.204; "
                      "Năm 2026 - Kế hoạch: 1.350; Năm 2026 - Ước thực hiện: 1.318,6; "
                      "Năm 2026 - So sánh (%) - Ước TH/KH: 97,7; Năm 2026 - So sánh (%) - Ước TH 2026/2025: 109,5; "
                      "Kế hoạch năm 2027: 1.450")
    assert "> Trong đó: hàng nông sản > " in out[6]  # ('-' numbers a part in the STT column)
    assert "Năm 2026 - Ước thực hiện: 23.915" in out[7] and out[8] == "Ghi chú: số ước thực hiện."


def test_a_two_line_tab_header_with_a_column_numbering_row_and_rows_as_wide():
    out = _render("STT\tNội dung\tDự toán năm 2024\tThực hiện 9 tháng\t\n"
                  "\t\t\tSố tiền\tSo dự toán (%)\n"
                  "(1)\t(2)\t(3)\t(4)\t(5)\n"
                  "I\tTổng thu NSNN trên địa bàn\t8.500\t6.312,4\t74,3\n"
                  "1\tThu nội địa\t7.900\t5.948,1\t75,3\n")
    assert out[:3] == ["", "", ""]
    assert out[3] == ("Bảng 1 > Tổng thu NSNN trên địa bàn > Dự toán năm 2024: 8.500; Thực hiện 9 tháng - Số tiền: 6.312,4; "
                      "Thực hiện 9 tháng - So dự toán (%): 74,3")


def test_a_group_label_row_with_its_empty_cells_cut_off_does_not_end_the_table():
    out = _render("STT\tChỉ tiêu\tĐVT\tKế hoạch năm 2026\tƯớc thực hiện 9 tháng\n"
                  "A\tB\tC\t1\t2\n"
                  "A\tCHỈ TIÊU KINH TẾ\n"
                  "1\tTốc độ tăng trưởng GRDP\t%\t8,0\t7,26\n"
                  "2\tThu ngân sách nhà nước\tTỷ đồng\t6.200\t4.518,7\n")
    assert "Ước thực hiện 9 tháng: 7,26" in out[3] and "Kế hoạch năm 2026: 6.200" in out[4], out


def test_a_unit_line_set_right_with_tabs_is_no_header():
    """'\\t\\t\\t\\tĐVT: tỷ đồng' above a tab table (the unit set in its last column, as Word saves it): one cell names no
    columns, the row below is the header (invented figures; it had been read as the header, every column unnamed)."""
    out = _render("Biểu 02\nTHU NGÂN SÁCH DO CẤP HUYỆN QUẢN LÝ THU 11 THÁNG NĂM 2023\n\t\t\t\tĐVT: tỷ đồng\n"
                  "STT\tĐơn vị\tDự toán năm 2023\tLũy kế 11 tháng\tSo dự toán (%)\n"
                  "1\tThành phố A\t2.150\t1.812\t84,3\n2\tThành phố B\t2.380\t1.905\t80,0\n")
    assert out[5] == "THU NGÂN SÁCH DO CẤP HUYỆN QUẢN LÝ THU 11 THÁNG NĂM 2023 (ĐVT: tỷ đồng) > Thành phố B > " \
                     "Dự toán năm 2023: 2.380; Lũy kế 11 tháng: 1.905; So dự toán (%): 80,0"


def test_a_two_line_tab_header_as_wide_as_its_rows_names_every_column():
    """'Thực hiện | Ước tính | ... | Tháng 10/2023' over '| | tháng 9/2023 | tháng 10/2023 | ... | so với cùng kỳ (%)' (the
    first two cells left empty): each column is named by both lines; read with the first line only, the month's index
    against last year ('118,7') had been answered as the month's exports (BN's Đắk Lắk; figures invented)."""
    out = _render("Chỉ tiêu\tĐVT\tThực hiện\tƯớc tính\tCộng dồn\tTháng 10/2026\t10 tháng 2026\n"
                  "\t\ttháng 9/2026\ttháng 10/2026\t10 tháng 2026\tso với cùng kỳ (%)\tso với cùng kỳ (%)\n"
                  "1. Chỉ số sản xuất công nghiệp (IIP)\t%\t-\t-\t-\t108,9\t109,7\n"
                  "4. Kim ngạch xuất khẩu hàng hóa\tTriệu USD\t91,2\t98,5\t1.186,4\t118,7\t121,3\n")
    assert out[3] == "Bảng 1 > 4. Kim ngạch xuất khẩu hàng hóa > ĐVT: Triệu USD; Thực hiện - tháng 9/2026: 91,2; " \
                     "Ước tính - tháng 10/2026: 98,5; Cộng dồn - 10 tháng 2026: 1.186,4; Tháng 10/2026 - so với cùng kỳ " \
                     "(%): 118,7; 10 tháng 2026 - so với cùng kỳ (%): 121,3"


def test_column_names_over_two_lines_above_the_rule_are_read_as_one():
    """A budget annex (set DF) names its columns over two lines ('Ước TH' over 'tháng 6', 'Lũy kế' over '6 tháng'): each
    column's period is its second line's, so the 6 months' cumulative is told from the month's."""
    out = _render("| STT | Nội dung | Dự toán | Ước TH | Lũy kế |\n"
                  "|     |          | năm 2022 | tháng 6 | 6 tháng |\n"
                  "|-----|----------|---------|--------|--------|\n"
                  "| 1 | Thu từ DNNN trung ương | 95.000 | 8.120 | 48.215 |\n"
                  "| 2 | Thu từ DNNN địa phương | 30.000 | 2.410 | 14.630 |")
    assert out[:3] == ["", "", ""]
    assert out[3].endswith("Thu từ DNNN trung ương > Dự toán năm 2022: 95.000; Ước TH tháng 6: 8.120; "
                           "Lũy kế 6 tháng: 48.215")
    assert "Lũy kế 6 tháng: 14.630" in out[4]
