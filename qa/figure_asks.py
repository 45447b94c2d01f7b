"""What a question asks of a figure: what it counts ('bao nhiêu hợp tác xã'), in which unit, against which baseline,
which numbers it already states, the first of several asks, and the word it asks 'bao nhiêu' of. Read from the
question alone; qa/figure_rank.py ranks a quote's figures by these readings."""
from __future__ import annotations

import re

from tracuu.ingest.periods import find_periods
from tracuu.ingest.places import province_spans
from tracuu.ingest.textnorm import fold, fold_ocr

from tracuu.index.lexical import words_of

from .figures import HOW_WORDS, NUMBER, parse_number
from .lexicon import lexicon

_LEX = lexicon()
_UNITS = _LEX.units


def units_in(question: str) -> set[str]:
    """Units a question names ('bao nhiêu kg gạo', 'tỷ lệ ... %'): a figure in that unit is what it wants."""
    folded = first_ask(question)  # 'đạt bao nhiêu, bằng bao nhiêu % dự toán': the value's unit first
    # short words that are also ordinary words ('hỗ trợ', 'tỷ lệ', 'con số') say nothing about the unit
    units = {u for u in _UNITS if u not in _AMBIGUOUS and re.search(rf"(?<![a-z]){re.escape(u)}(?![a-z])", folded)}
    if not units and _VALUE_ASKED.search(folded):
        units = set(_MONEY)  # 'kim ngạch xuất khẩu cà phê': its value, not the tonnes beside it
    elif (m := _ASK.search(folded)) and _MONEY_ASKED.match(folded, m.start()):  # (the first thing asked)
        # 'thu hút được bao nhiêu vốn FDI từ các dự án cấp mới': an amount of money, not the projects it came from
        units = {u for u in units if u in _MONEY} or set(_MONEY)
    # a rate is printed in percent ('tăng trưởng GRDP 7,02%', not 'GRDP bình quân đầu người 78,6 triệu đồng')
    # ('bao nhiêu phần trăm' is the percent sign spelt out; 'điểm phần trăm' a unit of its own)
    # (and so is a production or price index: 'Chỉ số sản xuất công nghiệp 5 tháng tăng bao nhiêu' is no 'Giá trị sản xuất
    # công nghiệp ... 79.460 tỷ đồng')
    return units | {"%"} if re.search(r"\b(?:tang truong|toc do|ty le)\b|(?<!diem )\bphan tram\b|\bchi so (?:san xuat|gia)\b"
                                      r"|\b(?:iip|cpi)\b", folded) else units


_AMBIGUOUS = _LEX.ambiguous_units


def asks_rate(question: str) -> bool:
    """A rate or a share is asked ('tỷ lệ', 'tỷ trọng', 'chiếm bao nhiêu', 'bao nhiêu phần trăm', a '%' unit), not an
    amount or a count."""
    return "%" in units_in(question) or bool(_RATE_WORDS.search(fold_ocr(question)))


def plan_subject(question: str) -> bool:
    """The question is about a plan's own amount ('Dự toán thu ngân sách ... giao là bao nhiêu?', 'Kế hoạch vốn năm
    2025 là bao nhiêu'), not a share of it nor what was done against it ('... đã thực hiện được bao nhiêu phần trăm')."""
    folded = fold_ocr(question)
    return bool(_PLAN_SUBJECT.match(folded)) and not asks_rate(question) and not _DONE.search(folded)


def done_asked(question: str) -> bool:
    """The question asks what was done or achieved ('ước đạt bao nhiêu', 'đã giải ngân', 'thực hiện được')."""
    return bool(_DONE.search(fold_ocr(question)))


_PLAN_SUBJECT = re.compile(r"^\W*(?:du toan|ke hoach|chi tieu)\b")
_DONE = re.compile(r"\b(?:giai ngan|thuc hien|uoc dat|da dat|dat duoc|hoan thanh|%)")


def asks_comparison(question: str) -> bool:
    """A comparison is asked ('so với cùng kỳ', 'so với kế hoạch', 'tăng bao nhiêu'): a change or share answers it."""
    return bool(_COMPARISON_WORDS.search(fold_ocr(question)))


_COMPARISON_WORDS = re.compile(r"\bso (?:sanh |voi )?(?:cung ky|ke hoach|du toan|thang truoc|nam truoc|quy truoc)"
                               r"|\b(?:tang|giam) bao nhieu")
_RATE_WORDS = re.compile(r"\b(?:ty le|ty trong|phan tram|chiem)\b")
_VALUE_ASKED = re.compile(r"\b(?:kim ngach|tri gia)\b")
_MONEY_ASKED = re.compile(r"\b(?:bao nhieu|may)\s+(?:von|tien|kinh phi)\b")  # money asked by its name
_ASK = re.compile(r"\b(?:bao nhieu|may)\s")
_MONTH_YEAR = r"(?:\s*/\s*|\s+nam\s+|\s+)?((?:19|20)\d\d)?"  # a month's year, where printed
_MONEY = [u for u in _UNITS if re.search(r"(?:^|\s)(?:usd|dong)$", u) and u != "lao dong"]


