"""Ingest on the five real sample reports: metadata, paragraphs, sections, footnotes, verbatim text."""

import pytest

from tracuu.config import Config
from tracuu.ingest.pipeline import ingest_file
from tracuu.ingest.textnorm import fold
from tracuu.ingest.types import Period

from .conftest import REPORTS

EXPECTED = {  # file: (kind, number, period label, next period label)
    "000_8965950bfb0edcf7.txt": ("thông cáo báo chí", None, "quý I/2022", "quý II/2022"),
    "001_0aee353197b71864.txt": ("báo cáo", "327/BC-UBND", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"),
    "002_531108871c7d6a37.txt": ("thông cáo báo chí", None, "năm 2021", "năm 2022"),
    "003_bbcbd673d8c3e626.txt": ("báo cáo", None, "tháng 01/2023", "tháng 02/2023"),
    "004_974a447c085e4f6c.txt": ("báo cáo", "91/BC-UBND", "tháng 01/2026", "tháng 02/2026"),
}


@pytest.fixture(scope="module")
def ingested():
    cfg = Config()
    return {f: ingest_file(REPORTS / f, cfg) for f in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(ingested, name):
    doc, passages = ingested[name]
    kind, number, period, nxt = EXPECTED[name]
    assert (doc.kind, doc.number, doc.period.label, doc.next_period.label) == (kind, number, period, nxt)
    assert doc.chunks == len(passages) > 50


def test_report_date_is_not_its_period(ingested):
    doc, _ = ingested["001_0aee353197b71864.txt"]
    assert doc.date == "2023-07-06" and doc.period.label == "6 tháng đầu năm 2023"


def _containing(passages, needle):
    return [p for p in passages if needle in p.text]


def test_ocr_sentence_joined_across_wrapped_lines(ingested):
    _, passages = ingested["001_0aee353197b71864.txt"]
    hits = _containing(passages, "giai ngan trong 6 thang 1.158,8 ty dong, dat 29,8%")
    assert hits  # (sentence windows overlap by one sentence, so it may sit in two passages)
    for p in hits:
        assert p.line_start <= 345 and p.line_end >= 347
        # the sentence resumes after the page-bottom footnotes (lines 349-380): it is joined back
        assert "ty Ié giai ngan tang vé sb tuyét doi 1a 510 ty dong" in p.text


@pytest.mark.parametrize("name,needle,section_part", [
    ("001_0aee353197b71864.txt", "1.158,8 ty dong", "1.4. Pau tu xay dung két cau ha ting"),
    ("002_531108871c7d6a37.txt", "304,8 nghìn tấn", "a) Tái cơ cấu ngành nông nghiệp"),
    ("003_bbcbd673d8c3e626.txt", "3.666 ha", "1. Lĩnh vực phát triển kinh tế"),
    ("002_531108871c7d6a37.txt", "3.460 nghìn lượt", "II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022"),
])
def test_section_paths(ingested, name, needle, section_part):
    _, passages = ingested[name]
    hits = _containing(passages, needle)
    assert hits and section_part in hits[0].section


@pytest.mark.parametrize("name,needle,period", [
    ("002_531108871c7d6a37.txt", "3.460 nghìn lượt", "năm 2022"),  # targets for the next year
    ("001_0aee353197b71864.txt", "1.158,8 ty dong", "6 tháng đầu năm 2023"),
    ("003_bbcbd673d8c3e626.txt", "602/BGTVT-KHĐT", "tháng 02/2023"),  # tasks for February
])
def test_passage_period_follows_its_section(ingested, name, needle, period):
    _, passages = ingested[name]
    assert _containing(passages, needle)[0].period.label == period


def test_footnotes_are_their_own_passages(ingested):
    _, passages = ingested["001_0aee353197b71864.txt"]
    fn = _containing(passages, "Tong kim ngach cac loai hinh xuat nhap khau khac".replace("Tong", "Téng").replace("xuat", "xuit").replace("nhap", "nhap"))
    fn = fn or [p for p in passages if "15.657 triéu USD" in p.text]
    assert fn and fn[0].kind == "footnote" and (fn[0].line_start, fn[0].line_end) == (246, 248)
    assert fn[0].footnote_of is not None
    fn28 = [p for p in passages if p.text.startswith("28 (1) Dy &n Cai tao")]
    assert fn28 and fn28[0].kind == "footnote" and fn28[0].line_start == 349
    assert all("28 (1) Dy &n" not in p.text for p in passages if p.kind == "body")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_passage_text_is_verbatim_in_source_lines(ingested, name):
    _, passages = ingested[name]
    lines = (REPORTS / name).read_text("utf-8").splitlines()
    for p in passages:
        window = [line.strip() for line in lines[p.line_start - 1:p.line_end]]
        assert consume(p.text, window) == "", p.id


def consume(text: str, window: list[str]) -> str:
    """Walk the source lines, eating the passage text line by line (lines joined by one space).

    Lines that are not part of the passage (footnotes between two halves of a sentence) are skipped;
    the first and last line may be entered or left mid-way (sentence-aligned windows)."""
    rest = text
    for w in window:
        if not rest:
            break
        if not w:
            continue
        if rest.startswith(w):
            rest = rest[len(w):].lstrip()
        elif w.startswith(rest) or (rest is text and rest in w):
            rest = ""
        elif rest is text and (i := _entry(w, rest)) is not None:
            rest = rest[len(w) - i:].lstrip()
    return rest


def _entry(line: str, rest: str) -> int | None:
    """Where in `line` the passage starts, if it starts inside it."""
    return next((i for i in range(1, len(line)) if line[i - 1] == " " and rest.startswith(line[i:])), None)


def test_diacritics_folding_matches_ocr_and_clean():
    assert fold("Giải ngân vốn đầu tư công") == "giai ngan von dau tu cong"


def test_province_of_each_sample_report_and_of_a_question(reports):
    """From the letterhead ('TINH LANG SON' in OCR, 'Lạng Sơn, ngày ...'), else the province the text names
    far more than any other (000 is a press release without a letterhead)."""
    from tracuu.ingest.places import find_provinces, issuer_of, report_province
    for f in sorted(reports.glob("*.txt")):
        assert report_province(f.read_text("utf-8").split("\n")) == "Lạng Sơn", f.name
    assert find_provinces("ty le ho ngheo lang son va Thành phố Huế, Bà Rịa - Vũng Tàu năm 2023") == [
        "Lạng Sơn", "Huế", "Bà Rịa - Vũng Tàu"]
    # people write 'Huế' alone, and reports before 2025 'Thừa Thiên Huế': both are today's Huế
    assert find_provinces("hue giai ngan 9 thang 2024") == find_provinces("tỉnh Thừa Thiên Huế") == ["Huế"]
    assert issuer_of("Lạng Sơn") == "UBND tỉnh Lạng Sơn" and issuer_of("Hà Nội") == "UBND thành phố Hà Nội"


def test_a_sentence_resuming_with_a_number_after_footnotes_is_joined(ingested):
    """003: '... Ước kết quả giải ngân kế hoạch vốn năm' (line 43), footnotes, '2023 đến hết tháng 01/2023 ...'
    (line 49); and a footnote speaks of the period of the passage that marks it."""
    doc, passages = ingested["003_bbcbd673d8c3e626.txt"]
    joined = [p for p in passages if "kế hoạch vốn năm 2023 đến hết tháng 01/2023 là 45 tỷ đồng" in p.text]
    assert joined and joined[0].line_start <= 43 and joined[0].line_end >= 49
    assert not any(p.text.startswith("2023 đến hết tháng 01/2023") for p in passages)
    note = next(p for p in passages if p.kind == "footnote" and p.text.startswith("⁸ Công văn số 602/BGTVT-KHĐT"))
    referrer = next(p for p in passages if p.id == note.footnote_of)
    assert note.line_start == 127 and "⁸" in referrer.text and note.period == referrer.period


def _ingest_text(tmp_path, name: str, text: str):
    """An invented report written to `name` and ingested on its own."""
    (tmp_path / name).write_text(text, "utf-8")
    return ingest_file(tmp_path / name, Config(home=tmp_path))


def test_the_periods_a_passage_speaks_of_are_read_at_ingest_and_kept(tmp_path):
    from dataclasses import replace

    from tracuu.ingest.types import Passage
    from tracuu.qa.retrieve import passage_periods
    # figures invented
    doc, passages = _ingest_text(
        tmp_path, "bc.txt", "UBND TỈNH HÀ GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2024\n\n"
        "Thu ngân sách 6 tháng đầu năm 2024 đạt 1.240 tỷ đồng, tăng 8% so với cùng kỳ năm 2023; "
        "riêng quý II/2024 đạt 702 tỷ đồng.\n")
    p = next(p for p in passages if "702" in p.text)
    assert set(p.mentions) == {Period("half", 2024, 1), Period("quarter", 2024, 2)}  # the baseline is not one
    again = Passage.from_dict(p.to_dict())
    assert again.mentions == p.mentions
    # answering reads what ingest stored; an index written before (None) is read when asked
    assert passage_periods(replace(p, mentions=(Period("year", 2030),)), doc.period) == {Period("year", 2030)}
    assert passage_periods(replace(p, mentions=None), doc.period) == set(p.mentions)


def test_the_title_s_planned_period_does_not_relabel_the_results_under_it(tmp_path):
    import docx
    # figures invented: a Word table of 2022 results under a title that also names the 2023 plan
    d = docx.Document()
    d.add_heading("Kết quả thực hiện các chỉ tiêu chủ yếu năm 2022 và kế hoạch năm 2023 tỉnh Hà Tĩnh", 0)
    d.add_heading("I. Đánh giá chung", 1)
    d.add_paragraph("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 19.486,2 tỷ đồng.")
    d.add_heading("II. Dự toán ngân sách năm 2023", 1)
    d.add_paragraph("Tổng thu ngân sách nhà nước: 20.100 tỷ đồng.")
    d.save(tmp_path / "bieu.docx")
    doc, passages = ingest_file(tmp_path / "bieu.docx", Config(home=tmp_path))
    assert doc.period == Period("year", 2022) and doc.next_period == Period("year", 2023)
    assert next(p for p in passages if "19.486,2" in p.text).period == Period("year", 2022)
    assert next(p for p in passages if "20.100" in p.text).period == Period("year", 2023)


def test_markdown_marks_are_no_words_of_the_title(tmp_path):
    # figures invented
    doc, _ = _ingest_text(
        tmp_path, "bieu.md", "**ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU**\n\n# PHỤ LỤC\n\n## MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ "
        "HỘI CHỦ YẾU QUÝ I NĂM 2025\n\n| STT | Chỉ tiêu | ĐVT | Ước thực hiện quý I/2025 |\n|---|---|---|---|\n"
        "| 1 | Tổng thu ngân sách nhà nước | Tỷ đồng | 22.486,5 |\n")
    assert doc.title == "PHỤ LỤC MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU QUÝ I NĂM 2025"
    assert doc.period == Period("quarter", 2025, 1) and doc.province == "Bà Rịa - Vũng Tàu"


def test_a_note_at_the_end_of_a_document_speaks_of_the_period_of_the_passage_that_marks_it(tmp_path):
    # figures invented; the notes are gathered after the plans part, far from their marks
    lines = ["UBND TỈNH ĐẮK NÔNG", "BÁO CÁO", "Tình hình kinh tế - xã hội năm 2024 và kế hoạch năm 2025", "",
             "I. KẾT QUẢ NĂM 2024", "Tổng thu ngân sách nhà nước ước đạt 3.612,4 tỷ đồng⁶, tăng 9,9%.", "",
             "II. KẾ HOẠCH NĂM 2025"]
    lines += [f"- Chỉ tiêu số {i}: đạt {i},5% trở lên." for i in range(1, 20)]
    lines += ["", "⁶ Trong đó: thu nội địa 3.486,6 tỷ đồng (tiền sử dụng đất 612,5 tỷ đồng)."]
    doc, passages = _ingest_text(tmp_path, "bc.txt", "\n".join(lines) + "\n")
    note = next(p for p in passages if p.kind == "footnote")
    marked = next(p for p in passages if "3.612,4" in p.text)
    assert note.footnote_of == marked.id and note.period == Period("year", 2024)



def test_a_run_of_superscripts_is_one_note_s_mark(tmp_path):
    # figures invented: note ¹ is marked after a year ('năm 2026¹'), note ¹¹ further on; '¹¹' is not note 1's mark
    lines = ["UBND THÀNH PHỐ HÒA SƠN", "BÁO CÁO", "Tình hình kinh tế - xã hội 6 tháng đầu năm 2027", "",
             "1. Tăng trưởng kinh tế",
             "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2027 ước tăng 5,95% so với cùng kỳ năm 2026¹.", "",
             "2. Nhiệm vụ 6 tháng cuối năm",
             "Phấn đấu tăng trưởng GRDP cả năm 2027 đạt 7-7,5%; tăng trưởng 6 tháng cuối năm phải đạt 8,2%¹¹.", "",
             "¹ Quý I/2027 tăng 5,26%; quý II/2027 ước tăng 6,62% so với cùng kỳ.",
             "¹¹ Theo tính toán của Cục Thống kê thành phố."]
    doc, passages = _ingest_text(tmp_path, "bc.txt", "\n".join(lines) + "\n")
    note = next(p for p in passages if p.kind == "footnote" and p.text.startswith("¹ "))
    marked = next(p for p in passages if "5,95%" in p.text)
    assert note.footnote_of == marked.id and note.marked_by.startswith("Tổng sản phẩm trên địa bàn (GRDP)")
    eleven = next(p for p in passages if p.kind == "footnote" and p.text.startswith("¹¹"))
    assert "8,2%¹¹" in eleven.marked_by

def test_a_list_takes_the_period_its_lead_in_or_markdown_heading_names(tmp_path):
    # figures invented: a year's report whose list of next year's targets is led in by a line or a Markdown heading
    text = ("# Báo cáo kết quả năm 2025 của Ban Quản lý khu kinh tế tỉnh Quảng Trị\n\n## 1. Kết quả năm 2025\n\n"
            "- Doanh thu của doanh nghiệp ước đạt 12.486,2 tỷ đồng.\n\n"
            "Các chỉ tiêu chủ yếu năm 2026:\n\n- Doanh thu của doanh nghiệp đạt 14.000 tỷ đồng;\n\n"
            "Tình hình lao động ổn định, thu nhập bình quân 8,2 triệu đồng/tháng.\n\n"
            "- Nộp ngân sách 1.046,2 tỷ đồng.\n\n"
            "## 2. Nhiệm vụ, giải pháp năm 2026\n\nPhấn đấu nộp ngân sách 1.200 tỷ đồng.\n\n- Tạo việc làm cho 3.500 lao động.\n")
    doc, passages = _ingest_text(tmp_path, "bqlkkt.md", text)
    period = {p.text.split()[-3]: p.period for p in passages if p.text[:1] in "-P"}
    assert doc.period == Period("year", 2025)
    assert period["12.486,2"] == Period("year", 2025) and period["1.046,2"] == Period("year", 2025)
    assert period["14.000"] == Period("year", 2026)  # the lead-in's list, not the items after the next paragraph
    assert period["1.200"] == Period("year", 2026) and period["3.500"] == Period("year", 2026)  # under '## 2. ...'



def test_a_lead_in_printed_with_its_first_items_gives_them_its_period(tmp_path):
    # figures invented: a year-end news page; the next year's targets are led in on the line the items follow, which
    # the reader keeps in one paragraph with them ('..., trong đó:' then '- ...' lines)
    lines = ["Tin tức", "HĐND Thành phố thông qua kế hoạch năm 2028", "",
             "Năm 2027, tổng sản phẩm trên địa bàn (GRDP) của Thành phố ước tăng 8,62%.", "",
             "Trên cơ sở đánh giá tình hình, HĐND Thành phố thông qua 13 chỉ tiêu chủ yếu của năm 2028, trong đó:",
             "- Tốc độ tăng GRDP từ 9,0 - 9,5%; GRDP bình quân đầu người đạt 195 - 198 triệu đồng;",
             "- Chỉ số giá tiêu dùng bình quân khoảng 4,5%;", "",
             "- Đón 35,5 triệu lượt khách du lịch.", "",
             "Để thực hiện kế hoạch, Thành phố tập trung 10 nhóm nhiệm vụ."]
    doc, passages = _ingest_text(tmp_path, "tin_nam2027.txt", "\n".join(lines) + "\n")
    assert doc.period == Period("year", 2027)
    of = {p.text[:12]: p.period for p in passages}
    assert of["Trên cơ sở đ"] == of["- Đón 35,5 t"] == Period("year", 2028)
    assert of["Năm 2027, tổ"] == of["Để thực hiện"] == Period("year", 2027)

def test_a_news_page_s_list_of_related_articles_is_not_its_text(tmp_path):
    # figures invented: the related headlines' figures are other stories'
    text = ("Cà Mau: thu ngân sách 6 tháng đạt 3.412,6 tỷ đồng\n\nThu ngân sách 6 tháng đầu năm 2025 của tỉnh Cà Mau "
            "ước đạt 3.412,6 tỷ đồng, tăng 8,4%.\n\nNguyễn An\n\nTin liên quan:\n"
            "- Bạc Liêu: thu ngân sách 6 tháng vượt 5.000 tỷ đồng\n- Du lịch Cà Mau đón 1,2 triệu lượt khách\n")
    _, passages = _ingest_text(tmp_path, "tin_camau.txt", text)
    assert any("3.412,6" in p.text for p in passages)
    assert not any("5.000" in p.text or "1,2 triệu" in p.text or "liên quan" in p.text for p in passages)


def test_a_bulletin_s_own_headlines_are_headlines_and_its_other_stories_not_its_text(tmp_path):
    # figures invented: 'Trong số này:' retells the body's headlines in short ('84,7% dự toán' for '9.846,2 tỷ đồng,
    # bằng 84,7% dự toán'); 'Các tin khác trong số:' lists other stories
    text = ("ĐIỂM TIN THÁNG 9 NĂM 2025\n\nTrong số này:\n- Lào Cai: thu ngân sách 9 tháng đạt 84,7% dự toán\n\n"
            "1. LÀO CAI\nTổng thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 9.846,2 tỷ đồng, bằng 84,7% dự toán.\n\n"
            "Các tin khác trong số:\n- Hội nghị xúc tiến đầu tư tổ chức tại Phú Thọ (tháng 11/2025).\n")
    _, passages = _ingest_text(tmp_path, "diemtin.txt", text)
    assert [p.kind for p in passages if "84,7%" in p.text] == ["title", "body"]  # a headline, then the body's sentence
    assert not any("Phú Thọ" in p.text or "Trong số này" in p.text for p in passages)


def test_a_heading_naming_the_year_that_holds_the_report_s_period_is_no_plan(tmp_path):
    # figures invented: a half-year release's monthly table headed by its year
    doc, passages = _ingest_text(tmp_path, "bieu.md", "# Số liệu chủ yếu theo tháng 6 tháng đầu năm 2025 - tỉnh Bình Dương\n\n"
                                 "## Biểu 1. Một số chỉ tiêu chủ yếu theo tháng năm 2025\n\n"
                                 "- Kim ngạch xuất khẩu tháng 3 đạt 3.186,5 triệu USD.\n")
    assert doc.next_period is None and next(p for p in passages if "3.186,5" in p.text).period == Period("half", 2025, 1)


def test_notes_under_a_rule_are_footnotes_of_the_sentence_marking_them(tmp_path):
    # set AG's OCR'd Tiền Giang report (figures invented): the signer's name, a '_____' rule, then '1 Trong do: thu noi
    # dia 4.986,2 ty dong; ...' wrapped over two lines, marked by 'du toán1' in the revenue sentence
    from .conftest import GENERALITY
    _, passages = ingest_file(GENERALITY / "docs" / "ag_ubnd_tiengiang_scan_5t-2025.txt", Config(home=tmp_path))
    note = next(p for p in passages if "4.986,2" in p.text)
    assert note.kind == "footnote" and "500,2" in note.text and "Pham Van Trong" not in note.text
    marker = next(p for p in passages if p.id == note.footnote_of)
    assert "5.486,4" in marker.text and note.period == marker.period == Period("months", 2025, 5)


def test_a_part_reporting_the_year_and_planning_the_next_is_the_year_s(tmp_path):
    """'PHẦN II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024 VÀ CHỈ TIÊU KẾ HOẠCH NĂM 2025' in the 2024 report: each
    item states the 2024 plan, the 2024 estimate and the 2025 plan; the part is 2024's (figures invented)."""
    doc, passages = _ingest_text(
        tmp_path, "bc.txt", "BÁO CÁO\nTình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024 và kế hoạch năm "
        "2025\n\nPHẦN I. ĐÁNH GIÁ CHUNG\nNăm 2024, kinh tế của tỉnh An Hòa phục hồi.\n\nPHẦN II. KẾT QUẢ THỰC HIỆN CÁC "
        "CHỈ TIÊU CHỦ YẾU NĂM 2024 VÀ CHỈ TIÊU KẾ HOẠCH NĂM 2025\n\n10. Số xã đạt chuẩn nông thôn mới nâng cao: kế hoạch "
        "72 xã; ước thực hiện 74 xã; kế hoạch năm 2025 là 82 xã.\n\nPHẦN III. NHIỆM VỤ, GIẢI PHÁP NĂM 2025\n\nTập trung "
        "thu hút đầu tư, phấn đấu tăng trưởng 8%.\n")
    assert doc.period == Period("year", 2024)
    assert next(p for p in passages if "74 xã" in p.text).period == Period("year", 2024)
    assert next(p for p in passages if "phấn đấu tăng trưởng" in p.text).period == Period("year", 2025)


def test_an_appendix_after_the_signature_is_a_part_of_the_report_s_own_period(tmp_path):
    """A monthly report's 'PHỤ LỤC' (bars around each row, no rule line) after its tasks part and signature: the
    table is the month's and the running total's, not the next month's plan (figures invented)."""
    doc, passages = _ingest_text(
        tmp_path, "bc.txt", "BÁO CÁO\nTình hình kinh tế - xã hội tháng 5, nhiệm vụ trọng tâm tháng 6 năm 2024\n\n"
        "I. KẾT QUẢ THÁNG 5\nThu ngân sách tháng 5 ước đạt 214,6 tỷ đồng.\n\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 6 NĂM 2024\n"
        "1. Phấn đấu thu ngân sách tháng 6 đạt khoảng 300 tỷ đồng.\n\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\n"
        "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÁNG 5 VÀ 5 THÁNG NĂM 2024\n"
        "| TT | Chỉ tiêu | ĐVT | KH năm 2024 | Thực hiện tháng 5 | Lũy kế 5 tháng |\n"
        "| 1 | Khách du lịch | Nghìn lượt | 820 | 46,8 | 236,4 |\n| 2 | Kim ngạch xuất khẩu | Triệu USD | 1.200 | 84,6 | 398,6 |\n")
    assert doc.period == Period("month", 2024, 5)
    row = next(p for p in passages if "236,4" in p.text)
    assert row.kind == "table" and row.period == Period("month", 2024, 5) and "NHIỆM VỤ" not in row.section
    assert next(p for p in passages if "300 tỷ" in p.text).period == Period("month", 2024, 6)


def test_a_resolution_s_assessment_article_is_the_year_ending_and_its_targets_article_the_next(tmp_path):
    """An HĐND resolution on next year's plan (figures invented): 'Điều 1' estimates 2022, 'Điều 2' sets 2023's
    targets; the council, not the People's Committee, issued it."""
    doc, passages = _ingest_text(
        tmp_path, "nq.txt", "HỘI ĐỒNG NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BÌNH THUẬN                           Độc lập - Tự do - Hạnh phúc\n"
        "Số: 46/NQ-HĐND                        Bình Thuận, ngày 09 tháng 12 năm 2022\n\nNGHỊ QUYẾT\n"
        "Về kế hoạch phát triển kinh tế - xã hội năm 2023\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2022\n"
        "Tốc độ tăng trưởng GRDP ước đạt 10,12% (kế hoạch 7,0%).\n\nĐiều 2. Mục tiêu, chỉ tiêu chủ yếu năm 2023\n"
        "(1) Tốc độ tăng trưởng GRDP từ 7,5% - 8%.\n(2) Kim ngạch xuất khẩu 850 triệu USD.\n\n"
        "Điều 3. Tổ chức thực hiện\nGiao UBND tỉnh tổ chức thực hiện Nghị quyết này.\n")
    assert doc.issuer == "HĐND tỉnh Bình Thuận" and doc.next_period == Period("year", 2023)
    assert next(p for p in passages if "10,12%" in p.text).period == Period("year", 2022)
    assert next(p for p in passages if "7,5% - 8%" in p.text).period == Period("year", 2023)


def test_a_table_takes_the_period_its_caption_names(tmp_path):
    # figures invented: a half-year report's indicator table printed after its plans part, captioned with the half year
    text = ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nBÁO CÁO\nKết quả thực hiện 6 tháng đầu năm 2022\n\n"
            "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2022\n"
            "1. Kim ngạch xuất khẩu 6 tháng ước đạt 486,2 triệu USD.\n\n"
            "Phần thứ hai\nNHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2022\n"
            "Phấn đấu kim ngạch xuất khẩu cả năm đạt 1.030 triệu USD.\n\n"
            "Biểu: MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2022\n"
            "| TT | Chỉ tiêu | ĐVT | Ước 6 tháng |\n|---|---|---|---|\n"
            "| 1 | Khách du lịch | Nghìn lượt | 1.512,4 |\n| 2 | Doanh nghiệp thành lập mới | DN | 186 |\n\n"
            "Nơi nhận:\n- Lưu: VT.\n")
    doc, passages = _ingest_text(tmp_path, "hoabinh.txt", text)
    period = {p.text.split()[-1]: p.period for p in passages}
    assert period["1.512,4"] == period["186"] == Period("half", 2022, 1)  # the caption's, not the plans part's
    assert doc.next_period != Period("half", 2022, 1)  # a caption names no plan
    # a note between the caption and its table ('(Kèm theo Báo cáo ...)', CQ's Lâm Đồng; a unit line) keeps it the
    # table's caption
    for note in ("(Kèm theo Báo cáo số 412/BC-UBND ngày 19/6/2022 của UBND tỉnh)", "ĐVT: nghìn lượt, doanh nghiệp"):
        noted = text.replace("6 THÁNG ĐẦU NĂM 2022\n|", f"6 THÁNG ĐẦU NĂM 2022\n{note}\n\n|")
        assert note in noted
        doc, passages = _ingest_text(tmp_path, "hoabinh2.txt", noted)
        period = {p.text.split()[-1]: p.period for p in passages}
        assert period["1.512,4"] == period["186"] == Period("half", 2022, 1), note


def test_a_heading_on_the_whole_year_makes_its_passages_the_year_s(tmp_path):
    """'3. Đánh giá, ước thực hiện cả năm' in a 9-month report: what it says is an estimate of the whole year, not a
    9-month result (BH's Bắc Kạn: 'Trong đó, thu tiền sử dụng đất ước đạt 150 tỷ đồng' had been read as 9 months').
    Other headings keep the report's period. Figures invented."""
    from tracuu.ingest.types import Period
    text = ("SỞ TÀI CHÍNH TỈNH BẮC KẠN\nBÁO CÁO\nTình hình thực hiện dự toán ngân sách 9 tháng năm 2027\n\n"
            "1. Thu ngân sách nhà nước\nTổng thu ngân sách nhà nước 9 tháng đạt 612,4 tỷ đồng, bằng 72,9% dự toán.\n"
            "2. Đánh giá, ước thực hiện cả năm\nSở Tài chính ước thu cả năm đạt 855 tỷ đồng. Trong đó, thu tiền sử dụng "
            "đất ước đạt 150 tỷ đồng.\n")
    doc, passages = _ingest_text(tmp_path, "bc_9t.txt", text)
    assert doc.period == Period("nine_months", 2027)
    by_line = {p.text[:20]: p for p in passages}
    assert next(p for t, p in by_line.items() if t.startswith("Tổng thu ngân sách")).period == Period("nine_months", 2027)
    assert next(p for t, p in by_line.items() if t.startswith("Sở Tài chính ước")).period == Period("year", 2027)


def test_an_annexed_table_after_the_plans_part_is_the_report_s_own(tmp_path):
    """'Biểu số 01' after the signature, below 'V. NHIỆM VỤ TRỌNG TÂM THÁNG 5': its rows are the report's results, not
    the plans part's (BR's Kiên Giang had its table cited as 'phần nhiệm vụ, mục tiêu tháng 05/2025'). Figures
    invented."""
    from tracuu.ingest.types import Period
    text = ("SỞ TÀI CHÍNH TỈNH KIÊN GIANG\nBÁO CÁO\nTình hình thực hiện thu, chi ngân sách 4 tháng đầu năm 2027\n\n"
            "I. TÌNH HÌNH THU NGÂN SÁCH NHÀ NƯỚC\nTổng thu 4 tháng ước đạt 4.872,3 tỷ đồng.\n"
            "II. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2027\n1. Tập trung thu ngân sách, phấn đấu tháng 5 thu 1.200 tỷ đồng.\n\n"
            "Nơi nhận:\n- Như trên;\n\nBiểu số 01\nTÌNH HÌNH THỰC HIỆN THU NGÂN SÁCH 4 THÁNG ĐẦU NĂM 2027\n"
            "ĐVT: triệu đồng\nSTT | Nội dung | Dự toán năm 2027 | Ước thực hiện tháng 4/2027 | Lũy kế 4 tháng năm 2027\n"
            "A | Tổng thu NSNN trên địa bàn | 13.450.000 | 1.126.480 | 4.872.315\n"
            "1 | Lệ phí trước bạ | 420.000 | 33.700 | 142.180\n")
    doc, passages = _ingest_text(tmp_path, "bc_4t.txt", text)
    assert doc.period == Period("months", 2027, 4)
    plan = next(p for p in passages if "phấn đấu tháng 5" in p.text)
    assert plan.period == Period("month", 2027, 5)
    rows = [p for p in passages if p.kind == "table"]
    assert len(rows) == 2 and all(p.period == doc.period and "NHIỆM VỤ" not in p.section for p in rows)
