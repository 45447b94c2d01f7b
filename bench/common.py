"""Shared by the bench scripts: gold questions, hit scoring (qa.evaluate.is_hit), percentiles, peak memory,
machine description. Every pipeline is scored with the same rule: a retrieved unit is a hit when its line
range in the raw file overlaps the gold line range (qa.evaluate.is_hit, the rule `tracuu eval` uses)."""
from __future__ import annotations

import json
import os
import platform
import re
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from tracuu.qa.evaluate import is_hit  # noqa: E402  (the one matching rule; never a second one)

REPORTS = ROOT / "data" / "reports"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
if not DEV.exists():
    DEV = ROOT / "tests" / "data" / "dev.jsonl"


def load_gold(path: Path, answerable_only: bool = True) -> list[dict]:
    rows = [json.loads(x) for x in Path(path).read_text("utf-8").splitlines() if x.strip()]
    return [g for g in rows if g.get("answerable", True)] if answerable_only else rows


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile, the definition qa.evaluate.Report.summary uses."""
    v = sorted(values) or [0.0]
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def first_hit(units: list[dict], gold: dict, k: int = 10) -> int | None:
    """Rank (0-based) of the first unit among the top k that is_hit() accepts; units need doc/line_start/line_end."""
    for i, u in enumerate(units[:k]):
        if is_hit(u, gold):
            return i
    return None


_WS = re.compile(r"\s+")


class RawLines:
    """Raw source lines of the sample reports, for the strict rule: the retrieved unit's whole lines hold
    every must_contain string (whitespace collapsed, so a string wrapped over two lines still counts)."""

    def __init__(self, folder: Path = REPORTS):
        self.lines = {f.name: f.read_text("utf-8").split("\n") for f in sorted(folder.glob("*.txt"))}

    def holds(self, unit: dict, gold: dict) -> bool:
        if unit["doc"] != gold["doc"] or not gold.get("must_contain"):
            return False
        text = _WS.sub(" ", " ".join(self.lines[unit["doc"]][unit["line_start"] - 1:unit["line_end"]]))
        return all(_WS.sub(" ", s) in text for s in gold["must_contain"])


def score(ranks: list[int | None], strict: list[int | None] | None = None) -> dict:
    n = max(len(ranks), 1)
    out = {"n": len(ranks),
           "hit@1": sum(r == 0 for r in ranks) / n,
           "hit@5": sum(r is not None and r < 5 for r in ranks) / n,
           "mrr@10": sum(1 / (r + 1) for r in ranks if r is not None) / n}
    if strict is not None:
        out["strict_hit@1"] = sum(r == 0 for r in strict) / n
        out["strict_hit@5"] = sum(r is not None and r < 5 for r in strict) / n
    return out


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    VmHWM (the high-water mark of this address space) rather than ru_maxrss: Linux carries ru_maxrss across
    exec, so a child started by a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        import psutil
        ram_gb = psutil.virtual_memory().total / 2**30
    except Exception:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    gpu = None
    try:
        import torch
        if torch.cuda.is_available():
            gpu = torch.cuda.get_device_name(0)
    except Exception:
        pass
    return {"cpu": cpu, "cores": cores, "ram_gb": round(ram_gb, 1) if ram_gb else None, "gpu": gpu,
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}"}


def write_json(path: Path, data: dict) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
