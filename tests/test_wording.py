"""How an answer is worded from its figures: here, when a quote's figures are all another period's (invented
sentences, figures invented; the readers are the product's own)."""
from tracuu.ingest.types import Period
from tracuu.qa.figures import extract
from tracuu.qa.query import parse_query
from tracuu.qa.wording import another_period_s

HELD = ("Tại hội nghị tổng kết năm 2023 và triển khai nhiệm vụ năm 2024 diễn ra ngày 04/01, UBND tỉnh cho biết tốc độ "
        "tăng trưởng kinh tế (GRDP) của tỉnh năm 2023 ước đạt 6,12%, cao hơn mức tăng 5,05% của cả nước.")


def test_a_year_named_only_as_the_next_task_is_no_figure_s_year():
    figs = extract(HELD, 1, Period("year", 2023))
    assert another_period_s(parse_query("GRDP cả năm 2024 của tỉnh tăng bao nhiêu?"), figs) == "năm 2023"
    # the year the figure is stated for answers
    assert another_period_s(parse_query("GRDP năm 2023 của tỉnh tăng bao nhiêu?"), figs) is None


def test_a_compared_figure_of_the_asked_period_still_answers():
    figs = extract("GRDP quý I năm 2023 ước tăng 2,85% so với cùng kỳ năm trước, thấp hơn nhiều so với mức tăng 9,12% "
                   "của quý I/2022.", 1, Period("quarter", 2023, 1))
    assert another_period_s(parse_query("Quý I năm 2022 kinh tế tỉnh tăng trưởng bao nhiêu?"), figs) is None
    assert another_period_s(parse_query("Quý I năm 2021 kinh tế tỉnh tăng trưởng bao nhiêu?"), figs) == "quý I/2023"


def test_figures_only_of_parts_of_the_asked_period_answer_nothing_of_it():
    # '6 tháng' for a year asked: a part of the year is no figure of it (where `ruled_out.conflicts` let it through)
    figs = extract("Tổng thu ngân sách 6 tháng đầu năm 2024 ước đạt 5.286,4 tỷ đồng.", 1, Period("half", 2024, 1))
    assert another_period_s(parse_query("thu ngân sách năm 2024"), figs) == "6 tháng đầu năm 2024"
    figs = extract("Tăng trưởng: GRDP 9 tháng tăng hơn 7,1% so với cùng kỳ; riêng quý III tăng khoảng 7,4%.", 1,
                   Period("nine_months", 2023))
    assert another_period_s(parse_query("Tăng trưởng kinh tế năm 2023 của tỉnh Bình Định"), figs) == "9 tháng đầu năm 2023"
    # a period of another kind that is no part of the asked one is left to the period rules
    figs = extract("Tổng thu ngân sách quý I/2025 ước đạt 1.286,4 tỷ đồng.", 1, Period("quarter", 2025, 1))
    assert another_period_s(parse_query("thu ngân sách năm 2024"), figs) is None


