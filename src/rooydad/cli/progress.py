"""Reading input with errors reported one line each and a progress bar on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..errors import InputError
from ..ingest import read
from ..model import Document


@dataclass
class Tally:
    read: int = 0
    failed: int = 0

    def on_error(self, err: InputError) -> None:
        self.failed += 1
        click.echo(f"rooydad: {err}", err=True)


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:,.0f} docs/s" if task.speed else "")


def documents(paths: Iterable[str], tally: Tally, progress: bool = True) -> Iterator[Document]:
    """Documents of ``paths``; a bar (documents/s) on stderr when it is a terminal."""
    docs = read(paths, tally.on_error)
    if not (progress and sys.stderr.isatty()):
        for d in docs:
            tally.read += 1
            yield d
        return
    columns = (SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("coding", total=None)
        for d in docs:
            tally.read += 1
            yield d
            bar.advance(task)
