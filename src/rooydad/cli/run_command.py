"""``rooydad run``: code whole inputs into a resumable Parquet lake on a local or Dask engine."""

from __future__ import annotations

import sys

import click

from .app import cli


def _progress_bar():
    """A rich bar with documents/s and ETA on stderr (only when it is a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .progress import _Rate

    return Progress(
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )


@cli.command(name="run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Lake directory: events/, documents/ (year=YYYY/month=MM/), rejects.jsonl.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="local: worker processes on this machine; dask: a Dask cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (local, or a LocalCluster for dask). Default: every core.")
@click.option("--scheduler", default=None, metavar="ADDR", help="An existing dask.distributed scheduler (tcp://host:8786); default: start a LocalCluster.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=500, show_default=True, help="Documents per chunk: the unit of work, of files and of resuming.")
@click.option("--on-error", type=click.Choice(["skip", "stop"]), default="skip", show_default=True, help="skip: count and log bad records, go on; stop: end the run at the first.")
def run_(inputs, out, engine, workers, scheduler, chunk_size, on_error):
    """Code INPUT files into a Parquet lake; run it again on the same --out to resume.

    INPUTS are .jsonl/.jsonl.gz files, .txt articles or directories. A bad record never stops the
    run (unless --on-error stop): it is logged with its file and line and kept in
    OUT/rejects.jsonl. Killed half-way, the same command codes only the chunks not yet done.
    """
    from ..engine.lake import count_records, run_lake

    def log(line: str) -> None:
        click.echo(f"rooydad: {line}", err=True)

    def on_engine(eng) -> None:
        if engine == "dask":
            click.echo(f"rooydad: Dask dashboard: {eng.dashboard}", err=True)

    if engine != "local" or not sys.stderr.isatty():
        summary = run_lake(inputs, out, engine, workers, scheduler, chunk_size, on_error, log=log, on_engine=on_engine)
    else:
        with _progress_bar() as bar:
            task = bar.add_task("coding", total=count_records(inputs))
            summary = run_lake(inputs, out, engine, workers, scheduler, chunk_size, on_error, log=log, on_engine=on_engine, progress=lambda n: bar.advance(task, n))
    click.echo(f"rooydad: {summary.engine}", err=True)
    click.echo(f"rooydad: {summary.line()}; lake at {out}", err=True)
