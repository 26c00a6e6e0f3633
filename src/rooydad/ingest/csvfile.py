"""CSV and TSV files: one Document per row, columns named by a mapping.

The default mapping reads the columns ``id, date, agency, title, text``; ``--map text=body,
date=published`` names others. A row with the wrong number of columns, no text or a date that
does not parse is one error naming the file and line, and reading goes on.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ..errors import IngestError, InputError
from ..model import Document
from .common import check_date, check_text

FIELDS = ("id", "date", "agency", "title", "text", "source")

_columns: dict[str, str] = {}


def use_columns(mapping: Mapping[str, str]) -> None:
    """Set the column mapping (field -> column) ``read`` uses for CSV/TSV: the CLI's ``--map``.

    A process-wide setting, not a context variable, so a reader running in a feeder thread sees it.
    """
    _columns.clear()
    _columns.update(mapping)


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``"text=body,date=published"`` as ``{"text": "body", "date": "published"}``.

    >>> parse_mapping("text=body, date=published")
    {'text': 'body', 'date': 'published'}
    """
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, eq, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not eq or field not in FIELDS or not column:
            raise IngestError("--map", None, f"{part.strip()!r}: expected FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        out[field] = column
    return out


def read_csv(path: Path, on_error: Callable[[InputError], None], columns: Mapping[str, str] | None = None) -> Iterator[Document]:
    """Rows of a CSV (``.csv``) or TSV (``.tsv``) file with a header line."""
    src = str(path)
    mapping = {f: f for f in FIELDS} | dict(_columns if columns is None else columns)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t" if path.name.lower().endswith(".tsv") else ",")
            header = next(reader, None)
            if header is None:
                on_error(IngestError(src, 1, "empty file (no header line)"))
                return
            index = {name.strip(): i for i, name in enumerate(header)}
            if mapping["text"] not in index:
                on_error(IngestError(src, 1, f"no column {mapping['text']!r} for the text (columns: {', '.join(header)}; use --map text=COLUMN)"))
                return
            for row in reader:
                line = reader.line_num
                if not any(c.strip() for c in row):
                    continue
                if len(row) != len(header):
                    on_error(IngestError(src, line, f"{len(row)} columns where the header has {len(header)}"))
                    continue
                rec = {f: row[index[c]] for f, c in mapping.items() if c in index}
                try:
                    text = check_text(rec.get("text"), src, line)
                    date = check_date(rec.get("date"), src, line)
                except InputError as e:
                    on_error(e)
                    continue
                yield Document(
                    id=rec.get("id") or f"{src}#{line}", text=text, date=date,
                    agency=rec.get("agency") or None, title=rec.get("title") or None,
                    source=rec.get("source") or None, origin=f"{src}:{line}",
                )
    except UnicodeDecodeError as e:
        on_error(IngestError(src, None, f"not UTF-8 ({e.reason})"))
    except csv.Error as e:
        on_error(IngestError(src, None, f"malformed CSV ({e})"))
    except OSError as e:
        on_error(IngestError(src, None, f"cannot read ({e.strerror})"))
