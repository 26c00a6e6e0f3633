"""Errors rooydad raises, one tree so callers can catch as broadly as they need.

    RooydadError
     ├── InputError           bad input the user can fix (file, line, reason)
     │    ├── IngestError     a record that cannot be read as a Document
     │    └── DateError       a date that is present but does not parse
     ├── DictionaryError      a dictionary or frame file that is invalid (path, line, entry)
     ├── CodingError          the pipeline failed on one document (doc_id)
     ├── StoreError           the store cannot be opened, read or written
     ├── QueryError           a store query the user can fix (unknown actor code, bad date)
     └── EngineError          a run over many documents cannot go on
"""

from __future__ import annotations


class RooydadError(Exception):
    """Base of every error rooydad raises on purpose."""


class InputError(RooydadError):
    """Input the user can fix; the message names where it is."""

    def __init__(self, source: str, line: int | None, reason: str):
        self.source, self.line, self.reason = source, line, reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class IngestError(InputError):
    """A record that cannot be read as a Document (bad JSON, undecodable bytes, empty text)."""


class DateError(InputError):
    """A date that is present but does not parse."""


class DictionaryError(RooydadError):
    """A dictionary or frame file entry that is invalid."""

    def __init__(self, path: str, line: int | None, reason: str, entry: str | None = None):
        self.path, self.line, self.reason, self.entry = path, line, reason, entry
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}" + (f" ({entry})" if entry else ""))


class CodingError(RooydadError):
    """The pipeline failed on one document."""

    def __init__(self, doc_id: str, reason: str):
        self.doc_id = doc_id
        super().__init__(f"{doc_id}: {reason}")


class StoreError(RooydadError):
    """The store cannot be opened, read or written."""


class QueryError(RooydadError):
    """A store query the user can fix: an unknown actor code, a malformed date or option."""


class EngineError(RooydadError):
    """A run over many documents cannot go on."""
