"""The Gradio web UI (Vietnamese): chat with cited answers, sources, report viewer, admin tab.

Mounted on the API app by :func:`mount`: the full UI at ``/`` and a bare chat at ``/embed`` for
iframes in the intranet portal. Handlers call the Engine directly (same process, same snapshot
swap), and the library (qa.library) for validation, uploads and feedback, as the API does, so both
front ends behave alike.
Gradio's own API endpoints are private: scripts use /api, where the keys apply.
"""
from __future__ import annotations

import contextlib
import hmac
import html
import tempfile
from pathlib import Path

import gradio as gr
from fastapi.responses import RedirectResponse

from tracuu.index.store import IndexError_
from tracuu.config import Config
from tracuu.qa.claims import ClaimError, check
from tracuu.qa.engine import Engine, QuestionError
from tracuu.qa.library import Refused, ask_options, correction_of, ingest_uploads, record_feedback, remove_document
from tracuu.qa.trend import trend

from .render import (_choices, _md_escape, answer_lead, claims_html, reports_markdown, scan_note, sources_html, trend_csv,
                     trend_frame, trend_markdown, viewer_html)

EXAMPLES = ["giải ngân vốn đầu tư công 6 tháng 2023", "Sản lượng lương thực năm 2021",
            "Lượng khách du lịch tháng 1/2023", "ty le ho ngheo nam 2025"]
