"""What a figure measures, in its quote's own words: the unit after it, and the words before it back to
the previous figure's (its clause's subject, the whole a 'trong đó' part belongs to, a footnote's marked
figure). qa/figures.py reads the figures; this module says what each one is of."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracuu.ingest.periods import find_periods
from tracuu.ingest.textnorm import fold, fold_ocr, letter_off

from .lexicon import lexicon
from .sentence import last_stop

if TYPE_CHECKING:
    from .figures import Figure

_LEX = lexicon()
_UNITS = _LEX.units
SCALE = {"nghin ty": 1e12, "ngan ty": 1e12, "ty": 1e9, "trieu": 1e6, "nghin": 1e3, "ngan": 1e3}
_TRAILING_VERB = re.compile(r"(?:^|\s+)(?:uoc|uoc tinh|uoc dat|dat|la|dat muc|t[aie]ng|gi[a-z]m|bang|chiem|voi|khoang|gan|hon|"
                            r"tren|xap xi)\s*$")  # whole words: 'giải ngân' keeps its 'ngân'; OCR's 'ting', 'gidm' too
_FILLER = re.compile(r"^(?:trong do|trong|tinh chung|luy ke|uoc tinh|uoc|dat|la|voi|va|cua|thi)\b\s*")


def unit_at(folded_after: str) -> str | None:
    """The unit starting `folded_after`; a long one may have one letter misread by OCR ('doanh nghi¢p').
    A bare scale word takes the unit after it: 'nghìn m3', 'triệu kWh'."""
    u = _one_unit(folded_after)
    if u in SCALE:
        rest = folded_after[len(u):]
        nxt = _one_unit(rest.lstrip()) if rest[:1] == " " else None
        if nxt and nxt not in SCALE:
            return folded_after[:len(folded_after) - len(rest.lstrip()) + len(nxt)]
    return u


def _one_unit(folded_after: str) -> str | None:
    for u in _UNITS:
        head = folded_after[:len(u)]
        if len(head) == len(u) and (head == u or len(u) >= 6 and sum(a != b for a, b in zip(head, u)) <= 1) \
                and (u == "%" or not re.match(r"[^\W¹²³⁴⁵⁶⁷⁸⁹⁰]", folded_after[len(u):len(u) + 1])):  # 'ha¹': a mark
            return u
    return None


_VERSUS = _LEX.pattern("versus")


def versus(words: str) -> bool:
    """Words that make a figure what its clause compares with ('cao hơn mức'); after 'khi', 'nhưng' the clause
    names its own subject again ('thấp hơn kỳ vọng khi GRDP chỉ tăng 2,58%')."""
    return bool(_VERSUS.search(re.split(r"\b(?:khi|nhung)\b", fold_ocr(words))[-1]))


# 'so với cùng kỳ giảm 40 vụ': a change stated against the same time a year before, not what the clause compares with
_CHANGE_AGAINST = re.compile(r"\bso (?:v[a-z0-9&]{1,2}i )?(?:cung (?:ky|thoi gian)|(?:thang|quy|nam|ky) truoc)"
                             r"(?: nam (?:\d{4}|truoc))?,?\s*(?:tang|giam)?\s*$")


_PARTS = _LEX.pattern("parts")  # 'trong đó': parts of the whole before it follow
# a sentence breaking the one before down by source or kind: 'Theo nguồn vốn: ...', 'Chia theo khu vực: ...'
_BREAKDOWN_OPENS = re.compile(r"\s*(?:theo nguon von|(?:chia|phan) theo (?:nguon|khu vuc|nganh|linh vuc|loai hinh|dia ban))\b")


def _clause_end(quote: str, b: int) -> int:
    return min([x for x in (quote.find(",", b), quote.find(";", b), quote.find(". ", b)) if x >= 0] or [len(quote)])


def tail_end(quote: str, numbers: list, i: int) -> int:
    """Where the words after figure i stop describing it: the clause's end, the next number, or 'với' that
    names the next figure's measure ('89 doanh nghiệp thành lập mới với tổng vốn đăng ký 911,7 tỷ đồng';
    not 'so với', a baseline)."""
    end = _clause_end(quote, numbers[i].end())
    end = min(end, numbers[i + 1].start()) if i + 1 < len(numbers) else end
    joined = _WITH.search(fold(quote[numbers[i].end():end]))
    return numbers[i].end() + joined.start() if joined else end


# the words an earlier figure counts, then 'và' right before this one
_AND = re.compile(r"[^\d,;.]{1,40}?\s(?:va|hoac)\s*$")
# 'với' (OCR 'véi', 'vai') after a figure's words, before another figure's measure
_WITH = re.compile(r"(?<!\bso)\s+v[oea]i\s+(?=[^\W\d])")


def head_of(quote: str, folded: str, numbers: list, i: int, out: list[Figure], fig: Figure,
          earlier: list[Figure]) -> str:
    """The words that say what figure i measures, for ranking: back to the end of the previous figure's
    own words or the clause's start ('Tổng số thu BHXH, BHYT, BHTN ước đạt 282.530'), not just the last
    comma. A figure with no words of its own ('đạt 87,2% kế hoạch') shares the previous one's; a part
    after 'trong đó' carries its whole's words too ('tổng diện tích ..., trong đó 2.128 ha rau')."""
    a = numbers[i].start()
    start = max(last_stop(quote, a) + 1, quote.rfind(";", 0, a) + 1, quote.rfind("\n", 0, a) + 1)
    # back to where an earlier figure's clause ended, or to where the words after an earlier measured
    # figure ('đạt 33,4% kế hoạch vốn (3.553 tỷ đồng)') end: those are its words. Numbers inside the
    # phrase ('tỷ lệ dân số từ 18 tuổi trở lên tiêm đủ 2 mũi đạt 94,34%') are part of it
    figures_at = {f.start for f in out}
    for j in range(i - 1, -1, -1):
        if numbers[j].start() not in figures_at:
            continue  # no figure ('cả 3 tuyến', a footnote mark): part of the words
        if (end := _clause_end(quote, numbers[j].end())) < a:
            start = max(start, end + 1)
            break
        after = folded[numbers[j].end():numbers[j].end() + 30]
        if after.lstrip().startswith("%") or unit_at(after.lstrip()):
            start = max(start, tail_end(quote, numbers, j))
            break
        if joined := _AND.match(folded, numbers[j].end(), a):
            # '11,3 bác sỹ và 33,3 giường bệnh': what the earlier one counts ends at 'và'; both share the subject
            start = max(start, joined.end())
            break
    # inside a bracket opened after an earlier figure ('377/618 nhà ở (xây mới 124/208 hộ, sửa chữa 253/410 hộ)'):
    # its words start at the bracket, and a count there is a part of the figure before it
    sentence_at = max(last_stop(quote, a), quote.rfind(";", 0, a))
    opened = quote.rfind("(", sentence_at + 1, a)
    before = [f for f in out if sentence_at < f.start < opened] if opened >= 0 and ")" not in quote[opened:a] else []
    # (from the bracket itself when no figure stands in it before this one: the tail of the figure before the bracket
    # stops at the next number, '2.936,5 tỷ đồng (riêng thu tiền sử dụng đất 612,3 tỷ đồng)')
    first_inside = not any(opened < f.start < a for f in out)
    if before and fig.kind == "result" and (inside := indicator_before(
            quote, folded, opened + 1 if first_inside else max(start, opened + 1), a)):
        # (a bare '(4,24%)' after 'cao hơn mức tăng chung của cả nước' keeps the words before the bracket)
        fig.own, fig.part_of = inside, before[-1]
        return f"{before[-1].head} {inside}"
    own = fig.own = indicator_before(quote, folded, start, a)
    if not own and out:
        fig.part_of = out[-1].part_of
        return out[-1].head
    if out and _only_period(quote[start:a]):
        # 'Kim ngạch xuất khẩu tháng 9 ước đạt 3.215,6 triệu USD. Lũy kế 9 tháng ước đạt 26.842,3 triệu USD':
        # a running total (or another period) of the indicator just named, as statistics releases print them
        prev = next((f for f in reversed(out) if f.kind in ("result", "target") and f.own), out[-1])
        if name := _without_periods(prev.indicator):
            fig.indicator = f"{name}, {own}"
        return f"{prev.head} {own}"
    # 'cao hơn mức 4,24% của cả nước': not a figure of the clause's subject; a comparison in an earlier
    # clause ('tăng mạnh so với cùng kỳ năm 2022, tổng kim ngạch ... 2.285 triệu USD') is not this figure's
    if versus(own.rsplit(", ", 1)[-1]) and not (fig.kind == "change" and _CHANGE_AGAINST.search(fold_ocr(own))):
        fig.reference = True
        return own
    sentence = max(last_stop(quote, a), quote.rfind("\n", 0, a))
    parts = [m.start() for m in _PARTS.finditer(folded, sentence + 1, a)]
    # (not a value the clause compares with: 'đạt 65,7% kế hoạch năm (19.000 triệu USD); trong đó ...' breaks down the
    # 12.486,8 before it, not the plan; nor a share or change, when a value stands before the parts)
    whole = [f for f in out if parts and sentence < f.start < parts[-1]]
    if not parts and _BREAKDOWN_OPENS.match(folded, sentence + 1):
        # a sentence opening with the breakdown by source or kind ('... giải ngân được 2.412,6 tỷ đồng, đạt 39,4%.
        # Theo nguồn vốn: vốn ngân sách địa phương 1.846,2 tỷ đồng; ...'): the parts are of the sentence's before it
        parts = [sentence + 1]
        before_at = last_stop(quote, sentence)
        whole = [f for f in out if before_at < f.start < sentence]
    rate = fig.kind in ("share", "change")  # (a part stated as a change: 'giảm 30,3%' is of the change before it)
    whole = [f for f in whole if not f.reference and (rate or f.kind not in ("share", "change"))] or whole
    whole = whole or _marked_whole(quote, sentence, parts, earlier + out)
    if whole and not fig.indicator:  # '¹ Trong đó: 2.128 ha rau': the whole names what the parts measure
        fig.indicator = f"{whole[-1].indicator}, trong đó"
    if whole:
        fig.part_of = whole[-1]
        return f"{whole[-1].head} {own}"
    # the clause's subject is every figure's in it: 'Tỷ lệ dân số trên 18 tuổi tiêm mũi 1 đạt 99,87%,
    # tiêm mũi nhắc lại 85,22%'; the earlier figure still wins when the question names none of the words
    # that are the later one's own
    clause = max(sentence + 1, quote.rfind(";", 0, a) + 1)
    lead = [f for f in out if f.start >= clause]
    return f"{lead[0].head} {own}" if lead else own


