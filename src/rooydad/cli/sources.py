"""Commands for sources and stories: watch (poll feeds into a store), stories; the ``--map`` option."""

from __future__ import annotations

import sys
import time

import click

from ..errors import InputError
from .app import cli


def _set_map(ctx, param, value):
    from ..ingest.csvfile import parse_mapping, use_columns

    try:
        use_columns(parse_mapping(value))
    except InputError as e:
        raise click.BadParameter(e.reason) from None
    return value


#: ``--map text=body,date=published``: CSV/TSV column names for the document fields.
map_option = click.option(
    "--map", "column_map", default=None, expose_value=False, callback=_set_map, metavar="FIELD=COLUMN,...",
    help="CSV/TSV columns for the fields id, date, agency, title, text, source (default: the same names).",
)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", required=True, help="Store to write to (SQLite file or sqlite:///path).")
@click.option("--every", default="10m", show_default=True, help="Time between passes: 30s, 10m, 1h.")
@click.option("--once", is_flag=True, help="One pass, then exit.")
def watch(feeds, db, every, once):
    """Poll RSS/Atom FEEDS (URLs or files), code new items and store them.

    A feed that fails (unreachable, not a feed) is logged and the others go on.
    """
    from ..store import open_store
    from ..watch import parse_interval, poll

    try:
        interval = parse_interval(every)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--every") from None
    store = open_store(db)
    try:
        while True:
            rep = poll(feeds, store, log=lambda m: click.echo(m, err=True))
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            click.echo(f"{stamp} {rep.new} new, {rep.changed} changed, {rep.unchanged} unchanged, "
                       f"{len(rep.errors)} error(s), {len(rep.failed_feeds)} of {len(feeds)} feed(s) failed", err=True)
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
    if once and rep.failed_feeds and len(rep.failed_feeds) == len(set(feeds)):
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--threshold", default=0.8, show_default=True, type=click.FloatRange(0.05, 1.0), help="Word 3-gram Jaccard at which two articles are one story.")
@click.option("--top", default=10, show_default=True, help="How many of the largest stories to list.")
@click.option("--events", "with_events", is_flag=True, help="Code the articles and print one JSON line per story event (num_articles, num_sources) instead.")
@map_option
def stories(paths, threshold, top, with_events):
    """Group articles into stories (near-duplicates across agencies) and print a summary.

    With --events, every event reported in a story's articles is printed once, GDELT-style.
    """
    from ..stories import find_stories, story_events, summarize
    from .progress import Tally, documents

    tally = Tally()
    docs = {d.id: d for d in documents(paths, tally)}
    st = find_stories(docs.values(), threshold)
    if with_events:
        import json

        from ..pipeline import code_document, load_dictionaries

        d = load_dictionaries()
        coded = (code_document(doc, d) for doc in docs.values())
        for ev in story_events(coded, st):
            if not ev.event.flagged:
                click.echo(json.dumps(ev.to_dict(), ensure_ascii=False))
        if tally.failed:
            sys.exit(1)
        return
    s = summarize(st, {i: d.agency for i, d in docs.items()})
    click.echo(f"{s.documents} documents, {s.stories} stories ({s.multi_article} of two articles or more, {s.cross_agency} across agencies)")
    biggest = sorted(st.members.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
    for sid, ids in biggest:
        if len(ids) < 2:
            break
        agencies = sorted({docs[i].agency or "?" for i in ids})
        first = docs[ids[0]]
        click.echo(f"{len(ids):>5}  {sid}  {first.date or '—'}  {', '.join(agencies)}  {(first.title or first.text)[:70]}")
    if tally.failed:
        click.echo(f"rooydad: {tally.failed} record(s) could not be read", err=True)
        sys.exit(1)
