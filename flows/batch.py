"""Process one spooled batch: NLP, transforms, Parquet files, then the manifest commit (last).

``write_batch_data`` (NLP, transforms, the data tables' Parquet files) can run in a worker process
of an ``NlpPool``; ``commit_batch`` (the manifest file, then the spool file's removal) always runs
in the flow's process, in batch order. Data files without a manifest entry are invisible to the
views, so a crash anywhere before the commit leaves the batch unseen.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows.nlp import load_nlp, parse_texts
from flows.planning import read_spool, remove_spool
from flows.resources import load_resources
from flows.sources import Problem
from transforms.document import transform_document
from transforms.records import DocResult
from warehouse.manifest import commit_manifest, manifest_row
from warehouse.parquet_io import write_rows
from warehouse.storage import DataDirLike, open_data_dir

# spaCy batch size: 32 beat 128 for news-length texts on this hardware
DEFAULT_NLP_BATCH_SIZE = 32


@dataclass(slots=True)
class BatchResult:
    batch_id: str
    documents: int = 0
    aliases: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # the manifest rows ``commit_batch`` writes; emptied once committed
    manifest_rows: list[dict[str, str]] = field(default_factory=list)


def process_batch_file(
    spool_path: Path,
    data_dir: DataDirLike,
    run_id: str,
    version: str,
    nlp_batch_size: int = DEFAULT_NLP_BATCH_SIZE,
) -> BatchResult:
    """The whole batch in this process: data files, then the manifest commit."""
    result = write_batch_data(spool_path, data_dir, run_id, version, nlp_batch_size)
    return commit_batch(result, spool_path, data_dir, run_id, version)


def write_batch_data(
    spool_path: Path,
    data_dir: DataDirLike,
    run_id: str,
    version: str,
    nlp_batch_size: int = DEFAULT_NLP_BATCH_SIZE,
) -> BatchResult:
    """NLP, transforms and the data tables' files of one batch; the manifest is not written."""
    batch_id = spool_path.name.removesuffix(".jsonl")
    articles, aliases = read_spool(spool_path)
    nlp = load_nlp()
    resources = load_resources()
    result = BatchResult(batch_id)
    results: list[DocResult] = []
    docs = parse_texts(nlp, (a.text for a in articles), nlp_batch_size)
    for article, doc in zip(articles, docs, strict=True):
        try:
            results.append(transform_document(doc, article, resources))
        except Exception as exc:  # noqa: BLE001 - one bad document must not sink its batch
            result.failed += 1
            result.problems.append(
                Problem(
                    article.source_uri,
                    article.line,
                    "transform_failed",
                    f"{type(exc).__name__}: {exc}",
                )
            )
    now = datetime.now(UTC)
    store = open_data_dir(data_dir)  # once: a remote filesystem is set up once per batch
    tables = {
        "documents": [r.document for r in results],
        "mentions": [m for r in results for m in r.mentions],
        "entity_occurrences": [e for r in results for e in r.entities],
        "quotes": [q for r in results for q in r.quotes],
        "events": [e for r in results for e in r.events],
    }
    constants = {"batch_id": batch_id}
    doc_constants = {**constants, "run_id": run_id, "pipeline_version": version, "ingested_at": now}
    for table, rows in tables.items():
        write_rows(
            store, table, batch_id, rows, doc_constants if table == "documents" else constants
        )
        result.rows[table] = len(rows)
    stored = {r.document.doc_id for r in results}
    manifest_rows = [
        manifest_row(r.document.source_id, r.document.doc_id, r.document.source_uri, batch_id)
        for r in results
    ]
    for alias in aliases:
        if alias.doc_id in stored:
            manifest_rows.append(
                manifest_row(alias.source_id, alias.doc_id, alias.source_uri, batch_id)
            )
            result.aliases += 1
    result.manifest_rows = manifest_rows
    result.documents = len(results)
    return result


def commit_batch(
    result: BatchResult, spool_path: Path, data_dir: DataDirLike, run_id: str, version: str
) -> BatchResult:
    """The commit: the manifest file is written after every data file of the batch, so a crash
    before it leaves the batch invisible; then the spool file goes."""
    commit_manifest(data_dir, result.batch_id, result.manifest_rows, run_id, version)
    remove_spool(spool_path)
    result.manifest_rows = []
    return result


def _load_worker() -> None:
    """Pool initializer: the model and the lookup tables, once per worker process."""
    load_nlp()
    load_resources()


def _ready() -> bool:
    return True


class NlpPool:
    """Worker processes that each load the model once and run ``write_batch_data``. Submitted
    batches are keyed by spool path; the flow's ``process-batch`` task takes the result and commits.
    Spawned (not forked): the flow's process has Prefect's threads and event loop."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
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
            write_batch_data, Path(spool_path), data_dir, run_id, version, nlp_batch_size
        )

    def take(self, spool_path: str) -> Future[BatchResult] | None:
        return self.pending.pop(spool_path, None)

    def shutdown(self) -> None:
        """Waits for running batches (no worker writes after the caller releases its lock) and
        drops queued ones."""
        self.pending.clear()
        self.executor.shutdown(wait=True, cancel_futures=True)


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


def stop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown()
        _pool = None
