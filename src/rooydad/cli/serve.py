"""`rooydad serve`: the HTTP API and dashboard over a store (the bundled sample by default)."""

from __future__ import annotations

import sys
import tempfile

import click

from .app import cli


def _sample_store() -> str:
    """A throwaway store holding the coded reference article (DESIGN.md: serve with no --db)."""
    from ..ingest import read
    from ..pipeline import code_document, load_dictionaries
    from ..store import open_store
    from . import sample_path

    path = tempfile.mkdtemp(prefix="rooydad-sample-") + "/sample.db"
    store = open_store(path)
    d = load_dictionaries()
    for doc in read([sample_path()]):
        store.write(code_document(doc, d))
    store.close()
    return path


@cli.command()
@click.option("--db", default=None, help="Store to serve (SQLite path or URL). Default: the bundled sample article.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--get", "get_path", default=None, metavar="PATH", help="Send one GET request through the app in-process, print the body, exit 0 on 200 else 1.")
def serve(db, host, port, get_path):
    """Serve the JSON API (/api/..., docs at /docs) and the Persian dashboard (/)."""
    from ..web import create_app

    app = create_app(db or _sample_store())
    if get_path:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        with TestClient(app) as client:
            r = client.get(get_path)
        click.echo(r.text)
        sys.exit(0 if r.status_code == 200 else 1)
    import uvicorn

    click.echo(f"rooydad: serving {db or 'the bundled sample'} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
