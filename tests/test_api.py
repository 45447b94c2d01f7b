"""HTTP API against a real index of the bundled reports (no mocks): answers, uploads, auth, errors."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tracuu.qa.engine import Engine
from tracuu.ui.api import create_app

Q_ACCENTED = "giải ngân vốn đầu tư công 6 tháng 2023"
Q_PLAIN = "giai ngan von dau tu cong 6 thang 2023"
NEW_NAME = "bao_cao_quy3_2024.txt"
NEW_REPORT = (Path(__file__).parent / "data" / "an_hoa_q3_2024.txt").read_text("utf-8")  # invented figures
Q_NEW = "Sản lượng cá nuôi lồng trên hồ thủy điện quý III năm 2024"


@pytest.fixture(scope="session")
def engine(served_engine) -> Engine:
    """A copy of the session's sample index, shared with the browser tests (conftest.served_engine)."""
    return served_engine


@pytest.fixture(scope="session")
def client(engine) -> TestClient:
    return TestClient(create_app(replace(engine.config, rate_limit_per_minute=0), engine))


def keyed(engine, **changes) -> TestClient:
    return TestClient(create_app(replace(engine.config, **{"rate_limit_per_minute": 0, **changes}), engine))


def assert_error(r, *statuses):
    assert r.status_code in statuses, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert isinstance(body.get("error"), str) and body["error"], body
    assert "Traceback" not in r.text


# ---------- answers ----------
@pytest.mark.parametrize("question", [Q_ACCENTED, Q_PLAIN])
def test_ask_public_investment(client, question):
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 200, r.text
    ans = r.json()
    assert ans["answered"] is True, ans["answer"]
    assert "1.158,8" in ans["answer"]
    first = ans["citations"][0]
    assert first["doc"] == "001_0aee353197b71864.txt"
    assert first["line_start"] <= 345 and first["line_end"] >= 347, (first["line_start"], first["line_end"])
    assert "1.158,8" in first["text"]
    for key in ("id", "question", "period", "ms"):
        assert key in ans


def test_ask_with_filters(client):
    r = client.post("/api/ask", json={"question": Q_ACCENTED, "k": 3, "period": "6 tháng đầu năm 2023",
                                      "docs": ["001_0aee353197b71864.txt"]})
    assert r.status_code == 200, r.text
    cites = r.json()["citations"]
    assert 0 < len(cites) <= 3 and all(c["doc"] == "001_0aee353197b71864.txt" for c in cites)


def test_documents_and_health(client):
    docs = client.get("/api/documents").json()
    assert len(docs) == 5
    assert {"doc", "title", "kind", "number", "date", "period", "chunks"} <= set(docs[0])
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["documents"] == 5 and health["chunks"] > 100


def test_document_text_for_viewer(client):
    r = client.get("/api/documents/001_0aee353197b71864.txt/text")
    assert r.status_code == 200
    lines = r.json()["lines"]
    assert "1.158,8" in "\n".join(lines[344:347])  # 1-based lines 345-347
    assert_error(client.get("/api/documents/nope.txt/text"), 404)


