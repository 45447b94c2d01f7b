"""Whose figure a sentence states: the asked province's, the whole country's, a neighbour's or a district's.
A province's question is answered only by its own figures; these readings rule the others out."""
from __future__ import annotations

import re

from tracuu.index.lexical import words_of
from tracuu.ingest.places import find_provinces, province_spans, successor, unit_words
from tracuu.ingest.textnorm import bracket_close, fold_ocr, letter_off

from .sentence import figure_lead
from .glossary import NATION, WHOLE_PROVINCE
from .parts import row_label
from .query import FORMER_MARK, Query

# (not a rank: 'dẫn đầu cả nước', 'cao nhất cả nước', 'xếp thứ 5 cả nước' are the province's own standing)
_NATION = re.compile(r"(?<!thu )(?<!so voi )(?<!dau )(?<!nhat )(?<!thu \d )(?<!thu \d\d )(?<!hang \d )(?<!hang \d\d )(?<!/\d\d )"
                     rf"\b(?:{NATION}|(?:den|vao|cua|tai) viet nam)\b")
# a district, town or city inside the province, by its name ('Quận Cầu Giấy', 'huyện Đông Anh', 'thành phố
# Thủ Đức', 'quận 1'): a capital or a number after the word tells it from 'quản lý', 'quan trọng'
_NAME = r"[A-ZĐÂĂÊÔƠƯ]\w*(?:\s+[A-ZĐÂĂÊÔƠƯ]\w*){0,2}"  # a place's capitalised name, up to three words
_LOCAL = re.compile(rf"\b(?:[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]hành phố|TP\.?)\s+(?P<name>(?:{_NAME})|\d{{1,2}}\b)")
_LOCAL_ASKED = re.compile(r"\b(?:quan|huyen|thi xa|thanh pho|tp|dia phuong)\b")
# 'đấu giá đất ở thành phố Đà Lạt, Bảo Lộc ...': where the work is done, not whose figure it is
_LOCATIVE = re.compile(r"(?:\b(?:ở|tại|thuộc|[Tt]rên địa bàn)\s+(?:các\s+)?)$")


def others_figure(query: Query, sentence: str) -> bool:
    """The sentence's first figure is plainly another place's: the whole country's, or a province its
    lead names as the owner while the question asks about another ('Tỉnh láng giềng Bình Định đón
    512.000 lượt khách quốc tế' for Phú Yên)."""
    if national_figure(query, sentence) or _province_figure(query, figure_lead(sentence) or ""):
        return True
    named = owners(figure_lead(sentence) or "")
    return bool(query.provinces and named and not named & set(query.provinces))


# a figure of the whole country: named before it in its clause ('cả nước thu hút 21,52 tỷ USD'), or right after it
# ('cao hơn mức 6,82% của cả nước', 'GDP 7,09% (cả nước)')
_NATIONS_FIGURE = re.compile(rf"\b(?:{NATION})\b[^;.]{{0,80}}?\d|\d[\d.,]*\s*%?[^;.\d]{{0,25}}?\b(?:{NATION})\b")


def asks_nation(query: Query) -> bool:
    """The question asks the whole country's figure ('thu ngân sách cả nước 4 tháng 2023'), naming no province:
    a province's figure is no answer, and it is asked of no province in turn."""
    return not query.provinces and bool(_NATION.search(fold_ocr(query.text)))


def nation_named(sentence: str) -> bool:
    """The sentence speaks of the whole country somewhere ('Toàn ngành thuế cả nước 4 tháng ...')."""
    return bool(_NATION.search(fold_ocr(sentence)))


def national_figure(query: Query, sentence: str) -> bool:
    """The quote's first figure is the whole country's ('Cả nước thu ngân sách đạt 54% dự toán'): no
    answer for a provincial report's reader unless the question asks about the country. Only the
    words before the figure in its clause count: '..., cao hơn mức tăng 6,82% của cả nước' keeps the
    province's figure, 'xếp thứ 5 cả nước' is the province's rank."""
    if _NATION.search(fold_ocr(query.text)):
        return False
    lead = figure_lead(sentence)
    # (or a region's, or a corporation's over several provinces: 'Toàn Tổng công ty Điện lực miền Bắc, điện thương
    # phẩm 11 tháng đạt 86.412 triệu kWh' in Ninh Bình's release, unless the lead names the province asked)
    return bool(lead and (_NATION.search(lead) or _REGION.search(lead) and not _REGION.search(fold_ocr(query.text))
                          and not set(query.provinces) & set(find_provinces(lead))))


