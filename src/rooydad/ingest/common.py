"""Checks every reader applies to a record before it becomes a Document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import DateError, IngestError, InputError
from ..text.dates import parse_iso


def read_file_bytes(path: Path, on_error: Callable[[InputError], None]) -> bytes | None:
    """The file's bytes, or None after reporting why it cannot be read (one line, no traceback)."""
    try:
        return path.read_bytes()
    except OSError as e:
        on_error(IngestError(str(path), None, f"cannot read ({e.strerror})"))
        return None


def check_date(value: object, source: str, line: int | None) -> str | None:
    """A missing date is fine (None); a present one must parse as YYYY-MM-DD."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise DateError(source, line, f"date {value!r} is not a string")
    try:
        return parse_iso(value).isoformat()
    except ValueError:
        raise DateError(source, line, f"date {value!r} does not parse (expected YYYY-MM-DD)") from None


def check_text(value: object, source: str, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise IngestError(source, line, "empty document (no text)")
    return value
