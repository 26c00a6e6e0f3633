"""Actor mentions in a sentence: dictionary phrases joined into noun phrases and coded.

A noun phrase is a run of dictionary phrases with at most one plain word between them
(`سرگئی لاوروف وزیر امور خارجه این کشور`): a person is coded by the office held on the date,
an agent word takes the country beside it (or the home country), and coreference words take
the actor they refer back to (:class:`DocumentContext`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Actor, Token
from .dictionary import ActorDictionary, Entry

# Tokens that end a noun phrase: a dictionary phrase on the other side is a different actor.
BREAKS = frozenset(
    "و یا که به از با در را تا برای علیه بر درباره میان بین نزد پس پیش بعد قبل هم نیز اما ولی است بود شد کرد گفت".split()
)
QUOTES = frozenset({'"', "«", "»", "“", "”", "'", "(", ")"})  # `"بشار اسد" رئیس جمهور سوریه`, `رئیس‌جمهور (ترامپ)`
COUNTRYISH = frozenset({"country", "demonym", "capital", "home", "this_country", "igo"})


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    entry: Entry


@dataclass(frozen=True)
class ActorMention:
    """A coded noun phrase: token range in its sentence and the actor(s) it names."""

    start: int
    end: int
    actors: tuple[Actor, ...]
    personal: bool  # names a person or an office holder (a pronoun may refer back to it)
    place: str | None = None  # a capital named alone: the country it stands for as a place


@dataclass
class DocumentContext:
    """What coreference words refer back to, carried from sentence to sentence."""

    date: dt.date | None
    home: str = "IRN"
    last_personal: Actor | None = None
    last_country: str | None = None
    pair: tuple[Actor, Actor] | None = None
    subject: Actor | None = None  # the last sentence subject, for dropped subjects
    country_names: dict[str, str] = field(default_factory=dict)


def _parts(d: ActorDictionary, tokens: Sequence[Token]) -> list[Part]:
    out = []
    for m in d.index.find(tokens):
        # A phrase can have several senses (a surname shared by two people): the first one that
        # is dated to the document wins, resolved later; keep the first sense here.
        out.append(Part(m.start, m.end, m.values[0] if len(m.values) == 1 else _prefer(m.values)))
    return out


def _prefer(values: tuple[Entry, ...]) -> Entry:
    order = ("person", "igo", "country", "capital", "demonym", "agent", "pronoun", "this_country", "home", "pair")
    return min(values, key=lambda e: order.index(e.kind) if e.kind in order else 99)


def _groups(parts: list[Part], tokens: Sequence[Token]) -> list[list[Part]]:
    """Adjacent phrases form one noun phrase, except two countries side by side, a pronoun,
    or a new title or name after the country that closed a phrase (`رئیس جمهور کشورمان وزیر خارجه عمان`)."""
    groups: list[list[Part]] = []
    for p in parts:
        gap = tokens[groups[-1][-1].end : p.start] if groups else ()
        # `ارتش تروریستی آمریکا`: one adjective may stand between a title and its country.
        adjective = (len(gap) == 1 and groups[-1][-1].entry.kind == "agent" and p.entry.kind in ("country", "demonym", "igo", "home", "this_country")
                     and gap[0].key not in BREAKS and gap[0].key[:1].isalpha() and not gap[0].key.endswith(("ای", "های", "هی"))) if groups else False
        if groups and (adjective or all(t.key in QUOTES for t in gap)):
            prev = groups[-1][-1]
            closed = any(q.entry.kind in COUNTRYISH for q in groups[-1])
            same_level = prev.entry.kind in COUNTRYISH and p.entry.kind in ("country", "capital", "igo") and prev.entry.kind != "demonym"
            # a second name, or a country right after a name (`گوترش ایران`), is another actor
            new_head = (closed and p.entry.kind in ("agent", "person")) or (
                prev.entry.kind == "person" and p.entry.kind in ("person", "country", "capital", "igo"))
            if not (same_level or new_head) and "pronoun" not in (p.entry.kind, prev.entry.kind):
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


def _text(tokens: Sequence[Token], text: str, start: int, end: int) -> tuple[str, int, int]:
    s, e = tokens[start].start, tokens[end - 1].end
    return text[s:e], s, e


def resolve_group(group: list[Part], ctx: DocumentContext, d: ActorDictionary, text: str, tokens: Sequence[Token]) -> ActorMention | None:
    words, s, e = _text(tokens, text, group[0].start, group[-1].end)
    kinds = [p.entry.kind for p in group]
    person = next((p.entry for p in group if p.entry.kind == "person"), None)
    agent = next((p.entry for p in group if p.entry.kind == "agent"), None)
    country: str | None = None
    for p in group:
        k = p.entry.kind
        if k in ("country", "demonym", "capital", "igo"):
            country = p.entry.code
            break
        if k == "home":
            country = ctx.home
            break
        if k == "this_country" and ctx.last_country:
            country = ctx.last_country
            break

    def actor(code: str, name: str | None = None) -> Actor:
        return Actor(code, words, name or d.countries.get(code[:3]) or d.countries.get(code), s, e)

    if kinds == ["pair"]:
        if ctx.pair:  # not `personal`: `وی` never refers to a pair, and `علاقه طرفین` is no subject
            return ActorMention(group[0].start, group[-1].end, ctx.pair, False)
        return None
    if kinds == ["pronoun"]:
        ref = ctx.subject or ctx.last_personal
        return ActorMention(group[0].start, group[-1].end, (ref,), True) if ref else None

    code: str | None = None
    name: str | None = None
    personal = person is not None or agent is not None
    if person is not None:
        code = person.code_on(ctx.date)
        name = person.name
        if code is None and agent is not None and country:
            code = country + agent.code if not country.startswith(("IGO", "NGO")) else country
        if code is None:
            prior = person.last_country_before(ctx.date)
            code = prior + "OPP" if prior and not prior.startswith("IGO") else None
    elif agent is not None:
        if country:
            code = country if country.startswith(("IGO", "NGO")) else country + agent.code
        elif agent.home:
            code = ctx.home + agent.code
    elif country:
        capital = any(p.entry.kind == "capital" for p in group)
        code = country + "GOV" if capital and not country.startswith(("IGO", "NGO")) else country
        personal = capital
    if code is None:
        return None
    place = country if kinds == ["capital"] else None
    return ActorMention(group[0].start, group[-1].end, (actor(code, name),), personal, place)


def _is_attribution(group: list[Part], tokens: Sequence[Token]) -> bool:
    """The agency's own reporting is no actor (GUIDE.md): `به گزارش ایسنا`, `خبرگزاری فارس:`."""
    start, end = group[0].start, group[-1].end
    if start > 0 and tokens[start - 1].key in ("گزارش", "نقل", "خبرنگار"):
        return True
    return start == 0 and group[0].entry.kind == "agent" and group[0].entry.code == "MED" and end < len(tokens) and tokens[end].key in (":", "،", "-")


def tag_actors(tokens: Sequence[Token], text: str, d: ActorDictionary, ctx: DocumentContext) -> list[ActorMention]:
    """Coded actor mentions of one sentence, updating ``ctx`` as coreference moves on."""
    out: list[ActorMention] = []
    for group in _groups(_parts(d, tokens), tokens):
        if _is_attribution(group, tokens):
            continue
        m = resolve_group(group, ctx, d, text, tokens)
        if m is None:
            continue
        out.append(m)
        a = m.actors[0]
        if len(m.actors) == 1:
            if m.personal:
                ctx.last_personal = a
            if not a.code.startswith(("IGO", "NGO")):
                ctx.last_country = a.code[:3]
    return out
