"""The lexicon file: word lists as data, each kind with the reason it is evidence of what is asked."""
import re

from tracuu.qa.lexicon import LEXICON, lexicon


def test_every_kind_of_word_says_why_and_compiles():
    lex = lexicon()
    assert {"question", "figure", "target", "plan", "reference", "measure", "fact", "aimed", "versus", "parts"} <= set(lex.lists)
    for kind in lex.lists:
        assert len(lex.why(kind)) > 20, kind
        assert isinstance(lex.pattern(kind), re.Pattern)


def test_words_match_whole_words_only():
    lex = lexicon()
    assert lex.pattern("target").search("muc tieu nam 2025") and not lex.pattern("target").search("mucc tieuu")
    assert lex.pattern("figure").search("ty le ho ngheo") and lex.pattern("figure").search("giam 5%")  # 'also': '%'
    assert not lex.pattern("figure").search("so may")  # 'số mấy' asks a document's number, not a quantity


def test_a_word_added_to_the_file_is_known_without_code(tmp_path):
    text = LEXICON.read_text(encoding="utf-8").replace('dn = "doanh nghiep"', 'dn = "doanh nghiep"\nvsattp = "ve sinh an toan thuc pham"')
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    assert lexicon(path).acronyms["vsattp"] == "ve sinh an toan thuc pham"
    assert "vsattp" not in lexicon().acronyms


def test_units_longest_first_where_one_is_the_start_of_another():
    units = lexicon().units
    for i, u in enumerate(units):
        for v in units[i + 1:]:
            assert not (v.startswith(u + " ") and len(v) > len(u)), (u, v)


def test_a_kind_of_word_as_a_group_inside_a_larger_pattern():
    import re
    from tracuu.qa.lexicon import lexicon
    group = lexicon().alternation("plan_nouns")
    plan_before = re.compile(rf"\b{group}\s*(?:nam)?\s*$")  # as qa.ruled_out builds its own
    assert plan_before.search("vuot du toan nam ") and plan_before.search("so voi ke hoach")
    assert not plan_before.search("thu ngan sach nam ")
