"""qa.combine: several answers as one, a line each; invented figures."""
from tracuu.ingest.types import Period
from tracuu.qa.answer import Answer, Citation
from tracuu.qa.combine import combine
from tracuu.qa.figures import Figure


def _cite(n: int) -> Citation:
    return Citation(n, "x.txt", "Báo cáo", Period("year", 2024), "", 1, 1, "...", 1.0)


def test_a_table_row_shows_each_answer_s_figure_line_a_plan_s_too():
    result = Answer("q", True, "Số xã đạt chuẩn (năm 2024): 12/15 xã [1]\nTheo Báo cáo ...: Năm 2024 ... 12/15 xã [1].",
                    Period("year", 2024), [_cite(1)], figures=[Figure("12/15", 12 / 15, "xã", "Số xã đạt chuẩn", Period("year", 2024), "result", 1)])
    plan = Answer("q", False, "Chưa có số liệu thực hiện năm 2025 trong các báo cáo đã nạp; báo cáo chỉ nêu mục tiêu, "
                  "kế hoạch:\nCó thêm (mục tiêu, kế hoạch năm 2025): 01 xã đạt chuẩn [1]\nTheo Báo cáo ...",
                  Period("year", 2025), [_cite(1)], figures=[Figure("01", 1, "xã", "Có thêm", Period("year", 2025), "target", 1)],
                  plan_only=True)
    lines = combine("q", [("năm 2024", result), ("năm 2025 (mục tiêu, kế hoạch)", plan)], brief=True).answer.split("\n")
    assert lines == ["năm 2024: Số xã đạt chuẩn (năm 2024): 12/15 xã [1]",
                     "năm 2025 (mục tiêu, kế hoạch): Có thêm (mục tiêu, kế hoạch năm 2025): 01 xã đạt chuẩn [2]"]