# words that, beside a period, say no more than 'this period's figure': 'lũy kế 9 tháng ước đạt', 'tính chung quý I'
_PERIOD_ONLY = re.compile(r"\b(?:luy ke|tinh chung|cong don|tinh tu dau nam|uoc tinh|uoc dat|uoc|dat|trong|rieng|"
                          r"den nay|ca|la|dau|nam|thang|quy)\b")


def _only_period(own: str) -> bool:
    """The words before a figure name a period and nothing else ('Lũy kế 9 tháng', 'tính chung quý I')."""
    folded = fold_ocr(own)
    spans = [(m.start, m.end) for m in find_periods(folded, folded=True)]
    if not spans:
        return False
    rest = "".join(" " if any(a <= k < b for a, b in spans) else c for k, c in enumerate(folded))
    return not re.search(r"[a-z]{2,}", _PERIOD_ONLY.sub(" ", rest))


def _without_periods(text: str) -> str:
    """`text` with the periods it names taken out ('Kim ngạch xuất khẩu tháng 9/2024' -> 'Kim ngạch xuất khẩu')."""
    folded = fold(text)  # length-keeping: the spans are offsets in `text`
    for m in sorted(find_periods(folded, folded=True), key=lambda m: -m.start):
        text = text[:m.start] + text[m.end:]
    return " ".join(text.split()).strip(" ,:;")


