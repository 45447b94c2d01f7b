"""`tracuu`: a thin command line over qa.Engine (ingest, docs, remove, ask, eval, serve)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from tracuu.index.embedders import EmbedderError
from tracuu.index.store import IndexError_
from tracuu.ingest import corrections
from tracuu.config import Config
from tracuu.ingest.corrections import Correction
from tracuu.ingest.metadata import SOURCE_LABELS
from tracuu.ingest.ocr_report import describe
from tracuu.ingest.periods import parse_period
from tracuu.qa.engine import AskOptions, Engine, QuestionError
from tracuu.ui.serving import ServingEngine

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="tracuu (tra cứu): hỏi đáp có trích dẫn trên báo cáo kinh tế - xã hội / "
                       "cited answers from Vietnamese socio-economic reports.")
out = Console()
err = Console(stderr=True)


def _engine() -> Engine:
    """The engine a running server's workers also use: a change made here reaches them at their next request."""
    try:
        return ServingEngine(Config.load())
    except (IndexError_, EmbedderError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1)


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="files or folders (.txt .md .pdf .docx .html)"),
           rebuild: bool = typer.Option(False, "--rebuild", help="re-read every indexed report and rebuild the index"),
           period: Optional[str] = typer.Option(None, "--period", help="the period these reports cover, when "
                                                "the text does not say it clearly, e.g. '6 tháng đầu năm 2023'"),
           province: Optional[str] = typer.Option(None, "--province", help="their province, e.g. 'Đồng Nai'"),
           quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Nạp / cập nhật báo cáo. Add or update reports; unchanged files are skipped."""
    correction = _correction(period, province) if (period or province) else None
    engine = _engine()
    try:
        outcome = engine.ingest(paths, progress=not quiet, rebuild=rebuild, correction=correction)
    except (IndexError_, EmbedderError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1)
    for name in outcome.added:
        out.print(f"added      {name}")
    for name in outcome.updated:
        out.print(f"updated    {name}")
    store = engine.store
    for name in outcome.added + outcome.updated:  # a scan says how well it read, and which pages to check
        if store and (ocr := store.doc_by_name[name].ocr):
            out.print(f"ocr        {name}: {describe(ocr)}", markup=False, highlight=False,
                      style="yellow" if ocr["flagged_pages"] else None)
    for name in outcome.unchanged:
        out.print(f"unchanged  {name}")
    for note in outcome.notes:
        out.print(f"note       {note}")
    for failure in outcome.failed:
        err.print(f"[red]failed[/red]     {failure}")
    out.print(f"index: {len(store.documents) if store else 0} documents, {store.size if store else 0} passages "
              f"({outcome.embedded} embedded, {outcome.reused} from cache)")
    raise typer.Exit(1 if outcome.failed else 0)


def _correction(period: str | None, province: str | None) -> Correction:
    try:
        return corrections.parse(period, province)
    except corrections.CorrectionError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)


@app.command()
def docs(as_json: bool = typer.Option(False, "--json"),
         set_doc: Optional[str] = typer.Option(None, "--set", help="correct this document's metadata"),
         period: Optional[str] = typer.Option(None, "--period", help="with --set: the period it covers"),
         province: Optional[str] = typer.Option(None, "--province", help="with --set: its province")):
    """Danh sách báo cáo đã nạp. List indexed documents (and correct one with --set DOC)."""
    engine = _engine()
    if set_doc is not None:
        correction = _correction(period, province)
        try:
            item = engine.correct(set_doc, correction)
        except KeyError as e:
            err.print(f"[red]error:[/red] {e.args[0]}")
            raise typer.Exit(1)
        print(json.dumps(item, ensure_ascii=False, indent=1)) if as_json else _print_doc(item)
        return
    if period or province:
        err.print("[red]error:[/red] --period/--province need --set DOC (or use them with `tracuu ingest`)")
        raise typer.Exit(2)
    items = engine.documents()
    if as_json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not items:
        out.print("no documents indexed yet: tracuu ingest data/reports")
    for d in items:
        _print_doc(d)


def _print_doc(d: dict) -> None:
    period = d["period"]["label"] if d["period"] else "?"
    period += f" (từ {SOURCE_LABELS.get(d.get('period_source'), '?')})" if d["period"] else ""
    place = f"  {d['province']} (từ {SOURCE_LABELS.get(d.get('province_source'), '?')})" if d.get("province") else ""
    out.print(f"{d['doc']}  [{d['kind']}] {d['number'] or '-'}  {period}{place}  {d['chunks']} passages\n"
              f"    {d['title']}", markup=False, highlight=False)
    if d.get("ocr"):
        out.print(f"    {describe(d['ocr'])}", markup=False, highlight=False)


@app.command()
def remove(doc: str = typer.Argument(..., help="file name as shown by `tracuu docs`")):
    """Xoá một báo cáo khỏi chỉ mục. Remove one document."""
    outcome = _engine().remove([doc])
    if outcome.failed:
        for f in outcome.failed:
            err.print(f"[red]error:[/red] {f}")
        raise typer.Exit(1)
    out.print(f"removed {doc}")


@app.command()
def ask(question: Optional[str] = typer.Argument(None),
        as_json: bool = typer.Option(False, "--json"),
        k: int = typer.Option(5, "--k", min=1, max=50, help="number of cited passages"),
        period: Optional[str] = typer.Option(None, "--period", help="only reports/sections of this period"),
        doc: Optional[list[str]] = typer.Option(None, "--doc", help="only these documents"),
        batch: Optional[Path] = typer.Option(None, "--batch", help="JSONL file of {id, question}")):
    """Đặt câu hỏi. Answer a question with cited passages."""
    engine = _engine()
    pf = parse_period(period) if period else None
    if period and not pf:
        err.print(f"[red]error:[/red] cannot read the period '{period}' (e.g. 'quý I/2022', '6 tháng đầu năm 2023')")
        raise typer.Exit(2)
    opts = AskOptions(k=k, period=pf, docs=set(doc) if doc else None)
    if batch is not None:
        raise typer.Exit(_ask_batch(engine, batch, opts))
    if question is None:
        err.print("[red]error:[/red] give a QUESTION or --batch FILE.jsonl")
        raise typer.Exit(2)
    try:
        ans = engine.ask(question, opts)
    except QuestionError as e:
        if as_json:
            print(json.dumps({"error": str(e)}, ensure_ascii=False))
        else:
            err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)
    except (IndexError_, EmbedderError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False))
        return
    _print_answer(ans)


def _ask_batch(engine: Engine, path: Path, opts: AskOptions) -> int:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        err.print(f"[red]error:[/red] cannot read {path}: {e}")
        return 2
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("each line must be an object with a 'question' string")
        except ValueError as e:
            print(json.dumps({"id": None, "line": no, "error": f"line {no}: {e}"}, ensure_ascii=False), flush=True)
            continue
        try:
            ans = engine.ask(item["question"], opts, qid=item.get("id"))
            print(json.dumps(ans.to_dict(), ensure_ascii=False), flush=True)
        except QuestionError as e:
            print(json.dumps({"id": item.get("id"), "question": item["question"], "error": str(e)},
                             ensure_ascii=False), flush=True)
    return 0


def _print_answer(ans) -> None:
    style = "bold green" if ans.answered else "bold yellow"
    out.print(ans.answer, style=style, markup=False, highlight=False)
    for c in ans.citations:
        period = c.period.label if c.period else "?"
        where = f"dòng {c.line_start}-{c.line_end}" + (f", trang {c.page}" if c.page else "")
        out.print(f"\n[{c.n}] {c.doc} — {c.number or c.title[:60]} ({period}) — {where}", style="bold", markup=False)
        if c.section:
            out.print(f"    {c.section}", style="dim", markup=False)
        out.print(f"    {c.text[:600]}", markup=False, highlight=False)
    out.print(f"\n({ans.ms:.0f} ms)", style="dim")


@app.command()
def trend(question: str = typer.Argument(..., help="the indicator, e.g. 'lượng khách du lịch'"),
          as_json: bool = typer.Option(False, "--json")):
    """Xem một chỉ tiêu qua các kỳ. One indicator across every indexed period, oldest first."""
    from tracuu.qa.trend import trend as run_trend
    t = run_trend(_engine(), question)
    if as_json:
        print(json.dumps(t.to_dict(), ensure_ascii=False))
        return
    for r in t.rows:
        f = r.figures[0]
        kind = "mục tiêu" if r.kind == "target" else "kết quả"
        out.print(f"{r.period.label:24} {kind:9} {f.value} {f.unit or ''}  [{r.citation.doc}:{r.citation.line_start}]",
                  markup=False, highlight=False)
    if t.missing:
        out.print(f"không có số liệu: {', '.join(t.missing)}", style="dim", markup=False)


@app.command()
def check(text: Optional[str] = typer.Argument(None, help="a sentence or paragraph with figures"),
          as_json: bool = typer.Option(False, "--json"),
          batch: Optional[Path] = typer.Option(None, "--batch", help="JSONL of {id, claim|text}")):
    """Kiểm tra số liệu. Check every figure of a text against the reports."""
    from tracuu.qa.claims import ClaimError, check as run_check
    engine = _engine()
    if batch is not None:
        for no, line in enumerate(batch.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            body = item.get("claim") or item.get("text") or ""
            try:
                print(json.dumps(run_check(engine, body, id=item.get("id")).to_dict(), ensure_ascii=False), flush=True)
            except ClaimError as e:
                print(json.dumps({"id": item.get("id"), "text": body, "error": str(e)}, ensure_ascii=False), flush=True)
        return
    if not text:
        err.print("[red]error:[/red] give a TEXT or --batch FILE.jsonl")
        raise typer.Exit(2)
    try:
        result = run_check(engine, text)
    except ClaimError as e:
        print(json.dumps({"error": str(e)}, ensure_ascii=False)) if as_json else err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    for c in result.claims:
        style = {"match": "green", "rounded": "cyan", "mismatch": "red", "other_period": "yellow"}.get(c.verdict, "dim")
        out.print(f"{c.verdict:12} {c.figure}: {c.explanation}", style=style, markup=False, highlight=False)
        if c.citation:
            out.print(f"    [{c.citation.doc}:{c.citation.line_start}-{c.citation.line_end}] {c.citation.quote or c.citation.text[:300]}",
                      markup=False, highlight=False)
    out.print(f"=> {result.verdict}", style="bold", markup=False)


@app.command("eval")
def eval_(path: Path = typer.Argument(..., exists=True, dir_okay=False), as_json: bool = typer.Option(False, "--json")):
    """Chấm điểm trên bộ câu hỏi. Score against a dev.jsonl-style file."""
    from tracuu.qa.evaluate import evaluate, evaluate_claims
    engine = _engine()
    engine.ask("khởi động")  # load the models before timing
    first = next((json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()), {})
    if "claim" in first:  # a claims file: verdict accuracy
        result = evaluate_claims(engine, path)
        if as_json:
            print(json.dumps(result, ensure_ascii=False, indent=1))
            return
        for key, value in result.items():
            if key != "misses":
                out.print(f"{key:18} {value}", markup=False)
        for m in result["misses"]:
            out.print("  " + json.dumps(m, ensure_ascii=False), markup=False, highlight=False)
        return
    rep = evaluate(engine, path)
    summary = rep.summary()
    if as_json:
        print(json.dumps({**summary, "misses": rep.misses}, ensure_ascii=False, indent=1))
        return
    for key, value in summary.items():
        out.print(f"{key:18} {value}")
    if rep.misses:
        out.print("\nmisses:")
        for m in rep.misses:
            out.print("  " + json.dumps(m, ensure_ascii=False), markup=False, highlight=False)


@app.command()
def migrate(to: str = typer.Option(..., "--to", help="qdrant: copy the embedded index into the collection the "
                                                     "TRACUU_QDRANT_* settings name; faiss: the reverse"),
            force: bool = typer.Option(False, "--force", help="replace a target that already holds documents")):
    """Chuyển chỉ mục sang Qdrant. Copy the index between backends, vectors included (nothing re-embedded)."""
    from tracuu.index.backend import migrate as copy_index
    try:
        message = copy_index(Config.load(), to, force=force)
    except ValueError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)
    except (IndexError_, EmbedderError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1)
    out.print(message, markup=False, highlight=False, soft_wrap=True)


@app.command()
def serve(host: Optional[str] = typer.Option(None), port: Optional[int] = typer.Option(None),
          workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                                help="worker processes answering in parallel (default: "
                                                     "TRACUU_WORKERS, else one per CPU core)")):
    """Chạy giao diện web và API. Serve the web UI at / and the API at /api."""
    from tracuu.ui.server import run
    cfg = Config.load(host=host, port=port, workers=workers)
    run(cfg)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
