"""A line that names only its part ('- Khu vực Bến Tre (cũ)', 'Phân theo khu vực: ...') finds its whole in what
is printed before it: the passage before (store.preceding_of), the row above (parts.lead_in); its place owns
its figures (scope), and a plan asked of a row with no plan cell is refused (wording.no_plan_cell).
Figures invented, in the layout of a post-merger statistics table."""
from tracuu.index.store import in_section, preceding_of
from tracuu.ingest.types import Passage
from tracuu.qa.parts import lead_in, part_asked
from tracuu.qa.figures import extract
from tracuu.qa.query import parse_query
from tracuu.qa.scope import elsewhere_figure
from tracuu.qa.wording import no_plan_cell

CELLS = "ĐVT: triệu USD; Thực hiện 10 tháng 2024: {a}; Kế hoạch năm 2025: {p}; Ước thực hiện 10 tháng 2025: {b}"
ROWS = [("Kim ngạch xuất khẩu hàng hóa", "3.621,4", "4.680", "4.132,6"),
        ("- Khu vực Vĩnh Long (cũ)", "896,2", "-", "1.012,4"),
        ("- Khu vực Bến Tre (cũ)", "1.512,4", "-", "1.732,6"),
        ("Kim ngạch nhập khẩu hàng hóa", "2.100,0", "2.500", "2.310,5")]


def _passage(i: int, text: str, kind: str = "table", section: str = "", doc: str = "bieu.md") -> Passage:
    return Passage(id=f"{doc}:{i}", doc=doc, text=text, section=section, period=None, line_start=i, line_end=i,
                   char_start=0, char_end=len(text), kind=kind)


class _Rows:
    """The store methods the lead-in and the parts read, over hand-built passages."""

    def __init__(self, passages: list[Passage]):
        self.passages = passages

    def preceding(self, passage: Passage) -> Passage | None:
        return preceding_of(passage, [p for p in self.passages if p.kind != "footnote" and p.doc == passage.doc])

    def section_passages(self, passage: Passage) -> list[Passage]:
        return in_section(passage, [p for p in self.passages if p.kind != "footnote" and p.doc == passage.doc])


def _table() -> list[Passage]:
    return [_passage(10 + i, f"Bảng 1 > {label} > " + CELLS.format(a=a, p=p, b=b))
            for i, (label, a, p, b) in enumerate(ROWS)]


def test_the_passage_printed_before_in_the_same_section():
    a, b = _passage(5, "Tổng: 10 tỷ đồng.", "body", "II > 1"), _passage(9, "Khu vực A: 4 tỷ đồng.", "body", "II > 1")
    other = _passage(7, "Khác: 3.", "body", "II > 2")  # nearer, but of another section
    assert preceding_of(b, [a, other, b]) is a
    assert preceding_of(a, [a, other, b]) is None  # first of its section


def test_a_part_s_row_takes_the_label_of_the_row_above_that_names_something():
    rows = _table()
    store = _Rows(rows)
    assert lead_in(rows[2], store) == "Kim ngạch xuất khẩu hàng hóa"
    assert lead_in(rows[1], store) == "Kim ngạch xuất khẩu hàng hóa"
    assert lead_in(rows[0], store) == ""  # names its own
    assert lead_in(rows[3], store) == ""


def test_a_breakdown_paragraph_takes_the_sentence_before_it():
    total = _passage(22, "Tính chung 2 tháng, kim ngạch xuất khẩu đạt 839,3 triệu USD. Tăng 7,2%.", "body", "4")
    part = _passage(23, "Phân theo khu vực: khu vực Hậu Giang (cũ) đạt 151,9 triệu USD.", "body", "4")
    own = _passage(24, "Kim ngạch nhập khẩu 2 tháng đạt 312,6 triệu USD.", "body", "4")
    store = _Rows([total, part, own])
    assert lead_in(part, store) == total.text
    assert lead_in(own, store) == ""


