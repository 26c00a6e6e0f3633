"""The questions asked of a store, as plain functions over typed filters: the CLI and the web
API call the same ones.

Actor filters follow DESIGN.md: a three-letter code (``IRN``) matches every code starting with
it (IRN, IRNGOV, IRNMIL), a longer code matches exactly, and a code the store has never seen is
a :class:`~rooydad.errors.QueryError`. Flagged events (negated, planned, hypothetical) are left
out unless asked for. Every value is a bound parameter, never formatted into SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Date, and_, case, cast, func, select

from ..errors import QueryError
from . import schema as S
from . import textindex

E = S.events.c
PERIODS = ("day", "week", "month", "year")
_CODE = re.compile(r"^[A-Z0-9]{3,12}$")


@dataclass(frozen=True)
class EventFilter:
    """Which events: all fields optional; dates are ISO ``YYYY-MM-DD``, inclusive."""

    source: str | None = None
    target: str | None = None
    root: str | None = None  # two digits, "04"
    code: str | None = None  # a full CAMEO code, "040"
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    include_flagged: bool = False

    @classmethod
    def dyad(cls, dyad: str, **kw) -> "EventFilter":
        """``EventFilter.dyad("IRN:USA")``: source IRN*, target USA*."""
        if dyad.count(":") != 1 or not all(dyad.split(":")):
            raise QueryError(f"--dyad {dyad!r}: write it SOURCE:TARGET, as IRN:USA")
        a, b = dyad.split(":")
        return cls(source=a, target=b, **kw)


@dataclass(frozen=True)
class EventRow:
    id: int
    doc_id: str
    date: str | None
    source: str
    source_name: str | None
    target: str
    target_name: str | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    evidence: str
    rule: str
    confidence: float
    negated: bool
    modality: str | None
    embedded: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SeriesRow:
    period: str
    events: int
    goldstein_mean: float
    quad1: int
    quad2: int
    quad3: int
    quad4: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Series:
    by: str
    rows: list[SeriesRow]
    undated: int  # matching events without a date, left out of ``rows``


@dataclass(frozen=True)
class ActorCount:
    code: str
    name: str | None
    as_source: int
    as_target: int

    @property
    def total(self) -> int:
        return self.as_source + self.as_target

    def to_dict(self) -> dict[str, Any]:
        return dict(asdict(self), total=self.total)


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    date: str | None
    agency: str | None
    title: str | None
    rank: float
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentView:
    id: str
    hash: str
    date: str | None
    agency: str | None
    title: str | None
    source: str | None
    text: str
    events: list[dict[str, Any]] = field(default_factory=list)  # the output contract, flagged included

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- filters ------------------------------------------------------------------------------
def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name} {value!r}: not a date (use YYYY-MM-DD)") from None


def _actor_clause(store, col, country_col, code: str, known: set[str]):
    c = code.strip().upper()
    if not _CODE.match(c):
        raise QueryError(f"actor code {code!r}: not a CAMEO code (letters, as IRN or IRNGOV)")
    if not (any(k.startswith(c) for k in known) if len(c) == 3 else c in known):
        raise QueryError(f"unknown actor code {c!r}: no event in this store has it (see `rooydad actors`)")
    if len(c) == 3:
        return country_col == c  # IRN, IRNGOV, IRNMIL...: one equality the index serves
    return and_(country_col == c[:3], col == c)


def where(store, f: EventFilter) -> list:
    """The SQL conditions of a filter (validated: a bad one is a QueryError)."""
    conds = []
    if f.source or f.target:
        known = store.actor_codes()
        if f.source:
            conds.append(_actor_clause(store, E.source, E.source_country, f.source, known))
        if f.target:
            conds.append(_actor_clause(store, E.target, E.target_country, f.target, known))
    if f.root:
        if not re.fullmatch(r"\d{2}", f.root):
            raise QueryError(f"--root {f.root!r}: a CAMEO root is two digits, as 04")
        conds.append(E.root == f.root)
    if f.code:
        if not re.fullmatch(r"\d{2,4}", f.code):
            raise QueryError(f"--code {f.code!r}: a CAMEO code is digits, as 040")
        conds.append(E.cameo == f.code)
    since, until = _date(f.since, "--since"), _date(f.until, "--until")
    if since:
        conds.append(E.date >= since)
    if until:
        conds.append(E.date <= until)
    if f.doc_id:
        conds.append(E.doc_id == f.doc_id)
    if not f.include_flagged:
        conds.append(E.flagged.is_(False))
    return conds


# -- queries ------------------------------------------------------------------------------
_ROW_COLS = [E.id, E.doc_id, E.date, E.source, E.source_name, E.target, E.target_name, E.cameo, E.root,
             E.quad_class, E.goldstein, E.plover_type, E.plover_mode, E.evidence, E.rule, E.confidence,
             E.negated, E.modality, E.embedded]


def events(store, f: EventFilter = EventFilter(), limit: int | None = 100, offset: int = 0) -> list[EventRow]:
    """Events matching ``f``, by date then id; ``limit=None`` for all.

    >>> from rooydad.store import open_store
    >>> events(open_store(":memory:"), EventFilter(root="04"))
    []
    """
    q = select(*_ROW_COLS).where(*where(store, f)).order_by(E.date.asc().nulls_last(), E.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with store.read() as conn:
        return [EventRow(**r._mapping) for r in conn.execute(q)]


def count_events(store, f: EventFilter = EventFilter()) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(S.events).where(*where(store, f))).scalar_one()


def _period(store, by: str):
    if by not in PERIODS:
        raise QueryError(f"--by {by!r}: one of {', '.join(PERIODS)}")
    if by == "day":
        return E.date
    if by == "month":
        return func.substr(E.date, 1, 7)
    if by == "year":
        return func.substr(E.date, 1, 4)
    if store.dialect == "postgresql":  # weeks start on Monday, named by that Monday's date
        return func.to_char(func.date_trunc("week", cast(E.date, Date)), "YYYY-MM-DD")
    return func.date(E.date, "-6 days", "weekday 1")


def series(store, f: EventFilter = EventFilter(), by: str = "month") -> Series:
    """Event counts, mean Goldstein and counts per QuadClass for each period; undated left out.

    >>> from rooydad.store import open_store
    >>> series(open_store(":memory:"), by="year")
    Series(by='year', rows=[], undated=0)
    """
    period = _period(store, by).label("period")
    conds = where(store, f)
    quads = [func.sum(case((E.quad_class == i, 1), else_=0)).label(f"quad{i}") for i in (1, 2, 3, 4)]
    q = (
        select(period, func.count().label("events"), func.avg(E.goldstein).label("goldstein_mean"), *quads)
        .where(*conds, E.date.is_not(None))
        .group_by(period)
        .order_by(period)
    )
    with store.read() as conn:
        rows = [SeriesRow(r.period, r.events, round(float(r.goldstein_mean), 3), *(int(x or 0) for x in r[3:]))
                for r in conn.execute(q)]
        undated = conn.execute(select(func.count()).select_from(S.events).where(*conds, E.date.is_(None))).scalar_one()
    return Series(by, rows, undated)


def top_actors(store, n: int = 20, f: EventFilter = EventFilter()) -> list[ActorCount]:
    """The ``n`` most active actor codes (events as source plus as target), with both counts."""
    conds = where(store, f)
    counts: dict[str, list[int]] = {}
    with store.read() as conn:  # two index scans; merging a few hundred codes is cheaper here than a join
        for i, col in enumerate((E.source, E.target)):
            for code, k in conn.execute(select(col, func.count()).where(*conds).group_by(col)):
                counts.setdefault(code, [0, 0])[i] = k
        top = sorted(counts.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:n]
        codes = [c for c, _ in top]
        names = {r.code: r.name for r in conn.execute(select(S.actors.c.code, S.actors.c.name).where(S.actors.c.code.in_(codes)))}
    return [ActorCount(c, names.get(c), a, b) for c, (a, b) in top]


def search(store, q: str, limit: int = 20) -> list[SearchHit]:
    """Documents whose text holds every word of ``q`` in any spelling, best first, with a snippet
    of the original text (hits in ``[...]``).

    >>> from rooydad.store import open_store
    >>> search(open_store(":memory:"), "تحریم ها")
    []
    """
    terms = textindex.query_terms(q)
    if not terms:
        raise QueryError(f"search {q!r}: no words to look for")
    if store.dialect == "sqlite":
        sql, qq = textindex.SQLITE_SEARCH, textindex.fts5_query(terms)
    else:
        sql, qq = textindex.PG_SEARCH, textindex.pg_query(terms)
    rows = store.execute_text(sql, q=qq, limit=limit)
    return [SearchHit(r["id"], r["date"], r["agency"], r["title"], round(float(r["rank"]), 4), textindex.snippet(r["text"], terms))
            for r in rows]


def document(store, doc_id: str) -> DocumentView | None:
    """One stored document with all its events (output contract, flagged included)."""
    with store.read() as conn:
        d = conn.execute(select(S.documents).where(S.documents.c.id == doc_id)).first()
        if d is None:
            return None
        evs = conn.execute(select(E.json).where(E.doc_id == doc_id).order_by(E.seq)).scalars().all()
    return DocumentView(d.id, d.hash, d.date, d.agency, d.title, d.source, d.text, [json.loads(x) for x in evs])
