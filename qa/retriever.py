"""The engine's period-aware ranking as a LangChain retriever, for teams that build on LangChain."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from .engine import Engine


class TracuuRetriever(BaseRetriever):
    engine: Any  # qa.engine.Engine (Any keeps pydantic from inspecting it)
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        engine: Engine = self.engine
        out = []
        for h in engine.retrieve(query, k=self.k):
            p = h.passage
            doc = engine.store.doc_by_name[p.doc]
            out.append(Document(page_content=p.text, id=p.id, metadata={
                "doc": p.doc, "title": doc.title, "number": doc.number, "section": p.section,
                "period": doc.period.label if doc.period else None,
                "section_period": p.period.label if p.period else None,
                "line_start": p.line_start, "line_end": p.line_end, "page": p.page, "score": round(h.score, 4),
                "lexical": h.lexical, "dense": h.dense}))
        return out
