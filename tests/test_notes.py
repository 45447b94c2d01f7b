"""qa/notes.py: a footnote read as the sentence marking it going on; its item naming what is asked states the figure.
The unit tests' figures are invented; the engine tests ask the sample reports."""
import pytest

from tracuu.ingest.types import Passage
from tracuu.qa.engine import AskOptions
from tracuu.qa.notes import asked_item, asks_part, dated_item, items, marked_notes, names_the_part, other_time
from tracuu.qa.query import parse_query

NOTE = ("⁵ Điện sản xuất 48,2 TrKw/h, đạt 7,1% so với kế hoạch, giảm 3,5% với cùng kỳ; Than sạch: 41 nghìn tấn, "
        "đạt 8,2%, tăng 1,4%; Xi măng: 52 nghìn tấn (clinker 20; gạch 9), đạt 6,1%, tăng 2,7%.")
SENTENCE = "Sản lượng một số sản phẩm chủ yếu như: than sạch, xi măng, nước máy tăng so với cùng kỳ⁵."


def _note(text: str, n: str = "5") -> Passage:
    return Passage(id=f"x:{n}", doc="x.txt", text=text, section="", period=None, line_start=9, line_end=9,
                   char_start=0, char_end=len(text), kind="footnote")


def test_a_note_splits_into_its_items_at_semicolons_outside_brackets():
    got = items(NOTE)
    assert got[0].startswith("⁵ Điện sản xuất 48,2")  # the first keeps the mark: its figures break down the marked one and got[-1].startswith("Xi măng: 52 nghìn tấn (clinker 20; gạch 9)")
    assert len(got) == 3


def test_the_item_naming_the_asked_part_before_its_figure_is_chosen():
    def said(text: str) -> float:  # 'xi măng' asked; every item repeats the comparison words
        return 2.0 * ("Xi măng" in text) + 1.0 * ("cùng kỳ" in text)
    item = asked_item(SENTENCE, [_note("⁴ Trong đó: vốn tỉnh 12 tỷ đồng.", "4"), _note(NOTE)], said, lambda t: True)
    assert item is not None and item.text.startswith("Xi măng: 52 nghìn tấn")
    assert asked_item(SENTENCE, [_note(NOTE)], said, lambda t: "Xi" not in t).text.startswith("⁵ Điện")
    assert asked_item("Không có dấu chú thích nào.", [_note(NOTE)], said, lambda t: True) is None


def test_a_note_is_found_by_its_mark_before_the_sentence_ingest_linked():
    linked = _note("hoạch giao đầu năm, Cụ thể: vốn trong nước 12 tỷ đồng.", "x")
    linked.marked_by = SENTENCE
    assert marked_notes(SENTENCE, [linked, _note(NOTE)])[0].text == NOTE
    assert marked_notes(SENTENCE, [linked])[0] is linked


def test_a_baseline_named_before_an_item_s_figure_is_another_period_s():
    assert other_time("Tỷ lệ giải ngân cùng kỳ năm 2022 là 648,5 tỷ/2.498,3 tỷ, đạt 26% kế hoạch")
    assert not other_time("Điện sản xuất 60,5 TrKw/h, đạt 6,8% so với kế hoạch, giảm 8,9% với cùng kỳ")


def test_a_question_asking_a_part_of_a_total():
    assert asks_part("Riêng dịp Tết Bính Ngọ 2026, số gạo hỗ trợ là bao nhiêu?")
    assert asks_part("Trong số sản phẩm OCOP đã xếp hạng, có bao nhiêu sản phẩm 4 sao?")
    assert not asks_part("trong 6 thang dau nam 2023 co bao nhieu san pham OCOP")
    assert not asks_part("Số gạo hỗ trợ đầu năm 2026 là bao nhiêu?")


@pytest.mark.parametrize("question, first, cited", [
    # 'Sản lượng ... xi măng ... tăng so với cùng kỳ⁵' states no figure; note 5 lists every product's
    ("Sản lượng xi măng tháng 01/2023", "65", "Xi măng: 65 nghìn tấn"),
    ("san luong xi mang thang 1/2023 tang bao nhieu % so voi cung ky", "4,4", "Xi măng: 65 nghìn tấn"),
    ("Sản lượng điện sản xuất tháng 1/2023 tăng hay giảm so với cùng kỳ, bao nhiêu phần trăm?", "8,9",
     "Điện sản xuất 60,5 TrKw/h"),
    # '534.030 kg’' (its mark damaged by OCR) totals the two parts its note gives
    ("Riêng dịp Tết Bính Ngọ 2026, số gạo hỗ trợ người dân Lạng Sơn là bao nhiêu kg?", "191.760", "191.760 kg"),
    ("so gao de xuat ho tro thoi diem giap hat dau nam 2026 la bao nhieu kg", "342.270", "342.270 kg"),
    # '... 87 sản phẩm OCOP được xếp hạng?®' (⁹ damaged) -> '⁹ Trong đó 68 sản phẩm 03 sao ...; 19 sản phẩm 04 sao
    # chiếm 21,8% (trong 6 tháng có 10 sản phẩm ...)': 'sản phẩm' printed 'san phim', the bracket's 10 an aside, and
    # 'Trong số X, có bao nhiêu Y' asks Y's figure
    ("Trong số sản phẩm OCOP đã được xếp hạng của Lạng Sơn tính đến giữa năm 2023, có bao nhiêu sản phẩm đạt 4 sao?",
     "19", "19 san phim 04 sao"),
])
def test_the_figure_asked_comes_from_the_item_of_the_note_the_sentence_marks(sample_engine, question, first, cited):
    a = sample_engine.ask(question, AskOptions(k=10))
    assert a.answered and a.figures and a.figures[0].value == first
    note = a.citations[a.figures[0].n - 1]
    assert cited in note.quote and len(note.quote) < 200  # the item, not the whole note


