from tracuu.qa.verify import numbers_in, unsupported_numbers

SRC = "Két qua giai ngan trong 6 thang 1.158,8 ty dong, dat 29,8% téng ké hoach giao"


def test_numbers_are_read_whole():
    assert numbers_in("đạt 1.158,8 tỷ đồng, bằng 29,8% [1].") == ["1.158,8", "29,8"]


def test_an_answer_quoting_the_source_passes():
    ans = "Theo Báo cáo số 327/BC-UBND (6 tháng đầu năm 2023): giải ngân 1.158,8 tỷ đồng, đạt 29,8% [1]."
    assert unsupported_numbers(ans, [SRC, "327/BC-UBND 6 tháng đầu năm 2023"]) == []


def test_a_number_not_in_the_passages_is_rejected():
    assert unsupported_numbers("giải ngân 1.158,9 tỷ đồng [1].", [SRC]) == ["1.158,9"]
    assert unsupported_numbers("giải ngân 1158,8 tỷ đồng [1].", [SRC]) == ["1158,8"]  # not verbatim
