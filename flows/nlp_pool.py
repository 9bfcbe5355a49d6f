"""The NLP worker pool: processes that each load the model once and run ``write_batch_data``.

Kept apart from ``flows.batch`` and light to import (no spaCy, no Prefect): ``newsdesk run``
starts the pool first thing, so the workers load the model while the main process imports the
flow and Prefect's server starts. The workers import ``flows.batch`` themselves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.batch import BatchResult

# NLP worker processes: one model copy (~0.3 GB) each; 1 runs the model in the flow's process
DEFAULT_NLP_WORKERS = min(4, os.cpu_count() or 1)
# The workers are the parallelism: one BLAS thread each. numpy's bundled OpenBLAS, which makes the
# model's matrix products (flows/model_blas.py), otherwise starts a thread per core in every
# worker, and its threads spin on the model's small matrices (with BLIS: one process parsing
# alone used 12 % less CPU with one thread; two workers 2 %). Set in this
# process's environment before the workers are spawned, which they inherit; a value the user
# set is kept.
# (not OMP_NUM_THREADS: pyarrow sizes its own thread pool by it)
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _load_worker() -> None:
    """Pool initializer: the model and the lookup tables, once per worker process."""
    from flows.nlp import load_nlp
    from flows.resources import load_resources

    load_nlp()
    load_resources()


def _ready() -> bool:
    return True


def _write_batch_data(
    spool_path: Path, data_dir: str, run_id: str, version: str, nlp_batch_size: int
) -> BatchResult:
    from flows.batch import write_batch_data

    return write_batch_data(spool_path, data_dir, run_id, version, nlp_batch_size)


class NlpPool:
    """Worker processes that each load the model once and run ``write_batch_data``. Submitted
    batches are keyed by spool path; the flow's ``process-batch`` task takes the result and commits.
    Spawned (not forked): the flow's process has Prefect's threads and event loop."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        for variable in BLAS_THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker,
        )
        self.pending: dict[str, Future[BatchResult]] = {}
        # start every worker now so the model loads while the caller does other work
        self._warm = [self.executor.submit(_ready) for _ in range(workers)]

    def submit(
        self, spool_path: str, data_dir: str, run_id: str, version: str, nlp_batch_size: int
    ) -> None:
        # the data dir as a string (a path or URL): the worker opens its filesystem itself
        self.pending[spool_path] = self.executor.submit(
            _write_batch_data, Path(spool_path), data_dir, run_id, version, nlp_batch_size
        )

    @property
    def in_flight(self) -> int:
        """Batches kept submitted ahead: one more than the workers, so none idles while the
        flow commits, and memory stays bounded."""
        return self.workers + 1

    def is_pending(self, spool_path: str) -> bool:
        return spool_path in self.pending

    def take(self, spool_path: str) -> Future[BatchResult] | None:
        return self.pending.pop(spool_path, None)

    def shutdown(self, wait: bool = True) -> None:
        """Drops queued batches; ``wait``: returns once running ones ended and the workers exited
        (no worker writes after the caller releases its lock). Without it the workers exit in the
        background, which is safe only when no batch is running."""
        self.pending.clear()
        self.executor.shutdown(wait=wait, cancel_futures=True)


_pool: NlpPool | None = None


def start_pool(workers: int) -> NlpPool | None:
    """The process's pool of ``workers`` NLP processes (started once); ``None`` for 1 worker:
    batches then run in the calling process."""
    global _pool
    if workers <= 1:
        return None
    if _pool is not None and _pool.workers != workers:
        stop_pool()
    if _pool is None:
        _pool = NlpPool(workers)
    return _pool


def current_pool() -> NlpPool | None:
    return _pool


def stop_pool(wait: bool = True) -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait)
        _pool = None
