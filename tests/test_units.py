"""qa.units: reports of units below the province and the questions that name them (hand-built documents, no index)."""
from types import SimpleNamespace

from tracuu.ingest.types import Document, Period
from tracuu.qa.query import parse_query


def _doc(name, province, period, next_period=None):
    return Document(name, "", "báo cáo", None, None, period, next_period, None, "", "", "txt", province=province)


def test_a_report_of_a_unit_below_the_province_answers_for_that_unit():
    from tracuu.qa.units import unit_fit

    class _Docs:  # the one store attribute unit_fit reads (hashable, as stores are: a cache key)
        def __init__(self, docs):
            self.documents = docs
    ward = _doc("phuong.txt", "Nghệ An", Period("quarter", 2025, 3))
    ward.issuer = "UBND phường Trường Vinh"
    city = _doc("mongcai.txt", "Quảng Ninh", Period("year", 2024))
    city.issuer = "UBND thành phố Móng Cái"
    province = _doc("nghean.txt", "Nghệ An", Period("year", 2024))
    province.issuer = "UBND tỉnh Nghệ An"
    capital = _doc("hp.txt", "Hải Phòng", Period("year", 2024))
    capital.issuer = "UBND thành phố Hải Phòng"  # a province-level city: no unit below the province
    store = _Docs([ward, city, province, capital])

    def fit(question, doc):
        return unit_fit(parse_query(question), SimpleNamespace(passage=SimpleNamespace(doc=doc)), store)
    assert fit("Phường Trường Vinh (Nghệ An) thu ngân sách quý III năm 2025", "phuong.txt") == 1.0
    assert fit("phuong truong vinh thu ngan sach quy 3 2025", "nghean.txt") == 0.6
    assert fit("kế hoạch vốn đầu tư công năm 2025 tỉnh Nghệ An", "phuong.txt") == 0.6
    assert fit("kế hoạch vốn đầu tư công năm 2025 tỉnh Nghệ An", "nghean.txt") == 1.0
    assert fit("Kim ngạch qua thành phố Móng Cái năm 2024", "mongcai.txt") == 1.0
    assert fit("thu ngân sách Hải Phòng năm 2024", "hp.txt") == 1.0
    assert fit("mong cai thu ngan sach nam 2024", "mongcai.txt") == 1.0  # a name of two words, alone
    # asked of a unit with its province, the unit's words choose reports, not passages; a sentence of another
    # report answers for the unit only where it names it
    from tracuu.qa.units import another_unit, without_units
    q = parse_query("Phường Trường Vinh (Nghệ An) thu ngân sách quý III năm 2025")
    assert "truong vinh" not in without_units(q, store).lexical_text and "thu ngan sach" in without_units(q, store).lexical_text
    q2 = parse_query("mong cai thu ngan sach nam 2024")  # no province named: the name is what finds the report
    assert without_units(q2, store).lexical_text == q2.lexical_text
    # ... unless the index knows the unit's province: the unit names it, and the report is chosen by both
    from tracuu.qa.fit import as_asked_of
    from tracuu.qa.units import unit_words_out
    read = as_asked_of(q2, store)
    assert read.provinces == ["Quảng Ninh"] and "mong cai" not in read.lexical_text
    # once reports are chosen, the unit's name weighs no sentence (a report's 'số liệu của thành phố Móng Cái')
    assert "mong cai" not in unit_words_out(q2, store).lexical_text and "thu ngan sach" in unit_words_out(q2, store).lexical_text

    def hit(doc):
        return SimpleNamespace(passage=SimpleNamespace(doc=doc))
    assert another_unit(q, hit("nghean.txt"), "Thu ngân sách toàn tỉnh quý III đạt 5.120 tỷ đồng.", store)
    assert not another_unit(q, hit("nghean.txt"), "Phường Trường Vinh thu 86,4 tỷ đồng.", store)
    # named after the figure, the unit is where something else happens, not whose figure it is
    assert another_unit(q, hit("nghean.txt"), "Thu 5.120 tỷ đồng; tổ chức hội nghị tại phường Trường Vinh.", store)
    assert not another_unit(q, hit("phuong.txt"), "Quý III, thu ngân sách ước đạt 86,4 tỷ đồng.", store)
    # asked of the province by name, the ward's report answers only where it speaks of the province
    p = parse_query("Thu ngân sách quý III năm 2025 của tỉnh Nghệ An là bao nhiêu?")
    assert another_unit(p, hit("phuong.txt"), "Quý III, thu ngân sách trên địa bàn phường ước đạt 86,4 tỷ đồng, "
                        "bằng 70% dự toán tỉnh giao.", store)
    assert not another_unit(p, hit("phuong.txt"), "Quý III, toàn tỉnh thu ngân sách 5.120 tỷ đồng.", store)
    assert not another_unit(p, hit("nghean.txt"), "Quý III, thu ngân sách ước đạt 5.120 tỷ đồng.", store)
    # an open question (no province named) still reads the unit's report, loosely (unit_fit)
    assert not another_unit(parse_query("thu ngân sách quý III năm 2025"), hit("phuong.txt"),
                            "Quý III, thu ngân sách ước đạt 86,4 tỷ đồng.", store)


