"""A head start for ``newsdesk run``: the run's first steps, taken while Prefect's server starts.

Prefect's temporary server takes 8-10 s of one core to come up (importing ``prefect.server`` and
migrating a fresh database), and the flow cannot begin before it answers. The NLP workers load
the model in half that time and then sat idle. So the CLI takes the writer lock, prepares the
warehouse, plans the run (the same ``prepare-warehouse`` and ``plan`` task functions, through
``.fn``) and hands the first batches to the NLP pool before it waits for the server; the ``etl``
flow then adopts that run (its id, lock and plan) instead of starting one, and the workers have
been parsing for several seconds by the time it does.

Nothing else changes: the batches are committed by the flow's ``process-batch`` tasks, manifest
last, so a run that dies before the flow starts leaves its data files invisible, exactly as a
run that dies in the flow (the next run clears the spool and the temp files). The handover is
keyed by the flow's arguments: a flow called with other arguments starts its own run, and
``release_head_start`` frees an unclaimed head start's lock. Either way a run begins with
``open_run``.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from filelock import FileLock

from flows.nlp_pool import current_pool
from flows.planning import Plan
from flows.version import pipeline_version
from warehouse.storage import open_data_dir
from warehouse.writer_lock import acquire_writer_lock


@dataclass(frozen=True, slots=True)
class RunKey:
    """The flow arguments a head start was planned for (data dirs in their normalised form)."""

    sources: tuple[str, ...]
    data_dir: str
    state_dir: str
    batch_size: int
    nlp_batch_size: int
    reprocess: bool
    max_file_bytes: int


@dataclass(slots=True)
class OpenRun:
    """A begun run: it has an id and holds the writer lock."""

    run_id: str
    version: str
    lock: FileLock
    started: float  # time.perf_counter() when the run began
    started_at: datetime


@dataclass(slots=True)
class HeadStart:
    key: RunKey
    run: OpenRun
    plan: Plan


_waiting: HeadStart | None = None


def run_key(
    sources: list[str],
    data_dir: str,
    state_dir: str | None,
    batch_size: int,
    nlp_batch_size: int,
    reprocess: bool,
    max_file_bytes: int,
) -> RunKey:
    root = open_data_dir(data_dir, state_dir)
    return RunKey(
        tuple(sources),
        root.url,
        str(root.state),
        batch_size,
        nlp_batch_size,
        reprocess,
        max_file_bytes,
    )


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def open_run(key: RunKey, lock_timeout: float) -> OpenRun:
    """A run's first step, for the flow and for a head start alike: the data and state dirs
    exist, the writer lock is held (``WarehouseBusy`` if another writer has it), the run has an id."""
    started, started_at = time.perf_counter(), datetime.now(UTC)
    root = open_data_dir(key.data_dir, key.state_dir)
    root.fs.makedirs(root.root, exist_ok=True)
    root.state.mkdir(parents=True, exist_ok=True)
    # a local file: it excludes writers on this host only (docs/operations.md)
    lock = acquire_writer_lock(root, lock_timeout, "try again when it finishes")
    return OpenRun(new_run_id(), pipeline_version(), lock, started, started_at)


def start_run_early(key: RunKey, lock_timeout: float) -> HeadStart:
    """Lock, prepare, plan and submit the first batches to the NLP pool (which must be running);
    the head start waits for the flow (``take_head_start``). ``WarehouseBusy`` if another writer
    holds the lock."""
    global _waiting
    # the flow module imports Prefect (seconds): only when a head start is actually taken
    from flows.etl import plan_run, prepare_warehouse

    release_head_start()
    pool = current_pool()
    if pool is None:
        raise RuntimeError("a head start needs the NLP pool running (flows.nlp_pool.start_pool)")
    run = open_run(key, lock_timeout)
    try:
        prepare_warehouse.fn(key.data_dir, key.state_dir)
        plan = plan_run.fn(
            list(key.sources),
            key.data_dir,
            key.state_dir,
            run.run_id,
            run.version,
            key.batch_size,
            key.reprocess,
            key.max_file_bytes,
        )
        # as many as the flow keeps in flight (flows.etl._submitted): it submits the rest
        for spool_path in plan.batches[: pool.in_flight]:
            pool.submit(spool_path, key.data_dir, run.run_id, run.version, key.nlp_batch_size)
    except BaseException:
        run.lock.release()
        raise
    _waiting = HeadStart(key, run, plan)
    return _waiting


def take_head_start(key: RunKey) -> HeadStart | None:
    """The waiting head start planned for ``key`` (the caller now owns its lock), else None."""
    global _waiting
    if _waiting is None or _waiting.key != key:
        return None
    head, _waiting = _waiting, None
    return head


def release_head_start() -> None:
    """Frees the lock of a head start no flow took (the flow never ran, or with other arguments)."""
    global _waiting
    if _waiting is not None:
        _waiting.run.lock.release()
        _waiting = None
