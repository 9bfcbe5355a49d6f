"""The writer lock: one process at a time writes a warehouse (``newsdesk run``, ``newsdesk
compact``, a reader's repair). It is a file in the local state dir, so it excludes writers on
this host only (docs/operations.md)."""

from __future__ import annotations

from filelock import FileLock, Timeout

from warehouse.storage import DataDir

LOCK_NAME = ".newsdesk.lock"


class WarehouseBusy(RuntimeError):
    """Another writer holds the lock."""


def writer_lock(root: DataDir, timeout: float = 0.0) -> FileLock:
    """The lock object, not yet acquired (``timeout``: seconds to wait, -1 for ever)."""
    return FileLock(str(root.state / LOCK_NAME), timeout=timeout)


def acquire_writer_lock(root: DataDir, timeout: float, retry_hint: str) -> FileLock:
    """The acquired lock, or ``WarehouseBusy`` naming the data dir and ``retry_hint``."""
    lock = writer_lock(root, timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        raise WarehouseBusy(f"another newsdesk run is writing to {root.url}; {retry_hint}") from exc
    return lock
