"""PDF: text-layer lines with their pages; scanned pages OCR'd by Tesseract, or refused with the fix."""
import difflib
import io
import time
import unicodedata
from pathlib import Path

import pytest

from bench.scan_pages import wrap
from tracuu.ingest import ocr
from tracuu.ingest.loaders import load
from tracuu.ingest.pdf_loader import load_pdf
from tracuu.ingest.types import IngestError

from .conftest import REPORTS

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # apt: fonts-dejavu-core
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans.ttf missing (apt install fonts-dejavu-core)")


def _paragraphs(name: str) -> list[str]:
    return [line for line in (REPORTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _text_pdf(pages: list[list[str]]) -> bytes:
    """A real text-layer PDF (reportlab, DejaVu Sans for the Vietnamese letters); [] = blank page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for paras in pages:
        y = height - 60
        c.setFont("DejaVu", 11)
        for p in paras:
            for line in simpleSplit(p, "DejaVu", 11, width - 120):
                c.drawString(60, y, line)
                y -= 15
            y -= 8
        c.showPage()
    c.save()
    return buf.getvalue()


def _scanned_pdf(pages: list[list[str]], dpi: int = 250) -> tuple[bytes, list[str]]:
    """An image-only PDF: pages of text drawn with Pillow, as a scanner would deliver them."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), round(11 / 72 * dpi))
    w, h, margin, step = round(8.27 * dpi), round(11.69 * dpi), round(0.8 * dpi), round(font.size * 1.5)
    images, texts = [], []
    for paras in pages:
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        y, used = margin, []
        for p in paras:
            lines = wrap(p, lambda line: draw.textlength(line, font=font) <= w - 2 * margin)
            if y + step * len(lines) > h - margin:
                break
            for line in lines:
                draw.text((margin, y), line, font=font, fill=0)
                y += step
            y += step // 2
            used.append(p)
        images.append(img)
        texts.append(" ".join(used))
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue(), texts


@needs_font
def test_text_layer_lines_and_pages(tmp_path):
    pytest.importorskip("reportlab", reason="reportlab (test extra) not installed")
    paras = _paragraphs("003_bbcbd673d8c3e626.txt")
    p1, p3 = paras[10:13], paras[13:16]
    path = tmp_path / "bao_cao.pdf"
    path.write_bytes(_text_pdf([p1, [], p3]))  # page 2 is blank: nothing to read, no OCR
    src = load(path, max_bytes=10_000_000)
    assert (src.fmt, src.encoding) == ("pdf", "pdf")
    assert len(src.pages) == len(src.lines) and set(src.pages) == {1, 3}
    assert src.lines[0] == "II. TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 01 NĂM 2023"
    page1 = [line for line, n in zip(src.lines, src.pages) if n == 1]
    page3 = [line for line, n in zip(src.lines, src.pages) if n == 3]
    assert _flat(" ".join(page1)) == _flat(" ".join(p1))
    assert _flat(" ".join(page3)) == _flat(" ".join(p3))
    assert src.pages == sorted(src.pages)


def test_unreadable_pdf_is_refused():
    with pytest.raises(IngestError, match=r"^x\.pdf: not a readable PDF"):
        load_pdf(b"%PDF-1.4\nthis is not really a pdf\n", "x.pdf")
    with pytest.raises(IngestError, match=r"^y\.pdf: not a readable PDF"):
        load_pdf("Báo cáo tình hình".encode(), "y.pdf")


@needs_font
def test_scanned_pdf_without_tesseract_names_the_fix(monkeypatch, tmp_path):
    data, _ = _scanned_pdf([_paragraphs("002_531108871c7d6a37.txt")[5:8]], dpi=100)
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract/pdftoppm on PATH
    ocr.tesseract_available.cache_clear()
    try:
        with pytest.raises(IngestError, match=r"^scan\.pdf: scanned PDF.*tesseract-ocr tesseract-ocr-vie poppler-utils"):
            load_pdf(data, "scan.pdf")
    finally:
        ocr.tesseract_available.cache_clear()


@pytest.mark.slow  # OCR
@needs_font
@pytest.mark.skipif(not ocr.tesseract_available(),
                    reason="Tesseract with Vietnamese not installed (apt install tesseract-ocr tesseract-ocr-vie poppler-utils)")
def test_scanned_pdf_is_ocred():
    paras = _paragraphs("002_531108871c7d6a37.txt")
    data, truth = _scanned_pdf([paras[5:], paras[20:]])
    start = time.perf_counter()
    src = load_pdf(data, "scan.pdf")
    seconds = time.perf_counter() - start
    assert (src.fmt, src.encoding, sorted(set(src.pages))) == ("pdf", "pdf+ocr", [1, 2])
    for page, expected in enumerate(truth, start=1):
        got = " ".join(line for line, n in zip(src.lines, src.pages) if n == page)
        accuracy = difflib.SequenceMatcher(None, _flat(expected), _flat(got), autojunk=False).ratio()
        print(f"OCR page {page}: character accuracy {accuracy:.4f} ({len(expected)} chars)")
        assert accuracy >= 0.9
    print(f"OCR speed: {len(truth) / seconds:.2f} pages/s ({seconds:.1f}s for {len(truth)} pages)")


@needs_font
def test_tables_with_pdfplumber():
    pytest.importorskip("pdfplumber", reason="pdfplumber (optional) not installed: PDF tables stay plain text")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("DejaVu", 11)
    c.drawString(60, 780, "Biểu 2: Thu ngân sách")
    rows = [["Chỉ tiêu", "Quý I/2022", "Quý II/2022"], ["Thu ngân sách", "2.202,4", "2.500,1"]]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c.rect(60 + 150 * j, 750 - 20 * i, 150, 20)
            c.drawString(64 + 150 * j, 756 - 20 * i, v)
    c.drawString(60, 700, "Thu ngân sách quý II tăng so với quý I.")
    c.save()
    src = load_pdf(buf.getvalue(), "t.pdf")
    assert src.lines == ["Biểu 2: Thu ngân sách",
                         "Biểu 2: Thu ngân sách > Thu ngân sách > Quý I/2022: 2.202,4; Quý II/2022: 2.500,1",
                         "Thu ngân sách quý II tăng so với quý I."]
    assert src.hints == {1: "table"} and src.pages == [1, 1, 1]
