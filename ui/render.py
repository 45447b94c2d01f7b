"""HTML and Markdown for the web UI: answers, source cards, the report viewer, the report list, trend
tables and claim verdicts. Pure functions of the Answer/Trend/Check JSON and the index snapshot."""
from __future__ import annotations

import html
import re

from tracuu.ingest.metadata import SOURCE_LABELS
from tracuu.ingest.textnorm import fold_ocr
from tracuu.qa.engine import Engine
from tracuu.qa.library import Refused, document_text

ALL_PERIODS = "Tất cả các kỳ"
_NUM = re.compile(r"(?<![^\W\d_])\d(?:[\d.,]*\d)?%?(?![^\W\d_])")  # a figure, not a digit inside an OCR'd word


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_{}<>#|~])", r"\\\1", text)


def _date_vi(iso: str | None) -> str:
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _doc_label(doc) -> str:
    kind = (doc.kind or "báo cáo")
    kind = kind[:1].upper() + kind[1:]
    return f"{kind} số {doc.number}" if doc.number else kind


def reference(c: dict, doc) -> str:
    """A ready-to-paste reference: which document, which part, and the exact words."""
    parts = [_doc_label(doc) if doc else "Báo cáo"]
    if doc and _date_vi(doc.date):
        parts.append(f"ngày {_date_vi(doc.date)}")
    head = " ".join(parts)
    if c.get("period"):
        head += f" ({c['period']['label']})"
    if doc and not doc.number:
        head += f" “{doc.title}”"
    where = f"mục “{c['section']}”, " if c.get("section") else ""
    where += f"dòng {c['line_start']}–{c['line_end']}" + (f", trang {c['page']}" if c.get("page") else "")
    quote = c.get("quote") or c["text"]
    if len(quote) > 900:  # the quote is what the answer stands on: cut only a very long one
        quote = quote[:900].rsplit(" ", 1)[0] + "…"
    return f"{head}, {where}: “{quote}” (tệp {c['doc']})"


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the quoted words sit in the passage: the whole quote, else its sentences one by one."""
    if not quote:
        return []
    i = text.find(quote)
    if i >= 0:
        return [(i, i + len(quote))]
    out = []
    for piece in re.split(r"(?<=[.;:])\s+", quote):
        piece = piece.strip()
        j = text.find(piece) if len(piece) > 15 else -1
        if j >= 0:
            out.append((j, j + len(piece)))
    return sorted(out)


def _marked(text: str, quote: str, numbers: set[str]) -> str:
    """HTML of the passage with the quote in <mark> and the quoted figures in bold."""
    def figures(s: str) -> str:
        return _NUM.sub(lambda m: f"<b>{m.group()}</b>" if m.group() in numbers else m.group(), html.escape(s)) \
            if numbers else html.escape(s)
    out, pos = [], 0
    for a, b in _spans(text, quote):
        if a < pos:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<mark>{figures(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def sources_html(answer: dict | None, engine: Engine) -> str:
    if not answer or not answer.get("citations"):
        return ""
    store = engine.store
    title = ("Nguồn trích dẫn" if answer["answered"]
             else "Các đoạn gần nhất — chỉ để tham khảo, không trả lời được câu hỏi")
    cards = [f"<h4>{title}</h4>"]
    for c in answer["citations"]:
        doc = store.doc_by_name.get(c["doc"]) if store else None
        quote = c.get("quote") or ""
        numbers = set(_NUM.findall(quote))
        head = _doc_label(doc) if doc else c["doc"]
        bits = [c["period"]["label"] if c.get("period") else "", f"ngày {_date_vi(doc.date)}" if doc and doc.date else ""]
        meta = [f"Mục: {c['section']}" if c.get("section") else "", f"dòng {c['line_start']}–{c['line_end']}",
                f"trang {c['page']}" if c.get("page") else "", f"tệp {c['doc']}"]
        cards.append(
            f"<div class='tq-src{' tq-main' if quote else ''}' id='tq-src-{c['n']}'>"
            f"<div class='tq-head'><span class='tq-n'>[{c['n']}]</span>{html.escape(head)}"
            f"{' · ' + html.escape(' · '.join(b for b in bits if b)) if any(bits) else ''}</div>"
            f"<div class='tq-meta'>{html.escape(c.get('title') or '')}<br>{html.escape(' · '.join(m for m in meta if m))}</div>"
            f"<div class='tq-text'>{_marked(c['text'], quote, numbers)}</div>"
            f"<div class='tq-actions'><button data-act='view' data-n='{c['n']}'>Xem trong báo cáo</button>"
            f"<button data-act='copy' data-cite='{html.escape(reference(c, doc), quote=True)}'>Sao chép trích dẫn</button>"
            f"</div></div>")
    return "".join(cards)


def viewer_html(engine: Engine, c: dict) -> str:
    """The whole report, lines numbered, the cited lines highlighted (the JS scrolls to them)."""
    try:
        text = document_text(engine, c["doc"])
    except Refused as e:
        return f"<p class='tq-refusal'>Không mở được báo cáo: {html.escape(e.message)}</p>"
    a, b = c["line_start"], c["line_end"]
    numbers = set(_NUM.findall(c.get("quote") or ""))
    rows = []
    line_numbers = text.get("numbers") or range(1, len(text["lines"]) + 1)  # (a web page: its source's lines)
    for i, line in zip(line_numbers, text["lines"]):
        hl = a <= i <= b
        body = _NUM.sub(lambda m: f"<b>{m.group()}</b>" if m.group() in numbers else m.group(),
                        html.escape(line)) if hl and numbers else html.escape(line)
        rows.append(f"<div class='tq-ln{' hl' if hl else ''}' id='tq-L{i}'><span class='no'>{i}</span>"
                    f"<span class='tx'>{body or ' '}</span></div>")
    period = text["period"]["label"] if text.get("period") else ""
    head = f"[{c['n']}] {text['title']}" + (f" — {period}" if period else "")
    return (f"<div class='tq-viewer'><h4>{html.escape(head)}</h4>"
            f"<p class='tq-meta'>Toàn văn tệp {html.escape(c['doc'])}; dòng {a}–{b} được tô sáng.</p>"
            f"<div class='tq-lines'>{''.join(rows)}</div></div>")


def answer_markdown(answer: dict) -> str:
    text = _md_escape(answer["answer"])
    if answer["answered"]:
        return text
    return f"**Không tìm thấy câu trả lời trong các báo cáo đã nạp.**\n\n{text}"


def reports_markdown(engine: Engine) -> str:
    docs = engine.documents()
    if not docs:
        return "Chưa có báo cáo nào. Nạp báo cáo ở thẻ *Quản trị* hoặc chạy `tracuu ingest`."
    rows = []
    for d in docs:
        label = (d["kind"] or "")[:1].upper() + (d["kind"] or "")[1:]
        label += f" số {d['number']}" if d["number"] else ""
        label += f", ngày {_date_vi(d['date'])}" if d["date"] else ""
        period = d["period"]["label"] if d["period"] else "kỳ chưa rõ"
        place = f" · {d['province']}" if d.get("province") else ""
        source = f" (kỳ đọc từ {SOURCE_LABELS.get(d.get('period_source'), '?')})" if d.get("period") else ""
        scan = scan_note(d.get("ocr"))
        rows.append(f"- **{period}**{source}{place} — {_md_escape(label)}  \n  `{d['doc']}` · {d['chunks']} đoạn{scan}")
    return "\n".join(rows)



def scan_note(ocr: dict | None) -> str:
    """' · bản quét 4 trang (OCR, độ tin cậy 91.2) · cần kiểm tra trang 3': how well a scan read."""
    if not ocr:
        return ""
    flagged = ocr.get("flagged_pages") or []
    check = f" · ⚠ cần kiểm tra trang {', '.join(map(str, flagged))}" if flagged else ""
    return f" · bản quét {ocr['pages']} trang (OCR, độ tin cậy {ocr['mean_confidence']}){check}"


def _choices(engine: Engine):
    docs = [(f"{d['period']['label'] if d['period'] else '?'} — {d['number'] or d['doc']}", d["doc"])
            for d in engine.documents()]
    periods = [(ALL_PERIODS, "")] + [(p.label, p.label) for p in engine.periods()]
    return docs, periods




# ---------------- figures, trends, claim checks ----------------
def answer_lead(answer: dict) -> str:
    """The answer with its figure line in bold: the number first, the quote under it."""
    text = answer_markdown(answer)
    if answer.get("answered") and answer.get("figures") and "\n" in answer["answer"] and not answer.get("trend"):
        first, rest = text.split("\n", 1)
        return f"**{first}**\n\n{rest}"
    return text


def trend_markdown(trend: dict) -> str:
    if not trend or not trend.get("rows"):
        return "Không có kỳ nào có số liệu cho chỉ tiêu này."
    rows = ["| Kỳ | Loại | Số liệu | Nguồn |", "|---|---|---|---|"]
    for r in trend["rows"]:
        f = r["figures"][0]
        c = r["citation"]
        kind = "mục tiêu" if r["kind"] == "target" else "kết quả"
        value = " ".join(x for x in (f["value"], f.get("unit") or "") if x)
        rows.append(f"| {r['period']['label']} | {kind} | **{_md_escape(value)}** | "
                    f"`{c['doc']}` dòng {c['line_start']}–{c['line_end']} |")
    if trend.get("missing"):
        rows.append(f"\n*Không có số liệu: {_md_escape(', '.join(trend['missing']))}.*")
    return f"**{_md_escape(trend.get('indicator') or trend['question'])}** qua các kỳ\n\n" + "\n".join(rows)


def trend_frame(trend: dict):
    """Rows to plot: only results sharing the first result's unit (a target is never drawn as a result)."""
    import pandas as pd
    results = [r for r in (trend or {}).get("rows", []) if r["kind"] == "result"]
    if len(results) < 2:
        return None
    unit = results[0]["figures"][0].get("unit")
    # (one unit however printed: OCR's 'nghin luot' is the 'nghìn lượt' of a clean report)
    pts = [(r["period"]["label"], r["figures"][0]["number"]) for r in results
           if fold_ocr(r["figures"][0].get("unit") or "") == fold_ocr(unit or "")
           and r["figures"][0]["kind"] == results[0]["figures"][0]["kind"]]
    if len(pts) < 2:
        return None
    return pd.DataFrame({"Kỳ": [p for p, _ in pts], "Giá trị": [v for _, v in pts]}), unit or ""


