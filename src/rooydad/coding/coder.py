"""From a tokenized, actor-tagged sentence to coded events.

Persian is verb-final: a frame's verb closes its clause, the subject opens it, and the target
is the actor its marker introduces (`با X دیدار کرد`, `X را محکوم کرد`). A subject left out
(`و تصریح کرد`) is the last sentence's; reported speech after `:` or `«` opens a new clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..actors.tagger import BREAKS, QUOTES, ActorMention, DocumentContext
from ..model import Actor, Token
from .frames import Frame, FrameLexicon, FrameMatch
from ..text.chars import key
from ..text.phrases import PhraseMatch
from .verbs import FUTURE_KEY, NEG_FUTURE_KEY, VerbForm, finite_forms, single_word_forms, verb_keys

CLAUSE_OPENERS = frozenset({":", "«", "؛", ";"})
SUBORDINATORS = frozenset(key(w) for w in ("آنکه", "اینکه", "چراکه", "زیرا", "درحالیکه", "هنگامیکه", "وقتیکه"))  # `پس از آنکه آمریکا ... وضع کرد`
AGENT_MARKERS = (("توسط",), ("از", "سوی"), ("از", "طرف"), ("به", "دست"))  # `ترور X توسط Y`: Y did it
LIST_JOINERS = frozenset({"و", "،", ","})
PREPOSITIONS = frozenset({"با", "به", "از", "در", "علیه", "برای", "بر", "نزد", "میان", "بین", "درباره", "تا", "نسبت", "قبال", "سوی", "طرف"})
ADVERBIAL = frozenset({"با", "ضمن", "در"})
PLANNED = (("قرار", "است"), ("قرار", "بود"), ("قرار", "شد"), ("قرار", "شده"), ("تصمیم", "دارد"))
HYPOTHETICAL = frozenset({"اگر", "چنانچه", "درصورتیکه", "صورتیکه"})
MAX_HEAD_NOUNS = 2


@dataclass(frozen=True)
class ActorList:
    """Actors joined by `و` or `،`: one event per member."""

    start: int
    end: int
    actors: tuple[Actor, ...]
    personal: bool
    place: str | None = None


@dataclass(frozen=True)
class RawEvent:
    source: Actor
    target: Actor
    frame: Frame
    start: int  # token range of the evidence
    end: int
    negated: bool
    modality: str | None
    embedded: bool
    confidence: float


def _lists(mentions: Sequence[ActorMention], tokens: Sequence[Token]) -> list[ActorList]:
    """Mentions joined by `و` (and `،` inside an `A، B و C` series) are one list: one event each.
    A comma alone joins nothing (`مسئولان عراقی، دمشق را متهم کردند` is subject, object)."""
    runs: list[list[ActorMention]] = []
    joins: list[list[str]] = []
    for m in mentions:
        if runs:
            gap = tokens[runs[-1][-1].end : m.start]
            if len(gap) == 1 and gap[0].key in LIST_JOINERS:
                runs[-1].append(m)
                joins[-1].append(gap[0].key)
                continue
        runs.append([m])
        joins.append([])
    out: list[ActorList] = []
    for run, js in zip(runs, joins):
        parts = [run] if "و" in js or not js else [[m] for m in run]
        for part in parts:
            out.append(ActorList(part[0].start, part[-1].end, tuple(a for m in part for a in m.actors), all(m.personal for m in part), part[0].place if len(part) == 1 else None))
    return out


def _keys(tokens: Sequence[Token], start: int, end: int) -> tuple[str, ...]:
    return tuple(t.key for t in tokens[max(0, start) : max(0, end)])


def _marked_by(lst: ActorList, markers: Sequence[tuple[str, ...]], tokens: Sequence[Token]) -> bool:
    """Is the list introduced by one of ``markers`` (allowing a couple of head nouns between)?"""
    for marker in markers:
        if marker == ("را",):
            if _keys(tokens, lst.end, lst.end + 1) == marker:
                return True
            continue
        quotes = 0
        while lst.start - quotes > 0 and tokens[lst.start - quotes - 1].key in QUOTES:
            quotes += 1  # `با "بشار اسد"`
        for skip in range(quotes, quotes + MAX_HEAD_NOUNS + 1):
            between = tokens[max(0, lst.start - skip) : lst.start - quotes]
            if any(t.key in BREAKS or not t.key[:1].isalpha() for t in between):
                break
            if _keys(tokens, lst.start - skip - len(marker), lst.start - skip) == marker:
                return True
    return False


def _padded(keys: Sequence[str]) -> str:
    """The keys as ` k1 k2 ... `: a word or phrase is in it iff ` phrase ` is a substring."""
    return " " + " ".join(keys) + " "


def _has_any(text: str, phrases: frozenset[str]) -> bool:
    return any(f" {p} " in text for p in phrases)


def _distinct(a: str, b: str) -> bool:
    """Two different actors: not the same code (GUIDE.md), nor a country and its own organ
    (`مقامات ایران ... درباره حمله به ایران هشدار دادند` is not IRNGOV against IRN)."""
    if a == b:
        return False
    return not (a[:3] == b[:3] and not a.startswith(("IGO", "NGO")) and (len(a) == 3 or len(b) == 3))


def _plain_words(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Only content words between (an ezafe chain), no preposition, conjunction or stop."""
    return all(t.key not in BREAKS and t.key not in PREPOSITIONS and t.key[:1].isalpha() for t in tokens[start:end])


