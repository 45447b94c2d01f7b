"""Load test of the HTTP API: N concurrent clients asking the dev questions for a fixed time.

Starts the real server (``python -m ui.cli serve --workers W``) in a subprocess on a free loopback port,
takes each question's single-user answer first, then checks that every answer under load is the same one
(answered flag, text, cited passages): concurrent requests must never see a mixed-up or partial index.

Throughput is measured with the caches off (``TRACUU_CACHE=off``: the warm-up asks every question once, so
with caches on the run would mostly measure cache hits) and, separately, on. ``--ingest`` adds a run in which
one report (a synthetic copy of a sample report: another province and years, see bench/synth.py) is
uploaded halfway (the clients go on for a third of the run after it returned): every answer must equal the single-user answer of the index version it came from
(before or after the swap; a request sent after the upload returned must see the new one), and the longest
stall is reported. Memory per worker process (RSS, PSS: shared pages split between the processes mapping
them, private) is read from /proc after each run.

    .venv/bin/python bench/load.py [--clients 20] [--seconds 30] [--workers N] [--cache off|on|both]
                                   [--ingest] [--home DIR] [--dev FILE] [--json OUT]

The rate limit is switched off for the run (all clients share one IP). Needs an index in --home;
when it is empty the bundled reports are ingested first. The --ingest run works on a copy of the home.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tracuu.config import Config

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
UPLOAD_SOURCE, UPLOAD_COPY = "000_8965950bfb0edcf7.txt", 1


def key(answer: dict) -> tuple:
    """What must not change under load (timing aside)."""
    return (answer["answered"], answer["answer"],
            tuple((c["doc"], c["line_start"], c["line_end"]) for c in answer["citations"]))


def start_server(home: Path, workers: int | None, cache: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, TRACUU_HOME=str(home), TRACUU_RATE_LIMIT_PER_MINUTE="0", HF_HUB_OFFLINE="1",
               TRACUU_CACHE=cache, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "tracuu.ui.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited:\n{proc.stderr.read().decode()[-3000:]}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 180 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


def single_user(base: str, questions: list[str]) -> tuple[dict, list[float]]:
    """Each question asked once, alone: the answers load must reproduce (and the caches' warm-up)."""
    expected, ms = {}, []
    with httpx.Client(base_url=base, timeout=120) as http:
        for q in questions:
            t0 = time.perf_counter()
            r = http.post("/api/ask", json={"question": q})
            ms.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
            expected[q] = key(r.json())
    return expected, ms


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for c in (task / "children").read_text().split():
                out += [int(c)] + _children(int(c))
    except OSError:
        pass
    return out


def tree_cpu_s(proc: subprocess.Popen) -> float:
    """CPU seconds used so far by the server and its workers (a figure other load on the machine
    disturbs far less than wall-clock throughput)."""
    total = 0.0
    for pid in [proc.pid] + _children(proc.pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return total


def memory(proc: subprocess.Popen) -> list[dict]:
    """RSS / PSS / private MB of each process holding an engine (the server, or each of its workers)."""
    rows = []
    for pid in [proc.pid] + _children(proc.pid):
        try:
            fields = {}
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
                name, value = line.split(":", 1)
                fields[name] = int(value.split()[0]) / 1024
            cmd = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
        except (OSError, ValueError):
            continue
        if fields.get("Rss", 0) < 60 or "resource_tracker" in cmd:  # the supervisor, helpers
            continue
        rows.append({"pid": pid, "rss_mb": round(fields["Rss"]), "pss_mb": round(fields.get("Pss", 0)),
                     "private_mb": round(fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0))})
    return rows


async def client(i: int, base: str, questions: list[str], out: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        n = i
        while time.perf_counter() < out["until"]:
            q = questions[n % len(questions)]
            n += 1
            t0 = time.perf_counter()
            try:
                r = await http.post("/api/ask", json={"question": q})
            except httpx.HTTPError as e:
                out["errors"].append(f"{type(e).__name__}: {e}")
                continue
            t1 = time.perf_counter()
            if r.status_code != 200:
                out["errors"].append(f"{r.status_code}: {r.text[:200]}")
            else:
                out["answers"].append((t0, t1, q, key(r.json())))


async def upload(base: str, path: Path, at: float, tail: float, out: dict) -> None:
    await asyncio.sleep(max(0.0, at - time.perf_counter()))
    out["upload_start"] = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=600) as http:
        with path.open("rb") as fh:
            r = await http.post("/api/documents", files={"files": (path.name, fh, "text/plain")})
    out["upload_done"] = time.perf_counter()
    out["until"] = max(out["t0"] + 3 * tail, out["upload_done"] + tail)  # answers from the new version too
    out["upload"] = {"status": r.status_code, "body": r.json()}


async def load(base: str, questions: list[str], clients: int, seconds: float, ingest: Path | None = None) -> dict:
    t0 = time.perf_counter()
    # with an upload, the clients go on until it returned and a third of the run after that
    out = {"answers": [], "errors": [], "until": float("inf") if ingest else t0 + seconds}
    out["t0"] = t0
    tasks = [client(i, base, questions, out) for i in range(clients)]
    if ingest:  # halfway through, and the clients go on for a third of the run after it returned
        tasks.append(upload(base, ingest, t0 + seconds / 2, seconds / 3, out))
    await asyncio.gather(*tasks)
    out["elapsed"] = time.perf_counter() - t0
    out["t0"] = t0
    return out


def summary(res: dict, clients: int) -> dict:
    lat = sorted((t1 - t0) * 1000 for t0, t1, _, _ in res["answers"])
    pct = lambda p: round(lat[min(len(lat) - 1, int(p / 100 * len(lat)))]) if lat else None  # noqa: E731
    return {"clients": clients, "seconds": round(res["elapsed"], 1), "answers": len(lat),
            "answers_per_s": round(len(lat) / res["elapsed"], 1), "p50_ms": pct(50), "p95_ms": pct(95),
            "p99_ms": pct(99), "max_ms": round(lat[-1]) if lat else None, "errors": len(res["errors"]),
            "first_error": res["errors"][0] if res["errors"] else None}


def run(home: Path, questions: list[str], args, cache: str) -> dict:
    proc, base = start_server(home, args.workers, cache)
    try:
        expected, single = single_user(base, questions)
        cpu0, own0 = tree_cpu_s(proc), time.process_time()
        res = asyncio.run(load(base, questions, args.clients, args.seconds))
        cpu = {"server": tree_cpu_s(proc) - cpu0, "client": time.process_time() - own0}
        mem = memory(proc)
    finally:
        stop(proc)
    out = summary(res, args.clients)
    differ = [q for _, _, q, k in res["answers"] if k != expected[q]]
    n = max(1, len(res["answers"]))
    out.update(cpu_ms_per_answer={k: round(v * 1000 / n, 1) for k, v in cpu.items()})
    out.update(cache=cache, single_user_median_ms=round(statistics.median(single)), differed=len(differ),
               same=not differ and not res["errors"], memory=mem)
    return out


def upload_file(tmp: Path) -> Path:
    """A real-sized report the index does not have: a synthetic copy of a sample report."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synth import copy_name, write_copies
    write_copies(tmp / "copies", UPLOAD_COPY + 1)
    return tmp / "copies" / copy_name(UPLOAD_SOURCE, UPLOAD_COPY)


def run_ingest(home: Path, questions: list[str], args) -> dict:
    """Load with an upload in the middle, on a copy of the home (the sample index stays as it was)."""
    with tempfile.TemporaryDirectory(prefix="tracuu-load-") as tmp:
        work = Path(tmp) / "home"
        work.mkdir()
        for part in ("index", "cache"):
            if (home / part).exists():
                shutil.copytree(home / part, work / part)
        report = upload_file(Path(tmp))
        proc, base = start_server(work, args.workers, "off")
        try:
            before, _ = single_user(base, questions)
            res = asyncio.run(load(base, questions, args.clients, args.seconds, ingest=report))
            after, _ = single_user(base, questions)
            mem = memory(proc)
        finally:
            stop(proc)
    out = summary(res, args.clients)
    start, done = res.get("upload_start"), res.get("upload_done")
    counts = {"before": 0, "after": 0, "either": 0, "neither": 0, "stale_after_upload": 0}
    for t0, t1, q, k in res["answers"]:
        if before[q] == after[q] == k:
            counts["either"] += 1
        elif k == before[q]:
            counts["before"] += 1
            counts["stale_after_upload"] += done is not None and t0 > done
        elif k == after[q]:
            counts["after"] += 1
        else:
            counts["neither"] += 1
    ends = sorted(t1 for _, t1, _, _ in res["answers"])
    gaps = [(b - a, a) for a, b in zip(ends, ends[1:])]
    gap, gap_at = max(gaps) if gaps else (0.0, res["t0"])
    during = [(t1 - t0) * 1000 for t0, t1, _, _ in res["answers"] if start and done and t1 >= start and t0 <= done + 1]
    out.update(cache="off", upload=res.get("upload"), upload_s=round(done - start, 2) if start and done else None,
               upload_at_s=round(start - res["t0"], 1) if start else None,
               questions_changed_by_upload=sum(before[q] != after[q] for q in questions), versions=counts,
               longest_gap_ms=round(gap * 1000), longest_gap_at_s=round(gap_at - res["t0"], 1),
               max_latency_during_upload_ms=round(max(during)) if during else None, memory=mem,
               same=not res["errors"] and not counts["neither"] and not counts["stale_after_upload"]
               and (res.get("upload") or {}).get("status") == 200)
    return out


def report(name: str, r: dict) -> None:
    print(f"\n== {name} ==")
    print(f"load: {r['clients']} clients for {r['seconds']} s -> {r['answers']} answers, {r['answers_per_s']} answers/s")
    print(f"latency: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, p99 {r['p99_ms']} ms, max {r['max_ms']} ms"
          + (f" (single user: median {r['single_user_median_ms']} ms)" if "single_user_median_ms" in r else ""))
    if "cpu_ms_per_answer" in r:
        c = r["cpu_ms_per_answer"]
        print(f"CPU per answer: server {c['server']} ms, load client {c['client']} ms "
              f"(-> {2000 / max(c['server'] + c['client'], 1e-9):.0f} answers/s if both had 2 idle cores to themselves)")
    print(f"errors: {r['errors']}" + (f" (first: {r['first_error']})" if r["errors"] else ""))
    for m in r["memory"]:
        print(f"memory pid {m['pid']}: RSS {m['rss_mb']} MB, PSS {m['pss_mb']} MB, private {m['private_mb']} MB")
    if "versions" in r:
        print(f"upload at {r['upload_at_s']} s took {r['upload_s']} s: {r['upload']}")
        print(f"answers by index version: {r['versions']} ({r['questions_changed_by_upload']} questions' answers "
              f"changed with the new report)")
        print(f"longest stall: {r['longest_gap_ms']} ms without any answer (at {r['longest_gap_at_s']} s); "
              f"slowest answer overlapping the upload: {r['max_latency_during_upload_ms']} ms")
    else:
        print(f"answers differing from the single-user answer: {r['differed']}")
    print(f"every answer equals the single-user answer{' of its index version' if 'versions' in r else ''}: "
          f"{'yes' if r['same'] else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=None, help="server worker processes (default: its own, the core count)")
    ap.add_argument("--cache", choices=["off", "on", "both", "none"], default="both",
                    help="the plain runs to make (none: only the --ingest one)")
    ap.add_argument("--ingest", action="store_true", help="also a run with one report uploaded halfway")
    # default: the configured home ($TRACUU_HOME, else .tracuu), relative to the repository the server runs in
    ap.add_argument("--home", type=Path, default=ROOT / Config.load().home)
    ap.add_argument("--dev", type=Path, default=DEV if DEV.exists() else ROOT / "tests" / "data" / "dev.jsonl")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    questions = [json.loads(line)["question"] for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not (args.home / "index").exists():
        print(f"no index in {args.home}: ingesting data/reports first", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "tracuu.ui.cli", "ingest", "-q", str(ROOT / "data" / "reports")],
                       cwd=ROOT, env=dict(os.environ, TRACUU_HOME=str(args.home)), check=False)
    results = {"questions": len(questions), "workers": args.workers, "home": str(args.home)}
    for cache in {"both": ["off", "on"], "none": []}.get(args.cache, [args.cache]):
        results[f"cache_{cache}"] = r = run(args.home, questions, args, cache)
        report(f"caches {cache}", r)
    if args.ingest:
        results["ingest"] = r = run_ingest(args.home, questions, args)
        report("caches off, one report uploaded during the run", r)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    ok = all(v["same"] for k, v in results.items() if isinstance(v, dict) and "same" in v)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