def test_feedback_is_appended(client, engine):
    r = client.post("/api/feedback", json={"question": Q_ACCENTED, "answer": "1.158,8 tỷ đồng",
                                           "verdict": "correct", "comment": "đúng số"})
    assert r.status_code == 200, r.text
    rows = [json.loads(x) for x in (engine.config.home / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[-1]["verdict"] == "correct" and rows[-1]["comment"] == "đúng số"
    assert_error(client.post("/api/feedback", json={"question": "x", "answer": "y", "verdict": "maybe"}), 400)


# ---------- upload, answer, remove ----------
def test_upload_answer_delete(client, engine):
    before = client.post("/api/ask", json={"question": Q_NEW}).json()
    assert before["answered"] is False
    r = client.post("/api/documents", files=[("files", (NEW_NAME, NEW_REPORT.encode("utf-8"), "text/plain"))])
    assert r.status_code == 200, r.text
    assert r.json()["added"] == [NEW_NAME]
    assert (engine.config.home / "uploads" / NEW_NAME).is_file()
    assert len(client.get("/api/documents").json()) == 6
    ans = client.post("/api/ask", json={"question": Q_NEW}).json()
    assert ans["answered"] is True, ans["answer"]
    assert "4.321,7" in ans["answer"] and ans["citations"][0]["doc"] == NEW_NAME
    r = client.delete(f"/api/documents/{NEW_NAME}")
    assert r.status_code == 200, r.text
    assert len(client.get("/api/documents").json()) == 5
    after = client.post("/api/ask", json={"question": Q_NEW}).json()
    assert after["answered"] is False
    assert "4.321,7" not in after["answer"]
    assert_error(client.delete(f"/api/documents/{NEW_NAME}"), 404)


def test_failed_upload_leaves_index_as_it_was(client, engine):
    chunks = client.get("/healthz").json()["chunks"]
    files = [("files", ("tot.txt", NEW_REPORT.encode("utf-8"), "text/plain")),
             ("files", ("rong.txt", b"", "text/plain"))]  # an empty file cannot be ingested
    assert_error(client.post("/api/documents", files=files), 422)
    assert client.get("/healthz").json()["chunks"] == chunks
    assert "tot.txt" not in {d["doc"] for d in client.get("/api/documents").json()}


# ---------- auth ----------
def test_keys_required_when_configured(engine):
    c = keyed(engine, api_keys=("reader-key",), admin_key="admin-key")
    assert_error(c.post("/api/ask", json={"question": Q_ACCENTED}), 401)
    assert_error(c.post("/api/ask", json={"question": Q_ACCENTED}, headers={"Authorization": "Bearer wrong"}), 401)
    assert c.post("/api/ask", json={"question": Q_ACCENTED},
                  headers={"Authorization": "Bearer reader-key"}).status_code == 200
    assert c.get("/api/documents", headers={"Authorization": "Bearer admin-key"}).status_code == 200
    assert c.get("/healthz").status_code == 200  # for the load balancer


def test_admin_key_for_changes(engine):
    c = keyed(engine, api_keys=("reader-key",), admin_key="admin-key")
    reader, admin = {"Authorization": "Bearer reader-key"}, {"Authorization": "Bearer admin-key"}
    upload = [("files", ("x.txt", b"noi dung", "text/plain"))]
    assert_error(c.post("/api/documents", files=upload), 401)
    assert_error(c.post("/api/documents", files=upload, headers=reader), 403)
    assert_error(c.delete("/api/documents/001_0aee353197b71864.txt", headers=reader), 403)
    # past the key check: refused for the file itself / unknown name, not for the key
    assert_error(c.post("/api/documents", files=[("files", ("x.exe", b"MZ", "application/octet-stream"))],
                        headers=admin), 415)
    assert_error(c.delete("/api/documents/khong_co.txt", headers=admin), 404)
    assert len(c.get("/api/documents", headers=reader).json()) == 5


# ---------- bad requests ----------
@pytest.mark.parametrize("kwargs", [
    {"json": {}},
    {"json": {"k": 3}},
    {"content": b"giai ngan", "headers": {"content-type": "application/json"}},
    {"content": b"question=x", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"json": {"question": "x" * 10_000}},
    {"json": {"question": ""}},
    {"json": {"question": "   "}},
    {"json": {"question": "abc", "k": 0}},
    {"json": {"question": "abc", "period": "kỳ nào đó"}},
    {"json": {"question": "abc", "docs": ["khong_co.txt"]}},
], ids=["empty-object", "missing-question", "not-json", "form", "10k-chars", "empty", "blank", "k0",
        "bad-period", "unknown-doc"])
def test_bad_ask_requests(client, kwargs):
    assert_error(client.post("/api/ask", **kwargs), 400, 422)


@pytest.mark.parametrize("name,status", [("virus.exe", 415), ("../../x.txt", 400), ("..\\..\\x.txt", 400),
                                         (".hidden.txt", 400)])
def test_bad_uploads(client, engine, name, status):
    assert_error(client.post("/api/documents", files=[("files", (name, b"Bao cao quy I/2022", "text/plain"))]), status)
    assert not (engine.config.home.parent / "x.txt").exists()
    assert len(client.get("/api/documents").json()) == 5


def test_upload_without_files_and_unknown_route(client):
    assert_error(client.post("/api/documents"), 400, 422)
    assert_error(client.get("/api/khong-co"), 404)


# ---------- limits, CORS, sub-path ----------
def test_rate_limit(engine):
    c = keyed(engine, rate_limit_per_minute=3)
    codes = [c.get("/api/documents").status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200]
    r = c.get("/api/documents")
    assert_error(r, 429)
    assert int(r.headers["retry-after"]) > 0


def test_cors_allowlist(engine):
    c = keyed(engine, cors_origins=("https://portal.example.vn",))
    pre = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    ok = c.options("/api/ask", headers={"Origin": "https://portal.example.vn", **pre})
    assert ok.headers.get("access-control-allow-origin") == "https://portal.example.vn"
    bad = c.options("/api/ask", headers={"Origin": "https://evil.example", **pre})
    assert "access-control-allow-origin" not in bad.headers


def test_full_app_under_sub_path(engine):
    from tracuu.ui.server import build
    cfg = replace(engine.config, root_path="/tracuu", frame_ancestors=("'self'", "https://portal.example.vn"))
    with TestClient(build(cfg, engine)) as c:
        for path in ("/tracuu/healthz", "/healthz"):  # proxy that keeps or strips the prefix
            assert c.get(path).json()["status"] == "ok"
        page = c.get("/tracuu/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert page.headers["content-security-policy"] == "frame-ancestors 'self'"
        embed = c.get("/tracuu/embed/")
        assert embed.status_code == 200
        assert embed.headers["content-security-policy"] == "frame-ancestors 'self' https://portal.example.vn"
        assert c.get("/tracuu/embed", follow_redirects=False).headers["location"] == "/tracuu/embed/"
        docs = c.get("/tracuu/docs")
        assert docs.status_code == 200 and "/tracuu/openapi.json" in docs.text
        assert "/api/ask" in c.get("/tracuu/openapi.json").json()["paths"]
