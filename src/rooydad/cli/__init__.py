"""The ``rooydad`` command: argument handling only; every library error is one clear line."""

from __future__ import annotations

import sys
from importlib import resources

import click

from ..errors import RooydadError
from . import commands  # noqa: F401  (registers the commands)
from . import coverage  # noqa: F401
from . import store_commands  # noqa: F401
from . import sources  # noqa: F401
from . import serve  # noqa: F401
from . import run_command  # noqa: F401
from .app import cli


def sample_path() -> str:
    return str(resources.files("rooydad") / "data" / "sample" / "reference.txt")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except RooydadError as e:  # library errors are user-facing: one line, no traceback
        click.echo(f"Error: {e}", err=True)
        sys.exit(1)


__all__ = ["cli", "main", "sample_path"]
