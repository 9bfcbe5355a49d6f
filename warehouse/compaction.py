"""``newsdesk compact``: merge the small per-batch Parquet files into one file per table.

Design (safe at any moment, under the writer lock):
1. Only files of committed batches (``manifest/<batch>.parquet`` exists) and outputs of committed
   compactions are merged; rows keep their ``batch_id``, so manifest gating is unchanged.
2. The merged rows go to ``c-<id>.parquet`` (written atomically: ``warehouse.storage``). The
   views hide a ``c-*`` file until its compaction is committed (``warehouse/sql/file_visible.sql``).
3. The commit: ``compactions/<id>.parquet`` lists the output and every superseded file. From its
   appearance on, the views read the merged file and ignore the superseded ones: never both, never
   neither. A crash before it leaves an invisible orphan; a crash after it leaves hidden files.
4. Superseded files and orphans are deleted only once older than ``grace_seconds``, so a reader
   that listed the files a moment before still finds them (no read errors during compaction).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from datetime import UTC, datetime

import pyarrow as pa

from warehouse.parquet_io import SCHEMA_FILE, ensure_layout, table_dir, write_rows
from warehouse.schemas import BATCH_TABLES, TABLES
from warehouse.storage import (
    DataDir,
    DataDirLike,
    dataset_table,
    open_data_dir,
    read_table,
    write_parquet,
)
from warehouse.views import refresh_views
from warehouse.writer_lock import acquire_writer_lock

DEFAULT_GRACE_SECONDS = 300.0


def _compaction_state(root: DataDir) -> tuple[dict[str, set[str]], dict[str, dict[str, float]]]:
    """(table -> committed output files, table -> superseded file -> commit time)."""
    outputs: dict[str, set[str]] = {t: set() for t in BATCH_TABLES}
    superseded: dict[str, dict[str, float]] = {t: {} for t in BATCH_TABLES}
    table = dataset_table(
        root, table_dir(root, "compactions"), ["table_name", "file", "role", "committed_at"]
    )
    rows = table.to_pylist() if table is not None else []
    for r in rows:
        if r["role"] == "output":
            outputs.setdefault(r["table_name"], set()).add(r["file"])
        else:
            superseded.setdefault(r["table_name"], {})[r["file"]] = r["committed_at"].timestamp()
    return outputs, superseded


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _committed_batches(root: DataDir) -> set[str]:
    return {
        _name(p).removesuffix(".parquet")
        for p in root.glob(f"{table_dir(root, 'manifest')}/*.parquet")
        if _name(p) != SCHEMA_FILE
    }


def compact_warehouse(
    data_dir: DataDirLike, grace_seconds: float = DEFAULT_GRACE_SECONDS, lock_timeout: float = 0.0
) -> dict[str, tuple[int, int]]:
    """Returns table -> (files merged, superseded files deleted)."""
    root = open_data_dir(data_dir)
    root.state.mkdir(parents=True, exist_ok=True)
    lock = acquire_writer_lock(root, lock_timeout, "try again later")
    try:
        ensure_layout(root)
        report = _compact(root, grace_seconds)
        # same rows, other files: rebuilt so readers need not (the fingerprint lists the files)
        refresh_views(root)
        return report
    finally:
        lock.release()


def _compact(data_dir: DataDirLike, grace_seconds: float) -> dict[str, tuple[int, int]]:
    root = open_data_dir(data_dir)
    compaction_id = "c-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    committed = _committed_batches(root)
    outputs, superseded = _compaction_state(root)
    now = time.time()
    report: dict[str, tuple[int, int]] = {}
    record: list[dict[str, str]] = []
    for table in BATCH_TABLES:
        directory = table_dir(root, table)
        merge: list[str] = []
        removed = 0
        for path in root.glob(f"{directory}/*.parquet"):
            name = _name(path)
            if name == SCHEMA_FILE:
                continue
            if name in superseded[table]:
                if now - superseded[table][name] >= grace_seconds:
                    _remove(root, path)
                    removed += 1
                continue
            if name.startswith("c-"):
                if name in outputs[table]:
                    merge.append(path)
                elif now - root.fs.modified(path).timestamp() >= grace_seconds:
                    _remove(root, path)  # orphan of a killed compaction: never visible
                continue
            if name.removesuffix(".parquet") in committed:
                merge.append(path)
        if len(merge) >= 2:
            merged = pa.concat_tables(
                [read_table(root, p).cast(TABLES[table]) for p in merge], promote_options="none"
            )
            out = f"{directory}/{compaction_id}.parquet"
            write_parquet(root, merged, out)
            record.append({"table_name": table, "file": _name(out), "role": "output"})
            record.extend(
                {"table_name": table, "file": _name(p), "role": "superseded"} for p in merge
            )
        report[table] = (len(merge) if len(merge) >= 2 else 0, removed)
    if record:
        # the commit: merged files visible and their sources hidden, in one rename
        write_rows(
            root,
            "compactions",
            compaction_id,
            record,
            {"compaction_id": compaction_id, "committed_at": datetime.now(UTC)},
        )
        if grace_seconds <= 0:
            for row in record:
                if row["role"] == "superseded":
                    _remove(root, f"{table_dir(root, row['table_name'])}/{row['file']}")
                    t = row["table_name"]
                    report[t] = (report[t][0], report[t][1] + 1)
    return report


def _remove(root: DataDir, path: str) -> None:
    with contextlib.suppress(FileNotFoundError):  # already gone: an earlier cleanup
        root.fs.rm_file(path)
