"""Read-only access to the warehouse for the CLI, tests and any Python caller."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
from filelock import Timeout

from warehouse.storage import DataDirLike, open_data_dir
from warehouse.views import DB_NAME as DB_NAME  # re-exported: callers import them from here
from warehouse.views import (
    attach_storage,
    db_path,
    installed_fingerprints,
    is_current,
    refresh_views,
)
from warehouse.writer_lock import writer_lock

__all__ = ["DB_NAME", "attach_storage", "connect_read_only", "db_path", "query"]

# the database file is replaced by a rename, never held by a writer; an older in-place writer
# held it for an instant: retry across that window
RETRY_SECONDS = 10.0


def connect_read_only(
    data_dir: DataDirLike, config: Mapping[str, str | int | bool] | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse. If the materialised relations are stale (a run
    was killed between a batch commit and the rebuild, files were changed by hand) and no writer
    holds the lock, they are rebuilt first; while a run writes, readers see the last build."""
    con = _connect(data_dir, config)
    if is_current(data_dir, installed_fingerprints(con)):
        return con
    con.close()
    repair(data_dir)
    return _connect(data_dir, config)


def repair(data_dir: DataDirLike) -> bool:
    """Rebuild a stale warehouse file unless a writer is busy; True when it was rebuilt."""
    try:
        with writer_lock(open_data_dir(data_dir)):
            return refresh_views(data_dir)
    except Timeout:
        return False  # a run or compaction is writing: it rebuilds when it finishes
    except PermissionError:
        return False  # a reader without write access reads the last build


def _connect(
    data_dir: DataDirLike, config: Mapping[str, str | int | bool] | None
) -> duckdb.DuckDBPyConnection:
    """The file attached read-only to a fresh in-memory database: ``duckdb.connect(path)`` would
    reuse a database instance this process still has open (its caching), i.e. an older build."""
    path = db_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `newsdesk run` first")
    deadline = time.monotonic() + RETRY_SECONDS
    quoted = str(path).replace("'", "''")
    while True:
        con = duckdb.connect(":memory:")
        try:
            con.execute("set enable_progress_bar = false")
            for key, value in (config or {}).items():
                con.execute(
                    f"set {key} = {value!r}" if isinstance(value, str) else f"set {key} = {value}"
                )
            con.execute(f"attach '{quoted}' as warehouse (read_only)")
            con.execute("use warehouse")
            attach_storage(con, data_dir)  # ingest_errors and runs read Parquet files
            return con
        except duckdb.IOException:
            con.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def query(
    data_dir: DataDirLike, sql: str, params: Sequence[Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one statement on a read-only connection; return (column names, rows)."""
    with connect_read_only(data_dir) as con:
        cursor = con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
