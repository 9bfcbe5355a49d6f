"""Build ``warehouse.duckdb``: the views (one ``.sql`` file each, staging before marts) and the
materialised relations they are served from.

The Parquet tables and the manifest are the store of record. The views in ``warehouse/sql/`` define
every relation over them (manifest gating, file visibility, cross-document entity resolution,
canonical names); computing those at query time made every analyst query pay for the whole
warehouse. So once per change the views are evaluated into tables of the ``materialised`` schema,
and each materialised view is replaced by ``select * from materialised.<view>``: same names, same
columns, same rows, but a query reads plain DuckDB tables.

The database file records what it was built from: the views' SQL (``views_fingerprint``) and the
list of data files with their sizes and times (``data_fingerprint``). It is rebuilt when either
differs (a run or compaction that changed something, a crash between a manifest commit and the
rebuild, a hand-copied warehouse) and left alone otherwise (a no-op rerun rebuilds nothing).
A rebuild writes a new file beside it and renames it into place: readers are never blocked, and a
reader that opened the old file keeps a consistent snapshot. The file lives in the local state dir
(``warehouse.storage``: the data dir itself when local); the Parquet files may be remote.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from importlib import resources as importlib_resources
from pathlib import Path

import duckdb

from warehouse.parquet_io import SCHEMA_FILE, table_dir
from warehouse.storage import DataDir, DataDirLike, open_data_dir, replace_durably

DB_NAME = "warehouse.duckdb"
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
# evaluated into tables at build time, in dependency order: each later view reads the tables of
# the earlier ones. ingest_errors and runs stay plain globs (small, and runs grows every run).
MATERIALISED = (
    "manifest_current",
    "current_batches",
    "documents",
    "entity_occurrences",
    "entity_resolution",
    "mentions",
    "entities",
    "quotes",
    "events",
)
MATERIALISED_SCHEMA = "materialised"
# the Parquet tables the materialised relations are computed from
SOURCE_TABLES = (
    "documents",
    "mentions",
    "entity_occurrences",
    "quotes",
    "events",
    "manifest",
    "compactions",
)
# DuckDB bounds for the processes that build or check the warehouse (the flow's own process):
# beyond this memory DuckDB spills to its temp directory, so the flow does not grow with the data
WRITER_MEMORY_LIMIT = "256MB"
WRITER_THREADS = 2
WRITER_CONFIG: dict[str, str | int | bool] = {
    "memory_limit": WRITER_MEMORY_LIMIT,
    "threads": WRITER_THREADS,
    "preserve_insertion_order": False,
}


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


def data_fingerprint(data_dir: DataDirLike) -> str:
    """The data files the materialised relations read. Writers never rewrite a data file in place
    (new names, renamed or PUT into place), so names say when a commit, compaction or hand-added
    file changed the data; only the schema files are rewritten under their name, so their size
    and time count too. Listing a few thousand local names costs a few milliseconds per query."""
    store = open_data_dir(data_dir)
    digest = hashlib.sha256()
    for table in SOURCE_TABLES:
        for name, detail in _listing(store, table):
            digest.update(f"{table}/{name}\t{detail}\n".encode())
    return digest.hexdigest()


def _listing(store: DataDir, table: str) -> list[tuple[str, str]]:
    """(file name, size and time of a schema file else "") of a table's ``*.parquet`` files."""
    directory = table_dir(store, table)
    if store.is_local:
        try:
            names = [e.name for e in os.scandir(directory)]
        except FileNotFoundError:
            return []
    else:
        names = [p.rsplit("/", 1)[-1] for p in store.glob(f"{directory}/*.parquet")]
    out = []
    for name in sorted(n for n in names if n.endswith(".parquet") and not n.startswith(".")):
        detail = ""
        if name == SCHEMA_FILE:
            info = store.fs.info(f"{directory}/{name}")
            detail = f"{info.get('size')}\t{info.get('mtime', info.get('LastModified', ''))}"
        out.append((name, detail))
    return out


def installed_fingerprints(con: duckdb.DuckDBPyConnection) -> tuple[str | None, str | None]:
    """(views, data) fingerprints recorded in an open warehouse database."""
    try:
        rows = dict(
            con.execute(
                "select key, value from newsdesk_meta"
                " where key in ('views_fingerprint', 'data_fingerprint')"
            ).fetchall()
        )
    except duckdb.CatalogException:
        return None, None
    return rows.get("views_fingerprint"), rows.get("data_fingerprint")


def _installed(path: Path) -> tuple[str | None, str | None]:
    if not path.exists():
        return None, None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return installed_fingerprints(con)
    except duckdb.Error:
        return None, None  # damaged or being replaced: rebuild


def is_current(data_dir: DataDirLike, installed: tuple[str | None, str | None]) -> bool:
    return installed == (_fingerprint(render_views(data_dir)), data_fingerprint(data_dir))


def refresh_views(data_dir: DataDirLike) -> bool:
    """Rebuild the database file if the views' SQL or the data files changed since it was built.
    Call it under the writer lock (the data files must not change meanwhile). Returns True when a
    new file was put in place."""
    store = open_data_dir(data_dir)
    statements = render_views(store)
    wanted = (_fingerprint(statements), data_fingerprint(store))
    path = db_path(store)
    if _installed(path) == wanted:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    _build(store, path, statements, wanted)
    return True


def _build(
    store: DataDir, path: Path, statements: list[str], fingerprints: tuple[str, str]
) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.build")
    _remove_database(tmp)
    con = duckdb.connect(str(tmp), config=WRITER_CONFIG)
    try:
        attach_storage(con, store)  # the views read the (maybe remote) Parquet files
        for statement in statements:
            con.execute(statement)
        con.execute(f"create schema {MATERIALISED_SCHEMA}")
        for view in MATERIALISED:
            con.execute(f"create table {MATERIALISED_SCHEMA}.{view} as select * from main.{view}")
            con.execute(
                f"create or replace view main.{view} as select * from {MATERIALISED_SCHEMA}.{view}"
            )
        con.execute("create table newsdesk_meta (key varchar primary key, value varchar)")
        con.execute(
            "insert into newsdesk_meta values ('views_fingerprint', ?), ('data_fingerprint', ?)",
            list(fingerprints),
        )
        con.execute("checkpoint")
    except BaseException:
        con.close()
        _remove_database(tmp)
        raise
    con.close()
    # a WAL left by an older in-place writer must not be replayed onto the new file
    Path(f"{path}.wal").unlink(missing_ok=True)
    replace_durably(tmp, path)


def _remove_database(path: Path) -> None:
    path.unlink(missing_ok=True)
    Path(f"{path}.wal").unlink(missing_ok=True)


def remove_stale_builds(data_dir: DataDirLike) -> int:
    """Half-written database files of a killed build; only called under the writer lock."""
    removed = 0
    for path in open_data_dir(data_dir).state.glob(f".{DB_NAME}.*.build*"):
        if path.is_dir():  # DuckDB's spill directory of the build
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed += 1
    return removed
