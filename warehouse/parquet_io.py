"""The tables' Parquet files: rows -> Arrow with the exact schema, written atomically through the
data dir's filesystem (``warehouse.storage``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from warehouse.schemas import TABLES
from warehouse.storage import DataDirLike, open_data_dir, read_schema, write_parquet

SCHEMA_FILE = "0-schema.parquet"  # an empty file per table so views never glob nothing


def table_dir(data_dir: DataDirLike, table: str) -> str:
    """The table's directory: a path of the data dir's filesystem."""
    return open_data_dir(data_dir).path("tables", table)


def to_arrow(
    table: str, rows: Iterable[Mapping[str, Any] | Any], constants: Mapping[str, Any] | None = None
) -> pa.Table:
    """Rows (dicts or dataclasses) -> an Arrow table with the table's exact schema."""
    schema = TABLES[table]
    dicts: list[dict[str, Any]] = []
    for row in rows:
        values = asdict(row) if is_dataclass(row) and not isinstance(row, type) else dict(row)
        if constants:
            values.update(constants)
        dicts.append(values)
    columns = {name: [d.get(name) for d in dicts] for name in schema.names}
    # pyarrow does not enforce nullable=False on construction; the contract says it holds
    for f in schema:
        if not f.nullable and any(v is None for v in columns[f.name]):
            raise ValueError(f"{table}.{f.name} must not be null")
    return pa.Table.from_pydict(columns, schema=schema)


def write_atomic(table: pa.Table, path: str | Path, data_dir: DataDirLike | None = None) -> None:
    """Write one Parquet file atomically (see ``warehouse.storage``); ``path`` is a path of the
    data dir's filesystem (a local path when no data dir is given)."""
    write_parquet(open_data_dir(data_dir or Path(path).parent), table, str(path))


def write_rows(
    data_dir: DataDirLike,
    table: str,
    name: str,
    rows: Sequence[Any],
    constants: Mapping[str, Any] | None = None,
) -> str:
    store = open_data_dir(data_dir)
    path = f"{table_dir(store, table)}/{name}.parquet"
    write_parquet(store, to_arrow(table, rows, constants), path)
    return path


def ensure_layout(data_dir: DataDirLike) -> None:
    """Every table directory with its empty schema file (rewritten if the schema changed)."""
    store = open_data_dir(data_dir)
    for table, schema in TABLES.items():
        path = f"{table_dir(store, table)}/{SCHEMA_FILE}"
        if store.exists(path):
            try:
                if read_schema(store, path).equals(schema, check_metadata=False):
                    continue
            except (OSError, pa.ArrowInvalid):
                pass  # a damaged schema file is simply rewritten
        write_parquet(store, schema.empty_table(), path)


def remove_stale_temp_files(data_dir: DataDirLike) -> int:
    """Temp files left by a killed writer; only called while holding the writer lock. Only a
    local data dir has any: object-store writes use no temp names."""
    store = open_data_dir(data_dir)
    if not store.is_local:
        return 0
    removed = 0
    for path in Path(store.path("tables")).glob("*/.*.tmp"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