def _has_preposition(lst: ActorList, tokens: Sequence[Token]) -> bool:
    return lst.start > 0 and tokens[lst.start - 1].key in PREPOSITIONS


def _clause_start(tokens: Sequence[Token], before: int) -> int:
    """Where the clause ending at ``before`` opens: after `:`/`«`, or after a finite verb
    followed by `و`/`،` (`... تصویب نکرد و آمریکا به عراق حمله کرد`)."""
    finite = finite_forms()
    for i in range(before - 1, -1, -1):
        k = tokens[i].key
        if k in CLAUSE_OPENERS or k in SUBORDINATORS:
            return i + 1
        if (k in LIST_JOINERS or k == "که") and i > 0 and tokens[i - 1].key in finite:
            return i + 1
    return 0


SPEECH_VERBS = frozenset({"گفت", "گفتند", "افزود", "افزودند", "نوشت", "نوشتند", "گفته", "میگوید", "میگویند", "معتقد"})
SPEECH_NOUNS = frozenset({"اعلام", "ادعا", "مدعی", "تاکید", "تصریح", "اظهار", "خاطرنشان", "یادآور", "عنوان", "اذعان"})


def _is_speech_verb(tokens: Sequence[Token], i: int) -> bool:
    k = tokens[i].key
    return k in SPEECH_VERBS or (i > 0 and tokens[i - 1].key in SPEECH_NOUNS and k in finite_forms())


def _speech_opener(tokens: Sequence[Token], before: int) -> int | None:
    """What opens the reported speech that holds ``before``: `:`, `«`, `که` after a verb
    (`اعلام کرد که`), or a speech verb itself (`گفت ایران ...`)."""
    finite = finite_forms()
    for i in range(before - 1, -1, -1):
        k = tokens[i].key
        if k in (":", "«") or (k == "که" and i > 0 and tokens[i - 1].key in finite) or _is_speech_verb(tokens, i):
            return i
        if k in (".", "؟", "!"):
            break
    return None


def _context_modality(tokens: Sequence[Token], start: int, end: int) -> str | None:
    keys = _keys(tokens, start, end)
    for i, k in enumerate(keys):
        if k in HYPOTHETICAL or (k == "صورت" and i > 0 and keys[i - 1] == "در"):
            return "hypothetical"
        if keys[i : i + 2] in PLANNED:
            return "planned"
    return None


SUBJECT_OPENERS = frozenset({"و", "که", "اما", "ولی", "همچنین", "سپس", "نیز", "هم", "امروز", "دیروز", "روز", "اکنون", "حال"})


