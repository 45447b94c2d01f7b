"""The web UI in a real browser (Debian chromium through Playwright) against the real server and index."""
from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.test_api import Q_ACCENTED

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REFUSED = "Kim ngạch xuất khẩu quý III năm 2024"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed "
                                 "(apt-get install -y chromium); the browser tests need /usr/bin/chromium")]


@pytest.fixture(scope="module")
def server(served_engine):
    """uvicorn in a thread on a free loopback port, serving ui.server.build over the session's index."""
    import uvicorn

    from tracuu.ui.server import build
    engine = served_engine
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(build(engine.config, engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 60
    while not srv.started:
        assert time.time() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", engine
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def ask(page, question: str):
    page.locator("#tq-question textarea").fill(question)
    page.locator("#tq-ask").click()
    page.get_by_text(question, exact=True).first.wait_for(timeout=30_000)
    page.locator("#tq-sources .tq-src").first.wait_for(timeout=30_000)


def check_answer_and_viewer(page, tmp_path: Path, tag: str):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ask(page, Q_ACCENTED)
    page.get_by_text("1.158,8").first.wait_for(timeout=30_000)
    chat = page.locator("#tq-chat").inner_text()
    assert "1.158,8" in chat
    first = page.locator("#tq-sources .tq-src").first
    head = first.locator(".tq-head").inner_text()
    assert "327/BC-UBND" in head and "6 tháng đầu năm 2023" in head, head
    assert "001_0aee353197b71864.txt" in first.inner_text()
    assert first.locator("mark").count() >= 1  # the quoted sentence is highlighted
    cite = first.locator("[data-act=copy]").get_attribute("data-cite")
    assert "327/BC-UBND" in cite and "06/07/2023" in cite and "1.158,8" in cite, cite
    page.screenshot(path=str(tmp_path / f"{tag}_answer.png"), full_page=True)

    first.locator("[data-act=view]").click()
    hl = page.locator("#tq-viewer .tq-ln.hl")
    hl.first.wait_for(timeout=15_000)
    assert "1.158,8" in " ".join(hl.all_inner_texts())
    page.wait_for_timeout(700)  # smooth scroll
    box = page.locator("#tq-viewer .tq-lines")
    assert box.evaluate("b => b.scrollTop") > 0  # scrolled to the passage, not left at line 1
    assert hl.first.is_visible()
    page.screenshot(path=str(tmp_path / f"{tag}_viewer.png"))
    assert not errors, errors


def test_main_ui(server, browser, tmp_path):
    base, engine = server
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(base + "/", wait_until="load")
    page.get_by_text("Tra cứu báo cáo kinh tế").first.wait_for()
    page.locator("#tq-reports").get_by_text("327/BC-UBND").wait_for()  # indexed reports with periods
    assert "6 tháng đầu năm 2023" in page.locator("#tq-reports").inner_text()
    check_answer_and_viewer(page, tmp_path, "main")

    page.locator("button", has_text="Trả lời đúng").click()
    page.get_by_text("Đã ghi nhận phản hồi").wait_for(timeout=10_000)
    row = json.loads((engine.config.home / "feedback.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert row["verdict"] == "correct" and row["via"] == "ui" and row["question"] == Q_ACCENTED

    ask(page, REFUSED)
    page.get_by_text("Không tìm thấy câu trả lời").first.wait_for(timeout=30_000)
    assert "chỉ để tham khảo" in page.locator("#tq-sources").inner_text()
    page.screenshot(path=str(tmp_path / "main_refusal.png"), full_page=True)
    page.close()


def test_embed(server, browser, tmp_path):
    base, _ = server
    page = browser.new_page(viewport={"width": 900, "height": 900})
    response = page.goto(base + "/embed", wait_until="load")
    assert "frame-ancestors" in response.headers.get("content-security-policy", "")
    check_answer_and_viewer(page, tmp_path, "embed")
    assert page.get_by_role("tab", name="Quản trị").count() == 0  # no side panels or admin in the iframe view
    assert page.locator("#tq-reports").count() == 0
    page.close()


def test_trend_table_chart_csv_and_follow_up(server, browser, tmp_path):
    base, _ = server
    page = browser.new_page(viewport={"width": 1300, "height": 1400}, accept_downloads=True)
    page.goto(base + "/", wait_until="load")
    ask(page, "lượng khách du lịch qua các kỳ")
    table = page.locator("#tq-trend-table")
    table.get_by_text("năm 2021").first.wait_for(timeout=60_000)
    text = table.inner_text()
    assert "1.622" in text and "mục tiêu" in text  # results and the 2022 goal, marked apart
    page.locator("#tq-trend-plot").wait_for(state="visible", timeout=30_000)  # the chart (results share a unit)
    page.screenshot(path=str(tmp_path / "trend.png"), full_page=True)
    with page.expect_download(timeout=30_000) as dl:
        page.locator("#tq-trend-csv a").first.click()
    csv_text = Path(dl.value.path()).read_text("utf-8-sig")
    assert csv_text.startswith("ky,loai,so_lieu") and "1.622" in csv_text

    ask(page, "thu ngân sách 6 tháng 2023")
    page.locator("#tq-question textarea").fill("còn quý I/2022 thì sao?")
    page.locator("#tq-ask").click()
    page.get_by_text("Hiểu là: thu ngân sách quý I/2022").first.wait_for(timeout=60_000)
    page.close()


def test_claim_check_tab(server, browser, tmp_path):
    base, _ = server
    page = browser.new_page(viewport={"width": 1300, "height": 1200})
    page.goto(base + "/", wait_until="load")
    page.get_by_role("tab", name="Kiểm tra số liệu").click()
    page.locator("#tq-claim textarea").fill(
        "Trong 6 tháng đầu năm 2023, Lạng Sơn giải ngân được 1.158,8 tỷ đồng vốn đầu tư công. "
        "Năm 2021, tổng sản lượng lương thực của tỉnh đạt 314,8 nghìn tấn.")  # the second is altered (304,8)
    page.locator("#tq-claim-btn").click()
    rows = page.locator("#tq-claim-result .tq-claim")
    rows.nth(1).wait_for(timeout=120_000)
    verdicts = [rows.nth(i).get_attribute("data-verdict") for i in range(rows.count())]
    assert verdicts[0] == "match" and verdicts[1] not in ("match", "rounded"), verdicts
    assert "Sai lệch" in page.locator("#tq-claim-result").inner_text() or "Khác kỳ" in page.locator("#tq-claim-result").inner_text()
    page.screenshot(path=str(tmp_path / "claims.png"), full_page=True)
    page.close()
