"""qa.fit: how the periods the index holds fit the asked one (hand-built documents, no index)."""
from types import SimpleNamespace

from tracuu.ingest.types import Document, Period
from tracuu.qa.fit import only_plans_cover
from tracuu.qa.query import parse_query


def _doc(name, province, period, next_period=None):
    return Document(name, "", "báo cáo", None, None, period, next_period, None, "", "", "txt", province=province)


# invented: a half-year 2022 release planning the second half, an annual 2022 report planning 2023
STORE = SimpleNamespace(documents=[
    _doc("qt_6t2022.txt", "Quảng Trị", Period("half", 2022, 1), Period("half", 2022, 2)),
    _doc("ls_2022.txt", "Lạng Sơn", Period("year", 2022), Period("year", 2023)),
])


def test_a_period_only_plans_speak_of_for_the_place():
    year_2022 = parse_query("Thu ngân sách cả năm 2022 của Quảng Trị đạt bao nhiêu?")
    assert only_plans_cover(year_2022, STORE, "Quảng Trị")  # its half-year results do not cover the year
    assert not only_plans_cover(year_2022, STORE, "Lạng Sơn")  # Lạng Sơn's annual report does
    assert only_plans_cover(parse_query("thu ngân sách năm 2023"), STORE, "Lạng Sơn")
    assert not only_plans_cover(parse_query("thu ngân sách 6 tháng đầu năm 2022"), STORE, "Quảng Trị")
    assert not only_plans_cover(parse_query("thu ngân sách năm 2025"), STORE, "Lạng Sơn")  # nothing at all: not a plan


def test_a_cut_off_date_where_the_report_s_span_ends_is_that_report_s_figure():
    # 'giải ngân vốn năm 2025 đến hết ngày 31/10/2025': the year is the plan's; a 10-month report holds the date
    from types import SimpleNamespace

    from tracuu.ingest.types import Period
    from tracuu.qa.fit import other_span
    from tracuu.qa.query import parse_query
    ten = SimpleNamespace(doc_by_name={"r": SimpleNamespace(period=Period("months", 2025, 10))})
    sentence = "Đến hết ngày 31/10/2025, toàn tỉnh giải ngân 15.846,3 tỷ đồng, đạt 59,83% kế hoạch."  # invented
    hit = SimpleNamespace(passage=SimpleNamespace(doc="r", period=None, text=sentence, kind="body"))
    asked = parse_query("Tỉnh giải ngân vốn đầu tư công năm 2025 đến hết ngày 31/10/2025 được bao nhiêu?")
    assert not other_span(asked, hit, sentence, ten)
    # a date the report does not reach is still another span's ('đến 30/6' asked of a report to 20/5)
    assert other_span(parse_query("giải ngân vốn đầu tư công năm 2025 đến hết ngày 31/12/2025 được bao nhiêu"),
                      hit, sentence, ten)


def test_a_figure_of_a_report_of_another_span_neither_holding_the_other_is_that_span_s():
    # a January 2023 report: its month's revenue beside a sentence naming the 2022 budget (invented text)
    from types import SimpleNamespace

    from tracuu.ingest.types import Period
    from tracuu.qa.fit import other_span
    from tracuu.qa.query import parse_query
    store = SimpleNamespace(doc_by_name={"r": SimpleNamespace(period=Period("month", 2023, 1))})
    lead = "Công khai tình hình thực hiện dự toán ngân sách năm 2022."
    month = "Tổng thu ngân sách ước thực hiện tháng 01 là 412,5 tỷ đồng, đạt 5,3% dự toán."
    year = "Ước thực hiện năm 2022, tổng thu ngân sách đạt 8.120,4 tỷ đồng."
    part = "Trong đó, thu nội địa đạt 6.310,2 tỷ đồng."
    hit = SimpleNamespace(passage=SimpleNamespace(doc="r", period=None, text=" ".join([lead, month, year, part]), kind="body"))
    asked = parse_query("Tổng thu ngân sách năm 2022 là bao nhiêu?")
    assert other_span(asked, hit, month, store)  # January's figure, not the year's
    assert not other_span(asked, hit, year, store)  # it names the year
    assert not other_span(asked, hit, part, store)  # it carries on the sentence that names the year
    # a target question is not judged so: a plan for the year may stand in another span's report
    assert not other_span(parse_query("Mục tiêu thu ngân sách năm 2022 là bao nhiêu?"), hit, month, store)


