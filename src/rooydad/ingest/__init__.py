"""Readers from each input format to Document, streaming, with errors that name file and line.

``read(paths, on_error)`` is the one entry point: it picks a reader per path (a directory is
walked recursively, ``-`` is standard input) and yields Documents one at a time. A bad record is
passed to ``on_error`` as an :class:`~rooydad.errors.InputError` and the reading goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError, IngestError
from ..model import Document
from .csvfile import read_csv
from .feeds import read_feed, read_feed_url
from .html import read_html
from .jsonl import read_jsonl
from .textfile import read_text_file, read_text_stream
from .warc import read_warc

ErrorHandler = Callable[[InputError], None]

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz", ".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".csv", ".tsv")


def _raise(err: InputError) -> None:
    raise err


def _reader_for(path: Path) -> Callable[[Path, ErrorHandler], Iterator[Document]]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json.gz")):
        return read_jsonl
    if name.endswith((".html", ".htm")):
        return read_html
    if name.endswith((".xml", ".rss", ".atom")):
        return read_feed
    if name.endswith((".warc", ".warc.gz")):
        return read_warc
    if name.endswith((".csv", ".tsv")):
        return read_csv
    return read_text_file


def read(paths: Iterable[str], on_error: ErrorHandler = _raise) -> Iterator[Document]:
    """Documents from files, directories (recursively, known suffixes only) and ``-`` (stdin)."""
    for p in paths:
        if p == "-":
            yield from read_text_stream(sys.stdin, "<stdin>", on_error)
            continue
        if p.startswith(("http://", "https://")):
            yield from read_feed_url(p, on_error)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.lower().endswith(SUFFIXES):
                    yield from _reader_for(child)(child, on_error)
        elif path.is_file():
            yield from _reader_for(path)(path, on_error)
        else:
            on_error(IngestError(str(path), None, "no such file or directory"))


__all__ = ["read", "read_jsonl", "read_text_file", "ErrorHandler"]
