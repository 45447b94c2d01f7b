"""Optional cross-encoder re-ranking (sentence-transformers CrossEncoder), off by default.

A cross-encoder reads question and passage together, so it can reorder the first candidates
better than either index alone; it is slower, so only the top `top` hits are re-scored. The
period-aware score is kept and the cross-encoder's normalised opinion is added to it: a
re-ranker knows nothing of which report covers which period.
"""
from __future__ import annotations

from pathlib import Path

from tracuu.index.embedders import EmbedderError, pick_device
from tracuu.index.store import Hit


class CrossEncoderReranker:
    def __init__(self, model, top: int = 20):
        self.model = model
        self.top = top

    @classmethod
    def load(cls, name: str, top: int = 20, device: str | None = None,
             allow_download: bool = False) -> "CrossEncoderReranker":
        """A local directory, or a name from the local Hugging Face cache; the hub only with
        `allow_download` (Config.allow_download, TRACUU_ALLOW_DOWNLOAD=1; as for embedders)."""
        try:
            from sentence_transformers import CrossEncoder
        except Exception as e:
            raise EmbedderError(f"reranker st:{name} needs the 'sentence-transformers' package: {e}") from e
        device = device or pick_device()
        local = Path(name).expanduser()
        attempts = [dict(local_files_only=True)]
        if not local.exists() and allow_download:
            attempts.append({})
        errors = []
        for kwargs in attempts:
            try:
                source = str(local.resolve()) if local.exists() else name
                return cls(CrossEncoder(source, device=device, **kwargs), top)
            except Exception as e:
                errors.append(f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
        raise EmbedderError(
            f"reranker st:{name}: cross-encoder not loadable ({'; '.join(errors)}). Give the directory of a "
            f"sentence-transformers cross-encoder, or unset TRACUU_RERANKER (re-ranking is optional)")

    def rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        head, tail = hits[:self.top], hits[self.top:]
        if not head:
            return hits
        scores = [float(s) for s in self.model.predict([(question, h.passage.text) for h in head])]
        lo, hi = min(scores), max(scores)
        for h, s in zip(head, scores):
            h.why["rerank"] = round((s - lo) / ((hi - lo) or 1.0), 3)
            h.score += h.why["rerank"]
        return sorted(head, key=lambda h: -h.score) + tail


def make_reranker(spec: str, allow_download: bool = False) -> CrossEncoderReranker:
    if not spec.startswith("st:") or not spec[3:].strip():
        raise EmbedderError(f"unknown reranker '{spec}': use st:<cross-encoder name or local path>")
    return CrossEncoderReranker.load(spec[3:].strip(), allow_download=allow_download)
