"""`newsdesk serve` on a real Prefect server, the run report artifact, and the data dir URL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from filelock import FileLock

from flows.etl import RunSummary
from flows.report import ARTIFACT_KEY, run_report
from tests.conftest import ROOT, SEEDS
from warehouse.query import query
from warehouse.writer_lock import LOCK_NAME

PREFECT_SERVER = [sys.executable, "-m", "prefect", "server", "start"]
NEWSDESK_SERVE = [sys.executable, "-m", "flows.cli", "serve"]


def _env(home: Path, api_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _stop(proc: subprocess.Popen[bytes], sig: int) -> None:
    """Signal the process group this test started; kill it if it does not exit."""
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _wait_for(what: str, condition: Callable[[], object], timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def test_report_has_counts_rows_errors_and_throughput():
    summary = RunSummary(
        run_id="r1",
        data_dir="/d",
        pipeline_version="v",
        documents_new=4,
        documents_unchanged=2,
        documents_failed=1,
        errors=2,
        errors_by_kind={"bad_json": 2},
        rows={"mentions": 30, "documents": 4},
        elapsed_seconds=2.0,
    )
    md = run_report(summary)
    for line in (
        "| new | 4 |",
        "| unchanged | 2 |",
        "| failed | 1 |",
        "| documents | 4 |",
        "| mentions | 30 |",
        "| bad_json | 2 |",
        "throughput 2.0 docs/s",
    ):
        assert line in md, line


def test_serve_refuses_without_a_prefect_server(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--interval", "5", "-d", str(tmp_path)],
        cwd=ROOT,
        env=_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "PREFECT_API_URL is not set" in proc.stderr


@pytest.mark.slow
def test_every_run_publishes_its_report(seeded_warehouse: Path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY]))
        )
    assert any("| new | 5 |" in str(a.data) for a in artifacts), artifacts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    """A real `prefect server start` (SQLite) on a free loopback port; yields its API URL."""
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        [*PREFECT_SERVER, "--host", "127.0.0.1", "--port", str(port)],
        env=_env(tmp_path / "server-home"),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:

        def healthy() -> bool:
            assert proc.poll() is None, (tmp_path / "server.log").read_text()
            try:
                return httpx.get(f"{api}/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        _wait_for("the Prefect server", healthy, 120)
        yield api
    finally:
        _stop(proc, signal.SIGTERM)
        log.close()


def _flow_runs(api: str) -> list[dict]:
    return httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _flow_run_states(api: str) -> list[str]:
    return [r["state_type"] for r in _flow_runs(api)]


@pytest.mark.slow
def test_served_schedule_runs_and_a_failed_run_does_not_block_the_next(
    prefect_server: str, tmp_path: Path
):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    # a writer holds the lock: the first scheduled run fails as busy (never overlapping it)
    lock = FileLock(str(data_dir / LOCK_NAME))
    lock.acquire()
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(
        [*NEWSDESK_SERVE, str(SEEDS), "--interval", "5", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=_env(tmp_path / "client-home", prefect_server),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:

        def states() -> list[str]:
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
            return _flow_run_states(prefect_server)

        _wait_for("a failed run", lambda: "FAILED" in states(), 120)
        lock.release()

        def documents() -> int:
            states()
            if not list((data_dir / "tables" / "manifest").glob("*-b*.parquet")):
                return 0
            return query(data_dir, "select count(*) from documents")[1][0][0]

        assert _wait_for("a scheduled run to fill the warehouse", documents, 120) == 5
        _wait_for("a completed run", lambda: "COMPLETED" in states(), 60)
        # runs never overlapped
        spans = sorted(
            (_time(r["start_time"]), _time(r["end_time"] or "9999-12-31T00:00:00Z"))
            for r in _flow_runs(prefect_server)
            if r["start_time"]
        )
        assert len(spans) >= 2
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, spans
        assert query(data_dir, "select count(*) from events")[1][0][0] > 0
    finally:
        if lock.is_locked:
            lock.release()
        _stop(serve, signal.SIGINT)
        log.close()