def test_a_row_s_figures_are_its_label_s_place():
    row = _table()[2].text
    asked = parse_query("khu vuc ben tre cu xuat khau 10 thang nam 2025")
    assert not elsewhere_figure(asked, row, "Vĩnh Long")
    other = parse_query("khu vực Trà Vinh cũ xuất khẩu 10 tháng năm 2025")
    assert elsewhere_figure(other, row, "Vĩnh Long")  # Bến Tre's figures answer no question about Trà Vinh


def test_a_plan_asked_of_a_row_without_a_plan_cell_is_refused():
    part, whole = _table()[2].text, _table()[0].text
    for q in ("Kế hoạch xuất khẩu năm 2025 của khu vực Bến Tre cũ là bao nhiêu?", "ben tre muc tieu xuat khau 2025"):
        held = no_plan_cell(parse_query(q), extract(part))
        assert held and "Ước thực hiện 10 tháng 2025" in held
        assert no_plan_cell(parse_query(q), extract(whole)) is None  # 'Kế hoạch năm 2025: 4.680' answers
    assert no_plan_cell(parse_query("xuất khẩu 10 tháng 2025 khu vực Bến Tre cũ"), extract(part)) is None
    assert no_plan_cell(parse_query("kế hoạch xuất khẩu năm 2025"), extract("Xuất khẩu đạt 4.132,6 triệu USD.")) is None


def test_a_note_s_whole_is_the_sentence_carrying_its_mark():
    note = _passage(40, "⁶ Hỗ trợ thành lập 09 hợp tác xã (180 triệu đồng).", kind="footnote")
    assert lead_in(note, _Rows([note])) == ""  # not known: nothing borrowed
    note.marked_by = "Tiếp tục thực hiện chính sách hỗ trợ phát triển hợp tác xã nông nghiệp trên địa bàn tỉnh⁶."
    assert lead_in(note, _Rows([note])) == note.marked_by


def test_a_part_asked_by_its_own_words_answers_from_its_row_not_its_whole_s():
    """'Tổng sản lượng thủy sản' with '- Khai thác' and '- Nuôi trồng' printed under it (set CN's Ninh Thuận, figures
    invented): asked of the fishing catch, its row answers; asked of the whole, the whole's; a row of another whole
    (below the next unmarked row) is not a part of it."""
    from tracuu.index.store import Hit
    from tracuu.qa.extract import Evidence
    cap = "MỘT SỐ CHỈ TIÊU THÁNG 11 VÀ 11 THÁNG NĂM 2027"

    def row(line, label, value):
        return Passage(id=str(line), doc="a.txt", text=f"{cap} > {label} > ĐVT: tấn; Ước thực hiện 11 tháng: {value}",
                       section="", period=None, line_start=line, line_end=line, char_start=0, char_end=0, kind="table")
    rows = [row(18, "Tổng sản lượng thủy sản", "116.470"), row(19, "- Khai thác", "101.380"),
            row(20, "- Nuôi trồng", "15.090"), row(21, "Sản lượng muối", "448.350"), row(22, "- Khai thác", "9")]
    hits = [Hit(passage=p, row=i) for i, p in enumerate(rows)]
    ev = [Evidence(hit_index=i, sentence=p.text, coverage=0.5, score=1.0, figure=True) for i, p in enumerate(rows)]
    store = _Rows(rows)
    assert part_asked("Sản lượng thủy sản khai thác 11 tháng năm 2027", ev[0], ev[::-1], hits, store) is ev[1]
    assert part_asked("sản lượng thủy sản nuôi trồng 11 tháng 2027", ev[0], ev, hits, store) is ev[2]
    assert part_asked("Tổng sản lượng thủy sản 11 tháng năm 2027", ev[0], ev, hits, store) is ev[0]
    assert part_asked("Sản lượng muối khai thác 11 tháng năm 2027", ev[3], ev, hits, store) is ev[4]
    assert part_asked("Sản lượng muối 11 tháng năm 2027", ev[3], ev, hits, store) is ev[3]
