"""Stored rows back to model objects: events from their contract JSON, documents from rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from ..model import Actor, CodedDocument, Document, Event, Location
from . import schema as S


def event_from_dict(d: dict[str, Any]) -> Event:
    """The Event an ``Event.to_dict()`` came from (the output contract round-trips)."""
    loc = d.get("location")
    plover = d.get("plover") or {}
    span = tuple(d.get("span") or (0, 0))
    return Event(
        source=Actor(d["source"]["code"], d["source"].get("text") or "", d["source"].get("name")),
        target=Actor(d["target"]["code"], d["target"].get("text") or "", d["target"].get("name")),
        cameo=d["cameo"],
        quad_class=int(d["quad_class"]),
        goldstein=float(d["goldstein"]),
        plover_type=plover.get("type"),
        plover_mode=plover.get("mode"),
        date=d.get("date"),
        sentence=int(d.get("sentence") or 0),
        span=(int(span[0]), int(span[1])),
        evidence=d.get("evidence") or "",
        rule=d.get("rule") or "",
        confidence=float(d.get("confidence") or 0.0),
        embedded=bool(d.get("embedded")),
        negated=bool(d.get("negated")),
        modality=d.get("modality"),
        location=Location(loc.get("text") or "", loc.get("name"), loc.get("country")) if loc else None,
        spans=tuple((int(a), int(b)) for a, b in d.get("spans") or [span]),
    )


def document_from_row(r) -> Document:
    return Document(id=r.id, text=r.text, date=r.date, agency=r.agency, title=r.title, source=r.source)


def coded_documents(store, include_flagged: bool = True, batch: int = 500) -> Iterator[CodedDocument]:
    """Every stored document with its events, in id order, a batch of documents at a time."""
    last = None
    while True:
        with store.read() as conn:
            q = select(S.documents).order_by(S.documents.c.id).limit(batch)
            if last is not None:
                q = q.where(S.documents.c.id > last)
            docs = conn.execute(q).all()
            if not docs:
                return
            ids = [d.id for d in docs]
            eq = select(S.events.c.doc_id, S.events.c.json).where(S.events.c.doc_id.in_(ids))
            if not include_flagged:
                eq = eq.where(S.events.c.flagged.is_(False))
            evs: dict[str, list[Event]] = {}
            for r in conn.execute(eq.order_by(S.events.c.doc_id, S.events.c.seq)):
                evs.setdefault(r.doc_id, []).append(event_from_dict(json.loads(r.json)))
        for d in docs:
            yield CodedDocument(document_from_row(d), tuple(evs.get(d.id, ())))
        last = ids[-1]
