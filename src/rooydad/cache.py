"""An on-disk cache of built dictionaries, keyed on their source files, so start-up stays fast.

Parsing thousands of YAML entries and conjugating every frame takes seconds; unpickling the
result takes milliseconds. The key covers rooydad's version and every source file's path, size
and modification time, so an edited dictionary is rebuilt. Any cache failure just rebuilds.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> Path:
    base = os.environ.get("ROOYDAD_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rooydad")
    return Path(base)


def _key(name: str, files: Iterable[Path]) -> str:
    """Source files plus the code that builds from them: a changed builder is a new key."""
    from . import __version__

    h = hashlib.sha1(f"{name}:{__version__}:{FORMAT}".encode())
    here = Path(__file__).parent
    code = [here / "text" / "chars.py", here / "text" / "phrases.py", *(here / "actors").glob("*.py"), *(here / "coding").glob("*.py")]
    for f in sorted([*files, *code]):
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def cached(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when the source ``files`` are unchanged."""
    if os.environ.get("ROOYDAD_NO_CACHE"):
        return build()
    try:
        path = cache_dir() / f"{name}-{_key(name, list(files))}.pickle"
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except (OSError, pickle.PickleError, NameError):
        pass
    return value
