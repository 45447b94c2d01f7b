"""The one configuration object: every TRACUU_* variable is read by Config.load and nowhere else."""
from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

from tracuu.config import Config

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["tracuu", "ingest", "index", "qa", "ui"]


def _sources():
    for layer in LAYERS:
        yield from sorted((ROOT / layer).rglob("*.py"))


def test_every_documented_variable_is_a_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`TRACUU_([A-Z_]+)`", readme))
    names = {f.name.upper() for f in fields(Config)}
    assert {"HOME", "CACHE", "ALLOW_DOWNLOAD", "QDRANT_URL"} <= documented
    assert documented <= names, documented - names


def test_values_come_from_the_environment_given():
    assert Config.load(env={}).allow_download is False
    assert Config.load(env={"TRACUU_ALLOW_DOWNLOAD": "1"}).allow_download is True
    assert Config.load(env={"TRACUU_CACHE": "off"}).cache is False
    assert Config.load(env={"TRACUU_API_KEYS": "a, b"}).api_keys == ("a", "b")
    assert Config.load(env={"TRACUU_PORT": "9000"}, port=9100).port == 9100  # an explicit option wins


def test_no_tracuu_variable_read_outside_config():
    readers = [p.relative_to(ROOT).as_posix() for p in _sources()
               if p.name != "config.py" and re.search(r"(environ|getenv)\b[^\n]*['\"]TRACUU_", p.read_text(encoding="utf-8"))]
    assert readers == []


def test_no_environment_touched_at_import():
    """Module-level code never reads or sets os.environ: settings arrive in a Config, at run time."""
    offenders = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for stmt in tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if any(isinstance(n, ast.Attribute) and n.attr in ("environ", "getenv") for n in ast.walk(stmt)):
                offenders.append(f"{path.relative_to(ROOT)}:{stmt.lineno}")
    assert offenders == []
