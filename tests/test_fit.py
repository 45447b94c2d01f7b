"""qa.fit: how the periods the index holds fit the asked one (hand-built documents, no index)."""
from types import SimpleNamespace

from tracuu.ingest.types import Document, Period
from tracuu.qa.fit import only_plans_cover
from tracuu.qa.query import parse_query


def _doc(name, province, period, next_period=None):
    return Document(name, "", "báo cáo", None, None, period, next_period, None, "", "", "txt", province=province)


# invented: a half-year 2022 release planning the second half, an annual 2022 report planning 2023
STORE = SimpleNamespace(documents=[
    _doc("qt_6t2022.txt", "Quảng Trị", Period("half", 2022, 1), Period("half", 2022, 2)),
    _doc("ls_2022.txt", "Lạng Sơn", Period("year", 2022), Period("year", 2023)),
])


def test_a_period_only_plans_speak_of_for_the_place():
    year_2022 = parse_query("Thu ngân sách cả năm 2022 của Quảng Trị đạt bao nhiêu?")
    assert only_plans_cover(year_2022, STORE, "Quảng Trị")  # its half-year results do not cover the year
    assert not only_plans_cover(year_2022, STORE, "Lạng Sơn")  # Lạng Sơn's annual report does
    assert only_plans_cover(parse_query("thu ngân sách năm 2023"), STORE, "Lạng Sơn")
    assert not only_plans_cover(parse_query("thu ngân sách 6 tháng đầu năm 2022"), STORE, "Quảng Trị")
    assert not only_plans_cover(parse_query("thu ngân sách năm 2025"), STORE, "Lạng Sơn")  # nothing at all: not a plan
