"""Words people type that the reports spell differently: acronyms and question words.

Officials and reporters write 'IIP', 'GRDP', 'NTM' where a report writes the indicator out in
full, and questions carry words ('bao nhiêu', 'những ... nào') that no report contains; both
would otherwise count against a passage that answers. Keys are folded (no diacritics).
"""
from __future__ import annotations

import re

from tracuu.ingest.textnorm import fold_ocr

from .lexicon import lexicon

_LEX = lexicon()
# standard indicator and administrative acronyms of Vietnamese socio-economic reporting (qa/lexicon.toml)
ACRONYMS: dict[str, str] = _LEX.acronyms
INSTITUTIONS = _LEX.institutions  # who acts, not what is measured: a passage need not name them
ALSO_NAMED: dict[str, tuple[str, ...]] = _LEX.also_named  # 'tăng trưởng kinh tế' is the GRDP's growth
NAMED_INDICATORS = _LEX.named_indicators  # a passage holding part of such a name is about another one
INDICATOR_NAMES = _LEX.indicator_names  # the other names reports print for one


def named_indicators(folded: str) -> list[str]:
    return [n for n in NAMED_INDICATORS if re.search(rf"(?<![\w-]){n}(?![\w-])", folded)]


# kinds of words a question uses (each list, and why it is evidence of what is asked, in qa/lexicon.toml)
_QUESTION = _LEX.pattern("question")  # say what kind of answer is wanted, not what it is about
_CLAIMED = _LEX.pattern("claimed")  # a claim put as a question: stripped as question words, but it asks a figure
_FIGURE = _LEX.pattern("figure")  # a quantity is asked
_COMPARED, _WHY = _LEX.pattern("compared"), _LEX.pattern("why")
_TARGET = _LEX.pattern("target")  # a plan or target is asked
AIMED = _LEX.pattern("aimed")  # 'phấn đấu ... đạt 7,5%': what a sentence aims at, not what was achieved
# a date written out ('ngày 12 tháng 12 năm 2023', folded): its day is no figure
WRITTEN_DATE = re.compile(r"\bngay\s+\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?")
# a road's number names it ('Quốc lộ 13', 'QL.1A', 'đường tỉnh 741'): no quantity (folded)
ROAD_NUMBER = re.compile(r"\b(?:quoc lo|tinh lo|huyen lo|duong tinh|duong huyen|ql|dt)\s*\.?\s*(\d{1,3}[a-z]?)\b")
# 'chi tiết tại Biểu số 01', 'Phụ lục 2', 'theo Nghị quyết số 12/NQ-HĐND', 'bão số 4': which table, document or storm,
# not a quantity
# (not 'bảng', 'mục', 'phần', 'mẫu': folded they are also 'bằng', 'mức', 'phân', 'màu' before a figure)
REFERENCE_NUMBER = re.compile(r"\b(?:(?:bieu|phu luc)\s+(?:so\s*:?\s*)?"
                              r"|(?:nghi quyet|quyet dinh|cong van|ke hoach|bao cao|thong bao|chi thi|van ban|to trinh"
                              r"|thong tu|nghi dinh|bao|ap thap nhiet doi)\s+so\s*:?\s*)\d{1,5}(?:/[\w.-]+)*[a-z]?(?![\d.,])")
# a small count, in digits or words ('9', 'chín'), folded: how many days, weeks or hours
FEW = r"(?:\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
# when a figure was counted, not a figure: 'trong 9 ngày nghỉ Tết', 'suốt 3 ngày lễ', 'trong 2 tuần' (folded)
DURATION = re.compile(rf"\b(?:trong|suot)\s+{FEW}\s+(?:ngay|tuan|gio)\b")
# a span of a few days, the days (with the holiday, as printed) its group: 'trong 09 ngày nghỉ Tết', 'suốt 5 ngày nghỉ lễ'
DAYS = re.compile(rf"\b(?:trong|suot)\s+({FEW}\s+ngay(?:\s+nghi)?(?:\s+(?:tet|le)(?:\s+nguyen\s+dan)?)?)\b")


