"""A migrated, empty Prefect database from which a new Prefect home starts.

``PREFECT_HOME`` defaults to the data dir's state dir, so the first run into a new data dir used
to make the temporary server create its SQLite database and apply every Alembic migration:
~3.5 s of CPU, a third of the server's start, paid again for every new data dir. After the first
such migration the database, still empty of runs, is copied (SQLite's backup API: a consistent
copy while the server runs) to a template kept beside the installation
(``<sys.prefix>/share/newsdesk/prefect-<version>.db``, or ``$NEWSDESK_PREFECT_TEMPLATE_DIR``), and
a home without a database is started from a copy of it. Prefect still checks the schema on start
and migrates whatever a newer Prefect needs; the template is named by Prefect's version, so an
upgrade makes a new one. It is a cache: failing to read or write it never fails a run, and it
is not used when the user points Prefect at another database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
from importlib.metadata import version
from pathlib import Path

TEMPLATE_DIR_ENV = "NEWSDESK_PREFECT_TEMPLATE_DIR"
# a database the user chose (PostgreSQL, another file) is left alone
_DATABASE_URL_ENVS = (
    "PREFECT_API_DATABASE_CONNECTION_URL",
    "PREFECT_SERVER_DATABASE_CONNECTION_URL",
)
DATABASE_NAME = "prefect.db"


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def template_path() -> Path | None:
    """Where the template for the installed Prefect lives; None when the user chose a database."""
    if any(os.environ.get(name) for name in _DATABASE_URL_ENVS):
        return None
    base = os.environ.get(TEMPLATE_DIR_ENV) or str(Path(sys.prefix) / "share" / "newsdesk")
    return Path(base) / f"prefect-{version('prefect')}.db"


def seed_home(home: Path) -> bool:
    """Copy the template into ``home`` if it has no database yet; True when copied."""
    template = template_path()
    database = home / DATABASE_NAME
    if template is None or database.exists() or not template.is_file():
        return False
    tmp = home / f".{DATABASE_NAME}.{os.getpid()}.tmp"
    try:
        home.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, tmp)
        os.replace(tmp, database)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True


def save_template(home: Path) -> bool:
    """Keep a copy of ``home``'s freshly migrated database as the template (once); True when
    written. Call it when the server answers, before any run is recorded."""
    template = template_path()
    database = home / DATABASE_NAME
    if template is None or template.exists() or not database.is_file():
        return False
    tmp = template.with_name(f".{template.name}.{os.getpid()}.tmp")
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        os.replace(tmp, template)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True
