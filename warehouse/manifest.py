"""The manifest: which version of each source is current, and which batches are committed.

A batch is committed when its manifest file appears (renamed into place locally, one atomic PUT
on an object store), after all its data files.
Rows of uncommitted batches (a run killed mid-batch) stay invisible and are rewritten next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pyarrow.compute as pc

from warehouse.parquet_io import table_dir, write_rows
from warehouse.storage import DataDirLike, dataset_table, open_data_dir


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    source_id: str
    doc_id: str
    data_batch_id: str
    pipeline_version: str


@dataclass(frozen=True, slots=True)
class ManifestState:
    # source_id -> its current entry (the latest committed)
    by_source: dict[str, ManifestEntry]
    # doc_id -> (data batch, pipeline version) of its stored rows, for identical texts
    by_doc: dict[str, tuple[str, str]]


def load_manifest(data_dir: DataDirLike) -> ManifestState:
    store = open_data_dir(data_dir)
    table = dataset_table(
        store,
        table_dir(store, "manifest"),
        ["source_id", "doc_id", "data_batch_id", "pipeline_version", "committed_at", "batch_id"],
    )
    if table is None or table.num_rows == 0:
        return ManifestState({}, {})
    # latest commit per source wins: sort ascending and let later rows overwrite
    table = table.take(
        pc.sort_indices(table, [("committed_at", "ascending"), ("batch_id", "ascending")])
    )
    columns = table.to_pydict()
    by_source: dict[str, ManifestEntry] = {}
    for source_id, doc_id, data_batch_id, version in zip(
        columns["source_id"],
        columns["doc_id"],
        columns["data_batch_id"],
        columns["pipeline_version"],
        strict=True,
    ):
        by_source[source_id] = ManifestEntry(source_id, doc_id, data_batch_id, version)
    by_doc = {e.doc_id: (e.data_batch_id, e.pipeline_version) for e in by_source.values()}
    return ManifestState(by_source, by_doc)


ErrorKey = tuple[str, int | None, str, str]


def load_error_keys(data_dir: DataDirLike) -> set[ErrorKey]:
    """(source_uri, line, kind, message) of every recorded input problem.

    A problem already recorded is not recorded again: rerunning over an unchanged bad file writes
    nothing new. The message carries what changes with the file (size, line, encoding), so a file
    that changes and is still bad is recorded again."""
    store = open_data_dir(data_dir)
    table = dataset_table(
        store, table_dir(store, "ingest_errors"), ["source_uri", "line", "kind", "message"]
    )
    if table is None:
        return set()
    c = table.to_pydict()
    return set(zip(c["source_uri"], c["line"], c["kind"], c["message"], strict=True))


def manifest_row(
    source_id: str, doc_id: str, source_uri: str, data_batch_id: str
) -> dict[str, str]:
    """One source's entry; ``data_batch_id`` is the batch holding its document's rows."""
    return {
        "source_id": source_id,
        "doc_id": doc_id,
        "source_uri": source_uri,
        "data_batch_id": data_batch_id,
    }


def commit_manifest(
    data_dir: DataDirLike, batch_id: str, rows: list[dict[str, str]], run_id: str, version: str
) -> None:
    """Write a batch's manifest file: its appearance (a rename, or one object PUT) is the batch's
    commit."""
    write_rows(
        data_dir,
        "manifest",
        batch_id,
        rows,
        {
            "batch_id": batch_id,
            "run_id": run_id,
            "pipeline_version": version,
            "committed_at": datetime.now(UTC),
        },
    )
