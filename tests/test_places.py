

def test_a_report_s_name_written_in_lower_case_is_a_phrase_not_the_place():
    """'Lễ hội Vì hòa bình' (peace) in a Quảng Trị report names no Hòa Bình; printed capitalised, or in text of one case
    (capitals, a question typed in lower case), the name counts (set DN's gdn019)."""
    from tracuu.ingest.places import printed_provinces
    assert printed_provinces("Tổ chức thành công Lễ hội Vì hòa bình năm 2024; phấn đấu đón 1,05 triệu lượt khách") == []
    assert printed_provinces("Tỉnh Hòa Bình đặt mục tiêu đón 4,2 triệu lượt khách") == ["Hòa Bình"]
    assert printed_provinces("UBND TỈNH HÒA BÌNH") == ["Hòa Bình"]
    assert printed_provinces("thu ngan sach hoa binh nam 2024") == ["Hòa Bình"]
    assert printed_provinces("Xuất khẩu hàng hóa Bình Dương tăng 12%") == ["Bình Dương"]