def test_a_footnote_speaks_of_the_period_the_sentence_marking_it_names():
    # a half-year report: the call-up of the year, detailed in a note (invented figures)
    from types import SimpleNamespace

    from tracuu.ingest.types import Passage, Period
    from tracuu.qa.fit import other_span
    from tracuu.qa.query import parse_query
    store = SimpleNamespace(doc_by_name={"r": SimpleNamespace(period=Period("half", 2024, 1))})
    note = "5 Toàn tỉnh có 1.320 công dân nhập ngũ, trong đó giao cho Bộ Quốc phòng 1.150 công dân."
    marked = Passage(id="r:9", doc="r", text=note, section="", period=Period("half", 2024, 1), line_start=9, line_end=9,
                     char_start=0, char_end=len(note), kind="footnote",
                     marked_by="Hoàn thành công tác tuyển quân năm 2024 bảo đảm chỉ tiêu được giao⁵.")
    asked = parse_query("Năm 2024 tỉnh có bao nhiêu công dân nhập ngũ?")
    assert not other_span(asked, SimpleNamespace(passage=marked), note, store)
    unmarked = Passage(id="r:9", doc="r", text=note, section="", period=Period("half", 2024, 1), line_start=9,
                       line_end=9, char_start=0, char_end=len(note), kind="footnote")
    assert other_span(asked, SimpleNamespace(passage=unmarked), note, store)  # the half year's, as before


def test_a_passage_counting_to_the_date_asked_names_it():
    from tracuu.index.store import Hit
    from tracuu.ingest.types import Passage
    from tracuu.qa.retrieve import period_signals
    # invented: a 10-month report's result line and its plans line
    doc = _doc("dn.txt", "Đồng Nai", Period("months", 2025, 10))
    store = SimpleNamespace(documents=[doc], doc_by_name={"dn.txt": doc})

    def hit(text):
        return Hit(Passage(id="x", doc="dn.txt", text=text, section="", period=doc.period, line_start=1, line_end=1,
                           char_start=0, char_end=len(text)), 0)
    asked = parse_query("Đồng Nai giải ngân vốn đầu tư công năm 2025 đến hết ngày 31/10/2025 được bao nhiêu?")
    said = period_signals(asked, hit("Đến hết ngày 31/10/2025, toàn tỉnh giải ngân 15.846,3 tỷ đồng."), store)
    other = period_signals(asked, hit("Phấn đấu đến hết ngày 31/01/2026 giải ngân 100% kế hoạch."), store)
    assert said["mention"] == 1.0 and other["mention"] == 0.0


def test_a_report_that_cannot_hold_the_date_asked_fits_it_loosely():
    from tracuu.index.store import Hit
    from tracuu.ingest.types import Passage
    from tracuu.qa.fit import passage_fit
    # invented: an annual 2021 report and a quý I/2022 release; the question asks the state on 23/3/2022
    year, quarter = _doc("nam2021.txt", "Lạng Sơn", Period("year", 2021)), _doc("q1.txt", "Lạng Sơn", Period("quarter", 2022, 1))
    store = SimpleNamespace(documents=[year, quarter], doc_by_name={"nam2021.txt": year, "q1.txt": quarter})

    def hit(doc):
        text = "Đã hỗ trợ người lao động gặp khó khăn do đại dịch với tổng kinh phí 68.108 triệu đồng."
        return Hit(Passage(id=doc.doc, doc=doc.doc, text=text, section="", period=doc.period, line_start=1, line_end=1,
                           char_start=0, char_end=len(text)), 0)
    asked = parse_query("den 23/3/2022 tien ho tro nguoi lao dong kho khan vi covid la bao nhieu")
    assert passage_fit(asked, hit(year), store) == 0.6 and passage_fit(asked, hit(quarter), store) == 1.0


