"""Where coded documents are kept: SQLite (embedded default) or PostgreSQL behind one Store.

``open_store(url)`` opens (creating or upgrading) a store; :mod:`.ingest` writes coded
documents to it in batches; :mod:`.queries` answers the CLI's and the web API's questions;
:mod:`.export` writes GDELT-like CSV, PLOVER JSON and a Parquet lake.
"""

from .base import Store, open_store

__all__ = ["Store", "open_store"]
