"""Passages the ranking left out that the answer needs: the body sentence stating in full what a headline or a table
row among the first ranked states in short."""
from __future__ import annotations

import re

from tracuu.index.backend import Store
from tracuu.index.store import Filters, Hit

from .figures import extract as figure_list
from .query import Query
from .verify import numbers_in


def with_bodies(top: list[Hit], store: Store, query: Query) -> list[Hit]:
    """The ranked passages, each headline among the first five followed by its report's body passage that states
    its figure in full ('Lào Cai: thu ngân sách 9 tháng đạt 84,7% dự toán' in a bulletin's 'Trong số này:' ->
    '... 9 tháng ước đạt 9.846,2 tỷ đồng, bằng 84,7% dự toán'), when the ranking left that passage out; so too the
    first table row among them, whose cell the report's text may state in a sentence (quote_choice.restated_in_body)."""
    out = list(top)
    row_read = False
    for h in top[:5]:
        if h.passage.kind == "table" and not row_read:
            row_read = True  # (one row: each costs a search)
            nums = [x for x in numbers_in(h.passage.text.split(" > ")[-1]) if not _YEARISH.fullmatch(x)]
        elif h.passage.kind == "title":
            nums = [x for f in figure_list(h.passage.text) for x in numbers_in(f.value)]  # figures, not dates
        else:
            continue
        if not nums:
            continue
        found = store.search(" ".join([query.search_text, *nums]), None, k=5, filters=Filters(docs={h.passage.doc}))
        body = next((b for b in found if b.passage.kind == "body" and set(nums) & set(numbers_in(b.passage.text))), None)
        if body is not None and all(x.passage.id != body.passage.id for x in out[:5]):
            out.insert(min(4, out.index(h) + 1), Hit(passage=body.passage, score=h.score, lexical=body.lexical,
                                                     dense=body.dense, row=body.row))
    return out


_YEARISH = re.compile(r"(?:19|20)\d\d|\d{1,2}")  # a year or a month in a column's name, not a cell's value
