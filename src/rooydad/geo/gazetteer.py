"""The place gazetteer: Persian names to places, read from ``data/geo/places.yaml``.

Names are matched on their matching keys (``text.key_phrase``), so Arabic letter forms, digits
and half-spaces do not matter. One name may name several places (``طرابلس``: Tripoli in Libya and
in Lebanon); the caller chooses among them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import DictionaryError
from ..text.chars import key_phrase

KINDS = ("country", "capital", "city", "province", "region")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry; ``lat``/``lon`` are None for a country (no single point stands for it)."""

    name: str
    country: str | None
    kind: str
    lat: float | None
    lon: float | None
    names: tuple[str, ...]
    population: int = 0
    source: str = ""


class Gazetteer:
    """Places by the matching keys of their Persian names."""

    def __init__(self, places: list[Place]):
        self.places = places
        self.by_key: dict[tuple[str, ...], list[Place]] = defaultdict(list)
        for p in places:
            for n in p.names:
                k = key_phrase(n)
                if k and p not in self.by_key[k]:
                    self.by_key[k].append(p)
        self.longest = max((len(k) for k in self.by_key), default=0)

    def match(self, keys: list[str], i: int) -> tuple[int, list[Place]]:
        """The longest name starting at ``keys[i]``: (number of words, its places), or (0, [])."""
        for n in range(min(self.longest, len(keys) - i), 0, -1):
            hit = self.by_key.get(tuple(keys[i : i + n]))
            if hit:
                return n, hit
        return 0, []


def _place(row: dict, path: str, n: int) -> Place:
    try:
        names = tuple(str(x) for x in row["names"])
        kind = row["kind"]
        if kind not in KINDS or not names:
            raise ValueError(f"kind must be one of {', '.join(KINDS)} and names not empty")
        lat, lon = row.get("lat"), row.get("lon")
        return Place(str(row["name"]), row.get("country"), kind, None if lat is None else float(lat),
                     None if lon is None else float(lon), names, int(row.get("population") or 0), str(row.get("source") or ""))
    except (KeyError, TypeError, ValueError) as e:
        raise DictionaryError(path, None, f"place #{n}: {e}", str(row.get("name") if isinstance(row, dict) else row)) from None


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer from ``path`` (the package's ``data/geo/places.yaml`` by default, loaded once)."""
    if path is None:
        return _default()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster on 10,000 lines
    with open(path, encoding="utf-8") as fh:
        try:
            rows = yaml.load(fh.read(), Loader=loader) or []
        except yaml.YAMLError as e:
            raise DictionaryError(str(path), None, f"not valid YAML ({e})") from None
    return Gazetteer([_place(r, str(path), i) for i, r in enumerate(rows, 1)])


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return load_gazetteer(str(resources.files("rooydad") / "data" / "geo" / "places.yaml"))
