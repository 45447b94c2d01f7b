"""HTTP routes for the figure tools: trend, claim check, metadata corrections. The work is the
library's (qa.trend, qa.claims, Engine.correct); these only validate input and shape errors."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tracuu.qa.library import correction_of


class ApiError(Exception):
    """A request we refuse on purpose; becomes ``{"error": message}`` with this status."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class TrendRequest(BaseModel):
    question: str = Field(..., description="chỉ tiêu cần xem qua các kỳ, ví dụ 'lượng khách du lịch'")


class CheckRequest(BaseModel):
    text: str = Field(..., description="câu hoặc đoạn văn có số liệu cần kiểm tra")


class DocumentPatch(BaseModel):
    period: str | None = Field(None, description='kỳ báo cáo, ví dụ "6 tháng đầu năm 2023"')
    province: str | None = Field(None, description='tỉnh/thành, ví dụ "Đồng Nai"')


def add_routes(app: FastAPI, engine, keyed: list) -> None:
    from tracuu.qa.engine import QuestionError
    from tracuu.qa.trend import trend

    @app.post("/api/trend", tags=["hỏi đáp"], dependencies=keyed)
    def trend_route(body: TrendRequest):
        """One indicator across every indexed period, oldest first; results and targets apart."""
        if not body.question.strip():
            raise QuestionError("the question is empty")
        return JSONResponse(trend(engine, body.question).to_dict())

    @app.post("/api/check", tags=["kiểm tra số liệu"], dependencies=keyed)
    def check_route(body: CheckRequest):
        """Each figure of a sentence or paragraph checked against the reports (CONTRACT.md, Claim check)."""
        from tracuu.qa.claims import ClaimError, check
        try:
            return JSONResponse(check(engine, body.text).to_dict())
        except ClaimError as e:
            raise ApiError(400, str(e))

    @app.patch("/api/documents/{doc}", tags=["báo cáo"], dependencies=keyed)
    def patch_document(doc: str, body: DocumentPatch):
        """Correct a report's period and/or province (admin key when configured); kept across re-ingests."""
        correction = correction_of(body.period, body.province)
        if correction is None:
            raise ApiError(400, "give a period and/or a province to set")
        try:
            return engine.correct(doc, correction)
        except KeyError as e:
            raise ApiError(404, str(e.args[0]))
