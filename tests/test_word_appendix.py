"""A Word appendix with merged column headers (generated here; figures invented): the cell whose column
names the asked period and kind is the answer's first figure."""
import pytest

from tests.conftest import _built_engine


def _appendix(path):
    from docx import Document
    doc = Document()
    doc.add_paragraph("UBND TỈNH YÊN BÁI")
    doc.add_paragraph("BIỂU SỐ LIỆU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2023 TỈNH YÊN BÁI")
    head = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 6 tháng 2022", "Kế hoạch năm 2023", "Ước thực hiện 6 tháng 2023",
            "So sánh (%)", None]
    rows = [["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "2.015,3", "4.600", "2.310,7", "114,7", "50,2"],
            ["2", "Kim ngạch xuất khẩu hàng hóa", "Triệu USD", "61,4", "150", "72,9", "118,7", "48,6"]]
    table = doc.add_table(rows=2 + len(rows), cols=8)
    for j, text in enumerate(head):
        if text is None:
            continue
        if j < 6:  # the first six headers span both header rows
            table.cell(0, j).merge(table.cell(1, j)).text = text
    table.cell(0, 6).merge(table.cell(0, 7)).text = "So sánh (%)"
    table.cell(1, 6).text, table.cell(1, 7).text = "Cùng kỳ", "Kế hoạch"
    for i, row in enumerate(rows, 2):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    doc.save(path)


@pytest.fixture(scope="module")
def appendix_engine(tmp_path_factory, st_embedder):
    src = tmp_path_factory.mktemp("appendix_src") / "bieu"
    src.mkdir()
    _appendix(src / "bieu_yenbai_6t2023.docx")
    return _built_engine(tmp_path_factory, st_embedder, "appendix", [src])


@pytest.mark.parametrize("question, value, kind", [
    ("thu ngân sách Yên Bái 6 tháng đầu năm 2023 bao nhiêu", "2.310,7", "result"),
    ("kế hoạch năm 2023 thu ngân sách nhà nước Yên Bái", "4.600", "target"),
    ("thu ngân sách Yên Bái 6 tháng đầu năm 2022", "2.015,3", "result"),
    ("kim ngạch xuất khẩu Yên Bái 6 tháng 2023", "72,9", "result"),
])
def test_the_asked_periods_column_is_the_first_figure(appendix_engine, question, value, kind):
    ans = appendix_engine.ask(question)
    assert ans.answered, ans.answer
    assert (ans.figures[0].value, ans.figures[0].kind) == (value, kind), [(f.value, f.kind) for f in ans.figures]
    assert ans.answer.splitlines()[0].endswith(f"{value} {ans.figures[0].unit or ''}".strip() + " [1]") \
        or value in ans.answer.splitlines()[0]


def test_a_row_with_no_column_of_the_asked_period_does_not_answer(appendix_engine):
    # the table gives 6 tháng 2022, 6 tháng 2023 and the 2023 plan: no cell is 2023's or 2024's result
    ans = appendix_engine.ask("Kết quả thu ngân sách nhà nước cả năm 2022 của Yên Bái đạt bao nhiêu?")
    assert not ans.answered and "2.015,3" not in ans.answer.splitlines()[0], ans.answer
    # a results question for the plan's year: the plan is all there is, and the answer says so
    ans = appendix_engine.ask("Yên Bái thu ngân sách nhà nước năm 2023 được bao nhiêu?")
    assert not ans.answered and ans.plan_only and "4.600" in ans.answer, ans.answer
