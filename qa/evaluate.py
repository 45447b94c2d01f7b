"""Score the engine on a question file in the format of shared/eval/dev.jsonl."""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from .answer import Answer
from .disagree import NOTE
from .engine import AskOptions, Engine
from .verify import numbers_in


@dataclass
class Report:
    n: int = 0
    answerable: int = 0
    hit1: int = 0
    hit5: int = 0
    rr: float = 0.0
    figures_ok: int = 0
    refused_ok: int = 0
    unanswerable: int = 0
    false_refusals: int = 0
    lead_judged: int = 0  # answered, with a pinned number and a figure stated first
    lead_ok: int = 0
    latencies: list[float] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        a = max(self.answerable, 1)
        lat = sorted(self.latencies) or [0.0]
        return {
            "questions": self.n, "answerable": self.answerable,
            "hit@1": round(self.hit1 / a, 3), "hit@5": round(self.hit5 / a, 3), "mrr@10": round(self.rr / a, 3),
            "figure_accuracy": round(self.figures_ok / a, 3),
            "refusal_accuracy": round(self.refused_ok / max(self.unanswerable, 1), 3) if self.unanswerable else None,
            "unanswerable": self.unanswerable, "refused_correctly": self.refused_ok,
            "false_refusals": self.false_refusals,
            # the figure the answer states first is one the pinned strings hold (what a reader takes away)
            "lead_figure_accuracy": round(self.lead_ok / self.lead_judged, 3) if self.lead_judged else None,
            "latency_ms_p50": round(statistics.median(lat), 1),
            "latency_ms_p95": round(lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))], 1),
        }


def is_hit(c: dict, gold: dict) -> bool:
    """The citation overlaps the gold lines; where a question gives none (an answer inside a Word or PDF
    table, whose lines only the extracted text has), it is in the gold document and holds the strings."""
    if c["doc"] != gold["doc"]:
        return False
    if gold.get("line_start") is None:
        return all(s in c["text"] for s in gold.get("must_contain", []))
    return c["line_start"] <= gold["line_end"] and c["line_end"] >= gold["line_start"]


def figure_ok(answer: Answer, must: list[str]) -> bool:
    """The answer holds every number of every must_contain string, verbatim (not in its line on another report's
    figure: that is no figure it gives)."""
    text = "\n".join(x for x in answer.answer.splitlines() if not x.startswith(NOTE))
    have = set(numbers_in(text))
    need = [n for s in must for n in numbers_in(s)]
    if not need:  # a fact with no number: the string itself must be quoted
        return all(s in text for s in must)
    return answer.answered and all(n in have for n in need)


def lead_figure_ok(answer: Answer, must: list[str]) -> bool | None:
    """The figure the answer states first (its first line) is a number of the pinned strings; None where it cannot be
    judged: a refusal, no figure stated, no number pinned. Hit@1 and figure accuracy do not see a wrong first figure
    above a quote that holds the right one; this does."""
    need = {n for s in must for n in numbers_in(s)}
    if not answer.answered or not answer.figures or not need:
        return None
    return answer.figures[0].value in need


def evaluate(engine: Engine, path: Path, k: int = 10) -> Report:
    rep = Report()
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        ans = engine.ask(gold["question"], AskOptions(k=k), qid=gold.get("id"))
        rep.n += 1
        rep.latencies.append(ans.ms)
        cites = [c.to_dict() for c in ans.citations]
        if not gold.get("answerable", True):
            rep.unanswerable += 1
            if not ans.answered:
                rep.refused_ok += 1
            else:
                rep.misses.append({"id": gold.get("id"), "why": "answered an unanswerable question",
                                   "answer": ans.answer[:200]})
            continue
        rep.answerable += 1
        ranks = [i for i, c in enumerate(cites[:10]) if is_hit(c, gold)]
        first = ranks[0] if ranks else None
        rep.hit1 += first == 0
        rep.hit5 += first is not None and first < 5
        rep.rr += 1 / (first + 1) if first is not None else 0.0
        ok = figure_ok(ans, gold.get("must_contain", []))
        rep.figures_ok += ok
        if not ans.answered:
            rep.false_refusals += 1
        if (lead := lead_figure_ok(ans, gold.get("must_contain", []))) is not None:
            rep.lead_judged += 1
            rep.lead_ok += lead
        if first != 0 or not ok or not ans.answered:
            rep.misses.append({"id": gold.get("id"), "question": gold["question"], "rank": first,
                               "answered": ans.answered, "figure_ok": ok,
                               "top": f"{cites[0]['doc']}:{cites[0]['line_start']}-{cites[0]['line_end']}" if cites else None,
                               "gold": f"{gold['doc']}:{gold['line_start']}-{gold['line_end']}",
                               "answer": ans.answer[:200]})
    return rep


def evaluate_claims(engine: Engine, path: Path) -> dict:
    """Verdict accuracy on a claims file ({id, claim, verdict, ...} lines), and the one failure that must
    never happen: an altered figure (expected mismatch / other_period / not_found) judged match or rounded."""
    from .claims import ClaimError, check
    total = right = unsafe = 0
    by: dict[str, list[int]] = {}
    misses, lat = [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        try:
            res = check(engine, gold["claim"], id=gold.get("id"))
            got, ms = res.verdict, res.ms
        except ClaimError as e:
            got, ms = f"error: {e}", 0.0
        total += 1
        lat.append(ms)
        ok = got == gold["verdict"]
        right += ok
        by.setdefault(gold["verdict"], [0, 0])[0] += ok
        by[gold["verdict"]][1] += 1
        if gold["verdict"] in ("mismatch", "other_period", "not_found") and got in ("match", "rounded"):
            unsafe += 1
        if not ok:
            misses.append({"id": gold.get("id"), "claim": gold["claim"], "want": gold["verdict"], "got": got})
    lat.sort()
    return {"claims": total, "verdict_accuracy": round(right / max(total, 1), 3), "altered_confirmed": unsafe,
            "by_verdict": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by.items())},
            "latency_ms_p50": round(statistics.median(lat), 1) if lat else 0.0,
            "latency_ms_p95": round(lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))], 1) if lat else 0.0,
            "misses": misses}
