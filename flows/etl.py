"""The ``etl`` Prefect flow: plan -> one task per batch of documents -> finalize.

Tasks are thin wrappers over ``flows.planning``, ``flows.batch`` and ``warehouse``; parameters are
paths and small settings, never article texts.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.states import State

from flows import progress
from flows.batch import DEFAULT_NLP_BATCH_SIZE, BatchResult, commit_batch, write_batch_data
from flows.head_start import open_run, run_key, take_head_start
from flows.nlp_pool import DEFAULT_NLP_WORKERS, current_pool, start_pool, stop_pool
from flows.planning import Alias, Plan, clear_spool, make_plan
from flows.report import publish_report
from flows.runners import is_distributed
from flows.sources import DEFAULT_MAX_FILE_BYTES, Problem
from warehouse.checks import failed, run_checks
from warehouse.manifest import commit_manifest, load_error_keys, load_manifest, manifest_row
from warehouse.parquet_io import ensure_layout, remove_stale_temp_files, write_rows
from warehouse.storage import DataDir, open_data_dir
from warehouse.views import refresh_views, remove_stale_builds

DEFAULT_BATCH_SIZE = 64


@dataclass(slots=True)
class RunSummary:
    run_id: str
    data_dir: str  # a local path or an fsspec URL
    pipeline_version: str
    state_dir: str = ""  # local: the lock, spool and warehouse.duckdb (``warehouse.storage``)
    documents_new: int = 0
    documents_unchanged: int = 0
    documents_duplicate: int = 0
    documents_failed: int = 0
    errors: int = 0
    warnings: int = 0
    errors_by_kind: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    elapsed_seconds: float = 0.0
    # names of data checks (warehouse/checks.py) with violations after this run's writes
    check_failures: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.documents_new / self.elapsed_seconds if self.elapsed_seconds > 0 else 0.0


def retry_on_io_error(task: object, task_run: object, state: State) -> bool:
    """Retry policy of the I/O tasks: an ``OSError`` (a full disk, a flaky network mount) may pass;
    any other exception is deterministic and is not retried."""
    return isinstance(state.data, OSError)


def record_problems(root: DataDir | str, name: str, problems: list[Problem], run_id: str) -> int:
    """Write the problems not recorded by an earlier run; returns how many were written."""
    if not problems:
        return 0
    known = load_error_keys(root)
    new = [p for p in problems if (p.source_uri, p.line, p.kind, p.message) not in known]
    if new:
        write_rows(root, "ingest_errors", name, _error_rows(new, run_id))
    return len(new)


def _error_rows(problems: list[Problem], run_id: str) -> list[dict[str, object]]:
    now = datetime.now(UTC)
    return [
        {
            "source_uri": p.source_uri,
            "line": p.line,
            "kind": p.kind,
            "message": p.message,
            "severity": p.severity,
            "run_id": run_id,
            "recorded_at": now,
        }
        for p in problems
    ]


@task(
    name="prepare-warehouse", retries=2, retry_delay_seconds=1, retry_condition_fn=retry_on_io_error
)
def prepare_warehouse(data_dir: str, state_dir: str) -> None:
    """Tables and views exist; debris of a killed run (temp files, spool) is removed."""
    root = open_data_dir(data_dir, state_dir)
    ensure_layout(root)
    remove_stale_temp_files(root)
    remove_stale_builds(root)
    clear_spool(root)
    refresh_views(root)  # also repairs a build a killed run did not get to


@task(name="plan")
def plan_run(
    sources: list[str],
    data_dir: str,
    state_dir: str,
    run_id: str,
    version: str,
    batch_size: int,
    reprocess: bool,
    max_file_bytes: int,
) -> Plan:
    root = open_data_dir(data_dir, state_dir)
    plan = make_plan(
        [Path(s) for s in sources],
        root,
        run_id,
        load_manifest(root),
        version,
        batch_size,
        reprocess,
        max_file_bytes,
    )
    if plan.aliases_stored:
        _commit_stored_aliases(root, run_id, version, plan.aliases_stored)
    record_problems(root, f"{run_id}-plan", plan.problems, run_id)
    return plan


def _commit_stored_aliases(root: DataDir, run_id: str, version: str, aliases: list[Alias]) -> None:
    """Sources whose text is already stored: a manifest entry pointing at the stored rows."""
    rows = [manifest_row(a.source_id, a.doc_id, a.source_uri, a.data_batch_id) for a in aliases]
    commit_manifest(root, f"{run_id}-aliases", rows, run_id, version)


@task(name="adopt-plan")
def adopt_plan(plan: Plan) -> Plan:
    """The plan the CLI made while Prefect's server started (``flows/head_start.py``): recorded
    as this run's plan task, with the plan as its result."""
    return plan