def _subject(lists: Sequence[ActorList], start: int, end: int, tokens: Sequence[Token], exclude: ActorList | None) -> ActorList | None:
    """The clause subject: the first actor not introduced by a preposition nor followed by `را`,
    and either a person/office or standing where a subject stands (not `عزم روسیه`, a genitive)."""
    for lst in lists:
        if lst.start >= start and lst.end <= end and lst is not exclude and not _has_preposition(lst, tokens):
            if _keys(tokens, lst.end, lst.end + 1) == ("را",):
                continue
            prev = tokens[lst.start - 1].key if lst.start > start else ""
            if lst.personal or not prev or not prev[:1].isalpha() or prev in SUBJECT_OPENERS:
                return lst
    return None


SPLIT_MAX_GAP = 6


def _later_light_verb(match: FrameMatch, tokens: Sequence[Token], after: int):
    """The light verb a noun waits for: anywhere later in the sentence after `X و` (ellipsis),
    within a few words and no punctuation or other verb for a split frame (`دیداری با X داشت`)."""
    forms = single_word_forms(match.light_verb)
    finite = finite_forms()
    for i in range(after, len(tokens)):
        k = tokens[i].key
        f = forms.get(k)
        if f is not None:
            return f, i
        if k in (".", "؟", "!"):
            break
        if match.split and (i - after >= SPLIT_MAX_GAP or not k[:1].isalnum() or k in finite or k == "که"):
            break
    return None, None


