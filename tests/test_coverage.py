"""qa.coverage: how much of a question a text names."""
from tracuu.index.lexical import token_set, words_of
from tracuu.qa.coverage import qualified, qualified_otherwise


def _asked(question: str) -> tuple[dict[str, float], set[str]]:
    weights = {t: 1.0 for t in token_set(question)}
    return qualified(weights, question), set(words_of(question))


def test_a_word_the_text_qualifies_otherwise_names_another_thing():
    weights, asked = _asked("giải ngân vốn đầu tư công năm 2021")
    # 'vốn kéo dài các năm trước' is another capital than 'vốn đầu tư công' (texts invented)
    assert qualified_otherwise(weights, token_set("vốn kéo dài các năm trước chuyển sang giải ngân được"), asked) == {"von"}
    weights, asked = _asked("khách du lịch quốc tế")
    assert "khach" in qualified_otherwise(weights, token_set("khách nội địa đạt"), asked)


def test_a_word_printed_with_the_question_s_qualifier_or_a_linking_word_still_counts():
    weights, asked = _asked("giải ngân vốn đầu tư công năm 2021")
    for text in ("vốn đầu tư công giải ngân được", "vốn của tỉnh giải ngân", "giải ngân vốn kéo dài", "vốn 150 tỷ đồng"):
        assert qualified_otherwise(weights, token_set(text), asked) == set(), text
    # ('vốn' holds the question's pair 'vốn đầu tư' here; its 'đầu tư' is qualified otherwise, below)
    assert "von" not in qualified_otherwise(weights, token_set("tổng vốn đầu tư toàn xã hội"), asked)
    # a unit after a word is no qualifier ('khám được 106.240 lượt người' for 'số lượt khám bệnh')
    weights, asked = _asked("số lượt khám bệnh tháng 1")
    assert qualified_otherwise(weights, token_set("khám được lượt người"), asked) == set()
    # 'so với' is a linking phrase, not a qualified 'so' ('So sánh (%) ước TH/dự toán' for 'so với dự toán')
    weights, asked = _asked("thu tiền sử dụng đất ước đạt bao nhiêu so với dự toán")
    assert "so" not in qualified_otherwise(weights, token_set("So sánh ước thực hiện dự toán"), asked)


def test_a_term_the_text_qualifies_otherwise_names_another_thing():
    # 'vốn đầu tư phát triển toàn xã hội' is no 'vốn đầu tư công' (set DG's Phú Yên, texts invented): its 'đầu tư' does
    # not count; 'xuất khẩu cà phê' is no 'xuất khẩu gạo'
    weights, asked = _asked("giải ngân vốn đầu tư công 6 tháng")
    assert qualified_otherwise(weights, token_set("Tổng vốn đầu tư phát triển toàn xã hội 6 tháng ước đạt"),
                               asked) == {"dau_tu", "tu"}
    assert qualified_otherwise(weights, token_set("Kế hoạch vốn đầu tư công năm 2023 được giao"), asked) == set()
    weights, asked = _asked("kim ngạch xuất khẩu gạo")
    assert "xuat_khau" in qualified_otherwise(weights, token_set("kim ngạch xuất khẩu cà phê đạt"), asked)
    assert qualified_otherwise(weights, token_set("xuất khẩu gạo đạt"), asked) == set()
    # a term whose next word opens another term of the question is not qualified by it: 'giải ngân' of 'giải ngân vốn'
    weights, asked = _asked("giải ngân vốn đầu tư công")
    assert qualified_otherwise(weights, token_set("giải ngân nguồn vốn ngân sách tỉnh"), asked) & {"giai_ngan", "ngan"} \
        == set()


def test_a_term_is_qualified_only_by_the_word_printed_after_it():
    # 'Đàn trâu 6 tháng ... còn bao nhiêu con' (samples' heldout): 'còn' follows 'trâu' only once the period is dropped;
    # 'Tong dan trau hién c6 62.615 con' (OCR) still names the herd asked
    question = "Đàn trâu 6 tháng đầu năm 2023 còn bao nhiêu con"
    weights = {t: 1.0 for t in ("dan", "trau", "dan_trau", "con", "trau_con")}
    assert qualified_otherwise(qualified(weights, question), token_set("Tong dan trau hién c6 62.615 con"),
                               set(words_of(question))) == set()