def asks_target(folded: str) -> bool:
    return bool(_TARGET.search(folded))


_PLAN_WORD = _LEX.pattern("plan")  # any word of a plan, beyond the target words


def names_plan(text: str) -> bool:
    """Any word of a plan: only a question with none of them asks purely for a result."""
    folded = fold_ocr(text)
    return asks_target(folded) or bool(_PLAN_WORD.search(folded))


# what a figure or a question leaves out ('xuất khẩu (không kể dầu thô)', 'thu nội địa không bao gồm ...', '(trừ ...)',
# 'Nếu loại trừ thu tiền sử dụng đất ...'), printed with marks or without: a sentence's is not what its figure
# measures (qa/extract.py), a question's is not what it asks (qa/figure_rank.py); group 'what': the words left out
LEFT_OUT = re.compile(r"\(?(?<!\w)(?:không|khong|chưa|chua)\s+(?:kể|ke|tính|tinh|bao gồm|bao gom|gồm|gom)"
                      r"(?P<what>(?:\s+[^\s();.,:\d?]+){1,10})\)?"
                      r"|\((?:trừ|tru)\s(?P<what2>[^)]*)\)"
                      r"|(?<!\w)(?:loại trừ|loai tru)(?P<what3>(?:\s+[^\s();.,:\d?]+){1,10})", re.IGNORECASE)


def left_out_words(text: str) -> list[str]:
    """The words `text` says are left out, each phrase folded."""
    return [fold_ocr(m.group("what") or m.group("what2") or m.group("what3")) for m in LEFT_OUT.finditer(text)]


# 'đạt bao nhiêu % kế hoạch', 'so với dự toán': a share of the plan is asked, not the plan
# (and whether it was met: 'có đạt chỉ tiêu không', 'vượt kế hoạch không' ask the result beside its plan)
# (with the plan's own words up to 'giao': '% dự toán HĐND tỉnh giao' names whose plan, not a plan asked)
SHARE_OF_PLAN = re.compile(r"(?:%|phan tram|so voi|bao nhieu)\s*(?:tong |so |voi )?(?:ke hoach|du toan|chi tieu)\b"
                           r"(?:(?:\s+(?!va\b|la\b|con\b|ke hoach|du toan|chi tieu)[a-z0-9]+){0,5}?\s+giao\b)?"
                           r"|\b(?:dat|vuot|hoan thanh)\s+(?:duoc\s+)?(?:ke hoach|du toan|chi tieu|muc tieu)\b"
                           r"(?=[^?.;]*\bkhong\b)")


def plan_asked(text: str) -> bool:
    """`names_plan`, a share of the plan aside: 'giải ngân được bao nhiêu phần trăm kế hoạch' asks a result."""
    return names_plan(SHARE_OF_PLAN.sub(" ", fold_ocr(text)))


# the whole country, as reports name it beside a province's figure ('cả nước', 'bình quân chung'): one list for the
# figure read as the nation's (qa/figures.py) and the sentence scoped to it (qa/scope.py)
NATION = r"ca\s+nuoc|toan\s+quoc|binh\s+quan\s+chung|trung\s+binh\s+chung|(?:ca|toan)\s+vung(?!\s+(?:nguyen|trong|san|chuyen|du))"  # a whole region too (not 'toàn vùng nguyên liệu')
NATION_NAMED = re.compile(rf"\b(?:{NATION})\b")  # folded text naming it anywhere
# the whole province as a figure's place ('toàn tỉnh', 'trên địa bàn tỉnh', 'của tỉnh', 'ở tỉnh'), folded; not a plan
# the province set ('dự toán tỉnh giao', 'tỉnh giao'): qa.fit (a unit's report speaking of its province) and
# qa.scope (a unit asked, the province's figure given) read it alike
WHOLE_PROVINCE = re.compile(r"(?<!du )\b(?:toan|ca|(?:tren )?dia ban|cua|trong|o) tinh\b(?! giao)")