def counted(question: str) -> set[tuple[str, ...]]:
    """What a question counts: the words after 'bao nhiêu' / 'mấy' ('bao nhiêu hợp tác xã', 'mấy sản
    phẩm'). A figure printed before those words ('18 hợp tác xã') is the count asked, unit or not."""
    out = set()
    # a claim states its small count with a leading zero ('công nhận mới 09 trường học'): it counts those too
    for m in re.finditer(r"\b(?:bao nhiêu|bao nhieu|mấy|may|0\d)\s+(\w+(?: \w+){0,2})", question.lower()):
        words = fold_ocr(m.group(1)).split()
        first = m.group(1).split()[0]
        # typed with its marks, 'tài khoản' is no 'tại' (at); typed without, the stop word is read
        stop = first in _NOT_COUNTED_MARKED if first != fold(first) else words[0] in _NOT_COUNTED
        if words and not stop:
            out.add(tuple(words))
    if not out:  # 'tổng số trường đạt chuẩn quốc gia ... là bao nhiêu': what the total counts
        for m in re.finditer(r"\b(?:tổng số|tong so|số lượng|so luong)\s+(\w+(?: \w+){0,2})", question.lower()):
            if (words := fold_ocr(m.group(1)).split()) and words[0] not in _NOT_COUNTED:
                out.add(tuple(words))
    if not out and (m := _OPENING_COUNT.match(question.lower())):
        # a question opening on 'số ...' ('số người chết do tai nạn giao thông 10 tháng'): what it counts, not a change
        words = fold_ocr(m.group(1)).split()
        if words[0] not in _NOT_COUNTED | _NO_THING:
            out.add(tuple(words[:2]))
    return out


_OPENING_COUNT = re.compile(r"\s*(?:số|so)\s+(\w+(?: \w+)?)")
# what 'số' opens that is no thing counted: 'số liệu', 'số thu', 'số vốn', 'số tiền', 'số dư', 'so sánh'
_NO_THING = {"lieu", "thu", "chi", "von", "tien", "du", "sanh", "voi", "nop", "ke", "hoa"}


def counted_phrase(question: str) -> list[str]:
    """The folded words naming the thing a question counts, after 'bao nhiêu' / 'mấy' up to the first word that is no
    part of its name (a verb, a link, a place, a period): 'doanh nghiệp giải thể' of 'có bao nhiêu doanh nghiệp giải
    thể năm 2023'. Empty for an amount in a unit of money, mass or area ('bao nhiêu tỷ đồng vốn đầu tư công', 'bao
    nhiêu tấn lúa'), which reports state under many names, and for a question counting nothing."""
    folded = fold_ocr(question)
    m = re.search(r"\b(?:bao nhieu|may)\s+", folded)
    if not m:
        return []
    places = [s for s, _, _ in province_spans(folded) if s >= m.end()]
    rest = re.split(r"[,;:?.(]", folded[m.end():min(places, default=len(folded))], maxsplit=1)[0]
    words = re.findall(r"[a-z0-9%]+", rest)
    while words and words[0] in _SCALES:
        words = words[1:]
    if not words or words[0] in _AMOUNT_UNITS or words[0] in _NOT_COUNTED or words[0][0].isdigit():
        return []
    end = _PHRASE_END.search(" ".join(words))
    return " ".join(words)[:end.start() if end else None].split()[:6]


_SCALES = frozenset("nghin ngan trieu ty".split())
# amounts (money, mass, area, energy, a share), in their units or by their names ('bao nhiêu vốn đầu tư công', 'bao
# nhiêu tiền', 'kinh phí', 'giá trị', 'diện tích', 'sản lượng'): not a count of things
_AMOUNT_UNITS = frozenset("dong usd tan ta ha m2 m3 km2 kwh kg lit phan % diem von tien kinh gia kim dien san nang"
                          .split())
# what ends the name of the thing counted: links, verbs of stating, places' and periods' words, a number
_PHRASE_END = re.compile(r"\b(?:cua|cac|nhung|va|voi|trong|tren|tai|den|cho|tu|nay|do|khi|da|se|dang|bi|boi|ve|theo|la"
                         r"|duoc|dat|uoc|co|tang|giam|bang|chiem|so sanh|so voi|ngay|thang|nam|quy|tuan|o|tinh"
                         r"|thanh pho|huyen|thi xa|phuong|vao|qua|nua|hien|luy ke|nhu|the nao|gi|khong|vay|\d)\b")


