"""The temporary Prefect server ``newsdesk run`` starts before importing the flow."""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

import pytest

from flows.local_server import API_URL_ENV, start_temporary_server


def test_no_server_when_the_environment_names_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_URL_ENV, "http://127.0.0.1:4200/api")
    assert start_temporary_server() is None


def test_no_server_when_the_active_profile_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    (tmp_path / "profiles.toml").write_text(
        'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n',
        encoding="utf-8",
    )
    assert start_temporary_server() is None


def test_server_answers_then_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = start_temporary_server()
    assert server is not None
    try:
        assert os.environ[API_URL_ENV] == server.api_url
        server.wait_ready()
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
        assert process is not None
    finally:
        server.stop()
    assert process.poll() is not None
    assert API_URL_ENV not in os.environ
