"""Create the DuckDB views (one ``.sql`` file each, staging before marts) in ``warehouse.duckdb``.

The views read Parquet through globs, so new batches appear without touching the database file;
it is opened read-write only when the view definitions change, which keeps readers unblocked.
"""

from __future__ import annotations

import hashlib
from importlib import resources as importlib_resources

import duckdb

from warehouse.query import DB_NAME as DB_NAME  # re-exported: callers import it from here
from warehouse.query import attach_storage, connect_read_only, db_path
from warehouse.storage import DataDirLike, open_data_dir

# dependency order: staging first, then marts
VIEW_ORDER = (
    "compaction_files",
    "file_visible",
    "manifest_current",
    "current_batches",
    "documents",
    "entity_occurrences",
    "entity_resolution",
    "mentions",
    "entities",
    "quotes",
    "events",
    "ingest_errors",
    "runs",
)
PUBLIC_VIEWS = ("documents", "mentions", "entities", "quotes", "events", "ingest_errors", "runs")


def _sql_text(view: str) -> str:
    return (importlib_resources.files("warehouse") / "sql" / f"{view}.sql").read_text(
        encoding="utf-8"
    )


def render_views(data_dir: DataDirLike) -> list[str]:
    # absolute paths (or the full URL of a remote data dir): any client can open the file anywhere
    tables = open_data_dir(data_dir).uri("tables").replace("'", "''")
    return [_sql_text(view).replace("{tables}", tables) for view in VIEW_ORDER]


def _fingerprint(statements: list[str]) -> str:
    return hashlib.sha256("\n".join(statements).encode()).hexdigest()


def _installed_fingerprint(data_dir: DataDirLike) -> str | None:
    if not db_path(data_dir).exists():
        return None
    try:
        with connect_read_only(data_dir) as con:
            row = con.execute(
                "select value from newsdesk_meta where key = 'views_fingerprint'"
            ).fetchone()
    except duckdb.Error:
        return None
    return str(row[0]) if row else None


def refresh_views(data_dir: DataDirLike) -> bool:
    """(Re)create every view if its definition changed. Returns True when the file was written."""
    statements = render_views(data_dir)
    fingerprint = _fingerprint(statements)
    if _installed_fingerprint(data_dir) == fingerprint:
        return False
    path = db_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        attach_storage(con, data_dir)  # creating a view reads its files' schemas
        con.execute("begin transaction")
        for statement in statements:
            con.execute(statement)
        con.execute(
            "create table if not exists newsdesk_meta (key varchar primary key, value varchar)"
        )
        con.execute(
            "insert or replace into newsdesk_meta values ('views_fingerprint', ?)",
            [fingerprint],
        )
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()
    return True