def test_a_page_with_no_number_is_named_by_its_headline():
    """A news page has no document number: the answer names it by its headline (cut at a word), as a reporter finds it
    again, not by its file name; a report is named by its number (invented documents)."""
    from types import SimpleNamespace

    from tracuu.ingest.types import Document
    from tracuu.qa.answer import Citation
    from tracuu.qa.wording import header

    def doc(name, title, kind, number):
        return Document(doc=name, title=title, kind=kind, number=number, date=None, period=Period("year", 2027),
                        next_period=None, issuer="Cổng TTĐT tỉnh Lai Châu", sha256="", source_path="", fmt="txt",
                        province="Lai Châu")
    news = doc("tin.txt", "Khai mạc Kỳ họp thứ mười, HĐND tỉnh: Năm 2027 có 11/13 chỉ tiêu chủ yếu đạt và vượt kế "
                          "hoạch đề ra, thu ngân sách vượt dự toán", "tin bài", None)
    report = doc("bc.txt", "Báo cáo tình hình kinh tế - xã hội năm 2027", "báo cáo", "301/BC-UBND")
    untitled = doc("bieu_2027.txt", "bieu_2027", "biểu số liệu", None)
    store = SimpleNamespace(doc_by_name={d.doc: d for d in (news, report, untitled)}, documents=[news, report, untitled])

    def head(name):
        return header(Citation(n=1, doc=name, title="", period=None, section="", line_start=1, line_end=1, text="",
                               score=1.0), store)
    assert head("tin.txt").startswith("Theo Tin bài “Khai mạc Kỳ họp thứ mười, HĐND tỉnh: Năm 2027 có 11/13 chỉ tiêu")
    assert "…”" in head("tin.txt") and "(năm 2027)" in head("tin.txt")
    assert head("bc.txt").startswith("Theo Báo cáo số 301/BC-UBND")
    assert head("bieu_2027.txt").startswith("Theo Biểu số liệu bieu_2027.txt")
    # (the headline's numbers are the answer's guard's sources too: '11/13' is printed, not made up)
    from tracuu.qa.verify import unsupported_numbers
    from tracuu.qa.wording import meta_text
    cite = Citation(n=1, doc="tin.txt", title="", period=None, section="", line_start=1, line_end=1, text="", score=1.0)
    assert not unsupported_numbers(head("tin.txt"), [meta_text(cite, store)])


def test_a_former_area_asked_places_its_own_part_first():
    """'Trong đó: khu vực Đồng Nai (cũ) 50.473,7 tỷ đồng; khu vực Bình Phước (cũ) 11.264,7 tỷ đồng' (set AN's Đồng Nai,
    figures invented), asked of 'Bình Phước cũ ... của Đồng Nai': the part its words name is placed first, the other
    former area's after it though the province's present name names that one too."""
    from tracuu.qa.wording import _placed
    quote = ("Thu ngân sách nhà nước trên địa bàn lũy kế 9 tháng ước 61.738,4 tỷ đồng, tăng 18,4% so với cùng kỳ. Trong "
             "đó: khu vực Đồng Nai (cũ) 50.473,7 tỷ đồng; khu vực Bình Phước (cũ) 11.264,7 tỷ đồng.")
    figs = {f.value: f for f in extract(quote, 1, Period("nine_months", 2025))}
    query = parse_query("Khu vực Bình Phước cũ đóng góp bao nhiêu vào số thu ngân sách 9 tháng năm 2025 của Đồng Nai?")
    assert _placed(figs["11.264,7"], query, "Đồng Nai") < _placed(figs["50.473,7"], query, "Đồng Nai")


def test_a_district_asked_leads_with_its_own_clause_s_figure():
    """'Quý I toàn tỉnh đón 1,85 triệu lượt khách, ...; riêng thị xã Sa Pa đón 1,02 triệu lượt' (set DE's Lào Cai, figures
    invented), asked of Sa Pa: the town's figure first; asked of the province, the province's."""
    from tracuu.ingest.types import Period
    from tracuu.qa.figure_rank import rank
    from tracuu.qa.figures import extract
    from tracuu.qa.query import parse_query
    from tracuu.qa.wording import _placed
    quote = ("Du lịch: Quý I toàn tỉnh đón 1,85 triệu lượt khách, tăng 18,9% so với cùng kỳ, trong đó khách quốc tế 196 "
             "nghìn lượt; riêng thị xã Sa Pa đón 1,02 triệu lượt.")
    figs = extract(quote, period=Period("quarter", 2024, 1))
    town = parse_query("Thị xã Sa Pa đón bao nhiêu lượt khách trong quý I năm 2024?")
    assert rank(figs, lambda toks: 0.0, place=lambda f: _placed(f, town, "Lào Cai"))[0].value == "1,02"
    province = parse_query("Lào Cai đón bao nhiêu lượt khách trong quý I năm 2024?")
    assert rank(figs, lambda toks: 0.0, place=lambda f: _placed(f, province, "Lào Cai"))[0].value == "1,85"


