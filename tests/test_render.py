"""ui.render: what the chat shows."""
from tracuu.ui.render import trend_frame


def _row(label, number, unit, kind="result"):
    return {"period": {"label": label}, "kind": kind, "figures": [{"number": number, "unit": unit, "kind": "result"}]}


def test_a_trend_chart_draws_results_of_one_unit_however_printed_never_a_target():
    """'1.622 nghìn lượt' (clean) and '2.820,9 nghin luot' (OCR) are one unit; '755.950 lượt' another scale, and the
    2022 goal a target (rows as the sample reports' tourist series, values from them)."""
    frame, unit = trend_frame({"rows": [_row("năm 2021", 1622, "nghìn lượt"), _row("quý I/2022", 755950, "lượt"),
                                        _row("năm 2022", 3460, "nghìn lượt", kind="target"),
                                        _row("6 tháng đầu năm 2023", 2820.9, "nghin luot"),
                                        _row("tháng 01/2023", 250.95, "nghìn lượt")]})
    assert list(frame["Kỳ"]) == ["năm 2021", "6 tháng đầu năm 2023", "tháng 01/2023"] and unit == "nghìn lượt"
