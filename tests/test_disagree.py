"""qa.disagree: another report of the place stating the answer's figure otherwise, said beside the answer. On two
invented reports of Lai Châu for 6 tháng đầu năm 2027 (tests/data/invented/lch_*.txt, every figure invented): the
People's Committee report and a newspaper article that gives other disbursement figures, GRDP rounded, the same
tourist count, and another budget target for the year."""
from tracuu.qa.disagree import NOTE
from tracuu.qa.engine import AskOptions


def _ask(engine, question):
    return engine.ask(question, AskOptions(k=10))


def test_another_report_s_other_figure_for_the_period_is_named_and_quoted(invented_engine):
    ans = _ask(invented_engine, "giải ngân vốn đầu tư công Lai Châu 6 tháng đầu năm 2027")
    assert ans.answered, ans.answer
    assert ans.figures[0].value in ("1.198,3", "1.245,6")
    other = {"1.198,3": "1.245,6", "1.245,6": "1.198,3"}[ans.figures[0].value]
    assert len(ans.also_reported) == 1 and ans.also_reported[0]["figure"]["value"] == other
    cite = ans.citations[ans.also_reported[0]["n"] - 1]
    assert cite.doc != ans.citations[0].doc and cite.doc.startswith("lch_")
    note = next(x for x in ans.answer.splitlines() if x.startswith(NOTE))
    assert other in note and cite.quote in cite.text and cite.quote in note  # quoted verbatim, with its source
    assert ans.to_dict()["also_reported"][0]["doc"] == cite.doc


def test_a_rounded_or_equal_figure_of_another_report_is_no_disagreement(invented_engine):
    grdp = _ask(invented_engine, "tăng trưởng GRDP Lai Châu 6 tháng đầu năm 2027")  # 7,12% and 'khoảng 7,1%'
    assert grdp.answered and grdp.figures[0].value in ("7,12", "7,1")
    assert not grdp.also_reported and NOTE not in grdp.answer
    tourists = _ask(invented_engine, "khách du lịch Lai Châu 6 tháng đầu năm 2027")  # 812,5 nghìn lượt in both
    assert tourists.answered and tourists.figures[0].value == "812,5"
    assert not tourists.also_reported and "also_reported" not in tourists.to_dict()


def test_another_report_s_other_target_for_the_year_is_named_when_a_target_is_asked(invented_engine):
    """A resolution's and a revised plan's aim for one year: asked the target, the answer names the other report's
    (2.760 and 2.900 tỷ đồng); asked the half-year's result, no target is compared."""
    ans = _ask(invented_engine, "mục tiêu thu ngân sách nhà nước Lai Châu năm 2027 là bao nhiêu")
    assert ans.answered and ans.figures[0].value in ("2.760", "2.900"), ans.answer
    other = {"2.760": "2.900", "2.900": "2.760"}[ans.figures[0].value]
    assert len(ans.also_reported) == 1 and ans.also_reported[0]["figure"]["value"] == other
    assert ans.also_reported[0]["figure"]["kind"] == "target"
    note = next(x for x in ans.answer.splitlines() if x.startswith(NOTE))
    assert f"chỉ tiêu {other}" in note
    result = _ask(invented_engine, "thu ngân sách nhà nước Lai Châu 6 tháng đầu năm 2027")
    assert result.answered and result.figures[0].value == "1.356,8" and not result.also_reported