def test_last_year_s_figure_in_a_note_does_not_answer_for_this_year(sample_engine):
    # note 49 of the half-year report: 'Tỷ lệ giải ngân cùng kỳ năm 2022 là 648,5 tỷ/2.498,3 tỷ, đạt 26% kế hoạch'
    a = sample_engine.ask("giai ngan von dau tu cong ca nam 2023 lang son dat bao nhieu phan tram", AskOptions(k=10))
    assert not a.answered and "26%" not in a.answer.split("\n")[0]


def test_an_item_naming_the_part_asked_that_its_sentence_totals_states_the_figure_asked():
    """'Giải ngân ... đạt 2.914 tỷ đồng³' with '³ Trong đó: vốn ngân sách trung ương 1.046 tỷ đồng; vốn ngân sách địa
    phương 1.868 tỷ đồng' (set CK's Nam Định, figures invented): asked for the local budget's, the item names the part
    the sentence does not; asked for the total, it names nothing more; the country's rate beside it is no part."""
    sentence = "Giải ngân vốn đầu tư công đến ngày 15/6/2027 đạt 2.914 tỷ đồng³, bằng 41,2% kế hoạch vốn năm 2027."
    q = parse_query("giải ngân vốn đầu tư công nguồn ngân sách địa phương 6 tháng đầu năm 2027 tỉnh Nam Định")
    assert names_the_part(q, "vốn ngân sách địa phương 1.868 tỷ đồng", sentence, None)
    assert not names_the_part(parse_query("giải ngân vốn đầu tư công 6 tháng đầu năm 2027 tỉnh Nam Định"),
                              "vốn ngân sách địa phương 1.868 tỷ đồng", sentence, None)
    q = parse_query("Tỷ lệ giải ngân vốn đầu tư công 6 tháng đầu năm 2027 của tỉnh Nam Định?")
    assert not names_the_part(q, "⁴ Tỷ lệ giải ngân bình quân cả nước đạt 29,8% kế hoạch", sentence, None)


def test_an_item_naming_only_the_asked_period_splits_its_sentence_s_figure():
    """'¹ Quý I/2027 tăng 6,26%; quý II/2027 ước tăng 7,58%' under 'GRDP 6 tháng ... tăng 6,95%¹' (figures invented): the
    item of the quarter asked is dated; an item naming a measure, or another period, is not."""
    q = parse_query("Tăng trưởng GRDP quý II/2027 của tỉnh Thái Nguyên")
    assert dated_item(q, "quý II/2027 ước tăng 7,58% so với cùng kỳ")
    assert not dated_item(q, "¹ Quý I/2027 tăng 6,26%")
    assert not dated_item(q, "Công nghiệp quý II/2027 tăng 9,1%")
    assert not dated_item(parse_query("Tăng trưởng GRDP 6 tháng đầu năm 2027 của tỉnh Thái Nguyên"),
                          "quý II/2027 ước tăng 7,58% so với cùng kỳ")


def test_a_note_stating_the_period_its_sentence_names_only_as_baseline():
    """'(1) 9 tháng năm 2018 GRDP tăng 7,02%' under '... 9 tháng năm 2019 ước tăng 7,46% so với cùng kỳ năm 2018(1)'
    (set DA, figures invented), asked 'Cùng kỳ năm 2018, GRDP 9 tháng': the note answers; asked of 2019, it does not."""
    from tracuu.qa.notes import note_s_period
    note = "(1) 9 tháng năm 2018 GRDP tăng 7,02%."
    sentence = "Tổng sản phẩm trên địa bàn 9 tháng năm 2019 ước tăng 7,46% so với cùng kỳ năm 2018(1)."
    assert note_s_period(parse_query("Cùng kỳ năm 2018, GRDP 9 tháng của Tuyên Quang tăng bao nhiêu?"), note, sentence)
    assert not note_s_period(parse_query("GRDP 9 tháng năm 2019 của Tuyên Quang tăng bao nhiêu?"), note, sentence)


def test_a_note_s_item_of_another_span_names_no_part_asked():
    """'¹ ... số ước tính công bố trước đây của quý II là tăng 6,46%' under 'GRDP quý III/2024 ước tăng 7,11% ... quý II
    (tăng 6,85%)¹' (set DF's TP. Hồ Chí Minh, figures invented), asked for quý III: the note's figure is the second
    quarter's earlier estimate, no part of the one asked."""
    q = parse_query("GRDP quý III năm 2024 của TP. Hồ Chí Minh tăng bao nhiêu?")
    sentence = ("Tổng sản phẩm trên địa bàn (GRDP) quý III/2024 ước tăng 7,11% so với cùng kỳ năm trước, cao hơn quý I "
                "(tăng 5,79%) và quý II (tăng 6,85%)¹.")
    assert not names_the_part(q, "số ước tính công bố trước đây của quý II là tăng 6,46%", sentence, None)