UPLOAD_TYPES = [".txt", ".md", ".pdf", ".docx", ".html", ".htm"]

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
                        trend_btn = gr.Button("Xem qua các kỳ", size="sm", visible=False, elem_id="tq-trend-btn")
                        with gr.Column(visible=False, elem_id="tq-trend") as trend_box:
                            trend_md = gr.Markdown(elem_id="tq-trend-table")
                            trend_plot = gr.BarPlot(x="Kỳ", y="Giá trị", label="Diễn biến qua các kỳ", visible=False,
                                                    elem_id="tq-trend-plot", sort=None)
                            trend_file = gr.File(label="Tải bảng (CSV)", elem_id="tq-trend-csv")
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
            with gr.Accordion("Kiểm tra số liệu", open=False) if embed else gr.Tab("Kiểm tra số liệu"):
                gr.Markdown("Dán một câu hoặc một đoạn bản thảo có số liệu; mỗi số liệu được đối chiếu với báo cáo.")
                claim_in = gr.Textbox(lines=4, show_label=False, elem_id="tq-claim", max_length=5000,
                                      placeholder="Ví dụ: Lạng Sơn giải ngân được 1.158,8 tỷ đồng vốn đầu tư công "
                                                  "trong 6 tháng đầu năm 2023.")
                claim_btn = gr.Button("Kiểm tra", variant="primary", elem_id="tq-claim-btn")
                claim_out = gr.HTML(elem_id="tq-claim-result", js_on_load=SOURCES_JS)
            if not embed:
                with gr.Tab("Quản trị"):
                    gr.Markdown("Nạp thêm hoặc gỡ báo cáo (.txt .md .pdf .docx .html). Một tệp lỗi thì không tệp nào "
                                "được nạp và chỉ mục giữ nguyên."
                                + ("" if config.admin_key else " *Chưa đặt khoá quản trị (TRACUU_ADMIN_KEY).*"))
                    key = gr.Textbox(label="Khoá quản trị", type="password", visible=bool(config.admin_key))
                    files = gr.File(file_count="multiple", file_types=UPLOAD_TYPES, label="Tệp báo cáo")
                    with gr.Row():
                        up_period = gr.Textbox(label="Kỳ báo cáo (nếu văn bản không ghi rõ)",
                                               placeholder="ví dụ: 6 tháng đầu năm 2023")
                        up_province = gr.Textbox(label="Tỉnh/thành", placeholder="ví dụ: Đồng Nai")
                    up_btn = gr.Button("Nạp vào chỉ mục", variant="primary")
                    up_status = gr.Markdown(elem_id="tq-up-status")
                    rm_dd = gr.Dropdown(label="Báo cáo cần gỡ hoặc sửa")
                    with gr.Row():
                        rm_btn = gr.Button("Gỡ khỏi chỉ mục", variant="stop")
                        fix_btn = gr.Button("Sửa kỳ / tỉnh theo hai ô ở trên")
                    rm_status = gr.Markdown(elem_id="tq-rm-status")

        # ---------- handlers ----------
        def ask(q, hist, docs=None, period=None):
            q = (q or "").strip()
            if not q:
                raise gr.Error("Hãy nhập câu hỏi.")
            previous = next((m["content"] for m in reversed(hist) if m["role"] == "user"), None)
            try:
                opts = ask_options(engine, config, None, period or None, docs or None)
                ans = engine.ask(q, opts, previous=previous).to_dict()
            except (Refused, QuestionError, IndexError_) as e:
                raise gr.Error(getattr(e, "message", None) or str(e))
            said = answer_lead(ans)
            if ans.get("understood_as"):
                said = f"*Hiểu là: {_md_escape(ans['understood_as'])}*\n\n{said}"
            asked = ans.get("understood_as") or q  # a follow-up's full reading is what the next turn builds on
            hist = hist + [{"role": "user", "content": asked}, {"role": "assistant", "content": said}]
            shown = trend_view(ans.get("trend")) if ans.get("trend") else (gr.update(visible=False),) * 4
            return (hist, hist, "", ans, sources_html(ans, engine), gr.update(visible=True), "", "",
                    gr.update(visible=False), gr.update(visible=ans["answered"]), *shown)

        def trend_view(t: dict):
            table = trend_markdown(t)
            framed = trend_frame(t)
            plot = gr.update(value=framed[0], y_title=f"Giá trị ({framed[1]})" if framed[1] else "Giá trị",
                             visible=True) if framed else gr.update(visible=False)
            path = trend_csv(t, Path(tempfile.mkdtemp(prefix="tracuu-trend-")) / "qua_cac_ky.csv") if t.get("rows") else None
            return gr.update(visible=True), table, plot, gr.update(value=path)

        def show_trend(ans):
            if not ans:
                return (gr.update(),) * 4
            return trend_view(trend(engine, ans.get("understood_as") or ans["question"]).to_dict())

        trend_btn.click(show_trend, [last], [trend_box, trend_md, trend_plot, trend_file], api_visibility="private")

        def check_claims(text):
            try:
                return claims_html(check(engine, text or "").to_dict())
            except ClaimError as e:
                return f"<p class='tq-refusal'>{html.escape(str(e))}</p>"

        for trigger in (claim_btn.click, claim_in.submit):
            trigger(check_claims, [claim_in], [claim_out], api_visibility="private")

        ask_in = [question, history] + ([] if embed else [docs_dd, period_dd])
        ask_out = [chat, history, question, last, sources, fb_row, fb_status, comment, viewer_box, trend_btn,
                   trend_box, trend_md, trend_plot, trend_file]
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

            def upload(given, paths, period, province, progress=gr.Progress()):
                if not admin_ok(given):
                    return "**Sai khoá quản trị.**"
                if not paths:
                    return "Chọn ít nhất một tệp."
                try:
                    correction = correction_of(period, province)
                except Refused as e:
                    return f"**Không nạp được** — {_md_escape(e.message)}"
                progress(0.1, desc="Đang đọc và kiểm tra tệp…")
                with contextlib.ExitStack() as stack:
                    handles = [(Path(p).name, stack.enter_context(open(p, "rb"))) for p in paths]
                    progress(0.3, desc="Đang phân tích và tạo chỉ mục (tệp lớn có thể mất vài phút)…")
                    try:
                        r = ingest_uploads(engine, config, handles, correction)
                    except Refused as e:
                        return f"**Không nạp được** — {_md_escape(e.message)}. Chỉ mục giữ nguyên."
                progress(1.0, desc="Xong")
                done = r["added"] + r["updated"]
                msg = f"Đã nạp: {', '.join(done)}." if done else "Không có gì mới (tệp đã có sẵn, không đổi)."
                notes = "".join(f"\n- {_md_escape(n)}" for n in r["notes"])
                notes += "".join(f"\n- `{name}`{scan_note(ocr)}" for name, ocr in r.get("ocr", {}).items())
                return f"{msg} Chỉ mục: {r['documents']} báo cáo, {r['chunks']} đoạn.{notes}"

            up_btn.click(upload, [key, files, up_period, up_province], [up_status], api_visibility="private").then(
                refresh, None, lists, api_visibility="private")

            def remove(given, doc):
                if not admin_ok(given):
                    return "**Sai khoá quản trị.**"
                if not doc:
                    return "Chọn báo cáo cần gỡ."
                try:
                    r = remove_document(engine, doc)
                except Refused as e:
                    return f"**Không gỡ được** — {_md_escape(e.message)}"
                return f"Đã gỡ {doc}. Còn {r['documents']} báo cáo."

            rm_btn.click(remove, [key, rm_dd], [rm_status], api_visibility="private").then(
                refresh, None, lists, api_visibility="private")

            def fix(given, doc, period, province):
                if not admin_ok(given):
                    return "**Sai khoá quản trị.**"
                if not doc:
                    return "Chọn báo cáo cần sửa."
                try:
                    correction = correction_of(period, province)
                    if correction is None:
                        return "Nhập kỳ báo cáo và/hoặc tỉnh/thành ở hai ô phía trên."
                    d = engine.correct(doc, correction)
                except Refused as e:
                    return f"**Không sửa được** — {_md_escape(e.message)}"
                except KeyError as e:
                    return f"**Không sửa được** — {_md_escape(str(e.args[0]))}"
                return f"Đã sửa {doc}: {d['period']['label'] if d['period'] else 'kỳ chưa rõ'}, {d['province'] or 'tỉnh chưa rõ'}."

            fix_btn.click(fix, [key, rm_dd, up_period, up_province], [rm_status], api_visibility="private").then(
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
