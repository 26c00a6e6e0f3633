"""Validation of query parameters: every bad value is a 400 that names its parameter."""

from __future__ import annotations

import datetime as dt
import re

from ..actors.dictionary import AGENT_CODES, load_actor_dictionary
from ..coding.tables import code_table
from .errors import BadRequest

MAX_LIMIT = 500
_ACTOR = re.compile(r"^[A-Z]{3,12}$")


def date_param(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadRequest(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def root_param(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not (len(value) == 2 and value.isdigit() and 1 <= int(value) <= 20):
        raise BadRequest(f"{name}: {value!r} is not a CAMEO root (01-20)")
    return value


def code_param(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in code_table():
        raise BadRequest(f"{name}: {value!r} is not a CAMEO event code")
    return value


def actor_param(name: str, value: str | None) -> str | None:
    """A known country/IGO code, optionally with an agent: IRN matches IRN*, IRNGOV exactly."""
    if value in (None, ""):
        return None
    value = value.upper()
    known = load_actor_dictionary().countries
    head = next((k for k in sorted(known, key=len, reverse=True) if value.startswith(k)), None)
    rest = value[len(head) :] if head else None
    if not _ACTOR.match(value) or head is None or (rest and rest not in AGENT_CODES):
        raise BadRequest(f"{name}: {value!r} is not a known actor code (e.g. IRN, IRNGOV, IGOUNO)")
    return value


def int_param(name: str, value: str | None, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except ValueError:
        raise BadRequest(f"{name}: {value!r} is not a whole number") from None
    if not lo <= n <= hi:
        raise BadRequest(f"{name}: {n} is out of range ({lo}-{hi})")
    return n


def choice_param(name: str, value: str | None, choices: tuple[str, ...], default: str) -> str:
    if value in (None, ""):
        return default
    if value not in choices:
        raise BadRequest(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value
