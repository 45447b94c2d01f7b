"""Load test of the HTTP API: N concurrent clients asking the dev questions for a fixed time.

Starts the real server (``python -m ui.cli serve``) in a subprocess on a free loopback port, takes each
question's single-user answer first, then checks that every answer under load is the same one
(answered flag, text, cited passages): concurrent requests must never see a mixed-up or partial index.

    .venv/bin/python bench/load.py [--clients 20] [--seconds 30] [--home DIR] [--dev FILE]

The rate limit is switched off for the run (all clients share one IP). Needs an index in --home;
when it is empty the bundled reports are ingested first.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def key(answer: dict) -> tuple:
    """What must not change under load (timing aside)."""
    return (answer["answered"], answer["answer"],
            tuple((c["doc"], c["line_start"], c["line_end"]) for c in answer["citations"]))


def start_server(home: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, TRACUU_HOME=str(home), TRACUU_RATE_LIMIT_PER_MINUTE="0", HF_HUB_OFFLINE="1")
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited:\n{proc.stderr.read().decode()[-3000:]}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 120 s")


async def client(i: int, base: str, questions: list[str], until: float, expected: dict, out: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        n = i
        while time.perf_counter() < until:
            q = questions[n % len(questions)]
            n += 1
            t0 = time.perf_counter()
            try:
                r = await http.post("/api/ask", json={"question": q})
            except httpx.HTTPError as e:
                out["errors"].append(f"{type(e).__name__}: {e}")
                continue
            out["latency"].append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                out["errors"].append(f"{r.status_code}: {r.text[:200]}")
            elif key(r.json()) != expected[q]:
                out["mismatch"].append(q)


async def load(base: str, questions: list[str], expected: dict, clients: int, seconds: float) -> dict:
    out = {"latency": [], "errors": [], "mismatch": []}
    until = time.perf_counter() + seconds
    t0 = time.perf_counter()
    await asyncio.gather(*(client(i, base, questions, until, expected, out) for i in range(clients)))
    out["elapsed"] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--home", type=Path, default=Path(os.environ.get("TRACUU_HOME", ROOT / ".tracuu")))
    ap.add_argument("--dev", type=Path, default=DEV if DEV.exists() else ROOT / "tests" / "data" / "dev.jsonl")
    args = ap.parse_args()
    questions = [json.loads(line)["question"] for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not (args.home / "index").exists():
        print(f"no index in {args.home}: ingesting data/reports first", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "ui.cli", "ingest", "-q", str(ROOT / "data" / "reports")],
                       cwd=ROOT, env=dict(os.environ, TRACUU_HOME=str(args.home)), check=False)
    proc, base = start_server(args.home)
    try:
        expected, single = {}, []
        with httpx.Client(base_url=base, timeout=60) as http:
            for q in questions:
                t0 = time.perf_counter()
                r = http.post("/api/ask", json={"question": q})
                single.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                expected[q] = key(r.json())
        res = asyncio.run(load(base, questions, expected, args.clients, args.seconds))
    finally:
        proc.terminate()
        proc.wait(10)
    lat = sorted(res["latency"])
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] if lat else float("nan")  # noqa: E731
    print(f"questions: {len(questions)} (single user: median {statistics.median(single):.0f} ms)")
    print(f"load: {args.clients} clients for {res['elapsed']:.1f} s -> {len(lat)} answers, "
          f"{len(lat) / res['elapsed']:.1f} answers/s")
    print(f"latency: p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms, p99 {pct(99):.0f} ms, max {lat[-1] if lat else 0:.0f} ms")
    print(f"errors: {len(res['errors'])}" + (f" (first: {res['errors'][0]})" if res["errors"] else ""))
    same = not res["mismatch"] and not res["errors"]
    print(f"every answer equals the single-user answer: {'yes' if same else 'NO'}"
          + (f" ({len(res['mismatch'])} differed, e.g. {res['mismatch'][0]!r})" if res["mismatch"] else ""))
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    main()
