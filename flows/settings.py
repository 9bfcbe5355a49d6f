"""Environment for Prefect, applied before ``prefect`` is first imported."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warehouse.storage import DataDir

DATA_DIR_ENV = "NEWSDESK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV, "data"))


def configure_prefect(data_dir: DataDir, log_level: str | None = None) -> None:
    """Keep Prefect's state under the (local) state dir, which is the data dir itself when local,
    unless the user set PREFECT_HOME; and quiet.

    Without PREFECT_API_URL, Prefect runs the flow against a temporary local server: no server
    to install or start for a plain ``newsdesk run``."""
    home = Path(os.environ.setdefault("PREFECT_HOME", str(data_dir.state / "prefect")))
    # Prefect cannot create its SQLite file when the directory is missing (a fresh data dir)
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_API_ENABLE_HTTP2", "false")
    # the temporary server migrates a fresh SQLite database on first start: slow on 2 cores
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if log_level:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", log_level)
