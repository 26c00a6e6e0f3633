"""The cluster engine: the same batches, run by Dask's distributed scheduler.

``scheduler="tcp://host:8786"`` joins an existing ``dask.distributed`` cluster (its workers
need rooydad installed); without one a ``LocalCluster`` of ``workers`` single-threaded
processes is started and closed with the engine. Dask schedules; rooydad only keeps at most
``max_inflight`` batches submitted, so the driver's memory stays flat, and takes results in
input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from ..errors import EngineError
from .base import default_workers, warm_up


class DaskEngine:
    """Batches as Dask tasks on a cluster (``scheduler``) or a LocalCluster of ``workers`` processes."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None, processes: bool = True, max_inflight: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:  # pragma: no cover - dask is a declared dependency
            raise EngineError(f"the dask engine needs dask[distributed] ({e})") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="20s")
            else:
                n = max(1, workers or default_workers())
                self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=":0")
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as e:
            self.close()
            raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {e}") from None
        self._client.run(warm_up)  # every worker loads the dictionaries once, up front
        self.workers = len(self._client.scheduler_info().get("workers", {})) or 1
        self.max_inflight = max_inflight or 2 * self.workers

    @property
    def dashboard(self) -> str | None:
        """The Dask dashboard address (served when bokeh is installed)."""
        import importlib.util

        link = getattr(self._client, "dashboard_link", None)
        if link and self._cluster is not None and importlib.util.find_spec("bokeh") is None:
            return f"{link} (pip install bokeh to serve it)"
        return link

    def describe(self) -> str:
        where = self._client.scheduler.address if self._client else "?"
        return f"dask engine, {self.workers} worker(s) at {where}; dashboard {self.dashboard}"

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def imap(self, fn: Callable, items: Iterable) -> Iterator:
        window: deque = deque()
        try:
            for item in items:
                window.append(self._client.submit(fn, item, pure=False))
                if len(window) >= self.max_inflight:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for f in window:
                f.cancel()

    def close(self) -> None:
        client, cluster = getattr(self, "_client", None), self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
