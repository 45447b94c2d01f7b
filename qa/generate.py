"""Optional generative answers through any OpenAI-compatible chat endpoint (vLLM, Ollama, ...).

The model only rephrases what the numbered passages say; its answer goes through the same number
check as the extractive one, and on any failure the extractive answer is returned with a note.
"""
from __future__ import annotations

import re

from tracuu.config import Config

from .answer import Answer, Citation
from .verify import unsupported_numbers

SYSTEM = (
    "Bạn là trợ lý tra cứu báo cáo kinh tế - xã hội. Chỉ trả lời dựa trên các đoạn trích được đánh số. "
    "Trích nguyên văn mọi con số đúng như trong đoạn trích (giữ dấu chấm, dấu phẩy), không tính toán, "
    "không làm tròn. Đánh dấu nguồn bằng [n] sau mỗi ý. Trả lời ngắn gọn bằng tiếng Việt, một đến ba câu. "
    "Nếu các đoạn trích không trả lời được, hãy nói rõ là không tìm thấy."
)


class Generator:
    def __init__(self, config: Config):
        from langchain_openai import ChatOpenAI
        self.llm = ChatOpenAI(model=config.llm_model or "default", base_url=config.llm_base_url,
                              api_key=config.llm_api_key or "not-needed", temperature=0, max_retries=1, timeout=60)

    def answer(self, question: str, extractive: Answer, citations: list[Citation], sources: list[str]) -> Answer:
        passages = "\n\n".join(f"[{c.n}] ({c.doc}, {c.period.label if c.period else ''}; {c.section})\n{c.text}"
                               for c in citations)
        try:
            reply = self.llm.invoke([("system", SYSTEM), ("human", f"Các đoạn trích:\n{passages}\n\nCâu hỏi: {question}")])
            text = str(reply.content).strip()
        except Exception as e:  # endpoint down, timeout, bad reply: the extractive answer stands
            extractive.note = f"generative mode failed ({type(e).__name__}); extractive answer shown"
            return extractive
        bad = unsupported_numbers(text, sources)
        if bad or not text:
            extractive.note = f"generated answer rejected: numbers not in the cited passages: {', '.join(bad)}"
            return extractive
        if not re.search(r"\[\d+\]", text):
            text += f" [{citations[0].n}]" if citations else ""
        return Answer(question, True, text, extractive.period, citations, mode="generative",
                      confidence=extractive.confidence)