def test_an_aim_for_a_period_after_its_report_s_is_no_result():
    from tracuu.qa.fit import results_missing
    q1 = Period("quarter", 2023, 1)
    assert results_missing(parse_query("hai phong tang truong GRDP quy 2 nam 2023"), q1)  # the quý I report's aim
    assert not results_missing(parse_query("tăng trưởng GRDP quý I/2023"), q1)
    assert not results_missing(parse_query("tăng trưởng GRDP quý II/2023"), None)


def test_a_result_counted_to_a_date_comes_from_a_sentence_or_report_counting_to_it():
    """'vốn kế hoạch năm 2026 giải ngân đến hết tháng 1': the year names the plan, the date the state asked.
    A plan's aim for the year, a plan total, a state at another date are not it (sentences invented)."""
    from tracuu.qa.fit import other_span
    asked = parse_query("Vốn đầu tư công kế hoạch năm 2026 giải ngân đến hết tháng 1 được bao nhiêu?")
    store = SimpleNamespace(doc_by_name={
        "annual": SimpleNamespace(period=Period("year", 2025)),
        "quarter": SimpleNamespace(period=Period("quarter", 2026, 1)),
        "january": SimpleNamespace(period=Period("month", 2026, 1)),
    })

    def hit(doc, sentence, section=None):
        return SimpleNamespace(passage=SimpleNamespace(doc=doc, period=section, text=sentence, kind="body"))
    aim = "Phấn đấu giải ngân 100% kế hoạch vốn năm 2026."
    assert other_span(asked, hit("annual", aim, Period("year", 2026)), aim, store)
    total = "Kế hoạch vốn đầu tư công năm 2026 là 20.046,5 tỷ đồng. Đến ngày 20/3/2026 giải ngân 2.846,4 tỷ đồng."
    assert other_span(asked, hit("quarter", total), total, store)
    named = "Kế hoạch vốn năm 2026 đến hết ngày 31/01/2026 giải ngân 486,5 tỷ đồng, đạt 3,5% kế hoạch."
    assert not other_span(asked, hit("quarter", named), named, store)  # the sentence counts to the date
    plain = "Giải ngân kế hoạch vốn năm 2026 được 150 tỷ đồng, đạt 7,9% kế hoạch."
    assert not other_span(asked, hit("january", plain), plain, store)  # January's report ends at the date
    # the claim check is shown the other date's figure: it names that date itself
    import dataclasses
    assert not other_span(dataclasses.replace(asked, dates_apart=True), hit("quarter", total), total, store)


def test_a_plans_value_in_brackets_is_no_result_of_the_year():
    # figures invented (set W): '78,4% kế hoạch năm 2024 (18.650 triệu USD)' gives the year's aim, not its result
    from tracuu.qa.fit import states_baseline_value
    from tracuu.qa.query import parse_query
    year = parse_query("Kim ngạch xuất khẩu cả năm 2024 đạt bao nhiêu?")
    assert not states_baseline_value(year, "9 tháng ước đạt 14.618,6 triệu USD, bằng 78,4% kế hoạch năm 2024 "
                                           "(18.650 triệu USD).", 2024)
    before = parse_query("Thu ngân sách năm 2022 bao nhiêu?")
    assert states_baseline_value(before, "6 tháng đạt 9.000 tỷ đồng, tăng 5% so với thực hiện năm 2022 (18.220 tỷ đồng).",
                                 2023)
    # words between the plan's noun and its year (set AS: 'kế hoạch vốn năm 2023 (4.246,8 tỷ đồng)' in a half year's
    # article is the capital planned, no 2023 result)
    y23 = parse_query("Tổng thu ngân sách cả năm 2023 của tỉnh là bao nhiêu?")
    assert not states_baseline_value(y23, "Giải ngân đến ngày 30/6/2023 đạt 1.639,3 tỷ đồng, bằng 38,6% kế hoạch vốn năm "
                                          "2023 (4.246,8 tỷ đồng).", 2023)


