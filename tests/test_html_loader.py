"""A page saved from a portal (.html): the article's text in order, the page's furniture dropped, a table of
figures as self-describing rows. The page in tests/data/html is written for these tests; its figures are invented."""
from pathlib import Path

import pytest

from tracuu.ingest.html_loader import _grid, load_html
from tracuu.ingest.loaders import load
from tracuu.ingest.types import IngestError

PAGE = Path(__file__).parent / "data" / "html" / "portal_binhphuoc_t3-2024.html"


def test_article_text_kept_and_furniture_dropped():
    src = load(PAGE, 10**8)
    text = "\n".join(src.lines)
    assert src.fmt == "html" and src.lines[0].startswith("Kinh tế - xã hội tháng 3 và quý I năm 2024")
    assert src.hints[0] == "h1"
    assert "3.046,8 tỷ đồng, bằng 24,6% dự toán năm" in text
    # menus, breadcrumb, share box, sidebar, related news, footer and scripts are not the report
    for noise in ("Trang chủ", "Chia sẻ", "Tin mới", "Tin liên quan", "12.845", "Bản quyền", "gaId", "color:red"):
        assert noise not in text, noise


def test_headings_are_section_hints():
    src = load(PAGE, 10**8)
    heads = [src.lines[i] for i, h in src.hints.items() if h == "h2"]
    assert heads == ["Sản xuất công nghiệp", "Thu, chi ngân sách"]


def test_table_rows_carry_caption_row_and_merged_column_headers():
    src = load(PAGE, 10**8)
    rows = [src.lines[i] for i, h in src.hints.items() if h == "table"]
    assert len(rows) == 3
    assert rows[1] == ("Một số chỉ tiêu chủ yếu quý I/2024 > Vốn đầu tư thực hiện trên địa bàn > ĐVT: Tỷ đồng; "
                       "Quý I/2024 - Ước thực hiện: 6.902,7; Quý I/2024 - So với cùng kỳ (%): 108,9")


def test_rowspan_repeats_and_colspan_leaves_none():
    import lxml.html
    t = lxml.html.fragment_fromstring(
        "<table><tr><th rowspan=2>A</th><th colspan=2>B</th><th>C</th></tr><tr><td>x</td><td>y</td><td>z</td></tr></table>")
    assert _grid(t) == [["A", "B", None, "C"], ["A", "x", "y", "z"]]


def test_page_title_used_when_the_article_has_no_heading():
    html = ("<html><head><title>Thông cáo báo chí tình hình kinh tế - xã hội 6 tháng đầu năm 2025</title></head>"
            "<body><div class='nav'>Trang chủ</div><p>Tổng thu ngân sách 6 tháng ước đạt 5.120 tỷ đồng.</p></body></html>")
    src = load_html(html, "x.html", "utf-8")
    assert src.lines == ["Thông cáo báo chí tình hình kinh tế - xã hội 6 tháng đầu năm 2025",
                         "Tổng thu ngân sách 6 tháng ước đạt 5.120 tỷ đồng."]


def test_xhtml_declaration_and_legacy_encoding_read(tmp_path):
    page = tmp_path / "trang.htm"
    from .test_legacy import encode_cp1258
    page.write_bytes(encode_cp1258('<?xml version="1.0" encoding="windows-1258"?><html><body><p>Thu ngân sách đạt '
                                   '1.234 tỷ đồng</p></body></html>'))
    assert load(page, 10**8).lines == ["Thu ngân sách đạt 1.234 tỷ đồng"]


def test_page_with_only_furniture_is_refused_by_name(tmp_path):
    page = tmp_path / "rong.html"
    page.write_text("<html><body><nav>Trang chủ</nav><footer>Bản quyền</footer></body></html>", "utf-8")
    with pytest.raises(IngestError, match="rong.html: no text found"):
        load(page, 10**8)


def test_citations_count_the_page_source_s_lines(tmp_path):
    """The contract: `line_start`/`line_end` are lines of the ingested file. A saved page's text is read out of its
    markup, so each passage names the source lines its text stands on, table rows included (page invented)."""
    from tracuu.config import Config
    from tracuu.ingest.pipeline import ingest_file
    page = """<!DOCTYPE html>
<html><head><title>Tin tức</title></head>
<body>
<nav><a href="/">Trang chủ</a> | <a href="/kt">Kinh tế</a></nav>
<article>
<h1>An Hòa: 9 tháng năm 2025 thu ngân sách đạt 18.132,6 tỷ đồng</h1>
<p class="sapo">Ngày 07/10, UBND tỉnh An Hòa họp phiên thường kỳ tháng 9.</p>

<p>Tổng thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt
18.132,6 tỷ đồng, bằng 82,3% dự toán.</p>
<table>
<tr><th>Chỉ tiêu</th><th>9 tháng 2025</th></tr>
<tr><td>Xuất khẩu (triệu USD)</td><td>1.846,2</td></tr>
<tr><td>Khách du lịch (nghìn lượt)</td><td>17.412,6</td></tr>
</table>
</article>
</body></html>
"""
    (tmp_path / "tin.html").write_text(page, "utf-8")
    doc, passages = ingest_file(tmp_path / "tin.html", Config(home=tmp_path))
    raw = page.splitlines()
    for needle in ("18.132,6 tỷ đồng, bằng", "1.846,2", "17.412,6"):
        p = next(x for x in passages if needle in x.text)
        assert needle in "\n".join(raw[p.line_start - 1:p.line_end]), (needle, p.line_start, p.line_end)
    assert load(tmp_path / "tin.html", 10**7).source_lines[0][0] == 6  # the headline's line, not the text's first