@task(name="process-batch")
def process_batch(
    spool_path: str, data_dir: str, run_id: str, version: str, nlp_batch_size: int
) -> BatchResult:
    """One batch: its data files (from the NLP pool's worker if the flow submitted it there, else
    made here), then the manifest commit in this process."""
    pool = current_pool()
    future = pool.take(spool_path) if pool is not None else None
    if future is not None:
        result = future.result()
    else:
        result = write_batch_data(Path(spool_path), data_dir, run_id, version, nlp_batch_size)
    commit_batch(result, Path(spool_path), data_dir, run_id, version)
    record_problems(data_dir, f"{result.batch_id}-errors", result.problems, run_id)
    progress.report("processed", result.documents + result.failed)
    return result


@task(name="finalize", retries=2, retry_delay_seconds=1, retry_condition_fn=retry_on_io_error)
def finalize(summary: RunSummary, sources: list[str], started_at: datetime) -> RunSummary:
    root = open_data_dir(summary.data_dir, summary.state_dir)
    write_rows(
        root,
        "runs",
        summary.run_id,
        [
            {
                "run_id": summary.run_id,
                "started_at": started_at,
                "finished_at": datetime.now(UTC),
                "pipeline_version": summary.pipeline_version,
                "sources": sources,
                "documents_new": summary.documents_new,
                "documents_unchanged": summary.documents_unchanged,
                "documents_failed": summary.documents_failed,
                "errors": summary.errors,
                "elapsed_seconds": summary.elapsed_seconds,
            }
        ],
    )
    refresh_views(root)
    return summary


@task(name="check-warehouse")
def check_warehouse(data_dir: str, state_dir: str, run_id: str) -> list[str]:
    """The declarative data tests, after the run's writes: names of the failing checks. Span
    checks read this run's documents only; `newsdesk check` checks everything."""
    results = run_checks(open_data_dir(data_dir, state_dir), run_id=run_id)
    return [f"{r.name}: {r.violations} rows" for r in failed(results)]