def test_a_district_of_a_province_the_merger_retired_leads_with_its_clause_too():
    """'Thành phố Phú Quốc đón bao nhiêu lượt khách 9 tháng năm 2022?' (set DE's Kiên Giang, now in An Giang; figures
    invented): the city's '3,41 triệu lượt' leads, not the province's 6,12 before it."""
    from tracuu.ingest.types import Period
    from tracuu.qa.figure_rank import rank
    from tracuu.qa.figures import extract
    from tracuu.qa.query import parse_query
    from tracuu.qa.wording import _placed
    quote = ("Du lịch: 9 tháng toàn tỉnh đón 6,12 triệu lượt khách, gấp 3,2 lần cùng kỳ. Riêng thành phố Phú Quốc đón "
             "3,41 triệu lượt khách.")
    q = parse_query("Thành phố Phú Quốc đón bao nhiêu lượt khách 9 tháng năm 2022?")
    assert q.as_it_was == ["Kiên Giang"]
    figs = extract(quote, period=Period("nine_months", 2022))
    assert rank(figs, lambda toks: 0.0, place=lambda f: _placed(f, q, "Kiên Giang"))[0].value == "3,41"


def test_a_part_that_repeats_its_whole_s_topic_and_count_words_does_not_lead_the_whole():
    """'- Du lịch: Năm 2023, toàn tỉnh đón 6.200.000 lượt khách, ..., trong đó Khu du lịch quốc gia Núi Bà Đen đón
    5.100.000 lượt khách' (set DH's Tây Ninh, figures invented): 'du lịch' is the line's topic and 'khách' what the whole
    counts too, so a question naming them asks the whole; one naming the part's own name asks the part. Likewise a
    sector's part ('Công nghiệp: ... giá trị sản xuất 1.240 tỷ đồng, trong đó cụm công nghiệp Phú Hà 412 tỷ đồng')."""
    from tracuu.index.lexical import token_set
    from tracuu.qa.figure_rank import rank
    quote = ("- Du lịch: Năm 2023, toàn tỉnh đón 6.200.000 lượt khách, tăng 21,6%, trong đó Khu du lịch quốc gia Núi Bà "
             "Đen đón 5.100.000 lượt khách; tổng doanh thu du lịch đạt 3.650 tỷ đồng.")
    figs = extract(quote, period=Period("year", 2023))

    def first(question: str) -> str:
        words = token_set(question)
        return rank(figs, lambda toks: float(len(toks & words)), words=words, question=question)[0].value
    assert first("tay ninh nam 2023 don bao nhieu luot khach du lich") == "6.200.000"
    assert first("Năm 2023 Khu du lịch quốc gia Núi Bà Đen đón bao nhiêu lượt khách?") == "5.100.000"
    quote = ("- Công nghiệp: Giá trị sản xuất công nghiệp 6 tháng đạt 1.240 tỷ đồng, trong đó cụm công nghiệp Phú Hà "
             "đạt 412 tỷ đồng.")
    figs = extract(quote, period=Period("half", 2024, 1))
    assert first("giá trị sản xuất công nghiệp 6 tháng 2024 đạt bao nhiêu") == "1.240"
    assert first("cụm công nghiệp Phú Hà 6 tháng 2024 giá trị sản xuất đạt bao nhiêu") == "412"