# a note's mark at its start: superscript, bracketed, or (OCR'd) plain before a capital ('13 Trong đó: ...')
_MARK = re.compile(r"\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\d{1,2}(?=\s+[A-ZĐ]))\s*")


def _marked_whole(quote: str, sentence: int, parts: list[int], out: list[Figure]) -> list[Figure]:
    """A footnote that breaks a figure down ('3.666 ha¹ ... ¹ Trong đó: 2.128 ha rau'): its parts' whole is
    the figure its mark follows."""
    mark = _MARK.match(quote, sentence + 1)
    if mark and not parts and re.match(r"trong d[o6]\b", fold(quote[mark.end():mark.end() + 12]).lower()):
        parts = [mark.end()]  # a note opening 'Trong đó' as OCR prints it ('13 Trong d6: ...')
    if not (mark and parts and parts[0] <= mark.end() + 2):
        return []
    marked = [f for f in out if re.match(rf"\s*%?(?:\s*[^\W\d]+){{0,2}}\s*{re.escape(mark.group(1))}", f.after)]
    # a mark OCR could not read ('189 mã vùng trồng¹³' printed 'vung trong™'): the one figure followed by such a symbol
    damaged = [f for f in out if re.match(r"\s*%?(?:\s*[^\W\d]+){0,3}[®™°’*]", f.after)] if not marked else []
    return marked or (damaged if len(damaged) == 1 else [])