_REGION = re.compile(r"\bmien\s+(?:bac|trung|nam|tay|dong)\b|\b(?:toan|ca)\s+tong\s+cong\s+ty\b")


def own_clauses(query: Query, sentence: str) -> str:
    """The sentence without its parts whose first figure is the whole country's ('...; tỷ lệ giải ngân của cả nước đến
    30/11/2025 khoảng 60,6%'), unless the country is asked: the words a province's question shares with them are the
    country's figure's, not the province's."""
    if _NATION.search(fold_ocr(query.text)):
        return sentence
    parts = _PARTS.split(sentence)  # (parts a semicolon sets apart: a comma's clause may be the figure's share of
    # the country's total, 'chiếm 12,7% tổng vốn FDI của cả nước', or its contrast, 'trong khi GDP cả nước tăng 4,24%')
    kept = [c for c in parts if not ((lead := figure_lead(c)) and _NATION.search(lead) and not _COMPARING.match(lead))]
    # (a sentence all of whose parts name the country is judged by its first figure: `national_figure`)
    return "; ".join(kept) if kept and len(kept) < len(parts) else sentence


_PARTS = re.compile(r";\s+")
# a clause comparing the figure before it with the country's ('cao hơn tỷ lệ bình quân cả nước (55%)'): the
# province's figure's context, not a figure of its own
_COMPARING = re.compile(r"\s*(?:cao|thap|nhanh|cham|tot)\s+hon\b|\s*(?:vuot|bang|gap|so voi|dung thu|xep thu|chiem|trong khi)\b")

# '(cả nước đến nay đã tiêm hơn 208,6 triệu liều vắc xin)': the country's figure in brackets beside the province's own
_NATION_BRACKET = re.compile(r"\([^()]*\b(?:cả nước|ca nuoc|toàn quốc|toan quoc)\b[^()]*\)", re.IGNORECASE)


def without_nation_brackets(sentence: str) -> str:
    """The sentence without the whole country's figures it gives in brackets: what it states of the province itself (a
    count of doses asked, the province's rate beside the country's count is no answer)."""
    return _NATION_BRACKET.sub(" ", sentence)


# 'phối hợp với tỉnh Lâm Đồng, tỉnh Đắk Nông', 'so với Đà Nẵng': provinces after 'với' are partners or
# baselines, not whose figure it is (P stands for each province name)
# (or one it is compared with: 'thấp hơn thành phố Đà Nẵng (7,81%)', 'chỉ sau tỉnh Đắk Nông', 'như Hà Nội')
_PARTNER = re.compile(r"\b(?:v[a-z]{1,2}i|hon|sau|truoc|nhu)\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?(?:P\s*(?:,|va)\s*(?:(?:tinh|thanh pho|tp\.?)\s+)?)*$")


def owners(lead: str) -> set[str]:
    """Provinces a figure's lead names as its owner (folded lead)."""
    spans = province_spans(lead)
    marked = lead
    for a, b, _ in reversed(spans):
        marked = marked[:a] + "P" + marked[b:]
    out, aside, shift = set(), set(), 0
    for a, b, name in spans:  # offsets in `marked` move by each earlier name's length
        if not _PARTNER.search(marked[:a - shift]):
            # (a name in a bracket is an aside on the owner before it: 'tỉnh Sóc Trăng (giáp Trà Vinh qua sông Hậu)')
            (aside if bracket_close(lead, a, b, len(lead)) >= 0 else out).add(name)
        shift += (b - a) - 1
    return out or aside


def _local_figure(query: Query, sentence: str, lead: str) -> bool:
    """The figure's lead names a district, town or city of the province ('Quận Cầu Giấy dẫn đầu với
    312 doanh nghiệp') and the question names none: it is that place's figure, not the province's."""
    folded, asked = fold_ocr(sentence), fold_ocr(query.text)
    at = folded.find(lead)
    if at < 0 or len(folded) != len(sentence) or _LOCAL_ASKED.search(asked):
        return False
    printed = sentence[at:at + len(lead)]
    provinces_at = {a for a, _, _ in province_spans(fold_ocr(printed))}
    # 'thành phố Hà Nội', 'TP. Hồ Chí Minh' are the province itself; 'Đông Anh' named in the question is asked
    return any(m.start("name") not in provinces_at and not _LOCATIVE.search(printed[:m.start()])
               and not re.search(rf"\b{re.escape(fold_ocr(m.group('name')))}\b", asked)
               for m in _LOCAL.finditer(printed)) or bool(_RANKED_UNIT.match(printed))