def test_a_change_asked_leads_with_the_change_not_a_level_its_words_hold_alike():
    """'GRDP ... tăng bao nhiêu' (sets DI, DJ, DL, figures invented): the growth, not 'Quy mô GRDP ... 117.246,5 tỷ đồng'
    nor 'GRDP bình quân đầu người đạt 58,1 triệu đồng' beside it; a growth rate stated as reached ('Tốc độ tăng
    trưởng kinh tế (GRDP) ước đạt 6,48%') is the change asked. Asked the level, the level still leads."""
    from tracuu.index.lexical import token_set
    from tracuu.qa.figure_rank import rank

    def first(quote: str, question: str, period: Period) -> str:
        words = token_set(question)
        return rank(extract(quote, period=period), lambda toks: float(len(toks & words)), words=words,
                    question=question, wants_change="tăng bao nhiêu" in question)[0].value
    year = Period("year", 2022)
    quote = ("Năm 2022, tổng sản phẩm trên địa bàn tỉnh (GRDP, giá so sánh 2010) ước đạt 44.397 tỷ đồng, tăng 7,02% so "
             "với năm 2021. Quy mô GRDP theo giá hiện hành đạt 68.975 tỷ đồng; GRDP bình quân đầu người đạt 58,1 triệu "
             "đồng.")
    assert first(quote, "GRDP năm 2022 tăng bao nhiêu?", year) == "7,02"
    assert first(quote, "GRDP bình quân đầu người năm 2022 là bao nhiêu?", year) == "58,1"
    quote = ("Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 6,48% (kế hoạch 7,0%), cao hơn mức tăng chung của cả nước "
             "(ước 5,05%); GRDP bình quân đầu người ước đạt 72,6 triệu đồng.")
    assert first(quote, "GRDP năm 2022 ước tăng bao nhiêu?", year) == "6,48"


def test_a_part_named_in_one_word_leads_when_the_question_names_it():
    """'trong đó: gạo 412,7 triệu USD, thủy sản 198,3 triệu USD' (set DL's An Giang, figures invented): 'xuất khẩu gạo'
    asks the part; 'kim ngạch xuất khẩu' the whole."""
    from tracuu.index.lexical import token_set
    from tracuu.qa.figure_rank import rank
    quote = ("- Kim ngạch xuất khẩu 7T ước 688,4 triệu USD, tăng 8,2% so CK, đạt 56,4% KH năm; trong đó: gạo 412,7 triệu "
             "USD, thủy sản 198,3 triệu USD.")
    figs = extract(quote, period=Period("months", 2024, 7))

    def first(question: str) -> str:
        words = token_set(question)
        return rank(figs, lambda toks: float(len(toks & words)), words=words, question=question)[0].value
    assert first("an giang 7 thang 2024 xuat khau gao duoc bao nhieu") == "412,7"
    assert first("kim ngạch xuất khẩu 7 tháng 2024 của An Giang") == "688,4"
    assert first("xuất khẩu thủy sản 7 tháng 2024") == "198,3"


def test_a_bracket_opening_on_the_same_time_last_year_gives_that_year_s_value_only():
    from tracuu.qa.wording import _named_as_other
    # invented figures: in August 2027's report, '(cùng kỳ năm 2026 là 746 doanh nghiệp)' is 2026's count beside 2027's
    quote = "Toàn tỉnh có 812 doanh nghiệp thành lập mới với tổng vốn đăng ký 5.136 tỷ đồng (cùng kỳ năm 2026 là 746 doanh nghiệp)."
    own = Period("months", 2027, 8)
    assert _named_as_other(quote, Period("months", 2026, 8), own)
    # named as its own subject, the same time last year is the period of what follows it
    assert not _named_as_other("Cùng kỳ năm 2026, toàn tỉnh có 746 doanh nghiệp thành lập mới.", Period("months", 2026, 8), own)


def test_a_lead_figure_of_the_same_span_another_year_answers_nothing_whatever_else_the_quote_holds():
    # invented figures: August 2027's report; 8 months of 2026 asked; a month's figure beside it does not save it
    figs = extract("Về thu hút đầu tư, 8 tháng tỉnh chấp thuận 12 dự án với tổng vốn đăng ký 6.480 tỷ đồng; riêng tháng 8 "
                   "chấp thuận 03 dự án, vốn 1.215 tỷ đồng.", 1, Period("months", 2027, 8))
    assert another_period_s(parse_query("vốn đăng ký 8 tháng năm 2026"), figs) == "8 tháng đầu năm 2027"
    assert another_period_s(parse_query("vốn đăng ký 8 tháng năm 2027"), figs) is None
