"""Which figures a report states as aims (`qa.aims`), on invented sentences read by `qa.figures.extract`."""
from tracuu.ingest.types import Period
from tracuu.qa.aims import aimed, aims_at, aims_share
from tracuu.qa.figures import extract


def test_a_figure_for_a_period_after_the_report_s_own_is_an_aim():
    fig = extract("Năm 2026, tổng thu ngân sách nhà nước trên địa bàn 20.500 tỷ đồng.")[0]
    assert fig.kind == "result" and aimed(fig, Period("year", 2025))  # said in a 2025 report: a plan
    assert not aimed(fig, Period("year", 2026)) and not aimed(fig, None)



def test_a_year_s_plan_counted_at_a_date_of_the_report_is_a_result_not_an_aim():
    """'giải ngân kế hoạch vốn năm 2022 tính đến hết ngày 30/11/2022 là 2.461,10 tỷ đồng' in a report to 30/11/2022:
    the state at that date, though the plan's year ends later (invented sentence)."""
    own = Period("months", 2022, 11)
    q = "Tổng giá trị giải ngân kế hoạch vốn năm 2022 tính đến hết ngày 30/11/2022 là 2.461,10 tỷ đồng."
    assert not aimed(extract(q, period=own, own=own)[0], own)
    plan = "Năm 2022 phấn đấu giải ngân 3.912,64 tỷ đồng."
    assert aimed(extract(plan, period=own, own=own)[0], own)


def test_a_share_aimed_at_is_an_aim_and_one_reached_is_not():
    # invented sentences: the same share, aimed at and reached
    aim = next(f for f in extract("Phấn đấu đến ngày 31/12/2024 giải ngân đạt 85% kế hoạch vốn.") if f.value == "85")
    got = next(f for f in extract("Đến ngày 30/11/2024 giải ngân đạt 71,4% kế hoạch vốn.") if f.value == "71,4")
    assert aims_share(aim) and not aims_share(got)
    assert aims_at(aim, set()) and not aims_at(got, {(2024, 11)})