# words after 'bao nhiêu' that are no thing counted ('tăng bao nhiêu so với cùng kỳ', '... bao nhiêu phần trăm'),
# as typed with marks; typed without them, their folded forms
_NOT_COUNTED_MARKED = {"so", "với", "là", "và", "thì", "trong", "trên", "được", "đạt", "tăng", "giảm", "năm", "tháng",
                       "quý", "của", "tại", "ở", "phần", "lần", "khi", "như", "hay", "còn", "vậy", "nữa", "để"}
_NOT_COUNTED = {fold(w) for w in _NOT_COUNTED_MARKED}


def against(question: str, aliases: dict[str, str] | None = None, short: dict[str, str] | None = None) -> set[str]:
    """What a question compares with ('so với cùng kỳ', 'so với tháng trước', 'bao nhiêu % kế hoạch'): a
    change or share stated against the same baseline answers it, not one against another. A baseline naming an
    acronym (`aliases`) is also read spelt out ('% dự toán HĐND tỉnh giao': 'dự toán Hội đồng nhân dân tỉnh giao'), and
    one spelling it out (`short`) as the acronym."""
    out = _against(question)
    spelt = {" ".join((aliases or {}).get(w, w) for w in b.split()) for b in out}
    if short:
        folded = fold_ocr(question)
        for acronym, full in short.items():
            folded = re.sub(rf"\b{full}\b", acronym, folded)
        spelt |= _against(folded)
    return out | spelt


def _against(question: str) -> set[str]:
    folded = first_ask(question)  # 'đạt bao nhiêu và bằng bao nhiêu % kế hoạch': the value first
    out = {m.group(1) for m in re.finditer(r"\bso (?:sanh )?voi ([a-z]+ [a-z]+)", folded)}
    # a month named by its number ('tháng 1/2024 so với tháng 12/2023'): that month, which is 'tháng trước' when it is the
    # one before the month asked, 'cùng kỳ' when it is the same month
    # (the years, where both are printed, must be the next: 'tháng 1/2026 so với tháng 1/2023' is three years apart)
    for m in re.finditer(rf"\bso (?:sanh )?voi (thang (\d{{1,2}}))\b{_MONTH_YEAR}", folded):
        out.add(m.group(1))
        if asked := re.search(rf"\bthang (\d{{1,2}})\b{_MONTH_YEAR}", folded[:m.start()]):
            a_month, a_year, b_month, b_year = int(asked.group(1)), asked.group(2), int(m.group(2)), m.group(3)
            years = int(a_year) - int(b_year) if a_year and b_year else None
            if (a_month - 2) % 12 + 1 == b_month and years in (None, int(a_month == 1)):
                out.add("thang truoc")
            elif a_month == b_month and years in (None, 1):
                out.add("cung ky")  # ('tháng 5/2024 so với tháng 5/2023': the same month of the year before)
    # ('... so với kế hoạch Thủ tướng Chính phủ giao?': the plan as worded, whose it is)
    plans = list(re.finditer(r"(?:phan tram|%|\bso voi)\s*(?:so voi )?(ke hoach|du toan|chi tieu)((?: [a-z]+){0,5})", folded))
    out |= {m.group(1) for m in plans}
    # and the plan as the question words it ('kế hoạch giao chi tiết' beside 'tổng kế hoạch giao'): the longer match first
    out |= {m.group(1) + m.group(2) for m in plans if len(m.group(2).split()) >= 2}
    # a plan's target is its 'chỉ tiêu': '% chỉ tiêu cả năm' is answered by '86,5% kế hoạch năm', and the reverse
    return out | {"ke hoach", "chi tieu"} if out & {"ke hoach", "chi tieu"} else out


def given(question: str) -> set[float]:
    """Numbers a question states ('HĐND giao 18 chỉ tiêu, bao nhiêu chỉ tiêu đạt?'): they are what it
    knows, not what it asks. Numbers of its periods are left out ('6 tháng 2023')."""
    folded = fold_ocr(question)
    spans = [(m.start, m.end) for m in find_periods(folded, folded=True)]
    return {v for m in NUMBER.finditer(folded) if not any(a <= m.start() < b for a, b in spans)
            and (v := parse_number(m.group())) is not None}


_ASK = re.compile(r"\b(?:bao nhieu|may|la gi|nao)\b|(?<=, )so (?:voi|sanh)\b")  # ', so với kế hoạch?' asks a share


def first_ask(question: str) -> str:
    """The first of several things a question asks ('tiếp nhận bao nhiêu hồ sơ và tỷ lệ nộp trực tuyến
    là bao nhiêu', 'tổng chi là bao nhiêu, giảm bao nhiêu'), folded: its figure leads the answer."""
    folded = fold_ocr(question)
    asks = list(_ASK.finditer(folded))
    if len(asks) == 1 and (yes_no := _YES_NO_AFTER.search(folded, asks[0].end())):
        return folded[:yes_no.start()].strip()  # '... là bao nhiêu, có đạt kế hoạch không?': the value first
    if len(asks) < 2:
        return folded
    cut = re.search(r",|\bva\b|\bcon\b", folded[asks[0].end():asks[1].start()])
    return folded[:asks[0].end() + cut.start()].strip() if cut else folded


