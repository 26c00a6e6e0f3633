"""HTML pages (and folders of them): main text, title, date and agency from the page with trafilatura.

Bytes are decoded here, not by the extractor: UTF-8 first, then the charset the page (or the HTTP
header) declares, then charset-normalizer's guess, so Windows-1256 pages read right. trafilatura
drops invisible characters, half-spaces (ZWNJ) among them; they are swapped for a printable
placeholder before extraction and put back after, so `گفت‌وگو` survives.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import IngestError, InputError
from ..model import Document
from .common import check_date, check_text, read_file_bytes

_ZWNJ, _MARK = "\u200c", "\u2040"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# The page's own publication date, in the order trusted; htmldate's guesses come after.
DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created")


def meta_date(html: str) -> str | None:
    """The publication date the page's metadata declares, as written (None if it declares none)."""
    found: dict[str, str] = {}
    for tag in _META.finditer(html[:65536]):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag.group())}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in DATE_KEYS and attrs.get("content", "").strip():
            found.setdefault(name, attrs["content"].strip())
    return next((found[k] for k in DATE_KEYS if k in found), None)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Text of an HTML byte string: UTF-8, else the declared charset, else the detected one."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(raw[:4096])
    for name in (declared, m.group(1).decode("ascii", "ignore") if m else None):
        codec = _codec(name)
        if codec and codec != "utf-8":
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=None).best()
    if best is None:
        raise UnicodeDecodeError("unknown", raw, 0, len(raw), "no encoding fits the bytes")
    return str(best)


def parse_html(html: str, doc_id: str, origin: str, line: int | None = None) -> Document:
    """One page as a Document: the extracted main text, its title, date and site name as agency."""
    import trafilatura

    try:
        ext = trafilatura.bare_extraction(
            html.replace(_ZWNJ, _MARK), with_metadata=True, favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # lxml and the extractor raise many kinds on broken markup
        raise IngestError(origin, line, f"broken HTML ({type(e).__name__}: {e})") from None
    if ext is None or not (ext.text or "").strip():
        raise IngestError(origin, line, "no article text found in the HTML")
    text = ext.text.replace(_MARK, _ZWNJ)
    title = (ext.title or "").replace(_MARK, _ZWNJ).strip() or None
    if title and text.startswith(title + "\n"):  # the page's <h1> repeats the title
        text = text[len(title) + 1 :]
    return Document(
        id=doc_id,
        text=check_text(text, origin, line),
        date=check_date(declared[:10] if (declared := meta_date(html)) else ext.date, origin, line),
        agency=(ext.sitename or "").replace(_MARK, _ZWNJ).strip() or None,
        title=title,
        origin=origin if line is None else f"{origin}:{line}",
    )


def read_html(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """One HTML file as one Document (its path is its id)."""
    raw = read_file_bytes(path, on_error)
    if raw is None:
        return
    try:
        html = decode_html(raw)
    except UnicodeDecodeError:
        on_error(IngestError(str(path), None, "cannot decode the page (no encoding fits)"))
        return
    try:
        yield parse_html(html, str(path), str(path))
    except InputError as e:
        on_error(e)
