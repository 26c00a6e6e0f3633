"""The store queries the views call (filled in against rooydad.store's query functions)."""

from __future__ import annotations
