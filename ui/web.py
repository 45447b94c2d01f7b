"""The Gradio web UI (Vietnamese): chat with cited answers, sources, report viewer, admin tab.

Mounted on the API app by :func:`mount`: the full UI at ``/`` and a bare chat at ``/embed`` for
iframes in the intranet portal. Handlers call the Engine directly (same process, same snapshot
swap), and reuse ui.api for validation, uploads and feedback so both front ends behave alike.
Gradio's own API endpoints are private: scripts use /api, where the keys apply.
"""
from __future__ import annotations

import contextlib
import hmac
import html
import re
from pathlib import Path

import gradio as gr
from fastapi.responses import RedirectResponse

from index.store import IndexError_
from ingest.config import Config
from qa.engine import Engine, QuestionError

from .api import ApiError, ask_options, document_text, ingest_uploads, record_feedback, remove_document

EXAMPLES = ["giải ngân vốn đầu tư công 6 tháng 2023", "Sản lượng lương thực năm 2021",
            "Lượng khách du lịch tháng 1/2023", "ty le ho ngheo nam 2025"]
ALL_PERIODS = "Tất cả các kỳ"
UPLOAD_TYPES = [".txt", ".md", ".pdf", ".docx"]
_NUM = re.compile(r"(?<![^\W\d_])\d(?:[\d.,]*\d)?%?(?![^\W\d_])")  # a figure, not a digit inside an OCR'd word

CSS = """
.tq-src{border:1px solid var(--border-color-primary);border-radius:8px;padding:10px 12px;margin:8px 0}
.tq-src.tq-main{border-color:var(--color-accent);box-shadow:0 0 0 1px var(--color-accent)}
.tq-head{font-weight:600}.tq-n{color:var(--color-accent);margin-right:4px}
.tq-meta{font-size:.85em;opacity:.8;margin:2px 0 6px}
.tq-text{white-space:pre-wrap;line-height:1.5}
.tq-text mark{background:#fff3a3;color:#000;padding:0 1px}.tq-text mark b{color:#b00020}
.tq-actions button{margin:6px 8px 0 0;padding:3px 10px;border-radius:6px;border:1px solid var(--border-color-primary);
 background:var(--button-secondary-background-fill);cursor:pointer;font-size:.9em}
.tq-note{font-style:italic;opacity:.85}.tq-refusal{color:#8a4b00}
.tq-viewer .tq-lines{max-height:480px;overflow:auto;font-size:.9em;line-height:1.45;
 border:1px solid var(--border-color-primary);border-radius:6px}
.tq-ln{display:flex;white-space:pre-wrap}.tq-ln .no{flex:0 0 3.5em;text-align:right;padding-right:8px;opacity:.5;user-select:none}
.tq-ln .no{font-variant-numeric:tabular-nums}
.tq-ln.hl{background:#fff3a3;color:#000}.tq-reports{font-size:.9em}.tq-reports code{font-size:.85em}.tq-ln.hl b{color:#b00020}
"""

SOURCES_JS = """
element.addEventListener('click', (e) => {
  const b = e.target.closest('[data-act]');
  if (!b) return;
  if (b.dataset.act === 'view') { trigger('click', {n: Number(b.dataset.n)}); return; }
  const text = b.dataset.cite, label = b.textContent;
  const done = () => { b.textContent = 'Đã sao chép ✓'; setTimeout(() => { b.textContent = label; }, 1500); };
  const fallback = () => {  // plain http on the intranet has no navigator.clipboard
    const ta = document.createElement('textarea');
    ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select();
    let ok = false; try { ok = document.execCommand('copy'); } catch (err) {}
    ta.remove();
    if (ok) done(); else window.prompt('Sao chép trích dẫn:', text);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
});
"""

VIEWER_JS = """
const jump = () => {
  const box = element.querySelector('.tq-lines'), hl = element.querySelector('.tq-ln.hl');
  if (!box || !hl) return;
  box.scrollTop = hl.offsetTop - box.offsetTop - 60;
  element.scrollIntoView({behavior: 'smooth', block: 'start'});
};
watch('value', () => setTimeout(jump, 50));
jump();
"""


def _theme():
    # system fonts only: an intranet browser may not reach Google Fonts
    return gr.themes.Soft(font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                          font_mono=["ui-monospace", "Consolas", "monospace"])


# ---------------- rendering ----------------
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
    except ApiError as e:
        return f"<p class='tq-refusal'>Không mở được báo cáo: {html.escape(e.message)}</p>"
    a, b = c["line_start"], c["line_end"]
    numbers = set(_NUM.findall(c.get("quote") or ""))
    rows = []
    for i, line in enumerate(text["lines"], 1):
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
        scan = _scan_note(d.get("ocr"))
        rows.append(f"- **{period}** — {_md_escape(label)}  \n  `{d['doc']}` · {d['chunks']} đoạn{scan}")
    return "\n".join(rows)


