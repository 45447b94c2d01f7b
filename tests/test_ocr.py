"""Scanned pages as provincial archives hold them: a photocopy is read well, a page that cannot be
read is flagged (never dropped in silence), and the OCR summary reaches the document JSON and the
answer. Pages are drawn from the clean report 002 and damaged as bench/scans.py does (fixed seeds);
a couple of pages only, the full benchmark is bench/scans.py."""
import hashlib

import numpy as np
import pytest
from PIL import Image, ImageOps

from bench.scan_degrade import Level, degrade, image_pdf
from bench.scan_pages import FONT, char_accuracy, paragraphs, render
from tracuu.ingest import ocr, ocr_report
from tracuu.config import Config
from tracuu.ingest.pdf_loader import load_pdf

from .conftest import REPORTS

_ocr_missing = pytest.mark.skipif(
    not (FONT.exists() and ocr.tesseract_available()),
    reason="needs Tesseract with Vietnamese, poppler, OpenCV and DejaVu fonts "
           "(apt install tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core; pip opencv-python-headless)")


def needs_ocr(test):
    """Runs Tesseract (or the image work before it): a slow test, skipped where OCR is not installed."""
    return pytest.mark.slow(_ocr_missing(test))

PHOTOCOPY = Level("photocopy 150 dpi, skew 0.8°", 150, skew=0.8, blur=0.6, speckle=0.02)
PARAS = paragraphs(REPORTS / "002_531108871c7d6a37.txt")


def _faint(page) -> Image.Image:
    """Nearly blank: the text blurred past legibility and washed out to a pale grey."""
    a = np.asarray(degrade(page.image, Level("blurred", 150, blur=6), seed=3), dtype=np.float32)
    return Image.fromarray((255 - (255 - a) * 0.25).astype(np.uint8))


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    """A 3-page photocopied scan: a readable page holding the GRDP figure (6,67%), then a page of
    mirrored text (garbled) and a faint, blurred one (nearly blank): 150 dpi, speckle, 0.8° skew."""
    good = render(PARAS[11:13], 1)[0]  # 'năm 2021 tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) đạt 6,67%'
    other = render(PARAS[9:11], 1)[0]
    pages = [degrade(good.image, PHOTOCOPY, seed=1),
             degrade(ImageOps.mirror(other.image), PHOTOCOPY, seed=2), _faint(other)]
    path = tmp_path_factory.mktemp("scan") / "thong_cao_2021_scan.pdf"
    path.write_bytes(image_pdf(pages, 150))
    return path, good.text


@pytest.fixture(scope="module")
def read_once():
    """Each PDF is OCR'd once in this module: the loader test and the engine test read the same scan
    (its poor pages take every retry, the slowest part of the suite)."""
    memo, real = {}, ocr.ocr_pdf_pages

    def cached(data, pages, *args, **kwargs):
        key = (hashlib.sha256(data).hexdigest(), tuple(pages))
        if key not in memo:
            memo[key] = real(data, pages, *args, **kwargs)
        return memo[key]

    mp = pytest.MonkeyPatch()
    mp.setattr(ocr, "ocr_pdf_pages", cached)
    yield
    mp.undo()


@pytest.fixture(scope="module")
def src(scan, read_once):
    return load_pdf(scan[0].read_bytes(), scan[0].name)


@needs_ocr
def test_photocopied_page_is_read_well(src, scan):
    page1 = " ".join(line for line, n in zip(src.lines, src.pages) if n == 1)
    accuracy = char_accuracy(scan[1], page1)
    print(f"photocopy 150 dpi page: character accuracy {accuracy:.3f}, confidence {src.page_confidence[1]}")
    assert accuracy >= 0.95
    assert "6,67%" in page1 and src.page_confidence[1] >= ocr_report.POOR_CONFIDENCE


@needs_ocr
def test_garbled_and_nearly_blank_pages_are_flagged_not_dropped(src):
    assert src.ocr["pages"] == 3 and src.ocr["flagged_pages"] == [2, 3]
    assert src.page_confidence[2] < ocr_report.POOR_CONFIDENCE and src.page_confidence[3] < ocr_report.POOR_CONFIDENCE


@needs_ocr
def test_blank_page_is_not_flagged(tmp_path):
    """Nothing shown, nothing to read: a blank page in a scan is no reading failure."""
    data = image_pdf([Image.new("L", (1240, 1754), 255)], 150)
    result = ocr.ocr_pdf_pages(data, [1])[1]
    assert (result.flagged, result.lines, result.attempts) == (False, [], 1)


@needs_ocr
def test_skew_is_measured_and_undone():
    from tracuu.ingest.ocr_image import skew_angle
    page = render(PARAS[11:13], 1)[0]
    for skew in (-2.0, 0.8, 3.0):
        gray = np.asarray(degrade(page.image, Level("s", 150, skew=skew), seed=0))
        assert abs(skew_angle(gray) - skew) <= 0.15


@needs_ocr
def test_ocr_summary_in_document_json_and_poor_scan_note_in_answer(scan, src, tmp_path, monkeypatch, st_embedder):
    from tracuu.qa.engine import Engine

    emb = st_embedder  # the session's MiniLM: report 003's vectors are already known
    eng = Engine(Config(home=tmp_path, embedder=emb.id), embedder=emb)
    outcome = eng.ingest([scan[0], REPORTS / "003_bbcbd673d8c3e626.txt"], progress=False)
    assert not outcome.failed
    docs = {d["doc"]: d for d in eng.documents()}
    summary = docs[scan[0].name]["ocr"]
    assert (summary["pages"], summary["flagged_pages"]) == (3, [2, 3])
    assert 0 < summary["mean_confidence"] < 100
    assert docs["003_bbcbd673d8c3e626.txt"]["ocr"] is None  # not a scan

    question = "Tốc độ tăng GRDP năm 2021 đạt bao nhiêu?"
    ans = eng.ask(question)
    assert ans.answered and "6,67%" in ans.answer and "Lưu ý" not in ans.answer  # page 1 read well
    cited = ans.citations[0].to_dict()
    assert cited["page"] == 1 and cited["ocr_confidence"] >= ocr_report.POOR_CONFIDENCE
    # the same figure from a page read with low confidence: the answer says to check the original
    monkeypatch.setattr(ocr_report, "POOR_CONFIDENCE", 101.0)
    ans = eng.ask(question)
    assert "6,67%" in ans.answer and ans.answer.endswith("hãy đối chiếu với trang gốc.")
    assert "bản quét chất lượng kém" in ans.answer and "trang 1" in ans.answer


def test_specks_read_as_marks_are_dropped():
    """A speck left on a photocopy comes back as '_' before a line or '.' glued to a word; the figure
    and its unit must stay together ('1.622 nghìn lượt', not '1.622 _ nghìn lượt')."""
    from tracuu.ingest.ocr_tesseract import parse_tsv
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [(1, "khoảng", 95), (1, "1.622", 96), (2, "_", 62), (2, "nghìn", 93), (2, "lượt,", 94),
             (3, ".doanh", 83), (3, "nghiệp", 95), (3, "-", 90), (3, "“đi", 91)]
    rows = [head] + [f"5\t1\t1\t1\t{line}\t{i}\t10\t10\t50\t20\t{conf}\t{text}"
                     for i, (line, text, conf) in enumerate(words)]
    reading = parse_tsv("\n".join(rows))
    assert reading.lines == ["khoảng 1.622", "nghìn lượt,", "doanh nghiệp - “đi"]
    assert len(reading.words) == 8 and reading.letters == sum(len(w.text) for w in reading.words)
