from tracuu.ingest.textnorm import fold, fold_ocr, normalize
from tracuu.index.lexical import normalize_number, tokenize


def test_tone_placement_is_made_consistent():
    assert normalize("hoà") == normalize("hòa") == "hòa"
    assert normalize("thuỷ lợi") == "thủy lợi"
    assert normalize("khoẻ") == "khỏe"
    assert normalize("hoàn thành") == "hoàn thành"  # a vowel after: not an old-style pair


def test_folding():
    assert fold("Đầu tư công") == "dau tu cong"
    assert fold_ocr("DPang bộ, Pau tu, phát triển") == "dang bo, dau tu, phat trien"


def test_numbers_match_in_both_notations():
    assert normalize_number("1.158,8") == normalize_number("1158,8") == "1158,8"
    assert "1158,8" in tokenize("giải ngân 1.158,8 tỷ đồng") and "1158,8" in tokenize("1158,8 ty dong")


def test_one_character_tokens_and_bigrams_are_kept():
    toks = tokenize("6 tháng đầu năm")
    assert "6" in toks and "6_thang" in toks and "dau_nam" in toks


def test_ocr_d_repair_leaves_acronyms_alone():
    """'P' read for 'Đ' makes a Vietnamese syllable ('Piéu' -> 'điều'); 'PCI', 'PAPI', 'PAR' make none."""
    assert fold_ocr("PIEU, Piéu, PCI, PAPI, PAR, PGI, PC-COVID") == "dieu, dieu, pci, papi, par, pgi, pc-covid"


def test_a_word_ocr_printed_a_letter_off_keeps_its_ends():
    from tracuu.ingest.textnorm import letter_off
    assert letter_off("pham", {"san", "phim"}) and letter_off("noi", {"ndi"})
    assert not letter_off("pham", {"phom", "phan"}, shortest=5)  # too short to tell at this length
    assert not letter_off("pham", {"phan"}) and not letter_off("xa", {"xo"})  # an end changed; two letters
