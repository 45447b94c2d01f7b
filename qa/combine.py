"""One answer from several: a line per province or per period, each with its own citations.

Used when a question is open on a dimension the index spans (several provinces, several periods) or
names several periods (`năm 2021 và tháng 1/2023`, `so sánh ... với cùng kỳ`): one figure must not pass
for the answer, and no new number is computed: each line quotes its own report.
"""
from __future__ import annotations

import dataclasses
import re

from .answer import Answer

_MARK = re.compile(r"\[(\d+)\]")


def combine(question: str, parts: list[tuple[str, Answer]], note: str | None = None, brief: bool = False) -> Answer:
    """`parts`: (label, answered sub-answer), best first. Citation numbers are renumbered in order.
    `brief`: each line is the sub-answer's figure line only (a table of periods), when it has one."""
    lines, citations, figures = [], [], []
    for label, ans in parts:
        cited = sorted({int(n) for n in _MARK.findall(ans.answer)})
        renumber = {n: len(citations) + i + 1 for i, n in enumerate(cited)}
        citations += [dataclasses.replace(c, n=renumber[c.n]) for c in ans.citations if c.n in renumber]
        figures += [dataclasses.replace(f, n=renumber.get(f.n, f.n)) for f in ans.figures]
        # (the figure line is the first that cites: a plan's answer opens with 'Chưa có số liệu thực hiện ...', which
        # the row's label '(mục tiêu, kế hoạch)' already says)
        lines_of = ans.answer.split("\n")
        body = next((x for x in lines_of if _MARK.search(x)), lines_of[0]) \
            if brief and ans.figures and "\n" in ans.answer else ans.answer
        text = _MARK.sub(lambda m: f"[{renumber.get(int(m.group(1)), m.group(1))}]", body)
        lines.append(f"{label}: {text}")
    first = parts[0][1]
    return Answer(question, True, "\n".join(lines + ([note] if note else [])), first.period, citations,
                  confidence=first.confidence, figures=figures)
