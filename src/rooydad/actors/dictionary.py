"""The actor dictionaries (data files under rooydad/data/actors) loaded into one phrase index.

Every entry becomes an :class:`Entry` keyed by the matching keys of its Persian form. The loader
rejects what would make coding ambiguous: a role with a bad date or an unknown code shape, two
roles of one person that overlap, and one name mapped to two different actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..cache import cached
from ..errors import DictionaryError
from ..text.chars import key_phrase
from ..text.phrases import PhraseIndex

AGENT_CODES = ("GOV", "MIL", "LEG", "JUD", "OPP", "MED", "BUS", "CVL", "REB", "COP", "SPY", "REL")
_CODE = re.compile(r"^(?:[A-Z]{3}|IGO[A-Z]{3,9}|NGO[A-Z]{3,6})(?:" + "|".join(AGENT_CODES) + r")?$")
_VOWEL_END = ("ه", "ا", "و", "ی")


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None
    end: dt.date | None
    note: str | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """One dictionary sense of a phrase.

    ``kind`` is country, demonym, capital, igo, agent, person, or a coreference kind
    (pronoun, this_country, home, pair); ``code`` is the country/IGO code or the agent code.
    """

    kind: str
    code: str | None
    name: str | None = None
    home: bool = False  # agent words that take the home country when none is named
    roles: tuple[Role, ...] = ()

    def code_on(self, day: dt.date | None) -> str | None:
        """The person's code on ``day``; with no date, the latest role."""
        if not self.roles:
            return self.code
        if day is None:  # undated: the latest office held, before a later out-of-office role
            active = [r for r in self.roles if not r.code.endswith("OPP")] or list(self.roles)
            return max(active, key=lambda r: r.start or dt.date.min).code
        for r in self.roles:
            if r.holds_on(day):
                return r.code
        return None

    def last_country_before(self, day: dt.date | None) -> str | None:
        past = [r for r in self.roles if day is None or (r.start or dt.date.min) <= day]
        return max(past, key=lambda r: r.start or dt.date.min).code[:3] if past else None


@dataclass
class ActorDictionary:
    index: PhraseIndex[Entry] = field(default_factory=PhraseIndex)
    countries: dict[str, str] = field(default_factory=dict)  # code -> English name
    people: int = 0
    igos: int = 0
    agent_words: int = 0
    home_country: str = "IRN"

    def add(self, form: str, entry: Entry, where: str) -> None:
        phrase = key_phrase(form)
        if not phrase:
            return
        for old in self.index.get(phrase):
            if old == entry:
                return
            if old.kind == entry.kind and old.code != entry.code and entry.kind != "person":
                raise DictionaryError(where, None, f"{form!r} is mapped to both {old.code} and {entry.code}", form)
        for variant in joined_variants(phrase):
            self.index.add(variant, entry)
        if entry.kind == "agent":
            words = list(phrase)
            if words[-1].endswith(_VOWEL_END):  # ezafe: نماینده -> نمایندهی, سخنگو -> سخنگوی
                self.index.add(tuple(words[:-1]) + (words[-1] + "ی",), entry)