# 'Huyện có tỷ lệ hộ nghèo cao nhất là Sốp Cộp (52,46%)', 'Địa phương thu cao nhất là ...': the unit ranked first or
# last, whose figure it is
_RANKED_UNIT = re.compile(r"\s*(?:[Hh]uyện|[Qq]uận|[Xx]ã|[Pp]hường|[Đđ]ịa phương|[Đđ]ơn vị(?: cấp huyện)?)\b[^,;:]{0,60}?"
                          r"\b(?:cao|thấp|lớn|nhỏ|nhiều|ít|nhanh|chậm)\s+nhất\b")


# a unit below the province the question asks about, by its capitalised name ('huyện Đức Trọng', 'xã Lục Sơn')
_UNIT_ASKED = re.compile(rf"\b(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|[Pp]hường)\s+(?P<name>{_NAME})")


def _province_figure(query: Query, lead: str) -> bool:
    """The question asks about a district or commune ('huyện Đức Trọng') and the figure's lead names the whole
    province as its place ('tổng thu ... trên địa bàn tỉnh Lâm Đồng đạt 6.184,5 tỷ đồng' in the district's
    report): the province's figure, not the unit's."""
    units = _units_asked(query)
    asked = fold_ocr(query.text)
    if WHOLE_PROVINCE.search(asked) or _WHOLE_CITY.search(asked):
        return False  # the whole is asked ('Theo báo cáo của huyện Củ Chi, GRDP ... của toàn Thành phố')
    whole = WHOLE_PROVINCE.search(lead) or _WHOLE_CITY.search(lead)
    return bool(units) and bool(whole) and not any(re.search(rf"\b{re.escape(u)}\b", lead) for u in units)


def _unit_s_clause(query: Query, sentence: str) -> bool:
    """A later clause of the sentence gives the unit asked its own figure ('toàn tỉnh có 14 cụm ..., tỷ lệ lấp đầy 46,8%;
    riêng thị xã Chơn Thành có 4 cụm với tỷ lệ lấp đầy 71,2%'): the sentence answers for the unit."""
    folded = fold_ocr(sentence)
    return any(re.search(rf"\b{re.escape(u)}\b[^;.]*?\d", folded) for u in _units_asked(query))


def _units_asked(query: Query) -> list[str]:
    """The folded names of the units below the province the question asks by kind and name (`_UNIT_ASKED`), less a
    province's name."""
    return [u for u in (fold_ocr(m.group("name")) for m in _UNIT_ASKED.finditer(query.text)) if not find_provinces(u)]


# a centrally-run city as a whole ('của toàn Thành phố Hồ Chí Minh' in huyện Củ Chi's report): above any district asked
_WHOLE_CITY = re.compile(r"\b(?:toan|ca) thanh pho\b")


def elsewhere_figure(query: Query, sentence: str, report_province: str | None, section: str = "",
                     subject: set[str] | frozenset = frozenset()) -> bool:
    """The quote's first figure belongs to another place than the one asked: the country's, or that of
    a province its clause names ('Tỉnh Đắk Lắk láng giềng tăng 7,05%' in a Gia Lai article), or, where it names
    none, that of the province its paragraph opens with (`subject`: 'Tỉnh Quảng Trị sau hợp nhất ... ; đến ngày
    30/9/2025, tỉnh giải ngân được 54,45%' in an article filed under Huế). A report of another province answers
    only where the clause, its section or its paragraph's subject names the asked province (a regional article's
    part on it)."""
    if national_figure(query, sentence):
        return True
    if not query.provinces and _NATION.search(fold_ocr(query.text)) and not _NATIONS_FIGURE.search(fold_ocr(sentence)):
        # the country asked ('GDP cả nước 6 tháng đầu năm 2023'): a province's figure, beside no figure of the
        # country ('cao hơn tốc độ tăng của cả nước'), is no answer
        return True
    lead = figure_lead(sentence) or ""
    if lead and (_local_figure(query, sentence, lead) or _province_figure(query, lead)
                 and not _unit_s_clause(query, sentence)):
        return True
    if not query.provinces:
        return False
    named, asked = owners(lead), set(query.provinces)
    if (label := row_label(sentence)) is not None:  # a table row's figures are its label's ('- Khu vực Bến Tre (cũ)')
        named |= owners(fold_ocr(label))
        # (or its cells of words: '2 > Khu vực: Phú Yên (cũ); Dự toán 2025: 7.300', a column of names)
        named |= owners(fold_ocr(" ".join(m.group(1) for m in _WORD_CELL.finditer(sentence))))
    if named and not named & asked:
        return not clause_of(sentence, asked)
    if not named and subject and not subject & asked:
        return not clause_of(sentence, asked)
    if report_province and report_province not in query.provinces:
        return not ((named | set(find_provinces(section)) | subject) & asked or clause_of(sentence, asked))
    return False