@flow(name="etl", log_prints=False)
def etl(
    sources: list[str],
    data_dir: str = "data",
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp_batch_size: int = DEFAULT_NLP_BATCH_SIZE,
    reprocess: bool = False,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    lock_timeout: float = 0.0,
    nlp_workers: int = DEFAULT_NLP_WORKERS,
    state_dir: str | None = None,
) -> RunSummary:
    """Ingest articles from ``sources`` (files or directories) into the warehouse at ``data_dir``
    (a path or an fsspec URL; ``state_dir``: the local state dir, ``warehouse.storage``)."""
    logger = get_run_logger()
    key = run_key(
        sources, data_dir, state_dir, batch_size, nlp_batch_size, reprocess, max_file_bytes
    )
    data_dir, state_dir = key.data_dir, key.state_dir
    head = take_head_start(key)  # the CLI may have begun this run (flows/head_start.py)
    run = head.run if head is not None else open_run(key, lock_timeout)
    if head is None and not is_distributed():
        start_pool(nlp_workers)  # the workers load the model while planning runs
    run_id, version, lock = run.run_id, run.version, run.lock
    summary = RunSummary(
        run_id=run_id, data_dir=data_dir, pipeline_version=version, state_dir=state_dir
    )
    try:
        if head is not None:
            plan = adopt_plan(head.plan)
        else:
            prepare_warehouse(data_dir, state_dir)
            plan = plan_run(
                sources, data_dir, state_dir, run_id, version, batch_size, reprocess, max_file_bytes
            )
        logger.info(
            "planned %d documents in %d batches (%d unchanged, %d duplicate texts, %d input problems)",
            plan.documents_planned, len(plan.batches), plan.documents_unchanged, plan.documents_duplicate, len(plan.problems),
        )  # fmt: skip
        progress.report("planned", plan.documents_planned)
        summary.documents_unchanged = plan.documents_unchanged
        summary.documents_duplicate = plan.documents_duplicate
        problems = list(plan.problems)
        for result in _run_batches(plan.batches, data_dir, run_id, version, nlp_batch_size):
            summary.documents_new += result.documents
            summary.documents_failed += result.failed
            for table, count in result.rows.items():
                summary.rows[table] = summary.rows.get(table, 0) + count
            problems.extend(result.problems)
        # every batch's result is in, so no worker is writing: they exit while the run finalizes
        stop_pool(wait=False)
        for p in problems:
            if p.severity == "warning":
                summary.warnings += 1
            else:
                summary.errors += 1
            summary.errors_by_kind[p.kind] = summary.errors_by_kind.get(p.kind, 0) + 1
        summary.elapsed_seconds = time.perf_counter() - run.started
        finalize(summary, sources, run.started_at)
        summary.check_failures = check_warehouse(data_dir, state_dir, run_id)
        for failure in summary.check_failures:
            logger.error("data check failed: %s", failure)
        logger.info(
            "run %s: %d new, %d unchanged, %d failed documents; %d errors in %.1fs",
            run_id, summary.documents_new, summary.documents_unchanged, summary.documents_failed, summary.errors,
            summary.elapsed_seconds,
        )  # fmt: skip
    finally:
        stop_pool()  # waits for running workers: none writes after the lock is released
        lock.release()
    publish_report(summary)
    return summary


def _run_batches(
    batches: list[str], data_dir: str, run_id: str, version: str, nlp_batch_size: int
) -> Iterator[BatchResult]:
    """One ``process-batch`` task per spooled batch: in order in this process, or, on a Dask task
    runner (``flows/runners.py``), all submitted at once to the cluster's workers (each batch
    commits its own manifest last, so batches are independent)."""
    if not is_distributed():
        # the tasks run (or wait for the NLP pool's result of) each batch and commit in order
        for spool_path in _submitted(batches, data_dir, run_id, version, nlp_batch_size):
            yield process_batch(spool_path, data_dir, run_id, version, nlp_batch_size)
        return
    futures = [
        process_batch.submit(spool_path, data_dir, run_id, version, nlp_batch_size)
        for spool_path in batches
    ]
    for future in futures:
        result = future.result()
        # the task's own progress report went to the worker process
        progress.report("processed", result.documents + result.failed)
        yield result


def _submitted(
    batches: list[str], data_dir: str, run_id: str, version: str, nlp_batch_size: int
) -> Iterator[str]:
    """The batches in order; with a pool, up to workers + 1 of them are submitted ahead (bounded
    memory, no idle worker while the flow commits)."""
    pool = current_pool()
    in_flight = pool.in_flight if pool is not None else 0
    todo = deque(batches)
    queued: deque[str] = deque()
    while todo or queued:
        while pool is not None and todo and len(queued) < in_flight:
            spool_path = todo.popleft()
            if not pool.is_pending(spool_path):  # a head start submitted the first ones
                pool.submit(spool_path, data_dir, run_id, version, nlp_batch_size)
            queued.append(spool_path)
        yield queued.popleft() if queued else todo.popleft()
