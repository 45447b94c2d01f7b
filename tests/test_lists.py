"""qa.lists: which items fell short. On an invented HĐND news item (tests/data/invented/pt_hdnd_nam2026.txt, every
figure invented): a sentence counting what was met, one naming what was not, and a table with an outcome column."""
import pytest

from tracuu.qa.engine import AskOptions
from tracuu.qa.extract import Evidence
from tracuu.qa.lists import asks_which, outcome_rows, shortfall_named
from tracuu.qa.query import parse_query

DOC = "pt_hdnd_nam2026.txt"


@pytest.fixture(scope="module")
def report(invented_engine):
    store = invented_engine.store
    passages = [p for p in store.passages if p.doc == DOC]
    rows = {p.text.split(" > ")[1]: p for p in passages if p.kind == "table"}
    return invented_engine, store, passages, rows


def _ev(sentence: str, coverage: float) -> Evidence:
    return Evidence(hit_index=0, sentence=sentence, coverage=coverage, score=1.0, figure=True)


def test_which_items_are_asked():
    assert asks_which("Những chỉ tiêu nào của Phú Thọ năm 2026 không đạt kế hoạch?")
    assert asks_which("phu tho nam 2026 co cac chi tieu nao chua hoan thanh")
    assert asks_which("Chỉ tiêu nào của Phú Thọ năm 2026 không đạt kế hoạch?")
    assert not asks_which("Kim ngạch xuất khẩu Phú Thọ năm 2026 đạt bao nhiêu?")
    assert not asks_which("Khi nào Phú Thọ công bố số liệu năm 2026?")


def test_the_sentence_naming_the_shortfall_over_the_count_of_what_was_met(report):
    _, _, passages, _ = report
    text = " ".join(p.text for p in passages)
    met = _ev("ước cả năm có 19/22 chỉ tiêu chủ yếu đạt và vượt kế hoạch.", 0.44)
    short = _ev("Còn 3 chỉ tiêu không đạt kế hoạch là: kim ngạch xuất khẩu (ước 9.415 triệu USD, kế hoạch 9.800 "
                "triệu USD)", 0.37)
    assert met.sentence[:40] in text and short.sentence[:40] in text
    q = parse_query("Năm 2026 Phú Thọ có những chỉ tiêu chủ yếu nào không đạt kế hoạch?")
    assert shortfall_named(q, met, [met, short]) is short
    assert shortfall_named(parse_query("phu tho nam 2026 chi tieu nao chua hoan thanh ke hoach"), met,
                           [met, short]) is short
    # covering much less of the question, it does not stand in; nor is anything changed when no shortfall is asked
    assert shortfall_named(q, met, [met, _ev(short.sentence, 0.2)]) is met
    assert shortfall_named(parse_query("Phú Thọ năm 2026 có bao nhiêu chỉ tiêu đạt và vượt kế hoạch?"), met,
                           [met, short]) is met


def test_every_row_of_the_outcome_asked(report):
    _, store, _, rows = report
    q = parse_query("Những chỉ tiêu nào của Phú Thọ năm 2026 có đánh giá không đạt?")
    outcome, alike = outcome_rows(q, rows["Số doanh nghiệp thành lập mới"], store)
    assert outcome == "Đánh giá: Không đạt"
    assert [p.text.split(" > ")[1] for p in alike] == ["Kim ngạch xuất khẩu", "Số doanh nghiệp thành lập mới",
                                                        "Tỷ lệ đô thị hóa"]
    # 'đạt' asked: the rows of 'Đạt', not of 'Không đạt' (the cell is read whole)
    outcome, alike = outcome_rows(parse_query("Những chỉ tiêu nào của Phú Thọ năm 2026 có đánh giá đạt?"),
                                  rows["Tỷ lệ hộ nghèo"], store)
    assert [p.text.split(" > ")[1] for p in alike] == ["Tỷ lệ hộ nghèo", "Số bác sĩ/vạn dân"]
    # a shortfall said the other way ('chưa đạt' for the cells' 'Không đạt'; set BV's Vĩnh Phúc)
    outcome, alike = outcome_rows(parse_query("Những chỉ tiêu chủ yếu nào của Phú Thọ năm 2026 chưa đạt kế hoạch?"),
                                  rows["Kim ngạch xuất khẩu"], store)
    assert outcome == "Đánh giá: Không đạt" and len(alike) == 3
    # no list asked, or a row whose outcome the question does not say: the row alone
    assert outcome_rows(parse_query("Kim ngạch xuất khẩu Phú Thọ năm 2026"), rows["Kim ngạch xuất khẩu"], store)[1] == []
    assert outcome_rows(q, rows["Tốc độ tăng trưởng GRDP"], store)[1] == []


def test_the_answer_names_each_item_and_cites_each_row(report):
    engine, _, _, _ = report
    a = engine.ask("Những chỉ tiêu nào của Phú Thọ năm 2026 không đạt kế hoạch?", AskOptions(k=10))
    assert a.answered
    for item in ("9.415", "2.140", "31,6"):
        assert item in a.answer
    a = engine.ask("Trong bảng kết quả năm 2026 của Phú Thọ, những chỉ tiêu nào có đánh giá không đạt?",
                   AskOptions(k=10))
    assert a.answered
    assert a.citations[0].kind == "table"  # answered from the table: each row is its own source, verbatim
    assert a.answer.startswith("Các dòng có “Đánh giá: Không đạt”: Kim ngạch xuất khẩu; Số doanh nghiệp")
    labels = {c.text.split(" > ")[1] for c in a.citations[:3]}
    assert labels == {"Kim ngạch xuất khẩu", "Số doanh nghiệp thành lập mới", "Tỷ lệ đô thị hóa"}
    assert all(c.quote and c.quote in c.text for c in a.citations[:3])


def test_a_quote_whose_figures_are_all_another_period_s_answers_nothing(invented_engine):
    """A press article's lead names 'quý III và 9 tháng năm 2026' and states only the 9 months' GRDP
    (tests/data/invented/st_bao_9thang_2026.txt, figures invented): asked the quarter, the answer is no 9-month figure
    (BT's Sóc Trăng had been answered 7,86% for quý III); asked the 9 months, that figure answers."""
    quarter = invented_engine.ask("tang truong grdp soc trang quy 3 2026", AskOptions(k=10))
    assert not quarter.answered and "7,36" not in quarter.answer.split("\n")[0]
    nine = invented_engine.ask("tăng trưởng GRDP Sóc Trăng 9 tháng năm 2026", AskOptions(k=10))
    assert nine.answered and "7,36" in nine.answer
