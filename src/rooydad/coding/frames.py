"""The verb-frame lexicon: data files under rooydad/data/frames, one YAML file per CAMEO root.

A frame is one way Persian says one kind of act:

- ``verb``: a verb phrase whose last word is a past stem (`دیدار کرد`); all its tenses and
  persons match, with negation and modality read off the form;
- ``noun``: a nominal (`حمله`, `تحریمهای`): the source is the actor right after the noun
  (`حمله آمریکا به ...`) or, after `با`/`ضمن`, the clause subject;
- ``passive: true``: the actors come from context (`بین X و Y`, `دو وزیر`, the last meeting).

``requires`` lists word sets of which one word each must appear in the clause before the
verb (`تاکید کرد` is an intent to cooperate only with `عزم` and `همکاری` around it); frames
with requirements are tried before the plain frame of the same words. ``excludes`` lists
words that veto the frame anywhere in the sentence (`محکوم کرد` is not criticism with `اعدام`). ``target: [counterpart]``
takes as target the other member of the pair in play (`روابط ایران و روسیه`).

``reported: true`` frames fire only inside reported speech (after `:`, `«` or `گفت که`): the
speaker is the source and the doer of the reported act the target (`اعلام کرد که اسرائیل اسناد
را جعل کرده است` -> 112 against ISR); the report is the event, so the act's own tense and
negation do not flag it.

``target`` lists the markers that introduce the target: prepositions before it (`با`, `به`,
`از`, `علیه`, `نسبت به`) or `را` after it. Every frame has example sentences with their expected
events; the test suite codes them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..cache import cached
from ..errors import DictionaryError
from ..text.chars import key_phrase
from ..text.phrases import PhraseIndex
from .tables import code_table, is_symmetric
from .verbs import FUTURE_KEY, NEG_FUTURE_KEY, VerbForm, infinitive_key, is_known_verb, negated_key, verb_key, verb_keys

SYNONYM_LIGHT_VERBS = {"کرد": ("نمود",)}


@dataclass(frozen=True)
class Example:
    text: str
    events: tuple[str, ...]  # "SOURCE CAMEO TARGET"
    date: str | None = None


@dataclass(frozen=True)
class Frame:
    id: str
    cameo: str
    kind: str  # "verb" | "noun"
    target: tuple[tuple[str, ...], ...]  # marker phrases (keys)
    passive: bool = False
    symmetric: bool = False
    confidence: float = 0.8
    requires: tuple[frozenset[str], ...] = ()  # each set: one of its words or phrases must be in the clause
    excludes: frozenset[str] = frozenset()  # any of these words in the clause vetoes the frame
    place_target: bool = False  # a capital as target is the country (`به مسکو سفر کرد` -> RUS)
    reported: bool = False  # an act inside reported speech: the speaker accuses its doer
    examples: tuple[Example, ...] = ()
    path: str = ""


@dataclass(frozen=True)
class FrameMatch:
    frame: Frame
    form: VerbForm | None  # None for nominal frames
    light_verb: str | None = None  # the light verb to look for further on (ellipsis or split)
    split: bool = False  # `دیداری با X داشت`: the noun, then the target, then the light verb
    verb: str | None = None  # matched through the verb placeholder: the form is read off the tokens




def _as_list(v) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


@dataclass
class FrameLexicon:
    index: PhraseIndex[FrameMatch]
    frames: dict[str, Frame]


def _parse_example(raw, where: str) -> Example:
    if not isinstance(raw, dict) or "text" not in raw:
        raise DictionaryError(where, None, "an example needs text and events")
    events = tuple(" ".join(str(e).split()) for e in (raw.get("events") or []))
    return Example(str(raw["text"]), events, str(raw["date"]) if raw.get("date") else None)


def load_frame_file(path: Path, lex: FrameLexicon) -> None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DictionaryError(str(path), mark.line + 1 if mark else None, f"invalid YAML: {getattr(e, 'problem', e)}") from None
    codes = code_table()
    for raw in data.get("frames") or []:
        where = f"{path} (frame {raw.get('id')})"
        fid, cameo = raw.get("id"), str(raw.get("cameo", ""))
        if not fid or cameo not in codes:
            raise DictionaryError(str(path), None, f"frame needs an id and a known CAMEO code, got {fid!r} {cameo!r}")
        if fid in lex.frames:
            raise DictionaryError(where, None, f"duplicate frame id {fid!r} (also in {lex.frames[fid].path})")
        examples = tuple(_parse_example(e, where) for e in raw.get("examples") or [])
        if not examples:
            raise DictionaryError(where, None, "every frame needs at least one example sentence")
        verbs, nouns = _as_list(raw.get("verb")), _as_list(raw.get("noun"))
        if bool(verbs) == bool(nouns):
            raise DictionaryError(where, None, "a frame has either `verb` or `noun`")
        frame = Frame(
            id=fid,
            cameo=cameo,
            kind="verb" if verbs else "noun",
            target=tuple(key_phrase(m) for m in _as_list(raw.get("target"))),
            passive=bool(raw.get("passive")),
            symmetric=is_symmetric(cameo),
            confidence=float(raw.get("confidence", 0.8)),
            requires=tuple(frozenset(" ".join(key_phrase(w)) for w in _as_list(group)) for group in raw.get("requires") or []),
            place_target=bool(raw.get("place_target")),
            reported=bool(raw.get("reported")),
            excludes=frozenset(" ".join(key_phrase(w)) for w in _as_list(raw.get("excludes"))),
            examples=examples,
            path=str(path),
        )
        lex.frames[fid] = frame
        for phrase in verbs:
            words = key_phrase(phrase)
            head, light = verb_keys(words[:-1])[0], words[-1]
            if not is_known_verb(light):  # a conjugated form (`امضا کردند`) or no verb (`آماده است`)
                converted = verb_keys(words)[0]
                if converted[-1].startswith("⟨V:"):  # any form of that verb, read off the tokens
                    past = converted[-1][3:-1]
                    for tail in (verb_key(past), negated_key(past)):
                        lex.index.add(converted[:-1] + (tail,), FrameMatch(frame, None, verb=past))
                else:  # `موافقت نکرد` as a reject frame: the negation is the lexeme, asserted
                    lex.index.add(converted, FrameMatch(frame, VerbForm(words)))
            for lv in (light, *SYNONYM_LIGHT_VERBS.get(light, ())) if is_known_verb(light) else ():
                for tail in ((verb_key(lv),), (negated_key(lv),), (FUTURE_KEY, verb_key(lv)), (NEG_FUTURE_KEY, verb_key(lv)), (infinitive_key(lv),)):
                    lex.index.add(head + tail, FrameMatch(frame, None, verb=lv))
            if head:
                lex.index.add(head + ("و",), FrameMatch(frame, None, light_verb=light))
                last = head[-1]
                for noun in (last, last + "ی", last + "هایی", last + "ها"):
                    lex.index.add(head[:-1] + (noun,), FrameMatch(frame, None, light_verb=light, split=True))
        for phrase in nouns:
            lex.index.add(verb_keys(key_phrase(phrase))[0], FrameMatch(frame, None))


@lru_cache(maxsize=4)
def load_frames(directory: str | None = None) -> FrameLexicon:
    """Every frame file in ``directory`` (the package's own frames by default)."""
    base = Path(directory) if directory else Path(str(resources.files("rooydad") / "data" / "frames"))
    stems = Path(str(resources.files("rooydad") / "data" / "fa" / "verb_stems.tsv"))
    return cached("frames", [*base.glob("*.yaml"), stems], lambda: _build_frames(base))


def _build_frames(base: Path) -> FrameLexicon:
    lex = FrameLexicon(PhraseIndex(), {})
    for path in sorted(base.glob("*.yaml")):
        load_frame_file(path, lex)
    for phrase in list(lex.index.phrases()):  # specific frames (with requirements) first
        lex.index._values[phrase].sort(key=lambda fm: -len(fm.frame.requires))
    return lex
