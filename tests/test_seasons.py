"""Crop seasons named in questions and reports (invented sentences; figures invented)."""
from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import fold_ocr
from tracuu.qa.query import parse_query
from tracuu.qa.seasons import Season, season_fit, season_said, seasons_in


def _in(text):
    return seasons_in(fold_ocr(text))


def test_seasons_are_read_with_their_harvest_year_and_without_diacritics():
    assert _in("Vụ Đông Xuân 2023 - 2024 xuống giống 286.120 ha") == (Season("dong xuan", 2024),)
    assert _in("sản lượng lúa vụ Hè Thu năm 2024") == (Season("he thu", 2024),)
    assert _in("nang suat lua he thu 2022 cua tinh") == (Season("he thu", 2022),)
    assert _in("vụ Mùa 2023 gieo cấy 41.200 ha; vụ Xuân đạt 62 tạ/ha") == (Season("mua", 2023), Season("xuan", None))


def test_words_that_only_look_like_seasons_are_not_read():
    assert _in("cán bộ còn thụ động; mùa mưa bão năm 2023") == ()


def test_a_season_compared_with_is_a_baseline():
    assert _in("So với vụ Hè Thu năm 2023 (281.890 ha; 5,72 tấn/ha), năng suất tăng 0,14 tấn/ha") == ()
    assert _in("giá lúa 7.200 đồng/kg (Hè Thu 2023: 6.800 đồng/kg)") == ()
    # the question's period too: the year compared with is not the year asked
    assert parse_query("So với vụ Hè Thu năm 2023, sản lượng lúa Hè Thu 2024 tăng bao nhiêu?").periods[0].year == 2024
    assert [m.comparison for m in find_periods("tăng 3% so với vụ Mùa năm 2022") if m.period] == [True]


def test_the_sentence_or_its_heading_must_be_of_the_season_asked():
    asked = parse_query("Năng suất lúa vụ Hè Thu 2024 của tỉnh đạt bao nhiêu?").seasons
    assert season_fit(asked, "Năng suất bình quân 5,86 tấn/ha.", "I. KẾT QUẢ SẢN XUẤT VỤ HÈ THU NĂM 2024 > 1. Năng suất") == 1
    assert season_fit(asked, "Năng suất bình quân 7,02 tấn/ha.", "II. VỤ ĐÔNG XUÂN 2023 - 2024") == -1
    assert season_fit(asked, "Vụ Hè Thu năm 2023 đạt 5,72 tấn/ha.", "") == -1  # another year's
    assert season_fit(asked, "Tính chung hai vụ Đông Xuân và Hè Thu, sản lượng đạt 3.669,7 nghìn tấn", "") == -1
    assert season_fit(asked, "Sản lượng thủy sản đạt 448.620 tấn.", "II. THỦY SẢN") == 0
    assert season_fit(asked, "Năng suất lúa bình quân cả năm đạt 64,2 tạ/ha.", "I. VỤ HÈ THU NĂM 2024") == -1
    assert season_fit(parse_query("Sản lượng lúa năm 2024?").seasons, "vụ Đông Xuân 2023 - 2024", "") == 0


def test_the_season_said_keeps_its_printed_years_for_the_label():
    asked = parse_query("Kế hoạch vụ Đông Xuân 2024 - 2025 gieo sạ bao nhiêu ha?").seasons
    said = season_said(asked, "1. Diện tích gieo sạ 285.000 ha", "IV. KẾ HOẠCH VỤ ĐÔNG XUÂN 2024 - 2025")
    assert said == Season("dong xuan", 2025) and said.label == "vụ Đông Xuân 2024 - 2025"
    assert season_said(asked, "Vụ Đông Xuân 2023 - 2024 xuống giống 286.120 ha", "") is None
    assert season_said(asked, "Lúa cả năm 350.000 ha, sản lượng 2,3 triệu tấn; vụ Đông Xuân 2024 - 2025 xuống giống "
                              "190.000 ha", "") is None


def test_a_crop_year_or_school_year_is_one_span_asked_as_a_season_is():
    asked = parse_query("Sản lượng cà phê của Đắk Lắk niên vụ 2021 - 2022 là bao nhiêu?").seasons
    assert asked == (Season("nien vu", 2022),) and asked[0].label == "niên vụ 2021 - 2022"
    assert season_fit(asked, "sản lượng cà phê niên vụ 2021 - 2022 đạt 507.900 tấn nhân", "") == 1
    assert season_fit(asked, "Sản lượng cà phê nhân niên vụ 2024 - 2025 ước 586,4 nghìn tấn", "") == -1
    school = parse_query("tỷ lệ tốt nghiệp năm học 2022 - 2023").seasons
    assert season_fit(school, "Năm học 2023 - 2024 tỷ lệ tốt nghiệp đạt 99,2%", "") == -1
