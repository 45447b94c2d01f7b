"""Another report of the same place states the answer's figure otherwise, for the same period: an estimate a later
release revised, a press article retelling a report, a department counting its own way. A reporter checking a figure
must know; the answer keeps the figure it chose and says, quoted, what the other report gives."""
from __future__ import annotations

import math
import re

from tracuu.index.backend import Store
from tracuu.index.store import Hit
from tracuu.ingest.textnorm import fold

from . import wording
from .answer import Citation
from .claim_values import rounds, value
from .extract import Evidence
from .figure_value import Figure
from .aims import aimed
from .units import unit_of
from .query import Query

# the other sentence covers the question nearly as well as the quote: it is about the same thing, not a neighbour
CLOSE = 0.9


def also_reported(query: Query, best: Evidence, figs: list[Figure], evidence: list[Evidence], top: list[Hit],
                  store: Store, citations: list[Citation]) -> tuple[Citation, Figure] | None:
    """The first other report of the quoted report's province whose sentence, answering the question about as well
    (not ruled out), states the lead figure's period and kind with another value in the same unit (not the same
    figure rounded); with its citation (its `quote` set) and its figure. None where the reports agree. A target
    only where a target is asked (a resolution's and a revised plan's aim for one year), and then against targets."""
    if not query.wants_figure or not figs or not citations:
        return None
    lead = figs[0]
    target = lead.kind == "target"
    if lead.n != 1 or (target and not query.wants_target) or lead.period is None or lead.reference or not lead.unit:
        return None
    doc = store.doc_by_name[citations[0].doc]
    if doc.province is None:
        return None
    for e in evidence:
        if e is best or e.coverage < CLOSE * best.coverage or not e.figure:
            continue
        hit = top[e.hit_index]
        other = store.doc_by_name[hit.passage.doc]
        # (a district's own report counts the district: 'thành phố còn 186 hộ nghèo' is no other count of the province's)
        if other.doc == doc.doc or other.province != doc.province or unit_of(other.doc, store) != unit_of(doc.doc, store):
            continue
        cite = next((c for c in citations if c.passage_id == hit.passage.id), None)
        if cite is None:
            continue
        theirs = wording.figures_of(query, [(cite.n, e.sentence)], cite, store)
        if not theirs or not _same_measure(lead, theirs[0]) or (not target and aimed(theirs[0], other.period)):
            continue  # (an aim is no figure reported: 'phấn đấu đến hết ngày 30/11/2024 giải ngân đạt trên 75%')
        if _differs(lead, citations[0].quote or "", theirs[0], e.sentence):
            cite.quote = e.sentence
            return cite, theirs[0]
    return None


def _same_measure(a: Figure, b: Figure) -> bool:
    """Two figures of one period, kind and unit, each stated as its clause's own value, their words naming the same
    thing: not a part ('Trong đó, ... sản xuất và phân phối điện tăng 5,12%' for the IIP) nor another measure."""
    if not (b.kind == a.kind and b.period == a.period and not b.reference and b.part_of is None
            and value(a)[1] == value(b)[1] and bool(value(b)[1])):
        return False
    if re.search(r"\btrong do\b", fold(b.head)):
        return False
    mine, theirs = _named(a.head), _named(b.head)
    return not mine or len(mine & theirs) >= 0.5 * len(mine)


def _named(head: str) -> set[str]:
    """The words of a figure's head that say what it measures (not how it is stated, nor its period or place)."""
    return set(re.findall(r"[a-z]+", fold(head))) - _HOW


_HOW = frozenset("""tang giam dat uoc duoc la nam thang quy cua tinh chung so voi cung ky trong do va ca toan tren dia ban
    khoang hon gan bang tong rieng luy ke thuc hien nay dau cuoi ve phan muc tieu""".split())  # (phấn đấu, mục tiêu)


def _differs(a: Figure, quote_a: str, b: Figure, quote_b: str) -> bool:
    """Other values: not equal, and neither the other rounded ('1.158,8' and 'gần 1.160')."""
    va, vb = value(a), value(b)
    if math.isclose(va[0], vb[0], rel_tol=1e-9, abs_tol=1e-9):
        return False
    return not rounds(a, quote_a, va, vb) and not rounds(b, quote_b, vb, va)


NOTE = "Lưu ý: báo cáo khác cùng kỳ nêu số liệu khác"  # how the answer's line on it opens


def note_line(cite: Citation, fig: Figure) -> str:
    """What the answer says of it: the other report's figure, its name and period, and its citation number."""
    period = f" ({cite.period.label})" if cite.period else ""
    return (f"{NOTE} — {'chỉ tiêu ' if fig.kind == 'target' else ''}{fig.value}"
            f"{' ' + fig.unit if fig.unit else ''} theo {cite.doc}{period} [{cite.n}]: “{cite.quote}”")
