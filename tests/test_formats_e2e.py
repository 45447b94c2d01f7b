"""Real-world files through the whole product: a scanned PDF and a Word report with an annex
table are ingested, their metadata read, and questions answered from them with citations.

The files are made here from the clean sample report 002: its first page and a later page are
drawn as images (a scan), and a .docx carries a table whose figures appear nowhere else."""
from pathlib import Path

import docx
import pytest

from tracuu.ingest import ocr
from tracuu.config import Config
from tracuu.qa.engine import Engine

from .conftest import REPORTS
from .test_pdf_loader import FONT, _scanned_pdf

pytestmark = pytest.mark.slow  # builds an index (and OCRs a scan)

needs_ocr = pytest.mark.skipif(
    not (FONT.exists() and ocr.tesseract_available()),
    reason="needs Tesseract with Vietnamese and DejaVu (apt install tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core)")


def _report_docx(path):
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 45/BC-UBND"
    head.cell(0, 1).text = "Lạng Sơn, ngày 10 tháng 10 năm 2024"
    d.add_heading("BÁO CÁO", 0)
    d.add_paragraph("Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 9 tháng đầu năm 2024")
    d.add_heading("I. KẾT QUẢ THỰC HIỆN", 1)
    d.add_heading("1. Sản xuất nông, lâm nghiệp", 2)
    d.add_paragraph("Sản xuất nông, lâm nghiệp cơ bản ổn định; kết quả một số cây trồng chủ lực "
                    "chi tiết tại Biểu 3 kèm theo.")
    d.add_paragraph("Biểu 3")
    t = d.add_table(rows=4, cols=3)
    cells = [["Cây trồng", "9 tháng năm 2024", ""],
             ["Cây trồng", "Diện tích (ha)", "Sản lượng (tấn)"],
             ["Hồi", "36.812", "19.650,5"],
             ["Thạch đen", "4.120,6", "31.207"]]
    for i, row in enumerate(cells):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    t.cell(0, 1).merge(t.cell(0, 2)).text = "9 tháng năm 2024"
    t.cell(0, 0).merge(t.cell(1, 0))
    d.add_heading("II. NHIỆM VỤ 3 THÁNG CUỐI NĂM 2024", 1)
    d.add_paragraph("Tập trung chăm sóc, thu hoạch hồi vụ chính và thạch đen, bảo đảm tiến độ.")
    d.save(path)


@pytest.fixture(scope="module")
def engine(tmp_path_factory, st_embedder):
    home = tmp_path_factory.mktemp("formats")
    paras = [line for line in (REPORTS / "002_531108871c7d6a37.txt").read_text("utf-8").splitlines() if line.strip()]
    files = []
    if FONT.exists() and ocr.tesseract_available():
        data, _ = _scanned_pdf([paras[0:6], paras[34:38]])  # title page, then the poverty paragraph on page 2
        (home / "thong_cao_2021.pdf").write_bytes(data)
        files.append(home / "thong_cao_2021.pdf")
    _report_docx(home / "bao_cao_9_thang_2024.docx")
    files.append(home / "bao_cao_9_thang_2024.docx")
    files.append(Path(__file__).parent / "data" / "html" / "portal_binhphuoc_t3-2024.html")
    emb = st_embedder
    eng = Engine(Config(home=home, embedder=emb.id), embedder=emb)
    outcome = eng.ingest(files, progress=False)
    assert not outcome.failed and len(outcome.added) == len(files)
    return eng


@needs_ocr
def test_scanned_pdf_metadata_comes_from_the_ocr_text(engine):
    doc = engine.store.doc_by_name["thong_cao_2021.pdf"]
    assert doc.fmt == "pdf" and doc.kind == "thông cáo báo chí"
    assert doc.period.label == "năm 2021" and doc.next_period.label == "năm 2022"


@needs_ocr
def test_question_answered_from_scanned_page_with_page_cited(engine):
    ans = engine.ask("Tỷ lệ hộ nghèo năm 2021 giảm bao nhiêu?")
    assert ans.answered and "2,12%" in ans.answer
    c = ans.citations[0]
    assert c.doc == "thong_cao_2021.pdf" and c.page == 2 and "2,12%" in c.text
    assert "thanh tra" not in c.quote  # the next heading ('5, Công tác thanh tra' as OCR reads it) starts a new passage
    assert c.to_dict()["page"] == 2


def test_docx_metadata_and_table_rows(engine):
    doc = engine.store.doc_by_name["bao_cao_9_thang_2024.docx"]
    assert (doc.kind, doc.number, doc.date) == ("báo cáo", "45/BC-UBND", "2024-10-10")
    assert doc.period.label == "9 tháng đầu năm 2024" and doc.next_period.label == "quý IV/2024"
    rows = [p for p in engine.store.passages if p.doc == doc.doc and "Hồi" in p.text and "19.650,5" in p.text]
    assert rows and "Biểu 3" in rows[0].text


def test_figure_only_in_a_table_cell_is_found_and_cited_with_its_headers(engine):
    ans = engine.ask("sản lượng hồi 9 tháng đầu năm 2024 bao nhiêu tấn?")
    assert ans.answered and "19.650,5" in ans.answer
    c = ans.citations[0]
    assert c.doc == "bao_cao_9_thang_2024.docx"
    # the row header and the column headers travel with the value
    assert "Hồi" in c.quote and "Sản lượng (tấn): 19.650,5" in c.quote and "9 tháng năm 2024" in c.quote


def test_saved_web_page_metadata_and_table_answer(engine):
    doc = engine.store.doc_by_name["portal_binhphuoc_t3-2024.html"]
    assert doc.fmt == "html" and doc.province == "Bình Phước" and doc.period.label == "quý I/2024"
    ans = engine.ask("vốn đầu tư thực hiện trên địa bàn Bình Phước quý I/2024")
    assert ans.answered and ans.figures[0].value == "6.902,7"
    assert ans.citations[0].doc == "portal_binhphuoc_t3-2024.html" and "Ước thực hiện: 6.902,7" in ans.citations[0].quote
    ans = engine.ask("thu ngan sach Binh Phuoc quy 1 2024")
    assert ans.answered and "3.046,8" in ans.answer and "12.845" not in ans.answer  # the related-news box is not read
