"""Read-only access to the warehouse for the CLI, tests and any Python caller."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from warehouse.storage import DataDirLike, open_data_dir

DB_NAME = "warehouse.duckdb"
# a writer holds the file only for the instant it recreates views; retry across that window
RETRY_SECONDS = 10.0


def db_path(data_dir: DataDirLike) -> Path:
    """``warehouse.duckdb`` lives in the local state dir (the data dir itself when local)."""
    return open_data_dir(data_dir).state / DB_NAME


def attach_storage(con: duckdb.DuckDBPyConnection, data_dir: DataDirLike) -> None:
    """Let the connection read the views' Parquet files: a remote data dir's fsspec filesystem is
    registered on it (it exists only in this process; outside clients use DuckDB's own httpfs,
    see README). A local data dir needs nothing."""
    store = open_data_dir(data_dir)
    if not store.is_local:
        store.refresh()  # files written by other processes since the last listing
        con.register_filesystem(store.fs)


def connect_read_only(data_dir: DataDirLike) -> duckdb.DuckDBPyConnection:
    path = db_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `newsdesk run` first")
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        attach_storage(con, data_dir)
        return con


def query(
    data_dir: DataDirLike, sql: str, params: Sequence[Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one statement on a read-only connection; return (column names, rows)."""
    with connect_read_only(data_dir) as con:
        cursor = con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
