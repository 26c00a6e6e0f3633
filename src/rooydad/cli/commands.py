"""The commands: code, ingest, normalize, eval, explain."""

from __future__ import annotations

import json
import sys

import click

from ..model import CodedDocument
from ..pipeline import code_document, load_dictionaries
from .app import cli
from .progress import Tally, documents
from .sources import map_option


def _sample() -> list[str]:
    from . import sample_path

    return [sample_path()]


def _code_all(paths, tally: Tally, workers: int | None = None):
    """Coded documents in input order, on ``workers`` processes (default: every core)."""
    yield from _code_all_docs(documents(paths, tally), tally, workers)


def _code_all_docs(docs, tally: Tally, workers: int | None):
    from ..engine import run

    def failed(f) -> None:
        tally.failed += 1
        click.echo(f"rooydad: {f}", err=True)

    yield from run(docs, workers=workers, on_failure=failed)


def _table(coded: CodedDocument, include_flagged: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{coded.document.id}  {coded.document.date or ''}  {coded.document.agency or ''}")
    for col in ("source", "cameo", "target", "date", "rule", "evidence"):
        t.add_column(col)
    for e in coded.visible_events(include_flagged):
        flag = " (negated)" if e.negated else f" ({e.modality})" if e.modality else " (embedded)" if e.embedded else ""
        t.add_row(e.source.code, e.cameo + flag, e.target.code, e.date or "—", e.rule, e.evidence[:90])
    Console().print(t)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True, help="jsonl: one JSON object per document (the output contract); table: for people.")
@click.option("--include-flagged", is_flag=True, help="Also show negated, planned and hypothetical events (never counted).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: every core; 1 codes in this process).")
@map_option
def code(paths, fmt, include_flagged, workers):
    """Code documents into events and print them.

    PATHS are .txt articles (the reference layout), .jsonl or .jsonl.gz files, directories
    (walked recursively) or - for standard input. With no PATH, the bundled reference article.
    """
    tally = Tally()
    out = sys.stdout
    n = 0
    for coded in _code_all(paths or _sample(), tally, workers):
        n += 1
        if fmt == "jsonl":
            out.write(json.dumps(coded.to_dict(include_flagged), ensure_ascii=False) + "\n")
        else:
            _table(coded, include_flagged)
    if tally.failed:
        click.echo(f"rooydad: {tally.failed} record(s) could not be read or coded; {n} coded", err=True)
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="rooydad.db", show_default=True, help="Store: SQLite file, sqlite:///path or postgresql://user@host/db.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes coding (default: every core); one process writes.")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True, help="Documents per write transaction.")
@map_option
def ingest(paths, db, workers, batch_size):
    """Code documents and store them; a document already stored unchanged is skipped.

    Writes in batched transactions: an interrupted run is completed by running it again.
    """
    from ..store import open_store
    from ..store.ingest import ingest_documents

    tally = Tally()
    with open_store(db) as store:
        s = ingest_documents(store, documents(paths, tally), lambda docs: _code_all_docs(docs, tally, workers), batch_size)
        docs, events = store.counts()
    click.echo(f"{s.added} added, {s.replaced} replaced, {s.unchanged} unchanged, {tally.failed} failed; store holds {docs} documents, {events} events", err=True)
    if tally.failed:
        sys.exit(1)


@cli.command()
@click.option("--matching", is_flag=True, help="Print the matching form (digits unified, hamza and diacritics folded, no half-spaces).")
def normalize(matching):
    """Normalize Persian text from standard input to standard output."""
    from ..text.normalize import normalize_display, normalize_matching

    text = sys.stdin.read()
    sys.stdout.write(normalize_matching(text) if matching else normalize_display(text))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "show_errors", is_flag=True, help="List every false positive and false negative with its evidence.")
def eval_(gold, show_errors):
    """Score the coder against a gold file (precision, recall, F1 at country, root and code level)."""
    from ..coding.evaluate import LEVELS, Report, Triple
    from ..errors import InputError
    from ..ingest.jsonl import parse_lines

    report = Report()
    d = load_dictionaries()
    with open(gold, encoding="utf-8") as fh:
        lines = fh.readlines()
    failures = []
    for doc, line in zip(parse_lines(lines, gold, failures.append), (json.loads(x) for x in lines if x.strip())):
        g = [Triple(e["source"], e["cameo"], e["target"], e.get("evidence", "")) for e in line.get("events", [])]
        coded = code_document(doc, d)
        p = [Triple(e.source.code, e.cameo, e.target.code, e.evidence) for e in coded.events if not e.flagged]
        report.add(doc.id, g, p)
    for f in failures:
        click.echo(f"rooydad: {f}", err=True)
    if show_errors:
        for doc_id, kind, t in report.errors:
            click.echo(f"{kind}  {doc_id}  {t.source} {t.cameo} {t.target}  | {t.evidence[:160]}")
        click.echo("")
        click.echo("most frequent error kinds: " + ", ".join(f"{k} ×{n}" for k, n in report.error_kinds().most_common(10)))
        click.echo("")
    click.echo(f"{'root':<6}{'gold':>6}{'pred':>6}{'match':>7}")
    for root in sorted(report.per_root):
        s = report.per_root[root]
        click.echo(f"{root:<6}{s.gold:>6}{s.predicted:>6}{s.matched:>7}")
    click.echo("")
    click.echo(f"{'level':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}{'match':>7}")
    for lv in LEVELS:
        s = report.levels[lv]
        click.echo(f"{lv:<9}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.gold:>6}{s.predicted:>6}{s.matched:>7}")
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("sentence")
@click.option("--date", default=None, help="Dateline (YYYY-MM-DD) to resolve roles and weekdays against.")
def explain(sentence, date):
    """Code one sentence and show each step: tokens, actors, the frame that fired and why."""
    from ..explain import explain_text

    click.echo(explain_text(sentence, date))
