"""Where else a claimed value is printed: the period tests `qa.claims` relies on, on real readings."""
from tracuu.ingest.types import Period
from tracuu.qa.claim_sources import cutoff_apart, holds_claimed, own_figure
from tracuu.qa.figures import extract
from tracuu.qa.query import parse_query


def test_holds_claimed_same_period_or_date_inside():
    q3 = Period("quarter", 2023, 3)
    assert holds_claimed(q3, [q3], [q3], [])
    assert not holds_claimed(Period("quarter", 2023, 2), [q3], [q3], [])
    # a claim naming only a date ('đến 15/3/2022'): the report's period holding it is the claimed one
    day = parse_query("giải ngân đến ngày 15/3/2022").dated
    assert holds_claimed(Period("quarter", 2022, 1), day, [], day)


def test_cutoff_apart_names_the_report_s_own_cutoff():
    figs = extract("Giải ngân vốn đầu tư công đến hết tháng 01/2023 đạt 145,2 tỷ đồng.", 1, Period("month", 2023, 1))
    rep = figs[0]
    claim = parse_query("Đến ngày 30/11/2022, tỉnh giải ngân 145,2 tỷ đồng vốn đầu tư công")
    apart = cutoff_apart(claim, rep, claim.periods)
    assert apart is not None and apart.year == 2023
    same = parse_query("Đến hết tháng 01/2023, tỉnh giải ngân 145,2 tỷ đồng vốn đầu tư công")
    assert cutoff_apart(same, rep, same.periods) is None


def test_a_figure_counted_to_a_date_inside_the_claimed_period_is_not_that_period_s():
    # invented figures: 'cả năm 2025' claimed, the report's 33.846,2 is 'lũy kế đến ngày 30/11/2025' (the year's own
    # estimate stands beside it); a claim of the 11 months, or of the same date, agrees with it
    from types import SimpleNamespace

    from tracuu.ingest.types import Period
    from tracuu.qa.claim_sources import cutoff_apart
    from tracuu.qa.query import parse_query
    rep = SimpleNamespace(head="Lũy kế đến ngày 30/11/2025, tổng thu ngân sách nhà nước trên địa bàn đạt", context="")
    year = parse_query("Cả năm 2025, thu ngân sách nhà nước ước đạt 33.846,2 tỷ đồng")
    assert cutoff_apart(year, rep, [Period("year", 2025)]) == Period("month", 2025, 11)
    eleven = parse_query("11 tháng năm 2025, thu ngân sách nhà nước đạt 33.846,2 tỷ đồng")
    assert cutoff_apart(eleven, rep, [Period("months", 2025, 11)]) is None
    dated = parse_query("Đến ngày 30/11/2025, thu ngân sách nhà nước đạt 33.846,2 tỷ đồng")
    assert cutoff_apart(dated, rep, dated.periods + dated.dated) is None
    assert cutoff_apart(year, SimpleNamespace(head="Tổng thu ngân sách năm 2025 đạt", context=""), [Period("year", 2025)]) is None


def test_the_report_s_own_figure_is_the_place_s_not_one_its_sentence_compares_with():
    """'... tăng 6,95% ..., thấp hơn mức tăng chung của cả nước (7,84%) và thấp hơn nhiều so với các tỉnh lân cận như
    Bắc Giang (tăng 9,21%)' (figures invented; set AZ's Bắc Ninh): whatever order the answer's figures come in, the
    province's own 6,95 is what a mismatch reports, never the neighbour's or the country's figure."""
    from types import SimpleNamespace
    half = Period("half", 2027, 1)
    quote = ("Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2027 ước tăng 6,95% so với cùng kỳ, thấp hơn mức tăng "
             "chung của cả nước (7,84%) và thấp hơn nhiều so với các tỉnh lân cận như Bắc Giang (tăng 9,21%), Hải "
             "Dương (tăng 8,54%).")
    figs = extract(quote, 1, half)
    ans = SimpleNamespace(answered=True, plan_only=False, citations=[SimpleNamespace(n=1, text=quote, quote=quote)],
                          figures=sorted(figs, key=lambda f: f.value != "9,21"))  # (the neighbour's first)
    query = parse_query("GRDP 6 tháng đầu năm 2027 của tỉnh Thái Nguyên tăng bao nhiêu")
    claimed = next(f for f in extract("GRDP 6 tháng đầu năm 2027 của tỉnh Thái Nguyên tăng 7,84%.", 1, half))
    got = own_figure(claimed, ans, set(), [half], [half], query, None)
    assert got is not None and got[0].value == "6,95"
