"""Plain-text articles, with the reference layout recognised.

The reference layout (DESIGN.md's worked example): the first line is
`` date YYYY-MM-DD <agency> - <lead>``, the last ``منبع: <source>``. Date, agency and source
become fields; the lead and body are the text. Any other text file is all text, no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from ..errors import IngestError, InputError
from ..model import Document
from .common import check_date, check_text, read_file_bytes

_DATELINE = re.compile(r"^\s*date\s+(\S+)\s+(.*?)\s+-\s+(.*)$", re.DOTALL)
_SOURCE = re.compile(r"^\s*منبع\s*[:：]\s*(.+?)\s*$")


def parse_text(raw: str, doc_id: str, origin: str) -> Document:
    """One article in the reference layout (or plain text) as a Document."""
    lines = raw.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    date = agency = source = None
    if lines and (m := _SOURCE.match(lines[-1])):
        source = m.group(1)
        lines.pop()
    if lines and (m := _DATELINE.match(lines[0])):
        date = check_date(m.group(1), origin, 1)
        agency = m.group(2).strip() or None
        lines[0] = m.group(3)
    text = check_text("\n".join(lines), origin, None)
    return Document(id=doc_id, text=text, date=date, agency=agency, source=source, origin=origin)


def read_text_file(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    data = read_file_bytes(path, on_error)
    if data is None:
        return
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        on_error(IngestError(str(path), None, f"not UTF-8 (byte {e.start})"))
        return
    try:
        yield parse_text(raw, str(path), str(path))
    except InputError as e:
        on_error(e)


def read_text_stream(stream: TextIO, name: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Standard input: JSONL if the first non-blank character is ``{``, else one text article."""
    try:
        raw = stream.read()
    except UnicodeDecodeError as e:
        on_error(IngestError(name, None, f"not UTF-8 ({e.reason})"))
        return
    if raw.lstrip().startswith("{"):
        from .jsonl import parse_lines

        yield from parse_lines(raw.splitlines(), name, on_error)
        return
    try:
        yield parse_text(raw, name, name)
    except InputError as e:
        on_error(e)