class SentenceCoder:
    """Codes the events of one sentence; keeps nothing between sentences but ``ctx``."""

    def __init__(self, lexicon: FrameLexicon):
        self.lexicon = lexicon

    def code(self, tokens: Sequence[Token], mentions: Sequence[ActorMention], ctx: DocumentContext) -> list[RawEvent]:
        lists = _lists(mentions, tokens)
        events: list[RawEvent] = []
        self._named_acts: list[tuple[ActorList, ActorList]] = []  # (source, target) of nominal events
        sentence: str | None = None
        clauses: dict[tuple[int, int], str] = {}
        for m in self.frame_matches(tokens):
            span = (_clause_start(tokens, m.start), m.start)
            if span not in clauses:
                clauses[span] = _padded(_keys(tokens, *span))
            clause = clauses[span]
            if sentence is None:
                sentence = _padded([t.key for t in tokens])
            flagged: list[RawEvent] = []
            for v in m.values:  # the first reading that codes an asserted act; else the first flagged one
                if all(_has_any(clause, group) for group in v.frame.requires) and not _has_any(sentence, v.frame.excludes):
                    found = self._code_match(v, m.start, m.end, tokens, lists, ctx)
                    if found and not any(e.negated or e.modality for e in found):
                        events.extend(found)
                        break
                    flagged = flagged or found
            else:
                events.extend(flagged)
        first = next((e for e in events if not e.embedded and not e.negated and e.modality is None), None)
        if first is not None:
            ctx.subject = first.source
        else:
            subj = _subject(lists, 0, min(len(tokens), 4), tokens, None)
            if subj is not None and subj.personal and len(subj.actors) == 1:
                ctx.subject = subj.actors[0]
        return events

    def frame_matches(self, tokens: Sequence[Token]) -> list[PhraseMatch[FrameMatch]]:
        """Frames in the sentence, each verb reading carrying the form its tokens show
        (`دیدار نکرد`: negated; `دیدار خواهد کرد`: planned)."""
        keys, forms = verb_keys(tuple(t.key for t in tokens))
        vtokens = [t if k is t.key else t._replace(key=k) for t, k in zip(tokens, keys)]
        out = []
        for m in self.lexicon.index.find(vtokens):
            values = []
            for v in m.values:
                if v.verb is not None:
                    form = forms[m.end - 1]
                    aux = keys[m.end - 2] if m.end - 2 >= m.start else None
                    if aux in (FUTURE_KEY, NEG_FUTURE_KEY):
                        form = VerbForm(form.words, negated=aux == NEG_FUTURE_KEY, modality="planned")
                    v = replace(v, form=form)
                values.append(v)
            out.append(PhraseMatch(m.start, m.end, tuple(values)))
        return out

    def _code_match(self, match: FrameMatch, vs: int, ve: int, tokens, lists, ctx) -> list[RawEvent]:
        frame, form = match.frame, match.form
        negated = bool(form and form.negated)
        modality = form.modality if form else None
        end = ve
        verb_at = vs  # targets stand before this token
        if match.light_verb is not None:  # `دیدار و ... گفتوگو کرد`, `دیداری با X داشت`
            form, light_at = _later_light_verb(match, tokens, ve)
            if form is None:
                return []
            negated, modality = form.negated, form.modality
            end = light_at + 1
            if match.split:
                if not any(lst.end == light_at for lst in lists):
                    return []  # the words between must end with the target: `دیداری با X داشت`
                verb_at = light_at
            else:
                ve = vs + 1
        clause = _clause_start(tokens, vs)
        modality = modality or _context_modality(tokens, clause, vs)
        if frame.passive:
            return self._passive(frame, vs, end, tokens, lists, ctx, negated, modality)
        if frame.reported:
            # `گفت آمریکا دخالت نمی‌کند` denies rather than accuses: no event.
            return [] if negated else self._reported(frame, vs, end, tokens, lists, ctx)
        if frame.kind == "noun" or (form is not None and form.infinitive):
            return self._nominal(frame, vs, ve, tokens, lists, ctx, negated, modality)
        before = [lst for lst in lists if lst.end <= verb_at and lst.start >= clause]
        if frame.target == (("counterpart",),):
            return self._counterpart(frame, clause, vs, end, tokens, lists, ctx, negated, modality)
        targets = [lst for lst in before if _marked_by(lst, frame.target, tokens)]
        target = targets[-1] if targets else None
        if target is None:
            return []
        if _keys(tokens, target.end, target.end + 1) == ("را",):
            # `حمله X به Y را محکوم کرد`: what is condemned is X's act, so X is the target.
            target = next((a for a, t in self._named_acts if t is target), target)
        src = _subject(lists, clause, vs, tokens, target) or self._sentence_subject(lists, tokens, clause, target)
        sources = src.actors if src else ((ctx.subject,) if ctx.subject else ())
        conf = frame.confidence * (1.0 if src else 0.8)
        start = min(x.start for x in ([src] if src else []) + [target])
        target_actors = target.actors
        if frame.place_target and target.place:
            target_actors = tuple(Actor(target.place, a.text, a.name, a.start, a.end) for a in target.actors)
        if frame.place_target:  # a trip inside one's own country is no international visit
            target_actors = tuple(t for t in target_actors if all(s is None or s.code[:3] != t.code[:3] for s in sources))
        return self._pairs(sources, target_actors, frame, start, end, negated, modality, False, conf)

    def _reported(self, frame: Frame, vs, end, tokens, lists, ctx) -> list[RawEvent]:
        """`X گفت که Y ... جعل کرده است`: X accuses Y; the speaker opens the sentence or came before."""
        opener = _speech_opener(tokens, vs)
        if opener is None:
            return []
        doer = _subject(lists, opener + 1, vs, tokens, None)
        if doer is None:
            return []
        speaker = _subject(lists, _clause_start(tokens, opener), opener, tokens, None) or _subject(lists, 0, opener, tokens, None)
        sources = speaker.actors if speaker else ((ctx.subject,) if ctx.subject else ())
        modality = _context_modality(tokens, _clause_start(tokens, opener), opener)
        start = speaker.start if speaker else opener
        targets = tuple(a for a in doer.actors if all(a.code[:3] != s.code[:3] for s in sources if s))
        return self._pairs(sources, targets, frame, start, end, False, modality, False, frame.confidence * 0.7)

    def _sentence_subject(self, lists, tokens, clause: int, exclude) -> ActorList | None:
        """A clause with no subject of its own shares the sentence's (`X ... دیدار کرد و ... تاکید کرد`)."""
        if clause == 0 or any(tokens[i].key in CLAUSE_OPENERS for i in range(clause)):
            return None
        return _subject(lists, 0, clause, tokens, exclude)

    def _counterpart(self, frame: Frame, clause, vs, end, tokens, lists, ctx, negated, modality) -> list[RawEvent]:
        """Intent or cooperation stated about a relationship: the target is the other party."""
        src = _subject(lists, clause, vs, tokens, None) or self._sentence_subject(lists, tokens, clause, None)
        source = src.actors[0] if src and len(src.actors) == 1 else ctx.subject
        if source is None:
            return []
        pairs = [lst.actors for lst in lists if lst.end <= vs and len(lst.actors) == 2]
        if ctx.pair:
            pairs.append(ctx.pair)
        for pair in pairs:
            others = [a for a in pair if a.code[:3] != source.code[:3]]
            if len(others) == 1 and len(pair) - len(others) == 1:
                return self._pairs((source,), (others[0],), frame, src.start if src else vs, end, negated, modality, False, frame.confidence * 0.8)
        return []

    def _nominal(self, frame: Frame, vs, ve, tokens, lists, ctx, negated, modality) -> list[RawEvent]:
        """A named act. After `با`/`ضمن` the clause subject does it now (`با انتقاد از X`,
        `ضمن محکوم کردن X`); `حمله X به Y` and `در محکوم کردن ... X` name an act inside
        another's report (embedded, undated). A bare infinitive (`عدم پذیرفتن`) reports nothing."""
        clause = _clause_start(tokens, vs)
        before = tokens[vs - 1].key if vs > 0 else ""
        infinitive = frame.kind == "verb"
        after = [lst for lst in lists if lst.start >= ve and lst.start - ve <= 4]
        possessor = next((lst for lst in lists if 0 <= lst.start - ve <= 2 and _plain_words(tokens, ve, lst.start)), None)
        if before in ("با", "ضمن") or (before == "در" and not infinitive and possessor is None):
            # `در دیدار خود با X`: no possessor, so the clause subject met X.
            targets = after[:1] if infinitive else [lst for lst in after if _marked_by(lst, frame.target, tokens)]
            if not targets:
                return []
            src = _subject(lists, clause, vs, tokens, None)
            sources = src.actors if src else ((ctx.subject,) if ctx.subject else ())
            return self._pairs(sources, targets[0].actors, frame, vs, targets[0].end, negated, modality, False, frame.confidence * 0.9)
        if infinitive:
            if before != "در":
                return []
            prior = [lst for lst in lists if lst.end <= vs and lst.start >= clause]
            src, target = (prior[-1] if prior else None), (after[0] if after else None)
        else:
            src = possessor
            if src is None:
                return []
            near = [lst for lst in lists if lst.start >= src.end and lst.start - src.end <= 4]
            agent = next((lst for lst in near if _marked_by(lst, AGENT_MARKERS, tokens)), None)
            if agent is not None:  # `ترور X توسط Y`: the possessor suffered the act
                src, target = agent, src
            else:
                target = next((lst for lst in near if _marked_by(lst, frame.target, tokens)), None)
        if src is None or target is None:
            return []
        self._named_acts.append((src, target))
        if frame.place_target and target.place:  # `سفر عراقچی به مسکو`: the place is the country
            target = ActorList(target.start, target.end, tuple(Actor(target.place, a.text, a.name, a.start, a.end) for a in target.actors), False, target.place)
        return self._pairs(src.actors, target.actors, frame, min(vs, src.start), max(target.end, ve), negated, modality, True, frame.confidence * 0.8)

    def _passive(self, frame: Frame, vs, end, tokens, lists, ctx, negated, modality) -> list[RawEvent]:
        pair: tuple[Actor, ...] | None = None
        for lst in lists:
            if lst.start > 0 and tokens[lst.start - 1].key in ("بین", "میان") and len(lst.actors) >= 2:
                pair = lst.actors[:2]
                break
        if pair is None and ctx.pair is not None:
            pair = ctx.pair
        if pair is None:
            return []
        start = _clause_start(tokens, vs)
        return self._pairs((pair[0],), (pair[1],), frame, start, end, negated, modality, False, frame.confidence * 0.7)

    @staticmethod
    def _pairs(sources, targets, frame, start, end, negated, modality, embedded, conf) -> list[RawEvent]:
        return [
            RawEvent(s, t, frame, start, end, negated, modality, embedded, round(conf, 2))
            for s in sources
            for t in targets
            if s is not None and t is not None and _distinct(s.code, t.code)
        ]
