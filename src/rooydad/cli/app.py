"""The click group the commands attach to."""

from __future__ import annotations

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="rooydad")
def cli() -> None:
    """rooydad (رویداد): Persian news to coded political event data (CAMEO, PLOVER).

    Start with `rooydad code` (codes the bundled reference article), then
    `rooydad code FILE.jsonl.gz --format jsonl`, `rooydad ingest PATH --db events.db`,
    `rooydad eval GOLD.jsonl`, `rooydad explain "جمله"`.
    """
