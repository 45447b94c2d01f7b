"""HTTP: follow-ups, trend and claim check on the real sample index (CONTRACT.md extensions)."""
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from tracuu.ui.api import create_app


@pytest.fixture(scope="module")
def client(sample_engine):
    return TestClient(create_app(replace(sample_engine.config, rate_limit_per_minute=0), sample_engine))


def test_ask_with_previous_reads_the_follow_up(client):
    r = client.post("/api/ask", json={"question": "còn quý I/2022 thì sao?", "previous": "thu ngân sách 6 tháng 2023"})
    body = r.json()
    assert r.status_code == 200 and body["understood_as"] == "thu ngân sách quý I/2022"
    assert body["answered"] and body["citations"][0]["doc"].startswith("000_")
    assert body["figures"] and body["figures"][0]["n"] == 1


def test_trend_route(client):
    r = client.post("/api/trend", json={"question": "lượng khách du lịch"})
    body = r.json()
    assert r.status_code == 200 and len(body["rows"]) >= 4
    assert all(row["citation"]["doc"] and row["figures"] for row in body["rows"])
    assert client.post("/api/trend", json={"question": "  "}).status_code == 400


def test_check_route_true_and_altered_figure(client):
    true = client.post("/api/check", json={"text": "Lạng Sơn giải ngân được 1.158,8 tỷ đồng vốn đầu tư công "
                                                    "trong 6 tháng đầu năm 2023."}).json()
    assert true["verdict"] == "match" and true["claims"][0]["reported"]["value"] == "1.158,8"
    false = client.post("/api/check", json={"text": "Lạng Sơn giải ngân được 1.258,8 tỷ đồng vốn đầu tư công "
                                                     "trong 6 tháng đầu năm 2023."}).json()
    assert false["verdict"] not in ("match", "rounded")
    assert false["claims"][0]["figure"] == "1.258,8"


@pytest.mark.parametrize("text,status", [("", 400), ("Lạng Sơn phát triển tốt.", 400), ("1 " * 4000, 400)])
def test_check_bad_input_is_a_json_error(client, text, status):
    r = client.post("/api/check", json={"text": text})
    assert r.status_code == status and isinstance(r.json().get("error"), str) and "Traceback" not in r.text
