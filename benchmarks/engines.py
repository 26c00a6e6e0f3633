"""Engines over the whole corpus: articles/s, speed-up and peak memory, local vs Dask, 1..N workers.

Each run is ``run_lake`` (read → code → Parquet lake, the ``rooydad run`` path) into a fresh
temporary directory. Memory is sampled every 0.2 s with psutil over this process and every
process below it (pool workers, the forkserver, Dask nannies and workers): "peak worker" is the
largest RSS any single child reached, "peak total" the largest sum. ``--copies K`` feeds the
corpus K times in a row (ids repeat; fine for timing) to show memory does not grow with input.

Run: python benchmarks/engines.py [CORPUS] [--workers 1 2] [--engines local dask] [--copies 1]
Figures are printed, not asserted. Load from other processes on the machine skews wall-clock
figures: the 1-minute load average before each run is printed beside it, and "art/cpu-s"
(articles per CPU-second over all processes of the run) is the per-core figure load cannot skew.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from rooydad.engine.lake import run_lake

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl.gz"


class MemorySampler(threading.Thread):
    """Peak RSS of this process, of the largest single descendant, and of all together."""

    def __init__(self, every: float = 0.2):
        super().__init__(daemon=True)
        self.every, self.me = every, psutil.Process()
        self.peak_self = self.peak_child = self.peak_total = 0
        self.cpu: dict[int, float] = {}  # pid → last seen user+sys seconds
        self.cpu0 = sum(self.me.cpu_times()[:2])
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            kids = []
            for p in self.me.children(recursive=True):
                try:
                    kids.append(p.memory_info().rss)
                    self.cpu[p.pid] = sum(p.cpu_times()[:2])
                except psutil.Error:
                    pass
            mine = self.me.memory_info().rss
            self.peak_self = max(self.peak_self, mine)
            self.peak_child = max([self.peak_child, *kids])
            self.peak_total = max(self.peak_total, mine + sum(kids))
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    @property
    def cpu_seconds(self) -> float:
        """CPU time of this process and every descendant seen (up to its last sample)."""
        return sum(self.me.cpu_times()[:2]) - self.cpu0 + sum(self.cpu.values())


@dataclass
class Row:
    engine: str
    workers: int
    copies: int
    articles: int
    seconds: float
    events: int
    rejected: int
    peak_self_mb: float
    peak_worker_mb: float
    peak_total_mb: float
    load: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def one_run(corpus: str, engine: str, workers: int, copies: int, chunk_size: int) -> Row:
    out = Path(tempfile.mkdtemp(prefix=f"rooydad-bench-{engine}{workers}-"))
    load = os.getloadavg()[0]
    sampler = MemorySampler()
    sampler.start()
    t0 = time.perf_counter()
    try:
        s = run_lake([corpus] * copies, out, engine=engine, workers=workers, chunk_size=chunk_size)
    finally:
        secs = time.perf_counter() - t0
        sampler.stop()
        shutil.rmtree(out, ignore_errors=True)
    mb = 1024 * 1024
    return Row(engine, workers, copies, s.coded, secs, s.events, s.rejected, sampler.peak_self / mb, sampler.peak_child / mb, sampler.peak_total / mb, load, sampler.cpu_seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    ap.add_argument("--copies", type=int, nargs="+", default=[1], help="corpus repeated K times (e.g. 1 4)")
    ap.add_argument("--chunk-size", type=int, default=500)
    args = ap.parse_args()

    rows: list[Row] = []
    print(f"corpus {args.corpus}, {os.cpu_count()} cores, chunk size {args.chunk_size}", flush=True)
    for copies in args.copies:
        for engine in args.engines:
            for w in args.workers:
                r = one_run(args.corpus, engine, w, copies, args.chunk_size)
                print(
                    f"  done {engine} ×{w} copies={copies}: {r.articles:,} articles in {r.seconds:.1f}s, {r.rate:.0f}/s, "
                    f"{r.articles / r.cpu:.0f}/cpu-s, peak MB driver {r.peak_self_mb:.0f} worker {r.peak_worker_mb:.0f} total {r.peak_total_mb:.0f}",
                    flush=True,
                )
                rows.append(r)

    base = {(r.engine, r.copies): r.rate for r in rows if r.workers == 1}
    local = {(r.workers, r.copies): r.rate for r in rows if r.engine == "local"}
    head = f"{'engine':<7}{'workers':>8}{'copies':>7}{'articles':>10}{'seconds':>9}{'art/s':>8}{'speed-up':>9}{'vs local':>9}{'events':>8}{'peak driver MB':>15}{'peak worker MB':>15}{'peak total MB':>14}{'cpu s':>7}{'art/cpu-s':>10}{'load':>6}"
    print("\n" + head + "\n" + "-" * len(head))
    for r in rows:
        up = r.rate / base[(r.engine, r.copies)] if (r.engine, r.copies) in base else float("nan")
        vs = r.rate / local[(r.workers, r.copies)] if (r.workers, r.copies) in local else float("nan")
        print(
            f"{r.engine:<7}{r.workers:>8}{r.copies:>7}{r.articles:>10,}{r.seconds:>9.1f}{r.rate:>8.0f}{up:>9.2f}{vs:>9.2f}"
            f"{r.events:>8,}{r.peak_self_mb:>15.0f}{r.peak_worker_mb:>15.0f}{r.peak_total_mb:>14.0f}{r.cpu:>7.0f}{r.articles / r.cpu:>10.0f}{r.load:>6.1f}"
        )


if __name__ == "__main__":
    main()