def joined_variants(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase with any of its word gaps closed: `وزارت امور خارجه` is also written
    `وزارت امورخارجه` or `وزارت‌امورخارجه`, one token once half-spaces are dropped."""
    if len(phrase) > 4:
        return [phrase]
    out = []
    for mask in range(1 << (len(phrase) - 1)):
        words = [phrase[0]]
        for i, w in enumerate(phrase[1:]):
            if mask >> i & 1:
                words[-1] += w
            else:
                words.append(w)
        out.append(tuple(words))
    return out


def _date(value, where: str, line: int | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(where, line, f"date {value!r} does not parse (YYYY-MM-DD)") from None


def _load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DictionaryError(str(path), mark.line + 1 if mark else None, f"invalid YAML: {getattr(e, 'problem', e)}") from None


def check_code(code: str, where: str, line: int | None = None) -> str:
    if not isinstance(code, str) or not _CODE.match(code):
        raise DictionaryError(where, line, f"{code!r} is not a CAMEO actor code")
    return code


def load_people(path: Path, d: ActorDictionary) -> None:
    data = _load_yaml(path) or {}
    for i, p in enumerate(data.get("people") or []):
        where = f"{path} (person {i + 1}: {p.get('name')})"
        roles = []
        for r in p.get("roles") or []:
            if "source" not in r:
                raise DictionaryError(where, None, "every role needs a source")
            roles.append(Role(check_code(r.get("code"), where), _date(r.get("start"), where, None), _date(r.get("end"), where, None), r.get("note")))
        roles.sort(key=lambda r: r.start or dt.date.min)
        for a, b in zip(roles, roles[1:]):
            if a.end is None or (b.start is not None and b.start < a.end):
                raise DictionaryError(where, None, f"roles overlap: {a.code} from {a.start} to {a.end} and {b.code} from {b.start}")
        for r in roles:
            if r.start and r.end and r.end < r.start:
                raise DictionaryError(where, None, f"role {r.code} ends before it starts")
        if not roles or not p.get("fa") or not p.get("name"):
            raise DictionaryError(where, None, "a person needs name, fa and roles")
        died = _date(p.get("died"), where, None)
        if died is not None and roles[-1].end is not None:  # after death, known by the last office
            last = roles[-1]
            roles[-1] = Role(last.code, last.start, None, last.note)
        entry = Entry("person", roles[-1].code, p["name"], roles=tuple(roles))
        for form in p["fa"]:
            for variant in joined_variants(key_phrase(form)):
                d.index.add(variant, entry)
        d.people += 1


@lru_cache(maxsize=4)
def load_actor_dictionary(directory: str | None = None, home_country: str = "IRN") -> ActorDictionary:
    """Load every actor data file; ``directory`` defaults to the package's own data.

    Built once and kept in the on-disk cache (:mod:`rooydad.cache`) until a file changes.
    """
    base = Path(directory) if directory else Path(str(resources.files("rooydad") / "data" / "actors"))
    return cached(f"actors-{home_country}", base.glob("*.yaml"), lambda: _build_actor_dictionary(base, home_country))


def _build_actor_dictionary(base: Path, home_country: str) -> ActorDictionary:
    d = ActorDictionary(home_country=home_country)

    countries = _load_yaml(base / "countries.yaml")["countries"]
    variants = _load_yaml(base / "country_variants.yaml")
    exclude = {key_phrase(w) for w in variants.get("exclude") or []}
    for c in countries:
        code = check_code(c["code"], str(base / "countries.yaml"))
        d.countries[code] = c["name"]
        for form in c["fa"]:
            if key_phrase(form) not in exclude:
                d.add(form, Entry("country", code, c["name"]), str(base / "countries.yaml"))
    vpath = str(base / "country_variants.yaml")
    for code, v in (variants.get("variants") or {}).items():
        code = check_code(code, vpath)
        name = d.countries.get(code)
        for kind, forms in (("country", v.get("names")), ("demonym", v.get("demonyms")), ("capital", v.get("capitals"))):
            for form in forms or []:
                d.add(form, Entry(kind, code, name), vpath)

    ipath = base / "igos.yaml"
    for o in _load_yaml(ipath)["igos"]:
        code = check_code(o["code"], str(ipath))
        d.countries[code] = o["name"]
        for form in o["fa"]:
            d.add(form, Entry("igo", code, o["name"]), str(ipath))
        d.igos += 1

    hpath = base / "home_agents.yaml"
    home_words = {(code, key_phrase(w)) for code, words in _load_yaml(hpath)["home"].items() for w in words}
    apath = base / "agents.yaml"
    for group, spec in _load_yaml(apath)["agents"].items():
        agent = spec.get("code", group)
        if agent not in AGENT_CODES:
            raise DictionaryError(str(apath), None, f"unknown agent code {agent!r}")
        for form in spec["words"]:
            home = bool(spec.get("home", True)) and (agent, key_phrase(form)) in home_words
            d.add(form, Entry("agent", agent, home=home), str(apath))
            d.agent_words += 1
    for agent, form in home_words:  # a home phrase missing from agents.yaml is still an agent
        if not any(e.kind == "agent" for e in d.index.get(form)):
            d.index.add(form, Entry("agent", agent, home=True))

    for kind, forms in _load_yaml(base / "coref.yaml")["coref"].items():
        for form in forms:
            d.index.add(key_phrase(form), Entry(kind, home_country if kind == "home" else None))

    load_people(base / "people.yaml", d)
    return d
