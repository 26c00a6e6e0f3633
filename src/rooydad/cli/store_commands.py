"""Store commands: search, events, series, actors, export. Argument handling only: the
questions themselves are :mod:`rooydad.store.queries` (the web API asks the same ones)."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Sequence

import click

from ..errors import RooydadError
from .app import cli


def one_line_errors(f):
    """Library errors become click's one-line ``Error: ...`` and exit 1, never a traceback."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except RooydadError as e:
            raise click.ClickException(str(e)) from None

    return wrapper

db_option = click.option("--db", default="rooydad.db", show_default=True, help="Store: SQLite file, sqlite:///path or postgresql://user@host/db.")
FORMATS = ("table", "csv", "json")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="table for people, csv or json for programs.")


def _open(db: str):
    from ..store import open_store

    return open_store(db)


def _print(rows: Sequence[dict], columns: Sequence[str], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=title)
        for c in columns:
            t.add_column(c)
        for r in rows:
            t.add_row(*("—" if r.get(c) is None else str(r.get(c)) for c in columns))
        Console(width=200).print(t)


def filter_options(f):
    for opt in reversed([
        click.option("--source", help="Source actor: IRN matches IRN, IRNGOV, ...; IRNGOV matches exactly."),
        click.option("--target", help="Target actor, as --source."),
        click.option("--root", help="CAMEO root, two digits (04)."),
        click.option("--code", help="Full CAMEO code (040)."),
        click.option("--since", help="First event date, YYYY-MM-DD (inclusive)."),
        click.option("--until", help="Last event date, YYYY-MM-DD (inclusive)."),
        click.option("--include-flagged", is_flag=True, help="Also negated, planned and hypothetical events."),
    ]):
        f = opt(f)
    return f


@cli.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
@format_option
@one_line_errors
def search(query, limit, db, fmt):
    """Full-text search of the stored articles, whatever their half-spaces, letter forms or digits.

    Every word must occur; best matches first, with the words found marked [like this].
    """
    from ..store.queries import search as run

    with _open(db) as store:
        hits = [h.to_dict() for h in run(store, query, limit)]
    _print(hits, ["doc_id", "date", "agency", "rank", "snippet"], fmt, f"{len(hits)} document(s)")


@cli.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="0 for all.")
@click.option("--offset", type=click.IntRange(min=0), default=0)
@db_option
@format_option
@one_line_errors
def events(source, target, root, code, since, until, include_flagged, limit, offset, db, fmt):
    """Stored events matching the filters, by date."""
    from ..store import queries as Q

    f = Q.EventFilter(source, target, root, code, since, until, include_flagged=include_flagged)
    with _open(db) as store:
        rows = [r.to_dict() for r in Q.events(store, f, limit or None, offset)]
    cols = ["date", "source", "cameo", "target", "goldstein", "doc_id", "evidence"]
    if fmt != "table":
        cols = list(rows[0]) if rows else cols
    _print(rows, cols, fmt)


@cli.command()
@click.option("--dyad", help="SOURCE:TARGET, as IRN:USA (each code as in --source).")
@filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@db_option
@format_option
@one_line_errors
def series(dyad, source, target, root, code, since, until, include_flagged, by, db, fmt):
    """Event counts, mean Goldstein and counts per QuadClass over time (undated events left out)."""
    from ..store import queries as Q

    f = Q.EventFilter(source, target, root, code, since, until, include_flagged=include_flagged)
    if dyad:
        d = Q.EventFilter.dyad(dyad)
        f = Q.EventFilter(d.source, d.target, root, code, since, until, include_flagged=include_flagged)
    with _open(db) as store:
        s = Q.series(store, f, by)
    _print([r.to_dict() for r in s.rows], ["period", "events", "goldstein_mean", "quad1", "quad2", "quad3", "quad4"], fmt)
    if s.undated:
        click.echo(f"note: {s.undated} matching event(s) without a date left out", err=True)


@cli.command(name="actors")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@db_option
@format_option
@one_line_errors
def actors(top, since, until, db, fmt):
    """The most active actors in the store: events as source and as target."""
    from ..store import queries as Q

    with _open(db) as store:
        rows = [a.to_dict() for a in Q.top_actors(store, top, Q.EventFilter(since=since, until=until))]
    _print(rows, ["code", "name", "as_source", "as_target", "total"], fmt)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["gdelt-csv", "plover-json", "parquet"]), required=True,
              help="gdelt-csv: GDELT-2.0-like columns (README); plover-json: PLOVER records, one per line; parquet: a year/month partitioned lake.")
@click.option("--out", required=True, help="File to write (- for standard output); a directory for parquet.")
@click.option("--include-flagged", is_flag=True, help="Also negated, planned and hypothetical events.")
@db_option
@one_line_errors
def export(fmt, out, include_flagged, db):
    """Export the stored events for other tools."""
    from ..store.export import export as run
    from ..store.queries import EventFilter

    with _open(db) as store:
        c = run(store, fmt, out, EventFilter(include_flagged=include_flagged))
    extra = f" from {c.documents} documents" if c.documents else ""
    click.echo(f"{c.events} events{extra} written to {out}", err=True)