def indicator_before(quote: str, folded: str, start: int, at: int) -> str:
    """The clause's words before the figure, verbatim, without leading fillers ('ước đạt', 'trong đó')."""
    text, f = quote[start:at], folded[start:at].rstrip(" :")
    # verbs and period phrases at the end say nothing about what is measured
    while (shorter := _TRAILING_VERB.sub("", f)) != f or re.search(r"(?:^|\s)chỉ\s*$", quote[start:start + len(f)]):
        if shorter != f and _LAND.search(quote[start + len(shorter):start + len(f)]):
            break  # 'thu tiền sử dụng đất 612,3': land ('đất') folds as 'đạt' (reached) does
        # 'chỉ đạt' (only) goes, 'tổng chi' (spending) stays: the two fold alike
        f = shorter if shorter != f else re.sub(r"(?:^|\s+)chi\s*$", "", f)
    text = text[:len(f)]
    text = text.lstrip(" ¹²³⁴⁵⁶⁷⁸⁹⁰*")  # a footnote's mark
    text = _ENUMERATOR.sub("", text)  # a list item's number: '(5) Tổng thu ...', 'a) Vốn ...', '2. Thu nội địa'
    while (m := _FILLER.match(fold(text).lstrip())) and m.end():
        text = text.lstrip()[m.end():]
    text = re.sub(r"\s*\(\s*(?:tăng|giảm|t[aie]ng|giam)?\s*$", "", " ".join(text.split()))  # 'so với quý I (giảm'
    return text.strip(" ,:;-")


_LAND = re.compile(r"(?i)đất")
_ENUMERATOR = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-–+•])\s+")


# units of measure and scale words, which measure a thing named beside them ('khách quốc tế 19.000 lượt', 'sản
# lượng tôm 168.420 tấn'), unlike the things a count counts ('doanh nghiệp', 'hộ', 'xã', 'trường')
MEASURES = frozenset("ha tan ta km km2 m2 m3 kg gam kwh usd dong ty trieu nghin ngan luot diem phan tram".split())


def counts(after: str, phrases: set[tuple[str, ...]] | None, repair=None, before: str = "") -> int:
    """How many words of an asked count's phrase follow the figure ('818 vụ buôn lậu' for 'bao nhiêu vụ
    buôn lậu': 3; '573 vụ' : 1), after a scale word ('250,95 nghìn lượt khách'). The phrase's rest may stand in
    the figure's own words before it ('Khách quốc tế 19.000 lượt' for 'bao nhiêu lượt khách quốc tế': 3)."""
    if not phrases:
        return 0
    fix = (lambda ws: [repair.get(w, w) for w in ws if w]) if repair else (lambda ws: [w for w in ws if w])
    # (OCR leaves marks on words: "_may"; a note's mark glued on, 'lượt(3)', is no part of the word)
    words = fix([_NOTE_GLUED.sub("", w.strip(".,;:()_'\"*")) for w in fold(after).split()[:4]])
    if words and words[0] in ("nghin", "ngan", "trieu", "ty"):
        words = words[1:]
    own = set(fix(fold_ocr(before).split())) if before else set()
    best = 0
    for phrase in phrases:
        k = 0
        # (after a word of it was read, the next may be printed a letter off: 'sản phim' for 'sản phẩm'; the first too
        # when long enough to be told apart: 'trudng' for 'trường')
        while k < min(len(phrase), len(words)) and (phrase[k] in (words[k], _ocr_read(words[k]))
                                                    or letter_off(phrase[k], (words[k],), shortest=4 if k else 6)):
            k += 1
        if 0 < k < len(phrase) and phrase[0] in MEASURES and own and all(w in own for w in phrase[k:]):
            k = len(phrase)  # (a measure's: 'lượt khách quốc tế', 'tấn tôm'; 'xã được công nhận' is no thing named)
        best = max(best, k)
    return best


_NOTE_GLUED = re.compile(r"(?<=[a-z])\(\d{1,2}\)?$")
# letters OCR reads for others in short words ('vụ' as 'vy', 'xã' as 'x4', 'dự án' as 'dy án')
_OCR_LETTER = {"y": "u", "4": "a", "6": "o", "0": "o", "1": "l", "&": "a"}


def _ocr_read(word: str) -> str:
    return word[:1] + "".join(_OCR_LETTER.get(c, c) for c in word[1:])
