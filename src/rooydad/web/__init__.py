"""The HTTP API and the analyst's dashboard (`rooydad serve`). Holds no pipeline logic."""

from .app import create_app

__all__ = ["create_app"]