_WORD_CELL = re.compile(r"(?:^|; |> )[^;:>]{1,40}:\s*([^;:>\d]{2,60}?)\s*(?=;|$)")  # 'Khu vực: Phú Yên (cũ)'


def unit_not_named(query: Query, sentence: str, section: str, doc) -> bool:
    """The question asks of a district or a district's city ('thành phố Quy Nhơn', 'huyện Đắk Mil') and neither the
    sentence, its section nor its report (title, issuer) names it: a figure of the province or of another unit."""
    units = query.districts
    if not units or WHOLE_PROVINCE.search(fold_ocr(query.text)):
        return False
    words = unit_words(fold_ocr(" ".join(filter(None, [sentence, section, doc.title, doc.issuer]))))
    # (OCR may print a letter off: 'huyén Bic Son' is Bắc Sơn)
    return not any(any(all(w == u or letter_off(u, {w}) for w, u in zip(words[i:], unit.split()))
                       for i in range(len(words) - len(unit.split()) + 1)) for unit in units)


def paragraph_subject(text: str) -> set[str]:
    """The provinces a passage opens with as its subject ('Tỉnh Quảng Trị sau hợp nhất ... có GRDP ...', 'Đà Nẵng:
    dẫn đầu tăng trưởng'): what its later sentences speak of when they name no place."""
    first = text.split(". ", 1)[0]
    lead = fold_ocr(figure_lead(first) or first[:80])
    # (not a former province's part, as a merged province's report names them: 'Kon Tum (cũ) 3.215,4 tỷ đồng')
    return set() if _PART_OF_MERGED.search(lead) else owners(lead)


_PART_OF_MERGED = re.compile(r"\(\s*cu\s*\)|\bkhu vuc\b|\bdia ban\b")


def clause_of(sentence: str, asked: set[str]) -> bool:
    """A clause of the sentence gives the asked province its own figure after another's ('Bình Thuận tăng
    6,1%, Ninh Thuận tăng 9,2%'; 'tổng thu 9.786,4 tỷ đồng; trong đó khu vực Hà Giang (cũ) 4.126,5 tỷ đồng'):
    the sentence answers for it, and figure ranking (`place_of`) puts that clause's figure first."""
    for clause in clauses(sentence):
        folded = fold_ocr(clause)
        # the place is the clause's subject, its figure after it: not 'đứng thứ 2 cả nước sau Quảng Ninh'
        # (read up to its figure: a name in a bracket closed before it is an aside, 'tỉnh Sóc Trăng (giáp Trà Vinh ...)')
        if any(name in asked and (digit := re.search(r"\d", folded[b:])) and name in owners(folded[:b + digit.start()])
               for _, b, name in province_spans(folded)):
            return True
    return False


def place_of(head: str, asked: set[str], report_province: str | None) -> int:
    """How a figure's own words place it: 0 it is the asked province's (its words name it, or name no place
    in a report of that province), 1 it names no place in another province's report (a merged province's
    total), 2 its words name another province."""
    if not asked:
        return 0
    named = owners(fold_ocr(head))
    # (a former province merged into the one asked is a part of it, not another place: 'trong đó khu vực phía Đông
    # (Bình Định cũ) 1.952,4' in a Gia Lai report after 2025 places as its 'khu vực phía Tây' does)
    named -= {name for name in former_areas(head) if successor(name) in asked}
    if named:
        return 0 if named & asked else 2
    return 0 if report_province in asked else 1


_CLAUSE = re.compile(r"[,;]\s")  # a label's colon stays with its value ('Khu vực Bắc Kạn (cũ): 6,84')
_BRACKETED = re.compile(r"\([^()]*\)")


