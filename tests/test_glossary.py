


def test_another_name_of_an_acronym_s_indicator_asked_stands_for_the_acronym():
    from tracuu.qa.glossary import contractions
    # 'vốn đầu tư nước ngoài' is what a terse table prints as 'Thu hút FDI'; 'tăng trưởng kinh tế' is 'GRDP ... tăng'
    assert contractions("thu hut duoc bao nhieu von dau tu nuoc ngoai")["fdi"] == "von dau tu nuoc ngoai"
    assert contractions("tang truong kinh te quy i")["grdp"] == "tang truong kinh te"
    assert "fdi" not in contractions("von dau tu cong")
