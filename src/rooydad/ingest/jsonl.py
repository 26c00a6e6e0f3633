"""JSONL (plain or gzip): one ``{id, date, agency, title, text}`` object a line."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import IngestError, InputError
from ..model import Document
from .common import check_date, check_text


def _open(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def parse_lines(lines: Iterable[str], src: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Documents from JSONL lines; a bad line goes to ``on_error`` and reading goes on."""
    lineno = 0
    it = iter(lines)
    while True:
        lineno += 1
        try:
            line = next(it)
        except StopIteration:
            return
        except UnicodeDecodeError as e:
            on_error(IngestError(src, lineno, f"not UTF-8 ({e.reason})"))
            return
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise IngestError(src, lineno, "a line must hold a JSON object")
            text = check_text(rec.get("text"), src, lineno)
            date = check_date(rec.get("date"), src, lineno)
        except json.JSONDecodeError as e:
            on_error(IngestError(src, lineno, f"malformed JSON ({e.msg} at column {e.colno})"))
            continue
        except InputError as e:
            on_error(e)
            continue
        doc_id = rec.get("id")
        yield Document(
            id=str(doc_id) if doc_id not in (None, "") else f"{src}#{lineno}",
            text=text,
            date=date,
            agency=rec.get("agency") or None,
            title=rec.get("title") or None,
            source=rec.get("source") if isinstance(rec.get("source"), str) else None,
            origin=f"{src}:{lineno}",
        )


def read_jsonl(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Stream the records of a JSONL file (plain or gzip)."""
    try:
        with _open(path) as fh:
            yield from parse_lines(fh, str(path), on_error)
    except (OSError, EOFError, zlib.error) as e:
        on_error(IngestError(str(path), None, f"cannot read ({e})"))
