"""Process one spooled batch: NLP, transforms, Parquet files, then the manifest commit (last).

``write_batch_data`` (NLP, transforms, the data tables' Parquet files) can run in a worker process
of an ``NlpPool``; ``commit_batch`` (the manifest file, then the spool file's removal) always runs
in the flow's process, in batch order. Data files without a manifest entry are invisible to the
views, so a crash anywhere before the commit leaves the batch unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows.planning import read_spool, remove_spool
from flows.sources import Problem
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
    # imported here: the flow's process only commits when NLP workers run the batches, and
    # importing spaCy there would cost it a second of CPU
    from flows.nlp import load_nlp, parse_texts
    from flows.resources import load_resources
    from transforms.document import transform_document

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