def test_a_board_of_industrial_zones_reports_the_zones_not_the_province():
    from tracuu.qa.units import another_unit, asked_units

    class _Docs:
        def __init__(self, docs):
            self.documents = docs
    board = _doc("bqlkcn.txt", "Hưng Yên", Period("nine_months", 2025))
    board.issuer = "Ban Quản lý các khu công nghiệp tỉnh Hưng Yên"
    province = _doc("hungyen.txt", "Hưng Yên", Period("nine_months", 2025))
    province.issuer = "UBND tỉnh Hưng Yên"
    store = _Docs([board, province])

    def hit(doc):
        return SimpleNamespace(passage=SimpleNamespace(doc=doc))
    # invented figures: asked of the province, the zones' export is no answer; asked of the zones (by name or 'KCN'),
    # it is, and a word of their name alone ('công nghiệp') asks nothing of them
    whole = parse_query("tổng kim ngạch xuất khẩu toàn tỉnh Hưng Yên 9 tháng năm 2025")
    zones = "Kim ngạch xuất khẩu của các doanh nghiệp trong KCN 9 tháng ước đạt 7.486,5 triệu USD."
    assert another_unit(whole, hit("bqlkcn.txt"), zones, store)
    assert not another_unit(whole, hit("bqlkcn.txt"), "Vốn FDI vào KCN chiếm 88,6% vốn FDI của toàn tỉnh.", store)
    # a province of another country is not the one asked ('từ tỉnh Savannakhet (Lào)', set AX's Quảng Trị zones); the
    # province asked by name is
    assert another_unit(whole, hit("bqlkcn.txt"), "Qua cửa khẩu La Lay: 41,2 triệu USD. Hàng nhập khẩu chủ yếu là cao "
                        "su, gỗ từ tỉnh Savannakhet (Lào).", store)
    assert not another_unit(whole, hit("bqlkcn.txt"), "Xuất khẩu của tỉnh Hưng Yên 9 tháng đạt 9.120 triệu USD.", store)
    assert asked_units(parse_query("vốn FDI vào các khu công nghiệp tỉnh Hưng Yên 9 tháng 2025"), store) == {"khu cong nghiep"}
    assert asked_units(parse_query("so lao dong trong cac KCN Hung Yen"), store) == {"khu cong nghiep"}
    assert not asked_units(parse_query("chỉ số sản xuất công nghiệp tỉnh Hưng Yên 9 tháng 2025"), store)
    assert not another_unit(parse_query("vốn FDI vào các khu công nghiệp tỉnh Hưng Yên"), hit("bqlkcn.txt"), zones, store)
    # the zones asked, their board's reports are searched on their own too (qa.engine); none when nothing is asked of them
    from tracuu.qa.units import unit_reports
    assert unit_reports(parse_query("so lao dong trong cac KCN Hung Yen"), store) == {"bqlkcn.txt"}
    assert unit_reports(whole, store) == set()


def test_a_province_named_asks_of_none_of_its_or_another_province_s_units_by_a_shared_name():
    from tracuu.qa.units import another_unit, asked_units

    class _Docs:
        def __init__(self, docs):
            self.documents = docs
    city = _doc("tp_baclieu.txt", "Bạc Liêu", Period("quarter", 2024, 3))
    city.issuer = "UBND thành phố Bạc Liêu"  # the provincial capital, named as its province is
    district = _doc("dongxuan.txt", "Phú Yên", Period("year", 2023))
    district.issuer = "UBND huyện Đồng Xuân"  # folded, one name with the rice season 'vụ Đông Xuân'
    province = _doc("snn_baclieu.txt", "Bạc Liêu", Period("year", 2023))
    province.issuer = "Sở Nông nghiệp và PTNT tỉnh Bạc Liêu"
    store = _Docs([city, district, province])
    season = parse_query("Năng suất lúa vụ Đông Xuân 2022 - 2023 của tỉnh Bạc Liêu đạt bao nhiêu?")
    assert asked_units(season, store) == frozenset()
    assert not another_unit(season, SimpleNamespace(passage=SimpleNamespace(doc="snn_baclieu.txt")),
                            "Năng suất bình quân đạt 65,42 tạ/ha.", store)  # invented
    # the name alone is the province's; the city is asked by its kind
    assert asked_units(parse_query("Bạc Liêu tăng trưởng GRDP quý I/2025"), store) == frozenset()
    assert asked_units(parse_query("thành phố Bạc Liêu thu ngân sách 9 tháng 2024"), store) == {"thanh pho bac lieu"}
    assert asked_units(parse_query("TP. Bạc Liêu thu ngân sách 9 tháng 2024"), store) == {"thanh pho bac lieu"}
    assert asked_units(parse_query("huyện Đồng Xuân (Phú Yên) sản lượng lúa năm 2023"), store) == {"huyen dong xuan"}