def clauses(sentence: str) -> list[str]:
    """The sentence cut at commas and semicolons, but not inside brackets: 'khu vực Yên Bái cũ (Mù Cang Chải,
    Nghĩa Lộ) đón 1.912,4 nghìn lượt' is one clause."""
    # the bracket's commas masked with a same-length stand-in, so the pieces keep the sentence's own text
    masked = _BRACKETED.sub(lambda m: m.group().replace(",", "\0").replace(";", "\1"), sentence)
    out, at = [], 0
    for m in _CLAUSE.finditer(masked):
        out.append(sentence[at:m.start()])
        at = m.end()
    return out + [sentence[at:]]


_WORD = re.compile(r"[^\W\d_]+|\S")


def unheard_names(question: str, lexical) -> list[str]:
    """Proper names a question asks about that no indexed report prints ('Kim ngạch xuất khẩu của Viêng Chăn',
    'tang truong kinh te Vieng Chan', 'GRDP Bangkok'): capitalised words run together (no acronym, not the
    question's first word, which any sentence capitalises), a word of which the index does not hold, or none of
    whose word pairs (with the word after, 'Bộ Quốc phòng') it holds. Whatever a report says, it says of another. Not in
    a question whose other words the index mostly lacks too ('What is the weather in Paris tomorrow?')."""
    words = [m.group() for m in _WORD.finditer(question)]
    runs: list[tuple[list[str], str]] = []  # (the name's words, the word after it)
    k = 1
    while k < len(words):
        run = []
        while k < len(words) and len(words[k]) > 1 and words[k][0].isupper() and not words[k].isupper():
            run.append(words[k])
            k += 1
        if run:
            runs.append((run, words[k] if k < len(words) else ""))
        k += 1
    named = {w for run, _ in runs for w in run}
    rest = [t for t in words_of(" ".join(w for w in words if w not in named)) if t.isalpha()]
    if len([t for t in rest if lexical.holds(t)]) * 2 < len(rest):
        return []  # (a question in another language: its names stand out from nothing the reports print either)
    out = []
    for run, after in runs:
        name = " ".join(run)
        syllables = words_of(name)
        if not syllables or find_provinces(name):
            continue
        more = words_of(after) if after[:1].islower() else []
        pairs = [f"{a}_{b}" for a, b in zip(syllables, syllables[1:] + more[:1])]
        if not all(lexical.holds(t) for t in syllables) or (len(run) > 1 and not any(lexical.holds(t) for t in pairs)):
            out.append(name)
    return out


def former_areas(text: str) -> list[str]:
    """The provinces a text names as they were before the 2025 merger ('Khu vực Bắc Kạn (cũ)', 'tỉnh Quảng Nam cũ')."""
    folded = fold_ocr(text)
    spans = province_spans(folded)
    # (a column headed by an area alone, 'Khu vực Phú Thọ' beside 'Khu vực Vĩnh Phúc' and 'Toàn tỉnh' in the merged
    # province's table by former province: the area as it was, '(cũ)' or not)
    if len(spans) == 1 and _AREA_HEADER.fullmatch(folded[:spans[0][0]]) and not folded[spans[0][1]:].strip(" ():"):
        return [spans[0][2]]
    return [name for _, b, name in spans if FORMER_MARK.match(folded, b)]


_AREA_HEADER = re.compile(r"\W*(?:khu vuc|dia ban)\s+(?:tinh\s+)?")


# a district's row ('Thành phố Cà Mau', 'Huyện Trần Văn Thời', 'TX. Giá Rai'); not a city that is a province itself
DISTRICT_WORDS = re.compile(r"\b(?:thanh pho|tp|huyen|thi xa|tx)\b")  # (read before a district's row is looked for)
_DISTRICT_ROW = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:thanh pho|tp\.?|huyen|thi xa|tx\.?)\s+(?!(?:ha noi|ho chi minh|hai phong|"
                           r"da nang|can tho|hue)\b)[a-z]")


def district_row(label: str, asked_text: str, query: Query) -> bool:
    """A district's row that the question does not ask by name (the province's own name aside: 'Thành phố Cà Mau')."""
    m = _DISTRICT_ROW.match(label)
    name = label[m.end() - 1:].strip() if m else ""
    return bool(m) and (name not in asked_text or any(fold_ocr(p) == name for p in query.provinces))