def test_a_report_of_no_province_ranks_after_the_asked_province_s_unless_it_names_it():
    from tracuu.index.store import Hit
    from tracuu.ingest.types import Passage
    from tracuu.qa.retrieve import period_signals
    # invented: a regional bulletin (no province of its own) listing provinces' revenue, and the asked province's report
    region = _doc("vung.txt", None, Period("year", 2022))
    own = _doc("dn.txt", "Đồng Nai", Period("year", 2022))
    store = SimpleNamespace(documents=[region, own], doc_by_name={"vung.txt": region, "dn.txt": own})

    def signals(doc, text):
        return period_signals(parse_query("Thu ngân sách nhà nước tỉnh Đồng Nai năm 2022"),
                              Hit(Passage(id="x", doc=doc, text=text, section="", period=Period("year", 2022), line_start=1,
                                          line_end=1, char_start=0, char_end=len(text)), 0), store)
    assert signals("vung.txt", "- Lâm Đồng: 11.720,4 tỷ đồng, bằng 118,4% dự toán.").get("province") == -1.0
    assert signals("vung.txt", "- Đồng Nai: 56.120 tỷ đồng.").get("province") is None  # it speaks of the one asked
    assert signals("dn.txt", "Thu ngân sách đạt 62.846,3 tỷ đồng.").get("province") is None


def test_a_figure_of_a_year_after_its_report_s_is_a_target():
    """Đắk Lắk's 2025 speech (set G; invented): 'Năm 2026, UBND tỉnh trình HĐND tỉnh các chỉ tiêu chủ yếu như sau: ...
    tổng thu ngân sách nhà nước trên địa bàn 20.500 tỷ đồng' — a report holds no result of a year after its own."""
    from types import SimpleNamespace
    from tracuu.ingest.types import Period
    from tracuu.qa.query import parse_query
    from tracuu.qa.wording import figures_of
    doc = SimpleNamespace(period=Period("year", 2025), next_period=None, plans=lambda p: False, province="Đắk Lắk")
    store = SimpleNamespace(doc_by_name={"g.txt": doc}, lexical=None)
    cited = SimpleNamespace(doc="g.txt", section_period=None)
    quote = ("Năm 2026, UBND tỉnh trình HĐND tỉnh các chỉ tiêu chủ yếu như sau: tốc độ tăng trưởng GRDP từ 10% trở lên; "
             "GRDP bình quân đầu người khoảng 82 triệu đồng; tổng thu ngân sách nhà nước trên địa bàn 20.500 tỷ đồng; kim "
             "ngạch xuất khẩu 2.800 triệu USD.")
    figs = figures_of(parse_query("Năm 2026 Đắk Lắk đã thu ngân sách được bao nhiêu?"), [(1, quote)], cited, store)
    assert [f.kind for f in figs if f.value == "20.500"] == ["target"], [(f.value, f.kind) for f in figs]
    # the report's own year stays a result
    figs = figures_of(parse_query("Năm 2025 Đắk Lắk thu ngân sách được bao nhiêu?"),
                      [(1, "Năm 2025, tổng thu ngân sách nhà nước trên địa bàn đạt 18.612,4 tỷ đồng.")], cited, store)
    assert figs and figs[0].kind == "result"


def test_a_few_days_figure_is_no_month_s_unless_those_days_are_asked():
    """'trong 09 ngày Tết' in February's release (set DO's Quảng Trị, invented): a few days' retail, no answer for the
    two months; asked of the days of Tết, it is the answer."""
    from tracuu.qa.fit import other_span
    store = SimpleNamespace(doc_by_name={"r": SimpleNamespace(period=Period("months", 2024, 2))})
    tet = "2. Thương mại: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trong 09 ngày Tết ước đạt 812,3 tỷ đồng."
    hit = SimpleNamespace(passage=SimpleNamespace(doc="r", period=None, text=tet, kind="body"))
    assert other_span(parse_query("tong muc ban le hang hoa Quang Tri 2 thang dau nam 2024"), hit, tet, store)
    assert not other_span(parse_query("bán lẻ hàng hóa Quảng Trị trong 9 ngày Tết 2024"), hit, tet, store)
    assert not other_span(parse_query("doanh thu ban le Quang Tri dip tet giap thin 2024"), hit, tet, store)
    whole = "Lũy kế 02 tháng ước đạt 5.792,1 tỷ đồng, tăng 10,6% so với cùng kỳ."
    assert not other_span(parse_query("tong muc ban le hang hoa Quang Tri 2 thang dau nam 2024"), hit, whole, store)
