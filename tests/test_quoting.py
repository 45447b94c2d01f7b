"""What an answer prints around its quotes (qa/quoting.py)."""
from tracuu.qa.quoting import compose, not_compiled_part


def test_compose_marks_each_passage_once_after_its_last_quote():
    line = compose([(1, "Vốn đầu tư công giải ngân 1.158,8 tỷ đồng;"), (1, "đạt 45,2% kế hoạch."),
                    (2, "Thu ngân sách ước đạt 2.010 tỷ đồng")], "Theo Báo cáo số 327/BC-UBND")
    assert line == ("Theo Báo cáo số 327/BC-UBND: Vốn đầu tư công giải ngân 1.158,8 tỷ đồng. đạt 45,2% kế hoạch [1]. "
                    "Thu ngân sách ước đạt 2.010 tỷ đồng [2].")


def test_not_compiled_part_keeps_the_sentence_that_says_so():
    quote = ("Xuất khẩu tăng khá. Do thay đổi phương pháp nên chưa tổng hợp kim ngạch xuất khẩu theo quý. "
             "Nhập khẩu giảm 2%.")
    assert not_compiled_part(quote) == "Do thay đổi phương pháp nên chưa tổng hợp kim ngạch xuất khẩu theo quý."
    assert not_compiled_part("Nhập khẩu giảm 2%.") == "Nhập khẩu giảm 2%."
