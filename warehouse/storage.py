"""Where the warehouse lives: ``--data-dir`` as a local path or any fsspec URL (``s3://bucket/prefix``,
``file:///abs/path``...), and the local state dir beside it.

The Parquet tables go through the data dir's fsspec filesystem. What cannot live on an object store
stays in the local *state dir*: the writer lock (an OS file lock), the planning spool files and
``warehouse.duckdb`` (DuckDB cannot write a database file to an object store). For a local data dir
the state dir is the data dir itself (the layout of a plain directory is unchanged); for a remote
one it is ``--state-dir`` / ``$NEWSDESK_STATE_DIR``, else a cache dir keyed by the URL.

Writes keep one atomicity rule: a reader never sees a partial ``*.parquet`` file. Locally that is a
temp name + ``os.replace``; on an object store a PUT of the final key is itself atomic (the object
appears whole or not at all), so the final key is written directly from an in-memory buffer.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem
from fsspec.core import url_to_fs
from fsspec.implementations.local import LocalFileSystem

STATE_DIR_ENV = "NEWSDESK_STATE_DIR"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


@dataclass(frozen=True)
class DataDir:
    """A data dir: its fsspec filesystem and root (a path in that filesystem, no protocol), and
    its local state dir. Picklable (fsspec filesystems pickle by their arguments)."""

    fs: AbstractFileSystem
    root: str
    state: Path

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    @property
    def url(self) -> str:
        """What to hand another process or print: a plain path when local, else the full URL."""
        return self.root if self.is_local else self.uri()

    def path(self, *parts: str) -> str:
        """A path inside the data dir, in the filesystem's own terms (no protocol)."""
        return "/".join([self.root.rstrip("/"), *parts])

    def uri(self, *parts: str) -> str:
        """The path as DuckDB (with the filesystem registered) and other clients name it."""
        path = self.path(*parts)
        return path if self.is_local else self.fs.unstrip_protocol(path)

    def refresh(self) -> None:
        """Forget cached directory listings: other processes (NLP workers) add files, and a
        cached listing of a remote directory would hide them."""
        if not self.is_local:
            self.fs.invalidate_cache()

    def glob(self, pattern: str) -> list[str]:
        """Paths (of ``fs``) matching ``pattern``, a path of ``fs``; sorted."""
        self.refresh()
        return sorted(self.fs.glob(pattern))

    def exists(self, path: str) -> bool:
        self.refresh()
        return bool(self.fs.exists(path))

    def size(self) -> int:
        """Bytes of every file under the data dir."""
        self.refresh()
        return int(self.fs.du(self.root, total=True)) if self.fs.exists(self.root) else 0


DataDirLike = str | Path | DataDir


def open_data_dir(value: DataDirLike, state_dir: str | Path | None = None) -> DataDir:
    """A path, a ``file://`` URL or a remote fsspec URL -> its :class:`DataDir`. Nothing is
    created here: opening is cheap and free of side effects (worker processes call it too)."""
    if isinstance(value, DataDir):
        if state_dir is None or Path(state_dir) == value.state:
            return value
        return DataDir(value.fs, value.root, Path(state_dir).absolute())
    text = str(value)
    if not _SCHEME.match(text):
        root = os.path.abspath(text)
        return DataDir(LocalFileSystem(), root, Path(state_dir or root).absolute())
    fs, root = url_to_fs(text)
    root = root.rstrip("/")
    if isinstance(fs, LocalFileSystem):
        return DataDir(fs, root, Path(state_dir or root).absolute())
    return DataDir(fs, root, Path(state_dir or default_state_dir(fs.unstrip_protocol(root))))


def default_state_dir(url: str) -> Path:
    """``$NEWSDESK_STATE_DIR``, else ``<cache dir>/newsdesk/<readable url>-<hash>``: one state
    dir per remote data dir on this host."""
    if os.environ.get(STATE_DIR_ENV):
        return Path(os.environ[STATE_DIR_ENV]).absolute()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", url)[:80].strip("_")
    return cache / "newsdesk" / f"{slug}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def write_parquet(store: DataDir, table: pa.Table, path: str) -> None:
    """Write ``path`` (a path of ``store.fs``) so that no reader ever sees it partially written."""
    if store.is_local:
        _write_local(table, Path(path))
        return
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="zstd")
    # one PUT of the final key: the object appears whole or not at all
    store.fs.pipe_file(path, buffer.getvalue().to_pybytes())


def _write_local(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # dot-prefixed and not ending in .parquet: invisible to readers until the rename
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    replace_durably(tmp, path)


def replace_durably(tmp: Path, path: Path) -> None:
    """``tmp`` becomes ``path`` in one rename, with its bytes and the rename on disk first, so a
    crash leaves either the old file or the whole new one."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_schema(store: DataDir, path: str) -> pa.Schema:
    with store.fs.open(path, "rb") as handle:
        return pq.read_schema(handle)


def read_table(store: DataDir, path: str) -> pa.Table:
    with store.fs.open(path, "rb") as handle:
        return pq.read_table(handle)


def dataset_table(store: DataDir, directory: str, columns: list[str]) -> pa.Table | None:
    """Every ``*.parquet`` file of a directory (a path of ``store.fs``) as one Arrow table;
    ``None`` when there is none."""
    import pyarrow.dataset as ds

    files = store.glob(f"{directory}/*.parquet")
    if not files:
        return None
    filesystem = None if store.is_local else store.fs
    return ds.dataset(
        files, filesystem=filesystem, format="parquet", exclude_invalid_files=True
    ).to_table(columns=columns)