# a yes-or-no ask after the figure's ('..., có đạt kế hoạch không?', '... và có vượt mục tiêu hay không')
_YES_NO_AFTER = re.compile(r"(?:[,;]|\bva\b)(?=[^,;]*\bkhong\b\W*$)")


def asks_change(question: str) -> bool:
    """'GRDP tăng bao nhiêu' asks the change; 'tổng chi là bao nhiêu, giảm bao nhiêu' asks the value
    first, its change second; 'tăng trưởng GRDP' names a rate, which reports state either way ('đạt 5,08%')."""
    # (not 'giám sát', 'giám đốc', 'tăng cường', which fold alike: 'Đoàn giám sát ... xác định số giải ngân')
    return bool(re.search(r"\b(?:tang|giam)\b(?! truong)", _NOT_CHANGE.sub(" ", first_ask(question))))


_NOT_CHANGE = re.compile(r"\b(?:giam (?:sat|doc|dinh|thi)|tang cuong)\b")


# words between what is asked of and its figure: 'khám cho bao nhiêu', 'khám được 254.104', 'giải ngân đạt'
_BRIDGE = frozenset("duoc dat cho la co uoc khoang gan hon tren tong cong tat ca bang chiem tang giam truong muc".split())


def asked_word(question: str) -> tuple[str | None, set[str]]:
    """The content word a question asks 'bao nhiêu' of ('khám cho bao nhiêu lượt người' -> 'kham'; None when the ask
    opens the question or follows a word that says nothing of what is counted), and the words of what it counts
    after the ask ('hồ sơ trực tuyến', 'khách quốc tế'; read only when there is such a word), folded."""
    folded = first_ask(question)
    for a, b, _ in reversed(province_spans(folded)):  # 'tỉnh Long An có bao nhiêu xã': 'an' is no word asked of
        a = m.start() if (m := re.search(r"(?:tinh|thanh pho|tp\.?)\s*$", folded[:a])) else a
        folded = f"{folded[:a]}{' ' * (b - a)}{folded[b:]}"
    m = re.search(r"\b(?:bao nhieu|may)\b([^,.;?]*)", folded)
    if not m:
        return None, set()
    words = [w for w in re.findall(r"[a-z]+", folded[:m.start()]) if w not in _BRIDGE]
    word = words[-1] if words else None
    if not (word and word not in _NOT_COUNTED and word not in HOW_WORDS and len(word) > 1):
        return None, set()
    return word, {w for w in re.findall(r"[a-z]+", m.group(1)) if w not in _BRIDGE and w not in _NOT_COUNTED
                  and w not in HOW_WORDS}


def lead_in_words(question: str) -> list[str]:
    """The words of a question before its first ask, folded, without the words that bridge to a figure."""
    folded = first_ask(question)
    m = re.search(r"\b(?:bao nhieu|may)\b", folded)
    return [w for w in re.findall(r"[a-z]+", folded[:m.start()] if m else "") if w not in _BRIDGE]


def last_clause(head: str) -> list[str]:
    """The words of a figure's last clause, without the words that bridge to it ('đã thu hồi số tiền 250 triệu
    đồng': 'số tiền', 'số lượng' say only that an amount follows)."""
    clause = [w for w in words_of(head.rsplit(",", 1)[-1]) if w not in _BRIDGE]
    while len(clause) > 2 and clause[-2] == "so" and clause[-1] in ("tien", "luong"):
        clause = clause[:-2]
    return clause


def shared_run(head: str, lead_in: list[str]) -> int:
    """How many words the end of a figure's last clause shares, in order, with the end of the question's words
    before its ask."""
    clause = last_clause(head)
    n = 0
    while n < min(len(clause), len(lead_in)) and clause[-1 - n] == lead_in[-1 - n]:
        n += 1
    return n


def states_the_ask(question: str, sentence: str) -> bool:
    """The sentence states a figure right after the word the question asks of and before what it counts ('đã khởi
    công 817 căn' for 'khởi công được bao nhiêu căn'): what is asked is stated, however the rest is worded."""
    word, counted = asked_word(question)
    if not word or not counted:
        return False
    bridge = "|".join(sorted(_BRIDGE))
    return bool(re.search(rf"\b{word}\s+(?:[a-z]+\s+)?(?:(?:{bridge})\s+){{0,3}}\d[\d.,]*\s*%?\s+(?:{'|'.join(sorted(counted))})\b",
                          fold_ocr(sentence)))
