"""Prefect's temporary local server, started early by ``newsdesk run``.

Without ``PREFECT_API_URL`` Prefect starts a temporary server itself, but only when the flow is
called: after this process has imported the flow's modules and ``prefect.server`` (about 4.5 s of
CPU), so its 8-10 s start-up sat entirely on the run's critical path. Starting the same server
process first, before any of those imports, lets it come up while this process imports and the
NLP workers load the model; the flow then talks to it as to any server through
``PREFECT_API_URL``. The command mirrors Prefect 3.9's ``SubprocessASGIServer`` (uvicorn with
``prefect.server.api.server:create_app``, UI off, ephemeral mode); the process is stopped when
the run ends.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from flows.prefect_db_template import DATABASE_NAME, prefect_home, save_template, seed_home

API_URL_ENV = "PREFECT_API_URL"
# flags Prefect itself sets for its temporary server: no UI, ephemeral services, last instance
_SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
    # registering Prefect's block types costs ~1 s of the server's start on a fresh database, and
    # no newsdesk flow uses blocks; a full `prefect server start` on the same database registers them
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
}
_PORT_IN_USE = 3  # uvicorn's exit code when the port was taken meanwhile


class ServerStartError(RuntimeError):
    """The temporary server did not answer its health check in time."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryServer:
    """Starts on construction (no waiting); ``wait_ready`` blocks until ``/api/health`` answers.
    Sets ``PREFECT_API_URL`` for this process, so it must be created before ``prefect`` is
    imported (Prefect reads its settings from the environment at import)."""

    def __init__(self, startup_timeout: float = 120.0) -> None:
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        # a new home starts from a migrated copy; a home that migrates its own database leaves
        # one for the next (flows/prefect_db_template.py)
        self.home = prefect_home()
        self.migrates = not (self.home / DATABASE_NAME).exists() and not seed_home(self.home)
        self._start()
        os.environ[API_URL_ENV] = self.api_url
        atexit.register(self.stop)  # also when the caller fails before its own cleanup

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _start(self) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "uvicorn",
                "--factory", "prefect.server.api.server:create_app",
                "--host", "127.0.0.1", "--port", str(self.port),
                "--log-level", "error", "--lifespan", "on",
            ],
            env={**os.environ, **_SERVER_ENV},
        )  # fmt: skip

    def wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            code = self.process.poll()
            # no restart on another port: Prefect, imported by now, has read the URL already
            if code == _PORT_IN_USE:
                raise ServerStartError(
                    f"port {self.port} was taken before the temporary Prefect server bound it; "
                    "run again"
                )
            if code is not None:
                raise ServerStartError(f"the temporary Prefect server exited with code {code}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        if self.migrates:
                            save_template(self.home)
                            self.migrates = False
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise ServerStartError(
            f"the temporary Prefect server did not start within {self.startup_timeout:.0f} s"
        )

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        if os.environ.get(API_URL_ENV) == self.api_url:
            del os.environ[API_URL_ENV]

    def __enter__(self) -> TemporaryServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _profile_api_url() -> str | None:
    """``PREFECT_API_URL`` from the active profile of ``$PREFECT_HOME/profiles.toml``, read
    without importing Prefect."""
    home = os.environ.get("PREFECT_HOME")
    path = Path(
        os.environ.get("PREFECT_PROFILES_PATH") or (Path(home) / "profiles.toml" if home else "")
    )
    if not path.name or not path.is_file():
        return None
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    value = profiles.get("profiles", {}).get(active, {}).get(API_URL_ENV)
    return str(value) if value else None


def start_temporary_server() -> TemporaryServer | None:
    """A temporary server unless the user points Prefect at one (``PREFECT_API_URL`` in the
    environment or the active profile)."""
    if os.environ.get(API_URL_ENV) or _profile_api_url():
        return None
    timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
    return TemporaryServer(timeout)
