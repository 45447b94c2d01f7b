"""Generative mode against a real local HTTP server speaking the OpenAI chat protocol."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tracuu.config import Config
from tracuu.ingest.types import Period
from tracuu.qa.answer import Answer, Citation
from tracuu.qa.generate import Generator

pytestmark = pytest.mark.slow  # starts a local HTTP server; the generator imports langchain_openai (seconds)

PASSAGE = ("Két qua giai ngan trong 6 thang 1.158,8 ty dong, dat 29,8% téng ké hoach giao, dat 36,3% ké hoach "
           "giao chi tiét")


def _server(reply_text: str):
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append(body)
            payload = {"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": reply_text}}],
                       "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, seen


def _run(reply_text):
    srv, seen = _server(reply_text)
    try:
        cfg = Config(llm_base_url=f"http://127.0.0.1:{srv.server_port}/v1", llm_model="local-test")
        cite = Citation(1, "001_0aee353197b71864.txt", "t", Period("half", 2023, 1), "s", 345, 347, PASSAGE, 1.0)
        extractive = Answer("giải ngân 6 tháng 2023", True, f"Theo ...: {PASSAGE} [1].", Period("half", 2023, 1), [cite])
        return Generator(cfg).answer("giải ngân 6 tháng 2023", extractive, [cite], [PASSAGE]), seen
    finally:
        srv.shutdown()


def test_generated_answer_with_source_numbers_is_used():
    ans, seen = _run("Giải ngân vốn đầu tư công 6 tháng đạt 1.158,8 tỷ đồng, bằng 29,8% kế hoạch [1].")
    assert ans.mode == "generative" and "1.158,8" in ans.answer
    prompt = json.dumps(seen[0], ensure_ascii=False)
    assert "1.158,8" in prompt and "[1]" in prompt and seen[0]["model"] == "local-test"


def test_generated_answer_with_invented_number_falls_back_to_extractive():
    ans, _ = _run("Giải ngân đạt 1.200 tỷ đồng [1].")
    assert ans.mode == "extractive" and "1.200" in (ans.note or "") and "1.158,8" in ans.answer


def test_unreachable_endpoint_falls_back():
    cfg = Config(llm_base_url="http://127.0.0.1:9/v1", llm_model="x")
    cite = Citation(1, "d", "t", None, "s", 1, 1, PASSAGE, 1.0)
    extractive = Answer("q", True, "x [1].", None, [cite])
    ans = Generator(cfg).answer("q", extractive, [cite], [PASSAGE])
    assert ans.mode == "extractive" and "failed" in ans.note
