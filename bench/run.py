"""`make bench`: tracuu side by side with the pipeline a team would otherwise build, how cost grows with the
corpus, and where the time goes. Prints tables, writes bench/bench.png, bench/results/latest.json and
BENCHMARKS.md (machine, date, every number from this run). Not part of CI.

    .venv/bin/python bench/run.py                      # everything (~5-10 min with a warm cache)
    .venv/bin/python bench/run.py --quick              # scales 1,10, one query pass
    .venv/bin/python bench/run.py --scales 1,10 --no-profile
    .venv/bin/python bench/run.py --cold               # re-measure the cold (empty cache) builds too (+3-5 min)

State (embedding caches, synthetic corpora, indexes) lives in --home (default $TRACUU_BENCH_HOME or
/tmp/tracuu-bench), never in ./.tracuu. Each measurement runs in its own subprocess, so its peak memory
(ru_maxrss) is its own.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from common import DEV, ROOT, machine, write_json  # noqa: E402
from report import NAMES, ODD, chart, markdown, profile_table, quality_table, scale_table  # noqa: E402

PY = sys.executable


def log(msg: str) -> None:
    print(msg, flush=True)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def _busy() -> float:
    """CPU seconds the whole machine has spent not idle."""
    import psutil
    t = psutil.cpu_times()
    return sum(getattr(t, f) for f in ("user", "nice", "system", "irq", "softirq", "steal") if hasattr(t, f))


OTHERS: list[tuple[str, float]] = []  # (step, cores other processes kept busy on average during it)


def child(args: list[str], out: Path, label: str, timeout: int = 3600) -> dict:
    """Run a bench script in a subprocess and return the JSON it wrote, with the load around it: the load
    average, and the CPU other processes used meanwhile (machine busy time minus this child's own CPU time)."""
    import resource
    before = load()
    busy0, ch0 = _busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONWARNINGS="ignore")
    proc = subprocess.run([PY, *args, "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    wall = time.perf_counter() - t0
    ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = (ch1.ru_utime - ch0.ru_utime) + (ch1.ru_stime - ch0.ru_stime)
    others = max(0.0, _busy() - busy0 - mine) / max(wall, 1e-9)
    res = json.loads(out.read_text("utf-8"))
    res["_load"] = [before, load()]
    res["_others_cores"] = round(others, 2)
    res["_wall_s"] = round(wall, 1)
    OTHERS.append((label, round(others, 2)))
    return res


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"


# ---------------------------------------------------------------- phases

def quality(home: Path, dev: Path, cold: bool, out: Path) -> dict:
    res: dict = {}
    cold_path = home / "cold.json"
    colds = json.loads(cold_path.read_text("utf-8")) if cold_path.exists() else {}
    if cold or not all(k in colds for k in ("tracuu", "naive")):
        # a cold build embeds everything: run it in a throw-away home with an empty cache, then keep its cache
        ch = home / "cold-run"
        shutil.rmtree(ch, ignore_errors=True)
        for name in ("tracuu", "naive"):
            log(f"  cold build (empty embedding cache): {name} ...")
            r = child(["bench/pipelines.py", name, "--home", str(ch), "--dev", str(dev)], out / f"cold-{name}.json", f"cold build {name}")
            colds[name] = {"build_s": r["build_s"], "units": r["units"], "embedded": r["embedded"],
                           "passages_per_s": r.get("embedded_passages_per_s"), "load": r["_load"],
                           "others_cores": r["_others_cores"],
                           "measured": dt.datetime.now().strftime("%Y-%m-%d %H:%M")}
        (home / "cache").mkdir(parents=True, exist_ok=True)
        for f in (ch / "cache").glob("*.npz"):
            if not (home / "cache" / f.name).exists():
                shutil.copy2(f, home / "cache" / f.name)
        write_json(cold_path, colds)
    for name in ("tracuu", "naive", "bm25"):
        log(f"  {NAMES[name]} ...")
        res[name] = child(["bench/pipelines.py", name, "--home", str(home), "--dev", str(dev)], out / f"q-{name}.json", name)
    log("  tracuu as served (passages read ahead) ...")
    res["served"] = child(["bench/pipelines.py", "served", "--home", str(home), "--dev", str(dev)], out / "q-served.json",
                          "served")
    res["cold"] = colds
    res["heldout"] = heldout(home, out)
    return res


def heldout(home: Path, out: Path) -> dict:
    """The same three pipelines on the held-out questions (written without looking at the tool, never
    tuned on): dev is what tracuu was tuned on, so this is the honest comparison."""
    files = sorted((ROOT / "tests" / "data").glob("heldout*.jsonl"))
    if not files:
        return {}
    merged = home / "heldout-all.jsonl"
    merged.write_text("".join(f.read_text("utf-8") for f in files), "utf-8")
    res: dict = {"files": [str(f.relative_to(ROOT)) for f in files]}
    for name in ("tracuu", "naive", "bm25"):
        log(f"  held-out: {NAMES[name]} ...")
        res[name] = child(["bench/pipelines.py", name, "--home", str(home), "--dev", str(merged)],
                          out / f"h-{name}.json", f"held-out {name}")
    return res


def scale(home: Path, dev: Path, scales: list[int], passes: int, out: Path) -> dict:
    log("  synthetic corpora and their embedding caches ...")
    prep = child(["bench/scale.py", "prepare", "--home", str(home), "--scales", ",".join(map(str, scales))],
                 out / "prepare.json", "synthetic corpora")
    log("  embedder speed ...")
    rate = child(["bench/scale.py", "rate", "--home", str(home)], out / "rate.json", "embedder speed")
    rows = []
    for n in scales:
        log(f"  {n}x: ingest+index ...")
        ing = child(["bench/scale.py", "ingest", "--home", str(home), "--scale", str(n)], out / f"ingest-{n}.json", f"ingest {n}x")
        log(f"  {n}x: queries ...")
        q = child(["bench/scale.py", "query", "--home", str(home), "--scale", str(n), "--dev", str(dev),
                   "--passes", str(passes)], out / f"query-{n}.json", f"queries {n}x")
        rows.append({"scale": n, "ingest": ing, "query": q, "prep": prep["scales"][str(n)]})
    return {"prepare": prep, "rate": rate, "rows": rows}


def profile(home: Path, dev: Path, ingest_scale: int, query_scale: int, out: Path) -> dict:
    log(f"  pyinstrument: ingest at {ingest_scale}x, queries at {query_scale}x ...")
    after = child(["bench/profile_hot.py", "--home", str(home), "--ingest-scale", str(ingest_scale),
                   "--query-scale", str(query_scale), "--dev", str(dev)], out / "profile.json", "profile")
    before_path = BENCH / "results" / "profile_before.json"
    before = json.loads(before_path.read_text("utf-8")) if before_path.exists() else None
    return {"after": after, "before": before}


# ---------------------------------------------------------------- output

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=Path(os.environ.get("TRACUU_BENCH_HOME", "/tmp/tracuu-bench")))
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the sample corpus")
    ap.add_argument("--quick", action="store_true", help="scales 1,10, one query pass, profile at 10x")
    ap.add_argument("--passes", type=int, default=3, help="query passes per scale (first + repeats)")
    ap.add_argument("--cold", action="store_true", help="re-measure the cold builds (empty embedding cache)")
    ap.add_argument("--no-quality", action="store_true")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--md", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--png", type=Path, default=BENCH / "bench.png")
    ap.add_argument("--render", action="store_true",
                    help="only rewrite BENCHMARKS.md and the chart from bench/results/latest.json")
    args = ap.parse_args()
    if args.render:
        res = json.loads((BENCH / "results" / "latest.json").read_text("utf-8"))
        res["odd"] = ODD
        chart(res, args.png)
        args.md.write_text(markdown(res), "utf-8")
        log(f"rewrote {args.md} and {args.png} from bench/results/latest.json")
        return
    scales = [1, 10] if args.quick else sorted({int(x) for x in args.scales.split(",") if x.strip()})
    passes = 2 if args.quick else max(args.passes, 1)
    home = args.home
    home.mkdir(parents=True, exist_ok=True)
    out = home / "results"
    out.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    res: dict = {"date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), "machine": machine(),
                 "git": git_state(), "command": "python bench/run.py " + " ".join(sys.argv[1:]), "odd": ODD}
    log(f"tracuu bench — {res['machine']['cpu']}, {res['machine']['cores']} cores, home {home}")
    loads = []
    if not args.no_quality:
        log("1. side by side on dev")
        loads.append(load())
        res["quality"] = quality(home, args.dev, args.cold, out)
        for line in quality_table(res["quality"]):
            print(line)
    if not args.no_scale:
        log(f"2. scale {','.join(f'{n}x' for n in scales)}")
        loads.append(load())
        res["scale"] = scale(home, args.dev, scales, passes, out)
        for line in scale_table(res["scale"]):
            print(line)
    ingest_scale = 10 if 10 in scales else scales[0]
    if not args.no_profile and not (home / f"scale-{ingest_scale}x" / "reports").exists():
        log("3. profile skipped: it needs the synthetic corpora (run once without --no-scale)")
    elif not args.no_profile:
        log("3. profile")
        loads.append(load())
        built = [n for n in scales if (home / f"scale-{n}x" / "index").exists()]
        res["profile"] = profile(home, args.dev, ingest_scale, max(built) if built else ingest_scale, out)
        for line in profile_table(res["profile"]):
            print(line)
    res["loads"] = loads
    res["others"] = OTHERS
    res["total_min"] = (time.perf_counter() - t0) / 60
    write_json(BENCH / "results" / "latest.json", res)
    chart(res, args.png)
    args.md.write_text(markdown(res), "utf-8")
    log(f"wrote {args.md.relative_to(ROOT) if args.md.is_relative_to(ROOT) else args.md}, "
        f"{args.png.relative_to(ROOT) if args.png.is_relative_to(ROOT) else args.png}, bench/results/latest.json "
        f"in {res['total_min']:.1f} min")


if __name__ == "__main__":
    main()
