"""A step-by-step account of how a text was coded, for `rooydad explain`."""

from __future__ import annotations

from .actors.tagger import DocumentContext, tag_actors
from .coding.coder import SentenceCoder
from .model import Document
from .pipeline import code_document, load_dictionaries
from .text import parse_iso, split_sentences, tokenize


def explain_text(text: str, date: str | None = None) -> str:
    d = load_dictionaries()
    day = parse_iso(date) if date else None
    ctx = DocumentContext(day, home=d.actors.home_country)
    lines = []
    for i, (s, e) in enumerate(split_sentences(text)):
        tokens = tokenize(text, s, e)
        lines.append(f"sentence {i}: {text[s:e]}")
        lines.append("  tokens:  " + " | ".join(t.key for t in tokens))
        mentions = tag_actors(tokens, text, d.actors, ctx)
        for m in mentions:
            words = text[tokens[m.start].start : tokens[m.end - 1].end]
            lines.append(f"  actor:   {words!r} -> {', '.join(a.code for a in m.actors)}")
        for fm in SentenceCoder(d.frames).frame_matches(tokens):
            words = text[tokens[fm.start].start : tokens[fm.end - 1].end]
            for v in fm.values:
                form = v.form
                state = "ellipsis" if v.light_verb else "negated" if form and form.negated else (form.modality if form and form.modality else "infinitive" if form and form.infinitive else "asserted")
                lines.append(f"  frame:   {words!r} -> {v.frame.id} ({v.frame.cameo}, {v.frame.kind}, {state}; target markers: {[' '.join(t) for t in v.frame.target] or 'context'})")
        for r in SentenceCoder(d.frames).code(tokens, mentions, ctx):
            flags = [f for f, on in (("negated", r.negated), (r.modality or "", bool(r.modality)), ("embedded", r.embedded)) if on]
            lines.append(f"  event:   {r.source.code} {r.frame.cameo} {r.target.code}  rule={r.frame.id} confidence={r.confidence} {' '.join(flags)}")
    coded = code_document(Document(id="explain", text=text, date=date), d)
    lines.append(f"result (after merging, flagged hidden): {[(e.source.code, e.cameo, e.target.code) for e in coded.events if not e.flagged]}")
    return "\n".join(lines)
