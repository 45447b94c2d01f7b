"""Word .docx: paragraphs and tables in document order, headings as hints, rows readable on their own."""
import zipfile

import docx
import pytest

from tracuu.ingest.docx_loader import load_docx
from tracuu.ingest.loaders import load
from tracuu.ingest.types import IngestError

from .conftest import REPORTS


def _report_paragraphs() -> list[str]:
    lines = (REPORTS / "002_531108871c7d6a37.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if len(line) > 200][:3]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    body = _report_paragraphs()
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)  # the letterhead: a layout table, not data
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    head.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    head.cell(1, 0).text = "Số: 12/BC-UBND"
    head.cell(1, 1).text = "Lạng Sơn, ngày 06 tháng 4 năm 2022"
    d.add_heading("BÁO CÁO", 0)
    d.add_heading("I. TÌNH HÌNH KINH TẾ - XÃ HỘI", 1)
    d.add_heading("1. Tài chính, ngân sách", 2)
    d.add_paragraph(body[0])
    d.add_paragraph("")  # empty paragraphs are not lines
    d.add_paragraph("Biểu 2")
    t = d.add_table(rows=4, cols=4)
    cells = [["Chỉ tiêu", "Quý I/2022", "", ""],
             ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "So cùng kỳ"],
             ["Thu ngân sách", "2.000 tỷ đồng", "2.202,4 tỷ đồng", "110%"],
             ["Chi ngân sách", "1.500", "1.400,7", ""]]
    for i, row in enumerate(cells):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    t.cell(0, 1).merge(t.cell(0, 3)).text = "Quý I/2022"  # spans the three value columns
    t.cell(0, 0).merge(t.cell(1, 0))
    d.add_heading("2. Văn hóa - xã hội", 2)
    d.add_paragraph(body[1])
    d.add_paragraph(body[2])
    path = tmp_path_factory.mktemp("docx") / "bao_cao.docx"
    d.save(path)
    return path, body


def test_paragraphs_tables_and_headings_in_order(sample):
    path, body = sample
    src = load(path, max_bytes=10_000_000)
    assert (src.fmt, src.encoding, src.pages) == ("docx", "docx", [])
    assert src.lines == [
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-UBND",
        "Lạng Sơn, ngày 06 tháng 4 năm 2022",
        "BÁO CÁO",
        "I. TÌNH HÌNH KINH TẾ - XÃ HỘI",
        "1. Tài chính, ngân sách",
        body[0],
        "Biểu 2",
        "Biểu 2 > Thu ngân sách > Quý I/2022 - Kế hoạch: 2.000 tỷ đồng; "
        "Quý I/2022 - Thực hiện: 2.202,4 tỷ đồng; Quý I/2022 - So cùng kỳ: 110%",
        "Biểu 2 > Chi ngân sách > Quý I/2022 - Kế hoạch: 1.500; Quý I/2022 - Thực hiện: 1.400,7",
        "2. Văn hóa - xã hội",
        body[1],
        body[2],
    ]
    assert src.hints == {5: "h1", 6: "h1", 7: "h2", 10: "table", 11: "table", 12: "h2"}


def _paragraphs_and_a_table(tmp_path, paragraphs: list[str], rows: list[list[str]]):
    """A Word file of `paragraphs` then a table of `rows`, read back."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    path = tmp_path / "t.docx"
    d.save(path)
    return load_docx(path.read_bytes(), path.name)


def test_long_paragraph_before_table_is_no_caption(tmp_path):
    src = _paragraphs_and_a_table(tmp_path, [_report_paragraphs()[0]], [["Chỉ tiêu", "Năm 2021"], ["GRDP", "7,1%"]])
    assert src.lines[-1] == "Bảng 1 > GRDP > Năm 2021: 7,1%" and src.hints == {1: "table"}


def test_a_unit_paragraph_above_a_table_is_its_unit_and_the_caption_is_above_it(tmp_path):
    src = _paragraphs_and_a_table(tmp_path, ["Biểu 03. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                                             "Đơn vị tính: Tỷ đồng"],  # invented figures
                                  [["Chỉ tiêu", "Cộng dồn 9 tháng 2024"], ["Tổng số", "60.874,2"]])
    assert src.lines[-1] == ("Biểu 03. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng (Đơn vị tính: Tỷ đồng) > "
                             "Tổng số > Cộng dồn 9 tháng 2024: 60.874,2")


def test_a_label_and_result_table_in_words_is_a_table_of_figures(tmp_path):
    # figures invented: 'Chỉ tiêu | Kết quả' whose results are phrases, not bare numbers; a letterhead stays lines
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text, head.cell(0, 1).text = "ỦY BAN NHÂN DÂN TỈNH AN HÒA", "Số: 12/BC-UBND, ngày 20 tháng 6 năm 2025"
    d.add_paragraph("I. KINH TẾ")
    t = d.add_table(rows=3, cols=2)
    for (i, j), v in {(0, 0): "Chỉ tiêu", (0, 1): "Kết quả", (1, 0): "Tăng trưởng GRDP quý II",
                      (1, 1): "Ước tăng 8,12% so với cùng kỳ", (2, 0): "Thu ngân sách 6 tháng",
                      (2, 1): "Ước đạt 2.140 tỷ đồng, bằng 51% dự toán"}.items():
        t.cell(i, j).text = v
    path = tmp_path / "t.docx"
    d.save(path)
    src = load_docx(path.read_bytes(), path.name)
    assert src.lines[:2] == ["ỦY BAN NHÂN DÂN TỈNH AN HÒA", "Số: 12/BC-UBND, ngày 20 tháng 6 năm 2025"]
    assert "I. KINH TẾ > Tăng trưởng GRDP quý II > Kết quả: Ước tăng 8,12% so với cùng kỳ" in src.lines
    assert "I. KINH TẾ > Thu ngân sách 6 tháng > Kết quả: Ước đạt 2.140 tỷ đồng, bằng 51% dự toán" in src.lines


def test_corrupt_docx_is_refused(tmp_path, sample):
    path, _ = sample
    data = path.read_bytes()
    with pytest.raises(IngestError, match=r"^broken\.docx: not a readable Word \.docx file"):
        load_docx(data[: len(data) // 2], "broken.docx")
    not_word = tmp_path / "fake.docx"
    with zipfile.ZipFile(not_word, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(IngestError, match=r"fake\.docx: not a readable Word \.docx file"):
        load(not_word, max_bytes=10_000_000)
    with pytest.raises(IngestError, match=r"old\.docx: .*old binary Word \.doc"):
        load_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "old.docx")
    with pytest.raises(IngestError, match=r"text\.docx: not a Word \.docx file"):
        load_docx("Báo cáo".encode(), "text.docx")
