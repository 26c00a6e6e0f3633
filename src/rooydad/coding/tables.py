"""CAMEO code tables as data: names, Goldstein values, QuadClass and the PLOVER crosswalk."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


def is_symmetric(code: str) -> bool:
    """Meetings (04x), negotiation (046), agreements (057) and cooperation (061-064) have no
    direction: matched and merged whichever party comes first (DESIGN.md, Evaluation)."""
    return code.startswith("04") or code in ("046", "057", "061", "062", "063", "064")


def quad_class(code: str) -> int:
    """GDELT's QuadClass: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _read(name: str) -> str:
    return (resources.files("rooydad") / "data" / "tables" / name).read_text(encoding="utf-8")


def _tsv(name: str) -> dict[str, str]:
    rows = (line.split("\t", 1) for line in _read(name).splitlines()[1:] if "\t" in line)
    return {k.strip(): v.strip() for k, v in rows}


def _plover() -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for line in _read("cameo2plover.txt").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,#]*))?", line)
        if m and m.group(1) not in out:  # first line wins where a code is listed twice
            mode = (m.group(3) or "").strip() or None
            out[m.group(1)] = (m.group(2), mode)
    return out


@lru_cache(maxsize=1)
def code_table() -> dict[str, CodeInfo]:
    names, gold, plover = _tsv("cameo_eventcodes.tsv"), _tsv("cameo_goldstein.tsv"), _plover()
    table = {}
    for code, name in names.items():
        if len(code) < 2 or not code.isdigit():
            continue
        g = gold.get(code) or gold.get(code[:3]) or gold.get(code[:2]) or "0"
        ptype, pmode = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or (None, None)
        table[code] = CodeInfo(code, name, float(g), quad_class(code), ptype, pmode)
    return table


@lru_cache(maxsize=1)
def persian_names() -> dict[str, str]:
    """Persian names of the roots and common codes (cameo_fa.tsv)."""
    rows = (line.split("\t", 1) for line in _read("cameo_fa.tsv").splitlines() if "\t" in line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in rows if k.strip() != "code"}


def info(code: str) -> CodeInfo:
    """Everything known about a CAMEO code; ``KeyError`` for an unknown one."""
    return code_table()[code]
