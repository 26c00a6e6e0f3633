"""WARC archives (plain or gzip) with warcio: each HTML response becomes a Document.

The record's target URI is the document id (the input's own id); the page is decoded with the
charset of its HTTP header, else as any HTML page (``html.decode_html``). An archive cut short
(a truncated gzip member) yields the records before the cut and one error naming the record.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import IngestError, InputError
from ..model import Document
from .html import decode_html, parse_html


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset":
            return v.strip()
    return None


def read_warc(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """The HTML responses of a WARC file; other records (requests, metadata, images) are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    src = str(path)
    n = 0
    try:
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                n += 1
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower() or rec.http_headers.get_statuscode() != "200":
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{src}#{n}"
                raw = rec.content_stream().read()
                try:
                    html = decode_html(raw, _charset(ctype))
                    doc = parse_html(html, uri, src, n)
                except UnicodeDecodeError:
                    on_error(IngestError(src, n, f"cannot decode the page {uri}"))
                    continue
                except InputError as e:
                    on_error(e)
                    continue
                yield doc
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error) as e:
        on_error(IngestError(src, n + 1, f"archive breaks off at record {n + 1} ({type(e).__name__}: {e})"))
