"""Optional cross-encoder re-ranking (sentence-transformers CrossEncoder), off by default."""
from __future__ import annotations

from index.store import Hit


class CrossEncoderReranker:
    def __init__(self, model: str, top: int = 20):
        from sentence_transformers import CrossEncoder
        self.model = CrossEncoder(model)
        self.top = top

    def rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        head, tail = hits[:self.top], hits[self.top:]
        if not head:
            return hits
        scores = self.model.predict([(question, h.passage.text) for h in head])
        lo, hi = float(min(scores)), float(max(scores))
        for h, s in zip(head, scores):
            # keep the period-aware score, add the cross-encoder's normalised opinion
            h.why["rerank"] = round((float(s) - lo) / ((hi - lo) or 1.0), 3)
            h.score += h.why["rerank"]
        return sorted(head, key=lambda h: -h.score) + tail


def make_reranker(spec: str) -> CrossEncoderReranker:
    if not spec.startswith("st:"):
        raise ValueError(f"unknown reranker '{spec}': use st:<cross-encoder name or local path>")
    return CrossEncoderReranker(spec[3:])
