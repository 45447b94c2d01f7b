"""qa.coverage: how much of a question a text names."""
from tracuu.index.lexical import token_set, words_of
from tracuu.qa.coverage import qualified, qualified_otherwise


def _asked(question: str) -> tuple[dict[str, float], set[str]]:
    weights = {t: 1.0 for t in token_set(question)}
    return qualified(weights), set(words_of(question))


def test_a_word_the_text_qualifies_otherwise_names_another_thing():
    weights, asked = _asked("giải ngân vốn đầu tư công năm 2021")
    # 'vốn kéo dài các năm trước' is another capital than 'vốn đầu tư công' (texts invented)
    assert qualified_otherwise(weights, token_set("vốn kéo dài các năm trước chuyển sang giải ngân được"), asked) == {"von"}
    weights, asked = _asked("khách du lịch quốc tế")
    assert "khach" in qualified_otherwise(weights, token_set("khách nội địa đạt"), asked)


def test_a_word_printed_with_the_question_s_qualifier_or_a_linking_word_still_counts():
    weights, asked = _asked("giải ngân vốn đầu tư công năm 2021")
    for text in ("tổng vốn đầu tư toàn xã hội", "vốn của tỉnh giải ngân", "giải ngân vốn kéo dài", "vốn 150 tỷ đồng"):
        assert qualified_otherwise(weights, token_set(text), asked) == set(), text
    # a unit after a word is no qualifier ('khám được 106.240 lượt người' for 'số lượt khám bệnh')
    weights, asked = _asked("số lượt khám bệnh tháng 1")
    assert qualified_otherwise(weights, token_set("khám được lượt người"), asked) == set()
    # 'so với' is a linking phrase, not a qualified 'so' ('So sánh (%) ước TH/dự toán' for 'so với dự toán')
    weights, asked = _asked("thu tiền sử dụng đất ước đạt bao nhiêu so với dự toán")
    assert "so" not in qualified_otherwise(weights, token_set("So sánh ước thực hiện dự toán"), asked)
