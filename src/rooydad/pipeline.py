"""One document through the stages: text -> actors -> events. A pure function of the document.

``code_document(doc)`` is what the CLI, the store and the engines call; the dictionaries are
loaded once per process (``load_dictionaries``) and shared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .actors.dictionary import ActorDictionary, load_actor_dictionary
from .actors.tagger import DocumentContext, tag_actors
from .coding.coder import RawEvent, SentenceCoder
from .coding.frames import FrameLexicon, load_frames
from .coding.tables import info, is_symmetric
from .errors import CodingError
from .geo import locate_event
from .model import CodedDocument, Document, Event
from .text import find_dates, parse_iso, split_sentences, tokenize


@dataclass(frozen=True)
class Dictionaries:
    actors: ActorDictionary
    frames: FrameLexicon


_default: Dictionaries | None = None


def load_dictionaries(actors_dir: str | None = None, frames_dir: str | None = None, home_country: str = "IRN") -> Dictionaries:
    """The actor dictionary and frame lexicon (package data unless directories are given)."""
    global _default
    if actors_dir is None and frames_dir is None and home_country == "IRN":
        if _default is None:
            _default = Dictionaries(load_actor_dictionary(), load_frames())
        return _default
    return Dictionaries(load_actor_dictionary(actors_dir, home_country), load_frames(frames_dir))


def _event(raw: RawEvent, doc: Document, sentence: int, tokens, date: str | None) -> Event:
    ci = info(raw.frame.cameo)
    s, e = tokens[raw.start].start, tokens[raw.end - 1].end
    return Event(
        source=raw.source,
        target=raw.target,
        cameo=raw.frame.cameo,
        quad_class=ci.quad_class,
        goldstein=ci.goldstein,
        plover_type=ci.plover_type,
        plover_mode=ci.plover_mode,
        date=None if raw.embedded else date,
        sentence=sentence,
        span=(s, e),
        evidence=doc.text[s:e],
        rule=raw.frame.id,
        confidence=raw.confidence,
        embedded=raw.embedded,
        negated=raw.negated,
        modality=raw.modality,
        spans=((s, e),),
        location=locate_event(tokens, raw.start, raw.end, (raw.source.code, raw.target.code), doc.text, not raw.embedded, raw.frame.cameo),
    )


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One event per (source, code, target) per document, every evidence span kept."""
    out: dict[tuple, Event] = {}
    for ev in events:
        a, b = ev.source.code, ev.target.code
        if is_symmetric(ev.cameo):
            a, b = sorted((a, b))
        k = (a, ev.cameo, b, ev.flagged)
        if k in out:
            old = out[k]
            out[k] = replace(old, spans=old.spans + ev.spans, confidence=max(old.confidence, ev.confidence))
        else:
            out[k] = ev
    return tuple(out.values())


def _date_in_text(text: str) -> dt.date | None:
    """For an undated article, the first full date its text gives: who held which office then."""
    return next((r.date for r in find_dates(text[:2000], None) if r.precision == "day"), None)


def code_document(doc: Document, dictionaries: Dictionaries | None = None) -> CodedDocument:
    """Code one document: its events, each traceable to its sentence and words.

    >>> from rooydad import Document, code_document
    >>> coded = code_document(Document(id="x", date="2025-12-17", text="عراقچی با لاوروف دیدار کرد."))
    >>> [(e.source.code, e.cameo, e.target.code) for e in coded.events]
    [('IRNGOV', '040', 'RUSGOV')]
    """
    d = dictionaries or load_dictionaries()
    try:
        day = parse_iso(doc.date) if doc.date else None
        ctx = DocumentContext(day or _date_in_text(doc.text), home=d.actors.home_country)
        coder = SentenceCoder(d.frames)
        events: list[Event] = []
        for i, (s, e) in enumerate(split_sentences(doc.text)):
            tokens = tokenize(doc.text, s, e)
            if not tokens:
                continue
            mentions = tag_actors(tokens, doc.text, d.actors, ctx)
            raw = coder.code(tokens, mentions, ctx)
            if not raw:
                continue
            dates = find_dates(doc.text[s:e], day)
            date = dates[0].iso if dates and dates[0].precision == "day" else (day.isoformat() if day else None)
            for r in raw:
                events.append(_event(r, doc, i, tokens, date))
                if r.frame.cameo[:2] in ("03", "04", "05") and not r.embedded:
                    ctx.pair = (r.source, r.target)
        return CodedDocument(doc, _merge(events))
    except (ValueError, KeyError, IndexError) as exc:  # a bug, reported with the document it hit
        raise CodingError(doc.id, f"{type(exc).__name__}: {exc}") from exc