def trend_csv(trend: dict, path) -> str:
    import csv
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:  # Excel reads Vietnamese with the BOM
        w = csv.writer(fh)
        w.writerow(["ky", "loai", "so_lieu", "gia_tri", "don_vi", "tep", "dong_dau", "dong_cuoi", "trich_dan"])
        for r in trend.get("rows", []):
            f, c = r["figures"][0], r["citation"]
            w.writerow([r["period"]["label"], r["kind"], f["value"], f["number"], f.get("unit") or "", c["doc"],
                        c["line_start"], c["line_end"], c.get("quote") or c["text"]])
    return str(path)


VERDICTS = {"match": ("Khớp", "#1b7f3b"), "rounded": ("Làm tròn", "#0b6e99"), "mismatch": ("Sai lệch", "#b00020"),
            "other_period": ("Khác kỳ", "#9a6700"), "not_found": ("Không tìm thấy", "#666")}


def claims_html(result: dict) -> str:
    """A row per claimed figure: verdict in colour and words, the report's figure, the passage marked."""
    worst, colour = VERDICTS.get(result["verdict"], (result["verdict"], "#666"))
    out = [f"<h4>Kết luận chung: <span style='color:{colour}'>{html.escape(worst)}</span></h4>"]
    for c in result["claims"]:
        label, col = VERDICTS.get(c["verdict"], (c["verdict"], "#666"))
        rep = c.get("reported") or {}
        cite = c.get("citation")
        passage = _marked(cite["text"], cite.get("quote") or "", {rep.get("value", "")}) if cite else ""
        ref = f"{c['claim']} (Nguồn: tệp {cite['doc']}, dòng {cite['line_start']}–{cite['line_end']})" if cite else c["claim"]
        out.append(
            f"<div class='tq-src tq-claim' data-verdict='{html.escape(c['verdict'])}'>"
            f"<div class='tq-head'><span style='color:{col}'>● {html.escape(label)}</span> — số liệu "
            f"<b>{html.escape(c['figure'])}</b>"
            + (f"; báo cáo ghi <b>{html.escape(rep.get('value', ''))} {html.escape(rep.get('unit') or '')}</b>" if rep else "")
            + f"</div><div class='tq-meta'>{html.escape(c['explanation'])}</div>"
            + (f"<div class='tq-text'>{passage}</div>" if passage else "")
            + f"<div class='tq-actions'><button data-act='copy' data-cite='{html.escape(ref, quote=True)}'>"
              f"Sao chép câu kèm nguồn</button></div></div>")
    return "".join(out)
