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
