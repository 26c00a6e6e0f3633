"""HTTP errors as classes with a status, and the one JSON shape every error takes.

    {"ok": false, "error": "since: 'yesterday' is not a date (YYYY-MM-DD)", "status": 400}
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse


class HTTPError(Exception):
    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadRequest(HTTPError):
    """A parameter that does not validate; the message names it."""

    status = 400


class NotFound(HTTPError):
    status = 404


class PayloadTooLarge(HTTPError):
    status = 413


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status)


async def handle_http_error(request: Request, exc: HTTPError) -> JSONResponse:
    return error_response(exc.status, exc.message)
