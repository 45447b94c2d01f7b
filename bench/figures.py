"""Figures, trends and claim checks: quality and speed on an index (prints numbers, asserts nothing).

    .venv/bin/python bench/figures.py [--home DIR] [--sets FILE ...] [--claims FILE]

- figure extraction: for every answered figure question of each set, is a gold figure (a number of its
  `must_contain`) among `figures`, and is it `figures[0]`;
- trend latency over a few indicators (one trend asks every indexed period);
- claim check latency and verdict accuracy on a claims file.
Needs an index in --home (default $TRACUU_HOME or ./.tracuu); `make run` or `tracuu ingest` builds one.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracuu.config import Config  # noqa: E402
from tracuu.qa.engine import Engine  # noqa: E402
from tracuu.qa.evaluate import evaluate_claims  # noqa: E402
from tracuu.qa.trend import trend  # noqa: E402
from tracuu.qa.verify import numbers_in  # noqa: E402

TREND_QUESTIONS = ["lượng khách du lịch", "thu ngân sách nhà nước", "kim ngạch xuất nhập khẩu", "giải ngân vốn đầu tư công"]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))], 1) if xs else 0.0


def figure_quality(engine: Engine, path: Path) -> dict:
    among = first = n = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        need = {x for s in gold.get("must_contain", []) for x in numbers_in(s)}
        if not gold.get("answerable", True) or gold.get("type") != "figure" or not need:
            continue
        ans = engine.ask(gold["question"])
        if not ans.answered:
            continue
        n += 1
        values = [set(numbers_in(f.value)) for f in ans.figures]
        among += any(v & need for v in values)
        first += bool(values and values[0] & need)
    return {"set": path.name, "answered_figure_questions": n, "gold_among_figures": round(among / max(n, 1), 3),
            "gold_is_first": round(first / max(n, 1), 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, help="state directory (default: the configured one, $TRACUU_HOME or .tracuu)")
    ap.add_argument("--sets", nargs="*", type=Path, default=[ROOT.parent / "shared" / "eval" / "dev.jsonl",
                                                              *sorted((ROOT / "tests" / "data").glob("heldout*.jsonl"))])
    ap.add_argument("--claims", type=Path, default=ROOT / "tests" / "data" / "claims.jsonl")
    args = ap.parse_args()
    engine = Engine(Config.load(home=args.home))
    engine.ask("khởi động")
    for path in args.sets:
        if path.exists():
            print(json.dumps(figure_quality(engine, path), ensure_ascii=False), flush=True)
    times = []
    for q in TREND_QUESTIONS:
        t0 = time.perf_counter()
        rows = len(trend(engine, q).rows)
        times.append((time.perf_counter() - t0) * 1000)
        print(json.dumps({"trend": q, "rows": rows, "ms": round(times[-1], 1)}, ensure_ascii=False), flush=True)
    print(json.dumps({"trend_ms_p50": round(statistics.median(times), 1), "trend_ms_max": round(max(times), 1)}))
    if args.claims.exists():
        res = evaluate_claims(engine, args.claims)
        res.pop("misses")
        print(json.dumps(res, ensure_ascii=False))


if __name__ == "__main__":
    main()