def _scan_note(ocr: dict | None) -> str:
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


# ---------------- the UI ----------------
def build_ui(engine: Engine, config: Config, embed: bool = False) -> gr.Blocks:
    """The full UI, or with embed=True the bare chat (no filters, reports or admin) for iframes."""
    with gr.Blocks(title="Tra cứu báo cáo", analytics_enabled=False) as demo:
        history = gr.State([])
        last = gr.State(None)  # the latest Answer JSON, for sources, viewer and feedback
        if not embed:
            gr.Markdown("## Tra cứu báo cáo kinh tế – xã hội\nHỏi bằng tiếng Việt, có dấu hoặc không dấu. "
                        "Câu trả lời trích nguyên văn từ báo cáo và ghi rõ nguồn; nếu báo cáo không có số liệu, "
                        "hệ thống nói rõ là không tìm thấy.")
        with contextlib.nullcontext() if embed else gr.Tabs():
            with contextlib.nullcontext() if embed else gr.Tab("Hỏi đáp"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(label="Hỏi đáp", show_label=False, height=300 if embed else 360,
                                          feedback_options=None, buttons=["copy"], elem_id="tq-chat",
                                          placeholder="Đặt câu hỏi về số liệu trong các báo cáo đã nạp.")
                        with gr.Row():
                            question = gr.Textbox(show_label=False, placeholder="Nhập câu hỏi, ví dụ: " + EXAMPLES[0],
                                                  scale=5, elem_id="tq-question", max_length=config.max_question_chars)
                            ask_btn = gr.Button("Hỏi", variant="primary", scale=1, elem_id="tq-ask")
                        examples = gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Câu hỏi mẫu")
                        sources = gr.HTML(elem_id="tq-sources", js_on_load=SOURCES_JS)
                        with gr.Row(visible=False) as fb_row:
                            ok_btn = gr.Button("✔ Trả lời đúng", size="sm", scale=1)
                            bad_btn = gr.Button("✘ Trả lời sai", size="sm", scale=1)
                            comment = gr.Textbox(show_label=False, placeholder="Góp ý (không bắt buộc)", scale=3)
                        fb_status = gr.Markdown()
                        with gr.Column(visible=False) as viewer_box:
                            viewer = gr.HTML(elem_id="tq-viewer", js_on_load=VIEWER_JS)
                            close_btn = gr.Button("Đóng toàn văn", size="sm")
                    if not embed:
                        with gr.Column(scale=1, min_width=260):
                            doc_choices, period_choices = _choices(engine)
                            docs_dd = gr.Dropdown(doc_choices, multiselect=True, label="Chỉ tìm trong báo cáo",
                                                  info="Để trống: tìm trong tất cả")
                            period_dd = gr.Dropdown(period_choices, label="Kỳ báo cáo", allow_custom_value=True, value="",
                                                    info="Chọn, hoặc gõ ví dụ “quý I/2022”")
                            with gr.Accordion("Báo cáo đã nạp", open=True):
                                reports_md = gr.Markdown(reports_markdown(engine), elem_id="tq-reports",
                                                         elem_classes=["tq-reports"])
            if not embed:
                with gr.Tab("Quản trị"):
                    gr.Markdown("Nạp thêm hoặc gỡ báo cáo (.txt .md .pdf .docx). Một tệp lỗi thì không tệp nào "
                                "được nạp và chỉ mục giữ nguyên."
                                + ("" if config.admin_key else " *Chưa đặt khoá quản trị (TRACUU_ADMIN_KEY).*"))
                    key = gr.Textbox(label="Khoá quản trị", type="password", visible=bool(config.admin_key))
                    files = gr.File(file_count="multiple", file_types=UPLOAD_TYPES, label="Tệp báo cáo")
                    up_btn = gr.Button("Nạp vào chỉ mục", variant="primary")
                    up_status = gr.Markdown(elem_id="tq-up-status")
                    rm_dd = gr.Dropdown(label="Báo cáo cần gỡ")
                    rm_btn = gr.Button("Gỡ khỏi chỉ mục", variant="stop")
                    rm_status = gr.Markdown(elem_id="tq-rm-status")

        # ---------- handlers ----------
        def ask(q, hist, docs=None, period=None):
            q = (q or "").strip()
            if not q:
                raise gr.Error("Hãy nhập câu hỏi.")
            try:
                opts = ask_options(engine, config, None, period or None, docs or None)
                ans = engine.ask(q, opts).to_dict()
            except (ApiError, QuestionError, IndexError_) as e:
                raise gr.Error(getattr(e, "message", None) or str(e))
            hist = hist + [{"role": "user", "content": q}, {"role": "assistant", "content": answer_markdown(ans)}]
            return (hist, hist, "", ans, sources_html(ans, engine), gr.update(visible=True), "", "",
                    gr.update(visible=False))

        ask_in = [question, history] + ([] if embed else [docs_dd, period_dd])
        ask_out = [chat, history, question, last, sources, fb_row, fb_status, comment, viewer_box]
        for trigger in (ask_btn.click, question.submit):
            trigger(ask, ask_in, ask_out, api_visibility="private")
        examples.load_input_event.then(ask, ask_in, ask_out, api_visibility="private")

        def open_viewer(ans, evt: gr.EventData):
            n = getattr(evt, "_data", {}) or {}
            cited = [c for c in (ans or {}).get("citations", []) if c["n"] == n.get("n")]
            if not cited:
                return gr.update(), gr.update()
            return viewer_html(engine, cited[0]), gr.update(visible=True)

        sources.click(open_viewer, [last], [viewer, viewer_box], api_visibility="private")
        close_btn.click(lambda: gr.update(visible=False), None, [viewer_box], api_visibility="private")

        def feedback(verdict):
            def record(ans, note):
                if not ans:
                    return "Chưa có câu trả lời để đánh giá.", note
                record_feedback(config, ans["question"], ans, verdict, note, via="ui")
                return "Đã ghi nhận phản hồi, cảm ơn!", ""
            return record

        ok_btn.click(feedback("correct"), [last, comment], [fb_status, comment], api_visibility="private")
        bad_btn.click(feedback("wrong"), [last, comment], [fb_status, comment], api_visibility="private")

        if not embed:
            def refresh():
                docs, periods = _choices(engine)
                return (gr.update(choices=docs), gr.update(choices=periods), reports_markdown(engine),
                        gr.update(choices=[d for _, d in docs], value=None))

            lists = [docs_dd, period_dd, reports_md, rm_dd]
            demo.load(refresh, None, lists, api_visibility="private")

            def admin_ok(given):
                return not config.admin_key or hmac.compare_digest((given or "").encode(), config.admin_key.encode())

            def upload(given, paths, progress=gr.Progress()):
                if not admin_ok(given):
                    return "**Sai khoá quản trị.**"
                if not paths:
                    return "Chọn ít nhất một tệp."
                progress(0.1, desc="Đang đọc và kiểm tra tệp…")
                with contextlib.ExitStack() as stack:
                    handles = [(Path(p).name, stack.enter_context(open(p, "rb"))) for p in paths]
                    progress(0.3, desc="Đang phân tích và tạo chỉ mục (tệp lớn có thể mất vài phút)…")
                    try:
                        r = ingest_uploads(engine, config, handles)
                    except ApiError as e:
                        return f"**Không nạp được** — {_md_escape(e.message)}. Chỉ mục giữ nguyên."
                progress(1.0, desc="Xong")
                done = r["added"] + r["updated"]
                msg = f"Đã nạp: {', '.join(done)}." if done else "Không có gì mới (tệp đã có sẵn, không đổi)."
                notes = "".join(f"\n- {_md_escape(n)}" for n in r["notes"])
                notes += "".join(f"\n- `{name}`{_scan_note(ocr)}" for name, ocr in r.get("ocr", {}).items())
                return f"{msg} Chỉ mục: {r['documents']} báo cáo, {r['chunks']} đoạn.{notes}"

            up_btn.click(upload, [key, files], [up_status], api_visibility="private").then(
                refresh, None, lists, api_visibility="private")

            def remove(given, doc):
                if not admin_ok(given):
                    return "**Sai khoá quản trị.**"
                if not doc:
                    return "Chọn báo cáo cần gỡ."
                try:
                    r = remove_document(engine, doc)
                except ApiError as e:
                    return f"**Không gỡ được** — {_md_escape(e.message)}"
                return f"Đã gỡ {doc}. Còn {r['documents']} báo cáo."

            rm_btn.click(remove, [key, rm_dd], [rm_status], api_visibility="private").then(
                refresh, None, lists, api_visibility="private")
    demo.queue(default_concurrency_limit=16)
    return demo


def mount(app, engine: Engine, config: Config):
    """Mount /embed then / (order matters: / would swallow /embed), both aware of the sub-path."""
    root = config.root_path.rstrip("/")
    @app.get("/embed", include_in_schema=False)
    def embed_slash():  # Gradio's mount only answers /embed/
        return RedirectResponse(root + "/embed/")

    common = dict(css=CSS, theme=_theme(), footer_links=[], show_error=True,
                  max_file_size=f"{int(config.max_upload_mb)}mb", ssr_mode=False, mcp_server=False)
    gr.mount_gradio_app(app, build_ui(engine, config, embed=True), path="/embed",
                        root_path=(root + "/embed") if root else None, **common)
    gr.mount_gradio_app(app, build_ui(engine, config), path="/", root_path=root or None, **common)
    return app
