"""The record types every part passes around: stdlib only, frozen, offsets into the original text.

The output contract of DESIGN.md (one JSON object per document) is built here and only here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Document:
    """One article as read from its source; ``text`` is never changed after reading."""

    id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD, the dateline
    agency: str | None = None
    title: str | None = None
    source: str | None = None  # the original source named in the text (`منبع: ...`)
    origin: str | None = None  # file (and record) it was read from, for messages

    @property
    def content_hash(self) -> str:
        """Hash of the text and metadata that decide the coding: same id and hash, nothing to redo."""
        h = hashlib.sha1()
        for part in (self.text, self.date or "", self.agency or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()


class Token(NamedTuple):
    """A word or punctuation mark: ``key`` is the matching form, ``start``/``end`` index the original.

    A named tuple, not a dataclass: a day's news makes millions of them.
    """

    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Actor:
    """A coded actor as it appears in an event: CAMEO code, the words, an English name if known."""

    code: str
    text: str
    name: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "name": self.name}


@dataclass(frozen=True)
class Location:
    text: str
    name: str | None
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country}


@dataclass(frozen=True)
class Event:
    """One coded event with everything needed to trace it back to its words."""

    source: Actor
    target: Actor
    cameo: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    date: str | None
    sentence: int
    span: tuple[int, int]
    evidence: str
    rule: str
    confidence: float
    embedded: bool = False
    negated: bool = False
    modality: str | None = None  # None (asserted), "planned" or "hypothetical"
    location: Location | None = None
    spans: tuple[tuple[int, int], ...] = ()  # every evidence span of a merged event

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def flagged(self) -> bool:
        """Negated, planned or hypothetical: kept for inspection, never counted."""
        return self.negated or self.modality is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "span": list(self.span),
            "evidence": self.evidence,
            "rule": self.rule,
            "confidence": self.confidence,
            "embedded": self.embedded,
            "negated": self.negated,
            "modality": self.modality,
            "spans": [list(s) for s in (self.spans or (self.span,))],
        }


@dataclass(frozen=True)
class CodedDocument:
    """A document and the events coded from it."""

    document: Document
    events: tuple[Event, ...] = field(default_factory=tuple)

    def visible_events(self, include_flagged: bool = False) -> tuple[Event, ...]:
        return self.events if include_flagged else tuple(e for e in self.events if not e.flagged)

    def to_dict(self, include_flagged: bool = False) -> dict[str, Any]:
        d = self.document
        return {
            "doc_id": d.id,
            "date": d.date,
            "agency": d.agency,
            "title": d.title,
            "source": d.source,
            "events": [e.to_dict() for e in self.visible_events(include_flagged)],
        }