def leading(quote: str) -> str:
    """A quote's first sentence: its figure leads ('đến hết ngày 20/3/2026 giải ngân 1.846,2 tỷ đồng. Kế hoạch vốn
    năm 2025 ... đến ngày 31/01/2026 ...' is the March figure)."""
    return re.split(r"(?<=\.)\s", quote, maxsplit=1)[0]


def expansions(folded: str) -> dict[str, str]:
    """Acronyms in a folded question, with what they stand for."""
    return {a: full for a, full in ACRONYMS.items() if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", folded)}


_ACRONYM = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ACRONYMS), key=len, reverse=True)) + r")(?![\w-])")


def spelled_out(folded: str) -> str:
    """The folded text with its acronyms written out ('von nstw' -> 'von ngan sach trung uong'): the same acronyms,
    read at the same word edges, as `expansions`."""
    return _ACRONYM.sub(lambda m: ACRONYMS[m.group(1)], folded)


def contractions(folded: str) -> dict[str, str]:
    """Acronyms whose full form a question spells out ('vốn ngân sách trung ương' -> 'nstw'): a report
    may write the short form ('Vốn NSTW: 1.687,7 tỷ đồng')."""
    out = {a: full for a, full in ACRONYMS.items()
           if " " in full and full.count(" ") >= 2 and re.search(rf"(?<![\w-]){re.escape(full)}(?![\w-])", folded)}
    # 'thu ngân sách' with no level named is the state budget's: a table prints 'TỔNG THU NSNN'
    if "nsnn" in ACRONYMS and _BUDGET_ALONE.search(folded):
        out.setdefault("nsnn", ACRONYMS["nsnn"])
    # another name people give an acronym's indicator ('vốn đầu tư nước ngoài' for FDI, 'tăng trưởng kinh tế' for
    # GRDP): a terse report prints the acronym alone ('Thu hút FDI: 1.140,2 triệu USD'); the words asked stand for it
    for a, names in ALSO_NAMED.items():
        if a not in out and (name := next((n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", folded)), None)):
            out[a] = name
    return out


_BUDGET_ALONE = re.compile(r"\bngan sach\b(?!\s+(?:nha nuoc|dia phuong|trung uong|tinh|huyen|xa|cap|thanh pho|nsnn))")


def puts_claim(folded: str) -> bool:
    """A claim put as a question ('Có đúng là ... cao hơn cả nước không?'): which way it goes is asked."""
    return bool(_CLAIMED.search(folded))


def strip_question_words(folded: str) -> str:
    """'|' marks where words were taken out, so no bigram is formed across the gap."""
    stripped = _QUESTION.sub(" | ", folded)
    if _CLAIMED.search(stripped):
        stripped = _CLAIM_END.sub(" | ", _CLAIMED.sub(" | ", stripped))
    return stripped


_CLAIM_END = re.compile(r"\bkhong(?=\W*$)")  # 'Có đúng là ... không?


_REFERENCE = _LEX.pattern("reference")  # which document or which day


def asks_reference(folded: str) -> bool:
    return bool(_REFERENCE.search(folded))


_MEASURE = _LEX.pattern("measure")  # names a measured indicator: its figure is asked, even without 'bao nhiêu'
_FACT = _LEX.pattern("fact")  # ... unless a fact is asked ('vì sao', 'nào')


def named_measures(folded: str, leave_out: frozenset[str] = frozenset()) -> list[set[str]]:
    """The measured indicators a question names (overlapping ones too), each as its folded words ('xuat khau', 'thu ngan
    sach'), less those in `leave_out`; an acronym is left out (its passage must name it already: `names_acronyms`), and
    'số' ('số doanh nghiệp' is named by 'doanh nghiệp')."""
    return [set(w.split()) - {"so"} for w in measure_phrases(folded, leave_out)]


def measure_phrases(folded: str, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """`named_measures` as the phrases the question prints ('xuat khau')."""
    return [w for w in _LEX.lists["measure"]["words"]
            if w not in leave_out and w not in ACRONYMS and re.search(rf"\b{w}\b", folded)]


# measures of a product, named by the words after them ('sản lượng vải thiều', 'diện tích lúa', 'năng suất cà phê'); the
# words that may follow one and name no product ('sản lượng dự kiến', 'năng suất bình quân', 'diện tích gieo trồng')
_PRODUCT_MEASURE = re.compile(r"\b(san luong|dien tich|nang suat)\b")
_NO_PRODUCT = frozenset("""nam thang quy cua la dat bao tinh tai o tren trong uoc ca toan binh bq du ke thuc chung tang giam
    cac moi nay do nhu se phai can hang thu gieo trong cay nuoi khai tuoi kho dua vao va cung len xuong chi ty tong tu
    dan de vu hien thuong hon khoang gan tren chiem bang cao thap lon nho rieng tot nhat dong gay bi nhiem""".split())


def _products(folded: str, stated: bool = False) -> list[tuple[str, str]]:
    """(measure, the word after it) for each product measure the text prints with a product named after it; `stated`:
    with a figure of it in its clause ('Sản lượng lúa cả năm ước đạt 712,6 nghìn tấn', not 'diện tích gây hại so với
    cùng kỳ năm trước, ...')."""
    out = []
    for m in _PRODUCT_MEASURE.finditer(folded):
        nxt = re.match(r"\s+([a-z]+)([^,;.]{0,40})", folded[m.end():])
        # ('cà phê', 'cá tra', 'ca cao' fold to 'ca' as 'cả' does: 'sản lượng cả năm' is the whole year's, 'sản lượng
        # cà phê nhân' a product's, named by both syllables)
        two = re.match(r"\s+(ca\s+[a-z]+)", folded[m.end():])
        if two and two.group(1).split()[1] not in _WHOLE_AFTER_CA:
            out.append((m.group(1), two.group(1)))
        elif nxt and nxt.group(1) not in _NO_PRODUCT and (not stated or re.search(r"\d", nxt.group(2))):
            out.append((m.group(1), nxt.group(1)))
    return out


# 'cả năm', 'cả nước', 'cả tỉnh', 'cả vụ', 'cả hai': 'cả' with what it makes whole
_WHOLE_AFTER_CA = frozenset("nam nuoc tinh vu hai ba thang quy ky giai dot khu vung hon".split())


def other_product(question: str, text: str, stated: bool = True) -> bool:
    """The question asks a product's output, area or yield ('sản lượng vải thiều') and the text (a passage with its
    heading) prints that measure only of another product ('Sản lượng lúa cả năm ...'), never naming the one asked;
    `stated`: with a figure of it (not `False`: a quoted sentence's 'chủ yếu do sản lượng thủy điện giảm' speaks of
    hydropower's output, figure or none)."""
    asked = _products(question)
    measures = {m for m, _ in asked}
    # (a product asked and printed after its measure is named in the text: the second test covers it)
    return any(m in measures for m, _ in _products(text, stated=stated)) \
        and not any(re.search(rf"\b{w}\b", text) for _, w in asked)


def another_measure(phrase: str, folded: str, question: str) -> bool:
    """Every time `folded` prints the measure, words that make it another follow or lead it (`measure_others`: 'xuất
    khẩu lao động 412 người' for 'kim ngạch xuất khẩu'; 'xuất nhập khẩu' for 'nhập khẩu'), and the question does not ask
    that other one."""
    after, before = _LEX.measure_others.get(phrase, ()), _LEX.measure_others_before.get(phrase, ())
    at = [m.span() for m in re.finditer(rf"\b{phrase}\b", folded)]
    if not at or not (after or before) or any(f"{phrase} {o}" in question for o in after) \
            or any(f"{o} {phrase}" in question for o in before):
        return False
    return all(any(folded[e:].lstrip().startswith(o) for o in after)
               or any(re.search(rf"\b{o}\W*$", folded[:s]) for o in before) for s, e in at)


def kinds_asked(question: str) -> dict[str, set[str]]:
    """The kinds of a measure `measure_kinds` splits that the question names, by measure ('thu ngân sách nhà nước',
    'thu NSĐP'; acronyms spelled out): empty when it names none."""
    question = spelled_out(question)
    asked = {phrase: {k for k in kinds if re.search(rf"\b{phrase} {k}\b", question)}
             for phrase, kinds in _LEX.measure_kinds.items()}
    return {phrase: found for phrase, found in asked.items() if found}


def other_kind(label: str, asked: dict[str, set[str]]) -> bool:
    """The figure's own words (`label`, folded) name a kind of a measure the question asks another kind of (`asked`,
    from `kinds_asked`: 'TỔNG THU NGÂN SÁCH ĐỊA PHƯƠNG' for 'thu ngân sách nhà nước'), and not the asked one."""
    label = spelled_out(label)
    for phrase, kinds in asked.items():
        # (the kind named nearest the figure: '... là dự toán HĐND tỉnh giao (dự toán Trung ương giao là 5.470' gives
        # the centre's)
        printed = [m.group(1) for m in re.finditer(rf"\b{phrase} ({'|'.join(_LEX.measure_kinds[phrase])})\b", label)]
        if printed and printed[-1] not in kinds:
            return True
    return False


def compounded(phrase: str, toks) -> bool:
    """A two-word measure printed only inside a compound, one word between its two ('xuất khẩu' in 'kim ngạch xuất,
    nhập khẩu', 'xuất nhập khẩu'): the compound is another measure (the two together), not the one asked."""
    words = phrase.split()
    if len(words) != 2 or f"{words[0]}_{words[1]}" in toks:
        return False
    a, b = words
    # (a word between, not a digit: OCR glues a footnote's mark, 'giải1 ngân')
    return any(t.startswith(f"{a}_") and (m := t.split("_", 1)[1]).isalpha() and f"{m}_{b}" in toks for t in toks)


# measures that name a kind of figure, not an indicator ('tỷ lệ', 'giá trị', 'chỉ số'): every figure of a sentence may be
# one, and a quote need not repeat them
FIGURE_KINDS = frozenset({"ty le", "gia tri", "chi so", "tong muc", "so luot", "lao dong", "thu hut", "tang truong"})


def asks_quantity(folded: str) -> bool:
    return bool(_FIGURE.search(folded)) or bool(_MEASURE.search(folded) and not _FACT.search(folded))


def asks_figure(folded: str) -> bool:
    """A keyword query or a 'bao nhiêu' question wants a figure; 'văn bản nào', 'những huyện nào',
    'vì sao' want a fact, so a sentence with a number is no better an answer than one without. Words naming the
    place ('của tỉnh', 'trên địa bàn') are question words that ask nothing: 'Tăng trưởng GRDP năm 2023 của tỉnh Bạc
    Liêu' is a keyword query."""
    return bool(_FIGURE.search(folded)) or not _QUESTION.search(_PLACE_WORDS.sub(" ", folded)) or \
        bool(_COMPARED.search(folded)) and not _WHY.search(folded)


_PLACE_WORDS = re.compile(r"\b(?:cua tinh|toan tinh|tren dia ban(?: tinh)?)\b")


# the same indicator in the words people type and the words reports print: (question pattern, the
# report's phrase). A passage holding the report's phrase covers the question's words; both are searched.
EQUIVALENTS: list[tuple[str, str]] = list(_LEX.equivalents)


def equivalents(folded: str) -> dict[str, str]:
    """The report's phrase -> the question's words it stands for, for each equivalent the question uses."""
    out = {}
    for pattern, printed in EQUIVALENTS:
        if (m := re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", folded)) and printed not in folded:
            out[printed] = re.sub(r"[|\s]+", " ", m.group()).strip()
    return out


# generic measures that need a word saying of what ('diện tích chè', 'sản lượng cây hồi', 'tổng đàn trâu')
_GENERIC = re.compile(r"\b(?:dien tich|san luong|nang suat|tong dan|dan)\s+((?:[a-z]+\s+){0,3})")
# words between a generic measure and what it measures ('diện tích cây hồi', 'diện tích gieo trồng lúa')
_BEFORE_SPECIFIC = {"cay", "cac", "loai", "trong", "gieo", "nuoi", "thu", "hoach", "moi", "toan", "tinh"}


# words that end the measure's phrase: what follows says where, when or how much, not of what
_AFTER_MEASURE = {"cua", "tai", "o", "tren", "dia", "ban", "uoc", "dat", "la", "co", "duoc", "cho", "voi", "va",
                  "thuc", "hien", "khoang", "gan", "hon", "nam", "thang", "quy", "so", "ca", "tang", "giam", "bang"}


def specifics(folded: str) -> list[str]:
    """The word saying which of a generic measure is meant ('chè' of 'diện tích chè', 'hạt' of 'sản lượng hạt sen'):
    a figure of the measure without it is another one's ('tổng diện tích gieo trồng', 'sản lượng thủy sản')."""
    out = []
    for m in _GENERIC.finditer(folded):
        word = next((w for w in m.group(1).split() if w not in _BEFORE_SPECIFIC), None)
        if word and word not in _AFTER_MEASURE:
            out.append(word)
    return out


# a report saying a figure is not compiled, split out or published ('chưa tổng hợp kim ngạch xuất khẩu theo quý', 'số liệu
# lũy kế, chưa tách riêng tháng 11', 'Quý II không tính riêng GRDP'): a period it names so is not one it gives a figure of
NOT_COMPILED = re.compile(r"\b(?:chua|khong)\s+(?:duoc\s+)?(?:tong hop|thong ke|co so lieu|cong bo|tach(?: rieng)?|"
                          r"tinh rieng|bien soan)\b")


_UNCOMPILED_BEFORE = re.compile(NOT_COMPILED.pattern + r"[^.;]{0,30}$")
_UNCOMPILED_AFTER = re.compile(r"[\s,]*" + NOT_COMPILED.pattern)


def uncompiled(folded: str, a: int, b: int) -> bool:
    """The period named at folded[a:b] is named as what is not compiled: right after the words ('chưa tách riêng
    tháng 11') or right before them ('Quý II không tính riêng GRDP')."""
    return bool(_UNCOMPILED_BEFORE.search(folded, max(0, a - 60), a) or _UNCOMPILED_AFTER.match(folded, b))


def compiled_only(folded: str, mentions) -> str:
    """Folded text with the periods it names only as not compiled blanked out (`mentions`: find_periods' of it)."""
    for m in mentions:
        if uncompiled(folded, m.start, m.end):
            folded = folded[:m.start] + " " * (m.end - m.start) + folded[m.end:]
    return folded


# a table of products ('SẢN PHẨM CÔNG NGHIỆP CHỦ YẾU'), each row a product's output; not 'tổng sản phẩm trên địa
# bàn' (the GRDP)
PRODUCTS_TABLE = re.compile(r"\bsan pham\b(?! tren dia ban)")
# a figure led by a plan's name and nothing achieved ('Dự toán thu ... năm 2024 là', 'Kế hoạch vốn giao'): the plan's
_PLAN_LEAD = re.compile(r"^[\W\d]*(?:tong\s+)?(?:du\s+toan|ke\s+hoach)\b")
_FIGURE_TOKENS = re.compile(r"(?<![\w/])\d[\d.,]*(?![\w/])(?<!\b(?:19|20)\d\d)")  # (a year is no figure)
_ACHIEVED = re.compile(r"(?i)\b(?:đạt|thực hiện|giải ngân|thu được|ước)\b")  # (printed: 'đạt' and 'đất' fold alike)


def plan_led(sentence: str, lead: str) -> bool:
    """The sentence's first figure is led by a plan's name (`lead`: its folded words before it), and the sentence says
    nothing achieved ('Tổng kế hoạch vốn ... là 1.246,8 tỷ đồng; đến ngày 25/9 đã giải ngân 612,4' states a result)."""
    # (one figure only: 'Tổng kế hoạch vốn ... là 3.891,923 tỷ đồng, trong đó: vốn NSĐP 1.250,038 ...' breaks the plan
    # down, and an OCR'd sentence may say what was achieved without its accents: 'dat 34,7% ké hoach')
    return bool(_PLAN_LEAD.match(lead)) and not _ACHIEVED.search(sentence) and len(_FIGURE_TOKENS.findall(sentence)) == 1
