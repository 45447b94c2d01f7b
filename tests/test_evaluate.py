"""qa.evaluate: the measures the question sets are scored by (answers of the engine's own shape, figures invented)."""
from tracuu.qa.answer import Answer
from tracuu.qa.evaluate import evaluate, lead_figure_ok
from tracuu.qa.figures import extract

QUOTE = ("Lũy kế 10 tháng, kim ngạch xuất khẩu đạt 1.053,7 triệu USD, tăng 28,3% so với cùng kỳ; trong đó mặt hàng tôm "
         "đông lạnh đạt 812,6 triệu USD.")


def _answer(first: str) -> Answer:
    figs = extract(QUOTE)
    figs = [f for f in figs if f.value == first] + [f for f in figs if f.value != first]
    return Answer("xuất khẩu tôm 10 tháng", True, QUOTE, None, figures=figs)


def test_the_lead_figure_is_judged_by_the_pinned_numbers():
    """A quote holding the pinned figure, with another figure stated first, is a wrong lead (figure accuracy, which reads
    the whole answer, would pass it)."""
    must = ["tôm đông lạnh đạt 812,6 triệu USD"]
    assert lead_figure_ok(_answer("812,6"), must) is True
    assert lead_figure_ok(_answer("1.053,7"), must) is False
    # not judged: a refusal, an answer stating no figure, a question pinning no number
    refused = Answer("q", False, "Không tìm thấy số liệu", None)
    assert lead_figure_ok(refused, must) is None
    assert lead_figure_ok(Answer("q", True, QUOTE, None), must) is None
    assert lead_figure_ok(_answer("812,6"), ["Hội An"]) is None


def test_the_report_gives_the_lead_figure_accuracy(sample_engine, tmp_path):
    """On the dev questions the samples answer, the summary states the share of right first figures."""
    from tests.conftest import DEV
    lines = [x for x in DEV.read_text("utf-8").splitlines() if x.strip()][:6]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    report = evaluate(sample_engine, path)
    assert report.lead_judged >= 4  # (d004 pins a decree's number, stated in no figure line)
    assert report.summary()["lead_figure_accuracy"] == round(report.lead_ok / report.lead_judged, 3)
    assert report.lead_ok >= report.lead_judged - 1  # a quality floor: at most one wrong first figure of these


def test_another_report_s_figure_said_beside_the_answer_is_not_the_answer_s():
    """The line naming another report's figure (qa.disagree) holds a number the answer does not give: figure accuracy
    does not count it."""
    from tracuu.qa.disagree import NOTE
    from tracuu.qa.evaluate import figure_ok
    text = f"{QUOTE}\n{NOTE} — 1.098,2 triệu USD theo b.txt [2]: “Kim ngạch xuất khẩu 10 tháng đạt 1.098,2 triệu USD.”"
    ans = Answer("xuất khẩu 10 tháng", True, text, None, figures=extract(QUOTE))
    assert figure_ok(ans, ["đạt 1.053,7 triệu USD"])
    assert not figure_ok(ans, ["đạt 1.098,2 triệu USD"])
